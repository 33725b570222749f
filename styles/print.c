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
#define PR(f) offsetof(sty_print, f)

static const struct {
    sty_key k;
    const char *def; /* NULL: computed from the others (below) */
} print_keys[] = {
    /* beyond 10mm the sheet is wasted; printers ask for 3mm */
    {{"bleed", K_LEN, PR(bleed), 0, 0, 10, "mm"}, "3mm"},
    /* 0: the bleed; at least the bleed (check_print) */
    {{"mark-offset", K_LEN, PR(mark_offset), 0, 0, 20, "mm"}, NULL},
    {{"mark-length", K_LEN, PR(mark_length), 0, 1, 20, "mm"}, "5mm"},
    /* a hairline a press still prints to a heavy rule */
    {{"mark-weight", K_LEN, PR(mark_weight), 0, 0.05, 2, "pt"}, "0.25pt"},
    /* 0: offset + length + 4mm; beyond the marks (check_print) */
    {{"slug", K_LEN, PR(slug), 0, 0, 50, "mm"}, NULL},
    {{"safety", K_LEN, PR(safety), 0, 0, 20, "mm"}, "3mm"},
    /* min-ppi <= max-ppi (check_print) */
    {{"min-ppi", K_NUM, PR(min_ppi), 0, 1, 10000, "ppi"}, "300"},
    {{"max-ppi", K_NUM, PR(max_ppi), 0, 1, 10000, "ppi"}, "1200"},
    /* 0: any count; 64 pages is the largest sheet a press folds */
    {{"page-multiple", K_INT, PR(page_multiple), 0, 0, 64, "pages"}, "4"},
    /* C+M+Y+K: 100% is one ink alone, 400% all four in full */
    {{"ink-limit", K_NUM, PR(ink_limit), 0, 100, 400, "percent"}, "300"},
    {{"info", K_STR, PR(info), 0, 0, 200, "characters"},
     "《{publication}》{year}年第{issue}期|第{page}页"},
    {{"profile", K_STR, PR(profile), 0, 1, 4096, "characters"},
     "fogra39-tac300.icc"},
    {{"condition", K_STR, PR(condition), 0, 1, 200, "characters"}, NULL},
    {{"condition-info", K_STR, PR(condition_info), 0, 1, 500, "characters"},
     NULL},
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
    if (p->mark_offset <= 0)
        p->mark_offset = p->bleed;
    if (p->slug <= 0)
        p->slug = p->mark_offset + p->mark_length + SLUG_BEYOND_MARKS;
    if (p->mark_offset < p->bleed ||
        p->slug < p->mark_offset + p->mark_length) {
        diag_error(r->d, sr_key_pos(r, "print", p->mark_offset < p->bleed ?
                                    "mark-offset" : "slug"),
                   "[print] crop marks must start outside the bleed "
                   "(mark-offset >= bleed) and end inside the slug "
                   "(slug >= mark-offset + mark-length)");
        return -1;
    }
    if (p->max_ppi < p->min_ppi) {
        diag_error(r->d, sr_key_pos(r, "print", "min-ppi"), "[print] needs "
                   "0 < min-ppi <= max-ppi");
        return -1;
    }
    if ((p->marks & STY_MARK_INFO) && !st->roles[STY_PRINT_INFO].set) {
        diag_error(r->d, sr_key_pos(r, "print", "marks"), "marks = info "
                   "needs the section [print-info] (font and size of the "
                   "line)");
        return -1;
    }
    return 0;
}

size_t sr_print_keys(const char **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < sizeof print_keys / sizeof *print_keys && n < max; i++)
        out[n++] = print_keys[i].k.key;
    if (n < max)
        out[n++] = "marks";
    return n;
}

int sr_read_print(sty_reader *r, sty_style *st)
{
    sty_print *p = &st->print;
    p->pos = sr_has_section(r, "print") ? sr_section_pos(r, "print")
                                        : (diag_pos){r->file, 0, 0};
    if (read_marks(r, p) || read_keys(r, p))
        return -1;
    resolve_profile(r, p);
    return check_print(r, st);
}
