/* Reading and writing a progress.db directly, on a connection of its own,
 * so store tests can check what is really in the file. */
#ifndef CLOUDPREP_TESTDB_H
#define CLOUDPREP_TESTDB_H

#include <stddef.h>
#include <stdint.h>

/* The first column of the first row as an integer; -999 when there is none. */
int64_t testdb_int(const char *db_path, const char *sql);
/* The first column of the first row as text into buf ("" when there is none). */
void testdb_text(const char *db_path, const char *sql, char *buf, size_t size);
/* Runs SQL (several statements allowed); a failure is a failed check. */
void testdb_exec(const char *db_path, const char *sql);

#endif
