/* fuzz_import.c: libFuzzer target for the importer of old issues: any
 * bytes give an error or a source, never a crash, a hang or a leak, and
 * a source the importer gives is one the parser accepts (else abort, so
 * that the fuzzer keeps the input). Each input is read as a raw
 * extraction and as a Markdown conversion; -DFUZZ_KIND=IM_KIND_RAW (or
 * IM_KIND_MARKDOWN, IM_KIND_AUTO) reads it one way only. The designs
 * come from styles/ (run it from the top of the tree, as make fuzz
 * does):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined
 *     -fno-sanitize-recover=undefined -D_GNU_SOURCE -I. [-DFUZZ_KIND=…]
 *     util/ *.c input/ *.c import/ *.c styles/ *.c fonts/ *.c
 *     tests/fuzz/fuzz_import.c $(pkg-config --cflags --libs yaml-0.1
 *     jansson fontconfig) -o fuzz_import
 * Seeds: tests/fuzz/corpus/import/ (FUZZ_IMPORT_VERBOSE=1 shows the
 * messages and the source of each input). */
#include <stdio.h>
#include <stdlib.h>

#include "../../import/import.h"
#include "../../input/input.h"

static void import_one(const char *text, size_t size, im_kind kind)
{
    FILE *msgs = getenv("FUZZ_IMPORT_VERBOSE") ? stderr : NULL;
    diag_ctx d;
    diag_init(&d, msgs);
    size_t len;
    static im_designs *designs; /* read once: it takes longer than most
                                   imports (kept to the end, reachable) */
    if (!designs)
        designs = im_load_designs("styles");
    im_import_opts o = {.input = "fuzz.txt", .kind = kind,
                        .designs = designs};
    char *src = im_import_text(&o, text, size, &d, &len);
    if (!src)
        return; /* refused with an error: allowed */
    if (msgs)
        fwrite(src, 1, len, msgs);
    ar_arena *ar = ar_new();
    diag_ctx pd;
    diag_init(&pd, msgs);
    const doc_issue *doc;
    int rc = ar ? in_parse_text("fuzz.md", src, len, NULL, ar, &pd, &doc) : 0;
    ar_free(ar);
    free(src);
    if (rc || pd.errors)
        abort(); /* an import that succeeds gives a source that parses */
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
#ifdef FUZZ_KIND
    import_one((const char *)data, size, FUZZ_KIND);
#else
    import_one((const char *)data, size, IM_KIND_RAW);
    import_one((const char *)data, size, IM_KIND_MARKDOWN);
#endif
    return 0;
}
