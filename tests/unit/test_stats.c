/* Unit tests of the Stats snapshot: the facts over four months of history
 * (tests/fixtures/history.sql on a fake bank), the verdict thresholds at
 * their edges, the one streak and the one local day (in a zone east of
 * UTC, where the local day and the UTC day part at 15:00 UTC), and a
 * failed read reported instead of shown as zeros. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "compat.h"
#include "fakebank.h"
#include "stats.h"
#include "store.h"
#include "study.h"
#include "testdb.h"
#include "testlib.h"

#define DAY 86400LL
#define HISTORY_NOW 1767603600LL    /* 2026-01-05 09:00 UTC, a Monday: the fixture's "now" */

static void set_zone(const char *tz)
{
    compat_set_time_zone(tz);
}

typedef struct Ctx {
    Bank *bank;
    Store *st;
    Study *study;
    char dir[1024];
    char db[1100];
} Ctx;

static void ctx_open(Ctx *c, const char *name, int64_t now)
{
    memset(c, 0, sizeof *c);
    c->bank = fakebank_clf(2, 1, 0);
    CHECK(c->bank != NULL);
    snprintf(c->dir, sizeof c->dir, "%s", testlib_tmpdir(name));
    snprintf(c->db, sizeof c->db, "%s/progress.db", c->dir);
    StoreOptions opts = {.utc_offset = compat_utc_offset(now)};
    StoreOpenInfo info;
    c->st = store_open_with(c->dir, now, &opts, &info);
    CHECK(c->st != NULL && info.writable);
}

static void ctx_study(Ctx *c, const StudyPrefs *prefs)
{
    c->study = study_open(c->bank, c->st, prefs);
    CHECK(c->study != NULL);
}

/* A new, empty store and a study over it in UTC, with a goal of 20 a day. */
static StatsSnapshot *ctx_fresh(Ctx *c, const char *name)
{
    set_zone("UTC0");
    StudyPrefs prefs = {.daily_goal = 20, .daily_minutes = 30};
    ctx_open(c, name, HISTORY_NOW);
    ctx_study(c, &prefs);
    StatsSnapshot *s = calloc(1, sizeof *s);
    CHECK(s != NULL);
    return s;
}

static void ctx_close(Ctx *c)
{
    study_close(c->study);
    store_close(c->st);
    fakebank_free(c->bank);
}

/* Applies tests/fixtures/history.sql with the bank's items and HISTORY_NOW. */
static void apply_history(Ctx *c)
{
    char *fixture = testlib_read_file(testlib_source_path("tests/fixtures/history.sql"));
    CHECK(fixture != NULL);
    if (!fixture)
        return;
    size_t size = strlen(fixture) + (size_t)c->bank->item_count * 96 + 1024;
    char *sql = malloc(size);
    CHECK(sql != NULL);
    int len = snprintf(sql, size,
                       "CREATE TEMP TABLE fx_now(t INTEGER); INSERT INTO fx_now VALUES(%lld);"
                       "CREATE TEMP TABLE fx_items(item_id TEXT, domain TEXT);",
                       (long long)HISTORY_NOW);
    for (int i = 0; i < c->bank->item_count; i++)
        len += snprintf(sql + len, size - (size_t)len, "INSERT INTO fx_items VALUES('%s', '%s');",
                        c->bank->items[i].id, c->bank->domains[c->bank->items[i].domain].id);
    snprintf(sql + len, size - (size_t)len, "%s", fixture);
    testdb_exec(c->db, sql);
    free(sql);
    free(fixture);
}

/* ---- the facts over months of history ------------------------------------ */

