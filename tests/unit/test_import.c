/* test_import.c: the importer of old issues: per-rule tests of the
 * cleaner (spacing, punctuation, classifiers), detection, and the seeds:
 * conservation of the text, structure, hand-written order fixtures, the
 * sidecar of line breaks. Seeds are copies in $ROOT/tests/data/seeds;
 * a case that cannot find them says SKIP. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../import/imp.h"
#include "../../input/input.h"
#include "check.h"
#include <jansson.h>

/* ---- helpers ---- */

static const char *root(void)
{
    const char *r = getenv("ROOT");
    return r ? r : ".";
}

/* The house style files the importer reads its designs from. */
static const char *style_dir(void)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s/styles", root());
    return buf;
}

/* The designs read once, for the many imports from memory (kept to the
 * end). */
static const im_designs *shared_designs(void)
{
    static im_designs *ds;
    if (!ds)
        ds = im_load_designs(style_dir());
    return ds;
}

static char *seed_path(const char *name)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s/tests/data/seeds/%s", root(), name);
    return buf;
}

static int have(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static char *slurp(const char *path)
{
    size_t len;
    return file_read(path, &len);
}

/* A scratch directory, removed at exit by the caller's rm. */
static const char *tmpdir(void)
{
    static char dir[64];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/bulletin-import-XXXXXX");
        if (!mkdtemp(dir))
            return "/tmp";
    }
    return dir;
}

typedef struct imported {
    char *source, *report, *sidecar, *err;
    char src_path[256], rep_path[256];
    int rc;
} imported;

static void imported_free(imported *im)
{
    free(im->source);
    free(im->report);
    free(im->sidecar);
    free(im->err);
}

/* Run the importer on an input file into the scratch directory. */
static int import_file(const char *input, const char *name, im_kind kind,
                       const char *pub, imported *im)
{
    memset(im, 0, sizeof *im);
    snprintf(im->src_path, sizeof im->src_path, "%s/%s.md", tmpdir(), name);
    snprintf(im->rep_path, sizeof im->rep_path, "%s/%s.report", tmpdir(), name);
    char err_path[300], side[300];
    snprintf(err_path, sizeof err_path, "%s/%s.err", tmpdir(), name);
    snprintf(side, sizeof side, "%s/%s.lines.json", tmpdir(), name);
    im_import_opts o = {.input = input, .output = im->src_path,
                        .report = im->rep_path, .kind = kind,
                        .publication = pub, .style_dir = style_dir()};
    diag_ctx d;
    FILE *ef = fopen(err_path, "w");
    diag_init(&d, ef);
    im->rc = im_import(&o, &d);
    if (ef)
        fclose(ef);
    im->source = slurp(im->src_path);
    im->report = slurp(im->rep_path);
    im->sidecar = have(side) ? slurp(side) : NULL;
    im->err = slurp(err_path);
    return im->rc == 0 && im->source ? 0 : -1;
}

/* Text with spaces, U+3000 and line breaks removed. */
static void squeeze(const char *s, char *out, size_t cap)
{
    size_t k = 0;
    while (*s && k + 1 < cap) {
        if (*s == ' ' || *s == '\n' || *s == '\t') {
            s++;
            continue;
        }
        if (!strncmp(s, "\xe3\x80\x80", 3)) {
            s += 3;
            continue;
        }
        out[k++] = *s++;
    }
    out[k] = 0;
}

static char *plain_squeezed(ar_arena *ar, const doc_text *t)
{
    char *p = doc_text_plain(ar, t);
    char *out = ar_alloc(ar, strlen(p) + 1);
    squeeze(p, out, strlen(p) + 1);
    return out;
}

/* The article's text for the order fixture: paragraphs and items, not
 * those of a boxed notice. */
static char *article_text(ar_arena *ar, const doc_article *a)
{
    sb_buf sb;
    sb_init(&sb);
    for (size_t i = 0; i < a->nblocks; i++)
        if ((a->blocks[i].kind == DOC_PARA || a->blocks[i].kind == DOC_ITEM) &&
            !a->blocks[i].box) {
            if (a->blocks[i].bullet)
                sb_adds(&sb, a->blocks[i].bullet);
            sb_adds(&sb, plain_squeezed(ar, &a->blocks[i].text));
        }
    char *out = ar_strdup(ar, sb.s ? sb.s : "");
    sb_free(&sb);
    return out;
}

static const doc_issue *parse(ar_arena *ar, const char *src, diag_ctx *d)
{
    const doc_issue *doc = NULL;
    if (in_parse_text("imported.md", src, strlen(src), NULL, ar, d, &doc))
        return NULL;
    return doc;
}

#define SEED000 "000_de79cbad821903a0.txt"
#define SEED003 "003_386fd0c94091d3c0.txt"
#define SEED004 "004_1e5e404a4c67e53c.txt"

static int skip_without(check_state *cs, const char *seed)
{
    if (have(seed_path(seed)))
        return 0;
    printf("SKIP - %s: seed %s not found (set ROOT)\n", cs->name, seed);
    return 1;
}

/* ---- order fixtures ---- */

typedef struct fx_art {
    char title[512], by[64], first[256], last[256];
    int page;
    int deviation; /* the importer is known to miss this entry */
} fx_art;

/* Reads the fixture; *extra gets the number of articles the importer is
 * known to make up ("extra N: why"). */
static size_t read_fixture(const char *path, fx_art *v, size_t max, int *extra)
{
    FILE *f = fopen(path, "r");
    char line[1024];
    size_t n = 0;
    *extra = 0;
    if (!f)
        return 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        if (!strncmp(line, "== ", 3) && n < max) {
            memset(&v[n], 0, sizeof v[n]);
            squeeze(line + 3, v[n++].title, sizeof v[0].title);
        } else if (n && !strncmp(line, "by ", 3)) {
            squeeze(line + 3, v[n - 1].by, sizeof v[0].by);
        } else if (n && !strncmp(line, "first ", 6)) {
            squeeze(line + 6, v[n - 1].first, sizeof v[0].first);
        } else if (n && !strncmp(line, "last ", 5)) {
            squeeze(line + 5, v[n - 1].last, sizeof v[0].last);
        } else if (n && !strncmp(line, "page ", 5)) {
            v[n - 1].page = atoi(line + 5);
        } else if (n && !strncmp(line, "deviation ", 10)) {
            v[n - 1].deviation = 1;
        } else if (!strncmp(line, "extra ", 6)) {
            *extra = atoi(line + 6);
        }
    }
    fclose(f);
    return n;
}

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && !strcmp(s + a - b, suf);
}

static int fixture_match(ar_arena *ar, const doc_article *a, const fx_art *fx)
{
    char *text = article_text(ar, a);
    int ok = 1;
    if (fx->by[0])
        ok &= a->nbylines &&
              !strcmp(plain_squeezed(ar, &a->bylines[0].name), fx->by);
    ok &= !strncmp(text, fx->first, strlen(fx->first));
    ok &= ends_with(text, fx->last);
    if (fx->page)
        ok &= a->page == fx->page;
    return ok;
}

