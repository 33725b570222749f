/* rawpages.c: raw extractions: side tabs, the measure of the design and
 * the pages (docs/import.md, Pages and Side tabs) */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "imp.h"

/* A side tab's characters come one per line; a run of at least this many
 * such lines is a tab (shorter runs are excerpt numbers, names). */
#define TAB_MIN_RUN 3
/* A page start is spurious when its page holds fewer text lines than
 * this fraction of a column and fits on the previous page. */
#define SPURIOUS_FRACTION 0.5
/* Head room over the grid lines of a page: title lines count as lines. */
#define PAGE_SLACK 6
/* Widths in em counted for the measure; the column measure lies in
 * [MEASURE_MIN, MEASURE_MAX], the single one beyond 1.6 of it. */
#define WIDTH_MAX 80
#define MEASURE_MIN 8
#define MEASURE_MAX 30
#define SINGLE_FACTOR 1.6
/* Lines of the single-column measure needed to believe in it. */
#define SINGLE_MIN_LINES 10
/* How far under a declared one-column measure its justified lines'
 * estimated widths may fall (em). */
#define SINGLE_SPREAD 3

/* ---- side tabs ---- */

typedef struct tab_info {
    size_t first, end; /* its lines [first, end) */
    int glued;         /* bytes of the name glued to the line before */
    int number;        /* page number printed in it, 0: none */
    const char *column, *text;
} tab_info;

/* One side-tab character per line: a Han character, or a number of up
 * to three digits (a page number, or the digits of a year one a line).
 * A line of two or three Han characters is no tab's: a name. */
static int tab_char_line(const imp_rline *l)
{
    const char *s = l->raw;
    size_t len = strlen(s);
    int han = 0, digits = 0;
    while (len) {
        uint32_t cp;
        int m = u8_decode(s, len, &cp);
        if (u8_is_han(cp))
            han++;
        else if (punct_classify(cp) == PUNCT_DIGIT)
            digits++;
        else if (cp != ' ')
            return 0;
        s += m;
        len -= (size_t)m;
    }
    return (han == 1 && !digits) || (!han && digits >= 1 && digits <= 3);
}

/* How many Han characters s holds when it holds nothing else (spaces
 * aside), else 0. */
static int han_only(const char *s)
{
    size_t len = strlen(s);
    int n = 0;
    while (len) {
        uint32_t cp;
        int m = u8_decode(s, len, &cp);
        if (!u8_is_han(cp) && cp != ' ')
            return 0;
        n += cp != ' ';
        s += m;
        len -= (size_t)m;
    }
    return n;
}

/* The column name set across a tab (2023 design): a line of two to
 * eight Han characters right after the tab's page number (its second
 * line, when it wraps, follows with no blank line). */
static int across_column(const imp_rline *l, const imp_rline *before)
{
    for (const char *b = before->raw; *b; b++)
        if (*b < '0' || *b > '9')
            return 0;
    int n = han_only(l->raw);
    return n >= 2 && n <= 8;
}

/* The issue in a tab: 2022年第9期 (even pages) or 总第419期 (odd pages),
 * its characters scrambled by the vertical setting. */
static void tab_issue(imp_ctx *c, const tab_info *t, const char *rest)
{
    int nums[4], nn = 0, v = -1;
    for (; *rest; rest++) {
        int d = -1;
        if (*rest >= '0' && *rest <= '9')
            d = *rest - '0';
        else if (!strncmp(rest, "\xef\xbc", 2) &&
                 (unsigned char)rest[2] >= 0x90 &&
                 (unsigned char)rest[2] <= 0x99)
            d = (unsigned char)rest[2] - 0x90, rest += 2; /* ０-９ */
        if (d >= 0)
            v = (v < 0 ? 0 : v * 10) + d;
        else if (v >= 0 && nn < 4)
            nums[nn++] = v, v = -1;
    }
    if (v >= 0 && nn < 4)
        nums[nn++] = v;
    for (int i = 0; i < nn; i++) {
        if (nums[i] >= 1950 && nums[i] <= 2100 && !c->doc.year)
            c->doc.year = nums[i];
        else if (nums[i] >= 1 && nums[i] <= 24 && !c->doc.issue &&
                 strstr(t->text, "年"))
            c->doc.issue = nums[i];
        else if (nums[i] > 24 && nums[i] < 1950 && strstr(t->text, "总") &&
                 !c->doc.total)
            c->doc.total = nums[i];
    }
}

