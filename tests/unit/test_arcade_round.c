/* Tests for the arcade round without SDL, time handed in as milliseconds
 * and Unix seconds: the countdown and its ticks, the clock running out (the
 * round saved with no answers and no bonus), bonus time for right answers,
 * lives and the reveal, the combo multiplier (x2 from the 4th, x3 from the
 * 7th right answer in a row), quitting before any answer (nothing to save),
 * the personal bests read back, and saving all-or-nothing when the disk
 * fills up: a lost answer is reported and the round goes on; a round that
 * cannot be saved leaves no row, no best combo and no bonus. */
#include <string.h>

#include "arcade_round.h"
#include "fakebank.h"
#include "store.h"
#include "study.h"
#include "testdb.h"
#include "testfault.h"
#include "teststudy.h"
#include "testlib.h"

#define T0 1780000000LL

static TestFaultVfs disk;
static const StudyPrefs ARCADE_PREFS = {.daily_goal = 20};

/* Runs the countdown in 500 ms steps; returns the ticks heard. */
static int count_in(TestStudy *f, ArcadeRound *r, int64_t now)
{
    int ticks = 0;
    unsigned ev = 0;
    while (!(ev & ARCADE_EV_GO)) {
        ev = arcade_round_tick(r, 500, now, &f->rng);
        ticks += (ev & ARCADE_EV_TICK) != 0;
    }
    CHECK(ev & ARCADE_EV_QUESTION);
    CHECK_INT(r->phase, ARCADE_PHASE_PLAY);
    return ticks;
}

static int right_option(const ArcadeRound *r)
{
    return r->q.right;
}

static int wrong_option(const ArcadeRound *r)
{
    return (r->q.right + 1) % r->q.option_count;
}

/* The clock: nothing answered, the round ends on time after 60 s of play
 * (not counting the countdown); the last ten seconds tick. */
static void test_time_up(void)
{
    TestStudy f;
    teststudy_open(&f, fakebank_clf(1, 1, 0), "arcade_time", "cloudprep_test_arcade_disk", T0, &ARCADE_PREFS, 3);
    ArcadeRound r;
    CHECK(arcade_round_start(&r, f.study, 0, 0, &f.rng));
    CHECK_INT(r.phase, ARCADE_PHASE_COUNTDOWN);
    CHECK_INT(r.remaining_ms, 60000);
    CHECK_INT(count_in(&f, &r, T0 + 3), 2); /* "3", then "2" and "1" tick, then go */
    CHECK_INT(r.started_at, T0 + 3);
    int ticks = 0;
    unsigned ev = 0;
    int steps = 0;
    while (!(ev & ARCADE_EV_OVER) && steps < 1000) {
        ev = arcade_round_tick(&r, 100, T0 + 63, &f.rng);
        ticks += (ev & ARCADE_EV_TICK) != 0;
        steps++;
    }
    CHECK_INT(steps, 600);
    CHECK_INT(ticks, 10); /* on reaching 10, 9, ..., 1 s left */
    CHECK_INT(r.phase, ARCADE_PHASE_OVER);
    CHECK_INT(r.res.ended, ARCADE_END_TIME);
    CHECK_INT(r.res.played_ms, 60000);
    CHECK(!arcade_round_empty(&r));
    CHECK_INT(arcade_round_tick(&r, 1000, T0 + 64, &f.rng), 0); /* over: nothing moves */
    CHECK(arcade_round_finish(&r, T0 + 63));
    CHECK(r.res.saved);
    CHECK_INT(r.res.xp, 0); /* no answers, no round bonus */
    CHECK(!r.res.new_best);
    CHECK_INT(teststudy_int(&f, "SELECT finished_at - started_at FROM exams WHERE mode = 'arcade'"), 60);
    CHECK_INT(teststudy_int(&f, "SELECT count(*) FROM profile WHERE key = 'xp'"), 0);
    arcade_round_free(&r);
    teststudy_close(&f);
}

