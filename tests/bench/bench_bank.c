/* Times the bank loader and the quality checks on a folder (a synthetic one
 * from gen_bank.py, or banks/clf-c02): prints CPU milliseconds, best of N runs.
 * Build: cc -O2 -Isrc/core tests/bench/bench_bank.c src/core/bank.c
 *        src/core/bankcheck.c src/core/diag.c -lyaml -lm
 * Run:   python3 tests/bench/gen_bank.py /tmp/bench5000 5000 && ./a.out /tmp/bench5000 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bankcheck.h"
#include "bankload.h"

/* CPU time of this process: steadier than wall time on a busy machine. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s BANK_DIR [RUNS]\n", argv[0]);
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    double best_load = 1e30, best_check = 1e30;
    int items = 0, questions = 0, errors = 0, warnings = 0;
    for (int r = 0; r < runs; r++) {
        Diag d = {0};
        double t0 = now_ms();
        Bank *b = bank_load_dir(argv[1], &d);
        double t1 = now_ms();
        if (!b) {
            diag_print(&d, stderr);
            diag_free(&d);
            return 1;
        }
        bankcheck_quality(b, &d, NULL);
        double t2 = now_ms();
        if (t1 - t0 < best_load)
            best_load = t1 - t0;
        if (t2 - t1 < best_check)
            best_check = t2 - t1;
        items = b->item_count;
        questions = b->question_count;
        errors = d.errors;
        warnings = d.warnings;
        bank_free(b);
        diag_free(&d);
    }
    FILE *devnull = fopen("/dev/null", "w");
    double t3 = now_ms();
    bankcheck_run(argv[1], devnull);
    double t4 = now_ms();
    fclose(devnull);
    printf("%s: %d items (%d questions), %d errors, %d warnings\n", argv[1], items, questions,
           errors, warnings);
    printf("load+validate %.1f ms, quality checks %.1f ms (CPU, best of %d); full --check-bank %.1f ms\n",
           best_load, best_check, runs, t4 - t3);
    return 0;
}
