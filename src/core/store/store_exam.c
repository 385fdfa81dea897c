/* One exam's life in the progress store (mock exam, diagnostic): the form
 * stored whole when it begins, each answer, flag and the clock saved as they
 * are given, the end (scores, reviews, item states, XP, day counters) in one
 * transaction, abandoning, and reading the unfinished exam back after a kill.
 * Scoring and box moves are the caller's (the exam session); this file only
 * keeps what it is given. */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Profile value: whether the last finished mock met competencies in every
 * domain (1) or not (0), for the readiness checklist. */
#define LAST_MOCK_ALL_MEET "last_mock_all_meet"

static bool form_valid(const Bank *bank, const ExamForm *form)
{
    if (!bank || !form || form->count <= 0 || !form->items)
        return false;
    for (int i = 0; i < form->count; i++)
        if (form->items[i].item < 0 || form->items[i].item >= bank->item_count)
            return false;
    return true;
}

/* The display order as letters of bank options: "CADB" shows option C first. */
static void order_letters(const BankItem *item, const FormItem *fi, char *buf)
{
    int n = item->option_count;
    if (n > BANK_MAX_OPTIONS)
        n = BANK_MAX_OPTIONS;
    for (int k = 0; k < n; k++)
        buf[k] = (char)('A' + (fi->order[k] < BANK_MAX_OPTIONS ? fi->order[k] : 0));
    buf[n] = '\0';
}

