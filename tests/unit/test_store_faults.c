/* Fault tests of the progress store: a damaged file (bytes overwritten in the
 * middle, a garbage header, a damaged backup, no backup), a file from a newer
 * version (read-only, byte for byte unchanged), a folder that can't be written
 * and a full disk. Read-only and disk-full conditions are simulated with
 * small SQLite VFS shims (testfault.h), because the tests run as root,
 * where chmod does not stop writes; what each test proves is said above it. */
#include <dirent.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "progress.h"
#include "store.h"
#include "testdb.h"
#include "testfault.h"
#include "testlib.h"
#include "testproc.h"

#include "../store/store_testbank.h"

#define T0 1740787200LL /* 2025-03-01 00:00:00 UTC */
#define DAY 86400LL
#define NOW (T0 + 12 * 3600)

static TestFaultVfs shim_ro, shim_full;

/* ---- helpers ------------------------------------------------------------- */

static bool exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

static unsigned char *read_all(const char *path, long *size)
{
    FILE *f = fopen(path, "rb");
    *size = 0;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    *size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc((size_t)*size + 1);
    if (buf && fread(buf, 1, (size_t)*size, f) != (size_t)*size) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    return buf;
}

static void overwrite(const char *path, long offset, int byte, int count)
{
    FILE *f = fopen(path, "r+b");
    CHECK(f != NULL);
    if (!f)
        return;
    fseek(f, offset, SEEK_SET);
    for (int i = 0; i < count; i++)
        fputc(byte ^ (i * 37), f);
    fclose(f);
}

/* Number of entries in a folder, "." and ".." not counted. */
/* Entries of dir besides the data folder's lock file (which every open makes). */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
             strcmp(e->d_name, STORE_LOCK_NAME) != 0;
    if (d)
        closedir(d);
    return n;
}

static TestBank tb;

/* Records `count` drill answers (items in turn), at `at` onwards. */
static int record_many(Store *st, int count, int64_t at)
{
    int ok = 0;
    for (int i = 0; i < count; i++) {
        int item = i % TESTBANK_ITEMS;
        ItemState s = {.box = 1 + i % 5, .due_at = at + DAY, .seen = i, .right = i, .last_at = at + i};
        Answer a = {.item = item, .answer = 1, .correct = true, .ms = 2000, .at = at + i};
        ok += store_record_answer(st, &tb.bank, MODE_DRILL, &a, &s, 0) == STORE_OK;
    }
    return ok;
}

/* Fills dir with a day-1 file and a day-2 backup holding 300 answers, then
 * 50 more answers after that backup. */
static void make_history(const char *dir)
{
    Store *st = store_open(dir, NOW, NULL);
    CHECK_INT(record_many(st, 300, NOW), 300);
    store_close(st);
    StoreOpenInfo info;
    st = store_open(dir, NOW + DAY, &info); /* makes backups/progress-20250302.db */
    CHECK_INT(info.kind, STORE_OPEN_OK);
    CHECK_INT(record_many(st, 50, NOW + DAY), 50);
    store_close(st);
}

static const char *in_dir(const char *dir, const char *name)
{
    static char buf[2][1200];
    static int which;
    which ^= 1;
    snprintf(buf[which], sizeof buf[which], "%s/%s", dir, name);
    return buf[which];
}

/* ---- damage --------------------------------------------------------------- */

/* Bytes overwritten at a page start in the middle of the file: quick_check
 * fails, the file is moved aside, the newest backup comes back. */
