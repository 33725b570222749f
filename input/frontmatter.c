/* frontmatter.c: the issue metadata, YAML between the two --- lines */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "parse.h"

typedef struct fm_ctx {
    in_parser *p;
    yaml_document_t *doc;
    int line0; /* source line of the first YAML line */
} fm_ctx;

static doc_pos fm_pos(const fm_ctx *c, const yaml_node_t *n)
{
    return in_pos(c->p, c->line0 + (int)n->start_mark.line,
                  (int)n->start_mark.column + 1);
}

/* A YAML escape ("\0", "\u202E") can make any character: the value
 * without those that may not be set, each reported at the value. */
typedef struct fm_report {
    const fm_ctx *c;
    const yaml_node_t *n;
} fm_report;

static void report(void *ctx, size_t off, uint32_t cp, const char *what)
{
    const fm_report *r = ctx;
    int replace;
    (void)off;
    u8_unsettable(cp, &replace);
    diag_warn(r->c->p->d, fm_pos(r->c, r->n), "front matter: U+%04X in this "
              "value is %s: %s", (unsigned)cp, what,
              replace ? "set as U+FFFD" : "left out");
}

static const char *settable(const fm_ctx *c, const yaml_node_t *n,
                            const char *s, size_t len)
{
    sb_buf sb;
    sb_init(&sb);
    fm_report r = {c, n};
    u8_settable_copy(s, len, &sb, report, &r);
    const char *out = sb.failed ? NULL
                                : ar_strndup(c->p->ar, sb.s ? sb.s : "", sb.len);
    sb_free(&sb);
    return out;
}

static const char *fm_scalar(const fm_ctx *c, const yaml_node_t *n,
                             const char *key)
{
    if (!n || n->type != YAML_SCALAR_NODE) {
        diag_error(c->p->d, fm_pos(c, n), "front matter: '%s' must be a "
                   "single value", key);
        return NULL;
    }
    return settable(c, n, (const char *)n->data.scalar.value,
                    n->data.scalar.length);
}

static int fm_str(const fm_ctx *c, const yaml_node_t *n, const char *key,
                  doc_str *out)
{
    const char *s = fm_scalar(c, n, key);
    if (!s)
        return -1;
    out->text = s;
    out->pos = fm_pos(c, n);
    return 0;
}

static int fm_int(const fm_ctx *c, const yaml_node_t *n, const char *key,
                  int *out)
{
    const char *s = fm_scalar(c, n, key);
    if (!s)
        return -1;
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < 0 || v > 100000) {
        diag_error(c->p->d, fm_pos(c, n), "front matter: '%s' must be a "
                   "whole number, not '%s'", key, s);
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* A list of strings; a single string is taken as a list of one. */
static int fm_strlist(const fm_ctx *c, yaml_node_t *n, const char *key,
                      const doc_str **out, size_t *nout)
{
    doc_str *items = NULL;
    size_t cnt = 0, cap = 0;
    if (n->type == YAML_SCALAR_NODE) {
        doc_str *it = AR_PUSH(c->p->ar, items, cnt, cap);
        if (!it || fm_str(c, n, key, it))
            return -1;
    } else if (n->type == YAML_SEQUENCE_NODE) {
        for (yaml_node_item_t *i = n->data.sequence.items.start;
             i < n->data.sequence.items.top; i++) {
            doc_str *it = AR_PUSH(c->p->ar, items, cnt, cap);
            if (!it || fm_str(c, yaml_document_get_node(c->doc, *i), key, it))
                return -1;
        }
    } else {
        diag_error(c->p->d, fm_pos(c, n), "front matter: '%s' must be a "
                   "list of lines", key);
        return -1;
    }
    *out = items;
    *nout = cnt;
    return 0;
}

static int fm_toc_entry(const fm_ctx *c, yaml_node_t *n, doc_toc_entry *e)
{
    e->pos = fm_pos(c, n);
    if (n->type != YAML_MAPPING_NODE) {
        diag_error(c->p->d, e->pos, "front matter: a contents entry is a "
                   "map {page: N, column: …, title: …, author: …}");
        return -1;
    }
    for (yaml_node_pair_t *pr = n->data.mapping.pairs.start;
         pr < n->data.mapping.pairs.top; pr++) {
        yaml_node_t *k = yaml_document_get_node(c->doc, pr->key);
        yaml_node_t *v = yaml_document_get_node(c->doc, pr->value);
        const char *key = fm_scalar(c, k, "key");
        if (!key)
            return -1;
        int rc = 0;
        if (strcmp(key, "page") == 0)
            rc = fm_int(c, v, key, &e->page);
        else if (strcmp(key, "column") == 0)
            rc = (e->column = fm_scalar(c, v, key)) ? 0 : -1;
        else if (strcmp(key, "title") == 0)
            rc = (e->title = fm_scalar(c, v, key)) ? 0 : -1;
        else if (strcmp(key, "author") == 0)
            rc = (e->author = fm_scalar(c, v, key)) ? 0 : -1;
        else
            diag_warn(c->p->d, fm_pos(c, k), "unknown contents key '%s' "
                      "ignored", key);
        if (rc)
            return -1;
    }
    if (!e->title) {
        diag_error(c->p->d, e->pos, "front matter: contents entry without "
                   "a title");
        return -1;
    }
    return 0;
}

static int fm_toc(const fm_ctx *c, yaml_node_t *n, doc_meta *m)
{
    if (n->type != YAML_SEQUENCE_NODE) {
        diag_error(c->p->d, fm_pos(c, n), "front matter: 'contents' must "
                   "be a list");
        return -1;
    }
    doc_toc_entry *items = NULL;
    size_t cnt = 0, cap = 0;
    for (yaml_node_item_t *i = n->data.sequence.items.start;
         i < n->data.sequence.items.top; i++) {
        doc_toc_entry *e = AR_PUSH(c->p->ar, items, cnt, cap);
        if (!e || fm_toc_entry(c, yaml_document_get_node(c->doc, *i), e))
            return -1;
    }
    m->toc = items;
    m->ntoc = cnt;
    return 0;
}

static int fm_key(const fm_ctx *c, const char *key, yaml_node_t *v,
                  yaml_node_t *k, doc_meta *m)
{
    static const struct {
        const char *key;
        size_t off;
    } strs[] = {
        {"publication", offsetof(doc_meta, publication)},
        {"style", offsetof(doc_meta, style)},
        {"date", offsetof(doc_meta, date)},
        {"label", offsetof(doc_meta, label)},
        {"sponsor", offsetof(doc_meta, sponsor)},
        {"theme", offsetof(doc_meta, theme)},
        {"permit", offsetof(doc_meta, permit)},
    };
    static const struct {
        const char *key;
        size_t off;
    } ints[] = {
        {"year", offsetof(doc_meta, year)},
        {"issue", offsetof(doc_meta, issue)},
        {"total", offsetof(doc_meta, total)},
    };
    for (size_t i = 0; i < sizeof strs / sizeof *strs; i++)
        if (strcmp(key, strs[i].key) == 0)
            return fm_str(c, v, key, (doc_str *)((char *)m + strs[i].off));
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++)
        if (strcmp(key, ints[i].key) == 0)
            return fm_int(c, v, key, (int *)((char *)m + ints[i].off));
    if (strcmp(key, "digest") == 0)
        return fm_strlist(c, v, key, &m->digest, &m->ndigest);
    if (strcmp(key, "board") == 0)
        return fm_strlist(c, v, key, &m->board, &m->nboard);
    if (strcmp(key, "contact") == 0)
        return fm_strlist(c, v, key, &m->contact, &m->ncontact);
    if (strcmp(key, "contents") == 0)
        return fm_toc(c, v, m);
    diag_warn(c->p->d, fm_pos(c, k), "unknown front-matter key '%s' "
              "ignored (see docs/source-format.md)", key);
    return 0;
}

