/* Backups of the progress store: consistent copies made with the
 * sqlite3_backup API (daily, before a migration, before a reset), their
 * rotation, and restoring the newest good one after damage. Deciding when
 * to restore is store.c's job. */
#include "store_internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define STORE_MAX_BACKUPS_LISTED 512

/* ---- backups ------------------------------------------------------------ */

/* Marks a finished copy as a rollback-journal file (header bytes 18-19 =
 * 1, what PRAGMA journal_mode=DELETE writes; the copy has no WAL of its own)
 * and flushes it to disk with one fsync. Returns an SQLite result code. */
static int seal_copy(const char *path)
{
    int fd = open(path, O_RDWR);
    if (fd < 0)
        return SQLITE_CANTOPEN;
    static const unsigned char rollback[2] = {1, 1};
    int rc = SQLITE_OK;
    if (!compat_pwrite_all(fd, rollback, sizeof rollback, 18))
        rc = errno == ENOSPC ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    if (rc == SQLITE_OK && compat_fsync(fd) != 0)
        rc = errno == ENOSPC ? SQLITE_FULL : SQLITE_IOERR_FSYNC;
    close(fd);
    return rc;
}

/* Copies database `src` into dest through dest.tmp and a rename, so a
 * half-made copy never carries a backup's name. The temporary file is
 * written without journal or syncs (a crash leaves only a .tmp that the next
 * copy replaces) and flushed once at the end, before the rename. */
static int copy_database(Store *st, sqlite3 *src, const char *dest)
{
    char tmp[STORE_PATH_MAX];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", dest) >= (int)sizeof tmp)
        return SQLITE_CANTOPEN;
    unlink(tmp);
    sqlite3 *dst = NULL;
    int rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, store_vfs_name(st));
    if (rc == SQLITE_OK) {
        compat_make_private(tmp);
        sqlite3_busy_timeout(dst, st->busy_timeout_ms);
        rc = sqlite3_exec(dst, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF", NULL, NULL, NULL);
    }
    if (rc == SQLITE_OK) {
        sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
        if (!b) {
            rc = sqlite3_errcode(dst);
        } else {
            rc = sqlite3_backup_step(b, -1);
            int fin = sqlite3_backup_finish(b);
            rc = rc == SQLITE_DONE ? fin : rc;
        }
    }
    int close_rc = sqlite3_close(dst);
    if (rc == SQLITE_OK)
        rc = close_rc;
    if (rc == SQLITE_OK)
        rc = seal_copy(tmp);
    if (rc == SQLITE_OK && compat_replace_file(tmp, dest) != 0)
        rc = SQLITE_CANTOPEN;
    if (rc != SQLITE_OK)
        unlink(tmp);
    return rc;
}

int store_backup_to(Store *st, const char *dest)
{
    int rc = copy_database(st, st->db, dest);
    if (rc == SQLITE_OK) {
        char dir[STORE_PATH_MAX];
        snprintf(dir, sizeof dir, "%s", dest);
        char *slash = strrchr(dir, '/');
        if (slash) {
            *slash = '\0';
            store_sync_dir(dir);
        }
    }
    return rc;
}

static int compare_names_desc(const void *a, const void *b)
{
    return strcmp(*(char *const *)b, *(char *const *)a);
}

/* A daily backup's name: "progress-YYYYMMDD.db". */
static bool is_daily_name(const char *name)
{
    if (strlen(name) != 20 || strncmp(name, "progress-", 9) != 0 || strcmp(name + 17, ".db") != 0)
        return false;
    for (int i = 9; i < 17; i++)
        if (name[i] < '0' || name[i] > '9')
            return false;
    return true;
}

/* An event backup's name: "progress-YYYYMMDD-HHMMSS-TAG.db". */
static bool is_event_name(const char *name)
{
    size_t len = strlen(name);
    if (len < 29 || strncmp(name, "progress-", 9) != 0 || strcmp(name + len - 3, ".db") != 0)
        return false;
    for (int i = 9; i < 24; i++) {
        if (i == 17 ? name[i] != '-' : (name[i] < '0' || name[i] > '9'))
            return false;
    }
    return name[24] == '-';
}

/* Lists backup names in dir/backups (daily and/or event ones), newest
 * first; the caller frees each name and the array. */
static int list_backups(const Store *st, bool daily, bool event, char ***out)
{
    *out = NULL;
    char bdir[STORE_PATH_MAX];
    if (!store_join_path(bdir, sizeof bdir, st->dir, STORE_BACKUP_DIR))
        return 0;
    DIR *d = opendir(bdir);
    if (!d)
        return 0;
    char **names = calloc(STORE_MAX_BACKUPS_LISTED, sizeof *names);
    int n = 0;
    struct dirent *e;
    while (names && n < STORE_MAX_BACKUPS_LISTED && (e = readdir(d)) != NULL) {
        if ((daily && is_daily_name(e->d_name)) || (event && is_event_name(e->d_name))) {
            names[n] = strdup(e->d_name);
            if (names[n])
                n++;
        }
    }
    closedir(d);
    if (names)
        qsort(names, (size_t)n, sizeof *names, compare_names_desc);
    *out = names;
    return names ? n : 0;
}

