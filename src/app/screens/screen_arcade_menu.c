/* The arcade's round menu: a card per round kind with its personal best,
 * the Play button and how a round works; and the points format every
 * arcade screen uses. The menu's state is screen_arcade.c's. */
#include <stdio.h>
#include <string.h>

#include "actionbar.h"
#include "chart.h"
#include "hud.h"
#include "rewards.h"
#include "screen_arcade.h"
#include "strbuf.h"
#include "text.h"
#include "ui.h"

/* One round's card: its name, its clock, the personal best. Measures only
 * when `draw` is false; returns the height it needs at width r.w. */
static int round_card(App *app, const ArcadeMenu *m, int k, SDL_Rect r, bool draw)
{
    const Theme *t = &app->theme;
    const ArcadeRoundKind *kind = arcade_round_kind(k);
    bool sel = k == m->kind;
    int rad = app_px(app, 18);
    int bw = sel ? app_px(app, 3) : 1;
    if (draw) {
        ui_round_rect(app, (SDL_Rect){r.x - bw, r.y - bw, r.w + bw * 2, r.h + bw * 2}, rad + bw,
                      sel ? t->accent : ui_alpha(t->border, 140));
        ui_round_rect(app, r, rad, sel ? ui_mix(t->panel, t->accent, 0.08f) : t->panel);
        app_hit_label(app, r, (Action){.type = ACT_SELECT, .value = k}, kind->title);
    }
    int pad = app_px(app, 20);
    int x = r.x + pad, w = r.w - pad * 2, y = r.y + pad - app_px(app, 4);
    char line[96];
    snprintf(line, sizeof line, "%d  %s", k + 1, kind->title);
    if (draw)
        text_draw(app, FONT_TITLE, line, x, y, sel ? t->text : t->text_dim, ALIGN_LEFT);
    y += text_line_height(app, FONT_TITLE);
    if (kind->seconds >= 120)
        snprintf(line, sizeof line, "%d minutes, +%d s per right answer", kind->seconds / 60, kind->bonus_ms / 1000);
    else
        snprintf(line, sizeof line, "%d seconds, +%d s per right answer", kind->seconds, kind->bonus_ms / 1000);
    y += (draw ? text_draw_wrapped(app, FONT_BODY, line, x, y, w, t->text_dim, 0, app->h)
               : text_wrapped_height(app, FONT_BODY, line, w)) + app_px(app, 8);
    if (draw)
        text_draw(app, FONT_SMALL, "Personal best", x, y, t->text_dim, ALIGN_LEFT);
    y += text_line_height(app, FONT_SMALL);
    if (m->rounds[k] > 0) {
        strbuf_thousands(m->best[k], line, sizeof line);
        if (draw)
            text_draw(app, FONT_HUGE, line, x, y, sel ? t->accent : t->text, ALIGN_LEFT);
        y += text_line_height(app, FONT_HUGE);
        snprintf(line, sizeof line, "%d round%s played", m->rounds[k], m->rounds[k] == 1 ? "" : "s");
    } else {
        if (draw)
            text_draw(app, FONT_TITLE, "No best yet", x, y, t->text_dim, ALIGN_LEFT);
        y += text_line_height(app, FONT_TITLE);
        snprintf(line, sizeof line, "Play one to set it");
    }
    if (draw)
        text_draw(app, FONT_SMALL, line, x, y + app_px(app, 4), t->text_dim, ALIGN_LEFT);
    y += app_px(app, 4) + text_line_height(app, FONT_SMALL);
    return y + pad - r.y;
}

/* The rules, as a panel of bullet points. Measures only when `draw` is
 * false; returns the height. */
static int rules_panel(App *app, const ArcadeMenu *m, SDL_Rect r, bool draw)
{
    const Theme *t = &app->theme;
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
    int x = r.x + pad, w = r.w - pad * 2 - app_px(app, 20);
    if (draw)
        ui_panel(app, r);
    int y = r.y + pad - app_px(app, 4);
    if (draw)
        text_draw(app, FONT_BODY_BOLD, "How it works", x, y, t->accent2, ALIGN_LEFT);
    y += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 6);
    for (int i = 0; i < 5; i++) {
        int h = text_wrapped_height(app, FONT_BODY, rules[i], w);
        if (draw) {
            ui_circle(app, (float)x + (float)app_px(app, 4),
                      (float)y + (float)text_line_height(app, FONT_BODY) / 2, (float)app_px(app, 3), t->accent);
            text_draw_wrapped(app, FONT_BODY, rules[i], x + app_px(app, 20), y, w, t->text, 0, app->h);
        }
        y += h + app_px(app, 6);
    }
    return y + pad - r.y;
}

void arcade_menu_draw(App *app, ArcadeMenu *m, const KeyMap *keys)
{
    const Theme *t = &app->theme;
    int top = hud_header(app, "Arcade", "Beat the clock", -1) - app_px(app, 8);
    int margin = app_px(app, 28), gap = app_px(app, 20);
    char play[64];
    snprintf(play, sizeof play, "Enter  Play %s", arcade_round_kind(m->kind)->title);
    BarButton bar[1] = {{m->can_play ? play : NULL, {.type = ACT_SELECT, .value = m->kind}}};
    SDL_Rect view = {margin, top, app->w - margin * 2, actionbar_top(app, bar, 1) - app_px(app, 10) - top};
    int w = view.w - app_px(app, 16);
    /* the two cards side by side when each fits in half the width */
    int half = (w - gap) / 2;
    bool side = half >= app_px(app, 330);
    int cw = side ? half : w;
    int ch = 0;
    for (int k = 0; k < ARCADE_ROUND_KINDS; k++) {
        int h = round_card(app, m, k, (SDL_Rect){0, 0, cw, 0}, false);
        if (h > ch)
            ch = h;
    }
    ChartClip saved;
    int edge = app_px(app, 4); /* the panels' borders, left of their text */
    chart_clip_push(app, (SDL_Rect){view.x - edge, view.y, view.w + edge, view.h}, &saved);
    int y = view.y - m->scroll.offset + app_px(app, 4);
    for (int k = 0; k < ARCADE_ROUND_KINDS; k++) {
        SDL_Rect r = side ? (SDL_Rect){view.x + app_px(app, 4) + k * (cw + gap), y, cw - app_px(app, 4), ch}
                          : (SDL_Rect){view.x + app_px(app, 4), y + k * (ch + gap), cw - app_px(app, 4), ch};
        round_card(app, m, k, r, true);
    }
    y += side ? ch + gap : ARCADE_ROUND_KINDS * (ch + gap);
    if (!m->can_play)
        y += text_draw_wrapped(app, FONT_BODY_BOLD,
                               "This bank has no single-answer questions or flashcards, so there is nothing to play.",
                               view.x, y, w, t->bad, view.y, view.y + view.h) + gap;
    int rh = rules_panel(app, m, (SDL_Rect){view.x, y, w, 0}, false);
    rules_panel(app, m, (SDL_Rect){view.x, y, w, rh}, true);
    y += rh;
    m->scroll.view = view.h;
    m->scroll.content = y + m->scroll.offset - view.y;
    chart_clip_pop(app, &saved);
    ui_scrollbar(app, view, &m->scroll);
    actionbar_draw_bottom(app, bar, 1);
    ui_footer_keys(app, keys);
}
