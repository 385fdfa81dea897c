/* Arcade: shows a round (arcade_round.h: kinds, clock, lives, combo,
 * points, ending and saving live there) and turns keys into answers: the
 * round menu with the personal bests, the countdown, questions answered with
 * one key, the reveal after a miss, and the effects (sounds, particles,
 * shake, pops). The results are screen_arcade_end.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arcade_round.h"
#include "chart.h"
#include "confirm.h"
#include "hud.h"
#include "particles.h"
#include "rewards.h"
#include "screen_arcade.h"
#include "screens.h"
#include "study.h"
#include "text.h"
#include "ui.h"


/* The keys of each moment of the arcade (keys.h): footers; option letters
 * stay unbound so they arrive as answers. */
static const KeyBinding MENU_ROWS[] = {
    {"Left/Right or 1-2", 0, CMD_NONE, "choose a round", false},
    {"Enter", 0, CMD_NONE, "start", false},
    {"Esc", 0, CMD_NONE, "back to the menu", false},
};
static const KeyBinding COUNTDOWN_ROWS[] = {
    {"Get ready:", 0, CMD_NONE, "the clock starts after 1", false},
    {"Esc", 0, CMD_NONE, "back to the round menu", false},
};
/* The first row takes the option keys of the question on screen (react). */
static const KeyBinding PLAY_ROWS[] = {
    {"1-8 / A-H", 0, CMD_NONE, "answer at once", false},
    {"Up/Down", 0, CMD_NONE, "scroll a long question", true},
    {"Esc", 0, CMD_NONE, "end the round", false},
};
static const KeyBinding REVEAL_ROWS[] = {
    {"Enter", 0, CMD_NONE, "go on now", false},
    {"Esc", 0, CMD_NONE, "end the round", false},
};
/* The reveal that waits: the banner and the right option cannot both be in
 * sight at this text size. */
static const KeyBinding REVEAL_HELD_ROWS[] = {
    {"Enter", 0, CMD_NONE, "next question", false},
    {"Up/Down", 0, CMD_NONE, "scroll to the right answer", true},
    {"Esc", 0, CMD_NONE, "end the round", false},
};
static const KeyMap MENU_KEYS = KEYMAP(MENU_ROWS);
static const KeyMap COUNTDOWN_KEYS = KEYMAP(COUNTDOWN_ROWS);
static const KeyMap PLAY_KEYS = KEYMAP(PLAY_ROWS);
static const KeyMap REVEAL_KEYS = KEYMAP(REVEAL_ROWS);
static const KeyMap REVEAL_HELD_KEYS = KEYMAP(REVEAL_HELD_ROWS);


static void refresh_menu(App *app, ArcadeState *s)
{
    s->playing = false;
    s->confirm.open = false;
    arcade_round_free(&s->r);
    app_saved(app, arcade_round_bests(app->study, s->menu.best, s->menu.rounds), "Personal bests not read");
    s->menu.weakest = study_weakest_domain(app->study);
    s->menu.can_play = arcade_round_playable(app->study, &app->rng);
}

static void start_round(App *app, ArcadeState *s)
{
    arcade_round_free(&s->r);
    if (!arcade_round_start(&s->r, app->study, s->menu.kind, s->menu.best[s->menu.kind], &app->rng)) {
        s->menu.can_play = false;
        app_status(app, "This bank has no single-answer questions or flashcards to play.");
        return;
    }
    s->playing = true;
    s->shown_score = 0;
    s->confirm.open = false;
    s->go_ms = s->shake_ms = s->flash_ms = s->combo_pop_ms = s->bonus_pop_ms = 0;
    s->points_pop_ms = s->life_lost_ms = 0;
    app_sound(app, SFX_TICK);
}

static void *arcade_enter(App *app, const void *arg)
{
    ArcadeState *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    const ArcadeStart *start = arg;
    s->menu.kind = start && start->kind >= 0 && start->kind < ARCADE_ROUND_KINDS ? start->kind : 0;
    refresh_menu(app, s);
    if (start && start->play_now && s->menu.can_play)
        start_round(app, s);
    return s;
}

static void arcade_leave(App *app, void *state)
{
    (void)app;
    ArcadeState *s = state;
    arcade_round_free(&s->r);
    free(s);
}

/* After the round ended: saves it and opens the results; a round ended
 * before any answer just goes back to the menu. */
