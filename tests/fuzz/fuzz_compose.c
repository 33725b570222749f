/* fuzz_compose.c: libFuzzer target for the composer: any text (as
 * synthetic clusters of 1 em and ½ em), any measure and settings must
 * compose into lines that cover the text once, in order, never wider
 * than the measure unless cut in an emergency. */
#include <stdlib.h>
#include <string.h>

#include "../../layout/composer.h"

#define EM 10240

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size < 4)
        return 0;
    lb_params prm;
    memset(&prm, 0, sizeof prm);
    prm.measure = (1 + data[0] % 40) * EM / 2;
    prm.kinsoku = (sty_kinsoku)(data[1] % 4);
    prm.punct = (sty_punct)(data[2] % 4);
    prm.strategy = data[3] & 1 ? STY_BREAK_PARAGRAPH : STY_BREAK_LINE;
    prm.hanging = (data[3] >> 1) & 1;
    prm.adjacent_always = (data[3] >> 2) & 1;
    prm.orphan = (data[3] >> 3) & 3;
    prm.latin_gap = (data[3] >> 5) & 1 ? EM / 4 : 0;
    prm.latin_gap_min = prm.latin_gap / 2;
    prm.latin_gap_max = prm.latin_gap * 4 / 3;
    prm.first_indent = (data[2] >> 4) * EM / 4;
    prm.em = EM;
    const char *text = (const char *)data + 4;
    size_t len = size - 4;
    sh_cluster *cl = calloc(len + 1, sizeof *cl);
    int n = 0;
    for (size_t i = 0; i < len;) {
        sh_cluster *c = &cl[n];
        int k = u8_decode(text + i, len - i, &c->cp);
        c->start = (int)i;
        c->len = k;
        c->cls = cc_classify(c->cp);
        c->ng = 1;
        c->size = EM;
        c->width = c->cp == ' ' ? EM / 4 : c->cp < 0x80 ? EM / 2 : EM;
        const cc_props *pr = cc_properties(c->cls);
        c->blank_l = pr->blank & CC_BLANK_LEFT ? EM / 4 : 0;
        c->blank_r = pr->blank & CC_BLANK_RIGHT ? EM / 4 : 0;
        c->forced_break = c->cp == '\n';
        n++;
        i += (size_t)k;
    }
    lb_para p;
    if (lb_compose(cl, n, &prm, &p) == 0) {
        int next = 0;
        for (int i = 0; i < p.nlines; i++) {
            const lb_line *ln = &p.lines[i];
            if (ln->a != next || ln->b <= ln->a)
                abort(); /* the lines must cover the text once, in order */
            int *x = malloc(((size_t)(ln->b - ln->a) + 1) * sizeof *x);
            lb_positions(&p, ln, x);
            free(x);
            next = ln->b;
        }
        if (n && next != n)
            abort();
        lb_free(&p);
    }
    free(cl);
    return 0;
}
