/* Private parts of the progress store shared by store.c (open, recovery),
 * store_backup.c (backups), store_schema.c (migrations), store_write.c
 * (transactions), store_query.c and store_learning.c (reads, export) and
 * store_util.c (helpers). Not for other modules. */
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
    int64_t last_review_id;
    char vfs[64];                   /* "" = default VFS */
    char dir[STORE_PATH_MAX];
    char path[STORE_PATH_MAX];
    char readonly_reason[256];      /* why writes are refused */
    char error[512];
};

/* Sorted (id -> bank index) lookup, built per call from a Bank. */
typedef struct StoreIdEntry {
    const char *id;                 /* points into the Bank */
    int index;
} StoreIdEntry;

typedef struct StoreIdIndex {
    const Bank *bank;               /* a loaded bank answers by its own id table */
    StoreIdEntry *entries;          /* else: sorted by id (banks built by hand) */
    int count;
} StoreIdIndex;

/* Builds the lookup; returns false when out of memory. */
bool store_index_build(StoreIdIndex *ix, const Bank *bank);
/* Returns the bank index of id, or -1. */
int store_index_find(const StoreIdIndex *ix, const char *id);
void store_index_free(StoreIdIndex *ix);

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
/* Maps an SQLite result code to a status. */
StoreStatus store_status_from_rc(int rc);
/* vsnprintf into buf: for sentences that may be cut short by long paths. */
void store_say(char *buf, size_t size, const char *fmt, ...) COMPAT_PRINTF(3, 4);
/* Clears the error message. */
void store_clear_error(Store *st);

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
