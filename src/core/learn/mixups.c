/* Mix-up counting (see mixups.h). */
#include "mixups.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The name without a leading "the " and without surrounding spaces. */
static const char *core_name(const char *s, size_t *len)
{
    while (*s == ' ')
        s++;
    if (strncasecmp(s, "the ", 4) == 0)
        s += 4;
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    *len = n;
    return s;
}

bool mixup_same(const char *x, const char *y)
{
    size_t nx, ny;
    const char *cx = core_name(x, &nx), *cy = core_name(y, &ny);
    return nx == ny && strncasecmp(cx, cy, nx) == 0;
}

static int name_cmp(const char *x, const char *y)
{
    size_t nx, ny;
    const char *cx = core_name(x, &nx), *cy = core_name(y, &ny);
    size_t n = nx < ny ? nx : ny;
    int c = strncasecmp(cx, cy, n);
    return c != 0 ? c : (nx > ny) - (nx < ny);
}

const char *mixup_concept(const BankItem *item, int option)
{
    if (item->kind != ITEM_QUESTION || option < 0 || option >= item->option_count)
        return NULL;
    const char *t = item->options[option].text;
    size_t len = t ? strlen(t) : 0;
    if (len == 0 || len > MIXUP_CONCEPT_MAX_CHARS)
        return NULL;
    int words = 1;
    for (const char *p = t; *p; p++) {
        if (*p == ' ')
            words++;
        if (*p == ',' || *p == ';' || *p == ':' || *p == '?' || *p == '\n')
            return NULL;
    }
    if (words > MIXUP_CONCEPT_MAX_WORDS || t[len - 1] == '.')
        return NULL;
    return t;
}

static void note_item(Mixup *m, int item)
{
    for (int i = 0; i < m->item_count; i++)
        if (m->items[i] == item) {
            /* seen again: move it to the front (most recent) */
            memmove(m->items + 1, m->items, sizeof *m->items * (size_t)i);
            m->items[0] = item;
            return;
        }
    int keep = m->item_count < MIXUP_MAX_ITEMS ? m->item_count : MIXUP_MAX_ITEMS - 1;
    memmove(m->items + 1, m->items, sizeof *m->items * (size_t)keep);
    m->items[0] = item;
    m->item_count = keep + 1;
}

typedef struct Ranked {
    Mixup m;
    int last;          /* position in time order of the latest confusion */
} Ranked;

/* Finds the pair (x, y) in pairs[0..*count), adding it when missing.
 * Returns its index, or -1 when the array is full. */
static int pair_index(Ranked *pairs, int *count, int cap, const char *x, const char *y)
{
    const char *a = name_cmp(x, y) <= 0 ? x : y, *b = a == x ? y : x;
    for (int i = 0; i < *count; i++)
        if (mixup_same(pairs[i].m.a, a) && mixup_same(pairs[i].m.b, b))
            return i;
    if (*count >= cap)
        return -1;
    Ranked *r = &pairs[(*count)++];
    memset(r, 0, sizeof *r);
    r->m.a = a;
    r->m.b = b;
    return *count - 1;
}

static int by_count(const void *x, const void *y)
{
    const Ranked *a = x, *b = y;
    if (a->m.count != b->m.count)
        return b->m.count - a->m.count;
    return b->last - a->last;
}

int mixups_count(const Bank *bank, const Answer *answers, int n, Mixup *out, int max)
{
    if (max <= 0 || n <= 0)
        return 0;
    int *order = answers_by_time(answers, n);
    int cap = 4096;
    Ranked *pairs = calloc((size_t)cap, sizeof *pairs);
    if (!order || !pairs) {
        free(order);
        free(pairs);
        return -1;
    }
    int count = 0;
    for (int k = 0; k < n; k++) {
        const Answer *a = &answers[order[k]];
        if (a->correct || a->item < 0 || a->item >= bank->item_count)
            continue;
        const BankItem *it = &bank->items[a->item];
        if (it->kind != ITEM_QUESTION)
            continue;
        for (int w = 0; w < it->option_count; w++) {
            const char *picked = (a->answer >> w) & 1u && !it->options[w].correct ? mixup_concept(it, w) : NULL;
            for (int r = 0; picked && r < it->option_count; r++) {
                const char *missed = it->options[r].correct && !((a->answer >> r) & 1u) ? mixup_concept(it, r) : NULL;
                if (!missed || mixup_same(picked, missed))
                    continue;
                int p = pair_index(pairs, &count, cap, picked, missed);
                if (p < 0)
                    continue;
                Mixup *m = &pairs[p].m;
                m->count++;
                if (mixup_same(m->a, picked))
                    m->a_for_b++;
                note_item(m, a->item);
                pairs[p].last = k;
            }
        }
    }
    qsort(pairs, (size_t)count, sizeof *pairs, by_count);
    int written = count < max ? count : max;
    for (int i = 0; i < written; i++)
        out[i] = pairs[i].m;
    free(order);
    free(pairs);
    return written;
}

/* True when some option of question `it` names `concept`. */
static bool names(const BankItem *it, const char *concept)
{
    for (int o = 0; o < it->option_count; o++) {
        const char *c = mixup_concept(it, o);
        if (c && mixup_same(c, concept))
            return true;
    }
    return false;
}

/* True when `text` mentions `concept` (case-insensitive). */
static bool mentions(const char *text, const char *concept)
{
    size_t n;
    const char *c = core_name(concept, &n);
    if (!text || n == 0)
        return false;
    for (const char *p = text; *p; p++)
        if (strncasecmp(p, c, n) == 0)
            return true;
    return false;
}

static bool listed(const int *out, int count, int item)
{
    for (int i = 0; i < count; i++)
        if (out[i] == item)
            return true;
    return false;
}

int mixups_contrast_items(const Bank *bank, const Mixup *m, int *out, int max)
{
    int count = 0;
    for (int i = 0; i < m->item_count && count < max; i++)
        out[count++] = m->items[i];
    for (int i = 0; i < bank->item_count && count < max; i++) {
        const BankItem *it = &bank->items[i];
        if (it->kind == ITEM_QUESTION && !listed(out, count, i) && (names(it, m->a) || names(it, m->b)))
            out[count++] = i;
    }
    for (int i = 0; i < bank->item_count && count < max; i++) {
        const BankItem *it = &bank->items[i];
        if (it->kind == ITEM_FLASHCARD &&
            (mentions(it->front, m->a) || mentions(it->front, m->b) || mentions(it->back, m->a) ||
             mentions(it->back, m->b)))
            out[count++] = i;
    }
    return count;
}
