/* The Leitner scheduler: box moves, due dates (capped by the exam date),
 * domain accuracy, and the daily drill session queue (due items by priority,
 * then new items by domain weighting, wrong items coming back). It changes
 * ItemStates in memory; saving them is the store's job. */
#ifndef CLOUDPREP_LEITNER_H
#define CLOUDPREP_LEITNER_H

#include <stdbool.h>
#include <stdint.h>

#include "bank.h"
#include "memory.h"
#include "progress.h"
#include "rng.h"

#define LEITNER_DEFAULT_SIZE 20       /* items in a session */
#define LEITNER_DEFAULT_NEW_QUOTA 15  /* new (box 0) items per day */
/* Domain accuracy is an exponentially weighted moving average over the
 * domain's answers, oldest first: acc <- (1 - ALPHA) * acc + ALPHA * right,
 * starting from PRIOR. With alpha 0.2 the last ~10 answers carry ~90% of the
 * weight; a domain with no answers stays at the prior 0.5 (weakness 0.5). */
#define LEITNER_ALPHA 0.2
#define LEITNER_PRIOR 0.5
#define LEITNER_REQUEUE_GAP 3         /* a wrong item returns after >= 3 other items */
#define LEITNER_MAX_REPEATS 2         /* ... at most twice per session */

/* Item kinds as bits: (1u << ITEM_QUESTION) | (1u << ITEM_FLASHCARD). */
#define LEITNER_KIND_QUESTIONS (1u << ITEM_QUESTION)
#define LEITNER_KIND_FLASHCARDS (1u << ITEM_FLASHCARD)

/* How a session chooses its items. */
typedef enum LeitnerPolicy {
    /* With an exam date ahead: every item (new or seen) ranked by the gain
     * in exam-day recall that showing it now is expected to bring (memory
     * model), x its domain's pull, with a floor of new items that meets the
     * whole bank by three quarters of the days left. Without an exam date:
     * as LEITNER_POLICY_CLASSIC. */
    LEITNER_POLICY_EXAM = 0,
    /* Due items by box, then new items up to the quota (the first
     * scheduler; kept for the learning benchmark). */
    LEITNER_POLICY_CLASSIC,
} LeitnerPolicy;

/* An exam-aware session keeps one item in LEITNER_PROBE_SHARE for the seen
 * items of highest gain, so that the model meets the learner's forgetting
 * early (without reviews it cannot tell a steep forgetter from a slow one);
 * one in LEITNER_PROBE_MIN_SHARE when new items need the room. */
#define LEITNER_PROBE_SHARE 5
#define LEITNER_PROBE_MIN_SHARE 10
#define LEITNER_RESERVED 1e6   /* priority lift of reserved items */

/* New items must be met by this share of the days left (three quarters). */
#define LEITNER_COVER_NUM 3
#define LEITNER_COVER_DEN 4

/* Zero-initialised options mean the defaults. */
typedef struct LeitnerOptions {
    LeitnerPolicy policy;
    const MemoryFit *fit; /* how this learner forgets; NULL = the default model */
    int64_t started_at;   /* the learner's first answer (coverage target); 0 = now */
    int size;            /* items in the session; 0 = 20 */
    int new_quota;       /* new items per day; 0 = 15, negative = none (with an exam
                            date under LEITNER_POLICY_EXAM the coverage rule decides) */
    int new_today;       /* new items already introduced today */
    int64_t exam_date;   /* Unix seconds; 0 = no exam date */
    unsigned kinds;      /* LEITNER_KIND_* bits; 0 = questions and flashcards */
    int64_t due_by;      /* items due up to this time count as due; 0 = now. Pass the
                            end of the user's local day: an item answered at 09:05
                            with a one-day interval is then due in tomorrow's 09:00
                            session instead of slipping to the day after. */
    bool new_only;       /* only new items (a "learn more" session): nothing due is
                            picked and the exam-day ranking is not used */
    const bool *urgent;  /* parallel to bank->items, may be NULL: items to show first
                            whatever else the session holds (confident errors: answers
                            the learner was sure of and got wrong, remembered best when
                            corrected soon) */
} LeitnerOptions;

