/* bt.h: private interface of the batch stage */
#ifndef BULLETIN_BATCH_BT_H
#define BULLETIN_BATCH_BT_H

#include "batch.h"

double bt_now(void); /* seconds, monotonic */

/* ---- progress (progress.c) ---- */
typedef struct bt_progress {
    const bt_job *jobs;
    size_t n, total, done;
    const bt_opts *o;
    double start;
    int width;              /* of the status line drawn last */
} bt_progress;

void bt_progress_start(bt_progress *p, const bt_job *jobs, size_t n,
                       const bt_opts *o, size_t total);
/* A job ended: a line of its own, or the status line redrawn. */
void bt_progress_done(bt_progress *p, const bt_job *j);
/* The status line (a terminal only), with the jobs running now. */
void bt_progress_draw(bt_progress *p, const size_t *running, int nrunning);
void bt_progress_end(bt_progress *p);

#endif
