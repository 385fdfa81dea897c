/* The daily drill as a session: the queue the scheduler builds (due items
 * first, new ones mixed in, or by exam-day gain with an exam date), misses
 * brought back where the scheduler does that, every answer saved before the
 * next item (all-or-nothing), the tallies and the counter a screen shows,
 * the feedback on each answer (its box and when it comes back, in one
 * place), and the end: the finishing bonus and the finished-sessions count
 * in one transaction. After a session: ten more new items, or its misses
 * again. No SDL; time and randomness are parameters. Showing is the
 * screen's. */
#ifndef CLOUDPREP_DRILL_SESSION_H
#define CLOUDPREP_DRILL_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "leitner.h"
#include "rng.h"
#include "study.h"

/* What a session drills: the day's queue, a few more new items, the
 * items missed in the session (or exam) just played, or items chosen for
 * it (one domain after an exam). */
typedef enum DrillKind { DRILL_DAILY, DRILL_NEW, DRILL_MISTAKES, DRILL_CHOSEN } DrillKind;

#define DRILL_MORE_NEW 10       /* items in a "Learn 10 more" session */

typedef struct DrillSession {
    Study *study;               /* not owned */
    DrillKind kind;
    LeitnerSession queue;
    LeitnerSession undo;        /* the queue before the last answer (its own entries) */
    int item;                   /* on screen: the item asked, or the one just answered; -1 = over */
    int number;                 /* 1-based number of the item on screen */
    int *missed;                /* owned: items answered wrong, each once, in order */
    int missed_count;
    int right, wrong;           /* saved answers */
    int promoted, demoted;      /* saved box moves up / back to box 1 */
    int combo, best_combo;      /* saved right answers in a row */
    int xp;                     /* XP saved in this session (answers and bonus) */
    LeitnerMove last_move;      /* what the last answer did (box_before == box_after when not saved) */
    bool last_correct;
    Confidence last_confidence; /* how sure the learner said they were of the last answer */
    bool sure;                  /* the learner marked the item on screen "Sure" (drill_session_set_sure) */
    bool last_saved;            /* the last answer is on disk */
    bool finished;              /* the queue ran out (not left early) */
    bool ended;                 /* drill_session_end ran */
    bool bonus_saved;           /* the finishing bonus and count are on disk */
} DrillSession;

/* Starts the day's session at `now` over the study context, given today's
 * numbers (study_today; the caller shows a failed read): the size is
 * study_session_size, the new-item quota study_new_quota and the exam date
 * the study settings', and the first item is current. A newcomer's first drill
 * (on the day of the learner's first answer, the diagnostic's included) is
 * a full session: new items fill it past the new-item quota, so it is not
 * cut to a few items with the day's goal out of reach. Returns false
 * when memory ran out (the session is then empty: drill_session_current is
 * -1; study->error says so). Free with drill_session_free. */
bool drill_session_begin(DrillSession *d, Study *study, const StudyToday *today, int64_t now, Rng *rng);
/* Starts a session of `count` new items only (what "Learn 10 more" asks
 * for), chosen as the day's new items are (weighted toward weak domains),
 * past the day's new-item quota. Empty when every item has been met.
 * Returns false as drill_session_begin does. */
bool drill_session_begin_new(DrillSession *d, Study *study, int count, int64_t now, Rng *rng);
/* Starts a session of the `n` items in `items`, in that order (the misses of
 * the session just played: drill_session_missed). They count as missed
 * today: a right answer keeps an item in box 1 until a later day. Returns
 * false as drill_session_begin does. */
bool drill_session_begin_misses(DrillSession *d, Study *study, const int *items, int n, int64_t now);
/* Starts a session of the `n` items in `items` (each once, in that order;
 * indices outside the bank dropped), for a drill of one domain after an
 * exam: the first `missed` of them were missed today (as in
 * drill_session_begin_misses), the rest are asked as in any drill.
 * Returns false as drill_session_begin does. */
