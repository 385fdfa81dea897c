/* The arcade round's furniture: the band at the top (hearts, combo, the
 * timer, the score and the best, laid out wide or compact as the text size
 * allows), the countdown, the red edges of the last seconds, and scaled
 * text for the pulses. The round and the question are screen_arcade.c's. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rewards.h"
#include "screen_arcade.h"
#include "strbuf.h"
#include "text.h"
#include "ui.h"

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
void arcade_draw_scaled(App *app, FontRole role, const char *text, int cx, int y, float k, SDL_Color c)
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

/* Where the band at the top puts its three parts. Wide: the round's name,
 * the hearts and the combo meter on the left, the big timer in the middle,
 * the score and the best on the right. Compact (when those would touch):
 * hearts, a smaller timer and the score on one line, the combo and the best
 * on the next. */
typedef struct HudLayout {
    bool compact;
    int y, h;                /* the band */
    FontRole timer_font, score_font;
    SDL_Rect pill;           /* the timer */
    int left_right;          /* where the left part ends */
    int score_left;          /* where the right part starts */
} HudLayout;

static int width_of(App *app, FontRole role, const char *text)
{
    int w, h;
    text_size(app, role, text, &w, &h);
    return w;
}

/* "First Sprint round", "New best! (was 1,200)" or "Best 1,200". */
static void best_text(const ArcadeState *s, char *out, size_t size, bool *beaten)
{
    char v[32];
    int b = s->menu.best[s->menu.kind];
    strbuf_thousands(b, v, sizeof v);
    *beaten = s->menu.rounds[s->menu.kind] > 0 && s->r.ra.points > b;
    if (s->menu.rounds[s->menu.kind] == 0)
        snprintf(out, size, "First %s round", arcade_round_kind(s->menu.kind)->title);
    else if (*beaten)
        snprintf(out, size, "New best! (was %s)", v);
    else
        snprintf(out, size, "Best %s", v);
}

static void combo_text(const ArcadeState *s, char *out, size_t size)
{
    int mult = rewards_arcade_multiplier(s->r.ra.combo);
    if (mult >= REWARDS_ARCADE_MAX_MULTIPLIER)
        snprintf(out, size, "max, %d in a row", s->r.ra.combo);
    else
        snprintf(out, size, "%d to x%d", REWARDS_ARCADE_COMBO_STEP - s->r.ra.combo % REWARDS_ARCADE_COMBO_STEP,
                 mult + 1);
}

static HudLayout hud_layout(App *app, const ArcadeState *s)
{
    HudLayout L = {.y = app_px(app, 12), .timer_font = FONT_HUGE, .score_font = FONT_TITLE};
    int margin = app_px(app, 28), gap = app_px(app, 16);
    char line[64];
    int pad = app_px(app, 56);
    int pw = width_of(app, FONT_HUGE, "0:00") + pad;
    combo_text(s, line, sizeof line);
    int left = width_of(app, FONT_SMALL, "x3 combo") + app_px(app, 16 + 10 + 120 + 8) + width_of(app, FONT_SMALL, line);
    bool beaten;
    best_text(s, line, sizeof line, &beaten);
    int right = width_of(app, FONT_SMALL, line);
    int score_w = width_of(app, FONT_TITLE, "00,000");
    if (score_w > right)
        right = score_w;
    L.compact = margin + left + gap > app->w / 2 - pw / 2 || app->w / 2 + pw / 2 + gap > app->w - margin - right;
    if (L.compact) {
        L.timer_font = FONT_TITLE;
        pw = width_of(app, FONT_TITLE, "0:00") + app_px(app, 36);
    }
    L.h = text_line_height(app, L.timer_font) + app_px(app, 6);
    L.pill = (SDL_Rect){app->w / 2 - pw / 2, L.y, pw, L.h};
    L.left_right = L.pill.x - gap;
    L.score_left = L.pill.x + L.pill.w + gap;
    return L;
}

