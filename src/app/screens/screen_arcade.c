/* Arcade: a timed round (Sprint 60 s, Marathon 3 min) of single-answer
 * questions and flashcards turned into four options, drawn toward weak
 * domains. One key answers at once; points, lives and combos follow the
 * core's rules (rewards.h), every answer is saved before the next item, and
 * the results live in screen_arcade_end.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hud.h"
#include "particles.h"
#include "rewards.h"
#include "screen_arcade.h"
#include "screens.h"
#include "store.h"
#include "study.h"
#include "text.h"
#include "ui.h"

#define ARCADE_COUNTDOWN_MS 3000
#define ARCADE_GO_MS 450
#define ARCADE_REVEAL_MS 1500
#define ARCADE_SPEED_LIMIT_MS 10000 /* the speed factor reaches one half at 10 s */
#define ARCADE_HURRY_MS 10000       /* the timer pulses and ticks in the last 10 s */
#define ARCADE_SHAKE_MS 320
#define ARCADE_POP_MS 700

static const ArcadeRoundKind KINDS[ARCADE_ROUND_KINDS] = {
    {"sprint", "Sprint", 60, 3000},
    {"marathon", "Marathon", 180, 2000},
};

const ArcadeRoundKind *arcade_screen_kind(int k)
{
    return &KINDS[k >= 0 && k < ARCADE_ROUND_KINDS ? k : 0];
}

typedef enum ArcadePhase { PHASE_MENU, PHASE_COUNTDOWN, PHASE_PLAY, PHASE_REVEAL } ArcadePhase;

typedef struct ArcadeState {
    ArcadePhase phase;
    int kind;
    int best[ARCADE_ROUND_KINDS], rounds[ARCADE_ROUND_KINDS];
    bool can_play;              /* the bank has items the arcade can ask */
    int weakest;                /* weakest domain for the menu, -1 when all alike */
    ArcadeStream stream;
    ArcadeQuestion q;
    RewardsArcade ra;
    int remaining_ms, countdown_ms, played_ms, question_ms, reveal_ms;
    int chosen;                 /* display option chosen (for the reveal) */
    int go_ms, shake_ms, flash_ms, combo_pop_ms, bonus_pop_ms, points_pop_ms, life_lost_ms;
    int points_pop;
    float shown_score;          /* counts up toward ra.points */
    int anim_ms;
    bool confirm_quit;
    int64_t started_at;
    ArcadeResult res;
    SDL_Rect option_rect[BANK_MAX_OPTIONS];
    Particles particles;
    Scroll scroll;
} ArcadeState;

