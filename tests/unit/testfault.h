/* SQLite VFS shims for fault tests: a folder that can't be written (new
 * files refused, existing ones opened read-only) and a disk that fills up
 * after a byte budget. Pass the registered name as StoreOptions.vfs. They
 * exist because the tests run as root, where chmod does not stop writes. */
#ifndef CLOUDPREP_TESTFAULT_H
#define CLOUDPREP_TESTFAULT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct TestFaultVfs {
    sqlite3_vfs vfs;
    sqlite3_vfs *real;
    bool readonly;    /* refuse to create files; open existing ones read-only */
    int64_t budget;   /* bytes that may still be written; < 0 = unlimited */
    int64_t written;  /* bytes written so far (set budget = written to fail the next write) */
} TestFaultVfs;

/* Registers `shim` (static storage, lives until the process ends) as SQLite
 * VFS `name` over the default one: read-only when `readonly`, else with an
 * unlimited budget the test then lowers. A failed registration is a failed
 * check. */
void testfault_register(TestFaultVfs *shim, const char *name, bool readonly);

#endif