static void draw_timer(App *app, ArcadeState *s, const HudLayout *L)
{
    const Theme *t = &app->theme;
    char label[32];
    int ms = s->r.phase == ARCADE_PHASE_COUNTDOWN ? arcade_round_kind(s->menu.kind)->seconds * 1000 : s->r.remaining_ms;
    if (hurry(s)) {
        snprintf(label, sizeof label, "%d.%d", ms / 1000, (ms % 1000) / 100);
    } else {
        int secs = (ms + 999) / 1000;
        snprintf(label, sizeof label, "%d:%02d", secs / 60, secs % 60);
    }
    SDL_Rect pill = L->pill;
    int h = pill.h, y = pill.y;
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
    arcade_draw_scaled(app, L->timer_font, label, app->w / 2, y + (h - text_line_height(app, L->timer_font)) / 2, k, fg);
    if (s->bonus_pop_ms > 0) {
        /* "+3 s" rises beside the timer, or under it when the band is tight */
        float p = 1.0f - (float)s->bonus_pop_ms / ARCADE_POP_MS;
        char bonus[16];
        snprintf(bonus, sizeof bonus, "+%d s", arcade_round_kind(s->menu.kind)->bonus_ms / 1000);
        int rise = app->settings.reduce_motion ? 0 : (int)((float)app_px(app, 24) * p);
        if (rise > y + app_px(app, 6))
            rise = y + app_px(app, 6);
        SDL_Color c = ui_alpha(t->good, (int)(255 * (1.0f - p * p)));
        if (L->compact)
            text_draw(app, FONT_SMALL, bonus, app->w / 2, pill.y + pill.h + app_px(app, 4), c, ALIGN_CENTER);
        else
            text_draw(app, FONT_TITLE, bonus, pill.x + pill.w + app_px(app, 14), y + app_px(app, 8) - rise, c,
                      ALIGN_LEFT);
    }
}

static void draw_hearts(App *app, ArcadeState *s, int x, int y, float hs)
{
    const Theme *t = &app->theme;
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
}

/* The combo chip, and in the wide band its meter and "2 to x2". */
static void draw_combo(App *app, ArcadeState *s, int x, int y, bool meter)
{
    const Theme *t = &app->theme;
    char line[64];
    int mult = rewards_arcade_multiplier(s->r.ra.combo);
    SDL_Color c = mult >= REWARDS_ARCADE_MAX_MULTIPLIER ? t->accent : mult == 2 ? t->accent2 : t->text_dim;
    float pop = s->combo_pop_ms > 0 ? (float)s->combo_pop_ms / ARCADE_POP_MS : 0;
    snprintf(line, sizeof line, "x%d combo", mult);
    int cw = ui_chip(app, x, y, line, ui_alpha(c, 50 + (int)(150 * pop)), pop > 0.5f ? t->text : c);
    if (!meter)
        return;
    int bx = x + cw + app_px(app, 10);
    int bw = app_px(app, 120);
    int lh = text_line_height(app, FONT_SMALL);
    float frac = mult >= REWARDS_ARCADE_MAX_MULTIPLIER
                     ? 1.0f
                     : (float)(s->r.ra.combo % REWARDS_ARCADE_COMBO_STEP) / REWARDS_ARCADE_COMBO_STEP;
    ui_progress(app, (SDL_Rect){bx, y + lh / 2 - app_px(app, 3), bw, app_px(app, 8)}, frac, c);
    combo_text(s, line, sizeof line);
    text_draw(app, FONT_SMALL, line, bx + bw + app_px(app, 8), y + app_px(app, 2), t->text_dim, ALIGN_LEFT);
}

