/* The controls the exam screens share: a row of buttons that wraps onto
 * more rows when large text needs the room, and a check box (flag for
 * review, ESL time) that one click toggles. Drawing and click regions only;
 * what a click does is the screen's business. */
#include "exam.h"

#include "layoutlog.h"
#include "text.h"
#include "ui.h"

static bool hovered(const App *app, SDL_Rect r)
{
    return app->mouse_x >= r.x && app->mouse_x < r.x + r.w && app->mouse_y >= r.y && app->mouse_y < r.y + r.h;
}

/* A thick segment from (x0, y0) to (x1, y1) as two triangles. */
static void segment(App *app, float x0, float y0, float x1, float y1, float half, SDL_Color c)
{
    float dx = x1 - x0, dy = y1 - y0;
    float len = SDL_sqrtf(dx * dx + dy * dy);
    if (len <= 0)
        return;
    float nx = -dy / len * half, ny = dx / len * half;
    SDL_Vertex v[4] = {
        {{x0 + nx, y0 + ny}, c, {0, 0}}, {{x1 + nx, y1 + ny}, c, {0, 0}},
        {{x1 - nx, y1 - ny}, c, {0, 0}}, {{x0 - nx, y0 - ny}, c, {0, 0}},
    };
    int idx[6] = {0, 1, 2, 0, 2, 3};
    SDL_RenderGeometry(app->renderer, NULL, v, 4, idx, 6);
}

/* The square mark: empty, or filled with a tick. */
static void check_mark(App *app, SDL_Rect b, bool checked)
{
    const Theme *t = &app->theme;
    int edge = app_px(app, 2) > 1 ? app_px(app, 2) : 1;
    ui_round_rect(app, b, b.w / 5, checked ? t->accent2 : ui_alpha(t->text_dim, 200));
    if (!checked) {
        ui_round_rect(app, (SDL_Rect){b.x + edge, b.y + edge, b.w - edge * 2, b.h - edge * 2}, b.w / 6, t->panel);
        return;
    }
    float s = (float)b.w, x = (float)b.x, y = (float)b.y, half = s / 14;
    segment(app, x + s * 0.22f, y + s * 0.52f, x + s * 0.42f, y + s * 0.72f, half, t->bg);
    segment(app, x + s * 0.42f, y + s * 0.72f, x + s * 0.80f, y + s * 0.30f, half, t->bg);
}

static int pad_x(App *app)
{
    return app_px(app, 16);
}

/* The padding above and below a control's label: less in a compact window. */
static int pad_y(App *app)
{
    return app_px(app, ui_compact(app) ? 5 : 10);
}

static int mark_size(App *app)
{
    return text_line_height(app, FONT_BODY_BOLD) * 4 / 5;
}

int exam_check(App *app, int x, int y, int w, const char *label, bool checked, Action action, bool draw)
{
    const Theme *t = &app->theme;
    int pad = pad_x(app), mark = mark_size(app), gap = app_px(app, 12);
    int tw = w - pad * 2 - mark - gap;
    int lh = text_line_height(app, FONT_BODY_BOLD);
    int th = text_wrapped_height(app, FONT_BODY_BOLD, label, tw);
    int h = (th > lh ? th : lh) + pad_y(app) * 2;
    if (!draw)
        return h;
    SDL_Rect r = {x, y, w, h};
    bool hover = hovered(app, r);
    ui_round_rect(app, (SDL_Rect){r.x - 1, r.y - 1, r.w + 2, r.h + 2}, app_px(app, 13), t->border);
    ui_round_rect(app, r, app_px(app, 12), hover ? t->panel_hi : t->panel);
    check_mark(app, (SDL_Rect){x + pad, y + pad_y(app) + (lh - mark) / 2, mark, mark}, checked);
    text_draw_wrapped(app, FONT_BODY_BOLD, label, x + pad + mark + gap, y + pad_y(app), tw,
                      checked ? t->text : t->text_dim, 0, app->h);
    app_hit_label(app, r, action, label);
    layout_note_box(app, r);
    return h;
}

int exam_control_width(App *app, const ExamButton *b)
{
    int w = 0, h = 0;
    text_size(app, FONT_BODY_BOLD, b->label, &w, &h);
    w += pad_x(app) * 2;
    if (b->check >= 0)
        w += mark_size(app) + app_px(app, 12);
    return w;
}

int exam_buttons(App *app, const ExamButton *b, int n, int x, int y, int w, bool draw)
{
    int gap = app_px(app, 12);
    int bh = text_line_height(app, FONT_BODY_BOLD) + pad_y(app) * 2;
    int cx = x, cy = y;
    for (int i = 0; i < n; i++) {
        int bw = exam_control_width(app, &b[i]);
        if (bw > w)
            bw = w;
        if (cx > x && cx + bw > x + w) {
            cx = x;
            cy += bh + gap;
        }
        if (draw && b[i].check >= 0)
            exam_check(app, cx, cy, bw, b[i].label, b[i].check > 0, b[i].action, true);
        else if (draw)
            ui_button(app, (SDL_Rect){cx, cy, bw, bh}, b[i].label, b[i].on, b[i].action);
        cx += bw + gap;
    }
    return n > 0 ? cy - y + bh : 0;
}
