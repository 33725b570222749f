/* main.c: the bulletin command line: wires the stages in order
 * (source → document → lines → pages → files) and tears them down in
 * reverse. Exit status: 0 success, 1 bad input or failure, 2 usage. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fonts/fonts.h"
#include "input/input.h"
#include "layout/layout.h"
#include "output/output.h"
#include "styles/style.h"
#include "util/util.h"

#define BULLETIN_VERSION "0.1.0"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

static const char usage[] =
    "usage: bulletin build SOURCE.md... [-o OUT.pdf | --outdir DIR] [--style NAME|PATH]\n"
    "                      [--pages original|auto] [--lineation original|compose]\n"
    "                      [--dump lines|geometry|pagemap|doc] [--png PREFIX] [--dpi N]\n"
    "                      [--article ID[,ID...]] [--print[=x1a|x4]] [--screen]\n"
    "                      [--marks none|crop,registration,info] [--icc FILE]\n"
    "                      [--pad N]\n"
    "       bulletin compose [--style NAME|PATH] [--measure EM] [--size PT]\n"
    "                        [--indent EM] < paragraphs.txt\n"
    "       bulletin import INPUT... [-o SOURCE.md | --outdir DIR] [--kind raw|markdown]\n"
    "                       [--publication tianjin|jincheng] [--report FILE]\n"
    "       bulletin fonts [--style NAME|PATH]\n"
    "       bulletin --help | --version\n"
    "\n"
    "build    typeset an issue source (docs/source-format.md) into a PDF;\n"
    "         with several sources, each becomes SOURCE.pdf (or DIR/NAME.pdf\n"
    "         with --outdir), a failed one does not stop the others, and a\n"
    "         summary ends the run;\n"
    "         --dump lines prints page, column, line and text of every\n"
    "         composed line (no PDF unless -o is given); --dump doc prints\n"
    "         the parsed document; --png writes page proofs; --pages\n"
    "         original starts each article on its recorded page;\n"
    "         --lineation original (the default) keeps the original's line\n"
    "         breaks recorded in SOURCE.lines.json, compose breaks anew;\n"
    "         --article cuts an offprint: only the pages that carry the\n"
    "         named articles, as printed in the issue; --print writes the\n"
    "         print master SOURCE.print.pdf (PDF/X-1a, or PDF/X-4) instead\n"
    "         of the screen PDF, --screen as well as it; --marks the\n"
    "         printer's marks, --icc the shop's output profile, --pad N\n"
    "         blank pages to a multiple of N (docs/print.md)\n"
    "compose  compose plain paragraphs, one per input line, and print the\n"
    "         lines, an empty line after each paragraph\n"
    "import   turn an old issue's extracted text or Markdown conversion into\n"
    "         an issue source, with a report of every repair; several\n"
    "         inputs each become NAME.md with NAME.report.txt (or in DIR)\n"
    "fonts    print the font file and face resolved for each font role\n";

typedef struct opts {
    const char *cmd, *source, *out, *style, *dump, *png;
    const char *kind, *publication, *report, *pages, *lineation, *article;
    const char *outdir, *marks, *icc;
    char **sources;       /* every SOURCE given to build, in order */
    int nsources;
    int print;            /* 0: none; 1: PDF/X-1a:2001; 4: PDF/X-4 */
    int screen;           /* the screen PDF as well as the master */
    double dpi, measure, size, indent, pad;
} opts;

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "bulletin: %s%s%s\n%s", msg, arg ? " " : "",
            arg ? arg : "", usage);
    return EXIT_USAGE;
}

static int parse_number(const char *s, double *out)
{
    char *end;
    errno = 0;
    *out = strtod(s, &end);
    return errno || end == s || *end || !isfinite(*out) ? -1 : 0;
}

/* Options that take a value: name, where it goes (string or number). */
static int take_option(opts *o, const char *name, const char *val)
{
    const char **str = !strcmp(name, "-o")        ? &o->out
                       : !strcmp(name, "--style") ? &o->style
                       : !strcmp(name, "--dump")  ? &o->dump
                       : !strcmp(name, "--png")   ? &o->png
                       : !strcmp(name, "--kind")  ? &o->kind
                       : !strcmp(name, "--pages") ? &o->pages
                       : !strcmp(name, "--lineation") ? &o->lineation
                       : !strcmp(name, "--article") ? &o->article
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
                                               : NULL;
    if (num)
        return parse_number(val, num) ? usage_error("not a number:", val) : 0;
    return usage_error("unknown option", name);
}

