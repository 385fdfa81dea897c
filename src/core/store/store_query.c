/* What the screens read from the progress store: item states, recent
 * answers, settings, exam history, domain accuracy, boxes, due counts, the
 * calendar, totals, and the CSV export. Ids are mapped to the
 * Bank's items here, so domains always follow the bank as it is now. */
#include "store_internal.h"
#include "fsutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static StoreStatus read_failed(Store *st, int rc, const char *action)
{
    return store_fail(st, rc, action);
}

static StoreStatus out_of_memory(Store *st)
{
    snprintf(st->error, sizeof st->error, "Out of memory reading your progress.");
    return STORE_ERR_IO;
}

/* ---- items and answers ------------------------------------------------- */

StoreStatus store_load_states(Store *st, const Bank *bank, ItemState *out)
{
    static const char action[] = "read your progress";
    int n = bank ? bank->item_count : 0;
    if (n > 0)
        memset(out, 0, (size_t)n * sizeof *out);
    store_clear_error(st);
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare(st, "SELECT item_id, box, due_at, seen, right, wrong, last_at, stability, difficulty FROM items", &stmt);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        const char *id = (const char *)sqlite3_column_text(stmt, 0);
        int i = id ? bank_item_index(bank, id) : -1;
        if (i < 0)
            continue; /* an item the bank no longer has: kept, not shown */
        ItemState *s = &out[i];
        s->box = sqlite3_column_int(stmt, 1);
        s->due_at = sqlite3_column_int64(stmt, 2);
        s->seen = sqlite3_column_int(stmt, 3);
        s->right = sqlite3_column_int(stmt, 4);
        s->wrong = sqlite3_column_int(stmt, 5);
        s->last_at = sqlite3_column_int64(stmt, 6);
        s->stability = sqlite3_column_double(stmt, 7);
        s->difficulty = sqlite3_column_double(stmt, 8);
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        if (n > 0)
            memset(out, 0, (size_t)n * sizeof *out);
        return read_failed(st, rc, action);
    }
    return STORE_OK;
}

StoreStatus store_recent_answers(Store *st, const Bank *bank, int limit, Answer *out, int *box_before,
                                 int *count)
{
    static const char action[] = "read your recent answers";
    *count = 0;
    store_clear_error(st);
    if (limit <= 0)
        return STORE_OK;
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare(st, "SELECT item_id, answer, correct, ms, at, box_before, confident FROM reviews ORDER BY id DESC", &stmt);
    int n = 0;
    while (rc == SQLITE_OK && n < limit && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        const char *id = (const char *)sqlite3_column_text(stmt, 0);
        int item = id ? bank_item_index(bank, id) : -1;
        if (item < 0)
            continue;
        uint32_t mask = 0;
        const char *letters = (const char *)sqlite3_column_text(stmt, 1);
        if (!answer_from_letters(letters ? letters : "", &mask))
            mask = 0;
        out[n].item = item;
        out[n].answer = mask;
        out[n].correct = sqlite3_column_int(stmt, 2) != 0;
        out[n].ms = sqlite3_column_int(stmt, 3);
        out[n].at = sqlite3_column_int64(stmt, 4);
        out[n].confidence = sqlite3_column_type(stmt, 6) == SQLITE_NULL ? CONFIDENCE_NOT_ASKED
                            : sqlite3_column_int(stmt, 6) ? CONFIDENCE_SURE : CONFIDENCE_UNSURE;
        if (box_before)
            box_before[n] = sqlite3_column_int(stmt, 5);
        n++;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_OK && rc != SQLITE_DONE)
        return read_failed(st, rc, action);
    for (int i = 0; i < n / 2; i++) { /* newest last */
        Answer t = out[i];
        out[i] = out[n - 1 - i];
        out[n - 1 - i] = t;
        if (box_before) {
            int b = box_before[i];
            box_before[i] = box_before[n - 1 - i];
            box_before[n - 1 - i] = b;
        }
    }
    *count = n;
    return STORE_OK;
}

/* ---- settings and profile ---------------------------------------------- */

bool store_get_str(Store *st, const char *key, const char *def, char *buf, size_t size)
{
    bool found = false;
    sqlite3_stmt *stmt = NULL;
    if (size > 0)
        snprintf(buf, size, "%s", def ? def : "");
    if (store_prepare(st, "SELECT value FROM settings WHERE key = ?", &stmt) == SQLITE_OK &&
        sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(stmt, 0);
        if (v && size > 0) {
            snprintf(buf, size, "%s", v);
            found = true;
        }
    }
    sqlite3_finalize(stmt);
    return found;
}

