/* Action bar: one pass lays the buttons out (measuring only, or drawing),
 * so the height a screen reserves is the height drawn. */
#include "actionbar.h"

#include "text.h"
#include "ui.h"

static int button_width(App *app, const char *label, int w)
{
    int tw, th;
    text_size(app, FONT_BODY_BOLD, label, &tw, &th);
    int bw = tw + app_px(app, 40);
    int min = app_px(app, 120);
    if (bw < min)
        bw = min;
    return bw > w ? w : bw;
}

static int button_height(App *app)
{
    return text_line_height(app, FONT_BODY_BOLD) + app_px(app, 18);
}

/* Lays out (and draws when `draw`) the buttons in rows; returns the height. */
static int lay_out(App *app, SDL_Rect area, const BarButton *b, int n, bool draw)
{
    int gap = app_px(app, 12), bh = button_height(app);
    int y = area.y, h = 0;
    int i = 0;
    while (i < n) {
        /* the buttons of this row: as many as fit */
        int first = i, row_w = 0;
        for (; i < n; i++) {
            if (!b[i].label || !b[i].label[0])
                continue;
            int bw = button_width(app, b[i].label, area.w);
            int need = row_w == 0 ? bw : row_w + gap + bw;
            if (need > area.w && row_w > 0)
                break;
            row_w = need;
        }
        if (row_w == 0)
            break;
        if (draw) {
            int x = area.x + area.w - row_w;
            for (int k = first; k < i; k++) {
                if (!b[k].label || !b[k].label[0])
                    continue;
                int bw = button_width(app, b[k].label, area.w);
                ui_button(app, (SDL_Rect){x, y, bw, bh}, b[k].label, false, b[k].action);
                x += bw + gap;
            }
        }
        h += (h ? gap : 0) + bh;
        y = area.y + h + gap;
    }
    return h;
}

int actionbar_height(App *app, const BarButton *buttons, int n, int w)
{
    return lay_out(app, (SDL_Rect){0, 0, w, 0}, buttons, n, false);
}

int actionbar_draw(App *app, SDL_Rect area, const BarButton *buttons, int n)
{
    return lay_out(app, area, buttons, n, true);
}

/* The footer's height (ui_footer_keys) and the window margins. */
static int footer_top(App *app)
{
    return app->h - text_line_height(app, FONT_SMALL) - app_px(app, 24);
}

int actionbar_top(App *app, const BarButton *buttons, int n)
{
    int margin = app_px(app, 28);
    int h = actionbar_height(app, buttons, n, app->w - margin * 2);
    return h > 0 ? footer_top(app) - app_px(app, 8) - h : footer_top(app);
}

void actionbar_draw_bottom(App *app, const BarButton *buttons, int n)
{
    int margin = app_px(app, 28);
    int top = actionbar_top(app, buttons, n);
    actionbar_draw(app, (SDL_Rect){margin, top, app->w - margin * 2, footer_top(app) - top}, buttons, n);
}
