/* manifest.c: what each output of a catalogue was made from, so that a
 * second run rebuilds only what changed. Per issue: a key (the tool's
 * version, the options, the source) and every file the build read, with
 * size, modification time and a content hash; a file whose size or time
 * moved is hashed again, and only a different hash counts as a change. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bt.h"

struct bt_manifest {
    json_t *issues; /* name → {key, files: [{path, size, mtime, hash}], outputs} */
    json_t *known;  /* path → {path, size, mtime, hash} hashed in this run:
                       the fonts every issue shares are read once */
};

bt_manifest *bt_manifest_load(const char *path)
{
    bt_manifest *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    size_t len;
    char *text = file_read(path, &len);
    json_t *root = text ? json_loadb(text, len, 0, NULL) : NULL;
    free(text);
    m->issues = json_incref(json_object_get(root, "issues"));
    m->known = json_object();
    json_decref(root);
    if (!json_is_object(m->issues)) { /* none yet, or unreadable: all anew */
        json_decref(m->issues);
        m->issues = json_object();
    }
    /* what earlier runs hashed, by path: unchanged files are not read */
    const char *name;
    json_t *e, *f;
    size_t i;
    json_object_foreach(m->issues, name, e)
        json_array_foreach(json_object_get(e, "files"), i, f)
            if (json_is_string(json_object_get(f, "path")))
                json_object_set(m->known,
                                json_string_value(json_object_get(f, "path")), f);
    return m;
}

void bt_manifest_free(bt_manifest *m)
{
    if (!m)
        return;
    json_decref(m->issues);
    json_decref(m->known);
    free(m);
}

/* FNV-1a over the file's bytes, as 16 hex digits; "" when unreadable. */
static void hash_file(const char *path, char out[17])
{
    size_t len;
    unsigned char *d = (unsigned char *)file_read(path, &len);
    out[0] = '\0';
    if (!d)
        return;
    unsigned long long h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++)
        h = (h ^ d[i]) * 0x100000001b3ULL;
    free(d);
    snprintf(out, 17, "%016llx", h);
}

static long long mtime_ns(const struct stat *st)
{
    return (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
}

/* Is the file as recorded? Its time and size, or else its content. */
static int unchanged(json_t *f)
{
    const char *path = json_string_value(json_object_get(f, "path"));
    struct stat st;
    if (!path || stat(path, &st) != 0)
        return 0;
    if (st.st_size == json_integer_value(json_object_get(f, "size")) &&
        mtime_ns(&st) == json_integer_value(json_object_get(f, "mtime")))
        return 1;
    char h[17];
    hash_file(path, h);
    const char *was = json_string_value(json_object_get(f, "hash"));
    return h[0] && was && strcmp(h, was) == 0;
}

int bt_up_to_date(bt_manifest *m, const char *name, const char *key)
{
    json_t *e = json_object_get(m->issues, name);
    const char *k = json_string_value(json_object_get(e, "key"));
    if (!k || strcmp(k, key) != 0)
        return 0;
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(e, "outputs"), i, v)
    {
        struct stat st;
        if (!json_is_string(v) || stat(json_string_value(v), &st) != 0)
            return 0; /* an output is gone */
    }
    json_t *files = json_object_get(e, "files");
    if (!json_is_array(files) || json_array_size(files) == 0)
        return 0;
    json_array_foreach(files, i, v) if (!unchanged(v)) return 0;
    return 1;
}

static json_t *file_entry(bt_manifest *m, const char *path)
{
    struct stat st;
    char h[17];
    if (stat(path, &st) != 0)
        return NULL;
    json_t *k = json_object_get(m->known, path);
    if (k && json_integer_value(json_object_get(k, "size")) == st.st_size &&
        json_integer_value(json_object_get(k, "mtime")) == mtime_ns(&st))
        return json_incref(k);
    hash_file(path, h);
    json_t *e = json_pack("{s:s, s:I, s:I, s:s}", "path", path, "size",
                          (json_int_t)st.st_size, "mtime",
                          (json_int_t)mtime_ns(&st), "hash", h);
    if (e)
        json_object_set(m->known, path, e);
    return e;
}

int bt_manifest_set(bt_manifest *m, const char *name, const char *key,
                    const char *record)
{
    json_t *r = json_load_file(record, 0, NULL);
    json_t *files = json_array(), *outputs = json_array();
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(r, "depends"), i, v)
    {
        json_t *f = json_is_string(v) ? file_entry(m, json_string_value(v))
                                      : NULL;
        if (f)
            json_array_append_new(files, f);
    }
    json_array_foreach(json_object_get(r, "outputs"), i, v)
        json_array_append(outputs, v);
    json_decref(r);
    json_t *e = json_pack("{s:s, s:o, s:o}", "key", key, "files", files,
                          "outputs", outputs);
    return e ? json_object_set_new(m->issues, name, e) : -1;
}

void bt_manifest_drop(bt_manifest *m, const char *name)
{
    json_object_del(m->issues, name);
}

static int put_json(void *ctx, FILE *f)
{
    return json_dumpf(ctx, f, JSON_INDENT(1) | JSON_SORT_KEYS) ? -1 : 0;
}

int bt_manifest_save(const bt_manifest *m, const char *path, diag_ctx *d)
{
    json_t *root = json_pack("{s:i, s:O}", "manifest", 1, "issues", m->issues);
    int rc = root ? file_write(path, put_json, root, NULL, d) : -1;
    json_decref(root);
    return rc;
}
