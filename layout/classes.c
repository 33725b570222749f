/* classes.c: character classes for Chinese composition, as a table, and
 * the line-start/line-end prohibition rules (chinese-layout.md, clreq) */
#include "composer_imp.h"

typedef struct cc_range {
    uint32_t lo, hi;
    cc_class cls;
} cc_range;

/* Sorted by code point. Ranges not listed fall to cc_classify's default:
 * letters and digits by script, everything else CC_HAN (set like an
 * ideograph: full width, breakable on both sides). */
static const cc_range cc_table[] = {
    {0x0020, 0x0020, CC_SPACE},       /* space */
    {0x0021, 0x0021, CC_ASCII_CLOSE}, /* ! */
    {0x0023, 0x0024, CC_NUMPRE},      /* # $ */
    {0x0025, 0x0025, CC_NUMPOST},     /* % */
    {0x0026, 0x0027, CC_ASCII_JOIN},  /* & ' */
    {0x0028, 0x0028, CC_ASCII_OPEN},  /* ( */
    {0x0029, 0x0029, CC_ASCII_CLOSE}, /* ) */
    {0x002B, 0x002B, CC_NUMPRE},      /* + */
    {0x002C, 0x002C, CC_ASCII_CLOSE}, /* , */
    {0x002D, 0x002D, CC_ASCII_JOIN},  /* - hyphen-minus */
    {0x002E, 0x002E, CC_ASCII_CLOSE}, /* . (joins inside numbers) */
    {0x002F, 0x002F, CC_ASCII_JOIN},  /* / */
    {0x0030, 0x0039, CC_DIGIT},       /* 0-9 */
    {0x003A, 0x003B, CC_ASCII_CLOSE}, /* : ; */
    {0x003F, 0x003F, CC_ASCII_CLOSE}, /* ? */
    {0x0040, 0x0040, CC_ASCII_JOIN},  /* @ */
    {0x005B, 0x005B, CC_ASCII_OPEN},  /* [ */
    {0x005D, 0x005D, CC_ASCII_CLOSE}, /* ] */
    {0x005F, 0x005F, CC_ASCII_JOIN},  /* _ */
    {0x007B, 0x007B, CC_ASCII_OPEN},  /* { */
    {0x007D, 0x007D, CC_ASCII_CLOSE}, /* } */
    {0x00A0, 0x00A0, CC_SPACE},       /* no-break space */
    {0x00A3, 0x00A3, CC_NUMPRE},      /* £ */
    {0x00A5, 0x00A5, CC_NUMPRE},      /* ¥ */
    {0x00B0, 0x00B0, CC_NUMPOST},     /* ° degree */
    {0x00B7, 0x00B7, CC_MIDDOT},      /* · middle dot (GB/T 15834 间隔号) */
    {0x2013, 0x2013, CC_CONNECTOR},   /* – en dash: connector */
    {0x2014, 0x2015, CC_DASH},        /* — ― em dash, horizontal bar */
    {0x2018, 0x2018, CC_OPEN},        /* ‘ */
    {0x2019, 0x2019, CC_CLOSE},       /* ’ */
    {0x201C, 0x201C, CC_OPEN},        /* “ */
    {0x201D, 0x201D, CC_CLOSE},       /* ” */
    {0x2022, 0x2022, CC_MIDDOT},      /* • bullet used as interpunct */
    {0x2026, 0x2026, CC_ELLIPSIS},    /* … */
    {0x2030, 0x2030, CC_NUMPOST},     /* ‰ */
    {0x20AC, 0x20AC, CC_NUMPRE},      /* € */
    {0x2103, 0x2103, CC_NUMPOST},     /* ℃ */
    {0x22EF, 0x22EF, CC_ELLIPSIS},    /* ⋯ midline ellipsis */
    {0x2500, 0x2500, CC_DASH},        /* ─ box line used as a dash */
    {0x3000, 0x3000, CC_SPACE},       /* ideographic space */
    {0x3001, 0x3001, CC_PAUSE},       /* 、 */
    {0x3002, 0x3002, CC_STOP},        /* 。 */
    {0x3007, 0x3007, CC_NUMERAL},     /* 〇 numeral */
    {0x3008, 0x3008, CC_OPEN},        /* 〈 */
    {0x3009, 0x3009, CC_CLOSE},       /* 〉 */
    {0x300A, 0x300A, CC_OPEN},        /* 《 */
    {0x300B, 0x300B, CC_CLOSE},       /* 》 */
    {0x300C, 0x300C, CC_OPEN},        /* 「 */
    {0x300D, 0x300D, CC_CLOSE},       /* 」 */
    {0x300E, 0x300E, CC_OPEN},        /* 『 */
    {0x300F, 0x300F, CC_CLOSE},       /* 』 */
    {0x3010, 0x3010, CC_OPEN},        /* 【 */
    {0x3011, 0x3011, CC_CLOSE},       /* 】 */
    {0x3014, 0x3014, CC_OPEN},        /* 〔 */
    {0x3015, 0x3015, CC_CLOSE},       /* 〕 */
    {0x3016, 0x3016, CC_OPEN},        /* 〖 */
    {0x3017, 0x3017, CC_CLOSE},       /* 〗 */
    {0x301C, 0x301C, CC_CONNECTOR},   /* 〜 wave dash */
    {0x30FB, 0x30FB, CC_MIDDOT},      /* ・ katakana middle dot */
    {0x4E00, 0x4E00, CC_NUMERAL},     /* 一 numeral */
    {0x4E03, 0x4E03, CC_NUMERAL},     /* 七 numeral */
    {0x4E07, 0x4E07, CC_NUMERAL},     /* 万 numeral */
    {0x4E09, 0x4E09, CC_NUMERAL},     /* 三 numeral */
    {0x4E24, 0x4E24, CC_NUMERAL},     /* 两 numeral */
    {0x4E5D, 0x4E5D, CC_NUMERAL},     /* 九 numeral */
    {0x4E8C, 0x4E8C, CC_NUMERAL},     /* 二 numeral */
    {0x4E94, 0x4E94, CC_NUMERAL},     /* 五 numeral */
    {0x4EBF, 0x4EBF, CC_NUMERAL},     /* 亿 numeral */
    {0x516B, 0x516B, CC_NUMERAL},     /* 八 numeral */
    {0x516D, 0x516D, CC_NUMERAL},     /* 六 numeral */
    {0x5341, 0x5341, CC_NUMERAL},     /* 十 numeral */
    {0x5343, 0x5343, CC_NUMERAL},     /* 千 numeral */
    {0x56DB, 0x56DB, CC_NUMERAL},     /* 四 numeral */
    {0x767E, 0x767E, CC_NUMERAL},     /* 百 numeral */
    {0x96F6, 0x96F6, CC_NUMERAL},     /* 零 numeral */
    {0xFF01, 0xFF01, CC_EXCL},        /* ！ */
    {0xFF03, 0xFF04, CC_NUMPRE},      /* ＃ ＄ */
    {0xFF05, 0xFF05, CC_NUMPOST},     /* ％ */
    {0xFF08, 0xFF08, CC_OPEN},        /* （ */
    {0xFF09, 0xFF09, CC_CLOSE},       /* ） */
    {0xFF0C, 0xFF0C, CC_PAUSE},       /* ， */
    {0xFF0E, 0xFF0E, CC_STOP},        /* ． full-width full stop */
    {0xFF0F, 0xFF0F, CC_SLASH},       /* ／ */
    {0xFF10, 0xFF19, CC_DIGIT},       /* ０-９ */
    {0xFF1A, 0xFF1B, CC_COLON},       /* ： ； */
    {0xFF1F, 0xFF1F, CC_EXCL},        /* ？ */
    {0xFF3B, 0xFF3B, CC_OPEN},        /* ［ */
    {0xFF3D, 0xFF3D, CC_CLOSE},       /* ］ */
    {0xFF5B, 0xFF5B, CC_OPEN},        /* ｛ */
    {0xFF5D, 0xFF5D, CC_CLOSE},       /* ｝ */
    {0xFF5E, 0xFF5E, CC_CONNECTOR},   /* ～ full-width tilde: connector */
    {0xFFE0, 0xFFE1, CC_NUMPRE},      /* ￠ ￡ */
    {0xFFE5, 0xFFE5, CC_NUMPRE},      /* ￥ */
};