/* Right answers add the kind's bonus time and raise the multiplier; three
 * misses end the round on lives after the last reveal. Saved whole: the
 * row, the best combo, the round bonus on top of the answers' XP. */
static void test_combo_lives_and_save(void)
{
    TestStudy f;
    teststudy_open(&f, fakebank_clf(1, 1, 0), "arcade_combo", "cloudprep_test_arcade_disk", T0, &ARCADE_PREFS, 3);
    ArcadeRound r;
    CHECK(arcade_round_start(&r, f.study, 1, 0, &f.rng)); /* Marathon: +2 s */
    count_in(&f, &r, T0);
    int combo_ups = 0;
    for (int i = 0; i < 10; i++) {
        int before = r.remaining_ms;
        unsigned ev = arcade_round_answer(&r, right_option(&r), T0 + i, &f.rng);
        CHECK(ev & ARCADE_EV_RIGHT);
        CHECK(ev & ARCADE_EV_QUESTION);
        CHECK(!(ev & ARCADE_EV_NOT_SAVED));
        CHECK_INT(r.remaining_ms, before + 2000);
        CHECK_INT(r.last_points, 100 * (1 + i / 3 > 3 ? 3 : 1 + i / 3));
        if (ev & ARCADE_EV_COMBO_UP)
            combo_ups++;
    }
    CHECK_INT(combo_ups, 2); /* x2 at the 4th, x3 at the 7th */
    CHECK_INT(r.ra.points, 3 * 100 + 3 * 200 + 4 * 300);
    arcade_round_tick(&r, 2500, T0 + 12, &f.rng); /* 2.5 s into a question: slower, fewer points */
    CHECK(arcade_round_answer(&r, right_option(&r), T0 + 13, &f.rng) & ARCADE_EV_RIGHT);
    CHECK_INT(r.last_points, rewards_arcade_points(100, 2500, ARCADE_SPEED_LIMIT_MS, 10));
    int points = r.ra.points;
    for (int miss = 1; miss <= 3; miss++) {
        int before = r.remaining_ms;
        unsigned ev = arcade_round_answer(&r, wrong_option(&r), T0 + 20 + miss, &f.rng);
        CHECK(ev & ARCADE_EV_WRONG);
        CHECK_INT(r.phase, ARCADE_PHASE_REVEAL);
        CHECK_INT(r.ra.lives, 3 - miss);
        CHECK_INT(r.remaining_ms, before);
        CHECK_INT(arcade_round_answer(&r, 0, T0 + 20, &f.rng), 0); /* no answers during the reveal */
        /* The reveal waits on its own clock, not the round's. */
        ev = miss == 2 ? arcade_round_go_on(&r, &f.rng) : arcade_round_tick(&r, ARCADE_REVEAL_MS, T0 + 22, &f.rng);
        CHECK_INT(r.remaining_ms, before);
        if (miss < 3)
            CHECK(ev & ARCADE_EV_QUESTION);
        else
            CHECK(ev & ARCADE_EV_OVER);
    }
    CHECK_INT(r.res.ended, ARCADE_END_LIVES);
    CHECK_INT(r.res.points, points);
    CHECK_INT(r.res.answered, 14);
    CHECK_INT(r.res.right, 11);
    CHECK_INT(r.res.best_combo, 11);
    CHECK_INT(r.res.miss_count, 3);
    int dom_total = 0;
    for (int d = 0; d < SCORING_MAX_DOMAINS; d++)
        dom_total += r.res.domain_total[d];
    CHECK_INT(dom_total, 14);
    CHECK(arcade_round_finish(&r, T0 + 30));
    CHECK(r.res.saved);
    CHECK(r.res.new_best);
    CHECK(r.res.goal_round);
    CHECK_INT(r.res.xp, 11 * REWARDS_XP_RIGHT + REWARDS_XP_ARCADE_DONE);
    CHECK_INT(teststudy_int(&f, "SELECT value FROM profile WHERE key = 'xp'"), 11 * REWARDS_XP_RIGHT + REWARDS_XP_ARCADE_DONE);
    CHECK_INT(teststudy_int(&f, "SELECT value FROM profile WHERE key = 'best_combo'"), 11);
    char row[64];
    testdb_text(store_path(f.st), "SELECT items || '|' || correct_scored || '|' || points || '|' || round FROM exams",
                row, sizeof row);
    char want[64];
    snprintf(want, sizeof want, "14|11|%d|marathon", points);
    CHECK_STR(row, want);
    CHECK_INT(teststudy_int(&f, "SELECT count(*) FROM reviews WHERE mode = 'arcade'"), 14);
    int best[ARCADE_ROUND_KINDS], rounds[ARCADE_ROUND_KINDS];
    CHECK(arcade_round_bests(f.study, best, rounds));
    CHECK_INT(best[1], points);
    CHECK_INT(rounds[1], 1);
    CHECK_INT(rounds[0], 0);
    arcade_round_free(&r);

    /* A worse round keeps the best combo; quitting earns no round bonus. */
    CHECK(arcade_round_start(&r, f.study, 1, best[1], &f.rng));
    count_in(&f, &r, T0 + 100);
    CHECK(arcade_round_answer(&r, right_option(&r), T0 + 101, &f.rng) & ARCADE_EV_RIGHT);
    arcade_round_quit(&r);
    CHECK(!arcade_round_empty(&r));
    CHECK_INT(r.res.ended, ARCADE_END_QUIT);
    CHECK(arcade_round_finish(&r, T0 + 102));
    CHECK(!r.res.new_best);
    CHECK_INT(r.res.xp, REWARDS_XP_RIGHT);
    CHECK_INT(teststudy_int(&f, "SELECT value FROM profile WHERE key = 'best_combo'"), 11);
    arcade_round_free(&r);

    /* Quit before any answer: nothing to save. */
    CHECK(arcade_round_start(&r, f.study, 0, 0, &f.rng));
    count_in(&f, &r, T0 + 200);
    arcade_round_quit(&r);
    CHECK(arcade_round_empty(&r));
    arcade_round_free(&r);
    CHECK_INT(teststudy_int(&f, "SELECT count(*) FROM exams"), 2);
    teststudy_close(&f);
}