/* Options without a value: 1 when arg is one, -1 when it is malformed. */
static int take_flag(opts *o, const char *arg)
{
    if (!strcmp(arg, "--screen"))
        return o->screen = 1;
    if (strncmp(arg, "--print", 7) != 0 || (arg[7] && arg[7] != '='))
        return 0;
    const char *v = arg[7] ? arg + 8 : "x1a";
    o->print = !strcmp(v, "x1a") ? 1 : !strcmp(v, "x4") ? 4 : -1;
    return o->print < 0 ? -1 : 1;
}

static int parse_args(int argc, char **argv, opts *o, char **sources)
{
    memset(o, 0, sizeof *o);
    o->sources = sources;
    o->dpi = 100;
    o->indent = -1;
    if (argc < 2)
        return usage_error("no command given", NULL);
    o->cmd = argv[1];
    for (int i = 2; i < argc; i++) {
        int flag = take_flag(o, argv[i]);
        if (flag < 0)
            return usage_error("--print takes x1a or x4, not", argv[i] + 8);
        if (flag > 0)
            continue;
        if (argv[i][0] == '-' && argv[i][1]) {
            if (i + 1 >= argc)
                return usage_error("option needs a value:", argv[i]);
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
            return usage_error("unexpected argument", argv[i]);
        }
    }
    if (o->nsources > 1 && (o->out || o->dump || o->png || o->report))
        return usage_error("-o, --report, --dump and --png take one input; "
                           "several are written beside themselves or into "
                           "--outdir", NULL);
    static const char *dumps[] = {"lines", "geometry", "pagemap", "doc"};
    int known = !o->dump;
    for (size_t i = 0; i < sizeof dumps / sizeof *dumps; i++)
        known |= o->dump && !strcmp(o->dump, dumps[i]);
    if (!known)
        return usage_error("--dump takes lines, geometry, pagemap or doc, "
                           "not", o->dump);
    return 0;
}

