/* style.c: reading a house style file: INI-like sections of key = value */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "sty.h"

/* Ranges (min, max, unit) are set wide: no real magazine comes near
 * them, but a value beyond one gives a page nobody wants (text off the
 * paper, invisible type) or a layout that never ends. Limits that depend
 * on other keys (the page size) are checked after reading, in
 * check_geometry, check_roles and sr_check_furniture. */

#define PG(f) offsetof(sty_page, f)

/* [page]: the trim and the grid (the type area is a character grid;
 * margins follow from it). */
static const sty_key page_keys[] = {
    /* a postcard to a broadsheet */
    {"width", K_LEN, PG(width), K_REQ, 50, 1000, "mm"},
    {"height", K_LEN, PG(height), K_REQ, 50, 1000, "mm"},
    /* balancing, page-wide figures and jumps are made for one or two
     * columns (pages.md); a third would be left nearly empty */
    {"columns", K_INT, PG(columns), K_REQ, 1, 2, "columns"},
    {"column-gap", K_LEN, PG(column_gap), K_REQ, 0, 50, "mm"},
    {"measure", K_INT, PG(measure), K_REQ, 4, 200, "characters"},
    /* 0: as many as the type area holds; at most that (check_geometry) */
    {"single-measure", K_INT, PG(single_measure), K_ZERO, 4, 200,
     "characters"},
    /* 0: as many as lines */
    {"single-lines", K_INT, PG(single_lines), K_ZERO, 4, 300, "lines"},
    {"lines", K_INT, PG(lines), K_REQ, 4, 300, "lines"},
    /* baseline to baseline: 4pt is agate set solid */
    {"pitch", K_LEN, PG(pitch), K_REQ, 4, 100, "pt"},
    /* top, inner, folio-drop: on the page as well (check_geometry) */
    {"top", K_LEN, PG(top), K_REQ, 0, 1000, "mm"},
    {"inner", K_LEN, PG(inner), 0, 0, 1000, "mm"},
    {"folio-drop", K_LEN, PG(folio_drop), K_REQ, 0, 1000, "mm"},
    /* fewer than the lines of a column (check_geometry) */
    {"article-gap", K_INT, PG(article_gap), 0, 0, 20, "grid lines"},
    {"article-new-page", K_BOOL, PG(new_page), 0, 0, 0, NULL},
    /* a missing image's frame: from a strip to a tower */
    {"figure-ratio", K_NUM, PG(figure_ratio), K_REQ, 0.1, 10,
     "height to width"},
    /* two characters stay inside the frame (check_geometry) */
    {"box-padding", K_LEN, PG(box_padding), 0, 0, 20, "mm"},
    /* the frame of a boxed notice: inside the grid lines its rows take */
    {"box-frame-inset", K_NUM, PG(box_inset), K_REQ, 0, 0.5, "grid lines"},
    {"box-split-min", K_INT, PG(box_split_min), K_REQ, 1, 10, "lines"},
    /* a hairline to a heavy rule */
    {"frame-weight", K_LEN, PG(frame_weight), K_REQ, 0.1, 5, "pt"},
    /* blank lines a short page may open, per place (pages.md) */
    {"spread-head", K_INT, PG(spread_head), K_REQ, 0, 10, "grid lines"},
    {"spread-para", K_INT, PG(spread_para), K_REQ, 0, 10, "grid lines"},
    {"jump-min-lines", K_INT, PG(jump_min_lines), K_REQ, 1, 20, "grid lines"},
    {"shrink-step", K_LEN, PG(shrink_step), K_REQ, 0.1, 5, "pt"},
    {NULL, 0, 0, 0, 0, 0, NULL},
};

#define CP(f) offsetof(sty_compose, f)

