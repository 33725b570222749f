/* designs.c: the house styles' geometry, read from the style files
 * (styles/NAME.style, [page] measure and lines), and the style an
 * imported issue is for (docs/import.md, Detection) */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "../styles/style.h"
#include "imp.h"

/* How close a measured raw extraction comes to a design: the measure in
 * em (the lines per column: IMP_LINES_SLACK). */
#define MEASURE_SLACK 0.5

/* PUBLICATION-YEAR.style: the publication and year of a style's name,
 * 0 when the name is not one. */
static int design_name(const char *file, int *pub, int *year)
{
    size_t n = strlen(file);
    const char *dash = strrchr(file, '-');
    if (n < 6 || strcmp(file + n - 6, ".style") || !dash ||
        file + n - 6 - dash != 5)
        return 0;
    for (int k = 1; k <= 4; k++)
        if (dash[k] < '0' || dash[k] > '9')
            return 0;
    char slug[64];
    if ((size_t)(dash - file) >= sizeof slug)
        return 0;
    memcpy(slug, file, (size_t)(dash - file));
    slug[dash - file] = '\0';
    *pub = imp_pub_of(slug);
    *year = atoi(dash + 1);
    return *pub != IMP_PUB_NONE;
}

/* What could not be read, for each import to warn about. */
static void problem(im_designs *ds, const char *msg)
{
    if (!msg)
        return;
    const char **slot = AR_PUSH(ds->ar, ds->problems, ds->nproblems,
                                ds->capproblems);
    if (slot)
        *slot = msg;
}

/* Whether the head order sets the deck after the byline. */
static int deck_after_byline(const sty_page *pg)
{
    int byline = -1, deck = -1;
    for (int i = 0; i < pg->nhead_order; i++) {
        if (pg->head_order[i] == STY_BYLINE)
            byline = i;
        if (pg->head_order[i] == STY_DECK)
            deck = i;
    }
    return byline >= 0 && deck > byline;
}

/* The design of the style file dir/NAME.style, read quietly: a style
 * that does not load is the builder's to report, and here only left out
 * of the choice, with a warning. */
static int load_design(im_designs *ds, const char *dir, const char *file,
                       imp_design *out)
{
    diag_ctx quiet;
    const sty_style *st;
    diag_init(&quiet, NULL);
    quiet.max_warnings = -1;
    char *name = ar_strndup(ds->ar, file, strlen(file) - strlen(".style"));
    if (!name || sty_load(name, dir, ds->ar, &quiet, &st)) {
        problem(ds, ar_printf(ds->ar, "the style file %s/%s does not load: "
                              "its design is left out of the choice of a "
                              "style", dir, file));
        return -1;
    }
    out->style = name;
    out->measure = st->page.measure;
    out->lines = st->page.lines;
    out->single_measure = st->page.single_measure;
    out->hanging = st->compose.hanging;
    out->loose = st->compose.strategy == STY_BREAK_PARAGRAPH;
    out->deck_late = deck_after_byline(&st->page);
    out->half_digits = st->compose.half_digits;
    return 0;
}

static int by_publication_and_year(const void *a, const void *b)
{
    const imp_design *x = a, *y = b;
    if (x->pub != y->pub)
        return x->pub - y->pub;
    if (x->year != y->year)
        return x->year - y->year;
    return strcmp(x->style, y->style);
}

static void read_dir(im_designs *ds, DIR *d, const char *dir)
{
    for (struct dirent *e; (e = readdir(d));) {
        imp_design des = {0};
        if (!design_name(e->d_name, &des.pub, &des.year) ||
            load_design(ds, dir, e->d_name, &des))
            continue;
        imp_design *slot = AR_PUSH(ds->ar, ds->designs, ds->ndesigns,
                                   ds->cap);
        if (slot)
            *slot = des;
    }
    if (ds->ndesigns)
        qsort(ds->designs, ds->ndesigns, sizeof *ds->designs,
              by_publication_and_year);
}

im_designs *im_load_designs(const char *dir)
{
    ar_arena *ar = ar_new();
    im_designs *ds = ar ? ar_alloc(ar, sizeof *ds) : NULL;
    if (!ds) {
        ar_free(ar);
        return NULL;
    }
    ds->ar = ar;
    DIR *d = opendir(dir);
    if (!d) {
        problem(ds, ar_printf(ar, "no style files in %s: no house style is "
                              "chosen", dir));
        return ds;
    }
    read_dir(ds, d, dir);
    closedir(d);
    return ds;
}