/* Each entry of the fixture is looked for, in order, by its title; an
 * entry marked "deviation" is reported, not failed, and must still be
 * missed (a fixed deviation is to be unmarked). */
static void check_order(check_state *cs, const doc_issue *doc,
                        const char *fixture, ar_arena *ar)
{
    fx_art fx[128];
    int extra;
    size_t n = read_fixture(fixture, fx, 128, &extra);
    CHECK(cs, n > 0);
    CHECK_INT(cs, doc->narticles, n + (size_t)extra);
    size_t next = 0;
    for (size_t i = 0; i < n; i++) {
        const doc_article *a = NULL;
        for (size_t k = next; k < doc->narticles && !a; k++)
            if (!strcmp(plain_squeezed(ar, &doc->articles[k].title), fx[i].title)) {
                a = &doc->articles[k];
                next = k + 1;
            }
        int ok = a && fixture_match(ar, a, &fx[i]);
        if (ok && fx[i].deviation) {
            printf("#   entry %zu «%s» is met: unmark its deviation\n", i + 1,
                   fx[i].title);
            cs->failed++;
        } else if (!ok) {
            char *text = a ? article_text(ar, a) : "";
            printf("#   %s entry %zu: want «%s» by «%s» «%s…%s», got %s by "
                   "«%s» page %d «%.60s…%s»\n",
                   fx[i].deviation ? "known deviation," : "", i + 1,
                   fx[i].title, fx[i].by, fx[i].first, fx[i].last,
                   a ? "it" : "no such title",
                   a && a->nbylines ? plain_squeezed(ar, &a->bylines[0].name) : "",
                   a ? a->page : 0, text,
                   strlen(text) > 45 ? text + strlen(text) - 45 : text);
            cs->failed += !fx[i].deviation;
        }
    }
}

static void t_order_000(check_state *cs)
{
    if (skip_without(cs, SEED000))
        return;
    imported im;
    CHECK(cs, import_file(seed_path(SEED000), "t000", IM_KIND_AUTO, NULL,
                          &im) == 0);
    ar_arena *ar = ar_new();
    diag_ctx d;
    diag_init(&d, NULL);
    const doc_issue *doc = im.source ? parse(ar, im.source, &d) : NULL;
    CHECK(cs, doc != NULL);
    char fixture[4096];
    snprintf(fixture, sizeof fixture, "%s/tests/import/order-000.txt", root());
    if (doc)
        check_order(cs, doc, fixture, ar);
    ar_free(ar);
    imported_free(&im);
}


static void t_order_seed(check_state *cs, const char *seed, const char *name,
                         const char *fixture_name)
{
    if (skip_without(cs, seed))
        return;
    imported im;
    CHECK(cs, import_file(seed_path(seed), name, IM_KIND_AUTO, NULL, &im) == 0);
    ar_arena *ar = ar_new();
    diag_ctx d;
    diag_init(&d, NULL);
    const doc_issue *doc = im.source ? parse(ar, im.source, &d) : NULL;
    CHECK(cs, doc != NULL);
    char fixture[4096];
    snprintf(fixture, sizeof fixture, "%s/tests/import/%s", root(),
             fixture_name);
    if (doc)
        check_order(cs, doc, fixture, ar);
    ar_free(ar);
    imported_free(&im);
}

static void t_order_003(check_state *cs)
{
    t_order_seed(cs, SEED003, "o003", "order-003.txt");
}

static void t_order_004(check_state *cs)
{
    t_order_seed(cs, SEED004, "o004", "order-004.txt");
}

/* ---- per-rule tests of the cleaner ---- */

static char *despaced(ar_arena *ar, const char *s, int *removed, int *kept)
{
    *removed = *kept = 0;
    return imp_despace(ar, s, strlen(s), 1, NULL, removed, kept);
}

static void t_despace_letterspacing(check_state *cs)
{
    ar_arena *ar = ar_new();
    int r, k;
    CHECK_STR(cs, despaced(ar, "书 记 重 要 讲 话 精 神，", &r, &k),
              "书记重要讲话精神，");
    CHECK_INT(cs, r, 7);
    CHECK_INT(cs, k, 0);
    ar_free(ar);
}

static void t_despace_latin(check_state *cs)
{
    ar_arena *ar = ar_new();
    int r, k;
    /* the CJK–Latin spacing of the print is no content */
    CHECK_STR(cs, despaced(ar, "建党 90 多年，2021 年", &r, &k),
              "建党90多年，2021年");
    /* a space between two Latin words is real */
    CHECK_STR(cs, despaced(ar, "DUO CUO BING 的建议", &r, &k),
              "DUO CUO BING的建议");
    CHECK_STR(cs, despaced(ar, "互联网 + 护理服务", &r, &k), "互联网+护理服务");
    ar_free(ar);
}

static void t_despace_separators(check_state *cs)
{
    ar_arena *ar = ar_new();
    int r, k;
    /* two spaces or more: a phrase separator, a padded name */
    CHECK_STR(cs, despaced(ar, "以党建促履职  凝心聚力开新局", &r, &k),
              "以党建促履职　凝心聚力开新局");
    CHECK_INT(cs, k, 1);
    CHECK_STR(cs, despaced(ar, "刘  伟", &r, &k), "刘　伟");
    CHECK_STR(cs, despaced(ar, "大正能量。    ", &r, &k), "大正能量。");
    ar_free(ar);
}

static imp_ctx *ctx(ar_arena *ar, diag_ctx *d)
{
    imp_ctx *c = ar_alloc(ar, sizeof *c);
    c->ar = ar;
    c->diag = d;
    c->input = "test";
    return c;
}

static char *norm(imp_ctx *c, const char *s)
{
    return imp_normalize(c, s, 0, 0, 1, NULL, 1);
}

static void t_norm_punct(check_state *cs)
{
    ar_arena *ar = ar_new();
    diag_ctx d;
    diag_init(&d, NULL);
    imp_ctx *c = ctx(ar, &d);
    CHECK_STR(cs, norm(c, "坚持发扬民主,增进团结;建言资政:凝聚共识!对吗?"),
              "坚持发扬民主，增进团结；建言资政：凝聚共识！对吗？");
    CHECK_STR(cs, norm(c, "(2020年7月14日)"), "（2020年7月14日）");
    CHECK_STR(cs, norm(c, "(上接35页) 全面推进"), "（上接35页） 全面推进");
    CHECK_INT(cs, c->counts[IMP_R_PUNCT], 7);
    ar_free(ar);
}