static void round_over(App *app, ArcadeState *s)
{
    if (arcade_round_empty(&s->r)) {
        refresh_menu(app, s);
        return;
    }
    app_saved(app, arcade_round_finish(&s->r, app_now(app)), "Round not saved");
    app_replace(app, &SCREEN_ARCADE_END, &s->r.res);
}

/* The effects of what the round reports (sounds, particles, pops), and the
 * end when it is over. */
static void react(App *app, ArcadeState *s, unsigned ev, int k)
{
    if (ev & ARCADE_EV_NOT_SAVED)
        app_saved(app, false, "Not saved");
    if (ev & ARCADE_EV_TICK)
        app_sound(app, SFX_TICK);
    if (ev & ARCADE_EV_GO) {
        s->go_ms = ARCADE_GO_MS;
        app_sound(app, SFX_CLICK);
    }
    if (ev & ARCADE_EV_RIGHT) {
        SDL_Rect r = s->option_rect[k];
        bool level_up = (ev & ARCADE_EV_COMBO_UP) != 0;
        s->points_pop_ms = ARCADE_POP_MS;
        s->bonus_pop_ms = ARCADE_POP_MS;
        s->flash_ms = 260;
        if (level_up)
            s->combo_pop_ms = ARCADE_POP_MS;
        app_sound(app, level_up ? SFX_COMBO : SFX_CORRECT);
        particles_burst(app, &s->particles, (float)(r.x + r.w / 2), (float)(r.y + r.h / 2), level_up ? 70 : 30,
                        level_up ? 560 : 420);
    }
    if (ev & ARCADE_EV_WRONG) {
        s->shake_ms = app->settings.reduce_motion ? 0 : ARCADE_SHAKE_MS;
        s->life_lost_ms = ARCADE_POP_MS;
        s->reveal_placed = s->reveal_in_view = false;
        s->reveal_fits = true;
        app_sound(app, SFX_WRONG);
    }
    if (ev & ARCADE_EV_QUESTION) {
        keys_options(s->r.q.option_count, s->choose_key, sizeof s->choose_key);
        s->play_keys = keys_with_first_key(&PLAY_KEYS, s->choose_key, s->play_rows, ARCADE_PLAY_ROWS);
        s->scroll.offset = 0;
        s->answers_hidden = false;
        s->answers_seen = 0;
        memset(s->option_rect, 0, sizeof s->option_rect);
    }
    if (ev & ARCADE_EV_OVER)
        round_over(app, s);
}

static void answer(App *app, ArcadeState *s, int k)
{
    react(app, s, arcade_round_answer(&s->r, k, app_now(app), &app->rng), k);
}

static void menu_action(App *app, ArcadeState *s, const Action *a)
{
    switch (a->type) {
    case ACT_LEFT: case ACT_UP: s->menu.kind = 0; break;
    case ACT_RIGHT: case ACT_DOWN: s->menu.kind = ARCADE_ROUND_KINDS - 1; break;
    case ACT_TAB: s->menu.kind = (s->menu.kind + 1) % ARCADE_ROUND_KINDS; break;
    case ACT_DIGIT:
        if (a->value >= 1 && a->value <= ARCADE_ROUND_KINDS)
            s->menu.kind = a->value - 1;
        break;
    case ACT_SELECT: /* a click on a round starts it */
    case ACT_CONFIRM: case ACT_SPACE:
        if (a->type == ACT_SELECT) {
            if (a->value < 0 || a->value >= ARCADE_ROUND_KINDS)
                break;
            s->menu.kind = a->value;
        }
        if (s->menu.can_play)
            start_round(app, s);
        else
            app_status(app, "This bank has no single-answer questions or flashcards to play.");
        break;
    case ACT_BACK: app_pop(app); return;
    default:
        ui_scroll_action(app, &s->menu.scroll, a);
        return;
    }
    app_redraw(app);
}

