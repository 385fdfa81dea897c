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

void hud_stat(App *app, SDL_Rect r, const char *label, const char *value, SDL_Color value_color)
{
    ui_panel(app, r);
    text_draw(app, FONT_SMALL, label, r.x + app_px(app, 16), r.y + app_px(app, 12), app->theme.text_dim,
              ALIGN_LEFT);
    text_draw(app, FONT_TITLE, value, r.x + app_px(app, 16),
              r.y + app_px(app, 14) + text_line_height(app, FONT_SMALL), value_color, ALIGN_LEFT);
}

int hud_stat_grid(App *app, int x, int y, int w, const HudStat *stats, int n, int max_cols, int min_h, bool draw)
{
    int gap = app_px(app, 12), need = 0;
    for (int i = 0; i < n; i++) {
        int lw, lh;
        text_size(app, FONT_SMALL, stats[i].label, &lw, &lh);
        if (lw + app_px(app, 36) > need)
            need = lw + app_px(app, 36);
    }
    int cols = max_cols > 0 ? max_cols : 1;
    while (cols > 1 && (w - gap * (cols - 1)) / cols < need)
        cols /= 2;
    int cw = (w - gap * (cols - 1)) / cols;
    int rows = (n + cols - 1) / cols;
    int ch = app_px(app, 30) + text_line_height(app, FONT_SMALL) + text_line_height(app, FONT_TITLE);
    if (rows > 0 && rows * ch + (rows - 1) * gap < min_h)
        ch = (min_h - (rows - 1) * gap) / rows;
    for (int i = 0; draw && i < n; i++)
        hud_stat(app, (SDL_Rect){x + (i % cols) * (cw + gap), y + (i / cols) * (ch + gap), cw, ch}, stats[i].label,
                 stats[i].value, stats[i].color);
    return rows > 0 ? rows * ch + (rows - 1) * gap : 0;
}
