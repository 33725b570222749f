/* fuzz_style.c: libFuzzer target for the house-style reader: any bytes
 * must give a style or errors, never a crash, a hang or a leak.
 *   make fuzz   (clang with -fsanitize=fuzzer,address,undefined; the
 *   sources: util, styles and fonts/fonts.c, with fontconfig), seeded
 *   with the bundled styles and tests/fuzz/corpus/style */
#include <stdio.h>

#include "../../styles/style.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    ar_arena *ar = ar_new();
    diag_ctx d;
    diag_init(&d, NULL); /* count, do not print */
    const sty_style *st;
    /* in styles/, so that a relative profile is looked for where the
     * bundled one is */
    sty_load_text("styles/fuzz.style", (const char *)data, size, "styles",
                  ar, &d, &st);
    ar_free(ar);
    return 0;
}
