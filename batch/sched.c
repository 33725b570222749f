/* sched.c: issues run in worker processes, a few at a time: a worker that
 * crashes, is killed or takes too long fails alone, with its reason, and
 * the others go on */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bt.h"

/* How often the parent looks at its workers, and redraws progress. */
#define POLL_NS (20 * 1000 * 1000)
#define REDRAW_S 0.5

double bt_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* In the child: messages into the job's log, the memory limit, then the
 * work; never returns. */
static void worker(const bt_job *j, size_t i, const bt_opts *o,
                   bt_work_fn work, void *ctx)
{
    int fd = open(j->log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) {
        dup2(fd, STDERR_FILENO);
        close(fd);
    }
    if (o->memory_mb > 0) {
        rlim_t lim = (rlim_t)o->memory_mb << 20;
        struct rlimit rl = {lim, lim};
        setrlimit(RLIMIT_AS, &rl);
    }
    int rc = work(ctx, i);
    fflush(stdout);
    fflush(stderr);
    _exit(rc);
}

/* The log's warnings and its first error. */
void bt_read_log(bt_job *j)
{
    size_t len;
    char *text = file_read(j->log, &len);
    for (char *l = text, *next; l && *l; l = next) {
        next = strchr(l, '\n');
        if (next)
            *next++ = '\0';
        else
            next = l + strlen(l);
        if (strstr(l, ": warning: "))
            j->warnings++;
        else if (!j->reason[0] && strstr(l, "error"))
            snprintf(j->reason, sizeof j->reason, "%s", l);
    }
    free(text);
}

void bt_read_record(bt_job *j)
{
    json_t *r = j->record ? json_load_file(j->record, 0, NULL) : NULL;
    j->pages = (int)json_integer_value(json_object_get(r, "pages"));
    json_decref(r);
}

/* What became of a worker that ended with status st. */
static void finish(bt_job *j, int st, int timed_out, double timeout)
{
    j->warnings = 0;
    j->reason[0] = '\0';
    bt_read_log(j);
    if (WIFEXITED(st) && WEXITSTATUS(st) == 0) {
        j->status = BT_BUILT;
        bt_read_record(j);
        return;
    }
    j->status = BT_FAILED;
    if (timed_out)
        snprintf(j->reason, sizeof j->reason, "took longer than %.0f s "
                 "(--timeout) and was stopped", timeout);
    else if (WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL)
        snprintf(j->reason, sizeof j->reason, "killed (out of memory?)");
    else if (WIFSIGNALED(st))
        snprintf(j->reason, sizeof j->reason, "crashed (%s): a bug in "
                 "bulletin; please report it with this source",
                 strsignal(WTERMSIG(st)));
    else if (!j->reason[0])
        snprintf(j->reason, sizeof j->reason, "failed with exit status %d",
                 WEXITSTATUS(st));
}

typedef struct slot {
    pid_t pid;
    size_t job;
    double start;
    int timed_out;
} slot;

typedef struct sched {
    bt_job *jobs;
    size_t *order;        /* the largest sources first: the last issue to
                             finish is then a short one */
    size_t n, next, done, total;
    const bt_opts *o;
    slot *slots;
    int running;
    double start, drawn;
    bt_progress pr;
} sched;

static int start_next(sched *s, bt_work_fn work, void *ctx)
{
    while (s->next < s->n && s->jobs[s->order[s->next]].status != BT_WAITING)
        s->next++;
    if (s->next == s->n)
        return 0;
    size_t i = s->order[s->next++];
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0)
        worker(&s->jobs[i], i, s->o, work, ctx);
    if (pid < 0) {
        s->jobs[i].status = BT_FAILED;
        snprintf(s->jobs[i].reason, sizeof s->jobs[i].reason,
                 "no worker could be started: %s", strerror(errno));
        s->done++;
        return 1;
    }
    s->slots[s->running++] = (slot){pid, i, bt_now(), 0};
    return 1;
}

/* Stop the workers past their time. */
static void enforce_limits(sched *s)
{
    double t = bt_now();
    for (int k = 0; k < s->running; k++)
        if (!s->slots[k].timed_out && s->o->timeout > 0 &&
            t - s->slots[k].start > s->o->timeout) {
            kill(s->slots[k].pid, SIGKILL);
            s->slots[k].timed_out = 1;
        }
}

static void reap(sched *s, pid_t pid, int st)
{
    for (int k = 0; k < s->running; k++) {
        if (s->slots[k].pid != pid)
            continue;
        bt_job *j = &s->jobs[s->slots[k].job];
        j->seconds = bt_now() - s->slots[k].start;
        finish(j, st, s->slots[k].timed_out, s->o->timeout);
        s->slots[k] = s->slots[--s->running];
        s->done++;
        bt_progress_done(&s->pr, j);
        return;
    }
}

static long long source_size(const bt_job *j)
{
    struct stat st;
    return stat(j->source, &st) == 0 ? (long long)st.st_size : 0;
}

static int larger_first(const void *a, const void *b, void *ctx)
{
    const bt_job *jobs = ctx;
    size_t i = *(const size_t *)a, k = *(const size_t *)b;
    long long x = source_size(&jobs[i]), y = source_size(&jobs[k]);
    return x < y ? 1 : x > y ? -1 : i < k ? -1 : i > k;
}

int bt_run(bt_job *jobs, size_t n, const bt_opts *o, bt_work_fn work,
           void *ctx)
{
    sched s = {jobs, NULL, n, 0, 0, 0, o, NULL, 0, bt_now(), 0, {0}};
    for (size_t i = 0; i < n; i++)
        s.total += jobs[i].status == BT_WAITING;
    s.slots = calloc((size_t)(o->jobs > 0 ? o->jobs : 1), sizeof *s.slots);
    s.order = calloc(n + 1, sizeof *s.order);
    if (!s.slots || !s.order) {
        free(s.slots);
        free(s.order);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        s.order[i] = i;
    qsort_r(s.order, n, sizeof *s.order, larger_first, jobs);
    bt_progress_start(&s.pr, jobs, n, o, s.total);
    struct timespec pause = {0, POLL_NS};
    while (s.done < s.total) {
        while (s.running < (o->jobs > 0 ? o->jobs : 1) && start_next(&s, work, ctx))
            ;
        int st;
        pid_t pid = waitpid(-1, &st, WNOHANG);
        if (pid > 0) {
            reap(&s, pid, st);
            continue;
        }
        if (pid < 0 && errno == ECHILD && s.running == 0)
            break;
        enforce_limits(&s);
        if (bt_now() - s.drawn > REDRAW_S) {
            size_t now[64];
            int k = 0;
            for (; k < s.running && k < 64; k++)
                now[k] = s.slots[k].job;
            bt_progress_draw(&s.pr, now, k);
            s.drawn = bt_now();
        }
        nanosleep(&pause, NULL);
    }
    bt_progress_end(&s.pr);
    free(s.slots);
    free(s.order);
    return 0;
}