/* "12,345": thousands separated, for scores. */
static void format_points(int v, char *buf, size_t size)
{
    char digits[24];
    snprintf(digits, sizeof digits, "%d", v < 0 ? -v : v);
    size_t n = strlen(digits), o = 0;
    if (v < 0 && o + 1 < size)
        buf[o++] = '-';
    for (size_t i = 0; i < n && o + 1 < size; i++) {
        if (i > 0 && (n - i) % 3 == 0 && o + 2 < size)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
}

static void load_bests(App *app, ArcadeState *s)
{
    for (int k = 0; k < ARCADE_ROUND_KINDS; k++) {
        s->best[k] = 0;
        s->rounds[k] = 0;
        if (store_arcade_best(app->store, KINDS[k].id, &s->best[k], &s->rounds[k]) != STORE_OK) {
            s->best[k] = 0;
            s->rounds[k] = 0;
        }
    }
}

/* The domain the stream pulls toward most, when accuracy tells them apart. */
static int weakest_domain(App *app)
{
    const double *acc = study_accuracy(app->study);
    int lo = -1;
    double hi = -1;
    for (int d = 0; d < app->bank->domain_count && d < SCORING_MAX_DOMAINS; d++) {
        if (lo < 0 || acc[d] < acc[lo])
            lo = d;
        if (acc[d] > hi)
            hi = acc[d];
    }
    return lo >= 0 && acc[lo] < hi - 0.005 ? lo : -1;
}

static void refresh_menu(App *app, ArcadeState *s)
{
    load_bests(app, s);
    s->weakest = weakest_domain(app);
    ArcadeStream probe;
    s->can_play = arcade_stream_start(&probe, app->bank, study_accuracy(app->study), 0, &app->rng);
    arcade_stream_free(&probe);
}

static void start_round(App *app, ArcadeState *s)
{
    arcade_stream_free(&s->stream);
    if (!arcade_stream_start(&s->stream, app->bank, study_accuracy(app->study), 0, &app->rng)) {
        s->can_play = false;
        app_status(app, "This bank has no single-answer questions or flashcards to play.");
        return;
    }
    rewards_arcade_start(&s->ra, 0);
    memset(&s->res, 0, sizeof s->res);
    s->res.kind = s->kind;
    s->res.previous_best = s->best[s->kind];
    s->remaining_ms = KINDS[s->kind].seconds * 1000;
    s->countdown_ms = ARCADE_COUNTDOWN_MS;
    s->played_ms = 0;
    s->shown_score = 0;
    s->confirm_quit = false;
    s->go_ms = s->shake_ms = s->flash_ms = s->combo_pop_ms = s->bonus_pop_ms = 0;
    s->points_pop_ms = s->life_lost_ms = 0;
    s->phase = PHASE_COUNTDOWN;
    app_sound(app, SFX_TICK);
}

static void *arcade_enter(App *app, const void *arg)
{
    ArcadeState *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    const ArcadeStart *start = arg;
    s->kind = start && start->kind >= 0 && start->kind < ARCADE_ROUND_KINDS ? start->kind : 0;
    s->phase = PHASE_MENU;
    refresh_menu(app, s);
    if (start && start->play_now && s->can_play)
        start_round(app, s);
    return s;
}

static void arcade_leave(App *app, void *state)
{
    (void)app;
    ArcadeState *s = state;
    arcade_stream_free(&s->stream);
    free(s);
}

/* Saves the round and opens the results (the state is then freed: return at
 * once); a round ended before any answer just goes back to the menu. */
static void end_round(App *app, ArcadeState *s, ArcadeEnd why)
{
    if (why == ARCADE_END_QUIT && s->ra.answered == 0) {
        s->phase = PHASE_MENU;
        s->confirm_quit = false;
        refresh_menu(app, s);
        return;
    }
    ArcadeResult res = s->res;
    res.ended = why;
    res.points = s->ra.points;
    res.answered = s->ra.answered;
    res.right = s->ra.right;
    res.best_combo = s->ra.best_combo;
    res.lives_left = s->ra.lives;
    res.played_ms = s->played_ms;
    int64_t now = app_now(app);
    StoreArcadeRound round = {
        .round = KINDS[s->kind].id,
        .started_at = s->started_at,
        .finished_at = now,
        .answered = res.answered,
        .correct = res.right,
        .points = res.points,
    };
    if (store_arcade_save(app->store, app->bank, &round, NULL) == STORE_OK) {
        res.saved = true;
        /* For the "On fire" achievement. */
        if (res.best_combo > store_profile_get(app->store, "best_combo", 0))
            store_profile_set(app->store, "best_combo", res.best_combo);
    } else {
        app_status(app, "Round not saved: %s", store_error_message(app->store));
    }
    if (res.saved && why != ARCADE_END_QUIT && res.answered > 0) {
        int bonus = rewards_session_xp(MODE_ARCADE, 0, true, false, false);
        if (app_saved(app, study_add_xp(app->study, bonus), "XP not saved"))
            res.xp += bonus;
    }
    res.new_best = res.saved && res.points > res.previous_best;
    res.goal_round = res.answered >= REWARDS_GOAL_ARCADE_ROUND_ANSWERS;
    app_replace(app, &SCREEN_ARCADE_END, &res);
}

/* Shows the next item; false when the stream ran dry (the round must end). */
static bool next_question(App *app, ArcadeState *s)
{
    s->question_ms = 0;
    s->scroll.offset = 0;
    memset(s->option_rect, 0, sizeof s->option_rect);
    if (!arcade_stream_next_question(&s->stream, &app->rng, &s->q))
        return false;
    s->phase = PHASE_PLAY;
    return true;
}

static void begin_play(App *app, ArcadeState *s)
{
    s->started_at = app_now(app);
    s->go_ms = ARCADE_GO_MS;
    app_sound(app, SFX_CLICK);
    if (!next_question(app, s))
        end_round(app, s, ARCADE_END_QUIT);
}

/* After a wrong answer's reveal: the next item, or the end with no lives. */
static void after_reveal(App *app, ArcadeState *s)
{
    if (s->ra.over) {
        end_round(app, s, ARCADE_END_LIVES);
        return;
    }
    if (!next_question(app, s))
        end_round(app, s, ARCADE_END_QUIT);
}

/* Judges display option k; may end the round (then the state is freed). */
static void answer(App *app, ArcadeState *s, int k)
{
    if (k < 0 || k >= s->q.option_count)
        return;
    bool correct = false;
    uint32_t mask = arcade_answer_mask(&s->q, k, &correct);
    int ms = s->question_ms;
    int mult_before = rewards_arcade_multiplier(s->ra.combo);
    int pts = rewards_arcade_answer(&s->ra, correct, ms, ARCADE_SPEED_LIMIT_MS, 0);
    int xp = correct ? REWARDS_XP_RIGHT : 0;
    Answer a = {.item = s->q.item, .answer = mask, .correct = correct, .ms = ms, .at = app_now(app)};
    if (app_saved(app, study_answer(app->study, MODE_ARCADE, &a, xp).item >= 0, "Not saved"))
        s->res.xp += xp;
    int d = app->bank->items[s->q.item].domain;
    if (d >= 0 && d < SCORING_MAX_DOMAINS) {
        s->res.domain_total[d]++;
        s->res.domain_right[d] += correct ? 1 : 0;
    }
    SDL_Rect r = s->option_rect[k];
    float cx = (float)(r.x + r.w / 2), cy = (float)(r.y + r.h / 2);
    if (correct) {
        s->remaining_ms += KINDS[s->kind].bonus_ms;
        s->points_pop = pts;
        s->points_pop_ms = ARCADE_POP_MS;
        s->bonus_pop_ms = ARCADE_POP_MS;
        s->flash_ms = 260;
        bool level_up = rewards_arcade_multiplier(s->ra.combo) > mult_before;
        if (level_up)
            s->combo_pop_ms = ARCADE_POP_MS;
        app_sound(app, level_up ? SFX_COMBO : SFX_CORRECT);
        particles_burst(app, &s->particles, cx, cy, level_up ? 70 : 30, level_up ? 560 : 420);
        if (!next_question(app, s))
            end_round(app, s, ARCADE_END_QUIT);
        return;
    }
    s->chosen = k;
    s->reveal_ms = ARCADE_REVEAL_MS;
    s->phase = PHASE_REVEAL;
    s->shake_ms = app->settings.reduce_motion ? 0 : ARCADE_SHAKE_MS;
    s->life_lost_ms = ARCADE_POP_MS;
    app_sound(app, SFX_WRONG);
    if (s->res.miss_count < ARCADE_MAX_MISSES)
        s->res.misses[s->res.miss_count++] = (ArcadeMiss){.q = s->q, .chosen = k};
}

static void menu_action(App *app, ArcadeState *s, const Action *a)
{
    switch (a->type) {
    case ACT_LEFT: case ACT_UP: s->kind = 0; break;
    case ACT_RIGHT: case ACT_DOWN: s->kind = ARCADE_ROUND_KINDS - 1; break;
    case ACT_TAB: s->kind = (s->kind + 1) % ARCADE_ROUND_KINDS; break;
    case ACT_DIGIT:
        if (a->value >= 1 && a->value <= ARCADE_ROUND_KINDS)
            s->kind = a->value - 1;
        break;
    case ACT_SELECT: /* a click on a round starts it */
    case ACT_CONFIRM: case ACT_SPACE:
        if (a->type == ACT_SELECT) {
            if (a->value < 0 || a->value >= ARCADE_ROUND_KINDS)
                break;
            s->kind = a->value;
        }
        if (s->can_play)
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
    if (s->phase == PHASE_MENU) {
        menu_action(app, s, a);
        return;
    }
    if (s->confirm_quit) {
        if (a->type == ACT_CONFIRM || (a->type == ACT_LETTER && a->value == 'Y'))
            end_round(app, s, ARCADE_END_QUIT);
        else if (a->type == ACT_BACK || (a->type == ACT_LETTER && a->value == 'N'))
            s->confirm_quit = false;
        return;
    }
    if (s->phase == PHASE_COUNTDOWN) {
        if (a->type == ACT_BACK) {
            s->phase = PHASE_MENU;
            refresh_menu(app, s);
        }
        return;
    }
    if (a->type == ACT_BACK) {
        s->confirm_quit = true;
        return;
    }
    if (s->phase == PHASE_REVEAL) {
        if (a->type == ACT_CONFIRM || a->type == ACT_SPACE)
            after_reveal(app, s);
        else
            ui_scroll_action(app, &s->scroll, a);
        return;
    }
    if (a->type == ACT_DIGIT)
        answer(app, s, a->value - 1);
    else if (a->type == ACT_LETTER && a->value >= 'A' && a->value < 'A' + s->q.option_count)
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
    if (s->phase == PHASE_MENU)
        return busy ? SCREEN_ANIMATING : SCREEN_IDLE;
    s->anim_ms += dt_ms;
    int *pops[] = {&s->go_ms, &s->shake_ms, &s->flash_ms, &s->combo_pop_ms, &s->bonus_pop_ms,
                   &s->points_pop_ms, &s->life_lost_ms};
    for (size_t i = 0; i < sizeof pops / sizeof pops[0]; i++)
        count_down(pops[i], dt_ms);
    float target = (float)s->ra.points;
    float k = 1.0f - expf(-(float)dt_ms / 110.0f);
    s->shown_score += (target - s->shown_score) * k;
    if (fabsf(target - s->shown_score) < 1.0f)
        s->shown_score = target;
    if (s->confirm_quit)
        return busy ? SCREEN_ANIMATING : SCREEN_IDLE;
    if (s->phase == PHASE_COUNTDOWN) {
        int before = (s->countdown_ms + 999) / 1000;
        count_down(&s->countdown_ms, dt_ms);
        if (s->countdown_ms == 0) {
            begin_play(app, s);
            return SCREEN_ANIMATING;
        }
        if ((s->countdown_ms + 999) / 1000 < before)
            app_sound(app, SFX_TICK);
        return SCREEN_ANIMATING;
    }
    if (s->phase == PHASE_REVEAL) {
        count_down(&s->reveal_ms, dt_ms);
        if (s->reveal_ms == 0)
            after_reveal(app, s);
        return SCREEN_ANIMATING;
    }
    int before = (s->remaining_ms + 999) / 1000;
    count_down(&s->remaining_ms, dt_ms);
    s->played_ms += dt_ms;
    s->question_ms += dt_ms;
    if (s->remaining_ms == 0) {
        end_round(app, s, ARCADE_END_TIME);
        return SCREEN_ANIMATING;
    }
    int now_s = (s->remaining_ms + 999) / 1000;
    if (now_s < before && now_s * 1000 <= ARCADE_HURRY_MS)
        app_sound(app, SFX_TICK);
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
    return s->phase != PHASE_COUNTDOWN && s->remaining_ms <= ARCADE_HURRY_MS;
}

/* 0..1 within each second of the last ten: 1 right at the tick, fading. */
static float hurry_pulse(const App *app, const ArcadeState *s)
{
    if (!hurry(s) || app->settings.reduce_motion)
        return 0;
    int into = 1000 - s->remaining_ms % 1000;
    if (into >= 1000)
        into = 0;
    float p = 1.0f - (float)into / 600.0f;
    return p < 0 ? 0 : p;
}

static void draw_timer(App *app, ArcadeState *s, int y, int h)
{
    const Theme *t = &app->theme;
    char label[32];
    int ms = s->phase == PHASE_COUNTDOWN ? KINDS[s->kind].seconds * 1000 : s->remaining_ms;
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
        snprintf(bonus, sizeof bonus, "+%d s", KINDS[s->kind].bonus_ms / 1000);
        int rise = app->settings.reduce_motion ? 0 : (int)((float)app_px(app, 24) * p);
        text_draw(app, FONT_TITLE, bonus, pill.x + pill.w + app_px(app, 14), y + app_px(app, 8) - rise,
                  ui_alpha(t->good, (int)(255 * (1.0f - p * p))), ALIGN_LEFT);
    }
}

static void draw_lives_and_combo(App *app, ArcadeState *s, int x, int y)
{
    const Theme *t = &app->theme;
    char line[64];
    if (KINDS[s->kind].seconds >= 120)
        snprintf(line, sizeof line, "%s  -  %d min", KINDS[s->kind].title, KINDS[s->kind].seconds / 60);
    else
        snprintf(line, sizeof line, "%s  -  %d s", KINDS[s->kind].title, KINDS[s->kind].seconds);
    text_draw(app, FONT_SMALL, line, x, y, t->text_dim, ALIGN_LEFT);
    y += text_line_height(app, FONT_SMALL) + app_px(app, 4);
    float hs = (float)app_px(app, 26);
    for (int i = 0; i < REWARDS_ARCADE_LIVES; i++) {
        float cx = (float)x + hs / 2 + (float)i * (hs + (float)app_px(app, 8));
        float cy = (float)y + hs / 2;
        if (i < s->ra.lives) {
            draw_heart(app, cx, cy, hs, t->bad);
        } else if (i == s->ra.lives && s->life_lost_ms > 0) {
            float p = (float)s->life_lost_ms / ARCADE_POP_MS;
            float size = app->settings.reduce_motion ? hs : hs * (0.4f + 0.9f * p);
            draw_heart(app, cx, cy, hs, ui_alpha(t->border, 160));
            draw_heart(app, cx, cy, size, ui_alpha(t->bad, (int)(255 * p)));
        } else {
            draw_heart(app, cx, cy, hs, ui_alpha(t->border, 160));
        }
    }
    y += (int)hs + app_px(app, 8);
    int mult = rewards_arcade_multiplier(s->ra.combo);
    SDL_Color c = mult >= REWARDS_ARCADE_MAX_MULTIPLIER ? t->accent : mult == 2 ? t->accent2 : t->text_dim;
    float pop = s->combo_pop_ms > 0 ? (float)s->combo_pop_ms / ARCADE_POP_MS : 0;
    snprintf(line, sizeof line, "x%d combo", mult);
    int cw = ui_chip(app, x, y, line, ui_alpha(c, 50 + (int)(150 * pop)), pop > 0.5f ? t->text : c);
    int bx = x + cw + app_px(app, 10);
    int bw = app_px(app, 120);
    int lh = text_line_height(app, FONT_SMALL);
    float frac = mult >= REWARDS_ARCADE_MAX_MULTIPLIER
                     ? 1.0f
                     : (float)(s->ra.combo % REWARDS_ARCADE_COMBO_STEP) / REWARDS_ARCADE_COMBO_STEP;
    ui_progress(app, (SDL_Rect){bx, y + lh / 2 - app_px(app, 3), bw, app_px(app, 8)}, frac, c);
    if (mult >= REWARDS_ARCADE_MAX_MULTIPLIER)
        snprintf(line, sizeof line, "max, %d in a row", s->ra.combo);
    else
        snprintf(line, sizeof line, "%d to x%d", REWARDS_ARCADE_COMBO_STEP - s->ra.combo % REWARDS_ARCADE_COMBO_STEP,
                 mult + 1);
    text_draw(app, FONT_SMALL, line, bx + bw + app_px(app, 8), y + app_px(app, 2), t->text_dim, ALIGN_LEFT);
}

static void draw_score(App *app, ArcadeState *s, int right, int y)
{
    const Theme *t = &app->theme;
    text_draw(app, FONT_SMALL, "Score", right, y, t->text_dim, ALIGN_RIGHT);
    y += text_line_height(app, FONT_SMALL);
    char score[32], v[32];
    format_points((int)(s->shown_score + 0.5f), score, sizeof score);
    SDL_Color c = s->points_pop_ms > 0 ? ui_mix(t->text, t->accent, (float)s->points_pop_ms / ARCADE_POP_MS)
                                       : t->text;
    int sw = text_draw(app, FONT_TITLE, score, right, y, c, ALIGN_RIGHT);
    int sy = y;
    y += text_line_height(app, FONT_TITLE);
    char best[48];
    int b = s->best[s->kind];
    format_points(b, v, sizeof v);
    if (s->rounds[s->kind] == 0)
        snprintf(best, sizeof best, "First %s round", KINDS[s->kind].title);
    else if (s->ra.points > b)
        snprintf(best, sizeof best, "New best! (was %s)", v);
    else
        snprintf(best, sizeof best, "Best %s", v);
    text_draw(app, FONT_SMALL, best, right, y, s->rounds[s->kind] > 0 && s->ra.points > b ? t->accent : t->text_dim,
              ALIGN_RIGHT);
    if (s->points_pop_ms > 0) {
        float p = 1.0f - (float)s->points_pop_ms / ARCADE_POP_MS;
        int mult_used = rewards_arcade_multiplier(s->ra.combo > 0 ? s->ra.combo - 1 : 0);
        char pop[32];
        if (mult_used > 1)
            snprintf(pop, sizeof pop, "+%d  x%d", s->points_pop, mult_used);
        else
            snprintf(pop, sizeof pop, "+%d", s->points_pop);
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
    float total = (float)KINDS[s->kind].seconds * 1000.0f;
    float frac = s->phase == PHASE_COUNTDOWN ? 1.0f : (float)s->remaining_ms / total;
    ui_progress(app, (SDL_Rect){margin, y, app->w - margin * 2, app_px(app, 6)}, frac,
                hurry(s) ? t->bad : t->accent2);
    return y + app_px(app, 18);
}

static void draw_countdown(App *app, ArcadeState *s, SDL_Rect area)
{
    const Theme *t = &app->theme;
    int n = (s->countdown_ms + 999) / 1000;
    float into = 1.0f - (float)(s->countdown_ms - (n - 1) * 1000) / 1000.0f; /* 0..1 in this second */
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
             REWARDS_ARCADE_LIVES, KINDS[s->kind].bonus_ms / 1000);
    text_draw_wrapped(app, FONT_BODY, line, area.x + area.w / 6, y, area.w * 2 / 3, t->text_dim, 0, app->h);
}

/* The wrong-answer banner: the right answer and its why, with a time bar. */
static int banner_height(App *app, const ArcadeState *s, int w)
{
    const char *why = s->q.why[s->q.right];
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
    if (s->q.from_flashcard)
        snprintf(title, sizeof title, "Not quite: %c is the back of this card.  -1 life", 'A' + s->q.right);
    else
        snprintf(title, sizeof title, "Not quite: the answer is %c.  -1 life", 'A' + s->q.right);
    int ty = y + pad;
    text_draw(app, FONT_BODY_BOLD, title, x + pad, ty, t->bad, ALIGN_LEFT);
    ty += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 4);
    const char *why = s->q.why[s->q.right];
    if (why)
        ty += text_draw_wrapped(app, FONT_BODY, why, x + pad, ty, w - pad * 2, t->text, 0, app->h);
    float left = (float)s->reveal_ms / ARCADE_REVEAL_MS;
    ui_progress(app, (SDL_Rect){x + pad, y + h - pad - app_px(app, 2), w - pad * 2, app_px(app, 4)}, left,
                ui_alpha(t->bad, 200));
    return h;
}

