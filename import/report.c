/* report.c: the change report of an import and its summary line */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "imp.h"

/* Name and heading of each kind, in the order the report lists them. */
static const struct {
    const char *name, *what;
} kinds[IMP_NCHANGES] = {
    [IMP_R_SPACE] = {"space", "letter-spacing and CJK–Latin spaces removed"},
    [IMP_R_SEP] = {"separator", "real spaces kept as U+3000 (phrase separators, padded names)"},
    [IMP_R_PUNCT] = {"punctuation", "half-width punctuation to full width"},
    [IMP_R_QUOTE] = {"quote", "ASCII quotes to Chinese quotes"},
    [IMP_R_ELLIPSIS] = {"ellipsis", "... and ⋯ to …"},
    [IMP_R_DASH] = {"dash", "-- and ─ to —"},
    [IMP_R_MIDDOT] = {"middot", "• to ·"},
    [IMP_R_NUMERAL] = {"numeral", "( 一 ) to （一）"},
    [IMP_R_ANGLE] = {"angle", "<…> to 《…》"},
    [IMP_R_TIAN] = {"glued-tab", "side-tab character glued to a text line"},
    [IMP_R_JOIN] = {"join", "paragraph split at a column or page break joined"},
    [IMP_R_ORDER] = {"order", "text moved back into reading order"},
    [IMP_R_TITLE] = {"title-moved", "title block moved to the start of its article"},
    [IMP_R_ROLE] = {"role", "block given its role"},
    [IMP_R_STITCH] = {"stitch", "jump-continued tail moved to its article"},
    [IMP_R_TITLESP] = {"title-space", "spurious space inside a title removed"},
    [IMP_R_PAGE] = {"page", "page-start decisions"},
    [IMP_R_CHAR] = {"unsettable", "control characters, bidirectional controls and noncharacters removed"},
    [IMP_X_TAB] = {"removed-tab", "side tab removed"},
    [IMP_X_FOLIO] = {"removed-folio", "folio removed"},
    [IMP_X_HEAD] = {"removed-furniture", "running head, masthead or cover furniture removed"},
    [IMP_X_JUMP] = {"removed-jump", "jump marker removed"},
    [IMP_X_RULE] = {"removed-rule", "thematic break of the conversion removed"},
    [IMP_WARNING] = {"warning", "warnings: kept as they are, to be looked at"},
};

static void add_entry(imp_ctx *c, imp_change k, imp_sev sev, int line,
                      int col, int n, const char *fmt, va_list ap)
{
    imp_entry *e = AR_PUSH(c->ar, c->entries, c->nentries, c->capentries);
    if (!e)
        return;
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    e->kind = k;
    e->sev = sev;
    e->line = line;
    e->col = col > 0 ? imp_input_col(c, line, col) : col;
    e->count = n;
    e->msg = ar_strdup(c->ar, buf);
    c->counts[k] += n;
}

void imp_note(imp_ctx *c, imp_change k, int line, int col, int n,
              const char *fmt, ...)
{
    va_list ap;
    /* the decisions an editor may want to undo */
    imp_sev sev = k == IMP_R_ORDER || k == IMP_R_TITLE || k == IMP_R_ROLE
                      ? IMP_LOOK
                      : IMP_FINE;
    va_start(ap, fmt);
    add_entry(c, k, sev, line, col, n, fmt, ap);
    va_end(ap);
}

void imp_warn(imp_ctx *c, imp_sev sev, int line, int col, const char *fmt,
              ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_entry(c, IMP_WARNING, sev, line, col, 1, fmt, ap);
    va_end(ap);
    const imp_entry *e = &c->entries[c->nentries - 1];
    diag_warn(c->diag, (diag_pos){c->input, line, col > 0 ? col : 1}, "%s",
              e->msg);
}

static int total_repairs(const imp_ctx *c)
{
    int n = 0;
    for (int k = 0; k < IMP_X_TAB; k++)
        n += c->counts[k];
    return n;
}

static int total_removed(const imp_ctx *c)
{
    int n = 0;
    for (int k = IMP_X_TAB; k < IMP_WARNING; k++)
        n += c->counts[k];
    return n;
}

