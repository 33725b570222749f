/* calibrate.c: `bulletin calibrate SOURCE [-o STYLE]`: the composition
 * habits of one issue, fitted to the line breaks its print recorded (the
 * sidecar NAME.lines.json): each combination of a few [compose] keys on
 * a coarse grid composes the issue's plain paragraphs, the one that
 * reproduces most recorded lines wins; fitted on the even paragraphs and
 * scored on the odd ones, and the other way round, so that the figure
 * reported is one the fit has not seen (docs/composition.md). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

/* The grid: the keys an issue's typesetter chose differently, and the
 * values tried for each (style-format.md gives their meaning). */
static const int grid_hanging[] = {0, 1};
static const int grid_adjacent[] = {0, 1};
static const double grid_pull[] = {0, 0.5, 0.9};
static const int grid_orphan[] = {0, 1, 2};
static const sty_strategy grid_strategy[] = {STY_BREAK_LINE,
                                             STY_BREAK_PARAGRAPH};

#define N_OF(a) (sizeof a / sizeof *a)
#define NCAND                                                               \
    (N_OF(grid_hanging) * N_OF(grid_adjacent) * N_OF(grid_pull) *           \
     N_OF(grid_orphan) * N_OF(grid_strategy))

/* A paragraph set in plain body text, with its recorded lines. */
typedef struct cal_para {
    const char *text;
    const char *const *lines;
    size_t nlines;
    double measure; /* characters */
} cal_para;

/* Candidate k's settings over the base style's. */
static sty_compose candidate(const sty_compose *base, size_t k)
{
    sty_compose c = *base;
    c.strategy = grid_strategy[k % N_OF(grid_strategy)];
    k /= N_OF(grid_strategy);
    c.orphan = grid_orphan[k % N_OF(grid_orphan)];
    k /= N_OF(grid_orphan);
    c.pull_unit = grid_pull[k % N_OF(grid_pull)];
    k /= N_OF(grid_pull);
    c.adjacent_always = grid_adjacent[k % N_OF(grid_adjacent)];
    k /= N_OF(grid_adjacent);
    c.hanging = grid_hanging[k % N_OF(grid_hanging)];
    return c;
}

static int same_settings(const sty_compose *a, const sty_compose *b)
{
    return a->strategy == b->strategy && a->orphan == b->orphan &&
           a->pull_unit == b->pull_unit &&
           a->adjacent_always == b->adjacent_always &&
           a->hanging == b->hanging;
}

/* Plain paragraphs only: a bold lead-in or another face changes widths
 * that plain text cannot show. */
static int plain(const doc_block *b)
{
    if (b->kind != DOC_PARA || !b->orig_lines || b->norig < 2)
        return 0;
    for (size_t i = 0; i < b->text.nspans; i++)
        if (b->text.spans[i].flags || b->text.spans[i].face)
            return 0;
    return 1;
}

static size_t collect(cm_run *r, const doc_issue *doc, cal_para **out)
{
    size_t n = 0, cap = 0;
    cal_para *ps = NULL;
    for (size_t i = 0; i < doc->narticles; i++) {
        const doc_article *a = &doc->articles[i];
        for (size_t k = 0; k < a->nblocks; k++) {
            const doc_block *b = &a->blocks[k];
            cal_para *p = plain(b) ? VEC_PUSH(ps, n, cap) : NULL;
            if (!p)
                continue;
            p->text = doc_text_plain(r->ar, &b->text);
            p->lines = b->orig_lines;
            p->nlines = b->norig;
            p->measure = a->single_column ? r->st->page.single_measure
                                          : r->st->page.measure;
        }
    }
    *out = ps;
    return n;
}

/* Recorded lines candidate k reproduces, per paragraph, into agree. */
static int score(cm_run *r, const sty_compose *c, const cal_para *ps,
                 size_t n, int *agree)
{
    sty_style v = *r->st;
    v.compose = *c;
    lay_ctx *lc = lay_new(&v, r->fs, &r->d);
    if (!lc)
        return -1;
    sb_buf out;
    sb_init(&out);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        lay_compose_opts co = {ps[i].measure, -1, -1};
        sb_clear(&out);
        rc = lay_compose_text(lc, ps[i].text, strlen(ps[i].text), &co, &out);
        agree[i] = 0;
        const char *s = out.s ? out.s : "";
        for (size_t l = 0; rc == 0 && l < ps[i].nlines && *s; l++) {
            const char *nl = strchr(s, '\n');
            size_t len = nl ? (size_t)(nl - s) : strlen(s);
            agree[i] += strlen(ps[i].lines[l]) == len &&
                        !memcmp(ps[i].lines[l], s, len);
            s += len + (nl != NULL);
        }
    }
    sb_free(&out);
    lay_free(lc);
    return rc;
}