static void t_norm_latin_kept(check_state *cs)
{
    ar_arena *ar = ar_new();
    diag_ctx d;
    diag_init(&d, NULL);
    imp_ctx *c = ctx(ar, &d);
    /* never inside Latin text, numbers, URLs or e-mail addresses */
    CHECK_STR(cs, norm(c, "1,000人,10:30开会"), "1,000人，10:30开会");
    CHECK_STR(cs, norm(c, "网址:http://zx.jconline.cn/a,b"),
              "网址：http://zx.jconline.cn/a,b");
    CHECK_STR(cs, norm(c, "信箱:jczxbjb@126.com"), "信箱：jczxbjb@126.com");
    CHECK_STR(cs, norm(c, "Hello, world! (a)"), "Hello, world! (a)");
    CHECK_STR(cs, norm(c, "电话:(0356)2198273"), "电话：(0356)2198273");
    ar_free(ar);
}

static void t_norm_marks(check_state *cs)
{
    ar_arena *ar = ar_new();
    diag_ctx d;
    diag_init(&d, NULL);
    imp_ctx *c = ctx(ar, &d);
    CHECK_STR(cs, norm(c, "在线问诊......互联网医院⋯⋯"), "在线问诊……互联网医院……");
    CHECK_STR(cs, norm(c, "父亲--著名美术家─陈梅庵"), "父亲—著名美术家—陈梅庵");
    CHECK_STR(cs, norm(c, "爱新觉罗•溥佐"), "爱新觉罗·溥佐");
    CHECK_STR(cs, norm(c, "( 一 )组织协调"), "（一）组织协调");
    CHECK_STR(cs, norm(c, "他说\"不忘初心\"是关键"), "他说“不忘初心”是关键");
    CHECK_STR(cs, norm(c, "学习<习近平谈治国理政>第三卷"),
              "学习《习近平谈治国理政》第三卷");
    CHECK_INT(cs, c->counts[IMP_R_ELLIPSIS], 4); /* ...... is two */
    CHECK_INT(cs, c->counts[IMP_R_DASH], 2);
    CHECK_INT(cs, c->counts[IMP_R_MIDDOT], 1);
    CHECK_INT(cs, c->counts[IMP_R_NUMERAL], 1);
    ar_free(ar);
}

static void t_classifiers(check_state *cs)
{
    CHECK_INT(cs, imp_headnum("一、总体要求"), 1);
    CHECK_INT(cs, imp_headnum("二十三、其他"), 1);
    CHECK_INT(cs, imp_headnum("（一）突出政治统领。"), 2);
    CHECK_INT(cs, imp_headnum("(十二)加强"), 2);
    CHECK_INT(cs, imp_headnum("一是集中学习打基础。"), 3);
    CHECK_INT(cs, imp_headnum("第一，坚持党的领导"), 3);
    CHECK_INT(cs, imp_headnum("一个国家能不能富强"), 0);
    CHECK(cs, imp_is_name("祖大祥"));
    CHECK(cs, imp_is_name("刘　伟"));
    CHECK(cs, !imp_is_name("质量有了新提高"));
    CHECK(cs, !imp_is_name("书记）"));
    size_t at, len;
    int page;
    CHECK_INT(cs, imp_find_jump("鼓励通信（下转45页）", &at, &len, &page), 1);
    CHECK_INT(cs, page, 45);
    CHECK_INT(cs, imp_find_jump("（上接第32页）优秀人士", &at, &len, &page), 2);
    CHECK_INT(cs, page, 32);
    CHECK_INT(cs, at, 0);
    CHECK_INT(cs, imp_find_jump("转型发展上率先蹚出", &at, &len, &page), 0);
}

static void t_raw_ends(check_state *cs)
{
    CHECK(cs, imp_raw_ends("复兴的中国梦。■"));
    CHECK(cs, imp_raw_ends("“两个维护”。"));
    CHECK(cs, !imp_raw_ends("领“方向盘”"));
    CHECK(cs, imp_raw_ends("（发言人祖大祥系市政协机关党组成员）"));
    CHECK(cs, imp_raw_ends("书记）")); /* the end of a bracket opened before */
    CHECK(cs, !imp_raw_ends("的时代舞台，具有无比深厚的历史底蕴，"));
}

/* ---- detection ---- */

/* An importer's state with the designs of the style files ds. */
static imp_ctx *with_designs(ar_arena *ar, diag_ctx *d, const im_designs *ds)
{
    imp_ctx *c = ctx(ar, d);
    imp_use_designs(c, ds);
    return c;
}

/* The style of the design a measure and lines fit, NULL when none. */
static const char *style_for(const imp_ctx *c, double m, int lines)
{
    const imp_design *d = imp_design_for(c, IMP_PUB_TIANJIN, m, lines);
    return d ? d->style : NULL;
}

static void t_detect_kind(check_state *cs)
{
    const char *md = "# 标题\n\n## 小标题\n\n正文。\n";
    const char *raw = " 第一行文字第一行文字第一行文字\n\n第二行文字第二行文字\n";
    ar_arena *ar = ar_new();
    diag_ctx d;
    diag_init(&d, NULL);
    im_designs *ds = im_load_designs(style_dir());
    imp_ctx *c = with_designs(ar, &d, ds);
    CHECK_INT(cs, imp_detect_kind(md, strlen(md)), IM_KIND_MARKDOWN);
    CHECK_INT(cs, imp_detect_kind(raw, strlen(raw)), IM_KIND_RAW);
    CHECK_INT(cs, imp_detect_pub("天津政协 天津", 18), IMP_PUB_TIANJIN);
    CHECK_INT(cs, imp_detect_pub("晋城政协", 12), IMP_PUB_JINCHENG);
    CHECK_STR(cs, style_for(c, 18, 34), "tianjin-2022");
    CHECK_STR(cs, style_for(c, 21, 34), "tianjin-2023");
    CHECK(cs, style_for(c, 25, 34) == NULL);
    im_free_designs(ds);
    ar_free(ar);
}

/* The body text of seed 000 re-set as a raw extraction of 21-em columns:
 * paragraphs of the seed's import wrapped at 21 characters (19 on a first
 * line), a blank line between lines, a page start every 68 lines. */
static char *rewrap(const doc_issue *doc, ar_arena *ar, int measure)
{
    sb_buf sb;
    sb_init(&sb);
    int lines = 0;
    for (size_t i = 0; i < doc->narticles; i++) {
        const doc_article *a = &doc->articles[i];
        if (a->single_column)
            continue;
        for (size_t k = 0; k < a->nblocks; k++) {
            if (a->blocks[k].kind != DOC_PARA)
                continue;
            const char *t = doc_text_plain(ar, &a->blocks[k].text);
            size_t len = strlen(t);
            int col = 0, m = measure - 2;
            if (lines % 68 == 0)
                sb_addc(&sb, ' ');
            while (len) {
                uint32_t cp;
                int n = u8_decode(t, len, &cp);
                sb_add(&sb, t, (size_t)n);
                col += cp < 0x80 ? 1 : 2;
                t += n;
                len -= (size_t)n;
                if (col >= 2 * m && len) {
                    sb_adds(&sb, "\n\n");
                    if (++lines % 68 == 0)
                        sb_addc(&sb, ' ');
                    col = 0;
                    m = measure;
                }
            }
            sb_adds(&sb, "\n\n");
            lines++;
        }
    }
    char *out = ar_strndup(ar, sb.s ? sb.s : "", sb.len);
    sb_free(&sb);
    return out;
}

