/* Arcade: shows a round (arcade_round.h: kinds, clock, lives, combo,
 * points, ending and saving live there) and turns keys into answers: the
 * round menu with the personal bests, the countdown, questions answered with
 * one key, the reveal after a miss, and the effects (sounds, particles,
 * shake, pops). The results are screen_arcade_end.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arcade_round.h"
#include "confirm.h"
#include "hud.h"
#include "particles.h"
#include "rewards.h"
#include "screen_arcade.h"
#include "screens.h"
#include "study.h"
#include "text.h"
#include "ui.h"

#define ARCADE_GO_MS 450
#define ARCADE_SHAKE_MS 320
#define ARCADE_POP_MS 700

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
static const KeyBinding PLAY_ROWS[] = {
    {"1-4 / A-D", 0, CMD_NONE, "answer at once", false},
    {"Up/Down", 0, CMD_NONE, "scroll a long question", true},
    {"Esc", 0, CMD_NONE, "end the round", false},
};
static const KeyBinding REVEAL_ROWS[] = {
    {"Enter", 0, CMD_NONE, "go on now", false},
    {"Esc", 0, CMD_NONE, "end the round", false},
};
static const KeyMap MENU_KEYS = KEYMAP(MENU_ROWS);
static const KeyMap COUNTDOWN_KEYS = KEYMAP(COUNTDOWN_ROWS);
static const KeyMap PLAY_KEYS = KEYMAP(PLAY_ROWS);
static const KeyMap REVEAL_KEYS = KEYMAP(REVEAL_ROWS);

typedef struct ArcadeState {
    bool playing;               /* false: the round menu */
    ArcadeMenu menu;            /* the round chosen, the bests, what the menu says */
    ArcadeRound r;
    int go_ms, shake_ms, flash_ms, combo_pop_ms, bonus_pop_ms, points_pop_ms, life_lost_ms;
    float shown_score;          /* counts up toward r.ra.points */
    int anim_ms;
    Confirm confirm;            /* "End the round?": the clock waits while it is open */
    SDL_Rect option_rect[BANK_MAX_OPTIONS];
    Particles particles;
    Scroll scroll;
} ArcadeState;

static const ArcadeRoundKind *kind_of(const ArcadeState *s)
{
    return arcade_round_kind(s->menu.kind);
}

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
        app_sound(app, SFX_WRONG);
    }
    if (ev & ARCADE_EV_QUESTION) {
        s->scroll.offset = 0;
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
    default: return;
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
        snprintf(msg, sizeof msg,
                 "The round ends now and is saved with your %d answer%s and %d points. The clock is paused.",
                 s->r.ra.answered, s->r.ra.answered == 1 ? "" : "s", s->r.ra.points);
        confirm_open(&s->confirm, 0, "End the round?", msg, "keep playing", "end it");
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
    if (s->confirm.open) /* the clock is paused */
        return busy ? SCREEN_ANIMATING : SCREEN_IDLE;
    react(app, s, arcade_round_tick(&s->r, dt_ms, app_now(app), &app->rng), -1);
    return SCREEN_ANIMATING;
}

/* ---- drawing ------------------------------------------------------------ */

