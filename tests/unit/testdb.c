/* Direct database access for the store tests. */
#include "testdb.h"

#include <sqlite3.h>
#include <stdio.h>

#include "testlib.h"

int64_t testdb_int(const char *db_path, const char *sql)
{
    sqlite3 *db = NULL;
    int64_t v = -999;
    if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
        sqlite3_stmt *stmt = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            v = sqlite3_column_int64(stmt, 0);
        else
            fprintf(stderr, "testdb_int: %s: %s\n", sql, sqlite3_errmsg(db));
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return v;
}

void testdb_text(const char *db_path, const char *sql, char *buf, size_t size)
{
    sqlite3 *db = NULL;
    buf[0] = '\0';
    if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
        sqlite3_stmt *stmt = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW &&
            sqlite3_column_text(stmt, 0))
            snprintf(buf, size, "%s", (const char *)sqlite3_column_text(stmt, 0));
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
}

void testdb_exec(const char *db_path, const char *sql)
{
    sqlite3 *db = NULL;
    CHECK(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK);
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "testdb_exec: %s\n", err ? err : "?");
        CHECK(false);
    }
    sqlite3_free(err);
    sqlite3_close(db);
}
