/* args.c: the command line's words: options with values, flags, the
 * sources; usage errors */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

const char cm_usage[] =
    "usage: bulletin build SOURCE.md... [-o OUT.pdf | --outdir DIR] [--style NAME|PATH]\n"
    "                      [--pages original|auto] [--lineation original|compose]\n"
    "                      [--dump lines|geometry|pagemap|doc] [--png PREFIX] [--dpi N]\n"
    "                      [--article ID[,ID...]] [--offprint printed|reset]\n"
    "                      [--keep-neighbours] [--folios original|new] [--cover]\n"
    "                      [--print[=x1a|x4]] [--screen]\n"
    "                      [--marks none|crop,registration,info] [--icc FILE]\n"
    "                      [--pad N] [-j N] [--timeout S] [--memory MB] [--force]\n"
    "                      [--proofs] [--plan] [--deps]\n"
    "                      [--report conformance]\n"
    "       bulletin compose [--style NAME|PATH] [--measure EM] [--size PT]\n"
    "                        [--indent EM] < paragraphs.txt\n"
    "       bulletin import INPUT... [-o SOURCE.md | --outdir DIR] [--kind raw|markdown]\n"
    "                       [--publication tianjin|jincheng] [--report FILE]\n"
    "                       [-j N] [--timeout S] [--force] [--plan] [--calibrate]\n"
    "       bulletin calibrate SOURCE.md [-o STYLE] [--style NAME|PATH]\n"
    "       bulletin list SOURCE.md [--format tsv|json] [--style NAME|PATH]\n"
    "                     [--pages original|auto] [--lineation original|compose]\n"
    "       bulletin fonts [--style NAME|PATH]\n"
    "       bulletin --help | --version\n"
    "\n"
    "build    typeset an issue source (docs/source-format.md) into a PDF;\n"
    "         with several sources (a catalogue), each becomes SOURCE.pdf\n"
    "         (or DIR/NAME.pdf with --outdir), -j N at a time in worker\n"
    "         processes (one that fails, crashes or takes over --timeout\n"
    "         seconds fails alone), skipped when nothing it depends on\n"
    "         changed (--force rebuilds); --proofs adds page PNGs, a\n"
    "         contact sheet and dumps per issue, and with --outdir an\n"
    "         index.html lists them all; --plan prints the commands,\n"
    "         --deps writes make-style dependencies (docs/catalogue.md);\n"
    "         --dump lines prints page, column, line and text of every\n"
    "         composed line (no PDF unless -o is given); --dump doc prints\n"
    "         the parsed document; --report conformance prints, rule by\n"
    "         rule of Chinese composition, the places checked and broken;\n"
    "         --png writes page proofs; --pages\n"
    "         original starts each article on its recorded page;\n"
    "         --lineation original (the default) keeps the original's line\n"
    "         breaks recorded in SOURCE.lines.json, compose breaks anew;\n"
    "         --article cuts an offprint (抽印本) of the named articles:\n"
    "         --offprint printed (the default) keeps the pages that carry\n"
    "         them as printed, the other articles' text blanked unless\n"
    "         --keep-neighbours; --offprint reset sets them afresh, folios\n"
    "         from 1 or, with --folios original, from their first page;\n"
    "         --cover adds a cover; a citation line goes at the foot of\n"
    "         the first page (docs/pages.md); --print writes the\n"
    "         print master SOURCE.print.pdf (PDF/X-1a, or PDF/X-4) instead\n"
    "         of the screen PDF, --screen as well as it; --marks the\n"
    "         printer's marks, --icc the shop's output profile, --pad N\n"
    "         blank pages to a multiple of N (docs/print.md)\n"
    "compose  compose plain paragraphs, one per input line, and print the\n"
    "         lines, an empty line after each paragraph\n"
    "import   turn an old issue's extracted text or Markdown conversion into\n"
    "         an issue source, with a report of every repair; several\n"
    "         inputs each become NAME.md with NAME.report.txt (or in DIR)\n"
    "calibrate fit the style's composition keys (hanging, adjacent,\n"
    "         pull-unit, orphan, strategy) to the line breaks an imported\n"
    "         issue recorded (SOURCE.lines.json); print the figures, fitted\n"
    "         on half the paragraphs and scored on the other half; -o\n"
    "         writes the style with the fitted keys\n"
    "list     print the issue's articles as laid out: id, article or\n"
    "         contribution, column, recorded page, folios, pages, title,\n"
    "         authors and warnings (the ids are what --article takes)\n"
    "fonts    print the font file and face resolved for each font role\n";


int cm_usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "bulletin: %s%s%s\n%s", msg, arg ? " " : "",
            arg ? arg : "", cm_usage);
    return CM_USAGE;
}