/* The disk fills up: a lost answer is reported and counted, its item keeps
 * its state, the round goes on; a round that cannot be saved writes
 * nothing at all and says why. */
static void test_all_or_nothing(void)
{
    TestStudy f;
    teststudy_open(&f, fakebank_clf(1, 1, 0), "arcade_faults", "cloudprep_test_arcade_disk", T0, &ARCADE_PREFS, 3);
    ArcadeRound r;
    CHECK(arcade_round_start(&r, f.study, 0, 0, &f.rng));
    count_in(&f, &r, T0);
    CHECK(arcade_round_answer(&r, right_option(&r), T0 + 1, &f.rng) & ARCADE_EV_RIGHT);
    int item = r.q.item;
    ItemState before = f.study->states[item];
    disk.budget = disk.written;
    unsigned ev = arcade_round_answer(&r, right_option(&r), T0 + 2, &f.rng);
    disk.budget = -1;
    CHECK(ev & ARCADE_EV_NOT_SAVED);
    CHECK(ev & ARCADE_EV_RIGHT);
    CHECK(f.study->error[0] != '\0');
    CHECK(memcmp(&f.study->states[item], &before, sizeof before) == 0);
    CHECK_INT(r.res.unsaved, 1);
    CHECK_INT(r.res.xp, REWARDS_XP_RIGHT);
    CHECK_INT(r.phase, ARCADE_PHASE_PLAY);
    for (int i = 0; i < 9; i++)
        CHECK(!(arcade_round_answer(&r, right_option(&r), T0 + 3, &f.rng) & ARCADE_EV_NOT_SAVED));
    while (!(arcade_round_tick(&r, 1000, T0 + 90, &f.rng) & ARCADE_EV_OVER)) {
    }
    int64_t xp = teststudy_int(&f, "SELECT value FROM profile WHERE key = 'xp'");
    CHECK_INT(xp, 10 * REWARDS_XP_RIGHT);
    disk.budget = disk.written;
    CHECK(!arcade_round_finish(&r, T0 + 90));
    disk.budget = -1;
    CHECK(!r.res.saved);
    CHECK(!r.res.new_best);
    CHECK(strstr(f.study->error, "disk is full") != NULL);
    CHECK_INT(r.res.xp, 10 * REWARDS_XP_RIGHT);
    CHECK_INT(teststudy_int(&f, "SELECT count(*) FROM exams"), 0);
    CHECK_INT(teststudy_int(&f, "SELECT count(*) FROM profile WHERE key = 'best_combo'"), 0);
    CHECK_INT(teststudy_int(&f, "SELECT value FROM profile WHERE key = 'xp'"), xp);
    /* Once there is room again, the same round saves whole. */
    CHECK(arcade_round_finish(&r, T0 + 91));
    CHECK_INT(teststudy_int(&f, "SELECT count(*) FROM exams"), 1);
    CHECK_INT(teststudy_int(&f, "SELECT value FROM profile WHERE key = 'best_combo'"), 11);
    CHECK_INT(teststudy_int(&f, "SELECT value FROM profile WHERE key = 'xp'"), xp + REWARDS_XP_ARCADE_DONE);
    arcade_round_free(&r);
    teststudy_close(&f);
}

