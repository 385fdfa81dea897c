/* Shared screen furniture. */
#include "hud.h"

#include "text.h"
#include "ui.h"

int hud_header(App *app, const char *title, const char *label, float progress)
{
    ui_title(app, title, label);
    int y = app_px(app, 18) + text_line_height(app, FONT_TITLE) + app_px(app, 8);
    int margin = app_px(app, 28);
    if (progress >= 0)
        ui_progress(app, (SDL_Rect){margin, y, app->w - margin * 2, app_px(app, 8)}, progress, app->theme.accent);
    return y + app_px(app, 22);
}

void hud_confirm(App *app, const char *title, const char *message, const char *yes, const char *no)
{
    const Theme *t = &app->theme;
    ui_fill(app, (SDL_Rect){0, 0, app->w, app->h}, ui_alpha(t->bg, 190));
    int w = app_px(app, 560);
    if (w > app->w - app_px(app, 40))
        w = app->w - app_px(app, 40);
    int pad = app_px(app, 28);
    int th = text_wrapped_height(app, FONT_BODY, message, w - pad * 2);
    int bh = app_px(app, 48);
    int h = pad * 2 + text_line_height(app, FONT_TITLE) + app_px(app, 12) + th + app_px(app, 24) + bh;
    SDL_Rect box = {(app->w - w) / 2, (app->h - h) / 2, w, h};
    ui_round_rect(app, (SDL_Rect){box.x - 2, box.y - 2, box.w + 4, box.h + 4}, app_px(app, 18), t->accent);
    ui_round_rect(app, box, app_px(app, 16), t->panel);
    int y = box.y + pad;
    text_draw(app, FONT_TITLE, title, box.x + pad, y, t->text, ALIGN_LEFT);
    y += text_line_height(app, FONT_TITLE) + app_px(app, 12);
    y += text_draw_wrapped(app, FONT_BODY, message, box.x + pad, y, w - pad * 2, t->text_dim, 0, app->h);
    y += app_px(app, 24);
    int bw = (w - pad * 2 - app_px(app, 16)) / 2;
    ui_button(app, (SDL_Rect){box.x + pad, y, bw, bh}, yes, true, (Action){.type = ACT_CONFIRM});
    ui_button(app, (SDL_Rect){box.x + pad + bw + app_px(app, 16), y, bw, bh}, no, false,
              (Action){.type = ACT_BACK});
}

void hud_stat(App *app, SDL_Rect r, const char *label, const char *value, SDL_Color value_color)
{
    ui_panel(app, r);
    text_draw(app, FONT_SMALL, label, r.x + app_px(app, 16), r.y + app_px(app, 12), app->theme.text_dim,
              ALIGN_LEFT);
    text_draw(app, FONT_TITLE, value, r.x + app_px(app, 16),
              r.y + app_px(app, 14) + text_line_height(app, FONT_SMALL), value_color, ALIGN_LEFT);
}