/* Does dir hold style files (and not just, say, compiled objects)? */
static int has_styles(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int found = 0;
    for (struct dirent *e; !found && (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        found = n > 6 && strcmp(e->d_name + n - 6, ".style") == 0;
    }
    closedir(d);
    return found;
}

/* styles/ beside the executable, or $BULLETIN_STYLES. */
static const char *style_dir(ar_arena *ar)
{
    const char *env = getenv("BULLETIN_STYLES");
    if (env && *env)
        return env;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return "styles";
    exe[n] = '\0';
    char *dir = path_dir(ar, exe);
    const char *cand[] = {"styles", "../styles", "../share/bulletin/styles"};
    for (size_t i = 0; i < 3; i++) {
        char *p = ar_printf(ar, "%s/%s", dir, cand[i]);
        if (p && has_styles(p))
            return p;
    }
    return "styles";
}

/* The stages a command needs, created in order, freed in reverse. */
typedef struct run {
    ar_arena *ar;
    diag_ctx d;
    file_run *files;      /* of the whole run, over a batch too */
    const sty_style *st;
    fnt_set *fs;
    lay_ctx *lc;
} run;

static int open_style(run *r, const char *name)
{
    if (sty_load(name, style_dir(r->ar), r->ar, &r->d, &r->st))
        return -1;
    r->fs = fnt_open();
    if (!r->fs) {
        diag_error(&r->d, diag_nopos(), "cannot initialise fontconfig");
        return -1;
    }
    return sty_apply_fonts(r->st, r->fs, &r->d);
}

static void close_run(run *r)
{
    lay_free(r->lc);
    fnt_close(r->fs);
    diag_finish(&r->d);
    ar_free(r->ar);
}

/* NAME.old → NAME.ext beside it, or DIR/NAME.ext with --outdir; the
 * suffix old (e.g. ".md") is dropped, or with NULL any suffix. */
static char *swap_suffix(ar_arena *ar, const char *src, const char *outdir,
                         const char *old, const char *ext)
{
    const char *slash = strrchr(src, '/');
    if (outdir)
        src = ar_printf(ar, "%s/%s", outdir, slash ? slash + 1 : src);
    slash = strrchr(src, '/');
    const char *dot = strrchr(slash ? slash : src, '.');
    size_t n = strlen(src);
    if (old && n > strlen(old) && strcmp(src + n - strlen(old), old) == 0)
        n -= strlen(old);
    else if (!old && dot && dot != (slash ? slash + 1 : src))
        n = (size_t)(dot - src);
    return ar_printf(ar, "%.*s%s", (int)n, src, ext);
}

/* --marks none | crop,registration,info; -1: the style's. */
static int parse_marks(const char *s, const sty_style *st, int *out)
{
    static const struct {
        const char *name;
        int mark;
    } names[] = {{"crop", STY_MARK_CROP},
                 {"registration", STY_MARK_REGISTRATION},
                 {"info", STY_MARK_INFO}};
    *out = s ? 0 : -1;
    if (!s || !strcmp(s, "none"))
        return 0;
    while (*s) {
        size_t n = strcspn(s, ", "), k = 0;
        while (k < 3 && (strlen(names[k].name) != n ||
                         strncmp(s, names[k].name, n) != 0))
            k++;
        if (k == 3)
            return usage_error("--marks takes none or a list of crop, "
                               "registration, info, not", s);
        *out |= names[k].mark;
        s += n + (s[n] != '\0');
    }
    if ((*out & STY_MARK_INFO) && !st->roles[STY_PRINT_INFO].set) {
        fprintf(stderr, "bulletin: --marks info: the style has no "
                        "[print-info] section for the line\n");
        return EXIT_INPUT;
    }
    return 0;
}

/* The screen PDF (unless only the master is asked for) and the print
 * master, from the one layout. */
static int write_outputs(run *r, const opts *o, const doc_issue *doc,
                         const lay_doc *pages)
{
    int screen = !o->print || o->screen;
    const char *pdf = o->out ? o->out
                             : swap_suffix(r->ar, o->source, o->outdir, ".md",
                                           ".pdf");
    if (screen && out_pdf(pages, doc, pdf, r->files, &r->d))
        return EXIT_INPUT;
    if (!o->print)
        return EXIT_OK;
    out_print_opts po = {o->print == 4, -1, o->icc};
    int rc = parse_marks(o->marks, pages->style, &po.marks);
    if (rc)
        return rc;
    const char *master = o->out && !screen
                             ? o->out
                             : swap_suffix(r->ar, pdf, NULL, ".pdf",
                                           ".print.pdf");
    out_preflight(pages, doc, &r->d);
    return out_print(pages, doc, master, &po, r->files, &r->d) ? EXIT_INPUT
                                                               : EXIT_OK;
}

/* The style the source names: a name, or a path relative to the
 * source's folder. */
static const char *source_style(ar_arena *ar, const doc_issue *doc)
{
    const char *s = doc->meta.style.text;
    size_t n = s ? strlen(s) : 0;
    int path = s && (strchr(s, '/') || (n > 6 && !strcmp(s + n - 6, ".style")));
    return path ? path_join(ar, doc->dir, s) : s;
}

static int cmd_build(run *r, const opts *o)
{
    const doc_issue *doc;
    if (!o->source)
        return usage_error("build needs a SOURCE file", NULL);
    if (in_parse_file(o->source, r->ar, &r->d, &doc))
        return EXIT_INPUT;
    if (o->dump && !strcmp(o->dump, "doc")) {
        doc_dump(doc, stdout);
        return EXIT_OK;
    }
    /* a style path in the source is the source's, like its images */
    const char *style = o->style ? o->style : source_style(r->ar, doc);
    if (!style) {
        diag_error(&r->d, (diag_pos){o->source, 1, 1}, "no house style: add "
                   "'style: NAME' to the front matter or give --style");
        return EXIT_INPUT;
    }
    if (o->article && !*o->article)
        return usage_error("--article needs the id of an article (--dump "
                           "pagemap lists them)", NULL);
    if (o->png && !(o->dpi >= 10 && o->dpi <= 1200))
        return usage_error("--dpi takes 10 to 1200 dots per inch", NULL);
    if (o->pad && (o->pad < 1 || o->pad > 64 || o->pad != (int)o->pad))
        return usage_error("--pad takes a whole number of pages from 1 to "
                           "64 (4 for saddle-stitched sheets), not a fraction "
                           "or", NULL);
    if ((o->marks || o->icc || o->screen) && !o->print)
        return usage_error("--marks, --icc and --screen go with --print", NULL);
    if (o->pages && strcmp(o->pages, "original") && strcmp(o->pages, "auto"))
        return usage_error("--pages takes 'original' or 'auto', not", o->pages);
    if (o->lineation && strcmp(o->lineation, "original") &&
        strcmp(o->lineation, "compose"))
        return usage_error("--lineation takes 'original' or 'compose', not",
                           o->lineation);
    lay_options lo = {o->pages && !strcmp(o->pages, "original"),
                      !o->lineation || !strcmp(o->lineation, "original")};
    if (lo.lineation &&
        in_read_lineation(in_lineation_path(r->ar, o->source), doc, r->ar,
                          &r->d))
        return EXIT_INPUT;
    const lay_doc *pages;
    if (open_style(r, style) || !(r->lc = lay_new(r->st, r->fs, &r->d)))
        return EXIT_INPUT;
    lay_set_options(r->lc, &lo);
    if (lay_issue(r->lc, doc, &pages) ||
        (o->article && lay_offprint(r->lc, doc, pages, o->article, &pages)) ||
        (o->pad > 0 && lay_pad(r->lc, doc, pages, (int)o->pad, &pages)))
        return EXIT_INPUT;
    if (o->dump && !strcmp(o->dump, "geometry"))
        out_dump_geometry(pages, stdout);
    else if (o->dump && !strcmp(o->dump, "pagemap"))
        out_dump_pagemap(pages, doc, stdout);
    else if (o->dump)
        out_dump_lines(pages, stdout);
    if (o->png && out_png(pages, o->png, o->dpi, r->files, &r->d))
        return EXIT_INPUT;
    if (o->dump && !o->out)
        return EXIT_OK;
    return write_outputs(r, o, doc, pages);
}

static int cmd_fonts(run *r, const opts *o)
{
    if (open_style(r, o->style ? o->style : "jincheng-2020"))
        return EXIT_INPUT;
    return fnt_print(r->fs, stdout, &r->d) ? EXIT_INPUT : EXIT_OK;
}

static int cmd_import(run *r, const opts *o)
{
    in_import_opts io = {o->source, o->out, o->report, IN_KIND_AUTO,
                         o->publication, r->files};
    if (!o->source)
        return usage_error("import needs an INPUT file", NULL);
    if (o->kind && !strcmp(o->kind, "raw"))
        io.kind = IN_KIND_RAW;
    else if (o->kind && !strcmp(o->kind, "markdown"))
        io.kind = IN_KIND_MARKDOWN;
    else if (o->kind)
        return usage_error("--kind takes 'raw' or 'markdown', not", o->kind);
    if (o->publication && strcmp(o->publication, "tianjin") &&
        strcmp(o->publication, "jincheng"))
        return usage_error("--publication takes 'tianjin' or 'jincheng', not",
                           o->publication);
    return in_import(&io, &r->d) ? EXIT_INPUT : EXIT_OK;
}

/* A character of standard input that may not be set, at its place. */
typedef struct stdin_line {
    diag_ctx *d;
    const char *text;
    int lineno;
} stdin_line;

static void report_stdin(void *ctx, size_t off, uint32_t cp, const char *what)
{
    const stdin_line *l = ctx;
    int replace;
    u8_unsettable(cp, &replace);
    diag_warn(l->d, (diag_pos){"<stdin>", l->lineno,
                               (int)u8_count(l->text, off) + 1},
              "U+%04X is %s: %s", (unsigned)cp, what,
              replace ? "set as U+FFFD" : "left out");
}

/* Without --style: the body settings of 《天津政协》 2022, whose original
 * print the composition is measured against. */
#define COMPOSE_DEFAULT_STYLE "tianjin-2022"

static int cmd_compose(run *r, const opts *o)
{
    if (open_style(r, o->style ? o->style : COMPOSE_DEFAULT_STYLE) ||
        !(r->lc = lay_new(r->st, r->fs, &r->d)))
        return EXIT_INPUT;
    lay_compose_opts co = {o->measure, o->size, o->indent};
    sb_buf out;
    sb_init(&out);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = EXIT_OK;
    sb_buf clean;
    sb_init(&clean);
    for (int lineno = 1; rc == EXIT_OK && (n = getline(&line, &cap, stdin)) >= 0;
         lineno++) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        sb_clear(&clean);
        stdin_line at = {&r->d, line, lineno};
        u8_settable_copy(line, (size_t)n, &clean, report_stdin, &at);
        if (u8_invalid(line, (size_t)n) >= 0)
            diag_warn(&r->d, (diag_pos){"<stdin>", lineno, 1}, "invalid "
                      "UTF-8: the bytes that are not show as U+FFFD");
        if (!clean.failed &&
            lay_compose_text(r->lc, clean.s ? clean.s : "", clean.len, &co, &out))
            rc = EXIT_INPUT;
        sb_addc(&out, '\n');
        fwrite(out.s, 1, out.len, stdout);
        sb_clear(&out);
    }
    free(line);
    sb_free(&out);
    sb_free(&clean);
    return rc;
}

