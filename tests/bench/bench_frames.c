/* Frame time: the CPU time the game's thread spends drawing each frame
 * (CLOUDPREP_FRAME_STATS), headless at 1280x720 with SDL's software
 * renderer, while scripts play an arcade round and scroll long explanations
 * (scripts/arcade.txt, scripts/explain.txt; the latter on banks/clf-c02 and
 * on a gen_bank --long bank whose texts are near the format's limits).
 * Each scenario runs RUNS times on a fresh data folder; the frames are pooled.
 * Usage: bench_frames BUILD_DIR SOURCE_DIR WORK_DIR LONG_BANK_DIR [RUNS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benchlib.h"

#define MAX_FRAMES 400000

typedef struct Scenario {
    const char *name;
    const char *script;   /* under tests/bench/scripts */
    const char *bank;     /* NULL: the default bank */
} Scenario;

typedef struct FrameSet {
    double *ms;
    int count;
    int failed_runs;
} FrameSet;

/* Appends the frame times of one stats file (microseconds a line) as ms. */
static void read_stats(const char *path, FrameSet *fs)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    long us;
    while (fs->count < MAX_FRAMES && fscanf(f, "%ld", &us) == 1)
        fs->ms[fs->count++] = (double)us / 1000.0;
    fclose(f);
}

static void run_scenario(const char *build, const char *source, const char *work, const Scenario *sc,
                         int runs, FrameSet *fs)
{
    char app[1024], script[1024], data[1024], stats[1024], log[1024], stats_env[1100];
    fs->count = 0;
    fs->failed_runs = 0;
    if (!bench_path(app, sizeof app, build, "cloudprep") ||
        !bench_path(data, sizeof data, work, "frames-data") ||
        !bench_path(stats, sizeof stats, work, "frames.txt") ||
        !bench_path(log, sizeof log, work, "frames.log"))
        return;
    snprintf(script, sizeof script, "%s/tests/bench/scripts/%s", source, sc->script);
    snprintf(stats_env, sizeof stats_env, "CLOUDPREP_FRAME_STATS=%s", stats);
    char tz[] = "TZ=UTC", audio[] = "SDL_AUDIODRIVER=dummy";
    char *env[] = {stats_env, tz, audio, NULL};
    for (int r = 0; r < runs; r++) {
        if (!bench_fresh_dir(data)) {
            fs->failed_runs++;
            continue;
        }
        remove(stats);
        char *argv_default[] = {app, "--headless", "--script", script, "--data-dir", data, "--seed", "7", NULL};
        char *argv_bank[] = {app, "--headless", "--script", script, "--data-dir", data, "--seed", "7",
                             "--bank", (char *)sc->bank, NULL};
        if (bench_run_ms(sc->bank ? argv_bank : argv_default, env, log) < 0)
            fs->failed_runs++;
        read_stats(stats, fs);
    }
}

static void print_row(const char *name, FrameSet *fs)
{
    if (fs->count == 0) {
        printf("  %-38s no frames (see frames.log)\n", name);
        return;
    }
    bench_sort(fs->ms, fs->count);
    int over = 0;
    for (int i = 0; i < fs->count; i++)
        over += fs->ms[i] >= 4.0;
    printf("  %-38s %7d %7.2f %7.2f %7.2f %7.2f %6.2f%%%s\n", name, fs->count, bench_quantile(fs->ms, fs->count, 0.5),
           bench_quantile(fs->ms, fs->count, 0.9), bench_quantile(fs->ms, fs->count, 0.99),
           fs->ms[fs->count - 1], 100.0 * over / fs->count, fs->failed_runs ? "  (a run failed)" : "");
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: %s BUILD_DIR SOURCE_DIR WORK_DIR LONG_BANK_DIR [RUNS]\n", argv[0]);
        return 2;
    }
    int runs = argc > 5 ? atoi(argv[5]) : 3;
    if (runs < 1)
        runs = 3;
    const Scenario scenarios[] = {
        {"arcade sprint round", "arcade.txt", NULL},
        {"drill reveal, scrolling (clf-c02)", "explain.txt", NULL},
        {"drill reveal, scrolling (long texts)", "explain.txt", argv[4]},
    };
    FrameSet fs = {calloc(MAX_FRAMES, sizeof(double)), 0, 0};
    if (!fs.ms)
        return 1;
    printf("== Frame time (CPU ms per drawn frame, headless 1280x720, software renderer, %d runs pooled) ==\n\n",
           runs);
    printf("  %-38s %7s %7s %7s %7s %7s %7s\n", "scenario", "frames", "p50", "p90", "p99", "max", ">=4ms");
    for (size_t i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++) {
        run_scenario(argv[1], argv[2], argv[3], &scenarios[i], runs, &fs);
        print_row(scenarios[i].name, &fs);
    }
    printf("  (target: p99 under 4 ms)\n\n");
    free(fs.ms);
    return 0;
}