static void t_detect_measure(check_state *cs)
{
    if (skip_without(cs, SEED000))
        return;
    double m, single;
    int lines;
    ar_arena *dar = ar_new();
    diag_ctx dd;
    diag_init(&dd, NULL);
    im_designs *ds = im_load_designs(style_dir());
    imp_ctx *c = with_designs(dar, &dd, ds);
    char *text = slurp(seed_path(SEED000));
    imp_raw_measure(text, strlen(text), &m, &lines, &single);
    CHECK_INT(cs, (int)m, 18);
    CHECK_INT(cs, lines, 34);
    CHECK_INT(cs, (int)single, 39);
    CHECK_STR(cs, style_for(c, m, lines), "tianjin-2022");
    free(text);
    /* the same text re-wrapped at 21 em: the 2023 design */
    imported im;
    CHECK(cs, import_file(seed_path(SEED000), "m000", IM_KIND_AUTO, NULL,
                          &im) == 0);
    ar_arena *ar = ar_new();
    diag_ctx d;
    diag_init(&d, NULL);
    const doc_issue *doc = im.source ? parse(ar, im.source, &d) : NULL;
    CHECK(cs, doc != NULL);
    if (doc) {
        char *w = rewrap(doc, ar, 21);
        imp_raw_measure(w, strlen(w), &m, &lines, &single);
        CHECK_INT(cs, (int)m, 21);
        CHECK_INT(cs, lines, 34);
        CHECK_STR(cs, style_for(c, m, lines), "tianjin-2023");
        char path[300];
        snprintf(path, sizeof path, "%s/rewrap21.txt", tmpdir());
        FILE *f = fopen(path, "w");
        if (f) {
            fputs(w, f);
            fclose(f);
        }
        imported im2;
        CHECK(cs, import_file(path, "r21", IM_KIND_AUTO, "tianjin", &im2) == 0);
        CHECK(cs, im2.source && strstr(im2.source, "style: tianjin-2023"));
        imported_free(&im2);
        /* and at 25 em no known design fits: a warning, no style */
        w = rewrap(doc, ar, 25);
        imp_raw_measure(w, strlen(w), &m, &lines, &single);
        CHECK(cs, style_for(c, m, lines) == NULL);
    }
    ar_free(ar);
    ar_free(dar);
    im_free_designs(ds);
    imported_free(&im);
}

/* Copy styles/NAME.style to dir/AS.style with its lines per column set
 * to lines. */
static int style_copy(const char *dir, const char *name, const char *as,
                      int lines)
{
    char in[4200], out[4200], row[1024];
    snprintf(in, sizeof in, "%s/%s.style", style_dir(), name);
    snprintf(out, sizeof out, "%s/%s.style", dir, as);
    FILE *f = fopen(in, "r"), *g = fopen(out, "w");
    if (!f || !g) {
        if (f)
            fclose(f);
        if (g)
            fclose(g);
        return -1;
    }
    while (fgets(row, sizeof row, f)) {
        if (!strncmp(row, "lines ", 6) || !strncmp(row, "lines=", 6))
            fprintf(g, "lines = %d\n", lines);
        else
            fputs(row, g);
    }
    fclose(f);
    return fclose(g);
}

static void t_detect_lines(check_state *cs)
{
    ar_arena *ar = ar_new();
    diag_ctx d;
    diag_init(&d, NULL);
    im_designs *ds = im_load_designs(style_dir());
    imp_ctx *c = with_designs(ar, &d, ds);
    /* one design of 21 em: its lines (34) do not refuse it, a short
     * issue counts too few full pages */
    CHECK_STR(cs, style_for(c, 21, 39), "tianjin-2023");
    CHECK_STR(cs, style_for(c, 21, 28), "tianjin-2023");
    CHECK(cs, style_for(c, 25, 34) == NULL);
    im_free_designs(ds);
    /* two designs of 18 em, 34 and 36 lines: the nearer within 2 */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/designs", tmpdir());
    mkdir(dir, 0755);
    CHECK(cs, style_copy(dir, "tianjin-2022", "tianjin-2022", 34) == 0);
    CHECK(cs, style_copy(dir, "tianjin-2022", "tianjin-2021", 36) == 0);
    ds = im_load_designs(dir);
    CHECK(cs, ds != NULL);
    if (ds) {
        c = with_designs(ar, &d, ds);
        CHECK_STR(cs, style_for(c, 18, 33), "tianjin-2022");
        CHECK_STR(cs, style_for(c, 18, 37), "tianjin-2021");
        CHECK(cs, style_for(c, 18, 30) == NULL);
        CHECK(cs, style_for(c, 18, 40) == NULL);
        im_free_designs(ds);
    }
    ar_free(ar);
}

/* ---- conservation ---- */

/* Count every Han character of s into counts (indexed by code point). */
static void count_han(const char *s, size_t len, int *counts, int sign)
{
    while (len) {
        uint32_t cp;
        int n = u8_decode(s, len, &cp);
        if (u8_is_han(cp) && cp < 0x30000)
            counts[cp] += sign;
        s += n;
        len -= (size_t)n;
    }
}

/* The output's text: the source without what the importer generates
 * (publication and style, contents' column names, toc attributes, column
 * headings, title placeholders). */
static void count_output(const char *src, int *counts)
{
    const char *p = src;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *line = strndup(p, n);
        char *cut;
        if (!strncmp(line, "publication:", 12) || !strncmp(line, "style:", 6) ||
            !strncmp(line, "# ", 2)) {
            free(line);
            p += n + (e ? 1 : 0);
            continue;
        }
        if ((cut = strstr(line, ", column: ")))
            memmove(cut, strstr(cut, ", title:"), strlen(strstr(cut, ", title:")) + 1);
        if ((cut = strstr(line, " toc=\"")))
            *cut = 0;
        while ((cut = strstr(line, "（标题）")))
            memset(cut, ' ', strlen("（标题）"));
        count_han(line, strlen(line), counts, 1);
        free(line);
        p += n + (e ? 1 : 0);
    }
}

/* What the report lists as removed «…», and titles restored from the
 * contents (copies, not input text of that place). */
static void count_report(const char *rep, int *removed, int *restored)
{
    const char *sec = strstr(rep, "## removed");
    const char *end = sec ? strstr(sec, "## repairs") : NULL;
    for (const char *p = sec; p && p < end; p++) {
        const char *a = strstr(p, "«"), *z = a ? strstr(a, "»") : NULL;
        if (!a || !z || a > end)
            break;
        const char *nl = strchr(p, '\n');
        if (nl && a > nl) {
            p = nl;
            continue;
        }
        count_han(a + 2, (size_t)(z - a - 2), removed, 1);
        p = nl ? nl : z;
    }
    /* in the repairs (the to-check list names them again) */
    const char *rs = strstr(rep, "## repairs");
    for (const char *p = rs; p && (p = strstr(p, "title «")); p++) {
        const char *z = strstr(p, "» restored from the contents");
        const char *nl = strchr(p, '\n');
        if (z && (!nl || z < nl))
            count_han(p + strlen("title «"), (size_t)(z - p - strlen("title «")),
                      restored, 1);
    }
}

