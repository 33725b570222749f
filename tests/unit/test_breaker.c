/* test_breaker.c: the first breaker's rules on synthetic clusters: each
 * character one cluster, ideographs and Chinese marks 1 em wide, Latin
 * letters and digits half an em. Each case names the rule it checks. */
#include <stdlib.h>

#include "../../layout/lay.h"
#include "check.h"

#define EM (10 * PANGO_SCALE) /* a 10 pt em in Pango units */

typedef struct fixture {
    sh_cluster cl[256];
    int n;
    char text[1024];
} fixture;

static void fx_init(fixture *f, const char *s)
{
    memset(f, 0, sizeof *f);
    snprintf(f->text, sizeof f->text, "%s", s);
    size_t len = strlen(f->text);
    for (size_t i = 0; i < len && f->n < 256;) {
        sh_cluster *c = &f->cl[f->n++];
        int n = u8_decode(f->text + i, len - i, &c->cp);
        c->start = (int)i;
        c->len = n;
        c->cls = cc_classify(c->cp);
        c->ng = 1;
        c->size = EM;
        c->width = c->cp < 0x2000 && c->cls != CC_DASH && c->cp != 0xB7
                       ? EM / 2 : EM;
        i += (size_t)n;
    }
}

/* Break and render the lines as "line|line|…". */
static const char *lines_of(fixture *f, int measure_em, sty_kinsoku k)
{
    static char out[2048];
    lb_params prm = {measure_em * EM, 0, 0, k, STY_JUSTIFY, 0};
    lb_line *ln = NULL;
    int nl = 0;
    out[0] = '\0';
    if (lb_break(f->cl, f->n, &prm, &ln, &nl))
        return "(error)";
    for (int i = 0; i < nl; i++) {
        const char *a = f->text + f->cl[ln[i].a].start;
        const char *b = f->text + f->cl[ln[i].b - 1].start + f->cl[ln[i].b - 1].len;
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s%.*s",
                 i ? "|" : "", (int)(b - a), a);
    }
    free(ln);
    return out;
}

/* rule: a line holds as many ideographs as the measure has ems */
static void fill_to_measure(check_state *cs)
{
    fixture f;
    fx_init(&f, "一二三四五六七八九十");
    CHECK_STR(cs, lines_of(&f, 4, STY_KINSOKU_STRICT), "一二三四|五六七八|九十");
}

/* rule: closing marks never start a line (basic) */
static void no_comma_at_start(check_state *cs)
{
    fixture f;
    fx_init(&f, "一二三四，五六");
    CHECK_STR(cs, lines_of(&f, 4, STY_KINSOKU_STRICT), "一二三|四，五六");
}

/* rule: closing quotes and brackets never start a line */
static void no_close_quote_at_start(check_state *cs)
{
    fixture f;
    fx_init(&f, "一二三“四”五六");
    CHECK_STR(cs, lines_of(&f, 5, STY_KINSOKU_STRICT), "一二三|“四”五六");
}

/* rule: a stop and the closing quote after it both stay off line starts */
static void stop_and_quote_pushed_together(check_state *cs)
{
    fixture f;
    fx_init(&f, "一二三四。”五六");
    CHECK_STR(cs, lines_of(&f, 4, STY_KINSOKU_STRICT), "一二三|四。”五|六");
}

/* rule: opening marks never end a line */
static void no_open_at_end(check_state *cs)
{
    fixture f;
    fx_init(&f, "一二三《四》五");
    CHECK_STR(cs, lines_of(&f, 4, STY_KINSOKU_STRICT), "一二三|《四》五");
}

/* rule: the 2-em dash is never split */
static void dash_pair_kept(check_state *cs)
{
    fixture f;
    fx_init(&f, "一二三——四五");
    CHECK_STR(cs, lines_of(&f, 4, STY_KINSOKU_STRICT), "一二|三——四|五");
}

/* rule (strict): —— does not start a line; basic allows it */
static void dash_not_at_start_strict(check_state *cs)
{
    fixture f;
    fx_init(&f, "一二——三四五");
    CHECK_STR(cs, lines_of(&f, 3, STY_KINSOKU_STRICT), "一|二——|三四五");
    CHECK_STR(cs, lines_of(&f, 3, STY_KINSOKU_BASIC), "一二|——三|四五");
}