/* Page number, 栏目 and issue of a tab's text after the name (each
 * only where not read yet). */
static void parse_tab(imp_raw *r, tab_info *t, const char *rest)
{
    imp_ctx *c = r->ctx;
    int num = 0, nd = 0;
    while (*rest >= '0' && *rest <= '9' && nd < 4)
        num = num * 10 + (*rest++ - '0'), nd++;
    if (nd && nd <= 3 && !t->number)
        t->number = num;
    const char *col = rest;
    size_t len = strlen(rest);
    while (len) {
        uint32_t cp;
        int m = u8_decode(rest, len, &cp);
        if (!u8_is_han(cp) || cp == 0x603B /* 总 */)
            break;
        rest += m;
        len -= (size_t)m;
    }
    if (u8_count(col, (size_t)(rest - col)) >= 2 && !t->column)
        t->column = ar_strndup(c->ar, col, (size_t)(rest - col));
    tab_issue(c, t, rest);
}

/* Bytes of a prefix of the name glued to the end of line i - 1, the
 * rest of it starting line i; 0 when none. */
static int glued_prefix(imp_raw *r, size_t i, const char *name)
{
    if (i == 0 || r->lines[i - 1].tab)
        return 0;
    const char *before = r->lines[i - 1].raw, *here = r->lines[i].raw;
    for (size_t k = 3; k < strlen(name); k += 3)
        if (imp_ends(before, ar_strndup(r->ctx->ar, name, k)) &&
            !strncmp(here, name + k, strlen(here)) && strlen(before) > k)
            return (int)k;
    return 0;
}

/* The run of tab-character lines at i, with a name glued to the line
 * before; 0 when it is no side tab. */
static int tab_at(imp_raw *r, size_t i, const char *name, tab_info *t)
{
    size_t j = i;
    sb_buf sb;
    int across = 0; /* lines of a column name set across the tab */
    while (j < r->nlines && (j == i || !r->lines[j].lead)) {
        const imp_rline *l = &r->lines[j];
        if (tab_char_line(l))
            across = 0;
        else if (j > i && (across_column(l, &r->lines[j - 1]) ||
                           (across && l->adj && han_only(l->raw))))
            across = 1;
        else
            break;
        j++;
    }
    sb_init(&sb);
    int glued = glued_prefix(r, i, name);
    sb_add(&sb, name, (size_t)glued);
    for (size_t k = i; k < j; k++)
        sb_adds(&sb, imp_nospace(r->ctx->ar, r->lines[k].raw));
    const char *run = sb.s ? sb.s : "";
    /* the name opens the run, or stands inside it: the parts of a tab
     * may come out in another order (page number and 栏目 first) */
    const char *at = strstr(run, name);
    int is_tab = at && (at == run ? j - i >= TAB_MIN_RUN || glued
                                  : j - i >= TAB_MIN_RUN + 1);
    /* a lone first character of the name right before a page start */
    if (!is_tab && !glued && j < r->nlines && r->lines[j].lead &&
        r->lines[j].adj && sb.len < strlen(name) && !strncmp(name, run, sb.len))
        is_tab = 1;
    if (is_tab) {
        t->first = i;
        t->end = j;
        t->glued = glued;
        t->text = ar_strndup(r->ctx->ar, run, sb.len);
        t->number = 0;
        t->column = NULL;
        if (at) {
            size_t pre = (size_t)(at - run);
            parse_tab(r, t, t->text + pre + strlen(name));
            if (pre)
                parse_tab(r, t, ar_strndup(r->ctx->ar, run, pre));
        } else {
            parse_tab(r, t, t->text + sb.len);
        }
    }
    sb_free(&sb);
    return is_tab ? (int)(j - i) : 0;
}

