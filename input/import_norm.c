/* import_norm.c: spacing and punctuation normalisation of imported text */
#include <stdlib.h>
#include <string.h>

#include "imp.h"

/* Longest text normalised in one call: a paragraph of a Markdown
 * conversion can hold a whole article; longer input is passed through. */
#define NORM_MAX (1 << 20)

/* Half-width marks and their full-width forms in Chinese context. */
static const struct {
    uint32_t half, full;
} punct_map[] = {
    {',', 0xFF0C}, /* ， */
    {';', 0xFF1B}, /* ； */
    {':', 0xFF1A}, /* ： */
    {'!', 0xFF01}, /* ！ */
    {'?', 0xFF1F}, /* ？ */
};

/* CJK punctuation and symbols that count as Chinese context. */
static const struct {
    uint32_t lo, hi;
} cjk_punct[] = {
    {0x3000, 0x303F}, /* CJK symbols and punctuation: 、。〈〉《》「」【】 */
    {0xFF00, 0xFFEF}, /* full-width forms: ，：；！？（） */
    {0x2014, 0x2014}, /* — em dash, doubled as —— */
    {0x2018, 0x201F}, /* ‘ ’ “ ” */
    {0x2026, 0x2026}, /* … */
    {0x00B7, 0x00B7}, /* · middle dot of foreign names */
    {0x25A0, 0x25FF}, /* ■ □ ◆ ◎ geometric shapes */
    {0x2605, 0x2606}, /* ★ ☆ */
};

/* Marks that end a sentence (or a run-in clause). */
static const uint32_t enders[] = {0x3002, 0xFF01, 0xFF1F, 0x2026, 0xFF1B,
                                  0xFF1A, '!', '?', ';', ':', 0x25A0};

int imp_is_cjk(uint32_t cp)
{
    if (u8_is_han(cp))
        return 1;
    for (size_t i = 0; i < sizeof cjk_punct / sizeof *cjk_punct; i++)
        if (cp >= cjk_punct[i].lo && cp <= cjk_punct[i].hi)
            return 1;
    return 0;
}

static int in_set(uint32_t cp, const uint32_t *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == cp)
            return 1;
    return 0;
}

int imp_is_closing(uint32_t cp)
{
    return in_set(cp, enders, sizeof enders / sizeof *enders);
}

static int is_alnum(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
           (cp >= 'A' && cp <= 'Z');
}

static int is_sp(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000;
}

uint32_t imp_first_cp(const char *s)
{
    uint32_t cp = 0;
    size_t len = strlen(s);
    while (len) {
        int n = u8_decode(s, len, &cp);
        if (!is_sp(cp))
            return cp;
        s += n;
        len -= (size_t)n;
    }
    return 0;
}

uint32_t imp_last_cp(const char *s)
{
    uint32_t cp, last = 0;
    size_t len = strlen(s);
    while (len) {
        int n = u8_decode(s, len, &cp);
        if (!is_sp(cp))
            last = cp;
        s += n;
        len -= (size_t)n;
    }
    return last;
}

/* Decode s into code points; cols (optional) gets col0 + index. */
static uint32_t *decode(const char *s, size_t len, size_t *n)
{
    uint32_t *v = malloc((len + 1) * sizeof *v);
    size_t k = 0;
    if (!v)
        return NULL;
    while (len) {
        int m = u8_decode(s, len, &v[k++]);
        s += m;
        len -= (size_t)m;
    }
    *n = k;
    return v;
}

