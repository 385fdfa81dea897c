/* Daily drill: shows a drill session (drill_session.h: the queue, saving,
 * tallies, the feedback's words and the end bonus live there) item by item,
 * questions and flashcards, judged at once and explained option by option,
 * and ends with a summary of the day and the way on: ten more new items or
 * the session's misses again. Every action has a button as well as a key;
 * every part measures its text, so any text size fits (the question, the
 * card and the summary scroll). Every failed write or read is shown. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actionbar.h"
#include "chart.h"
#include "confirm.h"
#include "drill_session.h"
#include "exam.h"
#include "hud.h"
#include "particles.h"
#include "qview.h"
#include "report.h"
#include "rewards.h"
#include "scoring.h"
#include "screens.h"
#include "study.h"
#include "text.h"
#include "ui.h"

typedef enum DrillPhase { DRILL_ASK, DRILL_FEEDBACK, DRILL_CARD, DRILL_SUMMARY } DrillPhase;

/* The keys of each moment of the drill (keys.h): bound letters and footers. */
static const KeyBinding ASK_ROWS[] = {
    {"1-5 / A-E", 0, CMD_NONE, "choose", false},
    {"Enter", 0, CMD_NONE, "submit", false},
    {"Up/Down/PgUp/PgDn", 0, CMD_NONE, "scroll", true},
    {"R", 'R', CMD_REPORT, "report", true},
    {"Esc", 0, CMD_NONE, "leave", false},
};
static const KeyBinding ASK_SURE_ROWS[] = {
    {"1-5 / A-E", 0, CMD_NONE, "choose", false},
    {"Enter", 0, CMD_NONE, "submit", false},
    {"S", 'S', CMD_SURE, "sure", true},
    {"Up/Down/PgUp/PgDn", 0, CMD_NONE, "scroll", true},
    {"R", 'R', CMD_REPORT, "report", true},
    {"Esc", 0, CMD_NONE, "leave", false},
};
static const KeyBinding EXPLAINED_ROWS[] = {
    {"Enter", 0, CMD_NONE, "next", false},
    {"L", 'L', CMD_LEARN_MORE, "learn more", false},
    {"Up/Down/PgUp/PgDn", 0, CMD_NONE, "scroll", true},
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
    {"Up/Down", 0, CMD_NONE, "scroll", true},
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
    {"Up/Down", 0, CMD_NONE, "scroll", true},
};
static const KeyBinding SUMMARY_NO_MISSES_ROWS[] = {
    {"Enter", 0, CMD_NONE, "home", false},
    {"L", 'L', CMD_MORE_NEW, "learn 10 more", false},
    {"Up/Down", 0, CMD_NONE, "scroll", true},
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

#define CARD_VERDICT_MS 1200   /* a graded card's verdict shows this long, then the next item */
#define FLIP_MS 260

typedef struct DrillState {
    DrillSession d;
    DrillPhase phase;
    QuestionView q;
    uint64_t shown_at;        /* ticks when the item appeared */
    Confirm confirm;          /* "Leave the drill?" */
    bool card_flipped;
    int flip_ms;              /* flip animation time left */
    int flash_ms;             /* right/wrong flash time left */
    int verdict_ms;           /* a graded card moves on when this runs out */
    int level_before;
    StudyToday after;         /* for the summary */
    Particles particles;
    Scroll card_scroll;
    Scroll summary_scroll;
    int anim_ms;
    const char *title;        /* the launch's title (a contrast drill), NULL: by the kind */
} DrillState;

static void show_item(App *app, DrillState *s, int item);
static const KeyMap *phase_keys(App *app, const DrillState *s);

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

static bool on_card(const App *app, const DrillState *s)
{
    return s->d.item >= 0 && app->bank->items[s->d.item].kind == ITEM_FLASHCARD;
}

/* The buttons of the moment (every action its key does), with their key
 * hints from the moment's map. Returns how many. */
static int phase_buttons(App *app, const DrillState *s, const KeyMap *map, BarButton out[4],
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
        if (!on_card(app, s) && qview_has_refs(app, &s->q))
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

static int chip_width(App *app, const char *label)
{
    int w, h;
    text_size(app, FONT_SMALL, label, &w, &h);
    return w + app_px(app, 16);
}

/* The title, the counter and the chips (XP, combo, the item's box: the box
 * it is in now, the one the feedback names), and the Report button. */
static void draw_header(App *app, DrillState *s, int *content_top)
{
    const Theme *t = &app->theme;
    int number, total;
    drill_session_progress(&s->d, &number, &total);
    char label[96];
    snprintf(label, sizeof label, "Item %d of %d", number, total);
    float progress = total > 0 ? (float)s->d.queue.answered / (float)total : 1;
    static const char *const TITLES[] = {"Daily drill", "New items", "My mistakes", "Domain drill"};
    int y = hud_header(app, s->title ? s->title : TITLES[s->d.kind], label, progress);
    int margin = app_px(app, 28), gap = app_px(app, 8);
    int x = margin;
    int cy = y - app_px(app, 8);
    int report_h = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 8);
    int report_w = 0;
    if (s->d.item >= 0)
        report_w = report_button(app, phase_keys(app, s), app->w - margin, cy - app_px(app, 4), report_h);
    int right = app->w - margin - report_w - gap;
    char chips[3][64];
    snprintf(chips[0], sizeof chips[0], "+%d XP", s->d.xp);
    snprintf(chips[1], sizeof chips[1], "%d right in a row", s->d.combo);
    chips[2][0] = '\0';
    if (s->d.item >= 0) {
        int box = app->study->states[s->d.item].box;
        if (s->phase == DRILL_FEEDBACK) {
            DrillFeedback fb;
            drill_session_feedback(&s->d, app_now(app), &fb);
            box = fb.box_after;
        }
        snprintf(chips[2], sizeof chips[2], box == 0 ? "New item" : "Box %d", box);
    }
    SDL_Color bg[3] = {ui_alpha(t->accent, 50), ui_alpha(t->good, s->d.combo > 0 ? 60 : 25), ui_alpha(t->accent2, 40)};
    SDL_Color fg[3] = {t->accent, s->d.combo > 0 ? t->good : t->text_dim, t->accent2};
    /* The box first when room is short, then XP, then the combo. */
    static const int ORDER[3] = {2, 0, 1};
    bool show[3] = {false, false, false};
    int used = 0;
    for (int k = 0; k < 3; k++) {
        int c = ORDER[k];
        if (!chips[c][0])
            continue;
        int w = chip_width(app, chips[c]) + gap;
        if (x + used + w <= right) {
            show[c] = true;
            used += w;
        }
    }
    for (int c = 0; c < 3; c++)
        if (show[c])
            x += ui_chip(app, x, cy, chips[c], bg[c], fg[c]) + gap;
    int h = text_line_height(app, FONT_SMALL) + app_px(app, 4);
    if (report_h - app_px(app, 4) > h)
        h = report_h - app_px(app, 4);
    *content_top = cy + h + app_px(app, 10);
}

/* The verdict under the header after answering, wrapped to the width;
 * returns its height (draw false: measures only). */
static int verdict(App *app, DrillState *s, int y, bool draw)
{
    const Theme *t = &app->theme;
    DrillFeedback fb;
    drill_session_feedback(&s->d, app_now(app), &fb);
    char line[200];
    drill_feedback_text(&fb, on_card(app, s), line, sizeof line);
    int margin = app_px(app, 28), pad = app_px(app, 14);
    int w = app->w - margin * 2;
    int th = text_wrapped_height(app, FONT_BODY_BOLD, line, w - pad * 2);
    int h = th + app_px(app, 14);
    if (!draw)
        return h;
    float pulse = s->flash_ms > 0 ? (float)s->flash_ms / 450.0f : 0;
    SDL_Color c = fb.correct ? t->good : t->bad;
    ui_round_rect(app, (SDL_Rect){margin, y, w, h}, app_px(app, 10), ui_alpha(c, 40 + (int)(120 * pulse)));
    text_draw_wrapped(app, FONT_BODY_BOLD, line, margin + pad, y + app_px(app, 7), w - pad * 2, c, 0, app->h);
    return h;
}

/* The card: its tag, the front, and once turned the back, in a scrolling
 * column; a click on the front turns it. */
static void draw_card(App *app, DrillState *s, SDL_Rect area)
{
    const Theme *t = &app->theme;
    const BankItem *it = &app->bank->items[s->d.item];
    float scale_x = 1.0f;
    bool show_back = s->card_flipped;
    if (s->flip_ms > 0) {
        float p = 1.0f - (float)s->flip_ms / FLIP_MS; /* 0..1 */
        scale_x = fabsf(cosf(p * (float)M_PI));
        show_back = p >= 0.5f;
    }
    int cw = area.w * 3 / 4 > app_px(app, 640) ? area.w * 3 / 4 : area.w;
    int w = (int)((float)cw * scale_x);
    SDL_Rect card = {area.x + (area.w - w) / 2, area.y, w < 2 ? 2 : w, area.h};
    ui_round_rect(app, (SDL_Rect){card.x - 2, card.y - 2, card.w + 4, card.h + 4}, app_px(app, 22),
                  show_back ? t->accent2 : t->accent);
    ui_round_rect(app, card, app_px(app, 20), t->panel);
    if (!s->card_flipped)
        app_hit_label(app, card, (Action){.type = ACT_SPACE}, "the card (click to turn it)");
    if (s->flip_ms > 0)
        return;
    int pad = app_px(app, 24);
    SDL_Rect view = {card.x + pad, card.y + pad, card.w - pad * 2, card.h - pad * 2};
    int tw = view.w - app_px(app, 14); /* room for the scroll bar */
    s->card_scroll.view = view.h;
    ChartClip saved;
    chart_clip_push(app, view, &saved);
    int y = view.y - s->card_scroll.offset;
    char tag[160];
    snprintf(tag, sizeof tag, "Flashcard  -  Task %s  -  %s", app->bank->tasks[it->task].id,
             app->bank->domains[it->domain].name);
    if (chip_width(app, tag) <= tw) {
        ui_chip(app, view.x, y, tag, ui_alpha(t->accent2, 40), t->accent2);
        y += text_line_height(app, FONT_SMALL) + app_px(app, 14);
    } else {
        y += text_draw_wrapped(app, FONT_SMALL, tag, view.x, y, tw, t->accent2, view.y, view.y + view.h) +
             app_px(app, 10);
    }
    /* The big type while it fits in the card, else the body's. */
    FontRole front = FONT_TITLE;
    if (show_back || text_wrapped_height(app, FONT_TITLE, it->front, tw) > view.h / 2)
        front = FONT_BODY_BOLD;
    y += text_draw_wrapped(app, front, it->front, view.x, y, tw, show_back ? t->text_dim : t->text, view.y,
                           view.y + view.h);
    if (show_back) {
        y += app_px(app, 10);
        ui_fill(app, (SDL_Rect){view.x, y, tw, 1}, ui_alpha(t->border, 160));
        y += app_px(app, 12);
        FontRole back = text_wrapped_height(app, FONT_TITLE, it->back, tw) > view.h / 2 ? FONT_BODY : FONT_TITLE;
        y += text_draw_wrapped(app, back, it->back, view.x, y, tw, t->text, view.y, view.y + view.h);
    } else {
        y += app_px(app, 16);
        y += text_draw_wrapped(app, FONT_BODY, "Think of the answer, then turn the card: click it or Show answer.",
                               view.x, y, tw, t->text_dim, view.y, view.y + view.h);
    }
    s->card_scroll.content = y + s->card_scroll.offset - view.y;
    chart_clip_pop(app, &saved);
    ui_scrollbar(app, view, &s->card_scroll);
}

/* The session's four numbers as stat cards. Returns the height. */
static int draw_stats(App *app, const DrillSession *d, int x, int y, int w)
{
    const Theme *t = &app->theme;
    char values[4][32];
    snprintf(values[0], sizeof values[0], "%d", d->right);
    snprintf(values[1], sizeof values[1], "%d", d->wrong);
    snprintf(values[2], sizeof values[2], "%d", d->promoted);
    snprintf(values[3], sizeof values[3], "%d", d->demoted);
    HudStat stats[4] = {{"Right", values[0], t->good},
                        {"Wrong", values[1], d->wrong ? t->bad : t->text},
                        {"Moved up a box", values[2], t->accent2},
                        {"Back to box 1", values[3], t->text}};
    return hud_stat_grid(app, x, y, w, stats, 4, 4, 0, true);
}

/* Lines in a panel: each wrapped to the width. Measures only when
 * `draw` is false. Returns the panel's height. */
typedef struct PanelLine {
    FontRole role;
    SDL_Color colour;
    char text[160];
} PanelLine;

static int draw_lines(App *app, SDL_Rect r, const PanelLine *lines, int n, int bar_after, float bar, bool draw)
{
    int pad = app_px(app, 18), w = r.w - pad * 2;
    int y = r.y + pad;
    if (draw)
        ui_panel(app, r);
    for (int i = 0; i < n; i++) {
        int h = text_wrapped_height(app, lines[i].role, lines[i].text, w);
        if (draw)
            text_draw_wrapped(app, lines[i].role, lines[i].text, r.x + pad, y, w, lines[i].colour, 0, app->h);
        y += h + app_px(app, 6);
        if (i == bar_after) {
            if (draw)
                ui_progress(app, (SDL_Rect){r.x + pad, y, w, app_px(app, 10)}, bar, app->theme.accent);
            y += app_px(app, 20);
        }
    }
    return y - r.y + pad - app_px(app, 6);
}

static void draw_summary(App *app, DrillState *s, const KeyMap *map)
{
    const Theme *t = &app->theme;
    const DrillSession *d = &s->d;
    static const char *const DONE[] = {"Drill complete", "New items learned", "Mistakes drilled",
                                       "Drill complete"};
    int top = hud_header(app, d->finished ? DONE[d->kind] : "Drill paused", NULL, -1) - app_px(app, 10);
    BarButton bar[4];
    char labels[4][64];
    int nb = phase_buttons(app, s, map, bar, labels);
    int bottom = actionbar_top(app, bar, nb) - app_px(app, 10);
    int margin = app_px(app, 28);
    SDL_Rect view = {margin, top, app->w - margin * 2, bottom - top};
    int w = view.w - app_px(app, 16), gap = app_px(app, 14);
    ChartClip saved;
    int edge = app_px(app, 4); /* the panels' borders, left of their text */
    chart_clip_push(app, (SDL_Rect){view.x - edge, view.y, view.w + edge, view.h}, &saved);
    int y = view.y - s->summary_scroll.offset;
    if (d->queue.answered == 0) {
        y += text_draw_wrapped(app, FONT_BODY,
                               d->finished ? "Nothing is due right now and today's new items are done. Learn 10 "
                                             "more new items, play an Arcade round, or come back tomorrow."
                                           : "Nothing was answered. Items due stay due for next time.",
                               view.x, y, w, t->text, view.y, view.y + view.h);
    } else {
        y += draw_stats(app, d, view.x, y, w) + gap;
        PanelLine level[3] = {{FONT_TITLE, t->text, ""}, {FONT_BODY, t->accent, ""}, {FONT_SMALL, t->text_dim, ""}};
        bool level_up = s->after.level > s->level_before;
        snprintf(level[0].text, sizeof level[0].text, level_up ? "Level up! Level %d" : "Level %d", s->after.level);
        if (level_up)
            level[0].colour = t->accent;
        snprintf(level[1].text, sizeof level[1].text, "+%d XP this session", d->xp);
        snprintf(level[2].text, sizeof level[2].text, "%d / %d XP to level %d", s->after.level_into,
                 s->after.level_span, s->after.level + 1);
        PanelLine day[3] = {{FONT_TITLE, t->text, ""}, {FONT_BODY, t->text_dim, ""}, {FONT_SMALL, t->text_dim, ""}};
        int streak = s->after.streak.current;
        snprintf(day[0].text, sizeof day[0].text, "%d-day streak", streak);
        int left = s->after.goal - s->after.drill_answers;
        if (s->after.streak.today_met) {
            snprintf(day[1].text, sizeof day[1].text, "Today's goal is met. See you tomorrow!");
            day[1].colour = t->good;
        } else {
            snprintf(day[1].text, sizeof day[1].text, "%d more drill answer%s meet%s today's goal.", left,
                     left == 1 ? "" : "s", left == 1 ? "s" : "");
        }
        snprintf(day[2].text, sizeof day[2].text, "Due tomorrow: %d item%s", s->after.due_tomorrow,
                 s->after.due_tomorrow == 1 ? "" : "s");
        float grow = s->anim_ms < 1000 && !app->settings.reduce_motion ? (float)s->anim_ms / 1000.0f : 1.0f;
        float frac = s->after.level_span > 0 ? (float)s->after.level_into / (float)s->after.level_span : 0;
        /* Side by side when both fit in half the width, else one above the other. */
        int half = (w - gap) / 2;
        bool two = half >= app_px(app, 300);
        int pw = two ? half : w;
        int lh = draw_lines(app, (SDL_Rect){view.x, y, pw, 0}, level, 3, 1, frac * grow, false);
        int dh = draw_lines(app, (SDL_Rect){view.x, y, pw, 0}, day, 3, -1, 0, false);
        if (two) {
            int h = lh > dh ? lh : dh;
            draw_lines(app, (SDL_Rect){view.x, y, pw, h}, level, 3, 1, frac * grow, true);
            draw_lines(app, (SDL_Rect){view.x + pw + gap, y, pw, h}, day, 3, -1, 0, true);
            y += h + gap;
        } else {
            y += draw_lines(app, (SDL_Rect){view.x, y, pw, lh}, level, 3, 1, frac * grow, true) + gap;
            y += draw_lines(app, (SDL_Rect){view.x, y, pw, dh}, day, 3, -1, 0, true) + gap;
        }
        if (d->wrong == 0)
            y += text_draw_wrapped(app, FONT_BODY, "Every answer was right: no mistakes to drill again.", view.x, y,
                                   w, t->good, view.y, view.y + view.h) + gap;
        if (!d->finished)
            y += text_draw_wrapped(app, FONT_BODY,
                                   "Every answer you gave is saved. Open the Daily drill again to continue with "
                                   "what is still due.", view.x, y, w, t->text_dim, view.y, view.y + view.h);
    }
    s->summary_scroll.view = view.h;
    s->summary_scroll.content = y + s->summary_scroll.offset - view.y;
    chart_clip_pop(app, &saved);
    ui_scrollbar(app, view, &s->summary_scroll);
    actionbar_draw_bottom(app, bar, nb);
    particles_draw(app, &s->particles);
    ui_footer_keys(app, map);
}

/* The keys of the moment, the dialog aside. */
static const KeyMap *phase_keys(App *app, const DrillState *s)
{
    switch (s->phase) {
    case DRILL_ASK: return drill_session_asks_sure(&s->d) ? &ASK_SURE_KEYS : &ASK_KEYS;
    case DRILL_CARD: return s->card_flipped ? &CARD_BACK_KEYS : &CARD_FRONT_KEYS;
    case DRILL_FEEDBACK:
        if (on_card(app, s))
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
    return s->confirm.open ? confirm_keys() : phase_keys(app, s);
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
    const KeyMap *map = phase_keys(app, s);
    if (s->phase == DRILL_SUMMARY) {
        draw_summary(app, s, map);
        confirm_draw(app, &s->confirm);
        return;
    }
    int top;
    draw_header(app, s, &top);
    BarButton bar[4];
    char labels[4][64];
    int nb = phase_buttons(app, s, map, bar, labels);
    int bottom = actionbar_top(app, bar, nb) - app_px(app, 10);
    int margin = app_px(app, 28);
    if (s->phase == DRILL_FEEDBACK)
        top += verdict(app, s, top, true) + app_px(app, 10);
    bool bar_drawn = s->phase == DRILL_ASK && drill_session_asks_sure(&s->d) &&
                     draw_sure(app, s, map, bar, nb, &bottom);
    SDL_Rect area = {margin, top, app->w - margin * 2, bottom - top};
    if (on_card(app, s))
        draw_card(app, s, area);
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
