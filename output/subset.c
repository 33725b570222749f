/* subset.c: the fonts of an issue cut down to the glyphs it sets, with
 * HarfBuzz's subsetter, before Cairo embeds them. Cairo 1.16's own CFF
 * subsetter copies every local subroutine of a font dictionary it
 * touches (three quarters of a PDF was font data); a subset that is
 * desubroutinized leaves Cairo little to copy. Its glyphs are numbered
 * afresh (keeping the ids would keep an entry for each of a CJK face's
 * 65,000 glyphs and double the subsetting's work), so the glyphs of a
 * run are renumbered as they are drawn. Outlines, advances and the text
 * layer are the same; only the bytes embedded shrink. */
#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-subset.h>
#include <hb.h>
#include <stdlib.h>
#include <string.h>

#include "outp.h"

/* One font file (a face of a collection) and the glyphs set in it. */
typedef struct of_face {
    char *path;
    long index;
    hb_set_t *glyphs;
    hb_map_t *ids;             /* the layout's glyph id -> the subset's */
    cairo_font_face_t *subset; /* NULL: not subset, the original is used */
} of_face;

/* A font of the layout and the one drawn in its place. */
typedef struct of_pair {
    cairo_scaled_font_t *orig, *subset;
    of_face *face;
} of_pair;

struct out_fonts {
    of_face **faces;
    size_t nfaces, capfaces;
    of_pair *pairs;
    size_t npairs, cappairs;
};

/* The file and face index behind a scaled font of the layout. */
static int font_file(cairo_scaled_font_t *sf, char **path, long *index)
{
    if (cairo_scaled_font_get_type(sf) != CAIRO_FONT_TYPE_FT)
        return -1;
    FT_Face f = cairo_ft_scaled_font_lock_face(sf);
    int rc = -1;
    if (f && f->stream && f->stream->pathname.pointer) {
        *path = strdup(f->stream->pathname.pointer);
        *index = f->face_index & 0xFFFF;
        rc = *path ? 0 : -1;
    }
    cairo_ft_scaled_font_unlock_face(sf);
    return rc;
}

static of_face *face_of(out_fonts *of, const char *path, long index)
{
    for (size_t i = 0; i < of->nfaces; i++)
        if (of->faces[i]->index == index && !strcmp(of->faces[i]->path, path))
            return of->faces[i];
    of_face *f = calloc(1, sizeof *f);
    of_face **slot = f ? VEC_PUSH(of->faces, of->nfaces, of->capfaces) : NULL;
    if (!slot) {
        free(f);
        return NULL;
    }
    *slot = f;
    f->path = strdup(path);
    f->index = index;
    f->glyphs = hb_set_create();
    return f;
}

static of_pair *pair_of(out_fonts *of, cairo_scaled_font_t *sf)
{
    for (size_t i = 0; i < of->npairs; i++)
        if (of->pairs[i].orig == sf)
            return &of->pairs[i];
    char *path = NULL;
    long index = 0;
    of_face *face = font_file(sf, &path, &index) == 0
                        ? face_of(of, path, index) : NULL;
    free(path);
    of_pair *p = VEC_PUSH(of->pairs, of->npairs, of->cappairs);
    if (p)
        *p = (of_pair){sf, NULL, face};
    return p;
}

/* Every glyph set, by the face it comes from. */
static int collect(out_fonts *of, const lay_line *lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < lines[i].nruns; k++) {
            const lay_run *r = &lines[i].runs[k];
            of_pair *p = pair_of(of, r->font);
            if (!p)
                return -1;
            for (int g = 0; p->face && g < r->nglyphs; g++)
                hb_set_add(p->face->glyphs, (hb_codepoint_t)r->glyphs[g].index);
        }
    return 0;
}

/* What a subset face holds on to until Cairo lets it go (Cairo may keep
 * a font face cached past our use of it, so it owns its FreeType library,
 * face and bytes). */
typedef struct of_hold {
    FT_Library lib;
    FT_Face face;
    hb_blob_t *blob;
} of_hold;

static void release(void *p)
{
    of_hold *h = p;
    if (h->face)
        FT_Done_Face(h->face);
    if (h->lib)
        FT_Done_FreeType(h->lib);
    hb_blob_destroy(h->blob);
    free(h);
}

/* The subset as a Cairo font face, its bytes kept alive with it. */
static cairo_font_face_t *load_subset(hb_blob_t *blob)
{
    static const cairo_user_data_key_t key; /* its address is the key */
    unsigned len;
    const char *data = hb_blob_get_data(blob, &len);
    of_hold *h = calloc(1, sizeof *h);
    if (!h) {
        hb_blob_destroy(blob);
        return NULL;
    }
    h->blob = blob;
    if (!len || FT_Init_FreeType(&h->lib) ||
        FT_New_Memory_Face(h->lib, (const FT_Byte *)data, len, 0, &h->face)) {
        release(h);
        return NULL;
    }
    cairo_font_face_t *cf = cairo_ft_font_face_create_for_ft_face(h->face, 0);
    if (cairo_font_face_set_user_data(cf, &key, h, release)) {
        cairo_font_face_destroy(cf);
        release(h);
        return NULL;
    }
    return cf;
}

