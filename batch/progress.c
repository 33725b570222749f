/* progress.c: what a long run shows while it goes: on a terminal one
 * status line, redrawn (done / total, the issues at work, time spent and
 * an estimate of what is left); elsewhere one plain line per issue; and a
 * summary table at the end */
#include <string.h>
#include <unistd.h>

#include "bt.h"

/* Widest status line drawn (a terminal is at least this wide). */
#define LINE_MAX_CHARS 78

static void clear_line(bt_progress *p)
{
    if (p->o->tty && p->width > 0)
        fprintf(stderr, "\r%*s\r", p->width, "");
    p->width = 0;
}

void bt_progress_start(bt_progress *p, const bt_job *jobs, size_t n,
                       const bt_opts *o, size_t total)
{
    memset(p, 0, sizeof *p);
    p->jobs = jobs;
    p->n = n;
    p->o = o;
    p->total = total;
    p->start = bt_now();
}

static void clock_text(char *buf, size_t n, double s)
{
    int t = (int)(s + 0.5);
    snprintf(buf, n, "%d:%02d", t / 60, t % 60);
}

void bt_progress_draw(bt_progress *p, const size_t *running, int nrunning)
{
    if (!p->o->tty)
        return;
    double spent = bt_now() - p->start;
    char el[16], left[32] = "";
    clock_text(el, sizeof el, spent);
    if (p->done > 0 && p->done < p->total) {
        char t[16];
        clock_text(t, sizeof t, spent / p->done * (p->total - p->done));
        snprintf(left, sizeof left, ", about %s left", t);
    }
    char line[512];
    int k = snprintf(line, sizeof line, "[%zu/%zu] %s%s", p->done, p->total,
                     el, left);
    for (int i = 0; i < nrunning && k < (int)sizeof line - 2; i++)
        k += snprintf(line + k, sizeof line - (size_t)k, "%s%s",
                      i ? ", " : "; now ", p->jobs[running[i]].name);
    if (k > LINE_MAX_CHARS)
        strcpy(line + LINE_MAX_CHARS - 1, "…");
    clear_line(p);
    fputs(line, stderr);
    fflush(stderr);
    p->width = k > LINE_MAX_CHARS ? LINE_MAX_CHARS : k;
}

void bt_progress_done(bt_progress *p, const bt_job *j)
{
    p->done++;
    if (p->o->tty && j->status != BT_FAILED) {
        bt_progress_draw(p, NULL, 0);
        return;
    }
    clear_line(p);
    if (j->status == BT_FAILED)
        fprintf(stderr, "FAILED  %s: %s\n", j->source, j->reason);
    else
        fprintf(stderr, "%-7s %s: %d pages, %.1f s, %d warning%s%s%s\n",
                p->o->verb, j->source, j->pages, j->seconds, j->warnings,
                j->warnings == 1 ? "" : "s", j->warnings ? " in " : "",
                j->warnings ? j->log : "");
}

void bt_progress_end(bt_progress *p)
{
    clear_line(p);
}

int bt_summary(const bt_job *jobs, size_t n, const bt_opts *o, FILE *out)
{
    int count[4] = {0}, warned = 0;
    for (size_t i = 0; i < n; i++) {
        count[jobs[i].status]++;
        warned += jobs[i].status != BT_FAILED && jobs[i].warnings > 0;
    }
    fprintf(out, "bulletin: %zu issues: %d %s, %d up to date, %d failed, %d "
            "with warnings\n", n, count[BT_BUILT], o->verb, count[BT_SKIPPED],
            count[BT_FAILED], warned);
    for (size_t i = 0; i < n; i++)
        if (jobs[i].status == BT_FAILED)
            fprintf(out, "  failed         %s: %s\n", jobs[i].source,
                    jobs[i].reason);
    for (size_t i = 0; i < n; i++)
        if (jobs[i].status != BT_FAILED && jobs[i].warnings > 0)
            fprintf(out, "  %3d warning%s  %s (%s)\n", jobs[i].warnings,
                    jobs[i].warnings == 1 ? " " : "s", jobs[i].source,
                    jobs[i].log);
    return count[BT_FAILED];
}
