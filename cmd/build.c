/* build.c: the build command: parse, style and fonts, layout, then the
 * dumps, proofs, screen PDF and print master from the one layout */
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../output/output.h"
#include "cmd.h"

/* Does dir hold style files (and not just, say, compiled objects)? */
static int has_styles(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int found = 0;
    for (struct dirent *e; !found && (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        found = n > 6 && strcmp(e->d_name + n - 6, ".style") == 0;
    }
    closedir(d);
    return found;
}

/* styles/ beside the executable, or $BULLETIN_STYLES. */
const char *cm_style_dir(ar_arena *ar)
{
    const char *env = getenv("BULLETIN_STYLES");
    if (env && *env)
        return env;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return "styles";
    exe[n] = '\0';
    char *dir = path_dir(ar, exe);
    const char *cand[] = {"styles", "../styles", "../share/bulletin/styles"};
    for (size_t i = 0; i < 3; i++) {
        char *p = ar_printf(ar, "%s/%s", dir, cand[i]);
        if (p && has_styles(p))
            return p;
    }
    return "styles";
}

int cm_open_style(cm_run *r, const char *name)
{
    if (sty_load(name, cm_style_dir(r->ar), r->ar, &r->d, &r->st))
        return -1;
    r->fs = fnt_open();
    if (!r->fs) {
        diag_error(&r->d, diag_nopos(), "cannot initialise fontconfig");
        return -1;
    }
    return sty_apply_fonts(r->st, r->fs, &r->d);
}

void cm_close_run(cm_run *r)
{
    lay_free(r->lc);
    fnt_close(r->fs);
    diag_finish(&r->d);
    ar_free(r->ar);
}

/* NAME.old → NAME.ext beside it, or DIR/NAME.ext with --outdir; the
 * suffix old (e.g. ".md") is dropped, or with NULL any suffix. */
char *cm_swap_suffix(ar_arena *ar, const char *src, const char *outdir,
                         const char *old, const char *ext)
{
    const char *slash = strrchr(src, '/');
    if (outdir)
        src = ar_printf(ar, "%s/%s", outdir, slash ? slash + 1 : src);
    slash = strrchr(src, '/');
    const char *dot = strrchr(slash ? slash : src, '.');
    size_t n = strlen(src);
    if (old && n > strlen(old) && strcmp(src + n - strlen(old), old) == 0)
        n -= strlen(old);
    else if (!old && dot && dot != (slash ? slash + 1 : src))
        n = (size_t)(dot - src);
    return ar_printf(ar, "%.*s%s", (int)n, src, ext);
}

/* --marks none | crop,registration,info; -1: the style's. */
static int parse_marks(const char *s, const sty_style *st, int *out)
{
    static const struct {
        const char *name;
        int mark;
    } names[] = {{"crop", STY_MARK_CROP},
                 {"registration", STY_MARK_REGISTRATION},
                 {"info", STY_MARK_INFO}};
    *out = s ? 0 : -1;
    if (!s || !strcmp(s, "none"))
        return 0;
    while (*s) {
        size_t n = strcspn(s, ", "), k = 0;
        while (k < 3 && (strlen(names[k].name) != n ||
                         strncmp(s, names[k].name, n) != 0))
            k++;
        if (k == 3)
            return cm_usage_error("--marks takes none or a list of crop, "
                               "registration, info, not", s);
        *out |= names[k].mark;
        s += n + (s[n] != '\0');
    }
    if ((*out & STY_MARK_INFO) && !st->roles[STY_PRINT_INFO].set) {
        fprintf(stderr, "bulletin: --marks info: the style has no "
                        "[print-info] section for the line\n");
        return CM_INPUT;
    }
    return 0;
}

/* A catalogue worker's extras: the cover as a thumbnail for the index,
 * with --proofs the pages, a contact sheet and the dumps, then the
 * record of what was built. */
static int catalogue_extras(cm_run *r, const cm_opts *o,
                            const doc_issue *doc, const lay_doc *pages,
                            const char *const *outputs, int nout)
{
    const char *dir = o->proof_dir;
    if (!dir)
        return CM_OK;
    int rc = out_thumbnail(pages, 0, ar_printf(r->ar, "%s/cover.png", dir),
                           r->files, &r->d);
    if (rc == 0 && o->proofs)
        rc = out_png(pages, ar_printf(r->ar, "%s/page", dir), o->dpi,
                     r->files, &r->d) ||
             out_contact(pages, ar_printf(r->ar, "%s/contact.png", dir),
                         r->files, &r->d) ||
             out_dump_file(pages, doc, "lines",
                           ar_printf(r->ar, "%s/lines.txt", dir), r->files,
                           &r->d) ||
             out_dump_file(pages, doc, "pagemap",
                           ar_printf(r->ar, "%s/pagemap.txt", dir), r->files,
                           &r->d);
    if (rc == 0 && o->record)
        rc = cm_write_record(r, o, doc, pages, outputs, nout);
    return rc ? CM_INPUT : CM_OK;
}

/* The screen PDF (unless only the master is asked for) and the print
 * master, from the one layout. */
static int write_outputs(cm_run *r, const cm_opts *o, const doc_issue *doc,
                         const lay_doc *pages)
{
    int screen = !o->print || o->screen;
    const char *pdf = o->out ? o->out
                             : cm_swap_suffix(r->ar, o->source, o->outdir, ".md",
                                           ".pdf");
    const char *outputs[2] = {screen ? pdf : NULL, NULL};
    if (screen && out_pdf(pages, doc, pdf, r->files, &r->d))
        return CM_INPUT;
    if (o->print) {
        out_print_opts po = {o->print == 4, -1, o->icc};
        int rc = parse_marks(o->marks, pages->style, &po.marks);
        if (rc)
            return rc;
        const char *master = o->out && !screen
                                 ? o->out
                                 : cm_swap_suffix(r->ar, pdf, NULL, ".pdf",
                                                  ".print.pdf");
        out_preflight(pages, doc, &r->d);
        if (out_print(pages, doc, master, &po, r->files, &r->d))
            return CM_INPUT;
        outputs[1] = master;
    }
    return catalogue_extras(r, o, doc, pages, outputs, 2);
}

/* The style the source names: a name, or a path relative to the
 * source's folder. */
static const char *source_style(ar_arena *ar, const doc_issue *doc)
{
    const char *s = doc->meta.style.text;
    size_t n = s ? strlen(s) : 0;
    int path = s && (strchr(s, '/') || (n > 6 && !strcmp(s + n - 6, ".style")));
    return path ? path_join(ar, doc->dir, s) : s;
}

/* The build's options that do not fit together: a usage error, else 0. */
static int check_build_opts(const cm_opts *o)
{
    int reset = o->offprint && !strcmp(o->offprint, "reset");
    if (o->article && !*o->article)
        return cm_usage_error("--article needs the id of an article "
                              "(`bulletin list SOURCE` lists them)", NULL);
    if ((o->offprint || o->folios || o->keep_neighbours || o->cover) &&
        !o->article)
        return cm_usage_error("--offprint, --folios, --keep-neighbours and "
                              "--cover go with --article", NULL);
    if (o->offprint && !reset && strcmp(o->offprint, "printed"))
        return cm_usage_error("--offprint takes 'printed' or 'reset', not",
                              o->offprint);
    if (o->folios && strcmp(o->folios, "original") && strcmp(o->folios, "new"))
        return cm_usage_error("--folios takes 'original' or 'new', not",
                              o->folios);
    if ((o->folios && !reset) || (o->keep_neighbours && reset))
        return cm_usage_error("--folios goes with --offprint reset, "
                              "--keep-neighbours with --offprint printed", NULL);
    if (o->png && !(o->dpi >= 10 && o->dpi <= 1200))
        return cm_usage_error("--dpi takes 10 to 1200 dots per inch", NULL);
    if (o->pad && (o->pad < 1 || o->pad > 64 || o->pad != (int)o->pad))
        return cm_usage_error("--pad takes a whole number of pages from 1 to "
                              "64 (4 for saddle-stitched sheets), not a "
                              "fraction or", NULL);
    if ((o->marks || o->icc || o->screen) && !o->print)
        return cm_usage_error("--marks, --icc and --screen go with --print",
                              NULL);
    if (o->pages && strcmp(o->pages, "original") && strcmp(o->pages, "auto"))
        return cm_usage_error("--pages takes 'original' or 'auto', not",
                              o->pages);
    if (o->lineation && strcmp(o->lineation, "original") &&
        strcmp(o->lineation, "compose"))
        return cm_usage_error("--lineation takes 'original' or 'compose', not",
                              o->lineation);
    if (o->report && strcmp(o->report, "conformance"))
        return cm_usage_error("build's --report takes 'conformance', not",
                              o->report);
    return 0;
}

int cm_parse(cm_run *r, const cm_opts *o, const doc_issue **doc)
{
    int orig = !o->lineation || !strcmp(o->lineation, "original");
    const char *lines = orig ? in_lineation_path(r->ar, o->source) : NULL;
    return in_parse_file(o->source, lines, r->ar, &r->d, doc) ? CM_INPUT
                                                               : CM_OK;
}

int cm_lay_style(cm_run *r, const cm_opts *o, const doc_issue *doc)
{
    /* a style path in the source is the source's, like its images */
    const char *style = o->style ? o->style : source_style(r->ar, doc);
    if (!style) {
        diag_error(&r->d, (diag_pos){o->source, 1, 1}, "no house style: add "
                   "'style: NAME' to the front matter or give --style");
        return CM_INPUT;
    }
    return cm_open_style(r, style) ? CM_INPUT : CM_OK;
}

int cm_lay_out(cm_run *r, const cm_opts *o, const doc_issue *doc,
               const lay_doc **pages)
{
    lay_options lo = {o->pages && !strcmp(o->pages, "original"),
                      !o->lineation || !strcmp(o->lineation, "original")};
    if (cm_lay_style(r, o, doc) || !(r->lc = lay_new(r->st, r->fs, &r->d)))
        return CM_INPUT;
    lay_set_options(r->lc, &lo);
    return lay_issue(r->lc, doc, pages) ? CM_INPUT : CM_OK;
}

/* Is id one of the comma-separated ids of --article? */
static int listed(const char *list, const char *id)
{
    size_t n = strlen(id);
    for (const char *s = list; s && *s;) {
        const char *end = strchr(s, ',');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        if (len == n && !strncmp(s, id, n))
            return 1;
        s = end ? end + 1 : NULL;
    }
    return 0;
}

/* A print master goes to press: a title the importer could not find
 * (.untitled) may not be printed in it. */
static int untitled_for_press(cm_run *r, const cm_opts *o,
                              const doc_issue *doc)
{
    int bad = 0;
    for (size_t i = 0; o->print && i < doc->narticles; i++) {
        const doc_article *a = &doc->articles[i];
        if (!a->untitled || (o->article && !listed(o->article, a->id)))
            continue;
        diag_error(&r->d, a->pos, "no print master with a placeholder "
                   "title: give article '%s' its printed title (or build "
                   "without --print for a proof)", a->id);
        bad = 1;
    }
    return bad;
}

int cm_build(cm_run *r, const cm_opts *o)
{
    const doc_issue *doc;
    const lay_doc *pages;
    if (!o->source)
        return cm_usage_error("build needs a SOURCE file", NULL);
    int rc = check_build_opts(o);
    if (rc)
        return rc;
    if (cm_parse(r, o, &doc) || untitled_for_press(r, o, doc))
        return CM_INPUT;
    if (o->dump && !strcmp(o->dump, "doc")) {
        doc_dump(doc, stdout);
        return CM_OK;
    }
    lay_offprint_opts op = {o->article, o->offprint &&
                            !strcmp(o->offprint, "reset"),
                            o->keep_neighbours, o->folios &&
                            !strcmp(o->folios, "original"), o->cover};
    if ((rc = cm_lay_out(r, o, doc, &pages)))
        return rc;
    if ((o->article && lay_offprint(r->lc, doc, pages, &op, &pages, &doc)) ||
        (o->pad > 0 && lay_pad(r->lc, doc, pages, (int)o->pad, &pages)))
        return CM_INPUT;
    if (o->dump && !strcmp(o->dump, "geometry"))
        out_dump_geometry(pages, stdout);
    else if (o->dump && !strcmp(o->dump, "pagemap"))
        out_dump_pagemap(pages, doc, stdout);
    else if (o->dump)
        out_dump_lines(pages, stdout);
    if (o->report && lay_conformance(pages->style, pages, stdout))
        return CM_INPUT;
    if (o->png && out_png(pages, o->png, o->dpi, r->files, &r->d))
        return CM_INPUT;
    if ((o->dump || o->report) && !o->out)
        return CM_OK;
    return write_outputs(r, o, doc, pages);
}
