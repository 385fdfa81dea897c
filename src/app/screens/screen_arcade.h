/* What the two arcade screens share: the round kinds (Sprint, Marathon) and
 * the record a finished round hands from the round (screen_arcade.c) to its
 * results (screen_arcade_end.c). Scoring rules stay in the core (rewards.h,
 * arcade.h); this only carries their outcome between screens. */
#ifndef CLOUDPREP_SCREEN_ARCADE_H
#define CLOUDPREP_SCREEN_ARCADE_H

#include <stdbool.h>

#include "arcade.h"
#include "scoring.h"

#define ARCADE_ROUND_KINDS 2
#define ARCADE_MAX_MISSES 8       /* 3 lives: at most 3 in a round, room to spare */

typedef struct ArcadeRoundKind {
    const char *id;               /* stored in exams.round: "sprint", "marathon" */
    const char *title;
    int seconds;                  /* time on the clock at the start */
    int bonus_ms;                 /* added for each right answer */
} ArcadeRoundKind;

/* Returns round kind k (0 Sprint, 1 Marathon; anything else gives Sprint).
 * Static storage. */
const ArcadeRoundKind *arcade_screen_kind(int k);

typedef enum ArcadeEnd { ARCADE_END_TIME, ARCADE_END_LIVES, ARCADE_END_QUIT } ArcadeEnd;

/* A wrong answer to review: the question as shown and the option chosen. */
typedef struct ArcadeMiss {
    ArcadeQuestion q;
    int chosen;
} ArcadeMiss;

typedef struct ArcadeResult {
    int kind;
    ArcadeEnd ended;
    int points, answered, right, best_combo, lives_left;
    int played_ms;                /* time the clock ran */
    int previous_best;            /* best points of this kind before the round */
    bool new_best;                /* saved and above previous_best */
    bool saved;                   /* the round is in the store */
    bool goal_round;              /* enough answers to meet the day's goal */
    int xp;                       /* XP saved for the round (answers and bonus) */
    int domain_right[SCORING_MAX_DOMAINS];
    int domain_total[SCORING_MAX_DOMAINS];
    int miss_count;
    ArcadeMiss misses[ARCADE_MAX_MISSES];
} ArcadeResult;

/* SCREEN_ARCADE's argument: NULL opens the menu on Sprint; otherwise the
 * menu on `kind`, or straight into a new round of it with play_now. */
typedef struct ArcadeStart {
    int kind;
    bool play_now;
} ArcadeStart;

#endif
