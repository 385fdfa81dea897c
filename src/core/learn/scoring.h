/* Scoring, shared by every mode: whether an answer is right, the raw
 * fraction, the scaled score (piecewise linear through (0, min),
 * (pass_fraction, pass), (1, max)), the likely range and the domain report.
 * It only counts; choosing items (examform) and advice (plan) live elsewhere. */
#ifndef CLOUDPREP_SCORING_H
#define CLOUDPREP_SCORING_H

#include <stdbool.h>

#include "bank.h"
#include "progress.h"

/* Limits of the fixed-size result tables. Every core rule refuses (returns
 * false) a bank with more domains or tasks; CLF-C02 has 4 and 19. */
#define SCORING_MAX_DOMAINS 16
#define SCORING_MAX_TASKS 128

typedef struct ScoreTally {
    int right;
    int total;
} ScoreTally;

typedef struct ScoreResult {
    int scored;          /* scored items (answers, for a history) */
    int right;           /* of which right */
    int answered;        /* of which given any answer */
    double raw;          /* right / scored; 0 when nothing was scored */
    int scaled;          /* bank->scale_min .. scale_max */
    bool pass;           /* scaled >= bank->scale_pass */
    int low, high;       /* likely range: raw +- one standard error, scaled */
    int domain_count;
    ScoreTally domains[SCORING_MAX_DOMAINS];
    bool meets[SCORING_MAX_DOMAINS];   /* "Meets competencies": domain raw >= pass_fraction */
    int task_count;
    ScoreTally tasks[SCORING_MAX_TASKS];
    int unscored;        /* pretest items on a form: reported, never counted */
    int unscored_right;
} ScoreResult;

/* True when the bank's domain and task counts fit the result tables. */
bool scoring_bank_fits(const Bank *bank);

/* Returns true iff `answer` (bank-order option mask) is exactly the item's
 * set of right options; 0 (unanswered) is always wrong. For a flashcard, bit
 * 0 means "knew it", so the answer is right iff it is 1. */
bool scoring_item_correct(const BankItem *item, uint32_t answer);

/* Returns right / total, or 0 when total is 0. */
double scoring_fraction(const ScoreTally *tally);

/* Returns the scaled score for raw fraction p (clamped to [0, 1]), rounded to
 * the nearest integer: p <= c: min + (pass - min) * p / c, else
 * pass + (max - pass) * (p - c) / (1 - c), c = bank->pass_fraction. */
int scoring_scaled(const Bank *bank, double p);

/* Whether `right` of `n` scored items pass: right/n >= the bank's pass
 * fraction, decided on the exact fraction (the scaled score is rounded). */
bool scoring_passes(const Bank *bank, int right, int n);
/* Returns the fewest right answers out of n that pass (scoring_passes;
 * n + 1 when even n right would not pass; 0 when n <= 0). */
int scoring_pass_right(const Bank *bank, int n);

/* Writes the likely range for `right` out of `n`: p +- sqrt(p(1-p)/n),
 * clamped to [0, 1], mapped through scoring_scaled. n <= 0 gives min..max. */
void scoring_likely_range(const Bank *bank, int right, int n, int *low, int *high);

/* Scores a finished (or abandoned) exam form: scored items only count, an
 * unanswered item is wrong, per-domain and per-task tallies, the domain
 * report. Returns false (and zeroes *out) when the bank does not fit the
 * tables or the form names an item outside the bank. */
bool scoring_score_form(const Bank *bank, const ExamForm *form, ScoreResult *out);

/* Scores a history of answers (any mode), each answer counting as one scored
 * item and using Answer.correct. For domain accuracy, weakest tasks and
 * readiness. Answers naming items outside the bank are skipped. Returns false
 * (and zeroes *out) when the bank does not fit the tables. */
bool scoring_score_answers(const Bank *bank, const Answer *answers, int n, ScoreResult *out);

#endif