static void test_history_facts(void)
{
    set_zone("UTC0");
    int today = (int)(HISTORY_NOW / DAY);
    StudyPrefs prefs = {.daily_goal = 20, .daily_minutes = 30, .exam_date = (today + 35) * DAY};
    Ctx c;
    ctx_open(&c, "stats-history", HISTORY_NOW);
    apply_history(&c);
    ctx_study(&c, &prefs);
    StatsSnapshot *s = calloc(1, sizeof *s);
    CHECK(s != NULL);
    CHECK(stats_snapshot(c.study, HISTORY_NOW, s));
    CHECK_STR(c.study->error, "");

    /* the bank's lines */
    CHECK_INT(s->pass_score, 700);
    CHECK_INT(s->ready_score, 750);
    CHECK(s->exam_date_ahead);
    CHECK(s->has_plan);
    CHECK_INT(s->plan.days_left, 35);

    /* twelve mocks from 563 to 780, the last five 760 740 780 800 780 */
    CHECK_INT(s->mock_count, 12);
    CHECK_INT(s->mocks[0].scaled, 563);
    CHECK_INT(s->mocks[0].likely_low, 502);
    CHECK_INT(s->mocks[11].scaled, 780);
    CHECK_INT(s->mock_best, 800);
    CHECK_INT(s->mock_recent, 5);
    CHECK_INT(s->mock_recent_average, (760 + 740 + 780 + 800 + 780) / 5);
    CHECK_INT(s->ready_run, 3);
    CHECK_INT(s->ready.recent_mocks, 5);
    CHECK_INT(s->ready.recent_ready, 4);
    CHECK(!s->ready.ready);
    CHECK(s->has_diagnostic);
    CHECK_INT(s->diagnostic.scaled, 529);
    CHECK_INT(s->mocks_finished, 12);
    CHECK_INT(s->diagnostics_finished, 1);

    /* totals and domains agree with the file */
    CHECK_INT(s->answers, testdb_int(c.db, "SELECT count(*) FROM reviews"));
    CHECK_INT(s->right, testdb_int(c.db, "SELECT SUM(correct) FROM reviews"));
    int all = 0, week = 0;
    for (int d = 0; d < c.bank->domain_count; d++) {
        all += s->accuracy_all[d].total;
        week += s->accuracy_week[d].total;
        CHECK(s->line[d] == (s->accuracy_all[d].right >= 0.7 * s->accuracy_all[d].total ? STATS_LINE_MEETS
                                                                                        : STATS_LINE_BELOW));
    }
    CHECK_INT(all, s->answers);
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM reviews WHERE at >= %lld", (long long)(HISTORY_NOW - 7 * DAY));
    CHECK_INT(week, testdb_int(c.db, sql));
    CHECK_INT(s->sprint_rounds + s->marathon_rounds,
              testdb_int(c.db, "SELECT count(*) FROM exams WHERE mode = 'arcade'"));
    CHECK_INT(s->sprint_best, testdb_int(c.db, "SELECT MAX(points) FROM exams WHERE round = 'sprint'"));

    /* boxes cover the bank; the forecast adds up */
    int items = 0, due = 0;
    for (int d = 0; d < c.bank->domain_count; d++)
        items += s->domain_items[d];
    CHECK_INT(items, c.bank->item_count);
    for (int i = 0; i < STATS_FORECAST_DAYS; i++) {
        due += s->due[i];
        CHECK(s->due[i] <= s->due_peak);
    }
    CHECK_INT(due, s->due_total);

    /* the calendar: twelve weeks from a Monday to today, this morning's eight answers */
    CHECK_INT(s->today, today);
    CHECK_INT(stats_weekday(s->today), 0);
    CHECK_INT(s->cal_first, today - 11 * 7);
    CHECK_INT(s->cal_count, 11 * 7 + 1);
    CHECK_INT(s->calendar[s->cal_count - 1].answers, 8);
    CHECK_INT(s->day.drill_answers, 8);
    CHECK(!s->day.streak.today_met);
    CHECK_INT(s->cal_studied, testdb_int(c.db, "SELECT count(*) FROM days WHERE answers > 0 AND day >= 20381"));

    /* the one streak: ten days in a row met, plus the days a rest day saved */
    CHECK(s->day.streak.current >= 10);
    CHECK_INT(s->rewards.best_streak, s->day.streak.best);
    CHECK(s->rewards.best_streak >= s->day.streak.current);

    /* achievements from the store's facts */
    CHECK_INT(s->rewards.best_combo, 17);
    CHECK_INT(s->rewards.best_mock, 800);
    CHECK_INT(s->rewards.mocks_ready_in_a_row, 3);
    /* no finished-drill counter in the fixture: the drill days stand in */
    CHECK_INT(s->rewards.drill_sessions, testdb_int(c.db, "SELECT count(*) FROM days WHERE drill_answers > 0"));
    testdb_exec(c.db, "INSERT INTO profile(key, value) VALUES('drill_sessions', 500)");
    CHECK(stats_snapshot(c.study, HISTORY_NOW, s));
    CHECK_INT(s->rewards.drill_sessions, 500);
    int earned = 0;
    for (int i = 0; i < rewards_achievement_count(); i++)
        earned += (int)((s->earned >> i) & 1u);
    CHECK_INT(s->earned_count, earned);
    CHECK(earned > 0);

    /* readiness: every task practised, the estimate known */
    CHECK_INT(s->tasks_done, c.bank->task_count);
    CHECK(s->check[STATS_CHECK_TASKS]);
    CHECK(!s->check[STATS_CHECK_MOCK_RUN]);
    CHECK(s->pass_known);
    CHECK(s->evidence > 0);
    CHECK(strstr(s->pass_basis, "on exam day") != NULL);
    CHECK(s->weakest >= 0);
    CHECK(s->verdict == STATS_VERDICT_ON_TRACK || s->verdict == STATS_VERDICT_NOT_YET);
    /* a passing last mock with four of five ready is on track whatever the estimate */
    CHECK(s->verdict == STATS_VERDICT_ON_TRACK);

    /* taking the snapshot wrote nothing */
    CHECK_INT(testdb_int(c.db, "SELECT count(*) FROM reviews"), s->answers);
    free(s);
    ctx_close(&c);
}

