/* settable.c: the one rule of which characters may reach shaping, and a
 * copy of a text without those that may not, each one reported */
#include <string.h>

#include "util.h"

/* What may not be set, and why. Pango aborts on a NUL; controls and bidi
 * controls would steer or break the lines without showing; noncharacters
 * are not text; right-to-left scripts need a bidirectional composer this
 * one is not (their letters are replaced by U+FFFD, so that the place
 * shows; everything else is removed). */
static const struct {
    uint32_t lo, hi;
    int replace;       /* replaced by U+FFFD rather than removed */
    const char *what;
} unsettable[] = {
    {0x0000, 0x0008, 0, "a control character"},
    {0x000B, 0x001F, 0, "a control character"}, /* TAB and LF are text */
    {0x007F, 0x009F, 0, "a control character"},
    {0x061C, 0x061C, 0, "a bidirectional control"},
    {0x200E, 0x200F, 0, "a bidirectional control"},
    {0x202A, 0x202E, 0, "a bidirectional control"},
    {0x2066, 0x2069, 0, "a bidirectional control"},
    {0xFDD0, 0xFDEF, 0, "a noncharacter"},
    {0xFEFF, 0xFEFF, 0, "a byte-order mark inside the text"},
    {0x0590, 0x08FF, 1, "right-to-left text (Hebrew, Arabic, Uyghur, Syriac …), "
                        "which the composer cannot set"},
    {0xFB1D, 0xFDFF, 1, "right-to-left text (Hebrew, Arabic presentation "
                        "forms), which the composer cannot set"},
    {0xFE70, 0xFEFE, 1, "right-to-left text (Arabic presentation forms), "
                        "which the composer cannot set"},
    {0x10800, 0x10FFF, 1, "right-to-left text, which the composer cannot set"},
    {0x1E800, 0x1EFFF, 1, "right-to-left text, which the composer cannot set"},
};

const char *u8_unsettable(uint32_t cp, int *replace)
{
    int dummy;
    replace = replace ? replace : &dummy;
    *replace = 0;
    if ((cp & 0xFFFE) == 0xFFFE)
        return "a noncharacter";
    for (size_t i = 0; i < sizeof unsettable / sizeof *unsettable; i++)
        if (cp >= unsettable[i].lo && cp <= unsettable[i].hi) {
            *replace = unsettable[i].replace;
            return unsettable[i].what;
        }
    return NULL;
}

int u8_settable_copy(const char *s, size_t len, sb_buf *out,
                     u8_report_fn report, void *ctx)
{
    int n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int k = u8_decode(s + i, len - i, &cp);
        int replace;
        const char *what = u8_unsettable(cp, &replace);
        if (!what) {
            sb_add(out, s + i, (size_t)k);
        } else {
            n++;
            if (report)
                report(ctx, i, cp, what);
            if (replace)
                sb_addcp(out, 0xFFFD);
        }
        i += (size_t)k;
    }
    return n;
}
