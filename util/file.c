/* file.c: files read whole, and written whole or not at all: through a
 * temporary file beside the target, every write checked, renamed into
 * place; symlinks followed, devices and FIFOs written directly, a run's
 * own inputs and outputs never overwritten, stale temporaries removed */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* What a writer that failed without a system error is told. */
#define WRITER_FAILED "the writer failed"

/* Largest file read whole: sources, styles and sidecars are a few MB;
 * a bigger one is a mistake (or /dev/zero), not a bulletin. */
#define FILE_MAX ((size_t)256 << 20)

const char *file_why(int err)
{
    if (err == EINVAL)
        return "not a regular file (a directory, FIFO or device)";
    if (err == EFBIG)
        return "larger than any bulletin file (256 MB)";
    return strerror(err);
}

/* Open for reading without blocking on a FIFO, and only a regular file. */
static FILE *open_regular(const char *path)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    int bad = fstat(fd, &st) != 0 ? errno
              : !S_ISREG(st.st_mode) ? EINVAL
              : (size_t)st.st_size > FILE_MAX ? EFBIG : 0;
    FILE *f = bad ? NULL : fdopen(fd, "rb");
    if (!f) {
        close(fd);
        errno = bad ? bad : errno;
    }
    return f;
}

char *file_read(const char *path, size_t *len)
{
    FILE *f = open_regular(path);
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    int err = 0;
    for (;;) {
        if (cap - n < 4096) {
            cap = cap ? cap * 2 : 65536;
            char *p = cap <= FILE_MAX * 2 ? realloc(buf, cap + 1) : NULL;
            if (!p) {
                err = cap > FILE_MAX * 2 ? EFBIG : ENOMEM;
                break;
            }
            buf = p;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (!err && ferror(f))
        err = EIO;
    fclose(f);
    if (err) {
        free(buf);
        errno = err;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

char *path_dir(ar_arena *ar, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return ar_strdup(ar, ".");
    if (slash == path)
        return ar_strdup(ar, "/");
    return ar_strndup(ar, path, (size_t)(slash - path));
}

char *path_join(ar_arena *ar, const char *dir, const char *rel)
{
    if (rel[0] == '/' || !dir || !dir[0] || strcmp(dir, ".") == 0)
        return ar_strdup(ar, rel);
    return ar_printf(ar, "%s/%s", dir, rel);
}

/* ---- the files of a run ---- */

void file_run_init(file_run *r)
{
    memset(r, 0, sizeof *r);
}

void file_run_free(file_run *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->ids[i].path);
    free(r->ids);
    file_run_init(r);
}

static void remember(file_run *r, const struct stat *st, const char *path,
                     int output)
{
    file_id *id = r ? VEC_PUSH(r->ids, r->n, r->cap) : NULL;
    if (id)
        *id = (file_id){st->st_dev, st->st_ino, output, strdup(path)};
}

void file_run_input(file_run *r, const char *path)
{
    struct stat st;
    if (r && path && stat(path, &st) == 0 && S_ISREG(st.st_mode))
        remember(r, &st, path, 0);
}

static const file_id *known(const file_run *r, const struct stat *st)
{
    for (size_t i = 0; r && i < r->n; i++)
        if (r->ids[i].dev == st->st_dev && r->ids[i].ino == st->st_ino)
            return &r->ids[i];
    return NULL;
}

/* ---- writing ---- */

/* Interruptions wait while a file is written and renamed: it is then
 * either whole under its name or not there at all. */
static void hold_signals(int hold, sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGPIPE);
    sigprocmask(hold ? SIG_BLOCK : SIG_SETMASK, hold ? &set : old,
                hold ? old : NULL);
}

/* Temporaries are NAME.tmp.PID.XXXXXX: one whose process is gone was
 * left by a run that was killed, and goes. */
static void remove_stale(const char *dir, const char *base)
{
    DIR *dd = opendir(dir);
    if (!dd)
        return;
    size_t n = strlen(base);
    for (struct dirent *e; (e = readdir(dd));) {
        if (strncmp(e->d_name, base, n) != 0 ||
            strncmp(e->d_name + n, ".tmp.", 5) != 0)
            continue;
        char *end;
        long pid = strtol(e->d_name + n + 5, &end, 10);
        if (end == e->d_name + n + 5 || *end != '.' || pid <= 0 ||
            pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue;
        char path[PATH_MAX];
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) < (int)sizeof path)
            unlink(path);
    }
    closedir(dd);
}

/* What a symlink names, made absolute; its file need not exist yet, its
 * folder must. */
static int link_target(const char *path, char *real)
{
    if (realpath(path, real))
        return 0;
    char target[PATH_MAX], dir[PATH_MAX], full[2 * PATH_MAX + 2];
    ssize_t n = readlink(path, target, sizeof target - 1);
    if (n <= 0)
        return -1;
    target[n] = '\0';
    const char *slash = strrchr(path, '/');
    if (target[0] != '/' && slash)
        snprintf(full, sizeof full, "%.*s/%s", (int)(slash - path), path, target);
    else
        snprintf(full, sizeof full, "%s", target);
    char *base = strrchr(full, '/');
    if (base)
        *base = '\0';
    if (!realpath(base ? (*full ? full : "/") : ".", dir))
        return -1;
    int k = snprintf(real, PATH_MAX, "%s/%s", dir, base ? base + 1 : full);
    return k > 0 && k < PATH_MAX ? 0 : -1;
}

/* Where the bytes go: the target itself, or what its symlink names. */
static int resolve(const char *path, char *real, struct stat *st, int *exists,
                   const char **why)
{
    struct stat lst;
    *exists = lstat(path, &lst) == 0;
    snprintf(real, PATH_MAX, "%s", path);
    if (*exists && S_ISLNK(lst.st_mode) && link_target(path, real)) {
        *why = "a symbolic link into a folder that does not exist";
        return -1;
    }
    *exists = stat(real, st) == 0;
    if (*exists && S_ISDIR(st->st_mode)) {
        *why = "a directory";
        return -1;
    }
    return 0;
}

/* A device or FIFO: written straight into, never replaced. */
static int write_direct(const char *path, file_writer w, void *ctx,
                        const char **why)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        *why = strerror(errno);
        return -1;
    }
    errno = 0;
    int rc = w(ctx, f);
    int err = errno;
    if (!rc && ferror(f))
        rc = -1, err = err ? err : EIO;
    if (fclose(f) != 0 && !rc) {
        rc = -1;
        err = errno;
    }
    if (rc)
        *why = err ? strerror(err) : WRITER_FAILED;
    return rc;
}

