/* test_style.c: reading house style files: the shipped styles load, and
 * mistakes are reported at their file:line:col with what to write */
#include <stdlib.h>
#include <unistd.h>

#include "../../styles/style.h"
#include "check.h"

static const char *root(void)
{
    const char *r = getenv("ROOT");
    return r ? r : ".";
}

/* Load a style; the messages are returned in msg (caller frees). */
static int load(const char *path, char **msg, const sty_style **st)
{
    ar_arena *ar = ar_new();
    size_t len;
    FILE *f = open_memstream(msg, &len);
    diag_ctx d;
    diag_init(&d, f);
    const sty_style *s = NULL;
    int rc = sty_load(path, "styles", ar, &d, &s);
    fclose(f);
    if (st && rc == 0) {
        static sty_style copy; /* outlives the arena for the checks */
        copy = *s;
        *st = &copy;
    }
    ar_free(ar);
    return rc;
}

/* A copy of jincheng-2020 with one line replaced (by prefix) or added. */
static char *variant(const char *prefix, const char *line)
{
    char src[1024], *path = strdup("/tmp/bulletin-style-XXXXXX.style");
    snprintf(src, sizeof src, "%s/styles/jincheng-2020.style", root());
    int fd = mkstemps(path, 6);
    size_t len;
    char *text = file_read(src, &len);
    FILE *out = fdopen(fd, "w");
    int done = 0;
    for (char *l = text, *next; l && *l; l = next) {
        next = strchr(l, '\n');
        if (next)
            *next++ = '\0';
        if (!done && prefix && strncmp(l, prefix, strlen(prefix)) == 0) {
            fprintf(out, "%s\n", line);
            done = 1;
        } else {
            fprintf(out, "%s\n", l);
        }
    }
    if (!prefix)
        fprintf(out, "%s\n", line);
    fclose(out);
    free(text);
    return path;
}

static void shipped_styles_load(check_state *cs)
{
    const char *names[] = {"jincheng-2020", "tianjin-2022", "tianjin-2023"};
    for (int i = 0; i < 3; i++) {
        char path[1024], *msg = NULL;
        snprintf(path, sizeof path, "%s/styles/%s.style", root(), names[i]);
        if (access(path, R_OK) != 0 && i == 2)
            continue; /* tianjin-2023 comes with the importer */
        const sty_style *st;
        CHECK(cs, load(path, &msg, &st) == 0);
        if (msg && *msg)
            printf("#   %s: %s", names[i], msg);
        free(msg);
    }
}

static void geometry_in_points(check_state *cs)
{
    char path[1024], *msg = NULL;
    const sty_style *st = NULL;
    snprintf(path, sizeof path, "%s/styles/jincheng-2020.style", root());
    CHECK(cs, load(path, &msg, &st) == 0);
    free(msg);
    if (!st)
        return;
    CHECK(cs, st->page.width > 524.4 && st->page.width < 524.5); /* 185 mm */
    CHECK_INT(cs, st->page.measure, 16);
    CHECK(cs, sty_column_width(st) == 16 * 10.5);
    CHECK(cs, st->page.column_gap == 21); /* 2em of 10.5 pt */
    /* no single-lines: one-column pages keep the grid */
    CHECK_INT(cs, st->page.single_lines, st->page.lines);
}

static void expect_error(check_state *cs, const char *prefix, const char *line,
                         const char *want)
{
    char *path = variant(prefix, line), *msg = NULL;
    CHECK(cs, load(path, &msg, NULL) != 0);
    if (!msg || !strstr(msg, want)) {
        printf("#   want «%s» in «%s»\n", want, msg ? msg : "");
        cs->failed++;
    }
    if (msg && strstr(msg, "unknown key")) {
        printf("#   an error made other keys look unknown\n");
        cs->failed++;
    }
    free(msg);
    unlink(path);
    free(path);
}

static void length_needs_unit(check_state *cs)
{
    expect_error(cs, "pitch =", "pitch = 18", ":9: error: 'pitch' needs a length with a unit");
}

static void bad_kinsoku(check_state *cs)
{
    expect_error(cs, "kinsoku =", "kinsoku = loose",
                 "'kinsoku' must be one of none, basic, gb, strict, not 'loose'");
}

static void bad_font_role(check_state *cs)
{
    expect_error(cs, "font = kai", "font = ming", "unknown font role 'ming'");
}

static void head_order_complete(check_state *cs)
{
    expect_error(cs, "head-order", "head-order = title byline",
                 "head-order must name 'kicker' once");
}

static void type_area_fits(check_state *cs)
{
    expect_error(cs, "measure =", "measure = 40", "does not fit the page");
}

static void single_lines_sane(check_state *cs)
{
    expect_error(cs, "lines =", "lines = 31\nsingle-lines = 2",
                 "single-lines needs at least 4 lines");
}

static void unknown_front_page(check_state *cs)
{
    expect_error(cs, "front =", "front = cover poster", "front: 'poster' is not one of");
}

static void unknown_key_warned(check_state *cs)
{
    char *path = variant(NULL, "[body]\nflavour = sweet"), *msg = NULL;
    load(path, &msg, NULL);
    CHECK(cs, msg && strstr(msg, "warning: unknown key 'flavour' in [body] ignored"));
    free(msg);
    unlink(path);
    free(path);
}

