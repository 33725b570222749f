/* furniture.c: the [furniture] section: running heads, front-matter
 * pages, contents wording, the side tab, jump lines */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "sty.h"

#define FU(f) offsetof(sty_furniture, f)

/* A line of text: 200 characters is more than any page is wide. */
#define TEXT 0, 200, "characters"

static const sty_key furniture_keys[] = {
    {"running-head-even", K_STR, FU(head_even), 0, TEXT},
    {"running-head-odd", K_STR, FU(head_odd), 0, TEXT},
    /* type-area top up to its baseline, which stays on the page
     * (sr_check_furniture) */
    {"running-head-drop", K_LEN, FU(head_drop), 0, 0, 100, "mm"},
    /* a hairline to a bar */
    {"running-head-rule", K_LEN, FU(head_rule), 0, 0, 10, "pt"},
    {"running-head-rule-gap", K_LEN, FU(head_rule_gap), 0, 0, 20, "mm"},
    {"issue-mark", K_STR, FU(issue_mark), 0, TEXT},
    {"digest-head", K_STR, FU(digest_head), 0, TEXT},
    {"digest-bullet", K_STR, FU(digest_bullet), 0, 0, 8, "characters"},
    {"contents-head", K_STR, FU(contents_head), 0, TEXT},
    {"contents-sub", K_STR, FU(contents_sub), 0, TEXT},
    {"contents-column", K_STR, FU(contents_column), 0, TEXT},
    {"side-tab", K_BOOL, FU(side_tab), 0, 0, 0, NULL},
    {"side-tab-odd", K_STR, FU(tab_odd), 0, TEXT},
    {"side-tab-even", K_STR, FU(tab_even), 0, TEXT},
    /* the tab's frame: on the page, a character wide at least
     * (sr_check_furniture) */
    {"side-tab-width", K_LEN, FU(tab_width), 0, 2, 100, "mm"},
    {"side-tab-top", K_LEN, FU(tab_top), 0, 0, 1000, "mm"},
    {"side-tab-height", K_LEN, FU(tab_height), 0, 5, 1000, "mm"},
    /* the tab's text, in ems of its size */
    {"side-tab-pad", K_NUM, FU(tab_pad), 0, 0, 5, "em"},
    {"side-tab-group-gap", K_NUM, FU(tab_group_gap), 0, 0, 5, "em"},
    {"side-tab-space", K_NUM, FU(tab_space), 0, 0, 5, "em"},
    {"side-tab-across", K_INT, FU(tab_across), 0, 0, 10, "characters"},
    {"side-tab-line", K_NUM, FU(tab_line), 0, 0.5, 5, "em"},
    {"contents-page-width", K_NUM, FU(contents_page_width), 0, 1, 10, "em"},
    {"side-tab-fill", K_COLOUR, FU(tab_fill), 0, 0, 0, NULL},
    {"side-tab-frame", K_COLOUR, FU(tab_frame), 0, 0, 0, NULL},
    {"permit", K_STR, FU(permit), 0, TEXT},
    {"citation", K_STR, FU(citation), 0, TEXT},
    {"jump-to", K_STR, FU(jump_to), 0, TEXT},
    {"jump-from", K_STR, FU(jump_from), 0, TEXT},
    {"folios", K_BOOL, FU(folios), K_REQ, 0, 0, NULL},
    /* offprints (docs/pages.md): a share of folio-drop; shares of the
     * page height */
    {"citation-drop", K_NUM, FU(citation_drop), 0, 0, 1, "share"},
    {"cover-label", K_STR, FU(cover_label), 0, TEXT},
    {"cover-label-at", K_NUM, FU(cover_label_at), 0, 0, 1, "share"},
    {"cover-title-at", K_NUM, FU(cover_title_at), 0, 0, 1, "share"},
    {"cover-citation-at", K_NUM, FU(cover_citation_at), 0, 0, 1, "share"},
    {NULL, 0, 0, 0, 0, 0, NULL},
};