static int fm_walk(fm_ctx *c, doc_meta *m)
{
    yaml_node_t *root = yaml_document_get_root_node(c->doc);
    if (!root) /* empty front matter */
        return 0;
    if (root->type != YAML_MAPPING_NODE) {
        diag_error(c->p->d, fm_pos(c, root), "front matter must be a map "
                   "of 'key: value' lines");
        return -1;
    }
    int rc = 0;
    for (yaml_node_pair_t *pr = root->data.mapping.pairs.start;
         pr < root->data.mapping.pairs.top; pr++) {
        yaml_node_t *k = yaml_document_get_node(c->doc, pr->key);
        yaml_node_t *v = yaml_document_get_node(c->doc, pr->value);
        const char *key = fm_scalar(c, k, "key");
        if (!key || fm_key(c, key, v, k, m))
            rc = -1;
    }
    return rc;
}

/* libyaml often finds the problem only at the end of the text (an
 * unclosed quote); the line where the construct began says more. */
static void fm_syntax_error(in_parser *p, const yaml_parser_t *yp, int line0)
{
    doc_pos pos = in_pos(p, line0 + (int)yp->problem_mark.line,
                         (int)yp->problem_mark.column + 1);
    const char *problem = yp->problem ? yp->problem : "YAML error";
    if (!yp->context)
        diag_error(p->d, pos, "front matter: %s", problem);
    else if (yp->context_mark.line == yp->problem_mark.line)
        diag_error(p->d, pos, "front matter: %s %s", problem, yp->context);
    else
        diag_error(p->d, pos, "front matter: %s %s started at line %d",
                   problem, yp->context,
                   line0 + (int)yp->context_mark.line);
}

int in_front_matter(in_parser *p, const char *text, size_t len, int line0)
{
    yaml_parser_t yp;
    yaml_document_t doc;
    int rc = -1;
    if (!yaml_parser_initialize(&yp)) {
        diag_error(p->d, in_pos(p, line0, 1), "cannot start YAML parser");
        return -1;
    }
    yaml_parser_set_input_string(&yp, (const unsigned char *)text, len);
    if (!yaml_parser_load(&yp, &doc)) {
        fm_syntax_error(p, &yp, line0);
        goto out;
    }
    fm_ctx c = {p, &doc, line0};
    rc = fm_walk(&c, &p->doc->meta);
    yaml_document_delete(&doc);
out:
    yaml_parser_delete(&yp);
    return rc;
}
