/* What the store says about a finished exam beyond its own rows: how many
 * of its questions the learner had met in earlier mocks (fresh forms). */
#include "store_internal.h"

StoreStatus store_exam_repeats(Store *st, int64_t exam_id, int *repeated, int *items)
{
    static const char action[] = "read which questions you met in earlier mocks";
    *repeated = 0;
    *items = 0;
    store_clear_error(st);
    sqlite3_stmt *stmt = NULL;
    int rc = store_prepare(st,
                           "SELECT count(DISTINCT i.item_id),"
                           " count(DISTINCT CASE WHEN EXISTS(SELECT 1 FROM exam_items p"
                           "   JOIN exams e ON e.id = p.exam_id"
                           "   WHERE p.item_id = i.item_id AND e.mode = 'mock' AND e.id < ?1"
                           "   AND (e.state = 'finished' OR p.answer != '' OR p.ms > 0))"
                           "  THEN i.item_id END)"
                           " FROM exam_items i WHERE i.exam_id = ?1",
                           &stmt);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(stmt, 1, exam_id);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        *items = sqlite3_column_int(stmt, 0);
        *repeated = sqlite3_column_int(stmt, 1);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_OK ? STORE_OK : store_fail(st, rc, action);
}
