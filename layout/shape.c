/* shape.c: itemizing and shaping a paragraph with Pango and HarfBuzz,
 * with the context settings that make widths exact (platform-notes.md),
 * and the report of characters a role's font lacks */
#include <pango/pangofc-fontmap.h>
#include <stdlib.h>
#include <string.h>

#include "composer.h"
#include "shape.h"

static void measure_blank(const struct sh_item *si, sh_cluster *c);

struct sh_ctx {
    PangoFontMap *map;
    PangoContext *pc;
    diag_ctx *d;
};

sh_ctx *sh_new(fnt_set *fs, diag_ctx *d)
{
    sh_ctx *sc = calloc(1, sizeof *sc);
    if (!sc)
        return NULL;
    sc->d = d;
    sc->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (!sc->map) {
        free(sc);
        return NULL;
    }
    /* our own fontconfig configuration: it holds the app fonts */
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(sc->map),
                                 (FcConfig *)fnt_fcconfig(fs));
    /* 72 dpi: 10.5 means 10.5 PDF units, not 14 */
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(sc->map), 72);
    sc->pc = pango_font_map_create_context(sc->map);
    /* unrounded positions, no hinting: an 18-em line holds 18 characters */
    pango_context_set_round_glyph_positions(sc->pc, FALSE);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(sc->pc, fo);
    cairo_font_options_destroy(fo);
    /* zh-cn: —— is one 2-em glyph, not two proportional dashes */
    pango_context_set_language(sc->pc, pango_language_from_string("zh-cn"));
    return sc;
}

void sh_free(sh_ctx *sc)
{
    if (!sc)
        return;
    if (sc->pc)
        g_object_unref(sc->pc);
    if (sc->map)
        g_object_unref(sc->map);
    free(sc);
}

void sh_para_free(sh_para *p)
{
    for (int i = 0; i < p->nitems; i++) {
        if (p->items[i].font)
            cairo_scaled_font_destroy(p->items[i].font);
        pango_glyph_string_free(p->items[i].glyphs);
        pango_item_free(p->items[i].item);
    }
    free(p->items);
    free(p->cl);
    memset(p, 0, sizeof *p);
}

/* Runs of ASCII digits in their half-width forms, 0.5 em each, as the
 * originals set them (the proportional digits are wider). */
static void add_half_digits(PangoAttrList *al, const char *text, int a, int b)
{
    for (int i = a; i < b;) {
        if (text[i] < '0' || text[i] > '9') {
            i++;
            continue;
        }
        int j = i;
        while (j < b && text[j] >= '0' && text[j] <= '9')
            j++;
        PangoAttribute *f = pango_attr_font_features_new("hwid");
        f->start_index = (guint)i;
        f->end_index = (guint)j;
        pango_attr_list_insert(al, f);
        i = j;
    }
}

static PangoAttrList *piece_attrs(const char *text, const sh_piece *pc,
                                  int npc)
{
    PangoAttrList *al = pango_attr_list_new();
    for (int i = 0; i < npc; i++) {
        PangoFontDescription *fd = pango_font_description_new();
        pango_font_description_set_family(fd, pc[i].face->family);
        pango_font_description_set_weight(fd, (PangoWeight)pc[i].face->weight);
        pango_font_description_set_absolute_size(fd, pc[i].size * PANGO_SCALE);
        PangoAttribute *a = pango_attr_font_desc_new(fd);
        pango_font_description_free(fd);
        a->start_index = (guint)pc[i].start;
        a->end_index = (guint)(pc[i].start + pc[i].len);
        pango_attr_list_insert(al, a);
        if (pc[i].half_digits)
            add_half_digits(al, text, pc[i].start, pc[i].start + pc[i].len);
    }
    return al;
}

static const sh_piece *piece_at(const sh_piece *pc, int npc, int off)
{
    for (int i = 0; i < npc; i++)
        if (off >= pc[i].start && off < pc[i].start + pc[i].len)
            return &pc[i];
    return npc ? &pc[npc - 1] : NULL;
}

static doc_pos pos_at(const char *text, const sh_piece *p, int off)
{
    doc_pos pos = p->pos;
    if (pos.line > 0 && off >= p->start)
        pos.col += (int)u8_count(text + p->start, (size_t)(off - p->start));
    return pos;
}

/* Characters that Pango had to take from another font than the role's. */
static void check_fallback(sh_ctx *sc, const char *text, PangoItem *it,
                           const sh_piece *pc, int npc)
{
    const sh_piece *p = piece_at(pc, npc, it->offset);
    if (!p)
        return;
    PangoFontDescription *fd = pango_font_describe(it->analysis.font);
    const char *fam = pango_font_description_get_family(fd);
    if (fam && strcmp(fam, p->face->family) != 0) {
        for (int o = it->offset; o < it->offset + it->length;) {
            uint32_t cp;
            int n = u8_decode(text + o, (size_t)(it->offset + it->length - o),
                              &cp);
            if (!u8_is_space(cp))
                diag_warn(sc->d, pos_at(text, piece_at(pc, npc, o), o),
                          "character '%.*s' (U+%04X) is not in %s (role %s); "
                          "drawn from %s", n, text + o, cp, p->face->family,
                          fnt_role_name(p->face->role), fam);
            o += n;
        }
    }
    pango_font_description_free(fd);
}

