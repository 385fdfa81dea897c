/* Daily drill: shows a drill session (drill_session.h: the queue, saving,
 * tallies and the end bonus live there) item by item, questions and
 * flashcards, judged at once and explained option by option, and ends with
 * a summary of the day. Every failed write or read is shown. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "confirm.h"
#include "drill_session.h"
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
    {"Space", 0, CMD_NONE, "turn the card", false},
    {"R", 'R', CMD_REPORT, "report", true},
    {"Esc", 0, CMD_NONE, "leave", false},
};
static const KeyBinding CARD_BACK_ROWS[] = {
    {"Y", 'Y', CMD_YES, "I knew it", false},
    {"N", 'N', CMD_NO, "I missed it", false},
    {"R", 'R', CMD_REPORT, "report", true},
    {"Esc", 0, CMD_NONE, "leave", false},
};
static const KeyBinding CARD_DONE_ROWS[] = {
    {"Enter", 0, CMD_NONE, "next", false},
    {"R", 'R', CMD_REPORT, "report", true},
    {"Esc", 0, CMD_NONE, "leave", false},
};
static const KeyBinding SUMMARY_ROWS[] = {
    {"Enter or Esc", 0, CMD_NONE, "back to the menu", false},
};
static const KeyMap ASK_KEYS = KEYMAP(ASK_ROWS);
static const KeyMap EXPLAINED_KEYS = KEYMAP(EXPLAINED_ROWS);
static const KeyMap EXPLAINED_NO_REFS_KEYS = KEYMAP(EXPLAINED_NO_REFS_ROWS);
static const KeyMap CARD_FRONT_KEYS = KEYMAP(CARD_FRONT_ROWS);
static const KeyMap CARD_BACK_KEYS = KEYMAP(CARD_BACK_ROWS);
static const KeyMap CARD_DONE_KEYS = KEYMAP(CARD_DONE_ROWS);
static const KeyMap SUMMARY_KEYS = KEYMAP(SUMMARY_ROWS);

typedef struct DrillState {
    DrillSession d;
    DrillPhase phase;
    QuestionView q;
    uint64_t shown_at;        /* ticks when the item appeared */
    Confirm confirm;          /* "Leave the drill?" */
    bool card_flipped;
    int flip_ms;              /* flip animation time left */
    int flash_ms;             /* right/wrong flash time left */
    int level_before;
    StudyToday after;         /* for the summary */
    Particles particles;
    Scroll card_scroll;
    int anim_ms;
} DrillState;

static const KeyMap *phase_keys(App *app, const DrillState *s);

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
    app_saved(app, only ? drill_session_begin_items(&s->d, app->study, only->items, only->count)
                        : drill_session_begin(&s->d, app->study, &today, app_now(app), &app->rng),
              "Drill not started");
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
        s->phase = DRILL_FEEDBACK;
        return;
    }
    qview_action(app, &s->q, a);
}