static void test_damage_middle(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("store_damage"));
    make_history(dir);
    const char *db = in_dir(dir, "progress.db");
    long size = 0;
    free(read_all(db, &size));
    CHECK(size > 20 * 4096);
    long page = (size / 4096) / 2;
    overwrite(db, page * 4096, 0xA5, 512);

    StoreOpenInfo info;
    Store *st = store_open(dir, NOW + DAY + 3723, &info);
    CHECK_INT(info.kind, STORE_OPEN_RESTORED);
    CHECK(info.damaged && info.restored && info.writable);
    CHECK_STR(info.damaged_name, "progress.db.damaged-20250302-130203");
    CHECK_STR(info.restored_from, "progress-20250302.db");
    CHECK_STR(info.backup_date, "2025-03-02");
    CHECK(strstr(info.message, "damaged") != NULL);
    CHECK(strstr(info.message, "progress.db.damaged-20250302-130203") != NULL);
    CHECK(info.damage_detail[0] != '\0' && strchr(info.damage_detail, '\n') == NULL);
    CHECK(strstr(info.message, "2025-03-02") != NULL);
    printf("damage message: %s\n", info.message);
    CHECK(exists(in_dir(dir, "progress.db.damaged-20250302-130203")));
    StoreTotals t;
    CHECK_INT(store_totals(st, &t), STORE_OK);
    CHECK_INT(t.answers, 350); /* the backup's 300, and the 50 after it salvaged from the damaged file */
    CHECK_INT(record_many(st, 1, NOW + DAY + 4000), 1);
    store_close(st);
    char ok[64];
    testdb_text(db, "PRAGMA integrity_check", ok, sizeof ok);
    CHECK_STR(ok, "ok");
    CHECK_INT(testdb_int(db, "SELECT count(*) FROM reviews"), 351);

    st = store_open(dir, NOW + DAY + 5000, &info);
    CHECK_INT(info.kind, STORE_OPEN_OK);
    store_close(st);
}

/* A garbage header ("file is not a database") is damage too. */
static void test_damage_header(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("store_notadb"));
    make_history(dir);
    overwrite(in_dir(dir, "progress.db"), 0, 0x3C, 100);
    StoreOpenInfo info;
    Store *st = store_open(dir, NOW + DAY + 10, &info);
    CHECK_INT(info.kind, STORE_OPEN_RESTORED);
    CHECK_STR(info.restored_from, "progress-20250302.db");
    StoreTotals t;
    store_totals(st, &t);
    CHECK_INT(t.answers, 300);
    store_close(st);
}

/* The newest backup is damaged as well: the one before it is used. */
static void test_damaged_backup(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("store_badbackup"));
    make_history(dir);
    overwrite(in_dir(dir, "backups/progress-20250302.db"), 0, 0x11, 100);
    overwrite(in_dir(dir, "progress.db"), 0, 0x3C, 100);
    StoreOpenInfo info;
    Store *st = store_open(dir, NOW + DAY + 10, &info);
    CHECK_INT(info.kind, STORE_OPEN_RESTORED);
    CHECK_STR(info.restored_from, "progress-20250301.db");
    CHECK_STR(info.backup_date, "2025-03-01");
    StoreTotals t;
    store_totals(st, &t);
    CHECK_INT(t.answers, 0); /* the day-1 backup was made at the first open */
    store_close(st);
}

/* Every backup damaged too: start empty and say that none could be used. */
static void test_all_backups_damaged(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("store_allbad"));
    make_history(dir);
    overwrite(in_dir(dir, "backups/progress-20250301.db"), 0, 0x11, 100);
    overwrite(in_dir(dir, "backups/progress-20250302.db"), 0, 0x11, 100);
    overwrite(in_dir(dir, "progress.db"), 0, 0x3C, 100);
    StoreOpenInfo info;
    Store *st = store_open(dir, NOW + DAY + 10, &info);
    CHECK_INT(info.kind, STORE_OPEN_RESTARTED);
    CHECK(strstr(info.message, "none of its 2 backups") != NULL);
    CHECK(info.writable);
    store_close(st);
}

/* No backup at all: start empty and say so. */
static void test_damage_without_backup(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("store_nobackup"));
    make_history(dir);
    unlink(in_dir(dir, "backups/progress-20250301.db"));
    unlink(in_dir(dir, "backups/progress-20250302.db"));
    overwrite(in_dir(dir, "progress.db"), 0, 0x3C, 100);
    StoreOpenInfo info;
    Store *st = store_open(dir, NOW + DAY + 10, &info);
    CHECK_INT(info.kind, STORE_OPEN_RESTARTED);
    CHECK(info.damaged && !info.restored && info.created && info.writable);
    CHECK(strstr(info.message, "no backup") != NULL);
    CHECK(exists(in_dir(dir, info.damaged_name)));
    StoreTotals t;
    store_totals(st, &t);
    CHECK_INT(t.answers, 0);
    CHECK_INT(record_many(st, 3, NOW + DAY + 20), 3);
    store_close(st);
}

