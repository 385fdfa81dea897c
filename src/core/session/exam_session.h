/* The mock exam and the diagnostic as a session: a form begun (or resumed
 * after a kill with its answers, flags, position and clock), answers and
 * flags saved as they are given, a clock that ends a timed exam, and the
 * end: scoring, every item's box and memory move, XP, the day's counters
 * and the exam row in one store transaction. Showing it and asking the
 * learner is the screens' part. No SDL; time is always a parameter. */
#ifndef CLOUDPREP_EXAM_SESSION_H
#define CLOUDPREP_EXAM_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "examreview.h"
#include "plan.h"
#include "progress.h"
#include "rng.h"
#include "scoring.h"
#include "study.h"

#define EXAM_SESSION_SAVE_CLOCK_MS 5000  /* time left is saved at least this often */
#define EXAM_SESSION_RECENT_FORMS 6      /* new mock forms avoid the items of the last six */
#define EXAM_SESSION_READINESS_MOCKS 5   /* mocks behind the readiness verdict */

typedef struct ExamSession {
    Study *study;           /* not owned: bank, store, item states */
    ExamForm form;          /* owned: answers, flags, time per item */
    bool esl;               /* ESL time was given */
    bool stored;            /* the form is in the store: answers are saved as given */
    int pos;                /* the item being shown */
    int remaining_ms;       /* timed exams: time left */
    int elapsed_ms;         /* time spent so far (this sitting and earlier ones) */
    int save_ms;            /* time since the clock was last saved */
    /* Once ended (exam_session_finish, or the clock ran out): */
    bool ended;             /* scored; answers can no longer change */
    bool time_up;           /* it was the clock that ended it */
    bool saved;             /* the result, box moves and XP are on disk */
    ScoreResult result;
    int seconds_used;
    int xp;                 /* XP the exam earned (added only when saved) */
    char error[512];        /* why the last failed call failed, "" when none */
} ExamSession;

/* What exam_session_begin did besides building the form. */
typedef struct ExamBegin {
    bool incomplete;        /* the bank has fewer questions than the form needs */
    bool unsaved;           /* the form could not be stored: the exam runs, nothing of it
                               is saved; `error` says why */
    char error[512];        /* why the exam could not begin, or could not be stored */
} ExamBegin;

typedef enum ExamFind {
    EXAM_FIND_FOUND,        /* an unfinished exam was read back */
    EXAM_FIND_NONE,         /* there is none */
    EXAM_FIND_STALE,        /* it named questions the bank no longer has: closed as abandoned */
    EXAM_FIND_FAILED        /* the store could not be read */
} ExamFind;

/* What one step of the clock did. */
typedef struct ExamTick {
    bool second;            /* the countdown shows a new second */
    bool time_up;           /* the time ran out: the exam ended (exam_session_finish ran;
                               `saved` and `error` say how that went) */
    bool save_failed;       /* the clock could not be saved: `error` says why */
} ExamTick;

/* Builds a new form of `mode` (MODE_MOCK avoids the items of the last
 * EXAM_SESSION_RECENT_FORMS mocks; ESL time for a mock when `esl`) and
 * stores it (abandoning any other unfinished exam). Returns the session
 * (free with exam_session_free), on item 0; a form that could not be
 * stored still runs (info->unsaved). Returns NULL, with info->error, when
 * the bank has no questions or memory runs out. */
ExamSession *exam_session_begin(Study *study, StudyMode mode, bool esl, int64_t now, Rng *rng,
                                ExamBegin *info);
/* Builds a retake of `from` (a finished exam's form): its questions of
 * `kind` (exam_review_pick), all scored, timed at the real exam's pace
 * (examform_build_retake), and stores it as mode 'retake' (closing only an
 * earlier unfinished retake). It then runs and ends like any exam; its
 * score is never a mock score. Returns the session (free with
 * exam_session_free) or NULL, with info->error saying why (no question of
 * that kind, out of memory); a form that could not be stored still runs
 * (info->unsaved). */
ExamSession *exam_session_begin_retake(Study *study, const ExamForm *from, RetakeKind kind, int64_t now, Rng *rng,
                                       ExamBegin *info);
/* Reads back the unfinished exam, if any, with its answers, flags,
 * position and clock. *out gets a session (free with exam_session_free)
 * only for EXAM_FIND_FOUND, else NULL; for STALE and FAILED `why` says
 * what happened (a stale exam is closed as abandoned at `now`). */
ExamFind exam_session_resume(Study *study, int64_t now, ExamSession **out, char *why, size_t size);
/* Frees the session and its form; NULL is fine. */
void exam_session_free(ExamSession *s);

