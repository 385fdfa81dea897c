/* Store queries about what the learner has started learning: the number of
 * new items introduced since a moment, for the daily new-item quota. */
#include "store_internal.h"

StoreStatus store_new_items_since(Store *st, int64_t since, int *count)
{
    int64_t n = 0;
    *count = 0;
    store_clear_error(st);
    int rc = store_query_int(st, "SELECT COUNT(DISTINCT item_id) FROM reviews WHERE box_before = 0 AND at >= ? AND mode = 'drill'",
                             "l", &n, since);
    if (rc != SQLITE_OK) {
        store_say(st->error, sizeof st->error, "Could not count today's new items: %s", sqlite3_errstr(rc));
        return store_status_from_rc(rc);
    }
    *count = (int)n;
    return STORE_OK;
}