int64_t store_get_int(Store *st, const char *key, int64_t def)
{
    char buf[64];
    if (!store_get_str(st, key, NULL, buf, sizeof buf))
        return def;
    char *end = NULL;
    errno = 0;
    long long v = strtoll(buf, &end, 10);
    if (errno != 0 || end == buf || *end != '\0')
        return def;
    return (int64_t)v;
}

int64_t store_profile_get(Store *st, const char *key, int64_t def)
{
    int64_t v = def;
    (void)store_query_int(st, "SELECT value FROM profile WHERE key = ?", "t", &v, key);
    return v;
}

/* ---- exams ------------------------------------------------------------- */

StoreStatus store_exam_history(Store *st, StudyMode mode, StoreExamSummary *out, int max, int *count)
{
    static const char action[] = "read your exam history";
    *count = 0;
    store_clear_error(st);
    if (max <= 0)
        return STORE_OK;
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare(st,
                           "SELECT id, started_at, finished_at, items, scored, COALESCE(correct_scored, 0),"
                           " COALESCE(scaled, 0), COALESCE(likely_low, scaled, 0),"
                           " COALESCE(likely_high, scaled, 0), COALESCE(passed, 0), esl"
                           " FROM exams WHERE mode = ? AND state = 'finished'"
                           " ORDER BY finished_at DESC, id DESC LIMIT ?",
                           &stmt);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(stmt, 1, study_mode_name(mode), -1, SQLITE_STATIC);
        sqlite3_bind_int(stmt, 2, max);
    }
    int n = 0;
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        StoreExamSummary *e = &out[n++];
        e->id = sqlite3_column_int64(stmt, 0);
        e->started_at = sqlite3_column_int64(stmt, 1);
        e->finished_at = sqlite3_column_int64(stmt, 2);
        e->items = sqlite3_column_int(stmt, 3);
        e->scored = sqlite3_column_int(stmt, 4);
        e->correct_scored = sqlite3_column_int(stmt, 5);
        e->scaled = sqlite3_column_int(stmt, 6);
        e->likely_low = sqlite3_column_int(stmt, 7);
        e->likely_high = sqlite3_column_int(stmt, 8);
        e->passed = sqlite3_column_int(stmt, 9) != 0;
        e->esl = sqlite3_column_int(stmt, 10) != 0;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return read_failed(st, rc, action);
    for (int i = 0; i < n / 2; i++) { /* oldest first */
        StoreExamSummary t = out[i];
        out[i] = out[n - 1 - i];
        out[n - 1 - i] = t;
    }
    *count = n;
    return STORE_OK;
}

StoreStatus store_last_mock_scores(Store *st, int n, int *scaled, int *count)
{
    *count = 0;
    if (n <= 0)
        return STORE_OK;
    StoreExamSummary *rows = calloc((size_t)n, sizeof *rows);
    if (!rows)
        return out_of_memory(st);
    StoreStatus s = store_exam_history(st, MODE_MOCK, rows, n, count);
    for (int i = 0; i < *count; i++)
        scaled[i] = rows[i].scaled;
    free(rows);
    return s;
}

StoreStatus store_arcade_best(Store *st, const char *round, int *best, int *rounds)
{
    static const char action[] = "read your arcade records";
    store_clear_error(st);
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare(st,
                           "SELECT COALESCE(MAX(points), 0), count(*) FROM exams"
                           " WHERE mode = 'arcade' AND state = 'finished' AND items > 0 AND round = ?",
                           &stmt);
    int b = 0, n = 0;
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 1, round ? round : "", -1, SQLITE_STATIC);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        b = sqlite3_column_int(stmt, 0);
        n = sqlite3_column_int(stmt, 1);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    if (best)
        *best = b;
    if (rounds)
        *rounds = n;
    if (rc != SQLITE_OK)
        return read_failed(st, rc, action);
    return n > 0 ? STORE_OK : STORE_NOT_FOUND;
}