/* What one answer did to an item. */
typedef struct LeitnerMove {
    int item;            /* -1 when there was nothing to record */
    int box_before;
    int box_after;
    int64_t due_at;      /* the item's new due time */
    bool repeat;         /* the item was a same-session repeat */
    bool requeued;       /* it will come back later in this session */
} LeitnerMove;

typedef struct LeitnerEntry {
    int item;
    int repeat;          /* 0 = first showing, 1.. = comes back after a wrong answer */
} LeitnerEntry;

/* A drill session: a queue over the bank, recording into the caller's
 * ItemState array (not owned). Start with leitner_session_start, free with
 * leitner_session_end. */
typedef struct LeitnerSession {
    const Bank *bank;
    ItemState *states;
    int64_t exam_date;
    bool exam_aware;      /* chosen by LEITNER_POLICY_EXAM with an exam date ahead */
    bool classic;         /* LEITNER_POLICY_CLASSIC: ladder due dates (leitner_apply) */
    const MemoryFit *fit; /* not owned; NULL = the default model */
    LeitnerEntry *queue;  /* owned */
    int count;
    int capacity;
    int head;             /* next entry to show */
    LeitnerEntry current; /* on screen; current.item == -1 when none */
    int due_items;        /* chosen at start: due reviews ... */
    int new_items;        /* ... and new items */
    int answered;
    int right;
} LeitnerSession;

/* Returns the interval in days for an item entering `box` (1..leitner_boxes;
 * clamped): bank->leitner_days[box - 1], and with an exam date still ahead at
 * most half the whole days left (floor), never less than 1. Once the exam
 * date has passed, the plain ladder applies again. */
int leitner_interval_days(const Bank *bank, int box, int64_t now, int64_t exam_date);

/* The first scheduler's rule (LEITNER_POLICY_CLASSIC), kept for the
 * learning benchmark and its tests: right moves an item up one box (at most
 * the top box), wrong sends it to box 1; due_at = now + interval(box) days
 * (leitner_interval_days, capped by the exam date); the memory model, seen,
 * right/wrong and last_at are updated. Returns the move. */
LeitnerMove leitner_apply(const Bank *bank, ItemState *state, bool correct, int64_t now,
                          int64_t exam_date);

/* Intervals longer than this are cut (a hundred years). */
#define LEITNER_MAX_INTERVAL_DAYS 36500

/* Days until the memory model's recall of an item falls to 90% (desired
 * retention 0.9): its stability x the fit's scale, rounded, at least 1. */
int leitner_model_interval_days(const ItemState *state, const MemoryFit *fit);

/* The game's rule for one answer: the same box move and counts as
 * leitner_apply, the memory model updated, and the item due again when the
 * model's recall of it falls to 90% (leitner_model_interval_days), so that
 * without an exam date the drill is a spaced-repetition scheduler at
 * retention 0.9 while the learner still sees boxes. With an exam date the
 * due time is only shown; sessions choose by gain. `fit` may be NULL.
 * Returns the move (item -1: the caller knows the item). */
LeitnerMove leitner_record(const Bank *bank, ItemState *state, bool correct, int64_t now, const MemoryFit *fit);

/* Fills out[0 .. domain_count-1] (caller-owned) with each domain's recent
 * accuracy, the EWMA described above over `answers` taken in order of
 * Answer.at (stable for equal times). Answers naming unknown items are
 * skipped. Returns false when the bank has no domains or too many. */
bool leitner_domain_accuracy(const Bank *bank, const Answer *answers, int n, double *out);

/* Returns how many items are due: box >= 1 and due_at <= now (pass the end
 * of the local day for "due today"). */
int leitner_due_count(const Bank *bank, const ItemState *states, int64_t now);

/* Fills out[0 .. days-1]: out[0] = items due now (due_at <= now, overdue
 * included), out[k] = items falling due in (now + (k-1) days, now + k days].
 * Items due later are not counted. */
void leitner_forecast(const Bank *bank, const ItemState *states, int64_t now, int days, int *out);

