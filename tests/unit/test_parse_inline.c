/* test_parse_inline.c: unit tests of the issue source parser: inline
 * markup, source positions, encodings, conservation of the text and
 * pathological inputs */
#include "parse_fixture.h"

/* ---- inline markup ---- */

static void bold_around_chinese_quotes(check_state *cs)
{
    parsed r;
    parse(&r, ART "要**“重点”**突出\n");
    CHECK_CLEAN(cs, &r);
    const doc_text *t = &blk(cs, art(cs, &r, 0), 0)->text;
    CHECK_INT(cs, t->nspans, 3);
    CHECK_SPAN(cs, span(cs, t, 0), "要", 0, 6, 1);
    CHECK_SPAN(cs, span(cs, t, 1), "“重点”", DOC_BOLD, 6, 4);
    CHECK_SPAN(cs, span(cs, t, 2), "突出", 0, 6, 10);
    release(&r);
}

static void emphasis(check_state *cs)
{
    parsed r;
    parse(&r, ART "*楷体强调*正文\n");
    CHECK_CLEAN(cs, &r);
    const doc_text *t = &blk(cs, art(cs, &r, 0), 0)->text;
    CHECK_SPAN(cs, span(cs, t, 0), "楷体强调", DOC_EM, 6, 2);
    CHECK_SPAN(cs, span(cs, t, 1), "正文", 0, 6, 7);
    release(&r);
}

static void bold_and_emphasis(check_state *cs)
{
    parsed r;
    parse(&r, ART "***既粗又斜***\n");
    CHECK_CLEAN(cs, &r);
    const doc_text *t = &blk(cs, art(cs, &r, 0), 0)->text;
    CHECK_INT(cs, t->nspans, 1);
    CHECK_SPAN(cs, span(cs, t, 0), "既粗又斜", DOC_BOLD | DOC_EM, 6, 4);
    release(&r);
}

static void unmatched_bold_kept_as_text(check_state *cs)
{
    parsed r;
    parse(&r, ART "前**粗**后**孤\n");
    CHECK_INT(cs, r.rc, 0);
    CHECK_INT(cs, r.d.warnings, 1);
    CHECK_MSG(cs, &r, "t.md:6:8: warning: unmatched '**' kept as text");
    const doc_text *t = &blk(cs, art(cs, &r, 0), 0)->text;
    CHECK_STR(cs, plain(&r, t), "前粗后**孤");
    CHECK_SPAN(cs, span(cs, t, 1), "粗", DOC_BOLD, 6, 4);
    release(&r);
}

static void escaped_asterisk(check_state *cs)
{
    parsed r;
    parse(&r, ART "5\\*3 与 \\[注\\] 和 \\\\\n");
    CHECK_CLEAN(cs, &r);
    const doc_text *t = &blk(cs, art(cs, &r, 0), 0)->text;
    CHECK_STR(cs, plain(&r, t), "5*3 与 [注] 和 \\");
    for (size_t i = 0; i < t->nspans; i++)
        CHECK_INT(cs, t->spans[i].flags, 0);
    release(&r);
}

static void face_span(check_state *cs)
{
    parsed r;
    parse(&r, ART "正文[甲乙]{.kai}正文\n\n[整段楷体]{.kai}\n\n"
                  "[黑]{.hei}[宋]{.song}[仿]{.fangsong}\n");
    CHECK_CLEAN(cs, &r);
    const doc_article *a = art(cs, &r, 0);
    const doc_text *t = &blk(cs, a, 0)->text;
    CHECK_SPAN(cs, span(cs, t, 1), "甲乙", 0, 6, 4);
    CHECK_INT(cs, span(cs, t, 1)->face, DOC_FACE_KAI);
    CHECK_INT(cs, span(cs, t, 2)->face, DOC_FACE_DEFAULT);
    CHECK_INT(cs, blk(cs, a, 1)->kind, DOC_PARA);
    CHECK_INT(cs, span(cs, &blk(cs, a, 1)->text, 0)->face, DOC_FACE_KAI);
    t = &blk(cs, a, 2)->text;
    CHECK_INT(cs, span(cs, t, 0)->face, DOC_FACE_HEI);
    CHECK_INT(cs, span(cs, t, 1)->face, DOC_FACE_SONG);
    CHECK_INT(cs, span(cs, t, 2)->face, DOC_FACE_FANGSONG);
    release(&r);
}

