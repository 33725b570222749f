/* list.c: the list command: the articles of an issue as laid out, for
 * editors choosing what to cut into offprints, as TSV or JSON */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

/* What a line of the list says of one article. */
typedef struct list_row {
    const char *id;
    const char *kind;    /* "article" or "contribution" */
    const char *column;  /* its 栏目; "" when none */
    const char *title;   /* on one line */
    const char *authors; /* the bylines' names, joined by 、 */
    int original;        /* its recorded page; 0: none */
    int first, last;     /* folios of its first and last page here; 0:
                            not laid out */
    int pages;           /* pages from its first to its last */
    int warnings;        /* messages at its place in the source */
} list_row;

/* The source lines of messages, to count them per article. */
typedef struct seen_lines {
    const char *source;
    int *lines;
    size_t n, cap;
} seen_lines;

static void seen(void *ctx, int is_error, diag_pos pos)
{
    seen_lines *s = ctx;
    (void)is_error;
    int *l = pos.file && pos.line > 0 && !strcmp(pos.file, s->source)
                 ? VEC_PUSH(s->lines, s->n, s->cap)
                 : NULL;
    if (l)
        *l = pos.line;
}

/* Messages on lines from the article's heading to the next one's. */
static int warnings_of(const seen_lines *s, const doc_issue *doc, size_t i)
{
    int from = doc->articles[i].pos.line, n = 0;
    int to = i + 1 < doc->narticles ? doc->articles[i + 1].pos.line : 1 << 30;
    for (size_t k = 0; k < s->n; k++)
        n += s->lines[k] >= from && s->lines[k] < to;
    return n;
}

/* Text on one line: the title's intended breaks are dropped (the lines
 * run on, as in the bookmarks), tabs and carriage returns become spaces
 * (the TSV stays a line per article). */
static const char *one_line(ar_arena *ar, const doc_text *t)
{
    char *s = ar_strdup(ar, doc_text_plain(ar, t));
    if (!s)
        return "";
    char *w = s;
    for (const char *p = s; *p; p++)
        if (*p != '\n')
            *w++ = *p == '\t' || *p == '\r' ? ' ' : *p;
    *w = '\0';
    return s;
}

static const char *authors(ar_arena *ar, const doc_article *a)
{
    sb_buf sb;
    sb_init(&sb);
    for (size_t k = 0; k < a->nbylines; k++)
        sb_printf(&sb, "%s%s", sb.len ? "、" : "",
                  one_line(ar, &a->bylines[k].name));
    const char *s = ar_strndup(ar, sb.s ? sb.s : "", sb.len);
    sb_free(&sb);
    return s ? s : "";
}

static list_row row_of(ar_arena *ar, const doc_issue *doc,
                       const lay_doc *pages, size_t i)
{
    const doc_article *a = &doc->articles[i];
    list_row r = {a->id ? a->id : "", a->part ? "contribution" : "article",
                  a->column >= 0 ? doc->columns[a->column].name : "",
                  one_line(ar, &a->title), authors(ar, a), a->page, 0, 0, 0,
                  0};
    const lay_placed *p = i < pages->narticles ? &pages->articles[i] : NULL;
    if (p && p->first_page >= 0 && p->last_page >= p->first_page) {
        r.first = pages->pages[p->first_page].folio;
        r.last = pages->pages[p->last_page].folio;
        r.pages = p->last_page - p->first_page + 1;
    }
    return r;
}

static void print_tsv(const list_row *rows, size_t n)
{
    printf("id\tkind\tcolumn\toriginal\tfolios\tpages\ttitle\tauthors\t"
           "warnings\n");
    for (size_t i = 0; i < n; i++) {
        const list_row *r = &rows[i];
        printf("%s\t%s\t%s\t", r->id, r->kind, r->column);
        if (r->original)
            printf("%d", r->original);
        if (r->first && r->last > r->first)
            printf("\t%d-%d", r->first, r->last);
        else if (r->first)
            printf("\t%d", r->first);
        else
            printf("\t");
        printf("\t%d\t%s\t%s\t%d\n", r->pages, r->title, r->authors,
               r->warnings);
    }
}

static int print_json(const list_row *rows, size_t n)
{
    json_t *all = json_array();
    for (size_t i = 0; all && i < n; i++) {
        const list_row *r = &rows[i];
        json_t *o = json_pack(
            "{s:s, s:s, s:s, s:s, s:s, s:i, s:i, s:i, s:i, s:i}", "id", r->id,
            "kind", r->kind, "column", r->column, "title", r->title, "authors",
            r->authors, "original", r->original, "first_folio", r->first,
            "last_folio", r->last, "pages", r->pages, "warnings", r->warnings);
        if (!o || json_array_append_new(all, o)) {
            json_decref(all);
            return -1;
        }
    }
    char *text = all ? json_dumps(all, JSON_INDENT(1))
                     : NULL;
    json_decref(all);
    if (!text)
        return -1;
    printf("%s\n", text);
    free(text);
    return 0;
}

int cm_list(cm_run *r, const cm_opts *o)
{
    const doc_issue *doc;
    const lay_doc *pages;
    if (!o->source)
        return cm_usage_error("list needs a SOURCE file", NULL);
    const char *fmt = o->format ? o->format : "tsv";
    if (strcmp(fmt, "tsv") && strcmp(fmt, "json"))
        return cm_usage_error("--format takes 'tsv' or 'json', not", fmt);
    seen_lines s = {o->source, NULL, 0, 0};
    r->d.seen = seen;
    r->d.seen_ctx = &s;
    int rc = cm_parse(r, o, &doc) ? CM_INPUT : cm_lay_out(r, o, doc, &pages);
    r->d.seen = NULL;
    list_row *rows = rc ? NULL : ar_alloc(r->ar, (doc->narticles + 1) *
                                                      sizeof *rows);
    if (!rc && !rows)
        rc = CM_INPUT;
    for (size_t i = 0; !rc && i < doc->narticles; i++) {
        rows[i] = row_of(r->ar, doc, pages, i);
        rows[i].warnings = warnings_of(&s, doc, i);
    }
    free(s.lines);
    if (rc)
        return rc;
    if (!strcmp(fmt, "json"))
        return print_json(rows, doc->narticles) ? CM_INPUT : CM_OK;
    print_tsv(rows, doc->narticles);
    return CM_OK;
}
