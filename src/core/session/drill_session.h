/* The daily drill as a session: the queue the scheduler builds (due items
 * first, new ones mixed in, or by exam-day gain with an exam date), misses
 * brought back where the scheduler does that, every answer saved before the
 * next item (all-or-nothing), the tallies a screen shows, and the end: the
 * finishing bonus and the finished-sessions count in one transaction.
 * No SDL; time and randomness are parameters. Showing is the screen's. */
#ifndef CLOUDPREP_DRILL_SESSION_H
#define CLOUDPREP_DRILL_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "leitner.h"
#include "rng.h"
#include "study.h"

typedef struct DrillSession {
    Study *study;               /* not owned */
    LeitnerSession queue;
    LeitnerSession undo;        /* the queue before the last answer (its own entries) */
    int item;                   /* on screen: the item asked, or the one just answered; -1 = over */
    int right, wrong;           /* saved answers */
    int promoted, demoted;      /* saved box moves up / back to box 1 */
    int combo, best_combo;      /* saved right answers in a row */
    int xp;                     /* XP saved in this session (answers and bonus) */
    LeitnerMove last_move;      /* what the last answer did (box_before == box_after when not saved) */
    bool last_correct;
    bool last_saved;            /* the last answer is on disk */
    bool finished;              /* the queue ran out (not left early) */
    bool ended;                 /* drill_session_end ran */
    bool bonus_saved;           /* the finishing bonus and count are on disk */
} DrillSession;

/* Starts a session at `now` over the study context, given today's numbers
 * (study_today; the caller shows a failed read): the size is
 * study_session_size, the new-item quota and the exam date come from the
 * study settings, and the first item is current. Returns false when memory
 * ran out (the session is then empty: drill_session_current is -1; study->error
 * says so). Free with drill_session_free. */
bool drill_session_begin(DrillSession *d, Study *study, const StudyToday *today, int64_t now, Rng *rng);
/* Starts a session over exactly `items` (count bank indices: each asked
 * once, in that order, duplicates and indices outside the bank dropped; a
 * miss comes back later in the session as in any drill), for "drill my
 * misses" and "drill this domain". Answers, saves and the end are those of
 * any drill. Returns false when memory ran out (the session is then empty;
 * study->error says so). Free with drill_session_free. */
bool drill_session_begin_items(DrillSession *d, Study *study, const int *items, int count);
/* Frees the queue; the session is zeroed. NULL-safe on a zeroed session. */
void drill_session_free(DrillSession *d);

/* The item to answer now, or -1 when the queue has run out. */
int drill_session_current(const DrillSession *d);
/* The number of the item on screen (1-based; while feedback is up, the one
 * just answered) and the session's length so far, for "Item 3 of 20". */
void drill_session_progress(const DrillSession *d, int *number, int *total);

/* Answers the current item at `now` (`answer` as stored: the option mask,
 * or 1/0 for a flashcard known/missed; `ms` the time taken): the Leitner
 * and memory move, then study_save with REWARDS_XP_RIGHT for a right answer,
 * then the tallies. All-or-nothing: when the save fails, the item's state,
 * the queue and the tallies stay as they were, the item is dropped from this
 * session (it stays due for the next one), last_saved is false and the
 * function returns false with study->error saying why. A wrong answer comes
 * back later in the session only where the scheduler re-queues (not in
 * exam-aware sessions). Returns true when saved. */
bool drill_session_answer(DrillSession *d, bool correct, uint32_t answer, int ms, int64_t now);
/* Moves to the next item after the feedback; returns it, or -1 when the
 * queue has run out (then call drill_session_end with finished = true). */
int drill_session_next(DrillSession *d);

/* Ends the session. When `finished` (the queue ran out) and something was
 * answered, saves the finishing bonus (rewards_session_xp) and one more
 * finished session in one transaction (store_drill_finish); the bonus
 * counts in d->xp only when saved. Returns false (study->error says why)
 * when that save failed. Calling it again does nothing and returns true. */
bool drill_session_end(DrillSession *d, bool finished);

#endif
