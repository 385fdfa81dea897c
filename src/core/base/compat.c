/* POSIX and Windows versions of the calls declared in compat.h. Each function
 * is written once per system below; callers never test _WIN32 themselves. */
#include "compat.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <direct.h>
#include <io.h>
#include <windows.h>
#else
#include <sys/file.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

int compat_mkdir_private(const char *path)
{
    return compat_mkdir(path, 0700);
}

void compat_native_separators(char *path)
{
    size_t n = 0;
    for (char *p = path; *p; p++, n++)
        if (*p == '/') /* on POSIX a no-op: a backslash is part of a name there */
            *p = COMPAT_DIR_SEP;
    if (n > 1 && path[n - 1] == COMPAT_DIR_SEP && !(n == 3 && path[1] == ':'))
        path[n - 1] = '\0';
}

bool compat_is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

bool compat_exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

#ifdef _WIN32

/* Days from 1970-01-01 to the civil date y-m-d (proleptic Gregorian). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Files open in binary mode unless asked otherwise, as on POSIX: nothing in
 * cloudprep wants CR/LF translation (CSV files write their CRLF themselves).
 * Runs before main in every program that links this module. */
__attribute__((constructor)) static void compat_binary_files(void)
{
    _fmode = _O_BINARY;
}

/* UTF-8 to a malloc'd wide string, or NULL with errno. */
static wchar_t *wide_from_utf8(const char *s)
{
    int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, NULL, 0);
    if (n <= 0) {
        errno = EINVAL;
        return NULL;
    }
    wchar_t *w = malloc((size_t)n * sizeof *w);
    if (!w) {
        errno = ENOMEM;
        return NULL;
    }
    MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, w, n);
    return w;
}

static int errno_from_win32(DWORD e)
{
    switch (e) {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND: return ENOENT;
    case ERROR_ACCESS_DENIED:
    case ERROR_SHARING_VIOLATION:
    case ERROR_LOCK_VIOLATION: return EACCES;
    case ERROR_ALREADY_EXISTS:
    case ERROR_FILE_EXISTS: return EEXIST;
    case ERROR_DISK_FULL:
    case ERROR_HANDLE_DISK_FULL: return ENOSPC;
    case ERROR_WRITE_PROTECT: return EROFS;
    case ERROR_NOT_SAME_DEVICE: return EXDEV;
    case ERROR_FILENAME_EXCED_RANGE: return ENAMETOOLONG;
    default: return EIO;
    }
}

/* True when the standard handle leads somewhere (a console, file or pipe). */
static bool std_handle_usable(DWORD which)
{
    HANDLE h = GetStdHandle(which);
    return h != NULL && h != INVALID_HANDLE_VALUE && GetFileType(h) != FILE_TYPE_UNKNOWN;
}

void compat_console_setup(void)
{
    /* "\n" stays "\n": output reads the same when piped or saved to a file */
    (void)_setmode(_fileno(stdout), _O_BINARY);
    (void)_setmode(_fileno(stderr), _O_BINARY);
    bool out_ok = std_handle_usable(STD_OUTPUT_HANDLE), err_ok = std_handle_usable(STD_ERROR_HANDLE);
    if ((out_ok && err_ok) || !AttachConsole(ATTACH_PARENT_PROCESS))
        return;
    if (!out_ok && freopen("CONOUT$", "w", stdout))
        setvbuf(stdout, NULL, _IONBF, 0);
    if (!err_ok && freopen("CONOUT$", "w", stderr))
        setvbuf(stderr, NULL, _IONBF, 0);
    SetConsoleOutputCP(CP_UTF8);
}

int compat_mkdir(const char *path, unsigned mode)
{
    (void)mode;
    wchar_t *w = wide_from_utf8(path);
    if (!w)
        return -1;
    int rc = _wmkdir(w);
    free(w);
    return rc;
}

bool compat_is_sep(char c)
{
    return c == '/' || c == '\\';
}

void compat_catch_stop_signals(void (*handler)(int))
{
    signal(SIGTERM, handler);
    signal(SIGINT, handler);
}

void compat_ignore_file_size_limit(void)
{
}

int compat_lock(int fd)
{
    HANDLE h = (HANDLE)_get_osfhandle(fd);
    OVERLAPPED at;
    memset(&at, 0, sizeof at);
    if (h == INVALID_HANDLE_VALUE) {
        errno = EBADF;
        return -1;
    }
    if (LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &at))
        return 0;
    DWORD e = GetLastError();
    errno = e == ERROR_LOCK_VIOLATION || e == ERROR_IO_PENDING ? EWOULDBLOCK : errno_from_win32(e);
    return -1;
}

void compat_unlock(int fd)
{
    HANDLE h = (HANDLE)_get_osfhandle(fd);
    OVERLAPPED at;
    memset(&at, 0, sizeof at);
    if (h != INVALID_HANDLE_VALUE)
        UnlockFileEx(h, 0, 1, 0, &at);
}

void compat_make_private(const char *path)
{
    (void)path;
}

