/* Exam forms: the mock exam (65 items, 50 scored, 15 unscored pretest
 * items) and the 10-item diagnostic, drawn from a bank's questions by domain
 * weight. It chooses and orders items; the exam screen runs the form, the
 * store saves it and scoring scores it. */
#ifndef CLOUDPREP_EXAMFORM_H
#define CLOUDPREP_EXAMFORM_H

#include <stdbool.h>
#include <stdint.h>

#include "bank.h"
#include "progress.h"
#include "rng.h"
#include "scoring.h"

typedef struct ExamFormOptions {
    const int *recent;   /* item indices used in the user's recent forms: avoided */
    int recent_count;    /* until a domain's fresh pool runs out (may be 0) */
    bool esl;            /* mock only: add bank->esl_extra_minutes */
} ExamFormOptions;

/* What the builder did, per domain: for the "not enough items" message. */
typedef struct ExamFormReport {
    int domain_count;
    int available[SCORING_MAX_DOMAINS]; /* questions in the bank */
    int wanted[SCORING_MAX_DOMAINS];    /* items the weights ask for (scored + unscored) */
    int got[SCORING_MAX_DOMAINS];       /* items taken */
    int scored[SCORING_MAX_DOMAINS];    /* of which scored */
    int multi[SCORING_MAX_DOMAINS];     /* of which multiple response */
    int short_domains;                  /* domains with fewer items than wanted; others filled in */
    int reused;                         /* recent items taken because the fresh pool ran out */
    bool incomplete;                    /* the bank has fewer questions than the form needs */
} ExamFormReport;

/* Writes the per-domain counts the weights give for `scored` scored and
 * `unscored` unscored items (largest remainder, ties to the heavier domain),
 * ignoring what the bank holds: 12/15/17/6 and 4/4/5/2 for CLF-C02. Either
 * output may be NULL. Returns false when the bank does not fit. */
bool examform_domain_counts(const Bank *bank, int scored, int unscored, int *scored_out,
                            int *unscored_out);

/* Returns the time allowed in seconds: exam_minutes * 60 (+ esl_extra_minutes
 * * 60 when `esl`) for MODE_MOCK, 0 (untimed) for the diagnostic. */
int examform_seconds_total(const Bank *bank, StudyMode mode, bool esl);

/* Builds a mock exam: bank->exam_items questions, bank->exam_scored of them
 * scored, both apportioned to domains by weight; a domain with too few
 * questions gives what it has and the others fill in (see `report`). Within a
 * domain the multiple-response count is the domain's share rounded (moved by
 * at most one if that avoids reusing a recent item), items from `opt->recent`
 * are used only when the fresh pool runs out, which items are unscored is
 * random, and item order and each item's option order are shuffled. No item
 * appears twice. On success *out owns a malloc'd item array (free with
 * exam_form_free) and the form may hold fewer items than asked only when the
 * bank has fewer questions (report->incomplete). `opt` and `report` may be
 * NULL. Returns false, with *out zeroed, when the bank has no questions, does
 * not fit, or memory runs out. */
bool examform_build_mock(const Bank *bank, const ExamFormOptions *opt, int64_t now, Rng *rng,
                         ExamForm *out, ExamFormReport *report);

/* Builds the diagnostic: bank->diagnostic_items questions, all scored,
 * apportioned the same way (2/3/4/1 for CLF-C02), untimed. Same ownership
 * and failure rules as examform_build_mock. */
bool examform_build_diagnostic(const Bank *bank, const ExamFormOptions *opt, int64_t now, Rng *rng,
                               ExamForm *out, ExamFormReport *report);

/* Returns the time the real exam allows a question, in whole seconds:
 * exam_minutes * 60 / exam_items (83 for CLF-C02), 0 for a bank without
 * an exam. The pace a retake is timed at and results compare against. */
int examform_seconds_per_item(const Bank *bank);

/* Builds a retake: the `count` questions `items` (bank indices, asked in
 * that order, each with its options shuffled), all scored, timed at
 * examform_seconds_per_item each; mode MODE_RETAKE. The caller chooses the
 * items (exam_review_pick). On success *out owns its items (free with
 * exam_form_free). Returns false, with *out zeroed, when `count` is not
 * positive, an index is outside the bank or names an item without options
 * (a flashcard), or memory runs out. */
bool examform_build_retake(const Bank *bank, const int *items, int count, int64_t now, Rng *rng, ExamForm *out);

#endif
