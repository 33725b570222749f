/* fonts.c: resolving font roles to installed faces through fontconfig */
#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "fonts.h"

/* Most candidates a role may list. */
#define FNT_MAX_CAND 8

/* Built-in candidates per role, best first (platform-notes.md). */
static const struct {
    const char *name, *label, *candidates;
} role_table[FNT_NROLES] = {
    [FNT_SONG] = {"song", "宋", "Noto Serif CJK SC:Regular, AR PL UMing CN:Light"},
    [FNT_HEI] = {"hei", "黑", "Noto Sans CJK SC:Medium, Noto Sans CJK SC:Regular"},
    [FNT_KAI] = {"kai", "楷", "AR PL UKai CN:Book, LXGW WenKai:Regular"},
    [FNT_FANGSONG] = {"fangsong", "仿宋", "FandolFang:Regular"},
    [FNT_TITLE] = {"title", "标题", "Noto Serif CJK SC:Black, Noto Serif CJK SC:Bold"},
};

/* Which Debian package provides a family (and, for Noto, which weights
 * are in the base package rather than -extra). */
static const struct {
    const char *family, *styles, *package;
} package_table[] = {
    {"Noto Serif CJK", "Regular Bold", "fonts-noto-cjk"},
    {"Noto Serif CJK", NULL, "fonts-noto-cjk-extra"},
    {"Noto Sans CJK", "Regular Bold", "fonts-noto-cjk"},
    {"Noto Sans CJK", NULL, "fonts-noto-cjk-extra"},
    {"AR PL UKai", NULL, "fonts-arphic-ukai"},
    {"AR PL UMing", NULL, "fonts-arphic-uming"},
    {"LXGW WenKai", NULL, "fonts-lxgw-wenkai"},
    {"FandolFang", NULL, "texlive-lang-chinese"},
    {"cwTeX Q Fangsong", NULL, "fonts-cwtex-fs"},
};

/* Font files that fontconfig does not register by itself, ':' between
 * them; $BULLETIN_FONT_FILES, when set (also empty), replaces the list:
 * the tests set it empty, so that TeX Live on the machine changes
 * nothing. */
static const char app_fonts[] =
    "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/"
    "FandolFang-Regular.otf";

static void add_app_fonts(FcConfig *config)
{
    const char *env = getenv("BULLETIN_FONT_FILES");
    char *list = strdup(env ? env : app_fonts), *save = NULL;
    for (char *f = list ? strtok_r(list, ":", &save) : NULL; f;
         f = strtok_r(NULL, ":", &save)) {
        struct stat st;
        if (stat(f, &st) == 0 && S_ISREG(st.st_mode))
            FcConfigAppFontAddFile(config, (const FcChar8 *)f);
    }
    free(list);
}

typedef struct fnt_cand {
    char *family, *style;
} fnt_cand;

typedef struct fnt_slot {
    fnt_cand cand[FNT_MAX_CAND];
    int ncand;
    int substitute; /* role, or -1 */
    diag_pos pos;
    int state;      /* 0 unresolved, 1 resolved, -1 failed */
    fnt_face face;
} fnt_slot;

struct fnt_set {
    FcConfig *config;
    fnt_slot slots[FNT_NROLES];
};

const char *fnt_role_name(fnt_role r)
{
    return r < FNT_NROLES ? role_table[r].name : "?";
}

const char *fnt_role_label(fnt_role r)
{
    return r < FNT_NROLES ? role_table[r].label : "?";
}

int fnt_role_from_name(const char *name, fnt_role *out)
{
    for (int r = 0; r < FNT_NROLES; r++)
        if (strcmp(name, role_table[r].name) == 0) {
            *out = (fnt_role)r;
            return 0;
        }
    return -1;
}

static char *strip_dup(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return strndup(s, n);
}

static void slot_clear(fnt_slot *sl)
{
    for (int i = 0; i < sl->ncand; i++) {
        free(sl->cand[i].family);
        free(sl->cand[i].style);
    }
    sl->ncand = 0;
    free((char *)sl->face.family);
    free((char *)sl->face.style);
    free((char *)sl->face.file);
    memset(&sl->face, 0, sizeof sl->face);
    sl->state = 0;
}