/* The name's characters glued to the end of the line before the tab at
 * i: cut off, and a repair. */
static void unglue(imp_raw *r, size_t i, int glued)
{
    imp_rline *p = &r->lines[i - 1];
    size_t len = strlen(p->raw) - (size_t)glued;
    imp_note(r->ctx, IMP_R_TIAN, p->line, (int)u8_count(p->raw, len) + 1, 1,
             "«%s» at the end of the line belongs to the side tab below",
             p->raw + len);
    p->raw = ar_strndup(r->ctx->ar, p->raw, len);
    imp_raw_width(p);
}

static int find_tabs(imp_raw *r, tab_info **tabs, size_t *ntabs)
{
    const char *name = r->ctx->doc.publication;
    size_t cap = 0;
    if (!name)
        return 0;
    for (size_t i = 0; i < r->nlines; i++) {
        tab_info t;
        if (!tab_char_line(&r->lines[i]) || !tab_at(r, i, name, &t))
            continue;
        for (size_t k = t.first; k < t.end; k++)
            r->lines[k].tab = 1;
        if (t.glued)
            unglue(r, i, t.glued);
        tab_info *slot = AR_PUSH(r->ctx->ar, *tabs, *ntabs, cap);
        if (slot)
            *slot = t;
        i = t.end - 1;
    }
    return 0;
}

/* ---- measure ---- */

static int mode_of(const int *hist, int lo, int hi)
{
    int best = 0;
    for (int w = lo; w <= hi; w++)
        if (hist[w] > hist[best] || !best)
            best = hist[w] ? w : best;
    return hist[best] ? best : 0;
}

