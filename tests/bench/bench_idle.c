/* CPU used while idle: cloudprep shows its home screen under an X server and
 * nobody touches it; utime + stime of the whole process (every thread) from
 * /proc/PID/stat before and after SECONDS seconds, as a percentage of one
 * core, beside minimal_sdl idling the same way. Rows with SDL_AUDIODRIVER=dummy
 * show what an open audio device costs (the container has no sound card, so
 * without it SDL_mixer finds no device). Threads that used CPU are listed.
 * Usage: bench_idle BUILD_DIR WORK_DIR [SECONDS]   (needs DISPLAY) */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "benchlib.h"

#define MAX_THREADS 64

typedef struct ThreadTicks {
    int tid;
    char name[32];
    long long ticks;
} ThreadTicks;

static int list_threads(pid_t pid, ThreadTicks *out)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
    DIR *d = opendir(path);
    if (!d)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < MAX_THREADS) {
        int tid = atoi(e->d_name);
        if (tid <= 0)
            continue;
        out[n].tid = tid;
        out[n].ticks = bench_thread_ticks(pid, tid);
        char comm[96];
        snprintf(comm, sizeof comm, "/proc/%d/task/%d/comm", (int)pid, tid);
        out[n].name[0] = '\0';
        FILE *f = fopen(comm, "r");
        if (f) {
            if (fgets(out[n].name, sizeof out[n].name, f))
                out[n].name[strcspn(out[n].name, "\n")] = '\0';
            fclose(f);
        }
        n++;
    }
    closedir(d);
    return n;
}

/* Spawns, waits for the first frame to settle, measures `seconds` of idling. */
static void idle_row(const char *label, char *const argv[], char *const env[], const char *log,
                     int seconds)
{
    pid_t pid = bench_spawn(argv, env, NULL, log);
    if (pid < 0 || !bench_settle(pid, 1000, 60000)) {
        printf("  %-44s did not settle (see %s)\n", label, log);
        if (pid > 0)
            bench_stop(pid);
        return;
    }
    ThreadTicks before[MAX_THREADS], after[MAX_THREADS];
    int nb = list_threads(pid, before);
    long long t0 = bench_process_ticks(pid);
    double w0 = bench_wall_ms();
    struct timespec ts = {seconds, 0};
    nanosleep(&ts, NULL);
    long long t1 = bench_process_ticks(pid);
    double wall_s = (bench_wall_ms() - w0) / 1000.0;
    int na = list_threads(pid, after);
    bench_stop(pid);
    double tps = (double)bench_ticks_per_second();
    double pct = (double)(t1 - t0) / tps / wall_s * 100.0;
    printf("  %-44s %7.2f %%  (%lld ticks of 1/%.0f s in %.1f s)\n", label, pct, t1 - t0, tps, wall_s);
    for (int i = 0; i < na; i++)
        for (int j = 0; j < nb; j++)
            if (after[i].tid == before[j].tid && after[i].ticks > before[j].ticks)
                printf("  %-44s   thread %-16s %.2f %%\n", "", after[i].name,
                       (double)(after[i].ticks - before[j].ticks) / tps / wall_s * 100.0);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s BUILD_DIR WORK_DIR [SECONDS]\n", argv[0]);
        return 2;
    }
    const char *build = argv[1], *work = argv[2];
    int seconds = argc > 3 ? atoi(argv[3]) : 10;
    if (seconds < 1)
        seconds = 10;
    const char *display = getenv("DISPLAY");
    printf("== CPU while idle on the home screen (%% of one core over %d s) ==\n\n", seconds);
    if (!display || !*display) {
        printf("  skipped: DISPLAY is not set\n\n");
        return 0;
    }
    char app[1024], minimal[1024], font[1024], data[1024], log[1024];
    if (!bench_path(app, sizeof app, build, "cloudprep") ||
        !bench_path(minimal, sizeof minimal, build, "bench/minimal_sdl") ||
        !bench_path(font, sizeof font, build, "assets/fonts/DejaVuSans.ttf") ||
        !bench_path(data, sizeof data, work, "idle-data") ||
        !bench_path(log, sizeof log, work, "idle.log") || !bench_fresh_dir(data)) {
        fprintf(stderr, "bench_idle: cannot prepare %s\n", work);
        return 1;
    }
    char dummy_audio[] = "SDL_AUDIODRIVER=dummy";
    char *with_dummy[] = {dummy_audio, NULL};
    char *app_argv[] = {app, "--data-dir", data, NULL};
    char *mini_argv[] = {minimal, font, "--hold", NULL};
    printf("  X server %s, target: under 1 %%\n", display);
    idle_row("minimal_sdl", mini_argv, NULL, log, seconds);
    idle_row("cloudprep", app_argv, NULL, log, seconds);
    idle_row("cloudprep, SDL_AUDIODRIVER=dummy", app_argv, with_dummy, log, seconds);
    printf("\n");
    return 0;
}
