/* Daily drill: shows a drill session (drill_session.h: the queue, saving,
 * tallies, the feedback's words and the end bonus live there) item by item,
 * questions and flashcards, judged at once and explained option by option,
 * and ends with a summary of the day and the way on: ten more new items or
 * the session's misses again. Every action has a button as well as a key;
 * every part measures its text, so any text size fits (the question, the
 * card and the summary scroll). Every failed write or read is shown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actionbar.h"
#include "confirm.h"
#include "drill_session.h"
#include "exam.h"
#include "particles.h"
#include "qview.h"
#include "report.h"
#include "rewards.h"
#include "scoring.h"
#include "screen_drill.h"
#include "screens.h"
#include "study.h"
#include "text.h"
#include "ui.h"

/* The keys of each moment of the drill (keys.h): bound letters and footers.
 * The first row of the asking maps takes the option keys of the question on
 * screen (show_item: "1-4 / A-D" for four options). */
static const KeyBinding ASK_ROWS[] = {
    {"1-8 / A-H", 0, CMD_NONE, "choose", false},
    {"Enter", 0, CMD_NONE, "submit", false},
    {"Up/Down/PgUp/PgDn", 0, CMD_NONE, KEYS_DOES_SCROLL, true},
    {"R", 'R', CMD_REPORT, "report", true},
    {"Esc", 0, CMD_NONE, "leave", false},
};
static const KeyBinding ASK_SURE_ROWS[] = {
    {"1-8 / A-H", 0, CMD_NONE, "choose", false},
    {"Enter", 0, CMD_NONE, "submit", false},
    {"S", 'S', CMD_SURE, "sure", true},
    {"Up/Down/PgUp/PgDn", 0, CMD_NONE, KEYS_DOES_SCROLL, true},
    {"R", 'R', CMD_REPORT, "report", true},
    {"Esc", 0, CMD_NONE, "leave", false},
};
static const KeyBinding EXPLAINED_ROWS[] = {
    {"Enter", 0, CMD_NONE, "next", false},
    {"L", 'L', CMD_LEARN_MORE, "learn more", false},
    {"Up/Down/PgUp/PgDn", 0, CMD_NONE, KEYS_DOES_SCROLL, true},
    {"R", 'R', CMD_REPORT, "report", true},
    {"Esc", 0, CMD_NONE, "leave", false},
};
static const KeyBinding EXPLAINED_NO_REFS_ROWS[] = {
    {"Enter", 0, CMD_NONE, "next", false},
    {"Up/Down/PgUp/PgDn", 0, CMD_NONE, "scroll the explanations", true},
    {"R", 'R', CMD_REPORT, "report", true},
    {"Esc", 0, CMD_NONE, "leave", false},
};
static const KeyBinding CARD_FRONT_ROWS[] = {
    {"Space", 0, CMD_NONE, "show the answer", false},
    {"R", 'R', CMD_REPORT, "report", true},
    {"Esc", 0, CMD_NONE, "leave", false},
};
static const KeyBinding CARD_BACK_ROWS[] = {
    {"Y", 'Y', CMD_YES, "knew it", false},
    {"N", 'N', CMD_NO, "missed it", false},
    {"Up/Down", 0, CMD_NONE, KEYS_DOES_SCROLL, true},
    {"R", 'R', CMD_REPORT, "report", true},
    {"Esc", 0, CMD_NONE, "leave", false},
};
static const KeyBinding CARD_DONE_ROWS[] = {
    {"Enter", 0, CMD_NONE, "next", false},
    {"R", 'R', CMD_REPORT, "report", true},
    {"Esc", 0, CMD_NONE, "leave", false},
};
static const KeyBinding SUMMARY_ROWS[] = {
    {"Enter", 0, CMD_NONE, "home", false},
    {"L", 'L', CMD_MORE_NEW, "learn 10 more", false},
    {"D", 'D', CMD_MISTAKES, "drill my mistakes", false},
    {"Up/Down", 0, CMD_NONE, KEYS_DOES_SCROLL, true},
};
static const KeyBinding SUMMARY_NO_MISSES_ROWS[] = {
    {"Enter", 0, CMD_NONE, "home", false},
    {"L", 'L', CMD_MORE_NEW, "learn 10 more", false},
    {"Up/Down", 0, CMD_NONE, KEYS_DOES_SCROLL, true},
};
static const KeyMap ASK_KEYS = KEYMAP(ASK_ROWS);
static const KeyMap ASK_SURE_KEYS = KEYMAP(ASK_SURE_ROWS);
static const KeyMap EXPLAINED_KEYS = KEYMAP(EXPLAINED_ROWS);
static const KeyMap EXPLAINED_NO_REFS_KEYS = KEYMAP(EXPLAINED_NO_REFS_ROWS);
static const KeyMap CARD_FRONT_KEYS = KEYMAP(CARD_FRONT_ROWS);
static const KeyMap CARD_BACK_KEYS = KEYMAP(CARD_BACK_ROWS);
static const KeyMap CARD_DONE_KEYS = KEYMAP(CARD_DONE_ROWS);
static const KeyMap SUMMARY_KEYS = KEYMAP(SUMMARY_ROWS);
static const KeyMap SUMMARY_NO_MISSES_KEYS = KEYMAP(SUMMARY_NO_MISSES_ROWS);


