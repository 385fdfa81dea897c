/* Small chart drawing helpers for the Stats screen: a value axis with grid
 * lines, reference lines, a line series with a band around it, bars, stacked
 * bars and heatmap cells. They only draw; the numbers come from the caller,
 * already computed, so a chart costs nothing but its triangles. */
#ifndef CLOUDPREP_CHART_H
#define CLOUDPREP_CHART_H

#include <SDL.h>
#include <stdbool.h>

#include "app.h"

/* A plot area and the value range its height shows (min at the bottom). */
typedef struct ChartFrame {
    SDL_Rect plot;
    double min, max;
} ChartFrame;

/* Returns the pixel row of value v in the frame (clamped to the plot). */
float chart_y(const ChartFrame *f, double v);
/* Returns the pixel column of t within [t0, t1] across the plot. */
float chart_x(const ChartFrame *f, double t, double t0, double t1);

/* Draws horizontal grid lines every `step` from min to max, labelled at the
 * left of the plot (the labels sit in the margin left of f->plot.x). */
void chart_grid(App *app, const ChartFrame *f, double step);
/* Draws a horizontal reference line at v across the plot with a label just
 * right of the plot (leave a margin for it); `dashed` draws short dashes. */
void chart_ref_line(App *app, const ChartFrame *f, double v, SDL_Color c, const char *label, bool dashed);
/* Fills the band between low[i] and high[i] at columns x[i] (n points) with c. */
void chart_band(App *app, const ChartFrame *f, const float *x, const double *low, const double *high,
                int n, SDL_Color c);
/* Draws a polyline through (x[i], v[i]) with the given thickness in pixels,
 * and a dot at each point (dot radius 0 for none). */
void chart_line(App *app, const ChartFrame *f, const float *x, const double *v, int n, SDL_Color c,
                float thickness, float dot);
/* A thick segment from (x0, y0) to (x1, y1). */
void chart_segment(App *app, float x0, float y0, float x1, float y1, float thickness, SDL_Color c);
/* A horizontal bar in r filled to frac (0..1) over a faint track. */
void chart_hbar(App *app, SDL_Rect r, double frac, SDL_Color fill);
/* A horizontal stacked bar: values[i] (n parts, total = their sum or
 * `total` when larger) in colours[i], left to right. Empty total draws the track. */
void chart_stacked_hbar(App *app, SDL_Rect r, const int *values, int n, int total, const SDL_Color *colours);
/* A vertical bar rising from the bottom of r to frac (0..1) of its height. */
void chart_vbar(App *app, SDL_Rect r, double frac, SDL_Color fill);
/* Heatmap colour for a count: the track colour for 0, then `hot` at
 * increasing strength in four steps up to `top`. */
SDL_Color chart_heat(App *app, int count, int top, SDL_Color hot);
/* A small tick (true) or cross (false) mark in a circle of diameter s at (x, y). */
void chart_mark(App *app, int x, int y, int s, bool ok);

/* A clip region saved by chart_clip_push, restored by chart_clip_pop. */
typedef struct ChartClip {
    SDL_Rect rect;
    bool enabled;
} ChartClip;

/* Narrows the renderer's clip to r within the current clip, saving the
 * current one in *saved. Returns false when nothing of r is visible (the
 * clip is then empty; still call chart_clip_pop). */
bool chart_clip_push(App *app, SDL_Rect r, ChartClip *saved);
/* Restores the clip saved by chart_clip_push. */
void chart_clip_pop(App *app, const ChartClip *saved);

#endif
