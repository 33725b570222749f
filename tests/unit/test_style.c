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

/* The arena of the last style loaded: its strings stay readable for the
 * checks until the next load. */
static ar_arena *kept;

static void free_kept(void)
{
    ar_free(kept);
    kept = NULL;
}

/* Load a style; the messages are returned in msg (caller frees). */
static int load(const char *path, char **msg, const sty_style **st)
{
    if (!kept)
        atexit(free_kept);
    free_kept();
    kept = ar_new();
    size_t len;
    FILE *f = open_memstream(msg, &len);
    diag_ctx d;
    diag_init(&d, f);
    const sty_style *s = NULL;
    int rc = sty_load(path, "styles", kept, &d, &s);
    fclose(f);
    if (st && rc == 0)
        *st = s;
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

/* ":LINE:COL" of the line of jincheng-2020.style that starts with prefix
 * (NULL: the line after the last), plus extra lines: expected positions
 * follow the shipped style instead of being counted by hand. */
static const char *at(const char *prefix, int extra, int col)
{
    static char buf[8][64];
    static int k;
    char src[1024];
    snprintf(src, sizeof src, "%s/styles/jincheng-2020.style", root());
    size_t len;
    char *text = file_read(src, &len);
    int line = 1, found = 0;
    for (char *l = text; l && *l && !found; line++) {
        char *next = strchr(l, '\n');
        if (prefix && strncmp(l, prefix, strlen(prefix)) == 0)
            found = line;
        l = next ? next + 1 : l + strlen(l);
    }
    if (!prefix)
        found = line;
    free(text);
    k = (k + 1) % 8;
    snprintf(buf[k], sizeof buf[k], ":%d:%d:", found + extra, col);
    return buf[k];
}

/* want: the position at() gives, then the message. */
static const char *want_at(const char *prefix, int extra, int col,
                           const char *msg)
{
    static char buf[8][512];
    static int k;
    k = (k + 1) % 8;
    snprintf(buf[k], sizeof buf[k], "%s%s", at(prefix, extra, col), msg);
    return buf[k];
}

/* The keys a side tab's text needs besides its frame. */
#define TAB_TEXT                                                           \
    "side-tab-pad = 0.5\nside-tab-group-gap = 0.8\nside-tab-space = 0.5\n"  \
    "side-tab-across = 3\nside-tab-line = 1.2\n"

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
                 want_at("lines =", 1, 16, " error: 'single-lines' must be 0 or lie "
                         "between 4 and 300 (lines), not '2'"));
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

static void misspelled_key_suggested(check_state *cs)
{
    char *path = variant(NULL, "[body]\nalgin = left\n[page]\nshrink-stpe = 1pt"),
         *msg = NULL;
    load(path, &msg, NULL);
    CHECK(cs, msg && strstr(msg, "unknown key 'algin' in [body] ignored: did "
                                 "you mean 'align'?"));
    CHECK(cs, msg && strstr(msg, "'shrink-stpe' in [page] ignored: did you "
                                 "mean 'shrink-step'?"));
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
                 "'bleed' must lie between 0 and 10 (mm), not '12mm'");
    expect_error(cs, "marks =", "marks = crop poster",
                 "marks: 'poster' is not one of crop, registration, info");
    expect_error(cs, "mark-offset =", "mark-offset = 1mm",
                 "crop marks must start outside the bleed");
    expect_error(cs, "[print-info]", "[print-line]",
                 "marks = info needs the section [print-info]");
    expect_error(cs, "min-ppi =", "min-ppi = 2000",
                 "[print] needs 0 < min-ppi <= max-ppi");
}

/* ---- ranges: every number is checked against its key's range ---- */

