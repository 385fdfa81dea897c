/* The study state the screens share: item states (Leitner boxes) and domain
 * accuracy kept in memory beside the store, recording answers (rules, then
 * store, then XP, in that order), and today's numbers for the home screen.
 * Screens call these instead of talking to the store directly for answers. */
#ifndef CLOUDPREP_STUDY_H
#define CLOUDPREP_STUDY_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "leitner.h"
#include "plan.h"
#include "progress.h"
#include "rewards.h"

#define STUDY_RECENT_ANSWERS 400   /* answers read back for domain accuracy */
#define STUDY_ESTIMATE_ANSWERS 1500 /* answers behind the pass estimate */

typedef struct StudyToday {
    int due;              /* items due now */
    int due_tomorrow;     /* items falling due by the end of tomorrow */
    RewardsStreak streak;
    int drill_answers;    /* drill answers today */
    int goal;             /* daily goal (drill answers) */
    int xp;
    int level;
    int level_into;       /* xp into the current level */
    int level_span;       /* xp the current level needs */
    int answers_total;    /* answers ever: 0 means a newcomer */
    int new_today;        /* new items introduced today */
} StudyToday;

/* Loads item states and recent answers from the store. Returns false (with a
 * status message) when out of memory; a failing store leaves empty progress. */
bool study_setup(App *app);
/* Frees what study_setup allocated. */
void study_shutdown(App *app);
/* Re-reads states and accuracy from the store (after a reset). */
void study_reload(App *app);

/* The moment items count as due: the end of today, local time. An item
 * that falls due at 21:00 is already today's work at 08:00, so a learner
 * who studies at a different hour each day sees the same items. */
int64_t study_due_horizon(const App *app);
/* Local day number of Unix time t (the user's time zone). */
int study_day(const App *app, int64_t t);

/* Records an answer whose Leitner move was already applied to
 * app->states[item] (by a drill session): writes it to the store in one
 * transaction with `xp` added to the profile, and feeds the domain accuracy.
 * Returns true when it is on disk; on failure it restores the item's
 * previous state `before` and shows the store's message. */
bool study_save(App *app, StudyMode mode, int item, uint32_t answer, bool correct, int ms,
                const ItemState *before, int xp);
/* Applies the Leitner move for an answer outside a drill session (arcade)
 * and saves it like study_save. Returns the move (item -1 if not saved). */
LeitnerMove study_answer(App *app, StudyMode mode, int item, uint32_t answer, bool correct,
                         int ms, int xp);
/* Adds XP outside an answer (a finished session); false when not saved. */
bool study_add_xp(App *app, int xp);
/* Fills today's numbers. */
void study_today(App *app, StudyToday *out);
/* Estimates the probability of passing a mock exam today from the last
 * STUDY_ESTIMATE_ANSWERS answers with the box each item was in, and the
 * item boxes now (plan_pass_probability over `simulations` forms; 0 = the
 * core's default). Seeded by the day, so the results screen and Stats show
 * the same figure all day. Sets *evidence (may be NULL) to the answers the
 * learner model used. Returns false when there is no answer yet. */
bool study_pass_estimate(App *app, int simulations, PlanPassEstimate *out, int *evidence);
/* Per-domain recent accuracy (EWMA), parallel to bank->domains. */
const double *study_accuracy(const App *app);

#endif