/* [compose]: composition rules (chinese-layout.md) */
static const sty_key compose_keys[] = {
    {"kinsoku", K_KINSOKU, CP(kinsoku), K_REQ, 0, 0, NULL},
    {"punctuation", K_PUNCT, CP(punct), K_REQ, 0, 0, NULL},
    {"strategy", K_STRATEGY, CP(strategy), K_REQ, 0, 0, NULL},
    {"hanging", K_BOOL, CP(hanging), K_REQ, 0, 0, NULL},
    {"adjacent", K_ADJACENT, CP(adjacent_always), K_REQ, 0, 0, NULL},
    {"start-flush", K_BOOL, CP(start_flush), 0, 0, 0, NULL},
    /* ¼ em is usual; a whole em is a word space of Latin text */
    {"latin-gap", K_NUM, CP(latin_gap), K_REQ, 0, 1, "em"},
    /* 0: ½ and 4/3 of latin-gap; min <= latin-gap <= max (compose) */
    {"latin-gap-min", K_NUM, CP(latin_gap_min), 0, 0, 1, "em"},
    {"latin-gap-max", K_NUM, CP(latin_gap_max), 0, 0, 2, "em"},
    {"half-width-digits", K_BOOL, CP(half_digits), 0, 0, 0, NULL},
    /* per character: beyond a fifth the characters touch */
    {"tighten", K_NUM, CP(tighten), 0, 0, 0.2, "em"},
    /* 0: tighten at once; a finer step recomposes a paragraph hundreds
     * of times */
    {"tighten-step", K_NUM, CP(tighten_step), K_ZERO, 0.005, 0.2, "em"},
    {"orphan", K_INT, CP(orphan), 0, 0, 10, "characters"},
    {"orphan-pull", K_INT, CP(orphan_pull), 0, 0, 10, "characters"},
    {"pull-unit", K_NUM, CP(pull_unit), 0, 0, 1, "share of the squeeze room"},
    {NULL, 0, 0, 0, 0, 0, NULL},
};

#define RO(f) offsetof(sty_role, f)

/* [ROLE]: formatting of one text role */
static const sty_key role_keys[] = {
    {"font", K_FONT, RO(font), K_REQ, 0, 0, NULL},
    /* 3pt is below 八号 (5pt), 200pt a poster's masthead; required but
     * for bold and emphasis (read_role) */
    {"size", K_LEN, RO(size), 0, 3, 200, "pt"},
    {"align", K_ALIGN, RO(align), 0, 0, 0, NULL},
    /* of the role's size; a character still fits a column (check_roles) */
    {"indent", K_NUM, RO(indent), 0, 0, 10, "em"},
    /* a quarter em tighter is the most that stays legible */
    {"tracking", K_NUM, RO(tracking), 0, -0.25, 1, "em"},
    /* 0: the grid pitch */
    {"leading", K_NUM, RO(leading), K_ZERO, 0.5, 5, "times the size"},
    /* 0: never smaller; not above size (read_role) */
    {"min-size", K_LEN, RO(min_size), K_ZERO, 3, 200, "pt"},
    {"before", K_NUM, RO(before), 0, 0, 20, "grid lines"},
    {"after", K_NUM, RO(after), 0, 0, 20, "grid lines"},
    {"span", K_BOOL, RO(span), 0, 0, 0, NULL},
    {"bullet", K_STR, RO(bullet), 0, 0, 8, "characters"},
    {"bottom", K_BOOL, RO(bottom), 0, 0, 0, NULL},
    {"color", K_COLOUR, RO(colour), 0, 0, 0, NULL},
    {NULL, 0, 0, 0, 0, 0, NULL},
};

static const sty_key *find_key(const sty_key *keys, const char *key)
{
    while (keys->key && strcmp(keys->key, key) != 0)
        keys++;
    return keys;
}

static const char *const role_names[STY_NROLES] = {
    [STY_BODY] = "body",         [STY_KICKER] = "kicker",
    [STY_TITLE] = "title",       [STY_PART_TITLE] = "part-title",
    [STY_SUBTITLE] = "subtitle", [STY_DECK] = "deck",
    [STY_PINYIN] = "pinyin",     [STY_BYLINE] = "byline",
    [STY_DATE] = "date",         [STY_EDNOTE] = "editor-note",
    [STY_HEAD] = "head",         [STY_SUBHEAD] = "subhead",
    [STY_NUMBER] = "number",
    [STY_ITEM] = "item",         [STY_NOTE] = "note",
    [STY_QUOTE] = "quote",       [STY_CAPTION] = "caption",
    [STY_FOLIO] = "folio",       [STY_BOLD] = "bold",
    [STY_EMPHASIS] = "emphasis",
    [STY_RUNNING_HEAD] = "running-head", [STY_MASTHEAD] = "masthead",
    [STY_ISSUE_MARK] = "issue-mark",     [STY_DIGEST_HEAD] = "digest-head",
    [STY_DIGEST_ITEM] = "digest-item",   [STY_SPONSOR] = "sponsor",
    [STY_LABEL] = "label",               [STY_BOARD_HEAD] = "board-head",
    [STY_BOARD_LINE] = "board-line",     [STY_CONTENTS_HEAD] = "contents-head",
    [STY_CONTENTS_SUB] = "contents-sub",
    [STY_CONTENTS_COLUMN] = "contents-column",
    [STY_CONTENTS_ENTRY] = "contents-entry",
    [STY_CONTENTS_PAGE] = "contents-page",
    [STY_SIDE_TAB] = "side-tab",         [STY_JUMP] = "jump",
    [STY_PRINT_INFO] = "print-info",
    [STY_CITATION] = "citation",
};


