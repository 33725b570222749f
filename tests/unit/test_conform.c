/* test_conform.c: the conformance report (layout/conform.c) fed pages
 * made by hand: a clean page gives no violation, and each page broken on
 * purpose gives its violation, at its place, and no other. */
#include <stdlib.h>

#include "../../layout/layout.h"
#include "check.h"

#define SIZE 10.5 /* pt, the body size of the lines made here */
#define MAXL 16

/* A page under construction: lines with one run whose first glyph stands
 * where the text starts (two ems in for a paragraph's first line). */
typedef struct page_maker {
    lay_line lines[MAXL];
    lay_run runs[MAXL];
    cairo_glyph_t glyphs[MAXL];
    int n;
} page_maker;

static void add(page_maker *m, int column, int grid, sty_role_id role,
                int first, const char *text)
{
    int i = m->n++;
    m->glyphs[i] = (cairo_glyph_t){0, first ? 2 * SIZE : 0, 0};
    m->runs[i] = (lay_run){NULL, text, (int)strlen(text), &m->glyphs[i], 1,
                           NULL, 0};
    m->lines[i] = (lay_line){column, grid, 0, 0, 16 * SIZE, 16 * SIZE, text,
                             &m->runs[i], 1, 0, role, 1, SIZE};
}

static const sty_style *style(ar_arena *ar)
{
    const char *r = getenv("ROOT");
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/styles", r ? r : ".");
    diag_ctx d;
    diag_init(&d, NULL);
    const sty_style *st = NULL;
    return sty_load("jincheng-2020", dir, ar, &d, &st) ? NULL : st;
}

/* The report of pages (folios 1, 2, …), and the count of violations of
 * one clause, read back from its table. */
static int violations(const sty_style *st, page_maker *pm, int npages,
                      const char *clause, int *checked, char **report)
{
    lay_page pages[4];
    memset(pages, 0, sizeof pages);
    for (int p = 0; p < npages; p++) {
        pages[p].folio = p + 1;
        pages[p].lines = pm[p].lines;
        pages[p].nlines = (size_t)pm[p].n;
    }
    lay_doc d = {st, 595, 842, pages, (size_t)npages, NULL, 0, NULL, 0,
                 NULL, NULL};
    size_t len;
    FILE *f = open_memstream(report, &len);
    if (!f || lay_conformance(st, &d, f)) {
        if (f)
            fclose(f);
        return -1;
    }
    fclose(f);
    char key[64];
    snprintf(key, sizeof key, "\n%s\t", clause);
    const char *at = strstr(*report, key);
    int c = -1, v = -1;
    if (at && sscanf(at + strlen(key), "%d\t%d", &c, &v) != 2)
        v = -1;
    *checked = c;
    return v;
}

/* A clean column of two paragraphs and a head, and its twin. */
static void clean(page_maker *m)
{
    memset(m, 0, sizeof *m);
    add(m, 1, 1, STY_HEAD, 0, "一、总的要求");
    add(m, 1, 2, STY_BODY, 1, "甲乙丙丁戊己庚辛壬癸甲乙丙丁");
    add(m, 1, 3, STY_BODY, 0, "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己");
    add(m, 1, 4, STY_BODY, 0, "甲乙丙丁戊己。");
    add(m, 2, 1, STY_BODY, 1, "甲乙丙丁戊己庚辛壬癸甲乙丙丁");
    add(m, 2, 2, STY_BODY, 0, "甲乙丙丁戊己庚辛壬癸2022年");
    add(m, 2, 3, STY_BODY, 0, "甲乙丙丁戊己——庚辛壬癸甲乙丙");
    add(m, 2, 4, STY_BODY, 0, "甲乙丙丁。");
}

static void expect(check_state *cs, const sty_style *st, page_maker *pm,
                   int npages, const char *clause, int want, const char *at)
{
    char *report = NULL;
    int checked = 0;
    int got = violations(st, pm, npages, clause, &checked, &report);
    if (got != want || checked <= 0 ||
        (at && (!report || !strstr(report, at)))) {
        printf("#   %s: %d violations of %d places, want %d%s%s\n%s", clause,
               got, checked, want, at ? " at " : "", at ? at : "",
               report ? report : "");
        cs->failed++;
    }
    free(report);
}

