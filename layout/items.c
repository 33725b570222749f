/* items.c: a paragraph's clusters as composer items: widths after the
 * style's fixed punctuation adjustments, squeeze opportunities, CJK–Latin
 * gaps, break opportunities */
#include <string.h>

#include "composer_imp.h"

static int is_mark(cc_class c)
{
    return cc_properties(c)->blank != CC_BLANK_NONE;
}

static int is_latin_side(cc_class c)
{
    return c == CC_LATIN || c == CC_DIGIT || c == CC_NUMPRE ||
           c == CC_NUMPOST;
}

/* Is the boundary between classes a and b a CJK–Latin one? No gap next
 * to Chinese punctuation (chinese-layout.md). */
static int latin_boundary(cc_class a, cc_class b)
{
    return (cc_is_han(a) && is_latin_side(b)) ||
           (is_latin_side(a) && cc_is_han(b));
}

/* The end mark ■ of an article follows its last character on the same
 * line (chinese-layout.md): never a line start, it may hang like 。. */
#define END_MARK 0x25A0

/* May a line end after item i? */
static int breakable_after(const sh_cluster *cl, int i, int n,
                           sty_kinsoku level)
{
    if (i + 1 >= n)
        return 1;
    if (cl[i + 1].cp == END_MARK)
        return 0;
    cc_class a = cl[i].cls, b = cl[i + 1].cls;
    if (a == CC_SPACE)
        return b != CC_SPACE;
    if (!cc_pair_breakable(a, b))
        return 0;
    return !cc_no_start(b, level) && !cc_no_end(a, level);
}

/* The style's punctuation form: the blanks set at half width always. */
static void fixed_adjustment(const lb_params *prm, const cc_props *pr,
                             lb_item *it)
{
    int all = prm->punct == STY_PUNCT_HALF ||
              (prm->punct == STY_PUNCT_KAIMING && !pr->final);
    if (!all)
        return;
    it->w -= it->sq[0] + it->sq[1];
    it->sq[0] = it->sq[1] = 0;
}

/* Two marks side by side: squeezed, the pair is 1.5 em
 * (。” ，“ 》（), half an em taken from the blanks facing each other,
 * whatever the fonts' ink leaves there (0.44 em beside 》 in Noto Serif
 * CJK). The first mark's side holds the opportunity, at ADJACENT level,
 * topped up from the second's blank when its own is narrower; or it is
 * removed at once when the style always compresses such pairs. */
static void adjacent_pair(const lb_params *prm, lb_item *x, lb_item *y,
                          int em_half)
{
    int sx = x->sq[1], sy = y->sq[0];
    int take = sx + sy < em_half ? sx + sy : em_half;
    if (!take)
        return;
    int *side = sx ? &x->sq[1] : &y->sq[0];
    unsigned char *lvl = sx ? &x->lvl[1] : &y->lvl[0];
    if (sx && take > sx)
        y->sq[0] -= take - sx; /* what x's side borrows */
    *side = take;
    if (prm->adjacent_always) {
        (x->sq[1] ? x : y)->w -= *side;
        *side = 0;
    } else {
        *lvl = CC_LVL_ADJACENT;
    }
}

static void item_of(const sh_cluster *c, const lb_params *prm, lb_item *it)
{
    const cc_props *pr = cc_properties(c->cls);
    it->cls = c->cls;
    it->w = c->width;
    it->sq[0] = c->blank_l;
    it->sq[1] = c->blank_r;
    it->lvl[0] = it->lvl[1] = pr->level;
    it->hang = (pr->hang || c->cp == END_MARK) && prm->hanging;
    it->space = c->cls == CC_SPACE;
    it->forced = c->forced_break;
    it->letter = !is_mark(c->cls) && c->cls != CC_SPACE &&
                 c->cls != CC_DASH && c->cls != CC_ELLIPSIS;
    fixed_adjustment(prm, pr, it);
}

/* A space typed between Han and Latin becomes the CJK–Latin gap. */
static void latin_gaps(const sh_cluster *cl, int n, const lb_params *prm,
                       lb_item *it)
{
    for (int i = 1; i < n; i++) {
        int prev = i - 1;
        if (cl[prev].cls == CC_SPACE && prev > 0 &&
            latin_boundary(cl[prev - 1].cls, cl[i].cls) && prm->latin_gap > 0) {
            it[prev].absorbed = 1;
            it[prev].w = 0;
            it[prev].space = 0;
            prev--;
        }
        if (!latin_boundary(cl[prev].cls, cl[i].cls) || prm->latin_gap <= 0)
            continue;
        it[i].gap = prm->latin_gap;
        it[i].gap_min = prm->latin_gap_min;
        it[i].gap_max = prm->latin_gap_max;
    }
}

int lb_items(const sh_cluster *cl, int n, const lb_params *prm, lb_item *it)
{
    for (int i = 0; i < n; i++) {
        memset(&it[i], 0, sizeof it[i]);
        item_of(&cl[i], prm, &it[i]);
    }
    for (int i = 0; i + 1 < n; i++) {
        if (cl[i].cls == CC_EXCL && cl[i + 1].cls == CC_EXCL)
            it[i].sq[1] = 0; /* ？！ ！？ ？？: one unit of two ems
                                (clreq); its end squeezes as a mark's */
        else if (is_mark(cl[i].cls) && is_mark(cl[i + 1].cls))
            adjacent_pair(prm, &it[i], &it[i + 1], cl[i].size / 2);
        it[i].rigid = cc_pair_rigid(cl[i].cls, cl[i + 1].cls);
    }
    for (int i = 0; i < n; i++)
        it[i].brk = breakable_after(cl, i, n, prm->kinsoku) || it[i].forced;
    latin_gaps(cl, n, prm, it);
    return 0;
}
