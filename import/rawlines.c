/* rawlines.c: raw extractions: the printed lines, their widths in em,
 * their width classes against the measure, and the lines cleaned
 * (docs/import.md, Spaces and Lines) */
#include <math.h>
#include <string.h>

#include "imp.h"

/* ---- lines ---- */

/* Width of a raw line in em: Chinese characters one em, ASCII half an em,
 * the space the original set around a Latin run a quarter em, a real
 * space (two or more) one em. Letter-spacing spaces count nothing. The
 * marks a tight justified line squeezes (util's PUNCT_SQUEEZES) take half
 * an em in its smallest width. */
/* Em an ASCII character counts for: half, a fifth more for capitals,
 * and % nearly a whole em (0.92 in the body face, measured on our own
 * pages). */
static double ascii_em(uint32_t c)
{
    if (c == '%')
        return 0.9;
    return c >= 'A' && c <= 'Z' ? 0.7 : 0.5;
}

void imp_raw_width(imp_rline *l)
{
    const char *s = l->raw;
    size_t len = strlen(s);
    int cjk = 0, ascii = 0, squeeze = 0, latin_gap = 0, cjk_gap = 0;
    double latin = 0; /* the ASCII characters' em */
    uint32_t prev = 0;
    l->seps = 0;
    while (len) {
        uint32_t cp;
        int m = u8_decode(s, len, &cp);
        if (!imp_is_space(cp)) {
            if (cp < 0x80)
                ascii++, latin += ascii_em(cp);
            else
                cjk++;
            squeeze += punct_has(cp, PUNCT_SQUEEZES);
            prev = cp;
            s += m;
            len -= (size_t)m;
            continue;
        }
        int run = 0;
        while (len && (m = u8_decode(s, len, &cp)) && imp_is_space(cp)) {
            run += cp == 0x3000 ? 2 : 1;
            s += m;
            len -= (size_t)m;
        }
        if (!len || !prev)
            continue;
        u8_decode(s, len, &cp);
        if (run >= 2)
            l->seps++;
        else if (prev < 0x80 || cp < 0x80)
            latin_gap++;
        else
            cjk_gap++;
    }
    l->ascii = ascii;
    l->latin_gaps = latin_gap;
    l->spaced = cjk_gap >= 3 && cjk_gap * 3 >= cjk;
    l->width = cjk + latin + l->seps +
               (l->spaced ? 0 : 0.25 * latin_gap);
    l->min_width = l->width - 0.5 * squeeze;
}

/* Where the split stands: a blank line before, a page start pending. */
typedef struct split_state {
    int lineno, blank, lead_pending, lead_off;
} split_state;

/* A line with text: n bytes at t, k of them its leading spaces. */
static int push_text_line(imp_raw *r, split_state *st, const char *t, size_t n,
                     size_t k)
{
    imp_ctx *c = r->ctx;
    imp_rline *l = AR_PUSH(c->ar, r->lines, r->nlines, r->caplines);
    if (!l)
        return -1;
    l->line = st->lineno;
    l->lead = k > 0 || st->lead_pending;
    l->off = st->lead_pending && !k ? st->lead_off : (int)(t - c->text);
    l->adj = !st->blank;
    while (n > k && (t[n - 1] == ' ' || t[n - 1] == '\t'))
        n--;
    l->raw = ar_strndup(c->ar, t + k, n - k);
    l->cols = NULL;
    imp_raw_width(l);
    st->lead_pending = 0;
    st->blank = 0;
    l->col0 = (int)k + 1;
    return 0;
}

int imp_raw_split(imp_raw *r)
{
    imp_ctx *c = r->ctx;
    const char *t = c->text, *end = c->text + c->len;
    split_state st = {0, 1, 0, 0};
    while (t < end) {
        const char *e = memchr(t, '\n', (size_t)(end - t));
        if (!e)
            e = end;
        size_t n = (size_t)(e - t), k = 0;
        st.lineno++;
        if (n && t[n - 1] == '\r')
            n--;
        while (k < n && (t[k] == ' ' || t[k] == '\t'))
            k++;
        if (k == n) { /* blank; a lone space is a page start without text */
            if (n && !st.lead_pending) {
                st.lead_pending = 1;
                st.lead_off = (int)(t - c->text);
            }
            st.blank = 1;
        } else if (push_text_line(r, &st, t, n, k)) {
            return -1;
        }
        t = e + 1;
    }
    return 0;
}

