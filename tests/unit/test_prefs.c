/* Settings persistence: defaults without a store, a save and load round
 * trip, values clamped to their range when read, and a write the database
 * refuses reported with the store's reason (never as saved). */
#include <stdio.h>
#include <string.h>

#include "prefs.h"
#include "store.h"
#include "testdb.h"
#include "testlib.h"

#define NOW 1767225600 /* 2026-01-01 00:00 UTC */

int main(void)
{
    Settings def;
    prefs_load(NULL, &def);
    CHECK_INT(def.ui_scale_pct, 100);
    CHECK_INT(def.daily_goal, 20);
    CHECK_INT(def.daily_minutes, 30);
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
    CHECK_INT(sp.daily_goal, back.daily_goal);

    /* Out of range in the file (another tool, an old version): clamped. */
    CHECK_INT(store_set_int(st, "ui_scale_pct", 900), STORE_OK);
    CHECK_INT(store_set_int(st, "daily_goal", -4), STORE_OK);
    prefs_load(st, &back);
    CHECK_INT(back.ui_scale_pct, 200);
    CHECK_INT(back.daily_goal, 5);

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
    return testlib_finish();
}