static void show_item(App *app, DrillState *s, int item);

static void *drill_enter(App *app, const void *arg)
{
    const DrillLaunch *only = arg;
    DrillState *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    StudyToday today;
    app_study_today(app, &today);
    s->level_before = today.level;
    s->title = only ? only->title : NULL;
    bool ok = !only ? drill_session_begin(&s->d, app->study, &today, app_now(app), &app->rng)
              : only->missed >= only->count
                  ? drill_session_begin_misses(&s->d, app->study, only->items, only->count, app_now(app))
                  : drill_session_begin_items(&s->d, app->study, only->items, only->count, only->missed, app_now(app));
    app_saved(app, ok, "Drill not started");
    show_item(app, s, s->d.item);
    return s;
}

static void drill_leave(App *app, void *state)
{
    (void)app;
    DrillState *s = state;
    drill_session_free(&s->d);
    free(s);
}

static void go_summary(App *app, DrillState *s, bool finished)
{
    s->phase = DRILL_SUMMARY;
    s->anim_ms = 0;
    s->summary_scroll.offset = 0;
    app_saved(app, drill_session_end(&s->d, finished), "Drill bonus not saved");
    app_study_today(app, &s->after);
    if (s->after.level > s->level_before) {
        app_sound(app, SFX_LEVEL_UP);
        particles_burst(app, &s->particles, (float)app->w / 2, (float)app->h / 3, 120, 700);
    } else {
        app_sound(app, SFX_END);
    }
}

/* Shows `item` (from the session), or the summary when the queue ran out. */
static void show_item(App *app, DrillState *s, int item)
{
    s->card_flipped = false;
    s->card_scroll.offset = 0;
    s->verdict_ms = 0;
    s->shown_at = app->ticks_ms;
    if (item < 0) {
        go_summary(app, s, true);
        return;
    }
    if (app->bank->items[item].kind == ITEM_FLASHCARD) {
        s->phase = DRILL_CARD;
    } else {
        qview_set(app, &s->q, item, NULL);
        s->phase = DRILL_ASK;
        keys_options(s->q.option_count, s->choose_key, sizeof s->choose_key);
        s->ask_keys = keys_with_first_key(&ASK_KEYS, s->choose_key, s->ask_rows, DRILL_ASK_ROWS);
        s->ask_sure_keys = keys_with_first_key(&ASK_SURE_KEYS, s->choose_key, s->ask_sure_rows, DRILL_ASK_ROWS);
    }
}

/* From the summary: a new session of `kind` in the same screen (the day's
 * numbers and the level carry on). */
static void start_more(App *app, DrillState *s, DrillKind kind)
{
    const int *missed;
    int n = drill_session_missed(&s->d, &missed);
    if (kind == DRILL_MISTAKES && n == 0) {
        app_status(app, "No mistakes in this session to drill again");
        return;
    }
    int *items = malloc((size_t)(n > 0 ? n : 1) * sizeof *items);
    if (!items) {
        app_status(app, "Drill not started: out of memory");
        return;
    }
    memcpy(items, missed, (size_t)n * sizeof *items);
    drill_session_free(&s->d);
    bool ok = kind == DRILL_MISTAKES
                  ? drill_session_begin_misses(&s->d, app->study, items, n, app_now(app))
                  : drill_session_begin_new(&s->d, app->study, DRILL_MORE_NEW, app_now(app), &app->rng);
    free(items);
    app_saved(app, ok, "Drill not started");
    s->title = NULL;
    s->level_before = s->after.level;
    if (s->d.item < 0 && kind == DRILL_NEW) {
        app_status(app, "Every item in the bank has been met: nothing new to learn");
        s->d.finished = true;
        s->d.ended = true;
        return;
    }
    show_item(app, s, s->d.item);
}

