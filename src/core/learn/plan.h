/* Study advice: the weakest domain and task statements, a daily plan
 * (minutes per domain until the exam, new items a day) and the readiness
 * checklist. It reads results and histories; it stores nothing and draws
 * nothing. The pass estimate lives in estimate.h and project.h. */
#ifndef CLOUDPREP_PLAN_H
#define CLOUDPREP_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "bank.h"
#include "progress.h"
#include "rng.h"
#include "scoring.h"

#define PLAN_DEFAULT_DAYS 28          /* days to plan for without an exam date */
#define PLAN_DEFAULT_MINUTES 30       /* study minutes per day */
#define PLAN_MIN_DOMAIN_MINUTES 5     /* each domain gets at least this much (when it is at most half the day) */
#define PLAN_SECONDS_PER_ITEM 30      /* a drill item takes about this long */
#define PLAN_READY_RUN 5              /* ready: this many mocks in a row at the ready score */
#define PLAN_LAG_POINTS 0.10          /* a domain lags when > 10 points below overall */

#define PLAN_PRIOR 0.5                /* domain accuracy assumed without answers */

typedef struct PlanOptions {
    int daily_minutes;   /* 0 = 30 */
    int64_t exam_date;   /* Unix seconds; 0 = plan PLAN_DEFAULT_DAYS days */
    int64_t started_at;  /* the learner's first answer (0 = now): where meeting
                            the bank by three quarters of the way starts */
} PlanOptions;

typedef struct StudyPlan {
    int days_left;                        /* whole days to the exam (rounded up, >= 1) */
    int daily_minutes;
    int domain_count;
    int minutes[SCORING_MAX_DOMAINS];     /* per day, per domain; sums to daily_minutes */
    double weakness[SCORING_MAX_DOMAINS]; /* 1 - accuracy used */
    int unseen;                           /* items never answered */
    int items_per_day;                    /* drill items the daily minutes allow */
    int new_per_day;                      /* suggested new items per day */
    bool covers_bank;                     /* new_per_day introduces every unseen item in time */
} StudyPlan;

typedef struct PlanReadiness {
    int ready_score;                      /* 750 for CLF-C02, see plan_ready_score */
    int recent_mocks;                     /* mocks considered: the last five at most */
    int recent_ready;                     /* of which scored >= ready_score */
    bool ready;                           /* 5 of the last 5 */
    double overall;                       /* accuracy over the history */
    int domain_count;
    double domain[SCORING_MAX_DOMAINS];   /* per-domain accuracy; -1 with no answers */
    bool lagging[SCORING_MAX_DOMAINS];    /* > 10 points below overall */
    int lagging_count;
} PlanReadiness;

/* A pass probability with its likely range (estimate.h, project.h). */
typedef struct PlanPassEstimate {
    double probability;  /* chance to pass */
    double mean_scaled;  /* expected scaled score */
    int simulations;     /* exam forms scored (times draws, for a projection) */
    /* How sure it is: the 10th and 90th percentiles over the memory fit's
     * points (or a projection's draws), widened by the model's own error.
     * Little evidence gives a wide range. */
    double low, high;
    int range_draws;     /* fit points or draws behind the range */
} PlanPassEstimate;

/* Returns the score to aim for: pass + (max - pass) / 6, rounded (750 for a
 * 100-1000 scale passing at 700, the usual "aim for 750" advice). */
int plan_ready_score(const Bank *bank);

/* Returns the domain with the lowest raw fraction among domains with any
 * items in `r` (ties to the heavier domain, then the lower index), or -1
 * when no domain has any. */
int plan_weakest_domain(const Bank *bank, const ScoreResult *r);

/* Writes up to `max` task indices, weakest first (lowest fraction; ties to
 * more wrong answers, then the heavier domain, then the lower index), among
 * tasks with any items in `r`, a form result or a history. Returns how many. */
int plan_weakest_tasks(const Bank *bank, const ScoreResult *r, int *out, int max);

/* Drill items `minutes` of study hold at PLAN_SECONDS_PER_ITEM each (the
 * day's answer goal and session size follow from it); 0 or less: none. */
int plan_items_per_day(int minutes);

/* Builds the daily plan. Minutes per domain are proportional to weight x
 * (1 + weakness), weakness = 1 - accuracy[d] (accuracy may be NULL: 0.5),
 * with at least PLAN_MIN_DOMAIN_MINUTES each, or daily_minutes / (2 x
 * domains) when those would take more than half the day, summing to
 * daily_minutes (largest remainder). Items per day = daily minutes at
 * PLAN_SECONDS_PER_ITEM each (a drill session size). New items per day =
 * with an exam date, leitner_cover_quota over the unseen items (box 0; all
 * items when states is NULL) from started_at, the rule the exam-aware drill
 * follows; without one, the unseen items over the first three quarters of
 * PLAN_DEFAULT_DAYS, rounded up; no more than the daily items either way.
 * covers_bank says whether that reaches every unseen item in time. Returns
 * false when the bank does not fit. */
bool plan_build(const Bank *bank, const ItemState *states, const double *accuracy, int64_t now,
                const PlanOptions *opt, StudyPlan *out);

/* Readiness from mock scaled scores (oldest first) and a history result
 * (scoring_score_answers; may be NULL for "no answers yet"). Returns false
 * when the bank does not fit. */
bool plan_readiness(const Bank *bank, const int *mock_scores, int mock_count,
                    const ScoreResult *history, PlanReadiness *out);

#endif