static int parse_number(const char *s, double *out)
{
    char *end;
    errno = 0;
    *out = strtod(s, &end);
    return errno || end == s || *end || !isfinite(*out) ? -1 : 0;
}

/* Options that take a value: name, where it goes (string or number). */
static int take_option(cm_opts *o, const char *name, const char *val)
{
    const char **str = !strcmp(name, "-o")        ? &o->out
                       : !strcmp(name, "--style") ? &o->style
                       : !strcmp(name, "--dump")  ? &o->dump
                       : !strcmp(name, "--png")   ? &o->png
                       : !strcmp(name, "--kind")  ? &o->kind
                       : !strcmp(name, "--pages") ? &o->pages
                       : !strcmp(name, "--lineation") ? &o->lineation
                       : !strcmp(name, "--article") ? &o->article
                       : !strcmp(name, "--offprint") ? &o->offprint
                       : !strcmp(name, "--folios") ? &o->folios
                       : !strcmp(name, "--format") ? &o->format
                       : !strcmp(name, "--outdir") ? &o->outdir
                       : !strcmp(name, "--report") ? &o->report
                       : !strcmp(name, "--publication") ? &o->publication
                       : !strcmp(name, "--marks") ? &o->marks
                       : !strcmp(name, "--icc") ? &o->icc
                                                  : NULL;
    if (str) {
        *str = val;
        return 0;
    }
    double *num = !strcmp(name, "--dpi")       ? &o->dpi
                  : !strcmp(name, "--measure") ? &o->measure
                  : !strcmp(name, "--size")    ? &o->size
                  : !strcmp(name, "--indent")  ? &o->indent
                  : !strcmp(name, "--pad")     ? &o->pad
                  : !strcmp(name, "-j")        ? &o->jobs
                  : !strcmp(name, "--timeout") ? &o->timeout
                  : !strcmp(name, "--memory")  ? &o->memory
                                               : NULL;
    if (num)
        return parse_number(val, num) ? cm_usage_error("not a number:", val) : 0;
    return cm_usage_error("unknown option", name);
}

/* Options without a value: 1 when arg is one, -1 when it is malformed. */
static int take_flag(cm_opts *o, const char *arg)
{
    int *flag = !strcmp(arg, "--screen") ? &o->screen
                : !strcmp(arg, "--force")  ? &o->force
                : !strcmp(arg, "--proofs") ? &o->proofs
                : !strcmp(arg, "--plan")   ? &o->plan
                : !strcmp(arg, "--deps")   ? &o->deps
                : !strcmp(arg, "--cover")  ? &o->cover
                : !strcmp(arg, "--calibrate") ? &o->calibrate
                : !strcmp(arg, "--keep-neighbours") ? &o->keep_neighbours
                                           : NULL;
    if (flag)
        return *flag = 1;
    if (strncmp(arg, "--print", 7) != 0 || (arg[7] && arg[7] != '='))
        return 0;
    const char *v = arg[7] ? arg + 8 : "x1a";
    o->print = !strcmp(v, "x1a") ? 1 : !strcmp(v, "x4") ? 4 : -1;
    return o->print < 0 ? -1 : 1;
}

int cm_parse_args(int argc, char **argv, cm_opts *o, char **sources)
{
    memset(o, 0, sizeof *o);
    o->sources = sources;
    o->dpi = 100;
    o->indent = -1;
    if (argc < 2)
        return cm_usage_error("no command given", NULL);
    o->cmd = argv[1];
    for (int i = 2; i < argc; i++) {
        int flag = take_flag(o, argv[i]);
        if (flag < 0)
            return cm_usage_error("--print takes x1a or x4, not", argv[i] + 8);
        if (flag > 0)
            continue;
        if (argv[i][0] == '-' && argv[i][1]) {
            if (i + 1 >= argc)
                return cm_usage_error("option needs a value:", argv[i]);
            int rc = take_option(o, argv[i], argv[i + 1]);
            if (rc)
                return rc;
            i++;
        } else if (!o->source || !strcmp(o->cmd, "build") ||
                   !strcmp(o->cmd, "import")) {
            if (!o->source)
                o->source = argv[i];
            o->sources[o->nsources++] = argv[i];
        } else {
            return cm_usage_error("unexpected argument", argv[i]);
        }
    }
    if (o->nsources > 1 && (o->out || o->dump || o->png || o->report))
        return cm_usage_error("-o, --report, --dump and --png take one input; "
                           "several are written beside themselves or into "
                           "--outdir", NULL);
    static const char *dumps[] = {"lines", "geometry", "pagemap", "doc"};
    int known = !o->dump;
    for (size_t i = 0; i < sizeof dumps / sizeof *dumps; i++)
        known |= o->dump && !strcmp(o->dump, dumps[i]);
    if (!known)
        return cm_usage_error("--dump takes lines, geometry, pagemap or doc, "
                           "not", o->dump);
    return 0;
}

