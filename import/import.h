/* import.h: importing old issues (docs/import.md): the text extracted
 * from a print PDF, or a Markdown conversion, turned into an issue
 * source (docs/source-format.md), a sidecar of the original line breaks
 * and a change report.
 *
 * Prefix im_ (inside: imp_, private in import/imp.h). The importer reads
 * the house styles' geometry from the style files (opts->style_dir, or
 * opts->designs read once) to name the style a source is for; it writes
 * files only through util's file_write. Return convention: int functions give 0 on success
 * and -1 on failure; every failure has been reported through the
 * diag_ctx first. */
#ifndef BULLETIN_IMPORT_H
#define BULLETIN_IMPORT_H

#include <stddef.h>

#include "../util/util.h"

typedef enum im_kind {
    IM_KIND_AUTO,     /* detect */
    IM_KIND_RAW,      /* text extracted from a print PDF, a line per line */
    IM_KIND_MARKDOWN, /* a Markdown conversion */
} im_kind;

/* The house styles' designs: the [page] geometry of every
 * PUBLICATION-YEAR.style of a style directory, read once for any number
 * of imports (reading the style files takes far longer than importing a
 * short text). NULL only when out of memory; a directory or style file
 * that cannot be read is warned about by each import that uses them. */
typedef struct im_designs im_designs;
im_designs *im_load_designs(const char *style_dir);
void im_free_designs(im_designs *ds);

typedef struct im_import_opts {
    const char *input;       /* the old issue's text (its name in messages) */
    const char *output;      /* issue source to write; NULL: standard output */
    const char *report;      /* change report to write; NULL: none */
    im_kind kind;
    const char *publication; /* "tianjin", "jincheng"; NULL: detect */
    const char *style_dir;   /* the house style files (STYLE_DIR/NAME.style);
                                NULL: none, the source names no style */
    const im_designs *designs; /* the designs read already (style_dir is
                                  then not read); NULL: from style_dir */
    file_run *files;         /* the run's files: inputs are not
                                overwritten (NULL: not checked) */
} im_import_opts;

/* Import an old issue into an issue source (and, for raw extractions, its
 * NAME.lines.json sidecar of original line breaks); a one-line summary of
 * the changes goes to d's stream. */
int im_import(const im_import_opts *o, diag_ctx *d);

/* The same on text held in memory, o->input naming it, writing nothing
 * (o->output and o->report are not used): the source, not checked with
 * the parser, in a heap buffer the caller frees, or NULL on an error
 * reported in d. For tests and the fuzzer. */
char *im_import_text(const im_import_opts *o, const char *text, size_t len,
                     diag_ctx *d, size_t *outlen);

#endif