static void draw_score(App *app, ArcadeState *s, const HudLayout *L, int right, int y)
{
    const Theme *t = &app->theme;
    if (!L->compact) {
        text_draw(app, FONT_SMALL, "Score", right, y, t->text_dim, ALIGN_RIGHT);
        y += text_line_height(app, FONT_SMALL);
    }
    char score[32];
    strbuf_thousands((int)(s->shown_score + 0.5f), score, sizeof score);
    SDL_Color c = s->points_pop_ms > 0 ? ui_mix(t->text, t->accent, (float)s->points_pop_ms / ARCADE_POP_MS)
                                       : t->text;
    int sw = text_draw(app, L->score_font, score, right, y, c, ALIGN_RIGHT);
    int sy = y;
    y = L->compact ? L->y + L->h + app_px(app, 4) : y + text_line_height(app, L->score_font);
    char best[48];
    bool beaten;
    best_text(s, best, sizeof best, &beaten);
    text_draw(app, FONT_SMALL, best, right, y, beaten ? t->accent : t->text_dim, ALIGN_RIGHT);
    if (s->points_pop_ms > 0) {
        float p = 1.0f - (float)s->points_pop_ms / ARCADE_POP_MS;
        int mult_used = rewards_arcade_multiplier(s->r.ra.combo > 0 ? s->r.ra.combo - 1 : 0);
        char pop[32];
        if (mult_used > 1)
            snprintf(pop, sizeof pop, "+%d  x%d", s->r.last_points, mult_used);
        else
            snprintf(pop, sizeof pop, "+%d", s->r.last_points);
        int rise = app->settings.reduce_motion ? 0 : (int)((float)app_px(app, 26) * p);
        int px = right - sw - app_px(app, 14);
        int py = sy + app_px(app, 8) - rise;
        if (py < app_px(app, 2))
            py = app_px(app, 2);
        if (px - width_of(app, FONT_BODY_BOLD, pop) >= L->score_left) /* only where it has room */
            text_draw(app, FONT_BODY_BOLD, pop, px, py,
                      ui_alpha(t->accent, (int)(255 * (1.0f - p * p))), ALIGN_RIGHT);
    }
}

/* The band at the top: lives and combo, the timer, the score; then the time bar. */
int arcade_hud_draw(App *app, ArcadeState *s)
{
    const Theme *t = &app->theme;
    HudLayout L = hud_layout(app, s);
    int margin = app_px(app, 28);
    int y = L.y;
    if (L.compact) {
        float hs = (float)text_line_height(app, FONT_TITLE) * 0.8f;
        draw_hearts(app, s, margin, y + (L.h - (int)hs) / 2, hs);
        draw_combo(app, s, margin, y + L.h + app_px(app, 4), false);
        y += L.h + app_px(app, 4) + text_line_height(app, FONT_SMALL) + app_px(app, 10);
    } else {
        char line[64];
        if (arcade_round_kind(s->menu.kind)->seconds >= 120)
            snprintf(line, sizeof line, "%s  -  %d min", arcade_round_kind(s->menu.kind)->title, arcade_round_kind(s->menu.kind)->seconds / 60);
        else
            snprintf(line, sizeof line, "%s  -  %d s", arcade_round_kind(s->menu.kind)->title, arcade_round_kind(s->menu.kind)->seconds);
        text_draw(app, FONT_SMALL, line, margin, y, t->text_dim, ALIGN_LEFT);
        int hy = y + text_line_height(app, FONT_SMALL) + app_px(app, 4);
        float hs = (float)app_px(app, 26);
        draw_hearts(app, s, margin, hy, hs);
        draw_combo(app, s, margin, hy + (int)hs + app_px(app, 8), true);
        y += L.h + app_px(app, 10);
    }
    draw_timer(app, s, &L);
    draw_score(app, s, &L, app->w - margin, L.y);
    if (s->answers_hidden && s->r.phase == ARCADE_PHASE_PLAY) {
        /* between the combo and the best: the whole sentence where it fits */
        char best[48];
        bool beaten;
        best_text(s, best, sizeof best, &beaten);
        int room = app->w - 2 * (margin + width_of(app, FONT_SMALL, best) + app_px(app, 16));
        const char *say = "Clock paused: scroll to see every answer";
        if (width_of(app, FONT_SMALL, say) > room)
            say = "Clock paused";
        text_draw(app, FONT_SMALL, say, app->w / 2, L.pill.y + L.pill.h + app_px(app, 4), t->warn, ALIGN_CENTER);
    }
    float total = (float)arcade_round_kind(s->menu.kind)->seconds * 1000.0f;
    float frac = s->r.phase == ARCADE_PHASE_COUNTDOWN ? 1.0f : (float)s->r.remaining_ms / total;
    ui_progress(app, (SDL_Rect){margin, y, app->w - margin * 2, app_px(app, 6)}, frac,
                hurry(s) ? t->bad : t->accent2);
    return y + app_px(app, 18);
}

