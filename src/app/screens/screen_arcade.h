/* What the two arcade screens share beyond the round itself (arcade_round.h
 * in the core: kinds, rules, the result a finished round hands to
 * screen_arcade_end.c): how the round screen is opened. */
#ifndef CLOUDPREP_SCREEN_ARCADE_H
#define CLOUDPREP_SCREEN_ARCADE_H

#include <stdbool.h>

#include "arcade_round.h"

/* SCREEN_ARCADE's argument: NULL opens the menu on Sprint; otherwise the
 * menu on `kind`, or straight into a new round of it with play_now.
 * SCREEN_ARCADE_END's argument is the round's ArcadeResult (copied). */
typedef struct ArcadeStart {
    int kind;
    bool play_now;
} ArcadeStart;

#endif
