/* sbuf.c: growable string buffers */
#include <stdlib.h>
#include <string.h>

#include "util.h"

void sb_init(sb_buf *sb)
{
    memset(sb, 0, sizeof *sb);
}

void sb_free(sb_buf *sb)
{
    free(sb->s);
    sb_init(sb);
}

void sb_clear(sb_buf *sb)
{
    sb->len = 0;
    if (sb->s)
        sb->s[0] = '\0';
}

static int sb_reserve(sb_buf *sb, size_t extra)
{
    if (sb->failed)
        return -1;
    if (sb->len + extra + 1 <= sb->cap)
        return 0;
    size_t ncap = sb->cap ? sb->cap : 64;
    while (ncap < sb->len + extra + 1)
        ncap *= 2;
    char *p = realloc(sb->s, ncap);
    if (!p) {
        sb->failed = 1;
        return -1;
    }
    sb->s = p;
    sb->cap = ncap;
    return 0;
}

void sb_add(sb_buf *sb, const char *s, size_t len)
{
    if (sb_reserve(sb, len))
        return;
    if (len)
        memcpy(sb->s + sb->len, s, len);
    sb->len += len;
    sb->s[sb->len] = '\0';
}

void sb_adds(sb_buf *sb, const char *s)
{
    sb_add(sb, s, strlen(s));
}

void sb_addc(sb_buf *sb, char c)
{
    sb_add(sb, &c, 1);
}

void sb_addcp(sb_buf *sb, uint32_t cp)
{
    char buf[4];
    sb_add(sb, buf, (size_t)u8_encode(cp, buf));
}

void sb_printf(sb_buf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || sb_reserve(sb, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}