static void test_empty(void)
{
    Ctx c;
    StatsSnapshot *s = ctx_fresh(&c, "stats-empty");
    CHECK(stats_snapshot(c.study, HISTORY_NOW, s));
    CHECK(s->verdict == STATS_VERDICT_NEW);
    CHECK(!s->pass_known);
    CHECK(!s->has_plan);
    CHECK_INT(s->mock_count, 0);
    CHECK_INT(s->weakest, -1);
    CHECK_INT(s->checks_done, 0);
    CHECK_INT(s->cal_top, 1);
    CHECK_INT(s->due_peak, 1);
    CHECK_INT(s->domain_items[0] + s->domain_items[1] + s->domain_items[2] + s->domain_items[3],
              c.bank->item_count);
    free(s);
    ctx_close(&c);
}

/* ---- verdicts at their edges ---------------------------------------------- */

/* A learner with answers, one mock and the given facts. */
static void facts(StatsSnapshot *s, int last_mock, int recent_ready, double probability)
{
    memset(s, 0, sizeof *s);
    s->pass_score = 700;
    s->ready_score = 750;
    s->answers = 100;
    s->answers_used = 100;
    s->task_count = 4;
    s->tasks_done = 3;
    s->mock_count = 1;
    s->mocks[0].scaled = last_mock;
    s->ready.recent_mocks = 5;
    s->ready.recent_ready = recent_ready;
    s->ready.domain_count = 2;
    s->pass_known = true;
    s->pass.probability = probability;
}

