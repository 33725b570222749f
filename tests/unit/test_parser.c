/* test_parser.c: unit tests of the issue source parser: front matter,
 * columns, articles, head elements and body blocks (the specification is
 * docs/source-format.md); inline markup is in test_parse_inline.c */
#include "parse_fixture.h"

/* ---- front matter ---- */

static void fm_all_keys(check_state *cs)
{
    parsed r;
    parse(&r, "---\n"
              "publication: 晋城政协\n"
              "style: jincheng-2020\n"
              "year: 2020\n"
              "issue: \"4\"\n"
              "total: 43\n"
              "date: 2020年9月\n"
              "label: 内部资料 注意保存\n"
              "sponsor: 政协晋城市委员会主办\n"
              "digest:\n"
              "  - \"习近平：激发市场主体活力\\n推动企业发挥更大作用\"\n"
              "  - 中共晋城市委七届九次全体会议召开\n"
              "board:\n"
              "  - 主任：常国荣\n"
              "  - 编委：崔守安　武四海\n"
              "contact:\n"
              "  - 电子信箱：jczxbjb@126.com\n"
              "contents:\n"
              "  - {page: 7, column: 学习论坛,\n"
              "     title: 新时代人民政协的行动指南, author: 刘佳义}\n"
              "  - {page: 12, title: 工作动态}\n"
              "---\n"
              "## 甲\n");
    CHECK_CLEAN(cs, &r);
    if (!r.doc) {
        cs->failed++;
        release(&r);
        return;
    }
    const doc_meta *m = &r.doc->meta;
    CHECK_STR(cs, m->publication.text, "晋城政协");
    CHECK_INT(cs, m->publication.pos.line, 2);
    CHECK_INT(cs, m->publication.pos.col, 14);
    CHECK_STR(cs, m->style.text, "jincheng-2020");
    CHECK_INT(cs, m->year, 2020);
    CHECK_INT(cs, m->issue, 4);
    CHECK_INT(cs, m->total, 43);
    CHECK_STR(cs, m->date.text, "2020年9月");
    CHECK_STR(cs, m->label.text, "内部资料 注意保存");
    CHECK_STR(cs, m->sponsor.text, "政协晋城市委员会主办");
    CHECK_INT(cs, m->ndigest, 2);
    CHECK_INT(cs, m->nboard, 2);
    CHECK_INT(cs, m->ncontact, 1);
    CHECK_INT(cs, m->ntoc, 2);
    if (m->ndigest != 2 || m->nboard != 2 || m->ncontact != 1 ||
        m->ntoc != 2) {
        release(&r);
        return;
    }
    CHECK_STR(cs, m->digest[0].text,
              "习近平：激发市场主体活力\n推动企业发挥更大作用");
    CHECK_STR(cs, m->digest[1].text, "中共晋城市委七届九次全体会议召开");
    CHECK_INT(cs, m->digest[1].pos.line, 12);
    CHECK_INT(cs, m->digest[1].pos.col, 5);
    CHECK_STR(cs, m->board[1].text, "编委：崔守安　武四海");
    CHECK_STR(cs, m->contact[0].text, "电子信箱：jczxbjb@126.com");
    CHECK_INT(cs, m->toc[0].page, 7);
    CHECK_STR(cs, m->toc[0].column, "学习论坛");
    CHECK_STR(cs, m->toc[0].title, "新时代人民政协的行动指南");
    CHECK_STR(cs, m->toc[0].author, "刘佳义");
    CHECK_INT(cs, m->toc[0].pos.line, 19);
    CHECK_INT(cs, m->toc[1].page, 12);
    CHECK(cs, m->toc[1].column == NULL && m->toc[1].author == NULL);
    release(&r);
}

static void fm_missing_is_error_at_1_1(check_state *cs)
{
    parsed r;
    parse(&r, "# 会议专题\n\n## 甲\n");
    CHECK_INT(cs, r.rc, -1);
    CHECK_MSG(cs, &r, "t.md:1:1: error: missing front matter");
    release(&r);
}

static void fm_unclosed_is_error(check_state *cs)
{
    parsed r;
    parse(&r, "---\npublication: 晋城政协\n\n## 甲\n");
    CHECK_INT(cs, r.rc, -1);
    CHECK_MSG(cs, &r, "t.md:1:1: error: front matter not closed");
    release(&r);
}