static void unknown_span_class_warns(check_state *cs)
{
    parsed r;
    parse(&r, ART "正文[甲乙]{.red}正文\n\n[整段]{.red}\n");
    CHECK_INT(cs, r.rc, 0);
    CHECK_INT(cs, r.d.warnings, 2);
    CHECK_MSG(cs, &r, "t.md:6:7: warning: unknown class '.red' kept as "
                      "plain text");
    CHECK_MSG(cs, &r, "t.md:8:5: warning: unknown class '.red' kept as "
                      "plain text");
    const doc_article *a = art(cs, &r, 0);
    CHECK_STR(cs, plain(&r, &blk(cs, a, 0)->text), "正文甲乙正文");
    CHECK_INT(cs, blk(cs, a, 1)->kind, DOC_PARA);
    CHECK_STR(cs, plain(&r, &blk(cs, a, 1)->text), "整段");
    release(&r);
}

static void link_text_kept_url_dropped(check_state *cs)
{
    parsed r;
    parse(&r, ART "见[新华网](http://www.xinhuanet.com)报道\n");
    CHECK_INT(cs, r.rc, 0);
    CHECK_INT(cs, r.d.warnings, 1);
    CHECK_MSG(cs, &r, "t.md:6:2: warning: link target dropped, text kept");
    CHECK_STR(cs, plain(&r, &blk(cs, art(cs, &r, 0), 0)->text),
              "见新华网报道");
    release(&r);
}

static void autolink_kept_as_text(check_state *cs)
{
    parsed r;
    parse(&r, ART "网址<http://www.jczx.gov.cn>。\n");
    CHECK_CLEAN(cs, &r);
    const doc_text *t = &blk(cs, art(cs, &r, 0), 0)->text;
    CHECK_STR(cs, plain(&r, t), "网址http://www.jczx.gov.cn。");
    CHECK_SPAN(cs, span(cs, t, 1), "http://www.jczx.gov.cn", 0, 6, 4);
    release(&r);
}

static void backslash_line_break(check_state *cs)
{
    parsed r;
    parse(&r, ART "第一行\\\n第二行\n");
    CHECK_CLEAN(cs, &r);
    const doc_text *t = &blk(cs, art(cs, &r, 0), 0)->text;
    CHECK_INT(cs, t->nspans, 2);
    CHECK_SPAN(cs, span(cs, t, 0), "第一行", DOC_BREAK, 6, 1);
    CHECK_SPAN(cs, span(cs, t, 1), "第二行", 0, 7, 1);
    release(&r);
}

static void two_space_line_break(check_state *cs)
{
    parsed r;
    parse(&r, ART "line one  \nline two\n");
    CHECK_CLEAN(cs, &r);
    const doc_text *t = &blk(cs, art(cs, &r, 0), 0)->text;
    CHECK_SPAN(cs, span(cs, t, 0), "line one", DOC_BREAK, 6, 1);
    CHECK_STR(cs, plain(&r, t), "line one\nline two");
    release(&r);
}

/* ---- positions ---- */

static void span_pos_counts_characters(check_state *cs)
{
    parsed r;
    parse(&r, ART "中文前缀**粗体**，后文\n");
    CHECK_CLEAN(cs, &r);
    const doc_text *t = &blk(cs, art(cs, &r, 0), 0)->text;
    CHECK_SPAN(cs, span(cs, t, 1), "粗体", DOC_BOLD, 6, 7);
    CHECK_SPAN(cs, span(cs, t, 2), "，后文", 0, 6, 11);
    release(&r);
}

static void diag_col_counts_characters(check_state *cs)
{
    parsed r;
    parse(&r, ART "\u3000\u3000见《通知》[全文](http://x.cn)\n");
    CHECK_MSG(cs, &r, "t.md:6:8: warning: link target dropped");
    CHECK_INT(cs, blk(cs, art(cs, &r, 0), 0)->pos.col, 3);
    release(&r);
}

/* ---- encoding ---- */

static void invalid_utf8_is_error(check_state *cs)
{
    parsed r;
    parse(&r, ART "中文\xff文字\n");
    CHECK_INT(cs, r.rc, -1);
    CHECK_MSG(cs, &r, "t.md:6:3: error: invalid UTF-8 (byte 0xFF)");
    release(&r);
}

static void byte_order_mark_accepted(check_state *cs)
{
    parsed r;
    parse(&r, "\xEF\xBB\xBF" ART "正文\n");
    CHECK_CLEAN(cs, &r);
    if (r.doc)
        CHECK_STR(cs, r.doc->meta.publication.text, "晋城政协");
    CHECK_SPAN(cs, span(cs, &art(cs, &r, 0)->title, 0), "甲", 0, 4, 4);
    release(&r);
}