static int shape_items(sh_ctx *sc, const char *text, int len, GList *items,
                       const sh_piece *pc, int npc, sh_para *out)
{
    int n = (int)g_list_length(items);
    out->items = calloc((size_t)n + 1, sizeof *out->items);
    if (!out->items)
        return -1;
    for (GList *l = items; l; l = l->next) {
        PangoItem *it = l->data;
        sh_item *si = &out->items[out->nitems++];
        si->item = it;
        si->glyphs = pango_glyph_string_new();
        pango_shape_with_flags(text + it->offset, it->length, text, len,
                               &it->analysis, si->glyphs, PANGO_SHAPE_NONE);
        cairo_scaled_font_t *sf =
            pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(it->analysis.font));
        si->font = sf ? cairo_scaled_font_reference(sf) : NULL;
        check_fallback(sc, text, it, pc, npc);
        l->data = NULL;
    }
    return 0;
}

/* Clusters of one item: runs of glyphs with the same log_cluster. */
static int item_clusters(sh_ctx *sc, sh_para *p, int ii, const sh_piece *pc,
                         int npc, int *cap)
{
    sh_item *si = &p->items[ii];
    PangoGlyphString *gs = si->glyphs;
    PangoFontDescription *fd =
        pango_font_describe_with_absolute_size(si->item->analysis.font);
    int size = pango_font_description_get_size(fd);
    pango_font_description_free(fd);
    for (int g = 0; g < gs->num_glyphs;) {
        int lc = gs->log_clusters[g], e = g, w = 0;
        while (e < gs->num_glyphs && gs->log_clusters[e] == lc) {
            if (gs->glyphs[e].glyph & PANGO_GLYPH_UNKNOWN_FLAG) {
                int off = si->item->offset + lc;
                uint32_t cp;
                int clen = u8_decode(p->text + off, (size_t)(p->len - off), &cp);
                diag_warn(sc->d, pos_at(p->text, piece_at(pc, npc, off), off),
                          "no installed font has character '%.*s' (U+%04X): "
                          "it prints as an empty box", clen, p->text + off, cp);
            }
            w += gs->glyphs[e].geometry.width;
            e++;
        }
        int start = si->item->offset + lc;
        int end = e < gs->num_glyphs ? si->item->offset + gs->log_clusters[e]
                                     : si->item->offset + si->item->length;
        if (p->ncl == *cap) {
            *cap = *cap ? *cap * 2 : 64;
            sh_cluster *ncl = realloc(p->cl, (size_t)*cap * sizeof *ncl);
            if (!ncl)
                return -1;
            p->cl = ncl;
        }
        sh_cluster *c = &p->cl[p->ncl++];
        memset(c, 0, sizeof *c);
        u8_decode(p->text + start, (size_t)(p->len - start), &c->cp);
        c->start = start;
        c->len = end - start;
        c->item = ii;
        c->g0 = g;
        c->ng = e - g;
        c->width = w;
        c->size = size;
        c->cls = cc_classify(c->cp);
        measure_blank(si, c);
        g = e;
    }
    return 0;
}

/* The blank beside a mark's ink, from the font: fonts place 。，、 and
 * brackets differently, so the room to squeeze is measured, not assumed. */
static void measure_blank(const sh_item *si, sh_cluster *c)
{
    const cc_props *pr = cc_properties(c->cls);
    if (pr->blank == CC_BLANK_NONE || c->ng != 1)
        return;
    const PangoGlyphInfo *gi = &si->glyphs->glyphs[c->g0];
    PangoRectangle ink;
    pango_font_get_glyph_extents(si->item->analysis.font, gi->glyph, &ink, NULL);
    int left = ink.x + gi->geometry.x_offset;
    int right = c->width - (left + ink.width);
    int half = c->width / 2;
    if (ink.width <= 0) /* a blank glyph: all of it may go, up to half */
        left = right = half;
    if (pr->blank & CC_BLANK_LEFT)
        c->blank_l = left < 0 ? 0 : left > half ? half : left;
    if (pr->blank & CC_BLANK_RIGHT)
        c->blank_r = right < 0 ? 0 : right > half ? half : right;
    if (pr->blank == CC_BLANK_BOTH) { /* an interpunct shrinks evenly */
        c->blank_l = c->blank_l < c->width / 4 ? c->blank_l : c->width / 4;
        c->blank_r = c->blank_r < c->width / 4 ? c->blank_r : c->width / 4;
    }
}

static void mark_breaks(sh_para *p, const sh_piece *pc, int npc)
{
    for (int i = 0; i < npc; i++) {
        if (!pc[i].break_after)
            continue;
        int end = pc[i].start + pc[i].len;
        for (int k = p->ncl; k-- > 0;)
            if (p->cl[k].start < end) {
                p->cl[k].forced_break = 1;
                break;
            }
    }
}

int sh_shape(sh_ctx *sc, const char *text, int len, const sh_piece *pc,
             int npc, sh_para *out)
{
    memset(out, 0, sizeof *out);
    out->text = text;
    out->len = len;
    if (len == 0)
        return 0;
    PangoAttrList *al = piece_attrs(text, pc, npc);
    GList *items = pango_itemize(sc->pc, text, 0, len, al, NULL);
    /* items come in logical order; ours is left-to-right text */
    int rc = shape_items(sc, text, len, items, pc, npc, out);
    g_list_free(items);
    pango_attr_list_unref(al);
    int cap = 0;
    for (int i = 0; rc == 0 && i < out->nitems; i++)
        rc = item_clusters(sc, out, i, pc, npc, &cap);
    if (rc == 0)
        mark_breaks(out, pc, npc);
    if (rc)
        sh_para_free(out);
    return rc;
}
