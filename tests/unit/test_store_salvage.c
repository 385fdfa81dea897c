/* Progress is never lost: the data folder's lock (a second copy opens
 * nothing), an empty or garbage progress.db with backups (restored, not a
 * fresh start), backups named by a wrong clock (pruned and chosen by real
 * age and content), and the salvage of a damaged file with many answers
 * (every readable answer merged into the restored backup, item states
 * recomputed, the counts said). Prints the salvage figures. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"
#include "store.h"
#include "testdb.h"
#include "testlib.h"

#include "../store/store_testbank.h"

#define T0 1740787200LL /* 2025-03-01 00:00:00 UTC */
#define DAY 86400LL
#define NOW (T0 + 12 * 3600)

static TestBank tb;

static const char *in_dir(const char *dir, const char *name)
{
    static char buf[2][1200];
    static int which;
    which ^= 1;
    snprintf(buf[which], sizeof buf[which], "%s/%s", dir, name);
    return buf[which];
}

static bool exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

static void write_bytes(const char *path, const char *bytes, size_t n)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f)
        return;
    CHECK(fwrite(bytes, 1, n, f) == n);
    fclose(f);
}

/* Records `count` drill answers (items in turn) from `at` on; the item
 * state written is what the scheduler would: box_after and counters. */
static int record_many(Store *st, int count, int64_t at)
{
    ItemState states[TESTBANK_ITEMS];
    CHECK_INT(store_load_states(st, &tb.bank, states), STORE_OK);
    int ok = 0;
    for (int i = 0; i < count; i++) {
        int item = i % TESTBANK_ITEMS;
        ItemState *s = &states[item];
        int before = s->box;
        bool right = (i % 3) != 0;
        s->box = right ? (s->box < 5 ? s->box + 1 : 5) : 1;
        s->seen++;
        s->right += right;
        s->wrong += !right;
        s->last_at = at + i;
        s->due_at = at + i + DAY;
        Answer a = {.item = item, .answer = 1, .correct = right, .ms = 1500, .at = at + i};
        ok += store_record_answer(st, &tb.bank, MODE_DRILL, &a, s, before) == STORE_OK;
    }
    return ok;
}

/* ---- the lock -------------------------------------------------------------- */

static void test_lock(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("salvage_lock"));
    StoreOpenInfo info;
    Store *first = store_open(dir, NOW, &info);
    CHECK(info.writable);
    CHECK_INT(record_many(first, 5, NOW), 5);
    Store *second = store_open(dir, NOW + 10, &info);
    CHECK_INT(info.kind, STORE_OPEN_LOCKED);
    CHECK(!info.writable && !store_is_writable(second));
    CHECK(strstr(info.message, "already running") != NULL);
    CHECK(strstr(info.message, "progress.db") != NULL);
    printf("lock message: %s\n", info.message);
    StoreTotals t;
    CHECK_INT(store_totals(second, &t), STORE_OK);
    CHECK_INT(t.answers, 0); /* nothing of the file was opened */
    CHECK(store_set_int(second, "daily_goal", 99) != STORE_OK);
    store_close(second);
    CHECK_INT(record_many(first, 5, NOW + 100), 5); /* the first copy is untouched */
    store_close(first);
    Store *again = store_open(dir, NOW + 200, &info);
    CHECK_INT(info.kind, STORE_OPEN_OK);
    CHECK_INT(store_totals(again, &t), STORE_OK);
    CHECK_INT(t.answers, 10);
    CHECK_INT(store_get_int(again, "daily_goal", 20), 20);
    store_close(again);
}

/* ---- empty and garbage files -------------------------------------------------- */

/* A day-1 store with 40 answers and a day-2 backup of it. */
static void make_small_history(const char *dir)
{
    Store *st = store_open(dir, NOW, NULL);
    CHECK_INT(record_many(st, 40, NOW), 40);
    store_close(st);
    st = store_open(dir, NOW + DAY, NULL);
    store_close(st);
}

