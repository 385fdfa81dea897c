/* What the play modes write when they end, each one transaction: a finished
 * drill (the sessions count and its bonus XP) and an arcade round (its
 * exams row, the best combo, its bonus XP). The achievements read these
 * profile values back in store_stats.c. The answers themselves go through
 * store_record_answer_xp (store_write.c). */
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

#define KEY_XP "xp"
#define KEY_DRILL_SESSIONS "drill_sessions"
#define KEY_BEST_COMBO "best_combo"

static const char ADD_TO_PROFILE[] =
    "INSERT INTO profile(key, value) VALUES(?, ?)"
    " ON CONFLICT(key) DO UPDATE SET value = value + excluded.value";

static const char RAISE_IN_PROFILE[] =
    "INSERT INTO profile(key, value) VALUES(?, ?)"
    " ON CONFLICT(key) DO UPDATE SET value = MAX(value, excluded.value)";

StoreStatus store_drill_finish(Store *st, int bonus_xp)
{
    static const char action[] = "save the finished drill";
    if (bonus_xp < 0)
        return store_invalid(st, "a negative drill bonus");
    StoreStatus s = store_begin(st, action);
    if (s != STORE_OK)
        return s;
    int rc = store_exec(st, ADD_TO_PROFILE, "tl", KEY_DRILL_SESSIONS, (int64_t)1);
    if (rc == SQLITE_OK && bonus_xp > 0)
        rc = store_exec(st, ADD_TO_PROFILE, "tl", KEY_XP, (int64_t)bonus_xp);
    if (rc != SQLITE_OK)
        return store_fail(st, rc, action);
    return store_commit(st, action);
}

StoreStatus store_arcade_save(Store *st, const Bank *bank, const StoreArcadeRound *round, int64_t *out_id)
{
    static const char action[] = "save the arcade round";
    if (!round || !round->round || !round->round[0])
        return store_invalid(st, "an arcade round without a kind");
    if (round->bonus_xp < 0 || round->best_combo < 0)
        return store_invalid(st, "an arcade round with a negative bonus or combo");
    StoreStatus s = store_begin(st, action);
    if (s != STORE_OK)
        return s;
    int rc = store_exec(st,
                        "INSERT INTO exams(started_at, finished_at, mode, bank, items, scored,"
                        " correct_scored, points, round, state)"
                        " VALUES(?, ?, 'arcade', ?, ?, ?, ?, ?, ?, 'finished')",
                        "lltddddt", round->started_at, round->finished_at,
                        bank && bank->code ? bank->code : "", round->answered, round->answered,
                        round->correct, round->points, round->round);
    int64_t id = sqlite3_last_insert_rowid(st->db);
    if (rc == SQLITE_OK && round->best_combo > 0)
        rc = store_exec(st, RAISE_IN_PROFILE, "tl", KEY_BEST_COMBO, (int64_t)round->best_combo);
    if (rc == SQLITE_OK && round->bonus_xp > 0)
        rc = store_exec(st, ADD_TO_PROFILE, "tl", KEY_XP, (int64_t)round->bonus_xp);
    if (rc != SQLITE_OK)
        return store_fail(st, rc, action);
    s = store_commit(st, action);
    if (s == STORE_OK && out_id)
        *out_id = id;
    return s;
}
