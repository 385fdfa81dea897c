/* reports.csv: see reports.h. A record is built in memory and written with
 * one write() on a descriptor opened for appending, so two rows never
 * interleave and a failed write is seen at once. */
#include "reports.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "compat.h"
#include "fsutil.h"

/* Appends field `s` to buf at *used (counting past size without writing). */
static void put_field(const char *s, char *buf, size_t size, size_t *used)
{
    s = s ? s : "";
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    size_t n = *used;
    if (quote) {
        if (n < size)
            buf[n] = '"';
        n++;
    }
    for (; *s; s++) {
        if (*s == '"') {
            if (n < size)
                buf[n] = '"';
            n++;
        }
        if (n < size)
            buf[n] = *s;
        n++;
    }
    if (quote) {
        if (n < size)
            buf[n] = '"';
        n++;
    }
    *used = n;
}

static void put_text(const char *s, char *buf, size_t size, size_t *used)
{
    for (; *s; s++, (*used)++)
        if (*used < size)
            buf[*used] = *s;
}

size_t reports_format_row(const ReportRow *row, char *buf, size_t size)
{
    char when[32] = "";
    time_t t = (time_t)row->time;
    struct tm tm;
    if (gmtime_r(&t, &tm))
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    const char *fields[] = {when, row->bank_code, row->bank_version, row->item_id, row->answer,
                            row->text};
    size_t used = 0;
    for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
        if (f)
            put_text(",", buf, size, &used);
        put_field(fields[f], buf, size, &used);
    }
    put_text("\r\n", buf, size, &used);
    if (size)
        buf[used < size ? used : size - 1] = '\0';
    return used;
}

/* Writes all of buf or fails with errno. */
static int write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t w = compat_write(fd, buf, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (w == 0)
            return EIO;
        buf += w;
        len -= (size_t)w;
    }
    return 0;
}

int reports_append(const char *path, const ReportRow *row)
{
    size_t need = reports_format_row(row, NULL, 0);
    size_t header = strlen(REPORTS_HEADER);
    char *buf = malloc(header + need + 1);
    if (!buf)
        return ENOMEM;
    memcpy(buf, REPORTS_HEADER, header);
    reports_format_row(row, buf + header, need + 1);

    bool created = true;
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0 && errno == EEXIST) {
        created = false;
        fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    }
    if (fd < 0) {
        int err = errno;
        free(buf);
        return err;
    }
    struct stat st;
    int err = fstat(fd, &st) != 0 ? errno : !S_ISREG(st.st_mode) ? EINVAL : 0;
    bool with_header = created || (err == 0 && st.st_size == 0);
    if (!err)
        err = write_all(fd, with_header ? buf : buf + header, (with_header ? header : 0) + need);
    if (!err && compat_fsync(fd) != 0)
        err = errno;
    if (close(fd) != 0 && !err)
        err = errno;
    if (err && created)
        unlink(path);
    free(buf);
    return err;
}

int reports_count(const char *path)
{
    size_t len = 0;
    char what[64];
    char *text = fsutil_read_regular(path, REPORTS_MAX_FILE_BYTES, &len, what, sizeof what);
    if (!text)
        return errno == ENOENT ? 0 : -1;
    int lines = 0;
    bool quoted = false, content = false;
    for (size_t i = 0; i < len; i++) {
        char ch = text[i];
        if (ch == '"')
            quoted = !quoted;
        if (ch == '\n' && !quoted) {
            lines += content;
            content = false;
        } else if (ch != '\r') {
            content = true;
        }
    }
    lines += content; /* a last record without a line end */
    free(text);
    return lines > 0 ? lines - 1 : 0;
}
