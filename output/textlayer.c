/* textlayer.c: a line's glyphs drawn with the text they stand for, so
 * that the PDF's text layer reads as the page does (docs/pages.md, The
 * text layer). Each glyph keeps its own text, except where an extractor
 * would misread the geometry: there neighbouring glyphs are drawn as one
 * cluster, which cairo writes as one ActualText span (their text spread
 * over their extent, read and selected together). */
#include <stdlib.h>
#include <string.h>

#include "outp.h"

/* A glyph that starts this far (em) inside the advance of the one before
 * it overlaps it: a squeezed mark (。“ share an origin; after a squeezed
 * 。 the next glyph starts half an em in). Extractors take the font's
 * advance, not our position: poppler ends the word there, and starts a
 * new line within the block at an overlap this large. */
#define OVERLAP_EM 0.1

static const char IDEO_SPACE[] = "\xe3\x80\x80"; /* U+3000 */

static int has_gap(const lay_run *r)
{
    return memmem(r->utf8, (size_t)r->utf8_len, IDEO_SPACE, 3) != NULL;
}

/* Whether glyph k starts inside the advance of glyph k - 1. */
static int overlaps(cairo_scaled_font_t *sf, const cairo_glyph_t *g, int k,
                    double em)
{
    double step = g[k].x - g[k - 1].x;
    if (step >= em - OVERLAP_EM * em)
        return 0; /* a full em on: no glyph here is wider */
    cairo_text_extents_t e;
    cairo_scaled_font_glyph_extents(sf, &g[k - 1], 1, &e);
    return step < e.x_advance - OVERLAP_EM * em;
}

/* Whether cluster c (first glyph g, first byte b) is read with the one
 * before it: it overlaps it, or one of the two is an ideographic space
 * (an em-wide gap, a title's two phrases or a name spaced to three ems:
 * poppler puts words more than a font size apart into separate blocks,
 * and takes the space itself for a word break). */
static int joins(cairo_scaled_font_t *sf, const lay_run *r, int c, int g,
                 int b, double em)
{
    const cairo_text_cluster_t *k = r->clusters;
    if (c == 0 || g == 0 || k[c].num_glyphs == 0)
        return 0;
    int gap = (k[c].num_bytes == 3 && !memcmp(r->utf8 + b, IDEO_SPACE, 3)) ||
              (k[c - 1].num_bytes == 3 &&
               !memcmp(r->utf8 + b - 3, IDEO_SPACE, 3));
    return gap || overlaps(sf, r->glyphs, g, em);
}

/* The run's clusters, each one that joins the one before merged into
 * it; *n their count. NULL when none joins (or out of memory: the run's
 * own clusters serve). */
static cairo_text_cluster_t *joined(cairo_scaled_font_t *sf, const lay_run *r,
                                    double em, int *n)
{
    cairo_text_cluster_t *out = NULL;
    int g = 0, b = 0, m = 0;
    for (int c = 0; c < r->nclusters; c++) {
        int join = joins(sf, r, c, g, b, em);
        if (join && !out) {
            out = malloc((size_t)r->nclusters * sizeof *out);
            if (!out)
                return NULL;
            memcpy(out, r->clusters, (size_t)c * sizeof *out);
            m = c;
        }
        if (out && join) {
            out[m - 1].num_bytes += r->clusters[c].num_bytes;
            out[m - 1].num_glyphs += r->clusters[c].num_glyphs;
        } else if (out) {
            out[m++] = r->clusters[c];
        }
        g += r->clusters[c].num_glyphs;
        b += r->clusters[c].num_bytes;
    }
    *n = m;
    return out;
}

/* Run r (of the layout's font r->font) drawn in the font of_map gives
 * for it, its glyphs renumbered for that font when it is another (a
 * subset); a PNG proof draws the layout's own. */
static void show_run(cairo_t *cr, const out_fonts *of, const lay_run *r)
{
    cairo_scaled_font_t *sf = of_map(of, r->font);
    cairo_glyph_t *g = NULL;
    lay_run own = *r;
    if (sf != r->font) {
        g = malloc(((size_t)r->nglyphs + 1) * sizeof *g);
        if (!g)
            return; /* out of memory: nothing drawn */
        memcpy(g, r->glyphs, (size_t)r->nglyphs * sizeof *g);
        of_renumber(of, r->font, g, r->nglyphs);
        own.glyphs = g;
    }
    cairo_matrix_t fm;
    cairo_scaled_font_get_font_matrix(sf, &fm);
    int n = 0;
    cairo_text_cluster_t *c = joined(sf, &own, fm.xx, &n);
    cairo_show_text_glyphs(cr, own.utf8, own.utf8_len, own.glyphs,
                           own.nglyphs, c ? c : own.clusters,
                           c ? n : own.nclusters, 0);
    free(c);
    free(g);
}

/* Runs [a, b) of one font end to end, shown as one (an ideographic
 * space set as a run of its own between two). Returns -1 when out of
 * memory. */
