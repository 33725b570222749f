/* punct.c: Chinese punctuation and the marks around it, one table for
 * the composer and the importer (GB/T 15834, clreq) */
#include "util.h"

/* One row per mark or run of marks, sorted by code point. The classes
 * are the composer's (everything it does not list is a letter or an
 * ideograph by script); the flags and the two last fields are what the
 * importer asks of a mark (util.h). */
static const punct_mark punct_table[] = {
    {0x0020, 0x0020, PUNCT_SPACE, 0, 0, 0}, /* space */
    {0x0021, 0x0021, PUNCT_ASCII_CLOSE, PUNCT_ENDS, 0, 0}, /* ! */
    {0x0023, 0x0024, PUNCT_NUMPRE, 0, 0, 0}, /* # $ */
    {0x0025, 0x0025, PUNCT_NUMPOST, 0, 0, 0}, /* % */
    {0x0026, 0x0027, PUNCT_ASCII_JOIN, 0, 0, 0}, /* & ' */
    {0x0028, 0x0028, PUNCT_ASCII_OPEN, 0, 0, 0}, /* ( */
    {0x0029, 0x0029, PUNCT_ASCII_CLOSE, PUNCT_TRAILS, 0, 0}, /* ) */
    {0x002B, 0x002B, PUNCT_NUMPRE, 0, 0, 0}, /* + */
    {0x002C, 0x002C, PUNCT_ASCII_CLOSE, 0, 0, 0}, /* , */
    {0x002D, 0x002D, PUNCT_ASCII_JOIN, 0, 0, 0}, /* - hyphen-minus */
    {0x002E, 0x002E, PUNCT_ASCII_CLOSE, 0, 0, 0}, /* . (joins inside numbers) */
    {0x002F, 0x002F, PUNCT_ASCII_JOIN, 0, 0, 0}, /* / */
    {0x0030, 0x0039, PUNCT_DIGIT, 0, 0, 0}, /* 0-9 */
    {0x003A, 0x003B, PUNCT_ASCII_CLOSE, PUNCT_ENDS, 0, 0}, /* : ; */
    /* < = > between numbers and letters: kept with them (x<5, a=b) */
    {0x003C, 0x003E, PUNCT_ASCII_JOIN, 0, 0, 0},
    {0x003F, 0x003F, PUNCT_ASCII_CLOSE, PUNCT_ENDS, 0, 0}, /* ? */
    {0x0040, 0x0040, PUNCT_ASCII_JOIN, 0, 0, 0}, /* @ */
    {0x005B, 0x005B, PUNCT_ASCII_OPEN, 0, 0, 0}, /* [ */
    {0x005D, 0x005D, PUNCT_ASCII_CLOSE, 0, 0, 0}, /* ] */
    {0x005F, 0x005F, PUNCT_ASCII_JOIN, 0, 0, 0}, /* _ */
    {0x007B, 0x007B, PUNCT_ASCII_OPEN, 0, 0, 0}, /* { */
    {0x007D, 0x007D, PUNCT_ASCII_CLOSE, 0, 0, 0}, /* } */
    {0x007E, 0x007E, PUNCT_ASCII_JOIN, 0, 0, 0}, /* ~ in a range (3~5) */
    {0x00A0, 0x00A0, PUNCT_SPACE, 0, 0, 0}, /* no-break space */
    {0x00A3, 0x00A3, PUNCT_NUMPRE, 0, 0, 0}, /* £ */
    {0x00A5, 0x00A5, PUNCT_NUMPRE, 0, 0, 0}, /* ¥ */
    {0x00A7, 0x00A7, PUNCT_NUMPRE, 0, 0, 0}, /* § section sign */
    {0x00B0, 0x00B0, PUNCT_NUMPOST, 0, 0, 0}, /* ° degree */
    {0x00B1, 0x00B1, PUNCT_NUMPRE, 0, 0, 0}, /* ± a sign of its number */
    {0x00B7, 0x00B7, PUNCT_MIDDOT, PUNCT_CJK, 0, 0}, /* · middle dot (间隔号) */
    /* × ÷ between numbers (3×4) */
    {0x00D7, 0x00D7, PUNCT_ASCII_JOIN, 0, 0, 0},
    {0x00F7, 0x00F7, PUNCT_ASCII_JOIN, 0, 0, 0},
    {0x2013, 0x2013, PUNCT_CONNECTOR, 0, 0, 0}, /* – en dash: connector */
    {0x2014, 0x2014, PUNCT_DASH, PUNCT_CJK, 0, 0}, /* — em dash, doubled —— */
    {0x2015, 0x2015, PUNCT_DASH, 0, 0, 0}, /* ― horizontal bar */
    {0x2018, 0x2018, PUNCT_OPEN, PUNCT_CJK | PUNCT_SQUEEZES, '\'', 0}, /* ‘ */
    /* ’ */
    {0x2019, 0x2019, PUNCT_CLOSE, PUNCT_CJK | PUNCT_SQUEEZES | PUNCT_TRAILS,
     '\'', 0},
    /* ‚ ‛ low and reversed quotes: set like ideographs; in the run of
     * quotation marks the importer reads as Chinese context */
    {0x201A, 0x201B, PUNCT_OTHER, PUNCT_CJK, 0, 0},
    {0x201C, 0x201C, PUNCT_OPEN, PUNCT_CJK | PUNCT_SQUEEZES, '"', 0}, /* “ */
    /* ” */
    {0x201D, 0x201D, PUNCT_CLOSE, PUNCT_CJK | PUNCT_SQUEEZES | PUNCT_TRAILS,
     '"', 0},
    {0x201E, 0x201F, PUNCT_OTHER, PUNCT_CJK, 0, 0}, /* „ ‟ as ‚ ‛ */
    /* • bullet used as interpunct */
    {0x2022, 0x2022, PUNCT_MIDDOT, 0, 0, 0x00B7},
    {0x2026, 0x2026, PUNCT_ELLIPSIS, PUNCT_CJK | PUNCT_ENDS, 0, 0}, /* … */
    {0x2030, 0x2031, PUNCT_NUMPOST, 0, 0, 0}, /* ‰ ‱ */
    {0x2032, 0x2033, PUNCT_NUMPOST, 0, 0, 0}, /* ′ ″ minutes, seconds */
    {0x20AC, 0x20AC, PUNCT_NUMPRE, 0, 0, 0}, /* € */
    {0x2103, 0x2103, PUNCT_NUMPOST, 0, 0, 0}, /* ℃ */
    {0x2116, 0x2116, PUNCT_NUMPRE, 0, 0, 0}, /* № */
    {0x2212, 0x2212, PUNCT_NUMPRE, 0, 0, 0}, /* − minus sign */
    /* ≈ ≠ ≤ ≥ between numbers and letters */
    {0x2248, 0x2248, PUNCT_ASCII_JOIN, 0, 0, 0},
    {0x2260, 0x2260, PUNCT_ASCII_JOIN, 0, 0, 0},
    {0x2264, 0x2265, PUNCT_ASCII_JOIN, 0, 0, 0},
    {0x22EF, 0x22EF, PUNCT_ELLIPSIS, 0, 0, 0x2026}, /* ⋯ midline ellipsis */
    /* ─ ━ box lines used as a dash */
    {0x2500, 0x2501, PUNCT_DASH, 0, 0, 0x2014},
    /* ■ the end mark of an article */
    {0x25A0, 0x25A0, PUNCT_OTHER, PUNCT_CJK | PUNCT_ENDS, 0, 0},
    {0x25A1, 0x25FF, PUNCT_OTHER, PUNCT_CJK, 0, 0}, /* □ ◆ ◎ geometric shapes */
    {0x2605, 0x2606, PUNCT_OTHER, PUNCT_CJK, 0, 0}, /* ★ ☆ */
    {0x3000, 0x3000, PUNCT_SPACE, 0, 0, 0}, /* ideographic space */
    {0x3001, 0x3001, PUNCT_PAUSE, PUNCT_SQUEEZES, 0, 0}, /* 、 */
    {0x3002, 0x3002, PUNCT_STOP, PUNCT_SQUEEZES | PUNCT_ENDS, 0, 0}, /* 。 */
    {0x3007, 0x3007, PUNCT_NUMERAL, 0, 0, 0}, /* 〇 numeral */
    {0x3008, 0x3008, PUNCT_OPEN, 0, 0, 0}, /* 〈 */
    {0x3009, 0x3009, PUNCT_CLOSE, 0, 0, 0}, /* 〉 */
    {0x300A, 0x300A, PUNCT_OPEN, PUNCT_SQUEEZES, '<', 0}, /* 《 */
    /* 》 */
    {0x300B, 0x300B, PUNCT_CLOSE, PUNCT_SQUEEZES | PUNCT_TRAILS, '>', 0},
    {0x300C, 0x300C, PUNCT_OPEN, 0, 0, 0}, /* 「 */
    {0x300D, 0x300D, PUNCT_CLOSE, PUNCT_TRAILS, 0, 0}, /* 」 */
    {0x300E, 0x300E, PUNCT_OPEN, 0, 0, 0}, /* 『 */
    {0x300F, 0x300F, PUNCT_CLOSE, PUNCT_TRAILS, 0, 0}, /* 』 */
    {0x3010, 0x3010, PUNCT_OPEN, PUNCT_SQUEEZES, 0, 0}, /* 【 */
    {0x3011, 0x3011, PUNCT_CLOSE, PUNCT_SQUEEZES | PUNCT_TRAILS, 0, 0}, /* 】 */
    {0x3014, 0x3014, PUNCT_OPEN, 0, 0, 0}, /* 〔 */
    {0x3015, 0x3015, PUNCT_CLOSE, 0, 0, 0}, /* 〕 */
    {0x3016, 0x3016, PUNCT_OPEN, 0, 0, 0}, /* 〖 */
    {0x3017, 0x3017, PUNCT_CLOSE, 0, 0, 0}, /* 〗 */
    {0x301C, 0x301C, PUNCT_CONNECTOR, 0, 0, 0}, /* 〜 wave dash */
    {0x30FB, 0x30FB, PUNCT_MIDDOT, 0, 0, 0x00B7}, /* ・ katakana middle dot */
    {0x4E00, 0x4E00, PUNCT_NUMERAL, PUNCT_COUNTING, 0, 0}, /* 一 */
    {0x4E03, 0x4E03, PUNCT_NUMERAL, PUNCT_COUNTING, 0, 0}, /* 七 */
    {0x4E07, 0x4E07, PUNCT_NUMERAL, 0, 0, 0}, /* 万 */
    {0x4E09, 0x4E09, PUNCT_NUMERAL, PUNCT_COUNTING, 0, 0}, /* 三 */
    {0x4E24, 0x4E24, PUNCT_NUMERAL, 0, 0, 0}, /* 两 */
    {0x4E5D, 0x4E5D, PUNCT_NUMERAL, PUNCT_COUNTING, 0, 0}, /* 九 */
    {0x4E8C, 0x4E8C, PUNCT_NUMERAL, PUNCT_COUNTING, 0, 0}, /* 二 */
    {0x4E94, 0x4E94, PUNCT_NUMERAL, PUNCT_COUNTING, 0, 0}, /* 五 */
    {0x4EBF, 0x4EBF, PUNCT_NUMERAL, 0, 0, 0}, /* 亿 */
    {0x516B, 0x516B, PUNCT_NUMERAL, PUNCT_COUNTING, 0, 0}, /* 八 */
    {0x516D, 0x516D, PUNCT_NUMERAL, PUNCT_COUNTING, 0, 0}, /* 六 */
    {0x5341, 0x5341, PUNCT_NUMERAL, PUNCT_COUNTING, 0, 0}, /* 十 */
    {0x5343, 0x5343, PUNCT_NUMERAL, 0, 0, 0}, /* 千 */
    {0x56DB, 0x56DB, PUNCT_NUMERAL, PUNCT_COUNTING, 0, 0}, /* 四 */
    {0x767E, 0x767E, PUNCT_NUMERAL, 0, 0, 0}, /* 百 */
    {0x96F6, 0x96F6, PUNCT_NUMERAL, 0, 0, 0}, /* 零 */
    {0xFF01, 0xFF01, PUNCT_EXCL, PUNCT_SQUEEZES | PUNCT_ENDS, '!', 0}, /* ！ */
    {0xFF03, 0xFF04, PUNCT_NUMPRE, 0, 0, 0}, /* ＃ ＄ */
    {0xFF05, 0xFF05, PUNCT_NUMPOST, 0, 0, 0}, /* ％ */
    {0xFF08, 0xFF08, PUNCT_OPEN, PUNCT_SQUEEZES, '(', 0}, /* （ */
    /* ） */
    {0xFF09, 0xFF09, PUNCT_CLOSE, PUNCT_SQUEEZES | PUNCT_TRAILS, ')', 0},
    {0xFF0C, 0xFF0C, PUNCT_PAUSE, PUNCT_SQUEEZES, ',', 0}, /* ， */
    /* ． the full-width full stop of numbers and abbreviations (１．):
     * no sentence end for the importer */
    {0xFF0E, 0xFF0E, PUNCT_STOP, 0, 0, 0},
    {0xFF0F, 0xFF0F, PUNCT_SLASH, 0, 0, 0}, /* ／ */
    {0xFF10, 0xFF19, PUNCT_DIGIT, 0, 0, 0}, /* ０-９ */
    {0xFF1A, 0xFF1A, PUNCT_COLON, PUNCT_SQUEEZES | PUNCT_ENDS, ':', 0}, /* ： */
    {0xFF1B, 0xFF1B, PUNCT_COLON, PUNCT_SQUEEZES | PUNCT_ENDS, ';', 0}, /* ； */
    {0xFF1F, 0xFF1F, PUNCT_EXCL, PUNCT_SQUEEZES | PUNCT_ENDS, '?', 0}, /* ？ */
    {0xFF3B, 0xFF3B, PUNCT_OPEN, 0, 0, 0}, /* ［ */
    {0xFF3D, 0xFF3D, PUNCT_CLOSE, 0, 0, 0}, /* ］ */
    {0xFF5B, 0xFF5B, PUNCT_OPEN, 0, 0, 0}, /* ｛ */
    {0xFF5D, 0xFF5D, PUNCT_CLOSE, 0, 0, 0}, /* ｝ */
    /* ～ full-width tilde: connector */
    {0xFF5E, 0xFF5E, PUNCT_CONNECTOR, 0, 0, 0},
    {0xFFE0, 0xFFE1, PUNCT_NUMPRE, 0, 0, 0}, /* ￠ ￡ */
    {0xFFE5, 0xFFE5, PUNCT_NUMPRE, 0, 0, 0}, /* ￥ */
};

