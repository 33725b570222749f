/* rawroles.c: raw extractions: display lines (titles, heads, kickers,
 * decks, subtitles, bylines, date lines, excerpt numbers, box heads) and
 * the items of a run of them (docs/import.md, Lines and Roles) */
#include <string.h>

#include "imp.h"

/* Notes after an article's text: speaker, author, source. */
static const char *const note_starts[] = {
    "（发言人", "（作者", "（摘自", "（本栏目", "（本文", "（文/", "（文／",
    "（来源", "（转自", "（记者", "（整理", "（供稿", "（图/", "（图文",
    "发言人：", "（通讯员",
};

/* Endings of an organisation's name in a byline. */
static const char *const org_ends[] = {
    "政协", "杂志社", "报社", "委员会", "办公室", "党组", "支部", "研究会",
    "编辑部", "研究室", "协会", "学会",
};

int imp_note_start(const char *t)
{
    for (size_t i = 0; i < sizeof note_starts / sizeof *note_starts; i++)
        if (imp_starts(t, note_starts[i]))
            return 1;
    return 0;
}

/* Does a line end a sentence, looking through closing quotes and
 * brackets (PUNCT_TRAILS)? A whole bracketed line (a note, an occasion)
 * ends too. */
int imp_raw_ends(const char *t)
{
    size_t len = strlen(t);
    uint32_t first = imp_first_cp(t);
    while (len) {
        uint32_t cp;
        size_t k = u8_before(t, len, &cp);
        if (!punct_has(cp, PUNCT_TRAILS))
            return punct_has(cp, PUNCT_ENDS);
        if ((cp == 0xFF09 && (first == 0xFF08 || !strstr(t, "（"))) ||
            (cp == 0x3011 && first == 0x3010))
            return 1; /* a whole bracketed line, or the end of one */
        len = k;
    }
    return 0;
}

/* 一 … 二十五: excerpt numbering on a line of its own */
static int numerals_only(const char *t)
{
    size_t len = strlen(t), n = 0;
    while (len) {
        uint32_t cp;
        int m = u8_decode(t, len, &cp);
        if (!punct_has(cp, PUNCT_COUNTING))
            return 0;
        t += m, len -= (size_t)m, n++;
    }
    return n >= 1 && n <= 3;
}

static int is_org(const char *t)
{
    size_t n = u8_count(t, strlen(t));
    if (n < 3 || n > 12 || imp_raw_ends(t))
        return 0;
    for (size_t i = 0; i < sizeof org_ends / sizeof *org_ends; i++)
        if (imp_ends(t, org_ends[i]))
            return 1;
    return 0;
}

/* A byline: a name of 2–4 Han (a padded "刘　伟" too) or an organisation. */
static int name_like(const char *t)
{
    return imp_is_name(t) || is_org(t);
}

int imp_raw_page(const imp_seg *s, size_t i)
{
    return s->ctx->doc.pages[imp_line_at(s, i)->pg].page;
}

/* Previous / next non-tab line on the same page; IMP_NONE when none. */
static size_t prev_on_page(const imp_seg *s, size_t i)
{
    if (imp_line_at(s, i)->lead)
        return IMP_NONE;
    for (size_t j = i; j-- > 0;) {
        if (imp_line_at(s, j)->tab)
            continue;
        return imp_line_at(s, j)->pg == imp_line_at(s, i)->pg ? j : IMP_NONE;
    }
    return IMP_NONE;
}

size_t imp_next_on_page(const imp_seg *s, size_t i)
{
    for (size_t j = i + 1; j < s->raw->nlines; j++) {
        const imp_rline *l = imp_line_at(s, j);
        if (l->tab)
            continue;
        return l->pg == imp_line_at(s, i)->pg && !l->lead ? j : IMP_NONE;
    }
    return IMP_NONE;
}

