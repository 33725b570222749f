/* detect.c: what an old issue's text is: a raw extraction or a Markdown
 * conversion, and of which publication (docs/import.md, Detection) */
#include <string.h>

#include "imp.h"

/* A Markdown conversion has lines longer than a printed line (at most
 * about 45 characters). */
#define MD_LINE_CHARS 60

/* The publications: the name of their style files and of --publication,
 * the masthead, and the place the text names. */
static const struct {
    int pub;
    const char *slug, *name, *place;
} publications[] = {
    {IMP_PUB_TIANJIN, "tianjin", "天津政协", "天津"},
    {IMP_PUB_JINCHENG, "jincheng", "晋城政协", "晋城"},
};

#define NPUBLICATIONS (sizeof publications / sizeof *publications)

im_kind imp_detect_kind(const char *text, size_t len)
{
    size_t lines = 0, longl = 0, heads = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e)
            e = end;
        size_t n = (size_t)(e - p);
        if (n && !(n == 1 && *p == '\r')) {
            lines++;
            if (u8_count(p, n) > MD_LINE_CHARS)
                longl++;
            if (*p == '#' && n > 2 && (p[1] == ' ' || p[1] == '#'))
                heads++;
        }
        p = e + 1;
    }
    if (heads >= 2 || (lines && longl * 5 > lines))
        return IM_KIND_MARKDOWN;
    return IM_KIND_RAW;
}

static size_t count_str(const char *text, size_t len, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    for (const char *p = text; (p = memmem(p, len - (size_t)(p - text),
                                           needle, k)); p += k)
        n++;
    return n;
}

/* The publication whose place the text names most often (the first
 * listed on a tie), IMP_PUB_NONE when it names none. */
int imp_detect_pub(const char *text, size_t len)
{
    int best = IMP_PUB_NONE;
    size_t most = 0;
    for (size_t i = 0; i < NPUBLICATIONS; i++) {
        size_t n = count_str(text, len, publications[i].place);
        if (n > most) {
            most = n;
            best = publications[i].pub;
        }
    }
    return best;
}

int imp_pub_of(const char *slug)
{
    for (size_t i = 0; slug && i < NPUBLICATIONS; i++)
        if (!strcmp(publications[i].slug, slug))
            return publications[i].pub;
    return IMP_PUB_NONE;
}

const char *imp_pub_name(int pub)
{
    for (size_t i = 0; i < NPUBLICATIONS; i++)
        if (publications[i].pub == pub)
            return publications[i].name;
    return NULL;
}