static void test_empty_and_garbage(void)
{
    static const struct {
        const char *name, *bytes;
        size_t n;
    } CASES[] = {{"salvage_zero", "", 0}, {"salvage_garbage", "hello, world\n", 13}, {"salvage_nul", "\0\0\0\0", 4}};
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s", testlib_tmpdir(CASES[i].name));
        make_small_history(dir);
        unlink(in_dir(dir, "progress.db-wal"));
        unlink(in_dir(dir, "progress.db-shm"));
        write_bytes(in_dir(dir, "progress.db"), CASES[i].bytes, CASES[i].n);
        StoreOpenInfo info;
        Store *st = store_open(dir, NOW + 2 * DAY, &info);
        CHECK_INT(info.kind, STORE_OPEN_RESTORED);
        CHECK(strstr(info.message, "Welcome") == NULL);
        CHECK(strstr(info.message, "damaged") != NULL);
        StoreTotals t;
        CHECK_INT(store_totals(st, &t), STORE_OK);
        CHECK_INT(t.answers, 40);
        if (i == 0)
            printf("empty file message: %s\n", info.message);
        store_close(st);
    }
    /* without any backup an empty file is simply a new start */
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("salvage_zero_new"));
    write_bytes(in_dir(dir, "progress.db"), "", 0);
    StoreOpenInfo info;
    Store *st = store_open(dir, NOW, &info);
    CHECK_INT(info.kind, STORE_OPEN_CREATED);
    store_close(st);
}

/* ---- clock skew ------------------------------------------------------------------ */

static void set_mtime(const char *path, int64_t t)
{
    CHECK(testlib_set_mtime(path, t));
}

/* Seven daily backups named by a clock that ran years ahead (and written
 * long ago): today's new backup is kept, the stale ones go by real age.
 * After damage the backup with the most progress is restored, not the
 * one whose name carries the latest date. */
static void test_clock_skew(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("salvage_skew"));
    Store *st = store_open(dir, NOW, NULL); /* backups/progress-20250301.db, empty */
    store_close(st);
    int64_t real_now = (int64_t)time(NULL);
    for (int d = 1; d <= 7; d++) {
        char name[64];
        snprintf(name, sizeof name, "backups/progress-209901%02d.db", d);
        CHECK(testlib_copy_file(in_dir(dir, "backups/progress-20250301.db"), in_dir(dir, name)));
        set_mtime(in_dir(dir, name), real_now - (40 - d) * DAY);
    }
    set_mtime(in_dir(dir, "backups/progress-20250301.db"), real_now - 50 * DAY);
    st = store_open(dir, NOW + DAY, NULL);
    CHECK_INT(record_many(st, 30, NOW + DAY), 30);
    store_close(st);
    st = store_open(dir, NOW + 2 * DAY, NULL); /* backups/progress-20250303.db: 30 answers */
    store_close(st);
    CHECK(exists(in_dir(dir, "backups/progress-20250302.db")));
    CHECK(exists(in_dir(dir, "backups/progress-20250303.db")));
    CHECK(!exists(in_dir(dir, "backups/progress-20250301.db"))); /* the oldest by real age */
    CHECK(!exists(in_dir(dir, "backups/progress-20990101.db")));
    CHECK(exists(in_dir(dir, "backups/progress-20990107.db")));
    /* damage the header: nothing to salvage; the restore must take the
     * 30-answer backup, not a future-named empty one */
    FILE *f = fopen(in_dir(dir, "progress.db"), "r+b");
    CHECK(f != NULL);
    if (f) {
        fputs("this is not a database, it is garbage over the header.......................................", f);
        fclose(f);
    }
    StoreOpenInfo info;
    st = store_open(dir, NOW + 2 * DAY + 60, &info);
    CHECK_INT(info.kind, STORE_OPEN_RESTORED);
    CHECK_STR(info.restored_from, "progress-20250303.db");
    StoreTotals t;
    CHECK_INT(store_totals(st, &t), STORE_OK);
    CHECK_INT(t.answers, 30);
    store_close(st);
}

/* ---- salvage -------------------------------------------------------------------- */

/* Overwrites `count` leaf pages of the reviews table, spread over its
 * middle, with garbage; returns the pages' total cells (answers destroyed). */