static void check_conservation(check_state *cs, const char *seed,
                               const char *name)
{
    if (skip_without(cs, seed))
        return;
    imported im;
    CHECK(cs, import_file(seed_path(seed), name, IM_KIND_AUTO, NULL, &im) == 0);
    char *in = slurp(seed_path(seed));
    if (!im.source || !im.report || !in) {
        cs->failed++;
        free(in);
        imported_free(&im);
        return;
    }
    static int cin[0x30000], cout[0x30000], crem[0x30000], cres[0x30000];
    memset(cin, 0, sizeof cin);
    memset(cout, 0, sizeof cout);
    memset(crem, 0, sizeof crem);
    memset(cres, 0, sizeof cres);
    count_han(in, strlen(in), cin, 1);
    count_output(im.source, cout);
    count_report(im.report, crem, cres);
    int bad = 0;
    for (uint32_t cp = 0; cp < 0x30000; cp++) {
        int want = cin[cp] - crem[cp], got = cout[cp] - cres[cp];
        if (want != got && bad++ < 8) {
            char buf[5] = {0};
            u8_encode(cp, buf);
            printf("#   «%s»: input %d, removed %d, output %d, restored %d\n",
                   buf, cin[cp], crem[cp], cout[cp], cres[cp]);
        }
    }
    CHECK_INT(cs, bad, 0);
    free(in);
    imported_free(&im);
}

static void t_conserve_000(check_state *cs)
{
    check_conservation(cs, SEED000, "c000");
}

static void t_conserve_003(check_state *cs)
{
    check_conservation(cs, SEED003, "c003");
}

static void t_conserve_004(check_state *cs)
{
    check_conservation(cs, SEED004, "c004");
}

/* ---- structure ---- */

static int count_str(const char *s, const char *needle)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* Body text of the source: lines after the front matter. */
static const char *body_of(const char *src)
{
    const char *p = strstr(src + 3, "\n---\n");
    return p ? p + 5 : src;
}

static int han_at(const char *s)
{
    uint32_t cp;
    u8_decode(s, strlen(s), &cp);
    return u8_is_han(cp);
}

static int prev_han(const char *start, const char *s)
{
    const char *p = s;
    while (p > start && (((unsigned char)p[-1]) & 0xC0) == 0x80)
        p--;
    if (p > start)
        p--;
    while (p > start && (((unsigned char)*p) & 0xC0) == 0x80)
        p--;
    return p < s && han_at(p);
}

static void check_structure(check_state *cs, const char *seed, const char *name)
{
    if (skip_without(cs, seed))
        return;
    imported im;
    CHECK(cs, import_file(seed_path(seed), name, IM_KIND_AUTO, NULL, &im) == 0);
    char *in = slurp(seed_path(seed));
    if (!im.source || !in) {
        cs->failed++;
        free(in);
        imported_free(&im);
        return;
    }
    const char *body = body_of(im.source);
    /* every end mark kept */
    CHECK_INT(cs, count_str(body, "■"), count_str(in, "■"));
    /* no jump markers left */
    size_t at, len;
    int page;
    CHECK_INT(cs, imp_find_jump(body, &at, &len, &page), 0);
    int spaced = 0, half = 0;
    for (const char *p = body; *p; p++) {
        /* letter-spacing left between Chinese characters: 中 文 字 */
        if (*p == ' ' && p > body && prev_han(body, p) && han_at(p + 1)) {
            const char *q = p + 1;
            while (((unsigned char)*++q & 0xC0) == 0x80)
                ;
            spaced += *q == ' ' && han_at(q + 1);
        }
        if (strchr(",;:!?()", *p) && *p && p > body &&
            (prev_han(body, p) || han_at(p + 1)))
            half++; /* half-width punctuation in Chinese context */
    }
    CHECK_INT(cs, spaced, 0);
    CHECK_INT(cs, half, 0);
    /* the source parses without errors */
    ar_arena *ar = ar_new();
    diag_ctx d;
    diag_init(&d, NULL);
    CHECK(cs, parse(ar, im.source, &d) != NULL);
    CHECK_INT(cs, d.errors, 0);
    ar_free(ar);
    free(in);
    imported_free(&im);
}

static void t_structure_000(check_state *cs)
{
    check_structure(cs, SEED000, "s000");
}

static void t_structure_003(check_state *cs)
{
    check_structure(cs, SEED003, "s003");
}

static void t_structure_004(check_state *cs)
{
    check_structure(cs, SEED004, "s004");
}

/* ---- the sidecar of printed lines ---- */

static void t_sidecar_000(check_state *cs)
{
    if (skip_without(cs, SEED000))
        return;
    imported im;
    CHECK(cs, import_file(seed_path(SEED000), "l000", IM_KIND_AUTO, NULL,
                          &im) == 0);
    ar_arena *ar = ar_new();
    diag_ctx d;
    diag_init(&d, NULL);
    const doc_issue *doc = im.source ? parse(ar, im.source, &d) : NULL;
    json_error_t err;
    json_t *j = im.sidecar ? json_loads(im.sidecar, 0, &err) : NULL;
    CHECK(cs, doc && j);
    if (!doc || !j) {
        json_decref(j);
        ar_free(ar);
        imported_free(&im);
        return;
    }
    CHECK_INT(cs, json_integer_value(json_object_get(j, "version")), 1);
    CHECK_STR(cs, json_string_value(json_object_get(j, "source")), "l000.md");
    json_t *pages = json_object_get(j, "pages");
    CHECK_INT(cs, json_array_size(pages), 62);
    CHECK_INT(cs, json_array_size(json_object_get(j, "articles")),
              doc->narticles);
    json_t *paras = json_object_get(j, "paragraphs");
    CHECK(cs, json_array_size(paras) > 400);
    size_t i, bad = 0;
    json_t *p;
    json_array_foreach(paras, i, p) {
        const char *id = json_string_value(json_object_get(p, "article"));
        json_int_t k = json_integer_value(json_object_get(p, "block"));
        json_t *lines = json_object_get(p, "lines");
        const doc_article *a = NULL;
        for (size_t n = 0; n < doc->narticles; n++)
            if (!strcmp(doc->articles[n].id, id))
                a = &doc->articles[n];
        if (!a || k < 0 || (size_t)k >= a->nblocks) {
            bad++;
            continue;
        }
        /* the lines give the block's plain text exactly */
        sb_buf sb;
        sb_init(&sb);
        size_t li;
        json_t *l;
        json_array_foreach(lines, li, l) sb_adds(&sb, json_string_value(l));
        const char *plain = doc_text_plain(ar, &a->blocks[k].text);
        if (!sb.s || strcmp(sb.s, plain)) {
            if (bad < 3)
                printf("#   %s block %lld: «%.40s» vs «%.40s»\n", id,
                       (long long)k, sb.s ? sb.s : "", plain);
            bad++;
        }
        sb_free(&sb);
        bad += json_array_size(json_object_get(p, "pages")) != json_array_size(lines);
        bad += json_array_size(json_object_get(p, "input_lines")) !=
               json_array_size(lines);
    }
    CHECK_INT(cs, bad, 0);
    /* and the parser attaches every one of them */
    diag_ctx d2;
    diag_init(&d2, NULL);
    in_sidecar side = {"l000.lines.json", im.sidecar, strlen(im.sidecar)};
    const doc_issue *with = NULL;
    CHECK_INT(cs, in_parse_text("l000.md", im.source, strlen(im.source), &side,
                                ar, &d2, &with), 0);
    size_t attached = 0, untitled = 0;
    for (size_t n = 0; with && n < with->narticles; n++) {
        untitled += with->articles[n].untitled;
        for (size_t b = 0; b < with->articles[n].nblocks; b++)
            attached += with->articles[n].blocks[b].norig > 0;
    }
    /* no warning but one per title the import could not find */
    CHECK_INT(cs, d2.warnings, untitled);
    CHECK_INT(cs, attached, json_array_size(paras));
    json_decref(j);
    ar_free(ar);
    imported_free(&im);
}

