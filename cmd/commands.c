/* commands.c: the commands besides build (fonts, import, compose), and
 * one command in a run of its own */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../import/import.h"
#include "cmd.h"

int cm_fonts(cm_run *r, const cm_opts *o)
{
    if (cm_open_style(r, o->style ? o->style : "jincheng-2020"))
        return CM_INPUT;
    return fnt_print(r->fs, stdout, &r->d) ? CM_INPUT : CM_OK;
}

/* import --calibrate: the source just written calibrated into NAME.style
 * beside it (a raw extraction's recorded lines; a Markdown conversion
 * has none, which is said). The style's path, or NULL. */
static const char *import_calibrate(cm_run *r, const cm_opts *o)
{
    const char *side = in_lineation_path(r->ar, o->out);
    struct stat st;
    if (stat(side, &st) != 0) {
        diag_warn(&r->d, (diag_pos){o->out, 1, 1}, "--calibrate: no line "
                  "breaks were recorded (a Markdown conversion): no style "
                  "to fit");
        return NULL;
    }
    cm_opts co = *o;
    co.source = o->out;
    co.out = cm_swap_suffix(r->ar, o->out, NULL, ".md", ".style");
    co.style = NULL;
    co.lineation = NULL;
    return co.out && cm_calibrate(r, &co) == CM_OK ? co.out : NULL;
}

int cm_import(cm_run *r, const cm_opts *o)
{
    im_import_opts io = {.input = o->source, .output = o->out,
                         .report = o->report, .kind = IM_KIND_AUTO,
                         .publication = o->publication,
                         .style_dir = cm_style_dir(r->ar), .files = r->files};
    if (!o->source)
        return cm_usage_error("import needs an INPUT file", NULL);
    if (o->kind && !strcmp(o->kind, "raw"))
        io.kind = IM_KIND_RAW;
    else if (o->kind && !strcmp(o->kind, "markdown"))
        io.kind = IM_KIND_MARKDOWN;
    else if (o->kind)
        return cm_usage_error("--kind takes 'raw' or 'markdown', not", o->kind);
    if (o->publication && strcmp(o->publication, "tianjin") &&
        strcmp(o->publication, "jincheng"))
        return cm_usage_error("--publication takes 'tianjin' or 'jincheng', not",
                           o->publication);
    if (o->calibrate && !o->out)
        return cm_usage_error("--calibrate writes NAME.style beside the "
                              "source: give -o NAME.md or --outdir", NULL);
    if (im_import(&io, &r->d))
        return CM_INPUT;
    const char *style = o->calibrate ? import_calibrate(r, o) : NULL;
    if (o->calibrate && !style && r->d.errors)
        return CM_INPUT;
    if (!o->record)
        return CM_OK;
    /* a catalogue worker: what the import read and wrote */
    const char *outs[4] = {o->out, o->out ? in_lineation_path(r->ar, o->out)
                                          : NULL, o->report, style};
    return cm_write_import_record(r, o, outs, 4) ? CM_INPUT : CM_OK;
}

/* A character of standard input that may not be set, at its place. */
typedef struct stdin_line {
    diag_ctx *d;
    const char *text;
    int lineno;
} stdin_line;

static void report_stdin(void *ctx, size_t off, uint32_t cp, const char *what)
{
    const stdin_line *l = ctx;
    int replace;
    u8_unsettable(cp, &replace);
    diag_warn(l->d, (diag_pos){"<stdin>", l->lineno,
                               (int)u8_count(l->text, off) + 1},
              "U+%04X is %s: %s", (unsigned)cp, what,
              replace ? "set as U+FFFD" : "left out");
}

/* Without --style: the body settings of 《天津政协》 2022, whose original
 * print the composition is measured against. */
#define COMPOSE_DEFAULT_STYLE "tianjin-2022"

int cm_compose(cm_run *r, const cm_opts *o)
{
    if (cm_open_style(r, o->style ? o->style : COMPOSE_DEFAULT_STYLE) ||
        !(r->lc = lay_new(r->st, r->fs, &r->d)))
        return CM_INPUT;
    lay_compose_opts co = {o->measure, o->size, o->indent};
    sb_buf out;
    sb_init(&out);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = CM_OK;
    sb_buf clean;
    sb_init(&clean);
    for (int lineno = 1; rc == CM_OK && (n = getline(&line, &cap, stdin)) >= 0;
         lineno++) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        sb_clear(&clean);
        stdin_line at = {&r->d, line, lineno};
        u8_settable_copy(line, (size_t)n, &clean, report_stdin, &at);
        if (u8_invalid(line, (size_t)n) >= 0)
            diag_warn(&r->d, (diag_pos){"<stdin>", lineno, 1}, "invalid "
                      "UTF-8: the bytes that are not show as U+FFFD");
        if (!clean.failed &&
            lay_compose_text(r->lc, clean.s ? clean.s : "", clean.len, &co, &out))
            rc = CM_INPUT;
        sb_addc(&out, '\n');
        fwrite(out.s, 1, out.len, stdout);
        sb_clear(&out);
    }
    free(line);
    sb_free(&out);
    sb_free(&clean);
    return rc;
}

/* One command, in a run of its own (its files those of the batch). */
int cm_run_command(const cm_opts *o, file_run *files)
{
    cm_run r;
    memset(&r, 0, sizeof r);
    r.files = files;
    diag_init(&r.d, stderr);
    r.ar = ar_new();
    if (!r.ar)
        return CM_INPUT;
    int rc;
    if (!strcmp(o->cmd, "build"))
        rc = cm_build(&r, o);
    else if (!strcmp(o->cmd, "list"))
        rc = cm_list(&r, o);
    else if (!strcmp(o->cmd, "fonts"))
        rc = cm_fonts(&r, o);
    else if (!strcmp(o->cmd, "compose"))
        rc = cm_compose(&r, o);
    else if (!strcmp(o->cmd, "calibrate"))
        rc = cm_calibrate(&r, o);
    else if (!strcmp(o->cmd, "import"))
        rc = cm_import(&r, o);
    else
        rc = cm_usage_error("unknown command", o->cmd);
    if (rc == CM_OK && r.d.errors)
        rc = CM_INPUT;
    cm_close_run(&r);
    return rc;
}

/* The inputs of a whole run, known before anything is written: the
 * sources, their sidecars, the style given. */
void cm_run_inputs(const cm_opts *o, ar_arena *ar, file_run *files)
{
    file_run_init(files);
    for (int i = 0; i < o->nsources; i++) {
        file_run_input(files, o->sources[i]);
        file_run_input(files, in_lineation_path(ar, o->sources[i]));
    }
    file_run_input(files, o->style);
    file_run_input(files, o->icc);
}