/* ---- width classes ---- */

/* Whether the line ends on a mark a style may hang past the measure. */
static int ends_hangable(const char *s)
{
    return imp_ends(s, "，") || imp_ends(s, "。") || imp_ends(s, "、");
}

/* Room a first line leaves for its 2-em indent, at least (em): as the
 * width class tells it, and, more leniently, as a line's neighbours are
 * read (imp_raw_indented). */
#define FIRST_ROOM_EM 1.75
#define INDENT_ROOM_EM 1.5

/* Whether line l fits a measure of m em after an indent: its marks
 * squeezed, or its last mark hung where the design hangs. */
static int indent_fits(const imp_raw *r, const imp_rline *l, int m)
{
    return l->min_width <= m - FIRST_ROOM_EM ||
           (r->design->hanging && ends_hangable(l->raw) &&
            l->width - 1 <= m - FIRST_ROOM_EM);
}

int imp_raw_indented(const imp_raw *r, const imp_rline *l, int hung)
{
    double w = l->width;
    if (hung && r->design->hanging && ends_hangable(l->raw))
        w -= 1; /* its last mark past the measure */
    return w <= l->measure - INDENT_ROOM_EM;
}

static int classify_line(const imp_raw *r, const imp_rline *l, int m)
{
    /* a line a character wider than the measure belongs to a run set
     * slightly smaller (an intro); wider ones span the columns */
    if (!l->spaced && l->min_width > m + 1.6)
        return RL_WIDE;
    if (l->spaced) {
        double full = l->ascii >= 4 ? m - 2.5 : m - 1.25;
        if (l->width >= full)
            return RL_FULL;
        return l->width >= m - 4.5 ? RL_FIRST : RL_SHORT;
    }
    if (l->width >= m - 0.75)
        return RL_FULL;
    /* digits and Latin letters are not a whole em: a justified line with
     * some falls short of the measure by less than a character; and in
     * a design whose breaks are chosen over the whole paragraph, a line
     * a character short that ends no sentence is a loose full line */
    if (l->ascii && l->width >= m - 1)
        return RL_FULL;
    /* ... and more than that in a design whose digits are wider than half
     * an em (its Latin gap on either side), when the line ends no sentence
     * (a line that ends none is no paragraph's last) */
    if (!r->design->half_digits && l->ascii && l->width >= m - 1.5 &&
        !imp_raw_ends(l->raw) && !imp_headnum(l->raw))
        return RL_FULL;
    if (r->design->loose && l->width >= m - 1 && !imp_raw_ends(l->raw))
        return RL_FULL;
    /* an indented line fits its 16 em with its punctuation squeezed */
    if (l->min_width <= m - FIRST_ROOM_EM && l->width >= m - 3.25)
        return RL_FIRST;
    /* or fills them and hangs its last mark (、，。) past the measure */
    if (r->design->hanging && ends_hangable(l->raw) && l->width - 1 >= m - 2.75 &&
        l->width - 1 <= m - FIRST_ROOM_EM)
        return RL_FIRST;
    return RL_SHORT;
}

/* Lines set in a smaller face run wider than the column (an intro): a
 * run of them gets its own measure. */
static int overwide(const imp_raw *r, size_t i)
{
    const imp_rline *l = &r->lines[i];
    return !l->tab && !l->spaced && !r->single[l->pg] &&
           l->min_width >= r->measure + 0.5 && l->width <= r->measure + 3.5 &&
           !l->seps;
}

/* The next line after i that is not a side tab's. */
static size_t next_text(const imp_raw *r, size_t i)
{
    size_t j = i + 1;
    while (j < r->nlines && r->lines[j].tab)
        j++;
    return j;
}

/* Whether the line begins with a digit or a Latin letter. */
static int starts_latin(const imp_rline *l)
{
    uint32_t c = imp_first_cp(l->raw);
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
           (c >= 'a' && c <= 'z');
}

