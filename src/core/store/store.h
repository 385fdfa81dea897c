/* The progress store: one SQLite file, progress.db, in the user's data folder.
 * It keeps every answer (one transaction each), item states, exams in progress
 * and finished, settings and profile values, makes daily backups, migrates old
 * files forward and recovers from damage. It knows item ids, not domains: the
 * queries that need domains take the Bank and map ids to its items. */
#ifndef CLOUDPREP_STORE_H
#define CLOUDPREP_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bank.h"
#include "progress.h"

#define STORE_SCHEMA_VERSION 4      /* PRAGMA user_version this build writes */
#define STORE_FILE_NAME "progress.db"
#define STORE_LOCK_NAME "progress.lock" /* advisory lock: one cloudprep per data folder */
#define STORE_BACKUP_DIR "backups"
#define STORE_KEEP_DAILY_BACKUPS 7  /* progress-YYYYMMDD.db files kept */
#define STORE_KEEP_EVENT_BACKUPS 7  /* pre-migration and pre-reset backups kept */
#define STORE_DEFAULT_DAILY_GOAL 40 /* drill answers a day (20 minutes); settings key "daily_goal" */
#define STORE_PATH_MAX 1024

typedef struct Store Store;

typedef enum StoreStatus {
    STORE_OK = 0,
    STORE_NOT_FOUND,     /* nothing to load: no unfinished exam, no arcade round yet */
    STORE_STALE,         /* the unfinished exam names items the bank no longer has; it was abandoned */
    STORE_ERR_READONLY,  /* the store is read-only (newer file, read-only folder): nothing written */
    STORE_ERR_FULL,      /* the disk is full: nothing written */
    STORE_ERR_BUSY,      /* another program holds the file locked: nothing written */
    STORE_ERR_CORRUPT,   /* SQLite found damage while working: nothing written */
    STORE_ERR_IO,        /* any other I/O or SQLite failure: nothing written */
    STORE_ERR_INVALID    /* a bad argument (item index out of range, no exam id, ...) */
} StoreStatus;

/* What store_open found and did, most important first. */
typedef enum StoreOpenKind {
    STORE_OPEN_OK,              /* existing file at the current version */
    STORE_OPEN_CREATED,         /* no file yet: a new empty one was made */
    STORE_OPEN_MIGRATED,        /* an older file was updated (from_version -> to_version) */
    STORE_OPEN_RESTORED,        /* damaged file moved aside, newest good backup restored */
    STORE_OPEN_RESTARTED,       /* damaged file moved aside, no usable backup: started empty */
    STORE_OPEN_READONLY_NEWER,  /* written by a newer cloudprep: read-only, never modified */
    STORE_OPEN_READONLY_FOLDER, /* the file or folder can't be written (permissions, read-only
                                   medium, disk full): shown read-only, nothing saved */
    STORE_OPEN_UNAVAILABLE,     /* nothing could be opened: an empty in-memory store, nothing saved */
    STORE_OPEN_LOCKED           /* another cloudprep is running on this data folder: nothing was
                                   opened or changed; an empty store that saves nothing */
} StoreOpenKind;

typedef struct StoreOpenInfo {
    StoreOpenKind kind;
    bool writable;              /* false: every write returns STORE_ERR_READONLY */
    bool created;               /* a new file was made (also after damage without backup) */
    bool migrated;
    bool damaged;               /* a damaged file was moved aside */
    bool restored;              /* a backup was restored */
    bool backup_failed;         /* today's backup could not be made (the store still works) */
    int from_version;           /* user_version found (0: new file) */
    int to_version;             /* user_version now */
    char damaged_name[256];     /* "progress.db.damaged-20250301-101500", in the data folder */
    char restored_from[256];    /* backup file name in backups/, e.g. "progress-20250228.db" */
    char backup_date[16];       /* date of that backup, "2025-02-28" */
    char damage_detail[256];    /* what SQLite's check said about a damaged file, one line */
    /* salvage of a damaged file's readable rows into the restored (or new) file */
    bool salvaged;              /* the salvage ran and its result was kept */
    int salvaged_answers;       /* answers recovered that the restored copy lacked */
    int salvaged_exams;         /* exams and arcade rounds recovered or brought up to date */
    long long lost_answers;     /* answers known to be in unreadable parts of the file */
    bool lost_unknown;          /* its list of answers ended in damage: more may be lost */
    char message[1024];         /* sentences for the home screen; "" when all is well */
} StoreOpenInfo;