static void lengths_not_numbers(check_state *cs)
{
    /* strtod reads these; a style must not */
    expect_error(cs, "width =", "width = nanmm",
                 want_at("width =", 0, 9, " error: 'width' needs a length with a unit"));
    expect_error(cs, "height =", "height = infmm",
                 "'height' needs a length with a unit: mm, cm, pt or em (of "
                 "the body size), not 'infmm'");
    expect_error(cs, "column-gap =", "column-gap = 0x10pt",
                 "'column-gap' needs a length with a unit");
    expect_error(cs, "size = 18pt", "size = NaNpt",
                 "'size' needs a length with a unit");
    expect_error(cs, NULL, "[compose]\ntighten = nan",
                 "'tighten' must be a number, not 'nan'");
}

static void lengths_out_of_range(check_state *cs)
{
    expect_error(cs, "height =", "height = 1e999mm",
                 want_at("height =", 0, 10, " error: 'height' must lie between 50 and "
                         "1000 (mm), not '1e999mm'"));
    expect_error(cs, "width =", "width = 2000mm",
                 "'width' must lie between 50 and 1000 (mm), not '2000mm'");
    expect_error(cs, "pitch =", "pitch = -18pt",
                 "'pitch' must lie between 4 and 100 (pt), not '-18pt'");
    expect_error(cs, "top =", "top = 1e-300mm",
                 "would stand above the page: top is 0.0mm");
    expect_error(cs, "folio-drop =", "folio-drop = -9mm",
                 "'folio-drop' must lie between 0 and 1000 (mm), not '-9mm'");
}

static void sizes_out_of_range(check_state *cs)
{
    /* a huge, tiny or negative title size: a layout that never ends,
     * invisible type, text above the page */
    expect_error(cs, "size = 18pt", "size = 1e300pt",
                 want_at("size = 18pt", 0, 8, " error: 'size' must lie between 3 and 200 "
                         "(pt), not '1e300pt'"));
    expect_error(cs, "size = 10.5pt", "size = 1e-300pt",
                 "'size' must lie between 3 and 200 (pt), not '1e-300pt'");
    expect_error(cs, "size = 12pt", "size = -12pt",
                 "'size' must lie between 3 and 200 (pt), not '-12pt'");
    expect_error(cs, "leading = 1.4", "leading = 1e300",
                 "'leading' must be 0 or lie between 0.5 and 5 (times the "
                 "size), not '1e300'");
    expect_error(cs, "before = 1", "before = -3",
                 "'before' must lie between 0 and 20 (grid lines), not '-3'");
    expect_error(cs, "indent = 2", "indent = 1e9",
                 "'indent' must lie between 0 and 10 (em), not '1e9'");
}

static void min_size_above_size(check_state *cs)
{
    expect_error(cs, "min-size = 14pt", "min-size = 20pt",
                 want_at("min-size = 14pt", 0, 12, " error: [title] min-size (20pt) must "
                         "not be larger than its size (18pt)"));
}

static void ints_out_of_range(check_state *cs)
{
    expect_error(cs, "columns =", "columns = 9",
                 "'columns' must lie between 1 and 2 (columns), not '9'");
    /* the page builder sets one or two columns: a third would come out
     * nearly empty */
    expect_error(cs, "columns =", "columns = 3",
                 "'columns' must lie between 1 and 2 (columns), not '3'");
    expect_error(cs, "lines =", "lines = 99999999999999999999",
                 "'lines' must lie between 4 and 300 (lines), not "
                 "'99999999999999999999'");
    expect_error(cs, "orphan =", "orphan = 5000",
                 "'orphan' must lie between 0 and 10 (characters), not '5000'");
    expect_error(cs, "page-multiple =", "page-multiple = -4",
                 "'page-multiple' must lie between 0 and 64 (pages), not '-4'");
    expect_error(cs, "measure =", "measure = 16.5",
                 "'measure' must be a whole number, not '16.5'");
}

