/* Emptying a box's writable directories between tests (threat-model.md #46), shared by the native box's
 * init (native/box_init.c) and the docker runner (docker/runner.c); both run as the box's uid, after
 * every process of the previous run is gone, so nothing changes the tree while it is removed.
 * Header-only (static functions): each program is one translation unit. */
#ifndef ALGOCODE_BOX_RESET_H
#define ALGOCODE_BOX_RESET_H

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define RESET_MAX_DEPTH 32

/* Remove everything inside the directory open as `dir` (not the directory itself), never following a
 * link and never crossing into another mount. Returns 0, or the errno of the first failure. Directories
 * the program made unreadable or unwritable are its own: their mode is restored before they are emptied.
 * Deeper than RESET_MAX_DEPTH, a directory is moved up into `root` and *again is set: the caller makes
 * another pass, so an arbitrarily deep tree costs neither stack nor more than RESET_MAX_DEPTH fds. */
static int empty_dir(int root, int dir, int depth, int *again) {
    static unsigned long moved = 0;
    int scan = dup(dir);
    if (scan < 0) return errno;
    DIR *d = fdopendir(scan);
    if (!d) {
        int e = errno;
        close(scan);
        return e;
    }
    rewinddir(d); /* the dup shares the offset an earlier pass left at the end */
    struct stat top;
    if (fstat(dir, &top) != 0) {
        int e = errno;
        closedir(d);
        return e;
    }
    int err = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *name = e->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
        if (unlinkat(dir, name, 0) == 0 || errno == ENOENT) continue;
        if (errno != EISDIR && errno != EPERM) {
            if (!err) err = errno;
            continue;
        }
        struct stat st;
        if (fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode) || st.st_dev != top.st_dev) {
            if (!err) err = EBUSY;
            continue;
        }
        if ((st.st_mode & 0700) != 0700) fchmodat(dir, name, 0700, 0);
        if (depth >= RESET_MAX_DEPTH) {
            char up[64];
            snprintf(up, sizeof up, ".algocode-reset-%lu", ++moved);
            if (renameat(dir, name, root, up) != 0 && !err) err = errno;
            *again = 1;
            continue;
        }
        int sub = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (sub < 0) {
            if (!err) err = errno;
            continue;
        }
        int r = empty_dir(root, sub, depth + 1, again);
        close(sub);
        if (r && !err) err = r;
        if (unlinkat(dir, name, AT_REMOVEDIR) != 0 && !err) err = errno;
    }
    closedir(d);
    return err;
}

/* Empty each of `paths` (a NULL-terminated list of directories); a missing one is fine. */
static int empty_dirs(const char *const *paths) {
    int err = 0;
    for (; *paths; paths++) {
        int fd = open(*paths, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) {
            if (errno != ENOENT && !err) err = errno;
            continue;
        }
        int again = 1, r = 0;
        for (int pass = 0; again && !r && pass < 100000; pass++) {
            again = 0;
            r = empty_dir(fd, fd, 0, &again);
        }
        close(fd);
        if (r && !err) err = r;
    }
    return err;
}

#endif