static void crlf_line_ends(check_state *cs)
{
    parsed r;
    parse(&r, "---\r\npublication: 晋城政协\r\nyear: 2020\r\n---\r\n\r\n"
              "## 甲 {#jia}\r\n\r\n第一行\\\r\n第二行  \r\n第三行\r\n");
    CHECK_CLEAN(cs, &r);
    if (r.doc) {
        CHECK_STR(cs, r.doc->meta.publication.text, "晋城政协");
        CHECK_INT(cs, r.doc->meta.year, 2020);
    }
    const doc_article *a = art(cs, &r, 0);
    CHECK_STR(cs, a->id, "jia");
    CHECK_STR(cs, plain(&r, &a->title), "甲");
    CHECK_STR(cs, plain(&r, &blk(cs, a, 0)->text), "第一行\n第二行\n第三行");
    release(&r);
}

/* ---- conservation ---- */

static void add_text(sb_buf *sb, const parsed *r, const doc_text *t)
{
    if (!t->nspans)
        return;
    sb_adds(sb, plain(r, t));
    sb_addc(sb, '|');
}

static void conservation_of_text(check_state *cs)
{
    parsed r;
    parse(&r, FM "# 会议专题\n\n[引题文字]{.kicker}\n\n"
                 "第一行标题\\\n第二行标题 {#a page=1}\n----------\n\n"
                 "[——副题]{.subtitle}\n\n[张志川]{.byline}\n\n"
                 "::: editor-note\n**编者按：**按语。\n:::\n\n"
                 "### 一、总体要求\n\n"
                 "正文**加粗**和*强调*，[楷体]{.kai}\n续行。\\*号\n\n"
                 "- ★条目一\n- 条目二\n\n> 引文\n\n"
                 "[（作者系委员）]{.note}\n");
    CHECK_CLEAN(cs, &r);
    const doc_article *a = art(cs, &r, 0);
    sb_buf sb;
    sb_init(&sb);
    if (r.doc && r.doc->ncolumns) {
        sb_adds(&sb, r.doc->columns[0].name);
        sb_addc(&sb, '|');
    }
    add_text(&sb, &r, &a->kicker);
    add_text(&sb, &r, &a->title);
    add_text(&sb, &r, &a->subtitle);
    for (size_t i = 0; i < a->nbylines; i++)
        add_text(&sb, &r, &a->bylines[i].name);
    for (size_t i = 0; i < a->nblocks; i++) {
        if (a->blocks[i].bullet)
            sb_adds(&sb, a->blocks[i].bullet);
        add_text(&sb, &r, &a->blocks[i].text);
    }
    sb_addc(&sb, '\0');
    CHECK_STR(cs, sb.s, "会议专题|引题文字|第一行标题\n第二行标题|——副题|"
                        "张志川|编者按：按语。|一、总体要求|"
                        "正文加粗和强调，楷体续行。*号|★条目一|条目二|引文|"
                        "（作者系委员）|");
    sb_free(&sb);
    release(&r);
}

/* ---- pathological inputs: no crash, no hang ---- */

/* ART, then lead, then n copies of piece and a line end, on the heap. */
static char *repeat(const char *lead, const char *piece, size_t n,
                    size_t *len)
{
    size_t head = strlen(ART) + strlen(lead), k = strlen(piece);
    char *s = malloc(head + n * k + 2);
    if (!s)
        return NULL;
    strcpy(s, ART);
    strcat(s, lead);
    for (size_t i = 0; i < n; i++)
        memcpy(s + head + i * k, piece, k);
    strcpy(s + head + n * k, "\n");
    *len = head + n * k + 1;
    return s;
}

static size_t text_len(const doc_article *a)
{
    size_t n = 0;
    for (size_t i = 0; i < a->nblocks; i++)
        for (size_t k = 0; k < a->blocks[i].text.nspans; k++)
            n += a->blocks[i].text.spans[k].len;
    return n;
}

static void nested_brackets_10000(check_state *cs)
{
    size_t len;
    char *s = repeat("", "[", 10000, &len);
    parsed r;
    parse_n(&r, s, len);
    CHECK_CLEAN(cs, &r);
    CHECK_INT(cs, text_len(art(cs, &r, 0)), 10000);
    release(&r);
    free(s);
    /* 10,000 nested spans: the innermost are kept as text */
    char *t = malloc(10000 * 8 + 2), *o = t;
    for (int i = 0; i < 10000; i++)
        *o++ = '[';
    *o++ = 'x';
    for (int i = 0; i < 10000; i++)
        o += sprintf(o, "]{.kai}");
    s = repeat("", t, 1, &len);
    parse_n(&r, s, len);
    CHECK_INT(cs, r.rc, 0);
    CHECK(cs, text_len(art(cs, &r, 0)) > 10000);
    release(&r);
    free(s);
    free(t);
}

