/* attrs.c: Pandoc-style attribute blocks {#id .class key=value} */
#include <string.h>

#include "parse.h"

/* Role classes of spans and divs (docs/source-format.md). */
static const struct {
    const char *cls;
    in_role role;
} role_classes[] = {
    {"editor-note", IN_ROLE_EDNOTE}, /* 编者按 */
    {"note", IN_ROLE_NOTE},          /* end note: 摘自…, 作者系… */
    {"quote", IN_ROLE_QUOTE},        /* block quotation */
    {"kicker", IN_ROLE_KICKER},      /* 引题 */
    {"subtitle", IN_ROLE_SUBTITLE},  /* 副题 ——… */
    {"deck", IN_ROLE_DECK},          /* 提要 */
    {"pinyin", IN_ROLE_PINYIN},      /* pinyin line under a title */
    {"byline", IN_ROLE_BYLINE},      /* author */
    {"date", IN_ROLE_DATE},          /* date line of a speech */
    {"box", IN_ROLE_BOX},            /* boxed notice, e.g. 【多媒体资讯】 */
};

in_role in_role_from_class(const char *cls)
{
    for (size_t i = 0; i < sizeof role_classes / sizeof *role_classes; i++)
        if (strcmp(cls, role_classes[i].cls) == 0)
            return role_classes[i].role;
    return IN_ROLE_OTHER;
}

doc_pos in_pos(const in_parser *p, int line, int col)
{
    doc_pos pos = {p->file, line, col};
    return pos;
}

int in_col(const char *line, size_t off)
{
    return (int)u8_count(line, off) + 1;
}

static int is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' ||
           c == '.';
}

/* A word of name characters starting at s[i]; returns its end. */
static size_t scan_name(const char *s, size_t i, size_t len)
{
    while (i < len && is_name_char(s[i]))
        i++;
    return i;
}

/* A value: a quoted string or a run up to white space or '}'. */
static size_t scan_value(in_parser *p, const char *s, size_t i, size_t len,
                         const char **val)
{
    if (i < len && (s[i] == '"' || s[i] == '\'')) {
        char q = s[i++];
        size_t start = i;
        while (i < len && s[i] != q)
            i++;
        if (i >= len)
            return (size_t)-1;
        *val = ar_strndup(p->ar, s + start, i - start);
        return i + 1;
    }
    size_t start = i;
    while (i < len && s[i] != ' ' && s[i] != '}')
        i++;
    *val = ar_strndup(p->ar, s + start, i - start);
    return i;
}

static int attr_error(in_parser *p, doc_pos pos, const char *what)
{
    diag_error(p->d, pos, "attribute block: %s", what);
    return -1;
}

static int attrs_item(in_parser *p, const char *s, size_t *ip, size_t len,
                      doc_pos pos, in_attrs *out)
{
    size_t i = *ip;
    if (s[i] == '#' || s[i] == '.') {
        size_t e = scan_name(s, i + 1, len);
        if (e == i + 1)
            return attr_error(p, pos, "empty id or class name");
        char *name = ar_strndup(p->ar, s + i + 1, e - i - 1);
        if (s[i] == '#')
            out->id = name;
        else if (out->nclasses < IN_MAX_CLASSES)
            out->classes[out->nclasses++] = name;
        else
            return attr_error(p, pos, "too many classes");
        *ip = e;
        return 0;
    }
    if (s[i] == '-') { /* Pandoc's {-}: unnumbered; meaningless here */
        *ip = i + 1;
        return 0;
    }
    size_t e = scan_name(s, i, len);
    if (e == i || e >= len || s[e] != '=')
        return attr_error(p, pos, "expected #id, .class or key=value; "
                                  "quote values with spaces");
    if (out->nkv >= IN_MAX_KEYS)
        return attr_error(p, pos, "too many key=value pairs");
    in_kv *kv = &out->kv[out->nkv];
    kv->key = ar_strndup(p->ar, s + i, e - i);
    size_t v = scan_value(p, s, e + 1, len, &kv->val);
    if (v == (size_t)-1)
        return attr_error(p, pos, "unterminated quoted value");
    size_t first = e + 1 + (s[e + 1] == '"' || s[e + 1] == '\'');
    kv->val_pos = pos;
    kv->val_pos.col += (int)u8_count(s, first);
    out->nkv++; /* counted only once complete */
    *ip = v;
    return 0;
}

/* s[0..len) is the whole "{...}" block. */
int in_attrs_parse(in_parser *p, const char *s, size_t len, doc_pos pos,
                   in_attrs *out)
{
    memset(out, 0, sizeof *out);
    out->pos = pos;
    if (len < 2 || s[0] != '{' || s[len - 1] != '}')
        return attr_error(p, pos, "expected {…}");
    size_t i = 1, end = len - 1;
    while (i < end) {
        if (s[i] == ' ' || s[i] == '\t') {
            i++;
            continue;
        }
        if (attrs_item(p, s, &i, end, pos, out)) {
            memset(out, 0, sizeof *out); /* nothing half-read is used */
            out->pos = pos;
            return -1;
        }
    }
    return 0;
}

const in_kv *in_attrs_kv(const in_attrs *a, const char *key)
{
    for (int i = 0; a && i < a->nkv; i++)
        if (strcmp(a->kv[i].key, key) == 0)
            return &a->kv[i];
    return NULL;
}

const char *in_attrs_get(const in_attrs *a, const char *key)
{
    for (int i = 0; i < a->nkv; i++)
        if (strcmp(a->kv[i].key, key) == 0)
            return a->kv[i].val;
    return NULL;
}

int in_attrs_has_class(const in_attrs *a, const char *cls)
{
    for (int i = 0; i < a->nclasses; i++)
        if (strcmp(a->classes[i], cls) == 0)
            return 1;
    return 0;
}

long in_attrs_find_trailing(const char *s, size_t len)
{
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (!len || s[len - 1] != '}')
        return -1;
    /* the block must start with {# {. {key= or {- to count as attributes */
    for (size_t i = len - 1; i-- > 0;) {
        if (s[i] == '}' )
            return -1;
        if (s[i] != '{')
            continue;
        char c = s[i + 1];
        if (c == '#' || c == '.' || c == '-' || (c >= 'a' && c <= 'z') ||
            (c >= 'A' && c <= 'Z'))
            return (long)i;
        return -1;
    }
    return -1;
}
