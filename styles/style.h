/* style.h: a publication's house style, read from a text file at run
 * time (styles/NAME.style, documented in docs/style-format.md).
 *
 * Prefix sty_. All lengths are in PDF points after loading; the file may
 * give them in mm, cm, pt or em (of the body size). No layout number lives
 * in C code: what is not in the file is an error, not a default.
 * Return convention: int functions give 0 on success, -1 on failure. */
#ifndef BULLETIN_STYLE_H
#define BULLETIN_STYLE_H

#include "../fonts/fonts.h"
#include "../util/util.h"

typedef enum sty_align {
    STY_JUSTIFY, /* both edges flush; last line flush left */
    STY_LEFT,
    STY_CENTER,
    STY_RIGHT,
    STY_SPREAD,  /* 均排: characters spread over the whole measure */
} sty_align;

/* The text roles a style formats. */
typedef enum sty_role_id {
    STY_BODY,       /* body paragraphs */
    STY_KICKER,     /* 引题 */
    STY_TITLE,      /* article title */
    STY_PART_TITLE, /* title of a contribution inside an article */
    STY_SUBTITLE,   /* 副题 */
    STY_DECK,       /* 提要 */
    STY_PINYIN,     /* pinyin line */
    STY_BYLINE,     /* author */
    STY_DATE,       /* date line */
    STY_EDNOTE,     /* 编者按 */
    STY_HEAD,       /* 一、 */
    STY_SUBHEAD,    /* （一） */
    STY_NUMBER,     /* an excerpt's number: 一 二 三 */
    STY_ITEM,       /* list item */
    STY_NOTE,       /* end note */
    STY_QUOTE,      /* block quotation */
    STY_CAPTION,    /* figure caption */
    STY_FOLIO,      /* page number */
    STY_BOLD,       /* **…** inside any role */
    STY_EMPHASIS,   /* *…* inside any role */
    /* furniture and front matter: optional in a style file */
    STY_RUNNING_HEAD,  /* running head */
    STY_MASTHEAD,      /* the publication's name on the cover */
    STY_ISSUE_MARK,    /* 〔4 总第43期 2020〕 */
    STY_DIGEST_HEAD,   /* 本期导读 */
    STY_DIGEST_ITEM,   /* a 本期导读 item */
    STY_SPONSOR,       /* 政协…主办 */
    STY_LABEL,         /* 内部资料 注意保存 */
    STY_BOARD_HEAD,    /* 《…》编委会 */
    STY_BOARD_LINE,    /* a line of the 编委会 page */
    STY_CONTENTS_HEAD, /* 目录 */
    STY_CONTENTS_SUB,  /* CONTENTS */
    STY_CONTENTS_COLUMN, /* ◎ 栏目 in the contents */
    STY_CONTENTS_ENTRY,  /* a contents entry: title and author */
    STY_CONTENTS_PAGE,   /* its page number */
    STY_SIDE_TAB,      /* the thumb index on the outer edge */
    STY_JUMP,          /* （下转第N页） and （上接第N页） */
    STY_PRINT_INFO,    /* the page information line in a print master's slug */
    STY_CITATION,      /* an offprint's 原载… line (else [note]) */
    STY_NROLES
} sty_role_id;

/* A colour as the press prints it: cyan, magenta, yellow and black ink,
 * each 0–1. Screens see it through the output profile. */
typedef struct sty_colour {
    double c, m, y, k;
    int set;            /* 0: none, nothing is painted */
} sty_colour;

/* 100% black ink alone: text, rules and frames unless a style says
 * otherwise. */
#define STY_BLACK ((sty_colour){0, 0, 0, 1, 1})

typedef struct sty_role {
    int set;            /* the file has a section for this role */
    fnt_role font;
    double size;        /* pt */
    sty_align align;
    double indent;      /* first-line indent, em of this role's size */
    double tracking;    /* extra space between characters, em */
    double leading;     /* line advance as a multiple of size; 0: the grid
                           pitch (body text always follows the grid) */
    double min_size;    /* a display line too long for the measure is set
                           smaller, down to this size, before it is broken;
                           0: never */
    double before, after; /* space in grid lines */
    int span;           /* spans all columns (head elements) */
    int bottom;         /* set at the foot of the page (front matter) */
    const char *bullet; /* list bullet when the item has none */
    sty_colour colour;  /* of its text; black unless the file says */
    diag_pos pos;       /* the section, for messages */
} sty_role;