/* Some other program's SQLite file in our place is moved aside, not used. */
static void test_foreign_file(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("store_foreign"));
    testdb_exec(in_dir(dir, "progress.db"), "CREATE TABLE notes(x); INSERT INTO notes VALUES(1);");
    StoreOpenInfo info;
    Store *st = store_open(dir, NOW, &info);
    CHECK_INT(info.kind, STORE_OPEN_RESTARTED);
    CHECK(strstr(info.message, "not a cloudprep") != NULL);
    CHECK_INT(testdb_int(in_dir(dir, info.damaged_name), "SELECT x FROM notes"), 1);
    store_close(st);
}

/* ---- newer versions ----------------------------------------------------- */

static void check_readonly_writes(Store *st)
{
    Answer a = {.item = 0, .answer = 1, .correct = true, .ms = 1, .at = NOW};
    ItemState s = {.box = 1, .seen = 1};
    CHECK_INT(store_record_answer(st, &tb.bank, MODE_DRILL, &a, &s, 0), STORE_ERR_READONLY);
    CHECK(strstr(store_error_message(st), "Could not save your answer") != NULL);
    CHECK_INT(store_set_int(st, "daily_goal", 5), STORE_ERR_READONLY);
    CHECK_INT(store_add_xp(st, 5), STORE_ERR_READONLY);
    CHECK_INT(store_reset_progress(st, NOW, NULL, 0), STORE_ERR_READONLY);
    ExamForm f = {.mode = MODE_MOCK, .count = 1, .started_at = NOW};
    FormItem fi = {.item = 0, .scored = true};
    f.items = &fi;
    CHECK_INT(store_exam_begin(st, &tb.bank, &f, false), STORE_ERR_READONLY);
    StoreArcadeRound r = {.round = "sprint", .points = 1};
    CHECK_INT(store_arcade_save(st, &tb.bank, &r, NULL), STORE_ERR_READONLY);
    CHECK(!store_is_writable(st));
}

/* A file whose user_version is above ours: read-only, never modified. */
static void test_newer_version(bool wal)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir(wal ? "store_newer_wal" : "store_newer"));
    Store *st = store_open(dir, NOW, NULL);
    CHECK_INT(record_many(st, 5, NOW), 5);
    CHECK_INT(store_set_int(st, "daily_goal", 9), STORE_OK);
    store_close(st);
    const char *db = in_dir(dir, "progress.db");
    char sql[256];
    snprintf(sql, sizeof sql, "PRAGMA journal_mode=%s; CREATE TABLE future(x); PRAGMA user_version = %d;",
             wal ? "WAL" : "DELETE", STORE_SCHEMA_VERSION + 1);
    testdb_exec(db, sql);
    CHECK(testlib_remove_tree(in_dir(dir, "backups")));
    long before_size = 0, after_size = 0;
    unsigned char *before = read_all(db, &before_size);

    StoreOpenInfo info;
    st = store_open(dir, NOW + DAY, &info);
    CHECK_INT(info.kind, STORE_OPEN_READONLY_NEWER);
    CHECK(!info.writable);
    CHECK_INT(info.from_version, STORE_SCHEMA_VERSION + 1);
    CHECK(strstr(info.message, "newer version") != NULL);
    check_readonly_writes(st);
    ItemState states[TESTBANK_ITEMS];
    CHECK_INT(store_load_states(st, &tb.bank, states), STORE_OK); /* still shown */
    CHECK_INT(states[4].box, 5);
    CHECK_INT(store_get_int(st, "daily_goal", 0), 9);
    store_close(st);

    unsigned char *after = read_all(db, &after_size);
    CHECK_INT(after_size, before_size);
    CHECK(before && after && memcmp(before, after, (size_t)before_size) == 0);
    CHECK(!exists(in_dir(dir, "backups")));
    if (!wal)
        CHECK_INT(count_entries(dir), 1); /* nothing else was created either */
    free(before);
    free(after);
}

