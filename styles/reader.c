/* reader.c: reading a style file into entries and typed values */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "sty.h"

static const sty_name align_names[] = {
    {"justify", STY_JUSTIFY}, {"left", STY_LEFT},     {"center", STY_CENTER},
    {"right", STY_RIGHT},     {"spread", STY_SPREAD},
};

/* line-start/line-end prohibition levels (chinese-layout.md) */
static const sty_name kinsoku_names[] = {
    {"none", STY_KINSOKU_NONE}, {"basic", STY_KINSOKU_BASIC},
    {"gb", STY_KINSOKU_GB},     {"strict", STY_KINSOKU_STRICT},
};

/* punctuation styles: 全角, 开明, 半角, 行末半角 */
static const sty_name punct_names[] = {
    {"full", STY_PUNCT_FULL},
    {"kaiming", STY_PUNCT_KAIMING},
    {"half", STY_PUNCT_HALF},
    {"end-half", STY_PUNCT_END_HALF},
};

static const sty_name strategy_names[] = {
    {"line", STY_BREAK_LINE},
    {"paragraph", STY_BREAK_PARAGRAPH},
};

/* when adjacent marks are compressed to 1.5 em */
static const sty_name adjacent_names[] = {
    {"needed", 0},
    {"always", 1},
};

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        *--e = '\0';
    return s;
}

/* Column, in characters from 1, of p in line. */
static int in_line_col(const char *line, const char *p)
{
    return (int)u8_count(line, (size_t)(p - line)) + 1;
}

static int read_line(sty_reader *r, char *line, int lineno,
                     const char **section)
{
    diag_pos pos = {r->file, lineno, 1};
    char *hash = strstr(line, " #");
    if (hash)
        *hash = '\0';
    char *s = trim(line);
    if (*s == '\0' || *s == '#')
        return 0;
    if (*s == '[') {
        char *e = strchr(s, ']');
        if (!e || e[1]) {
            diag_error(r->d, pos, "section header must be '[name]'");
            return -1;
        }
        *e = '\0';
        *section = ar_strdup(r->ar, trim(s + 1));
        return 0;
    }
    char *eq = strchr(s, '=');
    if (!eq || !*section) {
        diag_error(r->d, pos, eq ? "key before the first [section]"
                                 : "expected 'key = value'");
        return -1;
    }
    *eq = '\0';
    sty_entry *en = AR_PUSH(r->ar, r->e, r->n, r->cap);
    if (!en)
        return -1;
    en->section = *section;
    en->key = ar_strdup(r->ar, trim(s));
    en->value = ar_strdup(r->ar, trim(eq + 1));
    en->pos = pos;
    const char *v = eq + 1;
    while (*v == ' ' || *v == '\t')
        v++;
    en->pos.col = in_line_col(line, v);
    return 0;
}

int sr_read_entries(sty_reader *r, char *text)
{
    const char *section = NULL;
    int lineno = 0, rc = 0;
    for (char *line = text, *next; line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        if (read_line(r, line, lineno, &section))
            rc = -1;
    }
    return rc;
}

/* ---- values ---- */

int sr_parse_len(sty_reader *r, const sty_entry *e, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(e->value, &end);
    static const struct {
        const char *unit;
        double pt;
    } units[] = {{"mm", 72.0 / 25.4}, {"cm", 72.0 / 2.54}, {"pt", 1.0},
                 {"em", 0.0}};
    while (*end == ' ')
        end++;
    for (size_t i = 0; i < 4 && !errno && end != e->value; i++) {
        if (strcmp(end, units[i].unit) != 0)
            continue;
        *out = units[i].pt ? v * units[i].pt : v * r->body_size;
        if (!units[i].pt && r->body_size <= 0)
            break;
        return 0;
    }
    diag_error(r->d, e->pos, "'%s' needs a length with a unit: mm, cm, pt "
               "or em (of the body size), not '%s'", e->key, e->value);
    return -1;
}

static int parse_enum(sty_reader *r, const sty_entry *e, int *out,
                      const sty_name *t, size_t n)
{
    sb_buf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(e->value, t[i].name) == 0) {
            *out = t[i].value;
            sb_free(&sb);
            return 0;
        }
        sb_printf(&sb, "%s%s", i ? ", " : "", t[i].name);
    }
    diag_error(r->d, e->pos, "'%s' must be one of %s, not '%s'", e->key,
               sb.s, e->value);
    sb_free(&sb);
    return -1;
}

