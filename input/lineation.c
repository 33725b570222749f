/* lineation.c: the original printed lines of paragraphs, read from the
 * sidecar file the importer writes beside a source (docs/import.md) */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input.h"

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

static const doc_article *find_article(const doc_issue *doc, const char *id)
{
    for (size_t i = 0; i < doc->narticles; i++)
        if (doc->articles[i].id && strcmp(doc->articles[i].id, id) == 0)
            return &doc->articles[i];
    return NULL;
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

static int attach(const doc_issue *doc, ar_arena *ar, diag_ctx *d,
                  const char *path, json_t *para, int *stale)
{
    json_t *lines = json_object_get(para, "lines");
    const char *id = json_string_value(json_object_get(para, "article"));
    json_int_t k = json_integer_value(json_object_get(para, "block"));
    const doc_article *a = id ? find_article(doc, id) : NULL;
    if (!a || !json_is_array(lines) || !all_strings(lines) || k < 0 ||
        (size_t)k >= a->nblocks) {
        (*stale)++;
        return 0;
    }
    doc_block *b = (doc_block *)&a->blocks[k]; /* the parser's own model */
    if (!block_matches(ar, b, lines)) {
        if (!*stale)
            diag_warn(d, b->pos, "the text differs from the original lines "
                      "recorded in %s: composed anew", path);
        (*stale)++;
        return 0;
    }
    size_t n = json_array_size(lines);
    const char **out = ar_alloc(ar, (n + 1) * sizeof *out);
    if (!out)
        return -1;
    for (size_t i = 0; i < n; i++)
        out[i] = ar_strdup(ar, json_string_value(json_array_get(lines, i)));
    b->orig_lines = out;
    b->norig = n;
    return 0;
}

int in_read_lineation(const char *path, const doc_issue *doc, ar_arena *ar,
                      diag_ctx *d)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return 0;
    size_t len;
    char *text = file_read(path, &len); /* a FIFO or device is refused */
    if (!text) {
        diag_error(d, (diag_pos){path, 0, 0}, "cannot read: %s",
                   file_why(errno));
        return -1;
    }
    int rc = in_read_lineation_text(path, text, len, doc, ar, d);
    free(text);
    return rc;
}

int in_read_lineation_text(const char *path, const char *text, size_t len,
                           const doc_issue *doc, ar_arena *ar, diag_ctx *d)
{
    json_error_t err;
    json_t *root = json_loadb(text, len, 0, &err);
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
    json_t *p;
    json_array_foreach(paras, i, p) if (rc == 0)
        rc = attach(doc, ar, d, path, p, &stale);
    if (stale > 1)
        diag_warn(d, (diag_pos){path, 0, 0}, "%d paragraphs no longer match "
                  "their recorded lines and are composed anew", stale);
    json_decref(root);
    return rc;
}
