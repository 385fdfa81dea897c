/* What a frame drew, for the headless `check-layout` command: every text's
 * rectangle (as clipped), every panel and button, and every wrapped text
 * that lost lines. Off unless a script asks (app->layout is NULL), so normal
 * frames pay one pointer test per text. */
#ifndef CLOUDPREP_LAYOUTLOG_H
#define CLOUDPREP_LAYOUTLOG_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct App App;

#define LAYOUT_MAX_TEXTS 1024
#define LAYOUT_MAX_BOXES 256
#define LAYOUT_TEXT_CHARS 160

typedef struct LayoutText {
    SDL_Rect rect;                   /* as drawn, cut to the clip rectangle */
    char text[LAYOUT_TEXT_CHARS];
} LayoutText;

typedef struct LayoutLog {
    LayoutText texts[LAYOUT_MAX_TEXTS];
    int text_count;
    SDL_Rect boxes[LAYOUT_MAX_BOXES];  /* panels and buttons: text starting inside must end inside */
    int box_count;
    char cut[200];                     /* the first wrapped text that lost lines ("" = none) */
    int overflow;                      /* texts or boxes beyond the arrays */
} LayoutLog;

/* Starts a frame's log (the loop calls it before drawing). */
void layout_begin(App *app);
/* Notes a text drawn at `r` (clipped to the renderer's clip rectangle;
 * nothing when it is invisible: clipped away or nearly transparent). */
void layout_note_text(App *app, SDL_Rect r, const char *text, int alpha);
/* Notes a panel or button: a text that starts inside it must fit in it.
 * Clipped like a text: only its visible part counts (nothing when none). */
void layout_note_box(App *app, SDL_Rect r);
/* Notes that a full-window cover was drawn (a dialog's dimming): what lies
 * beneath no longer counts. */
void layout_note_cover(App *app);
/* Notes that a wrapped text lost lines at the bottom or the top outside a
 * scrolling view. */
void layout_note_cut(App *app, const char *text);
/* Checks the last frame: no two texts overlap, none crosses the window or a
 * box it starts in, no wrapped text was cut. Returns true when all hold;
 * otherwise writes the first breach (the texts and their rectangles). */
bool layout_check(const App *app, char *why, size_t size);

#endif
