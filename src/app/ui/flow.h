/* Layout that measures before it draws, for bodies that must fit any text
 * size: wrapped paragraphs formatted to their full length (a Pen that can
 * measure without drawing, so a panel can be sized to its text), buttons
 * laid out left to right that wrap to a new row when the next one does
 * not fit, and the click regions of a scrolled body trimmed to the part of
 * it on screen, so a button scrolled out of view cannot be clicked. */
#ifndef CLOUDPREP_FLOW_H
#define CLOUDPREP_FLOW_H

#include <SDL.h>
#include <stdbool.h>

#include "app.h"
#include "chart.h"
#include "compat.h"
#include "text.h"
#include "ui.h"

/* Where text goes: `dry` measures only; lines outside [clip_top,
 * clip_bottom) are skipped (a scroll view's edges). */
typedef struct Pen {
    bool dry;
    int clip_top, clip_bottom;
} Pen;

/* Draws (unless pen->dry) the printf-formatted text wrapped to `w` at
 * (x, y) in `font` and `color`, whole however long; returns its height. */
int pen_say(App *app, const Pen *pen, FontRole font, SDL_Color color, int x, int y, int w, const char *fmt, ...)
    COMPAT_PRINTF(8, 9);

typedef struct Flow {
    int left, right;     /* the row's extent in pixels */
    int x, y;            /* where the next button goes */
    int row_h, gap;
    bool empty;          /* nothing placed yet */
    bool dry;            /* measure only: nothing is drawn or registered */
} Flow;

/* Starts a flow of buttons between `left` and `right`, first row at `y`;
 * with `dry`, flow_button only measures. */
void flow_begin(App *app, Flow *f, int left, int right, int y, bool dry);
/* The size a button labelled `label` takes in a flow. */
SDL_Rect flow_measure(App *app, const char *label);
/* Draws a button labelled `label` at the next place (a new row first when
 * it would not fit; a label wider than the row is given the row), with the
 * focus ring when `selected`; a click produces `action`. Returns its rect. */
SDL_Rect flow_button(App *app, Flow *f, const char *label, bool selected, Action action);
/* Draws a button at r with an outline, so it stands out on a panel too
 * (ui_button's body is the panel colour); a click produces `action`. */
void flow_draw_button(App *app, SDL_Rect r, const char *label, bool selected, Action action);
/* Returns the y just below the last row (f->y when nothing was placed). */
int flow_bottom(const Flow *f);
/* Trims the click regions registered since `first` (app->hit_count when
 * the body began drawing) to `view`; regions wholly outside are dropped. */
void flow_clip_hits(App *app, int first, SDL_Rect view);

/* A scrolled body between y = `top` and the footer: the view, its clip,
 * and the click regions registered while it draws. */
typedef struct ScrollBody {
    SDL_Rect view;
    ChartClip saved;
    int first_hit;
    Pen pen;             /* draws, skipping lines outside the view */
} ScrollBody;

/* Starts drawing a body that scrolls by `scroll` from `top` down to
 * `footer` pixels above the bottom: clamps the offset to the last
 * content height and clips to the view. Returns the y where the content
 * starts (above the view when scrolled). */
int scroll_body_begin(App *app, Scroll *scroll, ScrollBody *body, int top, int footer);
/* Ends the body: records its `content` height, restores the clip, trims
 * its click regions to the view and draws the scroll bar. */
void scroll_body_end(App *app, Scroll *scroll, ScrollBody *body, int content);

#endif