void arcade_countdown_draw(App *app, ArcadeState *s, SDL_Rect area)
{
    const Theme *t = &app->theme;
    int n = (s->r.countdown_ms + 999) / 1000;
    float into = 1.0f - (float)(s->r.countdown_ms - (n - 1) * 1000) / 1000.0f; /* 0..1 in this second */
    char line[160];
    snprintf(line, sizeof line, "%d lives. Answer with a click, or 1-4 or A-D: one key, no Enter. Right answers "
             "add %d s.", REWARDS_ARCADE_LIVES, arcade_round_kind(s->menu.kind)->bonus_ms / 1000);
    int tw = area.w * 2 / 3 >= app_px(app, 420) ? area.w * 2 / 3 : area.w;
    int line_h = text_wrapped_height(app, FONT_BODY, line, tw) + app_px(app, 8);
    int title_h = text_line_height(app, FONT_TITLE);
    int gap = app_px(app, 20);
    /* The ring grows by a third as each second starts: size it so the
     * whole stays in the area, the rules line going first if need be. */
    float grow = app->settings.reduce_motion ? 1.0f : 1.35f;
    float ring = (float)app_px(app, 70);
    float room = (float)(area.h - title_h - line_h - gap) / 2.0f / grow - (float)app_px(app, 4);
    if (room < (float)text_line_height(app, FONT_HUGE) * 0.6f) {
        line_h = 0;
        room = (float)(area.h - title_h - gap) / 2.0f / grow - (float)app_px(app, 4);
    }
    if (ring > room)
        ring = room > 4 ? room : 4;
    int reach = (int)(ring * grow) + app_px(app, 4);
    int cx = area.x + area.w / 2;
    int cy = area.y + reach;
    float r = ring * (app->settings.reduce_motion ? 1.0f : 1.0f + 0.35f * ease_out(into));
    ui_circle(app, (float)cx, (float)cy, r + (float)app_px(app, 4), ui_alpha(t->accent, (int)(200 * (1 - into))));
    ui_circle(app, (float)cx, (float)cy, r, t->panel);
    char num[16];
    snprintf(num, sizeof num, "%d", n);
    FontRole digit = ring * 2 >= (float)text_line_height(app, FONT_HUGE) ? FONT_HUGE : FONT_TITLE;
    float k = app->settings.reduce_motion || digit != FONT_HUGE ? 1.0f : 1.5f - 0.5f * ease_out(into * 2);
    arcade_draw_scaled(app, digit, num, cx, cy - text_line_height(app, digit) / 2, k, t->accent);
    int y = cy + reach + gap;
    text_draw(app, FONT_TITLE, "Get ready", cx, y, t->text, ALIGN_CENTER);
    y += title_h + app_px(app, 8);
    if (line_h > 0)
        text_draw_wrapped(app, FONT_BODY, line, area.x + (area.w - tw) / 2, y, tw, t->text_dim, 0, app->h);
}

/* Red edges that beat with the seconds when time is nearly out. */
void arcade_hurry_edges_draw(App *app, ArcadeState *s)
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

