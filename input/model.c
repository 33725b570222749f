/* model.c: helpers over the document model, and its outline dump */
#include <string.h>

#include "input.h"

char *doc_text_plain(ar_arena *ar, const doc_text *t)
{
    sb_buf sb;
    sb_init(&sb);
    for (size_t i = 0; i < t->nspans; i++) {
        sb_add(&sb, t->spans[i].text, t->spans[i].len);
        if (t->spans[i].flags & DOC_BREAK)
            sb_addc(&sb, '\n');
    }
    char *s = ar_strndup(ar, sb.s ? sb.s : "", sb.len);
    sb_free(&sb);
    return s;
}

int doc_text_empty(const doc_text *t)
{
    for (size_t i = 0; i < t->nspans; i++)
        if (t->spans[i].len)
            return 0;
    return 1;
}

static void dump_text(const char *label, const doc_text *t, FILE *out)
{
    if (!t->nspans)
        return;
    fprintf(out, "    %s:", label);
    for (size_t i = 0; i < t->nspans; i++) {
        const doc_span *s = &t->spans[i];
        fputs(" ", out);
        if (s->flags & DOC_BOLD)
            fputs("**", out);
        if (s->flags & DOC_EM)
            fputs("*", out);
        if (s->face)
            fprintf(out, "{face%d}", (int)s->face);
        fprintf(out, "«%.*s»", (int)s->len, s->text);
        if (s->flags & DOC_BREAK)
            fputs("⏎", out);
        fprintf(out, "@%d:%d", s->pos.line, s->pos.col);
    }
    fputc('\n', out);
}

const char *doc_block_name(doc_block_kind k)
{
    static const char *names[] = {
        [DOC_PARA] = "para",     [DOC_HEAD] = "head",
        [DOC_SUBHEAD] = "subhead", [DOC_ITEM] = "item",
        [DOC_FIGURE] = "figure", [DOC_QUOTE] = "quote",
        [DOC_RULE] = "rule",     [DOC_EDNOTE] = "ednote",
        [DOC_NOTE] = "note",     [DOC_NUMBER] = "number",
    };
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "?";
}

static void dump_article(const doc_issue *doc, const doc_article *a,
                         FILE *out)
{
    fprintf(out, "  article %s page=%d column=%s%s%s%s\n", a->id, a->page,
            a->column >= 0 ? doc->columns[a->column].name : "-",
            a->single_column ? " single-column" : "",
            a->part ? " part" : "", a->untitled ? " untitled" : "");
    dump_text("kicker", &a->kicker, out);
    dump_text("title", &a->title, out);
    dump_text("subtitle", &a->subtitle, out);
    dump_text("deck", &a->deck, out);
    dump_text("pinyin", &a->pinyin, out);
    for (size_t i = 0; i < a->nbylines; i++) {
        dump_text("byline-position", &a->bylines[i].position, out);
        dump_text("byline", &a->bylines[i].name, out);
    }
    dump_text("date", &a->date, out);
    for (size_t i = 0; i < a->nblocks; i++) {
        const doc_block *b = &a->blocks[i];
        if (b->bullet)
            fprintf(out, "    bullet «%s»\n", b->bullet);
        if (b->image)
            fprintf(out, "    image %s%s\n", b->image,
                    b->image_found ? "" : " (missing)");
        if (b->kind == DOC_RULE)
            fprintf(out, "    rule\n");
        dump_text(doc_block_name(b->kind), &b->text, out);
    }
}

void doc_dump(const doc_issue *doc, FILE *out)
{
    const doc_meta *m = &doc->meta;
    fprintf(out, "issue %s style=%s year=%d issue=%d total=%d\n",
            m->publication.text ? m->publication.text : "-",
            m->style.text ? m->style.text : "-", m->year, m->issue, m->total);
    for (size_t i = 0; i < m->ndigest; i++)
        fprintf(out, "  digest «%s»\n", m->digest[i].text);
    for (size_t i = 0; i < m->nboard; i++)
        fprintf(out, "  board «%s»\n", m->board[i].text);
    for (size_t i = 0; i < m->ncontact; i++)
        fprintf(out, "  contact «%s»\n", m->contact[i].text);
    for (size_t i = 0; i < m->ntoc; i++)
        fprintf(out, "  toc %d «%s» «%s» «%s»\n", m->toc[i].page,
                m->toc[i].column ? m->toc[i].column : "",
                m->toc[i].title, m->toc[i].author ? m->toc[i].author : "");
    for (size_t i = 0; i < doc->ncolumns; i++)
        fprintf(out, "  column «%s»\n", doc->columns[i].name);
    for (size_t i = 0; i < doc->narticles; i++)
        dump_article(doc, &doc->articles[i], out);
}
