/* compose.c: from a doc_text and a role to composed lines with glyph runs */
#include <stdlib.h>
#include <string.h>

#include "composed.h"
#include "composer.h"
#include "context.h"
#include "shape.h"

/* Face of a span: an explicit face, else bold/emphasis, else the role's. */
static const fnt_face *cp_face(lay_ctx *lc, sty_role_id role,
                               unsigned flags, doc_face face)
{
    static const fnt_role by_face[] = {
        [DOC_FACE_SONG] = FNT_SONG, [DOC_FACE_HEI] = FNT_HEI,
        [DOC_FACE_KAI] = FNT_KAI,   [DOC_FACE_FANGSONG] = FNT_FANGSONG,
    };
    fnt_role r = lc->st->roles[role].font;
    if (face != DOC_FACE_DEFAULT)
        r = by_face[face];
    else if (flags & DOC_BOLD)
        r = lc->st->roles[STY_BOLD].font;
    else if (flags & DOC_EM)
        r = lc->st->roles[STY_EMPHASIS].font;
    return fnt_resolve(lc->fs, r, lc->d);
}

static int keep_font(lay_ctx *lc, cairo_scaled_font_t *f)
{
    for (size_t i = 0; i < lc->nfonts; i++)
        if (lc->fonts[i] == f)
            return 0;
    cairo_scaled_font_t **slot = VEC_PUSH(lc->fonts, lc->nfonts, lc->capfonts);
    if (!slot)
        return -1;
    *slot = cairo_scaled_font_reference(f);
    return 0;
}

/* One run: the clusters [a, b) of one item, at positions x (Pango units,
 * relative to the line start). */
static int make_run(lay_ctx *lc, const sh_para *p, int a, int b,
                    const int *x, lay_run *run)
{
    const sh_item *si = &p->items[p->cl[a].item];
    const PangoGlyphString *gs = si->glyphs;
    int ng = 0;
    for (int i = a; i < b; i++)
        ng += p->cl[i].ng;
    cairo_glyph_t *g = ar_alloc(lc->ar, (size_t)ng * sizeof *g);
    cairo_text_cluster_t *tc = ar_alloc(lc->ar, (size_t)(b - a) * sizeof *tc);
    if (!g || !tc || !si->font || keep_font(lc, si->font))
        return -1;
    int k = 0;
    for (int i = a; i < b; i++) {
        const sh_cluster *c = &p->cl[i];
        int pen = x[i - a];
        for (int j = c->g0; j < c->g0 + c->ng; j++) {
            const PangoGlyphInfo *gi = &gs->glyphs[j];
            g[k].index = gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG ? 0 : gi->glyph;
            g[k].x = (double)(pen + gi->geometry.x_offset) / PANGO_SCALE;
            g[k].y = (double)gi->geometry.y_offset / PANGO_SCALE;
            pen += gi->geometry.width;
            k++;
        }
        tc[i - a].num_bytes = c->len;
        tc[i - a].num_glyphs = c->ng;
    }
    run->font = si->font;
    run->utf8 = p->text + p->cl[a].start;
    run->utf8_len = p->cl[b - 1].start + p->cl[b - 1].len - p->cl[a].start;
    run->glyphs = g;
    run->nglyphs = ng;
    run->clusters = tc;
    run->nclusters = b - a;
    return 0;
}

/* Where the line's content ends: before trailing spaces and a hanging
 * mark, which lie past the measure. */
static int content_end(const lb_para *lp, const lb_line *ln)
{
    int e = ln->b;
    while (e > ln->a + 1 && (lp->it[e - 1].space || lp->it[e - 1].absorbed))
        e--;
    return ln->hang && e > ln->a + 1 ? e - 1 : e;
}

static int make_line(lay_ctx *lc, const sh_para *p, const lb_para *lp,
                     const lb_line *ln, cp_line *out)
{
    int n = ln->b - ln->a;
    int *x = malloc(((size_t)n + 1) * sizeof *x);
    if (!x)
        return -1;
    lb_positions(lp, ln, x);
    int nruns = 1;
    for (int i = ln->a + 1; i < ln->b; i++)
        nruns += p->cl[i].item != p->cl[i - 1].item;
    lay_run *runs = ar_alloc(lc->ar, (size_t)nruns * sizeof *runs);
    int rc = runs ? 0 : -1, r = 0, maxsize = 0;
    for (int i = ln->a; rc == 0 && i < ln->b;) {
        int e = i + 1;
        while (e < ln->b && p->cl[e].item == p->cl[i].item)
            e++;
        rc = make_run(lc, p, i, e, x + (i - ln->a), &runs[r++]);
        i = e;
    }
    for (int i = ln->a; i < ln->b; i++)
        if (p->cl[i].size > maxsize)
            maxsize = p->cl[i].size;
    memset(out, 0, sizeof *out);
    out->ln.runs = runs;
    out->ln.nruns = r;
    out->ln.measure = (double)lp->prm.measure / PANGO_SCALE;
    out->ln.width = (double)x[content_end(lp, ln) - ln->a] / PANGO_SCALE;
    out->ln.justified = ln->justify;
    const char *t0 = p->text + p->cl[ln->a].start;
    const char *t1 = p->text + p->cl[ln->b - 1].start + p->cl[ln->b - 1].len;
    out->ln.text = ar_strndup(lc->ar, t0, (size_t)(t1 - t0));
    out->size = (double)maxsize / PANGO_SCALE;
    free(x);
    return rc;
}