static void numbers_out_of_range(check_state *cs)
{
    expect_error(cs, NULL, "[compose]\ntighten = 0.1\ntighten-step = 1e-9",
                 "'tighten-step' must be 0 or lie between 0.005 and 0.2 (em)");
    expect_error(cs, "latin-gap =", "latin-gap = 0.25\nlatin-gap-max = 0.1",
                 "latin-gap (0.25 em) must lie between latin-gap-min (0.125) "
                 "and latin-gap-max (0.1)");
    expect_error(cs, "figure-ratio =", "figure-ratio = 0",
                 "'figure-ratio' must lie between 0.1 and 10 (height to "
                 "width), not '0'");
    expect_error(cs, NULL, "[print]\nink-limit = inf",
                 "'ink-limit' must be a number, not 'inf'");
    expect_error(cs, "max-ppi =", "max-ppi = 1e400",
                 "'max-ppi' must lie between 1 and 10000 (ppi), not '1e400'");
}

/* Geometry the page cannot hold. */
static void furniture_off_the_page(check_state *cs)
{
    expect_error(cs, NULL, "[page]\ninner = 100mm",
                 "inner margin (100.0mm) and type area (125.9mm) are wider "
                 "than the page (185.0mm)");
    expect_error(cs, "folio-drop =", "folio-drop = 60mm",
                 "falls below the page (260.0mm)");
    expect_error(cs, "running-head-drop =", "running-head-drop = 30mm",
                 "the running head (30.0mm above the type area, in 9pt) "
                 "would stand above the page: top is 24.0mm");
    expect_error(cs, NULL, "[side-tab]\nfont = hei\nsize = 9pt\n[furniture]\n"
                 "side-tab = yes\nside-tab-odd = a\nside-tab-even = b\n" TAB_TEXT
                 "side-tab-width = 10mm\nside-tab-top = 200mm\n"
                 "side-tab-height = 100mm",
                 "the side tab (side-tab-top + side-tab-height = 300.0mm) "
                 "runs below the page (260.0mm)");
    expect_error(cs, NULL, "[side-tab]\nfont = hei\nsize = 9pt\n[furniture]\n"
                 "side-tab = yes\nside-tab-odd = a\nside-tab-even = b\n" TAB_TEXT
                 "side-tab-width = 2mm\nside-tab-height = 100mm",
                 "side-tab-width (2.0mm) must hold a character of [side-tab]");
}

static void indent_leaves_room(check_state *cs)
{
    expect_error(cs, NULL, "[digest-head]\nindent = 10",
                 want_at(NULL, 1, 10, " error: [digest-head] indent (10 em of 16pt) "
                         "leaves no room for a character in 59.3mm"));
}

/* ---- text: control characters, tabs, NUL bytes ---- */

static void control_character_in_template(check_state *cs)
{
    expect_error(cs, "running-head-odd", "running-head-odd = {column}\x01",
                 want_at("running-head-odd", 0, 28, " error: control character U+0001"));
    expect_error(cs, "jump-to", "jump-to = （下转\t第{page}页）",
                 want_at("jump-to", 0, 14, " error: 'jump-to' has a tab inside its "
                         "value"));
    expect_error(cs, "bullet", "bullet = \x1b[31m★",
                 want_at("bullet", 0, 10, " error: control character U+001B"));
}

/* jincheng-2020 with len bytes appended: NUL bytes, which a printf
 * cannot write. */
static char *with_bytes(const char *bytes, size_t len)
{
    char src[1024], *path = strdup("/tmp/bulletin-style-XXXXXX.style");
    snprintf(src, sizeof src, "%s/styles/jincheng-2020.style", root());
    size_t n;
    char *text = file_read(src, &n);
    int fd = mkstemps(path, 6);
    FILE *out = fdopen(fd, "w");
    fwrite(text ? text : "", 1, text ? n : 0, out);
    fwrite(bytes, 1, len, out);
    fclose(out);
    free(text);
    return path;
}

