/* The Bank's lifetime and its indexes: a Bank lives in one arena with a hash
 * table of item ids, filled as files load (and used to find duplicate ids
 * across files); these are the lookups the rest of the program calls at run
 * time. Reading files is bankfile.c's job. */
#include "bankload_internal.h"

#include <stdlib.h>
#include <string.h>

static uint64_t hash_string(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

IdSlot *bankindex_find(const BankArena *ba, const char *id)
{
    if (!ba->id_cap)
        return NULL;
    uint64_t h = hash_string(id);
    size_t mask = ba->id_cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        IdSlot *s = &ba->ids[i];
        if (!s->id)
            return NULL;
        if (s->hash == h && strcmp(s->id, id) == 0)
            return s;
    }
}

static bool id_grow(BankArena *ba)
{
    size_t cap = ba->id_cap ? ba->id_cap * 2 : 256;
    IdSlot *fresh = calloc(cap, sizeof *fresh);
    if (!fresh)
        return false;
    for (size_t i = 0; i < ba->id_cap; i++) {
        IdSlot *s = &ba->ids[i];
        if (!s->id)
            continue;
        size_t j = s->hash & (cap - 1);
        while (fresh[j].id)
            j = (j + 1) & (cap - 1);
        fresh[j] = *s;
    }
    free(ba->ids);
    ba->ids = fresh;
    ba->id_cap = cap;
    return true;
}

IdSlot *bankindex_insert(BankArena *ba, const char *id, const char *file, int line)
{
    if ((ba->id_count + 1) * 2 > ba->id_cap && !id_grow(ba))
        return NULL;
    uint64_t h = hash_string(id);
    char *copy = arena_strdup(&ba->mem, id);
    if (!copy)
        return NULL;
    size_t j = h & (ba->id_cap - 1);
    while (ba->ids[j].id)
        j = (j + 1) & (ba->id_cap - 1);
    ba->ids[j] = (IdSlot){copy, file, line, -1, h};
    ba->id_count++;
    return &ba->ids[j];
}

Bank *bank_new(const char *dir)
{
    BankArena *ba = calloc(1, sizeof *ba);
    if (!ba)
        return NULL;
    Bank *b = arena_zalloc(&ba->mem, sizeof *b);
    if (!b) {
        free(ba);
        return NULL;
    }
    b->arena = ba;
    b->dir = dir ? arena_strdup(&ba->mem, dir) : NULL;
    if (dir && !b->dir) {
        arena_release(&ba->mem);
        free(ba);
        return NULL;
    }
    return b;
}

void bank_free(Bank *b)
{
    if (!b)
        return;
    BankArena *ba = b->arena;
    free(b->items);
    free(ba->ids);
    arena_release(&ba->mem); /* b itself lives here */
    free(ba);
}

int bank_item_index(const Bank *b, const char *id)
{
    if (!b || !id)
        return -1;
    const IdSlot *s = bankindex_find(b->arena, id);
    return s ? s->item : -1;
}

int bank_domain_index(const Bank *b, const char *id)
{
    for (int i = 0; b && id && i < b->domain_count; i++)
        if (strcmp(b->domains[i].id, id) == 0)
            return i;
    return -1;
}

int bank_task_index(const Bank *b, const char *id)
{
    for (int i = 0; b && id && i < b->task_count; i++)
        if (strcmp(b->tasks[i].id, id) == 0)
            return i;
    return -1;
}
