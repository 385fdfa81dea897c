/* A row of buttons for what a screen's keys do (Submit, Next, Knew it...),
 * so a mouse user reaches every action: each button is as wide as its
 * label, the row is right-aligned (the last button, the usual next step,
 * sits at the right edge) and, when the window is narrow or the text
 * large, drops the key hints from the labels ("Enter  Submit" -> "Submit")
 * and then wraps onto more rows. Drawing only; what a click does is the
 * button's Action, as with ui_button. */
#ifndef CLOUDPREP_ACTIONBAR_H
#define CLOUDPREP_ACTIONBAR_H

#include "app.h"

typedef struct BarButton {
    const char *label;     /* NULL or "": the button is left out */
    Action action;
} BarButton;

/* The height the buttons take laid out in width `w` (0 when none). */
int actionbar_height(App *app, const BarButton *buttons, int n, int w);
/* Draws the buttons inside `area` (its width; rows from its top) and
 * registers their clicks. Returns the height used. */
int actionbar_draw(App *app, SDL_Rect area, const BarButton *buttons, int n);
/* The band just above the footer where a screen puts its bar: its top for
 * these buttons across the window (margins as the screens use), so the
 * content above can end there. */
int actionbar_top(App *app, const BarButton *buttons, int n);
/* Draws the bar in the band actionbar_top gave. */
void actionbar_draw_bottom(App *app, const BarButton *buttons, int n);

#endif
