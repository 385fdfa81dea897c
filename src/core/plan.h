/* Study advice: the weakest domain and task statements, a daily plan
 * (minutes per domain until the exam), the readiness checklist, and the
 * estimated probability of passing today (Monte-Carlo over mock forms).
 * It reads results and histories; it stores nothing and draws nothing. */
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
#define PLAN_MIN_DOMAIN_MINUTES 5     /* each domain gets at least this much (when it fits) */
#define PLAN_MAX_NEW_PER_DAY 50       /* suggested new items per day are capped here */
#define PLAN_SECONDS_PER_ITEM 30      /* a drill item takes about this long */
#define PLAN_READY_RUN 5              /* ready: this many mocks in a row at the ready score */
#define PLAN_LAG_POINTS 0.10          /* a domain lags when > 10 points below overall */
#define PLAN_DEFAULT_SIMULATIONS 2000
#define PLAN_RANGE_DRAWS 40
#define PLAN_RANGE_FORMS 25

/* The learner estimate used for the pass probability, from question
 * answers only (flashcards are self-graded), each tagged with the box the
 * item was in when answered:
 *  1. a logistic fit  logit p = a_d + slope * box  over all answers (one
 *     intercept per domain, one slope; a weak prior of precision
 *     PLAN_FIT_PRIOR keeps it finite with little or one-sided data, centred
 *     on PLAN_PRIOR and a flat slope);
 *  2. each (domain, box) cell's own accuracy shrunk toward that fit:
 *     p_d,b = (right_d,b + PLAN_BOX_STRENGTH * fit_d,b) / (answers_d,b + PLAN_BOX_STRENGTH),
 *     so well-answered cells speak for themselves and sparse ones (often
 *     the top boxes) borrow the trend instead of falling to the average.
 * An exam item is answered right with p_d,b for its domain and current box
 * (box 0, never seen, is what first answers showed). Without boxes, every
 * cell is p_d = (right_d + PLAN_DOMAIN_STRENGTH * PLAN_PRIOR) /
 * (answers_d + PLAN_DOMAIN_STRENGTH). */
#define PLAN_PRIOR 0.5
#define PLAN_FIT_PRIOR 0.5
#define PLAN_DOMAIN_STRENGTH 10.0
#define PLAN_BOX_STRENGTH 10.0

typedef struct PlanOptions {
    int daily_minutes;   /* 0 = 30 */
    int64_t exam_date;   /* Unix seconds; 0 = plan PLAN_DEFAULT_DAYS days */
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

typedef struct PlanLearner {
    int domain_count;
    int boxes;                                             /* bank->leitner_boxes */
    double domain[SCORING_MAX_DOMAINS];                    /* p_d */
    double p[SCORING_MAX_DOMAINS][BANK_MAX_BOXES + 1];     /* p_d,b, b = 0..boxes */
    double slope;                                          /* fitted logit change per box */
    double fit[SCORING_MAX_DOMAINS][BANK_MAX_BOXES + 1];   /* the fit each cell shrinks to */
    int right[SCORING_MAX_DOMAINS][BANK_MAX_BOXES + 1];    /* the evidence per cell */
    int total[SCORING_MAX_DOMAINS][BANK_MAX_BOXES + 1];
    int evidence;                                          /* question answers used */
} PlanLearner;

typedef struct PlanPassEstimate {
    double probability;  /* share of simulated exams passed */
    double std_error;    /* sqrt(p(1-p)/simulations): simulation noise only */
    double mean_scaled;  /* average simulated scaled score */
    int simulations;
    int passes;
    /* How sure the estimate is, given how much evidence there is: the 10th
     * and 90th percentiles of the pass probability over PLAN_RANGE_DRAWS
     * learners drawn from each cell's posterior Beta(right + K fit,
     * wrong + K (1 - fit)), each scored exactly (Poisson binomial) on
     * PLAN_RANGE_FORMS forms. Thin histories give wide ranges. */
    double low, high;
    int range_draws;
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

/* Builds the daily plan. Minutes per domain are proportional to weight x
 * (1 + weakness), weakness = 1 - accuracy[d] (accuracy may be NULL: 0.5),
 * with at least 5 minutes each when daily_minutes >= 5 x domains, summing to
 * daily_minutes (largest remainder). Items per day = daily minutes at
 * PLAN_SECONDS_PER_ITEM each (a drill session size). New items per day =
 * unseen items (box 0; all items when states is NULL) spread over the first
 * three quarters of the days left, rounded up, but no more than the daily
 * items can carry: each new item is shown about leitner_boxes times on its
 * way up the ladder, so at most items_per_day / leitner_boxes (and
 * PLAN_MAX_NEW_PER_DAY). covers_bank says whether that reaches every unseen
 * item in time. Returns false when the bank does not fit. */
bool plan_build(const Bank *bank, const ItemState *states, const double *accuracy, int64_t now,
                const PlanOptions *opt, StudyPlan *out);

/* Readiness from mock scaled scores (oldest first) and a history result
 * (scoring_score_answers; may be NULL for "no answers yet"). Returns false
 * when the bank does not fit. */
bool plan_readiness(const Bank *bank, const int *mock_scores, int mock_count,
                    const ScoreResult *history, PlanReadiness *out);

/* Estimates the learner from answers (any order) and, when box_before is not
 * NULL, the box each answered item was in at the time (parallel to answers;
 * the store's reviews.box_before). Returns false when the bank does not fit. */
bool plan_learner_estimate(const Bank *bank, const Answer *answers, const int *box_before, int n,
                           PlanLearner *out);

/* Returns the estimated probability that the learner answers `item` right,
 * given its current box (states may be NULL: box 0). */
double plan_item_probability(const Bank *bank, const PlanLearner *learner,
                             const ItemState *states, int item);

/* Estimates the probability of passing a mock exam today: `simulations`
 * forms (0 = PLAN_DEFAULT_SIMULATIONS) drawn with examform_build_mock, each
 * scored item answered right with plan_item_probability, scored with
 * scoring_scaled; then the likely range (see PlanPassEstimate). Returns
 * false (estimate zeroed) when a form cannot be built or memory runs out. */
bool plan_pass_probability(const Bank *bank, const ItemState *states, const PlanLearner *learner,
                           int simulations, Rng *rng, PlanPassEstimate *out);

#endif
