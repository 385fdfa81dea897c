/* Benchmark helpers: process spawning with fork/exec (so the child's
 * environment can carry the bench hooks), /proc readers and quantiles.
 * Linux only, like the numbers the benchmarks report. */
#define _XOPEN_SOURCE 700
#include "benchlib.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double clock_ms(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

double bench_wall_ms(void)
{
    return clock_ms(CLOCK_MONOTONIC);
}

double bench_cpu_ms(void)
{
    return clock_ms(CLOCK_PROCESS_CPUTIME_ID);
}

static void redirect(int fd, const char *path, int flags)
{
    int f = open(path, flags, 0644);
    if (f >= 0) {
        dup2(f, fd);
        close(f);
    }
}

pid_t bench_spawn(char *const argv[], char *const env[], const char *stdin_path,
                  const char *log_path)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid != 0)
        return pid;
    for (int i = 0; env && env[i]; i++)
        putenv(env[i]);
    redirect(0, stdin_path ? stdin_path : "/dev/null", O_RDONLY);
    redirect(1, log_path ? log_path : "/dev/null", O_WRONLY | O_CREAT | O_APPEND);
    dup2(1, 2);
    execv(argv[0], argv);
    fprintf(stderr, "bench: cannot run %s: %s\n", argv[0], strerror(errno));
    _exit(127);
}

int bench_wait(pid_t pid)
{
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

double bench_run_ms(char *const argv[], char *const env[], const char *log_path)
{
    double start = bench_wall_ms();
    pid_t pid = bench_spawn(argv, env, NULL, log_path);
    if (pid < 0)
        return -1;
    int status = bench_wait(pid);
    double ms = bench_wall_ms() - start;
    return status == 0 ? ms : -1;
}

void bench_stop(pid_t pid)
{
    kill(pid, SIGTERM);
    for (int i = 0; i < 500; i++) {
        int status;
        pid_t got = waitpid(pid, &status, WNOHANG);
        if (got == pid || got < 0)
            return;
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    kill(pid, SIGKILL);
    bench_wait(pid);
}

long bench_status_kb(pid_t pid, const char *field)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    long kb = -1;
    size_t n = strlen(field);
    while (fgets(line, sizeof line, f))
        if (strncmp(line, field, n) == 0) {
            kb = strtol(line + n, NULL, 10);
            break;
        }
    fclose(f);
    return kb;
}

/* utime and stime are fields 14 and 15 of a stat file; the command name
 * (field 2) may hold spaces, so counting starts after its closing ')'. */
static long long stat_ticks(const char *path)
{
    char buf[1024];
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')');
    if (!p)
        return -1;
    p++;
    long long utime = 0, stime = 0;
    /* after ')': state(3) ppid(4) ... utime(14) stime(15) */
    for (int field = 3; field <= 15 && *p; field++) {
        while (*p == ' ')
            p++;
        if (field == 14)
            utime = strtoll(p, NULL, 10);
        if (field == 15)
            stime = strtoll(p, NULL, 10);
        while (*p && *p != ' ')
            p++;
    }
    return utime + stime;
}

long long bench_process_ticks(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    return stat_ticks(path);
}

long long bench_thread_ticks(pid_t pid, pid_t tid)
{
    char path[96];
    snprintf(path, sizeof path, "/proc/%d/task/%d/stat", (int)pid, (int)tid);
    return stat_ticks(path);
}

long bench_ticks_per_second(void)
{
    long t = sysconf(_SC_CLK_TCK);
    return t > 0 ? t : 100;
}

bool bench_settle(pid_t pid, int quiet_ms, int timeout_ms)
{
    const int step_ms = 50;
    long long last = -2;
    int quiet = 0;
    for (int waited = 0; waited < timeout_ms; waited += step_ms) {
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid)
            return false;
        long long ticks = bench_thread_ticks(pid, pid);
        if (ticks < 0)
            return false;
        quiet = ticks == last ? quiet + step_ms : 0;
        if (quiet >= quiet_ms)
            return true;
        last = ticks;
        struct timespec ts = {0, step_ms * 1000L * 1000L};
        nanosleep(&ts, NULL);
    }
    return false;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void bench_sort(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, compare_doubles);
}

double bench_quantile(const double *sorted, int n, double q)
{
    if (n <= 0)
        return 0;
    int rank = (int)(q * n + 0.999999); /* nearest rank: ceil(q n), 1-based */
    if (rank < 1)
        rank = 1;
    if (rank > n)
        rank = n;
    return sorted[rank - 1];
}

double bench_median(double *v, int n)
{
    if (n <= 0)
        return 0;
    bench_sort(v, n);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

bool bench_write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    bool ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

bool bench_fresh_dir(const char *path)
{
    struct stat st;
    if (lstat(path, &st) == 0 && nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS) != 0)
        return false;
    return mkdir(path, 0700) == 0;
}

bool bench_path(char *out, size_t size, const char *dir, const char *name)
{
    int n = snprintf(out, size, "%s/%s", dir, name);
    return n > 0 && (size_t)n < size;
}
