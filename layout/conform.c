/* conform.c: how the laid-out pages of an issue conform to the rules of
 * Chinese composition (clreq, chinese-layout.md), clause by clause:
 * places checked, places violated, and where each violation stands. It
 * reads only the finished pages (line texts, glyph positions, roles,
 * grid lines), so it checks what the composer and the page builder made,
 * not what they meant to make. */
#include <stdlib.h>
#include <string.h>

#include "composer.h"
#include "layout.h"

/* The clauses, in the order the report lists them. */
enum {
    CL_START,   /* no forbidden mark at a line start */
    CL_END,     /* no forbidden mark at a line end */
    CL_DASH,    /* —— and …… never split */
    CL_NUMBER,  /* numbers and Latin words never split */
    CL_ORPHAN,  /* no 孤字: a paragraph's last line of one character */
    CL_FOOT,    /* no head as the last line of a column */
    CL_BALANCE, /* columns that end on a page end level */
    CL_JUMP,    /* a jump line names the page its article goes on */
    CL_COUNT
};

static const struct {
    const char *id, *what;
} clauses[CL_COUNT] = {
    [CL_START] = {"line-start", "no closing mark, 、，。；：？！ or (strict) —— …… "
                                "starts a line"},
    [CL_END] = {"line-end", "no opening mark ends a line"},
    [CL_DASH] = {"dash-ellipsis", "—— and …… are not split between lines"},
    [CL_NUMBER] = {"number-word", "a number or a Latin word is not split "
                                  "between lines"},
    [CL_ORPHAN] = {"orphan", "no paragraph ends on a line of a single "
                             "character (孤字)"},
    [CL_FOOT] = {"head-at-foot", "no head is the last line of a column"},
    [CL_BALANCE] = {"balance", "two columns that end on a page end within "
                               "a line of each other"},
    [CL_JUMP] = {"jump-line", "a jump line names a page on which its "
                              "article goes on"},
};

typedef struct conform {
    const sty_style *st;
    const lay_doc *d;
    FILE *out;
    int checked[CL_COUNT], violated[CL_COUNT];
    const lay_line *cont; /* the line that goes on the last one checked */
    sb_buf where; /* the violations, listed after the table */
} conform;

static void place(conform *c, int clause, int bad, size_t page,
                  const lay_line *l, const char *why)
{
    c->checked[clause]++;
    if (!bad)
        return;
    c->violated[clause]++;
    sb_printf(&c->where, "%s\tpage %zu\tcolumn %d\tline %d\t%s\t%s\n",
              clauses[clause].id, page + 1, l->column, l->grid, why,
              l->text ? l->text : "");
}

/* The first and last characters of a line's text. */
static uint32_t first_cp(const char *t)
{
    uint32_t cp = 0;
    if (t && *t)
        u8_decode(t, strlen(t), &cp);
    return cp;
}

static uint32_t last_cp(const char *t)
{
    uint32_t cp = 0;
    size_t n = t ? strlen(t) : 0;
    if (n)
        u8_before(t, n, &cp);
    return cp;
}

/* Characters of a line that are not punctuation (a 孤字 line counts its
 * character, not the 。 after it). */
static size_t letters(const char *t)
{
    size_t n = 0, len = t ? strlen(t) : 0;
    while (len) {
        uint32_t cp;
        int k = u8_decode(t, len, &cp);
        n += cc_properties(cc_classify(cp))->blank == CC_BLANK_NONE &&
             cp != ' ';
        t += k;
        len -= (size_t)k;
    }
    return n;
}

/* Text set in the flow of an article: paragraphs and heads. */
static int text_role(sty_role_id r)
{
    return r == STY_BODY || r == STY_HEAD || r == STY_SUBHEAD;
}

/* Where a line's first glyph stands from the start of its measure, in
 * ems of its size: an indented first line of a paragraph stands at 2. */
static double indent_em(const lay_line *l)
{
    if (!l->nruns || !l->runs[0].nglyphs || l->size <= 0)
        return 0;
    return l->runs[0].glyphs[0].x / l->size;
}

/* The next line of the same article and role after j on page p (or the
 * first of the next page), in the order the pages hold them; NULL at an
 * article's end. */
static const lay_line *next_line(const conform *c, size_t p, size_t j,
                                 size_t *np)
{
    const lay_line *l = &c->d->pages[p].lines[j];
    for (size_t q = p; q < c->d->npages && q <= p + 1; q++) {
        const lay_page *pg = &c->d->pages[q];
        for (size_t k = q == p ? j + 1 : 0; k < pg->nlines; k++) {
            const lay_line *m = &pg->lines[k];
            if (m->article != l->article || !text_role(m->role))
                continue;
            *np = q;
            return m->role == l->role ? m : NULL;
        }
    }
    return NULL;
}

