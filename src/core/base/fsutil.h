/* Small file-system helpers shared by the loaders, the store and main:
 * creating a folder with its parents, and reading a whole regular file
 * without ever blocking on a FIFO or a device. Knows nothing of banks or
 * SQLite. */
#ifndef CLOUDPREP_FSUTIL_H
#define CLOUDPREP_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Creates path and its missing parents with `mode`. Returns 0, or an errno
 * value (ENOTDIR when path exists and is not a folder, ENAMETOOLONG). */
int fsutil_make_dirs(const char *path, mode_t mode);

/* Reads the regular file at path into a new NUL-terminated buffer the
 * caller frees; *len gets its size. Opens without blocking and without
 * following a FIFO or device: anything but a regular file fails with
 * EINVAL-like errors. Refuses files larger than max_bytes (EFBIG).
 * Returns NULL with errno set on failure; `what` (may be NULL, size
 * what_size) then gets a short phrase ("is a FIFO, not a regular file"). */
char *fsutil_read_regular(const char *path, size_t max_bytes, size_t *len, char *what, size_t what_size);

/* Takes an advisory exclusive lock (flock) on path, creating the file
 * (mode 0600) when missing, without waiting. Returns 0 and the open
 * descriptor in *fd (release with fsutil_unlock), EWOULDBLOCK when another
 * process (or another open of the same file) holds it, or another errno
 * value when the file can't be opened. */
int fsutil_lock(const char *path, int *fd);
/* Releases a lock from fsutil_lock; fd < 0 is ignored. */
void fsutil_unlock(int fd);

/* Names the kind of a stat mode for messages: "a folder", "a FIFO",
 * "a device", "a socket", "a symbolic link", "a regular file". */
const char *fsutil_kind_name(mode_t mode);

#endif