const char *sty_role_name(sty_role_id r)
{
    return r < STY_NROLES ? role_names[r] : "?";
}

/* ---- the sections ---- */

static int read_role(sty_reader *r, sty_style *st, int i)
{
    sty_role *ro = &st->roles[i];
    const char *name = role_names[i];
    ro->set = 1;
    ro->pos = sr_section_pos(r, name);
    ro->colour = STY_BLACK;
    int rc = sr_read_keys(r, name, role_keys, ro);
    if (!ro->colour.set) {
        diag_error(r->d, sr_key_pos(r, name, "color"), "[%s] color cannot "
                   "be none: text in no ink would not print", name);
        rc = -1;
    }
    int inherit = i == STY_BOLD || i == STY_EMPHASIS;
    if (!inherit && !sr_find(r, name, "size")) {
        sr_lacks_key(r, name, "size");
        rc = -1;
    }
    if (ro->size > 0 && ro->min_size > ro->size) {
        diag_error(r->d, sr_key_pos(r, name, "min-size"), "[%s] min-size "
                   "(%gpt) must not be larger than its size (%gpt)", name,
                   ro->min_size, ro->size);
        rc = -1;
    }
    return rc;
}

static int read_roles(sty_reader *r, sty_style *st)
{
    int rc = 0;
    for (int i = 0; i < STY_NROLES; i++) {
        st->roles[i].pos = sr_end_pos(r);
        if (sr_has_section(r, role_names[i])) {
            rc |= read_role(r, st, i);
        } else if (i < STY_RUNNING_HEAD) { /* furniture: checked where used */
            sr_lacks_section(r, role_names[i]);
            rc = -1;
        }
    }
    return rc;
}

/* [fonts]: ROLE = Family:Style, …   ROLE-substitute = ROLE */
static int read_fonts(sty_reader *r, sty_style *st)
{
    int rc = 0;
    for (int i = 0; i < FNT_NROLES; i++)
        st->substitute[i] = -1;
    for (size_t i = 0; i < r->n; i++) {
        sty_entry *e = &r->e[i];
        if (strcmp(e->section, "fonts") != 0)
            continue;
        e->used = 1;
        char *dash = strstr(e->key, "-substitute");
        char *name = ar_strndup(r->ar, e->key,
                                dash ? (size_t)(dash - e->key) : strlen(e->key));
        fnt_role role, sub;
        if (fnt_role_from_name(name, &role) ||
            (dash && strcmp(dash, "-substitute") != 0)) {
            diag_error(r->d, e->pos, "unknown font role '%s' in [fonts]",
                       e->key);
            rc = -1;
        } else if (dash && fnt_role_from_name(e->value, &sub) == 0) {
            st->substitute[role] = (int)sub;
        } else if (dash) {
            diag_error(r->d, e->pos, "substitute must be a font role");
            rc = -1;
        } else if (!*e->value) {
            diag_error(r->d, e->pos, "'%s' needs a list of faces, e.g. "
                       "'Noto Serif CJK SC:Regular'", e->key);
            rc = -1;
        } else {
            st->fonts[role] = e->value;
            st->font_pos[role] = e->pos;
        }
    }
    return rc;
}

/* The article head's elements, in the order the style prints them. */
static const sty_role_id head_roles[] = {
    STY_KICKER, STY_TITLE, STY_SUBTITLE, STY_DECK, STY_PINYIN, STY_BYLINE,
    STY_DATE,
};