static long sum_of(const int *agree, size_t n, size_t k, int parity)
{
    long s = 0;
    for (size_t i = 0; i < n; i++)
        s += parity == 2 || (int)(i % 2) == parity ? agree[k * n + i] : 0;
    return s;
}

/* The best candidate on the paragraphs of one parity (2: all); ties go
 * to the base style's own settings, then to the first. */
static size_t best(const int *agree, size_t n, int parity,
                   const sty_compose *base, long *got)
{
    size_t win = 0;
    long top = -1;
    for (size_t k = 0; k < NCAND; k++) {
        long s = sum_of(agree, n, k, parity);
        sty_compose c = candidate(base, k);
        if (s > top || (s == top && same_settings(&c, base))) {
            top = s;
            win = k;
        }
    }
    *got = top;
    return win;
}

static long lines_of(const cal_para *ps, size_t n, int parity)
{
    long t = 0;
    for (size_t i = 0; i < n; i++)
        t += parity == 2 || (int)(i % 2) == parity ? (long)ps[i].nlines : 0;
    return t;
}

static const char *describe(ar_arena *ar, const sty_compose *c)
{
    return ar_printf(ar, "hanging = %s, adjacent = %s, pull-unit = %g, "
                     "orphan = %d, strategy = %s", c->hanging ? "yes" : "no",
                     c->adjacent_always ? "always" : "needed", c->pull_unit,
                     c->orphan, c->strategy == STY_BREAK_PARAGRAPH
                                    ? "paragraph" : "line");
}

/* The fitted keys, as the style file writes them. */
static const char *const fitted_keys[] = {"hanging", "adjacent", "pull-unit",
                                          "orphan", "strategy"};

static const char *key_line(ar_arena *ar, const sty_compose *c, size_t i)
{
    switch (i) {
    case 0:
        return ar_printf(ar, "hanging = %s", c->hanging ? "yes" : "no");
    case 1:
        return ar_printf(ar, "adjacent = %s",
                         c->adjacent_always ? "always" : "needed");
    case 2:
        return ar_printf(ar, "pull-unit = %g", c->pull_unit);
    case 3:
        return ar_printf(ar, "orphan = %d", c->orphan);
    default:
        return ar_printf(ar, "strategy = %s", c->strategy == STY_BREAK_PARAGRAPH
                                                  ? "paragraph" : "line");
    }
}

/* Is line (up to its end) the key `key = …`? */
static int is_key(const char *line, size_t len, const char *key)
{
    size_t k = strlen(key);
    while (len && (*line == ' ' || *line == '\t'))
        line++, len--;
    if (len <= k || strncmp(line, key, k))
        return 0;
    line += k, len -= k;
    while (len && (*line == ' ' || *line == '\t'))
        line++, len--;
    return len && *line == '=';
}

/* The derived style: the base style's file with a comment on top, and
 * in [compose] each fitted key written over its line (or added at the
 * section's end). */
typedef struct cal_style {
    const char *text;
    size_t len;
    const char *comment;
    const char *keys[N_OF(fitted_keys)];
} cal_style;

static int put_style(void *ctx, FILE *f)
{
    const cal_style *cs = ctx;
    int done[N_OF(fitted_keys)] = {0}, in = 0;
    fputs(cs->comment, f);
    for (const char *p = cs->text, *end = cs->text + cs->len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        int header = len && *p == '[';
        if (header && in) /* leaving [compose]: the keys it lacked */
            for (size_t k = 0; k < N_OF(fitted_keys); k++)
                if (!done[k]++)
                    fprintf(f, "%s\n", cs->keys[k]);
        if (header)
            in = len == 9 && !strncmp(p, "[compose]", 9);
        size_t k = 0;
        while (in && k < N_OF(fitted_keys) && !is_key(p, len, fitted_keys[k]))
            k++;
        if (in && k < N_OF(fitted_keys)) {
            fprintf(f, "%s   # calibrated\n", cs->keys[k]);
            done[k] = 1;
        } else {
            fwrite(p, 1, len, f);
            fputc('\n', f);
        }
        p += len + (nl != NULL);
    }
    for (size_t k = 0; in && k < N_OF(fitted_keys); k++)
        if (!done[k])
            fprintf(f, "%s\n", cs->keys[k]);
    return ferror(f) ? -1 : 0;
}