/* Adjacent lines (no blank line between) print one display block. */
static int grouped(const imp_seg *s, size_t a, size_t b)
{
    return a != IMP_NONE && b != IMP_NONE && b == a + 1 &&
           imp_line_at(s, b)->adj && !imp_line_at(s, b)->lead;
}

static int closed_before(const imp_seg *s, size_t p)
{
    if (p == IMP_NONE)
        return 1;
    const imp_rline *l = imp_line_at(s, p);
    return l->display || (l->width_class != RL_FULL && !s->pstart[p]) ||
           imp_raw_ends(l->text);
}

/* Is the next line q one of a display block? */
static int display_like(const imp_seg *s, size_t q)
{
    if (q == IMP_NONE)
        return 1;
    const imp_rline *l = imp_line_at(s, q);
    return !imp_raw_ends(l->text) &&
           (l->width_class != RL_FULL || name_like(l->text) || l->display);
}

/* An opening bracket not closed on its line: a bracketed text (an
 * occasion, a note) set over two lines. */
static int open_bracket(const char *t)
{
    return imp_starts(t, "（") && !strstr(t, "）");
}

/* Whether line q, not full, opens a paragraph: it is numbered, or
 * indented with a full line after it. A line whose last mark hangs is
 * taken for indented only when `hung` (under a head numbered 一、, which
 * stands alone; a （一） may open a paragraph that wraps: seed 000). */
static int starts_para(const imp_seg *s, size_t q, int hung)
{
    const imp_rline *n = imp_line_at(s, q);
    size_t r = imp_next_on_page(s, q);
    if (imp_headnum(n->text))
        return 1;
    if (n->width_class != RL_FIRST || !imp_raw_indented(s->raw, n, hung) ||
        r == IMP_NONE)
        return 0;
    /* a full line after it, or (under a 一、 head) another paragraph's
     * start: it is a paragraph of one line */
    const imp_rline *after = imp_line_at(s, r);
    return after->width_class == RL_FULL ||
           (hung && (imp_headnum(after->text) ||
                     (after->width_class == RL_FIRST &&
                      imp_raw_indented(s->raw, after, 0))));
}

/* A line two em short (i, between p and q on its page): a display line,
 * or a paragraph's first line. */
static int first_is_display(const imp_seg *s, size_t p, size_t i, size_t q)
{
    const char *t = imp_line_at(s, i)->text;
    if (name_like(t) || imp_starts(t, "——"))
        return 1;
    if (strstr(t, "，") && !imp_headnum(t) && !grouped(s, p, i))
        return 0; /* a sentence going on: a paragraph's first line */
    if (grouped(s, p, i)) /* the last line of a display block */
        return q == IMP_NONE || imp_line_at(s, q)->width_class != RL_FULL;
    /* an indented line followed by a full one, or by the last line of
     * its paragraph, starts a paragraph; a numbered one followed by the
     * start of another paragraph stands alone */
    if (q == IMP_NONE || imp_line_at(s, q)->width_class == RL_FULL)
        return 0;
    if (!imp_raw_ends(imp_line_at(s, q)->text))
        return 1;
    return imp_head_numbered(t) && starts_para(s, q, imp_headnum(t) == 1);
}

/* A full line i (between p and q on its page): a display line when it
 * stands in a display block. */
static int full_is_display(const imp_seg *s, size_t p, size_t i, size_t q)
{
    if (grouped(s, p, i))
        return q != IMP_NONE && display_like(s, q);
    /* a full line between a finished paragraph and a display line, or
     * a numbered one over a numbered paragraph or under a title block's
     * last line: a head the width of the column */
    const char *t = imp_line_at(s, i)->text;
    int numbered = imp_head_numbered(t);
    return closed_before(s, p) &&
           (imp_starts(t, "——") ||
            (q != IMP_NONE && imp_line_at(s, q)->width_class != RL_FULL &&
             display_like(s, q)) ||
            (numbered && q != IMP_NONE &&
             imp_headnum(imp_line_at(s, q)->text)) ||
            (numbered && p != IMP_NONE && imp_line_at(s, p)->display));
}

