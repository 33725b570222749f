/* style.c: reading a house style file: INI-like sections of key = value */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "sty.h"

/* [page]: the trim and the grid (the type area is a character grid;
 * margins follow from it). */
static const sty_key page_keys[] = {
    {"width", K_LEN, offsetof(sty_page, width), 1},
    {"height", K_LEN, offsetof(sty_page, height), 1},
    {"columns", K_INT, offsetof(sty_page, columns), 1},
    {"column-gap", K_LEN, offsetof(sty_page, column_gap), 1},
    {"measure", K_INT, offsetof(sty_page, measure), 1},
    {"single-measure", K_INT, offsetof(sty_page, single_measure), 0},
    {"single-lines", K_INT, offsetof(sty_page, single_lines), 0},
    {"lines", K_INT, offsetof(sty_page, lines), 1},
    {"pitch", K_LEN, offsetof(sty_page, pitch), 1},
    {"top", K_LEN, offsetof(sty_page, top), 1},
    {"inner", K_LEN, offsetof(sty_page, inner), 0},
    {"folio-drop", K_LEN, offsetof(sty_page, folio_drop), 1},
    {"article-gap", K_INT, offsetof(sty_page, article_gap), 0},
    {"article-new-page", K_BOOL, offsetof(sty_page, new_page), 0},
    {"figure-ratio", K_NUM, offsetof(sty_page, figure_ratio), 1},
    {"box-padding", K_LEN, offsetof(sty_page, box_padding), 0},
    {NULL, 0, 0, 0},
};

/* [compose]: composition rules (chinese-layout.md) */
static const sty_key compose_keys[] = {
    {"kinsoku", K_KINSOKU, offsetof(sty_compose, kinsoku), 1},
    {"punctuation", K_PUNCT, offsetof(sty_compose, punct), 1},
    {"strategy", K_STRATEGY, offsetof(sty_compose, strategy), 1},
    {"hanging", K_BOOL, offsetof(sty_compose, hanging), 1},
    {"adjacent", K_ADJACENT, offsetof(sty_compose, adjacent_always), 1},
    {"latin-gap", K_NUM, offsetof(sty_compose, latin_gap), 1},
    {"latin-gap-min", K_NUM, offsetof(sty_compose, latin_gap_min), 0},
    {"latin-gap-max", K_NUM, offsetof(sty_compose, latin_gap_max), 0},
    {"half-width-digits", K_BOOL, offsetof(sty_compose, half_digits), 0},
    {"tighten", K_NUM, offsetof(sty_compose, tighten), 0},
    {"tighten-step", K_NUM, offsetof(sty_compose, tighten_step), 0},
    {"orphan", K_INT, offsetof(sty_compose, orphan), 0},
    {"orphan-pull", K_INT, offsetof(sty_compose, orphan_pull), 0},
    {"pull-unit", K_NUM, offsetof(sty_compose, pull_unit), 0},
    {NULL, 0, 0, 0},
};

/* [ROLE]: formatting of one text role */
static const sty_key role_keys[] = {
    {"font", K_FONT, offsetof(sty_role, font), 1},
    {"size", K_LEN, offsetof(sty_role, size), 0},
    {"align", K_ALIGN, offsetof(sty_role, align), 0},
    {"indent", K_NUM, offsetof(sty_role, indent), 0},
    {"tracking", K_NUM, offsetof(sty_role, tracking), 0},
    {"leading", K_NUM, offsetof(sty_role, leading), 0},
    {"min-size", K_LEN, offsetof(sty_role, min_size), 0},
    {"before", K_NUM, offsetof(sty_role, before), 0},
    {"after", K_NUM, offsetof(sty_role, after), 0},
    {"span", K_BOOL, offsetof(sty_role, span), 0},
    {"bullet", K_STR, offsetof(sty_role, bullet), 0},
    {"bottom", K_BOOL, offsetof(sty_role, bottom), 0},
    {"color", K_COLOUR, offsetof(sty_role, colour), 0},
    {NULL, 0, 0, 0},
};

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
};


const char *sty_role_name(sty_role_id r)
{
    return r < STY_NROLES ? role_names[r] : "?";
}

/* ---- reading the file into entries ---- */

