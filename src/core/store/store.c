/* Opening the progress store: the data folder, the integrity check, moving a
 * damaged file aside (store_backup.c restores the newest backup), read-only
 * fallbacks (newer file, read-only folder, disk full) and the open message.
 * The schema is in store_schema.c, writes in store_write.c, reads in
 * store_query.c, shared helpers in store_util.c. */
#include "store_internal.h"
#include "compat.h"
#include "fsutil.h"
#include "strbuf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- small helpers ---------------------------------------------------- */

/* ---- inspecting an existing file ------------------------------------- */

typedef enum Inspect { INSPECT_OK, INSPECT_EMPTY, INSPECT_DAMAGED, INSPECT_NEWER, INSPECT_UNREADABLE } Inspect;

/* Reads user_version straight from the file header (bytes 60..63), for a
 * file whose schema this SQLite can't parse. Returns -1 when unknown. */
static int header_user_version(const char *path)
{
    unsigned char h[100];
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t got = fread(h, 1, sizeof h, f);
    fclose(f);
    if (got != sizeof h || memcmp(h, "SQLite format 3", 16) != 0)
        return -1;
    return (int)(((uint32_t)h[60] << 24) | ((uint32_t)h[61] << 16) | ((uint32_t)h[62] << 8) | h[63]);
}

static bool is_damage(int rc)
{
    return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

/* Looks at path without writing to it: its version, whether it is damaged.
 * A newer file's connection (read-only) is handed back in *keep. */
static Inspect inspect_file(Store *st, const char *path, int flags, int *version, sqlite3 **keep,
                            char *why, size_t size, int *rc_out)
{
    sqlite3 *db = NULL;
    *keep = NULL;
    *version = 0;
    int rc = sqlite3_open_v2(path, &db, flags, store_vfs_name(st));
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(db, st->busy_timeout_ms);
        rc = store_schema_version(db, version);
    }
    *rc_out = rc;
    if (rc != SQLITE_OK) {
        snprintf(why, size, "%s", db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        int raw = (rc & 0xff) == SQLITE_CORRUPT ? header_user_version(path) : -1;
        if (raw > STORE_SCHEMA_VERSION) {
            /* a newer schema this SQLite can't parse: never treat as damage */
            *version = raw;
            *keep = db;
            return INSPECT_NEWER;
        }
        sqlite3_close(db);
        if ((flags & SQLITE_OPEN_READONLY) && (rc & 0xff) == SQLITE_READONLY)
            return inspect_file(st, path, SQLITE_OPEN_READWRITE, version, keep, why, size, rc_out);
        return is_damage(rc) ? INSPECT_DAMAGED : INSPECT_UNREADABLE;
    }
    if (*version > STORE_SCHEMA_VERSION) {
        *keep = db;
        snprintf(why, size, "file version %d", *version);
        return INSPECT_NEWER;
    }
    rc = store_quick_check(db, why, size);
    *rc_out = rc;
    Inspect result = INSPECT_OK;
    if (rc != SQLITE_OK && (flags & SQLITE_OPEN_READONLY) && (rc & 0xff) == SQLITE_READONLY) {
        /* a hot journal or WAL that only a writer may recover: look again as one */
        sqlite3_close(db);
        return inspect_file(st, path, SQLITE_OPEN_READWRITE, version, keep, why, size, rc_out);
    }
    if (rc != SQLITE_OK)
        result = is_damage(rc) ? INSPECT_DAMAGED : INSPECT_UNREADABLE;
    else if (strcmp(why, "ok") != 0)
        result = INSPECT_DAMAGED;
    if (result == INSPECT_OK && *version == 0) {
        int64_t tables = 0;
        sqlite3_stmt *stmt = NULL;
        if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &stmt, NULL) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            tables = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        if (tables > 0) {
            snprintf(why, size, "it is an SQLite file, but not a cloudprep progress file");
            result = INSPECT_DAMAGED;
        } else {
            struct stat sb;
            long long bytes = stat(path, &sb) == 0 ? (long long)sb.st_size : 0;
            snprintf(why, size, "it is empty (%lld bytes) and holds no progress", bytes);
            result = INSPECT_EMPTY;
        }
    }
    sqlite3_close(db);
    return result;
}

