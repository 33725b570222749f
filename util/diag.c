/* diag.c: file:line:col diagnostics, errors apart from warnings */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void diag_init(diag_ctx *d, FILE *out)
{
    memset(d, 0, sizeof *d);
    d->out = out;
}

diag_pos diag_nopos(void)
{
    diag_pos p = {NULL, 0, 0};
    return p;
}

/* Every diagnostic passes here: one place to set a breakpoint. */
void diag_vmsg(diag_ctx *d, int is_error, diag_pos pos, const char *fmt,
               va_list ap)
{
    if (is_error)
        d->errors++;
    else
        d->warnings++;
    if (!is_error && d->max_warnings && d->warnings > d->max_warnings) {
        d->suppressed++;
        return;
    }
    if (!d->out)
        return;
    if (pos.file && pos.line > 0)
        fprintf(d->out, "%s:%d:%d: ", pos.file, pos.line, pos.col);
    else if (pos.file)
        fprintf(d->out, "%s: ", pos.file);
    else
        fprintf(d->out, "bulletin: ");
    fputs(is_error ? "error: " : "warning: ", d->out);
    vfprintf(d->out, fmt, ap);
    fputc('\n', d->out);
}

void diag_error(diag_ctx *d, diag_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vmsg(d, 1, pos, fmt, ap);
    va_end(ap);
}

void diag_warn(diag_ctx *d, diag_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vmsg(d, 0, pos, fmt, ap);
    va_end(ap);
}

void diag_finish(diag_ctx *d)
{
    if (d->suppressed && d->out)
        fprintf(d->out, "bulletin: %d more warnings not shown\n",
                d->suppressed);
}

char *file_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (cap - n < 4096) {
            cap = cap ? cap * 2 : 65536;
            char *p = realloc(buf, cap + 1);
            if (!p) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = p;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        errno = EIO;
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
