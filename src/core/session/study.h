/* The study context every session works in: the bank, the store, the item
 * states (a mirror of the items table), a window of recent answers for
 * domain accuracy, the memory model's fit to this learner, and the learner's
 * study settings. One place for the rules every mode shares: recording an
 * answer (rules, then store, then memory, in that order, all-or-nothing),
 * the local day, today's numbers, the session size and the pass estimate.
 * No SDL; time is always a parameter (`now`, Unix seconds). */
#ifndef CLOUDPREP_STUDY_H
#define CLOUDPREP_STUDY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "leitner.h"
#include "memory.h"
#include "plan.h"
#include "progress.h"
#include "project.h"
#include "rewards.h"

typedef struct Store Store;

#define STUDY_RECENT_ANSWERS 400   /* answers read back for domain accuracy */
#define STUDY_FIT_MAX_ANSWERS 200000 /* answers behind the memory fit (the newest) */
#define STUDY_STREAK_DAYS 3660     /* days read back for the streak: its best is the best ever */
#define STUDY_WHATIF_FORMS 10       /* exam forms per draw in a quick what-if projection */
#define STUDY_MIN_SESSION 10        /* items in a drill once the day's goal is (nearly) met */

/* The settings the rules read (the app keeps them in its Settings and hands
 * a copy over whenever they change: study_set_prefs). */
typedef struct StudyPrefs {
    int daily_goal;        /* drill answers a day (prefs: what the daily minutes hold) */
    int new_per_day;       /* new items a day; 0 = up to the goal, negative = none */
    int drill_size;        /* items in a daily drill; 0 = what is left of the goal */
    int64_t exam_date;     /* Unix seconds at local midnight, 0 = none */
    int daily_minutes;     /* minutes a day the learner means to study */
    bool ask_sure;         /* drills ask whether the learner is sure of an answer */
} StudyPrefs;

typedef struct StudyData StudyData;

typedef struct Study {
    const Bank *bank;
    Store *store;          /* may be NULL: nothing is saved, progress starts empty */
    ItemState *states;     /* parallel to bank->items */
    StudyPrefs prefs;
    StudyData *d;          /* recent answers, accuracy, fit (private) */
    char error[512];       /* why the last failed call failed, "" when none */
} Study;

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

/* The one local-day rule: the local day number of Unix time t in the
 * learner's time zone (compat_utc_offset at t). */
int study_day(int64_t t);
/* Unix time of the local midnight that starts t's day. */
int64_t study_day_start(int64_t t);
/* The moment items count as due: the end of today, local time. An item
 * that falls due at 21:00 is already today's work at 08:00, so a learner
 * who studies at a different hour each day sees the same items. */
int64_t study_due_horizon(int64_t now);

/* Opens a study context over `bank` and `store` (store may be NULL) and
 * loads item states and recent answers. Returns NULL when out of memory.
 * A store that cannot be read leaves empty progress and says so in
 * study->error. */
Study *study_open(const Bank *bank, Store *store, const StudyPrefs *prefs);
/* Frees the context (not the bank or the store); NULL is fine. */
void study_close(Study *study);
/* Re-reads states, accuracy and the fit from the store (after a reset or a
 * session that wrote through the store directly). False (with study->error)
 * when the store could not be read. */
bool study_reload(Study *study);
/* Replaces the study settings. */
void study_set_prefs(Study *study, const StudyPrefs *prefs);

/* Records an answer whose Leitner move was already applied to
 * study->states[item] (by a drill session): writes it to the store in one
 * transaction with `xp` added to the profile, feeds the domain accuracy and
 * the memory fit. Returns true when it is on disk; on failure it restores
 * the item's previous state `before` and sets study->error. */
bool study_save(Study *study, StudyMode mode, const Answer *a, const ItemState *before, int xp);
/* Applies the Leitner move for an answer at a->at and saves it like
 * study_save. Returns the move (item -1 if not saved). */
LeitnerMove study_answer(Study *study, StudyMode mode, const Answer *a, int xp);
/* Feeds answers already written to the store by a session's own
 * transaction (an exam) into the domain accuracy and the memory fit. The
 * item states must already hold the moves. */
void study_observe(Study *study, const Answer *answers, const ItemState *before, int n);
/* Adds XP outside an answer; false (with study->error) when not saved. */
bool study_add_xp(Study *study, int xp);

/* Fills today's numbers at `now`. False (with study->error) when the store
 * could not be read: the numbers are then only what memory holds. */
bool study_today(Study *study, int64_t now, StudyToday *out);
typedef struct StudyDay {
    int day;              /* local day number (study_day) */
    int answers;          /* answers that day, every mode */
    bool goal_met;        /* the daily goal was met, as the streak counts it */
} StudyDay;