/* A newer schema this SQLite can't even parse is still "newer", not damage. */
static void test_newer_unparsable(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("store_newer_parse"));
    const char *db = in_dir(dir, "progress.db");
    testdb_exec(db, "PRAGMA journal_mode=DELETE; CREATE TABLE t(x); PRAGMA writable_schema=ON;"
                 " UPDATE sqlite_master SET sql = 'CREATE TABLE t(x) WITH FEATURES FROM THE FUTURE'"
                 " WHERE name = 't'; PRAGMA user_version = 7;");
    long before_size = 0, after_size = 0;
    unsigned char *before = read_all(db, &before_size);
    StoreOpenInfo info;
    Store *st = store_open(dir, NOW, &info);
    CHECK_INT(info.kind, STORE_OPEN_READONLY_NEWER);
    CHECK_INT(info.from_version, 7);
    store_close(st);
    unsigned char *after = read_all(db, &after_size);
    CHECK(before && after && before_size == after_size && memcmp(before, after, (size_t)before_size) == 0);
    CHECK_INT(count_entries(dir), 1);
    free(before);
    free(after);
}

/* ---- read-only folder ------------------------------------------------------ */

/* The data folder can't even be created (a regular file is in the way; this
 * holds for root too): an empty in-memory store, writes refused, queries answer. */
static void test_folder_impossible(void)
{
    char dir[1100];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("store_nofolder"));
    testdb_exec(in_dir(dir, "blocker"), "CREATE TABLE x(y)");
    snprintf(dir + strlen(dir), sizeof dir - strlen(dir), "/blocker/data");
    StoreOpenInfo info;
    Store *st = store_open(dir, NOW, &info);
    CHECK(st != NULL);
    CHECK_INT(info.kind, STORE_OPEN_UNAVAILABLE);
    CHECK(!info.writable);
    CHECK(strstr(info.message, "can't be created") != NULL);
    printf("unavailable message: %s\n", info.message);
    check_readonly_writes(st);
    ItemState states[TESTBANK_ITEMS];
    CHECK_INT(store_load_states(st, &tb.bank, states), STORE_OK);
    StoreTotals t;
    CHECK_INT(store_totals(st, &t), STORE_OK);
    CHECK_INT(t.answers, 0);
    store_close(st);
}

/* What this proves: when SQLite can open the file only read-only and can
 * create no files beside it (the shim refuses new files and opens existing
 * ones read-only, as a read-only folder or medium does), the store shows the
 * progress read-only, refuses writes with a message, and leaves the file
 * unchanged. It does not exercise the kernel's own EROFS/EACCES paths (the
 * test runs as root); test_readonly_chmod does that when not root. */
static void test_readonly_shim(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("store_rofolder"));
    Store *st = store_open(dir, NOW, NULL);
    CHECK_INT(record_many(st, 7, NOW), 7);
    store_close(st);
    const char *db = in_dir(dir, "progress.db");
    long before_size = 0, after_size = 0;
    unsigned char *before = read_all(db, &before_size);
    int entries = count_entries(dir);

    StoreOptions opts = {.vfs = "cloudprep_test_ro"};
    StoreOpenInfo info;
    st = store_open_with(dir, NOW + DAY, &opts, &info);
    CHECK_INT(info.kind, STORE_OPEN_READONLY_FOLDER);
    CHECK(!info.writable);
    CHECK(strstr(info.message, "can't be saved") != NULL);
    printf("read-only message: %s\n", info.message);
    check_readonly_writes(st);
    ItemState states[TESTBANK_ITEMS];
    CHECK_INT(store_load_states(st, &tb.bank, states), STORE_OK);
    CHECK_INT(states[6].seen, 6);
    StoreTotals t;
    CHECK_INT(store_totals(st, &t), STORE_OK);
    CHECK_INT(t.answers, 7);
    store_close(st);

    unsigned char *after = read_all(db, &after_size);
    CHECK(before && after && before_size == after_size && memcmp(before, after, (size_t)before_size) == 0);
    CHECK_INT(count_entries(dir), entries);
    free(before);
    free(after);
}

#ifndef _WIN32
/* The real thing, where the kernel refuses the writes: a folder and file
 * without write permission, opened by an unprivileged user. Returns the
 * number of failed expectations (it may run in a child process). */