static cp_line *push_line(cp_block *out)
{
    if (out->nlines == out->cap) {
        int ncap = out->cap ? out->cap * 2 : 16;
        cp_line *l = realloc(out->lines, (size_t)ncap * sizeof *l);
        if (!l)
            return NULL;
        out->lines = l;
        out->cap = ncap;
    }
    return &out->lines[out->nlines++];
}

/* Where the original's lines end, as cluster indexes: each line's
 * characters (white space not counted) are counted off the clusters.
 * Returns the number of breaks, 0 when the text does not match. */
static int orig_breaks(const sh_para *p, const char *const *orig,
                       size_t norig, int *out)
{
    int k = 0, c = 0;
    for (size_t l = 0; l < norig; l++) {
        size_t want = 0;
        for (const char *s = orig[l]; *s;) {
            uint32_t cp;
            s += u8_decode(s, strlen(s), &cp);
            want += !u8_is_space(cp);
        }
        size_t got = 0;
        while (c < p->ncl && got < want) {
            const char *s = p->text + p->cl[c].start;
            for (const char *e = s + p->cl[c].len; s < e;) {
                uint32_t cp;
                s += u8_decode(s, (size_t)(e - s), &cp);
                got += !u8_is_space(cp);
            }
            c++;
        }
        if (got != want)
            return 0;
        out[k++] = c - 1;
    }
    return c == p->ncl || k > 0 ? k : 0;
}

/* Break a shaped paragraph and append its lines. */
static int cp_shaped(lay_ctx *lc, const sh_para *p, const lb_params *prm,
                     const char *text, const sh_piece *pc, int npc,
                     cp_block *out)
{
    lb_para lp;
    if (lb_compose(p->cl, p->ncl, prm, &lp))
        return -1;
    int rc = 0;
    for (int i = 0; rc == 0 && i < lp.nlines; i++) {
        if (lp.lines[i].emergency) {
            int off = p->cl[lp.lines[i].a].start;
            const sh_piece *pp = pc;
            for (int k = 0; k < npc; k++)
                if (off >= pc[k].start)
                    pp = &pc[k];
            doc_pos pos = pp->pos;
            pos.col += (int)u8_count(text + pp->start, (size_t)(off - pp->start));
            diag_warn(lc->d, pos, "text too long to fit the measure without "
                      "a break opportunity: broken inside it");
        }
        cp_line *l = push_line(out);
        rc = l ? make_line(lc, p, &lp, &lp.lines[i], l) : -1;
    }
    lb_free(&lp);
    return rc;
}

/* Pango units of a length in ems of size pt. */
static int em_units(double em, double size)
{
    return (int)(em * size * PANGO_SCALE + (em >= 0 ? 0.5 : -0.5));
}

static void params_for(lay_ctx *lc, sty_role_id role, double measure,
                       double size, double indent_em, lb_params *prm)
{
    const sty_role *r = &lc->st->roles[role];
    const sty_compose *cs = &lc->st->compose;
    memset(prm, 0, sizeof *prm);
    prm->measure = (int)(measure * PANGO_SCALE + 0.5);
    prm->first_indent = em_units(indent_em, size);
    prm->kinsoku = cs->kinsoku;
    prm->align = r->align;
    prm->tracking = em_units(r->tracking, size);
    prm->punct = cs->punct;
    prm->strategy = cs->strategy;
    prm->hanging = cs->hanging;
    prm->adjacent_always = cs->adjacent_always;
    prm->start_flush = cs->start_flush;
    prm->latin_gap = em_units(cs->latin_gap, size);
    prm->latin_gap_min = em_units(cs->latin_gap_min, size);
    prm->latin_gap_max = em_units(cs->latin_gap_max, size);
    prm->tighten = em_units(cs->tighten, size);
    prm->tighten_step = em_units(cs->tighten_step, size);
    prm->orphan = cs->orphan;
    prm->orphan_pull = cs->orphan_pull;
    prm->pull_unit = (int)(cs->pull_unit * 1000 + 0.5);
    prm->em = em_units(1, size);
}

