/* The progress store at scale: a bank of 100,000 items (from gen_bank,
 * loaded like the game loads it) and a progress.db holding a state for each
 * of them, 1,000,000 reviews over two years and 60 finished mock exams,
 * bulk-filled with SQL. On it: store_open, what starting a drill session
 * and building a mock exam form cost (store reads plus the core rules, the
 * same calls the screens make), and the latency of recording one answer
 * (one transaction, synchronous=FULL), p50 and p99 over 1,000.
 * Usage: bench_store BANK_DIR WORK_DIR [REVIEWS]   (prints a table) */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bankload.h"
#include "benchlib.h"
#include "examform.h"
#include "leitner.h"
#include "store.h"

#define RUNS 15
#define ANSWERS 1000
#define RECENT_ANSWERS 400      /* STUDY_RECENT_ANSWERS in src/core/session/study.h */
#define RECENT_FORMS 6          /* EXAM_RECENT_FORMS in src/app/screen_exam.c */
#define PAST_EXAMS 60
#define NOW 1767603600          /* Monday 2026-01-05 09:00 UTC, the headless clock */

typedef struct Timing {
    const char *name;
    double ms[RUNS];      /* wall */
    double cpu[RUNS];     /* this process's CPU time */
} Timing;

/* A wall and CPU clock reading, to time one call. */
typedef struct Stamp {
    double wall, cpu;
} Stamp;

static Stamp stamp(void)
{
    Stamp s = {bench_wall_ms(), bench_cpu_ms()};
    return s;
}

static void record(Timing *t, int run, Stamp a, Stamp b)
{
    t->ms[run] = b.wall - a.wall;
    t->cpu[run] = b.cpu - a.cpu;
}

/* A deterministic stream for the bulk fill (not the game's Rng: the fill
 * should not change when the rules' random draws do). */
static uint32_t fill_next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return (uint32_t)((*s * 2685821657736338717ULL) >> 32);
}

static bool exec_sql(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) == SQLITE_OK)
        return true;
    fprintf(stderr, "bench_store: %s\n  in: %.120s\n", err ? err : "?", sql);
    sqlite3_free(err);
    return false;
}

/* Items: every bank item seen, boxes 1-5, due dates from 10 days overdue to
 * 30 days ahead (about a quarter due). */
static bool fill_items(sqlite3 *db, const Bank *bank, uint64_t *rng)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO items(item_id, box, due_at, seen, right, wrong, last_at)"
                               " VALUES(?,?,?,?,?,?,?)", -1, &st, NULL) != SQLITE_OK)
        return false;
    int rc = SQLITE_DONE;
    for (int i = 0; i < bank->item_count && rc == SQLITE_DONE; i++) {
        int box = 1 + (int)(fill_next(rng) % 5);
        int seen = 1 + (int)(fill_next(rng) % 20);
        int right = (int)(fill_next(rng) % (uint32_t)(seen + 1));
        sqlite3_bind_text(st, 1, bank->items[i].id, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 2, box);
        sqlite3_bind_int64(st, 3, NOW - 10 * 86400LL + (int64_t)(fill_next(rng) % (40u * 86400u)));
        sqlite3_bind_int(st, 4, seen);
        sqlite3_bind_int(st, 5, right);
        sqlite3_bind_int(st, 6, seen - right);
        sqlite3_bind_int64(st, 7, NOW - (int64_t)(fill_next(rng) % (365u * 86400u)));
        rc = sqlite3_step(st);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE;
}

/* Reviews: `count` answers evenly over the two years before NOW, in id
 * order, mostly drill, 70% right; then the days table they imply. */
