/* import_raw.c: raw extractions, first half: printed lines, side tabs,
 * pages, the measure of the design, cleaning and width classes */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "imp.h"

#define ends_with imp_ends

/* A side tab's characters come one per line; a run of at least this many
 * such lines is a tab (shorter runs are excerpt numbers, names). */
#define TAB_MIN_RUN 3
/* A page start is spurious when its page holds fewer text lines than
 * this fraction of a column and fits on the previous page. */
#define SPURIOUS_FRACTION 0.5
/* Head room over the grid lines of a page: title lines count as lines. */
#define PAGE_SLACK 6

/* Punctuation a justified line may squeeze to half an em. */
static const uint32_t squeezable[] = {
    0xFF0C, 0x3001, 0x3002, 0xFF1B, 0xFF1A, 0x201C, 0x201D, 0x2018, 0x2019,
    0xFF08, 0xFF09, 0x300A, 0x300B, 0x3010, 0x3011, 0xFF01, 0xFF1F,
};

static int is_squeezable(uint32_t cp)
{
    for (size_t i = 0; i < sizeof squeezable / sizeof *squeezable; i++)
        if (squeezable[i] == cp)
            return 1;
    return 0;
}

static int sp(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000;
}

/* ---- lines ---- */

/* Width of a raw line in em: Chinese characters one em, ASCII half an em,
 * the space the original set around a Latin run a quarter em, a real
 * space (two or more) one em. Letter-spacing spaces count nothing. */