/* Shows item `pos` (ignored outside the form): saves the time spent on
 * the item left and the new position. False (with `error`) when not saved
 * (the position moves all the same) or the exam has ended. */
bool exam_session_goto(ExamSession *s, int pos);
/* Sets the answer (bank-order option mask, 0 = none) of the item shown and
 * saves it. False (with `error`) when not saved or the exam has ended. */
bool exam_session_answer(ExamSession *s, uint32_t answer);
/* Flips the flag of the item shown and saves it. False as for answer. */
bool exam_session_flag(ExamSession *s);
/* Saves the clock and position (the learner leaves; the clock stops until
 * the exam is resumed). False (with `error`) when not saved. */
bool exam_session_pause(ExamSession *s);
/* Advances the clock by dt_ms (time on the item shown, time left, the
 * periodic save). When a timed exam's time runs out it ends the exam at
 * `now` (see exam_session_finish). */
ExamTick exam_session_tick(ExamSession *s, int dt_ms, int64_t now);
/* Milliseconds until the shown clock changes (1..1000). */
int exam_session_ms_to_second(const ExamSession *s);
/* The countdown in whole seconds (rounded up), or the time spent for an
 * untimed exam. */
int exam_session_clock_seconds(const ExamSession *s);
/* Where an item stands, as the review grid and the end-exam question
 * show it (the real exam's terms). */
typedef enum ExamItemStatus {
    EXAM_ITEM_UNANSWERED,   /* nothing chosen */
    EXAM_ITEM_INCOMPLETE,   /* a multiple-response item with fewer choices than it asks for */
    EXAM_ITEM_ANSWERED      /* as many choices as the item asks for */
} ExamItemStatus;

/* The items of the form by status, and the flagged ones (any status). */
typedef struct ExamTally {
    int answered;
    int incomplete;
    int unanswered;
    int flagged;
} ExamTally;

/* The status of the item at form position `pos` (UNANSWERED outside the form). */
ExamItemStatus exam_session_item_status(const ExamSession *s, int pos);
/* Counts the items by status, and the flagged ones. */
ExamTally exam_session_tally(const ExamSession *s);

/* The pace of a timed exam: where the clock stands against a steady
 * share of the time per item for the items answered so far. */
typedef enum ExamPaceState {
    EXAM_PACE_NONE,         /* untimed: nothing to say */
    EXAM_PACE_ON,           /* within one item's share of the steady pace */
    EXAM_PACE_AHEAD,        /* `seconds` banked: fewer used than the answered items' shares */
    EXAM_PACE_BEHIND        /* `seconds` over: more used than the answered items' shares and
                               the whole share of the item in hand */
} ExamPaceState;

typedef struct ExamPace {
    ExamPaceState state;
    int seconds;            /* ahead or behind by this much (0 when ON or NONE) */
    int per_item;           /* the steady share: the exam's seconds / its items */
} ExamPace;

/* The pace now. The item in hand has its whole share before the learner
 * is behind, so a first question never reads "behind" in its first
 * `per_item` seconds; only ANSWERED items (not incomplete ones) count as
 * done. */
ExamPace exam_session_pace(const ExamSession *s);

/* Writes a clock or a time used: "mm:ss", or "h:mm:ss" from an hour on
 * (4740 s is "1:19:00", never "79:00"); a negative time as 0. */
void exam_session_format_time(int seconds, char *buf, size_t size);

/* Ends the exam at `now`: scores it (scoring.c), moves every item's box
 * (right up one, wrong and unanswered to box 1) and memory, and writes the
 * exam row, its items, the reviews, the item states, the XP and the day's
 * counters in one transaction; then the study context takes the moves and
 * the answers. Returns true when all of it is on disk. On failure (or for
 * an exam that was never stored) nothing was written, the study's item
 * states are unchanged, `error` says why, the result is still there to
 * show, and calling it again retries the save. */
bool exam_session_finish(ExamSession *s, int64_t now);
/* Readiness after a mock: the last EXAM_SESSION_READINESS_MOCKS mock
 * scores against the bank's ready score. False when there is nothing to
 * say (`error` "") or the scores could not be read (`error` says why). */
bool exam_session_readiness(ExamSession *s, PlanReadiness *out);
/* Fresh forms: sets *items to the exam's distinct questions and *repeated
 * to those met in an earlier mock (store_exam_repeats). False when there is
 * nothing to say (an exam never stored: `error` "") or the store could not
 * be read (`error` says why); both are then 0. */
bool exam_session_repeats(ExamSession *s, int *repeated, int *items);
/* Closes the session's exam as abandoned (not scored) at `now`. False
 * (with `error`) when the store could not record it: the exam then stays
 * unfinished. An exam that was never stored is simply dropped. */
bool exam_session_abandon(ExamSession *s, int64_t now);

#endif