static int read_head_order(sty_reader *r, sty_style *st)
{
    sty_entry *e = sr_find(r, "page", "head-order");
    if (!e) {
        sr_lacks_key(r, "page", "head-order");
        return -1;
    }
    e->used = 1;
    char *list = ar_strdup(r->ar, e->value), *save = NULL;
    st->page.nhead_order = 0;
    for (char *w = strtok_r(list, " ,", &save); w; w = strtok_r(NULL, " ,", &save)) {
        size_t k = 0, n = sizeof head_roles / sizeof *head_roles;
        while (k < n && strcmp(w, role_names[head_roles[k]]) != 0)
            k++;
        if (k == n || st->page.nhead_order >= STY_NROLES) {
            diag_error(r->d, e->pos, "head-order: '%s' is not one of kicker, "
                       "title, subtitle, deck, pinyin, byline, date", w);
            return -1;
        }
        st->page.head_order[st->page.nhead_order++] = head_roles[k];
    }
    for (size_t k = 0; k < sizeof head_roles / sizeof *head_roles; k++) {
        int seen = 0;
        for (int i = 0; i < st->page.nhead_order; i++)
            seen += st->page.head_order[i] == head_roles[k];
        if (seen != 1) {
            diag_error(r->d, e->pos, "head-order must name '%s' once",
                       role_names[head_roles[k]]);
            return -1;
        }
    }
    return 0;
}

/* The CJK–Latin gap may shrink to half and stretch by a third of itself
 * (¼ em: ⅛ to ⅓ em, chinese-layout.md) unless the file says otherwise;
 * the bounds must hold the gap. */
static int compose_defaults(sty_reader *r, sty_compose *c)
{
    if (!c->latin_gap_min)
        c->latin_gap_min = c->latin_gap / 2;
    if (!c->latin_gap_max)
        c->latin_gap_max = c->latin_gap * 4 / 3;
    if (c->tighten > 0 && c->tighten_step <= 0)
        c->tighten_step = c->tighten;
    if (c->orphan_pull <= 0 || c->orphan_pull > c->orphan)
        c->orphan_pull = c->orphan;
    if (c->latin_gap > 0 && (c->latin_gap_min > c->latin_gap ||
                             c->latin_gap_max < c->latin_gap)) {
        diag_error(r->d, sr_key_pos(r, "compose", "latin-gap"), "latin-gap "
                   "(%g em) must lie between latin-gap-min (%g) and "
                   "latin-gap-max (%g)", c->latin_gap, c->latin_gap_min,
                   c->latin_gap_max);
        return -1;
    }
    return 0;
}

static int area_fits(sty_reader *r, const sty_style *st)
{
    const sty_page *pg = &st->page;
    double aw = sty_area_width(st), ah = sty_area_height(st);
    if (aw > pg->width || pg->top + ah > pg->height) {
        diag_error(r->d, sr_section_pos(r, "page"), "the type area (%.1f × "
                   "%.1f mm) does not fit the page", sr_mm(aw), sr_mm(ah));
        return -1;
    }
    if (pg->inner >= 0 && pg->inner + aw > pg->width) {
        diag_error(r->d, sr_key_pos(r, "page", "inner"), "inner margin "
                   "(%.1fmm) and type area (%.1fmm) are wider than the page "
                   "(%.1fmm)", sr_mm(pg->inner), sr_mm(aw), sr_mm(pg->width));
        return -1;
    }
    if (pg->top + ah + pg->folio_drop > pg->height) {
        diag_error(r->d, sr_key_pos(r, "page", "folio-drop"), "the folio "
                   "(top + lines × pitch + folio-drop = %.1fmm) falls below "
                   "the page (%.1fmm)", sr_mm(pg->top + ah + pg->folio_drop),
                   sr_mm(pg->height));
        return -1;
    }
    return 0;
}

/* What the grid must leave room for. */
static int grid_room(sty_reader *r, const sty_style *st)
{
    const sty_page *pg = &st->page;
    double body = st->roles[STY_BODY].size;
    if (pg->single_measure * body > sty_area_width(st) + 1e-6) {
        diag_error(r->d, sr_key_pos(r, "page", "single-measure"),
                   "single-measure (%d characters) is wider than the type "
                   "area (%.1fmm)", pg->single_measure,
                   sr_mm(sty_area_width(st)));
        return -1;
    }
    if (pg->article_gap >= pg->lines) {
        diag_error(r->d, sr_key_pos(r, "page", "article-gap"), "article-gap "
                   "(%d) must be fewer than the lines of a column (%d)",
                   pg->article_gap, pg->lines);
        return -1;
    }
    if (2 * pg->box_padding + 2 * body > sty_column_width(st)) {
        diag_error(r->d, sr_key_pos(r, "page", "box-padding"), "box-padding "
                   "(%.1fmm) leaves no two characters inside a boxed notice",
                   sr_mm(pg->box_padding));
        return -1;
    }
    return 0;
}