static int cmp_int(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

/* The 90th percentile of v (sorted in place), 0 when empty. */
static int p90(int *v, size_t n)
{
    if (!n)
        return 0;
    qsort(v, n, sizeof *v, cmp_int);
    return v[(n * 9) / 10 < n ? (n * 9) / 10 : n - 1];
}

/* Where the wide lines are too few or too uneven for a most frequent
 * width (a short one-column piece, its lines' estimates spread by digits
 * and marks), the one-column measure the designs of this column measure
 * declare, when enough lines lie just under it; and that measure where
 * the most frequent width lies an indent under it. */
static void declared_single(imp_raw *r, const int *hist)
{
    int d = imp_design_single(r->ctx, r->ctx->pub, r->measure), n = 0;
    /* (a style's one-column measure near its column's would take the
     * column's own lines for one-column ones) */
    if (!d || d < r->measure * SINGLE_FACTOR || d + 1 >= WIDTH_MAX)
        return;
    int m = r->single_measure;
    if (m) {
        /* a piece of short paragraphs: the most frequent width is that of
         * first lines, an indent under the declared measure */
        if (m < d && m >= d - 2 && 2 * hist[d] >= SINGLE_MIN_LINES)
            r->single_measure = d;
        return;
    }
    for (int w = d - SINGLE_SPREAD; w <= d + 1; w++)
        n += hist[w];
    if (n >= SINGLE_MIN_LINES)
        r->single_measure = d;
}

/* The column measure: the most frequent width; the single measure: the
 * most frequent one beyond 1.6 of it. */
static void design_measure(imp_raw *r)
{
    int hist[WIDTH_MAX] = {0};
    for (size_t i = 0; i < r->nlines; i++) {
        const imp_rline *l = &r->lines[i];
        int w = (int)lround(l->width);
        if (!l->tab && w >= MEASURE_MIN && w < WIDTH_MAX)
            hist[w]++;
    }
    r->measure = mode_of(hist, MEASURE_MIN, MEASURE_MAX);
    int lo = (int)(r->measure * SINGLE_FACTOR);
    r->single_measure = lo < WIDTH_MAX ? mode_of(hist, lo, WIDTH_MAX - 1) : 0;
    if (r->single_measure && hist[r->single_measure] < SINGLE_MIN_LINES)
        r->single_measure = 0;
    declared_single(r, hist);
}

/* ---- pages ---- */

typedef struct pstart {
    size_t first_line; /* index of its first line */
    int off;           /* byte offset of the page start */
    int count;         /* text lines up to the next start */
    int single;        /* a one-column page */
    const tab_info *tab; /* the side tab that starts it, if any */
} pstart;

static void count_page(imp_raw *r, pstart *p, size_t end)
{
    int wide = 0, col = 0;
    p->count = 0;
    for (size_t i = p->first_line; i < end; i++) {
        const imp_rline *l = &r->lines[i];
        if (l->tab)
            continue;
        p->count++;
        if (r->single_measure && l->width > 1.5 * r->measure)
            wide++;
        else if (l->width >= r->measure - 3)
            col++;
    }
    p->single = wide > col;
}

static size_t page_end(imp_raw *r, pstart *ps, size_t np, size_t k)
{
    return k + 1 < np ? ps[k + 1].first_line : r->nlines;
}

/* Lines per column: the fullest two-column pages' lines, halved. */
static void lines_per_column(imp_raw *r, pstart *ps, size_t np)
{
    int *dbl = malloc((np + 1) * sizeof *dbl);
    size_t nd = 0;
    if (!dbl)
        return;
    for (size_t k = 0; k < np; k++)
        if (!ps[k].single)
            dbl[nd++] = ps[k].count;
    r->lines_per_col = (p90(dbl, nd) + 1) / 2;
    r->ctx->lines_per_col = r->lines_per_col;
    free(dbl);
}

static int capacity(const imp_raw *r, const pstart *p)
{
    return (p->single ? r->lines_per_col : 2 * r->lines_per_col) + PAGE_SLACK;
}

/* Whether lines [a, b) hold a side tab with its page number: a page of
 * its own, however little text it has (an article's last line and note
 * run over onto it). */
static int numbered_tab_in(size_t a, size_t b, const tab_info *tabs,
                           size_t ntabs)
{
    for (size_t t = 0; t < ntabs; t++)
        if (tabs[t].first >= a && tabs[t].first < b && tabs[t].number)
            return 1;
    return 0;
}

/* Merge page starts whose page is too short to be one. */
static size_t drop_spurious(imp_raw *r, pstart *ps, size_t np,
                            const tab_info *tabs, size_t ntabs)
{
    size_t out = 0;
    for (size_t k = 0; k < np; k++) {
        size_t end = k + 1 < np ? ps[k + 1].first_line : r->nlines;
        if (out && ps[k].count < r->lines_per_col * SPURIOUS_FRACTION &&
            !numbered_tab_in(ps[k].first_line, end, tabs, ntabs) &&
            ps[out - 1].count + ps[k].count <= capacity(r, &ps[out - 1])) {
            const imp_rline *l = &r->lines[ps[k].first_line];
            imp_note(r->ctx, IMP_R_PAGE, l->line, 1, 1, "page start ignored: "
                     "its page would hold %d lines, and the page before (%d "
                     "lines) has room for them", ps[k].count,
                     ps[out - 1].count);
            r->ctx->spurious_starts++;
            ps[out - 1].count += ps[k].count;
            continue;
        }
        ps[out++] = ps[k];
    }
    return out;
}

/* A page starts at a side tab that stands where no page start is, when
 * the page would overflow without it or the tab's number says so. */
static size_t split_at_tabs(imp_raw *r, pstart **psp, size_t np, size_t *cap,
                            const tab_info *tabs, size_t ntabs)
{
    for (size_t t = 0; t < ntabs; t++) {
        if (tabs[t].end >= r->nlines || r->lines[tabs[t].end].lead)
            continue;
        pstart *ps = *psp;
        size_t k = 0;
        while (k + 1 < np && ps[k + 1].first_line <= tabs[t].first)
            k++;
        int expected = (int)k + 2;
        if (ps[k].count <= capacity(r, &ps[k]) && tabs[t].number != expected)
            continue;
        if (!AR_PUSH(r->ctx->ar, *psp, np, *cap))
            return np - 1;
        ps = *psp;
        memmove(&ps[k + 2], &ps[k + 1], (np - k - 2) * sizeof *ps);
        ps[k + 1].first_line = tabs[t].first;
        ps[k + 1].off = r->lines[tabs[t].first].off;
        ps[k + 1].tab = &tabs[t];
        count_page(r, &ps[k], ps[k + 1].first_line);
        count_page(r, &ps[k + 1], page_end(r, ps, np, k + 1));
        r->ctx->tab_starts++;
        imp_note(r->ctx, IMP_R_PAGE, r->lines[tabs[t].first].line, 1, 1,
                 "page start at a side tab (no leading space)");
    }
    return np;
}

/* The side tab's number and column for page p; *shift follows a tab
 * whose number disagrees with the count. */
static void tab_of_page(imp_raw *r, imp_page *p, const tab_info *tab,
                        int *shift)
{
    imp_ctx *c = r->ctx;
    if (tab->column)
        p->column = tab->column;
    if (tab->number && tab->number != p->page) {
        imp_warn(c, IMP_LOOK, r->lines[tab->first].line, 1, "side tab says page %d, "
                 "counting page starts gives %d: numbering follows the tab "
                 "from here", tab->number, p->page);
        *shift += tab->number - p->page;
        p->page = tab->number;
    } else if (tab->number) {
        imp_note(c, IMP_R_PAGE, r->lines[tab->first].line, 1, 1, "side tab's "
                 "page number %d agrees with the count of page starts",
                 tab->number);
    }
}

/* The column (栏目) a running head of lines [a, b) names: one with no
 * digit and not the publication's name (that one carries the issue). */
static const char *column_head(imp_raw *r, size_t a, size_t b)
{
    const char *pub = r->ctx->doc.publication;
    for (size_t i = a; i < b; i++) {
        const char *t = r->lines[i].raw;
        if (!r->lines[i].runhead || strpbrk(t, "0123456789") ||
            (pub && strstr(t, pub)))
            continue;
        return imp_nospace(r->ctx->ar, t);
    }
    return NULL;
}

/* A folio on page p (lines [a, b)) numbers it: the pages before the
 * first numbered one (a cover, the contents) are not counted in print. */
static void folio_of_page(imp_raw *r, imp_page *p, size_t a, size_t b,
                          int *shift)
{
    for (size_t i = a; i < b; i++) {
        int f = r->lines[i].folio;
        if (!f || f == p->page)
            continue;
        imp_note(r->ctx, IMP_R_PAGE, r->lines[i].line, 1, 1, "folio %d on "
                 "the page counted as %d: numbering follows the folio", f,
                 p->page);
        *shift += f - p->page;
        p->page = f;
        return;
    }
}

/* Number the pages from 1, checking against the numbers of side tabs and
 * following the folios. */
static void number_pages(imp_raw *r, pstart *ps, size_t np,
                         const tab_info *tabs, size_t ntabs)
{
    imp_ctx *c = r->ctx;
    int shift = 0;
    size_t t = 0;
    for (size_t k = 0; k < np; k++) {
        size_t end = page_end(r, ps, np, k);
        imp_page *p = AR_PUSH(c->ar, c->doc.pages, c->doc.npages,
                              c->doc.cappages);
        if (!p)
            return;
        p->page = (int)k + 1 + shift;
        p->index = (int)imp_input_off(c, (size_t)ps[k].off);
        p->line = r->lines[ps[k].first_line].line;
        /* tabs on this page (pdftotext ends a page with its form feed,
         * so a tab right before a page start is still this page's) */
        for (; t < ntabs && tabs[t].end <= end && tabs[t].end < r->nlines;
             t++)
            tab_of_page(r, p, &tabs[t], &shift);
        folio_of_page(r, p, ps[k].first_line, end, &shift);
        if (!p->column)
            p->column = column_head(r, ps[k].first_line, end);
        for (size_t i = ps[k].first_line; i < end; i++)
            r->lines[i].pg = (int)k;
        r->single[k] = (unsigned char)ps[k].single;
    }
}

static void report_tabs(imp_raw *r, const tab_info *tabs, size_t ntabs)
{
    for (size_t t = 0; t < ntabs; t++) {
        const imp_rline *l = &r->lines[tabs[t].first];
        int page = r->ctx->doc.pages[l->pg].page;
        imp_note(r->ctx, IMP_X_TAB, l->line, 1, (int)u8_count(tabs[t].text,
                 strlen(tabs[t].text)), "«%s» side tab%s%s%s (page %d)",
                 tabs[t].text, tabs[t].column ? " of the column «" : "",
                 tabs[t].column ? tabs[t].column : "",
                 tabs[t].column ? "»" : "", page);
    }
}

/* Whether line i opens one of the side tabs. */
static int opens_tab(size_t i, const tab_info *tabs, size_t ntabs)
{
    for (size_t t = 0; t < ntabs; t++)
        if (tabs[t].first == i)
            return 1;
    return 0;
}

/* The page starts: a line with a leading space (inside a side tab only
 * when it opens the tab: a page whose text begins with its tab), and
 * the first line. */
static pstart *page_starts(imp_raw *r, size_t *np, size_t *cap,
                           const tab_info *tabs, size_t ntabs)
{
    pstart *ps = NULL;
    for (size_t i = 0; i < r->nlines; i++)
        if ((r->lines[i].lead &&
             (!r->lines[i].tab || opens_tab(i, tabs, ntabs))) || i == 0) {
            pstart *p = AR_PUSH(r->ctx->ar, ps, *np, *cap);
            if (!p)
                return NULL;
            p->first_line = i;
            p->off = i == 0 && !r->lines[i].lead ? 0 : r->lines[i].off;
            p->tab = NULL;
        }
    return ps;
}

/* Running heads and folios at the edges of the pages found so far. */
static int furniture(imp_raw *r, const pstart *ps, size_t np)
{
    size_t *starts = malloc((np + 1) * sizeof *starts);
    if (!starts)
        return -1;
    for (size_t k = 0; k < np; k++)
        starts[k] = ps[k].first_line;
    int rc = imp_raw_furniture(r, starts, np);
    free(starts);
    return rc;
}

int imp_raw_pages(imp_raw *r)
{
    imp_ctx *c = r->ctx;
    tab_info *tabs = NULL;
    size_t ntabs = 0, np = 0, cap = 0;
    if (find_tabs(r, &tabs, &ntabs))
        return -1;
    design_measure(r);
    pstart *ps = page_starts(r, &np, &cap, tabs, ntabs);
    if (!ps && r->nlines)
        return -1;
    c->page_starts = (int)np;
    if (furniture(r, ps, np))
        return -1;
    for (size_t k = 0; k < np; k++)
        count_page(r, &ps[k], page_end(r, ps, np, k));
    lines_per_column(r, ps, np);
    np = drop_spurious(r, ps, np, tabs, ntabs);
    np = split_at_tabs(r, &ps, np, &cap, tabs, ntabs);
    r->single = ar_alloc(c->ar, np + 1);
    if (!r->single)
        return -1;
    number_pages(r, ps, np, tabs, ntabs);
    report_tabs(r, tabs, ntabs);
    return 0;
}