static void missing_style(check_state *cs)
{
    char *msg = NULL;
    CHECK(cs, load("no-such-style", &msg, NULL) != 0);
    CHECK(cs, msg && strstr(msg, "cannot read style 'no-such-style'"));
    free(msg);
}

static void colours_read(check_state *cs)
{
    char *path = variant(NULL, "[title]\ncolor = 0 100 100 0"), *msg = NULL;
    const sty_style *st = NULL;
    CHECK(cs, load(path, &msg, &st) == 0);
    if (st) {
        sty_colour t = st->roles[STY_TITLE].colour;
        sty_colour b = st->roles[STY_BODY].colour;
        CHECK(cs, t.set && t.c == 0 && t.m == 1 && t.y == 1 && t.k == 0);
        /* text the style does not colour is black ink alone */
        CHECK(cs, b.set && b.c == 0 && b.m == 0 && b.y == 0 && b.k == 1);
        CHECK(cs, !st->furniture.tab_fill.set && st->furniture.tab_frame.set);
    }
    free(msg);
    unlink(path);
    free(path);
}

static void bad_colours(check_state *cs)
{
    expect_error(cs, NULL, "[title]\ncolor = 0 100 100",
                 "'color' must be four ink percentages C M Y K");
    expect_error(cs, NULL, "[title]\ncolor = 0 120 0 0",
                 "from 0 to 100 (e.g. '0 100 100 0' for red), or none, not '0 120 0 0'");
    expect_error(cs, NULL, "[body]\ncolor = none", "[body] color cannot be none");
}

/* jincheng-2020 without its [print] section and [print-info] role. */
static char *without_print(void)
{
    char src[1024], *path = strdup("/tmp/bulletin-style-XXXXXX.style");
    snprintf(src, sizeof src, "%s/styles/jincheng-2020.style", root());
    size_t len;
    char *text = file_read(src, &len);
    char *cut = text ? strstr(text, "\n[print]") : NULL;
    if (cut)
        cut[1] = '\0';
    int fd = mkstemps(path, 6);
    FILE *out = fdopen(fd, "w");
    fputs(text ? text : "", out);
    fclose(out);
    free(text);
    return path;
}

static void print_defaults(check_state *cs)
{
    char *path = without_print(), *msg = NULL;
    const sty_style *st = NULL;
    CHECK(cs, load(path, &msg, &st) == 0);
    if (st) {
        const sty_print *p = &st->print;
        CHECK(cs, p->bleed > 8.50 && p->bleed < 8.51); /* 3 mm */
        CHECK(cs, p->mark_offset == p->bleed);
        CHECK(cs, p->slug > p->mark_offset + p->mark_length);
        CHECK_INT(cs, (int)p->marks, STY_MARK_CROP);
        CHECK_INT(cs, p->page_multiple, 4);
        CHECK(cs, p->min_ppi == 300 && p->max_ppi == 1200);
        /* a style elsewhere keeps the bundled profile */
        CHECK(cs, strstr(p->profile, "styles/fogra39-tac300.icc") != NULL);
        CHECK(cs, p->condition && strcmp(p->condition, "FOGRA39") == 0);
    }
    if (msg && *msg)
        printf("#   %s", msg);
    free(msg);
    unlink(path);
    free(path);
}

static void print_mistakes(check_state *cs)
{
    expect_error(cs, "bleed =", "bleed = 12mm",
                 "[print] bleed must lie between 0 and 10mm");
    expect_error(cs, "marks =", "marks = crop poster",
                 "marks: 'poster' is not one of crop, registration, info");
    expect_error(cs, "mark-offset =", "mark-offset = 1mm",
                 "crop marks must start outside the bleed");
    expect_error(cs, "[print-info]", "[print-line]",
                 "marks = info needs the section [print-info]");
    expect_error(cs, "min-ppi =", "min-ppi = 2000",
                 "[print] needs 0 < min-ppi <= max-ppi");
}

static const check_case cases[] = {
    {"style: colours are CMYK percentages; text is black unless given", colours_read},
    {"style: a malformed colour is an error saying how to write one", bad_colours},
    {"style: without [print], a master gets 3 mm bleed, crop marks and the bundled profile", print_defaults},
    {"style: impossible [print] values are errors", print_mistakes},
    {"style: the shipped styles load without a message", shipped_styles_load},
    {"style: lengths become points", geometry_in_points},
    {"style: a length without a unit is an error at its place", length_needs_unit},
    {"style: a bad kinsoku level lists the good ones", bad_kinsoku},
    {"style: an unknown font role is an error", bad_font_role},
    {"style: head-order must name every head element", head_order_complete},
    {"style: a type area wider than the page is an error", type_area_fits},
    {"style: an unknown front-matter page is an error", unknown_front_page},
    {"style: a one-column grid of under 4 lines is an error", single_lines_sane},
    {"style: an unknown key is a warning", unknown_key_warned},
    {"style: a missing style file is an error", missing_style},
};

CHECK_MAIN(cases)
