/* Benchmark hooks: thread CPU time per drawn frame, and an exit after the
 * first presented frame. Costs one getenv at start and nothing per frame
 * when off. */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>

#include "compat.h"

#define BENCH_MAX_FRAMES 200000

typedef struct BenchState {
    bool exit_after_first;
    const char *stats_path;
    long *frames;
    int count;
    int64_t begin_us;
} BenchState;

static BenchState bench_state; /* process-wide by nature: set once from the environment */

void bench_setup(void)
{
    const char *e = getenv("CLOUDPREP_EXIT_AFTER_FIRST_FRAME");
    bench_state.exit_after_first = e && *e && *e != '0';
    bench_state.stats_path = getenv("CLOUDPREP_FRAME_STATS");
    if (bench_state.stats_path && *bench_state.stats_path)
        bench_state.frames = calloc(BENCH_MAX_FRAMES, sizeof *bench_state.frames);
}

void bench_frame_begin(void)
{
    if (bench_state.frames)
        bench_state.begin_us = compat_thread_cpu_us();
}

void bench_frame_end(App *app)
{
    if (bench_state.frames && bench_state.count < BENCH_MAX_FRAMES) {
        /* one frame's microseconds fit a long, which is 32 bits on Windows */
        bench_state.frames[bench_state.count++] = (long)(compat_thread_cpu_us() - bench_state.begin_us);
    }
    if (bench_state.exit_after_first)
        app->running = false;
}

void bench_shutdown(void)
{
    if (!bench_state.frames)
        return;
    FILE *f = fopen(bench_state.stats_path, "w");
    if (f) {
        for (int i = 0; i < bench_state.count; i++)
            fprintf(f, "%ld\n", bench_state.frames[i]);
        fclose(f);
    }
    free(bench_state.frames);
    bench_state.frames = NULL;
}
