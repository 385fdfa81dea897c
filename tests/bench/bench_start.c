/* Start-up time: wall milliseconds from spawning cloudprep to its exit right
 * after the first presented frame (CLOUDPREP_EXIT_AFTER_FIRST_FRAME=1),
 * against minimal_sdl doing the same, runs interleaved so machine load hits
 * both alike. Headless always; under X too when DISPLAY is set.
 * Usage: bench_start BUILD_DIR WORK_DIR [RUNS]   (prints a table) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benchlib.h"

#define MAX_RUNS 200

typedef struct StartPaths {
    char app[1024];
    char minimal[1024];
    char font[1024];
    char script[1024];
    char data[1024];
    char log[1024];
} StartPaths;

typedef struct StartResult {
    double app[MAX_RUNS];
    double minimal[MAX_RUNS];
    int app_n, minimal_n;
    int failures;
} StartResult;

static char EXIT_HOOK[] = "CLOUDPREP_EXIT_AFTER_FIRST_FRAME=1";

static double run_app(const StartPaths *p, bool headless)
{
    char *env[] = {EXIT_HOOK, NULL};
    if (headless) {
        char *argv[] = {(char *)p->app, "--headless", "--script", (char *)p->script, "--data-dir",
                        (char *)p->data, NULL};
        return bench_run_ms(argv, env, p->log);
    }
    char *argv[] = {(char *)p->app, "--data-dir", (char *)p->data, NULL};
    return bench_run_ms(argv, env, p->log);
}

static double run_minimal(const StartPaths *p, bool headless)
{
    char *argv[] = {(char *)p->minimal, (char *)p->font, headless ? "--headless" : NULL, NULL};
    return bench_run_ms(argv, NULL, p->log);
}

/* One warm-up each (fills the page cache, creates progress.db and today's
 * backup), then `runs` interleaved pairs, alternating which goes first. */
static void measure(const StartPaths *p, bool headless, int runs, StartResult *r)
{
    memset(r, 0, sizeof *r);
    run_app(p, headless);
    run_minimal(p, headless);
    for (int i = 0; i < runs; i++) {
        for (int k = 0; k < 2; k++) {
            bool app_turn = (k == 0) == (i % 2 == 0);
            double ms = app_turn ? run_app(p, headless) : run_minimal(p, headless);
            if (ms < 0)
                r->failures++;
            else if (app_turn)
                r->app[r->app_n++] = ms;
            else
                r->minimal[r->minimal_n++] = ms;
        }
    }
}

static void print_row(const char *name, double *v, int n)
{
    if (n == 0) {
        printf("  %-26s %8s\n", name, "failed");
        return;
    }
    double med = bench_median(v, n);
    printf("  %-26s %8.1f %8.1f %8.1f %6d\n", name, med, v[0], v[n - 1], n);
}

static void report(const char *title, StartResult *r)
{
    printf("%s\n", title);
    printf("  %-26s %8s %8s %8s %6s\n", "program", "median", "min", "max", "runs");
    print_row("cloudprep", r->app, r->app_n);
    print_row("minimal_sdl", r->minimal, r->minimal_n);
    if (r->app_n > 0 && r->minimal_n > 0) {
        double a = bench_median(r->app, r->app_n), m = bench_median(r->minimal, r->minimal_n);
        printf("  ratio cloudprep / minimal: %.2fx (target <= 1.3x); difference %.1f ms\n", a / m, a - m);
    }
    if (r->failures)
        printf("  %d runs failed (see the log)\n", r->failures);
    printf("\n");
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s BUILD_DIR WORK_DIR [RUNS]\n", argv[0]);
        return 2;
    }
    const char *build = argv[1], *work = argv[2];
    int runs = argc > 3 ? atoi(argv[3]) : 15;
    if (runs < 1 || runs > MAX_RUNS)
        runs = 15;
    StartPaths p;
    char data_parent[1024];
    if (!bench_path(p.app, sizeof p.app, build, "cloudprep") ||
        !bench_path(p.minimal, sizeof p.minimal, build, "bench/minimal_sdl") ||
        !bench_path(p.font, sizeof p.font, build, "assets/fonts/DejaVuSans.ttf") ||
        !bench_path(p.script, sizeof p.script, work, "start-empty.txt") ||
        !bench_path(data_parent, sizeof data_parent, work, "start-data") ||
        !bench_path(p.log, sizeof p.log, work, "start.log")) {
        fprintf(stderr, "bench_start: paths too long\n");
        return 2;
    }
    snprintf(p.data, sizeof p.data, "%s", data_parent);
    if (!bench_fresh_dir(p.data) || !bench_write_file(p.script, "# nothing: the first frame ends the run\n")) {
        fprintf(stderr, "bench_start: cannot prepare %s\n", work);
        return 1;
    }
    static StartResult r;
    printf("== Start to first presented frame (wall ms, %d interleaved runs each) ==\n\n", runs);
    measure(&p, true, runs, &r);
    report("headless (dummy video, software renderer, 1280x720)", &r);
    const char *display = getenv("DISPLAY");
    if (display && *display) {
        measure(&p, false, runs, &r);
        char title[128];
        snprintf(title, sizeof title, "X server %s (window 1280x720, SDL's default renderer)", display);
        report(title, &r);
    } else {
        printf("X server: skipped (DISPLAY is not set)\n\n");
    }
    return 0;
}