static void arcade_action(App *app, void *state, const Action *a)
{
    ArcadeState *s = state;
    if (!s->playing) {
        menu_action(app, s, a);
        return;
    }
    if (s->confirm.open) {
        if (confirm_action(&s->confirm, a) == CONFIRM_RISKY) {
            arcade_round_quit(&s->r);
            react(app, s, ARCADE_EV_OVER, -1);
        }
        return;
    }
    if (s->r.phase == ARCADE_PHASE_COUNTDOWN) {
        if (a->type == ACT_BACK)
            refresh_menu(app, s);
        return;
    }
    if (a->type == ACT_BACK) {
        char msg[200];
        if (s->r.ra.answered == 0)
            snprintf(msg, sizeof msg, "Nothing is answered yet, so the round ends without counting as played. "
                                      "The clock is paused.");
        else
            snprintf(msg, sizeof msg,
                     "The round ends now and is saved with your %d answer%s and %d points. The clock is paused.",
                     s->r.ra.answered, s->r.ra.answered == 1 ? "" : "s", s->r.ra.points);
        confirm_open(&s->confirm, 0, "End the round?", msg, "Keep playing", "End the round");
        return;
    }
    if (s->r.phase == ARCADE_PHASE_REVEAL) {
        if (a->type == ACT_CONFIRM || a->type == ACT_SPACE)
            react(app, s, arcade_round_go_on(&s->r, &app->rng), -1);
        else
            ui_scroll_action(app, &s->scroll, a);
        return;
    }
    if (a->type == ACT_DIGIT)
        answer(app, s, a->value - 1);
    else if (a->type == ACT_LETTER && a->value >= 'A' && a->value < 'A' + s->r.q.option_count)
        answer(app, s, a->value - 'A');
    else
        ui_scroll_action(app, &s->scroll, a);
}

static void count_down(int *ms, int dt)
{
    *ms = *ms > dt ? *ms - dt : 0;
}

static int arcade_update(App *app, void *state, int dt_ms)
{
    ArcadeState *s = state;
    bool busy = particles_update(&s->particles, dt_ms);
    if (!s->playing)
        return busy ? SCREEN_ANIMATING : SCREEN_IDLE;
    s->anim_ms += dt_ms;
    int *pops[] = {&s->go_ms, &s->shake_ms, &s->flash_ms, &s->combo_pop_ms, &s->bonus_pop_ms,
                   &s->points_pop_ms, &s->life_lost_ms};
    for (size_t i = 0; i < sizeof pops / sizeof pops[0]; i++)
        count_down(pops[i], dt_ms);
    float target = (float)s->r.ra.points;
    float k = 1.0f - expf(-(float)dt_ms / 110.0f);
    s->shown_score += (target - s->shown_score) * k;
    if (fabsf(target - s->shown_score) < 1.0f)
        s->shown_score = target;
    /* The clock waits while the dialog is open, and while an answer has not
     * yet been in sight (large text in a small window): it runs once every
     * answer has been scrolled into view. A miss's reveal counts down only
     * while the banner and the right option are in sight (drawn first);
     * when they cannot both be, it waits for Enter. */
    if (s->confirm.open || (s->answers_hidden && s->r.phase == ARCADE_PHASE_PLAY))
        return busy ? SCREEN_ANIMATING : SCREEN_IDLE;
    if (s->r.phase == ARCADE_PHASE_REVEAL && !s->reveal_in_view) {
        bool waits = s->reveal_placed && !s->reveal_fits;
        bool popping = s->shake_ms > 0 || s->life_lost_ms > 0 || s->points_pop_ms > 0;
        return busy || popping || !waits ? SCREEN_ANIMATING : SCREEN_IDLE;
    }
    react(app, s, arcade_round_tick(&s->r, dt_ms, app_now(app), &app->rng), -1);
    return SCREEN_ANIMATING;
}

/* ---- drawing ------------------------------------------------------------ */

/* The wrong-answer banner: the right answer and its why, with a time bar;
 * compact, the why in the small font with less padding (to keep the right
 * option in sight below it). */
static int banner_height(App *app, const ArcadeState *s, int w, bool compact)
{
    const char *why = s->r.q.why[s->r.q.right];
    int pad = app_px(app, compact ? 8 : 14);
    int h = pad * 2 + text_line_height(app, FONT_BODY_BOLD) + app_px(app, 10);
    if (why)
        h += app_px(app, 4) + text_wrapped_height(app, compact ? FONT_SMALL : FONT_BODY, why, w - pad * 2);
    return h;
}