static void fm_yaml_error_has_position(check_state *cs)
{
    parsed r;
    parse(&r, "---\npublication: 晋城: 政协\n---\n## 甲\n");
    CHECK_INT(cs, r.rc, -1);
    CHECK_MSG(cs, &r, "t.md:2:16: error: front matter: mapping values are "
                      "not allowed");
    release(&r);
    /* the end of the text is where libyaml notices; the message names
     * the line where the quote was opened */
    parse(&r, "---\npublication: 晋城政协\ndate: \"2020年9月\nyear: 1\n---\n"
              "## 甲\n");
    CHECK_INT(cs, r.rc, -1);
    CHECK_MSG(cs, &r, "t.md:5:1: error: front matter: found unexpected end "
                      "of stream while scanning a quoted scalar started at "
                      "line 3");
    release(&r);
}

static void fm_year_not_a_number(check_state *cs)
{
    parsed r;
    parse(&r, "---\npublication: 晋城政协\nyear: 二〇二〇\n---\n## 甲\n");
    CHECK_INT(cs, r.rc, -1);
    CHECK_MSG(cs, &r, "t.md:3:7: error: front matter: 'year' must be a "
                      "whole number, not '二〇二〇'");
    release(&r);
}

static void fm_unknown_key_warns(check_state *cs)
{
    parsed r;
    parse(&r, "---\npublication: 晋城政协\n  \neditor: 张三\n---\n## 甲\n");
    CHECK_INT(cs, r.rc, 0);
    CHECK_INT(cs, r.d.warnings, 1);
    CHECK_MSG(cs, &r, "t.md:4:1: warning: unknown front-matter key "
                      "'editor' ignored");
    release(&r);
}

static void fm_publication_required(check_state *cs)
{
    parsed r;
    parse(&r, "---\nstyle: jincheng-2020\n---\n## 甲\n");
    CHECK_INT(cs, r.rc, -1);
    CHECK_MSG(cs, &r, "t.md:1:1: error: front matter lacks 'publication:'");
    release(&r);
}

/* ---- columns and articles ---- */

static void column_heading_opens_column(check_state *cs)
{
    parsed r;
    parse(&r, FM "## 前言\n\n# 会议专题 {.column}\n\n## 讲话\n\n"
                 "# 工作动态\n\n## 动态一\n\n## 动态二\n");
    CHECK_CLEAN(cs, &r);
    if (r.doc) {
        CHECK_INT(cs, r.doc->ncolumns, 2);
        if (r.doc->ncolumns == 2) {
            CHECK_STR(cs, r.doc->columns[0].name, "会议专题");
            CHECK_INT(cs, r.doc->columns[0].pos.line, 6);
            CHECK_STR(cs, r.doc->columns[1].name, "工作动态");
        }
    }
    CHECK_INT(cs, art(cs, &r, 0)->column, -1);
    CHECK_INT(cs, art(cs, &r, 1)->column, 0);
    CHECK_INT(cs, art(cs, &r, 2)->column, 1);
    CHECK_INT(cs, art(cs, &r, 3)->column, 1);
    release(&r);
}

static void article_atx_title(check_state *cs)
{
    parsed r;
    parse(&r, FM "## 新时代人民政协的行动指南 {#liu-jiayi page=7}\n\n"
                 "## 工作动态 ##\n");
    CHECK_CLEAN(cs, &r);
    const doc_article *a = art(cs, &r, 0);
    CHECK_STR(cs, a->id, "liu-jiayi");
    CHECK_INT(cs, a->page, 7);
    CHECK_INT(cs, a->pos.line, 4);
    CHECK_INT(cs, a->pos.col, 1);
    CHECK_INT(cs, a->title.nspans, 1);
    CHECK_SPAN(cs, span(cs, &a->title, 0), "新时代人民政协的行动指南", 0, 4,
               4);
    CHECK_STR(cs, plain(&r, &art(cs, &r, 1)->title), "工作动态");
    release(&r);
}

