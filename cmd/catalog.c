/* catalog.c: several sources in one run (a back-catalogue): each issue a
 * job of the batch stage, run in a worker process of its own (-j at a
 * time, --timeout each), skipped when nothing it depends on changed since
 * the last run into the same folder, with a summary, --plan and --deps,
 * and an index.html of the output folder. */
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../batch/batch.h"
#include "cmd.h"

/* A worker's default time limit, seconds: a 60-page issue takes about
 * one, the largest catalogue issues a few. */
#define DEFAULT_TIMEOUT 300

typedef struct catalog {
    const cm_opts *o;
    ar_arena *ar;
    bt_job *jobs;
    cm_opts *one;          /* each job's own options */
    size_t n;
    file_run files;
    const char *state;     /* DIR/.bulletin: manifest, records, logs */
    int import;
} catalog;

/* The file name without its folder and its suffix. */
static const char *stem(ar_arena *ar, const char *path)
{
    const char *s = strrchr(path, '/');
    s = s ? s + 1 : path;
    const char *dot = strrchr(s, '.');
    return ar_strndup(ar, s, dot && dot != s ? (size_t)(dot - s) : strlen(s));
}

static int make_dir(const char *dir)
{
    return mkdir(dir, 0777) == 0 || errno == EEXIST ? 0 : -1;
}

/* A second job writing what an earlier one writes is refused up front. */
static void refuse_duplicates(catalog *c, size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (strcmp(c->jobs[k].output, c->jobs[i].output) == 0) {
            c->jobs[i].status = BT_FAILED;
            snprintf(c->jobs[i].reason, sizeof c->jobs[i].reason,
                     "it would write %s, as %s does: give the two different "
                     "names or --outdir folders", c->jobs[i].output,
                     c->jobs[k].source);
            return;
        }
}

static int setup_job(catalog *c, size_t i)
{
    const cm_opts *o = c->o;
    bt_job *j = &c->jobs[i];
    cm_opts *one = &c->one[i];
    *one = *o;
    one->source = o->sources[i];
    j->source = one->source;
    j->name = stem(c->ar, one->source);
    if (c->import) {
        one->out = cm_swap_suffix(c->ar, one->source, o->outdir, NULL, ".md");
        one->report = cm_swap_suffix(c->ar, one->source, o->outdir, NULL,
                                     ".report.txt");
        one->record = ar_printf(c->ar, "%s/%s.json", c->state, j->name);
        j->record = one->record;
        j->output = one->out;
    } else {
        j->output = cm_swap_suffix(c->ar, one->source, o->outdir, ".md",
                                   o->print && !o->screen ? ".print.pdf"
                                                          : ".pdf");
        one->proof_dir = ar_printf(c->ar, "%s/%s", o->outdir ? o->outdir : c->state,
                                   j->name);
        one->record = ar_printf(c->ar, "%s/%s.json", c->state, j->name);
        j->record = one->record;
    }
    j->log = ar_printf(c->ar, "%s/%s.log", c->state, j->name);
    if (!j->name || !j->output || !j->log)
        return -1;
    j->status = BT_WAITING;
    refuse_duplicates(c, i);
    if (one->proof_dir && j->status == BT_WAITING && make_dir(one->proof_dir)) {
        j->status = BT_FAILED;
        snprintf(j->reason, sizeof j->reason, "cannot make %s: %s",
                 one->proof_dir, strerror(errno));
    }
    return 0;
}

/* What a job's outputs depend on besides files: the tool's version, the
 * command, the options, the source as named. */
static const char *job_key(catalog *c, size_t i)
{
    const cm_opts *o = &c->one[i];
    return ar_printf(
        c->ar, "%s|%s|%s|style=%s|pages=%s|lineation=%s|print=%d|screen=%d|"
        "marks=%s|icc=%s|pad=%g|proofs=%d|dpi=%g|article=%s|kind=%s|pub=%s|"
        "calibrate=%d",
        BULLETIN_VERSION, o->cmd, o->source, o->style ? o->style : "",
        o->pages ? o->pages : "", o->lineation ? o->lineation : "", o->print,
        o->screen, o->marks ? o->marks : "", o->icc ? o->icc : "", o->pad,
        o->proofs, o->dpi, o->article ? o->article : "",
        o->kind ? o->kind : "", o->publication ? o->publication : "",
        o->calibrate);
}