static void submit(App *app, DrillState *s, bool correct, uint32_t answer)
{
    int ms = (int)(app->ticks_ms - s->shown_at);
    bool saved = app_saved(app, drill_session_answer(&s->d, correct, answer, ms, app_now(app)), "Not saved");
    s->flash_ms = 450;
    if (correct) {
        app_sound(app, saved && s->d.combo % 5 == 0 ? SFX_COMBO : SFX_CORRECT);
        particles_burst(app, &s->particles, (float)app->w - (float)app_px(app, 120), (float)app_px(app, 40), 30,
                        380);
    } else {
        app_sound(app, SFX_WRONG);
    }
}

static void ask_action(App *app, DrillState *s, const Action *a)
{
    if (a->type == ACT_CONFIRM) {
        const BankItem *it = &app->bank->items[s->d.item];
        int n = qview_chosen_count(&s->q);
        if (n == 0) {
            app_status(app, "Choose an answer first: 1-%d or A-%c", s->q.option_count, 'A' + s->q.option_count - 1);
            return;
        }
        if (n < it->choose) {
            app_status(app, "Choose %d options (%d chosen)", it->choose, n);
            return;
        }
        bool correct = scoring_item_correct(it, s->q.chosen);
        submit(app, s, correct, s->q.chosen);
        s->q.revealed = true;
        s->q.show_whys = true;
        qview_scroll_to_options(&s->q);
        s->phase = DRILL_FEEDBACK;
        return;
    }
    if (a->type == ACT_COMMAND && a->value == CMD_SURE && drill_session_asks_sure(&s->d)) {
        drill_session_set_sure(&s->d, !s->d.sure);
        app_sound(app, SFX_CLICK);
        return;
    }
    qview_action(app, &s->q, a);
}

static void card_action(App *app, DrillState *s, const Action *a)
{
    if (!s->card_flipped) {
        if (a->type == ACT_SPACE || a->type == ACT_CONFIRM) {
            s->card_flipped = true;
            s->flip_ms = app->settings.reduce_motion ? 0 : FLIP_MS;
            app_sound(app, SFX_FLIP);
            return;
        }
        ui_scroll_action(app, &s->card_scroll, a);
        return;
    }
    if (a->type == ACT_COMMAND && (a->value == CMD_YES || a->value == CMD_NO)) {
        /* Graded: the verdict shows a moment, then the next item comes on
         * its own (Enter or Next sooner). */
        bool knew = a->value == CMD_YES;
        submit(app, s, knew, knew ? 1u : 0u);
        s->phase = DRILL_FEEDBACK;
        s->verdict_ms = CARD_VERDICT_MS;
        return;
    }
    ui_scroll_action(app, &s->card_scroll, a);
}

static void summary_action(App *app, DrillState *s, const Action *a)
{
    if (a->type == ACT_CONFIRM || a->type == ACT_BACK)
        app_pop(app);
    else if (a->type == ACT_COMMAND && a->value == CMD_MORE_NEW)
        start_more(app, s, DRILL_NEW);
    else if (a->type == ACT_COMMAND && a->value == CMD_MISTAKES)
        start_more(app, s, DRILL_MISTAKES);
    else
        ui_scroll_action(app, &s->summary_scroll, a);
}

static void ask_to_leave(DrillState *s)
{
    char msg[200];
    int n = s->d.queue.answered;
    if (n == 0)
        snprintf(msg, sizeof msg, "Nothing is answered yet. Items due stay due for next time.");
    else
        snprintf(msg, sizeof msg, "Your %d answer%s so far %s saved. Items still due stay due for next time.", n,
                 n == 1 ? "" : "s", n == 1 ? "is" : "are");
    confirm_open(&s->confirm, 0, "Leave the drill?", msg, "Keep drilling", "Leave the drill");
}