static void test_verdict_edges(void)
{
    StatsSnapshot *s = calloc(1, sizeof *s);
    CHECK(s != NULL);

    /* the pass probability: on track from STATS_ON_TRACK_PROBABILITY */
    facts(s, 650, 0, STATS_ON_TRACK_PROBABILITY);
    stats_judge(s);
    CHECK(s->verdict == STATS_VERDICT_ON_TRACK);
    facts(s, 650, 0, STATS_ON_TRACK_PROBABILITY - 0.0001);
    stats_judge(s);
    CHECK(s->verdict == STATS_VERDICT_NOT_YET);
    /* an unknown estimate counts for nothing, however high its number */
    facts(s, 650, 0, 0.99);
    s->pass_known = false;
    stats_judge(s);
    CHECK(s->verdict == STATS_VERDICT_NOT_YET);
    CHECK(!s->check[STATS_CHECK_PASS]);

    /* a passing last mock with STATS_ON_TRACK_READY_MOCKS of the recent ones ready */
    facts(s, 700, STATS_ON_TRACK_READY_MOCKS, 0.1);
    stats_judge(s);
    CHECK(s->verdict == STATS_VERDICT_ON_TRACK);
    facts(s, 699, STATS_ON_TRACK_READY_MOCKS, 0.1);
    stats_judge(s);
    CHECK(s->verdict == STATS_VERDICT_NOT_YET);
    facts(s, 700, STATS_ON_TRACK_READY_MOCKS - 1, 0.1);
    stats_judge(s);
    CHECK(s->verdict == STATS_VERDICT_NOT_YET);

    /* ready: a ready run, no lagging domain, every task practised */
    facts(s, 800, 5, 0.1);
    s->ready.ready = true;
    stats_judge(s);
    CHECK(s->verdict == STATS_VERDICT_ON_TRACK); /* one task not practised */
    s->tasks_done = 4;
    stats_judge(s);
    CHECK(s->verdict == STATS_VERDICT_READY);
    s->ready.lagging_count = 1;
    stats_judge(s);
    CHECK(s->verdict == STATS_VERDICT_ON_TRACK);

    /* new: nothing answered, no mock */
    facts(s, 0, 0, 0.9);
    s->answers = 0;
    s->mock_count = 0;
    stats_judge(s);
    CHECK(s->verdict == STATS_VERDICT_NEW);

    /* the checklist's pass check at STATS_GOOD_PROBABILITY */
    facts(s, 650, 0, STATS_GOOD_PROBABILITY);
    stats_judge(s);
    CHECK(s->check[STATS_CHECK_PASS]);
    facts(s, 650, 0, STATS_GOOD_PROBABILITY - 0.0001);
    stats_judge(s);
    CHECK(!s->check[STATS_CHECK_PASS]);
    /* the domain check needs answers in every domain and none lagging */
    facts(s, 650, 0, 0.5);
    s->ready.domain[0] = 0.8;
    s->ready.domain[1] = 0.7;
    stats_judge(s);
    CHECK(s->check[STATS_CHECK_DOMAINS]);
    s->ready.domain[1] = -1;
    stats_judge(s);
    CHECK(!s->check[STATS_CHECK_DOMAINS]);
    s->ready.domain[1] = 0.7;
    s->ready.lagging_count = 1;
    stats_judge(s);
    CHECK(!s->check[STATS_CHECK_DOMAINS]);
    s->tasks_done = 4;
    s->ready.lagging_count = 0;
    s->ready.ready = true;
    s->pass.probability = 0.9;
    stats_judge(s);
    CHECK_INT(s->checks_done, STATS_CHECKS);

    /* colours: scores against the pass mark and the ready score */
    facts(s, 0, 0, 0);
    CHECK(stats_score_level(s, 750) == STATS_LEVEL_GOOD);
    CHECK(stats_score_level(s, 749) == STATS_LEVEL_FAIR);
    CHECK(stats_score_level(s, 700) == STATS_LEVEL_FAIR);
    CHECK(stats_score_level(s, 699) == STATS_LEVEL_POOR);
    CHECK(stats_probability_level(STATS_GOOD_PROBABILITY) == STATS_LEVEL_GOOD);
    CHECK(stats_probability_level(STATS_GOOD_PROBABILITY - 0.0001) == STATS_LEVEL_FAIR);
    CHECK(stats_probability_level(STATS_FAIR_PROBABILITY) == STATS_LEVEL_FAIR);
    CHECK(stats_probability_level(STATS_FAIR_PROBABILITY - 0.0001) == STATS_LEVEL_POOR);
    CHECK_INT(stats_weekday(0), 3);  /* 1970-01-01, a Thursday */
    CHECK_INT(stats_weekday(-4), 6); /* 1969-12-28, a Sunday */
    free(s);
}

/* ---- the one streak and the one local day ----------------------------------- */

static void drill_answer(Ctx *c, int item, int64_t at)
{
    Answer a = {.item = item, .answer = 1u, .correct = true, .ms = 3000, .at = at};
    CHECK(study_answer(c->study, MODE_DRILL, &a, 10).item == item);
}

/* In UTC+9 the local day turns at 15:00 UTC. Day D's goal met at 23:00
 * local (14:00 UTC); at 00:30 local on D+1 (15:30 UTC, still D in UTC) it
 * is a new day: yesterday's goal carries the streak, today's is open. A
 * mock finished at 00:10 local meets D+1. */
