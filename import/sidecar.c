/* sidecar.c: the NAME.lines.json sidecar of a raw extraction's import:
 * the printed pages, the articles' start pages, and the printed lines of
 * every paragraph, for the layout to reproduce the original lineation
 * (docs/import.md, The sidecar) */
#include "imp.h"

static void json_str(sb_buf *sb, const char *s)
{
    sb_addc(sb, '"');
    for (; s && *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            sb_printf(sb, "\\%c", ch);
        else if (ch < 0x20)
            sb_printf(sb, "\\u%04x", ch);
        else
            sb_addc(sb, (char)ch);
    }
    sb_addc(sb, '"');
}

static void json_pages(sb_buf *sb, const imp_doc *doc)
{
    sb_adds(sb, " \"pages\": [");
    for (size_t i = 0; i < doc->npages; i++) {
        const imp_page *p = &doc->pages[i];
        sb_printf(sb, "%s\n  {\"page\": %d, \"index\": %d, \"column\": ",
                  i ? "," : "", p->page, p->index);
        if (p->column)
            json_str(sb, p->column);
        else
            sb_adds(sb, "null");
        sb_addc(sb, '}');
    }
    sb_adds(sb, "],\n");
}

static void json_para(sb_buf *sb, const imp_art *a, size_t k, int *first)
{
    const imp_block *b = &a->blocks[k];
    sb_printf(sb, "%s\n  {\"article\": ", *first ? "" : ",");
    *first = 0;
    json_str(sb, a->id);
    sb_printf(sb, ", \"block\": %zu, \"lines\": [", k);
    for (size_t i = 0; i < b->nlines; i++) {
        if (i)
            sb_adds(sb, ", ");
        json_str(sb, b->lines[i].text);
    }
    sb_adds(sb, "], \"pages\": [");
    for (size_t i = 0; i < b->nlines; i++)
        sb_printf(sb, "%s%d", i ? ", " : "", b->lines[i].page);
    sb_adds(sb, "], \"input_lines\": [");
    for (size_t i = 0; i < b->nlines; i++)
        sb_printf(sb, "%s%d", i ? ", " : "", b->lines[i].line);
    sb_adds(sb, "]}");
}

int imp_write_sidecar(imp_ctx *c, const char *path, const char *source)
{
    const imp_doc *doc = &c->doc;
    sb_buf sb;
    sb_init(&sb);
    sb_adds(&sb, "{\"version\": 1, \"source\": ");
    json_str(&sb, source);
    sb_adds(&sb, ", \"input\": ");
    json_str(&sb, c->input);
    sb_adds(&sb, ",\n");
    json_pages(&sb, doc);
    sb_adds(&sb, " \"articles\": [");
    for (size_t i = 0; i < doc->narts; i++) {
        sb_printf(&sb, "%s\n  {\"id\": ", i ? "," : "");
        json_str(&sb, doc->arts[i].id);
        sb_printf(&sb, ", \"page\": %d}", doc->arts[i].page);
    }
    sb_adds(&sb, "],\n \"paragraphs\": [");
    int first = 1;
    for (size_t i = 0; i < doc->narts; i++)
        for (size_t k = 0; k < doc->arts[i].nblocks; k++)
            if (doc->arts[i].blocks[k].nlines)
                json_para(&sb, &doc->arts[i], k, &first);
    sb_adds(&sb, "]}\n");
    int rc = sb.failed ? -1 : imp_write_file(c, path, sb.s, sb.len);
    sb_free(&sb);
    return rc;
}