static void drill_action(App *app, void *state, const Action *a)
{
    DrillState *s = state;
    if (s->confirm.open) {
        if (confirm_action(&s->confirm, a) == CONFIRM_RISKY)
            go_summary(app, s, false);
        return;
    }
    if (s->phase == DRILL_SUMMARY) {
        summary_action(app, s, a);
        return;
    }
    if (a->type == ACT_BACK) {
        ask_to_leave(s);
        return;
    }
    /* R, or the Report button */
    bool report = a->type == ACT_COMMAND && a->value == CMD_REPORT;
    if (report && s->d.item >= 0) {
        bool card = app->bank->items[s->d.item].kind == ITEM_FLASHCARD;
        bool answered = s->phase == DRILL_FEEDBACK;
        report_open(app, s->d.item, card ? (uint32_t)s->d.last_correct : s->q.chosen, answered);
        return;
    }
    switch (s->phase) {
    case DRILL_ASK: ask_action(app, s, a); break;
    case DRILL_FEEDBACK:
        if (a->type == ACT_CONFIRM)
            show_item(app, s, drill_session_next(&s->d));
        else if (app->bank->items[s->d.item].kind == ITEM_FLASHCARD)
            ui_scroll_action(app, &s->card_scroll, a);
        else
            qview_action(app, &s->q, a);
        break;
    case DRILL_CARD: card_action(app, s, a); break;
    case DRILL_SUMMARY: break;
    }
}

static void count_down(int *ms, int dt)
{
    *ms = *ms > dt ? *ms - dt : 0;
}

static int drill_update(App *app, void *state, int dt_ms)
{
    DrillState *s = state;
    bool busy = particles_update(&s->particles, dt_ms);
    busy |= s->flash_ms > 0 || s->flip_ms > 0;
    count_down(&s->flash_ms, dt_ms);
    count_down(&s->flip_ms, dt_ms);
    if (s->verdict_ms > 0 && !s->confirm.open) {
        count_down(&s->verdict_ms, dt_ms);
        if (s->verdict_ms == 0 && s->phase == DRILL_FEEDBACK)
            show_item(app, s, drill_session_next(&s->d));
        busy = true;
    }
    if (s->phase == DRILL_SUMMARY && s->anim_ms < 1200) {
        s->anim_ms += dt_ms;
        busy = true;
    }
    return busy ? SCREEN_ANIMATING : SCREEN_IDLE;
}

/* ---- drawing ------------------------------------------------------------ */

bool drill_on_card(const App *app, const DrillState *s)
{
    return s->d.item >= 0 && app->bank->items[s->d.item].kind == ITEM_FLASHCARD;
}

/* The buttons of the moment (every action its key does), with their key
 * hints from the moment's map. Returns how many. */
int drill_phase_buttons(App *app, const DrillState *s, const KeyMap *map, BarButton out[4],
                         char labels[4][64])
{
    int n = 0;
    switch (s->phase) {
    case DRILL_ASK:
        out[n++] = (BarButton){"Enter  Submit", {.type = ACT_CONFIRM}};
        break;
    case DRILL_CARD:
        if (!s->card_flipped) {
            out[n++] = (BarButton){"Space  Show answer", {.type = ACT_SPACE}};
            break;
        }
        out[n++] = (BarButton){keys_hint(map, CMD_NO, "Missed it", labels[0], sizeof labels[0]),
                               {.type = ACT_COMMAND, .value = CMD_NO}};
        out[n++] = (BarButton){keys_hint(map, CMD_YES, "Knew it", labels[1], sizeof labels[1]),
                               {.type = ACT_COMMAND, .value = CMD_YES}};
        break;
    case DRILL_FEEDBACK:
        if (!drill_on_card(app, s) && qview_has_refs(app, &s->q))
            out[n++] = (BarButton){keys_hint(map, CMD_LEARN_MORE, "Learn more", labels[0], sizeof labels[0]),
                                   {.type = ACT_COMMAND, .value = CMD_LEARN_MORE}};
        out[n++] = (BarButton){"Enter  Next", {.type = ACT_CONFIRM}};
        break;
    case DRILL_SUMMARY: {
        const int *missed;
        out[n++] = (BarButton){"Enter  Home", {.type = ACT_CONFIRM}};
        if (drill_session_missed(&s->d, &missed) > 0)
            out[n++] = (BarButton){keys_hint(map, CMD_MISTAKES, "Drill my mistakes", labels[0], sizeof labels[0]),
                                   {.type = ACT_COMMAND, .value = CMD_MISTAKES}};
        out[n++] = (BarButton){keys_hint(map, CMD_MORE_NEW, "Learn 10 more", labels[1], sizeof labels[1]),
                               {.type = ACT_COMMAND, .value = CMD_MORE_NEW}};
        break;
    }
    }
    return n;
}