static int check_geometry(sty_reader *r, sty_style *st)
{
    sty_page *pg = &st->page;
    if (pg->single_lines == 0)
        pg->single_lines = pg->lines;
    if (pg->single_measure == 0)
        pg->single_measure = (int)floor(sty_area_width(st) /
                                        st->roles[STY_BODY].size + 1e-6);
    if (area_fits(r, st) || grid_room(r, st))
        return -1;
    return 0;
}

/* A role's first line keeps room for a character after its indent, in
 * a column (or the type area, when the role spans it). */
static int check_roles(sty_reader *r, const sty_style *st)
{
    int rc = 0;
    for (int i = 0; i < STY_NROLES; i++) {
        const sty_role *ro = &st->roles[i];
        double room = ro->span ? sty_area_width(st) : sty_column_width(st);
        if (!ro->set || ro->indent <= 0 || (ro->indent + 1) * ro->size <= room)
            continue;
        diag_error(r->d, sr_key_pos(r, role_names[i], "indent"), "[%s] "
                   "indent (%g em of %gpt) leaves no room for a character "
                   "in %.1fmm", role_names[i], ro->indent, ro->size,
                   sr_mm(room));
        rc = -1;
    }
    return rc;
}

/* Most keys a section knows. */
#define KNOWN_MAX 64

static size_t table_keys(const sty_key *keys, const char **out, size_t max)
{
    size_t n = 0;
    for (const sty_key *k = keys; k->key && n < max; k++)
        out[n++] = k->key;
    return n;
}

/* The keys section knows. */
static size_t known_keys(const char *section, const char **out, size_t max)
{
    if (!strcmp(section, "page")) {
        size_t n = table_keys(page_keys, out, max - 1);
        out[n++] = "head-order";
        return n;
    }
    if (!strcmp(section, "compose"))
        return table_keys(compose_keys, out, max);
    if (!strcmp(section, "furniture"))
        return sr_furniture_keys(out, max);
    if (!strcmp(section, "print"))
        return sr_print_keys(out, max);
    if (!strcmp(section, "fonts")) {
        size_t n = 0;
        for (int k = 0; k < FNT_NROLES && n + 1 < max; k++) {
            out[n++] = fnt_role_name((fnt_role)k);
        }
        return n;
    }
    for (int i = 0; i < STY_NROLES; i++)
        if (!strcmp(section, role_names[i]))
            return table_keys(role_keys, out, max);
    return 0;
}

/* Edit distance of a and b (insertions, deletions, substitutions), up to
 * the length of a short key. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), row[KNOWN_MAX];
    if (lb + 1 > KNOWN_MAX || la + 1 > KNOWN_MAX)
        return (size_t)-1;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            diag = up;
            row[j] = best;
        }
    }
    return row[lb];
}

/* The known key nearest to a misspelled one, when it is near enough
 * (a third of its letters at most), else NULL. */
static const char *nearest_key(const char *section, const char *key)
{
    const char *names[KNOWN_MAX];
    size_t n = known_keys(section, names, KNOWN_MAX), best = (size_t)-1;
    const char *found = NULL;
    for (size_t i = 0; i < n; i++) {
        size_t d = distance(key, names[i]);
        if (d < best) {
            best = d;
            found = names[i];
        }
    }
    return found && best <= (strlen(key) + 2) / 3 ? found : NULL;
}

static void warn_unused(sty_reader *r)
{
    for (size_t i = 0; i < r->n; i++) {
        if (r->e[i].used)
            continue;
        const char *near = nearest_key(r->e[i].section, r->e[i].key);
        if (near)
            diag_warn(r->d, r->e[i].pos, "unknown key '%s' in [%s] ignored: "
                      "did you mean '%s'?", r->e[i].key, r->e[i].section, near);
        else
            diag_warn(r->d, r->e[i].pos, "unknown key '%s' in [%s] ignored",
                      r->e[i].key, r->e[i].section);
    }
}