typedef enum sty_kinsoku {
    STY_KINSOKU_NONE,
    STY_KINSOKU_BASIC,
    STY_KINSOKU_GB,
    STY_KINSOKU_STRICT,
} sty_kinsoku;

typedef struct sty_page {
    double width, height;  /* trim size */
    int columns;
    double column_gap;
    int measure;           /* characters (body ems) per column line */
    int single_measure;    /* characters per line of a one-column article */
    int single_lines;      /* grid lines of a one-column article's page, on
                              the same type-area height (wider leading) */
    int lines;             /* grid lines per column */
    double pitch;          /* grid line pitch (baseline to baseline) */
    double top;            /* trim top to the top of the first grid line */
    double inner;          /* inner margin; < 0: type area centred */
    double folio_drop;     /* last grid line's bottom to the folio baseline */
    int article_gap;       /* grid lines between articles on one page */
    int new_page;          /* every article (not a part) starts a page */
    double figure_ratio;   /* height to width of a missing image's frame */
    double box_padding;    /* inside a boxed notice's frame, left and right */
    double box_inset;      /* a boxed notice's frame inside its rows, grid
                              lines above and below */
    int box_split_min;     /* fewest lines of a boxed notice on either side
                              of a column break */
    double frame_weight;   /* stroke of frames and placeholders */
    int spread_head;       /* most blank lines opened before a head when
                              a short page is spread */
    int spread_para;       /* ... and between two paragraphs */
    int jump_min_lines;    /* grid lines a continued article needs free on
                              a page to go on there */
    double shrink_step;    /* a long display line is set smaller in steps
                              of this */
    sty_role_id head_order[STY_NROLES]; /* order of the head elements */
    int nhead_order;
} sty_page;

/* Punctuation styles (chinese-layout.md): which marks are set at half
 * width always, rather than only when a line needs the room. */
typedef enum sty_punct {
    STY_PUNCT_FULL,     /* 全角: all full width */
    STY_PUNCT_KAIMING,  /* 开明: 。？！ full, the others half */
    STY_PUNCT_HALF,     /* 半角: all half width */
    STY_PUNCT_END_HALF, /* 行末半角: full width, line ends half */
} sty_punct;

typedef enum sty_strategy {
    STY_BREAK_LINE,      /* line by line, as the originals were set */
    STY_BREAK_PARAGRAPH, /* total fit over the paragraph */
} sty_strategy;

typedef struct sty_compose {
    sty_kinsoku kinsoku;
    sty_punct punct;
    sty_strategy strategy;
    int hanging;          /* 、，。 may hang past the line end */
    int start_flush;      /* start-flush: an opening mark that starts a
                             line (the first after its indent too) is set
                             without its blank always (clreq), not only
                             when the line needs the room */
    int adjacent_always;  /* adjacent marks always 1.5 em, not only when a
                             line needs it */
    double latin_gap;     /* em between Han and Latin/digits; 0: none */
    double latin_gap_min, latin_gap_max;
    int half_digits;      /* digits in their half-width forms (hwid) */
    double tighten;       /* most a paragraph's tracking may tighten, em per
                             character (positive); 0: never */
    double tighten_step;
    int orphan;           /* a last line of this many characters or fewer
                             (punctuation not counted) is a 孤字 line */
    int orphan_pull;      /* a 孤字 line no squeeze removes is mended by
                             pulling a character down only when it has at
                             most this many characters; 0: orphan */
    double pull_unit;     /* share of a line's squeeze room that may pull in
                             a unit the measure cuts through (a character
                             bound to the mark after it, an opening mark
                             and its character); 0: never */
} sty_compose;

/* Front-matter pages a style can build, in the order it lists them. */
typedef enum sty_front {
    STY_FRONT_COVER,    /* masthead, issue mark, 本期导读, sponsor */
    STY_FRONT_TITLE,    /* masthead, issue mark, restricted-circulation label */
    STY_FRONT_BOARD,    /* 编委会 */
    STY_FRONT_CONTENTS, /* 目录, computed from the layout */
} sty_front;

/* Most front-matter pages a style may list. */
#define STY_MAX_FRONT 8

/* Page furniture ([furniture]). Text templates take {publication},
 * {year}, {issue}, {total}, {column}, {title}, {page}. */