static void free_names(char **names, int n)
{
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

static void prune_backups(Store *st, bool daily, int keep)
{
    char **names;
    int n = list_backups(st, daily, !daily, &names);
    for (int i = keep; i < n; i++) {
        char p[STORE_PATH_MAX];
        if (snprintf(p, sizeof p, "%s/%s/%s", st->dir, STORE_BACKUP_DIR, names[i]) < (int)sizeof p)
            unlink(p);
    }
    free_names(names, n);
}

static int backup_dir(Store *st, char *bdir, size_t size)
{
    if (!store_join_path(bdir, size, st->dir, STORE_BACKUP_DIR))
        return SQLITE_CANTOPEN;
    if (compat_mkdir_private(bdir) != 0 && errno != EEXIST)
        return errno == ENOSPC ? SQLITE_FULL : SQLITE_CANTOPEN;
    return SQLITE_OK;
}

int store_backup_daily(Store *st, int64_t now, bool force)
{
    char bdir[STORE_PATH_MAX], name[64], dest[STORE_PATH_MAX];
    int rc = backup_dir(st, bdir, sizeof bdir);
    if (rc != SQLITE_OK)
        return rc;
    store_format_utc(now, "progress-%Y%m%d.db", name, sizeof name);
    if (!store_join_path(dest, sizeof dest, bdir, name))
        return SQLITE_CANTOPEN;
    if (!force && store_file_exists(dest))
        return SQLITE_OK;
    rc = store_backup_to(st, dest);
    if (rc == SQLITE_OK)
        prune_backups(st, true, STORE_KEEP_DAILY_BACKUPS);
    return rc;
}

int store_backup_event(Store *st, int64_t now, const char *tag, char *name, size_t size)
{
    char bdir[STORE_PATH_MAX], stamp[32], file[128], dest[STORE_PATH_MAX];
    int rc = backup_dir(st, bdir, sizeof bdir);
    if (rc != SQLITE_OK)
        return rc;
    store_format_utc(now, "%Y%m%d-%H%M%S", stamp, sizeof stamp);
    snprintf(file, sizeof file, "progress-%s-%s.db", stamp, tag);
    if (!store_join_path(dest, sizeof dest, bdir, file))
        return SQLITE_CANTOPEN;
    rc = store_backup_to(st, dest);
    if (rc == SQLITE_OK) {
        prune_backups(st, false, STORE_KEEP_EVENT_BACKUPS);
        if (name)
            snprintf(name, size, "%s", file);
    }
    return rc;
}

/* Runs PRAGMA quick_check; returns the SQLite result and copies the first
 * line of its answer into why ("ok" when healthy). */
int store_quick_check(sqlite3 *db, char *why, size_t size)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            const unsigned char *t = sqlite3_column_text(stmt, 0);
            snprintf(why, size, "%s", t ? (const char *)t : "?");
            rc = SQLITE_OK;
        }
    }
    if (rc != SQLITE_OK)
        snprintf(why, size, "%s", sqlite3_errmsg(db));
    sqlite3_finalize(stmt);
    return rc;
}

/* Restores the newest backup that passes its own check; returns true and
 * fills info when one was restored. */
bool store_backup_restore_newest(Store *st, StoreOpenInfo *info, int *found)
{
    char **names;
    int n = list_backups(st, true, true, &names);
    *found = n;
    bool done = false;
    for (int i = 0; i < n && !done; i++) {
        char src[STORE_PATH_MAX];
        if (snprintf(src, sizeof src, "%s/%s/%s", st->dir, STORE_BACKUP_DIR, names[i]) >= (int)sizeof src)
            continue;
        sqlite3 *db = NULL;
        char why[256];
        int version = 0;
        int rc = sqlite3_open_v2(src, &db, SQLITE_OPEN_READONLY, store_vfs_name(st));
        if (rc == SQLITE_OK)
            rc = store_schema_version(db, &version);
        if (rc == SQLITE_OK)
            rc = store_quick_check(db, why, sizeof why);
        if (rc == SQLITE_OK && strcmp(why, "ok") == 0 && version <= STORE_SCHEMA_VERSION &&
            copy_database(st, db, st->path) == SQLITE_OK) {
            done = true;
            snprintf(info->restored_from, sizeof info->restored_from, "%s", names[i]);
            snprintf(info->backup_date, sizeof info->backup_date, "%.4s-%.2s-%.2s", names[i] + 9,
                     names[i] + 13, names[i] + 15);
        }
        sqlite3_close(db);
    }
    free_names(names, n);
    if (done)
        store_sync_dir(st->dir);
    return done;
}

