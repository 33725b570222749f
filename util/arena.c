/* arena.c: the issue arena and growable arrays */
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Blocks are at least this large; big requests get a block of their own. */
#define AR_BLOCK_SIZE (64 * 1024)
#define AR_ALIGN 16

typedef struct ar_block {
    struct ar_block *next;
    size_t used, size;
    _Alignas(AR_ALIGN) unsigned char data[];
} ar_block;

struct ar_arena {
    ar_block *head;
};

ar_arena *ar_new(void)
{
    return calloc(1, sizeof(ar_arena));
}

void ar_free(ar_arena *ar)
{
    if (!ar)
        return;
    for (ar_block *b = ar->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(ar);
}

static ar_block *ar_new_block(ar_arena *ar, size_t need)
{
    size_t size = need > AR_BLOCK_SIZE ? need : AR_BLOCK_SIZE;
    ar_block *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->used = 0;
    b->size = size;
    b->next = ar->head;
    ar->head = b;
    return b;
}

void *ar_alloc(ar_arena *ar, size_t size)
{
    size = (size + AR_ALIGN - 1) & ~(size_t)(AR_ALIGN - 1);
    if (size == 0)
        size = AR_ALIGN;
    ar_block *b = ar->head;
    if (!b || b->size - b->used < size) {
        b = ar_new_block(ar, size);
        if (!b) {
            fprintf(stderr, "bulletin: out of memory\n");
            return NULL;
        }
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *ar_strndup(ar_arena *ar, const char *s, size_t len)
{
    char *p = ar_alloc(ar, len + 1);
    if (p && len)
        memcpy(p, s, len);
    return p;
}

char *ar_strdup(ar_arena *ar, const char *s)
{
    return ar_strndup(ar, s, strlen(s));
}

char *ar_printf(ar_arena *ar, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = ar_alloc(ar, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void *ar_grow(ar_arena *ar, void *items, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return items;
    size_t ncap = *cap ? *cap * 2 : 8;
    void *p = ar_alloc(ar, ncap * size);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, items, n * size);
    *cap = ncap;
    return p;
}

void *vec_grow(void *items, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return items;
    size_t ncap = *cap ? *cap * 2 : 16;
    void *p = realloc(items, ncap * size);
    if (!p) {
        fprintf(stderr, "bulletin: out of memory\n");
        free(items);
        return NULL;
    }
    *cap = ncap;
    return p;
}
