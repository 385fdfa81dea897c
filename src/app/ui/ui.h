/* Immediate-mode widgets and drawing helpers: rounded panels, buttons,
 * answer options, progress bars, a scrollable text column. Each widget draws
 * itself and registers its click region, so a click is the same Action as
 * the key that does the same thing. */
#ifndef CLOUDPREP_UI_H
#define CLOUDPREP_UI_H

#include <SDL.h>
#include <stdbool.h>

#include "app.h"
#include "keys.h"
#include "text.h"

typedef enum OptionState {
    OPTION_NORMAL,
    OPTION_CHOSEN,     /* selected, not yet judged */
    OPTION_RIGHT,      /* the right answer (after submit) */
    OPTION_WRONG,      /* chosen and wrong (after submit) */
    OPTION_MISSED,     /* right but not chosen (after submit) */
    OPTION_DIMMED      /* not chosen, not right (after submit) */
} OptionState;

/* Fills the theme for the current settings (normal or high contrast). */
void ui_theme_init(Theme *theme, bool high_contrast);
/* Returns c with alpha a. */
SDL_Color ui_alpha(SDL_Color c, int a);
/* Blends two colours; t = 0 gives a, t = 1 gives b. */
SDL_Color ui_mix(SDL_Color a, SDL_Color b, float t);
/* Filled shapes in colour c (alpha blended): a rectangle, a rectangle with
 * rounded corners, a disc. */
void ui_fill(App *app, SDL_Rect r, SDL_Color c);
void ui_round_rect(App *app, SDL_Rect r, int radius, SDL_Color c);
void ui_circle(App *app, float cx, float cy, float radius, SDL_Color c);
/* The background gradient every screen starts with. */
void ui_background(App *app);
/* A rounded panel with a subtle border. */
void ui_panel(App *app, SDL_Rect r);
/* A button with a label; `selected` draws the keyboard focus ring. Clicking
 * it produces `action`. Returns true when the mouse is over it. */
bool ui_button(App *app, SDL_Rect r, const char *label, bool selected, Action action);
/* A horizontal progress bar, frac in [0, 1]. */
void ui_progress(App *app, SDL_Rect r, float frac, SDL_Color fill);
/* An answer option: a letter badge and wrapped text, coloured by state.
 * Returns the height used. Clicking it produces ACT_DIGIT with index + 1. */
int ui_option(App *app, int x, int y, int w, int index, const char *text, OptionState state,
              bool focused, bool multi);
/* Height ui_option would use for `text` in `state` (a judged option's tag,
 * "right", "your answer" or "missed", never overlaps its text: the text
 * wraps short of it, or it takes a line of its own). */
int ui_option_height(App *app, int w, const char *text, OptionState state);
/* A link: `label` wrapped to `w` in the link colour and underlined, drawn
 * only within [clip_top, clip_bottom). Clicking its visible part produces
 * `action`. Returns the height it takes (drawn or not). */
int ui_link(App *app, int x, int y, int w, const char *label, Action action, int clip_top,
            int clip_bottom);
/* Below this window height in layout units (large text in a small window)
 * the chrome is compact: less padding in the footer and the action bars,
 * shorter headers, so the content keeps its room. */
#define UI_COMPACT_UNITS 440.0f
/* True when the window is that short for the text size. */
bool ui_compact(const App *app);
/* The top of the footer's band (ui_footer, ui_footer_keys). */
int ui_footer_top(App *app);
/* A key hint line at the bottom of the screen: "Enter  submit   Esc  back". */
void ui_footer(App *app, const char *hints);
#define UI_FOOTER_MAX_ROWS 24 /* rows of a key map a footer shows */

/* The footer of a screen's key map: every row "KEY  does" (keys.h), but a
 * KEYS_DOES_SCROLL row only when a scroll bar was drawn this frame (draw
 * the body first). */
void ui_footer_keys(App *app, const KeyMap *map);
/* A screen title at the top left with an optional subtitle on the right. */
void ui_title(App *app, const char *title, const char *right);
/* The title as ui_title, or in a compact window (ui_compact) on one line
 * of bold body text, the subtitle on its right. Returns the y below it. */
int ui_title_fit(App *app, const char *title, const char *right);
/* A small rounded tag (e.g. "Choose TWO"); returns its width. */
int ui_chip(App *app, int x, int y, const char *label, SDL_Color bg, SDL_Color fg);
/* A little flame (the streak), drawn at (x, y) of size s pixels; phase animates it. */
void ui_flame(App *app, int x, int y, int s, float phase, bool lit);

/* A vertical scroll position in pixels, clamped to the content. */
typedef struct Scroll {
    int offset;
    int content;   /* content height, set while drawing */
    int view;      /* visible height */
} Scroll;

/* Applies a scroll action (arrows, page keys, wheel); returns true if handled. */
bool ui_scroll_action(App *app, Scroll *s, const Action *a);
/* Keeps the offset within the content (0 when it all fits); call after
 * setting content and view. */
void ui_scroll_clamp(Scroll *s);
/* Draws a scroll bar at the right edge of `view` when the content is taller. */
void ui_scrollbar(App *app, SDL_Rect view, const Scroll *s);

#endif
