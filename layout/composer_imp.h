/* composer_imp.h: what the composer's files (classes.c, items.c, fit.c,
 * breaker.c, total.c) share among themselves, beside composer.h */
#ifndef BULLETIN_LAYOUT_COMPOSER_IMP_H
#define BULLETIN_LAYOUT_COMPOSER_IMP_H

#include "composer.h"

/* ---- character classes (classes.c) ---- */
int cc_is_han(cc_class c); /* set as an ideograph */
/* May a line break fall between a and b (ignoring kinsoku)? */
int cc_pair_breakable(cc_class a, cc_class b);
/* Characters inside the pair a b may not be spread apart. */
int cc_pair_rigid(cc_class a, cc_class b);
const char *cc_name(cc_class c);

/* ---- items.c: the clusters as items, with the style's fixed
 * adjustments ---- */
int lb_items(const sh_cluster *cl, int n, const lb_params *prm,
             lb_item *it);

/* ---- fit.c ---- */
/* Can [a, b) be set in avail (squeezing, hanging)? */
int lb_fits(const lb_para *p, int a, int b, int avail, int *hang);
/* The same, using at most share per mille of the squeeze room. */
int lb_fits_within(const lb_para *p, int a, int b, int avail, int share,
                   int *hang);
/* Recompute the prefix sums after the items or the tracking changed. */
void lb_prefix(lb_para *p);
int lb_natural(const lb_para *p, int a, int b);

/* ---- breaker.c ---- */
int lb_add_line(lb_para *p, int a, int b, int indent, int hang,
                int emergency);
int lb_letters(const lb_para *p, int a, int b);

/* ---- total.c: total-fit breaking over the whole paragraph ---- */
int lb_break_total(lb_para *p);

#endif