/* Whether a line may not start with code point c: a closing mark, a
 * pause, stop, colon or exclamation (the marks kinsoku keeps with the
 * character before them). */
static int no_line_start(uint32_t c)
{
    punct_class k = punct_classify(c);
    return k == PUNCT_CLOSE || k == PUNCT_PAUSE || k == PUNCT_STOP ||
           k == PUNCT_COLON || k == PUNCT_EXCL;
}

/* Whether n is the line read after l in the print: on its page, or the
 * first of the next page when l is the last of its own (a paragraph
 * runs on over the page turn). */
static int read_next(const imp_rline *l, const imp_rline *n)
{
    return n->pg == l->pg || n->pg == l->pg + 1;
}

/* The widest last line a character pulled down to mend a short last
 * line leaves (em, its marks squeezed): two characters and the one
 * pulled, and a mark or two. */
#define ORPHAN_PULL_EM 4.5

/* Whether line i, a character short, ends no sentence and was left short
 * by the composition rather than set as a display line: the next line
 * starts with a character bound to the mark after it (the pair would not
 * fit, and the mark may not start a line), or it is the paragraph's last
 * line of three characters and a mark or fewer (a character pulled down
 * so that no last line holds one or two). */
static int left_short(const imp_rline *l, const imp_rline *n)
{
    if (l->width < l->measure - 1.25 || l->width >= l->measure - 0.75 ||
        imp_raw_ends(l->raw) || n->lead || !read_next(l, n) || n->tab)
        return 0;
    const char *t = n->raw;
    uint32_t c;
    size_t len = strlen(t);
    int m = len ? u8_decode(t, len, &c) : 0;
    uint32_t second = (size_t)m < len ? imp_first_cp(t + m) : 0;
    if (second && no_line_start(second) && !no_line_start(c))
        return 1;
    return n->min_width <= ORPHAN_PULL_EM && imp_raw_ends(n->raw);
}

/* How much more than the number or word that did not fit a line left
 * short before it may lack (em): the gap before the word and the
 * estimate's error (a character after the number need not go with it:
 * 2021 fits where 2021年 does not). */
#define LEAD_SLACK 0.5

/* Width in em of the ASCII run a line begins with, as imp_raw_width
 * counts it. */
static double latin_lead(const imp_rline *l)
{
    double w = 0;
    for (const unsigned char *s = (const unsigned char *)l->raw;
         *s > ' ' && *s < 0x80; s++)
        w += ascii_em(*s);
    return w;
}

/* Whether line l's estimated width is its natural width in a design set
 * loose (no Latin: a justified line a character short was stretched), or
 * in one whose digits are half an em and set with no gap, which the
 * extraction shows (a source that spaced its numbers is read with a
 * quarter em a space, and a justified line of it may fall short of the
 * measure by more than the estimate can tell). */
static int estimate_exact(const imp_raw *r, const imp_rline *l)
{
    if (!l->ascii)
        return r->design->loose;
    return r->design->half_digits && !l->latin_gaps;
}

/* The line before line i when it stands in the same column run as i (no
 * side tab or page start between them), else NULL. */
static const imp_rline *p_of(const imp_raw *r, size_t i)
{
    const imp_rline *p = i > 0 ? &r->lines[i - 1] : NULL;
    return p && !p->tab && !r->lines[i].lead && p->pg == r->lines[i].pg ? p
                                                                         : NULL;
}

/* Whether line l, taken for full, opens a paragraph: after a line p
 * that ends a sentence, with marks to squeeze for an indent, when it is
 * numbered, or a character short where its width is known (a first
 * line is likelier than a line set loose). */
static int opens_after_end(const imp_raw *r, const imp_rline *l,
                           const imp_rline *p)
{
    if (l->width_class != RL_FULL || l->tab || !p || !imp_raw_ends(p->raw) ||
        !indent_fits(r, l, l->measure))
        return 0;
    /* a numbered line (（三） 一是 第三，) squeezed for its indent, or one
     * a character short whose width is known */
    return imp_headnum(l->raw) ||
           (estimate_exact(r, l) && l->width < l->measure - 0.75);
}

