/* mdtitles.c: Markdown conversions: article titles matched to the
 * contents, and the printed lines of a title (docs/import.md, Title
 * lines) */
#include <string.h>

#include "imp.h"

/* The contents' wording before the title proper, left out when
 * comparing: 习近平：… */
#define SPEAKER_PREFIX "习近平："

/* A title without spaces, line breaks, the 习近平： of the contents and
 * quotation marks, for comparing. */
static char *title_key(imp_ctx *c, const char *t)
{
    char *s = imp_nospace(c->ar, t);
    sb_buf sb;
    sb_init(&sb);
    if (imp_starts(s, SPEAKER_PREFIX))
        s += strlen(SPEAKER_PREFIX);
    for (; *s; s++)
        if (*s != '\n')
            sb_addc(&sb, *s);
    char *out = ar_strndup(c->ar, sb.s ? sb.s : "", sb.len);
    sb_free(&sb);
    return out;
}

/* The contents entry whose title (without its subtitle) is t, or a
 * prefix of one when prefix is set; -1 when none. */
long imp_toc_find(imp_ctx *c, const char *t, int prefix)
{
    char *k = title_key(c, t);
    if (!*k)
        return -1;
    for (size_t i = 0; i < c->doc.ntoc; i++) {
        char *e = title_key(c, c->doc.toc[i].title);
        char *dash = strstr(e, "——");
        if (dash && dash != e)
            *dash = 0;
        if (!strcmp(e, k) || (prefix && imp_starts(e, k) && strlen(k) >= 6))
            return (long)i;
    }
    return -1;
}

/* The title's lines as contents entry toc prints them; 1 when they are
 * the title's, 0 when the conversion's title is to be read instead. */
static int toc_title_lines(imp_ctx *c, imp_art *a, const char *t, long toc)
{
    const char *wording = c->doc.toc[toc].title;
    char *e = ar_strdup(c->ar, wording);
    char *dash = strstr(e, "\n——");
    if (dash)
        *dash = 0;
    if (imp_starts(e, SPEAKER_PREFIX))
        e += strlen(SPEAKER_PREFIX);
    /* its lines, as the conversion's title has them */
    for (char *p = strtok(e, "\n"); p; p = strtok(NULL, "\n"))
        imp_push_line(c, &a->title, p);
    if (!strcmp(title_key(c, t), title_key(c, wording)) ||
        strstr(wording, SPEAKER_PREFIX))
        return 1;
    a->title.nlines = 0;
    return 0;
}

/* The three characters on each side of the space at q (cur holds the
 * title's line so far), joined. */
static char *joint_at(imp_ctx *c, const sb_buf *cur, const char *q)
{
    size_t l = cur->len, back = 0;
    for (int n = 0; n < 3 && back < l; n++) {
        back++;
        while (back < l && ((unsigned char)cur->s[l - back] & 0xC0) == 0x80)
            back++;
    }
    size_t fwd = 0;
    for (int n = 0; n < 3 && q[fwd] && q[fwd] != ' '; n++) {
        fwd++;
        while (q[fwd] && ((unsigned char)q[fwd] & 0xC0) == 0x80)
            fwd++;
    }
    return ar_printf(c->ar, "%.*s%.*s", (int)back, cur->s + l - back,
                     (int)fwd, q);
}

/* The title's lines: the contents entry's line breaks where it prints the
 * title on several lines; else each space of the conversion's title is a
 * line break, unless the words on both sides of it stand together
 * elsewhere in the issue (a spurious space, "开创新 时代"). */
void imp_md_title_lines(imp_ctx *c, imp_art *a, const char *t, long toc,
                        const char *body, int line)
{
    if (toc >= 0 && strchr(c->doc.toc[toc].title, '\n') &&
        toc_title_lines(c, a, t, toc))
        return;
    /* the contents print the same title: its spaces are line breaks */
    int confirmed = toc >= 0 && !strcmp(title_key(c, t),
                                        title_key(c, c->doc.toc[toc].title));
    const char *p = t;
    sb_buf cur;
    sb_init(&cur);
    while (*p) {
        if (*p != ' ') {
            sb_addc(&cur, *p++);
            continue;
        }
        const char *q = p;
        while (*q == ' ')
            q++;
        char *joint = joint_at(c, &cur, q);
        if (!confirmed && body && strstr(body, joint)) {
            int col = (int)u8_count(t, (size_t)(p - t)) + 1;
            imp_note(c, IMP_R_TITLESP, line, col, 1, "spurious space in the "
                     "title removed («%s» stands together in the text)", joint);
        } else if (cur.len) {
            imp_push_line(c, &a->title, ar_strndup(c->ar, cur.s, cur.len));
            sb_clear(&cur);
        }
        p = q;
    }
    if (cur.len)
        imp_push_line(c, &a->title, ar_strndup(c->ar, cur.s, cur.len));
    sb_free(&cur);
}