static void article_setext_title_breaks(check_state *cs)
{
    parsed r;
    parse(&r, FM "中共晋城市委\\\n"
                 "关于新时代加强和改进人民政协工作的\\\n"
                 "实施意见 {#shishi-yijian page=26}\n"
                 "-----------------------------------\n\n正文。\n");
    CHECK_CLEAN(cs, &r);
    const doc_article *a = art(cs, &r, 0);
    CHECK_STR(cs, a->id, "shishi-yijian");
    CHECK_INT(cs, a->page, 26);
    CHECK_INT(cs, a->title.nspans, 3);
    CHECK_SPAN(cs, span(cs, &a->title, 0), "中共晋城市委", DOC_BREAK, 4, 1);
    CHECK_SPAN(cs, span(cs, &a->title, 1), "关于新时代加强和改进人民政协工作的",
               DOC_BREAK, 5, 1);
    CHECK_SPAN(cs, span(cs, &a->title, 2), "实施意见", 0, 6, 1);
    CHECK_STR(cs, plain(&r, &a->title),
              "中共晋城市委\n关于新时代加强和改进人民政协工作的\n实施意见");
    CHECK_INT(cs, a->nblocks, 1);
    release(&r);
}

static void article_attributes(check_state *cs)
{
    parsed r;
    parse(&r, FM "## 发言摘编\n\n"
                 "## 甲 {#jia page=3 columns=1 .part toc=\"甲 的目录题\"}\n\n"
                 "## 乙 {.single-column}\n\n## 丙 {columns=2}\n");
    CHECK_CLEAN(cs, &r);
    const doc_article *a = art(cs, &r, 1);
    CHECK_STR(cs, a->id, "jia");
    CHECK_INT(cs, a->page, 3);
    CHECK_INT(cs, a->single_column, 1);
    CHECK_INT(cs, a->part, 1);
    CHECK_STR(cs, a->toc, "甲 的目录题");
    CHECK_STR(cs, plain(&r, &a->title), "甲");
    a = art(cs, &r, 2);
    CHECK_INT(cs, a->single_column, 1);
    CHECK_INT(cs, a->part, 0);
    CHECK_INT(cs, a->page, 0);
    CHECK(cs, a->toc == NULL);
    CHECK_INT(cs, art(cs, &r, 3)->single_column, 0);
    release(&r);
}

static void article_duplicate_id_is_error(check_state *cs)
{
    parsed r;
    parse(&r, FM "## 甲 {#x}\n\n## 乙 {#x}\n");
    CHECK_INT(cs, r.rc, -1);
    CHECK_MSG(cs, &r, "t.md:6:6: error: duplicate article id 'x' (first "
                      "used at line 4)");
    release(&r);
}

static void article_generated_ids(check_state *cs)
{
    parsed r;
    parse(&r, FM "## 甲\n\n## 乙 {#yi}\n\n## 丙\n");
    CHECK_CLEAN(cs, &r);
    CHECK_STR(cs, art(cs, &r, 0)->id, "a1");
    CHECK_STR(cs, art(cs, &r, 1)->id, "yi");
    CHECK_STR(cs, art(cs, &r, 2)->id, "a3");
    release(&r);
    /* an explicit {#a2} before the second article keeps ids unique */
    parse(&r, FM "## 甲 {#a2}\n\n## 乙\n");
    CHECK_CLEAN(cs, &r);
    CHECK_STR(cs, art(cs, &r, 0)->id, "a2");
    CHECK_STR(cs, art(cs, &r, 1)->id, "a2-2");
    release(&r);
}

static void article_bad_page_value(check_state *cs)
{
    parsed r;
    parse(&r, FM "## 甲 {page=七}\n\n## 乙 {page=0}\n");
    CHECK_INT(cs, r.rc, -1);
    CHECK_INT(cs, r.d.errors, 2);
    CHECK_MSG(cs, &r, "t.md:4:6: error: bad value '七' for 'page'");
    CHECK_MSG(cs, &r, "t.md:6:6: error: bad value '0' for 'page'");
    release(&r);
}

/* ---- head roles ---- */

