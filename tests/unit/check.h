/* check.h: the unit-test harness: each test file lists its cases in a
 * table; every case prints "ok - NAME" or "not ok - NAME: why", and
 * tests/run.sh counts them. */
#ifndef BULLETIN_CHECK_H
#define BULLETIN_CHECK_H

#include <stdio.h>
#include <string.h>

typedef struct check_state {
    int failed;      /* failures in the current case */
    const char *name;
} check_state;

typedef void (*check_fn)(check_state *cs);

typedef struct check_case {
    const char *name;
    check_fn fn;
} check_case;

#define CHECK(cs, cond)                                                     \
    do {                                                                    \
        if (!(cond)) {                                                      \
            printf("#   %s:%d: %s\n", __FILE__, __LINE__, #cond);            \
            (cs)->failed++;                                                 \
        }                                                                   \
    } while (0)

#define CHECK_STR(cs, got, want)                                            \
    do {                                                                    \
        const char *g_ = (got), *w_ = (want);                               \
        if (!g_ || strcmp(g_, w_) != 0) {                                   \
            printf("#   %s:%d: got «%s», want «%s»\n", __FILE__, __LINE__,  \
                   g_ ? g_ : "(null)", w_);                                 \
            (cs)->failed++;                                                 \
        }                                                                   \
    } while (0)

#define CHECK_INT(cs, got, want)                                            \
    do {                                                                    \
        long g_ = (long)(got), w_ = (long)(want);                           \
        if (g_ != w_) {                                                     \
            printf("#   %s:%d: %s is %ld, want %ld\n", __FILE__, __LINE__,  \
                   #got, g_, w_);                                           \
            (cs)->failed++;                                                 \
        }                                                                   \
    } while (0)

static inline int check_run(const check_case *cases, size_t n)
{
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        check_state cs = {0, cases[i].name};
        cases[i].fn(&cs);
        if (cs.failed)
            printf("not ok - %s\n", cases[i].name);
        else
            printf("ok - %s\n", cases[i].name);
        bad += cs.failed != 0;
    }
    return bad ? 1 : 0;
}

#define CHECK_MAIN(cases)                                                   \
    int main(void)                                                          \
    {                                                                       \
        return check_run(cases, sizeof cases / sizeof *cases);              \
    }

#endif