/* Tables the subset need not keep: it only draws glyphs whose ids and
 * positions the layout fixed, so the layout tables go, and with them
 * HarfBuzz's closure over GSUB (a third of the subsetting's work in a
 * CJK face); the metrics of vertical setting go too. */
static const hb_tag_t dropped_tables[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
    HB_TAG('G', 'D', 'E', 'F'), HB_TAG('B', 'A', 'S', 'E'),
    HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
    HB_TAG('V', 'O', 'R', 'G'), HB_TAG('v', 'h', 'e', 'a'),
    HB_TAG('v', 'm', 't', 'x'),
};

/* The subsetter's input: f's glyphs, outlines without subroutines or
 * hinting, the tables above dropped. */
static hb_subset_input_t *subset_input(const of_face *f)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in)
        return NULL;
    hb_set_union(hb_subset_input_glyph_set(in), f->glyphs);
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof dropped_tables / sizeof *dropped_tables; i++)
        hb_set_add(drop, dropped_tables[i]);
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_DESUBROUTINIZE |
                                      HB_SUBSET_FLAGS_NO_HINTING |
                                      HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
    return in;
}

/* Cut a face down to its glyphs, and note where each went. */
static void subset_face(of_face *f)
{
    hb_blob_t *file = hb_blob_create_from_file_or_fail(f->path);
    hb_face_t *face = file ? hb_face_create(file, (unsigned)f->index) : NULL;
    hb_subset_input_t *in = face ? subset_input(f) : NULL;
    hb_subset_plan_t *plan = in ? hb_subset_plan_create_or_fail(face, in)
                                : NULL;
    hb_face_t *sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
    f->ids = sub ? hb_map_create() : NULL;
    if (f->ids) {
        const hb_map_t *m = hb_subset_plan_old_to_new_glyph_mapping(plan);
        hb_codepoint_t g = HB_SET_VALUE_INVALID;
        while (hb_set_next(f->glyphs, &g))
            hb_map_set(f->ids, g, hb_map_get(m, g));
        if (hb_map_allocation_successful(f->ids))
            f->subset = load_subset(hb_face_reference_blob(sub));
    }
    hb_face_destroy(sub);
    hb_subset_plan_destroy(plan);
    hb_subset_input_destroy(in);
    hb_face_destroy(face);
    hb_blob_destroy(file);
}

/* The scaled font to draw in place of p->orig: same size, matrix and
 * options, the subset's outlines. */
static void make_scaled(of_pair *p)
{
    if (!p->face || !p->face->subset)
        return;
    cairo_matrix_t fm, ctm;
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_scaled_font_get_font_matrix(p->orig, &fm);
    cairo_scaled_font_get_ctm(p->orig, &ctm);
    cairo_scaled_font_get_font_options(p->orig, fo);
    p->subset = cairo_scaled_font_create(p->face->subset, &fm, &ctm, fo);
    cairo_font_options_destroy(fo);
    if (cairo_scaled_font_status(p->subset) != CAIRO_STATUS_SUCCESS) {
        cairo_scaled_font_destroy(p->subset);
        p->subset = NULL;
    }
}

int of_build(const lay_doc *pages, out_fonts **out)
{
    out_fonts *of = calloc(1, sizeof *of);
    *out = of;
    if (!of)
        return -1;
    for (size_t i = 0; i < pages->npages; i++)
        if (collect(of, pages->pages[i].lines, pages->pages[i].nlines) ||
            collect(of, pages->pages[i].slug, pages->pages[i].nslug))
            return -1;
    for (size_t i = 0; i < of->nfaces; i++)
        subset_face(of->faces[i]);
    for (size_t i = 0; i < of->npairs; i++)
        make_scaled(&of->pairs[i]);
    return 0;
}

static const of_pair *find_pair(const out_fonts *of, cairo_scaled_font_t *sf)
{
    for (size_t i = 0; of && i < of->npairs; i++)
        if (of->pairs[i].orig == sf)
            return &of->pairs[i];
    return NULL;
}

cairo_scaled_font_t *of_map(const out_fonts *of, cairo_scaled_font_t *sf)
{
    const of_pair *p = find_pair(of, sf);
    return p && p->subset ? p->subset : sf;
}

void of_renumber(const out_fonts *of, cairo_scaled_font_t *sf,
                 cairo_glyph_t *g, int n)
{
    const of_pair *p = find_pair(of, sf);
    if (!p || !p->subset)
        return;
    for (int i = 0; i < n; i++)
        g[i].index = hb_map_get(p->face->ids, (hb_codepoint_t)g[i].index);
}

void of_free(out_fonts *of)
{
    if (!of)
        return;
    for (size_t i = 0; i < of->npairs; i++)
        if (of->pairs[i].subset)
            cairo_scaled_font_destroy(of->pairs[i].subset);
    for (size_t i = 0; i < of->nfaces; i++) {
        if (of->faces[i]->subset)
            cairo_font_face_destroy(of->faces[i]->subset);
        hb_set_destroy(of->faces[i]->glyphs);
        hb_map_destroy(of->faces[i]->ids);
        free(of->faces[i]->path);
        free(of->faces[i]);
    }
    free(of->faces);
    free(of->pairs);
    free(of);
}