static void kicker_attaches_to_next_article(check_state *cs)
{
    parsed r;
    parse(&r, FM "[习近平主持召开企业家座谈会强调]{.kicker}\n\n"
                 "## 激发市场主体活力\n\n正文。\n");
    CHECK_CLEAN(cs, &r);
    const doc_article *a = art(cs, &r, 0);
    CHECK_INT(cs, a->kicker.nspans, 1);
    CHECK_SPAN(cs, span(cs, &a->kicker, 0), "习近平主持召开企业家座谈会强调", 0,
               4, 2);
    CHECK_STR(cs, plain(&r, &a->title), "激发市场主体活力");
    CHECK_INT(cs, a->nblocks, 1);
    release(&r);
}

static void kicker_without_title_is_error(check_state *cs)
{
    parsed r;
    parse(&r, ART "[引题]{.kicker}\n\n正文。\n");
    CHECK_INT(cs, r.rc, -1);
    CHECK_MSG(cs, &r, "t.md:6:1: error: kicker is not followed by an "
                      "article title");
    release(&r);
    parse(&r, ART "正文。\n\n[引题]{.kicker}\n");
    CHECK_INT(cs, r.rc, -1);
    CHECK_MSG(cs, &r, "t.md:8:1: error: kicker is not followed by an "
                      "article title");
    release(&r);
}

static void subtitle_deck_pinyin(check_state *cs)
{
    parsed r;
    parse(&r, ART "[——在市委政协工作会议上的讲话]{.subtitle}\n\n"
                  "[提要第一行\\\n提要第二行]{.deck}\n\n"
                  "[DUO CUO BING JU]{.pinyin}\n\n正文。\n");
    CHECK_CLEAN(cs, &r);
    const doc_article *a = art(cs, &r, 0);
    CHECK_STR(cs, plain(&r, &a->subtitle), "——在市委政协工作会议上的讲话");
    CHECK_STR(cs, plain(&r, &a->deck), "提要第一行\n提要第二行");
    CHECK_SPAN(cs, span(cs, &a->deck, 1), "提要第二行", 0, 9, 1);
    CHECK_STR(cs, plain(&r, &a->pinyin), "DUO CUO BING JU");
    CHECK_INT(cs, a->nblocks, 1);
    release(&r);
}

static void byline_with_position_and_date(check_state *cs)
{
    parsed r;
    parse(&r, ART "[姚逊]{.byline position=\"市委副书记\"}\n\n"
                  "[张志川]{.byline}\n\n[（2020年7月14日）]{.date}\n\n"
                  "同志们：\n");
    CHECK_CLEAN(cs, &r);
    const doc_article *a = art(cs, &r, 0);
    CHECK_INT(cs, a->nbylines, 2);
    if (a->nbylines == 2) {
        CHECK_STR(cs, plain(&r, &a->bylines[0].name), "姚逊");
        CHECK_STR(cs, plain(&r, &a->bylines[0].position), "市委副书记");
        CHECK_INT(cs, a->bylines[0].pos.line, 6);
        CHECK_STR(cs, plain(&r, &a->bylines[1].name), "张志川");
        CHECK(cs, doc_text_empty(&a->bylines[1].position));
    }
    CHECK_STR(cs, plain(&r, &a->date), "（2020年7月14日）");
    CHECK_INT(cs, a->nblocks, 1);
    CHECK_STR(cs, plain(&r, &blk(cs, a, 0)->text), "同志们：");
    release(&r);
}

static void head_role_after_body_warns(check_state *cs)
{
    parsed r;
    parse(&r, ART "正文。\n\n[张三]{.byline}\n");
    CHECK_INT(cs, r.rc, 0);
    CHECK_INT(cs, r.d.warnings, 1);
    CHECK_MSG(cs, &r, "t.md:8:1: warning: byline after the body text set as "
                      "a paragraph");
    const doc_article *a = art(cs, &r, 0);
    CHECK_INT(cs, a->nbylines, 0);
    CHECK_INT(cs, blk(cs, a, 1)->kind, DOC_PARA);
    CHECK_STR(cs, plain(&r, &blk(cs, a, 1)->text), "张三");
    release(&r);
}

/* ---- body blocks ---- */

