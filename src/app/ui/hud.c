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
