/* File-system helpers: folder creation and bounded, non-blocking reads of
 * regular files (a FIFO named like a bank file must never hang a reader).
 * Writing files safely is left to the modules that own them. */
#include "fsutil.h"

#include "compat.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FSUTIL_PATH_MAX 4096

int fsutil_make_dirs(const char *path, mode_t mode)
{
    char buf[FSUTIL_PATH_MAX];
    size_t len = strlen(path);
    if (len == 0 || len >= sizeof buf)
        return ENAMETOOLONG;
    memcpy(buf, path, len + 1);
    for (size_t i = 1; i <= len; i++) {
        if (!compat_is_sep(buf[i]) && buf[i] != '\0')
            continue;
        char saved = buf[i];
        buf[i] = '\0';
        /* a drive ("C:") exists without being creatable */
        if (compat_mkdir(buf, mode) != 0 && errno != EEXIST && !compat_is_dir(buf))
            return errno;
        buf[i] = saved;
    }
    struct stat sb;
    if (stat(path, &sb) != 0)
        return errno;
    return S_ISDIR(sb.st_mode) ? 0 : ENOTDIR;
}

const char *fsutil_kind_name(mode_t mode)
{
    if (S_ISREG(mode)) return "a regular file";
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISLNK(mode)) return "a symbolic link";
    return "not a regular file";
}

static char *fail_with(int err, char *what, size_t what_size, const char *phrase)
{
    if (what && what_size)
        snprintf(what, what_size, "%s", phrase ? phrase : strerror(err));
    errno = err;
    return NULL;
}

char *fsutil_read_regular(const char *path, size_t max_bytes, size_t *len, char *what, size_t what_size)
{
    *len = 0;
    struct stat sb;
    if (stat(path, &sb) != 0)
        return fail_with(errno, what, what_size, NULL);
    char phrase[96];
    if (!S_ISREG(sb.st_mode)) {
        snprintf(phrase, sizeof phrase, "is %s, not a regular file", fsutil_kind_name(sb.st_mode));
        return fail_with(EINVAL, what, what_size, phrase);
    }
    /* O_NONBLOCK: if the name was swapped for a FIFO after the stat, open
     * returns at once instead of waiting for a writer. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return fail_with(errno, what, what_size, NULL);
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        int err = errno;
        close(fd);
        snprintf(phrase, sizeof phrase, "is %s, not a regular file", fsutil_kind_name(sb.st_mode));
        return fail_with(err ? err : EINVAL, what, what_size, phrase);
    }
    if ((unsigned long long)sb.st_size > (unsigned long long)max_bytes) {
        close(fd);
        snprintf(phrase, sizeof phrase, "is larger than the limit of %zu bytes", max_bytes);
        return fail_with(EFBIG, what, what_size, phrase);
    }
    size_t cap = (size_t)sb.st_size;
    char *buf = malloc(cap + 1);
    if (!buf) {
        close(fd);
        return fail_with(ENOMEM, what, what_size, "out of memory");
    }
    size_t got = 0;
    /* bounded: never more than the size seen (a file growing meanwhile is cut) */
    while (got < cap) {
        ssize_t r = compat_read(fd, buf + got, cap - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int err = errno;
            free(buf);
            close(fd);
            return fail_with(err, what, what_size, NULL);
        }
        if (r == 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    buf[got] = '\0';
    *len = got;
    return buf;
}

int fsutil_lock(const char *path, int *fd)
{
    *fd = -1;
    int f = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
    if (f < 0)
        return errno;
    struct stat sb;
    if (fstat(f, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(f);
        return EINVAL;
    }
    if (compat_lock(f) != 0) {
        int err = errno == EWOULDBLOCK ? EWOULDBLOCK : errno;
        close(f);
        return err;
    }
    *fd = f;
    return 0;
}

void fsutil_unlock(int fd)
{
    if (fd < 0)
        return;
    compat_unlock(fd);
    close(fd);
}
