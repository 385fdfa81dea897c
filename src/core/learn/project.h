/* Projection to exam day: the real scheduler run forward, day by day, with
 * the memory model standing in for the learner (answers drawn from the
 * recall it predicts under a fit point drawn from the learner's fit), at a
 * number of showings a day. It answers "if I keep studying N minutes a day,
 * when will I have met the whole bank, and what are my recall and chance to
 * pass on exam day?". It reads states and changes nothing. */
#ifndef CLOUDPREP_PROJECT_H
#define CLOUDPREP_PROJECT_H

#include <stdbool.h>
#include <stdint.h>

#include "bank.h"
#include "memory.h"
#include "plan.h"
#include "progress.h"
#include "rng.h"

#define PROJECT_DEFAULT_DRAWS 16
#define PROJECT_SECONDS_PER_SHOWING 30  /* one item, read and answered */
#define PROJECT_MAX_DAYS 400            /* longer runs are cut here */

typedef struct ProjectOptions {
    int64_t first_session;     /* time of the first future session (Unix seconds) */
    int64_t exam_date;         /* the exam (Unix seconds); sessions run before it */
    int64_t started_at;        /* the learner's first answer (coverage target); 0 = first_session */
    int showings_per_day;      /* 0: no more study */
    const double *accuracy;    /* domain accuracy for the scheduler's leaning; NULL: prior */
    int draws;                 /* 0 = PROJECT_DEFAULT_DRAWS */
    int forms;                 /* exam forms per draw; 0 = ESTIMATE_DEFAULT_FORMS */
} ProjectOptions;

typedef struct Projection {
    PlanPassEstimate pass;     /* probability (mean over draws), low/high (10th/90th percentiles) */
    double recall;             /* mean exam-day recall of the whole bank, mean over draws */
    double recall_low, recall_high;
    int unseen_now;            /* items never shown before the projection */
    int unseen_at_exam;        /* items still never shown on exam day (median draw) */
    int64_t all_met_at;        /* session that meets the last unseen item (median draw); 0 when
                                  nothing is unseen; -1 when the bank is not met by the exam */
} Projection;

/* Projects to the exam date as described above. `fit` is the learner's fit
 * (the scheduler uses its means; the imagined learner a drawn point).
 * With the exam at or before the first session nothing more is studied.
 * Returns false (projection zeroed) when there is no exam date, memory runs
 * out, or no exam form can be built. */
bool project_exam_day(const Bank *bank, const ItemState *states, const MemoryFit *fit,
                      const ProjectOptions *opt, Rng *rng, Projection *out);

#endif