static int draw_banner(App *app, ArcadeState *s, int x, int y, int w, bool compact)
{
    const Theme *t = &app->theme;
    int h = banner_height(app, s, w, compact);
    int pad = app_px(app, compact ? 8 : 14);
    ui_round_rect(app, (SDL_Rect){x - 2, y - 2, w + 4, h + 4}, app_px(app, 12), t->bad);
    ui_round_rect(app, (SDL_Rect){x, y, w, h}, app_px(app, 10), ui_mix(t->panel, t->bad, 0.18f));
    char title[96];
    if (s->r.q.from_flashcard)
        snprintf(title, sizeof title, "Not quite: %c is the back of this card.  -1 life", 'A' + s->r.q.right);
    else
        snprintf(title, sizeof title, "Not quite: the answer is %c.  -1 life", 'A' + s->r.q.right);
    int ty = y + pad;
    text_draw(app, FONT_BODY_BOLD, title, x + pad, ty, t->bad, ALIGN_LEFT);
    ty += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 4);
    const char *why = s->r.q.why[s->r.q.right];
    if (why)
        ty += text_draw_wrapped(app, compact ? FONT_SMALL : FONT_BODY, why, x + pad, ty, w - pad * 2, t->text, 0,
                                app->h);
    float left = (float)s->r.reveal_ms / ARCADE_REVEAL_MS;
    ui_progress(app, (SDL_Rect){x + pad, y + h - pad - app_px(app, 2), w - pad * 2, app_px(app, 4)}, left,
                ui_alpha(t->bad, 200));
    return h;
}

static OptionState option_state(const ArcadeState *s, int k)
{
    if (s->r.phase != ARCADE_PHASE_REVEAL)
        return OPTION_NORMAL;
    if (k == s->r.q.right)
        return OPTION_RIGHT;
    return k == s->r.chosen ? OPTION_WRONG : OPTION_DIMMED;
}

/* The options from y down in `cols` columns (1 or 2), their click regions
 * noted for the effects; returns the height they take (draw false:
 * measures only). */
static int options_block(App *app, ArcadeState *s, int x, int y, int w, int gap, int cols, bool draw)
{
    int cw = cols == 2 ? (w - gap) / 2 : w;
    int h = 0;
    for (int k = 0; k < s->r.q.option_count; k += cols) {
        int row = 0;
        for (int c = 0; c < cols && k + c < s->r.q.option_count; c++) {
            int oh = ui_option_height(app, cw, s->r.q.options[k + c], option_state(s, k + c));
            if (oh > row)
                row = oh;
        }
        for (int c = 0; draw && c < cols && k + c < s->r.q.option_count; c++) {
            int ox = x + c * (cw + gap);
            ui_option(app, ox, y + h, cw, k + c, s->r.q.options[k + c], option_state(s, k + c), false, false);
            s->option_rect[k + c] = (SDL_Rect){ox, y + h, cw, row};
        }
        h += row + gap;
    }
    return h;
}

/* After a miss, when the question and the banner do not fit together:
 * the prompt, the banner (the right answer and its why), the right option
 * and the one chosen, in one column that scrolls (the banner compact when
 * it and the right option would not fit together); it opens on the banner
 * when the prompt leaves no room for the banner and the right option
 * below it. Notes whether those two are wholly in sight (reveal_in_view)
 * and whether they can be at once (reveal_fits). */
static void draw_reveal_focus(App *app, ArcadeState *s, SDL_Rect area)
{
    const Theme *t = &app->theme;
    int gap = app_px(app, 12);
    int w = area.w - app_px(app, 14); /* room for the scroll bar */
    int right = s->r.q.right, chosen = s->r.chosen;
    bool other = chosen >= 0 && chosen < s->r.q.option_count && chosen != right;
    int ph = text_wrapped_height(app, FONT_BODY_BOLD, s->r.q.prompt, w);
    int rh = ui_option_height(app, w, s->r.q.options[right], OPTION_RIGHT);
    int ch = other ? ui_option_height(app, w, s->r.q.options[chosen], OPTION_WRONG) : 0;
    bool compact = banner_height(app, s, w, false) + gap + rh > area.h;
    int bh = banner_height(app, s, w, compact);
    int banner_at = ph + gap, block = bh + gap + rh;
    s->scroll.view = area.h;
    s->scroll.content = banner_at + block + (other ? gap + ch : 0);
    if (!s->reveal_placed) {
        s->scroll.offset = banner_at + block <= area.h ? 0 : banner_at;
        s->reveal_placed = true;
    }
    ui_scroll_clamp(&s->scroll);
    ChartClip saved;
    chart_clip_push(app, area, &saved);
    int y = area.y - s->scroll.offset;
    text_draw_wrapped(app, FONT_BODY_BOLD, s->r.q.prompt, area.x, y, w, t->text, area.y, area.y + area.h);
    int banner_y = y + banner_at;
    draw_banner(app, s, area.x, banner_y, w, compact);
    int right_y = banner_y + bh + gap;
    ui_option(app, area.x, right_y, w, right, s->r.q.options[right], OPTION_RIGHT, false, false);
    if (other)
        ui_option(app, area.x, right_y + rh + gap, w, chosen, s->r.q.options[chosen], OPTION_WRONG, false, false);
    chart_clip_pop(app, &saved);
    ui_scrollbar(app, area, &s->scroll);
    s->reveal_fits = block <= area.h;
    s->reveal_in_view = banner_y >= area.y && right_y + rh <= area.y + area.h;
}

