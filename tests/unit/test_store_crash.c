/* Crash test of the progress store: a child process (this program started
 * again with --child) records answers (and now and then a whole mock exam)
 * in a loop, reporting each committed answer in a report file, and is
 * killed (SIGKILL, or TerminateProcess on Windows) at a random (seeded)
 * moment, 200 times. After every kill the file must pass PRAGMA integrity_check, hold
 * every answer the child reported, and keep its tables consistent with each
 * other. A process kill is what this proves; power loss is SQLite's WAL with
 * synchronous=FULL and is not simulated here. */
#include <dirent.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress.h"
#include "rng.h"
#include "store.h"
#include "testlib.h"
#include "testproc.h"

#include "../store/store_testbank.h"

#define KILLS 200
#define NOW 1740830400LL       /* 2025-03-01 12:00 UTC */
#define MAX_OPEN_DELAY_US 80000    /* "anywhere" kills: within 80 ms of the start */
#define MAX_ANSWER_DELAY_US 60000  /* other kills: within 60 ms of the store being open */

enum { REPORT_OPENED = 1, REPORT_ANSWER = 2, REPORT_EXAM = 3 };

typedef struct Report {
    int64_t kind;
    int64_t id;
} Report;

static TestBank tb;

/* One report is one unbuffered fwrite, so one write to the system: a kill
 * leaves whole reports in the file (the parent ignores a torn last one). */
static void report(FILE *f, int64_t kind, int64_t id)
{
    Report r = {kind, id};
    if (fwrite(&r, sizeof r, 1, f) != 1)
        testproc_exit_now(5);
}

/* A mock exam of three items, begun, one answer saved, finished. */
static void child_exam(Store *st, Rng *rng, int64_t now, FILE *fd)
{
    FormItem items[3];
    memset(items, 0, sizeof items);
    ExamForm f = {.mode = MODE_MOCK, .count = 3, .items = items, .started_at = now, .seconds_total = 90,
                  .seconds_left = 90};
    bool marks[3];
    for (int i = 0; i < 3; i++) {
        items[i].item = (int)rng_below(rng, 10);
        items[i].scored = true;
        for (int k = 0; k < BANK_MAX_OPTIONS; k++)
            items[i].order[k] = (uint8_t)k;
    }
    if (store_exam_begin(st, &tb.bank, &f, false) != STORE_OK)
        testproc_exit_now(6);
    items[0].answer = 1;
    if (store_exam_save(st, &f, 0) != STORE_OK)
        testproc_exit_now(7);
    items[1].answer = 2;
    for (int i = 0; i < 3; i++)
        marks[i] = items[i].answer == tb.items[items[i].item].correct_mask;
    StoreExamResult r = {.correct_scored = marks[0] + marks[1] + marks[2], .scaled = 500, .item_correct = marks};
    if (store_exam_complete(st, &tb.bank, &f, &r, NULL, now) != STORE_OK)
        testproc_exit_now(8);
    report(fd, REPORT_EXAM, f.store_id);
}

/* Never returns: records until killed. */
static void child_run(const char *dir, int round, FILE *fd)
{
    Rng rng;
    rng_seed(&rng, 5000u + (uint64_t)round);
    int64_t now = NOW + (int64_t)round * 3600; /* a new day (and daily backup) every 24 rounds */
    StoreOpenInfo info;
    Store *st = store_open(dir, now, &info);
    if (!st || !info.writable || info.damaged)
        testproc_exit_now(3);
    report(fd, REPORT_OPENED, info.kind);
    ItemState states[TESTBANK_ITEMS];
    if (store_load_states(st, &tb.bank, states) != STORE_OK)
        testproc_exit_now(4);
    for (int i = 1;; i++) {
        if (i % 8 == 4) {
            child_exam(st, &rng, now + i, fd);
            continue;
        }
        int item = (int)rng_below(&rng, TESTBANK_ITEMS);
        bool ok = rng_below(&rng, 2) == 0;
        ItemState ns = states[item];
        ns.seen++;
        ns.right += ok;
        ns.wrong += !ok;
        ns.box = ok ? (ns.box < 5 ? ns.box + 1 : 5) : 1;
        ns.due_at = now + i + 86400;
        ns.last_at = now + i;
        Answer a = {.item = item, .answer = ok ? 1u : 2u, .correct = ok, .ms = 900, .at = now + i};
        StoreStatus s = store_record_answer(st, &tb.bank, MODE_DRILL, &a, &ns, states[item].box);
        if (s != STORE_OK)
            testproc_exit_now(9);
        states[item] = ns;
        report(fd, REPORT_ANSWER, store_last_review_id(st));
    }
}

static int64_t one_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = NULL;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        v = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return v;
}

/* Counts reported ids missing from `table` (reviews: any row; exams: finished). */
static int missing_ids(sqlite3 *db, const char *sql, const int64_t *ids, int n)
{
    sqlite3_stmt *stmt = NULL;
    int missing = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
        return n;
    for (int i = 0; i < n; i++) {
        sqlite3_reset(stmt);
        sqlite3_bind_int64(stmt, 1, ids[i]);
        missing += sqlite3_step(stmt) != SQLITE_ROW;
    }
    sqlite3_finalize(stmt);
    return missing;
}

typedef struct IdList {
    int64_t *v;
    int n, cap;
} IdList;

static void ids_push(IdList *l, int64_t id)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 1024;
        l->v = realloc(l->v, (size_t)l->cap * sizeof *l->v);
        if (!l->v)
            abort();
    }
    l->v[l->n++] = id;
}

/* Checks the file after a kill; returns the number of reported answers and
 * exams not found. */