int compat_replace_file(const char *from, const char *to)
{
    wchar_t *wf = wide_from_utf8(from), *wt = wide_from_utf8(to);
    int rc = -1;
    if (wf && wt) {
        if (MoveFileExW(wf, wt, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
            rc = 0;
        else
            errno = errno_from_win32(GetLastError());
    }
    free(wf);
    free(wt);
    return rc;
}

ssize_t compat_read(int fd, void *buf, size_t len)
{
    return _read(fd, buf, len > INT_MAX ? INT_MAX : (unsigned)len);
}

ssize_t compat_write(int fd, const void *buf, size_t len)
{
    return _write(fd, buf, len > INT_MAX ? INT_MAX : (unsigned)len);
}

int compat_fsync(int fd)
{
    return _commit(fd);
}

bool compat_pwrite_all(int fd, const void *buf, size_t len, int64_t offset)
{
    if (_lseeki64(fd, offset, SEEK_SET) != offset)
        return false;
    int mode = _setmode(fd, _O_BINARY); /* bytes as they are, whatever open() chose */
    const char *p = buf;
    bool ok = true;
    while (ok && len > 0) {
        unsigned chunk = len > INT_MAX ? INT_MAX : (unsigned)len;
        int n = _write(fd, p, chunk);
        ok = n > 0;
        if (ok) {
            p += n;
            len -= (size_t)n;
        }
    }
    if (mode != -1)
        (void)_setmode(fd, mode);
    return ok;
}

void compat_sync_dir(const char *dir)
{
    (void)dir;
}

int64_t compat_thread_cpu_us(void)
{
    FILETIME created, exited, kernel, user;
    if (!GetThreadTimes(GetCurrentThread(), &created, &exited, &kernel, &user))
        return 0;
    uint64_t k = ((uint64_t)kernel.dwHighDateTime << 32) | kernel.dwLowDateTime;
    uint64_t u = ((uint64_t)user.dwHighDateTime << 32) | user.dwLowDateTime;
    return (int64_t)((k + u) / 10); /* 100 ns units */
}

void compat_set_time_zone(const char *tz)
{
    _putenv_s("TZ", tz);
    _tzset();
}

int compat_utc_offset(int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (localtime_s(&tm, &tt) != 0)
        return 0;
    int64_t local = days_from_civil((int64_t)tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) * 86400 +
                    tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
    return (int)(local - t);
}

bool compat_map_file(const char *path, CompatMappedFile *out)
{
    memset(out, 0, sizeof *out);
    wchar_t *w = wide_from_utf8(path);
    if (!w)
        return false;
    HANDLE file = CreateFileW(w, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    free(w);
    if (file == INVALID_HANDLE_VALUE) {
        errno = errno_from_win32(GetLastError());
        return false;
    }
    LARGE_INTEGER size;
    if (!GetFileSizeEx(file, &size) || size.QuadPart <= 0 || size.QuadPart >= INT_MAX) {
        CloseHandle(file);
        errno = EFBIG;
        return false;
    }
    HANDLE mapping = CreateFileMappingW(file, NULL, PAGE_READONLY, 0, 0, NULL);
    CloseHandle(file); /* the mapping keeps the file open */
    if (!mapping) {
        errno = errno_from_win32(GetLastError());
        return false;
    }
    const void *data = MapViewOfFile(mapping, FILE_MAP_READ, 0, 0, 0);
    if (!data) {
        errno = errno_from_win32(GetLastError());
        CloseHandle(mapping);
        return false;
    }
    out->data = data;
    out->size = (size_t)size.QuadPart;
    out->handle = mapping;
    return true;
}

void compat_unmap_file(CompatMappedFile *f)
{
    if (f->data)
        UnmapViewOfFile(f->data);
    if (f->handle)
        CloseHandle(f->handle);
    memset(f, 0, sizeof *f);
}

#else /* POSIX */

void compat_console_setup(void)
{
}

int compat_mkdir(const char *path, unsigned mode)
{
    return mkdir(path, (mode_t)mode);
}

bool compat_is_sep(char c)
{
    return c == '/';
}

void compat_catch_stop_signals(void (*handler)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND; /* a second signal takes the default action */
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
}

void compat_ignore_file_size_limit(void)
{
    signal(SIGXFSZ, SIG_IGN);
}

int compat_lock(int fd)
{
    return flock(fd, LOCK_EX | LOCK_NB);
}

void compat_unlock(int fd)
{
    (void)flock(fd, LOCK_UN);
}

void compat_make_private(const char *path)
{
    (void)chmod(path, 0600);
}

int compat_replace_file(const char *from, const char *to)
{
    return rename(from, to);
}

ssize_t compat_read(int fd, void *buf, size_t len)
{
    return read(fd, buf, len);
}

ssize_t compat_write(int fd, const void *buf, size_t len)
{
    return write(fd, buf, len);
}

int compat_fsync(int fd)
{
    return fsync(fd);
}

bool compat_pwrite_all(int fd, const void *buf, size_t len, int64_t offset)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t n = pwrite(fd, p, len, (off_t)offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        len -= (size_t)n;
        offset += n;
    }
    return true;
}

void compat_sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    (void)fsync(fd);
    close(fd);
}

int64_t compat_thread_cpu_us(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return 0;
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

void compat_set_time_zone(const char *tz)
{
    setenv("TZ", tz, 1);
    tzset();
}

int compat_utc_offset(int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (!localtime_r(&tt, &tm))
        return 0;
    return (int)tm.tm_gmtoff;
}

bool compat_map_file(const char *path, CompatMappedFile *out)
{
    memset(out, 0, sizeof *out);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat sb;
    void *p = MAP_FAILED;
    if (fstat(fd, &sb) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return false;
    }
    if (sb.st_size <= 0 || sb.st_size >= INT_MAX) {
        close(fd);
        errno = EFBIG;
        return false;
    }
    p = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    int saved = errno;
    close(fd);
    if (p == MAP_FAILED) {
        errno = saved;
        return false;
    }
    out->data = p;
    out->size = (size_t)sb.st_size;
    return true;
}

void compat_unmap_file(CompatMappedFile *f)
{
    if (f->data)
        munmap((void *)f->data, f->size);
    memset(f, 0, sizeof *f);
}

#endif