/* The question. The options stay in sight while the clock runs: when the
 * whole does not fit, the prompt scrolls in the room above them; only when
 * the options alone do not fit does everything scroll together. After a
 * miss the banner with the right answer goes below the options when the
 * whole fits, else draw_reveal_focus shows it. */
static void draw_question(App *app, ArcadeState *s, SDL_Rect area)
{
    const Theme *t = &app->theme;
    const BankItem *it = &app->bank->items[s->r.q.item];
    int gap = app_px(app, 12);
    int w = area.w - app_px(app, 14); /* room for the scroll bar */
    int chip_h = text_line_height(app, FONT_SMALL) + app_px(app, 4);
    int cols = 1;
    int opts_h = options_block(app, s, 0, 0, w, gap, 1, false);
    if (opts_h + chip_h * 3 > area.h) { /* short of room: two columns when that is shorter */
        int two = options_block(app, s, 0, 0, w, gap, 2, false);
        if (two < opts_h) {
            cols = 2;
            opts_h = two;
        }
    }
    bool reveal = s->r.phase == ARCADE_PHASE_REVEAL;
    int banner = reveal ? banner_height(app, s, w, false) + gap : 0;
    /* the big prompt when it fits in two lines and leaves room, else the body font */
    FontRole role = FONT_TITLE;
    int ph = text_wrapped_height(app, FONT_TITLE, s->r.q.prompt, w);
    if (ph > text_line_height(app, FONT_TITLE) * 2 || chip_h + gap * 2 + opts_h + banner + ph > area.h) {
        role = FONT_BODY_BOLD;
        ph = text_wrapped_height(app, role, s->r.q.prompt, w);
    }
    int whole = chip_h + gap * 2 + ph + opts_h + banner;
    if (reveal && whole > area.h) {
        draw_reveal_focus(app, s, area);
        return;
    }
    if (reveal) /* all of it in sight */
        s->reveal_placed = s->reveal_fits = s->reveal_in_view = true;
    int room = area.h - opts_h; /* above the pinned options */
    bool pinned = whole > area.h && room >= text_line_height(app, role) * 2 + gap;
    SDL_Rect view = pinned ? (SDL_Rect){area.x, area.y, area.w, room - gap} : area;
    s->scroll.view = view.h;
    s->scroll.content = pinned ? chip_h + gap + ph : whole;
    ui_scroll_clamp(&s->scroll);
    if (s->flash_ms > 0) {
        int g = app_px(app, 6);
        ui_round_rect(app, (SDL_Rect){area.x - g, area.y - g, area.w + g * 2, area.h + g * 2}, app_px(app, 16),
                      ui_alpha(t->good, (int)(55.0f * (float)s->flash_ms / 260.0f)));
    }
    ChartClip saved;
    chart_clip_push(app, view, &saved);
    int y = view.y - s->scroll.offset;
    char chip[160];
    snprintf(chip, sizeof chip, "%s  -  Task %s  -  %s", s->r.q.from_flashcard ? "Flashcard" : "Question",
             app->bank->tasks[it->task].id, app->bank->domains[it->domain].name);
    int cw, chh;
    text_size(app, FONT_SMALL, chip, &cw, &chh);
    if (cw + app_px(app, 16) > w) /* narrow: the domain's name goes */
        snprintf(chip, sizeof chip, "%s  -  Task %s", s->r.q.from_flashcard ? "Flashcard" : "Question",
                 app->bank->tasks[it->task].id);
    ui_chip(app, area.x, y, chip, ui_alpha(s->r.q.from_flashcard ? t->accent2 : t->accent, 40),
            s->r.q.from_flashcard ? t->accent2 : t->accent);
    y += chip_h + gap;
    y += text_draw_wrapped(app, role, s->r.q.prompt, area.x, y, w, t->text, view.y, view.y + view.h) + gap;
    if (!pinned) {
        options_block(app, s, area.x, y, w, gap, cols, true);
        if (reveal)
            draw_banner(app, s, area.x, y + opts_h, w, false);
    }
    chart_clip_pop(app, &saved);
    ui_scrollbar(app, view, &s->scroll);
    if (pinned)
        options_block(app, s, area.x, area.y + room, w, gap, cols, true);
    /* The clock waits until every answer has been in sight once. */
    s->answers_hidden = false;
    for (int k = 0; k < s->r.q.option_count; k++) {
        SDL_Rect o = s->option_rect[k], seen;
        if (SDL_IntersectRect(&o, &area, &seen) && seen.h * 2 >= o.h) /* half of it counts as seen */
            s->answers_seen |= 1u << k;
        if (!(s->answers_seen & (1u << k)))
            s->answers_hidden = true;
    }
}

