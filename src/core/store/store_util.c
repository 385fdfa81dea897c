/* Helpers every store_*.c file uses: paths and times, error messages and
 * statuses, transactions, statements with bound arguments, and the id ->
 * bank index lookup. Nothing here opens or changes a file by itself. */
#include "store_internal.h"

#include "bankload.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- small helpers ---------------------------------------------------- */

bool store_join_path(char *buf, size_t size, const char *a, const char *b)
{
    int n = snprintf(buf, size, "%s" COMPAT_DIR_SEP_STR "%s", a, b);
    return n > 0 && (size_t)n < size;
}

bool store_file_exists(const char *path)
{
    return compat_exists(path);
}

/* Flushes a folder's entries (after a rename) where the system allows it. */
void store_sync_dir(const char *dir)
{
    compat_sync_dir(dir);
}

/* Formats `now` (UTC) with strftime `fmt`. */
void store_format_utc(int64_t now, const char *fmt, char *buf, size_t size)
{
    time_t t = (time_t)now;
    struct tm tm;
    if (!gmtime_r(&t, &tm) || strftime(buf, size, fmt, &tm) == 0)
        snprintf(buf, size, "%lld", (long long)now);
}

const char *store_vfs_name(const Store *st)
{
    return st->vfs[0] ? st->vfs : NULL;
}

/* Formats a message into buf; long paths may cut it short, which is fine
 * for a sentence (vsnprintf, so no truncation warnings at each call). */
void store_say(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, size, fmt, ap);
    va_end(ap);
}

/* ---- errors ----------------------------------------------------------- */

StoreStatus store_status_from_rc(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
        return STORE_OK;
    case SQLITE_FULL:
        return STORE_ERR_FULL;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return STORE_ERR_READONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return STORE_ERR_BUSY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return STORE_ERR_CORRUPT;
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
        return STORE_ERR_INVALID;
    default:
        return STORE_ERR_IO;
    }
}

const char *store_status_name(StoreStatus status)
{
    switch (status) {
    case STORE_OK: return "ok";
    case STORE_NOT_FOUND: return "not found";
    case STORE_STALE: return "exam can't resume";
    case STORE_ERR_READONLY: return "read-only";
    case STORE_ERR_FULL: return "disk full";
    case STORE_ERR_BUSY: return "busy";
    case STORE_ERR_CORRUPT: return "damaged";
    case STORE_ERR_IO: return "I/O error";
    case STORE_ERR_INVALID: return "invalid argument";
    }
    return "unknown";
}

void store_clear_error(Store *st)
{
    st->error[0] = '\0';
}

bool store_size_limit_hit(sqlite3 *db)
{
    return db && sqlite3_system_errno(db) == EFBIG;
}

StoreStatus store_fail(Store *st, int rc, const char *action)
{
    const char *sqlmsg = st->db ? sqlite3_errmsg(st->db) : "no database";
    StoreStatus status = store_status_from_rc(rc);
    if (store_size_limit_hit(st->db)) {
        snprintf(st->error, sizeof st->error,
                 "Could not %s: the file size limit was reached (ulimit -f). Raise the limit and restart "
                 "cloudprep; everything saved before is safe.", action);
        if (!sqlite3_get_autocommit(st->db))
            sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        return STORE_ERR_FULL;
    }
    switch (status) {
    case STORE_ERR_FULL:
        snprintf(st->error, sizeof st->error,
                 "Could not %s: the disk is full. Free some space; everything saved before is safe.",
                 action);
        break;
    case STORE_ERR_READONLY:
        store_say(st->error, sizeof st->error,
                 "Could not %s: the progress file can't be written (%s). Check the permissions of %s.",
                 action, sqlmsg, st->dir);
        break;
    case STORE_ERR_BUSY:
        snprintf(st->error, sizeof st->error,
                 "Could not %s: another program is using the progress file. Close other copies of "
                 "cloudprep and try again.", action);
        break;
    case STORE_ERR_CORRUPT:
        snprintf(st->error, sizeof st->error,
                 "Could not %s: the progress file looks damaged (%s). Restart cloudprep to restore "
                 "the last backup.", action, sqlmsg);
        break;
    default:
        snprintf(st->error, sizeof st->error, "Could not %s: %s (SQLite error %d).", action, sqlmsg,
                 rc);
        break;
    }
    if (st->db && !sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return status == STORE_OK ? STORE_ERR_IO : status;
}

StoreStatus store_begin(Store *st, const char *action)
{
    if (!st->writable) {
        snprintf(st->error, sizeof st->error, "Could not %s: %s", action, st->readonly_reason);
        return STORE_ERR_READONLY;
    }
    store_clear_error(st);
    int rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return store_fail(st, rc, action);
    return STORE_OK;
}

StoreStatus store_commit(Store *st, const char *action)
{
    int rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return store_fail(st, rc, action);
    return STORE_OK;
}

/* ---- statements --------------------------------------------------------- */

int store_prepare(Store *st, const char *sql, sqlite3_stmt **out)
{
    return sqlite3_prepare_v2(st->db, sql, -1, out, NULL);
}

static int bind_args(sqlite3_stmt *stmt, const char *types, va_list ap)
{
    int rc = SQLITE_OK;
    for (int i = 0; types && types[i] && rc == SQLITE_OK; i++) {
        int col = i + 1;
        switch (types[i]) {
        case 'd':
            rc = sqlite3_bind_int(stmt, col, va_arg(ap, int));
            break;
        case 'l':
            rc = sqlite3_bind_int64(stmt, col, (sqlite3_int64)va_arg(ap, int64_t));
            break;
        case 't': {
            const char *s = va_arg(ap, const char *);
            rc = s ? sqlite3_bind_text(stmt, col, s, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(stmt, col);
            break;
        }
        case 'f':
            rc = sqlite3_bind_double(stmt, col, va_arg(ap, double));
            break;
        case 'n':
            rc = sqlite3_bind_null(stmt, col);
            break;
        default:
            rc = SQLITE_MISUSE;
        }
    }
    return rc;
}

int store_exec(Store *st, const char *sql, const char *types, ...)
{
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare(st, sql, &stmt);
    if (rc != SQLITE_OK)
        return rc;
    va_list ap;
    va_start(ap, types);
    rc = bind_args(stmt, types, ap);
    va_end(ap);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
        rc = SQLITE_OK;
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int store_query_int(Store *st, const char *sql, const char *types, int64_t *out, ...)
{
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare(st, sql, &stmt);
    if (rc != SQLITE_OK)
        return rc;
    va_list ap;
    va_start(ap, out);
    rc = bind_args(stmt, types, ap);
    va_end(ap);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL)
            *out = sqlite3_column_int64(stmt, 0);
        if (rc == SQLITE_ROW)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

