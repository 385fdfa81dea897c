/* The progress store's schema as a list of forward migrations, one per
 * PRAGMA user_version step, each run in its own transaction. A new file runs
 * them all, so the oldest path is exercised every time. Opening, backups and
 * deciding whether to migrate at all live in store.c. */
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

#include "memory.h"

/* Version 1: the first schema (tests/store/v1.sql is a file of this version). */
static const char SCHEMA_V1[] =
    "CREATE TABLE items(\n"
    "  item_id TEXT PRIMARY KEY,\n"
    "  box INTEGER NOT NULL DEFAULT 0,\n"
    "  due_at INTEGER NOT NULL DEFAULT 0,\n"
    "  seen INTEGER NOT NULL DEFAULT 0,\n"
    "  right INTEGER NOT NULL DEFAULT 0,\n"
    "  wrong INTEGER NOT NULL DEFAULT 0,\n"
    "  last_at INTEGER NOT NULL DEFAULT 0);\n"
    "CREATE TABLE reviews(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  at INTEGER NOT NULL,\n"
    "  item_id TEXT NOT NULL,\n"
    "  mode TEXT NOT NULL CHECK(mode IN ('drill','arcade','mock','diagnostic')),\n"
    "  correct INTEGER NOT NULL,\n"
    "  answer TEXT NOT NULL,\n"
    "  ms INTEGER NOT NULL DEFAULT 0,\n"
    "  box_before INTEGER NOT NULL DEFAULT 0,\n"
    "  box_after INTEGER NOT NULL DEFAULT 0);\n"
    "CREATE INDEX reviews_at ON reviews(at);\n"
    "CREATE INDEX reviews_item ON reviews(item_id);\n"
    "CREATE TABLE exams(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  started_at INTEGER NOT NULL,\n"
    "  finished_at INTEGER,\n"
    "  mode TEXT NOT NULL CHECK(mode IN ('drill','arcade','mock','diagnostic')),\n"
    "  bank TEXT NOT NULL DEFAULT '',\n"
    "  items INTEGER NOT NULL DEFAULT 0,\n"
    "  scored INTEGER NOT NULL DEFAULT 0,\n"
    "  correct_scored INTEGER,\n"
    "  scaled INTEGER,\n"
    "  passed INTEGER,\n"
    "  points INTEGER);\n"
    "CREATE INDEX exams_mode ON exams(mode, finished_at);\n"
    "CREATE TABLE exam_items(\n"
    "  exam_id INTEGER NOT NULL REFERENCES exams(id) ON DELETE CASCADE,\n"
    "  position INTEGER NOT NULL,\n"
    "  item_id TEXT NOT NULL,\n"
    "  domain TEXT NOT NULL DEFAULT '',\n"
    "  scored INTEGER NOT NULL DEFAULT 1,\n"
    "  answer TEXT NOT NULL DEFAULT '',\n"
    "  correct INTEGER,\n"
    "  flagged INTEGER NOT NULL DEFAULT 0,\n"
    "  PRIMARY KEY(exam_id, position));\n"
    "CREATE TABLE profile(key TEXT PRIMARY KEY, value INTEGER NOT NULL);\n"
    "CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);\n";

/* Version 2: exams can be resumed (timing, position, state, option order),
 * arcade rounds have a kind, and a days table keeps the daily counters for
 * streaks and the calendar, filled from the reviews already there. */
