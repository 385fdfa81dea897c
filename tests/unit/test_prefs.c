/* Settings persistence: defaults without a store, a save and load round
 * trip, values clamped to their range when read, the one daily commitment
 * (minutes) giving the day's answer goal, an older file's goal turned into
 * minutes, and a write the database refuses reported with the store's
 * reason (never as saved). */
#include <stdio.h>
#include <string.h>

#include "prefs.h"
#include "store.h"
#include "testdb.h"
#include "testlib.h"

#define NOW 1767225600 /* 2026-01-01 00:00 UTC */

/* A file from before the daily commitment kept an answer goal and no
 * minutes: the minutes that goal takes, rounded up to a step, and the
 * first save keeps them, so the goal does not decide again. */
static void test_goal_to_minutes(void)
{
    const struct { int goal, minutes; } cases[] = {
        {20, 10}, {25, 15}, {40, 20}, {1, PREFS_MINUTES_MIN}, {100000, PREFS_MINUTES_MAX},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s", testlib_tmpdir("prefs-goal"));
        Store *st = store_open(dir, NOW, NULL);
        CHECK(st != NULL);
        CHECK_INT(store_set_int(st, "daily_goal", cases[i].goal), STORE_OK);
        Settings s;
        prefs_load(st, &s);
        CHECK_INT(s.daily_minutes, cases[i].minutes);
        s.volume = 10;
        char why[256] = "";
        CHECK(prefs_save(st, &s, why, sizeof why));
        CHECK_INT(store_get_int(st, "daily_minutes", 0), cases[i].minutes);
        CHECK_INT(store_get_int(st, "daily_goal", 0), prefs_study(&s).daily_goal);
        prefs_load(st, &s);
        CHECK_INT(s.daily_minutes, cases[i].minutes);
        store_close(st);
        testlib_remove_tree(dir);
    }
    /* A file with both keeps its minutes. */
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("prefs-both"));
    Store *st = store_open(dir, NOW, NULL);
    CHECK(st != NULL);
    CHECK_INT(store_set_int(st, "daily_goal", 200), STORE_OK);
    CHECK_INT(store_set_int(st, "daily_minutes", 15), STORE_OK);
    Settings s;
    prefs_load(st, &s);
    CHECK_INT(s.daily_minutes, 15);
    CHECK_INT(prefs_study(&s).daily_goal, 30);
    store_close(st);
    testlib_remove_tree(dir);
}

int main(void)
{
    Settings def;
    prefs_load(NULL, &def);
    CHECK_INT(def.ui_scale_pct, 100);
    CHECK_INT(def.daily_minutes, 20);
    CHECK_INT(prefs_study(&def).daily_goal, 40);
    /* the drill length and new items are the rules' to decide */
    CHECK_INT(prefs_study(&def).drill_size, 0);
    CHECK_INT(prefs_study(&def).new_per_day, 0);
    CHECK_INT(def.exam_date, 0);
    CHECK(!def.high_contrast);

    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("prefs"));
    Store *st = store_open(dir, NOW, NULL);
    CHECK(st != NULL);
    Settings s = def;
    s.ui_scale_pct = 150;
    s.high_contrast = true;
    s.daily_minutes = 45;
    s.exam_date = NOW + 30 * 86400;
    char why[256] = "";
    CHECK(prefs_save(st, &s, why, sizeof why));
    Settings back;
    prefs_load(st, &back);
    CHECK_INT(back.ui_scale_pct, 150);
    CHECK(back.high_contrast);
    CHECK_INT(back.daily_minutes, 45);
    CHECK_INT(back.exam_date, NOW + 30 * 86400);
    StudyPrefs sp = prefs_study(&back);
    CHECK_INT(sp.daily_minutes, 45);
    CHECK_INT(sp.exam_date, NOW + 30 * 86400);
    CHECK_INT(sp.daily_goal, 90);
    /* the store counts a day's goal by the goal the minutes give */
    CHECK_INT(store_get_int(st, "daily_goal", 0), 90);

    /* Out of range in the file (another tool, an old version): clamped. */
    CHECK_INT(store_set_int(st, "ui_scale_pct", 900), STORE_OK);
    CHECK_INT(store_set_int(st, "daily_minutes", 100000), STORE_OK);
    prefs_load(st, &back);
    CHECK_INT(back.ui_scale_pct, 200);
    CHECK_INT(back.daily_minutes, PREFS_MINUTES_MAX);
    CHECK_INT(store_set_int(st, "daily_minutes", -4), STORE_OK);
    prefs_load(st, &back);
    CHECK_INT(back.daily_minutes, PREFS_MINUTES_MIN);
    CHECK_INT(store_set_int(st, "daily_minutes", 45), STORE_OK);

    /* The database refuses the write: prefs_save says so and why. */
    char db[1100];
    snprintf(db, sizeof db, "%s/progress.db", dir);
    testdb_exec(db, "CREATE TRIGGER no_settings BEFORE UPDATE ON settings BEGIN "
                    "SELECT RAISE(ABORT, 'settings are locked'); END;"
                    "CREATE TRIGGER no_new_settings BEFORE INSERT ON settings BEGIN "
                    "SELECT RAISE(ABORT, 'settings are locked'); END;");
    s.daily_minutes = 60;
    why[0] = '\0';
    CHECK(!prefs_save(st, &s, why, sizeof why));
    CHECK(strstr(why, "settings are locked") != NULL);
    prefs_load(st, &back);
    CHECK_INT(back.daily_minutes, 45);
    store_close(st);
    testlib_remove_tree(dir);
    test_goal_to_minutes();
    return testlib_finish();
}
