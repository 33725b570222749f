/* utf8.c: UTF-8 decoding and a few code point predicates */
#include "util.h"

int u8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len == 0) {
        *cp = 0;
        return 0;
    }
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    int n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 0;
    if (n == 0 || u[0] > 0xF4 || (size_t)n > len)
        goto bad;
    uint32_t c = u[0] & (0x7F >> n);
    for (int i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80)
            goto bad;
        c = (c << 6) | (u[i] & 0x3F);
    }
    /* reject overlong forms, surrogates and values past U+10FFFF */
    static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < min[n] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
        goto bad;
    *cp = c;
    return n;
bad:
    *cp = 0xFFFD;
    return 1;
}

int u8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

long u8_invalid(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        int n = u8_decode(s + i, len - i, &cp);
        if (cp == 0xFFFD && n == 1 &&
            !((unsigned char)s[i] == 0xEF && len - i >= 3 &&
              (unsigned char)s[i + 1] == 0xBF &&
              (unsigned char)s[i + 2] == 0xBD))
            return (long)i;
        i += (size_t)n;
    }
    return -1;
}

size_t u8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

size_t u8_before(const char *s, size_t len, uint32_t *cp)
{
    size_t k = len - 1;
    while (k && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    u8_decode(s + k, len - k, cp);
    return k;
}

int u8_is_han(uint32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

int u8_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
           cp == 0x3000;
}
