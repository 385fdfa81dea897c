/* Daily drill: a Leitner session of due items first, new ones mixed in,
 * questions and flashcards. Every answer is judged at once, explained option
 * by option, saved to the store before the next item, and a wrong item comes
 * back later in the session. Ends with a summary of the day. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hud.h"
#include "leitner.h"
#include "particles.h"
#include "qview.h"
#include "report.h"
#include "rewards.h"
#include "scoring.h"
#include "screens.h"
#include "store.h"
#include "study.h"
#include "text.h"
#include "ui.h"

typedef enum DrillPhase { DRILL_ASK, DRILL_FEEDBACK, DRILL_CARD, DRILL_SUMMARY } DrillPhase;

typedef struct DrillState {
    LeitnerSession session;
    DrillPhase phase;
    QuestionView q;
    int item;
    uint64_t shown_at;        /* ticks when the item appeared */
    bool confirm_quit;
    bool card_flipped;
    int flip_ms;              /* flip animation time left */
    bool last_correct;
    LeitnerMove last_move;
    int flash_ms;             /* right/wrong flash time left */
    int right, wrong, promoted, demoted, xp, combo, best_combo;
    int xp_before, level_before;
    bool finished;            /* the queue ran out (not left early) */
    StudyToday after;         /* for the summary */
    Particles particles;
    Scroll card_scroll;
    int anim_ms;
} DrillState;

static void show_next(App *app, DrillState *s);

static void *drill_enter(App *app, const void *arg)
{
    (void)arg;
    DrillState *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    StudyToday today;
    app_study_today(app, &today);
    s->xp_before = today.xp;
    s->level_before = today.level;
    LeitnerOptions opt = {
        .size = study_session_size(app->study, today.drill_answers, app_now(app)),
        .new_quota = app->settings.new_per_day > 0 ? app->settings.new_per_day : -1,
        .new_today = today.new_today,
        .exam_date = app->settings.exam_date,
        .due_by = study_due_horizon(app_now(app)),
        .fit = study_fit(app->study),
        .started_at = study_started_at(app->study),
    };
    leitner_session_start(&s->session, app->bank, app->study->states, study_accuracy(app->study), app_now(app), &app->rng,
                          &opt);
    show_next(app, s);
    return s;
}

static void drill_leave(App *app, void *state)
{
    (void)app;
    DrillState *s = state;
    leitner_session_end(&s->session);
    free(s);
}

static void go_summary(App *app, DrillState *s, bool finished)
{
    s->finished = finished;
    s->phase = DRILL_SUMMARY;
    if (finished && s->session.answered > 0) {
        int bonus = rewards_session_xp(MODE_DRILL, 0, true, false, false);
        if (app_saved(app, study_add_xp(app->study, bonus), "XP not saved"))
            s->xp += bonus;
        /* For the "finish N daily drills" achievement. */
        store_profile_set(app->store, "drill_sessions", store_profile_get(app->store, "drill_sessions", 0) + 1);
    }
    app_study_today(app, &s->after);
    if (s->after.level > s->level_before) {
        app_sound(app, SFX_LEVEL_UP);
        particles_burst(app, &s->particles, (float)app->w / 2, (float)app->h / 3, 120, 700);
    } else {
        app_sound(app, SFX_END);
    }
}

static void show_next(App *app, DrillState *s)
{
    s->item = leitner_session_next(&s->session);
    s->card_flipped = false;
    s->card_scroll.offset = 0;
    s->shown_at = app->ticks_ms;
    if (s->item < 0) {
        go_summary(app, s, true);
        return;
    }
    if (app->bank->items[s->item].kind == ITEM_FLASHCARD) {
        s->phase = DRILL_CARD;
    } else {
        qview_set(app, &s->q, s->item, NULL);
        s->phase = DRILL_ASK;
    }
}