/* Zero-initialised options mean defaults. */
typedef struct StoreOptions {
    const char *vfs;            /* SQLite VFS name; NULL = default. Used by tests (fault shims). */
    int utc_offset;             /* seconds east of UTC for local day numbers (days table,
                                   calendar, streak, due per day); the app passes tm_gmtoff */
    int busy_timeout_ms;        /* 0 = 5000 */
    bool existing_only;         /* read an existing, healthy progress.db read-only (export):
                                   create nothing, restore nothing, take no lock; anything
                                   else is STORE_OPEN_UNAVAILABLE with a message */
} StoreOptions;

/* Opens (creating if needed) data_dir/progress.db; data_dir is created with
 * mode 0700 when missing, the file with 0600. Runs a quick integrity check,
 * moves a damaged file aside and restores the newest backup, migrates older
 * files (after a backup), opens newer files read-only, and makes today's
 * backup in data_dir/backups (UTC dates from `now`). `info` (may be NULL) is
 * filled in every case. Returns a Store the caller frees with store_close; it
 * returns NULL only when out of memory. A store that can't write still
 * answers queries (possibly empty) and refuses writes with an error.
 * A damaged file is salvaged before the store is used: every readable
 * answer, exam, setting and profile value the restored backup lacks is
 * merged into it and the touched item states recomputed from the answers
 * (info says how many were recovered and lost). When another process holds
 * the data folder's lock (progress.lock), nothing is opened or changed and
 * info->kind is STORE_OPEN_LOCKED. */
Store *store_open(const char *data_dir, int64_t now, StoreOpenInfo *info);
/* store_open with options (VFS name for tests, UTC offset, busy timeout). */
Store *store_open_with(const char *data_dir, int64_t now, const StoreOptions *opts,
                       StoreOpenInfo *info);
/* Closes the database and frees the store. NULL is fine. */
void store_close(Store *st);

/* Returns whether writes can succeed (false for read-only and unavailable stores). */
bool store_is_writable(const Store *st);
/* Returns the human message of the last failed call ("" after success);
 * owned by the store, valid until the next call. */
const char *store_error_message(const Store *st);
/* Returns a short constant name for a status ("ok", "disk full", ...). */
const char *store_status_name(StoreStatus status);
/* Returns the full path of progress.db (owned by the store). */
const char *store_path(const Store *st);
/* Sets the local offset from UTC used for day numbers from now on. */
void store_set_utc_offset(Store *st, int seconds_east);
/* Returns the local day number of Unix time t: floor((t + utc_offset) / 86400). */
int64_t store_day_of(const Store *st, int64_t t);

/* ---- items and answers ---------------------------------------------- */

/* Fills out[bank->item_count] (parallel to bank->items) from the items table;
 * ids without a row start unseen (all zero). Rows for ids the bank no longer
 * has are kept in the file, not returned. On failure out is all zero. */
StoreStatus store_load_states(Store *st, const Bank *bank, ItemState *out);

/* Records one answer in one transaction: a reviews row (answer as letters in
 * the bank's option order; flashcards "A" = knew it, "" = missed), the item's
 * new state, and the day's counters (days row of the answer's local day;
 * goal_met once drill answers reach the "daily_goal" setting). When it
 * returns STORE_OK the answer is on disk; on failure nothing of it was
 * written, the caller keeps its old state and shows store_error_message. */