/* Furniture text and the role it is set in: when the text is given, the
 * role's section must be there too (the roles of whole front-matter
 * pages are in front_kinds). */
static const struct {
    const char *key;
    sty_role_id role;
} text_roles[] = {
    {"running-head-even", STY_RUNNING_HEAD},
    {"running-head-odd", STY_RUNNING_HEAD},
    {"digest-head", STY_DIGEST_HEAD},   /* the cover's 本期导读 */
    {"contents-sub", STY_CONTENTS_SUB}, /* under the contents heading */
    {"jump-to", STY_JUMP},
    {"jump-from", STY_JUMP},
};

/* What side-tab = yes needs besides its role. */
static const char *const tab_keys[] = {
    "side-tab-odd", "side-tab-even", "side-tab-width", "side-tab-height",
    "side-tab-pad", "side-tab-group-gap", "side-tab-space", "side-tab-across",
    "side-tab-line",
};

/* Front-matter page kinds and the roles each one needs. */
static const struct {
    const char *name;
    sty_front kind;
    sty_role_id roles[4];
} front_kinds[] = {
    {"cover", STY_FRONT_COVER,
     {STY_MASTHEAD, STY_ISSUE_MARK, STY_DIGEST_ITEM, STY_SPONSOR}},
    {"title", STY_FRONT_TITLE, {STY_MASTHEAD, STY_ISSUE_MARK, STY_LABEL, STY_LABEL}},
    {"board", STY_FRONT_BOARD,
     {STY_BOARD_HEAD, STY_BOARD_LINE, STY_BOARD_LINE, STY_BOARD_LINE}},
    {"contents", STY_FRONT_CONTENTS,
     {STY_CONTENTS_HEAD, STY_CONTENTS_COLUMN, STY_CONTENTS_ENTRY,
      STY_CONTENTS_PAGE}},
};