static OptionState option_state(const ArcadeState *s, int k)
{
    if (s->phase != PHASE_REVEAL)
        return OPTION_NORMAL;
    if (k == s->q.right)
        return OPTION_RIGHT;
    return k == s->chosen ? OPTION_WRONG : OPTION_DIMMED;
}

static void draw_question(App *app, ArcadeState *s, SDL_Rect area)
{
    const Theme *t = &app->theme;
    const BankItem *it = &app->bank->items[s->q.item];
    int gap = app_px(app, 12);
    int chip_h = text_line_height(app, FONT_SMALL) + app_px(app, 4);
    int opts_h = 0;
    for (int k = 0; k < s->q.option_count; k++)
        opts_h += ui_option_height(app, area.w, s->q.options[k]) + gap;
    int banner = s->phase == PHASE_REVEAL ? banner_height(app, s, area.w) + gap : 0;
    int fixed = chip_h + gap * 2 + opts_h + banner;
    /* the big prompt when it fits in two lines and leaves room, else the body font */
    FontRole role = FONT_TITLE;
    int ph = text_wrapped_height(app, FONT_TITLE, s->q.prompt, area.w);
    if (ph > text_line_height(app, FONT_TITLE) * 2 || fixed + ph > area.h) {
        role = FONT_BODY_BOLD;
        ph = text_wrapped_height(app, role, s->q.prompt, area.w);
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
    snprintf(chip, sizeof chip, "%s  -  Task %s  -  %s", s->q.from_flashcard ? "Flashcard" : "Question",
             app->bank->tasks[it->task].id, app->bank->domains[it->domain].name);
    ui_chip(app, area.x, y, chip, ui_alpha(s->q.from_flashcard ? t->accent2 : t->accent, 40),
            s->q.from_flashcard ? t->accent2 : t->accent);
    y += chip_h + gap;
    y += text_draw_wrapped(app, role, s->q.prompt, area.x, y, area.w, t->text, area.y, area.y + area.h);
    y += gap;
    for (int k = 0; k < s->q.option_count; k++) {
        int h = ui_option(app, area.x, y, area.w, k, s->q.options[k], option_state(s, k), false);
        s->option_rect[k] = (SDL_Rect){area.x, y, area.w, h};
        y += h + gap;
    }
    if (s->phase == PHASE_REVEAL)
        draw_banner(app, s, area.x, y, area.w);
    SDL_RenderSetClipRect(app->renderer, NULL);
    ui_scrollbar(app, area, &s->scroll);
}

/* Red edges that beat with the seconds when time is nearly out. */
static void draw_hurry_edges(App *app, ArcadeState *s)
{
    if (!hurry(s) || s->phase == PHASE_COUNTDOWN)
        return;
    float pulse = app->settings.reduce_motion ? 0.3f : hurry_pulse(app, s);
    SDL_Color c = ui_alpha(app->theme.bad, (int)(25 + 70 * pulse));
    int e = app_px(app, 8);
    ui_fill(app, (SDL_Rect){0, 0, app->w, e}, c);
    ui_fill(app, (SDL_Rect){0, app->h - e, app->w, e}, c);
    ui_fill(app, (SDL_Rect){0, e, e, app->h - 2 * e}, c);
    ui_fill(app, (SDL_Rect){app->w - e, e, e, app->h - 2 * e}, c);
}

static void draw_round_card(App *app, ArcadeState *s, int k, SDL_Rect r)
{
    const Theme *t = &app->theme;
    bool sel = k == s->kind;
    int rad = app_px(app, 18);
    int bw = sel ? app_px(app, 3) : 1;
    ui_round_rect(app, (SDL_Rect){r.x - bw, r.y - bw, r.w + bw * 2, r.h + bw * 2}, rad + bw,
                  sel ? t->accent : ui_alpha(t->border, 140));
    ui_round_rect(app, r, rad, sel ? ui_mix(t->panel, t->accent, 0.08f) : t->panel);
    app_hit(app, r, (Action){.type = ACT_SELECT, .value = k});
    int pad = app_px(app, 22);
    int x = r.x + pad, y = r.y + pad - app_px(app, 4);
    char line[96];
    snprintf(line, sizeof line, "%d  %s", k + 1, KINDS[k].title);
    text_draw(app, FONT_TITLE, line, x, y, sel ? t->text : t->text_dim, ALIGN_LEFT);
    y += text_line_height(app, FONT_TITLE);
    if (KINDS[k].seconds >= 120)
        snprintf(line, sizeof line, "%d minutes, +%d s per right answer", KINDS[k].seconds / 60,
                 KINDS[k].bonus_ms / 1000);
    else
        snprintf(line, sizeof line, "%d seconds, +%d s per right answer", KINDS[k].seconds, KINDS[k].bonus_ms / 1000);
    text_draw(app, FONT_BODY, line, x, y, t->text_dim, ALIGN_LEFT);
    y += text_line_height(app, FONT_BODY) + app_px(app, 8);
    text_draw(app, FONT_SMALL, "Personal best", x, y, t->text_dim, ALIGN_LEFT);
    y += text_line_height(app, FONT_SMALL);
    if (s->rounds[k] > 0) {
        format_points(s->best[k], line, sizeof line);
        text_draw(app, FONT_HUGE, line, x, y, sel ? t->accent : t->text, ALIGN_LEFT);
        snprintf(line, sizeof line, "%d round%s played", s->rounds[k], s->rounds[k] == 1 ? "" : "s");
    } else {
        text_draw(app, FONT_TITLE, "No best yet", x, y + app_px(app, 14), t->text_dim, ALIGN_LEFT);
        snprintf(line, sizeof line, "Play one to set it");
    }
    int ly = r.y + r.h - pad - text_line_height(app, FONT_SMALL) + app_px(app, 6);
    text_draw(app, FONT_SMALL, line, r.x + r.w - pad, ly, t->text_dim, ALIGN_RIGHT);
}

static void draw_menu(App *app, ArcadeState *s)
{
    const Theme *t = &app->theme;
    int y = hud_header(app, "Arcade", "Beat the clock", -1);
    int margin = app_px(app, 28);
    int gap = app_px(app, 20);
    int cw = (app->w - margin * 2 - gap) / 2;
    int ch = app_px(app, 28) + text_line_height(app, FONT_TITLE) + text_line_height(app, FONT_BODY) +
             text_line_height(app, FONT_SMALL) + text_line_height(app, FONT_HUGE) + app_px(app, 24);
    for (int k = 0; k < ARCADE_ROUND_KINDS; k++)
        draw_round_card(app, s, k, (SDL_Rect){margin + k * (cw + gap), y, cw, ch});
    y += ch + gap;
    int bw = app_px(app, 340), bh = app_px(app, 52);
    char play[64];
    snprintf(play, sizeof play, "Enter  Play %s", KINDS[s->kind].title);
    if (s->can_play)
        ui_button(app, (SDL_Rect){(app->w - bw) / 2, y, bw, bh}, play, true,
                  (Action){.type = ACT_SELECT, .value = s->kind});
    else
        text_draw_wrapped(app, FONT_BODY_BOLD,
                          "This bank has no single-answer questions or flashcards, so there is nothing to play.",
                          margin, y + app_px(app, 12), app->w - margin * 2, t->bad, 0, app->h);
    y += bh + gap;
    char weak[200] = "";
    if (s->weakest >= 0)
        snprintf(weak, sizeof weak, " Right now that is %s.", app->bank->domains[s->weakest].name);
    char rules[5][320];
    snprintf(rules[0], sizeof rules[0],
             "%d lives. A wrong answer costs one, breaks the combo and shows you the right answer.",
             REWARDS_ARCADE_LIVES);
    snprintf(rules[1], sizeof rules[1],
             "Fast answers score more: %d points at once, half at %d s. Right answers in a row raise the "
             "multiplier: x2 from the 4th, x3 from the 7th.",
             REWARDS_ARCADE_BASE, ARCADE_SPEED_LIMIT_MS / 1000);
    snprintf(rules[2], sizeof rules[2], "Questions and flashcards lean toward your weaker domains.%s", weak);
    snprintf(rules[3], sizeof rules[3], "Every answer moves the item's Leitner box, as in the Daily drill.");
    snprintf(rules[4], sizeof rules[4], "A round of %d answers or more meets today's streak goal.",
             REWARDS_GOAL_ARCADE_ROUND_ANSWERS);
    int pad = app_px(app, 20);
    int w = app->w - margin * 2 - pad * 2 - app_px(app, 20);
    int want = pad * 2 + text_line_height(app, FONT_BODY_BOLD);
    for (int i = 0; i < 5; i++)
        want += app_px(app, 6) + text_wrapped_height(app, FONT_BODY, rules[i], w);
    int room = app->h - y - text_line_height(app, FONT_SMALL) - app_px(app, 36);
    SDL_Rect panel = {margin, y, app->w - margin * 2, want < room ? want : room};
    ui_panel(app, panel);
    int x = panel.x + pad;
    int ty = panel.y + pad - app_px(app, 4);
    text_draw(app, FONT_BODY_BOLD, "How it works", x, ty, t->accent2, ALIGN_LEFT);
    ty += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 6);
    int bottom = panel.y + panel.h - app_px(app, 8);
    for (int i = 0; i < 5; i++) {
        int h = text_wrapped_height(app, FONT_BODY, rules[i], w);
        if (ty + h > bottom)
            break;
        ui_circle(app, (float)x + (float)app_px(app, 4), (float)ty + (float)text_line_height(app, FONT_BODY) / 2,
                  (float)app_px(app, 3), t->accent);
        text_draw_wrapped(app, FONT_BODY, rules[i], x + app_px(app, 20), ty, w, t->text, 0, app->h);
        ty += h + app_px(app, 6);
    }
    ui_footer(app, "Left/Right or 1-2  choose a round      Enter  start      Esc  back to the menu");
}

