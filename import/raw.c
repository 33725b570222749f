/* raw.c: the reader of raw extractions (text extracted from a print PDF,
 * a line per printed line): lines, pages and the measure, width classes,
 * cleaning, the style, units in reading order, articles */
#include <stdlib.h>
#include <string.h>

#include "imp.h"

void imp_raw_measure(const char *text, size_t len, double *measure,
                     int *lines, double *single)
{
    imp_ctx c;
    imp_raw r;
    memset(&c, 0, sizeof c);
    memset(&r, 0, sizeof r);
    c.text = text;
    c.len = len;
    c.ar = ar_new();
    r.ctx = &c;
    *measure = *single = 0;
    *lines = 0;
    if (c.ar && !imp_raw_split(&r)) {
        c.doc.publication = imp_pub_name(IMP_PUB_TIANJIN);
        if (!imp_raw_pages(&r)) {
            *measure = r.measure;
            *single = r.single_measure;
            *lines = r.lines_per_col;
        }
    }
    ar_free(c.ar);
}

/* BULLETIN_IMPORT_DEBUG=1: the units in reading order on stderr */
static void debug_units(const imp_seg *s)
{
    if (!getenv("BULLETIN_IMPORT_DEBUG"))
        return;
    for (size_t k = 0; k < s->norder; k++) {
        const imp_unit *u = &s->units[s->order[k]];
        fprintf(stderr, "== unit %zu %s cont=%d open=%d p%d\n", s->order[k],
                u->display ? "DISPLAY" : "text", u->cont, u->open,
                imp_raw_page(s, u->first));
        for (size_t i = u->first; i < u->end; i++) {
            const imp_rline *l = imp_line_at(s, i);
            if (!l->tab)
                fprintf(stderr, "  %5d %c%c %4.1f/%d %s\n", l->line,
                        "FfSW"[l->width_class], s->pstart[i] ? '+' : ' ',
                        l->width, l->measure, l->text);
        }
    }
}

/* What the line classes assume when no design fits: marks may hang,
 * digits are half an em, breaks are chosen line by line, the deck comes
 * before the byline. */
static const imp_design unknown_design = {
    .hanging = 1, .loose = 0, .deck_late = 0, .half_digits = 1,
};

/* Whether lines per column counted on the fullest pages put the page
 * breaks in doubt against a design's: more than its grid holds, or
 * fewer by a quarter (heads, titles and the blank grid lines around them
 * take lines, so a short issue's fullest pages hold a few less). */
static int lines_doubtful(int counted, int design)
{
    return counted > design + IMP_LINES_SLACK || 4 * counted < 3 * design;
}

/* The style the measured design is for, and the detection note. */
static void raw_style(imp_ctx *c, imp_raw *r)
{
    c->measure = r->measure;
    c->single_measure = r->single_measure;
    const imp_design *d = imp_design_for(c, c->pub, r->measure,
                                         r->lines_per_col);
    c->style = d ? d->style : NULL;
    r->design = d ? d : &unknown_design;
    if (!c->style)
        imp_warn_no_design(c, r->measure, r->lines_per_col);
    else if (r->lines_per_col && lines_doubtful(r->lines_per_col, d->lines))
        imp_warn(c, IMP_CHECK, 1, 1, "columns of %d em fit %s, but %d lines "
                 "per column were counted on the fullest pages against its "
                 "%d: check the page breaks", r->measure, d->style,
                 r->lines_per_col, d->lines);
    c->detect_note = ar_printf(c->ar, "raw extraction; measure %d em, %d "
                               "lines per column%s", r->measure,
                               r->lines_per_col,
                               c->style ? "" : " (no known design)");
}

int imp_read_raw(imp_ctx *c)
{
    imp_raw r;
    memset(&r, 0, sizeof r);
    r.ctx = c;
    if (imp_raw_split(&r) || imp_raw_pages(&r))
        return -1;
    if (!r.nlines) {
        diag_error(c->diag, (diag_pos){c->input, 1, 1}, "no text to import");
        return -1;
    }
    raw_style(c, &r);
    imp_raw_classify(&r);
    imp_raw_clean(&r);
    imp_seg s;
    memset(&s, 0, sizeof s);
    s.raw = &r;
    s.ctx = c;
    if (imp_raw_units(&s))
        return -1;
    debug_units(&s);
    imp_raw_articles(&s);
    return 0;
}