static void test_streak_local_day(void)
{
    set_zone("XST-9");
    const int64_t midnight = 1767571200LL;     /* 2026-01-05 00:00 UTC */
    const int64_t d_late = midnight + 14 * 3600;        /* 23:00 local, day D */
    const int64_t next_early = midnight + 15 * 3600 + 1800; /* 00:30 local, day D + 1 */
    CHECK_INT(compat_utc_offset(d_late), 9 * 3600);
    CHECK_INT(study_day(next_early) - study_day(d_late), 1);
    CHECK_INT(next_early / DAY, d_late / DAY); /* one UTC day */
    CHECK_INT(study_day_start(next_early), midnight + 15 * 3600);

    StudyPrefs prefs = {.daily_goal = 3, .daily_minutes = 30};
    Ctx c;
    ctx_open(&c, "stats-zone", d_late);
    CHECK_INT(store_set_int(c.st, "daily_goal", 3), STORE_OK);
    ctx_study(&c, &prefs);
    for (int i = 0; i < 3; i++)
        drill_answer(&c, i, d_late + i * 60);

    StatsSnapshot *s = calloc(1, sizeof *s);
    CHECK(stats_snapshot(c.study, d_late + 1800, s));
    CHECK_INT(s->today, study_day(d_late));
    CHECK(s->day.streak.today_met);
    CHECK_INT(s->day.streak.current, 1);
    CHECK_INT(s->calendar[s->cal_count - 1].answers, 3);
    CHECK(s->calendar[s->cal_count - 1].goal_met);

    CHECK(stats_snapshot(c.study, next_early, s));
    CHECK_INT(s->today, study_day(d_late) + 1);
    CHECK(!s->day.streak.today_met);
    CHECK_INT(s->day.streak.current, 1); /* yesterday's goal, today still open */
    CHECK_INT(s->day.drill_answers, 0);
    CHECK_INT(s->calendar[s->cal_count - 1].answers, 0);
    CHECK_INT(s->calendar[s->cal_count - 2].answers, 3);
    CHECK_INT(s->rewards.best_streak, 1);

    /* a finished mock meets the new day's goal: the streak grows */
    char sql[400];
    snprintf(sql, sizeof sql,
             "INSERT INTO exams(started_at, finished_at, mode, bank, items, scored, correct_scored, scaled, passed,"
             " state) VALUES(%lld, %lld, 'mock', 'CLF-C02', 65, 50, 30, 640, 0, 'finished')",
             (long long)(next_early - 5400), (long long)(next_early - 1200));
    testdb_exec(c.db, sql);
    CHECK(stats_snapshot(c.study, next_early, s));
    CHECK(s->day.streak.today_met);
    CHECK_INT(s->day.streak.current, 2);
    CHECK_INT(s->rewards.best_streak, 2);
    CHECK_INT(s->mock_count, 1);

    /* two days later without anything: the streak is broken, the best stays */
    CHECK(stats_snapshot(c.study, next_early + 2 * DAY, s));
    CHECK_INT(s->day.streak.current, 0);
    CHECK_INT(s->rewards.best_streak, 2);

    /* a longer run years ago is still the best (the streak reads back far) */
    int old_day = study_day(d_late) - 3 * 365;
    snprintf(sql, sizeof sql,
             "WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 39)"
             " INSERT INTO days(day, answers, right, drill_answers, goal_met) SELECT %d + n, 5, 5, 5, 1 FROM k",
             old_day);
    testdb_exec(c.db, sql);
    CHECK(stats_snapshot(c.study, next_early + 2 * DAY, s));
    CHECK_INT(s->rewards.best_streak, 40);
    bool month = false;
    for (int i = 0; i < rewards_achievement_count(); i++)
        if (strcmp(rewards_achievement(i)->id, "streak-30") == 0)
            month = (s->earned >> i) & 1u;
    CHECK(month);
    free(s);
    ctx_close(&c);
    set_zone("UTC0");
}

/* ---- one truth for every number --------------------------------------------- */

/* The first item of domain d (-1 when none). */
static int item_of_domain(const Bank *b, int d, int skip)
{
    for (int i = 0; i < b->item_count; i++)
        if (b->items[i].domain == d && skip-- == 0)
            return i;
    return -1;
}

