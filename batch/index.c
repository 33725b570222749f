/* index.c: index.html of a catalogue's output folder: one entry per issue
 * (cover, publication, year, number, pages, its articles linked into the
 * PDF at their pages, its warnings), plain HTML and CSS that reads on a
 * phone, no script. Issues come in order of publication, year, number. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bt.h"

static const char css[] =
    "body{font-family:'Noto Sans CJK SC',sans-serif;margin:0 auto;"
    "max-width:60em;padding:1em;color:#222;background:#fafafa}"
    "h1{font-size:1.4em}"
    ".issue{display:flex;gap:1em;padding:1em 0;border-top:1px solid #ccc}"
    ".issue img{width:8em;height:auto;border:1px solid #999;background:#fff}"
    ".issue h2{font-size:1.15em;margin:0 0 .3em}"
    ".meta{color:#555;margin:.2em 0}"
    "ol{padding-left:1.4em;margin:.4em 0}li{margin:.15em 0}"
    "li span{color:#777;font-size:.9em}"
    ".warn a{color:#a60}.failed{color:#b00}"
    "a{color:#124e9c;text-decoration:none}"
    "@media(max-width:36em){.issue{flex-direction:column}"
    ".issue img{width:50%}}";

static void html(sb_buf *sb, const char *s)
{
    for (; s && *s; s++)
        switch (*s) {
        case '&': sb_adds(sb, "&amp;"); break;
        case '<': sb_adds(sb, "&lt;"); break;
        case '>': sb_adds(sb, "&gt;"); break;
        case '"': sb_adds(sb, "&quot;"); break;
        default: sb_addc(sb, *s);
        }
}

/* A path as a link from the output folder: its last part only (the
 * outputs are in the folder), each byte a URL may not hold escaped. */
static void href(sb_buf *sb, const char *path)
{
    for (const unsigned char *s = (const unsigned char *)path; s && *s; s++)
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
            (*s >= '0' && *s <= '9') || strchr("-._~/", *s))
            sb_addc(sb, (char)*s);
        else
            sb_printf(sb, "%%%02X", *s);
}