static void measure(imp_rline *l)
{
    const char *s = l->raw;
    size_t len = strlen(s);
    int cjk = 0, ascii = 0, squeeze = 0, latin_gap = 0, cjk_gap = 0;
    double wide = 0; /* extra width of capitals and % over half an em */
    uint32_t prev = 0;
    l->seps = 0;
    while (len) {
        uint32_t cp;
        int m = u8_decode(s, len, &cp);
        if (!sp(cp)) {
            cp < 0x80 ? ascii++ : cjk++;
            if ((cp >= 'A' && cp <= 'Z') || cp == '%')
                wide += 0.2;
            squeeze += is_squeezable(cp);
            prev = cp;
            s += m;
            len -= (size_t)m;
            continue;
        }
        int run = 0;
        while (len && (m = u8_decode(s, len, &cp)) && sp(cp)) {
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
    l->spaced = cjk_gap >= 3 && cjk_gap * 3 >= cjk;
    l->w = cjk + 0.5 * ascii + wide + l->seps +
           (l->spaced ? 0 : 0.25 * latin_gap);
    l->minw = l->w - 0.5 * squeeze;
}

static int split_lines(imp_raw *r)
{
    imp_ctx *c = r->c;
    const char *t = c->text, *end = c->text + c->len;
    int lineno = 0, blank = 1, lead_pending = 0, lead_off = 0;
    while (t < end) {
        const char *e = memchr(t, '\n', (size_t)(end - t));
        if (!e)
            e = end;
        size_t n = (size_t)(e - t), k = 0;
        lineno++;
        if (n && t[n - 1] == '\r')
            n--;
        while (k < n && (t[k] == ' ' || t[k] == '\t'))
            k++;
        if (k == n) { /* blank; a lone space is a page start without text */
            if (n && !lead_pending) {
                lead_pending = 1;
                lead_off = (int)(t - c->text);
            }
            blank = 1;
        } else {
            imp_rline *l = AR_PUSH(c->ar, r->l, r->n, r->cap);
            if (!l)
                return -1;
            l->line = lineno;
            l->lead = k > 0 || lead_pending;
            l->off = lead_pending && !k ? lead_off : (int)(t - c->text);
            l->adj = !blank;
            while (n > k && (t[n - 1] == ' ' || t[n - 1] == '\t'))
                n--;
            l->raw = ar_strndup(c->ar, t + k, n - k);
            l->cols = NULL;
            measure(l);
            lead_pending = 0;
            blank = 0;
            l->col0 = (int)k + 1;
        }
        t = e + 1;
    }
    return 0;
}

/* ---- side tabs ---- */

typedef struct tab_info {
    size_t first, end; /* its lines [first, end) */
    int glued;         /* bytes of the name glued to the line before */
    int number;        /* page number printed in it, 0: none */
    const char *column, *text;
} tab_info;

/* One side-tab character per line: a Han character or a digit. */
static int tab_char_line(const imp_rline *l)
{
    const char *s = l->raw;
    size_t len = strlen(s);
    int n = 0;
    while (len) {
        uint32_t cp;
        int m = u8_decode(s, len, &cp);
        int digit = (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
        if (!u8_is_han(cp) && !digit)
            return 0;
        n++;
        s += m;
        len -= (size_t)m;
    }
    return n >= 1 && n <= 3;
}


/* Page number, 栏目 and issue of a tab's text after the name. */
static void parse_tab(imp_raw *r, tab_info *t, const char *rest)
{
    imp_ctx *c = r->c;
    int num = 0, nd = 0;
    while (*rest >= '0' && *rest <= '9' && nd < 4)
        num = num * 10 + (*rest++ - '0'), nd++;
    if (nd && nd <= 3)
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
    if (u8_count(col, (size_t)(rest - col)) >= 2)
        t->column = ar_strndup(c->ar, col, (size_t)(rest - col));
    /* the issue: 2022年第9期 (even pages) or 总第419期 (odd pages), its
     * characters scrambled by the vertical setting */
    int nums[4], nn = 0, v = -1;
    for (; *rest; rest++) {
        int d = -1;
        if (*rest >= '0' && *rest <= '9')
            d = *rest - '0';
        else if (!strncmp(rest, "\xef\xbc", 2) &&
                 (unsigned char)rest[2] >= 0x90 && (unsigned char)rest[2] <= 0x99)
            d = (unsigned char)rest[2] - 0x90, rest += 2;
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

/* The run of tab-character lines at i, with a name glued to the line
 * before; 0 when it is no side tab. */
static int tab_at(imp_raw *r, size_t i, const char *name, tab_info *t)
{
    size_t j = i;
    sb_buf sb;
    while (j < r->n && tab_char_line(&r->l[j]) && (j == i || !r->l[j].lead))
        j++;
    sb_init(&sb);
    int glued = 0;
    if (i > 0 && !r->l[i - 1].tab) {
        /* a prefix of the name at the end of the line before */
        for (size_t k = 3; k < strlen(name); k += 3)
            if (ends_with(r->l[i - 1].raw, ar_strndup(r->c->ar, name, k)) &&
                !strncmp(r->l[i].raw, name + k, strlen(r->l[i].raw)) &&
                strlen(r->l[i - 1].raw) > k) {
                glued = (int)k;
                sb_add(&sb, name, k);
                break;
            }
    }
    for (size_t k = i; k < j; k++)
        sb_adds(&sb, r->l[k].raw);
    const char *run = sb.s ? sb.s : "";
    int is_tab = !strncmp(run, name, strlen(name)) &&
                 (j - i >= TAB_MIN_RUN || glued);
    /* a lone first character of the name right before a page start */
    if (!is_tab && !glued && j < r->n && r->l[j].lead && r->l[j].adj &&
        sb.len < strlen(name) && !strncmp(name, run, sb.len))
        is_tab = 1;
    if (is_tab) {
        t->first = i;
        t->end = j;
        t->glued = glued;
        t->text = ar_strndup(r->c->ar, run, sb.len);
        t->number = 0;
        t->column = NULL;
        parse_tab(r, t, t->text + (sb.len >= strlen(name) ? strlen(name)
                                                           : sb.len));
    }
    sb_free(&sb);
    return is_tab ? (int)(j - i) : 0;
}

static int find_tabs(imp_raw *r, tab_info **tabs, size_t *ntabs)
{
    const char *name = r->c->doc.publication;
    size_t cap = 0;
    if (!name)
        return 0;
    for (size_t i = 0; i < r->n; i++) {
        tab_info t;
        if (!tab_char_line(&r->l[i]) || !tab_at(r, i, name, &t))
            continue;
        for (size_t k = t.first; k < t.end; k++)
            r->l[k].tab = 1;
        if (t.glued) {
            imp_rline *p = &r->l[i - 1];
            size_t len = strlen(p->raw) - (size_t)t.glued;
            imp_note(r->c, IMP_R_TIAN, p->line, (int)u8_count(p->raw, len) + 1,
                     1, "«%s» at the end of the line belongs to the side tab "
                     "below", p->raw + len);
            p->raw = ar_strndup(r->c->ar, p->raw, len);
            measure(p);
        }
        tab_info *slot = AR_PUSH(r->c->ar, *tabs, *ntabs, cap);
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

static void design_measure(imp_raw *r)
{
    int hist[80] = {0};
    for (size_t i = 0; i < r->n; i++) {
        const imp_rline *l = &r->l[i];
        int w = (int)lround(l->w);
        if (!l->tab && w >= 8 && w < 80)
            hist[w]++;
    }
    r->M = mode_of(hist, 8, 30);
    int lo = (int)(r->M * 1.6);
    r->S = lo < 80 ? mode_of(hist, lo, 79) : 0;
    if (r->S && hist[r->S] < 10)
        r->S = 0;
}

/* ---- pages ---- */

typedef struct pstart {
    size_t li;   /* index of its first line */
    int off;     /* byte offset of the page start */
    int count;   /* text lines up to the next start */
    int single;  /* a one-column page */
    const tab_info *tab; /* the side tab that starts it, if any */
} pstart;

static void count_page(imp_raw *r, pstart *p, size_t end)
{
    int wide = 0, col = 0;
    p->count = 0;
    for (size_t i = p->li; i < end; i++) {
        const imp_rline *l = &r->l[i];
        if (l->tab)
            continue;
        p->count++;
        if (r->S && l->w > 1.5 * r->M)
            wide++;
        else if (l->w >= r->M - 3)
            col++;
    }
    p->single = wide > col;
}

static size_t page_end(imp_raw *r, pstart *ps, size_t np, size_t k)
{
    return k + 1 < np ? ps[k + 1].li : r->n;
}

static void lines_per_column(imp_raw *r, pstart *ps, size_t np)
{
    int *dbl = malloc((np + 1) * sizeof *dbl), *sgl = malloc((np + 1) * sizeof *sgl);
    size_t nd = 0, ns = 0;
    if (!dbl || !sgl) {
        free(dbl);
        free(sgl);
        return;
    }
    for (size_t k = 0; k < np; k++)
        if (ps[k].single)
            sgl[ns++] = ps[k].count;
        else
            dbl[nd++] = ps[k].count;
    r->L = (p90(dbl, nd) + 1) / 2;
    r->c->lines_per_col = r->L;
    free(dbl);
    free(sgl);
}

static int capacity(const imp_raw *r, const pstart *p)
{
    return (p->single ? r->L : 2 * r->L) + PAGE_SLACK;
}

/* Merge page starts whose page is too short to be one. */
static size_t drop_spurious(imp_raw *r, pstart *ps, size_t np)
{
    size_t out = 0;
    for (size_t k = 0; k < np; k++) {
        if (out && ps[k].count < r->L * SPURIOUS_FRACTION &&
            ps[out - 1].count + ps[k].count <= capacity(r, &ps[out - 1])) {
            const imp_rline *l = &r->l[ps[k].li];
            imp_note(r->c, IMP_R_PAGE, l->line, 1, 1, "page start ignored: "
                     "its page would hold %d lines, and the page before (%d "
                     "lines) has room for them", ps[k].count,
                     ps[out - 1].count);
            r->c->spurious_starts++;
            ps[out - 1].count += ps[k].count;
            continue;
        }
        ps[out++] = ps[k];
    }
    return out;
}

static size_t split_at_tabs(imp_raw *r, pstart **psp, size_t np, size_t *cap,
                            const tab_info *tabs, size_t ntabs)
{
    for (size_t t = 0; t < ntabs; t++) {
        if (tabs[t].end >= r->n || r->l[tabs[t].end].lead)
            continue;
        pstart *ps = *psp;
        size_t k = 0;
        while (k + 1 < np && ps[k + 1].li <= tabs[t].first)
            k++;
        int expected = (int)k + 2;
        if (ps[k].count <= capacity(r, &ps[k]) && tabs[t].number != expected)
            continue;
        if (!AR_PUSH(r->c->ar, *psp, np, *cap))
            return np - 1;
        ps = *psp;
        memmove(&ps[k + 2], &ps[k + 1], (np - k - 2) * sizeof *ps);
        ps[k + 1].li = tabs[t].first;
        ps[k + 1].off = r->l[tabs[t].first].off;
        ps[k + 1].tab = &tabs[t];
        count_page(r, &ps[k], ps[k + 1].li);
        count_page(r, &ps[k + 1], page_end(r, ps, np, k + 1));
        r->c->tab_starts++;
        imp_note(r->c, IMP_R_PAGE, r->l[tabs[t].first].line, 1, 1,
                 "page start at a side tab (no leading space)");
    }
    return np;
}

/* Number the pages from 1, checking against the numbers of side tabs. */
static void number_pages(imp_raw *r, pstart *ps, size_t np,
                         const tab_info *tabs, size_t ntabs)
{
    imp_ctx *c = r->c;
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
        p->line = r->l[ps[k].li].line;
        /* tabs on this page (a tab before a page start is the next
         * page's) */
        for (; t < ntabs && tabs[t].end <= end && tabs[t].end < r->n; t++) {
            if (tabs[t].end == end && end < r->n && r->l[end].lead &&
                k + 1 < np)
                break;
            if (tabs[t].column)
                p->column = tabs[t].column;
            if (tabs[t].number && tabs[t].number != p->page) {
                imp_warn(c, r->l[tabs[t].first].line, 1, "side tab says page "
                         "%d, counting page starts gives %d: numbering "
                         "follows the tab from here", tabs[t].number, p->page);
                shift += tabs[t].number - p->page;
                p->page = tabs[t].number;
            } else if (tabs[t].number) {
                imp_note(c, IMP_R_PAGE, r->l[tabs[t].first].line, 1, 1,
                         "side tab's page number %d agrees with the count of "
                         "page starts", tabs[t].number);
            }
        }
        for (size_t i = ps[k].li; i < end; i++)
            r->l[i].pg = (int)k;
        r->single[k] = (unsigned char)ps[k].single;
    }
}

static void report_tabs(imp_raw *r, const tab_info *tabs, size_t ntabs)
{
    for (size_t t = 0; t < ntabs; t++) {
        const imp_rline *l = &r->l[tabs[t].first];
        int page = r->c->doc.pages[l->pg].page;
        imp_note(r->c, IMP_X_TAB, l->line, 1, (int)u8_count(tabs[t].text,
                 strlen(tabs[t].text)), "«%s» side tab%s%s%s (page %d)",
                 tabs[t].text, tabs[t].column ? " of the column «" : "",
                 tabs[t].column ? tabs[t].column : "",
                 tabs[t].column ? "»" : "", page);
    }
}

static int pages(imp_raw *r)
{
    imp_ctx *c = r->c;
    tab_info *tabs = NULL;
    size_t ntabs = 0, np = 0, cap = 0;
    pstart *ps = NULL;
    if (find_tabs(r, &tabs, &ntabs))
        return -1;
    design_measure(r);
    for (size_t i = 0; i < r->n; i++)
        if ((r->l[i].lead && !r->l[i].tab) || i == 0) {
            pstart *p = AR_PUSH(c->ar, ps, np, cap);
            if (!p)
                return -1;
            p->li = i;
            p->off = i == 0 && !r->l[i].lead ? 0 : r->l[i].off;
            p->tab = NULL;
        }
    c->page_starts = (int)np;
    for (size_t k = 0; k < np; k++)
        count_page(r, &ps[k], page_end(r, ps, np, k));
    lines_per_column(r, ps, np);
    np = drop_spurious(r, ps, np);
    np = split_at_tabs(r, &ps, np, &cap, tabs, ntabs);
    r->single = ar_alloc(c->ar, np + 1);
    if (!r->single)
        return -1;
    number_pages(r, ps, np, tabs, ntabs);
    report_tabs(r, tabs, ntabs);
    return 0;
}

/* ---- cleaning and width classes ---- */

int imp_raw_classify_line(const imp_raw *r, const imp_rline *l, int m)
{
    (void)r;
    /* a line a character wider than the measure belongs to a run set
     * slightly smaller (an intro); wider ones span the columns */
    if (!l->spaced && l->minw > m + 1.6)
        return RL_WIDE;
    if (l->spaced) {
        double full = l->ascii >= 4 ? m - 2.5 : m - 1.25;
        if (l->w >= full)
            return RL_FULL;
        return l->w >= m - 4.5 ? RL_FIRST : RL_SHORT;
    }
    if (l->w >= m - 0.75)
        return RL_FULL;
    /* an indented line fits its 16 em with its punctuation squeezed */
    if (l->minw <= m - 1.75 && l->w >= m - 3.25)
        return RL_FIRST;
    return RL_SHORT;
}

/* Lines set in a smaller face run wider than the column (an intro): a
 * run of them gets its own measure. */
static int overwide(const imp_raw *r, size_t i)
{
    const imp_rline *l = &r->l[i];
    return !l->tab && !l->spaced && !r->single[l->pg] && l->minw >= r->M + 0.5 &&
           l->w <= r->M + 3.5 && !l->seps;
}

static void classify(imp_raw *r)
{
    for (size_t i = 0; i < r->n; i++) {
        imp_rline *l = &r->l[i];
        if (l->tab)
            continue;
        int m = r->single[l->pg] && r->S ? r->S : r->M;
        /* a line of an over-wide run, or the first line before one */
        size_t j = i + 1, k;
        while (j < r->n && r->l[j].tab)
            j++;
        k = j + 1;
        while (k < r->n && r->l[k].tab)
            k++;
        int here = overwide(r, i) &&
                   ((i > 0 && overwide(r, i - 1)) || (j < r->n && overwide(r, j)));
        int before = j < r->n && k < r->n && overwide(r, j) && overwide(r, k) &&
                     imp_raw_classify_line(r, l, m) == RL_SHORT;
        if (here || before)
            m = (int)lround(here ? l->w : r->l[j].w);
        l->m = m;
        l->cls = imp_raw_classify_line(r, l, m);
    }
}

static void clean(imp_raw *r)
{
    imp_ctx *c = r->c;
    uint32_t prev = 0;
    for (size_t i = 0; i < r->n; i++) {
        imp_rline *l = &r->l[i];
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
        size_t j = i + 1;
        while (j < r->n && r->l[j].tab)
            j++;
        uint32_t next = j < r->n ? imp_first_cp(r->l[j].raw) : 0;
        l->text = t ? imp_normalize(c, t, prev, next, l->line, cols, l->col0) : NULL;
        l->cols = cols;
        if (!l->text)
            l->text = "";
        prev = imp_last_cp(l->text);
    }
}

void imp_raw_measure(const char *text, size_t len, double *measure_out,
                     int *lines, double *single)
{
    imp_ctx c;
    imp_raw r;
    memset(&c, 0, sizeof c);
    memset(&r, 0, sizeof r);
    c.text = text;
    c.len = len;
    c.ar = ar_new();
    r.c = &c;
    *measure_out = *single = 0;
    *lines = 0;
    if (c.ar && !split_lines(&r)) {
        c.doc.publication = "天津政协";
        if (!pages(&r)) {
            *measure_out = r.M;
            *single = r.S;
            *lines = r.L;
        }
    }
    ar_free(c.ar);
}

int imp_read_raw(imp_ctx *c)
{
    imp_raw r;
    memset(&r, 0, sizeof r);
    r.c = c;
    if (split_lines(&r) || pages(&r))
        return -1;
    if (!r.n) {
        diag_error(c->d, (diag_pos){c->input, 1, 1}, "no text to import");
        return -1;
    }
    classify(&r);
    clean(&r);
    c->measure = r.M;
    c->single_measure = r.S;
    c->style = imp_style_for(c->pub, r.M, r.L);
    if (!c->style && c->pub == IMP_PUB_TIANJIN)
        imp_warn(c, 1, 1, "columns of %d em and %d lines fit no known design "
                 "of 《天津政协》 (2022: 18 em, 2023: 21 em; 34 lines)", r.M,
                 r.L);
    c->detect_note = ar_printf(c->ar, "raw extraction; measure %d em, %d "
                               "lines per column%s", r.M, r.L,
                               c->style ? "" : " (no known design)");
    return imp_raw_structure(&r);
}