/* The last guard before shaping: a character that may not be set (util's
 * rule) and came through some other door than the source (a style's
 * template, a sidecar) is left out here, and said. */
typedef struct guard {
    lay_ctx *lc;
    doc_pos pos;
} guard;

static void report_guard(void *ctx, size_t off, uint32_t cp, const char *what)
{
    const guard *g = ctx;
    int replace;
    (void)off;
    u8_unsettable(cp, &replace);
    diag_warn(g->lc->d, g->pos, "U+%04X is %s: %s", (unsigned)cp, what,
              replace ? "set as U+FFFD" : "left out");
}

static int add_piece(lay_ctx *lc, sb_buf *text, sh_piece **pc, size_t *n,
                     size_t *cap, const char *s, size_t len,
                     const fnt_face *face, double size, doc_pos pos)
{
    sh_piece *p = VEC_PUSH(*pc, *n, *cap);
    if (!p)
        return -1;
    memset(p, 0, sizeof *p);
    p->start = (int)text->len;
    p->face = face;
    p->size = size;
    p->pos = pos;
    p->half_digits = lc->st->compose.half_digits;
    guard g = {lc, pos};
    u8_settable_copy(s, len, text, report_guard, &g);
    p->len = (int)text->len - p->start;
    return text->failed ? -1 : 0;
}

int cp_text(lay_ctx *lc, const doc_text *t, const cp_spec *spec,
            cp_block *out)
{
    const sty_role *r = &lc->st->roles[spec->role];
    double size = spec->size > 0 ? spec->size : r->size;
    sb_buf text;
    sh_piece *pc = NULL;
    size_t npc = 0, cap = 0;
    int rc = -1;
    sb_init(&text);
    const fnt_face *base = cp_face(lc, spec->role, 0, DOC_FACE_DEFAULT);
    if (!base)
        goto out;
    const char *fixed[2] = {spec->prefix, spec->infix};
    for (int i = 0; i < 2; i++)
        if (fixed[i] && add_piece(lc, &text, &pc, &npc, &cap, fixed[i],
                                  strlen(fixed[i]), base, size, diag_nopos()))
            goto out;
    for (size_t i = 0; i < t->nspans; i++) {
        const doc_span *s = &t->spans[i];
        const fnt_face *f = cp_face(lc, spec->role, s->flags, s->face);
        if (!f || add_piece(lc, &text, &pc, &npc, &cap, s->text, s->len, f,
                            size, s->pos))
            goto out;
        pc[npc - 1].break_after = (s->flags & DOC_BREAK) != 0;
    }
    lb_params prm;
    params_for(lc, spec->role, spec->measure, size,
               spec->indent_first ? r->indent : 0, &prm);
    sh_para p;
    if (sh_shape(lc->sh, text.s ? text.s : "", (int)text.len, pc, (int)npc, &p))
        goto out;
    int *brk = NULL;
    if (spec->orig && spec->norig && (brk = malloc(spec->norig * sizeof *brk))) {
        prm.nbreaks = orig_breaks(&p, spec->orig, spec->norig, brk);
        prm.breaks = prm.nbreaks ? brk : NULL;
    }
    char *kept = ar_strndup(lc->ar, text.s ? text.s : "", text.len);
    p.text = kept; /* runs point into the arena copy */
    size_t first = (size_t)out->nlines;
    rc = kept ? cp_shaped(lc, &p, &prm, kept, pc, (int)npc, out) : -1;
    for (size_t i = first; rc == 0 && i < (size_t)out->nlines; i++) {
        out->lines[i].ln.role = spec->role;
        out->lines[i].ln.article = spec->article;
    }
    sh_para_free(&p);
    free(brk);
out:
    free(pc);
    sb_free(&text);
    return rc;
}

int cp_plain(lay_ctx *lc, const char *text, size_t len, sty_role_id role,
             double measure, double size, double indent_em, cp_block *out)
{
    const fnt_face *face = cp_face(lc, role, 0, DOC_FACE_DEFAULT);
    if (!face)
        return -1;
    sb_buf clean;
    sb_init(&clean);
    guard g = {lc, diag_nopos()};
    u8_settable_copy(text, len, &clean, report_guard, &g);
    len = clean.len;
    char *kept = clean.failed ? NULL : ar_strndup(lc->ar, clean.s ? clean.s : "", len);
    sb_free(&clean);
    if (!kept)
        return -1;
    sh_piece pc = {0, (int)len, face, size, diag_nopos(), 0,
                   lc->st->compose.half_digits};
    lb_params prm;
    params_for(lc, role, measure, size, indent_em, &prm);
    sh_para p;
    if (sh_shape(lc->sh, kept, (int)len, &pc, 1, &p))
        return -1;
    int rc = cp_shaped(lc, &p, &prm, kept, &pc, 1, out);
    sh_para_free(&p);
    return rc;
}
