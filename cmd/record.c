/* record.c: what a worker of a catalogue run says of the issue it built,
 * as JSON beside the outputs: the issue's numbers and articles for the
 * archive index, its pages, the files the outputs were made from (for the
 * manifest and --deps) and the outputs themselves */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"

static void add_file(json_t *a, const char *path)
{
    struct stat st;
    if (path && stat(path, &st) == 0 && S_ISREG(st.st_mode))
        json_array_append_new(a, json_string(path));
}

/* Every file the outputs were made from. */
static json_t *depends(cm_run *r, const cm_opts *o, const doc_issue *doc)
{
    json_t *a = json_array();
    add_file(a, o->source);
    if (!o->lineation || !strcmp(o->lineation, "original"))
        add_file(a, in_lineation_path(r->ar, o->source));
    add_file(a, r->st->path);
    if (o->print)
        add_file(a, o->icc ? o->icc : r->st->print.profile);
    for (int k = 0; k < FNT_NROLES; k++) {
        const fnt_face *f = fnt_resolved(r->fs, (fnt_role)k);
        add_file(a, f ? f->file : NULL);
    }
    for (size_t i = 0; i < doc->narticles; i++)
        for (size_t b = 0; b < doc->articles[i].nblocks; b++)
            if (doc->articles[i].blocks[b].image_found)
                add_file(a, doc->articles[i].blocks[b].image);
    return a;
}

/* The articles, each with the page it starts on (the PDF's page and its
 * printed folio). */
static json_t *articles(cm_run *r, const doc_issue *doc, const lay_doc *pages)
{
    json_t *a = json_array();
    for (size_t i = 0; i < doc->narticles && i < pages->narticles; i++) {
        const doc_article *d = &doc->articles[i];
        const lay_placed *p = &pages->articles[i];
        if (p->first_page < 0)
            continue;
        char *title = doc_text_plain(r->ar, &d->title);
        for (char *s = title; s && *s; s++)
            if (*s == '\n')
                *s = ' ';
        json_array_append_new(
            a, json_pack("{s:s?, s:s, s:i, s:s, s:b}", "id", d->id, "title",
                         title ? title : "", "page", p->first_page + 1, "folio",
                         pages->pages[p->first_page].label, "part", d->part));
    }
    return a;
}

static int put_json(void *ctx, FILE *f)
{
    return json_dumpf(ctx, f, JSON_INDENT(1)) ? -1 : 0;
}

int cm_write_import_record(cm_run *r, const cm_opts *o,
                           const char *const *outputs, int nout)
{
    json_t *dep = json_array(), *out = json_array();
    add_file(dep, o->source);
    for (int i = 0; i < nout; i++)
        add_file(out, outputs[i]);
    json_t *rec = json_pack("{s:s, s:i, s:o, s:o}", "source", o->source,
                            "pages", 0, "depends", dep, "outputs", out);
    int rc = rec ? file_write(o->record, put_json, rec, NULL, &r->d) : -1;
    json_decref(rec);
    return rc;
}

int cm_write_record(cm_run *r, const cm_opts *o, const doc_issue *doc,
                    const lay_doc *pages, const char *const *outputs,
                    int nout)
{
    const doc_meta *m = &doc->meta;
    json_t *out = json_array();
    for (int i = 0; i < nout; i++)
        add_file(out, outputs[i]);
    json_t *rec = json_pack(
        "{s:s, s:s?, s:i, s:i, s:i, s:s?, s:i, s:o, s:o, s:o}", "source",
        o->source, "publication", m->publication.text, "year", m->year,
        "issue", m->issue, "total", m->total, "date", m->date.text, "pages",
        (int)pages->npages, "articles", articles(r, doc, pages), "depends",
        depends(r, o, doc), "outputs", out);
    int rc = rec ? file_write(o->record, put_json, rec, NULL, &r->d) : -1;
    json_decref(rec);
    return rc;
}