static const char *base(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

typedef struct entry {
    const bt_job *j;
    json_t *rec;
} entry;

static int by_issue(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    const char *px = json_string_value(json_object_get(x->rec, "publication"));
    const char *py = json_string_value(json_object_get(y->rec, "publication"));
    int c = strcmp(px ? px : "", py ? py : "");
    for (const char *k = c ? NULL : "year"; !c && k;
         k = !strcmp(k, "year") ? "issue" : NULL)
        c = (int)(json_integer_value(json_object_get(x->rec, k)) -
                  json_integer_value(json_object_get(y->rec, k)));
    return c ? c : strcmp(x->j->name, y->j->name);
}

static void heading(sb_buf *sb, const entry *e)
{
    json_t *r = e->rec;
    const char *pub = json_string_value(json_object_get(r, "publication"));
    int year = (int)json_integer_value(json_object_get(r, "year"));
    int no = (int)json_integer_value(json_object_get(r, "issue"));
    int total = (int)json_integer_value(json_object_get(r, "total"));
    sb_adds(sb, "<h2><a href=\"");
    href(sb, base(e->j->output));
    sb_adds(sb, "\">");
    if (pub) {
        sb_adds(sb, "《");
        html(sb, pub);
        sb_adds(sb, "》");
    }
    if (year)
        sb_printf(sb, "%d年", year);
    if (no)
        sb_printf(sb, "第%d期", no);
    if (!pub && !year && !no)
        html(sb, e->j->name);
    sb_adds(sb, "</a></h2><p class=\"meta\">");
    if (total)
        sb_printf(sb, "总第%d期 · ", total);
    sb_printf(sb, "%d页", e->j->pages);
    if (e->j->status == BT_SKIPPED)
        sb_adds(sb, " · 未改动");
    sb_adds(sb, "</p>\n");
}

static void articles(sb_buf *sb, const entry *e)
{
    size_t i;
    json_t *a;
    sb_adds(sb, "<ol>\n");
    json_array_foreach(json_object_get(e->rec, "articles"), i, a)
    {
        sb_adds(sb, "<li><a href=\"");
        href(sb, base(e->j->output));
        sb_printf(sb, "#page=%d\">",
                  (int)json_integer_value(json_object_get(a, "page")));
        html(sb, json_string_value(json_object_get(a, "title")));
        sb_adds(sb, "</a> <span>第");
        html(sb, json_string_value(json_object_get(a, "folio")));
        sb_adds(sb, "页</span></li>\n");
    }
    sb_adds(sb, "</ol>\n");
}

static void issue(sb_buf *sb, const entry *e, const char *dir)
{
    const bt_job *j = e->j;
    sb_adds(sb, "<section class=\"issue\" id=\"");
    html(sb, j->name);
    sb_adds(sb, "\">\n");
    if (j->status == BT_FAILED) {
        sb_adds(sb, "<div><h2>");
        html(sb, j->source);
        sb_adds(sb, "</h2><p class=\"failed\">没有生成：");
        html(sb, j->reason);
        sb_adds(sb, "</p></div></section>\n");
        return;
    }
    char *cover = NULL, *contact = NULL;
    struct stat st;
    if (asprintf(&cover, "%s/%s/cover.png", dir, j->name) > 0 && stat(cover, &st) == 0) {
        sb_adds(sb, "<a href=\"");
        href(sb, base(j->output));
        sb_adds(sb, "\"><img src=\"");
        href(sb, j->name);
        sb_adds(sb, "/cover.png\" alt=\"封面\"></a>\n");
    }
    sb_adds(sb, "<div>");
    heading(sb, e);
    if (asprintf(&contact, "%s/%s/contact.png", dir, j->name) > 0 &&
        stat(contact, &st) == 0) {
        sb_adds(sb, "<p class=\"meta\"><a href=\"");
        href(sb, j->name);
        sb_adds(sb, "/contact.png\">全部页面</a></p>\n");
    }
    articles(sb, e);
    if (j->warnings)
        sb_printf(sb, "<p class=\"warn\"><a href=\".bulletin/%s.log\">%d条警告"
                  "</a></p>\n", j->name, j->warnings);
    sb_adds(sb, "</div></section>\n");
    free(cover);
    free(contact);
}

static int put_text(void *ctx, FILE *f)
{
    const sb_buf *sb = ctx;
    return fwrite(sb->s, 1, sb->len, f) == sb->len ? 0 : -1;
}

int bt_index(const bt_job *jobs, size_t n, const char *dir, diag_ctx *d)
{
    entry *e = calloc(n + 1, sizeof *e);
    if (!e)
        return -1;
    for (size_t i = 0; i < n; i++) {
        e[i].j = &jobs[i];
        e[i].rec = jobs[i].record ? json_load_file(jobs[i].record, 0, NULL) : NULL;
        if (!e[i].rec)
            e[i].rec = json_object();
    }
    qsort(e, n, sizeof *e, by_issue);
    sb_buf sb;
    sb_init(&sb);
    sb_printf(&sb, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta "
              "charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width="
              "device-width, initial-scale=1\">\n<title>期刊目录</title>\n"
              "<style>%s</style></head>\n<body>\n<h1>期刊目录</h1>\n<p "
              "class=\"meta\">%zu期</p>\n", css, n);
    for (size_t i = 0; i < n; i++)
        issue(&sb, &e[i], dir);
    sb_adds(&sb, "</body></html>\n");
    for (size_t i = 0; i < n; i++)
        json_decref(e[i].rec);
    free(e);
    char *path = NULL;
    int rc = sb.failed || asprintf(&path, "%s/index.html", dir) < 0
                 ? -1
                 : file_write(path, put_text, &sb, NULL, d);
    free(path);
    sb_free(&sb);
    return rc;
}
