/* import.c: the importer's driver (import.h): reads the old issue,
 * detects its kind and publication, runs the reader, writes source,
 * sidecar and report */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../input/input.h"
#include "imp.h"

static int check_utf8(imp_ctx *c)
{
    long bad = u8_invalid(c->text, c->len);
    if (bad < 0)
        return 0;
    int line = 1;
    const char *ls = c->text;
    for (long i = 0; i < bad; i++)
        if (c->text[i] == '\n') {
            line++;
            ls = c->text + i + 1;
        }
    int col = (int)u8_count(ls, (size_t)(c->text + bad - ls)) + 1;
    diag_error(c->diag, (diag_pos){c->input, line, col},
               "input is not UTF-8 text (invalid byte 0x%02x)",
               (unsigned char)c->text[bad]);
    return -1;
}

/* The input without the characters that may not be set, each a repair
 * at its line and column, the positions of the rest mapped back to the
 * input from then on. */
static int settle(imp_ctx *c, im_kind kind)
{
    imp_settled s;
    if (imp_settle(c, kind, &s))
        return -1;
    for (size_t i = 0; i < s.nchars; i++) {
        const imp_unsettable *u = &s.chars[i];
        imp_note(c, IMP_R_CHAR, u->line, u->col, 1, "U+%04X is %s: %s%s",
                 (unsigned)u->cp, u->what,
                 u->replaced ? "set as U+FFFD" : "removed",
                 u->cp == '\f' ? " (a form feed is a page break only at the "
                 "start of a line of a raw extraction)" : "");
    }
    c->text = s.text;
    c->len = s.len;
    c->drops = s.drops;
    c->ndrops = s.ndrops;
    return 0;
}

/* Ids a1, a2, … by position, as the parser would give them, but written
 * out so the sidecar can name them. */
static void assign_ids(imp_ctx *c)
{
    for (size_t i = 0; i < c->doc.narts; i++)
        if (!c->doc.arts[i].id)
            c->doc.arts[i].id = ar_printf(c->ar, "a%zu", i + 1);
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* Kind (*kind, detected when AUTO) and publication, the text cleaned of
 * what may not be set, the designs of the style files, the reader, the
 * ids: the issue in c->doc. */
static int read_issue(imp_ctx *c, im_kind *kind, const im_import_opts *o)
{
    if (check_utf8(c))
        return -1;
    if (*kind == IM_KIND_AUTO)
        *kind = imp_detect_kind(c->text, c->len);
    c->pub = o->publication ? imp_pub_of(o->publication)
                            : imp_detect_pub(c->text, c->len);
    if (settle(c, *kind))
        return -1;
    if (c->pub == IMP_PUB_NONE)
        imp_warn(c, IMP_MUST, 1, 1, "publication not recognised (neither 天津 nor 晋城 "
                 "in the text); give --publication");
    if (!o->designs && o->style_dir &&
        !(c->own_designs = im_load_designs(o->style_dir)))
        return -1;
    if (o->designs || c->own_designs)
        imp_use_designs(c, o->designs ? o->designs : c->own_designs);
    c->doc.publication = imp_pub_name(c->pub);
    if (*kind == IM_KIND_RAW ? imp_read_raw(c) : imp_read_md(c))
        return -1;
    imp_tidy(c);
    if (!c->doc.narts) {
        /* an issue is its articles: a cover alone makes no source */
        diag_error(c->diag, (diag_pos){c->input, 1, 1}, "no article text "
                   "found (only cover, contents or page furniture): nothing "
                   "to import");
        return -1;
    }
    c->doc.style = c->style;
    if (!c->style)
        imp_warn(c, IMP_MUST, 1, 1, "no known house style fits; the source names none "
                 "(give --style to 'bulletin build')");
    assign_ids(c);
    return 0;
}

static int run(imp_ctx *c, const im_import_opts *o)
{
    im_kind kind = o->kind;
    if (read_issue(c, &kind, o))
        return -1;
    if (imp_write_source(c, o->output))
        return -1;
    if (kind == IM_KIND_RAW && o->output &&
        imp_write_sidecar(c, in_lineation_path(c->ar, o->output),
                          base_name(o->output)))
        return -1;
    if (o->report && imp_report_write(c, o->report))
        return -1;
    imp_summary(c, kind == IM_KIND_RAW ? "raw extraction" : "Markdown "
                "conversion", o->output);
    return 0;
}

int im_import(const im_import_opts *o, diag_ctx *d)
{
    imp_ctx c;
    memset(&c, 0, sizeof c);
    c.diag = d;
    c.input = o->input;
    c.files = o->files;
    char *text = file_read(o->input, &c.len);
    if (!text) {
        diag_error(d, (diag_pos){o->input, 0, 0}, "cannot read: %s",
                   file_why(errno));
        return -1;
    }
    c.text = text;
    c.ar = ar_new();
    int rc = c.ar ? run(&c, o) : -1;
    im_free_designs(c.own_designs);
    ar_free(c.ar);
    free(text);
    return rc;
}

char *im_import_text(const im_import_opts *o, const char *text, size_t len,
                     diag_ctx *d, size_t *outlen)
{
    imp_ctx c;
    memset(&c, 0, sizeof c);
    c.diag = d;
    c.input = o->input;
    c.ar = ar_new();
    char *copy = c.ar ? ar_strndup(c.ar, text, len) : NULL;
    char *out = NULL;
    im_kind kind = o->kind;
    c.text = copy;
    c.len = len;
    if (copy && !read_issue(&c, &kind, o)) {
        const char *s = imp_source_text(&c, outlen);
        if (s && (out = malloc(*outlen + 1)))
            memcpy(out, s, *outlen + 1);
    }
    im_free_designs(c.own_designs);
    ar_free(c.ar);
    return out;
}