static void t_pages_000(check_state *cs)
{
    if (skip_without(cs, SEED000))
        return;
    imported im;
    CHECK(cs, import_file(seed_path(SEED000), "p000", IM_KIND_AUTO, NULL,
                          &im) == 0);
    /* 63 page starts, two of them spurious, one page found at its side
     * tab, whose number 60 agrees with the count */
    CHECK(cs, im.report && strstr(im.report, "pages: 62 printed pages from 63 "
                                             "page starts (2 spurious, 1 found "
                                             "at a side tab)"));
    CHECK(cs, im.report && strstr(im.report, "page number 60 agrees"));
    CHECK(cs, im.source && strstr(im.source, "year: 2022\nissue: 9\n"));
    imported_free(&im);
}

/* No head or title holds a sentence's end with more text after it, nor
 * ends on a mark no line may end with: seed 000 prints such a line of a
 * paragraph glued to the next one (no blank line between them, as the
 * lines of a title are), and it stays in its paragraph. */
static void t_body_line_not_head(check_state *cs)
{
    if (skip_without(cs, SEED000))
        return;
    imported im;
    CHECK(cs, import_file(seed_path(SEED000), "b000", IM_KIND_AUTO, NULL,
                          &im) == 0);
    CHECK(cs, im.source && strstr(im.source, "增强数据研发创新能力。**"
                                             "加快医疗机构5G+基础设施建设布局"));
    int bad = 0;
    for (const char *p = im.source; p && (p = strstr(p, "\n#")); p++) {
        const char *nl = strchr(p + 1, '\n');
        size_t len = nl ? (size_t)(nl - p - 1) : strlen(p + 1);
        char *line = strndup(p + 1, len);
        char *stop = line ? strstr(line, "。") : NULL;
        /* a heading line: text after a 。 inside it, or a closing + */
        if (stop && stop[3] && stop[3] != ' ' && strncmp(stop + 3, "”", 3) &&
            strncmp(stop + 3, "）", 3) && strncmp(stop + 3, "{", 1)) {
            printf("#   heading with a sentence inside: %s\n", line);
            bad++;
        }
        free(line);
    }
    CHECK_INT(cs, bad, 0);
    imported_free(&im);
}

static void t_determinism(check_state *cs)
{
    if (skip_without(cs, SEED000) || skip_without(cs, SEED004))
        return;
    const char *seeds[] = {SEED000, SEED004};
    for (int s = 0; s < 2; s++) {
        imported a, b;
        CHECK(cs, import_file(seed_path(seeds[s]), "d1", IM_KIND_AUTO, NULL,
                              &a) == 0);
        CHECK(cs, import_file(seed_path(seeds[s]), "d2", IM_KIND_AUTO, NULL,
                              &b) == 0);
        CHECK(cs, a.source && b.source && !strcmp(a.source, b.source));
        /* the sidecar names its source; the rest is the same */
        const char *sa = a.sidecar ? strstr(a.sidecar, "\"input\"") : NULL;
        const char *sb2 = b.sidecar ? strstr(b.sidecar, "\"input\"") : NULL;
        CHECK(cs, (!a.sidecar && !b.sidecar) || (sa && sb2 && !strcmp(sa, sb2)));
        imported_free(&a);
        imported_free(&b);
    }
}

/* Markdown marks in the text are escaped; the source reads back. */
static void t_escaping(check_state *cs)
{
    char path[300];
    snprintf(path, sizeof path, "%s/esc.txt", tmpdir());
    FILE *f = fopen(path, "w");
    if (!f) {
        cs->failed++;
        return;
    }
    fputs("# 晋城政协\n\n## 工作动态\n\n1. 第一条 *重要* [注] <看> `代码`\\结束。\n\n"
          "- 不是列表项，是正文。\n", f);
    fclose(f);
    imported im;
    CHECK(cs, import_file(path, "esc", IM_KIND_MARKDOWN, "jincheng", &im) == 0);
    ar_arena *ar = ar_new();
    diag_ctx d;
    diag_init(&d, NULL);
    const doc_issue *doc = im.source ? parse(ar, im.source, &d) : NULL;
    CHECK(cs, doc && doc->narticles == 1);
    if (doc && doc->narticles == 1 && doc->articles[0].nblocks == 2) {
        CHECK_STR(cs, doc_text_plain(ar, &doc->articles[0].blocks[0].text),
                  "1. 第一条 *重要* [注] 《看》 `代码`\\结束。");
        CHECK_INT(cs, doc->articles[0].blocks[1].kind, DOC_PARA);
    } else {
        cs->failed++;
    }
    ar_free(ar);
    imported_free(&im);
}

/* ---- characters that may not be set, and sources that parse ---- */