static void card_action(App *app, DrillState *s, const Action *a)
{
    if (!s->card_flipped) {
        if (a->type == ACT_SPACE || a->type == ACT_CONFIRM) {
            s->card_flipped = true;
            s->flip_ms = app->settings.reduce_motion ? 0 : 260;
            app_sound(app, SFX_FLIP);
        }
        return;
    }
    if (a->type == ACT_COMMAND && (a->value == CMD_YES || a->value == CMD_NO)) {
        bool knew = a->value == CMD_YES;
        submit(app, s, knew, knew ? 1u : 0u);
        s->phase = DRILL_FEEDBACK;
        return;
    }
    ui_scroll_action(app, &s->card_scroll, a);
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
        if (a->type == ACT_CONFIRM || a->type == ACT_BACK)
            app_pop(app);
        return;
    }
    if (a->type == ACT_BACK) {
        char msg[200];
        int n = s->d.queue.answered;
        snprintf(msg, sizeof msg, "Your %d answer%s so far %s saved. Items still due stay due for next time.", n,
                 n == 1 ? "" : "s", n == 1 ? "is" : "are");
        confirm_open(&s->confirm, 0, "Leave the drill?", msg, "keep going", "leave");
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

static int drill_update(App *app, void *state, int dt_ms)
{
    (void)app;
    DrillState *s = state;
    bool busy = particles_update(&s->particles, dt_ms);
    if (s->flash_ms > 0) {
        s->flash_ms -= dt_ms;
        busy = true;
    }
    if (s->flip_ms > 0) {
        s->flip_ms -= dt_ms;
        busy = true;
    }
    if (s->phase == DRILL_SUMMARY && s->anim_ms < 1200) {
        s->anim_ms += dt_ms;
        busy = true;
    }
    return busy ? SCREEN_ANIMATING : SCREEN_IDLE;
}

static void draw_header(App *app, DrillState *s, int *content_top)
{
    const Theme *t = &app->theme;
    int number, total;
    drill_session_progress(&s->d, &number, &total);
    char label[96];
    snprintf(label, sizeof label, "Item %d of %d", number, total);
    float progress = total > 0 ? (float)s->d.queue.answered / (float)total : 1;
    int y = hud_header(app, "Daily drill", label, progress);
    int x = app_px(app, 28);
    char chip[64];
    snprintf(chip, sizeof chip, "+%d XP", s->d.xp);
    x += ui_chip(app, x, y - app_px(app, 8), chip, ui_alpha(t->accent, 50), t->accent) + app_px(app, 8);
    snprintf(chip, sizeof chip, "%d right in a row", s->d.combo);
    x += ui_chip(app, x, y - app_px(app, 8), chip, ui_alpha(t->good, s->d.combo > 0 ? 60 : 25),
                 s->d.combo > 0 ? t->good : t->text_dim) + app_px(app, 8);
    const BankItem *it = s->d.item >= 0 ? &app->bank->items[s->d.item] : NULL;
    if (it) {
        int box = app->study->states[s->d.item].box;
        if (s->phase == DRILL_FEEDBACK)
            box = s->d.last_move.box_before;
        snprintf(chip, sizeof chip, box == 0 ? "New item" : "Box %d", box);
        ui_chip(app, x, y - app_px(app, 8), chip, ui_alpha(t->accent2, 40), t->accent2);
        report_button(app, phase_keys(app, s), app->w - app_px(app, 28), y - app_px(app, 12),
                      text_line_height(app, FONT_SMALL) + app_px(app, 12));
    }
    *content_top = y + text_line_height(app, FONT_SMALL) + app_px(app, 10);
}

/* One line under the question after answering: judged, and where the item moved. */
static void draw_verdict(App *app, DrillState *s, int y)
{
    const Theme *t = &app->theme;
    char line[200];
    const LeitnerMove *m = &s->d.last_move;
    bool right = s->d.last_correct;
    int days = (int)((m->due_at - app_now(app) + SECONDS_PER_DAY / 2) / SECONDS_PER_DAY);
    bool card = app->bank->items[s->d.item].kind == ITEM_FLASHCARD;
    if (!s->d.last_saved)
        snprintf(line, sizeof line, "%s  Not saved, so the item stays as it was and comes back next time.",
                 right ? (card ? "Good." : "Right!") : (card ? "Noted." : "Not quite."));
    else if (right && m->repeat)
        snprintf(line, sizeof line, "Right!  It stays in box 1 today, next review in %d day%s.", days,
                 days == 1 ? "" : "s");
    else if (right && m->box_before == 0)
        snprintf(line, sizeof line, "%s  New item learned: box 1, next review in %d day%s.",
                 card ? "Good." : "Right!", days, days == 1 ? "" : "s");
    else if (right)
        snprintf(line, sizeof line, "%s  Box %d -> %d, next review in %d day%s.", card ? "Good." : "Right!",
                 m->box_before, m->box_after, days, days == 1 ? "" : "s");
    else if (m->requeued)
        snprintf(line, sizeof line, "%s  Box 1: it comes back later in this session.", card ? "Noted." : "Not quite.");
    else if (days <= 1)
        snprintf(line, sizeof line, "%s  Box 1: you will see it again tomorrow.", card ? "Noted." : "Not quite.");
    else
        snprintf(line, sizeof line, "%s  Box 1: you will see it again in %d days.", card ? "Noted." : "Not quite.",
                 days);
    float pulse = s->flash_ms > 0 ? (float)s->flash_ms / 450.0f : 0;
    SDL_Color c = right ? t->good : t->bad;
    int h = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 14);
    SDL_Rect r = {app_px(app, 28), y, app->w - app_px(app, 56), h};
    ui_round_rect(app, r, app_px(app, 10), ui_alpha(c, 40 + (int)(120 * pulse)));
    text_draw(app, FONT_BODY_BOLD, line, r.x + app_px(app, 16), y + app_px(app, 7), c, ALIGN_LEFT);
}

