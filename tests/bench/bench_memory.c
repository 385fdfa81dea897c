/* Resident memory (VmRSS now, VmHWM the peak, from /proc/PID/status) of
 * cloudprep against minimal_sdl in the same run: headless with the home
 * screen shown and after a whole mock exam (scripts/mock.txt), and, when
 * DISPLAY is set, with a real window showing the home screen.
 * The headless game reads its script from a FIFO, so it can be paused at
 * any line and measured while it waits for the next one.
 * Usage: bench_memory BUILD_DIR SOURCE_DIR WORK_DIR */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "benchlib.h"
#include "testlib.h"

typedef struct Sample {
    long rss_kb;
    long hwm_kb;
} Sample;

typedef struct MemPaths {
    char app[1024], minimal[1024], font[1024], mock[1024];
    char fifo[1024], data[1024], log[1024];
} MemPaths;

static Sample sample(pid_t pid)
{
    Sample s = {bench_status_kb(pid, "VmRSS:"), bench_status_kb(pid, "VmHWM:")};
    return s;
}

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* True when the main thread sits in read(2) (syscall 0 on x86-64 and
 * arm64 is 63; both are checked) with nothing left in the pipe: the script
 * runner has done every line written so far and waits for the next. */
static bool waiting_for_script(pid_t pid, int fifo_fd)
{
    char path[96], buf[64];
    snprintf(path, sizeof path, "/proc/%d/syscall", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    long nr = strtol(buf, NULL, 10);
    int pending = 0;
    if (ioctl(fifo_fd, FIONREAD, &pending) != 0)
        pending = 0;
    return (nr == 0 || nr == 63) && pending == 0;
}

/* Waits until the script runner idles in read() for 300 ms in a row. */
static bool wait_script_idle(pid_t pid, int fifo_fd, int timeout_ms)
{
    int quiet = 0;
    for (int waited = 0; waited < timeout_ms; waited += 25) {
        quiet = waiting_for_script(pid, fifo_fd) ? quiet + 25 : 0;
        if (quiet >= 300)
            return true;
        sleep_ms(25);
    }
    return false;
}

static bool feed(int fd, const char *text)
{
    size_t len = strlen(text);
    while (len > 0) {
        ssize_t w = write(fd, text, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        text += w;
        len -= (size_t)w;
    }
    return true;
}

/* Opens the FIFO's writing end once the game has opened its script (a
 * plain open would hang if the game failed before that). -1 on failure. */
static int open_writer(const char *fifo, pid_t pid)
{
    for (int waited = 0; waited < 60000; waited += 20) {
        int fd = open(fifo, O_WRONLY | O_NONBLOCK);
        if (fd >= 0) {
            fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
            return fd;
        }
        if (errno != ENXIO || bench_status_kb(pid, "VmRSS:") < 0)
            return -1;
        sleep_ms(20);
    }
    return -1;
}

/* Headless cloudprep: home screen, then the mock exam. */
static bool measure_headless_app(const MemPaths *p, Sample *home, Sample *after)
{
    unlink(p->fifo);
    if (mkfifo(p->fifo, 0600) != 0)
        return false;
    char *argv[] = {(char *)p->app, "--headless", "--script", (char *)p->fifo, "--data-dir",
                    (char *)p->data, "--seed", "7", NULL};
    char tz[] = "TZ=UTC";
    char *env[] = {tz, NULL};
    pid_t pid = bench_spawn(argv, env, NULL, p->log);
    if (pid < 0)
        return false;
    int fd = open_writer(p->fifo, pid);
    char *mock = testlib_read_file(p->mock);
    bool ok = fd >= 0 && mock && wait_script_idle(pid, fd, 60000);
    if (ok)
        *home = sample(pid);
    ok = ok && feed(fd, mock) && wait_script_idle(pid, fd, 600000);
    if (ok)
        *after = sample(pid);
    if (fd >= 0) {
        feed(fd, "quit\n");
        close(fd);
    }
    free(mock);
    int status = bench_wait(pid);
    unlink(p->fifo);
    return ok && status == 0;
}

/* A program that idles once its first frame is up: measured after it settles. */
static bool measure_idle_program(char *const argv[], char *const env[], const char *log, Sample *out)
{
    pid_t pid = bench_spawn(argv, env, NULL, log);
    if (pid < 0)
        return false;
    bool ok = bench_settle(pid, 1000, 60000);
    if (ok)
        *out = sample(pid);
    bench_stop(pid);
    return ok;
}

static void print_sample(const char *name, const Sample *s)
{
    printf("  %-40s %9.1f %9.1f\n", name, (double)s->rss_kb / 1024.0, (double)s->hwm_kb / 1024.0);
}

static void print_diff(const char *name, const Sample *a, const Sample *m)
{
    printf("  %-40s %+9.1f %+9.1f\n", name, (double)(a->rss_kb - m->rss_kb) / 1024.0,
           (double)(a->hwm_kb - m->hwm_kb) / 1024.0);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s BUILD_DIR SOURCE_DIR WORK_DIR\n", argv[0]);
        return 2;
    }
    const char *build = argv[1], *source = argv[2], *work = argv[3];
    signal(SIGPIPE, SIG_IGN); /* a game that quits early must not kill the benchmark */
    MemPaths p;
    if (!bench_path(p.app, sizeof p.app, build, "cloudprep") ||
        !bench_path(p.minimal, sizeof p.minimal, build, "bench/minimal_sdl") ||
        !bench_path(p.font, sizeof p.font, build, "assets/fonts/DejaVuSans.ttf") ||
        !bench_path(p.mock, sizeof p.mock, source, "tests/bench/scripts/mock.txt") ||
        !bench_path(p.fifo, sizeof p.fifo, work, "memory-script.fifo") ||
        !bench_path(p.data, sizeof p.data, work, "memory-data") ||
        !bench_path(p.log, sizeof p.log, work, "memory.log")) {
        fprintf(stderr, "bench_memory: paths too long\n");
        return 2;
    }
    printf("== Resident memory (MiB; RSS now, HWM = peak) ==\n\n");
    printf("  %-40s %9s %9s\n", "headless (dummy video, software renderer)", "VmRSS", "VmHWM");
    Sample mini = {0}, home = {0}, after = {0};
    char *mini_argv[] = {p.minimal, p.font, "--headless", "--hold", NULL};
    bool ok_mini = measure_idle_program(mini_argv, NULL, p.log, &mini);
    bool ok_app = bench_fresh_dir(p.data) && measure_headless_app(&p, &home, &after);
    if (ok_mini)
        print_sample("minimal_sdl", &mini);
    if (ok_app) {
        print_sample("cloudprep, home screen", &home);
        print_sample("cloudprep, after a whole mock exam", &after);
    }
    if (ok_mini && ok_app) {
        print_diff("difference, home screen", &home, &mini);
        print_diff("difference, after the mock exam", &after, &mini);
        printf("  (target: at most 30 MiB above minimal_sdl)\n");
    }
    if (!ok_mini || !ok_app)
        printf("  a run failed (see %s)\n", p.log);
    printf("\n");

    const char *display = getenv("DISPLAY");
    if (!display || !*display) {
        printf("X server: skipped (DISPLAY is not set)\n\n");
        return 0;
    }
    printf("  %-40s %9s %9s\n", "X server (window 1280x720)", "VmRSS", "VmHWM");
    Sample xmini = {0}, xhome = {0};
    char *xmini_argv[] = {p.minimal, p.font, "--hold", NULL};
    char *xapp_argv[] = {p.app, "--data-dir", p.data, NULL};
    bool ok_xmini = measure_idle_program(xmini_argv, NULL, p.log, &xmini);
    bool ok_xapp = measure_idle_program(xapp_argv, NULL, p.log, &xhome);
    if (ok_xmini)
        print_sample("minimal_sdl", &xmini);
    if (ok_xapp)
        print_sample("cloudprep, home screen (after the exam)", &xhome);
    if (ok_xmini && ok_xapp) {
        print_diff("difference (the GL stack is in both)", &xhome, &xmini);
        printf("  (target: at most 30 MiB above minimal_sdl)\n");
    } else {
        printf("  a run failed (see %s)\n", p.log);
    }
    printf("\n");
    return 0;
}