static void para_join_cjk_without_space(check_state *cs)
{
    parsed r;
    parse(&r, ART "党的十八大以来，\n习近平总书记\n高度重视\n\n"
                  "中文\nEnglish words\n再中文\n");
    CHECK_CLEAN(cs, &r);
    const doc_article *a = art(cs, &r, 0);
    CHECK_STR(cs, plain(&r, &blk(cs, a, 0)->text),
              "党的十八大以来，习近平总书记高度重视");
    CHECK_STR(cs, plain(&r, &blk(cs, a, 1)->text),
              "中文English words再中文");
    release(&r);
}

static void para_join_latin_with_space(check_state *cs)
{
    parsed r;
    /* the second line ends in one blank: still one space, not none */
    parse(&r, ART "the quick\nbrown fox \njumps over\n**the** dog\n");
    CHECK_CLEAN(cs, &r);
    CHECK_STR(cs, plain(&r, &blk(cs, art(cs, &r, 0), 0)->text),
              "the quick brown fox jumps over the dog");
    release(&r);
}

static void para_ideographic_indent_stripped(check_state *cs)
{
    parsed r;
    parse(&r, ART "\u3000\u3000党的十八大以来\n\n  两个空格\n");
    CHECK_CLEAN(cs, &r);
    const doc_block *b = blk(cs, art(cs, &r, 0), 0);
    CHECK_SPAN(cs, span(cs, &b->text, 0), "党的十八大以来", 0, 6, 3);
    CHECK_INT(cs, b->pos.col, 3);
    CHECK_STR(cs, plain(&r, &blk(cs, art(cs, &r, 0), 1)->text), "两个空格");
    release(&r);
}

static void heads_and_subheads(check_state *cs)
{
    parsed r;
    parse(&r, ART "### 一、总体要求\n\n#### （一）行动指南\n\n##### 1.细则\n");
    CHECK_INT(cs, r.rc, 0);
    CHECK_INT(cs, r.d.warnings, 1);
    CHECK_MSG(cs, &r, "t.md:10:1: warning: level-5 heading set as a sub-head");
    const doc_article *a = art(cs, &r, 0);
    CHECK_INT(cs, blk(cs, a, 0)->kind, DOC_HEAD);
    CHECK_SPAN(cs, span(cs, &blk(cs, a, 0)->text, 0), "一、总体要求", 0, 6, 5);
    CHECK_INT(cs, blk(cs, a, 1)->kind, DOC_SUBHEAD);
    CHECK_STR(cs, plain(&r, &blk(cs, a, 1)->text), "（一）行动指南");
    CHECK_INT(cs, blk(cs, a, 2)->kind, DOC_SUBHEAD);
    CHECK_STR(cs, plain(&r, &blk(cs, a, 2)->text), "1.细则");
    release(&r);
}

static void list_items_and_bullets(check_state *cs)
{
    parsed r;
    parse(&r, ART "- ★7月1日上午，市政协副主席\n带领部分政协委员\n"
                  "- ★ 7月2日上午\n- 普通一项\n* 星号一项\n\n"
                  "1. 第一\n2. 第二\n");
    CHECK_CLEAN(cs, &r);
    const doc_article *a = art(cs, &r, 0);
    CHECK_INT(cs, a->nblocks, 6);
    const doc_block *b = blk(cs, a, 0);
    CHECK_INT(cs, b->kind, DOC_ITEM);
    CHECK_STR(cs, b->bullet, "★");
    CHECK_STR(cs, plain(&r, &b->text),
              "7月1日上午，市政协副主席带领部分政协委员");
    CHECK_SPAN(cs, span(cs, &b->text, 0), "7月1日上午，市政协副主席", 0, 6, 4);
    CHECK_SPAN(cs, span(cs, &b->text, 1), "带领部分政协委员", 0, 7, 1);
    b = blk(cs, a, 1);
    CHECK_STR(cs, b->bullet, "★");
    CHECK_SPAN(cs, span(cs, &b->text, 0), "7月2日上午", 0, 8, 5);
    CHECK(cs, blk(cs, a, 2)->bullet == NULL);
    CHECK_STR(cs, plain(&r, &blk(cs, a, 2)->text), "普通一项");
    CHECK(cs, blk(cs, a, 3)->bullet == NULL);
    CHECK_STR(cs, plain(&r, &blk(cs, a, 3)->text), "星号一项");
    CHECK_STR(cs, blk(cs, a, 4)->bullet, "1.");
    CHECK_STR(cs, plain(&r, &blk(cs, a, 4)->text), "第一");
    CHECK_STR(cs, blk(cs, a, 5)->bullet, "2.");
    release(&r);
}