StoreStatus store_record_answer(Store *st, const Bank *bank, StudyMode mode, const Answer *ans,
                                const ItemState *new_state, int box_before);
/* store_record_answer that also adds xp_delta to profile "xp" in the same transaction. */
StoreStatus store_record_answer_xp(Store *st, const Bank *bank, StudyMode mode, const Answer *ans,
                                   const ItemState *new_state, int box_before, int xp_delta);
/* Returns reviews.id of the last answer this store recorded (0 if none). */
int64_t store_last_review_id(const Store *st);

/* Copies up to `limit` most recent answers (all modes) into out, oldest
 * first, newest last; answers to ids the bank no longer has are skipped.
 * When box_before is not NULL (limit entries), it receives the box each
 * item was in when answered (reviews.box_before). Sets *count. */
StoreStatus store_recent_answers(Store *st, const Bank *bank, int limit, Answer *out, int *box_before,
                                 int *count);

/* ---- settings and profile ------------------------------------------- */

/* Returns the integer setting `key`, or `def` when missing or not a number. */
int64_t store_get_int(Store *st, const char *key, int64_t def);
/* Copies the string setting `key` (or `def` when missing) into buf; returns
 * true when the key was found. buf is always terminated. */
bool store_get_str(Store *st, const char *key, const char *def, char *buf, size_t size);
/* Writes a setting (one transaction). */
StoreStatus store_set_int(Store *st, const char *key, int64_t value);
StoreStatus store_set_str(Store *st, const char *key, const char *value);
/* Profile values (integers): "xp" and whatever the rules keep ("best_streak", ...).
 * store_profile_get returns `def` when missing. */
int64_t store_profile_get(Store *st, const char *key, int64_t def);
StoreStatus store_profile_set(Store *st, const char *key, int64_t value);
/* Adds delta to profile "xp" (one transaction). */
StoreStatus store_add_xp(Store *st, int64_t delta);

/* ---- one exam's life (store_exam.c) ------------------------------------ */

/* What the exam session decided when an exam ended. */
typedef struct StoreExamResult {
    int correct_scored;
    int scaled;
    bool passed;
    int likely_low, likely_high;    /* scaled likely range */
    const bool *item_correct;       /* form->count flags, by position */
    int xp;                         /* added to profile "xp" in the same transaction */
    bool all_domains_meet;          /* mock: every domain met competencies (kept for the
                                       readiness checklist, store_last_mock_all_meet) */
} StoreExamResult;

/* Stores a new exam form whole (exams row 'in_progress' plus one exam_items
 * row per position with item id, domain id, scored flag, option order) in
 * one transaction and sets form->store_id. Any other unfinished exam is
 * marked abandoned in the same transaction (one exam at a time). */
StoreStatus store_exam_begin(Store *st, const Bank *bank, ExamForm *form, bool esl);
/* Saves the exam's position and seconds left, and, when position >= 0, that
 * position's answer, flag and time (one transaction). */
StoreStatus store_exam_save(Store *st, const ExamForm *form, int position);
/* The exam ends, in ONE transaction: exams row (finished_at = now, scores,
 * state 'finished'), every exam_items row (answer, flag, ms, correct), one
 * reviews row per answered item, day counters, result->xp added to the
 * profile, for a mock whether every domain met competencies, and, when
 * new_states is not NULL (parallel to bank->items), the states of the form's
 * items. Without new_states the items table is untouched and box_after =
 * box_before. On any failure nothing of it is written (the exam stays in
 * progress) and store_error_message says why. */
StoreStatus store_exam_complete(Store *st, const Bank *bank, const ExamForm *form,
                                const StoreExamResult *result, const ItemState *new_states,
                                int64_t now);
/* Loads the unfinished exam (mock or diagnostic) into *out, items resolved
 * against the bank (caller frees with exam_form_free), and sets *esl (may be
 * NULL). Returns STORE_NOT_FOUND when there is none, STORE_STALE when it
 * names an item the bank no longer has (or whose options changed): it is then
 * marked abandoned at `now`, *out is empty and store_error_message says so. */
