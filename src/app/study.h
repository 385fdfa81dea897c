/* The study state the screens share: item states (Leitner boxes) and domain
 * accuracy kept in memory beside the store, recording answers (rules, then
 * store, then XP, in that order), and today's numbers for the home screen.
 * Screens call these instead of talking to the store directly for answers. */
#ifndef CLOUDPREP_STUDY_H
#define CLOUDPREP_STUDY_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "leitner.h"
#include "memory.h"
#include "plan.h"
#include "progress.h"
#include "project.h"
#include "rewards.h"

#define STUDY_RECENT_ANSWERS 400   /* answers read back for domain accuracy */
#define STUDY_FIT_MAX_ANSWERS 200000 /* answers behind the memory fit (the newest) */
#define STUDY_WHATIF_FORMS 10       /* exam forms per draw in a quick what-if projection */

typedef struct StudyToday {
    int due;              /* items due now */
    int due_tomorrow;     /* items falling due by the end of tomorrow */
    RewardsStreak streak;
    int drill_answers;    /* drill answers today */
    int goal;             /* daily goal (drill answers) */
    int xp;
    int level;
    int level_into;       /* xp into the current level */
    int level_span;       /* xp the current level needs */
    int answers_total;    /* answers ever: 0 means a newcomer */
    int new_today;        /* new items introduced today */
} StudyToday;

/* Loads item states and recent answers from the store. Returns false (with a
 * status message) when out of memory; a failing store leaves empty progress. */
bool study_setup(App *app);
/* Frees what study_setup allocated. */
void study_shutdown(App *app);
/* Re-reads states and accuracy from the store (after a reset). */
void study_reload(App *app);

/* The moment items count as due: the end of today, local time. An item
 * that falls due at 21:00 is already today's work at 08:00, so a learner
 * who studies at a different hour each day sees the same items. */
int64_t study_due_horizon(const App *app);
/* Local day number of Unix time t (the user's time zone). */
int study_day(const App *app, int64_t t);

/* Records an answer whose Leitner move was already applied to
 * app->states[item] (by a drill session): writes it to the store in one
 * transaction with `xp` added to the profile, and feeds the domain accuracy.
 * Returns true when it is on disk; on failure it restores the item's
 * previous state `before` and shows the store's message. */
bool study_save(App *app, StudyMode mode, int item, uint32_t answer, bool correct, int ms,
                const ItemState *before, int xp);
/* Applies the Leitner move for an answer outside a drill session (arcade)
 * and saves it like study_save. Returns the move (item -1 if not saved). */
LeitnerMove study_answer(App *app, StudyMode mode, int item, uint32_t answer, bool correct,
                         int ms, int xp);
/* Adds XP outside an answer (a finished session); false when not saved. */
bool study_add_xp(App *app, int xp);
/* Fills today's numbers. */
void study_today(App *app, StudyToday *out);
/* Items in a drill session: with an exam date ahead, what is left of the
 * daily minutes at 30 seconds an item (the pace the plan and the pass
 * estimate assume), never fewer than the drill length setting; without one,
 * the drill length setting. */
int study_session_size(const App *app, int answered_today);
/* The memory model's fit to this learner (updated with every saved answer). */
const MemoryFit *study_fit(const App *app);
/* Unix time of the learner's first answer (0 before any): where the
 * scheduler's "meet the bank by three quarters of the way" starts. */
int64_t study_started_at(const App *app);
/* Projects to `exam_date` at `minutes` a day from the next session (today's,
 * or tomorrow's when something was answered today): see project_exam_day.
 * draws 0 = the full projection; fewer draws (and STUDY_WHATIF_FORMS forms)
 * for quick what-ifs. Seeded by the day, so every screen shows the same
 * figures all day. Returns false when the exam date is not ahead. */
bool study_projection(App *app, int minutes, int64_t exam_date, int draws, Projection *out);
/* Says a projection in one sentence: when the whole bank is met (or how
 * much of it), the expected exam-day recall and the chance to pass with its
 * likely range. */
void study_projection_text(const App *app, int minutes, const Projection *p, char *out, size_t size);
/* The pass estimate every screen shows: with an exam date ahead, the
 * projection at the daily minutes to that date; without one, the chance of
 * passing an exam taken now (estimate_pass). Sets *evidence (may be NULL) to the answers that
 * informed the memory fit (items answered while there is none yet).
 * Returns false when nothing has been answered yet. */
bool study_pass_estimate(App *app, PlanPassEstimate *out, int *evidence);
/* What the pass estimate is about, to follow "chance of passing": "on exam
 * day (Tue 22 Dec) if you keep to 20 min a day" or "if you took the exam
 * today". */
void study_estimate_basis(const App *app, char *out, size_t size);
/* Per-domain recent accuracy (EWMA), parallel to bank->domains. */
const double *study_accuracy(const App *app);

#endif