/* One command, in a run of its own (its files those of the batch). */
static int run_command(const opts *o, file_run *files)
{
    run r;
    memset(&r, 0, sizeof r);
    r.files = files;
    diag_init(&r.d, stderr);
    r.ar = ar_new();
    if (!r.ar)
        return EXIT_INPUT;
    int rc;
    if (!strcmp(o->cmd, "build"))
        rc = cmd_build(&r, o);
    else if (!strcmp(o->cmd, "fonts"))
        rc = cmd_fonts(&r, o);
    else if (!strcmp(o->cmd, "compose"))
        rc = cmd_compose(&r, o);
    else if (!strcmp(o->cmd, "import"))
        rc = cmd_import(&r, o);
    else
        rc = usage_error("unknown command", o->cmd);
    if (rc == EXIT_OK && r.d.errors)
        rc = EXIT_INPUT;
    close_run(&r);
    return rc;
}

/* The inputs of a whole run, known before anything is written: the
 * sources, their sidecars, the style given. */
static void run_inputs(const opts *o, ar_arena *ar, file_run *files)
{
    file_run_init(files);
    for (int i = 0; i < o->nsources; i++) {
        file_run_input(files, o->sources[i]);
        file_run_input(files, in_lineation_path(ar, o->sources[i]));
    }
    file_run_input(files, o->style);
    file_run_input(files, o->icc);
}

