/* reader.c: reading a style file into entries and typed values, each
 * value checked against the range its key's table row gives */
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

/* Length units and their size in points; em is of the body size. */
static const struct {
    const char *unit;
    double pt; /* 0: the body size */
} units[] = {
    {"mm", 72.0 / 25.4},
    {"cm", 72.0 / 2.54},
    {"pt", 1.0},
    {"em", 0.0},
};

#define NUNITS (sizeof units / sizeof *units)

/* A UTF-8 byte-order mark, which some editors put at the start. */
#define BOM "\xEF\xBB\xBF"

double sr_mm(double pt)
{
    return pt * 25.4 / 72;
}

/* ---- reading the file into entries ---- */

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

/* A control character (a NUL too) or invalid UTF-8 anywhere in the line
 * is an error at its place: a style is plain text, and its values are
 * printed. A tab may separate, a CR may end the line (CR LF files). */
static int check_text(sty_reader *r, const char *line, size_t len, int lineno)
{
    diag_pos pos = {r->file, lineno, 1};
    size_t n = len > 0 && line[len - 1] == '\r' ? len - 1 : len;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)line[i];
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
            pos.col = in_line_col(line, line + i);
            diag_error(r->d, pos, "control character U+%04X: a style file "
                       "holds printing characters only", c);
            return -1;
        }
    }
    long bad = u8_invalid(line, len);
    if (bad >= 0) {
        pos.col = in_line_col(line, line + bad);
        diag_error(r->d, pos, "invalid UTF-8 (byte 0x%02X): a style file "
                   "is UTF-8 text", (unsigned char)line[bad]);
        return -1;
    }
    return 0;
}

/* A bad header still starts a section of its own, so that its keys are
 * not taken for keys of the section before. */
static int read_header(sty_reader *r, char *s, diag_pos pos,
                       const char **section)
{
    char *e = strchr(s, ']'), *name = NULL;
    if (e && !e[1]) {
        *e = '\0';
        name = trim(s + 1);
    }
    if (!name || !*name) {
        *section = ar_strdup(r->ar, s);
        diag_error(r->d, pos, "section header must be '[name]'");
        return -1;
    }
    sty_section *sec = AR_PUSH(r->ar, r->sec, r->nsec, r->capsec);
    if (!sec)
        return -1;
    sec->name = *section = ar_strdup(r->ar, name);
    sec->pos = pos;
    return *section ? 0 : -1;
}

/* A key given twice in a section is ambiguous; most often a [section]
 * header was lost above the second. */
static int check_twice(sty_reader *r, const sty_entry *en)
{
    for (size_t i = 0; i + 1 < r->n; i++)
        if (strcmp(r->e[i].section, en->section) == 0 &&
            strcmp(r->e[i].key, en->key) == 0) {
            diag_error(r->d, en->pos, "'%s' is given twice in [%s] (first "
                       "on line %d): is a [section] header missing above "
                       "it?", en->key, en->section, r->e[i].pos.line);
            return -1;
        }
    return 0;
}

static int read_entry(sty_reader *r, char *line, char *s, diag_pos pos,
                      const char **section)
{
    char *eq = strchr(s, '=');
    if (!eq || eq == s) {
        diag_error(r->d, pos, eq ? "a key is missing before '='"
                                 : "expected 'key = value' or a [section] "
                                   "header");
        return -1;
    }
    if (!*section) {
        diag_error(r->d, pos, "'key = value' before the first [section]: "
                   "add a header such as [page] above it");
        *section = ""; /* said once: the lines after it go with it */
        return -1;
    }
    *eq = '\0';
    char *v = eq + 1;
    while (*v == ' ' || *v == '\t')
        v++;
    sty_entry *en = AR_PUSH(r->ar, r->e, r->n, r->cap);
    if (!en)
        return -1;
    en->section = *section;
    en->key = ar_strdup(r->ar, trim(s));
    en->value = ar_strdup(r->ar, trim(v));
    en->pos = pos;
    en->pos.col = in_line_col(line, v);
    if (!en->key || !en->value)
        return -1;
    const char *tab = strchr(en->value, '\t');
    if (tab) {
        en->pos.col += (int)u8_count(en->value, (size_t)(tab - en->value));
        diag_error(r->d, en->pos, "'%s' has a tab inside its value: write "
                   "a space", en->key);
        return -1;
    }
    return check_twice(r, en);
}

static int read_line(sty_reader *r, char *line, size_t len, int lineno,
                     const char **section)
{
    diag_pos pos = {r->file, lineno, 1};
    if (check_text(r, line, len, lineno))
        return -1;
    char *hash = strstr(line, " #");
    if (hash)
        *hash = '\0';
    char *s = trim(line);
    if (*s == '\0' || *s == '#')
        return 0;
    pos.col = in_line_col(line, s);
    if (*s == '[')
        return read_header(r, s, pos, section);
    return read_entry(r, line, s, pos, section);
}

