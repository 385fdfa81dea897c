/* Test harness implementation: counts checks, prints failures, makes
 * scratch folders. Kept tiny on purpose. */
#include "testlib.h"

#include "compat.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <utime.h>
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

bool testlib_remove_tree(const char *path)
{
    if (!compat_exists(path))
        return true;
    if (!compat_is_dir(path))
        return remove(path) == 0;
    DIR *d = opendir(path);
    bool ok = d != NULL;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char child[1200];
        snprintf(child, sizeof child, "%s/%s", path, e->d_name);
        ok = testlib_remove_tree(child) && ok;
    }
    if (d)
        closedir(d);
    return rmdir(path) == 0 && ok;
}

bool testlib_copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
    bool ok = in && out;
    char buf[65536];
    size_t n;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
        ok = fwrite(buf, 1, n, out) == n;
    ok = ok && !ferror(in);
    if (in)
        fclose(in);
    if (out && fclose(out) != 0)
        ok = false;
    return ok;
}

char *testlib_read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf)
        buf[n] = '\0';
    fclose(f);
    return buf;
}

bool testlib_permissions_enforced(void)
{
    /* asked of the system, not guessed: root on Linux, and Wine run as root,
     * write read-only files anyway */
    char path[1100];
    snprintf(path, sizeof path, "%s/permission-probe", testlib_tmpdir("permissions"));
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    fclose(f);
    bool enforced = chmod(path, 0400) == 0 && (f = fopen(path, "ab")) == NULL;
    if (f)
        fclose(f);
    (void)chmod(path, 0600);
    return enforced;
}

bool testlib_set_mtime(const char *path, int64_t t)
{
    struct utimbuf times = {.actime = (time_t)t, .modtime = (time_t)t};
    return utime(path, &times) == 0;
}

const char *testlib_tmpdir(const char *name)
{
    static char path[1024];
    const char *base = getenv("CLOUDPREP_BINARY_DIR");
    if (base)
        snprintf(path, sizeof path, "%s/tests/tmp-%s-%d", base, name, (int)getpid());
    else
        snprintf(path, sizeof path, "/tmp/cloudprep-test-%s-%d", name, (int)getpid());
    if (!testlib_remove_tree(path))
        fprintf(stderr, "testlib: could not clear %s\n", path);
    if (compat_mkdir_private(path) != 0)
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