#define PUNCT_ROWS (sizeof punct_table / sizeof *punct_table)

/* The Unicode blocks of Chinese marks: every character in them is one. */
static const struct {
    uint32_t lo, hi;
} cjk_blocks[] = {
    {0x3000, 0x303F}, /* CJK Symbols and Punctuation: 、。〈〉《》「」【】 */
    {0xFF00, 0xFFEF}, /* Halfwidth and Fullwidth Forms: ，：；！？（） */
};

const punct_mark *punct_lookup(uint32_t cp)
{
    size_t lo = 0, hi = PUNCT_ROWS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < punct_table[mid].lo)
            hi = mid;
        else if (cp > punct_table[mid].hi)
            lo = mid + 1;
        else
            return &punct_table[mid];
    }
    return NULL;
}

punct_class punct_classify(uint32_t cp)
{
    const punct_mark *m = punct_lookup(cp);
    return m ? m->cls : PUNCT_NONE;
}

int punct_has(uint32_t cp, unsigned flags)
{
    const punct_mark *m = punct_lookup(cp);
    return m && (m->flags & flags);
}

int punct_is_chinese(uint32_t cp)
{
    if (u8_is_han(cp) || punct_has(cp, PUNCT_CJK))
        return 1;
    for (size_t i = 0; i < sizeof cjk_blocks / sizeof *cjk_blocks; i++)
        if (cp >= cjk_blocks[i].lo && cp <= cjk_blocks[i].hi)
            return 1;
    return 0;
}

uint32_t punct_full_width(char ascii, punct_class side)
{
    for (size_t i = 0; i < PUNCT_ROWS; i++) {
        const punct_mark *m = &punct_table[i];
        int paired = m->cls == PUNCT_OPEN || m->cls == PUNCT_CLOSE;
        if (ascii && m->ascii == ascii &&
            (side == PUNCT_NONE ? !paired : m->cls == side))
            return m->lo;
    }
    return 0;
}

uint32_t punct_standard(uint32_t cp)
{
    const punct_mark *m = punct_lookup(cp);
    return m ? m->standard : 0;
}

uint32_t punct_standard_of(punct_class cls)
{
    for (size_t i = 0; i < PUNCT_ROWS; i++)
        if (punct_table[i].cls == cls && punct_table[i].standard)
            return punct_table[i].standard;
    return 0;
}