/* Does line m start a new paragraph (an indented first line)? */
static int starts_paragraph(const lay_line *m)
{
    return indent_em(m) >= 1.0;
}

static int is_wordish(uint32_t cp)
{
    cc_class k = cc_classify(cp);
    return k == CC_LATIN || k == CC_DIGIT;
}

/* The clauses of one line and the break after it. The prohibitions
 * hold at the breaks inside a paragraph or head, not at its ends: a
 * paragraph may open with …… and a head end with any mark. */
static void check_line(conform *c, size_t p, size_t j)
{
    const lay_line *l = &c->d->pages[p].lines[j];
    sty_kinsoku lvl = c->st->compose.kinsoku;
    uint32_t a = first_cp(l->text), z = last_cp(l->text);
    int continues = c->cont == l;
    size_t np = p;
    const lay_line *m = next_line(c, p, j, &np);
    int goes_on = m && !starts_paragraph(m);
    c->cont = goes_on ? m : NULL;
    if (!a)
        return;
    if (continues)
        place(c, CL_START, cc_no_start(cc_classify(a), lvl), p, l,
              "starts with a mark that may not start a line");
    if (goes_on)
        place(c, CL_END, cc_no_end(cc_classify(z), lvl), p, l,
              "ends with a mark that may not end a line");
    uint32_t b = m ? first_cp(m->text) : 0;
    if (goes_on) {
        int split = (z == 0x2014 && b == 0x2014) || (z == 0x2026 && b == 0x2026);
        place(c, CL_DASH, split, p, l, "—— or …… split after this line");
        place(c, CL_NUMBER, is_wordish(z) && is_wordish(b), p, l,
              "a number or word split after this line");
    }
    if (l->role == STY_BODY && !goes_on && !starts_paragraph(l)) {
        int n = c->st->compose.orphan > 0 ? c->st->compose.orphan : 1;
        place(c, CL_ORPHAN, letters(l->text) <= (size_t)n, p, l,
              "a paragraph's last line this short");
    }
}

/* Heads at a column's foot, and the balance of columns that end. */
static void check_columns(conform *c, size_t p)
{
    const lay_page *pg = &c->d->pages[p];
    int last[8] = {0};
    const lay_line *foot[8] = {NULL};
    for (size_t j = 0; j < pg->nlines; j++) {
        const lay_line *l = &pg->lines[j];
        if (l->article < 0 || l->grid <= 0 || l->column < 1 || l->column > 7)
            continue;
        if (l->grid >= last[l->column]) {
            last[l->column] = l->grid;
            foot[l->column] = l;
        }
    }
    for (int k = 1; k < 8; k++)
        if (foot[k] && text_role(foot[k]->role))
            place(c, CL_FOOT, foot[k]->role != STY_BODY, p, foot[k],
                  "a head ends the column");
    int lines = c->st->page.lines;
    if (last[1] && last[2] && (last[1] < lines || last[2] < lines))
        place(c, CL_BALANCE, abs(last[1] - last[2]) > 1, p, foot[1],
              "the columns end more than a line apart");
}

/* A jump line (（下转第12页）): the page it names carries its article. */
static void check_jump(conform *c, size_t p, const lay_line *l)
{
    const char *t = l->text ? l->text : "";
    while (*t && (*t < '0' || *t > '9'))
        t++;
    int folio = atoi(t), found = 0;
    for (size_t q = 0; q < c->d->npages && !found; q++) {
        const lay_page *pg = &c->d->pages[q];
        for (size_t k = 0; pg->folio == folio && k < pg->nlines && !found; k++)
            found = pg->lines[k].article == l->article && q != p;
    }
    place(c, CL_JUMP, !found, p, l, "the page named does not go on with "
          "the article");
}

int lay_conformance(const sty_style *st, const lay_doc *d, FILE *out)
{
    conform c;
    memset(&c, 0, sizeof c);
    c.st = st;
    c.d = d;
    sb_init(&c.where);
    for (size_t p = 0; p < d->npages; p++) {
        const lay_page *pg = &d->pages[p];
        for (size_t j = 0; j < pg->nlines; j++) {
            const lay_line *l = &pg->lines[j];
            if (l->article >= 0 && text_role(l->role))
                check_line(&c, p, j);
            else if (l->article >= 0 && l->role == STY_JUMP)
                check_jump(&c, p, l);
        }
        check_columns(&c, p);
    }
    fprintf(out, "# conformance\tchecked\tviolated\trule\n");
    for (int k = 0; k < CL_COUNT; k++)
        fprintf(out, "%s\t%d\t%d\t%s\n", clauses[k].id, c.checked[k],
                c.violated[k], clauses[k].what);
    fprintf(out, "# violations\n%s", c.where.s ? c.where.s : "");
    int bad = c.where.s == NULL && c.where.len > 0;
    sb_free(&c.where);
    return ferror(out) || bad ? -1 : 0;
}
