/* cmd.h: the command line: options, the commands (build, import,
 * compose, fonts), one source or a catalogue of them.
 *
 * Prefix cm_. The commands return exit statuses: CM_OK, CM_INPUT (bad
 * input, said as file:line:col), CM_USAGE (wrong options). */
#ifndef BULLETIN_CMD_H
#define BULLETIN_CMD_H

#include "../fonts/fonts.h"
#include "../input/input.h"
#include "../layout/layout.h"
#include "../styles/style.h"
#include "../util/util.h"

#define BULLETIN_VERSION "0.1.0"

enum { CM_OK = 0, CM_INPUT = 1, CM_USAGE = 2 };

typedef struct cm_opts {
    const char *cmd, *source, *out, *style, *dump, *png;
    const char *kind, *publication, *report, *pages, *lineation, *article;
    const char *outdir, *marks, *icc;
    const char *offprint; /* with --article: "printed" or "reset" */
    const char *folios;   /* a re-set offprint's: "original" or "new" */
    int keep_neighbours;  /* a printed offprint keeps the others' text */
    int cover;            /* an offprint's cover page */
    int calibrate;        /* import: NAME.style fitted to the recorded lines */
    const char *format;   /* list: "tsv" or "json" */
    char **sources;       /* every SOURCE given to build, in order */
    int nsources;
    int print;            /* 0: none; 1: PDF/X-1a:2001; 4: PDF/X-4 */
    int screen;           /* the screen PDF as well as the master */
    double dpi, measure, size, indent, pad;
    /* several sources (a catalogue) */
    double jobs, timeout, memory; /* workers, seconds an issue may take,
                                     MB a worker may use (0: no limit) */
    int force;            /* rebuild what is up to date too */
    int proofs;           /* page PNGs, contact sheet and dumps per issue */
    int plan;             /* print the commands instead of running them */
    int deps;             /* write make-style dependencies of each output */
    const char *record;   /* a worker's record of the issue (JSON) */
    const char *proof_dir;/* a worker's folder for proofs */
} cm_opts;


/* The stages a command needs, created in order, freed in reverse. */
typedef struct cm_run {
    ar_arena *ar;
    diag_ctx d;
    file_run *files;      /* of the whole run, over a batch too */
    const sty_style *st;
    fnt_set *fs;
    lay_ctx *lc;
} cm_run;

/* args.c */
extern const char cm_usage[];
int cm_usage_error(const char *msg, const char *arg);
int cm_parse_args(int argc, char **argv, cm_opts *o, char **sources);

/* list.c: the articles as laid out (id, column, pages, title, authors) */
int cm_list(cm_run *r, const cm_opts *o);

/* build.c */
/* The house style files: $BULLETIN_STYLES, or styles/ beside the
 * executable. */
const char *cm_style_dir(ar_arena *ar);
int cm_open_style(cm_run *r, const char *name);
/* The source parsed with its recorded line breaks (the sidecar beside
 * it, unless --lineation compose): CM_OK or CM_INPUT. */
int cm_parse(cm_run *r, const cm_opts *o, const doc_issue **doc);
/* The issue's house style (the source's, or --style) and its fonts
 * opened into r: CM_OK or CM_INPUT. */
int cm_lay_style(cm_run *r, const cm_opts *o, const doc_issue *doc);
/* calibrate.c: the composition keys fitted to the recorded lines */
int cm_calibrate(cm_run *r, const cm_opts *o);
/* The parsed issue laid out with its style (the source's or --style) and
 * --lineation and --pages: CM_OK or CM_INPUT. */
int cm_lay_out(cm_run *r, const cm_opts *o, const doc_issue *doc,
               const lay_doc **pages);
void cm_close_run(cm_run *r);
char *cm_swap_suffix(ar_arena *ar, const char *src, const char *outdir,
                     const char *old, const char *ext);
int cm_build(cm_run *r, const cm_opts *o);

/* record.c: a catalogue worker's record of the issue it built */
int cm_write_record(cm_run *r, const cm_opts *o, const doc_issue *doc,
                    const lay_doc *pages, const char *const *outputs,
                    int nout);

int cm_write_import_record(cm_run *r, const cm_opts *o,
                           const char *const *outputs, int nout);

/* commands.c */
int cm_fonts(cm_run *r, const cm_opts *o);
int cm_import(cm_run *r, const cm_opts *o);
int cm_compose(cm_run *r, const cm_opts *o);
/* One command, in a run of its own (its files those of the batch). */
int cm_run_command(const cm_opts *o, file_run *files);
/* The inputs of a whole run, known before anything is written. */
void cm_run_inputs(const cm_opts *o, ar_arena *ar, file_run *files);

/* catalog.c: several sources */
int cm_run_all(const cm_opts *o);

#endif