static int readonly_chmod_scenario(const char *dir)
{
    int failed = 0;
    Store *st = store_open(dir, NOW, NULL);
    failed += record_many(st, 4, NOW) != 4;
    store_close(st);
    failed += chmod(in_dir(dir, "progress.db"), 0400) != 0;
    failed += chmod(dir, 0500) != 0;
    StoreOpenInfo info;
    st = store_open(dir, NOW + DAY, &info);
    failed += info.kind != STORE_OPEN_READONLY_FOLDER;
    failed += info.writable;
    Answer a = {.item = 0, .answer = 1, .correct = true, .ms = 1, .at = NOW};
    ItemState s = {.box = 1, .seen = 1};
    failed += store_record_answer(st, &tb.bank, MODE_DRILL, &a, &s, 0) != STORE_ERR_READONLY;
    failed += store_set_int(st, "x", 1) != STORE_ERR_READONLY;
    StoreTotals t;
    failed += store_totals(st, &t) != STORE_OK || t.answers != 4;
    store_close(st);
    chmod(dir, 0700);
    chmod(in_dir(dir, "progress.db"), 0600);
    if (failed)
        fprintf(stderr, "readonly_chmod_scenario: %d failed, kind %d: %s\n", failed, (int)info.kind,
                info.message);
    return failed;
}

/* The child: test_store_faults --readonly-child DIR, as root. Exits 77 when
 * it can't become "nobody", else 0 when every expectation held. */
static int readonly_child_main(const char *dir)
{
    testbank_init(&tb);
    if (setgid(65534) != 0 || setuid(65534) != 0 || access(dir, W_OK) != 0)
        return 77;
    return readonly_chmod_scenario(dir) > 0 ? 1 : 0;
}

/* As root (CI), the scenario runs in a child (this program again, with
 * --readonly-child) that drops to user "nobody" (65534), so the kernel's
 * EACCES paths are exercised for real; skipped only when the system refuses
 * the switch. */
static void test_readonly_chmod(const char *self)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("store_chmod"));
    if (geteuid() != 0) {
        CHECK_INT(readonly_chmod_scenario(dir), 0);
        return;
    }
    /* a folder nobody can reach whatever the umask of the build tree */
    snprintf(dir, sizeof dir, "/tmp/cloudprep-chmod-XXXXXX");
    if (!mkdtemp(dir) || chown(dir, 65534, 65534) != 0) {
        printf("test_readonly_chmod: skipped (can't hand the folder to nobody: %s)\n", strerror(errno));
        return;
    }
    const char *child_argv[] = {self, "--readonly-child", dir, NULL};
    TestProc child;
    CHECK(testproc_spawn(&child, child_argv));
    int status = testproc_wait(&child);
    if (status == 77) {
        printf("test_readonly_chmod: skipped (could not become an unprivileged user)\n");
        return;
    }
    CHECK_INT(status, 0);
    printf("test_readonly_chmod: ran as user nobody with a 0500 folder\n");
    CHECK(testlib_remove_tree(dir));
}
#else
/* Windows has no folder modes to take away; the read-only shim test above
 * covers the store's read-only paths there. */
static void test_readonly_chmod(const char *self)
{
    (void)self;
    printf("test_readonly_chmod: skipped (no POSIX folder modes on Windows)\n");
}
#endif

/* ---- disk full ------------------------------------------------------------- */

/* What this proves: when writes fail with SQLITE_FULL (the shim refuses any
 * byte past a budget, in the database, its WAL and backups alike), the
 * failing call reports STORE_ERR_FULL with a message, nothing of it is in
 * the file, the store keeps answering, and once space is back it writes again. */