static int insert_exam_items(Store *st, const Bank *bank, const ExamForm *form, int64_t exam_id)
{
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare(st,
                           "INSERT INTO exam_items(exam_id, position, item_id, domain, scored, answer,"
                           " flagged, option_order, ms) VALUES(?,?,?,?,?,?,?,?,?)",
                           &stmt);
    for (int i = 0; rc == SQLITE_OK && i < form->count; i++) {
        const FormItem *fi = &form->items[i];
        const BankItem *item = &bank->items[fi->item];
        const char *domain = item->domain >= 0 && item->domain < bank->domain_count
                                 ? bank->domains[item->domain].id : "";
        char order[BANK_MAX_OPTIONS + 1], letters[BANK_MAX_OPTIONS + 1];
        order_letters(item, fi, order);
        answer_to_letters(fi->answer, letters, (int)sizeof letters);
        sqlite3_reset(stmt);
        sqlite3_bind_int64(stmt, 1, exam_id);
        sqlite3_bind_int(stmt, 2, i);
        sqlite3_bind_text(stmt, 3, item->id, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 4, domain ? domain : "", -1, SQLITE_STATIC);
        sqlite3_bind_int(stmt, 5, fi->scored ? 1 : 0);
        sqlite3_bind_text(stmt, 6, letters, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(stmt, 7, fi->flagged ? 1 : 0);
        sqlite3_bind_text(stmt, 8, order, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(stmt, 9, fi->ms < 0 ? 0 : fi->ms);
        rc = sqlite3_step(stmt);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    sqlite3_finalize(stmt);
    return rc;
}

StoreStatus store_exam_begin(Store *st, const Bank *bank, ExamForm *form, bool esl)
{
    static const char action[] = "start the exam";
    if (!form_valid(bank, form))
        return store_invalid(st, "an empty exam form or one naming items the bank lacks");
    StoreStatus s = store_begin(st, action);
    if (s != STORE_OK)
        return s;
    int scored = 0;
    for (int i = 0; i < form->count; i++)
        scored += form->items[i].scored ? 1 : 0;
    /* One exam at a time; a retake (begun from a finished exam's results)
     * only closes an earlier retake, never a mock waiting to be resumed. */
    int rc = store_exec(st,
                        form->mode == MODE_RETAKE
                            ? "UPDATE exams SET state = 'abandoned', finished_at = ?"
                              " WHERE state = 'in_progress' AND mode = 'retake'"
                            : "UPDATE exams SET state = 'abandoned', finished_at = ?"
                              " WHERE state = 'in_progress' AND mode IN ('mock', 'diagnostic', 'retake')",
                        "l", form->started_at);
    if (rc == SQLITE_OK)
        rc = store_exec(st,
                        "INSERT INTO exams(started_at, mode, bank, items, scored, seconds_total,"
                        " seconds_left, position, esl, state) VALUES(?,?,?,?,?,?,?,?,?,'in_progress')",
                        "lttdddddd", form->started_at, study_mode_name(form->mode),
                        bank->code ? bank->code : "", form->count, scored, form->seconds_total,
                        form->seconds_left, form->position, esl ? 1 : 0);
    int64_t exam_id = sqlite3_last_insert_rowid(st->db);
    if (rc == SQLITE_OK)
        rc = insert_exam_items(st, bank, form, exam_id);
    if (rc != SQLITE_OK)
        return store_fail(st, rc, action);
    s = store_commit(st, action);
    if (s == STORE_OK)
        form->store_id = exam_id;
    return s;
}

/* Fails with SQLITE_NOTFOUND unless exam `id` is in progress. */
static int require_in_progress(Store *st, int64_t id)
{
    int64_t n = 0;
    int rc = store_query_int(st, "SELECT count(*) FROM exams WHERE id = ? AND state = 'in_progress'",
                             "l", &n, id);
    if (rc == SQLITE_OK && n != 1)
        rc = SQLITE_NOTFOUND;
    return rc;
}

static StoreStatus not_in_progress(Store *st, const char *action)
{
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    snprintf(st->error, sizeof st->error,
             "Could not %s: that exam is not in progress any more (finished or abandoned).", action);
    return STORE_ERR_INVALID;
}

/* Starts the transaction of `action` on exam `id`, which must still be in
 * progress; on failure nothing is open and the message says why. */
static StoreStatus begin_in_progress(Store *st, int64_t id, const char *action)
{
    StoreStatus s = store_begin(st, action);
    if (s != STORE_OK)
        return s;
    int rc = require_in_progress(st, id);
    if (rc == SQLITE_NOTFOUND)
        return not_in_progress(st, action);
    return rc == SQLITE_OK ? STORE_OK : store_fail(st, rc, action);
}

static int save_exam_item(Store *st, const ExamForm *form, int pos, const bool *correct)
{
    const FormItem *fi = &form->items[pos];
    char letters[BANK_MAX_OPTIONS + 1];
    answer_to_letters(fi->answer, letters, (int)sizeof letters);
    if (correct)
        return store_exec(st,
                          "UPDATE exam_items SET answer = ?, flagged = ?, ms = ?, correct = ?"
                          " WHERE exam_id = ? AND position = ?",
                          "tdddld", letters, fi->flagged ? 1 : 0, fi->ms < 0 ? 0 : fi->ms,
                          correct[pos] ? 1 : 0, form->store_id, pos);
    return store_exec(st,
                      "UPDATE exam_items SET answer = ?, flagged = ?, ms = ? WHERE exam_id = ? AND position = ?",
                      "tddld", letters, fi->flagged ? 1 : 0, fi->ms < 0 ? 0 : fi->ms, form->store_id, pos);
}

StoreStatus store_exam_save(Store *st, const ExamForm *form, int position)
{
    static const char action[] = "save your exam answer";
    if (!form || form->store_id <= 0 || position >= form->count || position < -1)
        return store_invalid(st, "an exam that was not started, or a position outside it");
    StoreStatus s = begin_in_progress(st, form->store_id, action);
    if (s != STORE_OK)
        return s;
    int rc = store_exec(st, "UPDATE exams SET position = ?, seconds_left = ? WHERE id = ?", "ddl",
                        form->position, form->seconds_left, form->store_id);
    if (rc == SQLITE_OK && position >= 0)
        rc = save_exam_item(st, form, position, NULL);
    if (rc != SQLITE_OK)
        return store_fail(st, rc, action);
    return store_commit(st, action);
}

/* The box of item_id in the items table (0 when it has no row). */
static int current_box(Store *st, const char *id, int *box)
{
    int64_t b = 0;
    int rc = store_query_int(st, "SELECT box FROM items WHERE item_id = ?", "t", &b, id);
    *box = (int)b;
    return rc;
}

/* The reviews, item states and day counters of a finished exam. */
static int record_exam_answers(Store *st, const Bank *bank, const ExamForm *form, const bool *correct,
                               const ItemState *new_states, int64_t now)
{
    int answered = 0, right = 0;
    int64_t ms = 0;
    int rc = SQLITE_OK;
    for (int i = 0; rc == SQLITE_OK && i < form->count; i++) {
        const FormItem *fi = &form->items[i];
        const char *id = bank->items[fi->item].id;
        int before = 0;
        rc = current_box(st, id, &before);
        if (rc == SQLITE_OK && fi->answer != 0) {
            int after = new_states ? new_states[fi->item].box : before;
            StoreReview review = {.at = now, .id = id, .mode = form->mode, .correct = correct[i],
                                  .answer = fi->answer, .ms = fi->ms, .box_before = before, .box_after = after,
                                  .exam_id = form->store_id};
            rc = store_insert_review(st, &review);
            answered++;
            right += correct[i] ? 1 : 0;
            ms += fi->ms > 0 ? fi->ms : 0;
        }
        if (rc == SQLITE_OK && new_states)
            rc = store_upsert_item(st, id, &new_states[fi->item]);
    }
    if (rc == SQLITE_OK && answered > 0)
        rc = store_add_to_day(st, now, answered, right, 0, ms);
    return rc;
}

StoreStatus store_exam_complete(Store *st, const Bank *bank, const ExamForm *form,
                                const StoreExamResult *result, const ItemState *new_states, int64_t now)
{
    static const char action[] = "save the exam result";
    if (!form_valid(bank, form) || form->store_id <= 0 || !result || !result->item_correct)
        return store_invalid(st, "an exam that was not started, or a result without per-item marks");
    StoreStatus s = begin_in_progress(st, form->store_id, action);
    if (s != STORE_OK)
        return s;
    int rc = store_exec(st,
                        "UPDATE exams SET finished_at = ?, state = 'finished', correct_scored = ?,"
                        " scaled = ?, passed = ?, likely_low = ?, likely_high = ?, seconds_left = ?,"
                        " position = ? WHERE id = ?",
                        "ldddddddl", now, result->correct_scored, result->scaled, result->passed ? 1 : 0,
                        result->likely_low, result->likely_high, form->seconds_left, form->position,
                        form->store_id);
    for (int i = 0; rc == SQLITE_OK && i < form->count; i++)
        rc = save_exam_item(st, form, i, result->item_correct);
    if (rc == SQLITE_OK)
        rc = record_exam_answers(st, bank, form, result->item_correct, new_states, now);
    if (rc == SQLITE_OK && result->xp != 0)
        rc = store_add_xp_row(st, result->xp);
    if (rc == SQLITE_OK && form->mode == MODE_MOCK)
        rc = store_exec(st,
                        "INSERT INTO profile(key, value) VALUES('" LAST_MOCK_ALL_MEET "', ?)"
                        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        "d", result->all_domains_meet ? 1 : 0);
    if (rc != SQLITE_OK)
        return store_fail(st, rc, action);
    return store_commit(st, action);
}

StoreStatus store_last_mock_all_meet(Store *st, bool *out)
{
    static const char action[] = "read your last mock exam's domain report";
    store_clear_error(st);
    int64_t value = 0;
    int rc = store_query_int(st, "SELECT value FROM profile WHERE key = '" LAST_MOCK_ALL_MEET "'", "", &value);
    *out = rc == SQLITE_OK && value != 0;
    return rc == SQLITE_OK ? STORE_OK : store_fail(st, rc, action);
}

StoreStatus store_exam_abandon(Store *st, int64_t exam_id, int64_t now)
{
    static const char action[] = "close the exam";
    StoreStatus s = store_begin(st, action);
    if (s != STORE_OK)
        return s;
    int rc = store_exec(st,
                        "UPDATE exams SET state = 'abandoned', finished_at = ?"
                        " WHERE id = ? AND state = 'in_progress'",
                        "ll", now, exam_id);
    if (rc != SQLITE_OK)
        return store_fail(st, rc, action);
    return store_commit(st, action);
}

/* ---- resuming after a kill ---------------------------------------------- */

/* Parses option_order letters into fi->order; false unless they are a
 * permutation of the item's options. */
static bool parse_order(const BankItem *item, const char *letters, FormItem *fi)
{
    int n = item->option_count;
    if ((int)strlen(letters) != n || n > BANK_MAX_OPTIONS)
        return false;
    uint32_t seen = 0;
    for (int k = 0; k < n; k++) {
        int o = letters[k] - 'A';
        if (o < 0 || o >= n || (seen & (1u << o)))
            return false;
        seen |= 1u << o;
        fi->order[k] = (uint8_t)o;
    }
    return true;
}

typedef struct ExamRow {
    int64_t id, started_at;
    StudyMode mode;
    int items, seconds_total, seconds_left, position;
    bool esl;
} ExamRow;

static int find_unfinished(Store *st, ExamRow *row)
{
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare(st,
                           "SELECT id, mode, started_at, items, seconds_total, seconds_left, position, esl"
                           " FROM exams WHERE state = 'in_progress' AND mode IN ('mock', 'diagnostic')"
                           " ORDER BY id DESC LIMIT 1",
                           &stmt);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        row->id = sqlite3_column_int64(stmt, 0);
        const char *mode = (const char *)sqlite3_column_text(stmt, 1);
        if (!mode || !study_mode_parse(mode, &row->mode))
            row->mode = MODE_MOCK;
        row->started_at = sqlite3_column_int64(stmt, 2);
        row->items = sqlite3_column_int(stmt, 3);
        row->seconds_total = sqlite3_column_int(stmt, 4);
        row->seconds_left = sqlite3_column_int(stmt, 5);
        row->position = sqlite3_column_int(stmt, 6);
        row->esl = sqlite3_column_int(stmt, 7) != 0;
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_NOTFOUND;
    }
    sqlite3_finalize(stmt);
    return rc;
}

/* Reads the exam's positions into form; on a missing item copies its id
 * into `missing` and returns SQLITE_NOTFOUND. */
static int load_positions(Store *st, const Bank *bank, ExamForm *form, int64_t exam_id, char *missing,
                          size_t size)
{
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare(st,
                           "SELECT position, item_id, scored, answer, flagged, option_order, ms"
                           " FROM exam_items WHERE exam_id = ? ORDER BY position",
                           &stmt);
    if (rc == SQLITE_OK)
        sqlite3_bind_int64(stmt, 1, exam_id);
    int n = 0;
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        const char *id = (const char *)sqlite3_column_text(stmt, 1);
        const char *answer = (const char *)sqlite3_column_text(stmt, 3);
        const char *order = (const char *)sqlite3_column_text(stmt, 5);
        int item = bank_item_index(bank, id ? id : "");
        if (sqlite3_column_int(stmt, 0) != n || n >= form->count || item < 0) {
            snprintf(missing, size, "%s", id ? id : "?");
            rc = SQLITE_NOTFOUND;
            break;
        }
        FormItem *fi = &form->items[n];
        const BankItem *bi = &bank->items[item];
        uint32_t mask = 0;
        fi->item = item;
        fi->scored = sqlite3_column_int(stmt, 2) != 0;
        fi->flagged = sqlite3_column_int(stmt, 4) != 0;
        fi->ms = sqlite3_column_int(stmt, 6);
        if (!parse_order(bi, order ? order : "", fi) || !answer_from_letters(answer ? answer : "", &mask) ||
            (bi->option_count < 32 && (mask >> bi->option_count) != 0)) {
            snprintf(missing, size, "%s", bi->id);
            rc = SQLITE_NOTFOUND;
            break;
        }
        fi->answer = mask;
        n++;
    }
    if (rc == SQLITE_DONE)
        rc = n == form->count ? SQLITE_OK : SQLITE_NOTFOUND;
    if (rc == SQLITE_NOTFOUND && !missing[0])
        snprintf(missing, size, "(some questions are missing from the saved exam)");
    sqlite3_finalize(stmt);
    return rc;
}

StoreStatus store_exam_load_unfinished(Store *st, const Bank *bank, int64_t now, ExamForm *out,
                                       bool *esl)
{
    static const char action[] = "load your unfinished exam";
    memset(out, 0, sizeof *out);
    store_clear_error(st);
    ExamRow row = {0};
    int rc = find_unfinished(st, &row);
    if (rc == SQLITE_NOTFOUND)
        return STORE_NOT_FOUND;
    if (rc != SQLITE_OK)
        return store_fail(st, rc, action);
    if (row.items <= 0 || row.items > 100000 || !bank)
        rc = SQLITE_NOTFOUND;
    char missing[160] = "";
    if (rc == SQLITE_OK) {
        out->items = calloc((size_t)row.items, sizeof *out->items);
        if (!out->items)
            return store_fail(st, SQLITE_NOMEM, action);
        out->count = row.items;
        rc = load_positions(st, bank, out, row.id, missing, sizeof missing);
    }
    if (rc == SQLITE_OK) {
        out->mode = row.mode;
        out->started_at = row.started_at;
        out->seconds_total = row.seconds_total;
        out->seconds_left = row.seconds_left;
        out->position = row.position >= 0 && row.position < out->count ? row.position : 0;
        out->store_id = row.id;
        if (esl)
            *esl = row.esl;
        return STORE_OK;
    }
    exam_form_free(out);
    if (rc != SQLITE_NOTFOUND)
        return store_fail(st, rc, action);
    /* The saved exam can't be rebuilt from this bank: close it for good. */
    char date[32];
    time_t t = (time_t)(row.started_at + st->utc_offset);
    struct tm tm;
    if (!gmtime_r(&t, &tm) || strftime(date, sizeof date, "%Y-%m-%d %H:%M", &tm) == 0)
        snprintf(date, sizeof date, "an earlier day");
    StoreStatus s = store_exam_abandon(st, row.id, now);
    char saved[sizeof st->error];
    snprintf(saved, sizeof saved, "%s", s == STORE_OK ? "" : st->error);
    store_say(st->error, sizeof st->error,
             "The %s you started on %s can't be resumed: question \"%s\" is no longer in the bank "
             "or has changed. It was closed as abandoned.%s%s",
             row.mode == MODE_DIAGNOSTIC ? "diagnostic" : "mock exam", date, missing,
             saved[0] ? " " : "", saved);
    return STORE_STALE;
}