/* Em lengths are of the body size: it is read first. */
static int read_body_size(sty_reader *r)
{
    if (r->n == 0 && r->nsec == 0) {
        diag_error(r->d, sr_end_pos(r), "the style is empty: it needs "
                   "[page], [compose], [fonts], [furniture] and the role "
                   "sections from [body] on (docs/style-format.md; "
                   "styles/jincheng-2020.style is a whole one)");
        return -1;
    }
    sty_entry *bs = sr_find(r, "body", "size");
    sty_role body;
    memset(&body, 0, sizeof body);
    if (!bs) {
        sr_lacks_key(r, "body", "size");
        return -1;
    }
    if (sr_parse_value(r, bs, find_key(role_keys, "size"), &body))
        return -1;
    r->body_size = body.size;
    return 0;
}

static int read_style(sty_reader *r, sty_style *st)
{
    if (read_body_size(r))
        return -1;
    st->page.inner = -1;
    /* every section is read, so that one mistake does not hide the
     * others (nor make their keys look unknown) */
    int rc = 0;
    rc |= sr_read_keys(r, "page", page_keys, &st->page);
    rc |= sr_read_keys(r, "compose", compose_keys, &st->compose);
    rc |= read_roles(r, st);
    rc |= read_fonts(r, st);
    rc |= read_head_order(r, st);
    rc |= sr_read_furniture(r, st);
    rc |= sr_read_print(r, st);
    /* what depends on several sections, once each is sound */
    if (rc == 0)
        rc = compose_defaults(r, &st->compose);
    if (rc == 0)
        rc = check_geometry(r, st);
    if (rc == 0)
        rc = check_roles(r, st) | sr_check_furniture(r, st);
    if (rc == 0)
        warn_unused(r);
    return rc;
}

static const char *style_path(const char *arg, const char *dir, ar_arena *ar)
{
    size_t n = strlen(arg);
    if (strchr(arg, '/') || (n > 6 && strcmp(arg + n - 6, ".style") == 0))
        return ar_strdup(ar, arg);
    return ar_printf(ar, "%s/%s.style", dir, arg);
}

/* The text is copied into the arena: the lines are cut in place. */
static int load_text(const char *name, const char *path, const char *text,
                     size_t len, const char *styledir, ar_arena *ar,
                     diag_ctx *d, const sty_style **out)
{
    sty_reader r;
    memset(&r, 0, sizeof r);
    r.ar = ar;
    r.d = d;
    r.file = path;
    r.styledir = styledir;
    sty_style *st = ar_alloc(ar, sizeof *st);
    char *copy = ar_alloc(ar, len + 1);
    if (!st || !copy)
        return -1;
    memcpy(copy, text, len);
    if (sr_read_entries(&r, copy, len) || read_style(&r, st))
        return -1;
    st->name = ar_strdup(ar, name);
    st->path = path;
    *out = st;
    return 0;
}

int sty_load_text(const char *path, const char *text, size_t len,
                  const char *styledir, ar_arena *ar, diag_ctx *d,
                  const sty_style **out)
{
    return load_text(path, path, text, len, styledir, ar, d, out);
}

int sty_load(const char *name_or_path, const char *styledir, ar_arena *ar,
             diag_ctx *d, const sty_style **out)
{
    const char *path = style_path(name_or_path, styledir, ar);
    size_t len;
    char *text = path ? file_read(path, &len) : NULL;
    if (!text) {
        diag_error(d, (diag_pos){path, 0, 0}, "cannot read style '%s': %s",
                   name_or_path, file_why(errno));
        return -1;
    }
    int rc = load_text(name_or_path, path, text, len, styledir, ar, d, out);
    free(text);
    return rc;
}

double sty_column_width(const sty_style *s)
{
    return s->page.measure * s->roles[STY_BODY].size;
}

double sty_area_width(const sty_style *s)
{
    return s->page.columns * sty_column_width(s) +
           (s->page.columns - 1) * s->page.column_gap;
}

double sty_area_height(const sty_style *s)
{
    return s->page.lines * s->page.pitch;
}

int sty_apply_fonts(const sty_style *s, fnt_set *fs, diag_ctx *d)
{
    int rc = 0;
    for (int i = 0; i < FNT_NROLES; i++) {
        if (s->fonts[i] &&
            fnt_set_candidates(fs, (fnt_role)i, s->fonts[i], s->font_pos[i], d))
            rc = -1;
        if (s->substitute[i] >= 0)
            fnt_set_substitute(fs, (fnt_role)i, (fnt_role)s->substitute[i]);
    }
    return rc;
}
