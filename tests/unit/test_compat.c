/* compat: the system calls that differ between POSIX and Windows behave the
 * same on both: replacing an existing file in one rename, writing at an
 * offset, flushing, making folders, mapping a file, the UTC offset, and
 * path separators. Runs natively and, for the Windows build, under Wine. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compat.h"
#include "testlib.h"

static bool write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok;
}

static void read_text(const char *path, char *buf, size_t size)
{
    buf[0] = '\0';
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    size_t n = fread(buf, 1, size - 1, f);
    buf[n] = '\0';
    fclose(f);
}

static void test_replace(const char *dir)
{
    char a[1200], b[1200], got[64];
    snprintf(a, sizeof a, "%s/new.txt", dir);
    snprintf(b, sizeof b, "%s/old.txt", dir);
    CHECK(write_text(a, "new"));
    CHECK(write_text(b, "old"));
    CHECK_INT(compat_replace_file(a, b), 0); /* over an existing file: rename() fails there on Windows */
    read_text(b, got, sizeof got);
    CHECK_STR(got, "new");
    CHECK(!compat_exists(a));
    CHECK(compat_replace_file(a, b) != 0); /* the source is gone now */
    CHECK_INT(errno, ENOENT);
    char odd[1200]; /* a name outside ASCII */
    snprintf(odd, sizeof odd, "%s/\xc3\x86r\xc3\xb8 \xe2\x80\x93 \xc3\xbc.txt", dir);
    CHECK_INT(compat_replace_file(b, odd), 0);
    read_text(odd, got, sizeof got);
    CHECK_STR(got, "new");
}

static void test_pwrite_fsync(const char *dir)
{
    char path[1200], got[64];
    snprintf(path, sizeof path, "%s/bytes.bin", dir);
    CHECK(write_text(path, "abcdef\n\n"));
    int fd = open(path, O_RDWR);
    CHECK(fd >= 0);
    CHECK(compat_pwrite_all(fd, "\n\nXY", 4, 2)); /* newlines stay single bytes */
    CHECK_INT(compat_fsync(fd), 0);
    close(fd);
    read_text(path, got, sizeof got);
    CHECK_STR(got, "ab\n\nXY\n\n");
}

static void test_folders(const char *dir)
{
    char sub[1200];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    CHECK_INT(compat_mkdir_private(sub), 0);
    CHECK(compat_mkdir_private(sub) != 0 && errno == EEXIST);
    CHECK(compat_is_dir(sub));
    CHECK(compat_exists(sub));
    struct stat sb;
    CHECK(!COMPAT_FILE_MODES || (stat(sub, &sb) == 0 && (sb.st_mode & 0777) == 0700));
    snprintf(sub, sizeof sub, "%s/sub/missing", dir);
    CHECK(!compat_is_dir(sub) && !compat_exists(sub));
    compat_sync_dir(dir); /* never fails visibly */
}

static void test_map(const char *dir)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/map.bin", dir);
    CHECK(write_text(path, "mapped bytes"));
    CompatMappedFile m;
    CHECK(compat_map_file(path, &m));
    CHECK_INT(m.size, 12);
    CHECK(m.data && memcmp(m.data, "mapped bytes", 12) == 0);
    compat_unmap_file(&m);
    CHECK(m.data == NULL && m.size == 0);
    CHECK(write_text(path, ""));
    CHECK(!compat_map_file(path, &m)); /* empty: nothing to map */
    snprintf(path, sizeof path, "%s/none.bin", dir);
    CHECK(!compat_map_file(path, &m));
}

static void test_separators(void)
{
    char p[64];
    snprintf(p, sizeof p, "a/b/c/");
    compat_native_separators(p);
    CHECK_STR(p, COMPAT_DIR_SEP == '/' ? "a/b/c" : "a\\b\\c");
    snprintf(p, sizeof p, "/");
    compat_native_separators(p);
    CHECK_STR(p, COMPAT_DIR_SEP == '/' ? "/" : "\\");
}

static void test_clock(void)
{
    /* CTest runs with the process's own TZ; with TZ=UTC the offset is 0 */
    const char *tz = getenv("TZ");
    if (tz && strcmp(tz, "UTC") == 0)
        CHECK_INT(compat_utc_offset(1767603600), 0);
    int off = compat_utc_offset(1767603600);
    CHECK(off > -16 * 3600 && off < 16 * 3600 && off % 60 == 0);
    int64_t t0 = compat_thread_cpu_us();
    volatile double x = 0;
    for (int i = 0; i < 5000000; i++)
        x += i * 0.5;
    CHECK(compat_thread_cpu_us() >= t0);
}

int main(void)
{
    const char *dir = testlib_tmpdir("compat");
    char base[1100];
    snprintf(base, sizeof base, "%s", dir);
    test_replace(base);
    test_pwrite_fsync(base);
    test_folders(base);
    test_map(base);
    test_separators();
    test_clock();
    return testlib_finish();
}