StoreStatus store_exam_load_unfinished(Store *st, const Bank *bank, int64_t now, ExamForm *out,
                                       bool *esl);
/* Marks an exam abandoned (finished_at = now). */
StoreStatus store_exam_abandon(Store *st, int64_t exam_id, int64_t now);
/* Sets *out to whether the last finished mock met competencies in every
 * domain (false before any mock). On a failed read *out is false and the
 * status and store_error_message say why. */
StoreStatus store_last_mock_all_meet(Store *st, bool *out);

/* ---- arcade rounds ------------------------------------------------------ */

/* Sets *best to the highest points of a round kind and *rounds to how many
 * were played (either may be NULL); STORE_NOT_FOUND (best 0) when none. A
 * round with no answer (left before the first question) was not played and
 * counts nowhere, here or in store_totals. */
StoreStatus store_arcade_best(Store *st, const char *round, int *best, int *rounds);

/* ---- drill and arcade: what their end writes (store_play.c) -------- */

typedef struct StoreArcadeRound {
    const char *round;          /* round kind, e.g. "sprint" (60 s) or "marathon" (3 min) */
    int64_t started_at, finished_at;
    int answered, correct, points;
    int best_combo;             /* the round's best combo (0 = none) */
    int bonus_xp;               /* XP for the round itself (0 = none) */
} StoreArcadeRound;

/* Stores a finished arcade round in ONE transaction: an exams row (mode
 * 'arcade'), the profile's best combo raised to round->best_combo, and
 * round->bonus_xp added to the XP. Sets *out_id when not NULL. On failure
 * nothing of it was written (store_error_message says why). The answers
 * themselves go through store_record_answer_xp, one transaction each. */
StoreStatus store_arcade_save(Store *st, const Bank *bank, const StoreArcadeRound *round,
                              int64_t *out_id);
/* Stores a finished drill session in ONE transaction: one more finished
 * session for the achievements and `bonus_xp` (>= 0) added to the XP. On
 * failure nothing of it was written. */
StoreStatus store_drill_finish(Store *st, int bonus_xp);

/* ---- queries for the screens ------------------------------------------ */

typedef struct StoreExamSummary {
    int64_t id;
    int64_t started_at, finished_at;
    int items, scored, correct_scored;
    int scaled, likely_low, likely_high;
    bool passed, esl;
} StoreExamSummary;

/* Finished exams of `mode` (mock, diagnostic, or arcade rounds), oldest first: the newest
 * `max` of them. Sets *count. */
StoreStatus store_exam_history(Store *st, StudyMode mode, StoreExamSummary *out, int max,
                               int *count);
/* The scaled scores of the last n finished mock exams, oldest first. */
StoreStatus store_last_mock_scores(Store *st, int n, int *scaled, int *count);

typedef struct StoreDomainStat {
    int right;
    int total;
} StoreDomainStat;

/* Right/total answers per domain (out[bank->domain_count]) from reviews with
 * at >= since (0 = all time), every mode. Domains come from the bank's
 * current item -> domain mapping; answers to ids it lacks are not counted. */
StoreStatus store_domain_accuracy(Store *st, const Bank *bank, int64_t since, StoreDomainStat *out);

typedef struct StoreBoxCounts {
    int box[BANK_MAX_BOXES + 1];    /* box[0] = unseen */
} StoreBoxCounts;

/* Items per Leitner box for each domain (out[bank->domain_count]); bank
 * items without a row count as box 0. */
StoreStatus store_box_counts(Store *st, const Bank *bank, StoreBoxCounts *out);

/* out[0] = bank items due by the end of today (overdue included), out[d] =
 * items falling due on local day today + d, for d < days. Unseen items are
 * not counted. */