static bool fill_reviews(sqlite3 *db, const Bank *bank, int count, uint64_t *rng)
{
    static const char *const MODES[10] = {"drill", "drill", "drill", "drill", "drill", "drill", "drill",
                                          "arcade", "arcade", "mock"};
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO reviews(at, item_id, mode, correct, answer, ms, box_before,"
                               " box_after) VALUES(?,?,?,?,?,?,?,?)", -1, &st, NULL) != SQLITE_OK)
        return false;
    const int64_t span = 730 * 86400LL;
    int rc = SQLITE_DONE;
    for (int i = 0; i < count && rc == SQLITE_DONE; i++) {
        int item = (int)(fill_next(rng) % (uint32_t)bank->item_count);
        bool right = fill_next(rng) % 10 < 7;
        int box = 1 + (int)(fill_next(rng) % 5);
        sqlite3_bind_int64(st, 1, NOW - span + span * i / count);
        sqlite3_bind_text(st, 2, bank->items[item].id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, MODES[fill_next(rng) % 10], -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 4, right);
        sqlite3_bind_text(st, 5, right ? "A" : "B", -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 6, 2000 + (int)(fill_next(rng) % 18000));
        sqlite3_bind_int(st, 7, box);
        sqlite3_bind_int(st, 8, right ? (box < 5 ? box + 1 : 5) : 1);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE &&
           exec_sql(db, "INSERT INTO days(day, answers, right, drill_answers, ms, goal_met)"
                        " SELECT at / 86400, COUNT(*), SUM(correct), SUM(mode = 'drill'), SUM(ms),"
                        " SUM(mode = 'drill') >= 20 FROM reviews GROUP BY at / 86400") &&
           exec_sql(db, "INSERT OR REPLACE INTO profile(key, value) VALUES('xp', 2500000)");
}

