/* print.c: the [print] section: bleed, printer's marks, preflight limits
 * and the output profile of the print master (docs/print.md) */
#include <stddef.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "sty.h"

/* Every key has a default, so that a style written before print masters
 * existed still makes one. The figures are what offset plants commonly
 * ask of a magazine in their preflight checklists: 3 mm of
 * bleed, type at least 3 mm inside the trim, images of 300 ppi or more at
 * their printed size (beyond 1200 they only make the file bigger),
 * saddle-stitched sheets of 4 pages, a coated-paper profile with 300%
 * total ink. */
static const struct {
    sty_key k;
    const char *def; /* NULL: computed from the others (below) */
} print_keys[] = {
    {{"bleed", K_LEN, offsetof(sty_print, bleed), 0}, "3mm"},
    {{"mark-offset", K_LEN, offsetof(sty_print, mark_offset), 0}, NULL},
    {{"mark-length", K_LEN, offsetof(sty_print, mark_length), 0}, "5mm"},
    {{"mark-weight", K_LEN, offsetof(sty_print, mark_weight), 0}, "0.25pt"},
    {{"slug", K_LEN, offsetof(sty_print, slug), 0}, NULL},
    {{"safety", K_LEN, offsetof(sty_print, safety), 0}, "3mm"},
    {{"min-ppi", K_NUM, offsetof(sty_print, min_ppi), 0}, "300"},
    {{"max-ppi", K_NUM, offsetof(sty_print, max_ppi), 0}, "1200"},
    {{"page-multiple", K_INT, offsetof(sty_print, page_multiple), 0}, "4"},
    {{"ink-limit", K_NUM, offsetof(sty_print, ink_limit), 0}, "300"},
    {{"info", K_STR, offsetof(sty_print, info), 0},
     "《{publication}》{year}年第{issue}期|第{page}页"},
    {{"profile", K_STR, offsetof(sty_print, profile), 0}, "fogra39-tac300.icc"},
    {{"condition", K_STR, offsetof(sty_print, condition), 0}, NULL},
    {{"condition-info", K_STR, offsetof(sty_print, condition_info), 0}, NULL},
};

/* The bundled profile's registered characterization (ICC registry). */
#define BUNDLED_PROFILE "fogra39-tac300.icc"
#define BUNDLED_CONDITION "FOGRA39"
#define BUNDLED_CONDITION_INFO \
    "Coated FOGRA39 (ISO 12647-2:2004), total ink limited to 300%"

/* Room in the slug beyond the end of a crop mark, for the page
 * information line. */
#define SLUG_BEYOND_MARKS (72.0 / 25.4 * 4)

static const sty_name mark_names[] = {
    {"crop", STY_MARK_CROP},
    {"registration", STY_MARK_REGISTRATION},
    {"info", STY_MARK_INFO},
};

/* marks = crop registration info | none */
static int read_marks(sty_reader *r, sty_print *p)
{
    sty_entry *e = sr_find(r, "print", "marks");
    p->marks = STY_MARK_CROP;
    if (!e)
        return 0;
    e->used = 1;
    p->marks = 0;
    if (strcmp(e->value, "none") == 0)
        return 0;
    char *list = ar_strdup(r->ar, e->value), *save = NULL;
    for (char *w = strtok_r(list, " ,", &save); w; w = strtok_r(NULL, " ,", &save)) {
        size_t k = 0, n = sizeof mark_names / sizeof *mark_names;
        while (k < n && strcmp(w, mark_names[k].name) != 0)
            k++;
        if (k == n) {
            diag_error(r->d, e->pos, "marks: '%s' is not one of crop, "
                       "registration, info (or none)", w);
            return -1;
        }
        p->marks |= (unsigned)mark_names[k].value;
    }
    return 0;
}

static int read_keys(sty_reader *r, sty_print *p)
{
    int rc = 0;
    for (size_t i = 0; i < sizeof print_keys / sizeof *print_keys; i++) {
        sty_entry *e = sr_find(r, "print", print_keys[i].k.key);
        sty_entry def = {"print", print_keys[i].k.key, print_keys[i].def,
                         {r->file, 0, 0}, 1};
        if (e)
            e->used = 1;
        else if (print_keys[i].def)
            e = &def;
        if (e && sr_parse_value(r, e, &print_keys[i].k, p))
            rc = -1;
    }
    return rc;
}

/* The bundled profile names its condition; another one is 'Custom'
 * unless the style names a registered condition. */
static void resolve_profile(sty_reader *r, sty_print *p)
{
    int bundled = strcmp(p->profile, BUNDLED_PROFILE) == 0;
    if (!p->condition)
        p->condition = bundled ? BUNDLED_CONDITION : NULL;
    if (!p->condition_info && bundled)
        p->condition_info = BUNDLED_CONDITION_INFO;
    if (p->profile[0] == '/')
        return;
    /* beside the style file, or among the bundled styles (a style of
     * one's own keeps the bundled profile) */
    const char *own = path_join(r->ar, path_dir(r->ar, r->file), p->profile);
    struct stat st;
    if (stat(own, &st) != 0 && r->styledir)
        own = path_join(r->ar, r->styledir, p->profile);
    p->profile = own;
}

static int check_print(sty_reader *r, sty_style *st)
{
    sty_print *p = &st->print;
    double mm = 72.0 / 25.4;
    if (p->mark_offset <= 0)
        p->mark_offset = p->bleed;
    if (p->slug <= 0)
        p->slug = p->mark_offset + p->mark_length + SLUG_BEYOND_MARKS;
    if (p->bleed < 0 || p->bleed > 10 * mm) {
        diag_error(r->d, p->pos, "[print] bleed must lie between 0 and "
                   "10mm (printers ask for 3mm)");
        return -1;
    }
    if (p->mark_offset < p->bleed ||
        p->slug < p->mark_offset + p->mark_length) {
        diag_error(r->d, p->pos, "[print] crop marks must start outside the "
                   "bleed (mark-offset >= bleed) and end inside the slug "
                   "(slug >= mark-offset + mark-length)");
        return -1;
    }
    if (p->min_ppi <= 0 || p->max_ppi < p->min_ppi) {
        diag_error(r->d, p->pos, "[print] needs 0 < min-ppi <= max-ppi");
        return -1;
    }
    if ((p->marks & STY_MARK_INFO) && !st->roles[STY_PRINT_INFO].set) {
        diag_error(r->d, p->pos, "marks = info needs the section "
                   "[print-info] (font and size of the line)");
        return -1;
    }
    return 0;
}

int sr_read_print(sty_reader *r, sty_style *st)
{
    sty_print *p = &st->print;
    p->pos = sr_section_pos(r, "print");
    if (read_marks(r, p) || read_keys(r, p))
        return -1;
    resolve_profile(r, p);
    return check_print(r, st);
}
