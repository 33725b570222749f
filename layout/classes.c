/* classes.c: character classes for Chinese composition, as a table, and
 * the line-start/line-end prohibition rules (chinese-layout.md, clreq) */
#include "composer_imp.h"

#include "../util/util.h"

/* The composer's class of each class of the shared table of marks
 * (util/punct.c, where each mark is listed once for the composer and the
 * importer). Marks the table lists as PUNCT_OTHER (■ ★ and the like) are
 * set like ideographs. */
static const cc_class cc_of_punct[PUNCT_NCLASSES] = {
    [PUNCT_NONE] = CC_HAN,
    [PUNCT_NUMERAL] = CC_NUMERAL,
    [PUNCT_OPEN] = CC_OPEN,
    [PUNCT_CLOSE] = CC_CLOSE,
    [PUNCT_PAUSE] = CC_PAUSE,
    [PUNCT_STOP] = CC_STOP,
    [PUNCT_COLON] = CC_COLON,
    [PUNCT_EXCL] = CC_EXCL,
    [PUNCT_MIDDOT] = CC_MIDDOT,
    [PUNCT_DASH] = CC_DASH,
    [PUNCT_ELLIPSIS] = CC_ELLIPSIS,
    [PUNCT_CONNECTOR] = CC_CONNECTOR,
    [PUNCT_SLASH] = CC_SLASH,
    [PUNCT_DIGIT] = CC_DIGIT,
    [PUNCT_NUMPRE] = CC_NUMPRE,
    [PUNCT_NUMPOST] = CC_NUMPOST,
    [PUNCT_ASCII_OPEN] = CC_ASCII_OPEN,
    [PUNCT_ASCII_CLOSE] = CC_ASCII_CLOSE,
    [PUNCT_ASCII_JOIN] = CC_ASCII_JOIN,
    [PUNCT_SPACE] = CC_SPACE,
    [PUNCT_OTHER] = CC_HAN,
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
    const punct_mark *m = punct_lookup(cp);
    if (m)
        return cc_of_punct[m->cls];
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
    if (is_word(a) && b == CC_NUMPRE)
        return 1; /* 3±0.5, C++: a sign that goes on the expression */
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
