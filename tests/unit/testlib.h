/* A tiny test harness: CHECK macros that count failures and a summary line
 * that ctest and people can read. No framework, no globals outside this file. */
#ifndef CLOUDPREP_TESTLIB_H
#define CLOUDPREP_TESTLIB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Records one check; prints file:line and the expression when it fails. */
bool testlib_check(bool ok, const char *expr, const char *file, int line);
/* Records an integer equality check, printing both values on failure. */
bool testlib_check_int(long long got, long long want, const char *expr,
                       const char *file, int line);
/* Records a string equality check (NULL-safe), printing both on failure. */
bool testlib_check_str(const char *got, const char *want, const char *expr,
                       const char *file, int line);
/* Prints "N passed, M failed" and returns the process exit status. */
int testlib_finish(void);
/* Returns a fresh empty directory under the build tree's tests folder (or
 * /tmp), named after `name`. The string is static storage, valid until the
 * next call. */
const char *testlib_tmpdir(const char *name);
/* Removes path and everything under it, without a shell (so also on
 * Windows). Returns true when nothing of it is left. */
bool testlib_remove_tree(const char *path);
/* Copies a file byte for byte (no shell). Returns true on success. */
bool testlib_copy_file(const char *from, const char *to);
/* Reads a whole file into a NUL-terminated malloc'd buffer the caller
 * frees; NULL when it cannot be read. */
char *testlib_read_file(const char *path);
/* Sets a file's modification (and access) time to Unix time t. */
bool testlib_set_mtime(const char *path, int64_t t);
/* True when a file chmod'ed to 0400 stops this process from writing it (not
 * so for root, nor for Wine run as root). Uses a scratch folder of its own. */
bool testlib_permissions_enforced(void);
/* Path of a file in the source tree; static storage until the next call. */
const char *testlib_source_path(const char *relative);

#define CHECK(e) testlib_check((e), #e, __FILE__, __LINE__)
#define CHECK_INT(got, want) testlib_check_int((long long)(got), (long long)(want), #got, __FILE__, __LINE__)
#define CHECK_STR(got, want) testlib_check_str((got), (want), #got, __FILE__, __LINE__)

#endif