/* Creates the schema through the store, then fills it with SQL. */
static bool build_store(const char *dir, const Bank *bank, int reviews)
{
    StoreOpenInfo info;
    Store *st = store_open(dir, NOW - 800 * 86400LL, &info);
    bool ok = st && info.writable;
    store_close(st);
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", dir, STORE_FILE_NAME);
    sqlite3 *db = NULL;
    ok = ok && sqlite3_open(path, &db) == SQLITE_OK;
    uint64_t rng = 20260105;
    ok = ok && exec_sql(db, "PRAGMA synchronous=OFF; BEGIN") && fill_items(db, bank, &rng) &&
         fill_reviews(db, bank, reviews, &rng) && exec_sql(db, "COMMIT") &&
         exec_sql(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    sqlite3_close(db);
    return ok;
}

/* The right options, or the first wrong one (a flashcard: knew it or not). */
static uint32_t given_answer(const BankItem *it, bool right)
{
    if (it->kind == ITEM_FLASHCARD)
        return right ? 1u : 0u;
    if (right)
        return it->correct_mask;
    for (int k = 0; k < it->option_count; k++)
        if (!((it->correct_mask >> k) & 1u))
            return 1u << k;
    return 0;
}

/* Sixty finished mock exams, built and stored the way the exam screen does,
 * one every other day up to yesterday. */
static bool add_past_exams(Store *st, const Bank *bank, ItemState *states)
{
    Rng rng;
    rng_seed(&rng, 99);
    for (int e = 0; e < PAST_EXAMS; e++) {
        int64_t at = NOW - (int64_t)(PAST_EXAMS - e) * 2 * 86400;
        ExamForm form;
        if (!examform_build_mock(bank, NULL, at, &rng, &form, NULL))
            return false;
        bool correct[256] = {false};
        int right = 0;
        for (int k = 0; k < form.count && k < 256; k++) {
            const BankItem *it = &bank->items[form.items[k].item];
            correct[k] = rng_below(&rng, 10) < 8;
            form.items[k].answer = given_answer(it, correct[k]);
            right += correct[k] && form.items[k].scored;
        }
        StoreExamResult result = {.correct_scored = right, .scaled = 100 + right * 18, .passed = right >= 35,
                                  .likely_low = 600, .likely_high = 900, .item_correct = correct};
        bool ok = store_exam_begin(st, bank, &form, false) == STORE_OK &&
                  store_exam_complete(st, bank, &form, &result, states, at + 3600) == STORE_OK;
        exam_form_free(&form);
        if (!ok)
            return false;
    }
    return true;
}

static double timing_median(const double *ms)
{
    double v[RUNS];
    memcpy(v, ms, sizeof v);
    return bench_median(v, RUNS);
}

static void print_timing(const Timing *t)
{
    double v[RUNS];
    memcpy(v, t->ms, sizeof v);
    bench_sort(v, RUNS);
    printf("  %-44s %8.2f %8.2f %8.2f %8.2f\n", t->name, timing_median(t->ms), v[0], v[RUNS - 1],
           timing_median(t->cpu));
}

/* The drill start (store reads as at start-up plus what the drill screen
 * does) and the mock exam start (recent forms plus the form), RUNS times. */
static void time_sessions(Store *st, const Bank *bank, ItemState *states)
{
    Answer recent[RECENT_ANSWERS];
    bool *used = calloc((size_t)bank->item_count, sizeof *used);
    int *recent_items = calloc((size_t)bank->item_count, sizeof *recent_items);
    Timing load = {"1 store_load_states (every item row)", {0}, {0}};
    Timing answers = {"2 store_recent_answers (last 400)", {0}, {0}};
    Timing accuracy = {"3 leitner_domain_accuracy", {0}, {0}};
    Timing new_today = {"4 store_new_items_since (today)", {0}, {0}};
    Timing session = {"5 leitner_session_start (20 items)", {0}, {0}};
    Timing forms = {"6 store_recent_form_items (last 6 mocks)", {0}, {0}};
    Timing mock = {"7 examform_build_mock (65 items)", {0}, {0}};
    int used_count = 0;
    for (int r = 0; r < RUNS && used && recent_items; r++) {
        Rng rng;
        rng_seed(&rng, (uint64_t)r + 1);
        Stamp t0 = stamp();
        store_load_states(st, bank, states);
        Stamp t1 = stamp();
        int n = 0;
        store_recent_answers(st, bank, RECENT_ANSWERS, recent, NULL, &n);
        Stamp t2 = stamp();
        double acc[16];
        leitner_domain_accuracy(bank, recent, n, acc);
        Stamp t3 = stamp();
        int fresh = 0;
        store_new_items_since(st, NOW - 9 * 3600, &fresh);
        Stamp t4 = stamp();
        LeitnerSession s;
        LeitnerOptions opt = {.new_today = fresh, .due_by = NOW + 15 * 3600};
        leitner_session_start(&s, bank, states, acc, NOW, &rng, &opt);
        Stamp t5 = stamp();
        leitner_session_end(&s);
        Stamp t6 = stamp();
        store_recent_form_items(st, bank, RECENT_FORMS, used, &used_count);
        int count = 0;
        for (int i = 0; i < bank->item_count; i++)
            if (used[i])
                recent_items[count++] = i;
        Stamp t7 = stamp();
        ExamForm form;
        ExamFormOptions fopt = {.recent = recent_items, .recent_count = count};
        examform_build_mock(bank, &fopt, NOW, &rng, &form, NULL);
        Stamp t8 = stamp();
        exam_form_free(&form);
        record(&load, r, t0, t1);
        record(&answers, r, t1, t2);
        record(&accuracy, r, t2, t3);
        record(&new_today, r, t3, t4);
        record(&session, r, t4, t5);
        record(&forms, r, t6, t7);
        record(&mock, r, t7, t8);
    }
    int due = leitner_due_count(bank, states, NOW + 15 * 3600);
    free(used);
    free(recent_items);
    printf("  %-44s %8s %8s %8s %8s\n", "call (ms)", "wall p50", "min", "max", "CPU p50");
    const Timing *rows[] = {&load, &answers, &accuracy, &new_today, &session, &forms, &mock};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        print_timing(rows[i]);
    const Timing *drill[] = {&load, &answers, &accuracy, &new_today, &session};
    const Timing *exam[] = {&load, &answers, &forms, &mock};
    double dw = 0, dc = 0, ew = 0, ec = 0;
    for (int i = 0; i < 5; i++) {
        dw += timing_median(drill[i]->ms);
        dc += timing_median(drill[i]->cpu);
    }
    for (int i = 0; i < 4; i++) {
        ew += timing_median(exam[i]->ms);
        ec += timing_median(exam[i]->cpu);
    }
    printf("  %-44s %8.2f %8s %8s %8.2f\n", "= drill session (rows 1-5)", dw, "", "", dc);
    printf("  %-44s %8.2f %8s %8s %8.2f\n", "= mock exam form (rows 1, 2, 6, 7)", ew, "", "", ec);
    printf("  (target: each under 20 ms; %d items due today, %d items in the last %d mock forms)\n\n", due,
           used_count, RECENT_FORMS);
}

/* The store reads behind the home screen's numbers and each drill start
 * (study_today in src/core/session/study.c: 400 days of counters, the exam history
 * of three modes, today's new items, XP), RUNS times; the item states stay
 * in memory after start-up. store_totals, which study_today called until
 * it scanned every review on each visit, is timed apart. */
static void time_home(Store *st)
{
    enum { HISTORY = 400 };
    StoreDay days[HISTORY];
    StoreExamSummary hist[HISTORY];
    Timing t_days = {"store_days (400 days)", {0}, {0}};
    Timing t_hist = {"store_exam_history (mock, diagnostic, arcade)", {0}, {0}};
    Timing t_rest = {"store_new_items_since + store_profile_get", {0}, {0}};
    Timing t_totals = {"store_totals (no longer on this path)", {0}, {0}};
    int64_t today = store_day_of(st, NOW);
    for (int r = 0; r < RUNS; r++) {
        Stamp t0 = stamp();
        store_days(st, today - HISTORY + 1, HISTORY, days);
        Stamp t1 = stamp();
        int n = 0;
        store_exam_history(st, MODE_MOCK, hist, HISTORY, &n);
        store_exam_history(st, MODE_DIAGNOSTIC, hist, HISTORY, &n);
        store_exam_history(st, MODE_ARCADE, hist, HISTORY, &n);
        Stamp t2 = stamp();
        int fresh = 0;
        store_new_items_since(st, NOW - 9 * 3600, &fresh);
        (void)store_profile_get(st, "xp", 0);
        (void)store_profile_get(st, "arcade_best_round_day", -1);
        Stamp t3 = stamp();
        StoreTotals totals;
        store_totals(st, &totals);
        Stamp t4 = stamp();
        record(&t_days, r, t0, t1);
        record(&t_hist, r, t1, t2);
        record(&t_rest, r, t2, t3);
        record(&t_totals, r, t3, t4);
    }
    printf("  home screen and drill start numbers (study_today), states already in memory:\n");
    printf("  %-44s %8s %8s %8s %8s\n", "call (ms)", "wall p50", "min", "max", "CPU p50");
    const Timing *rows[] = {&t_days, &t_hist, &t_rest};
    double w = 0, c = 0;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        print_timing(rows[i]);
        w += timing_median(rows[i]->ms);
        c += timing_median(rows[i]->cpu);
    }
    printf("  %-44s %8.2f %8s %8s %8.2f\n", "= study_today's store reads", w, "", "", c);
    print_timing(&t_totals);
    printf("\n");
}