static void test_disk_full(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("store_full"));
    StoreOptions opts = {.vfs = "cloudprep_test_full"};
    shim_full.budget = -1;
    shim_full.written = 0;
    StoreOpenInfo info;
    Store *st = store_open_with(dir, NOW, &opts, &info);
    CHECK(info.writable);
    CHECK_INT(record_many(st, 5, NOW), 5);
    ExamForm f = {.mode = MODE_MOCK, .count = 2, .started_at = NOW, .seconds_total = 60, .seconds_left = 60};
    FormItem fis[2] = {{.item = 0, .scored = true, .answer = 1}, {.item = 1, .scored = true, .answer = 2}};
    f.items = fis;
    CHECK_INT(store_exam_begin(st, &tb.bank, &f, false), STORE_OK);
    ItemState states_before[TESTBANK_ITEMS], states_after[TESTBANK_ITEMS];
    CHECK_INT(store_load_states(st, &tb.bank, states_before), STORE_OK);

    shim_full.budget = shim_full.written; /* not one more byte */
    Answer a = {.item = 2, .answer = 1, .correct = true, .ms = 5, .at = NOW + 100};
    ItemState s = {.box = 3, .seen = 9, .due_at = NOW + DAY};
    CHECK_INT(store_record_answer(st, &tb.bank, MODE_DRILL, &a, &s, 0), STORE_ERR_FULL);
    CHECK(strstr(store_error_message(st), "disk is full") != NULL);
    printf("disk full message: %s\n", store_error_message(st));
    bool marks[2] = {true, false};
    StoreExamResult r = {.correct_scored = 1, .scaled = 500, .item_correct = marks};
    CHECK_INT(store_exam_complete(st, &tb.bank, &f, &r, NULL, NOW + 200), STORE_ERR_FULL);
    CHECK_INT(store_set_str(st, "exam_date", "2025-06-01"), STORE_ERR_FULL);
    /* still answering, and unchanged */
    CHECK_INT(store_load_states(st, &tb.bank, states_after), STORE_OK);
    CHECK(memcmp(states_before, states_after, sizeof states_before) == 0);
    StoreTotals t;
    CHECK_INT(store_totals(st, &t), STORE_OK);
    CHECK_INT(t.answers, 5);
    CHECK_INT(t.mocks_finished, 0);

    /* a budget that runs out in the middle of a transaction */
    int failed = 0;
    for (int extra = 100; extra < 20000; extra += 700) {
        shim_full.budget = shim_full.written + extra;
        failed += store_record_answer(st, &tb.bank, MODE_DRILL, &a, &s, 0) != STORE_OK;
    }
    CHECK(failed > 0);

    /* space again: the game goes on */
    shim_full.budget = -1;
    int64_t committed = 0;
    CHECK_INT(store_totals(st, &t), STORE_OK);
    committed = t.answers;
    CHECK_INT(store_exam_complete(st, &tb.bank, &f, &r, NULL, NOW + 300), STORE_OK);
    CHECK_INT(store_record_answer(st, &tb.bank, MODE_DRILL, &a, &s, 0), STORE_OK);
    store_close(st);

    const char *db = in_dir(dir, "progress.db");
    char ok[64];
    testdb_text(db, "PRAGMA integrity_check", ok, sizeof ok);
    CHECK_STR(ok, "ok");
    CHECK_INT(testdb_int(db, "SELECT count(*) FROM reviews"), committed + 3); /* + 2 exam answers + 1 */
    CHECK_INT(testdb_int(db, "SELECT sum(answers) FROM days"), committed + 3);
    CHECK_INT(testdb_int(db, "SELECT count(*) FROM exam_items WHERE correct IS NOT NULL"), 2);
}

/* Opening with a disk that fills at every point of creating a new file:
 * each attempt either works or reports it, and a later open with space
 * always finds a sound file (never "damaged"). */