/* The keys of the moment, the dialog aside. */
static const KeyMap *phase_keys(const ArcadeState *s)
{
    if (!s->playing)
        return &MENU_KEYS;
    switch (s->r.phase) {
    case ARCADE_PHASE_COUNTDOWN: return &COUNTDOWN_KEYS;
    case ARCADE_PHASE_REVEAL: return s->reveal_fits ? &REVEAL_KEYS : &REVEAL_HELD_KEYS;
    case ARCADE_PHASE_PLAY: case ARCADE_PHASE_OVER: break;
    }
    return &s->play_keys;
}

static const KeyMap *arcade_keys(App *app, void *state)
{
    (void)app;
    ArcadeState *s = state;
    return s->confirm.open ? confirm_keys() : phase_keys(s);
}

static void arcade_draw(App *app, void *state)
{
    ArcadeState *s = state;
    ui_background(app);
    if (!s->playing) {
        arcade_menu_draw(app, &s->menu, &MENU_KEYS);
        return;
    }
    bool shaking = s->shake_ms > 0 && !app->settings.reduce_motion;
    if (shaking) {
        float p = (float)s->shake_ms / ARCADE_SHAKE_MS;
        int dx = (int)(sinf((float)s->shake_ms * 0.09f) * (float)app_px(app, 9) * p);
        int dy = (int)(cosf((float)s->shake_ms * 0.13f) * (float)app_px(app, 3) * p);
        SDL_RenderSetViewport(app->renderer, &(SDL_Rect){dx, dy, app->w, app->h});
    }
    int top = arcade_hud_draw(app, s);
    int margin = app_px(app, 28);
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 30);
    SDL_Rect area = {margin, top, app->w - margin * 2, app->h - top - footer};
    if (s->r.phase == ARCADE_PHASE_COUNTDOWN)
        arcade_countdown_draw(app, s, area);
    else
        draw_question(app, s, area);
    if (shaking)
        SDL_RenderSetViewport(app->renderer, NULL);
    particles_draw(app, &s->particles);
    arcade_hurry_edges_draw(app, s);
    if (s->go_ms > 0) {
        float p = (float)s->go_ms / ARCADE_GO_MS;
        float k = app->settings.reduce_motion ? 1.0f : 1.0f + 0.6f * (1.0f - p);
        arcade_draw_scaled(app, FONT_HUGE, "Go!", app->w / 2, app->h / 2 - text_line_height(app, FONT_HUGE) / 2, k,
                    ui_alpha(app->theme.accent, (int)(190 * p)));
    }
    ui_footer_keys(app, phase_keys(s));
    confirm_draw(app, &s->confirm);
}

static void arcade_resume(App *app, void *state)
{
    ArcadeState *s = state;
    if (!s->playing)
        refresh_menu(app, s);
}

static bool arcade_right_options(App *app, void *state, uint32_t *mask, int *count)
{
    (void)app;
    ArcadeState *s = state;
    if (!s->playing || s->r.phase != ARCADE_PHASE_PLAY || s->confirm.open)
        return false;
    *mask = 1u << s->r.q.right;
    *count = s->r.q.option_count;
    return true;
}

const Screen SCREEN_ARCADE = {
    .name = "arcade",
    .enter = arcade_enter,
    .leave = arcade_leave,
    .action = arcade_action,
    .update = arcade_update,
    .draw = arcade_draw,
    .resume = arcade_resume,
    .right_options = arcade_right_options,
    .keys = arcade_keys,
};