/* Records ANSWERS drill answers to random items, timing each call. */
static void time_record(Store *st, const Bank *bank, ItemState *states)
{
    double ms[ANSWERS];
    Rng rng;
    rng_seed(&rng, 5);
    int failed = 0;
    for (int i = 0; i < ANSWERS; i++) {
        int item = (int)rng_below(&rng, (uint32_t)bank->item_count);
        bool right = rng_below(&rng, 10) < 7;
        int64_t now = NOW + 60 + i * 10;
        ItemState before = states[item];
        leitner_apply(bank, &states[item], right, now, 0);
        Answer a = {.item = item, .answer = given_answer(&bank->items[item], right),
                    .correct = right, .ms = 5000, .at = now};
        double t0 = bench_wall_ms();
        if (store_record_answer(st, bank, MODE_DRILL, &a, &states[item], before.box) != STORE_OK)
            failed++;
        ms[i] = bench_wall_ms() - t0;
    }
    bench_sort(ms, ANSWERS);
    double sum = 0;
    for (int i = 0; i < ANSWERS; i++)
        sum += ms[i];
    printf("  store_record_answer, %d answers (one transaction each, WAL, synchronous=FULL), wall ms:\n",
           ANSWERS);
    printf("    p50 %.2f   p99 %.2f   mean %.2f   max %.2f%s\n\n", bench_quantile(ms, ANSWERS, 0.5),
           bench_quantile(ms, ANSWERS, 0.99), sum / ANSWERS, ms[ANSWERS - 1],
           failed ? "   (some failed!)" : "");
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s BANK_DIR WORK_DIR [REVIEWS]\n", argv[0]);
        return 2;
    }
    int reviews = argc > 3 ? atoi(argv[3]) : 1000000;
    if (reviews < 1)
        reviews = 1000000;
    char dir[1024];
    if (!bench_path(dir, sizeof dir, argv[2], "store-data") || !bench_fresh_dir(dir)) {
        fprintf(stderr, "bench_store: cannot prepare %s\n", argv[2]);
        return 1;
    }
    printf("== Progress store at scale ==\n\n");
    Diag d = {0};
    double t0 = bench_wall_ms();
    Bank *bank = bank_load_dir(argv[1], &d);
    double t1 = bench_wall_ms();
    diag_free(&d);
    if (!bank) {
        fprintf(stderr, "bench_store: the bank %s does not load (make it with gen_bank DIR 70000 30000)\n",
                argv[1]);
        return 1;
    }
    printf("  bank: %d items (%d questions) loaded in %.0f ms\n", bank->item_count, bank->question_count,
           t1 - t0);
    bool ok = build_store(dir, bank, reviews);
    double t2 = bench_wall_ms();
    ItemState *states = calloc((size_t)bank->item_count, sizeof *states);
    StoreOpenInfo info;
    Store *st = ok && states ? store_open(dir, NOW, &info) : NULL;
    double t3 = bench_wall_ms();
    ok = st && info.writable && store_load_states(st, bank, states) == STORE_OK &&
         add_past_exams(st, bank, states);
    if (!ok) {
        fprintf(stderr, "bench_store: building the store failed%s%s\n", st ? ": " : "",
                st ? store_error_message(st) : "");
        store_close(st);
        free(states);
        bank_free(bank);
        return 1;
    }
    store_close(st);
    double t4 = bench_wall_ms();
    st = store_open(dir, NOW + 86400, &info);
    double t5 = bench_wall_ms();
    store_close(st);
    double t6 = bench_wall_ms();
    st = store_open(dir, NOW + 86400, &info);
    double t7 = bench_wall_ms();
    printf("  store: %d item rows, %d reviews, %d mock exams; filled with SQL in %.0f ms\n\n",
           bank->item_count, reviews, PAST_EXAMS, t2 - t1);
    printf("  store_open, quick_check + daily backup (first start of a day) %8.0f ms\n", t5 - t4);
    printf("  store_open, quick_check only (later starts that day)          %8.0f ms\n", t7 - t6);
    printf("  (the first store_open after the fill took %.0f ms)\n\n", t3 - t2);
    time_sessions(st, bank, states);
    time_home(st);
    time_record(st, bank, states);
    store_close(st);
    free(states);
    bank_free(bank);
    return 0;
}
