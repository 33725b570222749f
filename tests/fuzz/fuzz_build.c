/* fuzz_build.c: libFuzzer target for a whole build: any bytes as an issue
 * source, in a bundled style, through shaping, composition, pages and
 * both PDFs (screen and print master, written to memory), must give PDFs
 * or messages, never a crash, a hang or a leak. The style and the fonts
 * are loaded once (fontconfig takes a tenth of a second); everything of
 * an input is made and freed with it. The PDFs go to a folder of the
 * harness's own, never to /dev/null: a build that replaced its target
 * would replace the machine's null device. Run from the repository root. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../fonts/fonts.h"
#include "../../input/input.h"
#include "../../layout/layout.h"
#include "../../output/output.h"
#include "../../styles/style.h"

typedef struct once {
    ar_arena *ar;
    diag_ctx d;
    const sty_style *st;
    fnt_set *fs;
    char dir[64], screen[96], master[96];
} once;

static once *setup(void)
{
    static once o; /* the harness's, loaded once, read-only afterwards */
    if (o.st)
        return &o;
    o.ar = ar_new();
    diag_init(&o.d, stderr);
    snprintf(o.dir, sizeof o.dir, "/tmp/fuzz-build-XXXXXX");
    if (!mkdtemp(o.dir))
        abort();
    snprintf(o.screen, sizeof o.screen, "%s/screen.pdf", o.dir);
    snprintf(o.master, sizeof o.master, "%s/master.pdf", o.dir);
    if (sty_load("jincheng-2020", "styles", o.ar, &o.d, &o.st) ||
        !(o.fs = fnt_open()) || sty_apply_fonts(o.st, o.fs, &o.d)) {
        fprintf(stderr, "fuzz_build: run from the repository root\n");
        abort();
    }
    return &o;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    once *o = setup();
    ar_arena *ar = ar_new();
    diag_ctx d;
    diag_init(&d, NULL);
    const doc_issue *doc;
    const lay_doc *pages;
    lay_ctx *lc = NULL;
    if (in_parse_text("fuzz.md", (const char *)data, size, NULL, ar, &d, &doc) == 0 &&
        (lc = lay_new(o->st, o->fs, &d)) && lay_issue(lc, doc, &pages) == 0) {
        out_pdf(pages, doc, o->screen, NULL, &d);
        out_print_opts po = {0, -1, NULL};
        out_print(pages, doc, o->master, &po, NULL, &d);
    }
    lay_free(lc);
    ar_free(ar);
    return 0;
}
