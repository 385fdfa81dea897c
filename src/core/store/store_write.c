/* Everything the progress store writes, each call one transaction that
 * commits whole or leaves nothing: answers, settings and profile values,
 * the progress reset. Opening and backups are in store.c, reads in
 * store_query.c, exams from begin to finish in store_exam.c, what a drill
 * or an arcade round writes at its end in store_play.c. */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char UPSERT_ITEM[] =
    "INSERT INTO items(item_id, box, due_at, seen, right, wrong, last_at, stability, difficulty)"
    " VALUES(?,?,?,?,?,?,?,?,?)"
    " ON CONFLICT(item_id) DO UPDATE SET box = excluded.box, due_at = excluded.due_at,"
    " seen = excluded.seen, right = excluded.right, wrong = excluded.wrong, last_at = excluded.last_at,"
    " stability = excluded.stability, difficulty = excluded.difficulty";

static const char INSERT_REVIEW[] =
    "INSERT INTO reviews(at, item_id, mode, correct, answer, ms, box_before, box_after, confident, exam_id)"
    " VALUES(?,?,?,?,?,?,?,?,NULLIF(?, -1),NULLIF(?, 0))";

StoreStatus store_invalid(Store *st, const char *what)
{
    snprintf(st->error, sizeof st->error, "Could not save: %s (a bug in the caller).", what);
    return STORE_ERR_INVALID;
}

static bool mode_valid(StudyMode mode)
{
    return mode >= 0 && mode < MODE_COUNT;
}

int store_upsert_item(Store *st, const char *id, const ItemState *s)
{
    return store_exec(st, UPSERT_ITEM, "tdldddlff", id, s->box, s->due_at, s->seen, s->right,
                      s->wrong, s->last_at, s->stability, s->difficulty);
}

int store_insert_review(Store *st, const StoreReview *r)
{
    char letters[BANK_MAX_OPTIONS + 1];
    answer_to_letters(r->answer, letters, (int)sizeof letters);
    int sure = r->confidence == CONFIDENCE_NOT_ASKED ? -1 : r->confidence == CONFIDENCE_SURE ? 1 : 0;
    return store_exec(st, INSERT_REVIEW, "lttdtddddl", r->at, r->id, study_mode_name(r->mode), r->correct ? 1 : 0,
                      letters, r->ms < 0 ? 0 : r->ms, r->box_before, r->box_after, sure,
                      r->exam_id > 0 ? r->exam_id : (int64_t)0);
}

/* Adds to the counters of the local day of `at`; goal_met, once reached,
 * stays set for that day even if the goal setting is raised later. */
int store_add_to_day(Store *st, int64_t at, int answers, int right, int drill, int64_t ms)
{
    int64_t day = store_day_of(st, at);
    int rc = store_exec(st,
                        "INSERT INTO days(day, answers, right, drill_answers, ms) VALUES(?,?,?,?,?)"
                        " ON CONFLICT(day) DO UPDATE SET answers = answers + excluded.answers,"
                        " right = right + excluded.right,"
                        " drill_answers = drill_answers + excluded.drill_answers,"
                        " ms = ms + excluded.ms",
                        "lddll", day, answers, right, drill, ms);
    if (rc != SQLITE_OK)
        return rc;
    return store_exec(st,
                      "UPDATE days SET goal_met = MAX(goal_met, drill_answers >= COALESCE("
                      "(SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'daily_goal'), ?))"
                      " WHERE day = ?",
                      "dl", STORE_DEFAULT_DAILY_GOAL, day);
}

int store_add_xp_row(Store *st, int64_t delta)
{
    return store_exec(st,
                      "INSERT INTO profile(key, value) VALUES('xp', ?)"
                      " ON CONFLICT(key) DO UPDATE SET value = value + excluded.value",
                      "l", delta);
}

/* ---- answers ------------------------------------------------------------ */

StoreStatus store_record_answer(Store *st, const Bank *bank, StudyMode mode, const Answer *ans,
                                const ItemState *new_state, int box_before)
{
    return store_record_answer_xp(st, bank, mode, ans, new_state, box_before, 0);
}

