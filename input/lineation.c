/* lineation.c: the original printed lines of paragraphs, read from the
 * sidecar file the importer writes beside a source (docs/import.md) */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"

char *in_lineation_path(ar_arena *ar, const char *source)
{
    size_t n = strlen(source);
    if (n > 3 && strcmp(source + n - 3, ".md") == 0)
        n -= 3;
    return ar_printf(ar, "%.*s.lines.json", (int)n, source);
}

/* The text without white space, for comparing lines with a block. */
static void squeeze_ws(sb_buf *sb, const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n')
            sb_addc(sb, *s);
}

/* The index of the article with this id, or -1. */
static long find_article(const in_parser *p, const char *id)
{
    for (size_t i = 0; i < p->narts; i++)
        if (p->arts[i].id && strcmp(p->arts[i].id, id) == 0)
            return (long)i;
    return -1;
}

/* Every element of a paragraph's "lines" is a string. */
static int all_strings(json_t *lines)
{
    size_t i;
    json_t *v;
    json_array_foreach(lines, i, v) if (!json_is_string(v)) return 0;
    return 1;
}

/* Bullets are set before the item's text: count them as the print did. */
static int block_matches(ar_arena *ar, const doc_block *b, json_t *lines)
{
    sb_buf want, got;
    sb_init(&want);
    sb_init(&got);
    if (b->bullet)
        squeeze_ws(&want, b->bullet);
    squeeze_ws(&want, doc_text_plain(ar, &b->text));
    size_t i;
    json_t *v;
    json_array_foreach(lines, i, v) if (json_is_string(v))
        squeeze_ws(&got, json_string_value(v));
    int same = want.len == got.len && (want.len == 0 ||
                                       memcmp(want.s, got.s, want.len) == 0);
    sb_free(&want);
    sb_free(&got);
    return same;
}

static int attach(in_parser *p, const char *path, json_t *para, int *stale)
{
    json_t *lines = json_object_get(para, "lines");
    const char *id = json_string_value(json_object_get(para, "article"));
    json_int_t k = json_integer_value(json_object_get(para, "block"));
    long a = id ? find_article(p, id) : -1;
    if (a < 0 || !json_is_array(lines) || !all_strings(lines) || k < 0 ||
        (size_t)k >= p->arts[a].nblocks) {
        (*stale)++;
        return 0;
    }
    doc_block *b = &p->art_blocks[a][k];
    if (!block_matches(p->ar, b, lines)) {
        if (!*stale)
            diag_warn(p->d, b->pos, "the text differs from the original "
                      "lines recorded in %s: composed anew", path);
        (*stale)++;
        return 0;
    }
    size_t n = json_array_size(lines);
    const char **out = ar_alloc(p->ar, (n + 1) * sizeof *out);
    if (!out)
        return -1;
    for (size_t i = 0; i < n; i++)
        out[i] = ar_strdup(p->ar, json_string_value(json_array_get(lines, i)));
    b->orig_lines = out;
    b->norig = n;
    return 0;
}

int in_lineation(in_parser *p, const in_sidecar *lines)
{
    const char *path = lines->name;
    diag_ctx *d = p->d;
    if (p->nart_blocks != p->narts)
        return -1; /* memory ran out while the articles were kept */
    json_error_t err;
    json_t *root = json_loadb(lines->text, lines->len, 0, &err);
    if (!root) {
        diag_error(d, (diag_pos){path, err.line, err.column}, "%s", err.text);
        return -1;
    }
    if (!json_is_object(root)) {
        diag_error(d, (diag_pos){path, 1, 1}, "not a lines sidecar: an "
                   "object with \"paragraphs\" was expected (delete the file "
                   "to compose the lines anew)");
        json_decref(root);
        return -1;
    }
    json_t *paras = json_object_get(root, "paragraphs");
    int rc = 0, stale = 0;
    size_t i;
    json_t *para;
    json_array_foreach(paras, i, para) if (rc == 0)
        rc = attach(p, path, para, &stale);
    if (stale > 1)
        diag_warn(d, (diag_pos){path, 0, 0}, "%d paragraphs no longer match "
                  "their recorded lines and are composed anew", stale);
    json_decref(root);
    return rc;
}