/* Body text, whatever its width: a full stop (the table's stops that end
 * a sentence: 。) ends a sentence inside the line and another goes on
 * after it (强数据研发创新能力。加快医疗机构5G+), or the
 * line ends on a mark no line may end with (an opening bracket, a sign
 * before a number): a title or head is neither. */
static int body_text(const char *t)
{
    size_t len = strlen(t), off = 0;
    uint32_t cp = 0, last = 0;
    while (off < len) {
        int n = u8_decode(t + off, len - off, &cp);
        off += (size_t)n;
        if (punct_has(cp, PUNCT_ENDS) && punct_classify(cp) == PUNCT_STOP &&
            off < len && !punct_has(imp_first_cp(t + off), PUNCT_TRAILS))
            return 1;
        last = cp;
    }
    punct_class k = punct_classify(last);
    return k == PUNCT_OPEN || k == PUNCT_NUMPRE;
}

/* A display line: a body line that is not full always ends a sentence
 * (the last line of a paragraph), so a short line that ends none is a
 * title, head, byline or the like. */
int imp_is_display(const imp_seg *s, size_t i)
{
    const imp_rline *l = imp_line_at(s, i);
    const char *t = l->text;
    size_t p = prev_on_page(s, i), q = imp_next_on_page(s, i);
    if (!*t || imp_note_start(t) || body_text(t))
        return 0;
    if (numerals_only(t) || (imp_starts(t, "【") && imp_ends(t, "】")) ||
        imp_date_line(t))
        return 1;
    int ends = imp_raw_ends(t) || l->jump;
    if (l->width_class == RL_WIDE)
        return !ends;
    if (ends || open_bracket(t))
        return 0;
    if (grouped(s, i, q))
        return 1;
    if (l->seps && q != IMP_NONE && name_like(imp_line_at(s, q)->text))
        return 1; /* a title with a phrase separator over its byline */
    switch (l->width_class) {
    case RL_SHORT:
        return 1;
    case RL_FIRST:
        return first_is_display(s, p, i, q);
    default:
        return full_is_display(s, p, i, q);
    }
}

/* A title block the extraction put at the foot of a page, under the
 * text: a byline last, and above it lines that end no sentence. */
void imp_page_foot_titles(imp_seg *s)
{
    imp_raw *r = s->raw;
    for (size_t i = 0; i < r->nlines; i++) {
        if (r->lines[i].tab || imp_next_on_page(s, i) != IMP_NONE)
            continue;
        if (!name_like(r->lines[i].text) || imp_raw_ends(r->lines[i].text))
            continue;
        r->lines[i].display = 1;
        for (size_t p = prev_on_page(s, i); p != IMP_NONE;
             p = prev_on_page(s, p)) {
            imp_rline *l = &r->lines[p];
            if (imp_raw_ends(l->text) || l->display ||
                (l->width_class == RL_FULL && !imp_starts(l->text, "——")) ||
                (l->width_class == RL_FIRST &&
                 !grouped(s, p, imp_next_on_page(s, p))))
                break;
            l->display = 1;
        }
    }
}

/* ---- the items of a display unit ---- */

static imp_item_kind item_of(const imp_seg *s, size_t i)
{
    const imp_rline *l = imp_line_at(s, i);
    const char *t = l->text;
    if (numerals_only(t))
        return IT_NUM;
    if (imp_starts(t, "【"))
        return IT_BOX;
    if (imp_date_line(t))
        return IT_DATE;
    if (imp_starts(t, "——"))
        return IT_SUB;
    if (imp_head_numbered(t))
        return IT_HEADNUM;
    if (name_like(t))
        return IT_NAME;
    return l->width_class == RL_WIDE ? IT_WIDE : IT_PLAIN;
}

/* A line much wider than the first line of its display block, and wider
 * than a column, is a deck under the title rather than a title line. */
