/* Benchmark (prints numbers, asserts nothing): the wall-clock latency of
 * recording one answer with synchronous=FULL (one transaction, fsync of the
 * WAL), p50 and p99 over 1,000 answers, and the time store_open takes on the
 * resulting file. Usage: store_latency [DIR] (default: a fresh folder in /tmp). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store.h"

#include "store_testbank.h"

#define ANSWERS 1000

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    char dir[512];
    if (argc > 1)
        snprintf(dir, sizeof dir, "%s", argv[1]);
    else
        snprintf(dir, sizeof dir, "/tmp/cloudprep-latency-%d", (int)getpid());
    TestBank tb;
    testbank_init(&tb);
    int64_t t0 = 1740830400;
    double open_start = now_ms();
    StoreOpenInfo info;
    Store *st = store_open(dir, t0, &info);
    double open_new = now_ms() - open_start;
    if (!info.writable) {
        fprintf(stderr, "store_latency: %s\n", info.message);
        store_close(st);
        return 1;
    }
    static double ms[ANSWERS];
    ItemState states[TESTBANK_ITEMS];
    memset(states, 0, sizeof states);
    for (int i = 0; i < ANSWERS; i++) {
        int item = i % TESTBANK_ITEMS;
        ItemState ns = states[item];
        ns.seen++;
        ns.right++;
        ns.box = ns.box < 5 ? ns.box + 1 : 5;
        ns.due_at = t0 + 86400;
        ns.last_at = t0 + i;
        Answer a = {.item = item, .answer = 1, .correct = true, .ms = 1000, .at = t0 + i};
        double start = now_ms();
        StoreStatus s = store_record_answer(st, &tb.bank, MODE_DRILL, &a, &ns, states[item].box);
        ms[i] = now_ms() - start;
        if (s != STORE_OK) {
            fprintf(stderr, "store_latency: %s\n", store_error_message(st));
            store_close(st);
            return 1;
        }
        states[item] = ns;
    }
    store_close(st);
    double reopen_start = now_ms();
    st = store_open(dir, t0 + ANSWERS, &info);
    double reopen = now_ms() - reopen_start;
    store_close(st);
    qsort(ms, ANSWERS, sizeof ms[0], compare_doubles);
    double sum = 0;
    for (int i = 0; i < ANSWERS; i++)
        sum += ms[i];
    printf("record one answer (synchronous=FULL, WAL), %d answers: p50 %.3f ms, p99 %.3f ms, "
           "mean %.3f ms, max %.3f ms\n",
           ANSWERS, ms[ANSWERS / 2], ms[ANSWERS * 99 / 100], sum / ANSWERS, ms[ANSWERS - 1]);
    printf("store_open: new file %.1f ms, reopen with %d answers %.1f ms\n", open_new, ANSWERS, reopen);
    if (argc <= 1) {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0)
            fprintf(stderr, "store_latency: could not remove %s\n", dir);
    }
    return 0;
}
