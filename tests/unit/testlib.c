/* Test harness implementation: counts checks, prints failures, makes
 * scratch folders. Kept tiny on purpose. */
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int checks_passed;
static int checks_failed;

bool testlib_check(bool ok, const char *expr, const char *file, int line)
{
    if (ok) {
        checks_passed++;
        return true;
    }
    checks_failed++;
    fprintf(stderr, "%s:%d: check failed: %s\n", file, line, expr);
    return false;
}

bool testlib_check_int(long long got, long long want, const char *expr,
                       const char *file, int line)
{
    if (got == want) {
        checks_passed++;
        return true;
    }
    checks_failed++;
    fprintf(stderr, "%s:%d: %s is %lld, expected %lld\n", file, line, expr, got, want);
    return false;
}

bool testlib_check_str(const char *got, const char *want, const char *expr,
                       const char *file, int line)
{
    if (got && want && strcmp(got, want) == 0) {
        checks_passed++;
        return true;
    }
    checks_failed++;
    fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", file, line, expr,
            got ? got : "(null)", want ? want : "(null)");
    return false;
}

int testlib_finish(void)
{
    printf("%d passed, %d failed\n", checks_passed, checks_failed);
    return checks_failed == 0 ? 0 : 1;
}

static void remove_tree(const char *path)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
    if (system(cmd) != 0)
        fprintf(stderr, "testlib: could not clear %s\n", path);
}

const char *testlib_tmpdir(const char *name)
{
    static char path[1024];
    const char *base = getenv("CLOUDPREP_BINARY_DIR");
    if (base)
        snprintf(path, sizeof path, "%s/tests/tmp-%s-%d", base, name, (int)getpid());
    else
        snprintf(path, sizeof path, "/tmp/cloudprep-test-%s-%d", name, (int)getpid());
    remove_tree(path);
    if (mkdir(path, 0700) != 0)
        perror(path);
    return path;
}

const char *testlib_source_path(const char *relative)
{
    static char path[1024];
    const char *base = getenv("CLOUDPREP_SOURCE_DIR");
    snprintf(path, sizeof path, "%s/%s", base ? base : ".", relative);
    return path;
}