static void asterisks_65000(check_state *cs)
{
    size_t len;
    /* a run longer than *** is no delimiter (alone on a line it would
     * be a thematic break) */
    char *s = repeat("前", "*", 65000, &len);
    parsed r;
    parse_n(&r, s, len);
    CHECK_CLEAN(cs, &r);
    CHECK_INT(cs, text_len(art(cs, &r, 0)), strlen("前") + 65000);
    release(&r);
    free(s);
    s = repeat("", "a*", 32501, &len); /* an odd one is left unmatched */
    parse_n(&r, s, len);
    CHECK_INT(cs, r.rc, 0);
    CHECK_INT(cs, r.d.warnings, 1);
    CHECK_INT(cs, text_len(art(cs, &r, 0)), 32502);
    release(&r);
    free(s);
}

static void empty_file(check_state *cs)
{
    parsed r;
    parse_n(&r, "", 0);
    CHECK_INT(cs, r.rc, -1);
    CHECK_MSG(cs, &r, "t.md:1:1: error: missing front matter");
    release(&r);
}

static void front_matter_only_has_no_articles(check_state *cs)
{
    parsed r;
    parse(&r, FM);
    CHECK_INT(cs, r.rc, -1);
    CHECK_INT(cs, r.d.errors, 1);
    CHECK_MSG(cs, &r, "t.md:4:1: error: the issue has no articles");
    release(&r);
}

static void paragraph_of_5000_lines(check_state *cs)
{
    size_t len;
    char *s = repeat("", "行\n", 5000, &len);
    parsed r;
    parse_n(&r, s, len);
    CHECK_INT(cs, r.rc, 0);
    CHECK_MSG(cs, &r, "t.md:4102:1: warning: paragraph of more than 4096 "
                      "lines split here");
    const doc_article *a = art(cs, &r, 0);
    CHECK_INT(cs, a->nblocks, 2);
    CHECK_INT(cs, text_len(a), 5000 * strlen("行"));
    release(&r);
    free(s);
}

static void line_of_100000_characters(check_state *cs)
{
    size_t len;
    char *s = repeat("", "中", 100000, &len);
    parsed r;
    parse_n(&r, s, len);
    CHECK_CLEAN(cs, &r);
    CHECK_INT(cs, text_len(art(cs, &r, 0)), 100000 * strlen("中"));
    release(&r);
    free(s);
    /* 50,000 spans on the line: positions stay exact */
    s = repeat("", "中*", 50000, &len);
    parse_n(&r, s, len);
    CHECK_CLEAN(cs, &r);
    const doc_text *t = &blk(cs, art(cs, &r, 0), 0)->text;
    CHECK_INT(cs, t->nspans, 50000);
    CHECK_SPAN(cs, span(cs, t, 49999), "中", DOC_EM, 6, 99999);
    release(&r);
    free(s);
}

static const check_case cases[] = {
    {"bold_around_chinese_quotes", bold_around_chinese_quotes},
    {"emphasis", emphasis},
    {"bold_and_emphasis", bold_and_emphasis},
    {"unmatched_bold_kept_as_text", unmatched_bold_kept_as_text},
    {"escaped_asterisk", escaped_asterisk},
    {"face_span", face_span},
    {"unknown_span_class_warns", unknown_span_class_warns},
    {"link_text_kept_url_dropped", link_text_kept_url_dropped},
    {"autolink_kept_as_text", autolink_kept_as_text},
    {"backslash_line_break", backslash_line_break},
    {"two_space_line_break", two_space_line_break},
    {"span_pos_counts_characters", span_pos_counts_characters},
    {"diag_col_counts_characters", diag_col_counts_characters},
    {"invalid_utf8_is_error", invalid_utf8_is_error},
    {"byte_order_mark_accepted", byte_order_mark_accepted},
    {"crlf_line_ends", crlf_line_ends},
    {"conservation_of_text", conservation_of_text},
    {"nested_brackets_10000", nested_brackets_10000},
    {"asterisks_65000", asterisks_65000},
    {"empty_file", empty_file},
    {"front_matter_only_has_no_articles", front_matter_only_has_no_articles},
    {"paragraph_of_5000_lines", paragraph_of_5000_lines},
    {"line_of_100000_characters", line_of_100000_characters},
};

CHECK_MAIN(cases)