/* rule: the 2-em ellipsis is never split and (strict) not at line start */
static void ellipsis_pair_kept(check_state *cs)
{
    fixture f;
    fx_init(&f, "一二三……四");
    CHECK_STR(cs, lines_of(&f, 4, STY_KINSOKU_STRICT), "一二|三……四");
}

/* rule: a number with its decimal point and unit sign stays whole */
static void number_unbroken(check_state *cs)
{
    fixture f;
    fx_init(&f, "一二三12.5%四");
    CHECK_STR(cs, lines_of(&f, 4, STY_KINSOKU_STRICT), "一二三|12.5%四");
}

/* rule: a Latin word is not split */
static void latin_word_unbroken(check_state *cs)
{
    fixture f;
    fx_init(&f, "一二三ISO标准");
    CHECK_STR(cs, lines_of(&f, 4, STY_KINSOKU_STRICT), "一二三|ISO标准");
}

/* rule: spaces between Latin words are break opportunities and stay at
 * the end of the line */
static void break_at_space(check_state *cs)
{
    fixture f;
    fx_init(&f, "ab cd ef");
    CHECK_STR(cs, lines_of(&f, 3, STY_KINSOKU_STRICT), "ab cd |ef");
}

/* rule: a currency sign stays with its number */
static void currency_with_number(check_state *cs)
{
    fixture f;
    fx_init(&f, "一二三￥5元");
    CHECK_STR(cs, lines_of(&f, 4, STY_KINSOKU_STRICT), "一二三|￥5元");
}

/* rule (GB): the solidus ／ does not end a line; basic allows it */
static void solidus_not_at_end_gb(check_state *cs)
{
    fixture f;
    fx_init(&f, "一二三／四");
    CHECK_STR(cs, lines_of(&f, 4, STY_KINSOKU_GB), "一二三|／四");
    CHECK_STR(cs, lines_of(&f, 4, STY_KINSOKU_BASIC), "一二三／|四");
}

/* rule: kinsoku level none allows any break */
static void kinsoku_none(check_state *cs)
{
    fixture f;
    fx_init(&f, "一二三四，五");
    CHECK_STR(cs, lines_of(&f, 4, STY_KINSOKU_NONE), "一二三四|，五");
}

/* rule: content without any break opportunity longer than the measure
 * gets an emergency break, never an overflow */
static void emergency_break(check_state *cs)
{
    fixture f;
    fx_init(&f, "abcdefghijklmnopqrstuvwxyz");
    lb_params prm = {6 * EM, 0, 0, STY_KINSOKU_STRICT, STY_JUSTIFY, 0};
    lb_line *ln = NULL;
    int nl = 0;
    CHECK(cs, lb_break(f.cl, f.n, &prm, &ln, &nl) == 0);
    CHECK(cs, nl > 1);
    for (int i = 0; i < nl; i++)
        CHECK(cs, ln[i].natural <= prm.measure);
    CHECK(cs, nl > 0 && ln[0].emergency);
    free(ln);
}

/* rule: an intended line break ends the line there */
static void forced_break(check_state *cs)
{
    fixture f;
    fx_init(&f, "一二三四五六");
    f.cl[1].forced_break = 1;
    CHECK_STR(cs, lines_of(&f, 4, STY_KINSOKU_STRICT), "一二|三四五六");
}

/* rule: justified lines end exactly at the measure (even shares of the
 * slack, remainder to the first gaps); the last line is not justified */
static void justify_flush(check_state *cs)
{
    fixture f;
    fx_init(&f, "一二三四，五六七八九");
    lb_params prm = {4 * EM, 0, 0, STY_KINSOKU_STRICT, STY_JUSTIFY, 0};
    lb_line *ln = NULL;
    int nl = 0, x[64];
    CHECK(cs, lb_break(f.cl, f.n, &prm, &ln, &nl) == 0);
    CHECK_INT(cs, nl, 3);
    lb_positions(f.cl, &ln[0], &prm, x); /* 四 pushed down: slack 1 em */
    CHECK_INT(cs, x[ln[0].b - ln[0].a], 4 * EM);
    CHECK_INT(cs, x[1] - x[0], EM + EM / 2);
    lb_positions(f.cl, &ln[2], &prm, x);
    CHECK_INT(cs, x[ln[2].b - ln[2].a], 3 * EM); /* last line: natural */
    free(ln);
}

