/* fonts.h: font roles (宋 黑 楷 仿宋 标题) resolved through fontconfig to
 * explicit font files.
 *
 * Prefix fnt_. A role names a list of candidate faces ("Family:Style");
 * the first one installed is used. Nothing falls back silently: a role
 * that resolves to no candidate is an error naming the Debian package to
 * install, unless the style declares a substitute role, which is then
 * used with a warning. Return convention: int functions give 0 on success
 * and -1 on failure (reported through the diag_ctx). */
#ifndef BULLETIN_FONTS_H
#define BULLETIN_FONTS_H

#include <stdio.h>

#include "../util/util.h"

typedef enum fnt_role {
    FNT_SONG,     /* 宋体: body text */
    FNT_HEI,      /* 黑体: heads, bold */
    FNT_KAI,      /* 楷体: bylines, editor's notes, emphasis */
    FNT_FANGSONG, /* 仿宋 */
    FNT_TITLE,    /* 标题: heavy serif for article titles */
    FNT_NROLES
} fnt_role;

typedef struct fnt_face {
    fnt_role role;        /* the role it serves */
    fnt_role resolved_as; /* differs from role when substituted */
    const char *family;   /* family name as fontconfig reports it */
    const char *style;    /* face name, e.g. "Black" */
    int weight;           /* CSS/OpenType weight, 100–900 */
    const char *file;
    int index;            /* face index inside a collection file */
} fnt_face;

typedef struct fnt_set fnt_set;

const char *fnt_role_name(fnt_role r);   /* "song", "hei", … */
const char *fnt_role_label(fnt_role r);  /* "宋", "黑", … */
int fnt_role_from_name(const char *name, fnt_role *out);

/* A font set with the built-in candidates of every role. */
fnt_set *fnt_open(void);
void fnt_close(fnt_set *fs);
/* Replace a role's candidates ("Noto Serif CJK SC:Regular, AR PL UMing
 * CN"); pos is where the style file says so, for messages. */
int fnt_set_candidates(fnt_set *fs, fnt_role r, const char *list,
                       diag_pos pos, diag_ctx *d);
/* Declare that role r may be set in role sub when r cannot be resolved. */
void fnt_set_substitute(fnt_set *fs, fnt_role r, fnt_role sub);

/* Resolve a role (cached). NULL after an error naming the package. */
const fnt_face *fnt_resolve(fnt_set *fs, fnt_role r, diag_ctx *d);
/* The face of a role if it has been resolved (used), else NULL. */
const fnt_face *fnt_resolved(const fnt_set *fs, fnt_role r);
/* The fontconfig configuration holding the faces (FcConfig *), for the
 * layout's font map. */
void *fnt_fcconfig(fnt_set *fs);
/* Print every role's resolution (the `bulletin fonts` command); returns
 * -1 when a role cannot be resolved. */
int fnt_print(fnt_set *fs, FILE *out, diag_ctx *d);

#endif
