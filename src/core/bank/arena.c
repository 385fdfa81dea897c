/* The bump allocator behind arena.h: 64 KiB chunks, each block aligned for
 * max_align_t; a block too big for a chunk gets a chunk of its own. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK_BYTES (64u * 1024u)

struct ArenaChunk {
    struct ArenaChunk *next;
    size_t size;
    size_t used;
    max_align_t data[];
};

void *arena_alloc(Arena *a, size_t n)
{
    const size_t align = _Alignof(max_align_t);
    if (n > SIZE_MAX / 2)
        return NULL;
    n = n ? (n + align - 1) & ~(align - 1) : align;
    ArenaChunk *c = a->head;
    if (c && c->size - c->used >= n) {
        void *p = (char *)c->data + c->used;
        c->used += n;
        return p;
    }
    size_t size = n > ARENA_CHUNK_BYTES ? n : ARENA_CHUNK_BYTES;
    ArenaChunk *fresh = malloc(sizeof *fresh + size);
    if (!fresh)
        return NULL;
    fresh->size = size;
    fresh->used = n;
    if (c && n >= ARENA_CHUNK_BYTES) {
        /* a big block gets its own chunk behind the current one, which
         * keeps serving small requests */
        fresh->next = c->next;
        c->next = fresh;
    } else {
        fresh->next = c;
        a->head = fresh;
    }
    return fresh->data;
}

void *arena_zalloc(Arena *a, size_t n)
{
    void *p = arena_alloc(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

void arena_release(Arena *a)
{
    ArenaChunk *c = a->head;
    while (c) {
        ArenaChunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}