static void draw_card(App *app, DrillState *s, SDL_Rect area)
{
    const Theme *t = &app->theme;
    const BankItem *it = &app->bank->items[s->d.item];
    float scale_x = 1.0f;
    bool show_back = s->card_flipped;
    if (s->flip_ms > 0) {
        float p = 1.0f - (float)s->flip_ms / 260.0f; /* 0..1 */
        scale_x = fabsf(cosf(p * (float)M_PI));
        show_back = p >= 0.5f;
    }
    int cw = area.w * 3 / 4;
    int ch = area.h - app_px(app, 20);
    int w = (int)((float)cw * scale_x);
    SDL_Rect card = {area.x + (area.w - w) / 2, area.y, w < 2 ? 2 : w, ch};
    ui_round_rect(app, (SDL_Rect){card.x - 2, card.y - 2, card.w + 4, card.h + 4}, app_px(app, 22),
                  show_back ? t->accent2 : t->accent);
    ui_round_rect(app, card, app_px(app, 20), t->panel);
    if (s->flip_ms > 0)
        return;
    int pad = app_px(app, 36);
    SDL_Rect inner = {card.x + pad, card.y + pad, card.w - pad * 2, card.h - pad * 2};
    char chip[96];
    snprintf(chip, sizeof chip, "Flashcard  Task %s  %s", app->bank->tasks[it->task].id,
             app->bank->domains[it->domain].name);
    ui_chip(app, inner.x, inner.y, chip, ui_alpha(t->accent2, 40), t->accent2);
    int y = inner.y + text_line_height(app, FONT_SMALL) + app_px(app, 20);
    int fh = text_wrapped_height(app, FONT_TITLE, it->front, inner.w);
    if (!show_back) {
        text_draw_wrapped(app, FONT_TITLE, it->front, inner.x, y, inner.w, t->text, 0, app->h);
        text_draw(app, FONT_BODY, "Think of the answer, then press Space to turn the card.",
                  card.x + card.w / 2, card.y + card.h - pad, t->text_dim, ALIGN_CENTER);
        return;
    }
    SDL_Rect view = {inner.x, y, inner.w, card.y + card.h - pad - text_line_height(app, FONT_BODY) * 2 - y};
    s->card_scroll.view = view.h;
    SDL_RenderSetClipRect(app->renderer, &view);
    int cy = y - s->card_scroll.offset;
    cy += text_draw_wrapped(app, FONT_BODY_BOLD, it->front, inner.x, cy, inner.w - app_px(app, 12), t->text_dim,
                            view.y, view.y + view.h);
    cy += app_px(app, 14);
    cy += text_draw_wrapped(app, FONT_TITLE, it->back, inner.x, cy, inner.w - app_px(app, 12), t->text, view.y,
                            view.y + view.h);
    s->card_scroll.content = cy + s->card_scroll.offset - y;
    SDL_RenderSetClipRect(app->renderer, NULL);
    ui_scrollbar(app, view, &s->card_scroll);
    (void)fh;
    if (s->phase == DRILL_FEEDBACK)
        return;
    int bw = app_px(app, 220), bh = app_px(app, 46);
    int by = card.y + card.h - pad - bh + app_px(app, 16);
    char label[64];
    ui_button(app, (SDL_Rect){card.x + card.w / 2 - bw - app_px(app, 10), by, bw, bh},
              keys_hint(&CARD_BACK_KEYS, CMD_YES, NULL, label, sizeof label), false,
              (Action){.type = ACT_COMMAND, .value = CMD_YES});
    ui_button(app, (SDL_Rect){card.x + card.w / 2 + app_px(app, 10), by, bw, bh},
              keys_hint(&CARD_BACK_KEYS, CMD_NO, NULL, label, sizeof label), false,
              (Action){.type = ACT_COMMAND, .value = CMD_NO});
}