char *imp_despace(ar_arena *ar, const char *s, size_t len, int col0,
                  int **cols, int *removed, int *kept)
{
    size_t n;
    uint32_t *v = decode(s, len, &n);
    sb_buf sb;
    int *cv = cols ? ar_alloc(ar, (n + 1) * sizeof *cv) : NULL;
    size_t k = 0;
    if (!v)
        return NULL;
    sb_init(&sb);
    uint32_t prev = 0;
    for (size_t i = 0; i < n;) {
        if (!is_sp(v[i])) {
            sb_addcp(&sb, v[i]);
            if (cv)
                cv[k] = col0 + (int)i;
            k++;
            prev = v[i++];
            continue;
        }
        size_t j = i;
        int wide = 0;
        while (j < n && is_sp(v[j]))
            wide |= v[j++] == 0x3000;
        int run = (int)(j - i);
        uint32_t next = j < n ? v[j] : 0;
        int latin = is_alnum(prev) && is_alnum(next);
        if (prev && next && (run >= 2 || wide)) {
            /* a real space: a phrase separator or a padded name */
            sb_addcp(&sb, latin ? ' ' : 0x3000);
            if (cv)
                cv[k] = col0 + (int)i;
            k++;
            if (kept)
                (*kept)++;
            if (removed)
                *removed += run - 1;
        } else if (prev && next && latin) {
            sb_addc(&sb, ' '); /* between two Latin words */
            if (cv)
                cv[k] = col0 + (int)i;
            k++;
        } else if (removed) {
            *removed += prev && next ? run : 0;
        }
        i = j;
    }
    free(v);
    if (cols)
        *cols = cv;
    char *out = sb.failed ? NULL : ar_strndup(ar, sb.s ? sb.s : "", sb.len);
    sb_free(&sb);
    return out;
}

char *imp_nospace(ar_arena *ar, const char *s)
{
    sb_buf sb;
    size_t len = strlen(s);
    sb_init(&sb);
    while (len) {
        uint32_t cp;
        int m = u8_decode(s, len, &cp);
        if (!is_sp(cp))
            sb_add(&sb, s, (size_t)m);
        s += m;
        len -= (size_t)m;
    }
    char *out = ar_strndup(ar, sb.s ? sb.s : "", sb.len);
    sb_free(&sb);
    return out;
}

const char *imp_phrase(ar_arena *ar, const char *t)
{
    sb_buf sb;
    sb_init(&sb);
    while (*t == ' ')
        t++;
    for (const char *p = t; *p; p++) {
        if (*p != ' ') {
            sb_addc(&sb, *p);
            continue;
        }
        while (p[1] == ' ')
            p++;
        if (!p[1])
            break;
        uint32_t a = sb.len ? imp_last_cp(ar_strndup(ar, sb.s, sb.len)) : 0;
        uint32_t z = imp_first_cp(p + 1);
        sb_adds(&sb, is_alnum(a) && is_alnum(z) ? " " : "　");
    }
    const char *out = ar_strndup(ar, sb.s ? sb.s : "", sb.len);
    sb_free(&sb);
    return out;
}

/* ---- normalisation ---- */

typedef struct nm_state {
    imp_ctx *c;
    const uint32_t *v;
    size_t n;
    unsigned char *keep; /* 1: inside a URL or e-mail address */
    uint32_t before, after;
    int line;
    const int *cols;
    int col0;
    sb_buf out;
} nm_state;

static uint32_t at(const nm_state *s, long i)
{
    if (i < 0)
        return s->before;
    if ((size_t)i >= s->n)
        return s->after;
    return s->v[i];
}

/* Nearest non-space character before / after index i. */
static uint32_t prev_vis(const nm_state *s, long i)
{
    for (long j = i - 1; j >= 0; j--)
        if (!is_sp(s->v[j]))
            return s->v[j];
    return s->before;
}

static uint32_t next_vis(const nm_state *s, size_t i)
{
    for (size_t j = i + 1; j < s->n; j++)
        if (!is_sp(s->v[j]))
            return s->v[j];
    return s->after;
}

static int col_of(const nm_state *s, size_t i)
{
    return s->cols ? s->cols[i] : s->col0 + (int)i;
}

