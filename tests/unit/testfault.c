/* SQLite VFS shims for fault tests: a folder that can't be written (new
 * files refused, existing ones opened read-only) and a disk that fills up
 * after a byte budget. Pass the registered name as StoreOptions.vfs. They
 * exist because the tests run as root, where chmod does not stop writes. */
#include "testfault.h"

#include <string.h>
#include <sys/stat.h>

#include "testlib.h"

typedef struct ShimFile {
    sqlite3_file base;
    TestFaultVfs *shim;
    sqlite3_file *real; /* follows this struct in the same allocation */
} ShimFile;

static sqlite3_file *real_of(sqlite3_file *f)
{
    return ((ShimFile *)f)->real;
}

static int shim_close(sqlite3_file *f)
{
    sqlite3_file *r = real_of(f);
    return r->pMethods ? r->pMethods->xClose(r) : SQLITE_OK;
}

static int shim_read(sqlite3_file *f, void *buf, int amt, sqlite3_int64 off)
{
    return real_of(f)->pMethods->xRead(real_of(f), buf, amt, off);
}

static int shim_write(sqlite3_file *f, const void *buf, int amt, sqlite3_int64 off)
{
    TestFaultVfs *shim = ((ShimFile *)f)->shim;
    if (shim->readonly)
        return SQLITE_READONLY;
    if (shim->budget >= 0 && shim->written + amt > shim->budget)
        return SQLITE_FULL;
    shim->written += amt;
    return real_of(f)->pMethods->xWrite(real_of(f), buf, amt, off);
}

static int shim_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    if (((ShimFile *)f)->shim->readonly)
        return SQLITE_READONLY;
    return real_of(f)->pMethods->xTruncate(real_of(f), size);
}

static int shim_sync(sqlite3_file *f, int flags)
{
    return real_of(f)->pMethods->xSync(real_of(f), flags);
}

static int shim_size(sqlite3_file *f, sqlite3_int64 *size)
{
    return real_of(f)->pMethods->xFileSize(real_of(f), size);
}

static int shim_lock(sqlite3_file *f, int level)
{
    return real_of(f)->pMethods->xLock(real_of(f), level);
}

static int shim_unlock(sqlite3_file *f, int level)
{
    return real_of(f)->pMethods->xUnlock(real_of(f), level);
}

static int shim_reserved(sqlite3_file *f, int *out)
{
    return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out);
}

static int shim_control(sqlite3_file *f, int op, void *arg)
{
    return real_of(f)->pMethods->xFileControl(real_of(f), op, arg);
}

static int shim_sector(sqlite3_file *f)
{
    return real_of(f)->pMethods->xSectorSize(real_of(f));
}

static int shim_device(sqlite3_file *f)
{
    return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f));
}

static int shim_shm_map(sqlite3_file *f, int page, int size, int extend, void volatile **pp)
{
    return real_of(f)->pMethods->xShmMap(real_of(f), page, size, extend, pp);
}

static int shim_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
    return real_of(f)->pMethods->xShmLock(real_of(f), offset, n, flags);
}

static void shim_shm_barrier(sqlite3_file *f)
{
    real_of(f)->pMethods->xShmBarrier(real_of(f));
}

static int shim_shm_unmap(sqlite3_file *f, int delete_flag)
{
    return real_of(f)->pMethods->xShmUnmap(real_of(f), delete_flag);
}

static int shim_fetch(sqlite3_file *f, sqlite3_int64 off, int amt, void **pp)
{
    *pp = NULL; /* no memory mapping: every write goes through xWrite */
    (void)f;
    (void)off;
    (void)amt;
    return SQLITE_OK;
}

static int shim_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
    (void)f;
    (void)off;
    (void)p;
    return SQLITE_OK;
}

static const sqlite3_io_methods SHIM_METHODS = {
    3, shim_close, shim_read, shim_write, shim_truncate, shim_sync, shim_size, shim_lock, shim_unlock,
    shim_reserved, shim_control, shim_sector, shim_device, shim_shm_map, shim_shm_lock, shim_shm_barrier,
    shim_shm_unmap, shim_fetch, shim_unfetch};

static int shim_open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *f, int flags, int *out)
{
    TestFaultVfs *shim = vfs->pAppData;
    ShimFile *sf = (ShimFile *)f;
    memset(sf, 0, sizeof *sf);
    sf->shim = shim;
    sf->real = (sqlite3_file *)(sf + 1);
    const int persistent = SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_WAL |
                           SQLITE_OPEN_SUPER_JOURNAL;
    if (shim->readonly && (flags & persistent) && (flags & SQLITE_OPEN_READWRITE)) {
        struct stat sb;
        if (!name || stat(name, &sb) != 0)
            return SQLITE_CANTOPEN; /* a read-only folder can't get new files */
        flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_READONLY;
    }
    int rc = shim->real->xOpen(shim->real, name, sf->real, flags, out);
    sf->base.pMethods = rc == SQLITE_OK ? &SHIM_METHODS : NULL;
    return rc;
}

static int shim_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
    TestFaultVfs *shim = vfs->pAppData;
    if (shim->readonly)
        return SQLITE_IOERR_DELETE;
    return shim->real->xDelete(shim->real, name, sync_dir);
}

static int shim_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
    TestFaultVfs *shim = vfs->pAppData;
    int rc = shim->real->xAccess(shim->real, name, flags, out);
    if (rc == SQLITE_OK && shim->readonly && flags == SQLITE_ACCESS_READWRITE)
        *out = 0;
    return rc;
}

static int shim_full_path(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
    TestFaultVfs *shim = vfs->pAppData;
    return shim->real->xFullPathname(shim->real, name, n, out);
}

void testfault_register(TestFaultVfs *shim, const char *name, bool readonly)
{
    shim->real = sqlite3_vfs_find(NULL);
    shim->vfs = *shim->real;
    shim->vfs.zName = name;
    shim->vfs.szOsFile = (int)sizeof(ShimFile) + shim->real->szOsFile;
    shim->vfs.pAppData = shim;
    shim->vfs.xOpen = shim_open;
    shim->vfs.xDelete = shim_delete;
    shim->vfs.xAccess = shim_access;
    shim->vfs.xFullPathname = shim_full_path;
    shim->vfs.pNext = NULL;
    shim->readonly = readonly;
    shim->budget = -1;
    CHECK(sqlite3_vfs_register(&shim->vfs, 0) == SQLITE_OK);
}