static void nul_byte_refused(check_state *cs)
{
    /* what follows a NUL was silently lost */
    static const char tail[] = "[title]\ncolor = 0 100 100 0 \0 oops\n";
    char *path = with_bytes(tail, sizeof tail - 1), *msg = NULL;
    CHECK(cs, load(path, &msg, NULL) != 0);
    CHECK(cs, msg && strstr(msg, want_at(NULL, 1, 21, " error: control character U+0000")));
    free(msg);
    unlink(path);
    free(path);
}

/* ---- missing section headers: a positioned error saying what to add ---- */

/* A style file of the given text; its messages in *msg. */
static int load_text_file(const char *text, char **msg)
{
    char *path = strdup("/tmp/bulletin-style-XXXXXX.style");
    int fd = mkstemps(path, 6);
    FILE *out = fdopen(fd, "w");
    fputs(text, out);
    fclose(out);
    int rc = load(path, msg, NULL);
    unlink(path);
    free(path);
    return rc;
}

static void expect_text_error(check_state *cs, const char *text,
                              const char *want)
{
    char *msg = NULL;
    CHECK(cs, load_text_file(text, &msg) != 0);
    if (!msg || !strstr(msg, want)) {
        printf("#   want «%s» in «%s»\n", want, msg ? msg : "");
        cs->failed++;
    }
    free(msg);
}

static void empty_style(check_state *cs)
{
    expect_text_error(cs, "", ":1:1: error: the style is empty: it needs "
                      "[page], [compose], [fonts], [furniture]");
    expect_text_error(cs, "# only a comment\n\n# and another\n",
                      ":4:1: error: the style is empty");
}

static void key_before_any_header(check_state *cs)
{
    expect_text_error(cs, "width = 185mm\n[body]\nsize = 10.5pt\n",
                      ":1:1: error: 'key = value' before the first [section]: "
                      "add a header such as [page] above it");
}

static void keys_without_body_header(check_state *cs)
{
    expect_text_error(cs, "[page]\nwidth = 185mm\nfont = song\nsize = 10.5pt\n",
                      ":5:1: error: style lacks the section [body]: add it");
    expect_text_error(cs, "[body]\nfont = song\n",
                      ":1:1: error: [body] lacks 'size': add 'size = …'");
}

static void lost_header_is_a_twice_given_key(check_state *cs)
{
    /* [digest-head]'s keys fall into [issue-mark]; the build used to
     * stop with no message */
    char want[256];
    int first = atoi(at("[issue-mark]", 1, 1) + 1);
    snprintf(want, sizeof want, "%s error: 'font' is given twice in "
             "[issue-mark] (first on line %d): is a [section] header missing "
             "above it?", at("[digest-head]", 1, 8), first);
    expect_error(cs, "[digest-head]", "# [digest-head]", want);
    expect_error(cs, "[contents-sub]", "",
                 "'font' is given twice in [contents-head]");
}

static void furniture_text_needs_its_role(check_state *cs)
{
    /* the cover's 本期导读 heading and the contents' subheading had no
     * role to be set in, and the build stopped silently */
    expect_error(cs, "[digest-head]", "[digest-heading]",
                 want_at("digest-head =", 0, 15, " error: 'digest-head' needs the "
                         "section [digest-head]: add it with the font and size "
                         "it is set in"));
    expect_error(cs, "[contents-sub]", "[contents-subhead]",
                 "'contents-sub' needs the section [contents-sub]");
}

static void missing_sections_positioned(check_state *cs)
{
    expect_error(cs, "[kicker]", "[kickers]",
                 want_at(NULL, 0, 1, " error: style lacks the section [kicker]: add it"));
    expect_error(cs, "[compose]", "[composition]",
                 want_at(NULL, 0, 1, " error: style lacks the section [compose]: add "
                         "it"));
    expect_error(cs, "[furniture]", "[furnishings]",
                 "style lacks the section [furniture]");
    expect_error(cs, "size = 12pt", "# no size",
                 want_at("[kicker]", 0, 1, " error: [kicker] lacks 'size': add "
                         "'size = …'"));
}

