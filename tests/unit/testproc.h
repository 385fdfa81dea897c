/* Child processes for tests, the same way on POSIX and Windows: a test starts
 * its own executable again with a command line that says what the child does
 * (no fork, so it works everywhere), then waits for it or kills it hard, as
 * a crash or a power cut would stop a program. */
#ifndef CLOUDPREP_TESTPROC_H
#define CLOUDPREP_TESTPROC_H

#include <stdbool.h>
#include <stdint.h>

typedef struct TestProc {
    intptr_t id;  /* pid (POSIX) or process handle (Windows) */
    bool reaped;  /* waited for already (status below) */
    int status;   /* exit code, or TESTPROC_KILLED */
} TestProc;

/* The status of a child stopped by testproc_kill. */
#define TESTPROC_KILLED (-9)

/* Starts argv[0] (a path) with argv (NULL-terminated) as its command line.
 * Returns false when the system could not start it. */
bool testproc_spawn(TestProc *p, const char *const *argv);

/* True while the child runs (a finished child is reaped here). */
bool testproc_running(TestProc *p);

/* Stops the child at once (SIGKILL, TerminateProcess): no exit handlers,
 * no flushing; what the child wrote with system calls stays written. */
void testproc_kill(TestProc *p);

/* Waits for the child; returns its exit code, or TESTPROC_KILLED when
 * testproc_kill (or any signal) ended it. */
int testproc_wait(TestProc *p);

/* This test executable's own path, for testproc_spawn; argv0 is main's
 * argv[0], used where the system has no better answer. */
const char *testproc_self(const char *argv0);

/* Sleeps for `us` microseconds. */
void testproc_sleep_us(long us);

/* Ends the current process at once with `code`, without exit handlers. */
void testproc_exit_now(int code);

#endif
