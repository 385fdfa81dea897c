/* Flow layout of buttons and click regions clipped to a scroll view. */
#include "flow.h"

#include <stdarg.h>
#include <stdlib.h>

#include "strbuf.h"

int pen_say(App *app, const Pen *pen, FontRole font, SDL_Color color, int x, int y, int w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = strbuf_vformat(fmt, ap);
    va_end(ap);
    if (!text)
        return 0;
    int h = pen->dry ? text_wrapped_height(app, font, text, w)
                     : text_draw_wrapped(app, font, text, x, y, w, color, pen->clip_top, pen->clip_bottom);
    free(text);
    return h;
}

void flow_begin(App *app, Flow *f, int left, int right, int y, bool dry)
{
    f->dry = dry;
    f->left = left;
    f->right = right;
    f->x = left;
    f->y = y;
    f->row_h = flow_measure(app, "").h;
    f->gap = app_px(app, ui_compact(app) ? 6 : 10);
    f->empty = true;
}

SDL_Rect flow_measure(App *app, const char *label)
{
    int w, h;
    text_size(app, FONT_BODY_BOLD, label, &w, &h);
    /* less padding above and below in a compact window (ui_compact) */
    int pad = app_px(app, ui_compact(app) ? 8 : 14);
    return (SDL_Rect){0, 0, w + app_px(app, 28), text_line_height(app, FONT_BODY_BOLD) + pad};
}

SDL_Rect flow_button(App *app, Flow *f, const char *label, bool selected, Action action)
{
    SDL_Rect r = flow_measure(app, label);
    int room = f->right - f->left;
    if (r.w > room)
        r.w = room;
    if (!f->empty && f->x + r.w > f->right) {
        f->x = f->left;
        f->y += f->row_h + f->gap;
    }
    r.x = f->x;
    r.y = f->y;
    if (!f->dry)
        flow_draw_button(app, r, label, selected, action);
    f->x += r.w + f->gap;
    f->empty = false;
    return r;
}

void flow_draw_button(App *app, SDL_Rect r, const char *label, bool selected, Action action)
{
    int edge = app_px(app, 2) > 1 ? app_px(app, 2) : 1;
    ui_round_rect(app, (SDL_Rect){r.x - edge, r.y - edge, r.w + edge * 2, r.h + edge * 2}, app_px(app, 12) + edge,
                  ui_alpha(app->theme.border, 200));
    ui_button(app, r, label, selected, action);
}

int flow_bottom(const Flow *f)
{
    return f->empty ? f->y : f->y + f->row_h;
}

void flow_clip_hits(App *app, int first, SDL_Rect view)
{
    int kept = first;
    for (int i = first; i < app->hit_count; i++) {
        SDL_Rect seen;
        if (!SDL_IntersectRect(&app->hits[i].rect, &view, &seen))
            continue;
        app->hits[kept] = app->hits[i];
        app->hits[kept].rect = seen;
        kept++;
    }
    app->hit_count = kept;
}

int scroll_body_begin(App *app, Scroll *scroll, ScrollBody *body, int top, int footer)
{
    body->view = (SDL_Rect){0, top, app->w, app->h - top - footer};
    scroll->view = body->view.h;
    int max_offset = scroll->content - scroll->view;
    if (scroll->offset > max_offset)
        scroll->offset = max_offset > 0 ? max_offset : 0;
    body->first_hit = app->hit_count;
    chart_clip_push(app, body->view, &body->saved);
    body->pen = (Pen){false, body->view.y, body->view.y + body->view.h};
    return body->view.y + app_px(app, 4) - scroll->offset;
}

void scroll_body_end(App *app, Scroll *scroll, ScrollBody *body, int content)
{
    scroll->content = content + app_px(app, 12);
    chart_clip_pop(app, &body->saved);
    flow_clip_hits(app, body->first_hit, body->view);
    SDL_Rect v = body->view;
    ui_scrollbar(app, (SDL_Rect){app->w - app_px(app, 14), v.y, app_px(app, 8), v.h}, scroll);
}
