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

/* One backup file: its name and real age (modification time). */
typedef struct BackupEntry {
    char *name;
    int64_t mtime;
} BackupEntry;

/* Newest first by the file's real age; names only break ties, so a
 * backup named by a wrong (future) clock date never counts as newer. */
static int compare_age_desc(const void *a, const void *b)
{
    const BackupEntry *x = a, *y = b;
    if (x->mtime != y->mtime)
        return x->mtime < y->mtime ? 1 : -1;
    return strcmp(y->name, x->name);
}

/* Lists the regular backup files in dir/backups (daily and/or event ones),
 * newest first by modification time; free with free_entries. */
static int list_backups(const Store *st, bool daily, bool event, BackupEntry **out)
{
    *out = NULL;
    char bdir[STORE_PATH_MAX];
    if (!store_join_path(bdir, sizeof bdir, st->dir, STORE_BACKUP_DIR))
        return 0;
    DIR *d = opendir(bdir);
    if (!d)
        return 0;
    BackupEntry *list = calloc(STORE_MAX_BACKUPS_LISTED, sizeof *list);
    int n = 0;
    struct dirent *e;
    while (list && n < STORE_MAX_BACKUPS_LISTED && (e = readdir(d)) != NULL) {
        if (!((daily && is_daily_name(e->d_name)) || (event && is_event_name(e->d_name))))
            continue;
        char path[STORE_PATH_MAX];
        struct stat sb;
        if (!store_join_path(path, sizeof path, bdir, e->d_name) || lstat(path, &sb) != 0 ||
            !S_ISREG(sb.st_mode))
            continue;
        list[n].name = strdup(e->d_name);
        list[n].mtime = (int64_t)sb.st_mtime;
        if (list[n].name)
            n++;
    }
    closedir(d);
    if (list)
        qsort(list, (size_t)n, sizeof *list, compare_age_desc);
    *out = list;
    return list ? n : 0;
}

static void free_entries(BackupEntry *list, int n)
{
    for (int i = 0; i < n; i++)
        free(list[i].name);
    free(list);
}

int store_backup_count(const Store *st)
{
    BackupEntry *list;
    int n = list_backups(st, true, true, &list);
    free_entries(list, n);
    return n;
}

/* Keeps the `keep` newest backups of a kind by real age, never deleting
 * `just_made` (the backup this call's caller has just written), whatever
 * dates the other names carry. */
static void prune_backups(Store *st, bool daily, int keep, const char *just_made)
{
    BackupEntry *list;
    int n = list_backups(st, daily, !daily, &list);
    int kept = 0;
    for (int i = 0; i < n; i++) {
        if (strcmp(list[i].name, just_made) == 0)
            continue;
        if (++kept < keep)
            continue; /* one place is the just-made backup's */
        char p[STORE_PATH_MAX];
        if (snprintf(p, sizeof p, "%s/%s/%s", st->dir, STORE_BACKUP_DIR, list[i].name) < (int)sizeof p)
            unlink(p);
    }
    free_entries(list, n);
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
        prune_backups(st, true, STORE_KEEP_DAILY_BACKUPS, name);
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
        prune_backups(st, false, STORE_KEEP_EVENT_BACKUPS, file);
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

/* What a healthy backup holds, to choose the one with the most progress. */
typedef struct BackupCandidate {
    int index;          /* into the listed entries */
    int64_t last_review, reviews, last_exam;
    bool reset;         /* made before "reset progress": only as a last resort */
} BackupCandidate;

/* Opens a backup read-only and checks it; fills c and returns true when it
 * is healthy and not from a newer cloudprep. */
static bool inspect_backup(Store *st, const char *path, BackupCandidate *c)
{
    sqlite3 *db = NULL;
    char why[256];
    int version = 0;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, store_vfs_name(st));
    if (rc == SQLITE_OK)
        rc = store_schema_version(db, &version);
    if (rc == SQLITE_OK)
        rc = store_quick_check(db, why, sizeof why);
    bool ok = rc == SQLITE_OK && strcmp(why, "ok") == 0 && version >= 1 && version <= STORE_SCHEMA_VERSION;
    sqlite3_stmt *stmt = NULL;
    if (ok && sqlite3_prepare_v2(db, "SELECT (SELECT coalesce(max(id), 0) FROM reviews),"
                                     " (SELECT count(*) FROM reviews), (SELECT coalesce(max(id), 0) FROM exams)",
                                 -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
        c->last_review = sqlite3_column_int64(stmt, 0);
        c->reviews = sqlite3_column_int64(stmt, 1);
        c->last_exam = sqlite3_column_int64(stmt, 2);
    } else {
        ok = false;
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return ok;
}

/* The better of two healthy backups holds more progress: later answer ids
 * (they only grow), more answers, later exams; then the newer file. */
static bool candidate_better(const BackupCandidate *a, const BackupCandidate *b)
{
    if (a->reset != b->reset)
        return !a->reset;
    if (a->last_review != b->last_review)
        return a->last_review > b->last_review;
    if (a->reviews != b->reviews)
        return a->reviews > b->reviews;
    if (a->last_exam != b->last_exam)
        return a->last_exam > b->last_exam;
    return a->index < b->index; /* entries are newest first by real age */
}

/* Restores the healthy backup holding the most progress (by content, then
 * real age; never by the date in its name); returns true and fills info
 * when one was restored. */
bool store_backup_restore_newest(Store *st, StoreOpenInfo *info, int *found)
{
    BackupEntry *list;
    int n = list_backups(st, true, true, &list);
    *found = n;
    bool done = false;
    BackupCandidate best = {.index = -1};
    for (int i = 0; i < n; i++) {
        char src[STORE_PATH_MAX];
        if (snprintf(src, sizeof src, "%s/%s/%s", st->dir, STORE_BACKUP_DIR, list[i].name) >= (int)sizeof src)
            continue;
        BackupCandidate c = {.index = i, .reset = strstr(list[i].name, "-reset.db") != NULL};
        if (inspect_backup(st, src, &c) && (best.index < 0 || candidate_better(&c, &best)))
            best = c;
    }
    if (best.index >= 0) {
        const char *name = list[best.index].name;
        char src[STORE_PATH_MAX];
        sqlite3 *db = NULL;
        store_say(src, sizeof src, "%s/%s/%s", st->dir, STORE_BACKUP_DIR, name);
        if (sqlite3_open_v2(src, &db, SQLITE_OPEN_READONLY, store_vfs_name(st)) == SQLITE_OK &&
            copy_database(st, db, st->path) == SQLITE_OK) {
            done = true;
            snprintf(info->restored_from, sizeof info->restored_from, "%s", name);
            snprintf(info->backup_date, sizeof info->backup_date, "%.4s-%.2s-%.2s", name + 9, name + 13,
                     name + 15); /* the name's date, so the file can be found by it */
        }
        sqlite3_close(db);
    }
    free_entries(list, n);
    if (done)
        store_sync_dir(st->dir);
    return done;
}