/* text holds len bytes and a NUL after them; lines are cut in place. */
int sr_read_entries(sty_reader *r, char *text, size_t len)
{
    const char *section = NULL;
    int lineno = 0, rc = 0;
    char *p = text, *end = text + len;
    if (len >= 3 && memcmp(text, BOM, 3) == 0)
        p += 3;
    for (;;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *le = nl ? nl : end;
        *le = '\0';
        if (read_line(r, p, (size_t)(le - p), ++lineno, &section))
            rc = -1;
        if (!nl)
            break;
        p = nl + 1;
    }
    r->lines = lineno;
    return rc;
}

/* ---- finding entries and sections ---- */

sty_entry *sr_find(sty_reader *r, const char *section, const char *key)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->e[i].section, section) == 0 &&
            strcmp(r->e[i].key, key) == 0)
            return &r->e[i];
    return NULL;
}

diag_pos sr_end_pos(sty_reader *r)
{
    return (diag_pos){r->file, r->lines > 0 ? r->lines : 1, 1};
}

diag_pos sr_section_pos(sty_reader *r, const char *section)
{
    for (size_t i = 0; i < r->nsec; i++)
        if (strcmp(r->sec[i].name, section) == 0)
            return r->sec[i].pos;
    return sr_end_pos(r);
}

diag_pos sr_key_pos(sty_reader *r, const char *section, const char *key)
{
    sty_entry *e = sr_find(r, section, key);
    return e ? e->pos : sr_section_pos(r, section);
}

int sr_has_section(sty_reader *r, const char *section)
{
    for (size_t i = 0; i < r->nsec; i++)
        if (strcmp(r->sec[i].name, section) == 0)
            return 1;
    return 0;
}

void sr_lacks_section(sty_reader *r, const char *section)
{
    for (int i = 0; i < r->ntold; i++)
        if (strcmp(r->told[i], section) == 0)
            return;
    if (r->ntold < SR_MAX_TOLD)
        r->told[r->ntold++] = section;
    diag_error(r->d, sr_end_pos(r), "style lacks the section [%s]: add it "
               "(docs/style-format.md lists its keys)", section);
}

void sr_lacks_key(sty_reader *r, const char *section, const char *key)
{
    if (!sr_has_section(r, section)) {
        sr_lacks_section(r, section);
        return;
    }
    diag_error(r->d, sr_section_pos(r, section), "[%s] lacks '%s': add "
               "'%s = …' (see docs/style-format.md)", section, key, key);
}

/* ---- values ---- */

/* The end of a decimal number at s ([+-]digits[.digits][e[+-]digits]),
 * or s when there is none. strtod alone would take nan, inf and hex. */
static const char *scan_decimal(const char *s)
{
    const char *p = s + (*s == '+' || *s == '-');
    int digits = 0;
    for (; *p >= '0' && *p <= '9'; p++)
        digits++;
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9'; p++)
            digits++;
    if (!digits)
        return s;
    if (*p == 'e' || *p == 'E') {
        const char *q = p + 1;
        q += *q == '+' || *q == '-';
        if (*q >= '0' && *q <= '9') {
            while (*q >= '0' && *q <= '9')
                q++;
            p = q;
        }
    }
    return p;
}

/* A decimal number at s; *end is where it ends. May be ±HUGE_VAL (the
 * range check refuses it). */
static int parse_decimal(const char *s, double *v, const char **end)
{
    const char *e = scan_decimal(s);
    char *se;
    if (e == s)
        return -1;
    *v = strtod(s, &se);
    *end = e;
    return se == e ? 0 : -1;
}

int sr_parse_len(sty_reader *r, const sty_entry *e, double *out)
{
    double v;
    const char *end;
    if (parse_decimal(e->value, &v, &end) == 0) {
        while (*end == ' ')
            end++;
        for (size_t i = 0; i < NUNITS; i++) {
            if (strcmp(end, units[i].unit) != 0)
                continue;
            if (units[i].pt) {
                *out = v * units[i].pt;
                return 0;
            }
            if (r->body_size > 0) {
                *out = v * r->body_size;
                return 0;
            }
            diag_error(r->d, e->pos, "'%s' cannot be in em: give the body "
                       "size in pt or mm", e->key);
            return -1;
        }
    }
    diag_error(r->d, e->pos, "'%s' needs a length with a unit: mm, cm, pt "
               "or em (of the body size), not '%s'", e->key, e->value);
    return -1;
}

/* Points per unit of a range (mm or pt). */
static double unit_pt(const sty_reader *r, const char *unit)
{
    for (size_t i = 0; unit && i < NUNITS; i++)
        if (strcmp(unit, units[i].unit) == 0)
            return units[i].pt ? units[i].pt : r->body_size;
    return 1;
}