static void test_disk_full_at_open(void)
{
    StoreOptions opts = {.vfs = "cloudprep_test_full"};
    int kinds[8] = {0};
    int budgets = 0;
    for (int64_t budget = 0; budget < 400000; budget = budget * 2 + 1000) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s", testlib_tmpdir("store_full_open"));
        shim_full.budget = budget;
        shim_full.written = 0;
        StoreOpenInfo info;
        Store *st = store_open_with(dir, NOW, &opts, &info);
        CHECK(st != NULL);
        kinds[info.kind]++;
        if (!info.writable)
            CHECK(strstr(info.message, "disk is full") != NULL);
        store_close(st);
        shim_full.budget = -1;
        st = store_open_with(dir, NOW + 10, &opts, &info);
        CHECK(info.writable && !info.damaged);
        CHECK(info.kind == STORE_OPEN_OK || info.kind == STORE_OPEN_CREATED || info.kind == STORE_OPEN_MIGRATED);
        CHECK_INT(record_many(st, 1, NOW + 20), 1);
        store_close(st);
        char ok[64];
        testdb_text(in_dir(dir, "progress.db"), "PRAGMA integrity_check", ok, sizeof ok);
        CHECK_STR(ok, "ok");
        budgets++;
    }
    printf("disk full at open: %d budgets; unavailable %d, read-only %d, created %d\n", budgets,
           kinds[STORE_OPEN_UNAVAILABLE], kinds[STORE_OPEN_READONLY_FOLDER], kinds[STORE_OPEN_CREATED]);
    CHECK(kinds[STORE_OPEN_CREATED] > 0);
    CHECK(kinds[STORE_OPEN_UNAVAILABLE] + kinds[STORE_OPEN_READONLY_FOLDER] > 0);
}

static char *read_text(const char *path)
{
    long size = 0;
    unsigned char *buf = read_all(path, &size);
    if (buf)
        buf[size] = '\0';
    return (char *)buf;
}

/* Migrating a version 1 file on a disk that fills at every point: the file
 * is never migrated without its backup, never damaged, and loses nothing. */
static void test_disk_full_during_migration(void)
{
    char *sql = read_text(testlib_source_path("tests/store/v1.sql"));
    CHECK(sql != NULL);
    if (!sql)
        return;
    StoreOptions opts = {.vfs = "cloudprep_test_full"};
    int migrated_first = 0, refused_first = 0;
    for (int64_t budget = 0; budget < 300000; budget = budget * 2 + 1500) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s", testlib_tmpdir("store_full_migrate"));
        const char *db = in_dir(dir, "progress.db");
        testdb_exec(db, sql);
        shim_full.budget = budget;
        shim_full.written = 0;
        StoreOpenInfo info;
        Store *st = store_open_with(dir, NOW, &opts, &info);
        migrated_first += info.kind == STORE_OPEN_MIGRATED;
        refused_first += !info.writable;
        store_close(st);
        int64_t version = testdb_int(db, "PRAGMA user_version");
        CHECK(version >= 1 && version <= STORE_SCHEMA_VERSION);
        if (version >= 2)
            CHECK_INT(testdb_int(in_dir(dir, "backups/progress-20250301-120000-v1.db"), "PRAGMA user_version"), 1);
        shim_full.budget = -1;
        st = store_open_with(dir, NOW + 60, &opts, &info);
        CHECK(info.writable && !info.damaged);
        CHECK(info.kind == STORE_OPEN_MIGRATED || info.kind == STORE_OPEN_OK);
        StoreTotals t;
        CHECK_INT(store_totals(st, &t), STORE_OK);
        CHECK_INT(t.answers, 7);
        CHECK_INT(t.xp, 150);
        store_close(st);
        char ok[64];
        testdb_text(db, "PRAGMA integrity_check", ok, sizeof ok);
        CHECK_STR(ok, "ok");
        CHECK_INT(testdb_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    }
    printf("disk full during migration: migrated at once %d, refused %d\n", migrated_first, refused_first);
    CHECK(migrated_first > 0 && refused_first > 0);
    free(sql);
}

int main(int argc, char **argv)
{
#ifndef _WIN32
    if (argc == 3 && strcmp(argv[1], "--readonly-child") == 0)
        return readonly_child_main(argv[2]);
#endif
    (void)argc;
    testbank_init(&tb);
    testfault_register(&shim_ro, "cloudprep_test_ro", true);
    testfault_register(&shim_full, "cloudprep_test_full", false);
    test_damage_middle();
    test_damage_header();
    test_damaged_backup();
    test_all_backups_damaged();
    test_damage_without_backup();
    test_foreign_file();
    test_newer_version(false);
    test_newer_version(true);
    test_newer_unparsable();
    test_folder_impossible();
    test_readonly_shim();
    test_readonly_chmod(testproc_self(argv[0]));
    test_disk_full();
    test_disk_full_at_open();
    test_disk_full_during_migration();
    return testlib_finish();
}
