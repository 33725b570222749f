/* text.c: small text helpers and classifiers both readers of the
 * importer share: characters at the ends, spaces, head numbers, names,
 * jump markers */
#include <string.h>

#include "imp.h"

int imp_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000;
}

int imp_is_alnum(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
           (cp >= 'A' && cp <= 'Z');
}

uint32_t imp_first_cp(const char *s)
{
    uint32_t cp = 0;
    size_t len = strlen(s);
    while (len) {
        int n = u8_decode(s, len, &cp);
        if (!imp_is_space(cp))
            return cp;
        s += n;
        len -= (size_t)n;
    }
    return 0;
}

uint32_t imp_last_cp(const char *s)
{
    uint32_t cp, last = 0;
    size_t len = strlen(s);
    while (len) {
        int n = u8_decode(s, len, &cp);
        if (!imp_is_space(cp))
            last = cp;
        s += n;
        len -= (size_t)n;
    }
    return last;
}

int imp_starts(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

int imp_ends(const char *s, const char *p)
{
    size_t a = strlen(s), b = strlen(p);
    return a >= b && !memcmp(s + a - b, p, b);
}

const char *imp_tail(const char *s, size_t chars)
{
    const char *p = s + strlen(s);
    while (p > s && chars) {
        p--;
        if (((unsigned char)*p & 0xC0) != 0x80)
            chars--;
    }
    return p;
}

int imp_head(const char *s, size_t chars)
{
    size_t k = 0;
    while (s[k] && chars) {
        k++;
        while (((unsigned char)s[k] & 0xC0) == 0x80)
            k++;
        chars--;
    }
    return (int)k;
}

char *imp_nospace(ar_arena *ar, const char *s)
{
    sb_buf sb;
    size_t len = strlen(s);
    sb_init(&sb);
    while (len) {
        uint32_t cp;
        int m = u8_decode(s, len, &cp);
        if (!imp_is_space(cp))
            sb_add(&sb, s, (size_t)m);
        s += m;
        len -= (size_t)m;
    }
    char *out = ar_strndup(ar, sb.s ? sb.s : "", sb.len);
    sb_free(&sb);
    return out;
}

const char *imp_phrase(ar_arena *ar, const char *t)
{
    sb_buf sb;
    sb_init(&sb);
    while (*t == ' ')
        t++;
    for (const char *p = t; *p; p++) {
        if (*p != ' ') {
            sb_addc(&sb, *p);
            continue;
        }
        while (p[1] == ' ')
            p++;
        if (!p[1])
            break;
        uint32_t a = sb.len ? imp_last_cp(ar_strndup(ar, sb.s, sb.len)) : 0;
        uint32_t z = imp_first_cp(p + 1);
        sb_adds(&sb, imp_is_alnum(a) && imp_is_alnum(z) ? " " : "　");
    }
    const char *out = ar_strndup(ar, sb.s ? sb.s : "", sb.len);
    sb_free(&sb);
    return out;
}

/* Length in bytes of a run of the numerals items are counted with (一 to
 * 十) at s. */
static size_t numerals(const char *s)
{
    size_t k = 0;
    uint32_t cp;
    while (s[k]) {
        int m = u8_decode(s + k, strlen(s + k), &cp);
        if (!punct_has(cp, PUNCT_COUNTING))
            break;
        k += (size_t)m;
    }
    return k;
}

int imp_headnum(const char *s)
{
    size_t k = numerals(s);
    if (k && k <= 9 && imp_starts(s + k, "、"))
        return 1;
    if (imp_starts(s, "（") || imp_starts(s, "(")) {
        size_t o = imp_starts(s, "（") ? 3 : 1;
        k = numerals(s + o);
        if (k && k <= 9 &&
            (imp_starts(s + o + k, "）") || imp_starts(s + o + k, ")")))
            return 2;
    }
    if (k && k <= 6 && imp_starts(s + k, "是"))
        return 3;
    if (imp_starts(s, "第")) {
        k = numerals(s + 3);
        if (k && k <= 6 && (imp_starts(s + 3 + k, "，") ||
                            imp_starts(s + 3 + k, "、")))
            return 3;
    }
    return 0;
}

int imp_head_numbered(const char *s)
{
    int k = imp_headnum(s);
    return k == 1 || k == 2;
}

int imp_is_name(const char *s)
{
    size_t len = strlen(s), n = 0;
    uint32_t cp;
    while (len) {
        int m = u8_decode(s, len, &cp);
        if (u8_is_han(cp))
            n++;
        else if (!imp_is_space(cp) && cp != 0x00B7) /* · of foreign names */
            return 0;
        s += m;
        len -= (size_t)m;
    }
    return n >= 2 && n <= 4;
}

int imp_date_line(const char *t)
{
    return imp_starts(t, "（") && imp_ends(t, "）") && strstr(t, "年") &&
           strstr(t, "日") && u8_count(t, strlen(t)) <= 16;
}

/* The words of a jump marker and their direction. */
static const struct {
    const char *word;
    int dir; /* 1: 下转 (goes on at), 2: 上接 (comes from) */
} jump_words[] = {{"下转", 1}, {"转", 1}, {"上接", 2}, {"接", 2}};

#define NJUMP_WORDS (sizeof jump_words / sizeof *jump_words)

/* After "（下转" at d: "第"? N "页" and a closing bracket; the marker's
 * end, or NULL. */
static const char *jump_rest(const char *d, int *page)
{
    static const char *const closes[] = {"）", ")"};
    if (imp_starts(d, "第"))
        d += 3;
    while (*d == ' ')
        d++;
    int n = 0, nd = 0;
    while (*d >= '0' && *d <= '9' && nd < 4)
        n = n * 10 + (*d++ - '0'), nd++;
    while (*d == ' ')
        d++;
    if (!nd || !imp_starts(d, "页"))
        return NULL;
    d += 3;
    while (*d == ' ')
        d++;
    for (int k = 0; k < 2; k++)
        if (imp_starts(d, closes[k])) {
            *page = n;
            return d + strlen(closes[k]);
        }
    return NULL;
}

int imp_find_jump(const char *s, size_t *at, size_t *len, int *page)
{
    static const char *const opens[] = {"（", "("};
    for (const char *p = s; *p; p++) {
        for (int o = 0; o < 2; o++) {
            if (!imp_starts(p, opens[o]))
                continue;
            const char *q = p + strlen(opens[o]);
            while (*q == ' ')
                q++;
            for (size_t w = 0; w < NJUMP_WORDS; w++) {
                if (!imp_starts(q, jump_words[w].word))
                    continue;
                const char *d = q + strlen(jump_words[w].word);
                const char *end = jump_rest(d, page);
                if (!end)
                    break;
                *at = (size_t)(p - s);
                *len = (size_t)(end - p);
                return jump_words[w].dir;
            }
        }
    }
    return 0;
}
