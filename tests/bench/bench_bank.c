/* Bank loading: bank_load_dir (read every file, parse, validate every rule;
 * what the game does at start) and, apart, the quality checks and the whole
 * `--check-bank` report, for each folder given (banks/clf-c02 and a
 * synthetic bank from gen_bank). Wall and CPU milliseconds, median and best
 * of RUNS, the page cache warm.
 * Usage: bench_bank [--runs N] BANK_DIR...   (prints a table) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bankcheck.h"
#include "bankload.h"
#include "benchlib.h"

#define MAX_RUNS 100

typedef struct BankTimes {
    double load_wall[MAX_RUNS], load_cpu[MAX_RUNS], quality_cpu[MAX_RUNS];
    double check_wall;
    int items, questions, flashcards, errors, warnings;
    long files_bytes;
} BankTimes;

/* Returns false (after printing why) when the bank does not load. */
static bool time_bank(const char *dir, int runs, BankTimes *t)
{
    memset(t, 0, sizeof *t);
    for (int r = 0; r < runs; r++) {
        Diag d = {0};
        double w0 = bench_wall_ms(), c0 = bench_cpu_ms();
        Bank *b = bank_load_dir(dir, &d);
        double w1 = bench_wall_ms(), c1 = bench_cpu_ms();
        if (!b) {
            fprintf(stderr, "bench_bank: %s does not load:\n", dir);
            diag_print(&d, stderr);
            diag_free(&d);
            return false;
        }
        t->errors = d.errors;
        bankcheck_quality(b, &d, NULL);
        double c2 = bench_cpu_ms();
        t->load_wall[r] = w1 - w0;
        t->load_cpu[r] = c1 - c0;
        t->quality_cpu[r] = c2 - c1;
        t->items = b->item_count;
        t->questions = b->question_count;
        t->flashcards = b->flashcard_count;
        t->warnings = d.warnings;
        bank_free(b);
        diag_free(&d);
    }
    FILE *devnull = fopen("/dev/null", "w");
    double w = bench_wall_ms();
    bankcheck_run(dir, devnull ? devnull : stderr);
    t->check_wall = bench_wall_ms() - w;
    if (devnull)
        fclose(devnull);
    return true;
}

int main(int argc, char **argv)
{
    int runs = 11, first = 1;
    if (argc > 2 && strcmp(argv[1], "--runs") == 0) {
        runs = atoi(argv[2]);
        first = 3;
    }
    if (runs < 1 || runs > MAX_RUNS)
        runs = 11;
    if (first >= argc) {
        fprintf(stderr, "usage: %s [--runs N] BANK_DIR...\n", argv[0]);
        return 2;
    }
    printf("== Bank load and validation (ms, median / best of %d; bank_load_dir is what the game runs) ==\n\n",
           runs);
    printf("  %-28s %7s %16s %16s %10s %12s\n", "bank", "items", "load wall", "load CPU",
           "quality", "--check-bank");
    static BankTimes t;
    int status = 0;
    for (int i = first; i < argc; i++) {
        if (!time_bank(argv[i], runs, &t)) {
            status = 1;
            continue;
        }
        double lw = bench_median(t.load_wall, runs), lc = bench_median(t.load_cpu, runs);
        double qc = bench_median(t.quality_cpu, runs);
        const char *name = strrchr(argv[i], '/') && strrchr(argv[i], '/')[1] ? strrchr(argv[i], '/') + 1
                                                                              : argv[i];
        printf("  %-28s %7d %7.1f / %6.1f %7.1f / %6.1f %10.1f %12.1f\n", name, t.items, lw, t.load_wall[0],
               lc, t.load_cpu[0], qc, t.check_wall);
        printf("  %-28s %7s (%d questions, %d flashcards, %d errors, %d warnings)\n", "", "",
               t.questions, t.flashcards, t.errors, t.warnings);
    }
    printf("  targets: banks/clf-c02 under 20 ms, a 5,000-question bank under 150 ms (load wall)\n\n");
    return status;
}
