/* An arcade round as a session: the round kinds (Sprint 60 s, Marathon
 * 3 min), the countdown, the clock with bonus time for right answers, lives,
 * combo and speed points (rewards.h), the reveal after a miss, the ending
 * (time, lives, or quit) and the saving: every answer through the study
 * context as it is given, the round itself (its row, the best combo, the
 * round bonus) in one transaction at the end. The questions come from an
 * ArcadeStream (arcade.h). No SDL; elapsed time (dt_ms), the wall clock
 * (`now`) and randomness are parameters. Effects and drawing are the screen's. */
#ifndef CLOUDPREP_ARCADE_ROUND_H
#define CLOUDPREP_ARCADE_ROUND_H

#include <stdbool.h>
#include <stdint.h>

#include "arcade.h"
#include "rewards.h"
#include "rng.h"
#include "scoring.h"
#include "study.h"

#define ARCADE_ROUND_KINDS 2
#define ARCADE_COUNTDOWN_MS 3000    /* "3, 2, 1" before the clock starts */
#define ARCADE_REVEAL_MS 1500       /* a miss shows the right answer this long */
#define ARCADE_SPEED_LIMIT_MS 10000 /* the speed factor reaches one half at 10 s */
#define ARCADE_HURRY_MS 10000       /* the last 10 s tick */
#define ARCADE_MAX_MISSES 8         /* 3 lives: at most 3 in a round, room to spare */

typedef struct ArcadeRoundKind {
    const char *id;                 /* stored in exams.round: "sprint", "marathon" */
    const char *title;
    int seconds;                    /* time on the clock at the start */
    int bonus_ms;                   /* added for each right answer */
} ArcadeRoundKind;

/* Returns round kind k (0 Sprint, 1 Marathon; anything else gives Sprint).
 * Static storage. */
const ArcadeRoundKind *arcade_round_kind(int k);

typedef enum ArcadeEnd { ARCADE_END_TIME, ARCADE_END_LIVES, ARCADE_END_QUIT } ArcadeEnd;

/* A wrong answer to review: the question as shown and the option chosen. */
typedef struct ArcadeMiss {
    ArcadeQuestion q;
    int chosen;
} ArcadeMiss;

/* A round's outcome, for the results screen (a plain copy: strings point
 * into the bank). */
typedef struct ArcadeResult {
    int kind;
    ArcadeEnd ended;
    int points, answered, right, best_combo, lives_left;
    int played_ms;                  /* time the clock ran */
    int previous_best;              /* best points of this kind before the round */
    bool new_best;                  /* saved and above previous_best */
    bool saved;                     /* the round is in the store */
    bool goal_round;                /* enough answers to meet the day's goal */
    int xp;                         /* XP saved for the round (answers and bonus) */
    int unsaved;                    /* answers that could not be saved */
    int domain_right[SCORING_MAX_DOMAINS];
    int domain_total[SCORING_MAX_DOMAINS];
    int miss_count;
    ArcadeMiss misses[ARCADE_MAX_MISSES];
} ArcadeResult;

typedef enum ArcadePhase {
    ARCADE_PHASE_COUNTDOWN,         /* the clock has not started */
    ARCADE_PHASE_PLAY,              /* a question is up and the clock runs */
    ARCADE_PHASE_REVEAL,            /* after a miss: the right answer shows, the clock waits */
    ARCADE_PHASE_OVER               /* ended (res.ended says why); save with arcade_round_finish */
} ArcadePhase;

/* What a call did, as bits, so the screen can play its sounds and effects. */
enum {
    ARCADE_EV_TICK = 1u << 0,       /* a countdown second, or a second of the last ten */
    ARCADE_EV_GO = 1u << 1,         /* the clock started */
    ARCADE_EV_RIGHT = 1u << 2,      /* a right answer (points in last_points) */
    ARCADE_EV_COMBO_UP = 1u << 3,   /* ... that raised the multiplier */
    ARCADE_EV_WRONG = 1u << 4,      /* a miss: a life lost, the reveal begins */
    ARCADE_EV_NOT_SAVED = 1u << 5,  /* the answer could not be saved (study->error) */
    ARCADE_EV_QUESTION = 1u << 6,   /* a new question is up */
    ARCADE_EV_OVER = 1u << 7        /* the round ended */
};

typedef struct ArcadeRound {
    Study *study;                   /* not owned */
    int kind;
    ArcadePhase phase;
    ArcadeStream stream;
    ArcadeQuestion q;               /* on screen */
    RewardsArcade ra;               /* lives, combo, points, answered, right */
    int remaining_ms;               /* on the clock */
    int countdown_ms;
    int played_ms;                  /* the clock has run this long */
    int question_ms;                /* the question on screen has been up this long */
    int reveal_ms;                  /* left of a miss's reveal */
    int chosen;                     /* display option of the last miss */
    int last_points;                /* points of the last right answer */
    int64_t started_at;             /* Unix seconds the clock started */
    ArcadeResult res;               /* filled as the round goes; whole once over */
} ArcadeRound;

/* Reads the personal best and rounds played of each kind (zeros when none).
 * Returns false (study->error says why) when the store could not be read;
 * the arrays are then zero. */
bool arcade_round_bests(Study *study, int best[ARCADE_ROUND_KINDS], int rounds[ARCADE_ROUND_KINDS]);
/* Whether the bank has anything the arcade can ask (draws from rng). */
bool arcade_round_playable(const Study *study, Rng *rng);

/* Starts a round of `kind` in the countdown, the clock full, drawing
 * toward the study's weak domains; `previous_best` is the kind's best so
 * far (for "New best!"). Returns false when the bank has nothing to play
 * (the round is then zeroed and safe to free). */
bool arcade_round_start(ArcadeRound *r, Study *study, int kind, int previous_best, Rng *rng);
/* Frees the stream; the round is zeroed. */
void arcade_round_free(ArcadeRound *r);

/* Lets dt_ms pass at wall time `now`: the countdown (then the clock starts
 * at `now` with the first question), the reveal (then the next question, or
 * the end with no lives left), or the clock (the end at zero). Does nothing
 * once over; the caller simply does not tick while the round is paused.
 * Returns ARCADE_EV_* bits. */
unsigned arcade_round_tick(ArcadeRound *r, int dt_ms, int64_t now, Rng *rng);
/* Answers the question on screen with display option k at `now` (ignored
 * outside ARCADE_PHASE_PLAY or for a k it does not have): points, lives
 * and combo; the answer saved with its Leitner move (study_answer, XP for a
 * right one); a right answer adds the kind's bonus time and brings the next
 * question, a miss starts the reveal. A failed save is reported
 * (ARCADE_EV_NOT_SAVED) and counted in res.unsaved; the round goes on.
 * Returns ARCADE_EV_* bits. */
unsigned arcade_round_answer(ArcadeRound *r, int k, int64_t now, Rng *rng);
/* Ends a miss's reveal early (Enter): the next question, or the end. */
unsigned arcade_round_go_on(ArcadeRound *r, Rng *rng);
/* Ends the round now (the player quit). */
void arcade_round_quit(ArcadeRound *r);
/* True when the round ended with nothing to keep: quit (or the stream ran
 * dry) before any answer. Such a round is not saved. */
bool arcade_round_empty(const ArcadeRound *r);
/* Saves an ended round at `now` in one transaction (store_arcade_save: its
 * row, the best combo, and the round bonus when it was played out with at
 * least one answer) and completes r->res (saved, xp, new_best, goal_round).
 * Returns false (study->error says why; nothing of it written) when not
 * saved, or when the round is not over. */
bool arcade_round_finish(ArcadeRound *r, int64_t now);

#endif
