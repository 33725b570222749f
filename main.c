/* main.c: the bulletin command line: the words parsed, then one command
 * or a catalogue of them (cmd/). Exit status: 0 success, 1 bad input or
 * failure, 2 usage. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "output/output.h"

int main(int argc, char **argv)
{
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs(cm_usage, stdout);
        return CM_OK;
    }
    if (argc >= 2 && !strcmp(argv[1], "--version")) {
        puts("bulletin " BULLETIN_VERSION);
        return CM_OK;
    }
    /* a closed pipe on stderr is an error to report, not a reason to die */
    signal(SIGPIPE, SIG_IGN);
    long long t;
    if (out_source_date(&t) < 0)
        fprintf(stderr, "bulletin: warning: SOURCE_DATE_EPOCH='%s' is not a "
                "time from 1970 to 9999 in seconds: the issue's year dates "
                "the PDF\n", getenv("SOURCE_DATE_EPOCH"));
    cm_opts o;
    char **sources = calloc((size_t)argc, sizeof *sources);
    int rc = sources ? cm_parse_args(argc, argv, &o, sources) : CM_INPUT;
    if (rc == CM_OK && o.nsources > 1)
        rc = cm_run_all(&o);
    else if (rc == CM_OK) {
        file_run files;
        ar_arena *ar = ar_new();
        if (ar)
            cm_run_inputs(&o, ar, &files);
        rc = ar ? cm_run_command(&o, &files) : CM_INPUT;
        if (ar)
            file_run_free(&files);
        ar_free(ar);
    }
    free(sources);
    return rc;
}
