/* source.c: entry points of the parser: file reading, line splitting,
 * front matter, then the body */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "parse.h"

static int check_utf8(in_parser *p, const char *text, size_t len)
{
    long bad = u8_invalid(text, len);
    if (bad < 0)
        return 0;
    int line = 1;
    const char *ls = text;
    for (const char *s = text; s < text + bad; s++)
        if (*s == '\n') {
            line++;
            ls = s + 1;
        }
    diag_error(p->d, in_pos(p, line, in_col(ls, (size_t)(text + bad - ls))),
               "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
               (unsigned char)text[bad]);
    return -1;
}

/* Reports of characters that may not be set, at their line and column. */
typedef struct unsettable_ctx {
    in_parser *p;
    const char *text;
    size_t len, at;       /* scanned up to at */
    int line;
    const char *ls;       /* start of that line */
} unsettable_ctx;

static void report_unsettable(void *ctx, size_t off, uint32_t cp,
                              const char *what)
{
    unsettable_ctx *u = ctx;
    for (; u->at < off; u->at++)
        if (u->text[u->at] == '\n') {
            u->line++;
            u->ls = u->text + u->at + 1;
        }
    if (cp == '\r' && off + 1 < u->len && u->text[off + 1] == '\n')
        return; /* a CRLF line end: not content */
    int replace;
    u8_unsettable(cp, &replace);
    diag_warn(u->p->d, in_pos(u->p, u->line, in_col(u->ls, (size_t)(u->text + off - u->ls))),
              "U+%04X is %s: %s", (unsigned)cp, what,
              replace ? "set as U+FFFD (�) to show the place; write it in "
                        "Chinese or Latin letters"
                      : "left out");
}

/* The text without the characters that may not be set (util's rule),
 * each reported at its place; NULL only when out of memory. */
static const char *settable_text(in_parser *p, const char *text, size_t *len)
{
    sb_buf sb;
    sb_init(&sb);
    unsettable_ctx u = {p, text, *len, 0, 1, text};
    int n = u8_settable_copy(text, *len, &sb, report_unsettable, &u);
    const char *out = text;
    if (n > 0) {
        out = sb.failed ? NULL : ar_strndup(p->ar, sb.s ? sb.s : "", sb.len);
        *len = sb.len;
    }
    sb_free(&sb);
    return out;
}

static in_line *split_lines(const char *text, size_t len, size_t *n)
{
    size_t cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += text[i] == '\n';
    in_line *lines = malloc(cap * sizeof *lines);
    if (!lines)
        return NULL;
    size_t k = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && text[i] != '\n')
            continue;
        if (i == len && start == len)
            break;
        size_t e = i;
        if (e > start && text[e - 1] == '\r')
            e--;
        lines[k].s = text + start;
        lines[k].len = e - start;
        lines[k].lineno = (int)k + 1;
        k++;
        start = i + 1;
    }
    *n = k;
    return lines;
}

static int is_fm_fence(const in_line *l, int closing)
{
    size_t n = l->len;
    while (n && (l->s[n - 1] == ' ' || l->s[n - 1] == '\t'))
        n--;
    return (n == 3 && strncmp(l->s, "---", 3) == 0) ||
           (closing && n == 3 && strncmp(l->s, "...", 3) == 0);
}

/* Returns the index of the first body line, or 0 on error. */
static size_t front_matter(in_parser *p, const in_line *lines, size_t n)
{
    if (n == 0 || !is_fm_fence(&lines[0], 0)) {
        diag_error(p->d, in_pos(p, 1, 1), "missing front matter: the file "
                   "must start with a '---' line, the issue's metadata "
                   "(publication, style, …) and another '---' line");
        return 0;
    }
    size_t end = 1;
    while (end < n && !is_fm_fence(&lines[end], 1))
        end++;
    if (end == n) {
        diag_error(p->d, in_pos(p, 1, 1), "front matter not closed: add a "
                   "'---' line after the metadata");
        return 0;
    }
    const char *start = end > 1 ? lines[1].s : lines[end].s;
    size_t len = (size_t)(lines[end].s - start);
    if (in_front_matter(p, start, len, 2))
        return 0;
    if (!p->doc->meta.publication.text)
        diag_error(p->d, in_pos(p, 1, 1), "front matter lacks "
                   "'publication:'");
    return end + 1;
}

int in_parse_text(const char *name, const char *text, size_t len,
                  const in_sidecar *orig, ar_arena *ar, diag_ctx *d,
                  const doc_issue **out)
{
    in_parser p;
    memset(&p, 0, sizeof p);
    p.ar = ar;
    p.d = d;
    p.file = ar_strdup(ar, name);
    p.doc = ar_alloc(ar, sizeof *p.doc);
    if (!p.doc || !p.file)
        return -1;
    p.doc->path = p.file;
    p.doc->dir = path_dir(ar, name);
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3; /* byte order mark */
        len -= 3;
    }
    if (check_utf8(&p, text, len) || !(text = settable_text(&p, text, &len)))
        return -1;
    size_t nlines;
    in_line *lines = split_lines(text, len, &nlines);
    if (!lines)
        return -1;
    int rc = -1;
    size_t body = front_matter(&p, lines, nlines);
    if (body == 0)
        goto out;
    p.body_line0 = (int)body + 1;
    if (in_blocks(&p, lines + body, nlines - body))
        goto out;
    rc = in_finish(&p);
    if (rc == 0 && orig)
        rc = in_lineation(&p, orig);
out:
    free(lines);
    if (rc == 0)
        *out = p.doc;
    return d->errors ? -1 : rc;
}

/* The sidecar file at path into the arena; a missing one is none. */
static int read_sidecar(const char *path, ar_arena *ar, diag_ctx *d,
                        in_sidecar *out, int *have)
{
    struct stat st;
    *have = 0;
    if (!path || stat(path, &st) != 0)
        return 0;
    size_t len;
    char *text = file_read(path, &len); /* a FIFO or device is refused */
    if (!text) {
        diag_error(d, (diag_pos){path, 0, 0}, "cannot read: %s",
                   file_why(errno));
        return -1;
    }
    *out = (in_sidecar){path, ar_strndup(ar, text, len), len};
    free(text);
    *have = out->text != NULL;
    return out->text ? 0 : -1;
}

int in_parse_file(const char *path, const char *lines, ar_arena *ar,
                  diag_ctx *d, const doc_issue **out)
{
    size_t len;
    char *text = file_read(path, &len);
    if (!text) {
        diag_pos pos = {path, 0, 0};
        diag_error(d, pos, "cannot read: %s", file_why(errno));
        return -1;
    }
    /* the model points into the text: keep it in the arena */
    char *kept = ar_strndup(ar, text, len);
    free(text);
    in_sidecar orig;
    int have;
    if (!kept || read_sidecar(lines, ar, d, &orig, &have))
        return -1;
    return in_parse_text(path, kept, len, have ? &orig : NULL, ar, d, out);
}