static void draw_summary(App *app, DrillState *s)
{
    const Theme *t = &app->theme;
    const DrillSession *d = &s->d;
    hud_header(app, d->finished ? "Drill complete" : "Drill paused", NULL, -1);
    int margin = app_px(app, 36);
    int y = app_px(app, 90);
    if (d->queue.answered == 0 && d->finished) {
        text_draw_wrapped(app, FONT_BODY,
                          "Nothing is due and today's new items are done. Come back tomorrow, play an Arcade "
                          "round, or raise 'new items per day' in Settings.",
                          margin, y, app->w - margin * 2, t->text, 0, app->h);
        ui_footer_keys(app, &SUMMARY_KEYS);
        return;
    }
    int gap = app_px(app, 14);
    int cw = (app->w - margin * 2 - gap * 3) / 4;
    int ch = app_px(app, 92);
    char v[64];
    snprintf(v, sizeof v, "%d", d->right);
    hud_stat(app, (SDL_Rect){margin, y, cw, ch}, "Right", v, t->good);
    snprintf(v, sizeof v, "%d", d->wrong);
    hud_stat(app, (SDL_Rect){margin + (cw + gap), y, cw, ch}, "Wrong", v, d->wrong ? t->bad : t->text);
    snprintf(v, sizeof v, "%d up", d->promoted);
    hud_stat(app, (SDL_Rect){margin + (cw + gap) * 2, y, cw, ch}, "Promoted to a higher box", v, t->accent2);
    snprintf(v, sizeof v, "%d", d->demoted);
    hud_stat(app, (SDL_Rect){margin + (cw + gap) * 3, y, cw, ch}, "Sent back to box 1", v, t->text);
    y += ch + gap * 2;

    SDL_Rect lp = {margin, y, (app->w - margin * 2 - gap) / 2, app_px(app, 150)};
    ui_panel(app, lp);
    int px = lp.x + app_px(app, 20), py = lp.y + app_px(app, 16);
    bool level_up = s->after.level > s->level_before;
    snprintf(v, sizeof v, level_up ? "Level up! Level %d" : "Level %d", s->after.level);
    text_draw(app, FONT_TITLE, v, px, py, level_up ? t->accent : t->text, ALIGN_LEFT);
    snprintf(v, sizeof v, "+%d XP this session", d->xp);
    text_draw(app, FONT_BODY, v, lp.x + lp.w - app_px(app, 20), py + app_px(app, 8), t->accent, ALIGN_RIGHT);
    py += text_line_height(app, FONT_TITLE) + app_px(app, 14);
    float grow = s->anim_ms < 1000 && !app->settings.reduce_motion ? (float)s->anim_ms / 1000.0f : 1.0f;
    float frac = s->after.level_span > 0 ? (float)s->after.level_into / (float)s->after.level_span : 0;
    ui_progress(app, (SDL_Rect){px, py, lp.w - app_px(app, 40), app_px(app, 12)}, frac * grow, t->accent);
    py += app_px(app, 22);
    snprintf(v, sizeof v, "%d / %d XP to level %d", s->after.level_into, s->after.level_span, s->after.level + 1);
    text_draw(app, FONT_SMALL, v, px, py, t->text_dim, ALIGN_LEFT);

    SDL_Rect rp = {lp.x + lp.w + gap, y, lp.w, lp.h};
    ui_panel(app, rp);
    px = rp.x + app_px(app, 20);
    py = rp.y + app_px(app, 16);
    int flame = app_px(app, 52);
    ui_flame(app, px - app_px(app, 6), py, flame, (float)s->anim_ms / 1000.0f, s->after.streak.today_met);
    snprintf(v, sizeof v, "%d-day streak", s->after.streak.current);
    text_draw(app, FONT_TITLE, v, px + flame + app_px(app, 4), py + app_px(app, 4), t->text, ALIGN_LEFT);
    py += flame + app_px(app, 8);
    if (s->after.streak.today_met)
        snprintf(v, sizeof v, "Today's goal is met. See you tomorrow!");
    else
        snprintf(v, sizeof v, "%d more drill answers meet today's goal.",
                 s->after.goal - s->after.drill_answers > 0 ? s->after.goal - s->after.drill_answers : 0);
    text_draw(app, FONT_BODY, v, px, py, s->after.streak.today_met ? t->good : t->text_dim, ALIGN_LEFT);
    py += text_line_height(app, FONT_BODY) + app_px(app, 4);
    snprintf(v, sizeof v, "Due tomorrow: %d item%s", s->after.due_tomorrow, s->after.due_tomorrow == 1 ? "" : "s");
    text_draw(app, FONT_SMALL, v, px, py, t->text_dim, ALIGN_LEFT);
    y += lp.h + gap * 2;
    if (!d->finished)
        text_draw_wrapped(app, FONT_BODY,
                          "Every answer you gave is saved. Open the Daily drill again to continue with what is "
                          "still due.", margin, y, app->w - margin * 2, t->text_dim, 0, app->h);
    particles_draw(app, &s->particles);
    ui_footer_keys(app, &SUMMARY_KEYS);
}