static int check_file(const char *db_path, const IdList *answers, const IdList *exams)
{
    sqlite3 *db = NULL;
    /* read-only: looking must not checkpoint or otherwise repair the file */
    CHECK(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
    sqlite3_stmt *stmt = NULL;
    char result[256] = "";
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        snprintf(result, sizeof result, "%s", (const char *)sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    CHECK_STR(result, "ok");
    int lost = missing_ids(db, "SELECT 1 FROM reviews WHERE id = ?", answers->v, answers->n) +
               missing_ids(db, "SELECT 1 FROM exams WHERE id = ? AND state = 'finished'", exams->v, exams->n);
    /* one transaction per answer: the tables agree with each other */
    int64_t version = one_int(db, "PRAGMA user_version");
    if (version == STORE_SCHEMA_VERSION) {
        CHECK_INT(one_int(db, "SELECT COALESCE(SUM(seen), 0) FROM items"),
                  one_int(db, "SELECT count(*) FROM reviews WHERE mode = 'drill'"));
        CHECK_INT(one_int(db, "SELECT COALESCE(SUM(answers), 0) FROM days"),
                  one_int(db, "SELECT count(*) FROM reviews"));
        CHECK_INT(one_int(db, "SELECT count(*) FROM exam_items i JOIN exams e ON e.id = i.exam_id"
                              " WHERE e.state = 'finished' AND i.correct IS NULL"), 0);
        CHECK_INT(one_int(db, "SELECT count(*) FROM exam_items i JOIN exams e ON e.id = i.exam_id"
                              " WHERE e.state = 'finished' AND i.answer != ''"),
                  one_int(db, "SELECT count(*) FROM reviews WHERE mode = 'mock'"));
    }
    sqlite3_close(db);
    return lost;
}

static int count_damaged(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        n += strstr(e->d_name, ".damaged-") != NULL;
    if (d)
        closedir(d);
    return n;
}

/* Reads every whole report in `path` from byte *offset on. */
static void read_reports(const char *path, long *offset, bool *opened, IdList *answers, IdList *exams)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    Report r;
    if (fseek(f, *offset, SEEK_SET) == 0) {
        while (fread(&r, sizeof r, 1, f) == 1) {
            *offset += (long)sizeof r;
            if (r.kind == REPORT_OPENED)
                *opened = true;
            else if (r.kind == REPORT_ANSWER && answers)
                ids_push(answers, r.id);
            else if (r.kind == REPORT_EXAM && exams)
                ids_push(exams, r.id);
        }
    }
    fclose(f);
}

/* The child: test_store_crash --child DIR ROUND REPORT_FILE */
static int child_main(char **argv)
{
    testbank_init(&tb);
    FILE *f = fopen(argv[4], "wb");
    if (!f)
        return 2;
    setvbuf(f, NULL, _IONBF, 0);
    child_run(argv[2], atoi(argv[3]), f);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 5 && strcmp(argv[1], "--child") == 0)
        return child_main(argv);
    testbank_init(&tb);
    const char *self = testproc_self(argv[0]);
    char dir[1024], db_path[1100], report_path[1100];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("store_crash"));
    snprintf(db_path, sizeof db_path, "%s/progress.db", dir);
    snprintf(report_path, sizeof report_path, "%s.reports", dir);
    Rng rng;
    rng_seed(&rng, 20250301);
    IdList answers = {0}, exams = {0};
    int kills = 0, kills_in_open = 0, max_lost = 0, child_errors = 0;

    for (int round = 0; round < KILLS; round++) {
        char round_text[16];
        snprintf(round_text, sizeof round_text, "%d", round);
        remove(report_path);
        const char *child_argv[] = {self, "--child", dir, round_text, report_path, NULL};
        TestProc child;
        if (!CHECK(testproc_spawn(&child, child_argv)))
            break;
        /* one round in five kills at any moment from the start (often while
         * the store opens: recovery, migration, backup); the others wait
         * until the store is open and kill while answers are being written */
        bool anywhere = rng_below(&rng, 5) == 0;
        bool opened = false;
        long offset = 0;
        while (!anywhere && !opened && testproc_running(&child)) {
            read_reports(report_path, &offset, &opened, NULL, NULL);
            if (!opened)
                testproc_sleep_us(500);
        }
        long max_us = anywhere ? MAX_OPEN_DELAY_US : MAX_ANSWER_DELAY_US;
        testproc_sleep_us((long)rng_below(&rng, (uint32_t)max_us));
        testproc_kill(&child);
        if (testproc_wait(&child) == TESTPROC_KILLED)
            kills++;
        else
            child_errors++;
        offset = 0;
        read_reports(report_path, &offset, &opened, &answers, &exams);
        kills_in_open += !opened;
        /* each round checks everything reported so far, this round's included */
        int lost = check_file(db_path, &answers, &exams);
        if (lost > max_lost)
            max_lost = lost;
    }
    CHECK_INT(child_errors, 0);
    CHECK_INT(kills, KILLS);
    CHECK_INT(max_lost, 0);
    CHECK_INT(count_damaged(dir), 0); /* the store never found the file damaged */
    CHECK(answers.n > 50);            /* the kills landed while answers were being written */
    CHECK(exams.n > 0);               /* and while whole exams were */
    CHECK(kills_in_open > 0);         /* and some while the store was opening */
    printf("crash test: kills %d (during open %d), answers committed %d, exams committed %d, max lost %d\n",
           kills, kills_in_open, answers.n, exams.n, max_lost);
    free(answers.v);
    free(exams.v);
    remove(report_path);
    return testlib_finish();
}