/* ---- recovery ------------------------------------------------------------ */

/* Moves path (and its -wal / -journal) aside as progress.db.damaged-STAMP;
 * returns false with errno when the rename fails. */
static bool move_aside(Store *st, int64_t now, char *name, size_t size)
{
    char stamp[32], dest[STORE_PATH_MAX];
    store_format_utc(now, "%Y%m%d-%H%M%S", stamp, sizeof stamp);
    for (int n = 1; n < 100; n++) {
        if (n == 1)
            snprintf(name, size, "%s.damaged-%s", STORE_FILE_NAME, stamp);
        else
            snprintf(name, size, "%s.damaged-%s-%d", STORE_FILE_NAME, stamp, n);
        if (!store_join_path(dest, sizeof dest, st->dir, name)) {
            errno = ENAMETOOLONG;
            return false;
        }
        if (!store_file_exists(dest))
            break;
    }
    if (compat_replace_file(st->path, dest) != 0)
        return false;
    /* the journal files belong to the damaged file: keep them beside it under
     * names SQLite pairs with it, so it can still be examined */
    static const char *const SIDE[] = {"-wal", "-journal"};
    for (int i = 0; i < 2; i++) {
        char from[STORE_PATH_MAX + 16], to[STORE_PATH_MAX + 16];
        snprintf(from, sizeof from, "%s%s", st->path, SIDE[i]);
        snprintf(to, sizeof to, "%s%s", dest, SIDE[i]);
        if (store_file_exists(from))
            (void)compat_replace_file(from, to);
    }
    char shm[STORE_PATH_MAX + 16];
    snprintf(shm, sizeof shm, "%s-shm", st->path);
    unlink(shm);
    store_sync_dir(st->dir);
    return true;
}

/* ---- read-only fallbacks ------------------------------------------------- */

/* Writes a file: URI for path (every byte outside a safe set escaped). */
static bool file_uri(const char *path, const char *query, char *buf, size_t size)
{
    static const char HEX[] = "0123456789ABCDEF";
    size_t n = 0;
    const char *prefix = "file:";
    for (const char *p = prefix; *p; p++)
        if (n + 1 < size)
            buf[n++] = *p;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        bool safe = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                    *p == '/' || *p == '.' || *p == '-' || *p == '_';
        if (n + 4 >= size)
            return false;
        if (safe) {
            buf[n++] = (char)*p;
        } else {
            buf[n++] = '%';
            buf[n++] = HEX[*p >> 4];
            buf[n++] = HEX[*p & 15];
        }
    }
    int q = snprintf(buf + n, size - n, "?%s", query);
    return q > 0 && (size_t)q < size - n;
}

static bool readable(sqlite3 *db)
{
    sqlite3_stmt *stmt = NULL;
    bool ok = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &stmt, NULL) == SQLITE_OK &&
              sqlite3_step(stmt) == SQLITE_ROW;
    sqlite3_finalize(stmt);
    return ok;
}

/* Opens the existing file read-only (then as immutable, for a folder where
 * even the WAL index can't be made); returns the connection or NULL. */
static sqlite3 *open_readonly(Store *st)
{
    struct stat sb;
    if (lstat(st->path, &sb) != 0 || !S_ISREG(sb.st_mode))
        return NULL; /* never open a folder, FIFO or device as the database */
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(st->path, &db, SQLITE_OPEN_READONLY, store_vfs_name(st)) == SQLITE_OK) {
        sqlite3_busy_timeout(db, st->busy_timeout_ms);
        if (readable(db))
            return db;
    }
    sqlite3_close(db);
    db = NULL;
    char uri[STORE_PATH_MAX * 3 + 32];
    if (file_uri(st->path, "immutable=1", uri, sizeof uri) &&
        sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, store_vfs_name(st)) == SQLITE_OK &&
        readable(db))
        return db;
    sqlite3_close(db);
    return NULL;
}