/* Several inputs (a back-catalogue): each built or imported in a run of
 * its own, so that one bad issue does not stop the others; an import
 * writes NAME.md with its sidecar and NAME.report.txt; a summary ends. */
static int run_all(const opts *o)
{
    int failed = 0, misused = 0, import = !strcmp(o->cmd, "import");
    ar_arena *ar = ar_new();
    if (!ar)
        return EXIT_INPUT;
    file_run batch;
    file_run *files = &batch;
    run_inputs(o, ar, files);
    for (int i = 0; i < o->nsources; i++) {
        opts one = *o;
        one.source = o->sources[i];
        if (import) {
            one.out = swap_suffix(ar, one.source, o->outdir, NULL, ".md");
            one.report = swap_suffix(ar, one.source, o->outdir, NULL,
                                     ".report.txt");
        }
        int rc = run_command(&one, files);
        misused |= rc == EXIT_USAGE;
        if (rc != EXIT_OK) {
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
    return misused ? EXIT_USAGE : failed ? EXIT_INPUT : EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    if (argc >= 2 && !strcmp(argv[1], "--version")) {
        puts("bulletin " BULLETIN_VERSION);
        return EXIT_OK;
    }
    /* a closed pipe on stderr is an error to report, not a reason to die */
    signal(SIGPIPE, SIG_IGN);
    long long t;
    if (out_source_date(&t) < 0)
        fprintf(stderr, "bulletin: warning: SOURCE_DATE_EPOCH='%s' is not a "
                "time from 1970 to 9999 in seconds: the issue's year dates "
                "the PDF\n", getenv("SOURCE_DATE_EPOCH"));
    opts o;
    char **sources = calloc((size_t)argc, sizeof *sources);
    int rc = sources ? parse_args(argc, argv, &o, sources) : EXIT_INPUT;
    if (rc == EXIT_OK && o.nsources > 1)
        rc = run_all(&o);
    else if (rc == EXIT_OK) {
        file_run files;
        ar_arena *ar = ar_new();
        if (ar)
            run_inputs(&o, ar, &files);
        rc = ar ? run_command(&o, &files) : EXIT_INPUT;
        if (ar)
            file_run_free(&files);
        ar_free(ar);
    }
    free(sources);
    return rc;
}