static int migrate_to_v2(Store *st)
{
    static const char head[] =
        "ALTER TABLE exams ADD COLUMN state TEXT NOT NULL DEFAULT 'finished'"
        "  CHECK(state IN ('in_progress','finished','abandoned'));\n"
        /* version 1 could not resume, so its unfinished exams are over */
        "UPDATE exams SET state = CASE WHEN finished_at IS NULL THEN 'abandoned' ELSE 'finished' END;\n"
        "UPDATE exams SET finished_at = started_at WHERE finished_at IS NULL;\n"
        "ALTER TABLE exams ADD COLUMN seconds_total INTEGER NOT NULL DEFAULT 0;\n"
        "ALTER TABLE exams ADD COLUMN seconds_left INTEGER NOT NULL DEFAULT 0;\n"
        "ALTER TABLE exams ADD COLUMN position INTEGER NOT NULL DEFAULT 0;\n"
        "ALTER TABLE exams ADD COLUMN esl INTEGER NOT NULL DEFAULT 0;\n"
        "ALTER TABLE exams ADD COLUMN likely_low INTEGER;\n"
        "ALTER TABLE exams ADD COLUMN likely_high INTEGER;\n"
        "ALTER TABLE exams ADD COLUMN round TEXT;\n"
        "ALTER TABLE exam_items ADD COLUMN option_order TEXT NOT NULL DEFAULT '';\n"
        "ALTER TABLE exam_items ADD COLUMN ms INTEGER NOT NULL DEFAULT 0;\n"
        "CREATE INDEX exams_state ON exams(state);\n"
        "CREATE INDEX exams_round ON exams(mode, round, points);\n"
        "CREATE INDEX reviews_mode_at ON reviews(mode, at);\n"
        "CREATE TABLE days(\n"
        "  day INTEGER PRIMARY KEY,\n"
        "  answers INTEGER NOT NULL DEFAULT 0,\n"
        "  right INTEGER NOT NULL DEFAULT 0,\n"
        "  drill_answers INTEGER NOT NULL DEFAULT 0,\n"
        "  ms INTEGER NOT NULL DEFAULT 0,\n"
        "  goal_met INTEGER NOT NULL DEFAULT 0);\n";
    int rc = sqlite3_exec(st->db, head, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return rc;
    /* Local day numbers need the offset; floor division for any sign. */
    char fill[1024];
    snprintf(fill, sizeof fill,
             "INSERT INTO days(day, answers, right, drill_answers, ms)"
             " SELECT d, COUNT(*), SUM(correct != 0), SUM(mode = 'drill'), SUM(ms) FROM"
             " (SELECT (at + %d - (((at + %d) %% 86400) + 86400) %% 86400) / 86400 AS d,"
             "  correct, mode, ms FROM reviews) GROUP BY d;"
             "UPDATE days SET goal_met = drill_answers >= COALESCE("
             " (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'daily_goal'), %d);",
             st->utc_offset, st->utc_offset, STORE_DEFAULT_DAILY_GOAL);
    return sqlite3_exec(st->db, fill, NULL, NULL, NULL);
}

/* Writes one item's replayed memory; an item without a row is skipped. */
static int save_memory(Store *st, const char *id, const ItemState *s)
{
    return store_exec(st, "UPDATE items SET stability = ?, difficulty = ? WHERE item_id = ?", "fft", s->stability,
                      s->difficulty, id);
}

/* Version 3: the memory model's stability and difficulty per item, rebuilt
 * by replaying every item's reviews in time order (reviews stay the source
 * of truth; this is what the model would hold had it been there). */
static int migrate_to_v3(Store *st)
{
    int rc = sqlite3_exec(st->db,
                          "ALTER TABLE items ADD COLUMN stability REAL NOT NULL DEFAULT 0;\n"
                          "ALTER TABLE items ADD COLUMN difficulty REAL NOT NULL DEFAULT 0;\n",
                          NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_stmt *stmt = NULL;
    rc = store_prepare(st, "SELECT item_id, at, correct FROM reviews ORDER BY item_id, at, id", &stmt);
    char id[256] = "";
    ItemState s = {0};
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        const char *row_id = (const char *)sqlite3_column_text(stmt, 0);
        if (!row_id)
            continue;
        if (strcmp(row_id, id) != 0) {
            if (id[0])
                rc = save_memory(st, id, &s);
            snprintf(id, sizeof id, "%s", row_id);
            memset(&s, 0, sizeof s);
        }
        int64_t at = sqlite3_column_int64(stmt, 1);
        memory_apply(&s, sqlite3_column_int(stmt, 2) != 0, at);
        s.last_at = at;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return rc;
    return id[0] ? save_memory(st, id, &s) : SQLITE_OK;
}

/* Version 4: learning from mistakes. Exams and reviews may be retakes
 * (the mode check is widened in place: every stored row stays valid, so
 * the tables need no rebuild); a review may say how sure the learner was
 * (NULL: not asked) and which exam it belongs to; an exam item keeps the
 * whole seconds spent on it, kept equal to its milliseconds by triggers
 * whoever writes them. */
static int migrate_to_v4(Store *st)
{
    int64_t version = 0;
    int rc = store_query_int(st, "PRAGMA schema_version", "", &version);
    if (rc != SQLITE_OK)
        return rc;
    char sql[2048];
    snprintf(sql, sizeof sql,
             "PRAGMA writable_schema = ON;\n"
             "UPDATE sqlite_master SET sql = replace(sql, '''mock'',''diagnostic'')',"
             " '''mock'',''diagnostic'',''retake'')')"
             " WHERE type = 'table' AND name IN ('reviews', 'exams');\n"
             "PRAGMA schema_version = %lld;\n"
             "PRAGMA writable_schema = OFF;\n"
             "ALTER TABLE reviews ADD COLUMN confident INTEGER CHECK(confident IN (0, 1));\n"
             "ALTER TABLE reviews ADD COLUMN exam_id INTEGER;\n"
             "CREATE INDEX reviews_exam ON reviews(exam_id);\n"
             "ALTER TABLE exam_items ADD COLUMN seconds INTEGER NOT NULL DEFAULT 0;\n"
             "UPDATE exam_items SET seconds = (ms + 500) / 1000;\n"
             "CREATE TRIGGER exam_items_seconds_insert AFTER INSERT ON exam_items BEGIN"
             " UPDATE exam_items SET seconds = (NEW.ms + 500) / 1000"
             " WHERE exam_id = NEW.exam_id AND position = NEW.position; END;\n"
             "CREATE TRIGGER exam_items_seconds_update AFTER UPDATE OF ms ON exam_items BEGIN"
             " UPDATE exam_items SET seconds = (NEW.ms + 500) / 1000"
             " WHERE exam_id = NEW.exam_id AND position = NEW.position; END;\n",
             (long long)version + 1);
    return sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

static int migrate_to_v1(Store *st)
{
    return sqlite3_exec(st->db, SCHEMA_V1, NULL, NULL, NULL);
}

typedef int (*MigrateFn)(Store *st);

/* MIGRATIONS[v] takes a file from version v to v + 1. */
static const MigrateFn MIGRATIONS[STORE_SCHEMA_VERSION] = {migrate_to_v1, migrate_to_v2, migrate_to_v3,
                                                           migrate_to_v4};

int store_schema_version(sqlite3 *db, int *version)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        *version = sqlite3_column_int(stmt, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    return rc;
}

static int migrate_one(Store *st, int from)
{
    int rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = MIGRATIONS[from](st);
    if (rc == SQLITE_OK) {
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d", from + 1);
        rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK && !sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

int store_schema_migrate(Store *st, int *from)
{
    int version = 0;
    int rc = store_schema_version(st->db, &version);
    if (rc != SQLITE_OK)
        return rc;
    *from = version;
    while (version < STORE_SCHEMA_VERSION) {
        rc = migrate_one(st, version);
        if (rc != SQLITE_OK)
            return rc;
        version++;
    }
    return SQLITE_OK;
}