bool drill_session_begin_items(DrillSession *d, Study *study, const int *items, int n, int missed, int64_t now);
/* Frees the queue and the misses; the session is zeroed. NULL-safe on a zeroed session. */
void drill_session_free(DrillSession *d);

/* The item to answer now, or -1 when the queue has run out. */
int drill_session_current(const DrillSession *d);
/* The number of the item on screen (1-based; while feedback is up, the one
 * just answered) and the session's length so far, for "Item 3 of 20":
 * number never exceeds total; the total grows when a miss is queued again. */
void drill_session_progress(const DrillSession *d, int *number, int *total);
/* The items answered wrong in this session (each once, in the order first
 * missed); returns how many and points *items at them (owned by d). */
int drill_session_missed(const DrillSession *d, const int **items);

/* When an answered item comes back. */
typedef enum DrillReturn {
    DRILL_BACK_SESSION,         /* later in this session */
    DRILL_BACK_TODAY,           /* later today, in another session */
    DRILL_BACK_TOMORROW,
    DRILL_BACK_DAYS,            /* in `days` days */
    DRILL_BACK_NOT_SAVED        /* the answer was not saved: it stays as it was */
} DrillReturn;

/* The feedback on the last answer, one source for every part of the screen
 * that shows it: the box the item was in and the box it is in now (the
 * header's chip shows box_after), and when it comes back. */
typedef struct DrillFeedback {
    bool correct;
    int box_before, box_after;  /* 0 = new */
    DrillReturn back;
    int days;                   /* local days until it is due (for DRILL_BACK_DAYS) */
    bool confident_error;       /* marked Sure and wrong: it opens the next drill */
} DrillFeedback;

/* Fills the feedback on the last answer at `now` (local days by study_day). */
void drill_session_feedback(const DrillSession *d, int64_t now, DrillFeedback *out);
/* Says the feedback in one line ("Not quite.  Box 2 -> 1: back tomorrow."),
 * `card` for a flashcard's words. Writes into out (always terminated). */
void drill_feedback_text(const DrillFeedback *f, bool card, char *out, size_t size);

/* True when the learner may mark the current item "Sure" before answering:
 * the study settings ask (StudyPrefs.ask_sure) and it is a question (a
 * flashcard's "Knew it" already says how sure). */
bool drill_session_asks_sure(const DrillSession *d);
/* Marks (or unmarks) the current item's coming answer as sure. The mark is
 * cleared when the next item comes; it is ignored where
 * drill_session_asks_sure is false. */
void drill_session_set_sure(DrillSession *d, bool sure);

/* Answers the current item at `now` (`answer` as stored: the option mask,
 * or 1/0 for a flashcard known/missed; `ms` the time taken): the Leitner
 * and memory move, then study_save with REWARDS_XP_RIGHT for a right answer,
 * then the tallies. All-or-nothing: when the save fails, the item's state,
 * the queue and the tallies stay as they were, the item is dropped from this
 * session (it stays due for the next one), last_saved is false and the
 * function returns false with study->error saying why. A wrong answer comes
 * back later in the session only where the scheduler re-queues (not in
 * exam-aware sessions). The answer's confidence is CONFIDENCE_SURE or
 * CONFIDENCE_UNSURE by the mark where drill_session_asks_sure, else
 * CONFIDENCE_NOT_ASKED. Returns true when saved. */
bool drill_session_answer(DrillSession *d, bool correct, uint32_t answer, int ms, int64_t now);
/* Moves to the next item after the feedback; returns it, or -1 when the
 * queue has run out (then call drill_session_end with finished = true). */
int drill_session_next(DrillSession *d);

/* Ends the session. When `finished` (the queue ran out), something was
 * answered and it is not a session of misses (DRILL_MISTAKES), saves the
 * finishing bonus (rewards_session_xp) and one more finished session in
 * one transaction (store_drill_finish); the bonus
 * counts in d->xp only when saved. Returns false (study->error says why)
 * when that save failed. Calling it again does nothing and returns true. */
bool drill_session_end(DrillSession *d, bool finished);

#endif
