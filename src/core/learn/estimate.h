/* The pass estimate: the memory model's recall of every question at a
 * chosen time (the exam date), the learner's guessing where recall fails,
 * scored exactly over real exam forms: the probability that the scaled
 * score reaches the pass mark, with a likely range from how unsure the
 * model is of this learner. It reads states; it stores and draws nothing. */
#ifndef CLOUDPREP_ESTIMATE_H
#define CLOUDPREP_ESTIMATE_H

#include <stdbool.h>
#include <stdint.h>

#include "bank.h"
#include "memory.h"
#include "plan.h"
#include "progress.h"
#include "rng.h"

#define ESTIMATE_DEFAULT_FORMS 40
#define ESTIMATE_MIN_WEIGHT 1e-4   /* fit points lighter than this are skipped */
#define ESTIMATE_RANGE_LOW 0.10    /* the likely range: 10th ... */
#define ESTIMATE_RANGE_HIGH 0.90   /* ... to 90th percentile over the fit */
/* The model's own error, in logits, added in quadrature to the fit's spread
 * when the likely range is drawn: the model cannot see every way a learner
 * differs from it (how fast each memory grows, each item's difficulty). The
 * learning benchmark (make bench-learn) measured the value that lets the
 * 80% range hold the truth about 80% of the time on exam day. */
#define ESTIMATE_MODEL_ERROR 0.6

/* The chance the learner recalls an item at `at` under one fit point
 * (point < 0: the posterior means): the memory model's recall of what was
 * learned, but never below the learner's prior knowledge (fit->knowledge)
 * for an item never answered wrong: a never-met item is known as well as
 * the learner's first answers show they know the bank before studying. */
double estimate_item_recall(const ItemState *state, const MemoryFit *fit, int point, int64_t at);
/* Per-question chance of a right answer at `at` under one fit point
 * (point < 0: the posterior means): guess + (1 - guess) x recall
 * (estimate_item_recall). Writes bank->item_count values into out
 * (flashcards get their recall). */
void estimate_item_chances(const Bank *bank, const ItemState *states, const MemoryFit *fit, int point,
                           int64_t at, double *out);

/* Returns the probability of passing one form whose scored items are
 * answered right independently with chances[item] (exact Poisson binomial
 * over the scored items; pass as scoring_pass_right says). *mean_scaled,
 * when not NULL, gets the expected scaled score. */
double estimate_form_pass(const Bank *bank, const ExamForm *form, const double *chances, double *mean_scaled);

/* Estimates the probability of passing an exam taken at `at` if nothing
 * more were studied: `forms` mock forms (0 = ESTIMATE_DEFAULT_FORMS) drawn
 * with examform_build_mock, every fit point's pass probability averaged
 * over them, weighted by the fit (probability, mean_scaled), and the
 * weighted 10th-90th percentiles over the fit points as the likely range
 * (low, high). simulations = forms, range_draws = fit points used. Returns
 * false (estimate zeroed) when no form can be built or memory runs out. */
bool estimate_pass(const Bank *bank, const ItemState *states, const MemoryFit *fit, int64_t at, int forms,
                   Rng *rng, PlanPassEstimate *out);

/* Widens [low, high] around probability by ESTIMATE_MODEL_ERROR: in logits,
 * each side's distance d becomes sqrt(d^2 + error^2). */
void estimate_widen(PlanPassEstimate *e);

/* Mean recall (estimate_item_recall) over every item of the bank at `at`
 * under the fit's posterior means. */
double estimate_bank_recall(const Bank *bank, const ItemState *states, const MemoryFit *fit, int64_t at);

#endif
