/* Measurement hooks for the benchmarks in tests/bench, off unless asked for
 * through the environment:
 *   CLOUDPREP_EXIT_AFTER_FIRST_FRAME=1  quit right after the first frame is
 *                                       presented (start-up time)
 *   CLOUDPREP_FRAME_STATS=FILE          write the CPU time of every drawn
 *                                       frame (microseconds, one a line) */
#ifndef CLOUDPREP_BENCH_H
#define CLOUDPREP_BENCH_H

#include <stdbool.h>

#include "app.h"

/* Reads the environment once. */
void bench_setup(void);
/* Brackets the drawing of one frame. */
void bench_frame_begin(void);
void bench_frame_end(App *app);
/* Writes what was collected. */
void bench_shutdown(void);

#endif
