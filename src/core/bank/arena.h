/* A bump allocator: many small blocks that all die together. The bank
 * loader keeps a Bank's strings and arrays in one (freed by bank_free) and
 * each file's parse tree in another (freed after the file). Private to the
 * bank room; nothing here knows about banks. */
#ifndef CLOUDPREP_ARENA_H
#define CLOUDPREP_ARENA_H

#include <stddef.h>

typedef struct ArenaChunk ArenaChunk;

/* Zero-initialised means empty and ready. */
typedef struct Arena {
    ArenaChunk *head;
} Arena;

/* Returns n bytes (not zeroed, aligned for any type) that live until
 * arena_release, or NULL when out of memory (the arena is unchanged). */
void *arena_alloc(Arena *a, size_t n);

/* As arena_alloc, with the bytes zeroed. */
void *arena_zalloc(Arena *a, size_t n);

/* Returns a NUL-terminated copy of s[0..n) in the arena, or NULL when out
 * of memory. s need not be NUL-terminated. */
char *arena_strndup(Arena *a, const char *s, size_t n);

/* Returns a copy of the string s in the arena, or NULL when out of memory. */
char *arena_strdup(Arena *a, const char *s);

/* Frees every block of the arena at once; it is empty (and usable) after. */
void arena_release(Arena *a);

#endif
