/* The arcade's round menu: a card per round kind with its personal best,
 * the Play button and how a round works; and the points format every
 * arcade screen uses. The menu's state is screen_arcade.c's. */
#include <stdio.h>
#include <string.h>

#include "hud.h"
#include "rewards.h"
#include "screen_arcade.h"
#include "text.h"
#include "ui.h"

void arcade_format_points(int v, char *buf, size_t size)
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

static void draw_round_card(App *app, const ArcadeMenu *m, int k, SDL_Rect r)
{
    const Theme *t = &app->theme;
    bool sel = k == m->kind;
    int rad = app_px(app, 18);
    int bw = sel ? app_px(app, 3) : 1;
    ui_round_rect(app, (SDL_Rect){r.x - bw, r.y - bw, r.w + bw * 2, r.h + bw * 2}, rad + bw,
                  sel ? t->accent : ui_alpha(t->border, 140));
    ui_round_rect(app, r, rad, sel ? ui_mix(t->panel, t->accent, 0.08f) : t->panel);
    app_hit(app, r, (Action){.type = ACT_SELECT, .value = k});
    int pad = app_px(app, 22);
    int x = r.x + pad, y = r.y + pad - app_px(app, 4);
    char line[96];
    snprintf(line, sizeof line, "%d  %s", k + 1, arcade_round_kind(k)->title);
    text_draw(app, FONT_TITLE, line, x, y, sel ? t->text : t->text_dim, ALIGN_LEFT);
    y += text_line_height(app, FONT_TITLE);
    if (arcade_round_kind(k)->seconds >= 120)
        snprintf(line, sizeof line, "%d minutes, +%d s per right answer", arcade_round_kind(k)->seconds / 60,
                 arcade_round_kind(k)->bonus_ms / 1000);
    else
        snprintf(line, sizeof line, "%d seconds, +%d s per right answer", arcade_round_kind(k)->seconds, arcade_round_kind(k)->bonus_ms / 1000);
    text_draw(app, FONT_BODY, line, x, y, t->text_dim, ALIGN_LEFT);
    y += text_line_height(app, FONT_BODY) + app_px(app, 8);
    text_draw(app, FONT_SMALL, "Personal best", x, y, t->text_dim, ALIGN_LEFT);
    y += text_line_height(app, FONT_SMALL);
    if (m->rounds[k] > 0) {
        arcade_format_points(m->best[k], line, sizeof line);
        text_draw(app, FONT_HUGE, line, x, y, sel ? t->accent : t->text, ALIGN_LEFT);
        snprintf(line, sizeof line, "%d round%s played", m->rounds[k], m->rounds[k] == 1 ? "" : "s");
    } else {
        text_draw(app, FONT_TITLE, "No best yet", x, y + app_px(app, 14), t->text_dim, ALIGN_LEFT);
        snprintf(line, sizeof line, "Play one to set it");
    }
    int ly = r.y + r.h - pad - text_line_height(app, FONT_SMALL) + app_px(app, 6);
    text_draw(app, FONT_SMALL, line, r.x + r.w - pad, ly, t->text_dim, ALIGN_RIGHT);
}

void arcade_menu_draw(App *app, const ArcadeMenu *m, const KeyMap *keys)
{
    const Theme *t = &app->theme;
    int y = hud_header(app, "Arcade", "Beat the clock", -1);
    int margin = app_px(app, 28);
    int gap = app_px(app, 20);
    int cw = (app->w - margin * 2 - gap) / 2;
    int ch = app_px(app, 28) + text_line_height(app, FONT_TITLE) + text_line_height(app, FONT_BODY) +
             text_line_height(app, FONT_SMALL) + text_line_height(app, FONT_HUGE) + app_px(app, 24);
    for (int k = 0; k < ARCADE_ROUND_KINDS; k++)
        draw_round_card(app, m, k, (SDL_Rect){margin + k * (cw + gap), y, cw, ch});
    y += ch + gap;
    int bw = app_px(app, 340), bh = app_px(app, 52);
    char play[64];
    snprintf(play, sizeof play, "Enter  Play %s", arcade_round_kind(m->kind)->title);
    if (m->can_play)
        ui_button(app, (SDL_Rect){(app->w - bw) / 2, y, bw, bh}, play, true,
                  (Action){.type = ACT_SELECT, .value = m->kind});
    else
        text_draw_wrapped(app, FONT_BODY_BOLD,
                          "This bank has no single-answer questions or flashcards, so there is nothing to play.",
                          margin, y + app_px(app, 12), app->w - margin * 2, t->bad, 0, app->h);
    y += bh + gap;
    char weak[200] = "";
    if (m->weakest >= 0)
        snprintf(weak, sizeof weak, " Your weakest is %s.", app->bank->domains[m->weakest].name);
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
    ui_footer_keys(app, keys);
}
