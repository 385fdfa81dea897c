/* Chart drawing: lines and bands are triangles (SDL_RenderGeometry), bars
 * are rounded rectangles from ui.c, labels go through the text cache. No
 * state: every call draws what it is given, in the theme's colours. */
#include "chart.h"

#include <math.h>
#include <stdio.h>

#include "text.h"
#include "ui.h"

float chart_y(const ChartFrame *f, double v)
{
    double span = f->max - f->min;
    double t = span > 0 ? (v - f->min) / span : 0;
    if (t < 0) t = 0;
    if (t > 1) t = 1;
    return (float)f->plot.y + (float)f->plot.h * (float)(1.0 - t);
}

float chart_x(const ChartFrame *f, double t, double t0, double t1)
{
    double u = t1 > t0 ? (t - t0) / (t1 - t0) : 0.5;
    if (u < 0) u = 0;
    if (u > 1) u = 1;
    return (float)f->plot.x + (float)f->plot.w * (float)u;
}

void chart_segment(App *app, float x0, float y0, float x1, float y1, float thickness, SDL_Color c)
{
    float dx = x1 - x0, dy = y1 - y0;
    float len = sqrtf(dx * dx + dy * dy);
    if (len <= 0.0f)
        return;
    float nx = -dy / len * thickness / 2, ny = dx / len * thickness / 2;
    SDL_Vertex v[6] = {
        {{x0 + nx, y0 + ny}, c, {0, 0}}, {{x1 + nx, y1 + ny}, c, {0, 0}}, {{x1 - nx, y1 - ny}, c, {0, 0}},
        {{x0 + nx, y0 + ny}, c, {0, 0}}, {{x1 - nx, y1 - ny}, c, {0, 0}}, {{x0 - nx, y0 - ny}, c, {0, 0}},
    };
    SDL_SetRenderDrawBlendMode(app->renderer, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(app->renderer, NULL, v, 6, NULL, 0);
}

void chart_grid(App *app, const ChartFrame *f, double step)
{
    if (step <= 0)
        return;
    const Theme *t = &app->theme;
    int lh = text_line_height(app, FONT_SMALL);
    double first = ceil(f->min / step) * step;
    for (double v = first; v <= f->max + 1e-9; v += step) {
        int y = (int)chart_y(f, v);
        ui_fill(app, (SDL_Rect){f->plot.x, y, f->plot.w, 1}, ui_alpha(t->border, 90));
        char label[32];
        snprintf(label, sizeof label, "%.0f", v);
        text_draw(app, FONT_SMALL, label, f->plot.x - app_px(app, 8), y - lh / 2, t->text_dim, ALIGN_RIGHT);
    }
}

void chart_ref_line(App *app, const ChartFrame *f, double v, SDL_Color c, const char *label, bool dashed)
{
    int y = (int)chart_y(f, v);
    int th = app_px(app, 2) > 1 ? app_px(app, 2) : 1;
    if (dashed) {
        int dash = app_px(app, 10), gap = app_px(app, 6);
        for (int x = f->plot.x; x < f->plot.x + f->plot.w; x += dash + gap) {
            int w = x + dash > f->plot.x + f->plot.w ? f->plot.x + f->plot.w - x : dash;
            ui_fill(app, (SDL_Rect){x, y - th / 2, w, th}, c);
        }
    } else {
        ui_fill(app, (SDL_Rect){f->plot.x, y - th / 2, f->plot.w, th}, c);
    }
    if (label && label[0])
        text_draw(app, FONT_SMALL, label, f->plot.x + f->plot.w + app_px(app, 8),
                  y - text_line_height(app, FONT_SMALL) / 2, c, ALIGN_LEFT);
}

void chart_band(App *app, const ChartFrame *f, const float *x, const double *low, const double *high,
                int n, SDL_Color c)
{
    SDL_SetRenderDrawBlendMode(app->renderer, SDL_BLENDMODE_BLEND);
    if (n == 1) {
        /* One point: a short vertical bar shows its range. */
        float w = (float)app_px(app, 10);
        float y0 = chart_y(f, high[0]), y1 = chart_y(f, low[0]);
        ui_round_rect(app, (SDL_Rect){(int)(x[0] - w / 2), (int)y0, (int)w, (int)(y1 - y0) + 1},
                      app_px(app, 4), c);
        return;
    }
    for (int i = 0; i + 1 < n; i++) {
        float xa = x[i], xb = x[i + 1];
        float ha = chart_y(f, high[i]), hb = chart_y(f, high[i + 1]);
        float la = chart_y(f, low[i]), lb = chart_y(f, low[i + 1]);
        SDL_Vertex v[6] = {
            {{xa, ha}, c, {0, 0}}, {{xb, hb}, c, {0, 0}}, {{xb, lb}, c, {0, 0}},
            {{xa, ha}, c, {0, 0}}, {{xb, lb}, c, {0, 0}}, {{xa, la}, c, {0, 0}},
        };
        SDL_RenderGeometry(app->renderer, NULL, v, 6, NULL, 0);
    }
}

void chart_line(App *app, const ChartFrame *f, const float *x, const double *v, int n, SDL_Color c,
                float thickness, float dot)
{
    for (int i = 0; i + 1 < n; i++)
        chart_segment(app, x[i], chart_y(f, v[i]), x[i + 1], chart_y(f, v[i + 1]), thickness, c);
    if (dot <= 0)
        return;
    for (int i = 0; i < n; i++) {
        float y = chart_y(f, v[i]);
        ui_circle(app, x[i], y, dot + (float)app_px(app, 2), app->theme.panel);
        ui_circle(app, x[i], y, dot, c);
    }
}

void chart_hbar(App *app, SDL_Rect r, double frac, SDL_Color fill)
{
    if (frac < 0) frac = 0;
    if (frac > 1) frac = 1;
    int rad = r.h / 3;
    ui_round_rect(app, r, rad, ui_alpha(app->theme.border, 70));
    int w = (int)((double)r.w * frac + 0.5);
    if (w > 0)
        ui_round_rect(app, (SDL_Rect){r.x, r.y, w, r.h}, w < rad * 2 ? w / 2 : rad, fill);
}

void chart_stacked_hbar(App *app, SDL_Rect r, const int *values, int n, int total, const SDL_Color *colours)
{
    int sum = 0;
    for (int i = 0; i < n; i++)
        sum += values[i] > 0 ? values[i] : 0;
    if (total < sum)
        total = sum;
    ui_round_rect(app, r, r.h / 3, ui_alpha(app->theme.border, 70));
    if (total <= 0)
        return;
    int acc = 0, x = r.x;
    for (int i = 0; i < n; i++) {
        if (values[i] <= 0)
            continue;
        acc += values[i];
        int end = r.x + (int)((double)r.w * acc / total + 0.5);
        if (end > x)
            ui_fill(app, (SDL_Rect){x, r.y, end - x, r.h}, colours[i]);
        x = end;
    }
}

void chart_vbar(App *app, SDL_Rect r, double frac, SDL_Color fill)
{
    if (frac < 0) frac = 0;
    if (frac > 1) frac = 1;
    int h = (int)((double)r.h * frac + 0.5);
    if (h <= 0)
        return;
    int rad = r.w / 5 < app_px(app, 6) ? r.w / 5 : app_px(app, 6);
    ui_round_rect(app, (SDL_Rect){r.x, r.y + r.h - h, r.w, h}, h < rad * 2 ? h / 2 : rad, fill);
}

SDL_Color chart_heat(App *app, int count, int top, SDL_Color hot)
{
    SDL_Color track = ui_alpha(app->theme.border, 60);
    if (count <= 0)
        return track;
    if (top <= 0)
        top = 1;
    int level = 1 + 3 * (count > top ? top : count) / top; /* 1..4 */
    if (level > 4)
        level = 4;
    static const int strength[5] = {0, 80, 140, 200, 255};
    return ui_alpha(hot, strength[level]);
}

void chart_mark(App *app, int x, int y, int s, bool ok)
{
    const Theme *t = &app->theme;
    float r = (float)s / 2;
    float cx = (float)x + r, cy = (float)y + r;
    ui_circle(app, cx, cy, r, ok ? t->good : t->bad);
    float th = (float)s / 7 > 1.5f ? (float)s / 7 : 1.5f;
    SDL_Color ink = t->bg;
    if (ok) {
        chart_segment(app, cx - r * 0.45f, cy + r * 0.02f, cx - r * 0.12f, cy + r * 0.36f, th, ink);
        chart_segment(app, cx - r * 0.14f, cy + r * 0.36f, cx + r * 0.48f, cy - r * 0.32f, th, ink);
    } else {
        chart_segment(app, cx - r * 0.36f, cy - r * 0.36f, cx + r * 0.36f, cy + r * 0.36f, th, ink);
        chart_segment(app, cx + r * 0.36f, cy - r * 0.36f, cx - r * 0.36f, cy + r * 0.36f, th, ink);
    }
}

bool chart_clip_push(App *app, SDL_Rect r, ChartClip *saved)
{
    saved->enabled = SDL_RenderIsClipEnabled(app->renderer) == SDL_TRUE;
    SDL_RenderGetClipRect(app->renderer, &saved->rect);
    SDL_Rect vis = r;
    if (saved->enabled && !SDL_IntersectRect(&r, &saved->rect, &vis))
        vis = (SDL_Rect){r.x, r.y, 0, 0};
    if (vis.w <= 0 || vis.h <= 0) {
        /* SDL treats an empty rectangle as "no clipping": clip to one
         * pixel outside the output instead, so nothing shows. */
        SDL_Rect none = {-2, -2, 1, 1};
        SDL_RenderSetClipRect(app->renderer, &none);
        return false;
    }
    SDL_RenderSetClipRect(app->renderer, &vis);
    return true;
}

void chart_clip_pop(App *app, const ChartClip *saved)
{
    SDL_RenderSetClipRect(app->renderer, saved->enabled ? &saved->rect : NULL);
}