/* rule: no extra space goes inside —— when justifying */
static void justify_not_inside_dash(check_state *cs)
{
    fixture f;
    fx_init(&f, "一——二三四五");
    lb_params prm = {5 * EM, 0, 0, STY_KINSOKU_STRICT, STY_JUSTIFY, 0};
    lb_line *ln = NULL;
    int nl = 0, x[64];
    CHECK(cs, lb_break(f.cl, f.n, &prm, &ln, &nl) == 0);
    lb_positions(f.cl, &ln[0], &prm, x);
    CHECK_INT(cs, x[2] - x[1], EM); /* the two halves of —— touch */
    free(ln);
}

/* rule: the first line is indented */
static void first_line_indent(check_state *cs)
{
    fixture f;
    fx_init(&f, "一二三四五六七八");
    lb_params prm = {4 * EM, 2 * EM, 0, STY_KINSOKU_STRICT, STY_JUSTIFY, 0};
    lb_line *ln = NULL;
    int nl = 0;
    CHECK(cs, lb_break(f.cl, f.n, &prm, &ln, &nl) == 0);
    CHECK_INT(cs, nl, 3);
    CHECK_INT(cs, ln[0].b - ln[0].a, 2);
    free(ln);
}

/* classes: a sample of the table */
static void class_table(check_state *cs)
{
    CHECK_INT(cs, cc_classify(0x3002), CC_STOP);   /* 。 */
    CHECK_INT(cs, cc_classify(0xFF0C), CC_PAUSE);  /* ， */
    CHECK_INT(cs, cc_classify(0x201C), CC_OPEN);   /* “ */
    CHECK_INT(cs, cc_classify(0x300B), CC_CLOSE);  /* 》 */
    CHECK_INT(cs, cc_classify(0x2014), CC_DASH);   /* — */
    CHECK_INT(cs, cc_classify(0x2026), CC_ELLIPSIS);
    CHECK_INT(cs, cc_classify(0x4E2D), CC_HAN);    /* 中 */
    CHECK_INT(cs, cc_classify('A'), CC_LATIN);
    CHECK_INT(cs, cc_classify('7'), CC_DIGIT);
    CHECK_INT(cs, cc_classify(0x3000), CC_SPACE);
    CHECK(cs, cc_no_start(CC_DASH, STY_KINSOKU_STRICT));
    CHECK(cs, !cc_no_start(CC_DASH, STY_KINSOKU_GB));
    CHECK(cs, cc_no_end(CC_SLASH, STY_KINSOKU_GB));
    CHECK(cs, !cc_no_end(CC_SLASH, STY_KINSOKU_BASIC));
}

static const check_case cases[] = {
    {"breaker: fill to the measure", fill_to_measure},
    {"kinsoku: ， not at line start", no_comma_at_start},
    {"kinsoku: ” not at line start", no_close_quote_at_start},
    {"kinsoku: 。” pushed together", stop_and_quote_pushed_together},
    {"kinsoku: 《 not at line end", no_open_at_end},
    {"unbreakable: —— kept whole", dash_pair_kept},
    {"kinsoku strict: —— not at line start", dash_not_at_start_strict},
    {"unbreakable: …… kept whole", ellipsis_pair_kept},
    {"unbreakable: number 12.5%", number_unbroken},
    {"unbreakable: Latin word", latin_word_unbroken},
    {"breaker: break after a space", break_at_space},
    {"unbreakable: ￥ with its number", currency_with_number},
    {"kinsoku GB: ／ not at line end", solidus_not_at_end_gb},
    {"kinsoku none: anything goes", kinsoku_none},
    {"breaker: emergency break of an overlong word", emergency_break},
    {"breaker: intended line break", forced_break},
    {"justify: lines flush at the measure", justify_flush},
    {"justify: no space inside ——", justify_not_inside_dash},
    {"breaker: first-line indent", first_line_indent},
    {"classes: table sample", class_table},
};

CHECK_MAIN(cases)