/* Fills out[count] with the local days first .. first + count - 1: their
 * answers and whether the daily goal was met, by the one rule the streak
 * uses (rewards_day_met: the drill answers goal, an arcade round of
 * REWARDS_GOAL_ARCADE_ROUND_ANSWERS, or a finished mock or diagnostic).
 * False (with study->error) when the store could not be read; out is then
 * all zeros. */
bool study_days(Study *study, int first, int count, StudyDay *out);
/* Today's goal in a few words, the same on every screen: "Today's goal
 * met" once met (by any way the streak counts), else "Goal 5/20 today"
 * (drill answers of the goal). */
void study_goal_text(const StudyToday *today, char *out, size_t size);
/* Items in a daily drill: what is left of the day's answer goal after
 * `answered_today` drill answers (the goal is the daily minutes at 30
 * seconds an item, the pace the plan and the pass estimate assume), never
 * fewer than STUDY_MIN_SESSION; prefs.drill_size when it is set. */
int study_session_size(const Study *study, int answered_today);
/* The study plan for the learner's daily minutes and exam date over the
 * current item states (plan_build). Returns false when the bank does not
 * fit the scoring model. */
bool study_plan(const Study *study, int64_t now, StudyPlan *out);
/* New items today's daily drills may introduce in all, when no exam date
 * is ahead (with one, the exam-aware scheduler meets every item in time by
 * its own rule, the plan's): prefs.new_per_day when set, else the day's
 * answer goal, so that new items fill whatever the due reviews, which come
 * first, leave of the goal. */
int study_new_quota(const Study *study);
/* The memory model's fit to this learner (updated with every saved answer). */
const MemoryFit *study_fit(const Study *study);
/* Unix time of the learner's first answer (0 before any): where the
 * scheduler's "meet the bank by three quarters of the way" starts. */
int64_t study_started_at(const Study *study);
/* Per-domain recent accuracy (EWMA), parallel to bank->domains. */
const double *study_accuracy(const Study *study);
/* Marks in out[bank->item_count] the items whose latest answer (among the
 * recent ones) was a confident error: the learner was sure and wrong. They
 * are the drill's most urgent items (LeitnerOptions.urgent): corrected
 * soon, confident errors are remembered best. Returns how many. */
int study_urgent(const Study *study, bool *out);
/* Answers ever, from the item states. */
int study_answers_total(const Study *study);

typedef struct StudyDomainTotal {
    int right;
    int total;
} StudyDomainTotal;

/* All-time right and total answers per domain (out[bank->domain_count],
 * at most SCORING_MAX_DOMAINS), every mode, from the item states. */
void study_domain_totals(const Study *study, StudyDomainTotal *out);

/* The learner's weakest domain, the same on every screen (Stats, home,
 * the arcade, an exam's results): the lowest share of right answers over
 * all answers in every mode (the shares home and Stats show), domains with
 * fewer than EXAM_REVIEW_MIN_VERDICT_ITEMS answers left out (a few answers
 * are luck either way), ties to the heavier exam weight
 * (plan_weakest_domain). -1 while fewer than two domains have that many
 * answers or all have the same share: then no domain is weaker than
 * another. */
int study_weakest_domain(const Study *study);
/* Items started: items of the bank answered at least once, in any mode
 * (the count home and Stats' records show). */
int study_items_started(const Study *study);

/* Projects to `exam_date` at `minutes` a day from the next session (today's,
 * or tomorrow's when something was answered today): see project_exam_day.
 * draws 0 = the full projection; fewer draws (and STUDY_WHATIF_FORMS forms)
 * for quick what-ifs. Seeded by the day, so every screen shows the same
 * figures all day. Returns false when the exam date is not ahead. */
bool study_projection(const Study *study, int minutes, int64_t exam_date, int draws, int64_t now,
                      Projection *out);
/* Says a projection in one sentence: when the whole bank is met (or how
 * much of it), the expected exam-day recall and the chance to pass with its
 * likely range. */
void study_projection_text(const Study *study, int minutes, const Projection *p, char *out, size_t size);
/* The pass estimate every screen shows: with an exam date ahead, the
 * projection at the daily minutes to that date; without one, the chance of
 * passing an exam taken now (estimate_pass). Sets *evidence (may be NULL)
 * to the answers that informed it: first answers (what the learner knew)
 * and answers after a gap (how they forget), not repeats minutes apart
 * (items answered while there is none). Returns false when nothing has
 * been answered yet. */
bool study_pass_estimate(const Study *study, int64_t now, PlanPassEstimate *out, int *evidence);
/* What the pass estimate is about, to follow "chance of passing": "on exam
 * day (Tue 22 Dec) if you keep to 20 min a day" or "if you took the exam
 * today". */
void study_estimate_basis(const Study *study, int64_t now, char *out, size_t size);

#endif