/* A finished sprint round of `answers` answers (points 90 each) at `at`. */
static void arcade_round(Ctx *c, int answers, int64_t at)
{
    char sql[300];
    snprintf(sql, sizeof sql,
             "INSERT INTO exams(started_at, finished_at, mode, bank, items, scored, correct_scored, points, round,"
             " state) VALUES(%lld, %lld, 'arcade', 'CLF-C02', %d, %d, %d, %d, 'sprint', 'finished')",
             (long long)(at - 60), (long long)at, answers, answers, answers, answers * 90);
    testdb_exec(c->db, sql);
}

static void answer_item(Ctx *c, int item, bool correct, int64_t at)
{
    Answer a = {.item = item, .answer = correct ? 1u : 2u, .correct = correct, .ms = 3000, .at = at};
    CHECK(study_answer(c->study, MODE_DRILL, &a, correct ? 10 : 0).item == item);
}

/* Today's goal met by an arcade round of ten, with five drill answers of
 * twenty: home's words, the header's, the streak and the calendar's dot all
 * say met (the calendar once read the store's drill-only flag: no dot). */
static void test_goal_one_rule(void)
{
    Ctx c;
    StatsSnapshot *s = ctx_fresh(&c, "stats-goal");
    for (int i = 0; i < 5; i++)
        drill_answer(&c, i, HISTORY_NOW - 3600 + i * 60);
    CHECK(stats_snapshot(c.study, HISTORY_NOW, s));
    char words[64];
    study_goal_text(&s->day, words, sizeof words);
    CHECK_STR(words, "Goal 5/20 today");
    CHECK(!s->calendar[s->cal_count - 1].goal_met);

    arcade_round(&c, 10, HISTORY_NOW - 1740);
    CHECK(stats_snapshot(c.study, HISTORY_NOW, s));
    CHECK(s->day.streak.today_met);
    CHECK(s->calendar[s->cal_count - 1].goal_met);
    CHECK_INT(s->cal_goals, 1);
    study_goal_text(&s->day, words, sizeof words);
    CHECK_STR(words, "Today's goal met");

    /* A day the store once flagged under another goal is judged by today's
     * rule, as the streak judges it: 25 drill answers meet a goal of 20. */
    int yesterday = s->today - 1;
    char sql[300];
    snprintf(sql, sizeof sql, "INSERT INTO days(day, answers, right, drill_answers, goal_met) VALUES(%d, 25, 20, 25, 0)",
             yesterday);
    testdb_exec(c.db, sql);
    StudyDay days[2];
    CHECK(study_days(c.study, yesterday, 2, days));
    CHECK(days[0].goal_met && days[1].goal_met);
    CHECK_INT(days[0].day, yesterday);
    CHECK_INT(days[0].answers, 25);
    CHECK_INT(days[1].answers, 5);
    CHECK(stats_snapshot(c.study, HISTORY_NOW, s));
    CHECK_INT(s->day.streak.current, 2);
    CHECK(s->calendar[s->cal_count - 2].goal_met);
    /* every calendar dot agrees with the streak's rule */
    CHECK_INT(s->cal_goals, 2);
    free(s);
    ctx_close(&c);
}

/* The weakest domain: one function, the lowest all-time share, ties to the
 * heavier weight, none with fewer than two domains answered five times or
 * more (a few answers are luck); Stats shows that one and the shares it
 * rests on. */