StoreStatus store_recent_form_items(Store *st, const Bank *bank, int k, bool *used, int *count)
{
    static const char action[] = "read your recent exams";
    *count = 0;
    store_clear_error(st);
    if (bank && bank->item_count > 0)
        memset(used, 0, (size_t)bank->item_count * sizeof *used);
    if (k <= 0)
        return STORE_OK;
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare(st,
                           "SELECT DISTINCT item_id FROM exam_items WHERE exam_id IN"
                           " (SELECT id FROM exams WHERE mode = 'mock' ORDER BY started_at DESC, id DESC LIMIT ?)",
                           &stmt);
    if (rc == SQLITE_OK)
        sqlite3_bind_int(stmt, 1, k);
    int n = 0;
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        const char *id = (const char *)sqlite3_column_text(stmt, 0);
        int i = id ? bank_item_index(bank, id) : -1;
        if (i >= 0 && !used[i]) {
            used[i] = true;
            n++;
        }
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return read_failed(st, rc, action);
    *count = n;
    return STORE_OK;
}

/* ---- domains, boxes, due dates --------------------------------------- */

StoreStatus store_domain_accuracy(Store *st, const Bank *bank, int64_t since, StoreDomainStat *out)
{
    static const char action[] = "read your domain accuracy";
    store_clear_error(st);
    if (bank->domain_count > 0)
        memset(out, 0, (size_t)bank->domain_count * sizeof *out);
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare(st,
                           "SELECT item_id, SUM(correct != 0), count(*) FROM reviews WHERE at >= ?"
                           " GROUP BY item_id",
                           &stmt);
    if (rc == SQLITE_OK)
        sqlite3_bind_int64(stmt, 1, since);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        const char *id = (const char *)sqlite3_column_text(stmt, 0);
        int i = id ? bank_item_index(bank, id) : -1;
        if (i < 0)
            continue;
        int d = bank->items[i].domain;
        if (d < 0 || d >= bank->domain_count)
            continue;
        out[d].right += sqlite3_column_int(stmt, 1);
        out[d].total += sqlite3_column_int(stmt, 2);
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return read_failed(st, rc, action);
    return STORE_OK;
}

/* Loads the bank's item states into a new array (caller frees). */
static StoreStatus load_all(Store *st, const Bank *bank, ItemState **states)
{
    *states = calloc(bank->item_count > 0 ? (size_t)bank->item_count : 1, sizeof **states);
    if (!*states)
        return out_of_memory(st);
    StoreStatus s = store_load_states(st, bank, *states);
    if (s != STORE_OK) {
        free(*states);
        *states = NULL;
    }
    return s;
}

StoreStatus store_box_counts(Store *st, const Bank *bank, StoreBoxCounts *out)
{
    if (bank->domain_count > 0)
        memset(out, 0, (size_t)bank->domain_count * sizeof *out);
    ItemState *states;
    StoreStatus s = load_all(st, bank, &states);
    if (s != STORE_OK)
        return s;
    for (int i = 0; i < bank->item_count; i++) {
        int d = bank->items[i].domain;
        int box = states[i].box;
        if (d < 0 || d >= bank->domain_count)
            continue;
        if (box < 0)
            box = 0;
        if (box > BANK_MAX_BOXES)
            box = BANK_MAX_BOXES;
        out[d].box[box]++;
    }
    free(states);
    return STORE_OK;
}

StoreStatus store_due_per_day(Store *st, const Bank *bank, int64_t now, int days, int *out)
{
    if (days <= 0)
        return STORE_OK;
    memset(out, 0, (size_t)days * sizeof *out);
    ItemState *states;
    StoreStatus s = load_all(st, bank, &states);
    if (s != STORE_OK)
        return s;
    int64_t today = store_day_of(st, now);
    for (int i = 0; i < bank->item_count; i++) {
        if (states[i].box <= 0)
            continue;
        int64_t d = store_day_of(st, states[i].due_at) - today;
        if (d < 0)
            d = 0;
        if (d < days)
            out[d]++;
    }
    free(states);
    return STORE_OK;
}

/* ---- calendar, totals -------------------------------------------------- */

StoreStatus store_days(Store *st, int64_t first_day, int count, StoreDay *out)
{
    static const char action[] = "read your study calendar";
    store_clear_error(st);
    if (count <= 0)
        return STORE_OK;
    memset(out, 0, (size_t)count * sizeof *out);
    for (int i = 0; i < count; i++)
        out[i].day = first_day + i;
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare(st,
                           "SELECT day, answers, right, drill_answers, ms, goal_met FROM days"
                           " WHERE day >= ? AND day < ?",
                           &stmt);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(stmt, 1, first_day);
        sqlite3_bind_int64(stmt, 2, first_day + count);
    }
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        StoreDay *d = &out[sqlite3_column_int64(stmt, 0) - first_day];
        d->answers = sqlite3_column_int(stmt, 1);
        d->right = sqlite3_column_int(stmt, 2);
        d->drill_answers = sqlite3_column_int(stmt, 3);
        d->ms = sqlite3_column_int64(stmt, 4);
        d->goal_met = sqlite3_column_int(stmt, 5) != 0;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return read_failed(st, rc, action);
    return STORE_OK;
}

