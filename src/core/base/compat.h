/* The few file-system and clock calls where Windows and POSIX differ, in one
 * place, so the rest of cloudprep reads the same on both. Paths are UTF-8 on
 * both (the Windows program's manifest sets the UTF-8 code page; the calls
 * here that take wide strings convert). Nothing here knows about SDL. */
#ifndef CLOUDPREP_COMPAT_H
#define CLOUDPREP_COMPAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>
#include <fcntl.h>
#include <sys/stat.h>

#ifdef _WIN32
/* POSIX names the Windows C library lacks, with the meaning they have there:
 * no FIFOs, terminals or symbolic links to guard against; O_NOINHERIT is
 * close-on-exec. (compat.c makes binary the default file mode, as on POSIX.) */
#ifndef O_NONBLOCK
#define O_NONBLOCK 0
#endif
#ifndef O_NOCTTY
#define O_NOCTTY 0
#endif
#ifndef O_NOFOLLOW
#define O_NOFOLLOW 0
#endif
#ifndef O_CLOEXEC
#define O_CLOEXEC O_NOINHERIT
#endif
#ifndef S_ISLNK
#define S_ISLNK(m) 0
#endif
#ifndef S_ISSOCK
#define S_ISSOCK(m) 0
#endif
#define lstat(path, sb) stat(path, sb)
#endif

#ifdef _WIN32
/* Whether files carry POSIX permission bits (0700 folders, 0600 files). */
#define COMPAT_FILE_MODES 0
#define COMPAT_DIR_SEP '\\'
#define COMPAT_DIR_SEP_STR "\\"
/* mingw's printf checks follow the MS C library unless told it is GNU's. */
#define COMPAT_PRINTF(fmt, args) __attribute__((format(gnu_printf, fmt, args)))
#else
#define COMPAT_FILE_MODES 1
#define COMPAT_DIR_SEP '/'
#define COMPAT_DIR_SEP_STR "/"
#define COMPAT_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#endif

/* A Windows program built for the GUI subsystem has no console: when it was
 * started from one (cmd, PowerShell) and its output is not redirected, this
 * attaches stdout and stderr to that console, so --help, --version,
 * --check-bank and errors print there; output is written without CR/LF
 * translation. Does nothing on POSIX. */
void compat_console_setup(void);

/* SIGTERM and SIGINT call `handler` once; a second one takes the default
 * action (sigaction with SA_RESETHAND; Windows' signal() resets by itself). */
void compat_catch_stop_signals(void (*handler)(int));

/* A write over a `ulimit -f` limit fails with EFBIG instead of killing the
 * process (SIGXFSZ ignored); Windows has no such limit. */
void compat_ignore_file_size_limit(void);

/* Creates one folder with `mode` where the system has modes (ignored on
 * Windows). Returns 0, or -1 with errno (EEXIST when it is already there). */
int compat_mkdir(const char *path, unsigned mode);

/* compat_mkdir(path, 0700): a folder private to the user. */
int compat_mkdir_private(const char *path);

/* True for a path separator of this system ('/', and also '\\' on Windows). */
bool compat_is_sep(char c);

/* An advisory, exclusive, non-waiting lock on an open file: flock(LOCK_EX |
 * LOCK_NB) on POSIX, LockFileEx on Windows. Returns 0, or -1 with errno
 * (EWOULDBLOCK when another process holds it). compat_unlock releases it. */
int compat_lock(int fd);
void compat_unlock(int fd);

/* Makes a file readable by its owner only (0600) where the system has modes;
 * on Windows the per-user folder's own permissions do that. */
void compat_make_private(const char *path);

/* Renames `from` to `to`, replacing `to` if it exists, in one step:
 * rename() on POSIX, MoveFileExW with replace and write-through on Windows
 * (where rename() fails when `to` exists). Returns 0, or -1 with errno. */
int compat_replace_file(const char *from, const char *to);

/* read(2) with a size_t count on both systems (Windows' read takes an
 * unsigned int: larger requests are cut, as a short read). */
ssize_t compat_read(int fd, void *buf, size_t len);
/* write(2) the same way (a short write past INT_MAX bytes on Windows). */
ssize_t compat_write(int fd, const void *buf, size_t len);

/* Flushes an open file descriptor's data to the disk. Returns 0, or -1 with errno. */
int compat_fsync(int fd);

/* Writes all `len` bytes at byte `offset` of the file; the file position
 * afterwards is unspecified.
 * Returns true when every byte was written; false with errno otherwise. */
bool compat_pwrite_all(int fd, const void *buf, size_t len, int64_t offset);

/* Flushes a folder's entries after a rename where the system allows it (a
 * no-op on Windows, whose MoveFileEx write-through already did). */
void compat_sync_dir(const char *dir);

/* True when path names an existing folder (follows links). */
bool compat_is_dir(const char *path);

/* True when path names anything that exists. */
bool compat_exists(const char *path);

/* CPU time the calling thread has used, in microseconds. */
int64_t compat_thread_cpu_us(void);

/* The local time zone's offset from UTC at `t`, in seconds east of UTC. */
int compat_utc_offset(int64_t t);
/* Sets the process's time zone to the POSIX TZ string `tz` ("UTC0",
 * "XST-9": nine hours east) for local-time calls (tests). */
void compat_set_time_zone(const char *tz);

/* Turns every '/' in path into the system's separator ('\\' on Windows), so a
 * path shown to the user uses one kind; drops one trailing separator. */
void compat_native_separators(char *path);

/* A whole file mapped (or read) into memory, read-only. */
typedef struct CompatMappedFile {
    const void *data;
    size_t size;
    void *handle; /* the system's mapping object (Windows), or NULL */
} CompatMappedFile;

/* Maps path read-only. Returns true and fills *out; false with errno set
 * (EFBIG for an empty file or one of 2 GiB or more). The caller releases
 * it with compat_unmap_file. */
bool compat_map_file(const char *path, CompatMappedFile *out);
void compat_unmap_file(CompatMappedFile *f);

#endif