/* The keys of the moment, the dialog aside. */
static const KeyMap *phase_keys(App *app, const DrillState *s)
{
    bool card = s->d.item >= 0 && app->bank->items[s->d.item].kind == ITEM_FLASHCARD;
    switch (s->phase) {
    case DRILL_ASK: return &ASK_KEYS;
    case DRILL_CARD: return s->card_flipped ? &CARD_BACK_KEYS : &CARD_FRONT_KEYS;
    case DRILL_FEEDBACK:
        if (card)
            return &CARD_DONE_KEYS;
        return qview_has_refs(app, &s->q) ? &EXPLAINED_KEYS : &EXPLAINED_NO_REFS_KEYS;
    case DRILL_SUMMARY: break;
    }
    return &SUMMARY_KEYS;
}

static const KeyMap *drill_keys(App *app, void *state)
{
    DrillState *s = state;
    return s->confirm.open ? confirm_keys() : phase_keys(app, s);
}

static void drill_draw(App *app, void *state)
{
    DrillState *s = state;
    ui_background(app);
    if (s->phase == DRILL_SUMMARY) {
        draw_summary(app, s);
        return;
    }
    int top;
    draw_header(app, s, &top);
    int margin = app_px(app, 28);
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 30);
    bool card = app->bank->items[s->d.item].kind == ITEM_FLASHCARD;
    if (card && s->phase == DRILL_FEEDBACK) {
        draw_verdict(app, s, top);
        int verdict = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 24);
        draw_card(app, s, (SDL_Rect){margin, top + verdict, app->w - margin * 2, app->h - top - verdict - footer});
    } else if (card) {
        draw_card(app, s, (SDL_Rect){margin, top, app->w - margin * 2, app->h - top - footer});
    } else {
        int verdict = 0;
        if (s->phase == DRILL_FEEDBACK) {
            draw_verdict(app, s, top);
            verdict = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 24);
        }
        qview_draw(app, &s->q, (SDL_Rect){margin, top + verdict, app->w - margin * 2, app->h - top - verdict - footer});
    }
    ui_footer_keys(app, phase_keys(app, s));
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
