/* test_compose.c: the composer's golden cases (tests/compose/rules.txt):
 * every rule of the composition checked on characters of exact synthetic
 * widths, its line breaks and, where given, its positions. */
#include <math.h>
#include <pango/pango.h>
#include <stdlib.h>

#include "../../layout/composer.h"
#include "check.h"

#define EM (10 * PANGO_SCALE) /* a 10 pt em in Pango units */
#define MAXC 512
/* Positions must agree within this many ems. */
#define POS_TOLERANCE 0.001

typedef struct gcase {
    char name[2048];
    char text[2048];
    char want[2048];
    int have_out;
    char pos[8][2048]; /* "N x0 x1 …" lines */
    int npos;
    lb_params prm;
    int blank; /* a mark's blank, as a font's ink leaves it; 0: half an em */
    int lineno;
} gcase;

/* Synthetic widths: ideographs and Chinese marks 1 em, their blank half
 * where the class puts it (or as `set blank=` says), ASCII letters and
 * digits half an em, a space a quarter. */
static int fixture(const char *text, int blank, sh_cluster *cl, char *plain)
{
    int n = 0;
    size_t len = strlen(text), o = 0;
    for (size_t i = 0; i < len && n < MAXC;) {
        uint32_t cp;
        int k = u8_decode(text + i, len - i, &cp);
        if (cp == '\\') { /* an intended break after the previous character */
            if (n)
                cl[n - 1].forced_break = 1;
            i += (size_t)k;
            continue;
        }
        sh_cluster *c = &cl[n++];
        memset(c, 0, sizeof *c);
        c->cp = cp;
        c->start = (int)o;
        c->len = k;
        memcpy(plain + o, text + i, (size_t)k);
        o += (size_t)k;
        c->cls = cc_classify(cp);
        c->size = EM;
        c->ng = 1;
        c->width = cp == ' ' ? EM / 4 : cp < 0x80 ? EM / 2 : EM;
        const cc_props *pr = cc_properties(c->cls);
        int half = blank ? blank : EM / 2;
        int b = pr->blank == CC_BLANK_BOTH ? half / 2 : half;
        c->blank_l = pr->blank & CC_BLANK_LEFT ? b : 0;
        c->blank_r = pr->blank & CC_BLANK_RIGHT ? b : 0;
        i += (size_t)k;
    }
    plain[o] = '\0';
    return n;
}

static int em(double v)
{
    return (int)lround(v * EM);
}

static void defaults(lb_params *p)
{
    memset(p, 0, sizeof *p);
    p->measure = em(4);
    p->kinsoku = STY_KINSOKU_STRICT;
    p->align = STY_JUSTIFY;
    p->punct = STY_PUNCT_FULL;
    p->strategy = STY_BREAK_LINE;
    p->em = EM;
}

static int set_option(lb_params *p, const char *k, const char *v)
{
    static const char *kin[] = {"none", "basic", "gb", "strict"};
    static const char *pun[] = {"full", "kaiming", "half", "end-half"};
    double d = atof(v);
    if (!strcmp(k, "measure"))
        p->measure = em(d);
    else if (!strcmp(k, "indent"))
        p->first_indent = em(d);
    else if (!strcmp(k, "latin-gap")) {
        p->latin_gap = em(d);
        p->latin_gap_min = em(d / 2);
        p->latin_gap_max = em(d * 4 / 3);
    } else if (!strcmp(k, "orphan"))
        p->orphan = atoi(v);
    else if (!strcmp(k, "orphan-pull"))
        p->orphan_pull = atoi(v);
    else if (!strcmp(k, "pull-unit"))
        p->pull_unit = (int)lround(d * 1000);
    else if (!strcmp(k, "hanging"))
        p->hanging = !strcmp(v, "yes");
    else if (!strcmp(k, "adjacent"))
        p->adjacent_always = !strcmp(v, "always");
    else if (!strcmp(k, "start-flush"))
        p->start_flush = !strcmp(v, "yes");
    else if (!strcmp(k, "strategy"))
        p->strategy = !strcmp(v, "paragraph") ? STY_BREAK_PARAGRAPH
                                              : STY_BREAK_LINE;
    else if (!strcmp(k, "kinsoku")) {
        for (int i = 0; i < 4; i++)
            if (!strcmp(v, kin[i]))
                p->kinsoku = (sty_kinsoku)i;
    } else if (!strcmp(k, "punct")) {
        for (int i = 0; i < 4; i++)
            if (!strcmp(v, pun[i]))
                p->punct = (sty_punct)i;
    } else
        return -1;
    return 0;
}

