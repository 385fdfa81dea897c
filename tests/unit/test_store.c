/* Unit tests of the progress store: opening a new file, answers, settings,
 * every query the screens use against a known data set, exams from begin to
 * resume to finish, arcade bests, the migration from a version 1 file
 * (tests/store/v1.sql), CSV export, reset and backup rotation. Faults
 * (damage, newer files, read-only, disk full) are in test_store_faults.c. */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compat.h"
#include "memory.h"
#include "progress.h"
#include "store.h"
#include "testdb.h"
#include "testlib.h"

#include "../store/store_testbank.h"

#define T0 1740787200LL          /* 2025-03-01 00:00:00 UTC, day 20148 */
#define DAY 86400LL
#define NOW (T0 + 12 * 3600)

static bool exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

/* A test context: a store, a bank and the caller's item states. */
typedef struct Ctx {
    Store *st;
    TestBank tb;
    ItemState states[TESTBANK_ITEMS];
    char dir[1024];
    char db[1100];
} Ctx;

static void ctx_open(Ctx *c, const char *name)
{
    memset(c, 0, sizeof *c);
    testbank_init(&c->tb);
    snprintf(c->dir, sizeof c->dir, "%s", testlib_tmpdir(name));
    snprintf(c->db, sizeof c->db, "%s/progress.db", c->dir);
    StoreOpenInfo info;
    c->st = store_open(c->dir, NOW, &info);
    CHECK(c->st != NULL);
    CHECK(info.writable);
}

/* Records an answer with the state the scheduler would have computed. */
static void answer(Ctx *c, StudyMode mode, int item, uint32_t mask, bool ok, int64_t at, int box, int64_t due)
{
    ItemState s = c->states[item];
    int before = s.box;
    s.box = box;
    s.due_at = due;
    s.seen++;
    if (ok)
        s.right++;
    else
        s.wrong++;
    s.last_at = at;
    Answer a = {.item = item, .answer = mask, .correct = ok, .ms = 1500, .at = at};
    CHECK_INT(store_record_answer(c->st, &c->tb.bank, mode, &a, &s, before), STORE_OK);
    c->states[item] = s;
}

/* The known data set the query tests read (item indexes: q01 = 0 ... c02 = 11). */
static void fill_known(Ctx *c)
{
    int64_t d2 = T0 - 2 * DAY + 3600, d1 = T0 - DAY + 3600, d0 = T0 + 3600;
    answer(c, MODE_DRILL, 0, 0x1, true, d2, 1, T0 - DAY + 3600);        /* q01 d0 right */
    answer(c, MODE_DRILL, 1, 0x2, false, d2 + 10, 1, T0 - DAY);         /* q02 d0 wrong */
    answer(c, MODE_DRILL, 3, 0x1, true, d2 + 20, 1, T0 - DAY + 7200);   /* q04 d1 right, overdue */
    answer(c, MODE_DRILL, 0, 0x1, true, d1, 2, T0 + DAY + 100);         /* q01 right -> due +1 */
    answer(c, MODE_DRILL, 1, 0x1, true, d1 + 10, 2, T0 + 3 * DAY);      /* q02 right -> due +3 */
    answer(c, MODE_DRILL, 6, 0x4, false, d1 + 20, 1, T0 + 2 * DAY);     /* q07 d2 wrong -> +2 */
    answer(c, MODE_DRILL, 10, 0x1, true, d1 + 30, 1, T0 + 13 * DAY);    /* c01 d0 knew -> +13 */
    answer(c, MODE_ARCADE, 11, 0x0, false, d1 + 40, 1, T0 + 20 * DAY); /* c02 d3 missed -> +20 */
    answer(c, MODE_DRILL, 2, 0x1, true, d0, 1, T0 + 5000);              /* q03 d0 right -> today */
    answer(c, MODE_DRILL, 9, 0x1, true, d0 + 10, 3, T0 + 4 * DAY);      /* q10 d3 right -> +4 */
}

/* ---- opening ------------------------------------------------------------ */

