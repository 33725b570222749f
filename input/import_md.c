/* import_md.c: Markdown conversions (placeholder while the raw reader is built) */
#include "imp.h"

int imp_read_md(imp_ctx *c)
{
    diag_error(c->d, (diag_pos){c->input, 1, 1}, "Markdown import not yet");
    return -1;
}