/* front = cover:封面 title:扉页 …  (kind, then the PDF page label) */
static int read_front(sty_reader *r, sty_style *st)
{
    sty_entry *e = sr_find(r, "furniture", "front");
    sty_furniture *f = &st->furniture;
    if (!e)
        return 0;
    e->used = 1;
    char *list = ar_strdup(r->ar, e->value), *save = NULL;
    for (char *w = strtok_r(list, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        char *colon = strchr(w, ':');
        if (colon)
            *colon = '\0';
        size_t k = 0, n = sizeof front_kinds / sizeof *front_kinds;
        while (k < n && strcmp(w, front_kinds[k].name) != 0)
            k++;
        if (k == n || f->nfront == STY_MAX_FRONT) {
            diag_error(r->d, e->pos, "front: '%s' is not one of cover, title, "
                       "board, contents (at most %d pages)", w, STY_MAX_FRONT);
            return -1;
        }
        for (int i = 0; i < 4; i++)
            if (!st->roles[front_kinds[k].roles[i]].set) {
                diag_error(r->d, e->pos, "front page '%s' needs the section "
                           "[%s]", w, sty_role_name(front_kinds[k].roles[i]));
                return -1;
            }
        if (front_kinds[k].kind == STY_FRONT_CONTENTS &&
            !sr_find(r, "furniture", "contents-page-width")) {
            diag_error(r->d, e->pos, "front page 'contents' needs "
                       "'contents-page-width' in [furniture] (the page "
                       "numbers' column, in ems)");
            return -1;
        }
        f->front[f->nfront] = front_kinds[k].kind;
        f->front_label[f->nfront++] = colon ? colon + 1 : w;
    }
    return 0;
}

static int need_roles(sty_reader *r, const sty_style *st)
{
    int rc = 0;
    unsigned long long told = 0; /* one message per role */
    for (size_t i = 0; i < sizeof text_roles / sizeof *text_roles; i++) {
        sty_role_id role = text_roles[i].role;
        sty_entry *e = sr_find(r, "furniture", text_roles[i].key);
        if (!e || st->roles[role].set || (told >> role & 1))
            continue;
        told |= 1ULL << role;
        diag_error(r->d, e->pos, "'%s' needs the section [%s]: add it with "
                   "the font and size it is set in", e->key,
                   sty_role_name(role));
        rc = -1;
    }
    return rc;
}

static int need_tab(sty_reader *r, const sty_style *st)
{
    if (!st->furniture.side_tab)
        return 0;
    diag_pos at = sr_key_pos(r, "furniture", "side-tab");
    int rc = 0;
    if (!st->roles[STY_SIDE_TAB].set) {
        diag_error(r->d, at, "side-tab = yes needs the section [side-tab]: "
                   "add it with the font and size of the tab's text");
        rc = -1;
    }
    for (size_t i = 0; i < sizeof tab_keys / sizeof *tab_keys; i++)
        if (!sr_find(r, "furniture", tab_keys[i])) {
            diag_error(r->d, at, "side-tab = yes needs '%s': add it to "
                       "[furniture]", tab_keys[i]);
            rc = -1;
        }
    return rc;
}

size_t sr_furniture_keys(const char **out, size_t max)
{
    size_t n = 0;
    for (const sty_key *k = furniture_keys; k->key && n < max; k++)
        out[n++] = k->key;
    if (n < max)
        out[n++] = "front";
    return n;
}

/* The offprint cover's keys come all together or not at all. */
static int read_offprint(sty_reader *r, sty_furniture *f)
{
    static const char *const cover[] = {"cover-label", "cover-label-at",
                                        "cover-title-at", "cover-citation-at"};
    int n = 0;
    for (size_t i = 0; i < sizeof cover / sizeof *cover; i++)
        n += sr_find(r, "furniture", cover[i]) != NULL;
    f->has_citation_drop = sr_find(r, "furniture", "citation-drop") != NULL;
    f->has_cover = n == 4;
    if (n == 0 || n == 4)
        return 0;
    diag_error(r->d, sr_key_pos(r, "furniture", "cover-label-at"),
               "the offprint cover needs all four of cover-label, "
               "cover-label-at, cover-title-at and cover-citation-at");
    return -1;
}

int sr_read_furniture(sty_reader *r, sty_style *st)
{
    sty_furniture *f = &st->furniture;
    f->tab_frame = STY_BLACK;
    if (sr_read_keys(r, "furniture", furniture_keys, f) || read_front(r, st) ||
        read_offprint(r, f))
        return -1;
    return need_roles(r, st) | need_tab(r, st);
}

static int check_tab(sty_reader *r, const sty_style *st)
{
    const sty_furniture *f = &st->furniture;
    double size = st->roles[STY_SIDE_TAB].size;
    if (f->tab_top + f->tab_height > st->page.height) {
        diag_error(r->d, sr_key_pos(r, "furniture", "side-tab-height"),
                   "the side tab (side-tab-top + side-tab-height = %.1fmm) "
                   "runs below the page (%.1fmm)",
                   sr_mm(f->tab_top + f->tab_height), sr_mm(st->page.height));
        return -1;
    }
    if (f->tab_width > st->page.width / 2 || f->tab_width < size) {
        diag_error(r->d, sr_key_pos(r, "furniture", "side-tab-width"),
                   "side-tab-width (%.1fmm) must hold a character of "
                   "[side-tab] (%gpt) and leave half of the page (%.1fmm)",
                   sr_mm(f->tab_width), size, sr_mm(st->page.width));
        return -1;
    }
    return 0;
}

int sr_check_furniture(sty_reader *r, const sty_style *st)
{
    const sty_furniture *f = &st->furniture;
    double size = st->roles[STY_RUNNING_HEAD].size;
    if ((f->head_even || f->head_odd) && f->head_drop > st->page.top - size) {
        diag_error(r->d, sr_key_pos(r, "furniture", "running-head-drop"),
                   "the running head (%.1fmm above the type area, in %gpt) "
                   "would stand above the page: top is %.1fmm",
                   sr_mm(f->head_drop), size, sr_mm(st->page.top));
        return -1;
    }
    return f->side_tab ? check_tab(r, st) : 0;
}
