/* fuzz_parse.c: libFuzzer target for the issue-source parser: any bytes
 * must give a model or errors, never a crash, a hang or a leak.
 *   make fuzz   (clang with -fsanitize=fuzzer,address,undefined) */
#include <stdio.h>

#include "../../input/input.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    ar_arena *ar = ar_new();
    diag_ctx d;
    diag_init(&d, NULL); /* count, do not print */
    const doc_issue *doc;
    in_parse_text("fuzz.md", (const char *)data, size, NULL, ar, &d, &doc);
    ar_free(ar);
    return 0;
}
