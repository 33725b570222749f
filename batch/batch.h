/* batch.h: many issues in one run (a back-catalogue): each in a worker
 * process of its own, N at a time, with a time limit; skipped when
 * nothing it depends on changed (a manifest in the output folder); with
 * progress, a summary, and an archive index of what was built.
 *
 * Prefix bt_. Return convention: int functions give 0 on success and -1
 * on failure (said on stderr or through the diag_ctx). */
#ifndef BULLETIN_BATCH_H
#define BULLETIN_BATCH_H

#include <stdio.h>

#include "../util/util.h"

typedef enum bt_status {
    BT_WAITING,
    BT_BUILT,    /* done, exit status 0 */
    BT_SKIPPED,  /* up to date: nothing it depends on changed */
    BT_FAILED,   /* bad input, a crash, a time limit: reason says */
} bt_status;

/* One issue of the run. */
typedef struct bt_job {
    const char *source;       /* as given */
    const char *name;         /* its file name without .md: the key in the
                                 manifest, the name of its outputs */
    const char *output;       /* its main output (PDF or imported source) */
    const char *record;       /* what the worker says of it (JSON) */
    const char *log;          /* its messages */
    bt_status status;
    char reason[300];         /* BT_FAILED: the first error, the signal … */
    double seconds;
    int warnings, pages;
} bt_job;

/* Runs job i in the worker (a child process: it may crash or hang, and
 * its stderr goes to the job's log); returns the exit status. */
typedef int (*bt_work_fn)(void *ctx, size_t i);

typedef struct bt_opts {
    int jobs;                 /* workers at a time */
    double timeout;           /* seconds an issue may take */
    long memory_mb;           /* address space of a worker; 0: no limit */
    int tty;                  /* progress as one updating line */
    const char *verb;         /* "built", "imported" */
} bt_opts;

/* Run the jobs that are BT_WAITING; the others are left as they are. */
int bt_run(bt_job *jobs, size_t n, const bt_opts *o, bt_work_fn work,
           void *ctx);
/* The pages of a job from its record, its warnings from its log (a job
 * skipped as up to date keeps those of the run that built it). */
void bt_read_record(bt_job *j);
void bt_read_log(bt_job *j);
/* The summary table on out; returns how many failed. */
int bt_summary(const bt_job *jobs, size_t n, const bt_opts *o, FILE *out);

/* ---- what an output depends on (manifest.c) ---- */

/* The manifest of an output folder: per issue, the files its outputs were
 * made from (with their sizes, times and content hashes) and a key that
 * also holds the tool's version and the options. */
typedef struct bt_manifest bt_manifest;

bt_manifest *bt_manifest_load(const char *path);
void bt_manifest_free(bt_manifest *m);
/* Is the issue up to date: recorded with this key, each file it depends
 * on unchanged? */
int bt_up_to_date(bt_manifest *m, const char *name, const char *key);
/* Record what a built issue depends on (the files listed in its record). */
int bt_manifest_set(bt_manifest *m, const char *name, const char *key,
                    const char *record);
void bt_manifest_drop(bt_manifest *m, const char *name);
int bt_manifest_save(const bt_manifest *m, const char *path, diag_ctx *d);

/* ---- the archive index (index.c) ---- */
int bt_index(const bt_job *jobs, size_t n, const char *dir, diag_ctx *d);

#endif