/* Import bytes (NUL and all) from a file, as the command does. */
static int import_bytes(const char *name, const char *text, size_t len,
                        im_kind kind, imported *im)
{
    char path[300];
    snprintf(path, sizeof path, "%s/%s.txt", tmpdir(), name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    fwrite(text, 1, len, f);
    fclose(f);
    return import_file(path, name, kind, NULL, im);
}

/* The round-trip property the fuzzer asserts: an import refused with an
 * error, or a source the parser accepts. */
static int round_trip(const char *text, size_t len, im_kind kind)
{
    diag_ctx d;
    diag_init(&d, NULL);
    size_t n;
    im_import_opts o = {.input = "rt.txt", .kind = kind,
                        .designs = shared_designs()};
    char *src = im_import_text(&o, text, len, &d, &n);
    if (!src)
        return d.errors > 0 ? 0 : -1;
    ar_arena *ar = ar_new();
    diag_ctx pd;
    diag_init(&pd, NULL);
    const doc_issue *doc;
    int rc = in_parse_text("rt.md", src, n, NULL, ar, &pd, &doc) || pd.errors;
    if (rc) {
        diag_ctx shown;
        diag_init(&shown, stdout);
        printf("#   this source does not parse:\n%.*s\n",
               (int)(n < 2000 ? n : 2000), src);
        in_parse_text("rt.md", src, n, NULL, ar, &shown, &doc);
    }
    ar_free(ar);
    free(src);
    return rc ? -1 : 0;
}

/* No byte of the source is a character that may not be set. */
static int settable_source(const char *src)
{
    size_t len = strlen(src);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += (size_t)u8_decode(src + i, len - i, &cp);
        if (u8_unsettable(cp, NULL))
            return 0;
    }
    return 1;
}

/* A masthead followed by a thematic break (the reader took the rule's
 * missing text for a cover line and crashed): every variant imports or
 * is refused with an error, and the rules are reported removed. */
static void t_md_masthead_rule(check_state *cs)
{
    static const char *const refused[] = {
        "# 晋城政协\n\n---\n",
        "# 晋城政协\n---\n",
        "# 晋城政协\n\n***\n\n___\n",
        "晋城政协\n====\n\n---\n",
        "# 晋城政协\n\n## 本期导读\n\n---\n",
    };
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        imported im;
        CHECK(cs, import_bytes("mr", refused[i], strlen(refused[i]),
                               IM_KIND_MARKDOWN, &im) != 0);
        CHECK(cs, im.err && strstr(im.err, "error: no article text found"));
        imported_free(&im);
    }
    static const char *const ok[] = {
        "# 晋城政协\n\n---\n\n## 标题\n\n正文。\n",
        "# 晋城政协\n---\n## 标题\n\n正文。\n",
        "晋城政协\n===\n\n- - -\n\n## 本期导读\n\n---\n\n- ◆ 标题\n\n## 标题\n\n正文。\n",
        "# 晋城政协\n\n## 编委会\n\n---\n\n主编：张三\n\n# 目录\n\n---\n\n"
        "1 标题\n\n---\n\n## 标题\n\n正文。\n",
    };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        imported im;
        CHECK(cs, import_bytes("mr", ok[i], strlen(ok[i]), IM_KIND_MARKDOWN,
                               &im) == 0);
        CHECK(cs, im.source && strstr(im.source, "## 标题"));
        CHECK(cs, im.report && strstr(im.report, "removed-rule: «"));
        CHECK_INT(cs, round_trip(ok[i], strlen(ok[i]), IM_KIND_MARKDOWN), 0);
        imported_free(&im);
    }
}

/* Cover text the reader does not recognise is kept as body text, as it
 * says (it was dropped: the body began after it). */
static void t_md_cover_kept(check_state *cs)
{
    static const char md[] = "# 晋城政协\n\n封面上的一段话。\n\n〔4 总第43期 2020〕\n\n"
                             "## 标题\n\n正文。\n";
    imported im;
    CHECK(cs, import_bytes("cover", md, sizeof md - 1, IM_KIND_MARKDOWN,
                           &im) == 0);
    CHECK(cs, im.err && strstr(im.err, ":3:1: warning: cover text not "
                                       "recognised, kept as body text"));
    CHECK(cs, im.source && strstr(im.source, "\n封面上的一段话。\n"));
    CHECK(cs, im.source && strstr(im.source, "issue: 4\n"));
    CHECK(cs, im.source && strstr(im.source, "\n正文。"));
    imported_free(&im);
}

/* A NUL ended the text of its line; controls, bidi controls and
 * noncharacters reached the source. They are removed, each a repair at
 * its input line and column, and the text around them is kept whole. */
static void t_unsettable_removed(check_state *cs)
{
    static const char md[] = "# 晋城政协\n\n## 标题\n\n甲\0乙,丙\xe2\x80\xae丁"
                             "\xef\xbf\xbf戊\x7f己。\n";
    imported im;
    CHECK(cs, import_bytes("nul", md, sizeof md - 1, IM_KIND_MARKDOWN,
                           &im) == 0);
    CHECK(cs, im.source && strstr(im.source, "甲乙，丙丁戊己。"));
    CHECK(cs, im.source && settable_source(im.source));
    CHECK(cs, im.report && strstr(im.report, ":5:2: unsettable: U+0000"));
    CHECK(cs, im.report && strstr(im.report, ":5:6: unsettable: U+202E"));
    CHECK(cs, im.report && strstr(im.report, ":5:8: unsettable: U+FFFF"));
    CHECK(cs, im.report && strstr(im.report, ":5:10: unsettable: U+007F"));
    /* positions after a removed character are still the input's */
    CHECK(cs, im.report && strstr(im.report, ":5:4: punctuation: , → ，"));
    imported_free(&im);
    /* the same in a raw extraction */
    static const char raw[] = "天津政协委员说\0明了这件事。\n\n第二行\xef\xb7\x90文字。\n";
    CHECK(cs, import_bytes("nulraw", raw, sizeof raw - 1, IM_KIND_RAW,
                           &im) == 0);
    CHECK(cs, im.source && strstr(im.source, "天津政协委员说明了这件事。"));
    CHECK(cs, im.source && settable_source(im.source));
    CHECK(cs, im.report && strstr(im.report, ":1:8: unsettable: U+0000"));
    CHECK(cs, im.report && strstr(im.report, ":3:4: unsettable: U+FDD0"));
    imported_free(&im);
    /* a right-to-left letter is set as U+FFFD (the one rule); the page
     * offsets of the sidecar are still the input's */
    static const char rtl[] = "天津政协委员\xd7\x90说明了这件事。\n\n\f第二页。\n";
    CHECK(cs, import_bytes("rtl", rtl, sizeof rtl - 1, IM_KIND_RAW, &im) == 0);
    CHECK(cs, im.source && strstr(im.source, "天津政协委员\xef\xbf\xbd说明了"));
    CHECK(cs, im.report && strstr(im.report, ":1:7: unsettable: U+05D0"));
    CHECK(cs, im.sidecar && strstr(im.sidecar, "{\"page\": 2, \"index\": 43,"));
    imported_free(&im);
}

/* A form feed in the 编委会 lines went raw into the front matter; in a
 * raw extraction a form feed opening a line is pdftotext's page break. */