/* The mode a new file gets: what the umask leaves of rw-rw-rw-. */
static mode_t new_mode(void)
{
    mode_t mask = umask(022);
    umask(mask);
    return 0666 & ~mask;
}

static int write_temp(const char *real, file_writer w, void *ctx,
                      mode_t mode, char *tmp, const char **why)
{
    char *slash = strrchr(real, '/');
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - real) : 1,
             slash ? real : ".");
    remove_stale(slash && slash == real ? "/" : dir, slash ? slash + 1 : real);
    int fd = -1;
    if (strlen(real) + 40 < PATH_MAX) {
        snprintf(tmp, PATH_MAX, "%.*s.tmp.%ld.XXXXXX", PATH_MAX - 40, real,
                 (long)getpid());
        fd = mkstemp(tmp);
    } else {
        errno = ENAMETOOLONG;
    }
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        *why = strerror(errno);
        if (fd >= 0)
            close(fd), unlink(tmp);
        return -1;
    }
    errno = 0;
    int rc = w(ctx, f), err = errno;
    /* a write that failed inside the writer (Cairo keeps writing after a
     * full disk) leaves the stream's error flag: that is a failure too */
    if (!rc && ferror(f))
        rc = -1, err = err ? err : EIO;
    if (!rc && (fflush(f) != 0 || fsync(fileno(f)) != 0))
        rc = -1, err = errno;
    if (fclose(f) != 0 && !rc)
        rc = -1, err = errno;
    if (!rc && (chmod(tmp, mode) != 0 || rename(tmp, real) != 0))
        rc = -1, err = errno;
    if (rc) {
        *why = err ? strerror(err) : WRITER_FAILED;
        unlink(tmp);
    }
    return rc;
}

int file_write(const char *path, file_writer w, void *ctx, file_run *run,
               diag_ctx *d)
{
    char real[PATH_MAX], tmp[PATH_MAX];
    struct stat st;
    int exists;
    const char *why = NULL;
    diag_pos pos = {path, 0, 0};
    if (resolve(path, real, &st, &exists, &why)) {
        diag_error(d, pos, "cannot write: it is %s", why);
        return -1;
    }
    const file_id *same = exists && S_ISREG(st.st_mode) ? known(run, &st) : NULL;
    if (same) {
        diag_error(d, pos, same->output
                   ? "this run has already written '%s' here: two inputs "
                     "with one name? give each its own -o or --outdir"
                   : "that is '%s', an input of this run: it is not "
                     "overwritten; give -o or --outdir",
                   same->path);
        return -1;
    }
    sigset_t old;
    hold_signals(1, &old);
    /* a file replaced keeps its mode */
    mode_t mode = exists ? st.st_mode & 07777 : new_mode();
    int rc = exists && !S_ISREG(st.st_mode)
                 ? write_direct(real, w, ctx, &why)
                 : write_temp(real, w, ctx, mode, tmp, &why);
    hold_signals(0, &old);
    if (rc) {
        /* a writer that failed by itself has said why */
        if (strcmp(why, WRITER_FAILED) != 0)
            diag_error(d, pos, "writing failed: %s; no file written", why);
        else
            diag_error(d, pos, "no file written");
        return -1;
    }
    if (stat(real, &st) == 0 && S_ISREG(st.st_mode))
        remember(run, &st, path, 1);
    return 0;
}