static void test_weakest_domain(void)
{
    Ctx c;
    StatsSnapshot *s = ctx_fresh(&c, "stats-weakest");
    CHECK_INT(study_weakest_domain(c.study), -1);
    const Bank *b = c.bank;
    int64_t t = HISTORY_NOW - 7200;
    /* domain 0: 4 of 5 right; only one domain answered: no weakest yet */
    for (int k = 0; k < 5; k++)
        answer_item(&c, item_of_domain(b, 0, k), k != 0, t += 60);
    CHECK_INT(study_weakest_domain(c.study), -1);
    /* domain 2: 0 of 2 right: too few to judge */
    answer_item(&c, item_of_domain(b, 2, 0), false, t += 60);
    answer_item(&c, item_of_domain(b, 2, 1), false, t += 60);
    CHECK_INT(study_weakest_domain(c.study), -1);
    /* 2 of 5 right: now it is the weakest */
    for (int k = 2; k < 5; k++)
        answer_item(&c, item_of_domain(b, 2, k), k != 4, t += 60);
    CHECK_INT(study_weakest_domain(c.study), 2);
    CHECK(stats_snapshot(c.study, HISTORY_NOW, s));
    CHECK_INT(s->weakest, 2);
    CHECK_INT(s->accuracy_all[2].right, 2);
    CHECK_INT(s->accuracy_all[2].total, 5);
    CHECK_INT(s->domain_answers, 10);
    CHECK_INT(s->domain_right, 6);
    /* domain 1 also at 2 of 5: the tie goes to the heavier weight */
    for (int k = 0; k < 5; k++)
        answer_item(&c, item_of_domain(b, 1, k), k < 2, t += 60);
    int heavier = b->domains[1].weight > b->domains[2].weight ? 1 : 2;
    CHECK_INT(study_weakest_domain(c.study), heavier);
    /* every judged domain at the same share: none is weaker */
    for (int k = 5; k < 10; k++)
        answer_item(&c, item_of_domain(b, 0, k), false, t += 60);
    CHECK_INT(study_weakest_domain(c.study), -1);
    free(s);
    ctx_close(&c);
}

/* Items started: items answered at least once, the same number on home and
 * in the records; an arcade round left with no answer is not a round. */
static void test_items_and_rounds(void)
{
    Ctx c;
    StatsSnapshot *s = ctx_fresh(&c, "stats-items");
    answer_item(&c, 0, true, HISTORY_NOW - 600);
    answer_item(&c, 0, false, HISTORY_NOW - 500);
    answer_item(&c, 3, true, HISTORY_NOW - 400);
    CHECK_INT(study_items_started(c.study), 2);
    arcade_round(&c, 0, HISTORY_NOW - 290);   /* left before the first question */
    CHECK(stats_snapshot(c.study, HISTORY_NOW, s));
    CHECK_INT(s->items_started, 2);
    CHECK_INT(s->answers, 3);
    CHECK_INT(s->sprint_rounds, 0);
    StoreTotals totals;
    CHECK_INT(store_totals(c.st, &totals), STORE_OK);
    CHECK_INT(totals.arcade_rounds, 0);
    int best = -1, rounds = -1;
    CHECK_INT(store_arcade_best(c.st, "sprint", &best, &rounds), STORE_NOT_FOUND);
    CHECK_INT(rounds, 0);
    free(s);
    ctx_close(&c);
}

/* ---- failed reads ------------------------------------------------------------ */

static void test_failed_read(void)
{
    Ctx c;
    StatsSnapshot *s = ctx_fresh(&c, "stats-fail");
    drill_answer(&c, 0, HISTORY_NOW - 60);
    CHECK(stats_snapshot(c.study, HISTORY_NOW, s));

    /* the profile (XP, achievement facts) can't be read: reported, not zeros */
    testdb_exec(c.db, "DROP TABLE profile");
    CHECK(!stats_snapshot(c.study, HISTORY_NOW, s));
    CHECK(strstr(c.study->error, "Could not read") != NULL);

    /* the exam history can't be read */
    testdb_exec(c.db, "CREATE TABLE profile(key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
                      "ALTER TABLE exams RENAME TO exams_gone");
    CHECK(!stats_snapshot(c.study, HISTORY_NOW, s));
    CHECK(c.study->error[0] != '\0');
    testdb_exec(c.db, "ALTER TABLE exams_gone RENAME TO exams");
    CHECK(stats_snapshot(c.study, HISTORY_NOW, s));
    CHECK_STR(c.study->error, "");
    CHECK_INT(s->answers, 1);

    /* no progress file at all */
    Study *none = study_open(c.bank, NULL, &c.study->prefs);
    CHECK(none != NULL);
    CHECK(!stats_snapshot(none, HISTORY_NOW, s));
    CHECK(none->error[0] != '\0');
    study_close(none);
    free(s);
    ctx_close(&c);
}

int main(void)
{
    test_verdict_edges();
    test_empty();
    test_history_facts();
    test_goal_one_rule();
    test_weakest_domain();
    test_items_and_rounds();
    test_streak_local_day();
    test_failed_read();
    return testlib_finish();
}