static void arcade_draw(App *app, void *state)
{
    ArcadeState *s = state;
    ui_background(app);
    if (s->phase == PHASE_MENU) {
        draw_menu(app, s);
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
    if (s->phase == PHASE_COUNTDOWN)
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
    if (s->phase == PHASE_COUNTDOWN)
        ui_footer(app, "Get ready: the clock starts after 1      Esc  back to the round menu");
    else if (s->phase == PHASE_REVEAL)
        ui_footer(app, "Enter  go on now      Esc  end the round");
    else
        ui_footer(app, "1-4 / A-D  answer at once      Up/Down  scroll a long question      Esc  end the round");
    if (s->confirm_quit) {
        char msg[200];
        snprintf(msg, sizeof msg,
                 "The round ends now and is saved with your %d answer%s and %d points. The clock is paused.",
                 s->ra.answered, s->ra.answered == 1 ? "" : "s", s->ra.points);
        hud_confirm(app, "End the round?", msg, "Enter  end it", "Esc  keep playing");
    }
}

static void arcade_resume(App *app, void *state)
{
    ArcadeState *s = state;
    if (s->phase == PHASE_MENU)
        refresh_menu(app, s);
}

static bool arcade_right_options(App *app, void *state, uint32_t *mask, int *count)
{
    (void)app;
    ArcadeState *s = state;
    if (s->phase != PHASE_PLAY || s->confirm_quit)
        return false;
    *mask = 1u << s->q.right;
    *count = s->q.option_count;
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
};
