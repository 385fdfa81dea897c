/* Private parts of the progress store shared by store.c (open, recovery),
 * store_backup.c (backups), store_schema.c (migrations), store_write.c
 * (transactions), store_exam.c (an exam's life), store_query.c and
 * store_learning.c (reads, export) and store_util.c (helpers). Not for
 * other modules. */
#ifndef CLOUDPREP_STORE_INTERNAL_H
#define CLOUDPREP_STORE_INTERNAL_H

#include "compat.h"
#include <sqlite3.h>

#include "store.h"

struct Store {
    sqlite3 *db;
    bool writable;
    bool in_memory;
    int utc_offset;
    int busy_timeout_ms;
    int lock_fd;                    /* flock on data_dir/progress.lock, -1 when not held */
    int64_t last_review_id;
    char vfs[64];                   /* "" = default VFS */
    char dir[STORE_PATH_MAX];
    char path[STORE_PATH_MAX];
    char readonly_reason[256];      /* why writes are refused */
    char error[512];
};

/* Runs the migrations from the file's user_version to STORE_SCHEMA_VERSION,
 * each in its own transaction. Returns an SQLite result code; *from gets the
 * version found. */
int store_schema_migrate(Store *st, int *from);
/* Reads PRAGMA user_version; returns an SQLite result code. */
int store_schema_version(sqlite3 *db, int *version);

/* Runs one statement with parameters described by `types`: 'd' int,
 * 'l' int64_t, 't' const char * (NULL binds NULL), 'n' NULL (no argument).
 * Returns the SQLite result (SQLITE_DONE / SQLITE_ROW mapped to SQLITE_OK). */
int store_exec(Store *st, const char *sql, const char *types, ...);
/* Runs a query returning one integer; *out stays unchanged without a row. */
int store_query_int(Store *st, const char *sql, const char *types, int64_t *out, ...);
/* Prepares sql; returns the SQLite result. */
int store_prepare(Store *st, const char *sql, sqlite3_stmt **out);

/* Starts a write transaction (BEGIN IMMEDIATE). Fails with
 * STORE_ERR_READONLY on a read-only store. `action` names the operation for
 * messages ("save your answer"). */
StoreStatus store_begin(Store *st, const char *action);
/* Commits; on failure rolls back and sets the message. */
StoreStatus store_commit(Store *st, const char *action);
/* Rolls back after SQLite result rc failed `action`; returns the status
 * for rc and sets the message. */
StoreStatus store_fail(Store *st, int rc, const char *action);
/* True when the connection's last failure was a write over the process's
 * file size limit (EFBIG; SIGXFSZ is ignored by the program). */
bool store_size_limit_hit(sqlite3 *db);
/* Maps an SQLite result code to a status. */
StoreStatus store_status_from_rc(int rc);
/* vsnprintf into buf: for sentences that may be cut short by long paths. */
void store_say(char *buf, size_t size, const char *fmt, ...) COMPAT_PRINTF(3, 4);
/* Clears the error message. */
void store_clear_error(Store *st);

/* Statements shared by the writers (store_write.c), each run inside the
 * caller's transaction; they return an SQLite result code. */
/* Sets the "a bug in the caller" message; returns STORE_ERR_INVALID. */
StoreStatus store_invalid(Store *st, const char *what);
/* Inserts or updates the items row of item `id`. */
int store_upsert_item(Store *st, const char *id, const ItemState *s);
/* One row of the reviews table. */
typedef struct StoreReview {
    int64_t at;
    const char *id;
    StudyMode mode;
    bool correct;
    uint32_t answer;
    int ms;
    int box_before, box_after;
    Confidence confidence;         /* CONFIDENCE_NOT_ASKED stores NULL */
    int64_t exam_id;               /* 0 = not in an exam (NULL) */
} StoreReview;

/* Inserts a review row (inside the caller's transaction); returns an
 * SQLite result code. */
int store_insert_review(Store *st, const StoreReview *r);
/* Adds to the counters of the local day of `at` (goal_met once reached). */
int store_add_to_day(Store *st, int64_t at, int answers, int right, int drill, int64_t ms);
/* Adds delta to profile "xp". */
int store_add_xp_row(Store *st, int64_t delta);

/* Small shared helpers (store_util.c). */
bool store_join_path(char *buf, size_t size, const char *a, const char *b);
bool store_file_exists(const char *path);
/* Flushes a folder's entries (after a rename) where the system allows it. */
void store_sync_dir(const char *dir);
/* Formats `now` (UTC) with strftime `fmt`. */
void store_format_utc(int64_t now, const char *fmt, char *buf, size_t size);
/* The VFS name for sqlite3_open_v2: NULL for the default. */
const char *store_vfs_name(const Store *st);

/* Runs PRAGMA quick_check; returns the SQLite result and copies the first
 * line of its answer into why ("ok" when healthy). */
int store_quick_check(sqlite3 *db, char *why, size_t size);
/* Restores the newest backup that passes its own check over st->path;
 * returns true and fills info (restored_from, backup_date) when one was;
 * *found gets the number of backups there were. */
bool store_backup_restore_newest(Store *st, StoreOpenInfo *info, int *found);

/* What store_salvage recovered from a damaged file. */
typedef struct StoreSalvage {
    bool unreadable;            /* the damaged file could not be opened at all */
    int64_t answers_read;       /* answer rows read from the damaged file */
    int answers_recovered;      /* of those, answers the restored copy lacked, now added */
    int64_t answers_lost;       /* answers known to be in unreadable parts, not in the copy */
    bool answers_tail_lost;     /* the answers' table ended in damage: an unknown number more */
    bool other_tail_lost;       /* part of another table (exams, settings) could not be read */
    int exams_recovered;        /* exams (and arcade rounds) added or brought up to date */
    int items_recomputed;       /* item states rebuilt from the recovered answers */
} StoreSalvage;

/* Reads every readable row of the damaged file at damaged_path (table by
 * table, skipping unreadable pages) and merges into the open store, in one
 * transaction, the answers and exams it lacks, settings, and the larger
 * profile counters; then rebuilds the states of the items those answers
 * touched (store_items_recompute) and their days' counters. Returns an
 * SQLite result code; nothing is changed on failure. */
int store_salvage(Store *st, const char *damaged_path, StoreSalvage *out);
/* Rebuilds the items rows of the item ids in reviews_table (a table or
 * view with the reviews columns), replaying those answers, oldest first,
 * over each item's stored state: seen/right/wrong counted, box from the
 * last answer's box_after, due date from the default intervals; the memory
 * model (stability, difficulty) replayed from all of the item's answers. The one
 * place item states are recomputed from answers; sets *items to the
 * number of rows written. Returns an SQLite result code. */
int store_items_recompute(Store *st, const char *reviews_table, int *items);

/* Returns the number of backup files in data_dir/backups. */
int store_backup_count(const Store *st);

/* Makes a consistent copy of the open database at `dest` (temp file, then
 * rename; mode 0600, rollback journal). Returns an SQLite result code. */
int store_backup_to(Store *st, const char *dest);
/* Makes backups/progress-YYYYMMDD-HHMMSS-<tag>.db from `now` (UTC), keeping
 * the newest STORE_KEEP_EVENT_BACKUPS such files; refreshing today's daily
 * backup afterwards is the caller's job. Writes the file name into name (may
 * be NULL). Returns an SQLite result code. */
int store_backup_event(Store *st, int64_t now, const char *tag, char *name, size_t size);
/* Makes (or with `force`, replaces) today's daily backup and prunes old
 * ones. Returns an SQLite result code. */
int store_backup_daily(Store *st, int64_t now, bool force);

#endif
