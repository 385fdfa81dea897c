/* Tests for rewards: XP per session, the level curve, local days, the
 * daily streak with rest days, arcade points, lives and combos, and the
 * achievement table. */
#include <string.h>

#include "rewards.h"
#include "testlib.h"

static void test_xp(void)
{
    CHECK_INT(rewards_session_xp(MODE_DRILL, 15, true, false, false), 150 + 50);
    CHECK_INT(rewards_session_xp(MODE_DRILL, 15, false, false, false), 150);
    CHECK_INT(rewards_session_xp(MODE_ARCADE, 12, true, false, false), 120 + 25);
    CHECK_INT(rewards_session_xp(MODE_DIAGNOSTIC, 7, true, true, false), 70 + 50);
    CHECK_INT(rewards_session_xp(MODE_MOCK, 40, true, false, false), 400 + 200);
    CHECK_INT(rewards_session_xp(MODE_MOCK, 40, true, true, false), 400 + 200 + 100);
    CHECK_INT(rewards_session_xp(MODE_MOCK, 45, true, true, true), 450 + 200 + 100 + 50);
    CHECK_INT(rewards_session_xp(MODE_MOCK, -3, false, true, true), 0);
}

static void test_levels(void)
{
    CHECK_INT(rewards_level_xp(1), 0);
    CHECK_INT(rewards_level_xp(2), 100);
    CHECK_INT(rewards_level_xp(3), 300);
    CHECK_INT(rewards_level_xp(4), 600);
    CHECK_INT(rewards_level_xp(10), 4500);
    CHECK_INT(rewards_level(0), 1);
    CHECK_INT(rewards_level(-5), 1);
    CHECK_INT(rewards_level(99), 1);
    CHECK_INT(rewards_level(100), 2);
    CHECK_INT(rewards_level(299), 2);
    CHECK_INT(rewards_level(300), 3);
    CHECK_INT(rewards_level(4499), 9);
    CHECK_INT(rewards_level(4500), 10);
    bool ok = true;
    for (int xp = 0; xp < 200000; xp += 7) {
        int lv = rewards_level(xp);
        if (rewards_level_xp(lv) > xp || rewards_level_xp(lv + 1) <= xp)
            ok = false;
    }
    CHECK(ok);
    CHECK(rewards_level(2000000000) > 6000);
    int span = 0;
    CHECK_INT(rewards_level_progress(350, &span), 50);
    CHECK_INT(span, 300);
}

static void test_local_day(void)
{
    CHECK_INT(rewards_local_day(0, 0), 0);
    CHECK_INT(rewards_local_day(86399, 0), 0);
    CHECK_INT(rewards_local_day(86400, 0), 1);
    CHECK_INT(rewards_local_day(-1, 0), -1);
    CHECK_INT(rewards_local_day(82800, 3600), 1);  /* 23:00 UTC is the next day at UTC+1 */
    CHECK_INT(rewards_local_day(3600, -7200), -1); /* 01:00 UTC is yesterday at UTC-2 */
}

static void test_day_met(void)
{
    RewardsDay d = {.day = 1, .drill_answers = 19};
    CHECK(!rewards_day_met(&d, NULL));
    d.drill_answers = 20;
    CHECK(rewards_day_met(&d, NULL));
    d = (RewardsDay){.arcade_best_round = 9};
    CHECK(!rewards_day_met(&d, NULL));
    d.arcade_best_round = 10;
    CHECK(rewards_day_met(&d, NULL));
    d = (RewardsDay){.mocks_finished = 1};
    CHECK(rewards_day_met(&d, NULL));
    d = (RewardsDay){.diagnostics_finished = 1};
    CHECK(rewards_day_met(&d, NULL));
    RewardsGoal goal = {.drill_answers = 5};
    d = (RewardsDay){.drill_answers = 5};
    CHECK(rewards_day_met(&d, &goal));
}

static RewardsDay met(int day)
{
    return (RewardsDay){.day = day, .drill_answers = 20};
}