static void editor_note_div(check_state *cs)
{
    parsed r;
    parse(&r, ART "::: editor-note\n**编者按：**2020年7月14日下午\n\n"
                  "第二段。\n:::\n\n正文。\n");
    CHECK_CLEAN(cs, &r);
    const doc_article *a = art(cs, &r, 0);
    CHECK_INT(cs, a->nblocks, 3);
    const doc_block *b = blk(cs, a, 0);
    CHECK_INT(cs, b->kind, DOC_EDNOTE);
    CHECK_SPAN(cs, span(cs, &b->text, 0), "编者按：", DOC_BOLD, 7, 3);
    CHECK_SPAN(cs, span(cs, &b->text, 1), "2020年7月14日下午", 0, 7, 9);
    CHECK_INT(cs, blk(cs, a, 1)->kind, DOC_EDNOTE);
    CHECK_INT(cs, blk(cs, a, 2)->kind, DOC_PARA);
    release(&r);
}

static void end_notes(check_state *cs)
{
    parsed r;
    parse(&r, ART "正文。■\n\n[（作者系全国政协委员）]{.note}\n\n"
                  "::: note\n摘自《人民政协报》\n:::\n");
    CHECK_CLEAN(cs, &r);
    const doc_article *a = art(cs, &r, 0);
    CHECK_INT(cs, a->nblocks, 3);
    CHECK_STR(cs, plain(&r, &blk(cs, a, 0)->text), "正文。■");
    CHECK_INT(cs, blk(cs, a, 1)->kind, DOC_NOTE);
    CHECK_STR(cs, plain(&r, &blk(cs, a, 1)->text), "（作者系全国政协委员）");
    CHECK_INT(cs, blk(cs, a, 1)->pos.line, 8);
    CHECK_INT(cs, blk(cs, a, 2)->kind, DOC_NOTE);
    CHECK_STR(cs, plain(&r, &blk(cs, a, 2)->text), "摘自《人民政协报》");
    release(&r);
}

static void block_quote(check_state *cs)
{
    parsed r;
    parse(&r, ART "> 引用第一行\n> 引用第二行\n\n正文\n");
    CHECK_CLEAN(cs, &r);
    const doc_article *a = art(cs, &r, 0);
    CHECK_INT(cs, a->nblocks, 2);
    CHECK_INT(cs, blk(cs, a, 0)->kind, DOC_QUOTE);
    CHECK_STR(cs, plain(&r, &blk(cs, a, 0)->text), "引用第一行引用第二行");
    CHECK_SPAN(cs, span(cs, &blk(cs, a, 0)->text, 0), "引用第一行", 0, 6, 3);
    CHECK_INT(cs, blk(cs, a, 1)->kind, DOC_PARA);
    release(&r);
}

static void thematic_break(check_state *cs)
{
    parsed r;
    parse(&r, ART "前文\n\n***\n\n后文\n");
    CHECK_CLEAN(cs, &r);
    const doc_article *a = art(cs, &r, 0);
    CHECK_INT(cs, a->nblocks, 3);
    CHECK_INT(cs, blk(cs, a, 1)->kind, DOC_RULE);
    CHECK_INT(cs, blk(cs, a, 1)->pos.line, 8);
    CHECK_INT(cs, blk(cs, a, 2)->kind, DOC_PARA);
    release(&r);
}

static void figure_missing_file_warns(check_state *cs)
{
    parsed r;
    parse(&r, ART "![照片说明](no-such-dir/p12.jpg)\n");
    CHECK_INT(cs, r.rc, 0);
    CHECK_INT(cs, r.d.warnings, 1);
    CHECK_MSG(cs, &r, "t.md:6:1: warning: image 'no-such-dir/p12.jpg' not "
                      "found");
    const doc_block *b = blk(cs, art(cs, &r, 0), 0);
    CHECK_INT(cs, b->kind, DOC_FIGURE);
    CHECK_STR(cs, plain(&r, &b->text), "照片说明");
    CHECK(cs, b->image && strstr(b->image, "no-such-dir/p12.jpg"));
    CHECK_INT(cs, b->image_found, 0);
    CHECK_INT(cs, b->wide, 0);
    release(&r);
}