typedef struct sty_furniture {
    const char *head_even, *head_odd; /* running heads; NULL: none */
    double head_drop;      /* type-area top to the running head baseline */
    double head_rule;      /* width of the rule under it; 0: none */
    double head_rule_gap;  /* running-head baseline down to the rule */
    sty_front front[STY_MAX_FRONT];
    const char *front_label[STY_MAX_FRONT]; /* PDF page labels */
    int nfront;
    const char *issue_mark, *digest_head, *digest_bullet;
    const char *contents_head, *contents_sub, *contents_column;
    int side_tab;          /* a thumb index on the outer edge */
    const char *tab_odd, *tab_even; /* its text; '|' separates groups */
    double tab_width, tab_top, tab_height;
    double tab_pad;        /* above its first character, em of its size */
    double tab_group_gap;  /* between two '|' groups, em */
    double tab_space;      /* for a space, em */
    int tab_across;        /* digits or letters set across, side by side,
                              at most this many (纵中横) */
    double tab_line;       /* line advance of a group set across, em */
    double contents_page_width; /* the contents' page-number column, em of
                                   [contents-page] */
    sty_colour tab_fill;   /* the tab's background; none unless given */
    sty_colour tab_frame;  /* its frame; black unless given */
    const char *permit;    /* the 准印证号 line of the 编委会 page, {permit} */
    const char *citation;  /* an offprint's source line, {pages} the
                              original pages; NULL: the default */
    const char *jump_to, *jump_from; /* （下转第{page}页） … */
    int folios;            /* page numbers at the foot */
    /* Offprints: the citation's baseline below the last grid line, as a
     * share of [page] folio-drop (citation-drop, which every offprint
     * needs: has_citation_drop); the cover's label and where its label,
     * title and citation stand, as shares of the page height (cover-*,
     * all or none: has_cover, which --cover needs) */
    double citation_drop;
    const char *cover_label;
    double cover_label_at, cover_title_at, cover_citation_at;
    int has_citation_drop, has_cover;
} sty_furniture;

/* Printer's marks set outside the bleed of a print master. */
enum {
    STY_MARK_CROP = 1 << 0,         /* crop (trim) marks at the corners */
    STY_MARK_REGISTRATION = 1 << 1, /* registration targets on each side */
    STY_MARK_INFO = 1 << 2,         /* a page information line */
};

/* The print master ([print]; every key has a default, docs/print.md). */
typedef struct sty_print {
    double bleed;          /* beyond the trim on every side */
    unsigned marks;        /* STY_MARK_* */
    double mark_offset;    /* trim edge to where a crop mark starts */
    double mark_length;
    double mark_weight;    /* line width of the marks */
    double slug;           /* trim edge to the media edge with marks */
    double safety;         /* text stays this far inside the trim */
    double min_ppi, max_ppi; /* image resolution at its placed size */
    int page_multiple;     /* pages are printed in sheets of this many */
    double ink_limit;      /* most ink a colour may carry, percent */
    const char *info;      /* template of the page information line */
    const char *profile;   /* output ICC profile file */
    const char *condition; /* its registered output condition, or NULL */
    const char *condition_info; /* what the condition is, in words */
    diag_pos pos;          /* the [print] section or the style file */
} sty_print;

typedef struct sty_style {
    const char *name;      /* as asked for */
    const char *path;      /* file read */
    sty_page page;
    sty_compose compose;
    sty_furniture furniture;
    sty_print print;
    sty_role roles[STY_NROLES];
    const char *fonts[FNT_NROLES];   /* candidate lists, NULL: built-in */
    diag_pos font_pos[FNT_NROLES];
    int substitute[FNT_NROLES];      /* role index or -1 */
} sty_style;

/* Load a style by name (looked up as STYLEDIR/NAME.style) or by path (any
 * argument containing '/' or ending in .style). */
int sty_load(const char *name_or_path, const char *styledir, ar_arena *ar,
             diag_ctx *d, const sty_style **out);
/* Load a style from len bytes of text; path names it in messages and
 * locates a relative output profile (sty_load reads the file and calls
 * this). */
int sty_load_text(const char *path, const char *text, size_t len,
                  const char *styledir, ar_arena *ar, diag_ctx *d,
                  const sty_style **out);
const char *sty_role_name(sty_role_id r);
/* Derived geometry of the type area. */
double sty_column_width(const sty_style *s);  /* pt */
double sty_area_width(const sty_style *s);    /* all columns and gaps */
double sty_area_height(const sty_style *s);
/* Hand the style's font choices to a font set. */
int sty_apply_fonts(const sty_style *s, fnt_set *fs, diag_ctx *d);

#endif
