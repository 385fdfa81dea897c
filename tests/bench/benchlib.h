/* Shared helpers for the benchmark programs in tests/bench: clocks, running
 * a child process with extra environment variables, reading its memory and
 * CPU time from /proc, and order statistics. Benchmarks print numbers; they
 * never decide pass or fail, so nothing here asserts. */
#ifndef CLOUDPREP_BENCHLIB_H
#define CLOUDPREP_BENCHLIB_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Milliseconds on the monotonic clock (wall time, not CPU time). */
double bench_wall_ms(void);
/* CPU milliseconds used by this process so far. */
double bench_cpu_ms(void);

/* Starts argv[0] (a path) with argv, the current environment plus `env`
 * ("NAME=VALUE" strings, NULL-terminated; may be NULL), stdin from `stdin_path`
 * (NULL: /dev/null) and stdout/stderr appended to `log_path` (NULL:
 * /dev/null). Returns the child's pid, or -1 when fork failed. */
pid_t bench_spawn(char *const argv[], char *const env[], const char *stdin_path,
                  const char *log_path);
/* Waits for the child; returns its exit status (128 + signal when killed),
 * or -1 when it could not be waited for. */
int bench_wait(pid_t pid);
/* Runs a program to its end and returns the wall milliseconds from spawn to
 * exit, or -1 when it did not exit with status 0. */
double bench_run_ms(char *const argv[], char *const env[], const char *log_path);
/* Asks the child to quit (SIGTERM), waits up to 5 s, then kills it. */
void bench_stop(pid_t pid);

/* A "VmRSS:"-style field of /proc/PID/status, in KiB; -1 when unreadable. */
long bench_status_kb(pid_t pid, const char *field);
/* utime + stime of the whole process (every thread), in clock ticks; -1 on error. */
long long bench_process_ticks(pid_t pid);
/* utime + stime of one thread (the main thread has tid == pid); -1 on error. */
long long bench_thread_ticks(pid_t pid, pid_t tid);
/* Clock ticks per second (sysconf(_SC_CLK_TCK)). */
long bench_ticks_per_second(void);
/* Waits until the main thread of `pid` has used no CPU for `quiet_ms`
 * (it sleeps: the first frame is shown and the program idles, or a script
 * reader waits for input). Returns false when it exited or `timeout_ms` passed. */
bool bench_settle(pid_t pid, int quiet_ms, int timeout_ms);

/* Sorts v[0..n) ascending in place. */
void bench_sort(double *v, int n);
/* The q-quantile (0..1) of sorted v[0..n), nearest rank; 0 when n == 0. */
double bench_quantile(const double *sorted, int n, double q);
/* Median of v[0..n) (sorts v). */
double bench_median(double *v, int n);

/* Writes `text` to `path`; returns false on failure. */
bool bench_write_file(const char *path, const char *text);
/* Makes a fresh empty folder `path` (removing what was there); false on failure. */
bool bench_fresh_dir(const char *path);
/* Joins dir and name into out; false when it does not fit. */
bool bench_path(char *out, size_t size, const char *dir, const char *name);

#endif