/* Fault injection for the tests: BULLETIN_FAULT=crash:NAME or hang:NAME
 * makes the worker of issue NAME crash or hang. */
static void fault(const char *name)
{
    const char *f = getenv("BULLETIN_FAULT");
    if (!f || !strchr(f, ':') || strcmp(strchr(f, ':') + 1, name) != 0)
        return;
    if (!strncmp(f, "crash:", 6)) {
        signal(SIGSEGV, SIG_DFL); /* past a sanitizer's handler */
        raise(SIGSEGV);
    }
    if (!strncmp(f, "hang:", 5))
        for (;;)
            pause();
}

static int work(void *ctx, size_t i)
{
    catalog *c = ctx;
    fault(c->jobs[i].name);
    return cm_run_command(&c->one[i], &c->files);
}

/* A word of a shell command, quoted. */
static void shell_word(sb_buf *sb, const char *w)
{
    sb_addc(sb, ' ');
    sb_addc(sb, '\'');
    for (const char *s = w; *s; s++)
        if (*s == '\'')
            sb_adds(sb, "'\\''");
        else
            sb_addc(sb, *s);
    sb_addc(sb, '\'');
}

static void option(sb_buf *sb, const char *name, const char *value)
{
    if (!value)
        return;
    sb_addc(sb, ' ');
    sb_adds(sb, name);
    shell_word(sb, value);
}

/* --plan: each job still to run as a command of its own, one per line,
 * for GNU parallel or a job array to run anywhere the paths reach. */
static int plan(catalog *c)
{
    char exe[PATH_MAX] = "bulletin", cwd[PATH_MAX] = ".";
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[k > 0 ? k : 8] = '\0';
    if (!getcwd(cwd, sizeof cwd))
        strcpy(cwd, ".");
    for (size_t i = 0; i < c->n; i++) {
        const cm_opts *o = &c->one[i];
        if (c->jobs[i].status != BT_WAITING)
            continue;
        sb_buf sb;
        sb_init(&sb);
        sb_adds(&sb, "cd");
        shell_word(&sb, cwd);
        sb_adds(&sb, " &&");
        shell_word(&sb, exe);
        sb_printf(&sb, " %s", o->cmd);
        shell_word(&sb, o->source);
        option(&sb, "-o", c->import ? o->out : c->jobs[i].output);
        option(&sb, "--report", c->import ? o->report : NULL);
        option(&sb, "--style", o->style);
        option(&sb, "--pages", o->pages);
        option(&sb, "--lineation", o->lineation);
        option(&sb, "--kind", o->kind);
        option(&sb, "--publication", o->publication);
        option(&sb, "--marks", o->marks);
        option(&sb, "--icc", o->icc);
        if (o->print)
            sb_adds(&sb, o->print == 4 ? " --print=x4" : " --print");
        if (o->pad > 0)
            sb_printf(&sb, " --pad %g", o->pad);
        if (o->calibrate)
            sb_adds(&sb, " --calibrate");
        printf("%s\n", sb.s ? sb.s : "");
        sb_free(&sb);
    }
    return fflush(stdout) ? CM_INPUT : CM_OK;
}

typedef struct depfile {
    json_t *rec;
} depfile;

static void make_word(FILE *f, const char *w)
{
    for (const char *s = w; *s; s++) {
        if (*s == ' ' || *s == '#' || *s == ':')
            fputc('\\', f);
        fputc(*s, f);
    }
}

static int put_deps(void *ctx, FILE *f)
{
    json_t *rec = ((depfile *)ctx)->rec;
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(rec, "outputs"), i, v)
    {
        fputs(i ? " " : "", f);
        make_word(f, json_string_value(v));
    }
    fputc(':', f);
    json_array_foreach(json_object_get(rec, "depends"), i, v)
    {
        fputs(" \\\n ", f);
        make_word(f, json_string_value(v));
    }
    fputc('\n', f);
    return ferror(f) ? -1 : 0;
}

