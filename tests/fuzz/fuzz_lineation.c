/* fuzz_lineation.c: libFuzzer target for the lines sidecar reader: any
 * bytes beside a fixed source must give lines, a warning or an error,
 * never a crash, a hang or a leak. */
#include <stdio.h>
#include <string.h>

#include "../../input/input.h"

/* A source with two articles whose paragraphs a sidecar may name. */
static const char source[] =
    "---\npublication: 天津政协\nstyle: tianjin-2022\n---\n\n# 委员风采\n\n"
    "## 标题一 {#a1}\n\n第一段的文字，分成两行。\n\n- 列表一项\n\n"
    "## 标题二 {#a2}\n\n第二篇的一段。\n";

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    ar_arena *ar = ar_new();
    diag_ctx d;
    diag_init(&d, NULL); /* count, do not print */
    const doc_issue *doc;
    in_sidecar lines = {"fuzz.lines.json", (const char *)data, size};
    in_parse_text("fuzz.md", source, strlen(source), &lines, ar, &d, &doc);
    ar_free(ar);
    return 0;
}