static int parse_candidates(fnt_slot *sl, const char *list)
{
    slot_clear(sl);
    const char *s = list;
    while (*s) {
        size_t n = strcspn(s, ",");
        if (sl->ncand == FNT_MAX_CAND)
            return -1;
        const char *colon = memchr(s, ':', n);
        fnt_cand *c = &sl->cand[sl->ncand];
        c->family = strip_dup(s, colon ? (size_t)(colon - s) : n);
        c->style = colon ? strip_dup(colon + 1, n - (size_t)(colon - s) - 1)
                         : NULL;
        if (c->family && *c->family)
            sl->ncand++;
        else
            free(c->family), free(c->style);
        s += n;
        if (*s == ',')
            s++;
    }
    return sl->ncand ? 0 : -1;
}

fnt_set *fnt_open(void)
{
    fnt_set *fs = calloc(1, sizeof *fs);
    if (!fs)
        return NULL;
    fs->config = FcInitLoadConfigAndFonts();
    if (!fs->config) {
        free(fs);
        return NULL;
    }
    add_app_fonts(fs->config);
    /* ours the current one too: Pango's font map would otherwise load the
     * default configuration a second time, in a thread of its own */
    FcConfigSetCurrent(fs->config);
    for (int r = 0; r < FNT_NROLES; r++) {
        fs->slots[r].substitute = -1;
        parse_candidates(&fs->slots[r], role_table[r].candidates);
    }
    return fs;
}

void fnt_close(fnt_set *fs)
{
    if (!fs)
        return;
    for (int r = 0; r < FNT_NROLES; r++)
        slot_clear(&fs->slots[r]);
    FcConfigDestroy(fs->config);
    free(fs);
}

int fnt_set_candidates(fnt_set *fs, fnt_role r, const char *list,
                       diag_pos pos, diag_ctx *d)
{
    fnt_slot *sl = &fs->slots[r];
    sl->pos = pos;
    if (parse_candidates(sl, list) == 0)
        return 0;
    diag_error(d, pos, "font list for role '%s' must name 1 to %d faces as "
               "'Family:Style, Family:Style'", fnt_role_name(r), FNT_MAX_CAND);
    return -1;
}

void fnt_set_substitute(fnt_set *fs, fnt_role r, fnt_role sub)
{
    fs->slots[r].substitute = (int)sub;
}

void *fnt_fcconfig(fnt_set *fs)
{
    return fs->config;
}

static int value_matches(FcPattern *p, const char *object, const char *want)
{
    FcChar8 *v;
    for (int i = 0; FcPatternGetString(p, object, i, &v) == FcResultMatch; i++)
        if (strcasecmp((const char *)v, want) == 0)
            return 1;
    return 0;
}

/* Match one candidate exactly: the family and style must be the ones
 * asked for, not whatever fontconfig offers instead. */
static int match_candidate(fnt_set *fs, const fnt_cand *c, fnt_face *out)
{
    FcPattern *pat = FcPatternCreate();
    FcResult res;
    int ok = 0;
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)c->family);
    if (c->style)
        FcPatternAddString(pat, FC_STYLE, (const FcChar8 *)c->style);
    FcConfigSubstitute(fs->config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcPattern *m = FcFontMatch(fs->config, pat, &res);
    FcChar8 *file, *style;
    int index = 0, weight = FC_WEIGHT_REGULAR;
    if (m && value_matches(m, FC_FAMILY, c->family) &&
        (!c->style || value_matches(m, FC_STYLE, c->style)) &&
        FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) {
        FcPatternGetInteger(m, FC_INDEX, 0, &index);
        FcPatternGetInteger(m, FC_WEIGHT, 0, &weight);
        if (FcPatternGetString(m, FC_STYLE, 0, &style) != FcResultMatch)
            style = (FcChar8 *)"";
        out->family = strdup(c->family);
        out->style = strdup(c->style ? c->style : (const char *)style);
        out->file = strdup((const char *)file);
        out->index = index;
        out->weight = FcWeightToOpenType(weight);
        ok = out->family && out->style && out->file;
    }
    if (m)
        FcPatternDestroy(m);
    FcPatternDestroy(pat);
    return ok;
}