static int write_style(cm_run *r, const cm_opts *o, const sty_compose *c,
                       const char *comment)
{
    size_t len;
    char *text = file_read(r->st->path, &len);
    if (!text) {
        diag_error(&r->d, (diag_pos){r->st->path, 0, 0}, "cannot read: %s",
                   file_why(errno));
        return -1;
    }
    cal_style cs = {text, len, comment, {NULL}};
    for (size_t k = 0; k < N_OF(fitted_keys); k++)
        cs.keys[k] = key_line(r->ar, c, k);
    int rc = file_write(o->out, put_style, &cs, r->files, &r->d);
    free(text);
    return rc;
}

static double pct(long a, long b)
{
    return b ? 100.0 * (double)a / (double)b : 0;
}

/* What the fit found, on standard output; the style with -o. */
static int cal_report(cm_run *r, const cm_opts *o, const cal_para *ps,
                      size_t n, const int *agree)
{
    const sty_compose *base = &r->st->compose;
    long got[3];
    size_t win[3];
    for (int h = 0; h < 3; h++)
        win[h] = best(agree, n, h, base, &got[h]);
    size_t own = 0;
    while (own < NCAND) {
        sty_compose c = candidate(base, own);
        if (same_settings(&c, base))
            break;
        own++;
    }
    long held = sum_of(agree, n, win[0], 1) + sum_of(agree, n, win[1], 0);
    long all = lines_of(ps, n, 2);
    sty_compose fit = candidate(base, win[2]);
    printf("calibrate: %s: %zu plain paragraphs with recorded lines, %ld "
           "lines; %zu settings tried\n", o->source, n, all, (size_t)NCAND);
    if (own < NCAND)
        printf("style %s as it is: %.1f%% of the lines (%ld)\n",
               r->st->name, pct(sum_of(agree, n, own, 2), all),
               sum_of(agree, n, own, 2));
    for (int h = 0; h < 2; h++) {
        sty_compose c = candidate(base, win[h]);
        printf("fitted on the %s paragraphs: %s; on the %s ones, not seen: "
               "%.1f%%\n", h ? "odd" : "even", describe(r->ar, &c),
               h ? "even" : "odd",
               pct(sum_of(agree, n, win[h], !h), lines_of(ps, n, !h)));
    }
    printf("held out, both halves: %.1f%% of the lines (%ld)\n",
           pct(held, all), held);
    printf("fitted on all: %s: %.1f%% (%ld)\n", describe(r->ar, &fit),
           pct(got[2], all), got[2]);
    if (!o->out)
        return CM_OK;
    const char *comment = ar_printf(
        r->ar, "# %s, calibrated by `bulletin calibrate` on %s: %s;\n"
        "# %.1f%% of %ld recorded lines reproduced (%.1f%% on halves not "
        "fitted on)\n", r->st->name, o->source, describe(r->ar, &fit),
        pct(got[2], all), all, pct(held, all));
    return write_style(r, o, &fit, comment) ? CM_INPUT : CM_OK;
}

int cm_calibrate(cm_run *r, const cm_opts *o)
{
    const doc_issue *doc;
    cal_para *ps = NULL;
    int *agree = NULL, rc = CM_INPUT;
    if (!o->source)
        return cm_usage_error("calibrate needs a SOURCE file", NULL);
    if (cm_parse(r, o, &doc) || cm_lay_style(r, o, doc))
        return CM_INPUT;
    size_t n = collect(r, doc, &ps);
    if (n < 2) {
        diag_error(&r->d, (diag_pos){o->source, 1, 1}, "no recorded line "
                   "breaks to fit: calibrate needs the sidecar %s that "
                   "`bulletin import` writes for a raw extraction",
                   in_lineation_path(r->ar, o->source));
        goto out;
    }
    agree = calloc(NCAND * n, sizeof *agree);
    for (size_t k = 0; agree && k < NCAND; k++) {
        sty_compose c = candidate(&r->st->compose, k);
        if (score(r, &c, ps, n, agree + k * n))
            goto out;
    }
    if (!agree)
        goto out;
    rc = cal_report(r, o, ps, n, agree);
out:
    free(agree);
    free(ps);
    return rc;
}