/* A bank with nothing the arcade can ask: no round starts. */
static void test_nothing_to_play(void)
{
    FakeBankConfig cfg = {.domain_count = 1, .weights = {100}, .questions = {6}, .multi_every = 1};
    Bank *bank = fakebank_new(&cfg);
    StudyPrefs prefs = {0};
    Study *study = study_open(bank, NULL, &prefs);
    Rng rng;
    rng_seed(&rng, 1);
    CHECK(!arcade_round_playable(study, &rng));
    ArcadeRound r;
    CHECK(!arcade_round_start(&r, study, 0, 0, &rng));
    arcade_round_free(&r);
    int best[ARCADE_ROUND_KINDS], rounds[ARCADE_ROUND_KINDS];
    CHECK(!arcade_round_bests(study, best, rounds)); /* no progress file: said, not zeros */
    CHECK(study->error[0] != '\0');
    study_close(study);
    fakebank_free(bank);
}

/* A round and today's goal agree, by the one rule (study_today): nine
 * answers in a round leave the day unmet, and the round says it did not
 * meet the goal; ten meet it, and the round says so. */
static void test_goal_agrees(void)
{
    TestStudy f;
    teststudy_open(&f, fakebank_clf(1, 1, 0), "arcade_goal", NULL, T0, &ARCADE_PREFS, 5);
    for (int n = REWARDS_GOAL_ARCADE_ROUND_ANSWERS - 1; n <= REWARDS_GOAL_ARCADE_ROUND_ANSWERS; n++) {
        int64_t now = T0 + n * 600;
        ArcadeRound r;
        CHECK(arcade_round_start(&r, f.study, 1, 0, &f.rng));
        count_in(&f, &r, now);
        for (int i = 0; i < n; i++)
            CHECK(arcade_round_answer(&r, right_option(&r), now + 1 + i, &f.rng) & ARCADE_EV_RIGHT);
        arcade_round_quit(&r);
        CHECK(arcade_round_finish(&r, now + 60));
        StudyToday today;
        CHECK(study_today(f.study, now + 60, &today));
        CHECK_INT(r.res.goal_round, n >= REWARDS_GOAL_ARCADE_ROUND_ANSWERS);
        CHECK_INT(today.streak.today_met, r.res.goal_round);
        arcade_round_free(&r);
    }
    teststudy_close(&f);
}

int main(void)
{
    testfault_register(&disk, "cloudprep_test_arcade_disk", false);
    test_time_up();
    test_combo_lives_and_save();
    test_all_or_nothing();
    test_nothing_to_play();
    test_goal_agrees();
    return testlib_finish();
}
