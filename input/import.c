/* import.c: importing old issues (placeholder until the importer lands) */
#include "input.h"

int in_import(const in_import_opts *o, diag_ctx *d)
{
    diag_error(d, (diag_pos){o->input, 0, 0}, "import is not implemented yet");
    return -1;
}