static void t_form_feed(check_state *cs)
{
    static const char md[] = "# 晋城政协\n\n## 编委会\n\n主编：张\f三\n\n\f副主编：李四\n\n"
                             "## 标题\n\n正文。\n";
    imported im;
    CHECK(cs, import_bytes("ffmd", md, sizeof md - 1, IM_KIND_MARKDOWN,
                           &im) == 0);
    CHECK(cs, im.source && strstr(im.source, "board:\n  - 主编：张三\n  - 副主编：李四\n"));
    CHECK(cs, im.source && !strchr(im.source, '\f'));
    CHECK(cs, im.report && strstr(im.report, ":5:5: unsettable: U+000C"));
    CHECK(cs, im.report && strstr(im.report, ":7:1: unsettable: U+000C"));
    imported_free(&im);
    static const char raw[] = "天津政协委员说明了这件事。\n\n\f第二页的文字\f在这里。\n";
    CHECK(cs, import_bytes("ffraw", raw, sizeof raw - 1, IM_KIND_RAW,
                           &im) == 0);
    CHECK(cs, im.report && strstr(im.report, "from 2 page starts"));
    CHECK(cs, im.report && strstr(im.report, ":3:8: unsettable: U+000C"));
    CHECK(cs, im.report && !strstr(im.report, ":3:1: unsettable"));
    CHECK(cs, im.source && strstr(im.source, "第二页的文字在这里。"));
    CHECK(cs, im.source && !strchr(im.source, '\f'));
    /* the sidecar's page offsets are the input's */
    CHECK(cs, im.sidecar && strstr(im.sidecar, "{\"page\": 2, \"index\": 41,"));
    imported_free(&im);
}

/* Inputs that imported into sources the parser refused, found by the
 * fuzzer or by hand trying the variants of a class, each with why. */
static const struct {
    im_kind kind;
    const char *text;
    const char *why;
} regressions[] = {
    {IM_KIND_RAW, "\n\n# 天津政协\n#\n# 滨海新区政协\n\n### 强化。\n\n",
     "title \"#\" read as the closing sequence of its heading: empty title"},
    {IM_KIND_MARKDOWN, "# 晋城政协\n\n## 编委会\n\n主编：张\xe2\x80\xa8三\n\n"
     "## 标题\n\n正文。\n",
     "U+2028 in a front-matter value: a line break to libyaml"},
    {IM_KIND_MARKDOWN, "# 晋城政协\n\n## 标题\n\n正文。\n\n### 一、小标题 {a}\n\n"
     "正文。\n",
     "a closing {…} of a section head read as its attributes"},
    {IM_KIND_MARKDOWN, "# 晋城政协\n\n## 一 　#\t三 　-\t四 五\n\n正文。\n",
     "title lines after the first (after an indent) started with markup"},
    {IM_KIND_MARKDOWN, "# 晋城政协\n\n## 标题\n\n发言人 副\"主{任} 张三\n\n正文。\n",
     "a quote or brace in an attribute value"},
    {IM_KIND_MARKDOWN, "# 晋城政协\n\n## 甲 \xef\xbb\xbf-\t乙\n\n正文。\n",
     "a line starting with a BOM, which the parser removes: a list item"},
    {IM_KIND_MARKDOWN, "# 晋城政协\n\n[引题]\n\n## 甲 乙 1)\n\n正文。\n",
     "the last title line \"1)\" and its attributes: a numbered item"},
};

static void t_round_trip_regressions(check_state *cs)
{
    for (size_t i = 0; i < sizeof regressions / sizeof *regressions; i++) {
        int rc = round_trip(regressions[i].text, strlen(regressions[i].text),
                            regressions[i].kind);
        if (rc)
            printf("#   regression %zu: %s\n", i + 1, regressions[i].why);
        CHECK_INT(cs, rc, 0);
    }
}

/* Every input of the fuzzer's seed corpus (seed pieces and the inputs it
 * found), read both ways, is refused with an error or gives a source
 * that parses. */
static void t_round_trip_corpus(check_state *cs)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/tests/fuzz/corpus/import", root());
    DIR *dp = opendir(dir);
    CHECK(cs, dp != NULL);
    if (!dp)
        return;
    struct dirent *de;
    int files = 0;
    while ((de = readdir(dp))) {
        if (de->d_name[0] == '.')
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        size_t len;
        char *text = file_read(path, &len);
        if (!text)
            continue;
        files++;
        for (im_kind k = IM_KIND_RAW; k <= IM_KIND_MARKDOWN; k++)
            if (round_trip(text, len, k)) {
                printf("#   %s (%s)\n", de->d_name,
                       k == IM_KIND_RAW ? "raw" : "markdown");
                cs->failed++;
            }
        free(text);
    }
    closedir(dp);
    CHECK(cs, files >= 9);
}

static const check_case cases[] = {
    {"cleaner: letter-spacing removed", t_despace_letterspacing},
    {"cleaner: CJK–Latin spacing removed, Latin word spaces kept", t_despace_latin},
    {"cleaner: phrase separators and padded names kept as U+3000", t_despace_separators},
    {"cleaner: half-width punctuation to full width in Chinese context", t_norm_punct},
    {"cleaner: Latin text, numbers, URLs, e-mail and telephone untouched", t_norm_latin_kept},
    {"cleaner: ellipsis, dash, middle dot, （一）, quotes, 《》", t_norm_marks},
    {"cleaner: head numbers, names, jump markers", t_classifiers},
    {"cleaner: sentence ends through quotes and brackets", t_raw_ends},
    {"detection: kind, publication, style by measure", t_detect_kind},
    {"detection: seed 000 measures 18 em; re-wrapped at 21 em it is tianjin-2023", t_detect_measure},
    {"detection: the measure chooses the design; lines only between designs of one measure", t_detect_lines},
    {"import seed 000: pages counted, side tab 60 agrees", t_pages_000},
    {"import seed 000: a body line glued to the next is no head", t_body_line_not_head},
    {"import seed 000: conservation of every Chinese character", t_conserve_000},
    {"import seed 003: conservation of every Chinese character", t_conserve_003},
    {"import seed 004: conservation of every Chinese character", t_conserve_004},
    {"import seed 000: structure (■, spacing, punctuation, jump markers)", t_structure_000},
    {"import seed 003: structure (■, spacing, punctuation, jump markers)", t_structure_003},
    {"import seed 004: structure (■, spacing, punctuation, jump markers)", t_structure_004},
    {"import seed 000: articles in the order of the hand-written fixture", t_order_000},
    {"import seed 003: articles in the order of the hand-written fixture", t_order_003},
    {"import seed 004: articles in the order of the hand-written fixture", t_order_004},
    {"import seed 000: sidecar blocks and lines match the parsed source", t_sidecar_000},
    {"import: byte-identical output on the same input", t_determinism},
    {"import: Markdown marks in the text escaped", t_escaping},
    {"import Markdown: a masthead over a thematic break (crashed)", t_md_masthead_rule},
    {"import Markdown: cover text not recognised is kept", t_md_cover_kept},
    {"import: NUL, controls, bidi controls, noncharacters removed and reported", t_unsettable_removed},
    {"import: a form feed is a raw page break, else removed and reported", t_form_feed},
    {"import: fuzzer findings give sources that parse", t_round_trip_regressions},
    {"import: the fuzz corpus, raw and Markdown, gives sources that parse", t_round_trip_corpus},
};

CHECK_MAIN(cases)