StoreStatus store_record_answer_xp(Store *st, const Bank *bank, StudyMode mode, const Answer *ans,
                                   const ItemState *new_state, int box_before, int xp_delta)
{
    static const char action[] = "save your answer";
    if (!bank || !ans || !new_state || ans->item < 0 || ans->item >= bank->item_count)
        return store_invalid(st, "the answer names no item of the bank");
    if (!mode_valid(mode))
        return store_invalid(st, "unknown study mode");
    StoreStatus s = store_begin(st, action);
    if (s != STORE_OK)
        return s;
    const char *id = bank->items[ans->item].id;
    StoreReview review = {.at = ans->at, .id = id, .mode = mode, .correct = ans->correct, .answer = ans->answer,
                          .ms = ans->ms, .box_before = box_before, .box_after = new_state->box,
                          .confidence = ans->confidence};
    int rc = store_insert_review(st, &review);
    int64_t review_id = sqlite3_last_insert_rowid(st->db);
    if (rc == SQLITE_OK)
        rc = store_upsert_item(st, id, new_state);
    if (rc == SQLITE_OK)
        rc = store_add_to_day(st, ans->at, 1, ans->correct ? 1 : 0, mode == MODE_DRILL ? 1 : 0,
                        ans->ms < 0 ? 0 : ans->ms);
    if (rc == SQLITE_OK && xp_delta != 0)
        rc = store_add_xp_row(st, xp_delta);
    if (rc != SQLITE_OK)
        return store_fail(st, rc, action);
    s = store_commit(st, action);
    if (s == STORE_OK)
        st->last_review_id = review_id;
    return s;
}

int64_t store_last_review_id(const Store *st)
{
    return st->last_review_id;
}

/* ---- settings and profile ---------------------------------------------- */

static StoreStatus write_one(Store *st, const char *action, const char *sql, const char *types,
                             const char *key, const char *text, int64_t number)
{
    StoreStatus s = store_begin(st, action);
    if (s != STORE_OK)
        return s;
    int rc = types[1] == 't' ? store_exec(st, sql, types, key, text) : store_exec(st, sql, types, key, number);
    if (rc != SQLITE_OK)
        return store_fail(st, rc, action);
    return store_commit(st, action);
}

static const char SET_SETTING[] =
    "INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value";

StoreStatus store_set_str(Store *st, const char *key, const char *value)
{
    if (!key || !value)
        return store_invalid(st, "a setting without key or value");
    return write_one(st, "save the setting", SET_SETTING, "tt", key, value, 0);
}

StoreStatus store_set_int(Store *st, const char *key, int64_t value)
{
    char text[32];
    snprintf(text, sizeof text, "%lld", (long long)value);
    return store_set_str(st, key, text);
}

StoreStatus store_profile_set(Store *st, const char *key, int64_t value)
{
    if (!key)
        return store_invalid(st, "a profile value without key");
    return write_one(st, "save your profile",
                     "INSERT INTO profile(key, value) VALUES(?, ?)"
                     " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     "tl", key, NULL, value);
}

StoreStatus store_add_xp(Store *st, int64_t delta)
{
    static const char action[] = "save your XP";
    StoreStatus s = store_begin(st, action);
    if (s != STORE_OK)
        return s;
    int rc = store_add_xp_row(st, delta);
    if (rc != SQLITE_OK)
        return store_fail(st, rc, action);
    return store_commit(st, action);
}

/* ---- reset -------------------------------------------------------------- */

StoreStatus store_reset_progress(Store *st, int64_t now, char *backup, size_t backup_size)
{
    static const char action[] = "reset your progress";
    if (!st->writable) {
        snprintf(st->error, sizeof st->error, "Could not %s: %s", action, st->readonly_reason);
        return STORE_ERR_READONLY;
    }
    char name[128];
    int rc = store_backup_event(st, now, "reset", name, sizeof name);
    if (rc != SQLITE_OK) {
        StoreStatus s = store_fail(st, rc, action);
        snprintf(st->error, sizeof st->error,
                 "Could not %s: the backup made before a reset failed (%s), so nothing was cleared.",
                 action, (rc & 0xff) == SQLITE_FULL ? "the disk is full" : sqlite3_errstr(rc));
        return s;
    }
    StoreStatus s = store_begin(st, action);
    if (s != STORE_OK)
        return s;
    rc = sqlite3_exec(st->db,
                      "DELETE FROM exam_items; DELETE FROM exams; DELETE FROM reviews;"
                      " DELETE FROM items; DELETE FROM days; DELETE FROM profile;",
                      NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return store_fail(st, rc, action);
    s = store_commit(st, action);
    if (s == STORE_OK) {
        /* today's daily backup must not bring back what was just cleared */
        (void)store_backup_daily(st, now, true);
        snprintf(st->error, sizeof st->error, "%s", "");
        if (backup)
            snprintf(backup, backup_size, "%s%s%s%s%s", st->dir, COMPAT_DIR_SEP_STR, STORE_BACKUP_DIR,
                     COMPAT_DIR_SEP_STR, name);
    }
    return s;
}