/* Line l, before n that begins with a number or Latin word and ending no
 * sentence itself: full (left short because the word did not fit) or a
 * paragraph's first line. Full when it is too wide for the indent, its
 * marks squeezed; a first line when it is short by more than the word;
 * else full after an unfinished line (p's paragraph goes on), and after a
 * finished one when an indent would not leave it room unsqueezed (a
 * first line squeezed tight is rarer than a full line left short). */
static int left_loose(const imp_rline *l, const imp_rline *p,
                      const imp_rline *n, const imp_raw *r)
{
    if (!indent_fits(r, l, l->measure))
        return 1;
    if (l->measure - l->width > latin_lead(n) + LEAD_SLACK)
        return 0;
    if (!p)
        return 0;
    if (imp_raw_ends(p->raw))
        return l->width > l->measure - 2;
    return p->width_class == RL_FULL || p->width_class == RL_FIRST;
}

/* A line left short because the number or Latin word after it did not
 * fit is justified with its gaps stretched, which the extraction need
 * not show (poppler closes up evenly spaced letters): when the full line
 * after it on its page begins with digits or letters and it ends no
 * sentence, it is full itself or a paragraph's first line (left_loose). */
static void loose_lines(imp_raw *r)
{
    for (size_t i = 0; i + 1 < r->nlines; i++) {
        imp_rline *l = &r->lines[i];
        const imp_rline *p = p_of(r, i);
        if (opens_after_end(r, l, p)) {
            l->width_class = RL_FIRST;
            continue;
        }
        size_t j = next_text(r, i);
        if (l->tab || l->width_class == RL_FULL ||
            l->width_class == RL_WIDE || j >= r->nlines)
            continue;
        const imp_rline *n = &r->lines[j];
        if (left_short(l, n)) {
            l->width_class = RL_FULL;
            continue;
        }
        if (n->lead || !read_next(l, n) || !starts_latin(n) ||
            imp_raw_ends(l->raw))
            continue;
        l->width_class = left_loose(l, p, n, r) ? RL_FULL : RL_FIRST;
    }
}

void imp_raw_classify(imp_raw *r)
{
    for (size_t i = 0; i < r->nlines; i++) {
        imp_rline *l = &r->lines[i];
        if (l->tab)
            continue;
        int m = r->single[l->pg] && r->single_measure ? r->single_measure
                                                      : r->measure;
        /* a line of an over-wide run, or the first line before one */
        size_t j = next_text(r, i), k = next_text(r, j);
        int here = overwide(r, i) && ((i > 0 && overwide(r, i - 1)) ||
                                      (j < r->nlines && overwide(r, j)));
        int before = j < r->nlines && k < r->nlines && overwide(r, j) &&
                     overwide(r, k) && classify_line(r, l, m) == RL_SHORT;
        if (here || before)
            m = (int)lround(here ? l->width : r->lines[j].width);
        l->measure = m;
        l->width_class = classify_line(r, l, m);
    }
    loose_lines(r);
}

/* ---- cleaning ---- */

void imp_raw_clean(imp_raw *r)
{
    imp_ctx *c = r->ctx;
    uint32_t prev = 0;
    for (size_t i = 0; i < r->nlines; i++) {
        imp_rline *l = &r->lines[i];
        if (l->tab)
            continue;
        int removed = 0, kept = 0, *cols = NULL;
        char *t = imp_despace(c->ar, l->raw, strlen(l->raw), l->col0, &cols,
                              &removed, &kept);
        if (removed)
            imp_note(c, IMP_R_SPACE, l->line, 1, removed, "%d space%s removed",
                     removed, removed > 1 ? "s" : "");
        if (kept)
            imp_note(c, IMP_R_SEP, l->line, 1, kept, "real space kept as "
                     "U+3000 in «%s»", t);
        size_t j = next_text(r, i);
        uint32_t next = j < r->nlines ? imp_first_cp(r->lines[j].raw) : 0;
        l->text = t ? imp_normalize(c, t, prev, next, l->line, cols, l->col0)
                    : NULL;
        l->cols = cols;
        if (!l->text)
            l->text = "";
        prev = imp_last_cp(l->text);
    }
}
