/* Loading a bank folder: exam.yaml first, then every *.yaml item file in
 * byte order of its name. Files are read whole (never blocking on a FIFO,
 * never past the size limit) and handed to bankfile.c; a file that cannot
 * be read is reported and skipped like one with errors. */
#include "bankload_internal.h"
#include "fsutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* A growing read buffer, reused from file to file (fewer page faults). */
typedef struct ReadBuffer {
    char *data;
    size_t cap;
} ReadBuffer;

/* Reads a whole regular file into rb. Returns false with errno set on
 * failure: EFBIG (with *len = the file's size) when it is over the size
 * limit, EINVAL with *kind naming what it is for a FIFO, device,
 * socket or folder. The open never blocks (O_NONBLOCK), so a FIFO named
 * like a bank file can't hang the loader; reads stop at the limit. */
static bool read_file(const char *path, ReadBuffer *rb, size_t *len, const char **kind)
{
    *len = 0;
    *kind = NULL;
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        *kind = fsutil_kind_name(st.st_mode);
        errno = EINVAL;
        return false;
    }
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return false;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        *kind = fsutil_kind_name(st.st_mode);
        close(fd);
        errno = EINVAL;
        return false;
    }
    if (st.st_size > (off_t)BANK_LIMIT_FILE_BYTES) {
        close(fd);
        *len = (size_t)st.st_size;
        errno = EFBIG;
        return false;
    }
    size_t n = 0;
    bool ok = true;
    for (;;) {
        if (n == rb->cap) {
            if (rb->cap > BANK_LIMIT_FILE_BYTES)
                break;
            size_t cap = rb->cap ? rb->cap * 2 : 256 * 1024;
            char *grown = realloc(rb->data, cap);
            if (!grown) {
                ok = false;
                errno = ENOMEM;
                break;
            }
            rb->data = grown;
            rb->cap = cap;
        }
        ssize_t got = compat_read(fd, rb->data + n, rb->cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            ok = false;
            break;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    int saved = errno;
    close(fd);
    errno = saved;
    *len = n;
    return ok;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

/* Reports a file that could not be read: "cannot read", or over the limit
 * in the words bank_parse_* use for a buffer over the limit. */
static void report_unreadable(Diag *d, const char *path, size_t len, const char *kind)
{
    if (kind)
        diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read: this is %s, not a regular file; bank files "
                 "must be ordinary files", kind);
    else if (errno == EFBIG)
        diag_add(d, DIAG_ERROR, path, 0, 0, "file is %zu bytes; the limit is %u bytes (4 MiB)",
                 len, BANK_LIMIT_FILE_BYTES);
    else
        diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
}

/* A name that was probably meant as an item file: ends in .yml, .YAML or
 * any other case of those, possibly followed by spaces or dots. */
static bool looks_like_yaml_name(const char *n)
{
    size_t len = strlen(n);
    while (len > 0 && (n[len - 1] == ' ' || n[len - 1] == '\t' || n[len - 1] == '.'))
        len--;
    static const char *const EXT[] = {".yaml", ".yml"};
    for (size_t i = 0; i < 2; i++) {
        size_t lx = strlen(EXT[i]);
        if (len >= lx && strncasecmp(n + len - lx, EXT[i], lx) == 0)
            return true;
    }
    return false;
}

/* Lists the item files of dir (sorted); warns about names meant as item
 * files that won't load (*.yml, *.YAML, trailing spaces). Returns the
 * count, or -1 when the folder cannot be read. *names is malloc'd. */
static int list_item_files(const char *dir, Diag *d, char ***names)
{
    DIR *dh = opendir(dir);
    *names = NULL;
    if (!dh)
        return -1;
    int count = 0, cap = 0;
    struct dirent *e;
    char path[4096];
    while ((e = readdir(dh)) != NULL) {
        const char *n = e->d_name;
        if (n[0] == '.' || strcmp(n, "exam.yaml") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, n);
        if (compat_is_dir(path))
            continue;
        if (!ends_with(n, ".yaml")) {
            if (looks_like_yaml_name(n)) {
                diag_add(d, DIAG_WARNING, path, 0, 0, "ignored: bank files must end in '.yaml' exactly "
                         "(lower case, nothing after it); rename it to load it");
            }
            continue;
        }
        if (count == cap) {
            int ncap = cap ? cap * 2 : 32;
            char **grown = realloc(*names, sizeof *grown * (size_t)ncap);
            if (!grown)
                break;
            *names = grown;
            cap = ncap;
        }
        (*names)[count] = strdup(n);
        if ((*names)[count])
            count++;
    }
    closedir(dh);
    if (count > 1)
        qsort(*names, (size_t)count, sizeof **names, compare_names);
    return count;
}

Bank *bank_load_dir(const char *dir, Diag *out)
{
    Diag local = {0};
    Diag *d = out ? out : &local;
    struct stat st;
    if (!dir || !*dir) {
        diag_add(d, DIAG_ERROR, "(none)", 0, 0, "no bank folder given");
        diag_free(&local);
        return NULL;
    }
    int found = stat(dir, &st);
    if (found != 0 || !S_ISDIR(st.st_mode)) {
        diag_add(d, DIAG_ERROR, dir, 0, 0, "cannot open bank folder: %s",
                 found != 0 ? strerror(errno) : "not a folder");
        diag_free(&local);
        return NULL;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/exam.yaml", dir);
    size_t len;
    const char *kind;
    ReadBuffer rb = {0};
    if (!read_file(path, &rb, &len, &kind)) {
        if (errno == ENOENT)
            diag_add(d, DIAG_ERROR, path, 0, 0,
                     "no exam.yaml in bank folder '%s'; every bank needs one (see banks/FORMAT.md)",
                     dir);
        else
            report_unreadable(d, path, len, kind);
        free(rb.data);
        diag_free(&local);
        return NULL;
    }
    Bank *b = bank_new(dir);
    if (!b) {
        free(rb.data);
        diag_add(d, DIAG_ERROR, dir, 0, 0, "out of memory");
        diag_free(&local);
        return NULL;
    }
    if (!bank_parse_exam(b, rb.data, len, path, d)) {
        free(rb.data);
        bank_free(b);
        diag_free(&local);
        return NULL;
    }
    char **names;
    int count = list_item_files(dir, d, &names);
    for (int i = 0; i < count; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (!read_file(path, &rb, &len, &kind)) {
            int at = d->count;
            report_unreadable(d, path, len, kind);
            diag_add(d, DIAG_NOTE, path, 0, 0, "file skipped");
            b->skipped_files++;
            if (!b->first_error && at < d->count) {
                char line[1400];
                diag_format(d, at, line, sizeof line);
                b->first_error = arena_strdup(&b->arena->mem, line);
            }
        } else {
            bank_parse_items(b, rb.data, len, path, d);
        }
        free(names[i]);
    }
    free(names);
    free(rb.data);
    diag_free(&local);
    return b;
}