static int read_roles(sty_reader *r, sty_style *st)
{
    int rc = 0;
    for (int i = 0; i < STY_NROLES; i++) {
        sty_role *ro = &st->roles[i];
        ro->pos = (diag_pos){r->file, 0, 0};
        if (!sr_has_section(r, role_names[i])) {
            if (i >= STY_RUNNING_HEAD) /* furniture: checked where used */
                continue;
            diag_error(r->d, ro->pos, "style lacks the section [%s]",
                       role_names[i]);
            rc = -1;
            continue;
        }
        ro->set = 1;
        ro->pos = sr_section_pos(r, role_names[i]);
        ro->colour = STY_BLACK;
        if (sr_read_keys(r, role_names[i], role_keys, ro))
            rc = -1;
        if (!ro->colour.set) {
            diag_error(r->d, ro->pos, "[%s] color cannot be none: text in "
                       "no ink would not print", role_names[i]);
            rc = -1;
        }
        int inherit = i == STY_BOLD || i == STY_EMPHASIS;
        if (ro->size <= 0 && !inherit) {
            diag_error(r->d, ro->pos, "[%s] needs a size", role_names[i]);
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
        diag_error(r->d, (diag_pos){r->file, 0, 0}, "[page] lacks "
                   "'head-order' (see docs/style-format.md)");
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
 * (¼ em: ⅛ to ⅓ em, chinese-layout.md) unless the file says otherwise. */
static void compose_defaults(sty_compose *c)
{
    if (!c->latin_gap_min)
        c->latin_gap_min = c->latin_gap / 2;
    if (!c->latin_gap_max)
        c->latin_gap_max = c->latin_gap * 4 / 3;
    if (c->tighten < 0)
        c->tighten = -c->tighten;
    if (c->tighten > 0 && c->tighten_step <= 0)
        c->tighten_step = c->tighten;
    if (c->orphan_pull <= 0 || c->orphan_pull > c->orphan)
        c->orphan_pull = c->orphan;
    if (c->pull_unit < 0)
        c->pull_unit = 0;
    if (c->pull_unit > 1)
        c->pull_unit = 1;
}

static int check_geometry(sty_reader *r, sty_style *st)
{
    sty_page *pg = &st->page;
    diag_pos pos = {r->file, 0, 0};
    if (pg->columns < 1 || pg->columns > 4 || pg->measure < 4 ||
        pg->lines < 4 || pg->pitch <= 0) {
        diag_error(r->d, pos, "[page] needs 1–4 columns, a measure of at "
                   "least 4 characters, at least 4 lines and a pitch");
        return -1;
    }
    if (pg->single_lines <= 0)
        pg->single_lines = pg->lines;
    if (pg->single_lines < 4) {
        diag_error(r->d, pos, "[page] single-lines needs at least 4 lines");
        return -1;
    }
    if (pg->single_measure <= 0)
        pg->single_measure = (int)floor(sty_area_width(st) /
                                        st->roles[STY_BODY].size + 1e-6);
    if (sty_area_width(st) > pg->width || pg->top + sty_area_height(st) >
                                              pg->height) {
        diag_error(r->d, pos, "the type area (%.1f × %.1f mm) does not fit "
                   "the page", sty_area_width(st) * 25.4 / 72,
                   sty_area_height(st) * 25.4 / 72);
        return -1;
    }
    return 0;
}

static void warn_unused(sty_reader *r)
{
    for (size_t i = 0; i < r->n; i++)
        if (!r->e[i].used)
            diag_warn(r->d, r->e[i].pos, "unknown key '%s' in [%s] ignored",
                      r->e[i].key, r->e[i].section);
}

static int read_style(sty_reader *r, sty_style *st)
{
    sty_entry *bs = sr_find(r, "body", "size");
    if (!bs || sr_parse_len(r, bs, &r->body_size)) {
        diag_error(r->d, (diag_pos){r->file, 0, 0}, "[body] needs a size "
                   "in pt or mm");
        return -1;
    }
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
    if (rc == 0) {
        compose_defaults(&st->compose);
        rc = check_geometry(r, st);
    }
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

int sty_load(const char *name_or_path, const char *styledir, ar_arena *ar,
             diag_ctx *d, const sty_style **out)
{
    sty_reader r;
    memset(&r, 0, sizeof r);
    r.ar = ar;
    r.d = d;
    r.file = style_path(name_or_path, styledir, ar);
    r.styledir = styledir;
    size_t len;
    char *text = file_read(r.file, &len);
    if (!text) {
        diag_error(d, (diag_pos){r.file, 0, 0}, "cannot read style '%s': %s",
                   name_or_path, file_why(errno));
        return -1;
    }
    sty_style *st = ar_alloc(ar, sizeof *st);
    int rc = -1;
    if (st && sr_read_entries(&r, text) == 0 && read_style(&r, st) == 0) {
        st->name = ar_strdup(ar, name_or_path);
        st->path = r.file;
        *out = st;
        rc = 0;
    }
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
