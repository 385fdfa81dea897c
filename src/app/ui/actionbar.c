/* Action bar: one pass lays the buttons out (measuring only, or drawing),
 * so the height a screen reserves is the height drawn. */
#include "actionbar.h"

#include <string.h>

#include "text.h"
#include "ui.h"

/* The label shown: whole, or without its key hint ("Enter  Submit" ->
 * "Submit") when the bar is short of room. */
static const char *shown(const char *label, bool short_labels)
{
    const char *words = short_labels ? strstr(label, "  ") : NULL;
    return words ? words + 2 : label;
}

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
    return text_line_height(app, FONT_BODY_BOLD) + app_px(app, ui_compact(app) ? 10 : 18);
}

/* Lays out (and draws when `draw`) the buttons in rows; returns the height. */
static int lay_out(App *app, SDL_Rect area, const BarButton *b, int n, bool draw, bool short_labels)
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
            int bw = button_width(app, shown(b[i].label, short_labels), area.w);
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
                const char *label = shown(b[k].label, short_labels);
                int bw = button_width(app, label, area.w);
                ui_button(app, (SDL_Rect){x, y, bw, bh}, label, false, b[k].action);
                x += bw + gap;
            }
        }
        h += (h ? gap : 0) + bh;
        y = area.y + h + gap;
    }
    return h;
}

/* Short labels when the whole ones need more than one row. */
static bool need_short(App *app, int w, const BarButton *buttons, int n)
{
    return lay_out(app, (SDL_Rect){0, 0, w, 0}, buttons, n, false, false) > button_height(app);
}

int actionbar_height(App *app, const BarButton *buttons, int n, int w)
{
    return lay_out(app, (SDL_Rect){0, 0, w, 0}, buttons, n, false, need_short(app, w, buttons, n));
}

int actionbar_draw(App *app, SDL_Rect area, const BarButton *buttons, int n)
{
    return lay_out(app, area, buttons, n, true, need_short(app, area.w, buttons, n));
}

/* Where the footer (ui_footer_keys) begins, a little space above it. */
static int footer_top(App *app)
{
    return ui_footer_top(app) - app_px(app, ui_compact(app) ? 2 : 4);
}

int actionbar_top(App *app, const BarButton *buttons, int n)
{
    int margin = app_px(app, 28);
    int h = actionbar_height(app, buttons, n, app->w - margin * 2);
    return h > 0 ? footer_top(app) - app_px(app, ui_compact(app) ? 4 : 8) - h : footer_top(app);
}

void actionbar_draw_bottom(App *app, const BarButton *buttons, int n)
{
    int margin = app_px(app, 28);
    int top = actionbar_top(app, buttons, n);
    actionbar_draw(app, (SDL_Rect){margin, top, app->w - margin * 2, footer_top(app) - top}, buttons, n);
}
