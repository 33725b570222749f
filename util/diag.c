/* diag.c: diagnostics: file:line:col messages, errors and warnings */
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
    if (d->seen)
        d->seen(d->seen_ctx, is_error, pos);
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
