/* catalog.c: several sources in one run (a back-catalogue) */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

/* Several inputs (a back-catalogue): each built or imported in a run of
 * its own, so that one bad issue does not stop the others; an import
 * writes NAME.md with its sidecar and NAME.report.txt; a summary ends. */
int cm_run_all(const cm_opts *o)
{
    int failed = 0, misused = 0, import = !strcmp(o->cmd, "import");
    ar_arena *ar = ar_new();
    if (!ar)
        return CM_INPUT;
    file_run batch;
    file_run *files = &batch;
    cm_run_inputs(o, ar, files);
    for (int i = 0; i < o->nsources; i++) {
        cm_opts one = *o;
        one.source = o->sources[i];
        if (import) {
            one.out = cm_swap_suffix(ar, one.source, o->outdir, NULL, ".md");
            one.report = cm_swap_suffix(ar, one.source, o->outdir, NULL,
                                     ".report.txt");
        }
        int rc = cm_run_command(&one, files);
        misused |= rc == CM_USAGE;
        if (rc != CM_OK) {
            fprintf(stderr, "bulletin: %s: not %s\n", one.source,
                    import ? "imported" : "built");
            failed++;
        }
    }
    fprintf(stderr, "bulletin: %s %d of %d issues%s\n",
            import ? "imported" : "built", o->nsources - failed, o->nsources,
            failed ? "; the messages above say why the others failed" : "");
    ar_free(ar);
    file_run_free(files);
    return misused ? CM_USAGE : failed ? CM_INPUT : CM_OK;
}