/* The one place where a number meets its key's range (v in k->unit). */
static int check_range(sty_reader *r, const sty_entry *e, const sty_key *k,
                       double v)
{
    double tol = 1e-9 * (fabs(k->min) + fabs(k->max)); /* 100cm is 1000mm */
    int zero = (k->flags & K_ZERO) != 0;
    if (isfinite(v) && ((zero && v == 0) ||
                        (v >= k->min - tol && v <= k->max + tol)))
        return 0;
    diag_error(r->d, e->pos, "'%s' must %slie between %g and %g (%s), not "
               "'%s'", e->key, zero ? "be 0 or " : "", k->min, k->max,
               k->unit, e->value);
    return -1;
}

static int read_len(sty_reader *r, const sty_entry *e, const sty_key *k,
                    double *out)
{
    double v;
    if (sr_parse_len(r, e, &v) || check_range(r, e, k, v / unit_pt(r, k->unit)))
        return -1;
    *out = v;
    return 0;
}

static int read_int(sty_reader *r, const sty_entry *e, const sty_key *k,
                    int *out)
{
    const char *s = e->value + (e->value[0] == '+' || e->value[0] == '-');
    char *end;
    long v = strtol(e->value, &end, 10); /* beyond long: LONG_MAX */
    if (*s < '0' || *s > '9' || *end) {
        diag_error(r->d, e->pos, "'%s' must be a whole number, not '%s'",
                   e->key, e->value);
        return -1;
    }
    if (check_range(r, e, k, (double)v))
        return -1;
    *out = (int)v;
    return 0;
}

static int read_num(sty_reader *r, const sty_entry *e, const sty_key *k,
                    double *out)
{
    double v;
    const char *end;
    if (parse_decimal(e->value, &v, &end) || *end) {
        diag_error(r->d, e->pos, "'%s' must be a number, not '%s'", e->key,
                   e->value);
        return -1;
    }
    if (check_range(r, e, k, v))
        return -1;
    *out = v;
    return 0;
}

/* Text: its length in characters (control characters never reach here:
 * check_text refused them). */
static int read_str(sty_reader *r, const sty_entry *e, const sty_key *k,
                    const char **out)
{
    size_t n = u8_count(e->value, strlen(e->value));
    if (n < k->min || n > k->max) {
        diag_error(r->d, e->pos, "'%s' must be %g to %g characters long, "
                   "not %zu", e->key, k->min, k->max, n);
        return -1;
    }
    *out = e->value;
    return 0;
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
               sb.s ? sb.s : "", e->value);
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
    for (const char *end; n < 4; n++, s = end) {
        while (*s == ' ' || *s == ',')
            s++;
        if (parse_decimal(s, &v[n], &end) || !isfinite(v[n]) || v[n] < 0 ||
            v[n] > 100)
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

static int read_bool(sty_reader *r, const sty_entry *e, int *out)
{
    if (strcmp(e->value, "yes") == 0 || strcmp(e->value, "no") == 0) {
        *out = e->value[0] == 'y';
        return 0;
    }
    diag_error(r->d, e->pos, "'%s' must be yes or no, not '%s'", e->key,
               e->value);
    return -1;
}

static int read_font(sty_reader *r, const sty_entry *e, fnt_role *out)
{
    if (fnt_role_from_name(e->value, out) == 0)
        return 0;
    diag_error(r->d, e->pos, "unknown font role '%s'; use song, hei, kai, "
               "fangsong or title", e->value);
    return -1;
}

#define ENUM(t) t, sizeof t / sizeof *t

int sr_parse_value(sty_reader *r, const sty_entry *e, const sty_key *k,
                   void *base)
{
    void *p = (char *)base + k->off;
    switch (k->type) {
    case K_LEN:
        return read_len(r, e, k, p);
    case K_INT:
        return read_int(r, e, k, p);
    case K_NUM:
        return read_num(r, e, k, p);
    case K_BOOL:
        return read_bool(r, e, p);
    case K_STR:
        return read_str(r, e, k, p);
    case K_FONT:
        return read_font(r, e, p);
    case K_ALIGN:
        return parse_enum(r, e, p, ENUM(align_names));
    case K_KINSOKU:
        return parse_enum(r, e, p, ENUM(kinsoku_names));
    case K_PUNCT:
        return parse_enum(r, e, p, ENUM(punct_names));
    case K_STRATEGY:
        return parse_enum(r, e, p, ENUM(strategy_names));
    case K_ADJACENT:
        return parse_enum(r, e, p, ENUM(adjacent_names));
    case K_COLOUR:
        return parse_colour(r, e, p);
    }
    diag_error(r->d, e->pos, "'%s': unknown kind of value", e->key);
    return -1;
}

int sr_read_keys(sty_reader *r, const char *section, const sty_key *keys,
                 void *base)
{
    int rc = 0;
    for (const sty_key *k = keys; k->key; k++) {
        sty_entry *e = sr_find(r, section, k->key);
        if (!e) {
            if (k->flags & K_REQ) {
                sr_lacks_key(r, section, k->key);
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