static void figure_found_and_wide(check_state *cs)
{
    char img[] = "/tmp/test_parser_XXXXXX";
    int fd = mkstemp(img);
    CHECK(cs, fd >= 0);
    if (fd < 0)
        return;
    close(fd);
    char src[256];
    snprintf(src, sizeof src, ART "![图](%s){width=page}\n", img);
    parsed r;
    parse(&r, src);
    CHECK_CLEAN(cs, &r);
    const doc_block *b = blk(cs, art(cs, &r, 0), 0);
    CHECK_INT(cs, b->kind, DOC_FIGURE);
    CHECK_STR(cs, b->image, img);
    CHECK_INT(cs, b->image_found, 1);
    CHECK_INT(cs, b->wide, 1);
    release(&r);
    unlink(img);
}

static void code_fence_warns_lines_kept(check_state *cs)
{
    parsed r;
    parse(&r, ART "```\na * b * c\n\n[x](y)\n```\n");
    CHECK_INT(cs, r.rc, 0);
    CHECK_INT(cs, r.d.warnings, 1);
    CHECK_MSG(cs, &r, "t.md:6:1: warning: code block: its lines are set as "
                      "paragraphs");
    const doc_article *a = art(cs, &r, 0);
    CHECK_INT(cs, a->nblocks, 2);
    CHECK_INT(cs, blk(cs, a, 0)->kind, DOC_PARA);
    CHECK_SPAN(cs, span(cs, &blk(cs, a, 0)->text, 0), "a * b * c", 0, 7, 1);
    CHECK_STR(cs, plain(&r, &blk(cs, a, 1)->text), "[x](y)");
    release(&r);
}

static void text_before_first_article_is_error(check_state *cs)
{
    parsed r;
    parse(&r, FM "开头的文字\n\n## 甲\n");
    CHECK_INT(cs, r.rc, -1);
    CHECK_MSG(cs, &r, "t.md:4:1: error: text before the first article");
    release(&r);
}

static const check_case cases[] = {
    {"fm_all_keys", fm_all_keys},
    {"fm_missing_is_error_at_1_1", fm_missing_is_error_at_1_1},
    {"fm_unclosed_is_error", fm_unclosed_is_error},
    {"fm_yaml_error_has_position", fm_yaml_error_has_position},
    {"fm_year_not_a_number", fm_year_not_a_number},
    {"fm_unknown_key_warns", fm_unknown_key_warns},
    {"fm_publication_required", fm_publication_required},
    {"column_heading_opens_column", column_heading_opens_column},
    {"article_atx_title", article_atx_title},
    {"article_setext_title_breaks", article_setext_title_breaks},
    {"article_attributes", article_attributes},
    {"article_duplicate_id_is_error", article_duplicate_id_is_error},
    {"article_generated_ids", article_generated_ids},
    {"article_bad_page_value", article_bad_page_value},
    {"kicker_attaches_to_next_article", kicker_attaches_to_next_article},
    {"kicker_without_title_is_error", kicker_without_title_is_error},
    {"subtitle_deck_pinyin", subtitle_deck_pinyin},
    {"byline_with_position_and_date", byline_with_position_and_date},
    {"head_role_after_body_warns", head_role_after_body_warns},
    {"para_join_cjk_without_space", para_join_cjk_without_space},
    {"para_join_latin_with_space", para_join_latin_with_space},
    {"para_ideographic_indent_stripped", para_ideographic_indent_stripped},
    {"heads_and_subheads", heads_and_subheads},
    {"list_items_and_bullets", list_items_and_bullets},
    {"editor_note_div", editor_note_div},
    {"end_notes", end_notes},
    {"block_quote", block_quote},
    {"thematic_break", thematic_break},
    {"figure_missing_file_warns", figure_missing_file_warns},
    {"figure_found_and_wide", figure_found_and_wide},
    {"code_fence_warns_lines_kept", code_fence_warns_lines_kept},
    {"text_before_first_article_is_error", text_before_first_article_is_error},
};

CHECK_MAIN(cases)
