/* Replays the bank fuzzer's seed corpus and every saved crashing input
 * (tests/fuzz/corpus, tests/fuzz/crashes) through the fuzz entry point in a
 * normal build, so a fixed crash stays fixed. A crash fails the test. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../fuzz/fuzz_bank.c"
#include "testlib.h"

/* Runs every regular file of a source-tree folder; returns how many. */
static int replay_folder(const char *relative)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_source_path(relative));
    DIR *dh = opendir(dir);
    if (!dh)
        return 0;
    int count = 0;
    struct dirent *e;
    while ((e = readdir(dh)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[1400];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        size_t cap = 5u << 20;
        uint8_t *buf = malloc(cap);
        size_t n = buf ? fread(buf, 1, cap, f) : 0;
        fclose(f);
        if (buf) {
            LLVMFuzzerTestOneInput(buf, n);
            count++;
        }
        free(buf);
    }
    closedir(dh);
    return count;
}

int main(void)
{
    int corpus = replay_folder("tests/fuzz/corpus");
    int crashes = replay_folder("tests/fuzz/crashes");
    printf("replayed %d corpus files and %d crash files\n", corpus, crashes);
    CHECK(corpus >= 5);
    /* the empty input and a lone byte are edge cases of their own */
    CHECK_INT(LLVMFuzzerTestOneInput((const uint8_t *)"", 0), 0);
    CHECK_INT(LLVMFuzzerTestOneInput((const uint8_t *)"\xEF\xBB\xBF", 3), 0);
    return testlib_finish();
}