/* Falls back to an empty in-memory store with the schema: queries answer
 * (nothing), writes are refused. */
static void open_unavailable(Store *st)
{
    sqlite3_close(st->db);
    st->db = NULL;
    st->in_memory = true;
    if (sqlite3_open_v2(":memory:", &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK) {
        int from = 0;
        (void)store_schema_migrate(st, &from);
    }
}

static const char *reason_advice(int rc, const char *reason)
{
    if (strstr(reason, "ulimit -f"))
        return "Raise the file size limit (ulimit -f) and restart cloudprep.";
    if (strstr(reason, "disk is full"))
        return "Free some disk space and restart cloudprep.";
    if (strstr(reason, "not a file"))
        return "Move it out of the way (or use --data-dir with another folder) and restart cloudprep.";
    if ((rc & 0xff) == SQLITE_FULL)
        return "Free some disk space and restart cloudprep.";
    if ((rc & 0xff) == SQLITE_BUSY)
        return "Close other copies of cloudprep and restart it.";
    return "Check that the folder can be written, or start cloudprep with --data-dir and a writable folder.";
}

/* Reads what went wrong from rc (and the connection's message) as a phrase. */
static void reason_text(sqlite3 *db, int rc, char *buf, size_t size)
{
    if (store_size_limit_hit(db)) {
        snprintf(buf, size, "the file size limit was reached (ulimit -f)");
        return;
    }
    if (db && sqlite3_system_errno(db) == ENOSPC) {
        snprintf(buf, size, "the disk is full");
        return;
    }
    switch (rc & 0xff) {
    case SQLITE_FULL:
        snprintf(buf, size, "the disk is full");
        break;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        if (db)
            store_say(buf, size, "the data folder or file can't be written (%s)", sqlite3_errmsg(db));
        else
            snprintf(buf, size, "the data folder or file can't be written");
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        snprintf(buf, size, "another program keeps the file locked");
        break;
    default:
        snprintf(buf, size, "%s", db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    }
}

/* The file can't be written: show it read-only if it can be read, else an
 * empty in-memory store. */
static void fall_back_readonly(Store *st, StoreOpenInfo *info, int rc, const char *reason)
{
    sqlite3_close(st->db);
    st->db = open_readonly(st);
    st->writable = false;
    snprintf(st->readonly_reason, sizeof st->readonly_reason, "%s.", reason);
    int version = 0;
    if (st->db && (store_schema_version(st->db, &version) != SQLITE_OK || version < 1)) {
        /* an empty or unreadable file has no tables to show */
        sqlite3_close(st->db);
        st->db = NULL;
    }
    char note[400] = "";
    if (info->damaged)
        store_say(note, sizeof note, " (The damaged file was moved aside as %s.)", info->damaged_name);
    if (st->db) {
        info->to_version = version;
        info->kind = STORE_OPEN_READONLY_FOLDER;
        snprintf(info->message, sizeof info->message,
                 "Your progress can't be saved: %s. It is shown read-only and nothing you do now "
                 "will be kept. %s%s", reason, reason_advice(rc, reason), note);
    } else {
        open_unavailable(st);
        info->kind = STORE_OPEN_UNAVAILABLE;
        snprintf(info->message, sizeof info->message,
                 "Your progress can't be opened or saved: %s. You can study, but nothing will be "
                 "kept this session. %s%s", reason, reason_advice(rc, reason), note);
    }
}

/* ---- opening for writing -------------------------------------------------- */

static int pragma_setup(Store *st)
{
    sqlite3_busy_timeout(st->db, st->busy_timeout_ms);
    int rc = sqlite3_exec(st->db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = store_exec(st, "PRAGMA journal_mode=WAL", NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(st->db, "PRAGMA synchronous=FULL", NULL, NULL, NULL);
    return rc;
}

/* Opens the file for writing, migrates it (after a backup) and proves a write
 * works. Returns an SQLite result; on failure st->db is left for messages. */
static int open_writable(Store *st, int64_t now, StoreOpenInfo *info, bool existed)
{
    /* One thread uses the store: no per-call mutex (about a quarter fewer instructions per read). */
    int rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                             store_vfs_name(st));
    if (rc != SQLITE_OK)
        return rc;
    if (sqlite3_db_readonly(st->db, "main") == 1)
        return SQLITE_READONLY;
    if (!existed)
        compat_make_private(st->path);
    rc = pragma_setup(st);
    if (rc != SQLITE_OK)
        return rc;
    int version = 0;
    rc = store_schema_version(st->db, &version);
    if (rc != SQLITE_OK)
        return rc;
    if (version > 0 && version < STORE_SCHEMA_VERSION) {
        char tag[16], name[128];
        snprintf(tag, sizeof tag, "v%d", version);
        rc = store_backup_event(st, now, tag, name, sizeof name);
        if (rc != SQLITE_OK)
            return rc; /* never migrate without a copy of the old file */
    }
    int from = 0;
    rc = store_schema_migrate(st, &from);
    if (rc != SQLITE_OK)
        return rc;
    info->from_version = from;
    info->migrated = from > 0 && from < STORE_SCHEMA_VERSION;
    info->created = info->created || from == 0;
    /* prove that this file takes writes, now rather than at the first answer */
    return store_exec(st, "INSERT INTO profile(key, value) VALUES('opened_at', ?)"
                          " ON CONFLICT(key) DO UPDATE SET value = excluded.value", "l", now);
}

/* Turns what the check said into words for people (`damage`) and keeps
 * SQLite's own text, on one line, in info->damage_detail. */
static void damage_words(int rc, const char *why, char *damage, size_t size, StoreOpenInfo *info)
{
    size_t n = 0;
    for (const char *p = why; *p && n + 1 < sizeof info->damage_detail; p++)
        info->damage_detail[n++] = (*p == '\n' || *p == '\r') ? ' ' : *p;
    info->damage_detail[n] = '\0';
    if (strstr(why, "not a cloudprep") || strstr(why, "is empty"))
        snprintf(damage, size, "%s", why);
    else if ((rc & 0xff) == SQLITE_NOTADB)
        snprintf(damage, size, "it is not a database file any more");
    else if ((rc & 0xff) == SQLITE_CORRUPT)
        snprintf(damage, size, "SQLite found it malformed");
    else
        snprintf(damage, size, "its integrity check failed");
}

/* Says what the salvage recovered and what is lost, after the restore. */
static void salvage_words(const StoreOpenInfo *info, char *m, size_t size)
{
    if (!info->salvaged) {
        strbuf_append(m, size, " The damaged file could not be read, so answers given after that backup "
                               "are lost.");
        return;
    }
    strbuf_append(m, size, " From the damaged file, %d answer%s given after that backup %s recovered",
                  info->salvaged_answers, info->salvaged_answers == 1 ? "" : "s",
                  info->salvaged_answers == 1 ? "was" : "were");
    if (info->salvaged_exams > 0)
        strbuf_append(m, size, " with %d exam%s", info->salvaged_exams, info->salvaged_exams == 1 ? "" : "s");
    if (info->lost_answers > 0 && info->lost_unknown)
        strbuf_append(m, size, "; %lld could not be read, and more after them may be lost.", info->lost_answers);
    else if (info->lost_answers > 0)
        strbuf_append(m, size, "; %lld could not be read and %s lost.", info->lost_answers,
                      info->lost_answers == 1 ? "is" : "are");
    else if (info->lost_unknown)
        strbuf_append(m, size, "; the end of its answers could not be read, so some may be lost.");
    else
        strbuf_append(m, size, "; none were lost.");
}

static void compose_message(Store *st, StoreOpenInfo *info, const char *damage, int backups_found)
{
    char *m = info->message;
    size_t size = sizeof info->message;
    m[0] = '\0';
    if (info->restored) {
        strbuf_append(m, size, "Your progress file was damaged (%s), so it was moved aside as %s and the "
                        "backup from %s was restored.",
               damage, info->damaged_name, info->backup_date);
        salvage_words(info, m, size);
    } else if (info->damaged && backups_found == 0) {
        strbuf_append(m, size, "Your progress file was damaged (%s) and there was no backup to restore, so "
                        "it was moved aside as %s and a new one was started with what could be read: "
                        "%d answer%s recovered",
               damage, info->damaged_name, info->salvaged_answers, info->salvaged_answers == 1 ? "" : "s");
        if (info->lost_answers > 0 || info->lost_unknown)
            strbuf_append(m, size, ", %s%lld lost.", info->lost_unknown ? "at least " : "", info->lost_answers);
        else
            strbuf_append(m, size, ".");
    } else if (info->damaged) {
        strbuf_append(m, size, "Your progress file was damaged (%s) and none of its %d backups could be "
                        "restored, so it was moved aside as %s and a new, empty one was started.",
               damage, backups_found, info->damaged_name);
    } else if (info->created) {
        strbuf_append(m, size, "Welcome! Your progress will be kept in %s.", st->path);
    }
    if (info->migrated) {
        strbuf_append(m, size, "%sYour progress file was updated from version %d to %d; a copy of the old "
                        "one is in %s/%s.", m[0] ? " " : "", info->from_version, info->to_version,
               st->dir, STORE_BACKUP_DIR);
    }
    if (info->backup_failed)
        strbuf_append(m, size, "%sToday's backup could not be made; your progress is still saved.",
               m[0] ? " " : "");
}

static StoreOpenKind open_kind(const StoreOpenInfo *info)
{
    if (info->restored)
        return STORE_OPEN_RESTORED;
    if (info->damaged)
        return STORE_OPEN_RESTARTED;
    if (info->migrated)
        return STORE_OPEN_MIGRATED;
    if (info->created)
        return STORE_OPEN_CREATED;
    return STORE_OPEN_OK;
}

/* Looks at the existing file before anything writes to it: a newer file
 * is kept open read-only, an unreadable one falls back, a damaged one is
 * moved aside and the newest good backup put in its place. Returns false
 * when the store is already settled (read-only or unavailable). */
static bool check_existing(Store *st, int64_t now, StoreOpenInfo *info, char *damage, size_t size,
                           int *backups_found)
{
    int version = 0, rc_seen = SQLITE_OK;
    sqlite3 *keep = NULL;
    char why[256], reason[512];
    Inspect ins = inspect_file(st, st->path, SQLITE_OPEN_READONLY, &version, &keep, why, sizeof why, &rc_seen);
    info->from_version = version;
    if (ins == INSPECT_NEWER) {
        st->db = keep;
        st->writable = false;
        info->kind = STORE_OPEN_READONLY_NEWER;
        info->to_version = version;
        snprintf(st->readonly_reason, sizeof st->readonly_reason,
                 "the progress file is from a newer version of cloudprep and is opened read-only.");
        snprintf(info->message, sizeof info->message,
                 "This progress file was made by a newer version of cloudprep (file version %d; "
                 "this one knows up to %d). It is opened read-only and nothing you do now will be "
                 "saved. Update cloudprep to keep your progress.", version, STORE_SCHEMA_VERSION);
        return false;
    }
    if (ins == INSPECT_UNREADABLE) {
        reason_text(NULL, rc_seen, reason, sizeof reason);
        store_say(reason + strlen(reason), sizeof reason - strlen(reason), " (%s)", why);
        fall_back_readonly(st, info, rc_seen, reason);
        return false;
    }
    if (ins == INSPECT_OK)
        return true;
    /* An empty file where backups exist lost its contents (a crash while
     * creating it, a truncating tool): damage, not a new start. */
    if (ins == INSPECT_EMPTY && store_backup_count(st) == 0)
        return true;
    damage_words(rc_seen, why, damage, size, info);
    if (!move_aside(st, now, info->damaged_name, sizeof info->damaged_name)) {
        store_say(reason, sizeof reason, "the file %s is damaged (%s) and could not be moved aside (%s)",
                  st->path, damage, strerror(errno));
        fall_back_readonly(st, info, SQLITE_CANTOPEN, reason);
        return false;
    }
    info->damaged = true;
    info->from_version = 0;
    info->restored = store_backup_restore_newest(st, info, backups_found);
    info->created = !info->restored;
    return true;
}

/* Takes the data folder's lock so two copies of cloudprep never write the
 * same progress file. When another copy holds it, the store stays empty and
 * read-only (nothing of the file is opened, so nothing can be overwritten)
 * and returns false. A folder where the lock file can't be made (read-only
 * medium) goes on without it: nothing can be written there either. */
static bool take_lock(Store *st, StoreOpenInfo *info)
{
    char path[STORE_PATH_MAX];
    if (!store_join_path(path, sizeof path, st->dir, STORE_LOCK_NAME))
        return true;
    int err = fsutil_lock(path, &st->lock_fd);
    if (err != EWOULDBLOCK)
        return true;
    open_unavailable(st);
    st->writable = false;
    info->kind = STORE_OPEN_LOCKED;
    info->writable = false;
    store_say(st->readonly_reason, sizeof st->readonly_reason,
              "cloudprep is already running with the progress file %s.", st->path);
    store_say(info->message, sizeof info->message,
              "cloudprep is already running with the progress file %s. Only one copy can use a "
              "progress file at a time, so this one has not opened it and will save nothing. "
              "Switch to the running copy, or close it and start cloudprep again.", st->path);
    return false;
}

/* An existing store opened only to be read (export): refuses, with a
 * message, a missing folder or file, anything but a regular file, and a
 * damaged or foreign file; never creates, restores or locks anything. */
static void open_existing_readonly(Store *st, StoreOpenInfo *info)
{
    struct stat sb;
    char why[256] = "";
    st->writable = false;
    snprintf(st->readonly_reason, sizeof st->readonly_reason, "the progress file is open only to be read.");
    if (stat(st->dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
        store_say(why, sizeof why, "there is no data folder %s", st->dir);
    else if (lstat(st->path, &sb) != 0)
        store_say(why, sizeof why, "there is no progress file in %s", st->dir);
    else if (!S_ISREG(sb.st_mode))
        store_say(why, sizeof why, "%s is %s, not a file", st->path, fsutil_kind_name(sb.st_mode));
    int version = 0;
    if (!why[0]) {
        char check[256];
        int rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READONLY, store_vfs_name(st));
        if (rc == SQLITE_OK) {
            sqlite3_busy_timeout(st->db, st->busy_timeout_ms);
            rc = store_schema_version(st->db, &version);
        }
        if (rc == SQLITE_OK)
            rc = store_quick_check(st->db, check, sizeof check);
        if (rc != SQLITE_OK)
            store_say(why, sizeof why, "%s can't be read (%s); start cloudprep once to restore it, then export",
                      st->path, sqlite3_errstr(rc));
        else if (strcmp(check, "ok") != 0)
            store_say(why, sizeof why, "%s is damaged (%s); start cloudprep once to restore it from a backup "
                      "and salvage it, then export", st->path, check);
        else if (version < 1)
            store_say(why, sizeof why, "%s is not a cloudprep progress file", st->path);
    }
    if (why[0]) {
        sqlite3_close(st->db);
        st->db = NULL;
        open_unavailable(st);
        info->kind = STORE_OPEN_UNAVAILABLE;
        store_say(info->message, sizeof info->message, "%s.", why);
        return;
    }
    info->kind = STORE_OPEN_OK;
    info->from_version = info->to_version = version;
}

/* Recovers what the moved-aside damaged file still holds into the store. */
static void salvage_damaged(Store *st, StoreOpenInfo *info)
{
    char damaged[STORE_PATH_MAX];
    if (!store_join_path(damaged, sizeof damaged, st->dir, info->damaged_name))
        return;
    StoreSalvage sv;
    if (store_salvage(st, damaged, &sv) != SQLITE_OK || sv.unreadable) {
        info->lost_unknown = true;
        return;
    }
    info->salvaged = true;
    info->salvaged_answers = sv.answers_recovered;
    info->salvaged_exams = sv.exams_recovered;
    info->lost_answers = sv.answers_lost;
    info->lost_unknown = sv.answers_tail_lost;
}

static bool store_paths(Store *st, const char *data_dir)
{
    if (!data_dir || !data_dir[0])
        return false;
    int n = snprintf(st->dir, sizeof st->dir, "%s", data_dir);
    if (n <= 0 || (size_t)n >= sizeof st->dir - 64)
        return false;
    while (n > 1 && st->dir[n - 1] == '/')
        st->dir[--n] = '\0';
    return store_join_path(st->path, sizeof st->path, st->dir, STORE_FILE_NAME);
}

Store *store_open(const char *data_dir, int64_t now, StoreOpenInfo *info)
{
    return store_open_with(data_dir, now, NULL, info);
}

Store *store_open_with(const char *data_dir, int64_t now, const StoreOptions *opts, StoreOpenInfo *info)
{
    StoreOpenInfo scratch;
    if (!info)
        info = &scratch;
    memset(info, 0, sizeof *info);
    info->to_version = STORE_SCHEMA_VERSION;
    Store *st = calloc(1, sizeof *st);
    if (st)
        st->lock_fd = -1;
    if (!st) {
        info->kind = STORE_OPEN_UNAVAILABLE;
        snprintf(info->message, sizeof info->message, "Out of memory opening the progress store.");
        return NULL;
    }
    StoreOptions none = {0};
    if (!opts)
        opts = &none;
    if (opts->vfs)
        snprintf(st->vfs, sizeof st->vfs, "%s", opts->vfs);
    st->utc_offset = opts->utc_offset;
    st->busy_timeout_ms = opts->busy_timeout_ms > 0 ? opts->busy_timeout_ms : 5000;

    char reason[512];
    if (!store_paths(st, data_dir)) {
        fall_back_readonly(st, info, SQLITE_CANTOPEN, "no usable data folder was given");
        return st;
    }
    if (opts->existing_only) {
        open_existing_readonly(st, info);
        return st;
    }
    int err = fsutil_make_dirs(st->dir, 0700);
    if (err != 0) {
        store_say(reason, sizeof reason, "the folder %s can't be created (%s)", st->dir, strerror(err));
        fall_back_readonly(st, info, err == ENOSPC ? SQLITE_FULL : SQLITE_CANTOPEN, reason);
        return st;
    }

    if (!take_lock(st, info))
        return st;

    struct stat sb;
    if (lstat(st->path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        store_say(reason, sizeof reason, "%s is %s, not a file", st->path, fsutil_kind_name(sb.st_mode));
        fall_back_readonly(st, info, SQLITE_CANTOPEN, reason);
        return st;
    }

    char damage[256] = "";
    int backups_found = 0;
    bool existed = store_file_exists(st->path);
    if (existed && !check_existing(st, now, info, damage, sizeof damage, &backups_found))
        return st;
    existed = store_file_exists(st->path);
    int rc = open_writable(st, now, info, existed);
    if (rc != SQLITE_OK) {
        reason_text(st->db, rc, reason, sizeof reason);
        fall_back_readonly(st, info, rc, reason);
        return st;
    }
    st->writable = true;
    info->writable = true;
    if (info->damaged)
        salvage_damaged(st, info);
    if (store_backup_daily(st, now, info->migrated || info->salvaged) != SQLITE_OK)
        info->backup_failed = true;
    info->kind = open_kind(info);
    compose_message(st, info, damage, backups_found);
    return st;
}

void store_close(Store *st)
{
    if (!st)
        return;
    sqlite3_close(st->db);
    fsutil_unlock(st->lock_fd);
    free(st);
}

bool store_is_writable(const Store *st)
{
    return st && st->writable;
}

const char *store_error_message(const Store *st)
{
    return st ? st->error : "no store";
}

const char *store_path(const Store *st)
{
    return st->path;
}

void store_set_utc_offset(Store *st, int seconds_east)
{
    st->utc_offset = seconds_east;
}

int64_t store_day_of(const Store *st, int64_t t)
{
    int64_t x = t + st->utc_offset;
    int64_t q = x / SECONDS_PER_DAY;
    if (x % SECONDS_PER_DAY < 0)
        q--;
    return q;
}