static const char *package_of(const fnt_cand *c)
{
    for (size_t i = 0; i < sizeof package_table / sizeof *package_table; i++) {
        const char *f = package_table[i].family, *st = package_table[i].styles;
        if (strncasecmp(c->family, f, strlen(f)) != 0)
            continue;
        if (!st || (c->style && strstr(st, c->style)))
            return package_table[i].package;
    }
    return NULL;
}

static void report_missing(fnt_set *fs, fnt_role r, diag_ctx *d)
{
    fnt_slot *sl = &fs->slots[r];
    sb_buf sb;
    sb_init(&sb);
    for (int i = 0; i < sl->ncand; i++) {
        const char *pkg = package_of(&sl->cand[i]);
        sb_printf(&sb, "%s%s%s%s", i ? ", " : "", sl->cand[i].family,
                  sl->cand[i].style ? ":" : "",
                  sl->cand[i].style ? sl->cand[i].style : "");
        if (pkg)
            sb_printf(&sb, " (Debian package %s)", pkg);
    }
    const char *pkg = sl->ncand ? package_of(&sl->cand[0]) : NULL;
    if (pkg)
        diag_error(d, sl->pos, "no font for role %s (%s): none of %s is "
                   "installed; install it: apt-get install %s",
                   fnt_role_name(r), fnt_role_label(r), sb.s ? sb.s : "-", pkg);
    else
        diag_error(d, sl->pos, "no font for role %s (%s): none of %s is "
                   "installed, and no Debian package is known for it; "
                   "install a font of that family or name another in the "
                   "style", fnt_role_name(r), fnt_role_label(r),
                   sb.s ? sb.s : "-");
    sb_free(&sb);
}

const fnt_face *fnt_resolved(const fnt_set *fs, fnt_role r)
{
    return fs->slots[r].state == 1 ? &fs->slots[r].face : NULL;
}

const fnt_face *fnt_resolve(fnt_set *fs, fnt_role r, diag_ctx *d)
{
    fnt_slot *sl = &fs->slots[r];
    if (sl->state == 1)
        return &sl->face;
    if (sl->state == -1)
        return NULL;
    for (int i = 0; i < sl->ncand; i++)
        if (match_candidate(fs, &sl->cand[i], &sl->face)) {
            sl->face.role = sl->face.resolved_as = r;
            sl->state = 1;
            return &sl->face;
        }
    int sub = sl->substitute;
    if (sub >= 0 && sub != (int)r && fs->slots[sub].substitute != (int)r) {
        const fnt_face *f = fnt_resolve(fs, (fnt_role)sub, d);
        if (f) {
            diag_warn(d, sl->pos, "no %s (%s) font installed; role %s is set "
                      "in %s (%s %s) as the style allows", fnt_role_label(r),
                      fnt_role_name(r), fnt_role_name(r),
                      fnt_role_label((fnt_role)sub), f->family, f->style);
            sl->face = *f;
            sl->face.family = strdup(f->family);
            sl->face.style = strdup(f->style);
            sl->face.file = strdup(f->file);
            sl->face.role = r;
            sl->face.resolved_as = (fnt_role)sub;
            sl->state = 1;
            return &sl->face;
        }
    }
    sl->state = -1;
    report_missing(fs, r, d);
    return NULL;
}

int fnt_print(fnt_set *fs, FILE *out, diag_ctx *d)
{
    int rc = 0;
    for (int r = 0; r < FNT_NROLES; r++) {
        const fnt_face *f = fnt_resolve(fs, (fnt_role)r, d);
        if (!f) {
            fprintf(out, "%-9s %-4s (unresolved)\n", fnt_role_name((fnt_role)r),
                    fnt_role_label((fnt_role)r));
            rc = -1;
            continue;
        }
        fprintf(out, "%-9s %-4s %s:%s weight %d  %s#%d%s%s\n",
                fnt_role_name((fnt_role)r), fnt_role_label((fnt_role)r),
                f->family, f->style, f->weight, f->file, f->index,
                f->resolved_as != f->role ? "  substituted from " : "",
                f->resolved_as != f->role ? fnt_role_name(f->resolved_as)
                                          : "");
    }
    return rc;
}
