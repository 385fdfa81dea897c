/* What a finished exam says about each of its questions: right, wrong,
 * flagged or unscored, the time spent on it against the pace the exam
 * allows, and what to practise next (a retake of the wrong or flagged
 * questions, a drill of the misses or of one domain). Plain rules over an
 * ExamForm; the exam session runs the retake and the screens show it. */
#ifndef CLOUDPREP_EXAMREVIEW_H
#define CLOUDPREP_EXAMREVIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "bank.h"
#include "progress.h"

/* A domain with fewer scored questions than this on one exam gets no
 * "meets" or "needs improvement" verdict: one or two items are luck. */
#define EXAM_REVIEW_MIN_VERDICT_ITEMS 5
/* A drill of one domain asks at most this many items. */
#define EXAM_REVIEW_DOMAIN_DRILL 20

/* The question list's filters. WRONG is every question not answered right
 * (unanswered ones included: they cost the same). */
typedef enum ExamReviewFilter {
    EXAM_REVIEW_ALL,
    EXAM_REVIEW_RIGHT,
    EXAM_REVIEW_WRONG,
    EXAM_REVIEW_FLAGGED,
    EXAM_REVIEW_UNSCORED,
    EXAM_REVIEW_FILTERS
} ExamReviewFilter;

/* Which questions a retake asks again. */
typedef enum RetakeKind { RETAKE_WRONG, RETAKE_FLAGGED, RETAKE_WRONG_FLAGGED } RetakeKind;

/* Returns true when position `fi` was answered right. */
bool exam_review_right(const Bank *bank, const FormItem *fi);
/* Returns the whole seconds spent on the position over all visits, rounded
 * as the store keeps them (exam_items.seconds). */
int exam_review_seconds(const FormItem *fi);
/* Returns true when position `fi` passes `filter` and is in `domain`
 * (-1: any domain). */
bool exam_review_matches(const Bank *bank, const FormItem *fi, ExamReviewFilter filter, int domain);
/* Returns how many positions of `form` pass `filter` in `domain` (-1: any). */
int exam_review_count(const Bank *bank, const ExamForm *form, ExamReviewFilter filter, int domain);

/* Writes to items[] (room for form->count) the bank indices a retake of
 * `kind` asks, in form order: the questions not answered right, the
 * flagged ones, or both (each once). Returns how many. */
int exam_review_pick(const Bank *bank, const ExamForm *form, RetakeKind kind, int *items);

/* Writes to items[] (room for `max`) the items a drill of `domain` asks:
 * this exam's questions in the domain not answered right first (*missed
 * says how many of them lead the list; it may be NULL), then the domain's
 * other items due by `due_by`, then the rest of the domain from the lowest
 * box (unseen first) up; ties in bank order. `form` may be NULL. Returns
 * how many (0 for a domain outside the bank). */
int exam_review_domain_items(const Bank *bank, const ExamForm *form, const ItemState *states, int domain,
                             int64_t due_by, int max, int *items, int *missed);

/* Time per question against the pace the exam allows. */
typedef struct ExamPacing {
    int target;          /* seconds a question the real exam allows (examform_seconds_per_item) */
    int positions;       /* questions on the form */
    int total;           /* seconds on all of them (each rounded as stored) */
    int average;         /* total / positions, rounded; 0 for an empty form */
    int over;            /* questions that took longer than `target` */
    int slowest;         /* the position that took longest, -1 when none took any time */
    int slowest_seconds;
} ExamPacing;

/* Fills *out for `form`. */
void exam_review_pacing(const Bank *bank, const ExamForm *form, ExamPacing *out);

#endif