static void draw_triangle(App *app, SDL_FPoint a, SDL_FPoint b, SDL_FPoint c, SDL_Color col)
{
    SDL_Vertex v[3] = {{a, col, {0, 0}}, {b, col, {0, 0}}, {c, col, {0, 0}}};
    SDL_SetRenderDrawBlendMode(app->renderer, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(app->renderer, NULL, v, 3, NULL, 0);
}

/* A heart of size `size` centred at (cx, cy). */
static void draw_heart(App *app, float cx, float cy, float size, SDL_Color c)
{
    float r = size * 0.27f;
    float top = cy - size * 0.18f;
    ui_circle(app, cx - r * 0.92f, top, r, c);
    ui_circle(app, cx + r * 0.92f, top, r, c);
    draw_triangle(app, (SDL_FPoint){cx - r * 1.87f, top + r * 0.32f}, (SDL_FPoint){cx + r * 1.87f, top + r * 0.32f},
                  (SDL_FPoint){cx, cy + size * 0.42f}, c);
}

static float ease_out(float t)
{
    if (t <= 0) return 0;
    if (t >= 1) return 1;
    return 1 - (1 - t) * (1 - t);
}

/* Draws text scaled by `k` around its centre (a pulse), plain when k is 1. */
static void draw_scaled(App *app, FontRole role, const char *text, int cx, int y, float k, SDL_Color c)
{
    if (fabsf(k - 1.0f) < 0.01f) {
        text_draw(app, role, text, cx, y, c, ALIGN_CENTER);
        return;
    }
    int lh = text_line_height(app, role);
    float cy = (float)y + (float)lh / 2;
    SDL_RenderSetScale(app->renderer, k, k);
    text_draw(app, role, text, (int)((float)cx / k), (int)((cy - (float)lh * k / 2) / k), c, ALIGN_CENTER);
    SDL_RenderSetScale(app->renderer, 1, 1);
}

static bool hurry(const ArcadeState *s)
{
    return s->r.phase != ARCADE_PHASE_COUNTDOWN && s->r.remaining_ms <= ARCADE_HURRY_MS;
}

/* 0..1 within each second of the last ten: 1 right at the tick, fading. */
static float hurry_pulse(const App *app, const ArcadeState *s)
{
    if (!hurry(s) || app->settings.reduce_motion)
        return 0;
    int into = 1000 - s->r.remaining_ms % 1000;
    if (into >= 1000)
        into = 0;
    float p = 1.0f - (float)into / 600.0f;
    return p < 0 ? 0 : p;
}

static void draw_timer(App *app, ArcadeState *s, int y, int h)
{
    const Theme *t = &app->theme;
    char label[32];
    int ms = s->r.phase == ARCADE_PHASE_COUNTDOWN ? kind_of(s)->seconds * 1000 : s->r.remaining_ms;
    if (hurry(s)) {
        snprintf(label, sizeof label, "%d.%d", ms / 1000, (ms % 1000) / 100);
    } else {
        int secs = (ms + 999) / 1000;
        snprintf(label, sizeof label, "%d:%02d", secs / 60, secs % 60);
    }
    int tw, th;
    text_size(app, FONT_HUGE, "0:00", &tw, &th);
    int pw = tw + app_px(app, 56);
    SDL_Rect pill = {app->w / 2 - pw / 2, y, pw, h};
    float pulse = hurry_pulse(app, s);
    SDL_Color bg = t->panel, fg = t->text;
    if (hurry(s)) {
        bg = ui_mix(t->panel, t->bad, 0.25f + 0.45f * pulse);
        fg = ui_mix(t->bad, t->text, 0.3f + 0.7f * pulse);
        int glow = app_px(app, 4 + 10 * pulse);
        if (glow > y)
            glow = y;
        ui_round_rect(app, (SDL_Rect){pill.x - glow, pill.y - glow, pill.w + glow * 2, pill.h + glow * 2},
                      h / 2 + glow, ui_alpha(t->bad, (int)(50 + 110 * pulse)));
    } else {
        ui_round_rect(app, (SDL_Rect){pill.x - 2, pill.y - 2, pill.w + 4, pill.h + 4}, h / 2 + 2,
                      ui_alpha(t->accent2, 120));
    }
    ui_round_rect(app, pill, h / 2, bg);
    float k = 1.0f + 0.12f * pulse;
    draw_scaled(app, FONT_HUGE, label, app->w / 2, y + (h - text_line_height(app, FONT_HUGE)) / 2, k, fg);
    if (s->bonus_pop_ms > 0) {
        float p = 1.0f - (float)s->bonus_pop_ms / ARCADE_POP_MS;
        char bonus[16];
        snprintf(bonus, sizeof bonus, "+%d s", kind_of(s)->bonus_ms / 1000);
        int rise = app->settings.reduce_motion ? 0 : (int)((float)app_px(app, 24) * p);
        text_draw(app, FONT_TITLE, bonus, pill.x + pill.w + app_px(app, 14), y + app_px(app, 8) - rise,
                  ui_alpha(t->good, (int)(255 * (1.0f - p * p))), ALIGN_LEFT);
    }
}

static void draw_lives_and_combo(App *app, ArcadeState *s, int x, int y)
{
    const Theme *t = &app->theme;
    char line[64];
    if (kind_of(s)->seconds >= 120)
        snprintf(line, sizeof line, "%s  -  %d min", kind_of(s)->title, kind_of(s)->seconds / 60);
    else
        snprintf(line, sizeof line, "%s  -  %d s", kind_of(s)->title, kind_of(s)->seconds);
    text_draw(app, FONT_SMALL, line, x, y, t->text_dim, ALIGN_LEFT);
    y += text_line_height(app, FONT_SMALL) + app_px(app, 4);
    float hs = (float)app_px(app, 26);
    for (int i = 0; i < REWARDS_ARCADE_LIVES; i++) {
        float cx = (float)x + hs / 2 + (float)i * (hs + (float)app_px(app, 8));
        float cy = (float)y + hs / 2;
        if (i < s->r.ra.lives) {
            draw_heart(app, cx, cy, hs, t->bad);
        } else if (i == s->r.ra.lives && s->life_lost_ms > 0) {
            float p = (float)s->life_lost_ms / ARCADE_POP_MS;
            float size = app->settings.reduce_motion ? hs : hs * (0.4f + 0.9f * p);
            draw_heart(app, cx, cy, hs, ui_alpha(t->border, 160));
            draw_heart(app, cx, cy, size, ui_alpha(t->bad, (int)(255 * p)));
        } else {
            draw_heart(app, cx, cy, hs, ui_alpha(t->border, 160));
        }
    }
    y += (int)hs + app_px(app, 8);
    int mult = rewards_arcade_multiplier(s->r.ra.combo);
    SDL_Color c = mult >= REWARDS_ARCADE_MAX_MULTIPLIER ? t->accent : mult == 2 ? t->accent2 : t->text_dim;
    float pop = s->combo_pop_ms > 0 ? (float)s->combo_pop_ms / ARCADE_POP_MS : 0;
    snprintf(line, sizeof line, "x%d combo", mult);
    int cw = ui_chip(app, x, y, line, ui_alpha(c, 50 + (int)(150 * pop)), pop > 0.5f ? t->text : c);
    int bx = x + cw + app_px(app, 10);
    int bw = app_px(app, 120);
    int lh = text_line_height(app, FONT_SMALL);
    float frac = mult >= REWARDS_ARCADE_MAX_MULTIPLIER
                     ? 1.0f
                     : (float)(s->r.ra.combo % REWARDS_ARCADE_COMBO_STEP) / REWARDS_ARCADE_COMBO_STEP;
    ui_progress(app, (SDL_Rect){bx, y + lh / 2 - app_px(app, 3), bw, app_px(app, 8)}, frac, c);
    if (mult >= REWARDS_ARCADE_MAX_MULTIPLIER)
        snprintf(line, sizeof line, "max, %d in a row", s->r.ra.combo);
    else
        snprintf(line, sizeof line, "%d to x%d", REWARDS_ARCADE_COMBO_STEP - s->r.ra.combo % REWARDS_ARCADE_COMBO_STEP,
                 mult + 1);
    text_draw(app, FONT_SMALL, line, bx + bw + app_px(app, 8), y + app_px(app, 2), t->text_dim, ALIGN_LEFT);
}

static void draw_score(App *app, ArcadeState *s, int right, int y)
{
    const Theme *t = &app->theme;
    text_draw(app, FONT_SMALL, "Score", right, y, t->text_dim, ALIGN_RIGHT);
    y += text_line_height(app, FONT_SMALL);
    char score[32], v[32];
    arcade_format_points((int)(s->shown_score + 0.5f), score, sizeof score);
    SDL_Color c = s->points_pop_ms > 0 ? ui_mix(t->text, t->accent, (float)s->points_pop_ms / ARCADE_POP_MS)
                                       : t->text;
    int sw = text_draw(app, FONT_TITLE, score, right, y, c, ALIGN_RIGHT);
    int sy = y;
    y += text_line_height(app, FONT_TITLE);
    char best[48];
    int b = s->menu.best[s->menu.kind];
    arcade_format_points(b, v, sizeof v);
    if (s->menu.rounds[s->menu.kind] == 0)
        snprintf(best, sizeof best, "First %s round", kind_of(s)->title);
    else if (s->r.ra.points > b)
        snprintf(best, sizeof best, "New best! (was %s)", v);
    else
        snprintf(best, sizeof best, "Best %s", v);
    text_draw(app, FONT_SMALL, best, right, y, s->menu.rounds[s->menu.kind] > 0 && s->r.ra.points > b ? t->accent : t->text_dim,
              ALIGN_RIGHT);
    if (s->points_pop_ms > 0) {
        float p = 1.0f - (float)s->points_pop_ms / ARCADE_POP_MS;
        int mult_used = rewards_arcade_multiplier(s->r.ra.combo > 0 ? s->r.ra.combo - 1 : 0);
        char pop[32];
        if (mult_used > 1)
            snprintf(pop, sizeof pop, "+%d  x%d", s->r.last_points, mult_used);
        else
            snprintf(pop, sizeof pop, "+%d", s->r.last_points);
        int rise = app->settings.reduce_motion ? 0 : (int)((float)app_px(app, 26) * p);
        text_draw(app, FONT_BODY_BOLD, pop, right - sw - app_px(app, 14), sy + app_px(app, 8) - rise,
                  ui_alpha(t->accent, (int)(255 * (1.0f - p * p))), ALIGN_RIGHT);
    }
}

/* The band at the top: lives and combo, the timer, the score; then the time bar. */
static int draw_hud(App *app, ArcadeState *s)
{
    const Theme *t = &app->theme;
    int margin = app_px(app, 28);
    int y = app_px(app, 12);
    int h = text_line_height(app, FONT_HUGE) + app_px(app, 6);
    draw_lives_and_combo(app, s, margin, y);
    draw_timer(app, s, y, h);
    draw_score(app, s, app->w - margin, y);
    y += h + app_px(app, 10);
    float total = (float)kind_of(s)->seconds * 1000.0f;
    float frac = s->r.phase == ARCADE_PHASE_COUNTDOWN ? 1.0f : (float)s->r.remaining_ms / total;
    ui_progress(app, (SDL_Rect){margin, y, app->w - margin * 2, app_px(app, 6)}, frac,
                hurry(s) ? t->bad : t->accent2);
    return y + app_px(app, 18);
}

static void draw_countdown(App *app, ArcadeState *s, SDL_Rect area)
{
    const Theme *t = &app->theme;
    int n = (s->r.countdown_ms + 999) / 1000;
    float into = 1.0f - (float)(s->r.countdown_ms - (n - 1) * 1000) / 1000.0f; /* 0..1 in this second */
    int cx = area.x + area.w / 2;
    int cy = area.y + area.h * 2 / 5;
    float ring = (float)app_px(app, 70);
    if (!app->settings.reduce_motion)
        ring *= 1.0f + 0.35f * ease_out(into);
    ui_circle(app, (float)cx, (float)cy, ring + (float)app_px(app, 4), ui_alpha(t->accent, (int)(200 * (1 - into))));
    ui_circle(app, (float)cx, (float)cy, ring, t->panel);
    char num[16];
    snprintf(num, sizeof num, "%d", n);
    float k = app->settings.reduce_motion ? 1.0f : 1.5f - 0.5f * ease_out(into * 2);
    draw_scaled(app, FONT_HUGE, num, cx, cy - text_line_height(app, FONT_HUGE) / 2, k, t->accent);
    int y = cy + (int)ring + app_px(app, 30);
    text_draw(app, FONT_TITLE, "Get ready", cx, y, t->text, ALIGN_CENTER);
    y += text_line_height(app, FONT_TITLE) + app_px(app, 8);
    char line[160];
    snprintf(line, sizeof line, "%d lives. Answer with 1-4 or A-D: one key, no Enter. Right answers add %d s.",
             REWARDS_ARCADE_LIVES, kind_of(s)->bonus_ms / 1000);
    text_draw_wrapped(app, FONT_BODY, line, area.x + area.w / 6, y, area.w * 2 / 3, t->text_dim, 0, app->h);
}

/* The wrong-answer banner: the right answer and its why, with a time bar. */
static int banner_height(App *app, const ArcadeState *s, int w)
{
    const char *why = s->r.q.why[s->r.q.right];
    int pad = app_px(app, 14);
    int h = pad * 2 + text_line_height(app, FONT_BODY_BOLD) + app_px(app, 10);
    if (why)
        h += app_px(app, 4) + text_wrapped_height(app, FONT_BODY, why, w - pad * 2);
    return h;
}

static int draw_banner(App *app, ArcadeState *s, int x, int y, int w)
{
    const Theme *t = &app->theme;
    int h = banner_height(app, s, w);
    int pad = app_px(app, 14);
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
        ty += text_draw_wrapped(app, FONT_BODY, why, x + pad, ty, w - pad * 2, t->text, 0, app->h);
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

static void draw_question(App *app, ArcadeState *s, SDL_Rect area)
{
    const Theme *t = &app->theme;
    const BankItem *it = &app->bank->items[s->r.q.item];
    int gap = app_px(app, 12);
    int chip_h = text_line_height(app, FONT_SMALL) + app_px(app, 4);
    int opts_h = 0;
    for (int k = 0; k < s->r.q.option_count; k++)
        opts_h += ui_option_height(app, area.w, s->r.q.options[k]) + gap;
    int banner = s->r.phase == ARCADE_PHASE_REVEAL ? banner_height(app, s, area.w) + gap : 0;
    int fixed = chip_h + gap * 2 + opts_h + banner;
    /* the big prompt when it fits in two lines and leaves room, else the body font */
    FontRole role = FONT_TITLE;
    int ph = text_wrapped_height(app, FONT_TITLE, s->r.q.prompt, area.w);
    if (ph > text_line_height(app, FONT_TITLE) * 2 || fixed + ph > area.h) {
        role = FONT_BODY_BOLD;
        ph = text_wrapped_height(app, role, s->r.q.prompt, area.w);
    }
    s->scroll.view = area.h;
    s->scroll.content = fixed + ph;
    int max = s->scroll.content - s->scroll.view;
    if (s->scroll.offset > max)
        s->scroll.offset = max > 0 ? max : 0;
    if (s->flash_ms > 0) {
        int g = app_px(app, 6);
        ui_round_rect(app, (SDL_Rect){area.x - g, area.y - g, area.w + g * 2, area.h + g * 2}, app_px(app, 16),
                      ui_alpha(t->good, (int)(55.0f * (float)s->flash_ms / 260.0f)));
    }
    SDL_RenderSetClipRect(app->renderer, &area);
    int y = area.y - s->scroll.offset;
    char chip[160];
    snprintf(chip, sizeof chip, "%s  -  Task %s  -  %s", s->r.q.from_flashcard ? "Flashcard" : "Question",
             app->bank->tasks[it->task].id, app->bank->domains[it->domain].name);
    ui_chip(app, area.x, y, chip, ui_alpha(s->r.q.from_flashcard ? t->accent2 : t->accent, 40),
            s->r.q.from_flashcard ? t->accent2 : t->accent);
    y += chip_h + gap;
    y += text_draw_wrapped(app, role, s->r.q.prompt, area.x, y, area.w, t->text, area.y, area.y + area.h);
    y += gap;
    for (int k = 0; k < s->r.q.option_count; k++) {
        int h = ui_option(app, area.x, y, area.w, k, s->r.q.options[k], option_state(s, k), false, false);
        s->option_rect[k] = (SDL_Rect){area.x, y, area.w, h};
        y += h + gap;
    }
    if (s->r.phase == ARCADE_PHASE_REVEAL)
        draw_banner(app, s, area.x, y, area.w);
    SDL_RenderSetClipRect(app->renderer, NULL);
    ui_scrollbar(app, area, &s->scroll);
}

/* Red edges that beat with the seconds when time is nearly out. */
static void draw_hurry_edges(App *app, ArcadeState *s)
{
    if (!hurry(s) || s->r.phase == ARCADE_PHASE_COUNTDOWN)
        return;
    float pulse = app->settings.reduce_motion ? 0.3f : hurry_pulse(app, s);
    SDL_Color c = ui_alpha(app->theme.bad, (int)(25 + 70 * pulse));
    int e = app_px(app, 8);
    ui_fill(app, (SDL_Rect){0, 0, app->w, e}, c);
    ui_fill(app, (SDL_Rect){0, app->h - e, app->w, e}, c);
    ui_fill(app, (SDL_Rect){0, e, e, app->h - 2 * e}, c);
    ui_fill(app, (SDL_Rect){app->w - e, e, e, app->h - 2 * e}, c);
}

/* The keys of the moment, the dialog aside. */
static const KeyMap *phase_keys(const ArcadeState *s)
{
    if (!s->playing)
        return &MENU_KEYS;
    switch (s->r.phase) {
    case ARCADE_PHASE_COUNTDOWN: return &COUNTDOWN_KEYS;
    case ARCADE_PHASE_REVEAL: return &REVEAL_KEYS;
    case ARCADE_PHASE_PLAY: case ARCADE_PHASE_OVER: break;
    }
    return &PLAY_KEYS;
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
    int top = draw_hud(app, s);
    int margin = app_px(app, 28);
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 30);
    SDL_Rect area = {margin, top, app->w - margin * 2, app->h - top - footer};
    if (s->r.phase == ARCADE_PHASE_COUNTDOWN)
        draw_countdown(app, s, area);
    else
        draw_question(app, s, area);
    if (shaking)
        SDL_RenderSetViewport(app->renderer, NULL);
    particles_draw(app, &s->particles);
    draw_hurry_edges(app, s);
    if (s->go_ms > 0) {
        float p = (float)s->go_ms / ARCADE_GO_MS;
        float k = app->settings.reduce_motion ? 1.0f : 1.0f + 0.6f * (1.0f - p);
        draw_scaled(app, FONT_HUGE, "Go!", app->w / 2, app->h / 2 - text_line_height(app, FONT_HUGE) / 2, k,
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