/* --deps: OUTPUT.d beside each output, in make's syntax. */
static void deps(catalog *c, diag_ctx *d)
{
    for (size_t i = 0; i < c->n; i++) {
        bt_job *j = &c->jobs[i];
        if ((j->status != BT_BUILT && j->status != BT_SKIPPED) || !j->record)
            continue;
        depfile df = {json_load_file(j->record, 0, NULL)};
        if (df.rec && json_array_size(json_object_get(df.rec, "outputs")))
            file_write(ar_printf(c->ar, "%s.d", j->output), put_deps, &df,
                       NULL, d);
        json_decref(df.rec);
    }
}

static int prepare(catalog *c)
{
    const cm_opts *o = c->o;
    if (o->outdir) {
        struct stat st;
        if (stat(o->outdir, &st) != 0 || !S_ISDIR(st.st_mode))
            return cm_usage_error("--outdir: no such folder:", o->outdir);
    }
    c->state = ar_printf(c->ar, "%s/.bulletin", o->outdir ? o->outdir : ".");
    if (make_dir(c->state)) {
        fprintf(stderr, "bulletin: cannot make %s: %s\n", c->state,
                strerror(errno));
        return CM_INPUT;
    }
    c->n = (size_t)o->nsources;
    c->jobs = ar_alloc(c->ar, c->n * sizeof *c->jobs);
    c->one = ar_alloc(c->ar, c->n * sizeof *c->one);
    if (!c->jobs || !c->one)
        return CM_INPUT;
    for (size_t i = 0; i < c->n; i++)
        if (setup_job(c, i))
            return CM_INPUT;
    return CM_OK;
}

static void skip_unchanged(catalog *c, bt_manifest *m)
{
    for (size_t i = 0; i < c->n && !c->o->force && m; i++) {
        bt_job *j = &c->jobs[i];
        if (j->status == BT_WAITING && bt_up_to_date(m, j->name, job_key(c, i))) {
            j->status = BT_SKIPPED;
            bt_read_record(j);
            bt_read_log(j);
        }
    }
}

static void remember(catalog *c, bt_manifest *m, diag_ctx *d)
{
    const char *path = ar_printf(c->ar, "%s/manifest.json", c->state);
    for (size_t i = 0; i < c->n && m; i++) {
        bt_job *j = &c->jobs[i];
        if (j->status == BT_BUILT && j->record)
            bt_manifest_set(m, j->name, job_key(c, i), j->record);
        else if (j->status == BT_FAILED)
            bt_manifest_drop(m, j->name);
    }
    if (m)
        bt_manifest_save(m, path, d);
}

static bt_opts batch_opts(const cm_opts *o, int import)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    bt_opts b = {o->jobs > 0 ? (int)o->jobs : cores > 0 ? (int)cores : 1,
                 o->timeout > 0 ? o->timeout : DEFAULT_TIMEOUT,
                 (long)o->memory, isatty(STDERR_FILENO),
                 import ? "imported" : "built"};
    return b;
}

int cm_run_all(const cm_opts *o)
{
    catalog c;
    memset(&c, 0, sizeof c);
    c.o = o;
    c.import = !strcmp(o->cmd, "import");
    c.ar = ar_new();
    if (!c.ar)
        return CM_INPUT;
    diag_ctx d;
    diag_init(&d, stderr);
    int rc = prepare(&c);
    bt_manifest *m = NULL;
    if (rc == CM_OK) {
        m = bt_manifest_load(ar_printf(c.ar, "%s/manifest.json", c.state));
        skip_unchanged(&c, m);
    }
    if (rc == CM_OK && o->plan) {
        rc = plan(&c);
    } else if (rc == CM_OK) {
        cm_run_inputs(o, c.ar, &c.files);
        bt_opts b = batch_opts(o, c.import);
        bt_run(c.jobs, c.n, &b, work, &c);
        remember(&c, m, &d);
        if (o->deps)
            deps(&c, &d);
        if (o->outdir && !c.import)
            bt_index(c.jobs, c.n, o->outdir, &d);
        rc = bt_summary(c.jobs, c.n, &b, stderr) ? CM_INPUT : CM_OK;
        file_run_free(&c.files);
    }
    bt_manifest_free(m);
    ar_free(c.ar);
    return rc;
}
