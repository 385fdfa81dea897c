/* Tests for reports.c: RFC 4180 records, the header written once when the
 * file is created, mode 0600, appending, counting rows with quoted line
 * breaks, and failures reported as errno values. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compat.h"
#include "reports.h"
#include "testlib.h"

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[8192];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void test_format(void)
{
    char buf[512];
    ReportRow row = {1765052100, "CLF-C02", "2026-11-26", "q-1.1-001", "option 2: Amazon S3",
                     "The key, I think, is \"wrong\"\nsee the docs"};
    size_t n = reports_format_row(&row, buf, sizeof buf);
    CHECK_STR(buf, "2025-12-06T20:15:00Z,CLF-C02,2026-11-26,q-1.1-001,option 2: Amazon S3,"
                   "\"The key, I think, is \"\"wrong\"\"\nsee the docs\"\r\n");
    CHECK_INT(n, strlen(buf));
    /* NULL and empty fields, a lone CR */
    ReportRow bare = {0, "X", NULL, "f-1", "", "a\rb"};
    reports_format_row(&bare, buf, sizeof buf);
    CHECK_STR(buf, "1970-01-01T00:00:00Z,X,,f-1,,\"a\rb\"\r\n");
    /* a short buffer is cut but terminated, and the full length returned */
    char small[8];
    CHECK_INT(reports_format_row(&row, small, sizeof small), n);
    CHECK_STR(small, "2025-12");
    CHECK_INT(reports_format_row(&row, NULL, 0), n);
}

static void test_append_and_count(void)
{
    char dir[200];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("reports"));
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, REPORTS_FILE_NAME);
    CHECK_INT(reports_count(path), 0); /* no file yet */
    ReportRow one = {1765052100, "CLF-C02", "2026-11-26", "q-1", "option 1: A", "first"};
    ReportRow two = {1765052160, "CLF-C02", "2026-11-26", "q-2", "", "two\nlines, \"quoted\""};
    CHECK_INT(reports_append(path, &one), 0);
    struct stat st;
    CHECK(!COMPAT_FILE_MODES || (stat(path, &st) == 0 && (st.st_mode & 0777) == 0600));
    CHECK_INT(reports_append(path, &two), 0);
    CHECK_STR(slurp(path), REPORTS_HEADER
              "2025-12-06T20:15:00Z,CLF-C02,2026-11-26,q-1,option 1: A,first\r\n"
              "2025-12-06T20:16:00Z,CLF-C02,2026-11-26,q-2,,\"two\nlines, \"\"quoted\"\"\"\r\n");
    CHECK_INT(reports_count(path), 2);

    /* an empty file gets the header with its first row */
    char empty[256];
    snprintf(empty, sizeof empty, "%s/empty.csv", dir);
    FILE *f = fopen(empty, "w");
    if (f)
        fclose(f);
    CHECK_INT(reports_append(empty, &one), 0);
    CHECK_INT(reports_count(empty), 1);
    CHECK(strncmp(slurp(empty), REPORTS_HEADER, strlen(REPORTS_HEADER)) == 0);

    /* a last row without a line end still counts */
    f = fopen(empty, "ab");
    if (f) {
        fputs("2025-12-06T20:15:00Z,X,,q-3,,no end", f);
        fclose(f);
    }
    CHECK_INT(reports_count(empty), 2);

    /* failures: a folder where the file should be, a missing folder */
    char folder[256];
    snprintf(folder, sizeof folder, "%s/folder.csv", dir);
    CHECK(compat_mkdir_private(folder) == 0);
    CHECK(reports_append(folder, &one) != 0);
    CHECK_INT(reports_count(folder), -1);
    char missing[256];
    snprintf(missing, sizeof missing, "%s/nowhere/reports.csv", dir);
    CHECK_INT(reports_append(missing, &one), ENOENT);
    CHECK(access(missing, F_OK) != 0);

    /* a read-only file is refused, not silently skipped */
    if (testlib_permissions_enforced()) {
        CHECK(chmod(path, 0400) == 0);
        CHECK_INT(reports_append(path, &one), EACCES);
        CHECK_INT(reports_count(path), 2);
        chmod(path, 0600);
    }
    unlink(path);
    unlink(empty);
    rmdir(folder);
    rmdir(dir);
}

int main(void)
{
    test_format();
    test_append_and_count();
    return testlib_finish();
}
