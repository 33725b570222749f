/* test_ink.c: the stand-in colours of a print master survive Cairo's way
 * of writing them (six significant digits), and each decodes to exactly
 * the ink it stands for, with black alone overprinted */
#include <cairo-pdf.h>
#include <math.h>
#include <stdlib.h>

#include "../../output/outp.h"
#include "check.h"

/* Cairo prints a colour component with at most six significant digits. */
static double as_written(double v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%.6g", v);
    return strtod(buf, NULL);
}

/* The stand-in Cairo was given for colour c, read back from a recording
 * surface's source pattern. */
static int round_trip(out_ink *ink, sty_colour c, int all, pdfx_paint *p)
{
    cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, NULL);
    cairo_t *cr = cairo_create(s);
    if (all)
        oi_set_all(cr, ink);
    else
        oi_set(cr, ink, c);
    double rgb[3], a;
    cairo_pattern_get_rgba(cairo_get_source(cr), &rgb[0], &rgb[1], &rgb[2], &a);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    for (int i = 0; i < 3; i++)
        rgb[i] = as_written(rgb[i]);
    return oi_decode(ink, rgb, p);
}

static void every_ink_comes_back(check_state *cs)
{
    out_ink ink;
    oi_init(&ink, 1, NULL, NULL, diag_nopos());
    int bad = 0;
    /* 3,000 distinct inks: the index runs through both stand-in digits */
    for (int i = 0; i < 3000; i++) {
        sty_colour c = {(i % 10) / 10.0, (i / 10 % 10) / 10.0,
                        (i / 100 % 10) / 10.0, (i / 1000) / 10.0, 1};
        pdfx_paint p;
        if (round_trip(&ink, c, 0, &p) || p.kind != PDFX_CMYK ||
            p.v[0] != c.c || p.v[1] != c.m || p.v[2] != c.y || p.v[3] != c.k)
            bad++;
    }
    CHECK_INT(cs, bad, 0);
    CHECK_INT(cs, (int)ink.npal, 3000);
    oi_free(&ink);
}

static void black_overprints(check_state *cs)
{
    out_ink ink;
    oi_init(&ink, 1, NULL, NULL, diag_nopos());
    pdfx_paint p;
    CHECK(cs, round_trip(&ink, STY_BLACK, 0, &p) == 0 && p.overprint);
    CHECK(cs, round_trip(&ink, (sty_colour){0, 0, 0, 0.5, 1}, 0, &p) == 0 &&
                  !p.overprint); /* a tint would darken what lies below */
    CHECK(cs, round_trip(&ink, (sty_colour){0, 1, 1, 0, 1}, 0, &p) == 0 &&
                  !p.overprint);
    CHECK(cs, round_trip(&ink, STY_BLACK, 1, &p) == 0 && p.kind == PDFX_ALL &&
                  !p.overprint);
    oi_free(&ink);
}

static void strangers_refused(check_state *cs)
{
    out_ink ink;
    oi_init(&ink, 1, NULL, NULL, diag_nopos());
    pdfx_paint p;
    CHECK(cs, round_trip(&ink, STY_BLACK, 0, &p) == 0); /* palette of one */
    double black[3] = {0, 0, 0}, grey[3] = {0.5, 0.5, 0.5};
    double beyond[3] = {0.2, 0.4, 1}; /* a stand-in past the palette */
    CHECK(cs, oi_decode(&ink, black, &p) != 0);
    CHECK(cs, oi_decode(&ink, grey, &p) != 0);
    CHECK(cs, oi_decode(&ink, beyond, &p) != 0);
    oi_free(&ink);
}

static void screen_black_is_black(check_state *cs)
{
    out_ink ink;
    oi_init(&ink, 0, "/nonexistent.icc", NULL, diag_nopos());
    cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, NULL);
    cairo_t *cr = cairo_create(s);
    oi_set(cr, &ink, STY_BLACK);
    double r, g, b, a;
    cairo_pattern_get_rgba(cairo_get_source(cr), &r, &g, &b, &a);
    /* black ink alone needs no profile: plain black on screens */
    CHECK(cs, r == 0 && g == 0 && b == 0 && !ink.oc && !ink.failed);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    oi_free(&ink);
}

static const check_case cases[] = {
    {"ink: 3,000 inks come back exactly from Cairo's six digits", every_ink_comes_back},
    {"ink: black alone overprints; tints, colours and marks knock out", black_overprints},
    {"ink: colours that are not stand-ins are refused", strangers_refused},
    {"ink: the screen gets plain black without opening a profile", screen_black_is_black},
};

CHECK_MAIN(cases)