static void render_lines(const lb_para *lp, const char *plain,
                         const sh_cluster *cl, char *out, size_t cap)
{
    out[0] = '\0';
    for (int i = 0; i < lp->nlines; i++) {
        const lb_line *ln = &lp->lines[i];
        int a = cl[ln->a].start, b = cl[ln->b - 1].start + cl[ln->b - 1].len;
        snprintf(out + strlen(out), cap - strlen(out), "%s%.*s", i ? "|" : "",
                 b - a, plain + a);
    }
}

/* "N x0 x1 …": compare the positions of line N. */
static void check_pos(check_state *cs, const lb_para *lp, const char *spec)
{
    char *end;
    long line = strtol(spec, &end, 10);
    if (line < 1 || line > lp->nlines) {
        printf("#   pos: no line %ld\n", line);
        cs->failed++;
        return;
    }
    const lb_line *ln = &lp->lines[line - 1];
    int n = ln->b - ln->a, x[MAXC + 1];
    lb_positions(lp, ln, x);
    for (int i = 0; i <= n; i++) {
        char *next;
        double want = strtod(end, &next);
        if (next == end) {
            printf("#   pos: %d positions given, line has %d\n", i, n + 1);
            cs->failed++;
            return;
        }
        end = next;
        double got = (double)x[i] / EM;
        if (fabs(got - want) > POS_TOLERANCE) {
            printf("#   pos line %ld char %d: %.4f em, want %.4f\n", line, i,
                   got, want);
            cs->failed++;
        }
    }
}

static void run_case(const gcase *g)
{
    check_state cs = {0, g->name};
    static sh_cluster cl[MAXC];
    char plain[2048], got[2048];
    int n = fixture(g->text, g->blank, cl, plain);
    lb_para lp;
    if (lb_compose(cl, n, &g->prm, &lp)) {
        printf("#   compose failed\n");
        cs.failed++;
    } else {
        render_lines(&lp, plain, cl, got, sizeof got);
        if (g->have_out && strcmp(got, g->want) != 0) {
            printf("#   rules.txt:%d: got «%s», want «%s»\n", g->lineno, got,
                   g->want);
            cs.failed++;
        }
        for (int i = 0; i < g->npos; i++)
            check_pos(&cs, &lp, g->pos[i]);
        lb_free(&lp);
    }
    printf("%s - compose: %s\n", cs.failed ? "not ok" : "ok", g->name);
}

static void parse_set(gcase *g, char *s)
{
    for (char *tok = strtok(s, " "); tok; tok = strtok(NULL, " ")) {
        char *eq = strchr(tok, '=');
        if (eq && !strncmp(tok, "blank=", 6))
            g->blank = em(atof(eq + 1));
        else if (!eq || (*eq = '\0', set_option(&g->prm, tok, eq + 1)))
            printf("#   rules.txt:%d: bad option '%s'\n", g->lineno, tok);
    }
}

int main(void)
{
    const char *root = getenv("ROOT");
    char path[1024], line[2048];
    snprintf(path, sizeof path, "%s/tests/compose/rules.txt", root ? root : ".");
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("not ok - compose: cannot read %s\n", path);
        return 1;
    }
    gcase g;
    int open = 0, lineno = 0, cases = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = '\0';
        if (!strncmp(line, "case ", 5)) {
            if (open)
                run_case(&g);
            memset(&g, 0, sizeof g);
            defaults(&g.prm);
            snprintf(g.name, sizeof g.name, "%s", line + 5);
            g.lineno = lineno;
            open = 1;
            cases++;
        } else if (open && !strncmp(line, "set ", 4)) {
            parse_set(&g, line + 4);
        } else if (open && !strncmp(line, "in", 2)) {
            snprintf(g.text, sizeof g.text, "%s", line[2] ? line + 3 : "");
        } else if (open && !strncmp(line, "out", 3)) {
            snprintf(g.want, sizeof g.want, "%s", line[3] ? line + 4 : "");
            g.have_out = 1;
        } else if (open && !strncmp(line, "pos ", 4) && g.npos < 8) {
            snprintf(g.pos[g.npos++], sizeof g.pos[0], "%s", line + 4);
        }
    }
    if (open)
        run_case(&g);
    fclose(f);
    printf("%s - compose: rules.txt holds at least 40 cases (%d)\n",
           cases >= 40 ? "ok" : "not ok", cases);
    return 0;
}
