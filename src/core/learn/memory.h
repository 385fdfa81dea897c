/* The memory model: FSRS-6 stability and difficulty per item, the forgetting
 * curve, a per-learner fit of how fast this learner forgets, and recall
 * predictions at a future time (the exam). It knows nothing of boxes,
 * sessions or the store: the scheduler and the pass estimate build on it,
 * and the store only keeps its numbers. Time is always a parameter. */
#ifndef CLOUDPREP_MEMORY_H
#define CLOUDPREP_MEMORY_H

#include <stdbool.h>
#include <stdint.h>

#include "bank.h"
#include "progress.h"

#define MEMORY_PARAMS 21
/* FSRS-6's published default parameters w0..w20 (open-spaced-repetition);
 * w20 is the forgetting curve's decay. */
extern const double MEMORY_DEFAULT_W[MEMORY_PARAMS];

/* Grades as FSRS numbers them. cloudprep grades right as GOOD, wrong as AGAIN. */
enum { MEMORY_AGAIN = 1, MEMORY_HARD = 2, MEMORY_GOOD = 3, MEMORY_EASY = 4 };

/* The first showing of an item is an exposure, not a test of memory: a right
 * answer may be a guess, and the learner reads every option's explanation
 * either way. It starts the model as a failed first recall would. */
#define MEMORY_EXPOSURE_GRADE MEMORY_AGAIN
/* Answers closer together than this are same-day repeats (FSRS short-term). */
#define MEMORY_SHORT_TERM_SECONDS (12 * 3600)
#define MEMORY_MIN_STABILITY 0.001
#define MEMORY_MAX_STABILITY 36500.0

/* Recall probability after `days` for a memory of `stability` days with the
 * curve's `decay`: (1 + f t / S)^-decay, f chosen so that recall is 0.9 when
 * t = S. Returns 1 for t <= 0, 0 for stability <= 0 (nothing learned). */
double memory_recall(double days, double stability, double decay);

/* The initial stability and difficulty for a first grade (1..4). */
double memory_initial_stability(const double *w, int grade);
double memory_initial_difficulty(const double *w, int grade);

/* The FSRS-6 update of (stability, difficulty) for one review with `grade`
 * after `elapsed_days` (same-day reviews use the short-term rule). Returns
 * the new stability; *difficulty is updated in place. */
double memory_next_stability(const double *w, double stability, double *difficulty, int grade,
                             double elapsed_days);

/* Applies one answer at `now` to an item's memory (state->stability,
 * difficulty and last_at as they were before the answer): the first answer
 * is an exposure (MEMORY_EXPOSURE_GRADE); later ones are GOOD when right,
 * AGAIN when wrong. Does not touch box, due_at, seen or last_at. */
void memory_apply(ItemState *state, bool correct, int64_t now);

/* Replays answers (any order; sorted here by time, ties by position) into
 * fresh memory states for every item: what the model would hold had it seen
 * them as they happened. states[] (bank->item_count) gets stability,
 * difficulty and last_at; other fields are left alone. Returns false when
 * memory runs out. */
bool memory_replay(const Bank *bank, const Answer *answers, int n, ItemState *states);

/* The chance of a right answer without recall: one in the number of ways to
 * pick `choose` of the options; 0 for flashcards (self-graded). */
double memory_guess_rate(const BankItem *item);

/* How this learner forgets compared with the default model: a grid of
 * (stability scale, decay) pairs weighted by how well each explains the
 * learner's own answers (a posterior under a mild prior). With no evidence
 * the weights are the prior, so predictions carry the whole population's
 * spread. */
#define MEMORY_FIT_SCALES 9
#define MEMORY_FIT_DECAYS 8
#define MEMORY_FIT_POINTS (MEMORY_FIT_SCALES * MEMORY_FIT_DECAYS)
/* Likelihoods are tempered by this power: answers are not independent (one
 * learner, related items), so they count for less than their number. */
#define MEMORY_FIT_TEMPER 0.25

typedef struct MemoryFit {
    double scale[MEMORY_FIT_POINTS];   /* multiplies the model's stability */
    double decay[MEMORY_FIT_POINTS];   /* the curve's decay */
    double weight[MEMORY_FIT_POINTS];  /* posterior weights, summing to 1 */
    double logw[MEMORY_FIT_POINTS];    /* log prior + tempered log likelihood so far */
    int evidence;                      /* answers that informed it */
    double mean_scale, mean_decay;     /* posterior means, for one-number uses */
    /* What the learner knew before studying, from first answers to items
     * (in any mode, before any explanation): a test of prior knowledge. */
    int first_answers;
    double first_right;                /* of them right */
    double first_guess;                /* their summed guess rates */
    double first_guess_var;            /* their summed g x (1 - g) */
    double knowledge;                  /* share of never-met items known (memory_fit_update) */
} MemoryFit;

/* The prior alone: no evidence. */
void memory_fit_prior(MemoryFit *fit);

/* Adds one answer to the fit's evidence: `before` is the item's state just
 * before the answer. An answer to an item never answered before is counted
 * as a test of prior knowledge; repeats within MEMORY_SHORT_TERM_SECONDS
 * say nothing about forgetting and are ignored. Weights, means and
 * knowledge change only at memory_fit_update. */
void memory_fit_observe(MemoryFit *fit, const BankItem *item, const ItemState *before, bool correct,
                        int64_t at);

/* Recomputes the weights and means from the evidence observed so far, and
 * the knowledge: first answers right beyond guessing, less one standard
 * deviation of guessing's own spread (so luck alone rarely counts), over
 * what guessing leaves: (right - guess - sd) / (answers - guess), 0..1. A
 * learner who knew nothing scores about 0; one who scored 72% on a first
 * mock about 0.56. */
void memory_fit_update(MemoryFit *fit);

/* Fits from answers (any order): each answer to an item seen at least
 * MEMORY_SHORT_TERM_SECONDS earlier is a test of the prediction, right with
 * probability guess + (1 - guess) x recall. Returns false when memory runs
 * out (the fit is then the prior). */
bool memory_fit_answers(const Bank *bank, const Answer *answers, int n, MemoryFit *fit);

/* Recall of one item at time `at` under one grid point of the fit (or, with
 * point < 0, the posterior means). 0 for an item never seen. */
double memory_item_recall(const ItemState *state, const MemoryFit *fit, int point, int64_t at);

#endif