static void test_fresh_open(void)
{
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/nested/data", testlib_tmpdir("store_fresh"));
    StoreOpenInfo info;
    Store *st = store_open(dir, NOW, &info);
    CHECK(st != NULL);
    CHECK_INT(info.kind, STORE_OPEN_CREATED);
    CHECK(info.writable && info.created && !info.migrated && !info.damaged);
    CHECK_INT(info.from_version, 0);
    CHECK_INT(info.to_version, STORE_SCHEMA_VERSION);
    CHECK(strstr(info.message, "Welcome") != NULL);
    CHECK(store_is_writable(st));
    struct stat sb;
    CHECK(!COMPAT_FILE_MODES || (stat(dir, &sb) == 0 && (sb.st_mode & 0777) == 0700));
    CHECK(!COMPAT_FILE_MODES || (stat(store_path(st), &sb) == 0 && (sb.st_mode & 0777) == 0600));
    char db[1200], backup[1300];
    snprintf(db, sizeof db, "%s", store_path(st));
    snprintf(backup, sizeof backup, "%s/backups/progress-20250301.db", dir);
    CHECK(exists(backup));
    CHECK(!COMPAT_FILE_MODES || (stat(backup, &sb) == 0 && (sb.st_mode & 0777) == 0600));
    char mode[32];
    testdb_text(db, "PRAGMA journal_mode", mode, sizeof mode);
    CHECK_STR(mode, "wal");
    CHECK_INT(testdb_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    CHECK_INT(testdb_int(backup, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    testdb_text(backup, "PRAGMA journal_mode", mode, sizeof mode);
    CHECK_STR(mode, "delete"); /* a backup is one self-contained file */
    store_close(st);

    st = store_open(dir, NOW + 60, &info);
    CHECK_INT(info.kind, STORE_OPEN_OK);
    CHECK_STR(info.message, "");
    CHECK(info.writable);
    store_close(st);
}

static void test_day_numbers(void)
{
    Ctx c;
    ctx_open(&c, "store_days_of");
    CHECK_INT(store_day_of(c.st, T0), 20148);
    CHECK_INT(store_day_of(c.st, T0 - 1), 20147);
    store_set_utc_offset(c.st, -5 * 3600);
    CHECK_INT(store_day_of(c.st, T0 + 2 * 3600), 20147);
    CHECK_INT(store_day_of(c.st, T0 + 5 * 3600), 20148);
    store_set_utc_offset(c.st, 9 * 3600);
    CHECK_INT(store_day_of(c.st, T0 - 3600), 20148);
    store_set_utc_offset(c.st, 0);
    CHECK_INT(store_day_of(c.st, -1), -1);
    CHECK_INT(store_day_of(c.st, -DAY), -1);
    CHECK_INT(store_day_of(c.st, -DAY - 1), -2);
    store_close(c.st);
}

/* ---- answers ------------------------------------------------------------- */

static void test_answers(void)
{
    Ctx c;
    ctx_open(&c, "store_answers");
    Bank *b = &c.tb.bank;
    answer(&c, MODE_DRILL, 4, 0x5, true, NOW, 1, NOW + DAY); /* q05: "AC" */
    int64_t first = store_last_review_id(c.st);
    CHECK(first > 0);
    answer(&c, MODE_DRILL, 10, 0x1, true, NOW + 1, 1, NOW + DAY);  /* c01 knew */
    answer(&c, MODE_ARCADE, 11, 0x0, false, NOW + 2, 1, NOW + DAY); /* c02 missed */
    CHECK_INT(store_last_review_id(c.st), first + 2);

    char text[64];
    testdb_text(c.db, "SELECT answer FROM reviews WHERE item_id = 'q05'", text, sizeof text);
    CHECK_STR(text, "AC");
    testdb_text(c.db, "SELECT answer FROM reviews WHERE item_id = 'c01'", text, sizeof text);
    CHECK_STR(text, "A");
    testdb_text(c.db, "SELECT answer || '|' || mode FROM reviews WHERE item_id = 'c02'", text, sizeof text);
    CHECK_STR(text, "|arcade");
    CHECK_INT(testdb_int(c.db, "SELECT box_before * 10 + box_after FROM reviews WHERE item_id = 'q05'"), 1);
    CHECK_INT(testdb_int(c.db, "SELECT answers * 100 + drill_answers * 10 + right FROM days WHERE day = 20148"),
              322);

    /* states come back parallel to the bank, unknown rows are kept */
    testdb_exec(c.db, "INSERT INTO items(item_id, box, due_at, seen, right, wrong, last_at)"
                   " VALUES('retired-1', 4, 1, 9, 9, 0, 1)");
    ItemState got[TESTBANK_ITEMS];
    CHECK_INT(store_load_states(c.st, b, got), STORE_OK);
    CHECK(memcmp(got, c.states, sizeof got) == 0);
    CHECK_INT(got[0].box, 0); /* never answered: unseen */
    CHECK_INT(got[4].seen, 1);
    CHECK_INT(got[4].due_at, NOW + DAY);
    answer(&c, MODE_DRILL, 4, 0x1, false, NOW + 3, 1, NOW + 100);
    CHECK_INT(testdb_int(c.db, "SELECT count(*) FROM items WHERE item_id = 'retired-1'"), 1);
    CHECK_INT(testdb_int(c.db, "SELECT seen * 100 + right * 10 + wrong FROM items WHERE item_id = 'q05'"), 211);

    /* bad arguments write nothing */
    Answer bad = {.item = TESTBANK_ITEMS, .at = NOW};
    ItemState s = {0};
    CHECK_INT(store_record_answer(c.st, b, MODE_DRILL, &bad, &s, 0), STORE_ERR_INVALID);
    bad.item = 0;
    CHECK_INT(store_record_answer(c.st, b, (StudyMode)9, &bad, &s, 0), STORE_ERR_INVALID);
    CHECK(store_error_message(c.st)[0] != '\0');
    CHECK_INT(testdb_int(c.db, "SELECT count(*) FROM reviews"), 4);

    /* XP in the same transaction as the answer */
    Answer a = {.item = 1, .answer = 1, .correct = true, .ms = 10, .at = NOW + 4};
    ItemState ns = {.box = 1, .due_at = NOW + DAY, .seen = 1, .right = 1, .last_at = NOW + 4};
    CHECK_INT(store_record_answer_xp(c.st, b, MODE_DRILL, &a, &ns, 0, 15), STORE_OK);
    CHECK_INT(store_record_answer_xp(c.st, b, MODE_DRILL, &a, &ns, 0, 5), STORE_OK);
    CHECK_INT(store_profile_get(c.st, "xp", -1), 20);
    CHECK_STR(store_error_message(c.st), "");

    /* how sure the learner was: stored as 1, 0 or NULL (not asked), read back */
    a.confidence = CONFIDENCE_SURE;
    a.correct = false;
    a.at = NOW + 5;
    CHECK_INT(store_record_answer(c.st, b, MODE_DRILL, &a, &ns, 1), STORE_OK);
    a.confidence = CONFIDENCE_UNSURE;
    a.at = NOW + 6;
    CHECK_INT(store_record_answer(c.st, b, MODE_DRILL, &a, &ns, 1), STORE_OK);
    CHECK_INT(testdb_int(c.db, "SELECT count(*) FROM reviews WHERE confident IS NULL"), 6);
    CHECK_INT(testdb_int(c.db, "SELECT confident FROM reviews ORDER BY id DESC LIMIT 1 OFFSET 1"), 1);
    CHECK_INT(testdb_int(c.db, "SELECT confident FROM reviews ORDER BY id DESC LIMIT 1"), 0);
    Answer back[16];
    int read_back = 0;
    CHECK_INT(store_recent_answers(c.st, b, 16, back, NULL, &read_back), STORE_OK);
    CHECK_INT(read_back, 8);
    CHECK_INT(back[read_back - 2].confidence, CONFIDENCE_SURE);
    CHECK_INT(back[read_back - 1].confidence, CONFIDENCE_UNSURE);
    CHECK_INT(back[0].confidence, CONFIDENCE_NOT_ASKED);
    store_close(c.st);
}

static void test_settings(void)
{
    Ctx c;
    ctx_open(&c, "store_settings");
    char buf[64];
    CHECK_INT(store_get_int(c.st, "daily_goal", 20), 20);
    CHECK(!store_get_str(c.st, "exam_date", "none", buf, sizeof buf));
    CHECK_STR(buf, "none");
    CHECK_INT(store_set_int(c.st, "daily_goal", 30), STORE_OK);
    CHECK_INT(store_get_int(c.st, "daily_goal", 20), 30);
    CHECK_INT(store_set_str(c.st, "exam_date", "2025-04-15"), STORE_OK);
    CHECK(store_get_str(c.st, "exam_date", "none", buf, sizeof buf));
    CHECK_STR(buf, "2025-04-15");
    CHECK_INT(store_set_str(c.st, "exam_date", "2025-05-01"), STORE_OK);
    store_get_str(c.st, "exam_date", "none", buf, sizeof buf);
    CHECK_STR(buf, "2025-05-01");
    CHECK_INT(store_get_int(c.st, "exam_date", 7), 7); /* not a number: default */
    CHECK_INT(store_set_int(c.st, "neg", -12345678901LL), STORE_OK);
    CHECK_INT(store_get_int(c.st, "neg", 0), -12345678901LL);
    char small[4];
    store_get_str(c.st, "exam_date", "", small, sizeof small);
    CHECK_STR(small, "202");

    CHECK_INT(store_profile_get(c.st, "xp", 0), 0);
    CHECK_INT(store_add_xp(c.st, 40), STORE_OK);
    CHECK_INT(store_add_xp(c.st, -5), STORE_OK);
    CHECK_INT(store_profile_get(c.st, "xp", 0), 35);
    CHECK_INT(store_profile_set(c.st, "best_streak", 12), STORE_OK);
    CHECK_INT(store_profile_get(c.st, "best_streak", 0), 12);
    store_close(c.st);

    /* settings survive reopening */
    Store *st = store_open(c.dir, NOW, NULL);
    CHECK_INT(store_get_int(st, "daily_goal", 20), 30);
    store_close(st);
}

static void test_recent_answers(void)
{
    Ctx c;
    ctx_open(&c, "store_recent");
    fill_known(&c);
    testdb_exec(c.db, "INSERT INTO reviews(at, item_id, mode, correct, answer) VALUES(1, 'retired', 'drill', 1, 'A')");
    Answer out[20];
    int n = -1;
    CHECK_INT(store_recent_answers(c.st, &c.tb.bank, 3, out, NULL, &n), STORE_OK);
    CHECK_INT(n, 3); /* the retired id is skipped, not counted */
    CHECK_INT(out[0].item, 11);
    CHECK_INT(out[1].item, 2);
    CHECK_INT(out[2].item, 9); /* newest last */
    CHECK(out[2].correct && out[2].answer == 1 && out[2].ms == 1500);
    CHECK_INT(out[2].at, T0 + 3610);
    CHECK_INT(store_recent_answers(c.st, &c.tb.bank, 20, out, NULL, &n), STORE_OK);
    CHECK_INT(n, 10);
    CHECK_INT(out[0].item, 0);
    CHECK_INT(out[1].answer, 0x2);
    CHECK(!out[1].correct);
    /* The box each item was in when answered comes along, in the same order. */
    int boxes[20];
    CHECK_INT(store_recent_answers(c.st, &c.tb.bank, 20, out, boxes, &n), STORE_OK);
    CHECK_INT(n, 10);
    CHECK_INT(boxes[n - 1], testdb_int(c.db, "SELECT box_before FROM reviews WHERE item_id != 'retired' "
                                             "ORDER BY id DESC LIMIT 1"));
    CHECK_INT(boxes[0], testdb_int(c.db, "SELECT box_before FROM reviews WHERE item_id != 'retired' "
                                         "ORDER BY id DESC LIMIT 1 OFFSET 9"));
    int sum = 0;
    for (int i = 0; i < n; i++)
        sum += boxes[i];
    CHECK_INT(sum, testdb_int(c.db, "SELECT SUM(box_before) FROM (SELECT box_before FROM reviews "
                                    "WHERE item_id != 'retired' ORDER BY id DESC LIMIT 10)"));
    CHECK_INT(store_recent_answers(c.st, &c.tb.bank, 0, out, NULL, &n), STORE_OK);
    CHECK_INT(n, 0);
    store_close(c.st);
}

/* ---- queries on the known data set -------------------------------------- */

static void test_queries(void)
{
    Ctx c;
    ctx_open(&c, "store_queries");
    fill_known(&c);
    CHECK_INT(store_set_int(c.st, "daily_goal", 3), STORE_OK);
    Bank *b = &c.tb.bank;

    StoreDomainStat acc[4];
    CHECK_INT(store_domain_accuracy(c.st, b, 0, acc), STORE_OK);
    CHECK_INT(acc[0].right, 5);
    CHECK_INT(acc[0].total, 6);
    CHECK_INT(acc[1].right, 1);
    CHECK_INT(acc[1].total, 1);
    CHECK_INT(acc[2].right, 0);
    CHECK_INT(acc[2].total, 1);
    CHECK_INT(acc[3].right, 1);
    CHECK_INT(acc[3].total, 2);
    CHECK_INT(store_domain_accuracy(c.st, b, T0 - DAY, acc), STORE_OK); /* "last days" window */
    CHECK_INT(acc[0].right, 4);
    CHECK_INT(acc[0].total, 4);
    CHECK_INT(acc[1].total, 0);
    CHECK_INT(acc[2].total, 1);
    CHECK_INT(acc[3].right, 1);
    CHECK_INT(acc[3].total, 2);

    /* items a drill showed for the first time (box_before 0) since a moment */
    int fresh = -1;
    CHECK_INT(store_new_items_since(c.st, T0, &fresh), STORE_OK);
    CHECK_INT(fresh, 2); /* q03, q10 */
    CHECK_INT(store_new_items_since(c.st, T0 - DAY, &fresh), STORE_OK);
    CHECK_INT(fresh, 4); /* + q07, c01; c02 was met in the arcade; q01 and q02 were seen before */
    CHECK_INT(store_new_items_since(c.st, 0, &fresh), STORE_OK);
    CHECK_INT(fresh, 7);

    StoreBoxCounts boxes[4];
    CHECK_INT(store_box_counts(c.st, b, boxes), STORE_OK);
    /* d0: q01 box2, q02 box2, q03 box1, c01 box1 */
    CHECK_INT(boxes[0].box[0], 0);
    CHECK_INT(boxes[0].box[1], 2);
    CHECK_INT(boxes[0].box[2], 2);
    /* d1: q04 box1, q05 q06 unseen */
    CHECK_INT(boxes[1].box[0], 2);
    CHECK_INT(boxes[1].box[1], 1);
    /* d2: q07 box1, q08 q09 unseen; d3: q10 box3, c02 box1 */
    CHECK_INT(boxes[2].box[0], 2);
    CHECK_INT(boxes[2].box[1], 1);
    CHECK_INT(boxes[3].box[1], 1);
    CHECK_INT(boxes[3].box[3], 1);

    int due[14];
    CHECK_INT(store_due_per_day(c.st, b, NOW, 14, due), STORE_OK);
    CHECK_INT(due[0], 2); /* q04 overdue, q03 today */
    CHECK_INT(due[1], 1); /* q01 */
    CHECK_INT(due[2], 1); /* q07 */
    CHECK_INT(due[3], 1); /* q02 */
    CHECK_INT(due[4], 1); /* q10 */
    CHECK_INT(due[13], 1); /* c01; c02 at +20 is beyond the window */
    int sum = 0;
    for (int i = 0; i < 14; i++)
        sum += due[i];
    CHECK_INT(sum, 7);

    StoreDay days[84];
    CHECK_INT(store_days(c.st, 20148 - 83, 84, days), STORE_OK);
    CHECK_INT(days[0].day, 20148 - 83);
    CHECK_INT(days[83].day, 20148);
    CHECK_INT(days[81].answers, 3);
    CHECK_INT(days[81].right, 2);
    CHECK_INT(days[81].drill_answers, 3);
    CHECK_INT(days[81].ms, 4500);
    CHECK_INT(days[82].answers, 5);
    CHECK_INT(days[82].drill_answers, 4);
    CHECK_INT(days[83].answers, 2);
    CHECK_INT(days[80].answers, 0);
    /* the goal was 20 when days 81 and 82 were written, and stays as it was */
    CHECK(!days[81].goal_met && !days[82].goal_met && !days[83].goal_met);

    answer(&c, MODE_DRILL, 5, 0x1, true, NOW + 10, 1, NOW + DAY); /* third drill answer today, goal 3 */
    CHECK_INT(store_days(c.st, 20148, 1, days), STORE_OK);
    CHECK(days[0].goal_met);
    testdb_exec(c.db, "UPDATE days SET goal_met = 1 WHERE day = 20147;"
                   "INSERT INTO days(day, answers, drill_answers, goal_met) VALUES(20140, 5, 5, 1),"
                   " (20141, 5, 5, 1), (20142, 5, 5, 1), (20143, 5, 5, 1), (20160, 5, 5, 1)");
    /* the streak itself is the rewards rule over these days (test_stats.c) */
    CHECK_INT(store_days(c.st, 20140, 9, days), STORE_OK);
    CHECK(days[0].goal_met && days[3].goal_met && !days[4].goal_met && days[7].goal_met && days[8].goal_met);

    StoreTotals t;
    CHECK_INT(store_totals(c.st, &t), STORE_OK);
    CHECK_INT(t.items_answered, 9);
    CHECK_INT(t.answers, 11);
    CHECK_INT(t.right, 8);
    CHECK_INT(t.ms, 11 * 1500);
    CHECK_INT(t.days_studied, 8); /* 3 real days + 5 inserted */
    CHECK_INT(t.mocks_finished, 0);
    CHECK_INT(t.xp, 0);
    store_close(c.st);
}

/* ---- exams --------------------------------------------------------------- */

static void make_form(ExamForm *f, StudyMode mode, int64_t started, const int *items, int count)
{
    memset(f, 0, sizeof *f);
    f->mode = mode;
    f->count = count;
    f->items = calloc((size_t)count, sizeof *f->items);
    f->started_at = started;
    f->seconds_total = 600;
    f->seconds_left = 600;
    for (int i = 0; i < count; i++) {
        f->items[i].item = items[i];
        f->items[i].scored = i != 1; /* position 1 is the unscored pretest item */
        for (int k = 0; k < BANK_MAX_OPTIONS; k++)
            f->items[i].order[k] = (uint8_t)k;
        /* reverse the display order of position 0 */
        if (i == 0)
            for (int k = 0; k < 4; k++)
                f->items[i].order[k] = (uint8_t)(3 - k);
    }
}

static void finish(Ctx *c, ExamForm *f, int scaled, int64_t at, StoreStatus want)
{
    bool correct[16];
    int right = 0;
    for (int i = 0; i < f->count; i++) {
        correct[i] = f->items[i].answer == c->tb.items[f->items[i].item].correct_mask;
        right += correct[i] && f->items[i].scored;
    }
    StoreExamResult r = {.correct_scored = right, .scaled = scaled, .passed = scaled >= 700,
                         .likely_low = scaled - 50, .likely_high = scaled + 50, .item_correct = correct};
    CHECK_INT(store_exam_complete(c->st, &c->tb.bank, f, &r, NULL, at), want);
}

static void test_exams(void)
{
    Ctx c;
    ctx_open(&c, "store_exams");
    Bank *b = &c.tb.bank;
    ExamForm f, g;
    bool esl = false;
    CHECK_INT(store_exam_load_unfinished(c.st, b, NOW, &g, &esl), STORE_NOT_FOUND);

    static const int items_a[4] = {0, 4, 6, 9};
    make_form(&f, MODE_MOCK, NOW, items_a, 4);
    CHECK_INT(store_exam_begin(c.st, b, &f, true), STORE_OK);
    CHECK(f.store_id > 0);
    CHECK_INT(testdb_int(c.db, "SELECT count(*) FROM exam_items"), 4);
    char text[64];
    testdb_text(c.db, "SELECT option_order || '/' || domain FROM exam_items WHERE position = 0", text, sizeof text);
    CHECK_STR(text, "DCBA/1");
    testdb_text(c.db, "SELECT option_order FROM exam_items WHERE position = 1", text, sizeof text);
    CHECK_STR(text, "ABCDE");
    testdb_text(c.db, "SELECT state || scored || esl FROM exams", text, sizeof text);
    CHECK_STR(text, "in_progress31");

    /* answers saved one at a time, as given */
    f.items[0].answer = 0x1;
    f.items[0].ms = 4000;
    f.position = 1;
    f.seconds_left = 550;
    CHECK_INT(store_exam_save(c.st, &f, 0), STORE_OK);
    f.items[1].answer = 0x5;
    f.items[1].flagged = true;
    f.position = 2;
    CHECK_INT(store_exam_save(c.st, &f, 1), STORE_OK);
    f.seconds_left = 500;
    CHECK_INT(store_exam_save(c.st, &f, -1), STORE_OK); /* time and position only */
    CHECK_INT(store_exam_save(c.st, &f, 4), STORE_ERR_INVALID);

    /* resume: the same form comes back */
    CHECK_INT(store_exam_load_unfinished(c.st, b, NOW, &g, &esl), STORE_OK);
    CHECK(esl);
    CHECK_INT(g.count, 4);
    CHECK_INT(g.mode, MODE_MOCK);
    CHECK_INT(g.store_id, f.store_id);
    CHECK_INT(g.started_at, NOW);
    CHECK_INT(g.seconds_total, 600);
    CHECK_INT(g.seconds_left, 500);
    CHECK_INT(g.position, 2);
    for (int i = 0; i < 4; i++) {
        CHECK_INT(g.items[i].item, f.items[i].item);
        CHECK_INT(g.items[i].scored, f.items[i].scored);
        CHECK_INT(g.items[i].answer, f.items[i].answer);
        CHECK_INT(g.items[i].flagged, f.items[i].flagged);
        CHECK_INT(g.items[i].ms, f.items[i].ms);
        CHECK(memcmp(g.items[i].order, f.items[i].order, (size_t)b->items[f.items[i].item].option_count) == 0);
    }
    exam_form_free(&g);

    /* finish: one transaction for the result, the marks and the reviews */
    f.items[3].answer = 0x2; /* q10 wrong; q07 (position 2) unanswered */
    finish(&c, &f, 760, NOW + 500, STORE_OK);
    CHECK_INT(store_exam_load_unfinished(c.st, b, NOW, &g, &esl), STORE_NOT_FOUND);
    testdb_text(c.db, "SELECT group_concat(correct, '') FROM (SELECT correct FROM exam_items ORDER BY position)",
             text, sizeof text);
    CHECK_STR(text, "1100");
    CHECK_INT(testdb_int(c.db, "SELECT count(*) FROM reviews WHERE mode = 'mock'"), 3); /* answered only */
    CHECK_INT(testdb_int(c.db, "SELECT answers FROM days WHERE day = 20148"), 3);
    CHECK_INT(testdb_int(c.db, "SELECT count(*) FROM items"), 0); /* no new_states: boxes untouched */
    finish(&c, &f, 760, NOW + 600, STORE_ERR_INVALID);  /* not twice */
    CHECK_INT(store_exam_save(c.st, &f, 0), STORE_ERR_INVALID);
    CHECK_INT(testdb_int(c.db, "SELECT count(*) FROM reviews WHERE mode = 'mock'"), 3);

    /* a second and third mock; beginning one abandons an unfinished one */
    static const int items_b[3] = {1, 2, 3};
    static const int items_c[3] = {3, 7, 8};
    ExamForm f2, f3;
    make_form(&f2, MODE_MOCK, NOW + DAY, items_b, 3);
    CHECK_INT(store_exam_begin(c.st, b, &f2, false), STORE_OK);
    make_form(&f3, MODE_MOCK, NOW + 2 * DAY, items_c, 3);
    CHECK_INT(store_exam_begin(c.st, b, &f3, false), STORE_OK);
    testdb_text(c.db, "SELECT state FROM exams WHERE id = 2", text, sizeof text);
    CHECK_STR(text, "abandoned");
    /* new_states given: items move and reviews carry the boxes */
    ItemState ns[TESTBANK_ITEMS];
    memset(ns, 0, sizeof ns);
    ns[3] = (ItemState){.box = 2, .due_at = NOW + 5 * DAY, .seen = 1, .right = 1, .last_at = NOW + 2 * DAY};
    ns[7] = (ItemState){.box = 1, .due_at = NOW + 3 * DAY, .seen = 1, .wrong = 1, .last_at = NOW + 2 * DAY};
    f3.items[0].answer = 0x1;
    f3.items[1].answer = 0x2;
    bool marks[3] = {true, false, false};
    StoreExamResult r3 = {.correct_scored = 1, .scaled = 650, .passed = false, .likely_low = 560,
                          .likely_high = 740, .item_correct = marks};
    CHECK_INT(store_exam_complete(c.st, b, &f3, &r3, ns, NOW + 2 * DAY + 300), STORE_OK);
    CHECK_INT(testdb_int(c.db, "SELECT box FROM items WHERE item_id = 'q04'"), 2);
    CHECK_INT(testdb_int(c.db, "SELECT count(*) FROM items"), 3); /* every item of the form */
    CHECK_INT(testdb_int(c.db, "SELECT box_after FROM reviews WHERE item_id = 'q04' AND mode = 'mock'"), 2);

    ExamForm d;
    static const int items_d[2] = {5, 9};
    make_form(&d, MODE_DIAGNOSTIC, NOW + 3 * DAY, items_d, 2);
    CHECK_INT(store_exam_begin(c.st, b, &d, false), STORE_OK);
    finish(&c, &d, 420, NOW + 3 * DAY + 100, STORE_OK);

    StoreExamSummary hist[8];
    int n = 0;
    CHECK_INT(store_exam_history(c.st, MODE_MOCK, hist, 8, &n), STORE_OK);
    CHECK_INT(n, 2);
    CHECK_INT(hist[0].id, f.store_id);
    CHECK_INT(hist[0].scaled, 760);
    CHECK(hist[0].passed && hist[0].esl);
    CHECK_INT(hist[0].likely_low, 710);
    CHECK_INT(hist[0].likely_high, 810);
    CHECK_INT(hist[0].finished_at, NOW + 500);
    CHECK_INT(hist[0].correct_scored, 1);
    CHECK_INT(hist[0].scored, 3);
    CHECK_INT(hist[1].id, f3.store_id);
    CHECK(!hist[1].passed);
    CHECK_INT(store_exam_history(c.st, MODE_MOCK, hist, 1, &n), STORE_OK);
    CHECK_INT(n, 1);
    CHECK_INT(hist[0].scaled, 650); /* the newest one */
    CHECK_INT(store_exam_history(c.st, MODE_DIAGNOSTIC, hist, 8, &n), STORE_OK);
    CHECK_INT(n, 1);
    CHECK_INT(hist[0].scaled, 420);
    int scores[5];
    CHECK_INT(store_last_mock_scores(c.st, 5, scores, &n), STORE_OK);
    CHECK_INT(n, 2);
    CHECK_INT(scores[0], 760);
    CHECK_INT(scores[1], 650);

    /* items of the last forms begun (abandoned ones too) */
    bool used[TESTBANK_ITEMS];
    CHECK_INT(store_recent_form_items(c.st, b, 1, used, &n), STORE_OK);
    CHECK_INT(n, 3);
    CHECK(used[3] && used[7] && used[8] && !used[0]);
    CHECK_INT(store_recent_form_items(c.st, b, 2, used, &n), STORE_OK);
    CHECK_INT(n, 5); /* q02 q03 q04 q08 q09 */
    CHECK_INT(store_recent_form_items(c.st, b, 10, used, &n), STORE_OK);
    CHECK_INT(n, 9);
    CHECK(!used[5]); /* the diagnostic's items are not mock items */

    StoreTotals t;
    CHECK_INT(store_totals(c.st, &t), STORE_OK);
    CHECK_INT(t.mocks_finished, 2);
    CHECK_INT(t.diagnostics_finished, 1);

    /* an unfinished exam whose item left the bank can't resume */
    ExamForm f4;
    static const int items_e[2] = {0, 1};
    make_form(&f4, MODE_MOCK, NOW + 4 * DAY, items_e, 2);
    CHECK_INT(store_exam_begin(c.st, b, &f4, false), STORE_OK);
    TestBank smaller;
    testbank_init_renamed(&smaller, "q02", "xq02"); /* q02 renamed: as if removed */
    CHECK_INT(store_exam_load_unfinished(c.st, &smaller.bank, NOW + 5 * DAY, &g, &esl), STORE_STALE);
    CHECK(g.items == NULL && g.count == 0);
    CHECK(strstr(store_error_message(c.st), "q02") != NULL);
    CHECK(strstr(store_error_message(c.st), "abandoned") != NULL);
    testdb_text(c.db, "SELECT state FROM exams ORDER BY id DESC LIMIT 1", text, sizeof text);
    CHECK_STR(text, "abandoned");
    CHECK_INT(testdb_int(c.db, "SELECT finished_at FROM exams ORDER BY id DESC LIMIT 1"), NOW + 5 * DAY);
    CHECK_INT(store_exam_load_unfinished(c.st, b, NOW, &g, &esl), STORE_NOT_FOUND);

    /* an item whose options changed can't resume either */
    ExamForm f5;
    make_form(&f5, MODE_MOCK, NOW + 6 * DAY, items_e, 2);
    CHECK_INT(store_exam_begin(c.st, b, &f5, false), STORE_OK);
    TestBank fewer = c.tb;
    fewer.bank.items = fewer.items;
    fewer.items[0].option_count = 3;
    CHECK_INT(store_exam_load_unfinished(c.st, &fewer.bank, NOW, &g, &esl), STORE_STALE);
    CHECK(strstr(store_error_message(c.st), "q01") != NULL);

    /* explicit abandon */
    ExamForm f6;
    make_form(&f6, MODE_MOCK, NOW + 7 * DAY, items_e, 2);
    CHECK_INT(store_exam_begin(c.st, b, &f6, false), STORE_OK);
    CHECK_INT(store_exam_abandon(c.st, f6.store_id, NOW + 7 * DAY + 5), STORE_OK);
    CHECK_INT(store_exam_load_unfinished(c.st, b, NOW, &g, &esl), STORE_NOT_FOUND);

    /* bad forms are refused */
    ExamForm empty = {0};
    CHECK_INT(store_exam_begin(c.st, b, &empty, false), STORE_ERR_INVALID);
    exam_form_free(&f);
    exam_form_free(&f2);
    exam_form_free(&f3);
    exam_form_free(&f4);
    exam_form_free(&f5);
    exam_form_free(&f6);
    exam_form_free(&d);
    store_close(c.st);
}

static void test_arcade(void)
{
    Ctx c;
    ctx_open(&c, "store_arcade");
    int best = -1, rounds = -1;
    CHECK_INT(store_arcade_best(c.st, "sprint", &best, &rounds), STORE_NOT_FOUND);
    CHECK_INT(best, 0);
    CHECK_INT(rounds, 0);
    static const int pts[4] = {1200, 3400, 2100, 900};
    for (int i = 0; i < 4; i++) {
        StoreArcadeRound r = {.round = i < 3 ? "sprint" : "marathon", .started_at = NOW + i * 100,
                              .finished_at = NOW + i * 100 + 60, .answered = 10 + i, .correct = 8,
                              .points = pts[i]};
        int64_t id = 0;
        CHECK_INT(store_arcade_save(c.st, &c.tb.bank, &r, &id), STORE_OK);
        CHECK(id > 0);
    }
    CHECK_INT(store_arcade_best(c.st, "sprint", &best, &rounds), STORE_OK);
    CHECK_INT(best, 3400);
    CHECK_INT(rounds, 3);
    CHECK_INT(store_arcade_best(c.st, "marathon", &best, NULL), STORE_OK);
    CHECK_INT(best, 900);
    StoreArcadeRound nameless = {.round = NULL};
    CHECK_INT(store_arcade_save(c.st, &c.tb.bank, &nameless, NULL), STORE_ERR_INVALID);
    StoreTotals t;
    store_totals(c.st, &t);
    CHECK_INT(t.arcade_rounds, 4);
    CHECK_INT(testdb_int(c.db, "SELECT count(*) FROM exams WHERE mode = 'arcade' AND bank = 'TST-01'"), 4);
    store_close(c.st);
}

/* ---- migration ------------------------------------------------------------ */

/* Lists "table.column type notnull default pk" for every table, sorted. */
static void schema_signature(const char *db_path, char *buf, size_t size)
{
    testdb_text(db_path,
             "SELECT group_concat(x, ';') FROM (SELECT m.name || '.' || p.name || ' ' || p.type || ' ' ||"
             " p.\"notnull\" || ' ' || COALESCE(p.dflt_value, '-') || ' ' || p.pk AS x"
             " FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY x)",
             buf, size);
    size_t used = strlen(buf);
    testdb_text(db_path,
             "SELECT group_concat(name, ';') FROM (SELECT name FROM sqlite_master WHERE type = 'index'"
             " AND name NOT LIKE 'sqlite_%' ORDER BY name)",
             buf + used, size - used);
}

static void test_migration_v1(void)
{
    Ctx c;
    memset(&c, 0, sizeof c);
    testbank_init(&c.tb);
    snprintf(c.dir, sizeof c.dir, "%s", testlib_tmpdir("store_migrate"));
    snprintf(c.db, sizeof c.db, "%s/progress.db", c.dir);
    char *sql = testlib_read_file(testlib_source_path("tests/store/v1.sql"));
    CHECK(sql != NULL);
    if (!sql)
        return;
    testdb_exec(c.db, sql);
    free(sql);
    CHECK_INT(testdb_int(c.db, "PRAGMA user_version"), 1);

    StoreOpenInfo info;
    Store *st = store_open(c.dir, NOW, &info);
    CHECK_INT(info.kind, STORE_OPEN_MIGRATED);
    CHECK(info.migrated && info.writable && !info.created);
    CHECK_INT(info.from_version, 1);
    CHECK_INT(info.to_version, STORE_SCHEMA_VERSION);
    CHECK(strstr(info.message, "version 1 to 4") != NULL);
    CHECK_INT(testdb_int(c.db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);

    /* the old file was copied before anything changed */
    char backup[1300];
    snprintf(backup, sizeof backup, "%s/backups/progress-20250301-120000-v1.db", c.dir);
    CHECK(exists(backup));
    CHECK_INT(testdb_int(backup, "PRAGMA user_version"), 1);
    CHECK_INT(testdb_int(backup, "SELECT count(*) FROM reviews"), 7);
    snprintf(backup, sizeof backup, "%s/backups/progress-20250301.db", c.dir);
    CHECK_INT(testdb_int(backup, "PRAGMA user_version"), STORE_SCHEMA_VERSION);

    /* data kept, new columns filled */
    ItemState s[TESTBANK_ITEMS];
    CHECK_INT(store_load_states(st, &c.tb.bank, s), STORE_OK);
    CHECK_INT(s[0].box, 2);
    CHECK_INT(s[0].due_at, 1740873600);
    CHECK_INT(s[1].wrong, 1);
    /* version 3: the memory model rebuilt from each item's reviews, the same
     * as replaying the answers in time order */
    Answer answers[64];
    int answer_count = 0;
    CHECK_INT(store_recent_answers(st, &c.tb.bank, 64, answers, NULL, &answer_count), STORE_OK);
    ItemState replayed[TESTBANK_ITEMS];
    memset(replayed, 0, sizeof replayed);
    CHECK(memory_replay(&c.tb.bank, answers, answer_count, replayed));
    int with_memory = 0;
    for (int i = 0; i < TESTBANK_ITEMS; i++) {
        CHECK((s[i].seen > 0) == (s[i].stability > 0));
        if (s[i].seen == 0) /* answered only in a version-1 mock: no item row to fill */
            continue;
        CHECK(fabs(s[i].stability - replayed[i].stability) < 1e-9);
        CHECK(fabs(s[i].difficulty - replayed[i].difficulty) < 1e-9);
        with_memory++;
    }
    CHECK(with_memory >= 2);
    CHECK(testdb_int(c.db, "SELECT count(*) FROM items WHERE item_id = 'retired-7' AND stability > 0") == 1);
    CHECK_INT(testdb_int(c.db, "SELECT count(*) FROM items WHERE item_id = 'retired-7'"), 1);
    CHECK_INT(store_get_int(st, "daily_goal", 0), 2);
    CHECK_INT(store_profile_get(st, "xp", 0), 150);
    char text[128];
    testdb_text(c.db, "SELECT group_concat(state, ',') FROM (SELECT state FROM exams ORDER BY id)", text, sizeof text);
    CHECK_STR(text, "finished,abandoned,finished");
    CHECK_INT(testdb_int(c.db, "SELECT finished_at FROM exams WHERE id = 2"), 1740703000);
    /* version 4: retakes are a mode, reviews may say how sure and which
     * exam, exam items keep their whole seconds (old rows from their ms,
     * new ones by trigger) */
    testdb_text(c.db, "PRAGMA integrity_check", text, sizeof text);
    CHECK_STR(text, "ok");
    CHECK_INT(testdb_int(c.db, "SELECT count(*) FROM reviews WHERE confident IS NOT NULL OR exam_id IS NOT NULL"), 0);
    CHECK_INT(testdb_int(c.db, "SELECT count(*) FROM exam_items WHERE seconds != (ms + 500) / 1000"), 0);
    testdb_exec(c.db, "INSERT INTO exams(started_at, mode, state) VALUES (1740900000, 'retake', 'finished');"
                      "INSERT INTO exam_items(exam_id, position, item_id, ms) VALUES (last_insert_rowid(), 0, 'q01', 83600);"
                      "INSERT INTO reviews(at, item_id, mode, correct, answer, confident) "
                      "VALUES (1740900001, 'q01', 'retake', 0, 'B', 1);");
    CHECK_INT(testdb_int(c.db, "SELECT seconds FROM exam_items WHERE ms = 83600"), 84);
    testdb_exec(c.db, "UPDATE exam_items SET ms = 1400 WHERE ms = 83600");
    CHECK_INT(testdb_int(c.db, "SELECT seconds FROM exam_items WHERE ms = 1400"), 1);
    CHECK_INT(testdb_int(c.db, "SELECT count(*) FROM reviews WHERE mode = 'retake' AND confident = 1"), 1);
    testdb_exec(c.db, "DELETE FROM reviews WHERE mode = 'retake'; DELETE FROM exam_items WHERE ms = 1400;"
                      "DELETE FROM exams WHERE mode = 'retake';");
    bool esl = true;
    ExamForm g;
    CHECK_INT(store_exam_load_unfinished(st, &c.tb.bank, NOW, &g, &esl), STORE_NOT_FOUND);

    /* the days table was built from the reviews */
    StoreDay days[3];
    CHECK_INT(store_days(st, 20146, 3, days), STORE_OK);
    CHECK_INT(days[0].answers, 2);
    CHECK_INT(days[0].right, 1);
    CHECK_INT(days[0].drill_answers, 2);
    CHECK_INT(days[0].ms, 12000);
    CHECK(days[0].goal_met);
    CHECK_INT(days[1].answers, 5);
    CHECK_INT(days[1].right, 4);
    CHECK_INT(days[1].drill_answers, 3);
    CHECK_INT(days[1].ms, 159000);
    CHECK(days[1].goal_met);
    CHECK_INT(days[2].answers, 0);

    StoreExamSummary hist[4];
    int n = 0;
    CHECK_INT(store_exam_history(st, MODE_MOCK, hist, 4, &n), STORE_OK);
    CHECK_INT(n, 1);
    CHECK_INT(hist[0].scaled, 400);
    CHECK_INT(hist[0].likely_low, 400); /* version 1 had no range: the score itself */
    StoreDomainStat acc[4];
    CHECK_INT(store_domain_accuracy(st, &c.tb.bank, 0, acc), STORE_OK);
    CHECK_INT(acc[0].right, 3);
    CHECK_INT(acc[0].total, 4); /* retired-7 is not counted */
    CHECK_INT(acc[1].right, 1);
    CHECK_INT(acc[1].total, 2);

    /* the migrated schema is the schema of a new file */
    char migrated[4096], fresh[4096];
    schema_signature(c.db, migrated, sizeof migrated);
    Ctx f;
    ctx_open(&f, "store_migrate_fresh");
    schema_signature(f.db, fresh, sizeof fresh);
    CHECK_STR(migrated, fresh);
    CHECK(strlen(fresh) > 200);
    store_close(f.st);

    /* and works for new answers */
    Answer a = {.item = 0, .answer = 1, .correct = true, .ms = 100, .at = NOW};
    ItemState ns = s[0];
    ns.seen++;
    CHECK_INT(store_record_answer(st, &c.tb.bank, MODE_DRILL, &a, &ns, s[0].box), STORE_OK);
    store_close(st);

    /* opening again does nothing more */
    st = store_open(c.dir, NOW + 10, &info);
    CHECK_INT(info.kind, STORE_OPEN_OK);
    store_close(st);
}

/* ---- export, reset, backups --------------------------------------------- */

static void test_export(void)
{
    Ctx c;
    ctx_open(&c, "store_export");
    snprintf(c.tb.ids[2], sizeof c.tb.ids[2], "odd,\"id\"");
    answer(&c, MODE_DRILL, 2, 0x3, false, T0, 1, T0 + DAY);
    answer(&c, MODE_DRILL, 0, 0x1, true, T0 + 1, 1, T0 + DAY);
    StoreArcadeRound r = {.round = "sprint", .started_at = T0 + 10, .finished_at = T0 + 70, .answered = 5,
                          .correct = 4, .points = 777};
    CHECK_INT(store_arcade_save(c.st, &c.tb.bank, &r, NULL), STORE_OK);
    char out[1200];
    snprintf(out, sizeof out, "%s/history.csv", c.dir);
    CHECK_INT(store_export_csv(c.st, out), STORE_OK);
    char *csv = testlib_read_file(out);
    CHECK(csv != NULL);
    if (csv) {
        CHECK(strncmp(csv, "record,id,at,time_utc,mode,item_id,correct,answer,ms,box_before,box_after,"
                           "started_at,finished_at,state,bank,round,items,scored,correct_scored,scaled,"
                           "likely_low,likely_high,passed,points,esl,seconds_total,seconds_left,"
                           "exam_id,position,flagged,seconds,confident\r\n",
                      strlen("record,id,at,time_utc,mode,item_id,correct,answer,ms,box_before,box_after,"
                             "started_at,finished_at,state,bank,round,items,scored,correct_scored,scaled,"
                             "likely_low,likely_high,passed,points,esl,seconds_total,seconds_left,"
                             "exam_id,position,flagged,seconds,confident\r\n")) == 0);
        CHECK(strstr(csv, "\r\nreview,1,1740787200,2025-03-01T00:00:00Z,drill,\"odd,\"\"id\"\"\",0,AB,1500,0,1,"
                          ",,,,,,,,,,,,,,,,,,,,\r\n") != NULL);
        CHECK(strstr(csv, "\r\nreview,2,1740787201,2025-03-01T00:00:01Z,drill,q01,1,A,1500,0,1,") != NULL);
        CHECK(strstr(csv, "\r\nexam,1,1740787270,2025-03-01T00:01:10Z,arcade,,,,,,,1740787210,1740787270,"
                          "finished,TST-01,sprint,5,5,4,,,,,777,0,0,0,1,,,,\r\n") != NULL);
        int lines = 0;
        for (const char *p = csv; *p; p++)
            lines += *p == '\n';
        CHECK_INT(lines, 4);
        free(csv);
    }
    /* a mock's items, with their seconds and flags, and a review that says
     * how sure the learner was and which exam it belongs to */
    testdb_exec(c.db, "INSERT INTO exams(id, started_at, finished_at, mode, state, items, scored)"
                      " VALUES (9, 1740790000, 1740795000, 'mock', 'finished', 2, 2);"
                      "INSERT INTO exam_items(exam_id, position, item_id, answer, correct, flagged, ms)"
                      " VALUES (9, 0, 'q01', 'A', 1, 0, 41200), (9, 1, 'q02', 'BD', 0, 1, 125000);"
                      "INSERT INTO reviews(at, item_id, mode, correct, answer, exam_id, confident)"
                      " VALUES (1740795000, 'q02', 'mock', 0, 'BD', 9, 1);");
    CHECK_INT(store_export_csv(c.st, out), STORE_OK);
    csv = testlib_read_file(out);
    CHECK(csv != NULL);
    if (csv) {
        CHECK(strstr(csv, "\r\nexam_item,,1740795000,2025-03-01T02:10:00Z,mock,q01,1,A,41200,,,,,,,,,1,,,,,,,,,,"
                          "9,0,0,41,\r\n") != NULL);
        CHECK(strstr(csv, "\r\nexam_item,,1740795000,2025-03-01T02:10:00Z,mock,q02,0,BD,125000,,,,,,,,,1,,,,,,,,,,"
                          "9,1,1,125,\r\n") != NULL);
        CHECK(strstr(csv, ",,9,,,,1\r\n") != NULL); /* the sure review of exam 9 */
        CHECK(strstr(csv, "\r\nexam,9,1740795000,") != NULL && strstr(csv, ",9,,,166,\r\n") != NULL);
        free(csv);
    }
    char tmp[1300];
    snprintf(tmp, sizeof tmp, "%s.tmp", out);
    CHECK(!exists(tmp));
    snprintf(out, sizeof out, "%s/no/such/folder/history.csv", c.dir);
    CHECK_INT(store_export_csv(c.st, out), STORE_ERR_IO);
    CHECK(strstr(store_error_message(c.st), "history.csv") != NULL);
    store_close(c.st);
}

static void test_reset(void)
{
    Ctx c;
    ctx_open(&c, "store_reset");
    fill_known(&c);
    CHECK_INT(store_set_str(c.st, "exam_date", "2025-04-15"), STORE_OK);
    CHECK_INT(store_add_xp(c.st, 50), STORE_OK);
    CHECK_INT(store_reset_progress(c.st, NOW + 5, NULL, 0), STORE_OK);
    char backup[1300];
    snprintf(backup, sizeof backup, "%s/backups/progress-20250301-120005-reset.db", c.dir);
    CHECK(exists(backup));
    CHECK_INT(testdb_int(backup, "SELECT count(*) FROM reviews"), 10);
    snprintf(backup, sizeof backup, "%s/backups/progress-20250301.db", c.dir);
    CHECK_INT(testdb_int(backup, "SELECT count(*) FROM reviews"), 0); /* today's backup is after the reset */
    StoreTotals t;
    CHECK_INT(store_totals(c.st, &t), STORE_OK);
    CHECK_INT(t.answers, 0);
    CHECK_INT(t.xp, 0);
    CHECK_INT(testdb_int(c.db, "SELECT count(*) FROM items") + testdb_int(c.db, "SELECT count(*) FROM days") +
                  testdb_int(c.db, "SELECT count(*) FROM exams"), 0);
    char buf[32];
    CHECK(store_get_str(c.st, "exam_date", "", buf, sizeof buf));
    CHECK_STR(buf, "2025-04-15");
    store_close(c.st);
}

static void test_backup_rotation(void)
{
    const char *dir = testlib_tmpdir("store_rotation");
    char d[1024];
    snprintf(d, sizeof d, "%s", dir);
    for (int i = 0; i < 10; i++) {
        StoreOpenInfo info;
        Store *st = store_open(d, NOW + i * DAY, &info);
        CHECK(info.writable && !info.backup_failed);
        store_close(st);
        st = store_open(d, NOW + i * DAY + 3600, &info); /* the same day: no second backup */
        store_close(st);
    }
    char bdir[1100];
    snprintf(bdir, sizeof bdir, "%s/backups", d);
    int count = 0;
    for (int day = 1; day <= 10; day++) {
        char p[1200];
        snprintf(p, sizeof p, "%s/progress-202503%02d.db", bdir, day);
        bool want = day >= 4;
        CHECK(exists(p) == want);
        count += exists(p);
    }
    CHECK_INT(count, STORE_KEEP_DAILY_BACKUPS);
}

int main(void)
{
    test_fresh_open();
    test_day_numbers();
    test_answers();
    test_settings();
    test_recent_answers();
    test_queries();
    test_exams();
    test_arcade();
    test_migration_v1();
    test_export();
    test_reset();
    test_backup_rotation();
    return testlib_finish();
}