/* The keys of the moment, the dialog aside. */
const KeyMap *drill_phase_keys(App *app, const DrillState *s)
{
    switch (s->phase) {
    case DRILL_ASK: return drill_session_asks_sure(&s->d) ? &s->ask_sure_keys : &s->ask_keys;
    case DRILL_CARD: return s->card_flipped ? &CARD_BACK_KEYS : &CARD_FRONT_KEYS;
    case DRILL_FEEDBACK:
        if (drill_on_card(app, s))
            return &CARD_DONE_KEYS;
        return qview_has_refs(app, &s->q) ? &EXPLAINED_KEYS : &EXPLAINED_NO_REFS_KEYS;
    case DRILL_SUMMARY: break;
    }
    const int *missed;
    return drill_session_missed(&s->d, &missed) > 0 ? &SUMMARY_KEYS : &SUMMARY_NO_MISSES_KEYS;
}

static const KeyMap *drill_keys(App *app, void *state)
{
    DrillState *s = state;
    return s->confirm.open ? confirm_keys() : drill_phase_keys(app, s);
}

/* The "Sure" check box: left of the buttons when the row holds both (then
 * draws the buttons too and returns true), else a row of its own above
 * them; *bottom moves up by what it takes above the buttons. */
static bool draw_sure(App *app, DrillState *s, const KeyMap *map, const BarButton *bar, int nb, int *bottom)
{
    char label[64];
    ExamButton sure = {.label = keys_hint(map, CMD_SURE, "Sure of this answer", label, sizeof label),
                       .action = {.type = ACT_COMMAND, .value = CMD_SURE}, .check = s->d.sure};
    int margin = app_px(app, 28), gap = app_px(app, 12), w = app->w - margin * 2;
    int cw = exam_control_width(app, &sure), top = actionbar_top(app, bar, nb), bh = actionbar_height(app, bar, nb, w);
    int rest = w - cw - gap, h = exam_buttons(app, &sure, 1, margin, 0, w, false);
    if (rest > 0 && actionbar_height(app, bar, nb, rest) == bh) {
        *bottom -= h > bh ? h - bh : 0;
        exam_buttons(app, &sure, 1, margin, top + bh - h, w, true);
        actionbar_draw(app, (SDL_Rect){margin + cw + gap, top, rest, 0}, bar, nb);
        return true;
    }
    *bottom -= h + app_px(app, 10);
    exam_buttons(app, &sure, 1, margin, *bottom + app_px(app, 10), w, true);
    return false;
}

static void drill_draw(App *app, void *state)
{
    DrillState *s = state;
    ui_background(app);
    const KeyMap *map = drill_phase_keys(app, s);
    if (s->phase == DRILL_SUMMARY) {
        drill_draw_summary(app, s, map);
        confirm_draw(app, &s->confirm);
        return;
    }
    int top;
    drill_draw_header(app, s, &top);
    BarButton bar[4];
    char labels[4][64];
    int nb = drill_phase_buttons(app, s, map, bar, labels);
    int space = app_px(app, ui_compact(app) ? 6 : 10);
    int bottom = actionbar_top(app, bar, nb) - space;
    int margin = app_px(app, 28);
    if (s->phase == DRILL_FEEDBACK)
        top += drill_verdict(app, s, top, true) + space;
    bool bar_drawn = s->phase == DRILL_ASK && drill_session_asks_sure(&s->d) &&
                     draw_sure(app, s, map, bar, nb, &bottom);
    SDL_Rect area = {margin, top, app->w - margin * 2, bottom - top};
    if (drill_on_card(app, s))
        drill_draw_card(app, s, area);
    else
        qview_draw(app, &s->q, area);
    if (!bar_drawn)
        actionbar_draw_bottom(app, bar, nb);
    ui_footer_keys(app, map);
    particles_draw(app, &s->particles);
    confirm_draw(app, &s->confirm);
}

static bool drill_right_options(App *app, void *state, uint32_t *mask, int *count)
{
    DrillState *s = state;
    if (s->confirm.open)
        return false;
    if (s->phase == DRILL_CARD && !s->card_flipped) {
        *mask = 0;
        *count = -1;
        return true;
    }
    if (s->phase != DRILL_ASK)
        return false;
    *mask = qview_right_display(app, &s->q);
    *count = s->q.option_count;
    return true;
}

const Screen SCREEN_DRILL = {
    .name = "drill",
    .enter = drill_enter,
    .leave = drill_leave,
    .action = drill_action,
    .update = drill_update,
    .draw = drill_draw,
    .right_options = drill_right_options,
    .answer_submits = true,
    .keys = drill_keys,
};