static int deck_line(const imp_seg *s, const imp_item *it, size_t i)
{
    const imp_rline *a = imp_line_at(s, it->lines[0]), *l = imp_line_at(s, i);
    return l->width >= s->raw->measure && l->width > 1.4 * a->width;
}

/* A numbered head wider than the column holds at a head's size (within
 * HEAD_WRAP_EM of the measure in characters: a head's face is larger
 * than the body's) goes on in a shorter line that ends no sentence; the
 * extraction gives each line its own block (a short wrap reads like a
 * name: no byline follows a head). */
#define HEAD_WRAP_EM 3
static int head_wraps(const imp_seg *s, const imp_item *last, size_t prev,
                      size_t i, imp_item_kind k)
{
    const imp_rline *a = imp_line_at(s, prev), *b = imp_line_at(s, i);
    return last->kind == IT_HEADNUM && last->nlines == 1 &&
           (k == IT_PLAIN || k == IT_NAME) &&
           i == imp_next_on_page(s, prev) && !imp_raw_ends(a->text) &&
           !imp_raw_ends(b->text) && !strstr(a->text, "。") &&
           a->width >= s->raw->measure - HEAD_WRAP_EM &&
           a->width_class != RL_WIDE && b->width < a->width;
}

/* Does line i (of kind k) go on the last item, whose last line is prev? */
static int goes_on(const imp_seg *s, imp_item *last, size_t prev, size_t i,
                   imp_item_kind *k)
{
    if (*k == IT_PLAIN && last->kind == IT_PLAIN && grouped(s, prev, i) &&
        deck_line(s, last, i))
        *k = IT_WIDE;
    if (last->nlines >= IMP_ITEM_LINES)
        return 0;
    if (*k == IT_PLAIN && last->kind == IT_SUB &&
        !imp_raw_ends(imp_line_at(s, prev)->text) &&
        imp_line_at(s, prev)->width_class == RL_WIDE)
        return 1; /* a subtitle across the columns goes on in the next line */
    if (head_wraps(s, last, prev, i, *k))
        return 1;
    /* a group goes on unless a line of another kind starts */
    return grouped(s, prev, i) && (*k == IT_PLAIN || *k == last->kind) &&
           last->kind != IT_NAME && last->kind != IT_NUM &&
           last->kind != IT_WIDE;
}

size_t imp_unit_items(const imp_seg *s, const imp_unit *u, imp_item *it,
                      size_t max)
{
    size_t n = 0;
    for (size_t i = u->first; i < u->end; i++) {
        if (imp_line_at(s, i)->tab)
            continue;
        imp_item_kind k = item_of(s, i);
        if (n) {
            imp_item *last = &it[n - 1];
            if (goes_on(s, last, last->lines[last->nlines - 1], i, &k)) {
                last->lines[last->nlines++] = i;
                continue;
            }
        }
        if (n == max)
            break;
        it[n].kind = k;
        it[n].lines[0] = i;
        it[n].nlines = 1;
        n++;
    }
    return n;
}

static int unit_at_page_end(const imp_seg *s, const imp_unit *u)
{
    size_t j = u->end;
    while (j < s->raw->nlines && imp_line_at(s, j)->tab)
        j++;
    return j >= s->raw->nlines || imp_line_at(s, j)->lead ||
           imp_line_at(s, j)->pg != imp_line_at(s, u->first)->pg;
}

/* Is a display unit a title block: a byline, subtitle or deck, a title
 * with a phrase separator, or a title of several lines at the foot of a
 * page? */
int imp_title_evidence(const imp_seg *s, const imp_unit *u,
                       const imp_item *it, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (it[k].kind == IT_NAME || it[k].kind == IT_SUB ||
            it[k].kind == IT_WIDE)
            return 1;
        if (it[k].kind == IT_PLAIN && imp_line_at(s, it[k].lines[0])->seps)
            return 1;
        if (it[k].kind == IT_PLAIN && it[k].nlines > 1 &&
            unit_at_page_end(s, u))
            return 1;
    }
    return 0;
}