StoreStatus store_due_per_day(Store *st, const Bank *bank, int64_t now, int days, int *out);

typedef struct StoreDay {
    int64_t day;                    /* local day number (store_day_of) */
    int answers, right, drill_answers;
    int64_t ms;
    bool goal_met;
} StoreDay;

/* Fills out[count] with days first_day .. first_day + count - 1 (zeros for
 * days without answers): the study calendar, e.g. first_day = today - 83. */
StoreStatus store_days(Store *st, int64_t first_day, int count, StoreDay *out);

typedef struct StoreTotals {
    int items_answered;             /* distinct item ids with an answer */
    int answers, right;
    int64_t ms;                     /* time studied: sum of reviews.ms */
    int mocks_finished, diagnostics_finished, arcade_rounds;  /* rounds with an answer */
    int days_studied;
    int64_t xp;
} StoreTotals;

/* Fills the all-time totals (one read transaction). */
StoreStatus store_totals(Store *st, StoreTotals *out);

/* Marks used[i] (parallel to bank->items, cleared first) for the items of
 * the last k mock forms begun (any state), so a new form can avoid them;
 * sets *count to the number marked. */
StoreStatus store_recent_form_items(Store *st, const Bank *bank, int k, bool *used, int *count);

/* Sets *count to how many distinct items a drill showed for the first time
 * (box_before 0) at or after `since` (Unix seconds): the new items the
 * day's drills have introduced. Items first met in an exam or an arcade
 * round do not count: a diagnostic does not eat the first drill's new
 * items. */
StoreStatus store_new_items_since(Store *st, int64_t since, int *count);

/* ---- stats ------------------------------------------------------------ */

/* The facts behind the achievements that no table keeps row by row: the
 * profile values the sessions write ("last_mock_all_meet" by a finished
 * mock, "best_combo" by an arcade round, "drill_sessions" by a finished
 * drill) and the days with a drill answer. */
typedef struct StoreAchievementFacts {
    bool last_mock_all_meet;        /* the last mock met the line in every domain */
    int best_combo;                 /* most right answers in a row in one arcade round */
    int drill_sessions;             /* drill sessions finished */
    int drill_days;                 /* days from first_day with a drill answer */
} StoreAchievementFacts;

/* Reads the achievement facts in one statement; drill_days counts the days
 * (store_day_of numbers) from first_day on. On failure *out is all zero and
 * store_error_message says what could not be read. */
StoreStatus store_achievement_facts(Store *st, int64_t first_day, StoreAchievementFacts *out);

/* ---- export, reset -------------------------------------------------- */

/* Writes the review log and the exam results to `path` as one RFC 4180 CSV
 * file whose first column `record` is "review" or "exam" (columns in the
 * README). Written to a new file created exclusively in path's folder
 * (.cloudprep-export-XXXXXX) and renamed over path, so a failed export
 * leaves no half file and no planted name or symbolic link is followed.
 * A path that exists and is not a regular file (link, folder, FIFO,
 * device) is refused with STORE_ERR_INVALID and a message. */
StoreStatus store_export_csv(Store *st, const char *path);

/* Backs up the file (backups/progress-YYYYMMDD-HHMMSS-reset.db), then clears
 * items, reviews, exams, exam_items, days and profile in one transaction;
 * settings stay. Nothing is cleared when the backup fails. On success the
 * backup's full path is written to `backup` (may be NULL). */
StoreStatus store_reset_progress(Store *st, int64_t now, char *backup, size_t backup_size);

/* ---- exam review: repeats across mocks ------------------------------- */

/* Sets *items to the distinct questions of exam `exam_id` and *repeated to
 * those of them the learner met in an earlier mock (a lower exam id, mode
 * mock, finished, or abandoned with that question answered or looked at).
 * On failure both are 0 and the status and store_error_message say why. */
StoreStatus store_exam_repeats(Store *st, int64_t exam_id, int *repeated, int *items);

#endif