StoreStatus store_totals(Store *st, StoreTotals *out)
{
    static const char action[] = "read your totals";
    memset(out, 0, sizeof *out);
    store_clear_error(st);
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare(st,
                           "SELECT (SELECT count(DISTINCT item_id) FROM reviews),"
                           " (SELECT count(*) FROM reviews),"
                           " (SELECT COALESCE(SUM(correct != 0), 0) FROM reviews),"
                           " (SELECT COALESCE(SUM(ms), 0) FROM reviews),"
                           " (SELECT count(*) FROM exams WHERE mode = 'mock' AND state = 'finished'),"
                           " (SELECT count(*) FROM exams WHERE mode = 'diagnostic' AND state = 'finished'),"
                           " (SELECT count(*) FROM exams WHERE mode = 'arcade' AND state = 'finished' AND items > 0),"
                           " (SELECT count(*) FROM days WHERE answers > 0),"
                           " (SELECT COALESCE((SELECT value FROM profile WHERE key = 'xp'), 0))",
                           &stmt);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        out->items_answered = sqlite3_column_int(stmt, 0);
        out->answers = sqlite3_column_int(stmt, 1);
        out->right = sqlite3_column_int(stmt, 2);
        out->ms = sqlite3_column_int64(stmt, 3);
        out->mocks_finished = sqlite3_column_int(stmt, 4);
        out->diagnostics_finished = sqlite3_column_int(stmt, 5);
        out->arcade_rounds = sqlite3_column_int(stmt, 6);
        out->days_studied = sqlite3_column_int(stmt, 7);
        out->xp = sqlite3_column_int64(stmt, 8);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_OK)
        return read_failed(st, rc, action);
    return STORE_OK;
}

/* ---- CSV export --------------------------------------------------------- */

static const char CSV_HEADER[] =
    "record,id,at,time_utc,mode,item_id,correct,answer,ms,box_before,box_after,"
    "started_at,finished_at,state,bank,round,items,scored,correct_scored,scaled,"
    "likely_low,likely_high,passed,points,esl,seconds_total,seconds_left,"
    "exam_id,position,flagged,seconds,confident\r\n";

static const char CSV_REVIEWS[] =
    "SELECT 'review', id, at, strftime('%Y-%m-%dT%H:%M:%SZ', at, 'unixepoch'), mode, item_id,"
    " correct, answer, ms, box_before, box_after,"
    " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
    " exam_id, NULL, NULL, NULL, confident"
    " FROM reviews ORDER BY id";

static const char CSV_EXAMS[] =
    "SELECT 'exam', id, COALESCE(finished_at, started_at),"
    " strftime('%Y-%m-%dT%H:%M:%SZ', COALESCE(finished_at, started_at), 'unixepoch'), mode, NULL,"
    " NULL, NULL, (SELECT SUM(ms) FROM exam_items WHERE exam_id = exams.id), NULL, NULL,"
    " started_at, finished_at, state, bank, round, items, scored, correct_scored, scaled,"
    " likely_low, likely_high, passed, points, esl, seconds_total, seconds_left,"
    " id, NULL, NULL, (SELECT SUM(seconds) FROM exam_items WHERE exam_id = exams.id), NULL"
    " FROM exams ORDER BY id";

/* One row per exam item: what was answered, how long it took, whether it
 * was flagged; correct is empty while unanswered or unscored. */
static const char CSV_EXAM_ITEMS[] =
    "SELECT 'exam_item', NULL, COALESCE(e.finished_at, e.started_at),"
    " strftime('%Y-%m-%dT%H:%M:%SZ', COALESCE(e.finished_at, e.started_at), 'unixepoch'), e.mode, i.item_id,"
    " i.correct, i.answer, i.ms, NULL, NULL,"
    " NULL, NULL, NULL, NULL, NULL, NULL, i.scored, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
    " i.exam_id, i.position, i.flagged, i.seconds, NULL"
    " FROM exam_items i JOIN exams e ON e.id = i.exam_id ORDER BY i.exam_id, i.position";

