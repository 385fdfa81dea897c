/* Pieces of screen furniture shared by the study modes: the header with a
 * progress bar, the modal confirmation box, and a big centred number card. */
#ifndef CLOUDPREP_HUD_H
#define CLOUDPREP_HUD_H

#include "app.h"

/* Draws the mode title, "label" on the right (e.g. "Item 3 of 20"), and a
 * progress bar below; returns the y below the header. */
int hud_header(App *app, const char *title, const char *label, float progress);
/* Draws a dimmed overlay and a centred box with a title and a message;
 * registers clicks for Enter (confirm) and Esc (cancel) on its two buttons. */
void hud_confirm(App *app, const char *title, const char *message, const char *yes, const char *no);
/* A stat card: a small label above a big value, in a panel. */
void hud_stat(App *app, SDL_Rect r, const char *label, const char *value, SDL_Color value_color);

#endif