/* Mark URLs and e-mail addresses, which are never changed. */
static void mark_urls(nm_state *s)
{
    for (size_t i = 0; i < s->n; i++) {
        size_t j = i;
        int url = 0;
        static const char *const pre[] = {"http://", "https://", "www.",
                                          "ftp://"};
        for (size_t p = 0; p < 4 && !url; p++) {
            size_t k = 0;
            while (pre[p][k] && i + k < s->n && s->v[i + k] == (uint8_t)pre[p][k])
                k++;
            url = pre[p][k] == '\0';
        }
        if (url) {
            while (j < s->n && s->v[j] > ' ' && s->v[j] < 0x80 &&
                   s->v[j] != '>')
                s->keep[j++] = 1;
            i = j;
            continue;
        }
        if (s->v[i] == '@' && i > 0 && is_alnum(s->v[i - 1])) {
            long a = (long)i;
            while (a > 0 && s->v[a - 1] < 0x80 &&
                   (is_alnum(s->v[a - 1]) || strchr("._%+-", (int)s->v[a - 1])))
                a--;
            j = i;
            while (j < s->n && s->v[j] < 0x80 &&
                   (is_alnum(s->v[j]) || s->v[j] == '.' || s->v[j] == '-' ||
                    s->v[j] == '@'))
                j++;
            for (size_t k = (size_t)a; k < j; k++)
                s->keep[k] = 1;
            i = j;
        }
    }
}

static void rep(nm_state *s, imp_kind k, size_t i, const char *from,
                const char *to)
{
    imp_note(s->c, k, s->line, col_of(s, i), 1, "%s → %s", from, to);
}

/* Chinese context: a CJK character next to the mark. */
static int chinese_ctx(const nm_state *s, size_t i)
{
    uint32_t p = prev_vis(s, (long)i), q = next_vis(s, i);
    if (is_alnum(p) && is_alnum(q))
        return 0; /* Latin text, 1,000 and 10:30 */
    return imp_is_cjk(p) || u8_is_han(q);
}

/* Index of the bracket closing the one at i, or 0. */
static size_t match_close(const nm_state *s, size_t i, uint32_t open,
                          uint32_t close)
{
    int depth = 0;
    for (size_t j = i; j < s->n && j < i + 200; j++) {
        if (s->keep[j])
            return 0;
        if (s->v[j] == open)
            depth++;
        else if (s->v[j] == close && --depth == 0)
            return j;
    }
    return 0;
}

static int has_han(const nm_state *s, size_t a, size_t b)
{
    for (size_t j = a; j < b; j++)
        if (u8_is_han(s->v[j]))
            return 1;
    return 0;
}

static int is_numeral(uint32_t cp)
{
    /* 一二三四五六七八九十 */
    static const uint32_t numerals[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                        0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341};
    return in_set(cp, numerals, sizeof numerals / sizeof *numerals);
}

/* ( 一 ) or （ 十二 ） with spaces inside: a numbered sub-head. Returns
 * the index after the closing bracket, or 0. */
static size_t numeral_paren(nm_state *s, size_t i)
{
    if (s->v[i] != '(' && s->v[i] != 0xFF08)
        return 0;
    size_t j = i + 1, k;
    int spaced = 0;
    while (j < s->n && is_sp(s->v[j]))
        j++, spaced = 1;
    k = j;
    while (k < s->n && is_numeral(s->v[k]))
        k++;
    if (k == j || k - j > 3)
        return 0;
    size_t e = k;
    while (e < s->n && is_sp(s->v[e]))
        e++, spaced = 1;
    if (e >= s->n || (s->v[e] != ')' && s->v[e] != 0xFF09))
        return 0;
    if (!spaced && s->v[i] == 0xFF08 && s->v[e] == 0xFF09)
        return 0; /* already right */
    sb_addcp(&s->out, 0xFF08);
    for (size_t m = j; m < k; m++)
        sb_addcp(&s->out, s->v[m]);
    sb_addcp(&s->out, 0xFF09);
    imp_note(s->c, IMP_R_NUMERAL, s->line, col_of(s, i), 1,
             "numbered sub-head bracket → （…）");
    return e + 1;
}

