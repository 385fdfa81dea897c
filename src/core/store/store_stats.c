/* Named readers for the Stats snapshot: the achievement facts the store
 * keeps as profile values (written by the exam, drill and arcade sessions
 * under the same key names) and the count of drill days, read in one
 * statement so a failed read is reported, never taken for zeros. */
#include "store_internal.h"

#include <string.h>

StoreStatus store_achievement_facts(Store *st, int64_t first_day, StoreAchievementFacts *out)
{
    static const char action[] = "read your achievements";
    memset(out, 0, sizeof *out);
    store_clear_error(st);
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare(st,
                           "SELECT (SELECT COALESCE(MAX(value), 0) FROM profile WHERE key = 'last_mock_all_meet'),"
                           " (SELECT COALESCE(MAX(value), 0) FROM profile WHERE key = 'best_combo'),"
                           " (SELECT COALESCE(MAX(value), 0) FROM profile WHERE key = 'drill_sessions'),"
                           " (SELECT count(*) FROM days WHERE day >= ? AND drill_answers > 0)",
                           &stmt);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(stmt, 1, first_day);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        out->last_mock_all_meet = sqlite3_column_int64(stmt, 0) != 0;
        out->best_combo = sqlite3_column_int(stmt, 1);
        out->drill_sessions = sqlite3_column_int(stmt, 2);
        out->drill_days = sqlite3_column_int(stmt, 3);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_OK) {
        memset(out, 0, sizeof *out);
        return store_fail(st, rc, action);
    }
    return STORE_OK;
}
