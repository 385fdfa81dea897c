/* Pieces of screen furniture shared by the study modes: the header with a
 * progress bar and a stat card. (Confirmations: confirm.h.) */
#ifndef CLOUDPREP_HUD_H
#define CLOUDPREP_HUD_H

#include "app.h"

/* Draws the mode title, "label" on the right (e.g. "Item 3 of 20"), and a
 * progress bar below; returns the y below the header. */
int hud_header(App *app, const char *title, const char *label, float progress);
/* A stat card: a small label above a big value, in a panel. */
void hud_stat(App *app, SDL_Rect r, const char *label, const char *value, SDL_Color value_color);

#endif