/* Line-start and line-end prohibitions per class and level. A level
 * prohibits what its column says and everything of the levels below
 * (basic < GB < strict). 0: never prohibited. */
static const struct {
    sty_kinsoku no_start, no_end;
} cc_rules[CC_NCLASSES] = {
    [CC_HAN] = {0, 0},
    [CC_NUMERAL] = {0, 0},
    [CC_OPEN] = {0, STY_KINSOKU_BASIC},       /* “（《 not at line end */
    [CC_CLOSE] = {STY_KINSOKU_BASIC, 0},      /* ”）》 not at line start */
    [CC_PAUSE] = {STY_KINSOKU_BASIC, 0},      /* 、， */
    [CC_STOP] = {STY_KINSOKU_BASIC, 0},       /* 。 */
    [CC_COLON] = {STY_KINSOKU_BASIC, 0},      /* ；： */
    [CC_EXCL] = {STY_KINSOKU_BASIC, 0},       /* ？！ */
    [CC_MIDDOT] = {STY_KINSOKU_BASIC, 0},     /* · */
    [CC_DASH] = {STY_KINSOKU_STRICT, 0},      /* —— not at line start */
    [CC_ELLIPSIS] = {STY_KINSOKU_STRICT, 0},  /* …… not at line start */
    [CC_CONNECTOR] = {STY_KINSOKU_BASIC, 0},  /* ～ */
    [CC_SLASH] = {0, STY_KINSOKU_GB},         /* ／ not at line end */
    [CC_LATIN] = {0, 0},
    [CC_DIGIT] = {0, 0},
    [CC_NUMPRE] = {0, STY_KINSOKU_BASIC},     /* ¥ stays with its number */
    [CC_NUMPOST] = {STY_KINSOKU_BASIC, 0},    /* % stays with its number */
    [CC_ASCII_OPEN] = {0, STY_KINSOKU_BASIC},
    [CC_ASCII_CLOSE] = {STY_KINSOKU_BASIC, 0},
    [CC_ASCII_JOIN] = {0, 0},
    [CC_SPACE] = {0, 0},
};