/* One step at v[i]; returns the next index. */
static size_t norm_step(nm_state *s, size_t i, unsigned char *closing)
{
    uint32_t cp = s->v[i];
    size_t e;
    if (s->keep[i]) {
        sb_addcp(&s->out, cp);
        return i + 1;
    }
    if (closing[i]) { /* the partner of a converted opening mark */
        static const uint32_t close_cp[] = {0, 0xFF09, 0x300B, 0x201D, 0x2019};
        sb_addcp(&s->out, close_cp[closing[i]]);
        return i + 1;
    }
    if ((e = numeral_paren(s, i)))
        return e;
    for (size_t k = 0; k < sizeof punct_map / sizeof *punct_map; k++)
        if (cp == punct_map[k].half && chinese_ctx(s, i)) {
            char to[4] = {0};
            u8_encode(punct_map[k].full, to);
            rep(s, IMP_R_PUNCT, i, (char[2]){(char)cp, 0}, to);
            sb_addcp(&s->out, punct_map[k].full);
            return i + 1;
        }
    if (cp == '(' && (e = match_close(s, i, '(', ')')) &&
        (has_han(s, i, e) || u8_is_han(at(s, (long)i - 1)) ||
         u8_is_han(at(s, (long)e + 1)))) {
        rep(s, IMP_R_PUNCT, i, "(…)", "（…）");
        closing[e] = 1;
        sb_addcp(&s->out, 0xFF08);
        return i + 1;
    }
    if (cp == '<' && (e = match_close(s, i, '<', '>')) && has_han(s, i, e)) {
        rep(s, IMP_R_ANGLE, i, "<…>", "《…》");
        closing[e] = 2;
        sb_addcp(&s->out, 0x300A);
        return i + 1;
    }
    if (cp == '"' || cp == '\'') {
        /* a pair of ASCII quotes around Chinese text */
        size_t j = i + 1;
        while (j < s->n && j < i + 400 && s->v[j] != cp && !s->keep[j])
            j++;
        if (j < s->n && s->v[j] == cp && has_han(s, i, j)) {
            rep(s, IMP_R_QUOTE, i, cp == '"' ? "\"…\"" : "'…'",
                cp == '"' ? "“…”" : "‘…’");
            closing[j] = cp == '"' ? 3 : 4;
            sb_addcp(&s->out, cp == '"' ? 0x201C : 0x2018);
            return i + 1;
        }
    }
    if (cp == '.' && at(s, (long)i + 1) == '.' && at(s, (long)i + 2) == '.' &&
        (imp_is_cjk(prev_vis(s, (long)i)) || imp_is_cjk(next_vis(s, i + 2)))) {
        rep(s, IMP_R_ELLIPSIS, i, "...", "…");
        sb_addcp(&s->out, 0x2026);
        return i + 3;
    }
    if (cp == 0x22EF) { /* ⋯ midline ellipsis */
        rep(s, IMP_R_ELLIPSIS, i, "⋯", "…");
        sb_addcp(&s->out, 0x2026);
        return i + 1;
    }
    if (cp == '-' && at(s, (long)i + 1) == '-' &&
        (imp_is_cjk(prev_vis(s, (long)i)) || imp_is_cjk(next_vis(s, i + 1)) ||
         (i == 0 && !s->before))) {
        rep(s, IMP_R_DASH, i, "--", "—");
        sb_addcp(&s->out, 0x2014);
        return i + 2;
    }
    if (cp == 0x2500 || cp == 0x2501) { /* ─ box-drawing line for a dash */
        rep(s, IMP_R_DASH, i, "─", "—");
        sb_addcp(&s->out, 0x2014);
        return i + 1;
    }
    if ((cp == 0x2022 || cp == 0x30FB) && u8_is_han(prev_vis(s, (long)i)) &&
        u8_is_han(next_vis(s, i))) {
        rep(s, IMP_R_MIDDOT, i, cp == 0x2022 ? "•" : "・", "·");
        sb_addcp(&s->out, 0x00B7);
        return i + 1;
    }
    sb_addcp(&s->out, cp);
    return i + 1;
}

char *imp_normalize(imp_ctx *c, const char *str, uint32_t before,
                    uint32_t after, int line, const int *cols, int col0)
{
    size_t len = strlen(str);
    if (len > NORM_MAX)
        return ar_strdup(c->ar, str);
    nm_state s = {c, NULL, 0, NULL, before, after, line, cols, col0, {0}};
    uint32_t *v = decode(str, len, &s.n);
    unsigned char *keep = calloc(s.n + 1, 2);
    if (!v || !keep) {
        free(v);
        free(keep);
        return NULL;
    }
    s.v = v;
    s.keep = keep;
    unsigned char *closing = keep + s.n + 1;
    mark_urls(&s);
    sb_init(&s.out);
    for (size_t i = 0; i < s.n;)
        i = norm_step(&s, i, closing);
    char *out = s.out.failed ? NULL
                             : ar_strndup(c->ar, s.out.s ? s.out.s : "",
                                          s.out.len);
    sb_free(&s.out);
    free(v);
    free(keep);
    return out;
}