static void byte_order_mark_read(check_state *cs)
{
    char src[1024], *msg = NULL;
    snprintf(src, sizeof src, "%s/styles/jincheng-2020.style", root());
    size_t n;
    char *text = file_read(src, &n);
    char *bom = malloc(n + 4);
    memcpy(bom, "\xEF\xBB\xBF", 3);
    memcpy(bom + 3, text ? text : "", text ? n + 1 : 1);
    CHECK(cs, load_text_file(bom, &msg) == 0);
    CHECK(cs, !msg || !*msg);
    free(msg);
    free(bom);
    free(text);
}

static void load_from_text(check_state *cs)
{
    char src[1024], *msg = NULL;
    snprintf(src, sizeof src, "%s/styles/jincheng-2020.style", root());
    size_t n, len;
    char *text = file_read(src, &n);
    ar_arena *ar = ar_new();
    FILE *f = open_memstream(&msg, &len);
    diag_ctx d;
    diag_init(&d, f);
    const sty_style *st = NULL;
    CHECK(cs, text && sty_load_text(src, text, n, "styles", ar, &d, &st) == 0);
    CHECK(cs, st && st->page.measure == 16 && st->roles[STY_TITLE].size == 18);
    fclose(f);
    CHECK(cs, !*msg);
    ar_free(ar);
    free(msg);
    free(text);
}

/* start-flush = yes reaches the composer's settings; the shipped styles
 * say no, as their originals print. */
static void start_flush_read(check_state *cs)
{
    char src[1024];
    snprintf(src, sizeof src, "%s/styles/jincheng-2020.style", root());
    size_t n;
    char *text = file_read(src, &n);
    char *at = text ? strstr(text, "start-flush = no") : NULL;
    CHECK(cs, at != NULL);
    for (int flush = 0; at && flush <= 1; flush++) {
        if (flush) /* "yes" over "no " (the value is followed by spaces) */
            memcpy(at + strlen("start-flush = "), "yes", 3);
        ar_arena *ar = ar_new();
        diag_ctx d;
        diag_init(&d, NULL);
        const sty_style *st = NULL;
        CHECK(cs, sty_load_text(src, text, n, "styles", ar, &d, &st) == 0);
        CHECK_INT(cs, st ? st->compose.start_flush : -1, flush);
        ar_free(ar);
    }
    free(text);
}

static const check_case cases[] = {
    {"style: start-flush is read; the shipped styles keep line-start blanks", start_flush_read},
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
    {"style: a misspelled key is answered with the nearest known one", misspelled_key_suggested},
    {"style: a missing style file is an error", missing_style},
    {"style: nan, inf and hex are not lengths", lengths_not_numbers},
    {"style: a length beyond its range is an error at its place", lengths_out_of_range},
    {"style: huge, tiny and negative sizes are errors", sizes_out_of_range},
    {"style: min-size above size is an error", min_size_above_size},
    {"style: whole numbers beyond their range are errors", ints_out_of_range},
    {"style: numbers beyond their range are errors", numbers_out_of_range},
    {"style: furniture and margins stay on the page", furniture_off_the_page},
    {"style: an indent leaves room for a character", indent_leaves_room},
    {"style: a control character or a tab in a value is an error", control_character_in_template},
    {"style: a NUL byte is an error, not the end of the file", nul_byte_refused},
    {"style: an empty style says what it needs", empty_style},
    {"style: a key before any header says to add one", key_before_any_header},
    {"style: keys without a [body] header: the missing section, positioned", keys_without_body_header},
    {"style: a lost header shows as a key given twice", lost_header_is_a_twice_given_key},
    {"style: furniture text needs the role it is set in", furniture_text_needs_its_role},
    {"style: missing sections and keys are reported at a place", missing_sections_positioned},
    {"style: a UTF-8 byte-order mark is skipped", byte_order_mark_read},
    {"style: a style loads from text in memory", load_from_text},
};

CHECK_MAIN(cases)