static void test_streak(void)
{
    RewardsStreak s;
    rewards_streak(NULL, 0, 10, NULL, &s);
    CHECK_INT(s.current, 0);

    RewardsDay three[3] = {met(10), met(8), met(9)}; /* any order */
    rewards_streak(three, 3, 10, NULL, &s);
    CHECK_INT(s.current, 3);
    CHECK(s.today_met);
    rewards_streak(three, 3, 11, NULL, &s); /* today not done yet: not broken */
    CHECK_INT(s.current, 3);
    CHECK(!s.today_met);
    rewards_streak(three, 3, 12, NULL, &s); /* day 11 missed, no rest day: broken */
    CHECK_INT(s.current, 0);
    CHECK_INT(s.best, 3);

    /* a day short of the goal does not count; two half days merge */
    RewardsDay split[3] = {met(1), {.day = 2, .drill_answers = 12}, {.day = 2, .drill_answers = 8}};
    rewards_streak(split, 3, 2, NULL, &s);
    CHECK_INT(s.current, 2);
    RewardsDay short_day[2] = {met(1), {.day = 2, .drill_answers = 12}};
    rewards_streak(short_day, 2, 3, NULL, &s);
    CHECK_INT(s.current, 0);

    /* 7 days earn a rest day that covers one missed day */
    RewardsDay week[9];
    for (int i = 0; i < 7; i++)
        week[i] = met(100 + i);
    week[7] = met(108); /* day 107 missed */
    week[8] = met(109);
    rewards_streak(week, 7, 106, NULL, &s);
    CHECK_INT(s.current, 7);
    CHECK_INT(s.rest_days, 1);
    rewards_streak(week, 9, 109, NULL, &s);
    CHECK_INT(s.current, 9);
    CHECK_INT(s.rest_days, 0);
    CHECK_INT(s.rest_used, 1);
    /* two missed days with one rest day: broken */
    week[7] = met(109);
    week[8] = met(110);
    rewards_streak(week, 9, 110, NULL, &s);
    CHECK_INT(s.current, 2);
    CHECK_INT(s.best, 7);

    /* at most two rest days saved, even after 21 days */
    RewardsDay long_run[23];
    for (int i = 0; i < 21; i++)
        long_run[i] = met(i);
    rewards_streak(long_run, 21, 20, NULL, &s);
    CHECK_INT(s.current, 21);
    CHECK_INT(s.rest_days, 2);
    /* days 21, 22 missed (two rest days used), 23 met */
    long_run[21] = met(23);
    rewards_streak(long_run, 22, 23, NULL, &s);
    CHECK_INT(s.current, 22);
    CHECK_INT(s.rest_days, 0);
    CHECK_INT(s.rest_used, 2);
    /* a third missed day breaks it */
    long_run[21] = met(24);
    rewards_streak(long_run, 22, 24, NULL, &s);
    CHECK_INT(s.current, 1);

    /* records after today are ignored; arcade and mock days count */
    RewardsDay mixed[4] = {{.day = 5, .arcade_best_round = 10}, {.day = 6, .mocks_finished = 1},
                           {.day = 7, .diagnostics_finished = 1}, met(9)};
    rewards_streak(mixed, 4, 7, NULL, &s);
    CHECK_INT(s.current, 3);
}