/* Writes one field, quoted (quotes doubled) when it holds a comma, quote,
 * line break or edge space. */
static void csv_field(FILE *f, const char *s)
{
    size_t len = strlen(s);
    bool quote = len > 0 && (s[0] == ' ' || s[len - 1] == ' ');
    for (const char *p = s; *p && !quote; p++)
        quote = *p == ',' || *p == '"' || *p == '\n' || *p == '\r';
    if (!quote) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            fputc('"', f);
        fputc(*p, f);
    }
    fputc('"', f);
}

static int csv_rows(Store *st, FILE *f, const char *sql)
{
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare(st, sql, &stmt);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        int cols = sqlite3_column_count(stmt);
        for (int c = 0; c < cols; c++) {
            if (c > 0)
                fputc(',', f);
            if (sqlite3_column_type(stmt, c) == SQLITE_NULL)
                continue;
            const char *t = (const char *)sqlite3_column_text(stmt, c);
            csv_field(f, t ? t : "");
        }
        fputs("\r\n", f);
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static StoreStatus export_failed(Store *st, const char *path, int err)
{
    const char *why = err == ENOSPC ? "the disk is full"
                      : err == EFBIG ? "the file size limit was reached (ulimit -f)"
                                     : strerror(err);
    store_say(st->error, sizeof st->error, "Could not export your history to %s: %s.", path, why);
    return err == ENOSPC || err == EFBIG ? STORE_ERR_FULL
           : (err == EROFS || err == EACCES) ? STORE_ERR_READONLY : STORE_ERR_IO;
}

/* Refuses a target that exists and is not a regular file (a symbolic
 * link, folder, FIFO or device is never written through or replaced). */
static bool export_target_ok(Store *st, const char *path)
{
    struct stat sb;
    if (lstat(path, &sb) != 0 || S_ISREG(sb.st_mode))
        return true;
    store_say(st->error, sizeof st->error, "Could not export your history to %s: it is %s, and cloudprep "
              "only replaces regular files. Choose another file name.", path, fsutil_kind_name(sb.st_mode));
    return false;
}

/* Creates a new file exclusively in path's folder (never following a
 * planted name); returns its descriptor and name in tmp, or -1 with errno. */
static int export_temp_file(const char *path, char *tmp, size_t size)
{
    const char *slash = strrchr(path, '/');
    int dir_len = slash ? (int)(slash - path) : 0;
    int n = slash ? snprintf(tmp, size, "%.*s/.cloudprep-export-XXXXXX", dir_len, path)
                  : snprintf(tmp, size, ".cloudprep-export-XXXXXX");
    if (n < 0 || (size_t)n >= size) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return mkstemp(tmp); /* O_CREAT | O_EXCL, mode 0600 */
}

StoreStatus store_export_csv(Store *st, const char *path)
{
    static const char action[] = "export your history";
    store_clear_error(st);
    char tmp[STORE_PATH_MAX + 32];
    if (!path || strlen(path) >= STORE_PATH_MAX)
        return export_failed(st, path ? path : "(none)", ENAMETOOLONG);
    if (!export_target_ok(st, path))
        return STORE_ERR_INVALID;
    int fd = export_temp_file(path, tmp, sizeof tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        int err = errno;
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
        }
        return export_failed(st, path, err);
    }
    fputs(CSV_HEADER, f);
    /* one read transaction, so reviews and exams are from the same moment */
    int rc = sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = csv_rows(st, f, CSV_REVIEWS);
    if (rc == SQLITE_OK)
        rc = csv_rows(st, f, CSV_EXAMS);
    if (rc == SQLITE_OK)
        rc = csv_rows(st, f, CSV_EXAM_ITEMS);
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        fclose(f);
        unlink(tmp);
        return read_failed(st, rc, action);
    }
    int err = 0;
    errno = 0;
    if (fflush(f) != 0 || ferror(f) || compat_fsync(fileno(f)) != 0)
        err = errno ? errno : EIO;
    if (fclose(f) != 0 && err == 0)
        err = errno;
    if (err == 0 && !export_target_ok(st, path)) { /* it changed while we wrote */
        unlink(tmp);
        return STORE_ERR_INVALID;
    }
    if (err == 0 && compat_replace_file(tmp, path) != 0) /* replaces the name, never a link's target */
        err = errno;
    if (err != 0) {
        unlink(tmp);
        return export_failed(st, path, err);
    }
    return STORE_OK;
}