void im_free_designs(im_designs *ds)
{
    if (ds)
        ar_free(ds->ar);
}

void imp_use_designs(imp_ctx *c, const im_designs *ds)
{
    c->designs = ds->designs;
    c->ndesigns = ds->ndesigns;
    for (size_t i = 0; i < ds->nproblems; i++)
        imp_warn(c, IMP_CHECK, 1, 1, "%s", ds->problems[i]);
}

/* The designs of a publication: the first, and how many (in year order). */
static const imp_design *designs_of(const imp_ctx *c, int pub, size_t *n)
{
    size_t i = 0;
    while (i < c->ndesigns && c->designs[i].pub != pub)
        i++;
    *n = 0;
    while (i + *n < c->ndesigns && c->designs[i + *n].pub == pub)
        (*n)++;
    return *n ? &c->designs[i] : NULL;
}

/* Whether a measured column measure (em) is design d's. */
static int fits_measure(const imp_design *d, double measure)
{
    return measure >= d->measure - MEASURE_SLACK &&
           measure <= d->measure + MEASURE_SLACK;
}

/* How far a design's lines per column lie from the measured ones. */
static int lines_off(const imp_design *d, int lines)
{
    return lines ? abs(lines - d->lines) : 0;
}

const imp_design *imp_design_for(const imp_ctx *c, int pub, double measure,
                                 int lines)
{
    size_t n;
    const imp_design *v = designs_of(c, pub, &n), *best = NULL;
    if (n == 1)
        return v; /* one design: nothing to tell apart */
    int fits = 0;
    for (size_t i = 0; i < n; i++) {
        if (!fits_measure(&v[i], measure))
            continue;
        fits++;
        if (!best || lines_off(&v[i], lines) < lines_off(best, lines))
            best = &v[i];
    }
    /* The measure tells the designs apart; the lines, counted on the
     * fullest pages, are too few on a short issue to refuse one, and
     * only choose between designs of one measure. */
    if (fits > 1 && lines_off(best, lines) > IMP_LINES_SLACK)
        return NULL;
    return best;
}

int imp_design_single(const imp_ctx *c, int pub, double measure)
{
    size_t n;
    const imp_design *v = designs_of(c, pub, &n);
    int single = 0;
    for (size_t i = 0; i < n; i++) {
        if (!fits_measure(&v[i], measure) || !v[i].single_measure)
            continue;
        if (single && single != v[i].single_measure)
            return 0;
        single = v[i].single_measure;
    }
    return single;
}

void imp_warn_no_design(imp_ctx *c, int measure, int lines)
{
    size_t n;
    const imp_design *v = designs_of(c, c->pub, &n);
    if (!n)
        return;
    int same = 1;
    for (size_t i = 1; i < n; i++)
        same &= v[i].lines == v[0].lines;
    sb_buf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        sb_printf(&sb, "%s%d: %d em", i ? same ? ", " : "; " : "", v[i].year,
                  v[i].measure);
        if (!same)
            sb_printf(&sb, ", %d lines", v[i].lines);
    }
    if (same)
        sb_printf(&sb, "; %d lines", v[0].lines);
    imp_warn(c, IMP_MUST, 1, 1, "columns of %d em and %d lines fit no known design of "
             "《%s》 (%s)", measure, lines, imp_pub_name(c->pub),
             sb.s ? sb.s : "");
    sb_free(&sb);
}

const char *imp_style_for_year(imp_ctx *c)
{
    size_t n;
    const imp_design *v = designs_of(c, c->pub, &n);
    if (!n)
        return NULL;
    const imp_design *newest = &v[n - 1], *chosen = &v[0];
    if (n == 1 || c->doc.year >= newest->year)
        return newest->style;
    /* the conversion keeps no measure: the year decides the design */
    for (size_t i = 0; i < n; i++)
        if (v[i].year <= c->doc.year)
            chosen = &v[i];
    imp_warn(c, IMP_CHECK, 1, 1, "the design of a Markdown conversion cannot be "
             "measured: %s assumed (give the year's style by hand if it is "
             "a %d issue)", chosen->style, newest->year);
    return chosen->style;
}