static int damage_review_pages(const char *db_path, int count)
{
    sqlite3 *db = NULL;
    int pages[4096], cells[4096], n = 0;
    CHECK(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
    sqlite3_stmt *stmt = NULL;
    CHECK(sqlite3_prepare_v2(db, "SELECT pageno, ncell FROM dbstat WHERE name = 'reviews' AND pagetype = 'leaf'"
                                 " ORDER BY pageno", -1, &stmt, NULL) == SQLITE_OK);
    while (n < 4096 && sqlite3_step(stmt) == SQLITE_ROW) {
        pages[n] = sqlite3_column_int(stmt, 0);
        cells[n] = sqlite3_column_int(stmt, 1);
        n++;
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    CHECK(n > count * 3);
    FILE *f = fopen(db_path, "r+b");
    int destroyed = 0;
    for (int k = 0; f && k < count; k++) {
        int i = n / 2 + (k - count / 2) * 3;
        fseek(f, (long)(pages[i] - 1) * 4096, SEEK_SET);
        for (int b = 0; b < 4096; b++)
            fputc((b * 131 + k) & 0xff, f);
        destroyed += cells[i];
    }
    if (f)
        fclose(f);
    return destroyed;
}

static void test_salvage_many_answers(void)
{
    enum { BEFORE = 500, AFTER = 3000, DAMAGED_PAGES = 3 };
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("salvage_many"));
    Store *st = store_open(dir, NOW, NULL);
    CHECK_INT(record_many(st, BEFORE, NOW), BEFORE);
    store_close(st);
    st = store_open(dir, NOW + DAY, NULL); /* backup of day 2: the BEFORE answers */
    CHECK_INT(record_many(st, AFTER, NOW + DAY), AFTER);
    CHECK_INT(store_set_int(st, "daily_goal", 33), STORE_OK);
    CHECK_INT(store_profile_set(st, "xp", 4321), STORE_OK);
    ItemState truth[TESTBANK_ITEMS];
    CHECK_INT(store_load_states(st, &tb.bank, truth), STORE_OK);
    store_close(st);
    const char *db = in_dir(dir, "progress.db");
    testdb_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    int destroyed = damage_review_pages(db, DAMAGED_PAGES);

    StoreOpenInfo info;
    st = store_open(dir, NOW + DAY + 7200, &info);
    CHECK_INT(info.kind, STORE_OPEN_RESTORED);
    CHECK(info.salvaged);
    printf("salvage message: %s\n", info.message);
    printf("salvage figures: %d answers in the file after the backup, %d on %d damaged pages; "
           "recovered %d, reported lost %lld%s\n", AFTER, destroyed, DAMAGED_PAGES, info.salvaged_answers,
           info.lost_answers, info.lost_unknown ? " (and an unknown number)" : "");
    /* every answer not on a damaged page comes back; the lost ones are counted exactly */
    CHECK_INT(info.salvaged_answers + destroyed, AFTER);
    CHECK_INT(info.lost_answers, destroyed);
    CHECK(!info.lost_unknown);
    char n1[32], n2[32];
    snprintf(n1, sizeof n1, "%d answers", info.salvaged_answers);
    snprintf(n2, sizeof n2, "%d could not be read", destroyed);
    CHECK(strstr(info.message, n1) != NULL);
    CHECK(strstr(info.message, n2) != NULL);
    StoreTotals t;
    CHECK_INT(store_totals(st, &t), STORE_OK);
    CHECK_INT(t.answers, BEFORE + AFTER - destroyed);
    CHECK_INT(store_get_int(st, "daily_goal", 0), 33);
    CHECK_INT(store_profile_get(st, "xp", 0), 4321);
    /* item states recomputed from the answers: counts and the last box */
    ItemState now[TESTBANK_ITEMS];
    CHECK_INT(store_load_states(st, &tb.bank, now), STORE_OK);
    int seen = 0, truth_seen = 0, same_box = 0;
    for (int i = 0; i < TESTBANK_ITEMS; i++) {
        seen += now[i].seen;
        truth_seen += truth[i].seen;
        same_box += now[i].box == truth[i].box && now[i].last_at == truth[i].last_at;
    }
    CHECK_INT(seen, truth_seen - destroyed);
    int with_memory = 0;
    for (int i = 0; i < TESTBANK_ITEMS; i++)
        with_memory += now[i].stability > 0 && now[i].difficulty >= 1;
    CHECK_INT(with_memory, TESTBANK_ITEMS); /* the memory model replayed from the answers */
    CHECK_INT(same_box, TESTBANK_ITEMS); /* the damage was in the middle: every item's last answer survived */
    CHECK_INT(record_many(st, 1, NOW + DAY + 8000), 1);
    store_close(st);
    char ok[64];
    testdb_text(db, "PRAGMA integrity_check", ok, sizeof ok);
    CHECK_STR(ok, "ok");
    CHECK_INT(testdb_int(db, "SELECT count(*) FROM reviews"), BEFORE + AFTER - destroyed + 1);
    CHECK_INT(testdb_int(db, "SELECT sum(answers) FROM days"), BEFORE + AFTER - destroyed + 1);
}

int main(void)
{
    testbank_init(&tb);
    test_lock();
    test_empty_and_garbage();
    test_clock_skew();
    test_salvage_many_answers();
    return testlib_finish();
}