/* Fills out[0 .. leitner_boxes] with how many items sit in each box (0 = unseen). */
void leitner_box_counts(const Bank *bank, const ItemState *states, int *out);

/* Returns the expected gain in recall at `exam_date` from showing item
 * `item` at `now` under the memory model and `fit` (NULL = default model):
 * for an unseen item the recall its first exposure leaves by the exam; for
 * a seen one the expected recall after the answer (right with the recall
 * predicted now) minus the recall it would have without it. */
double leitner_exam_gain(const Bank *bank, const ItemState *states, int item, const MemoryFit *fit,
                         int64_t now, int64_t exam_date);

/* Returns the new items a day must introduce from `now` so that `unseen`
 * items are all met LEITNER_COVER_NUM / LEITNER_COVER_DEN of the way from
 * `started_at` (the learner's first answer; 0 = now) to `exam_date`, rounded
 * up; all of them once that point is less than half a day away. A target
 * fixed from the start, not three quarters of whatever is left each day:
 * that one moves away as it is approached and is never reached. */
int leitner_cover_quota(int unseen, int64_t started_at, int64_t now, int64_t exam_date);

/* Starts a session. Under LEITNER_POLICY_EXAM with an exam date after `now`,
 * the session holds the `size` items of highest leitner_exam_gain x domain
 * pull (weight x (1 + weakness) per item of the domain), at least
 * leitner_cover_quota of them new (when that many are unseen), highest
 * first; new_quota and new_today are not used. Otherwise due items (box >= 1, due_at <= opt->due_by or now, of the
 * chosen kinds) come first, ordered by priority (whole days overdue at `now`,
 * 0 for items due later today, + 1) x domain weight x
 * (1 + weakness), weakness = 1 - accuracy[domain] (accuracy may be NULL: the
 * prior), ties in random order. New items fill the rest, up to new_quota -
 * new_today, split over domains by weight x (1 + weakness) with largest
 * remainder (capped by what each domain has), chosen at random within a
 * domain and shuffled. Returns false (session empty but safe to end) when the
 * bank does not fit or memory runs out. An empty session is valid. */
bool leitner_session_start(LeitnerSession *s, const Bank *bank, ItemState *states,
                           const double *accuracy, int64_t now, Rng *rng,
                           const LeitnerOptions *opt);

/* Starts a session over `n` given entries in that order (a session of
 * chosen items, e.g. the ones missed in the session just played): each
 * entry keeps its `repeat`, so an item missed earlier today (repeat >= 1)
 * answered right keeps box 1 and its due time. Misses come back as in
 * leitner_session_record; opt gives the policy, exam date and fit (NULL:
 * defaults). Returns false (session empty but safe to end) when memory runs
 * out or the bank does not fit. */
bool leitner_session_of(LeitnerSession *s, const Bank *bank, ItemState *states, const LeitnerEntry *entries,
                        int n, int64_t now, const LeitnerOptions *opt);

/* Returns the item to show (index into bank->items), or -1 when the session
 * is over. Calling it again before recording returns the same item. */
int leitner_session_next(LeitnerSession *s);

/* Records the answer to the current item: applies the box move to its
 * ItemState (a same-session repeat answered right keeps box 1 and its due
 * time, so nothing is promoted on the day it was missed). In a classic
 * session a wrong item is re-queued with at least LEITNER_REQUEUE_GAP
 * other items before it, at most LEITNER_MAX_REPEATS times; when fewer
 * other items remain it is not re-queued (it is due tomorrow anyway). An
 * exam-aware session never repeats an item the same day: the explanation
 * has just been read, a repeat minutes later adds almost nothing to
 * exam-day recall (FSRS's short-term stability barely moves), and the
 * showing is worth more spent elsewhere; the gain brings a missed item
 * back on a later day. Returns the move; item -1 when no
 * item was current. */
LeitnerMove leitner_session_record(LeitnerSession *s, bool correct, int64_t now);

/* Returns how many showings are left, the current one included. */
int leitner_session_remaining(const LeitnerSession *s);

/* Frees the queue; the session is zeroed. */
void leitner_session_end(LeitnerSession *s);

#endif
