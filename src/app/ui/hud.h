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

typedef struct HudStat {
    const char *label;
    const char *value;
    SDL_Color color;
} HudStat;

/* Stat cards in a grid at (x, y) across width w: `max_cols` columns (a
 * power of two), halved until the widest label fits its card; each card
 * at least min_h / rows tall. Draws only when `draw`; returns the height. */
int hud_stat_grid(App *app, int x, int y, int w, const HudStat *stats, int n, int max_cols, int min_h, bool draw);

#endif