static void test_arcade(void)
{
    CHECK_INT(rewards_arcade_multiplier(0), 1);
    CHECK_INT(rewards_arcade_multiplier(2), 1);
    CHECK_INT(rewards_arcade_multiplier(3), 2);
    CHECK_INT(rewards_arcade_multiplier(5), 2);
    CHECK_INT(rewards_arcade_multiplier(6), 3);
    CHECK_INT(rewards_arcade_multiplier(100), 3);
    CHECK_INT(rewards_arcade_points(100, 0, 10000, 0), 100);
    CHECK_INT(rewards_arcade_points(100, 10000, 10000, 0), 50);
    CHECK_INT(rewards_arcade_points(100, 5000, 10000, 0), 75);
    CHECK_INT(rewards_arcade_points(100, 99999, 10000, 0), 50); /* clamped to T */
    CHECK_INT(rewards_arcade_points(100, 2500, 10000, 3), 175); /* 0.875 x 2 */
    CHECK_INT(rewards_arcade_points(100, 0, 10000, 9), 300);
    CHECK_INT(rewards_arcade_points(100, 1234, 0, 0), 100);     /* no limit */

    RewardsArcade a;
    rewards_arcade_start(&a, 0);
    CHECK_INT(a.lives, 3);
    int total = 0;
    for (int i = 0; i < 7; i++)
        total += rewards_arcade_answer(&a, true, 0, 8000, 0);
    /* combos before: 0,1,2 (x1) 3,4,5 (x2) 6 (x3) */
    CHECK_INT(total, 3 * 100 + 3 * 200 + 300);
    CHECK_INT(a.points, total);
    CHECK_INT(a.combo, 7);
    CHECK_INT(rewards_arcade_answer(&a, false, 0, 8000, 0), 0);
    CHECK_INT(a.combo, 0);
    CHECK_INT(a.best_combo, 7);
    CHECK_INT(a.lives, 2);
    CHECK_INT(rewards_arcade_answer(&a, true, 0, 8000, 0), 100); /* back to x1 */
    rewards_arcade_answer(&a, false, 0, 8000, 0);
    rewards_arcade_answer(&a, false, 0, 8000, 0);
    CHECK(a.over);
    CHECK_INT(a.lives, 0);
    int before = a.points;
    CHECK_INT(rewards_arcade_answer(&a, true, 0, 8000, 0), 0);
    CHECK_INT(a.points, before);
    CHECK_INT(a.answered, 11);
    CHECK_INT(a.right, 8);
}

static void test_achievements(void)
{
    int n = rewards_achievement_count();
    CHECK(n >= 12 && n <= 32);
    for (int i = 0; i < n; i++) {
        const RewardsAchievement *a = rewards_achievement(i);
        CHECK(a && a->id[0] && a->title[0] && a->description[0] && a->threshold > 0);
        for (int j = 0; j < i; j++)
            CHECK(strcmp(a->id, rewards_achievement(j)->id) != 0);
    }
    CHECK(rewards_achievement(n) == NULL);
    CHECK(rewards_achievement(-1) == NULL);
    RewardsStats zero = {0};
    CHECK_INT(rewards_earned(&zero), 0);
    RewardsStats s = {.answers = 1};
    uint32_t first = rewards_earned(&s);
    CHECK_INT(first, 1);
    s.right = 150;
    s.best_mock = 760;
    s.mocks = 1;
    uint32_t later = rewards_earned(&s);
    uint32_t fresh = later & ~first;
    int names = 0;
    for (int i = 0; i < n; i++) {
        if (!(fresh & (1u << i)))
            continue;
        const char *id = rewards_achievement(i)->id;
        names += strcmp(id, "right-100") == 0 || strcmp(id, "mock-1") == 0 ||
                 strcmp(id, "mock-pass") == 0 || strcmp(id, "mock-750") == 0;
    }
    CHECK_INT(names, 4);
    CHECK_INT(__builtin_popcount(fresh), 4);
    RewardsStats all = {.answers = 5000, .right = 5000, .drill_sessions = 50, .diagnostics = 2,
                        .mocks = 9, .best_mock = 900, .mocks_ready_in_a_row = 5,
                        .last_mock_all_meet = true, .best_streak = 40, .best_combo = 20,
                        .best_arcade_points = 5000, .top_box_items = 80, .level = 12};
    CHECK_INT(__builtin_popcount(rewards_earned(&all)), n);
}

int main(void)
{
    test_xp();
    test_levels();
    test_local_day();
    test_day_met();
    test_streak();
    test_arcade();
    test_achievements();
    return testlib_finish();
}