static void submit(App *app, DrillState *s, bool correct, uint32_t answer)
{
    ItemState before = app->study->states[s->item];
    int ms = (int)(app->ticks_ms - s->shown_at);
    s->last_move = leitner_session_record(&s->session, correct, app_now(app));
    int xp = correct ? REWARDS_XP_RIGHT : 0;
    Answer a = {.item = s->item, .answer = answer, .correct = correct, .ms = ms, .at = app_now(app)};
    bool saved = app_saved(app, study_save(app->study, MODE_DRILL, &a, &before, xp), "Not saved");
    s->last_correct = correct;
    s->flash_ms = 450;
    if (correct) {
        s->right++;
        s->combo++;
        if (s->combo > s->best_combo)
            s->best_combo = s->combo;
        if (saved)
            s->xp += xp;
        if (s->last_move.box_after > s->last_move.box_before)
            s->promoted++;
        app_sound(app, s->combo > 0 && s->combo % 5 == 0 ? SFX_COMBO : SFX_CORRECT);
        particles_burst(app, &s->particles, (float)app->w - (float)app_px(app, 120), (float)app_px(app, 40), 30,
                        380);
    } else {
        s->wrong++;
        s->combo = 0;
        if (s->last_move.box_after < s->last_move.box_before)
            s->demoted++;
        app_sound(app, SFX_WRONG);
    }
}

