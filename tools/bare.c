/* bare.c: the floor `make bench` measures bulletin against: paragraphs of
 * plain text (one per input line) set with Pango and Cairo alone, one
 * PangoLayout per paragraph, justified, first lines indented two ems, in
 * two columns on A4 pages, no Chinese composition rules beyond Pango's
 * own line breaking. Not part of the tool.
 *
 *   bare MEASURE_EM SIZE_PT PITCH_PT LINES WIDTH_MM HEIGHT_MM FONT
 *        < paragraphs.txt > out.pdf */
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOP 72.0   /* the type area's top, pt */
#define GAP_EM 2.0 /* the column gap */
#define MM 2.834646 /* pt */

typedef struct bare {
    cairo_t *cr;
    double measure, size, pitch, x0, y, bottom;
    int column, pages;
} bare;

static cairo_status_t to_stdout(void *c, const unsigned char *d, unsigned n)
{
    (void)c;
    return fwrite(d, 1, n, stdout) == n ? CAIRO_STATUS_SUCCESS
                                        : CAIRO_STATUS_WRITE_ERROR;
}

/* The next line's baseline, in the next column or on a new page when
 * this one is full. */
static void advance(bare *b)
{
    b->y += b->pitch;
    if (b->y <= b->bottom)
        return;
    b->y = TOP + b->size;
    if (++b->column < 2)
        return;
    b->column = 0;
    cairo_show_page(b->cr);
    b->pages++;
}

static void paragraph(bare *b, PangoLayout *lay, const char *text)
{
    pango_layout_set_text(lay, text, -1);
    PangoLayoutIter *it = pango_layout_get_iter(lay);
    do {
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
        PangoRectangle ext;
        pango_layout_iter_get_line_extents(it, NULL, &ext);
        double x = b->x0 + b->column * (b->measure + GAP_EM * b->size) +
                   ext.x / (double)PANGO_SCALE;
        cairo_move_to(b->cr, x, b->y);
        pango_cairo_show_layout_line(b->cr, line);
        advance(b);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

int main(int argc, char **argv)
{
    if (argc != 8) {
        fprintf(stderr, "usage: bare MEASURE_EM SIZE_PT PITCH_PT LINES "
                        "WIDTH_MM HEIGHT_MM FONT\n");
        return 2;
    }
    bare b = {NULL, 0, atof(argv[2]), atof(argv[3]), 0, 0, 0, 0, 0};
    double w = atof(argv[5]) * MM, h = atof(argv[6]) * MM;
    b.measure = atof(argv[1]) * b.size;
    b.x0 = (w - 2 * b.measure - GAP_EM * b.size) / 2;
    b.y = TOP + b.size;
    b.bottom = TOP + b.size + (atoi(argv[4]) - 1) * b.pitch + 0.5;
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_stdout, NULL,
                                                             w, h);
    b.cr = cairo_create(s);
    PangoLayout *lay = pango_cairo_create_layout(b.cr);
    PangoFontDescription *fd = pango_font_description_from_string(argv[7]);
    pango_font_description_set_absolute_size(fd, b.size * PANGO_SCALE);
    pango_layout_set_font_description(lay, fd);
    pango_layout_set_width(lay, (int)(b.measure * PANGO_SCALE));
    pango_layout_set_justify(lay, TRUE);
    pango_layout_set_indent(lay, (int)(2 * b.size * PANGO_SCALE));
    pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) > 0) {
        line[strcspn(line, "\n")] = '\0';
        if (*line)
            paragraph(&b, lay, line);
    }
    cairo_show_page(b.cr);
    free(line);
    pango_font_description_free(fd);
    g_object_unref(lay);
    cairo_destroy(b.cr);
    cairo_surface_finish(s);
    int rc = cairo_surface_status(s) != CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(s);
    fprintf(stderr, "bare: %d pages\n", b.pages + 1);
    return rc;
}
