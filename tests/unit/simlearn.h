/* Simulated learners who forget, for the scheduler's tests and the learning
 * benchmark. Each learner's memory follows FSRS-6 with the published
 * default parameters, varied per learner; the first showing of an item is a
 * guess followed by reading the explanation (an exposure). A run drives the
 * real scheduler and session code (leitner_session_*), or one of the
 * baselines kept here for comparison, day by day within a budget of
 * showings, and reports the learner's true recall and pass probability on
 * exam day. */
#ifndef CLOUDPREP_SIMLEARN_H
#define CLOUDPREP_SIMLEARN_H

#include <stdbool.h>
#include <stdint.h>

#include "bank.h"
#include "memory.h"
#include "progress.h"

#define SIM_SECONDS_PER_SHOWING 30
#define SIM_START ((int64_t)1800000000 - (int64_t)1800000000 % SECONDS_PER_DAY) /* a midnight */
#define SIM_STUDY_HOUR (19 * 3600)   /* studying after work */

typedef enum SimPopulation { SIM_POP_A, SIM_POP_B, SIM_POP_COUNT } SimPopulation;

typedef enum SimPolicy {
    SIM_CLOUDPREP,      /* the shipped scheduler (LEITNER_POLICY_EXAM) */
    SIM_LEITNER_V1,     /* the first scheduler: classic, quota items_per_day / boxes */
    SIM_LEITNER_COVER,  /* classic Leitner meeting the bank by 3/4 of the days */
    SIM_SM2,            /* SM-2 with a fixed new-item quota */
    SIM_FSRS90,         /* FSRS at desired retention 0.9, coverage quota */
    SIM_POLICY_COUNT
} SimPolicy;

const char *sim_policy_name(SimPolicy p);

typedef struct SimLearner {
    double w[MEMORY_PARAMS];   /* this learner's true parameters (w[20] = decay) */
    uint64_t seed;
    int item_count;
    double *stability;         /* true memory per item; 0 = never shown */
    double *difficulty;
    double *last;              /* days since SIM_START of the last showing */
    int *shows;
} SimLearner;

/* Draws a learner of `pop` from `seed` (the same seed gives the same
 * learner, so policies meet common learners). Returns false on no memory. */
bool sim_learner_init(SimLearner *l, const Bank *bank, SimPopulation pop, uint64_t seed);
void sim_learner_free(SimLearner *l);
/* Forgets everything (same learner, same random stream). */
void sim_learner_reset(SimLearner *l);

/* The learner answers `item` at `t` days: true means right. Updates the
 * true memory. */
bool sim_learner_answer(SimLearner *l, const Bank *bank, int item, double t);

/* True chance of a right answer to each item at `t` days (guessing where
 * recall fails); out has bank->item_count entries. Returns the mean true
 * recall over the whole bank (0 for items never shown). */
double sim_learner_chances(const SimLearner *l, const Bank *bank, double t, double *out);

typedef struct SimConfig {
    SimPolicy policy;
    int budget;          /* showings a day */
    int days;            /* exam at the end of the last day */
    int new_quota;       /* SM-2's new items a day */
} SimConfig;

/* Called at the end of each simulated day (1-based) with the scheduler's
 * view (states, fit; NULL for baselines without one). */
typedef void (*SimDayFn)(void *ctx, int day, const ItemState *states, const MemoryFit *fit,
                         const SimLearner *l);

/* Runs one learner (reset first) through cfg->days days. Returns false on
 * no memory. */
bool sim_run(const Bank *bank, SimLearner *l, const SimConfig *cfg, SimDayFn on_day, void *ctx);

/* Exam time of a run: the end of its last day, in Unix seconds and days. */
int64_t sim_exam_time(const SimConfig *cfg);

#endif
