/* Salvage of a damaged progress file: every row that can still be read is
 * copied, table by table and row by row (a bad page costs only the rows on
 * it), and the answers, exams, settings and profile values the restored
 * copy lacks are merged into it; item states and day counters touched by
 * recovered answers are then recomputed from the reviews. Deciding that a
 * file is damaged and restoring a backup is store.c's job. */
#include "store_internal.h"

#include "memory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SALVAGE_MAX_COLUMNS 32
#define SALVAGE_COL_NAME 64

/* Leitner intervals (days) used when an item's state is rebuilt from its
 * answers: the defaults of banks/FORMAT.md (the store does not know the
 * bank, and the next answer recomputes due dates with the bank's own). */
static const int RECOMPUTE_INTERVAL_DAYS[] = {0, 1, 2, 4, 8, 16};

typedef struct ColumnList {
    int count;
    char names[SALVAGE_MAX_COLUMNS][SALVAGE_COL_NAME];
} ColumnList;

/* Reads the column names of table `t` in schema `schema` of db. */
static int table_columns(sqlite3 *db, const char *schema, const char *t, ColumnList *out)
{
    char sql[160];
    snprintf(sql, sizeof sql, "PRAGMA %s.table_info(%s)", schema, t);
    sqlite3_stmt *stmt = NULL;
    out->count = 0;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const unsigned char *name = sqlite3_column_text(stmt, 1);
        if (name && out->count < SALVAGE_MAX_COLUMNS)
            snprintf(out->names[out->count++], SALVAGE_COL_NAME, "%s", (const char *)name);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static bool has_column(const ColumnList *c, const char *name)
{
    for (int i = 0; i < c->count; i++)
        if (strcmp(c->names[i], name) == 0)
            return true;
    return false;
}

/* "a, b, c" of the columns both lists have, in `dest` order; with a
 * prefix ("s.") before each name when given. */
static void common_columns(const ColumnList *src, const ColumnList *dest, const char *prefix, char *buf,
                           size_t size, ColumnList *common)
{
    buf[0] = '\0';
    common->count = 0;
    size_t n = 0;
    for (int i = 0; i < dest->count; i++) {
        if (!has_column(src, dest->names[i]))
            continue;
        snprintf(common->names[common->count++], SALVAGE_COL_NAME, "%s", dest->names[i]);
        int w = snprintf(buf + n, size - n, "%s%s\"%s\"", n ? ", " : "", prefix, dest->names[i]);
        if (w < 0 || (size_t)w >= size - n)
            break;
        n += (size_t)w;
    }
}

/* ---- reading a damaged table row by row ------------------------------- */

typedef struct ScanState {
    sqlite3 *src;
    const char *table;
    sqlite3_stmt *insert;       /* INSERT INTO temp.salv_T(...) VALUES(?...) on the store */
    int columns;
    int64_t rows_read;
    bool tail_unreadable;
    sqlite3_stmt *gap;          /* INSERT INTO temp.salv_gaps(tbl, lo, hi) */
} ScanState;

/* Whether a scan starting at rowid `from` can take its first step. Sets
 * *first to the rowid found (or INT64_MAX when none is left). */
static bool start_works(ScanState *s, int64_t from, int64_t *first)
{
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT rowid FROM main.\"%s\" WHERE rowid >= ? ORDER BY rowid LIMIT 1", s->table);
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(s->src, sql, -1, &stmt, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(stmt, 1, from);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    *first = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : INT64_MAX;
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* After a read failed at or after rowid `bad`, finds the smallest start
 * past it where reading works again: steps of 1, 2, 4, ... until one
 * works, then halves the distance back. Returns false when nothing after
 * `bad` can be read. */
static bool find_resume(ScanState *s, int64_t bad, int64_t *resume)
{
    int64_t lo = bad, hi = 0, first = 0;
    bool found = false;
    for (int64_t step = 1; step > 0 && step <= INT64_MAX / 2; step *= 2) {
        if (lo > INT64_MAX - step)
            break;
        if (start_works(s, lo + step, &first)) {
            hi = lo + step;
            found = true;
            break;
        }
    }
    if (!found)
        return false;
    while (hi - lo > 1) { /* lo fails, hi works */
        int64_t mid = lo + (hi - lo) / 2;
        int64_t f;
        if (start_works(s, mid, &f))
            hi = mid;
        else
            lo = mid;
    }
    *resume = hi;
    return true;
}

static void note_gap(ScanState *s, int64_t lo, int64_t hi)
{
    if (hi < lo)
        return;
    sqlite3_reset(s->gap);
    sqlite3_bind_text(s->gap, 1, s->table, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s->gap, 2, lo);
    sqlite3_bind_int64(s->gap, 3, hi);
    (void)sqlite3_step(s->gap);
}

/* Copies every readable row of the table (columns in `cols`) into the
 * store's temp table; unreadable stretches are noted in temp.salv_gaps. */
static int scan_table(ScanState *s, const char *cols)
{
    char sql[1400];
    snprintf(sql, sizeof sql, "SELECT rowid, %s FROM main.\"%s\" WHERE rowid >= ? ORDER BY rowid", cols, s->table);
    int64_t next = 1; /* cloudprep's rowids start at 1 */
    for (int rounds = 0; rounds < 100000; rounds++) {
        sqlite3_stmt *stmt = NULL;
        int rc = sqlite3_prepare_v2(s->src, sql, -1, &stmt, NULL);
        if (rc != SQLITE_OK) {
            s->tail_unreadable = true;
            return SQLITE_OK; /* the schema itself can't be read: nothing of this table */
        }
        sqlite3_bind_int64(stmt, 1, next);
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            int64_t rowid = sqlite3_column_int64(stmt, 0);
            sqlite3_reset(s->insert);
            for (int c = 0; c < s->columns; c++)
                sqlite3_bind_value(s->insert, c + 1, sqlite3_column_value(stmt, c + 1));
            int ins = sqlite3_step(s->insert);
            if (ins != SQLITE_DONE) {
                sqlite3_finalize(stmt);
                return ins;
            }
            s->rows_read++;
            if (rowid == INT64_MAX) {
                rc = SQLITE_DONE;
                break;
            }
            next = rowid + 1;
        }
        sqlite3_finalize(stmt);
        if (rc == SQLITE_DONE)
            return SQLITE_OK;
        int64_t resume = 0, first = 0;
        if (!find_resume(s, next, &resume)) {
            s->tail_unreadable = true;
            return SQLITE_OK;
        }
        if (!start_works(s, resume, &first) || first == INT64_MAX) {
            s->tail_unreadable = true; /* readable again, but nothing after: the end was lost */
            return SQLITE_OK;
        }
        note_gap(s, next, first - 1);
        next = resume;
    }
    s->tail_unreadable = true;
    return SQLITE_OK;
}

/* Copies what can be read of table `t` of the damaged file into
 * temp.salv_T on the store's connection (columns both schemas have). */
static int salvage_table(Store *st, sqlite3 *src, const char *t, int64_t *rows, bool *tail_lost)
{
    ColumnList scols, dcols, common;
    char cols[1200], sql[1600];
    *rows = 0;
    *tail_lost = false;
    int rc = table_columns(st->db, "main", t, &dcols);
    if (rc != SQLITE_OK)
        return rc;
    if (table_columns(src, "main", t, &scols) != SQLITE_OK || scols.count == 0) {
        *tail_lost = true; /* its schema is unreadable (or it never had this table) */
        scols.count = 0;
    }
    common_columns(&scols, &dcols, "", cols, sizeof cols, &common);
    snprintf(sql, sizeof sql, "CREATE TEMP TABLE \"salv_%s\" AS SELECT %s FROM main.\"%s\" WHERE 0", t,
             common.count ? cols : "NULL AS nothing", t);
    rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK || common.count == 0)
        return rc;
    char marks[SALVAGE_MAX_COLUMNS * 2 + 1];
    for (int i = 0; i < common.count; i++) {
        marks[2 * i] = i ? ',' : ' ';
        marks[2 * i + 1] = '?';
    }
    marks[2 * common.count] = '\0';
    snprintf(sql, sizeof sql, "INSERT INTO temp.\"salv_%s\"(%s) VALUES(%s)", t, cols, marks);
    ScanState s = {.src = src, .table = t, .columns = common.count};
    rc = sqlite3_prepare_v2(st->db, sql, -1, &s.insert, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(st->db, "INSERT INTO temp.salv_gaps(tbl, lo, hi) VALUES(?,?,?)", -1, &s.gap, NULL);
    if (rc == SQLITE_OK)
        rc = scan_table(&s, cols);
    sqlite3_finalize(s.insert);
    sqlite3_finalize(s.gap);
    *rows = s.rows_read;
    *tail_lost = *tail_lost || s.tail_unreadable;
    return rc;
}

/* ---- merging into the restored copy ----------------------------------- */

/* Answers the restored copy lacks (same id, time and item = the same
 * answer), kept in temp.salv_added; each goes in under its own id, or a
 * new one when that id is taken by a different answer. */
static int merge_reviews(Store *st, int *added)
{
    static const char PICK[] =
        "CREATE TEMP TABLE salv_added AS SELECT s.* FROM temp.salv_reviews s"
        " WHERE typeof(s.id) = 'integer' AND typeof(s.at) = 'integer' AND typeof(s.item_id) = 'text'"
        "  AND s.mode IN ('drill','arcade','mock','diagnostic','retake') AND s.correct IN (0, 1)"
        "  AND typeof(s.answer) = 'text'"
        "  AND NOT EXISTS(SELECT 1 FROM main.reviews m WHERE m.id = s.id AND m.at = s.at"
        "                 AND m.item_id = s.item_id)"
        " ORDER BY s.id";
    int rc = sqlite3_exec(st->db, PICK, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_stmt *rows = NULL, *ins = NULL;
    rc = sqlite3_prepare_v2(st->db, "SELECT rowid, id, at, item_id, mode, correct, answer, coalesce(ms, 0),"
                                    " coalesce(box_before, 0), coalesce(box_after, 0) FROM temp.salv_added",
                            -1, &rows, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(st->db, "INSERT INTO main.reviews(id, at, item_id, mode, correct, answer, ms,"
                                        " box_before, box_after) VALUES(?,?,?,?,?,?,?,?,?)", -1, &ins, NULL);
    *added = 0;
    while (rc == SQLITE_OK && (rc = sqlite3_step(rows)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        for (int pass = 0; pass < 2; pass++) {
            sqlite3_reset(ins);
            for (int c = 1; c <= 9; c++)
                sqlite3_bind_value(ins, c, sqlite3_column_value(rows, c));
            if (pass == 1)
                sqlite3_bind_null(ins, 1); /* the id is taken: a new one */
            int r = sqlite3_step(ins);
            if (r == SQLITE_DONE) {
                (*added)++;
                break;
            }
            if ((r & 0xff) != SQLITE_CONSTRAINT || pass == 1) {
                rc = r;
                break;
            }
        }
    }
    if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    sqlite3_finalize(rows);
    sqlite3_finalize(ins);
    return rc;
}

/* Exams the restored copy lacks, or holds as still in progress while the
 * damaged file had moved on: the row and its exam_items are taken from
 * the damaged file. Exams whose id now means another exam get a new id. */
static int merge_exams(Store *st, int *merged)
{
    ColumnList ecols, icols, noid = {0}, noexam = {0}, unused;
    char elist[1200], nlist[1200], ilist[1200], sql[3000];
    *merged = 0;
    int rc = table_columns(st->db, "temp", "salv_exams", &ecols);
    if (rc != SQLITE_OK || !has_column(&ecols, "id") || !has_column(&ecols, "started_at") ||
        !has_column(&ecols, "mode"))
        return rc;
    rc = table_columns(st->db, "temp", "salv_exam_items", &icols);
    if (rc != SQLITE_OK)
        return rc;
    bool items_ok = has_column(&icols, "exam_id") && has_column(&icols, "position");
    for (int i = 0; i < ecols.count; i++)
        if (strcmp(ecols.names[i], "id") != 0)
            snprintf(noid.names[noid.count++], SALVAGE_COL_NAME, "%s", ecols.names[i]);
    for (int i = 0; i < icols.count; i++)
        if (strcmp(icols.names[i], "exam_id") != 0)
            snprintf(noexam.names[noexam.count++], SALVAGE_COL_NAME, "%s", icols.names[i]);
    common_columns(&ecols, &ecols, "", elist, sizeof elist, &unused);
    common_columns(&noid, &noid, "", nlist, sizeof nlist, &unused);
    common_columns(&noexam, &noexam, "", ilist, sizeof ilist, &unused);

    sqlite3_stmt *rows = NULL;
    rc = sqlite3_prepare_v2(st->db,
                            "SELECT s.rowid, s.id, (SELECT count(*) FROM main.exams m WHERE m.id = s.id),"
                            " (SELECT count(*) FROM main.exams m WHERE m.id = s.id AND m.started_at = s.started_at"
                            "  AND m.mode = s.mode),"
                            " (SELECT m.state FROM main.exams m WHERE m.id = s.id)"
                            " FROM temp.salv_exams s WHERE typeof(s.id) = 'integer'"
                            " AND typeof(s.started_at) = 'integer' ORDER BY s.id",
                            -1, &rows, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(rows)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        int64_t srow = sqlite3_column_int64(rows, 0), old_id = sqlite3_column_int64(rows, 1);
        bool taken = sqlite3_column_int(rows, 2) > 0, same = sqlite3_column_int(rows, 3) > 0;
        const unsigned char *mstate = sqlite3_column_text(rows, 4);
        if (same) {
            if (!mstate || strcmp((const char *)mstate, "in_progress") != 0)
                continue; /* the copy already has this exam as it ended */
            /* the copy has it half-way: the damaged file's later state replaces it */
            snprintf(sql, sizeof sql, "DELETE FROM main.exam_items WHERE exam_id = %lld;"
                     "DELETE FROM main.exams WHERE id = %lld;", (long long)old_id, (long long)old_id);
            rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
            if (rc != SQLITE_OK)
                break;
            taken = false;
        }
        /* an id that now means another exam: the recovered one gets a new id */
        const char *list = taken ? nlist : elist;
        store_say(sql, sizeof sql, "INSERT INTO main.exams(%s) SELECT %s FROM temp.salv_exams WHERE rowid = %lld",
                  list, list, (long long)srow);
        if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
            continue; /* a row the schema refuses (garbage values): not recovered */
        int64_t new_id = taken ? sqlite3_last_insert_rowid(st->db) : old_id;
        (*merged)++;
        if (!items_ok)
            continue;
        store_say(sql, sizeof sql, "INSERT OR REPLACE INTO main.exam_items(exam_id, %s) SELECT %lld, %s"
                  " FROM temp.salv_exam_items WHERE exam_id = %lld", ilist, (long long)new_id, ilist,
                  (long long)old_id);
        rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
        if ((rc & 0xff) == SQLITE_CONSTRAINT)
            rc = SQLITE_OK; /* garbage in some item rows: the exam stays, without them */
    }
    if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    sqlite3_finalize(rows);
    return rc;
}

/* Settings from the damaged file (newer than the copy) win; profile
 * counters (xp, bests) keep the larger value. */
static int merge_settings_profile(Store *st)
{
    ColumnList c;
    int rc = table_columns(st->db, "temp", "salv_settings", &c);
    if (rc == SQLITE_OK && has_column(&c, "key") && has_column(&c, "value"))
        rc = sqlite3_exec(st->db, "INSERT OR REPLACE INTO main.settings(key, value) SELECT key, value"
                                  " FROM temp.salv_settings WHERE typeof(key) = 'text' AND value IS NOT NULL",
                          NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = table_columns(st->db, "temp", "salv_profile", &c);
    if (rc == SQLITE_OK && has_column(&c, "key") && has_column(&c, "value"))
        rc = sqlite3_exec(st->db, "INSERT INTO main.profile(key, value) SELECT key, value FROM temp.salv_profile"
                                  " WHERE typeof(key) = 'text' AND typeof(value) = 'integer' AND key != 'opened_at'"
                                  " ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)",
                          NULL, NULL, NULL);
    return rc;
}

/* Day counters of the days that got recovered answers, recounted from reviews. */
static int recount_days(Store *st)
{
    char sql[1400];
    snprintf(sql, sizeof sql,
             "CREATE TEMP TABLE salv_days AS SELECT DISTINCT (at + %d - (((at + %d) %% 86400) + 86400) %% 86400)"
             " / 86400 AS d FROM temp.salv_added;"
             "INSERT OR REPLACE INTO main.days(day, answers, right, drill_answers, ms, goal_met)"
             " SELECT g.d, count(*), sum(r.correct != 0), sum(r.mode = 'drill'), sum(r.ms),"
             "  sum(r.mode = 'drill') >= coalesce((SELECT CAST(value AS INTEGER) FROM main.settings"
             "   WHERE key = 'daily_goal'), %d)"
             " FROM temp.salv_days g JOIN main.reviews r"
             "  ON r.at >= g.d * 86400 - %d AND r.at < (g.d + 1) * 86400 - %d GROUP BY g.d;",
             st->utc_offset, st->utc_offset, STORE_DEFAULT_DAILY_GOAL, st->utc_offset, st->utc_offset);
    return sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

/* Rebuilds one item's memory model (stability, difficulty) by replaying all
 * of its answers in time order, as the schema-3 migration does. */
static int recompute_memory(Store *st, const char *id)
{
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare(st, "SELECT at, correct FROM main.reviews WHERE item_id = ? ORDER BY at, id", &stmt);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 1, id, -1, SQLITE_TRANSIENT);
    ItemState m = {0};
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        int64_t at = sqlite3_column_int64(stmt, 0);
        memory_apply(&m, sqlite3_column_int(stmt, 1) != 0, at);
        m.last_at = at;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return rc;
    return store_exec(st, "UPDATE main.items SET stability = ?, difficulty = ? WHERE item_id = ?", "fft",
                      m.stability, m.difficulty, id);
}

int store_items_recompute(Store *st, const char *reviews_table, int *items)
{
    char sql[600];
    *items = 0;
    snprintf(sql, sizeof sql,
             "SELECT a.item_id, a.at, a.correct, a.box_after FROM %s a"
             " ORDER BY a.item_id, a.at, a.id", reviews_table);
    sqlite3_stmt *rows = NULL, *get = NULL, *put = NULL;
    int rc = sqlite3_prepare_v2(st->db, sql, -1, &rows, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(st->db, "SELECT box, due_at, seen, right, wrong, last_at FROM main.items"
                                        " WHERE item_id = ?", -1, &get, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(st->db, "INSERT INTO main.items(item_id, box, due_at, seen, right, wrong, last_at)"
                                        " VALUES(?,?,?,?,?,?,?) ON CONFLICT(item_id) DO UPDATE SET box = excluded.box,"
                                        " due_at = excluded.due_at, seen = excluded.seen, right = excluded.right,"
                                        " wrong = excluded.wrong, last_at = excluded.last_at", -1, &put, NULL);
    char current[256] = "";
    ItemState s = {0};
    bool have = false;
    for (;;) {
        int step = rc == SQLITE_OK ? sqlite3_step(rows) : SQLITE_DONE;
        const unsigned char *id = step == SQLITE_ROW ? sqlite3_column_text(rows, 0) : NULL;
        if (have && (step != SQLITE_ROW || !id || strcmp((const char *)id, current) != 0)) {
            sqlite3_reset(put);
            sqlite3_bind_text(put, 1, current, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(put, 2, s.box);
            sqlite3_bind_int64(put, 3, s.due_at);
            sqlite3_bind_int(put, 4, s.seen);
            sqlite3_bind_int(put, 5, s.right);
            sqlite3_bind_int(put, 6, s.wrong);
            sqlite3_bind_int64(put, 7, s.last_at);
            if (sqlite3_step(put) != SQLITE_DONE || (rc = recompute_memory(st, current)) != SQLITE_OK) {
                rc = rc != SQLITE_OK ? rc : sqlite3_errcode(st->db);
                break;
            }
            (*items)++;
            have = false;
        }
        if (step != SQLITE_ROW) {
            if (step != SQLITE_DONE)
                rc = step;
            break;
        }
        if (!id)
            continue;
        if (!have) {
            snprintf(current, sizeof current, "%s", (const char *)id);
            memset(&s, 0, sizeof s);
            sqlite3_reset(get);
            sqlite3_bind_text(get, 1, current, -1, SQLITE_TRANSIENT);
            if (sqlite3_step(get) == SQLITE_ROW) {
                s.box = sqlite3_column_int(get, 0);
                s.due_at = sqlite3_column_int64(get, 1);
                s.seen = sqlite3_column_int(get, 2);
                s.right = sqlite3_column_int(get, 3);
                s.wrong = sqlite3_column_int(get, 4);
                s.last_at = sqlite3_column_int64(get, 5);
            }
            have = true;
        }
        int64_t at = sqlite3_column_int64(rows, 1);
        int box = sqlite3_column_int(rows, 3);
        if (box < 0 || box > 5)
            box = box < 0 ? 0 : 5;
        s.seen++;
        if (sqlite3_column_int(rows, 2))
            s.right++;
        else
            s.wrong++;
        if (at >= s.last_at) {
            s.box = box;
            s.last_at = at;
            int64_t days = RECOMPUTE_INTERVAL_DAYS[box];
            s.due_at = at <= INT64_MAX - days * SECONDS_PER_DAY ? at + days * SECONDS_PER_DAY : INT64_MAX;
        }
    }
    sqlite3_finalize(rows);
    sqlite3_finalize(get);
    sqlite3_finalize(put);
    return rc;
}

/* Answers known to have been in the damaged file (ids inside unreadable
 * stretches) that the restored copy does not have either. */
static int64_t count_lost_answers(Store *st)
{
    int64_t lost = 0;
    (void)store_query_int(st, "SELECT coalesce(sum(hi - lo + 1 - (SELECT count(*) FROM main.reviews r"
                              " WHERE r.id BETWEEN g.lo AND g.hi)), 0) FROM temp.salv_gaps g"
                              " WHERE g.tbl = 'reviews'", NULL, &lost);
    return lost < 0 ? 0 : lost;
}

static const char *const SALVAGE_TABLES[] = {"reviews", "exams", "exam_items", "settings", "profile"};

int store_salvage(Store *st, const char *damaged_path, StoreSalvage *out)
{
    memset(out, 0, sizeof *out);
    sqlite3 *src = NULL;
    int rc = sqlite3_open_v2(damaged_path, &src, SQLITE_OPEN_READONLY, store_vfs_name(st));
    if (rc != SQLITE_OK) {
        sqlite3_close(src);
        out->unreadable = true;
        return SQLITE_OK;
    }
    rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE; CREATE TEMP TABLE salv_gaps(tbl TEXT, lo INTEGER, hi INTEGER)",
                      NULL, NULL, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < sizeof SALVAGE_TABLES / sizeof SALVAGE_TABLES[0]; i++) {
        int64_t rows = 0;
        bool tail = false;
        rc = salvage_table(st, src, SALVAGE_TABLES[i], &rows, &tail);
        if (i == 0) {
            out->answers_read = rows;
            out->answers_tail_lost = tail;
        } else {
            out->other_tail_lost = out->other_tail_lost || tail;
        }
    }
    sqlite3_close(src);
    int added = 0, exams = 0, items = 0;
    if (rc == SQLITE_OK)
        rc = merge_reviews(st, &added);
    if (rc == SQLITE_OK)
        rc = merge_exams(st, &exams);
    if (rc == SQLITE_OK)
        rc = merge_settings_profile(st);
    if (rc == SQLITE_OK)
        rc = store_items_recompute(st, "temp.salv_added", &items);
    if (rc == SQLITE_OK)
        rc = recount_days(st);
    if (rc == SQLITE_OK) {
        out->answers_lost = count_lost_answers(st);
        rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    }
    if (rc != SQLITE_OK && !sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_exec(st->db, "DROP TABLE IF EXISTS temp.salv_gaps; DROP TABLE IF EXISTS temp.salv_added;"
                         "DROP TABLE IF EXISTS temp.salv_days; DROP TABLE IF EXISTS temp.salv_reviews;"
                         "DROP TABLE IF EXISTS temp.salv_exams; DROP TABLE IF EXISTS temp.salv_exam_items;"
                         "DROP TABLE IF EXISTS temp.salv_settings; DROP TABLE IF EXISTS temp.salv_profile;",
                 NULL, NULL, NULL);
    if (rc == SQLITE_OK) {
        out->answers_recovered = added;
        out->exams_recovered = exams;
        out->items_recomputed = items;
    }
    return rc;
}