static void write_header(const imp_ctx *c, FILE *f)
{
    fprintf(f, "# bulletin import report\n");
    fprintf(f, "input: %s\n", c->input);
    fprintf(f, "publication: %s\n",
            c->doc.publication ? c->doc.publication : "(unknown)");
    fprintf(f, "style: %s\n", c->style ? c->style : "(none)");
    if (c->measure > 0)
        fprintf(f, "measure: %.0f em, %d lines per column; single column "
                "%.0f em\n", c->measure, c->lines_per_col, c->single_measure);
    if (c->page_starts)
        fprintf(f, "pages: %zu printed pages from %d page starts (%d "
                "spurious, %d found at a side tab)\n", c->doc.npages,
                c->page_starts, c->spurious_starts, c->tab_starts);
    if (c->detect_note)
        fprintf(f, "detection: %s\n", c->detect_note);
    int parts = 0;
    for (size_t i = 0; i < c->doc.narts; i++)
        parts += c->doc.arts[i].part;
    fprintf(f, "articles: %zu (%d of them parts)\n", c->doc.narts, parts);
}

static void write_counts(const imp_ctx *c, FILE *f)
{
    fprintf(f, "\n## counts\n");
    for (int k = 0; k < IMP_NCHANGES; k++)
        fprintf(f, "%-18s %6d  %s\n", kinds[k].name, c->counts[k],
                kinds[k].what);
}

/* Sections in kind order; the entries of a kind in input order. */
static void write_section(const imp_ctx *c, FILE *f, int lo, int hi,
                          const char *title)
{
    fprintf(f, "\n## %s\n", title);
    for (int k = lo; k < hi; k++)
        for (size_t i = 0; i < c->nentries; i++) {
            const imp_entry *e = &c->entries[i];
            if ((int)e->kind != k)
                continue;
            fprintf(f, "%s:%d:%d: %s: %s\n", c->input, e->line,
                    e->col > 0 ? e->col : 1, kinds[k].name, e->msg);
        }
}

/* The printed page an input line was on ("-" where no page is known). */
static const char *page_of(const imp_ctx *c, int line, char *buf, size_t n)
{
    const imp_page *at = NULL;
    for (size_t i = 0; i < c->doc.npages; i++)
        if (c->doc.pages[i].line <= line &&
            (!at || c->doc.pages[i].line >= at->line))
            at = &c->doc.pages[i];
    if (!at || line <= 0)
        return "-";
    snprintf(buf, n, "p.%d", at->page);
    return buf;
}

/* Most urgent first, then in input order. */
static int by_urgency(const void *a, const void *b)
{
    const imp_entry *x = *(const imp_entry *const *)a;
    const imp_entry *y = *(const imp_entry *const *)b;
    if (x->sev != y->sev)
        return x->sev > y->sev ? -1 : 1;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return (x > y) - (x < y); /* the order they were made in */
}

/* What an editor must look at, most urgent first, each with the printed
 * page and the input position. */
static void write_checklist(const imp_ctx *c, FILE *f)
{
    static const char *const names[] = {"", "look", "check", "must"};
    const imp_entry **list = malloc((c->nentries + 1) * sizeof *list);
    size_t n = 0;
    for (size_t i = 0; list && i < c->nentries; i++)
        if (c->entries[i].sev != IMP_FINE)
            list[n++] = &c->entries[i];
    qsort(list, n, sizeof *list, by_urgency);
    fprintf(f, "\n## to check (most urgent first: must, check, look)\n");
    for (size_t i = 0; i < n; i++) {
        const imp_entry *e = list[i];
        char page[32];
        fprintf(f, "%-5s  %-6s  %s:%d:%d: %s: %s\n", names[e->sev],
                page_of(c, e->line, page, sizeof page), c->input,
                e->line > 0 ? e->line : 1, e->col > 0 ? e->col : 1,
                kinds[e->kind].name, e->msg);
    }
    if (!list)
        fprintf(f, "(out of memory: see the sections below)\n");
    free(list);
}

static int put_report(void *ctx, FILE *f)
{
    const imp_ctx *c = ctx;
    write_header(c, f);
    write_checklist(c, f);
    write_counts(c, f);
    write_section(c, f, IMP_WARNING, IMP_NCHANGES, "warnings");
    write_section(c, f, IMP_X_TAB, IMP_WARNING, "removed (page furniture, nowhere "
                  "else in the output)");
    write_section(c, f, 0, IMP_X_TAB, "repairs");
    return ferror(f) ? -1 : 0;
}

int imp_report_write(const imp_ctx *c, const char *path)
{
    return file_write(path, put_report, (void *)c, c->files, c->diag);
}

void imp_summary(const imp_ctx *c, const char *kind, const char *out)
{
    if (!c->diag->out)
        return;
    fprintf(c->diag->out, "import: %s → %s: %s, %s, %zu articles, %zu pages; "
            "%d repairs, %d furniture items removed, %d warnings\n",
            c->input, out ? out : "(standard output)", kind,
            c->style ? c->style : "no style", c->doc.narts, c->doc.npages,
            total_repairs(c), total_removed(c), c->counts[IMP_WARNING]);
}