static void clean_page(check_state *cs)
{
    ar_arena *ar = ar_new();
    const sty_style *st = style(ar);
    CHECK(cs, st != NULL);
    page_maker m;
    clean(&m);
    static const char *const all[] = {"line-start", "line-end",
                                      "dash-ellipsis", "number-word",
                                      "orphan", "head-at-foot", "balance"};
    for (size_t i = 0; st && i < sizeof all / sizeof *all; i++)
        expect(cs, st, &m, 1, all[i], 0, NULL);
    ar_free(ar);
}

/* Each page broken in one way: the clause it breaks reports it. */
static void broken_pages(check_state *cs)
{
    ar_arena *ar = ar_new();
    const sty_style *st = style(ar);
    CHECK(cs, st != NULL);
    page_maker m;
    /* lines changed (index, text; a second one where the break between
     * two lines is what breaks the rule), the clause, where it is said */
    struct {
        int i;
        const char *text;
        int i2;
        const char *text2, *clause, *at;
    } cases[] = {
        {2, "，乙丙丁戊己庚辛壬癸甲乙丙丁戊己", -1, NULL, "line-start",
         "column 1\tline 3"},
        {1, "甲乙丙丁戊己庚辛壬癸甲乙丙“", -1, NULL, "line-end",
         "column 1\tline 2"},
        {5, "甲乙丙丁戊己庚辛壬癸甲乙丙20", 6, "22年甲乙丙丁戊己庚辛壬癸甲",
         "number-word", "column 2\tline 2"},
        {5, "甲乙丙丁戊己庚辛壬癸甲乙丙—", 6, "—甲乙丙丁戊己庚辛壬癸甲乙丙",
         "dash-ellipsis", "column 2\tline 2"},
        {3, "丁。", -1, NULL, "orphan", "column 1\tline 4"},
    };
    for (size_t i = 0; st && i < sizeof cases / sizeof *cases; i++) {
        clean(&m);
        m.lines[cases[i].i].text = m.runs[cases[i].i].utf8 = cases[i].text;
        if (cases[i].i2 >= 0)
            m.lines[cases[i].i2].text = m.runs[cases[i].i2].utf8 =
                cases[i].text2;
        expect(cs, st, &m, 1, cases[i].clause, 1, cases[i].at);
    }
    /* a head as the last line of column 2 */
    clean(&m);
    add(&m, 2, 5, STY_SUBHEAD, 0, "（一）工作要求");
    if (st)
        expect(cs, st, &m, 1, "head-at-foot", 1, "column 2\tline 5");
    /* column 1 ends at 4, column 2 goes on to 8 */
    clean(&m);
    for (int g = 5; g <= 8; g++)
        add(&m, 2, g, STY_BODY, 0, "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己");
    if (st)
        expect(cs, st, &m, 1, "balance", 1, "page 1");
    ar_free(ar);
}

/* A jump line names the page its article goes on: right, then wrong. */
static void jump_lines(check_state *cs)
{
    ar_arena *ar = ar_new();
    const sty_style *st = style(ar);
    CHECK(cs, st != NULL);
    page_maker m[3];
    for (int p = 0; p < 3; p++)
        clean(&m[p]);
    m[2].lines[0].article = m[2].lines[1].article = 1; /* page 3: another */
    add(&m[0], 2, 5, STY_JUMP, 0, "（下转第2页）");
    if (st)
        expect(cs, st, m, 3, "jump-line", 0, NULL);
    m[0].lines[m[0].n - 1].text = "（下转第3页）";
    for (int k = 0; k < m[2].n; k++)
        m[2].lines[k].article = 1;
    if (st)
        expect(cs, st, m, 3, "jump-line", 1, "（下转第3页）");
    ar_free(ar);
}

static const check_case cases[] = {
    {"conform: a clean page violates nothing", clean_page},
    {"conform: each page broken on purpose reports its violation",
     broken_pages},
    {"conform: a jump line must name the page its article goes on",
     jump_lines},
};

CHECK_MAIN(cases)