/* ---- small classifiers shared by both readers ---- */

const char *imp_tail(const char *s, size_t chars)
{
    const char *p = s + strlen(s);
    while (p > s && chars) {
        p--;
        if (((unsigned char)*p & 0xC0) != 0x80)
            chars--;
    }
    return p;
}

int imp_head(const char *s, size_t chars)
{
    size_t k = 0;
    while (s[k] && chars) {
        k++;
        while (((unsigned char)s[k] & 0xC0) == 0x80)
            k++;
        chars--;
    }
    return (int)k;
}

int imp_starts(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

int imp_ends(const char *s, const char *p)
{
    size_t a = strlen(s), b = strlen(p);
    return a >= b && !memcmp(s + a - b, p, b);
}

#define starts_with imp_starts

/* Length in bytes of a run of Chinese numerals at s. */
static size_t numerals(const char *s)
{
    size_t k = 0;
    uint32_t cp;
    while (s[k]) {
        int m = u8_decode(s + k, strlen(s + k), &cp);
        if (!is_numeral(cp))
            break;
        k += (size_t)m;
    }
    return k;
}

int imp_headnum(const char *s)
{
    size_t k = numerals(s);
    if (k && k <= 9 && starts_with(s + k, "、"))
        return 1;
    if (starts_with(s, "（") || starts_with(s, "(")) {
        size_t o = starts_with(s, "（") ? 3 : 1;
        k = numerals(s + o);
        if (k && k <= 9 &&
            (starts_with(s + o + k, "）") || starts_with(s + o + k, ")")))
            return 2;
    }
    if (k && k <= 6 && starts_with(s + k, "是"))
        return 3;
    if (starts_with(s, "第")) {
        k = numerals(s + 3);
        if (k && k <= 6 && (starts_with(s + 3 + k, "，") ||
                            starts_with(s + 3 + k, "、")))
            return 3;
    }
    return 0;
}

int imp_is_name(const char *s)
{
    size_t len = strlen(s), n = 0;
    uint32_t cp;
    while (len) {
        int m = u8_decode(s, len, &cp);
        if (u8_is_han(cp))
            n++;
        else if (!is_sp(cp) && cp != 0x00B7)
            return 0;
        s += m;
        len -= (size_t)m;
    }
    return n >= 2 && n <= 4;
}

/* A jump marker (下转43页) (上接第32页) in s: 0 when none, else 1 (下转)
 * or 2 (上接) with its byte range and page. */
int imp_find_jump(const char *s, size_t *at, size_t *len, int *page)
{
    static const char *const opens[] = {"（", "("};
    static const char *const closes[] = {"）", ")"};
    static const struct {
        const char *word;
        int dir;
    } words[] = {{"下转", 1}, {"转", 1}, {"上接", 2}, {"接", 2}};
    for (const char *p = s; *p; p++) {
        for (int o = 0; o < 2; o++) {
            if (!starts_with(p, opens[o]))
                continue;
            const char *q = p + strlen(opens[o]);
            while (*q == ' ')
                q++;
            for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
                if (!starts_with(q, words[w].word))
                    continue;
                const char *d = q + strlen(words[w].word);
                if (starts_with(d, "第"))
                    d += 3;
                while (*d == ' ')
                    d++;
                int n = 0, nd = 0;
                while (*d >= '0' && *d <= '9' && nd < 4)
                    n = n * 10 + (*d++ - '0'), nd++;
                while (*d == ' ')
                    d++;
                if (!nd || !starts_with(d, "页"))
                    break;
                d += 3;
                while (*d == ' ')
                    d++;
                for (int k = 0; k < 2; k++)
                    if (starts_with(d, closes[k])) {
                        *at = (size_t)(p - s);
                        *len = (size_t)(d + strlen(closes[k]) - p);
                        *page = n;
                        return words[w].dir;
                    }
                break;
            }
        }
    }
    return 0;
}
