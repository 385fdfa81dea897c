/* What the arcade screens share beyond the round itself (arcade_round.h in
 * the core: kinds, rules, the result a finished round hands to
 * screen_arcade_end.c): how the round screen is opened, the round menu
 * (screen_arcade_menu.c) and the points format. */
#ifndef CLOUDPREP_SCREEN_ARCADE_H
#define CLOUDPREP_SCREEN_ARCADE_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "arcade_round.h"
#include "keys.h"

/* SCREEN_ARCADE's argument: NULL opens the menu on Sprint; otherwise the
 * menu on `kind`, or straight into a new round of it with play_now.
 * SCREEN_ARCADE_END's argument is the round's ArcadeResult (copied). */
typedef struct ArcadeStart {
    int kind;
    bool play_now;
} ArcadeStart;

/* What the round menu shows (screen_arcade.c keeps it up to date). */
typedef struct ArcadeMenu {
    int kind;                       /* the round chosen */
    int best[ARCADE_ROUND_KINDS];   /* personal best per kind */
    int rounds[ARCADE_ROUND_KINDS]; /* rounds played per kind */
    bool can_play;                  /* the bank has items the arcade can ask */
    int weakest;                    /* the learner's weakest domain (study_weakest_domain), -1 when none */
} ArcadeMenu;

/* Draws the round menu: a card per kind (a click is ACT_SELECT with the
 * kind), the Play button for the chosen kind, how a round works, and the
 * footer of `keys`. */
void arcade_menu_draw(App *app, const ArcadeMenu *m, const KeyMap *keys);
/* Writes v with thousands separated ("12,345") into buf (always terminated). */
void arcade_format_points(int v, char *buf, size_t size);

#endif