static const char *const cc_names[CC_NCLASSES] = {
    "han", "numeral", "open", "close", "pause", "stop", "colon", "excl", "middot",
    "dash", "ellipsis", "connector", "slash", "latin", "digit", "numpre",
    "numpost", "ascii-open", "ascii-close", "ascii-join", "space",
};

const char *cc_name(cc_class c)
{
    return c < CC_NCLASSES ? cc_names[c] : "?";
}

static int is_letter(uint32_t cp)
{
    return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
           (cp >= 0x370 && cp <= 0x52F) || /* Greek, Cyrillic */
           (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
}

cc_class cc_classify(uint32_t cp)
{
    size_t lo = 0, hi = sizeof cc_table / sizeof *cc_table;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < cc_table[mid].lo)
            hi = mid;
        else if (cp > cc_table[mid].hi)
            lo = mid + 1;
        else
            return cc_table[mid].cls;
    }
    if (cp >= 0xFF21 && cp <= 0xFF5A)
        return CC_HAN; /* full-width letters are set like ideographs */
    return is_letter(cp) ? CC_LATIN : CC_HAN;
}

int cc_is_han(cc_class c)
{
    return c == CC_HAN || c == CC_NUMERAL;
}

int cc_no_start(cc_class c, sty_kinsoku level)
{
    return cc_rules[c].no_start && level >= cc_rules[c].no_start;
}

int cc_no_end(cc_class c, sty_kinsoku level)
{
    return cc_rules[c].no_end && level >= cc_rules[c].no_end;
}

static int is_word(cc_class c)
{
    return c == CC_LATIN || c == CC_DIGIT;
}

/* Pairs that hold together whatever the kinsoku level: a Latin word, a
 * number with its signs, separators and units (in digits or in Chinese
 * numerals), the 2-em dash and the 2-em ellipsis. */
int cc_pair_rigid(cc_class a, cc_class b)
{
    if (a == CC_NUMERAL && b == CC_NUMERAL)
        return 1; /* 十八大, 一百: a number in Chinese numerals */
    if (is_word(a) && is_word(b))
        return 1;
    if ((a == CC_DASH && b == CC_DASH) || (a == CC_ELLIPSIS && b == CC_ELLIPSIS))
        return 1;
    if (a == CC_NUMPRE && (b == CC_DIGIT || b == CC_NUMPRE))
        return 1;
    if ((is_word(a) || a == CC_NUMPOST) && b == CC_NUMPOST)
        return 1;
    if ((is_word(a) && b == CC_ASCII_JOIN) || (a == CC_ASCII_JOIN && is_word(b)))
        return 1;
    if (is_word(a) && b == CC_ASCII_CLOSE)
        return 1; /* 3.5 and 1,000: the separator stays with its digits */
    if (a == CC_ASCII_CLOSE && b == CC_DIGIT)
        return 1;
    return 0;
}

int cc_pair_breakable(cc_class a, cc_class b)
{
    if (b == CC_SPACE)
        return 0; /* break after the space, not before it */
    return !cc_pair_rigid(a, b);
}

/* Punctuation adjustment per class (chinese-layout.md, clreq): where the
 * adjustable blank lies, its squeeze level in mid-line, whether the mark
 * may hang at the line end, and whether it ends a sentence. How wide the
 * blank is comes from the font's ink, measured at shaping. */
static const cc_props cc_props_table[CC_NCLASSES] = {
    [CC_OPEN] = {CC_BLANK_LEFT, CC_LVL_BRACKET, 0, 0},   /* “（《 */
    [CC_CLOSE] = {CC_BLANK_RIGHT, CC_LVL_BRACKET, 0, 0}, /* ”）》 */
    [CC_PAUSE] = {CC_BLANK_RIGHT, CC_LVL_COMMA, 1, 0},   /* 、， hang */
    [CC_STOP] = {CC_BLANK_RIGHT, CC_LVL_STOP, 1, 1},     /* 。 hangs */
    [CC_COLON] = {CC_BLANK_RIGHT, CC_LVL_COMMA, 0, 0},   /* ；： */
    [CC_EXCL] = {CC_BLANK_RIGHT, CC_LVL_STOP, 0, 1},     /* ？！ */
    [CC_MIDDOT] = {CC_BLANK_BOTH, CC_LVL_MIDDOT, 0, 0},  /* · */
};

const cc_props *cc_properties(cc_class c)
{
    return &cc_props_table[c < CC_NCLASSES ? c : CC_HAN];
}