static int show_joined_runs(cairo_t *cr, const out_fonts *of,
                            const lay_run *runs, int a, int b)
{
    size_t nb = 0;
    int ng = 0, nc = 0;
    for (int i = a; i < b; i++)
        nb += (size_t)runs[i].utf8_len, ng += runs[i].nglyphs,
            nc += runs[i].nclusters;
    char *utf8 = malloc(nb + 1);
    cairo_glyph_t *g = malloc(((size_t)ng + 1) * sizeof *g);
    cairo_text_cluster_t *c = malloc(((size_t)nc + 1) * sizeof *c);
    int rc = -1;
    if (utf8 && g && c) {
        lay_run r = {runs[a].font, utf8, 0, g, 0, c, 0};
        for (int i = a; i < b; i++) {
            const lay_run *p = &runs[i];
            memcpy(utf8 + r.utf8_len, p->utf8, (size_t)p->utf8_len);
            memcpy(g + r.nglyphs, p->glyphs, (size_t)p->nglyphs * sizeof *g);
            memcpy(c + r.nclusters, p->clusters,
                   (size_t)p->nclusters * sizeof *c);
            r.utf8_len += p->utf8_len;
            r.nglyphs += p->nglyphs;
            r.nclusters += p->nclusters;
        }
        show_run(cr, of, &r);
        rc = 0;
    }
    free(utf8);
    free(g);
    free(c);
    return rc;
}

/* The end of the group of runs that starts at run i: runs of one font
 * put end to end while one of them holds an ideographic space. */
static int group_end(const lay_line *l, int i)
{
    int j = i + 1, gap = has_gap(&l->runs[i]);
    while (j < l->nruns && l->runs[j].font == l->runs[i].font &&
           (gap || has_gap(&l->runs[j])))
        gap |= has_gap(&l->runs[j]), j++;
    return j;
}

/* Whether run k is drawn alone (not put end to end with others). */
static int alone(const lay_line *l, int k)
{
    int i = 0, j;
    while ((j = group_end(l, i)) <= k)
        i = j;
    return j == i + 1;
}

/* Bytes of the first cluster of run k that run k - 1 takes over: when
 * run k (another font) starts inside the advance of run k - 1's last
 * glyph (a bold run-in's 。 squeezed against the body's “ or 《), one
 * cluster cannot hold both glyphs, so the overlapped glyph carries the
 * text of both over its advance and the overlapping one is drawn with
 * none: extractors read the line on, with no gap and no overlap. 0 when
 * the runs do not overlap. */
static int handoff(const lay_line *l, const out_ink *ink, int k)
{
    if (k <= 0 || k >= l->nruns)
        return 0;
    const lay_run *a = &l->runs[k - 1], *b = &l->runs[k];
    if (a->font == b->font || !a->nglyphs || !b->nglyphs || !a->nclusters ||
        !b->nclusters || a->clusters[a->nclusters - 1].num_glyphs != 1 ||
        !alone(l, k - 1) || !alone(l, k))
        return 0;
    cairo_scaled_font_t *sf = of_map(ink->fonts, a->font);
    cairo_matrix_t fm;
    cairo_scaled_font_get_font_matrix(sf, &fm);
    cairo_text_extents_t e;
    cairo_glyph_t last = a->glyphs[a->nglyphs - 1];
    of_renumber(ink->fonts, a->font, &last, 1);
    cairo_scaled_font_glyph_extents(sf, &last, 1, &e);
    if (b->glyphs[0].x >= last.x + e.x_advance - OVERLAP_EM * fm.xx ||
        b->clusters[0].num_glyphs != 1)
        return 0;
    return b->clusters[0].num_bytes;
}

/* Run r with its first `give` bytes (its first cluster's) handed to the
 * run before, and `take` bytes (the next run's, at next) put after its
 * text in its last cluster; the buffers come from *utf8 and *c, freed by
 * the caller. -1 when out of memory. */
static int handed(const lay_run *r, const char *next, int take, int give,
                  lay_run *out, char **utf8, cairo_text_cluster_t **c)
{
    *out = *r;
    *utf8 = NULL;
    *c = malloc((size_t)r->nclusters * sizeof **c);
    if (!*c)
        return -1;
    memcpy(*c, r->clusters, (size_t)r->nclusters * sizeof **c);
    out->clusters = *c;
    if (give) {
        (*c)[0].num_bytes = 0;
        out->utf8 += give;
        out->utf8_len -= give;
    }
    if (take) {
        if (!(*utf8 = malloc((size_t)(out->utf8_len + take))))
            return -1;
        memcpy(*utf8, out->utf8, (size_t)out->utf8_len);
        memcpy(*utf8 + out->utf8_len, next, (size_t)take);
        out->utf8 = *utf8;
        out->utf8_len += take;
        (*c)[r->nclusters - 1].num_bytes += take;
    }
    return 0;
}

void out_show_text(cairo_t *cr, const lay_line *l, const out_ink *ink)
{
    int give = 0; /* bytes run i hands to the run before (its handoff) */
    for (int i = 0; i < l->nruns;) {
        const lay_run *r = &l->runs[i];
        int j = group_end(l, i);
        cairo_scaled_font_t *sf = of_map(ink->fonts, r->font);
        cairo_set_scaled_font(cr, sf);
        if (j > i + 1 && show_joined_runs(cr, ink->fonts, l->runs, i, j) == 0) {
            i = j;
            give = 0; /* runs put end to end hand nothing on */
            continue;
        }
        int take = handoff(l, ink, i + 1);
        lay_run one = *r;
        char *utf8 = NULL;
        cairo_text_cluster_t *c = NULL;
        const lay_run *n = i + 1 < l->nruns ? &l->runs[i + 1] : NULL;
        if ((take || give) &&
            handed(r, n ? n->utf8 : NULL, take, give, &one, &utf8, &c))
            one = *r; /* out of memory: each keeps its own text */
        show_run(cr, ink->fonts, &one);
        free(utf8);
        free(c);
        give = take;
        i++;
    }
}
