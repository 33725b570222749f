/* furniture.c: the [furniture] section: running heads, front-matter
 * pages, contents wording, the side tab, jump lines */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "sty.h"

static const sty_key furniture_keys[] = {
    {"running-head-even", K_STR, offsetof(sty_furniture, head_even), 0},
    {"running-head-odd", K_STR, offsetof(sty_furniture, head_odd), 0},
    {"running-head-drop", K_LEN, offsetof(sty_furniture, head_drop), 0},
    {"running-head-rule", K_LEN, offsetof(sty_furniture, head_rule), 0},
    {"running-head-rule-gap", K_LEN, offsetof(sty_furniture, head_rule_gap), 0},
    {"issue-mark", K_STR, offsetof(sty_furniture, issue_mark), 0},
    {"digest-head", K_STR, offsetof(sty_furniture, digest_head), 0},
    {"digest-bullet", K_STR, offsetof(sty_furniture, digest_bullet), 0},
    {"contents-head", K_STR, offsetof(sty_furniture, contents_head), 0},
    {"contents-sub", K_STR, offsetof(sty_furniture, contents_sub), 0},
    {"contents-column", K_STR, offsetof(sty_furniture, contents_column), 0},
    {"side-tab", K_BOOL, offsetof(sty_furniture, side_tab), 0},
    {"side-tab-odd", K_STR, offsetof(sty_furniture, tab_odd), 0},
    {"side-tab-even", K_STR, offsetof(sty_furniture, tab_even), 0},
    {"side-tab-width", K_LEN, offsetof(sty_furniture, tab_width), 0},
    {"side-tab-top", K_LEN, offsetof(sty_furniture, tab_top), 0},
    {"side-tab-height", K_LEN, offsetof(sty_furniture, tab_height), 0},
    {"side-tab-fill", K_COLOUR, offsetof(sty_furniture, tab_fill), 0},
    {"side-tab-frame", K_COLOUR, offsetof(sty_furniture, tab_frame), 0},
    {"permit", K_STR, offsetof(sty_furniture, permit), 0},
    {"jump-to", K_STR, offsetof(sty_furniture, jump_to), 0},
    {"jump-from", K_STR, offsetof(sty_furniture, jump_from), 0},
    {"folios", K_BOOL, offsetof(sty_furniture, folios), 1},
    {NULL, 0, 0, 0},
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
        f->front[f->nfront] = front_kinds[k].kind;
        f->front_label[f->nfront++] = colon ? colon + 1 : w;
    }
    return 0;
}

static int need_role(sty_reader *r, sty_style *st, const char *what,
                     sty_role_id role)
{
    if (st->roles[role].set)
        return 0;
    diag_error(r->d, (diag_pos){r->file, 0, 0}, "%s needs the section [%s]",
               what, sty_role_name(role));
    return -1;
}

int sr_read_furniture(sty_reader *r, sty_style *st)
{
    sty_furniture *f = &st->furniture;
    f->tab_frame = STY_BLACK;
    if (sr_read_keys(r, "furniture", furniture_keys, f) || read_front(r, st))
        return -1;
    if ((f->head_even || f->head_odd) &&
        need_role(r, st, "a running head", STY_RUNNING_HEAD))
        return -1;
    if (f->side_tab && (need_role(r, st, "the side tab", STY_SIDE_TAB) ||
                        !f->tab_odd || !f->tab_even || f->tab_width <= 0 ||
                        f->tab_height <= 0)) {
        if (st->roles[STY_SIDE_TAB].set)
            diag_error(r->d, (diag_pos){r->file, 0, 0}, "side-tab = yes needs "
                       "side-tab-odd, side-tab-even, side-tab-width, "
                       "side-tab-top and side-tab-height");
        return -1;
    }
    if ((f->jump_to || f->jump_from) && need_role(r, st, "jump lines", STY_JUMP))
        return -1;
    return 0;
}