/* "C M Y K" in percent of each ink (commas allowed), or "none". */
static int parse_colour(sty_reader *r, const sty_entry *e, sty_colour *out)
{
    if (strcmp(e->value, "none") == 0) {
        *out = (sty_colour){0, 0, 0, 0, 0};
        return 0;
    }
    double v[4];
    const char *s = e->value;
    int n = 0;
    for (char *end; n < 4; n++, s = end) {
        while (*s == ' ' || *s == ',')
            s++;
        v[n] = strtod(s, &end);
        if (end == s || !isfinite(v[n]) || v[n] < 0 || v[n] > 100)
            break;
    }
    while (*s == ' ')
        s++;
    if (n == 4 && !*s) {
        *out = (sty_colour){v[0] / 100, v[1] / 100, v[2] / 100, v[3] / 100, 1};
        return 0;
    }
    diag_error(r->d, e->pos, "'%s' must be four ink percentages C M Y K "
               "from 0 to 100 (e.g. '0 100 100 0' for red), or none, not "
               "'%s'", e->key, e->value);
    return -1;
}

int sr_parse_value(sty_reader *r, const sty_entry *e, const sty_key *k,
                   void *base)
{
    void *p = (char *)base + k->off;
    char *end;
    switch (k->type) {
    case K_LEN:
        return sr_parse_len(r, e, p);
    case K_INT: {
        long v = strtol(e->value, &end, 10);
        if (*e->value && !*end && v >= 0 && v < 100000) {
            *(int *)p = (int)v;
            return 0;
        }
        diag_error(r->d, e->pos, "'%s' must be a whole number", e->key);
        return -1;
    }
    case K_NUM: {
        double v = strtod(e->value, &end);
        if (*e->value && !*end && isfinite(v)) {
            *(double *)p = v;
            return 0;
        }
        diag_error(r->d, e->pos, "'%s' must be a number", e->key);
        return -1;
    }
    case K_BOOL:
        if (strcmp(e->value, "yes") == 0 || strcmp(e->value, "no") == 0) {
            *(int *)p = e->value[0] == 'y';
            return 0;
        }
        diag_error(r->d, e->pos, "'%s' must be yes or no", e->key);
        return -1;
    case K_STR:
        *(const char **)p = e->value;
        return 0;
    case K_FONT:
        if (fnt_role_from_name(e->value, p) == 0)
            return 0;
        diag_error(r->d, e->pos, "unknown font role '%s'; use song, hei, "
                   "kai, fangsong or title", e->value);
        return -1;
    case K_ALIGN:
        return parse_enum(r, e, p, align_names,
                          sizeof align_names / sizeof *align_names);
    case K_KINSOKU:
        return parse_enum(r, e, p, kinsoku_names,
                          sizeof kinsoku_names / sizeof *kinsoku_names);
    case K_PUNCT:
        return parse_enum(r, e, p, punct_names,
                          sizeof punct_names / sizeof *punct_names);
    case K_STRATEGY:
        return parse_enum(r, e, p, strategy_names,
                          sizeof strategy_names / sizeof *strategy_names);
    case K_ADJACENT:
        return parse_enum(r, e, p, adjacent_names,
                          sizeof adjacent_names / sizeof *adjacent_names);
    case K_COLOUR:
        return parse_colour(r, e, p);
    }
    return -1;
}

sty_entry *sr_find(sty_reader *r, const char *section, const char *key)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->e[i].section, section) == 0 &&
            strcmp(r->e[i].key, key) == 0)
            return &r->e[i];
    return NULL;
}

diag_pos sr_section_pos(sty_reader *r, const char *section)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->e[i].section, section) == 0)
            return (diag_pos){r->file, r->e[i].pos.line, 1};
    return (diag_pos){r->file, 0, 0};
}

int sr_has_section(sty_reader *r, const char *section)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->e[i].section, section) == 0)
            return 1;
    return 0;
}

int sr_read_keys(sty_reader *r, const char *section, const sty_key *keys,
                     void *base)
{
    int rc = 0;
    for (const sty_key *k = keys; k->key; k++) {
        sty_entry *e = sr_find(r, section, k->key);
        if (!e) {
            if (k->required) {
                diag_error(r->d, (diag_pos){r->file, 0, 0}, "[%s] lacks "
                           "'%s' (see docs/style-format.md)", section, k->key);
                rc = -1;
            }
            continue;
        }
        e->used = 1;
        if (sr_parse_value(r, e, k, base))
            rc = -1;
    }
    return rc;
}

/* ---- sections ---- */