static void ask_action(App *app, DrillState *s, const Action *a)
{
    if (a->type == ACT_CONFIRM) {
        const BankItem *it = &app->bank->items[s->item];
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
    if (a->type == ACT_LETTER && (a->value == 'Y' || a->value == 'N')) {
        bool knew = a->value == 'Y';
        submit(app, s, knew, knew ? 1u : 0u);
        s->phase = DRILL_FEEDBACK;
        return;
    }
    ui_scroll_action(app, &s->card_scroll, a);
}

static void drill_action(App *app, void *state, const Action *a)
{
    DrillState *s = state;
    if (s->confirm_quit) {
        if (a->type == ACT_CONFIRM || (a->type == ACT_LETTER && a->value == 'Y')) {
            s->confirm_quit = false;
            go_summary(app, s, false);
        } else if (a->type == ACT_BACK || (a->type == ACT_LETTER && a->value == 'N')) {
            s->confirm_quit = false;
        }
        return;
    }
    if (s->phase == DRILL_SUMMARY) {
        if (a->type == ACT_CONFIRM || a->type == ACT_BACK)
            app_pop(app);
        return;
    }
    if (a->type == ACT_BACK) {
        s->confirm_quit = true;
        return;
    }
    if (a->type == ACT_LETTER && a->value == 'R' && s->item >= 0) {
        bool card = app->bank->items[s->item].kind == ITEM_FLASHCARD;
        bool answered = s->phase == DRILL_FEEDBACK;
        report_open(app, s->item, card ? (uint32_t)s->last_correct : s->q.chosen, answered);
        return;
    }
    switch (s->phase) {
    case DRILL_ASK: ask_action(app, s, a); break;
    case DRILL_FEEDBACK:
        if (a->type == ACT_CONFIRM)
            show_next(app, s);
        else if (app->bank->items[s->item].kind == ITEM_FLASHCARD)
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
    int total = s->session.answered + leitner_session_remaining(&s->session);
    /* While an answer's feedback is up, the item on screen is the one just
     * answered (the session has no current item): its number, not the next. */
    int number = s->session.answered + (s->session.current.item >= 0 ? 1 : 0);
    if (number < 1)
        number = 1;
    if (total < number)
        total = number;
    char label[96];
    snprintf(label, sizeof label, "Item %d of %d", number, total);
    float progress = total > 0 ? (float)s->session.answered / (float)total : 1;
    int y = hud_header(app, "Daily drill", label, progress);
    int x = app_px(app, 28);
    char chip[64];
    snprintf(chip, sizeof chip, "+%d XP", s->xp);
    x += ui_chip(app, x, y - app_px(app, 8), chip, ui_alpha(t->accent, 50), t->accent) + app_px(app, 8);
    snprintf(chip, sizeof chip, "%d right in a row", s->combo);
    x += ui_chip(app, x, y - app_px(app, 8), chip, ui_alpha(t->good, s->combo > 0 ? 60 : 25),
                 s->combo > 0 ? t->good : t->text_dim) + app_px(app, 8);
    const BankItem *it = s->item >= 0 ? &app->bank->items[s->item] : NULL;
    if (it) {
        int box = app->study->states[s->item].box;
        if (s->phase == DRILL_FEEDBACK)
            box = s->last_move.box_before;
        snprintf(chip, sizeof chip, box == 0 ? "New item" : "Box %d", box);
        ui_chip(app, x, y - app_px(app, 8), chip, ui_alpha(t->accent2, 40), t->accent2);
        report_button(app, app->w - app_px(app, 28), y - app_px(app, 12),
                      text_line_height(app, FONT_SMALL) + app_px(app, 12));
    }
    *content_top = y + text_line_height(app, FONT_SMALL) + app_px(app, 10);
}

/* One line under the question after answering: judged, and where the item moved. */
static void draw_verdict(App *app, DrillState *s, int y)
{
    const Theme *t = &app->theme;
    char line[200];
    const LeitnerMove *m = &s->last_move;
    int days = (int)((m->due_at - app_now(app) + SECONDS_PER_DAY / 2) / SECONDS_PER_DAY);
    bool card = app->bank->items[s->item].kind == ITEM_FLASHCARD;
    if (s->last_correct && m->repeat)
        snprintf(line, sizeof line, "Right!  It stays in box 1 today, next review in %d day%s.", days,
                 days == 1 ? "" : "s");
    else if (s->last_correct && m->box_before == 0)
        snprintf(line, sizeof line, "%s  New item learned: box 1, next review in %d day%s.",
                 card ? "Good." : "Right!", days, days == 1 ? "" : "s");
    else if (s->last_correct)
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
    SDL_Color c = s->last_correct ? t->good : t->bad;
    int h = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 14);
    SDL_Rect r = {app_px(app, 28), y, app->w - app_px(app, 56), h};
    ui_round_rect(app, r, app_px(app, 10), ui_alpha(c, 40 + (int)(120 * pulse)));
    text_draw(app, FONT_BODY_BOLD, line, r.x + app_px(app, 16), y + app_px(app, 7), c, ALIGN_LEFT);
}

static void draw_card(App *app, DrillState *s, SDL_Rect area)
{
    const Theme *t = &app->theme;
    const BankItem *it = &app->bank->items[s->item];
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
    ui_button(app, (SDL_Rect){card.x + card.w / 2 - bw - app_px(app, 10), by, bw, bh}, "Y  I knew it", false,
              (Action){.type = ACT_LETTER, .value = 'Y'});
    ui_button(app, (SDL_Rect){card.x + card.w / 2 + app_px(app, 10), by, bw, bh}, "N  I missed it", false,
              (Action){.type = ACT_LETTER, .value = 'N'});
}

static void draw_summary(App *app, DrillState *s)
{
    const Theme *t = &app->theme;
    hud_header(app, s->finished ? "Drill complete" : "Drill paused", NULL, -1);
    int margin = app_px(app, 36);
    int y = app_px(app, 90);
    if (s->session.answered == 0 && s->finished) {
        text_draw_wrapped(app, FONT_BODY,
                          "Nothing is due and today's new items are done. Come back tomorrow, play an Arcade "
                          "round, or raise 'new items per day' in Settings.",
                          margin, y, app->w - margin * 2, t->text, 0, app->h);
        ui_footer(app, "Enter or Esc  back to the menu");
        return;
    }
    int gap = app_px(app, 14);
    int cw = (app->w - margin * 2 - gap * 3) / 4;
    int ch = app_px(app, 92);
    char v[64];
    snprintf(v, sizeof v, "%d", s->right);
    hud_stat(app, (SDL_Rect){margin, y, cw, ch}, "Right", v, t->good);
    snprintf(v, sizeof v, "%d", s->wrong);
    hud_stat(app, (SDL_Rect){margin + (cw + gap), y, cw, ch}, "Wrong", v, s->wrong ? t->bad : t->text);
    snprintf(v, sizeof v, "%d up", s->promoted);
    hud_stat(app, (SDL_Rect){margin + (cw + gap) * 2, y, cw, ch}, "Promoted to a higher box", v, t->accent2);
    snprintf(v, sizeof v, "%d", s->demoted);
    hud_stat(app, (SDL_Rect){margin + (cw + gap) * 3, y, cw, ch}, "Sent back to box 1", v, t->text);
    y += ch + gap * 2;

    SDL_Rect lp = {margin, y, (app->w - margin * 2 - gap) / 2, app_px(app, 150)};
    ui_panel(app, lp);
    int px = lp.x + app_px(app, 20), py = lp.y + app_px(app, 16);
    bool level_up = s->after.level > s->level_before;
    snprintf(v, sizeof v, level_up ? "Level up! Level %d" : "Level %d", s->after.level);
    text_draw(app, FONT_TITLE, v, px, py, level_up ? t->accent : t->text, ALIGN_LEFT);
    snprintf(v, sizeof v, "+%d XP this session", s->xp);
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
    if (!s->finished)
        text_draw_wrapped(app, FONT_BODY,
                          "Every answer you gave is saved. Open the Daily drill again to continue with what is "
                          "still due.", margin, y, app->w - margin * 2, t->text_dim, 0, app->h);
    particles_draw(app, &s->particles);
    ui_footer(app, "Enter or Esc  back to the menu");
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
    bool card = app->bank->items[s->item].kind == ITEM_FLASHCARD;
    if (card && s->phase == DRILL_FEEDBACK) {
        draw_verdict(app, s, top);
        int verdict = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 24);
        draw_card(app, s, (SDL_Rect){margin, top + verdict, app->w - margin * 2, app->h - top - verdict - footer});
        ui_footer(app, "Enter  next      Esc  leave");
    } else if (card) {
        draw_card(app, s, (SDL_Rect){margin, top, app->w - margin * 2, app->h - top - footer});
        ui_footer(app, s->card_flipped ? "Y  I knew it      N  I missed it      Esc  leave"
                                       : "Space  turn the card      Esc  leave");
    } else {
        int verdict = 0;
        if (s->phase == DRILL_FEEDBACK) {
            draw_verdict(app, s, top);
            verdict = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 24);
        }
        qview_draw(app, &s->q, (SDL_Rect){margin, top + verdict, app->w - margin * 2, app->h - top - verdict - footer});
        ui_footer(app, s->phase == DRILL_ASK
                           ? "1-5 / A-E  choose      Enter  submit      Up/Down/PgUp/PgDn  scroll      Esc  leave"
                           : qview_has_refs(app, &s->q)
                           ? "Enter  next      L  learn more      Up/Down/PgUp/PgDn  scroll      Esc  leave"
                           : "Enter  next      Up/Down/PgUp/PgDn  scroll the explanations      Esc  leave");
    }
    particles_draw(app, &s->particles);
    if (s->confirm_quit) {
        char msg[200];
        snprintf(msg, sizeof msg, "Your %d answer%s so far %s saved. Items still due stay due for next time.",
                 s->session.answered, s->session.answered == 1 ? "" : "s", s->session.answered == 1 ? "is" : "are");
        hud_confirm(app, "Leave the drill?", msg, "Enter  leave", "Esc  keep going");
    }
}

static bool drill_right_options(App *app, void *state, uint32_t *mask, int *count)
{
    DrillState *s = state;
    if (s->confirm_quit)
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
};
