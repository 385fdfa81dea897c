/* The bank linter's look for repeats: questions asked twice (the same key
 * and nearly the same prompt words, found through an inverted index rather
 * than by comparing every pair) and questions that reuse another's whole
 * set of options. The other checks are bankcheck.c's; findings go out
 * through bankcheck_warn. */
#include "bankcheck_internal.h"
#include "banktext.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------ near-duplicate prompts */

static uint64_t fnv_step(uint64_t h, unsigned char ch)
{
    return (h ^ ch) * 1099511628211ull;
}

static uint64_t option_hash(const char *text);

/* An order-free signature of the texts of a question's options: all of
 * them, or only the right ones (its key). */
static uint64_t options_signature(const BankItem *it, bool right_only)
{
    uint64_t sum = 0, mix = 0;
    for (int o = 0; o < it->option_count; o++) {
        if (right_only && !it->options[o].correct)
            continue;
        uint64_t h = option_hash(it->options[o].text);
        sum += h;
        mix ^= h * 0x9E3779B97F4A7C15ull;
    }
    return sum ^ (mix << 1) ^ (uint64_t)it->option_count;
}

static const char *first_right_text(const BankItem *it)
{
    for (int o = 0; o < it->option_count; o++)
        if (it->options[o].correct)
            return it->options[o].text ? it->options[o].text : "";
    return "";
}

/* Appends the hashes of the words of s (banktext: lowercase, punctuation and
 * typographic quotes removed) to out (grown as needed). Returns the new
 * count, or -1 when out of memory. */
static int tokenize(const char *s, uint64_t **out, int *cap, int count)
{
    size_t pos = 0;
    char word[BANKTEXT_WORD_MAX];
    while (s && banktext_next_word(s, &pos, word)) {
        uint64_t h = 1469598103934665603ull;
        for (const char *c = word; *c; c++)
            h = fnv_step(h, (unsigned char)*c);
        if (count == *cap) {
            int ncap = *cap ? *cap * 2 : 64;
            uint64_t *grown = realloc(*out, sizeof *grown * (size_t)ncap);
            if (!grown)
                return -1;
            *out = grown;
            *cap = ncap;
        }
        (*out)[count++] = h;
    }
    return count;
}

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

typedef struct Doc {
    int item;
    uint64_t key;     /* options_signature of the right options */
    uint64_t options; /* options_signature of all options */
    int size;
    uint64_t *words;  /* sorted by hash, unique */
    uint64_t *prefix; /* the rarest words first */
    int prefix_len;
} Doc;

typedef struct Ranked {
    uint64_t word;
    int df;
} Ranked;

static int compare_ranked(const void *a, const void *b)
{
    const Ranked *x = a, *y = b;
    if (x->df != y->df)
        return x->df < y->df ? -1 : 1;
    return (x->word > y->word) - (x->word < y->word);
}

/* Document frequency of word w in the sorted multiset all[0..n). */
static int doc_frequency(const uint64_t *all, size_t n, uint64_t w)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (all[mid] < w)
            lo = mid + 1;
        else
            hi = mid;
    }
    int df = 0;
    while (lo < n && all[lo] == w) {
        lo++;
        df++;
    }
    return df;
}

/* Counts the words x and y share, giving up (returning a smaller count) as
 * soon as `need` shared words can no longer be reached. */
static int overlap(const Doc *x, const Doc *y, int need)
{
    int i = 0, j = 0, n = 0;
    while (i < x->size && j < y->size) {
        int left = x->size - i < y->size - j ? x->size - i : y->size - j;
        if (n + left < need)
            return n;
        if (x->words[i] == y->words[j]) {
            n++;
            i++;
            j++;
        } else if (x->words[i] < y->words[j]) {
            i++;
        } else {
            j++;
        }
    }
    return n;
}

/* Postings: word -> list of earlier docs that have the word in their prefix. */
typedef struct Postings {
    uint64_t *keys;
    int *head;      /* -1 = empty */
    size_t cap;
    int *doc;
    int *next;
    int used;
} Postings;

static int *posting_head(Postings *p, uint64_t w, bool *is_new)
{
    size_t i = (size_t)(w ^ (w >> 29)) & (p->cap - 1);
    while (p->head[i] != -1 && p->keys[i] != w)
        i = (i + 1) & (p->cap - 1);
    *is_new = p->head[i] == -1;
    p->keys[i] = w;
    return &p->head[i];
}

void bankdups_near_prompts(Checker *k)
{
    const Bank *b = k->b;
    int n = 0;
    for (int i = 0; i < b->item_count; i++)
        n += b->items[i].kind == ITEM_QUESTION;
    Doc *docs = calloc((size_t)n + 1, sizeof *docs);
    uint64_t *all = NULL, *tmp = NULL;
    int all_cap = 0, all_count = 0, tmp_cap = 0, prefix_total = 0;
    Postings post = {0};
    int *stamp = NULL;
    if (!docs)
        return;
    int d = 0;
    for (int i = 0; i < b->item_count; i++) {
        if (b->items[i].kind != ITEM_QUESTION)
            continue;
        int got = tokenize(b->items[i].prompt, &tmp, &tmp_cap, 0);
        if (got < 0)
            goto done;
        qsort(tmp, (size_t)got, sizeof *tmp, compare_u64);
        int u = 0;
        for (int t = 0; t < got; t++)
            if (u == 0 || tmp[t] != tmp[u - 1])
                tmp[u++] = tmp[t];
        docs[d].item = i;
        docs[d].key = options_signature(&b->items[i], true);
        docs[d].options = options_signature(&b->items[i], false);
        docs[d].size = u;
        docs[d].words = malloc(sizeof(uint64_t) * (size_t)(u ? u : 1));
        docs[d].prefix = malloc(sizeof(uint64_t) * (size_t)(u ? u : 1));
        if (!docs[d].words || !docs[d].prefix) {
            d++;
            goto done;
        }
        memcpy(docs[d].words, tmp, sizeof *tmp * (size_t)u);
        d++;
        if (all_count + u > all_cap) {
            int ncap = all_cap ? all_cap : 1024;
            while (ncap < all_count + u)
                ncap *= 2;
            uint64_t *grown = realloc(all, sizeof *grown * (size_t)ncap);
            if (!grown)
                goto done;
            all = grown;
            all_cap = ncap;
        }
        memcpy(all + all_count, tmp, sizeof *tmp * (size_t)u);
        all_count += u;
    }
    if (all_count)
        qsort(all, (size_t)all_count, sizeof *all, compare_u64);
    Ranked *ranked = malloc(sizeof *ranked * (size_t)(tmp_cap ? tmp_cap : 1));
    if (!ranked)
        goto done;
    for (int i = 0; i < n; i++) {
        Doc *x = &docs[i];
        for (int t = 0; t < x->size; t++)
            ranked[t] = (Ranked){x->words[t], doc_frequency(all, (size_t)all_count, x->words[t])};
        qsort(ranked, (size_t)x->size, sizeof *ranked, compare_ranked);
        /* sets with Jaccard >= t share a word among the first s - ceil(t*s) + 1 */
        int need = (BANKCHECK_JACCARD_NUM * x->size + BANKCHECK_JACCARD_DEN - 1) /
                   BANKCHECK_JACCARD_DEN;
        x->prefix_len = x->size ? x->size - need + 1 : 0;
        for (int t = 0; t < x->prefix_len; t++)
            x->prefix[t] = ranked[t].word;
        prefix_total += x->prefix_len;
    }
    free(ranked);
    post.cap = 16;
    while (post.cap < (size_t)prefix_total * 2)
        post.cap *= 2;
    post.keys = malloc(sizeof *post.keys * post.cap);
    post.head = malloc(sizeof *post.head * post.cap);
    post.doc = malloc(sizeof *post.doc * (size_t)(prefix_total + 1));
    post.next = malloc(sizeof *post.next * (size_t)(prefix_total + 1));
    stamp = malloc(sizeof *stamp * (size_t)(n + 1));
    if (!post.keys || !post.head || !post.doc || !post.next || !stamp)
        goto done;
    memset(post.head, 0xFF, sizeof *post.head * post.cap);
    for (int i = 0; i < n; i++)
        stamp[i] = -1;
    int listed = 0, conflict_listed = 0, exact_listed = 0;
    for (int i = 0; i < n; i++) {
        Doc *x = &docs[i];
        for (int t = 0; t < x->prefix_len; t++) {
            bool fresh;
            int *head = posting_head(&post, x->prefix[t], &fresh);
            for (int e = fresh ? -1 : *head; e != -1; e = post.next[e]) {
                int j = post.doc[e];
                if (stamp[j] == i)
                    continue;
                stamp[j] = i;
                const Doc *y = &docs[j];
                int small = x->size < y->size ? x->size : y->size;
                int large = x->size < y->size ? y->size : x->size;
                if (small * BANKCHECK_JACCARD_DEN < large * BANKCHECK_JACCARD_NUM)
                    continue;
                /* J >= a/b  <=>  inter >= a * (|x| + |y|) / (a + b) */
                int need = (BANKCHECK_JACCARD_NUM * (x->size + y->size) + BANKCHECK_JACCARD_NUM +
                            BANKCHECK_JACCARD_DEN - 1) / (BANKCHECK_JACCARD_NUM + BANKCHECK_JACCARD_DEN);
                int inter = overlap(x, y, need);
                int uni = x->size + y->size - inter;
                if (inter * BANKCHECK_JACCARD_DEN < uni * BANKCHECK_JACCARD_NUM)
                    continue;
                const BankItem *first = &b->items[y->item], *second = &b->items[x->item];
                bool same_words = inter == x->size && inter == y->size;
                if (x->key != y->key) {
                    /* A shared stem that differs in the word that matters is
                     * a different question; the same words with another
                     * answer mean one key is probably wrong. */
                    if (!same_words)
                        continue;
                    k->q->conflicting_keys++;
                    bankcheck_warn(k, second->file, second->line, &conflict_listed,
                            "'%s' and '%s' (%s:%d) have the same prompt but different right "
                            "answers ('%.60s' and '%.60s'); one key is probably wrong, or the "
                            "prompts must differ", second->id, first->id, first->file,
                            first->line, first_right_text(second), first_right_text(first));
                    continue;
                }
                if (same_words && x->options == y->options) {
                    /* a third copy is reported once, against the first copy found */
                    if (k->exact_dup_of && k->exact_dup_of[x->item] >= 0)
                        continue;
                    k->q->exact_duplicates++;
                    if (k->exact_dup_of)
                        k->exact_dup_of[x->item] = y->item;
                    bankcheck_warn(k, second->file, second->line, &exact_listed,
                            "'%s' repeats '%s' (%s:%d): the same prompt, options and answer; "
                            "remove one or make it another question", second->id, first->id,
                            first->file, first->line);
                    continue;
                }
                k->q->near_duplicates++;
                bankcheck_warn(k, second->file, second->line, &listed,
                        "prompt of '%s' nearly repeats '%s' (%s:%d): %d%% of their words are "
                        "shared, and so is the answer", second->id, first->id, first->file,
                        first->line, (int)(100.0 * inter / uni));
            }
            post.doc[post.used] = i;
            post.next[post.used] = fresh ? -1 : *head;
            *head = post.used++;
        }
    }
    bankcheck_note_unlisted(k, listed, "near-duplicate prompt pairs");
    bankcheck_note_unlisted(k, conflict_listed, "same prompts with different answers");
    bankcheck_note_unlisted(k, exact_listed, "repeated questions");
done:
    for (int i = 0; i < n; i++) {
        free(docs[i].words);
        free(docs[i].prefix);
    }
    free(docs);
    free(all);
    free(tmp);
    free(post.keys);
    free(post.head);
    free(post.doc);
    free(post.next);
    free(stamp);
}

/* ------------------------------------------------- repeated option sets */

typedef struct OptionSet {
    uint64_t sig;
    uint64_t hashes[BANK_MAX_OPTIONS];
    int count;
    int item;
} OptionSet;

/* The option's words (as tokenize reads them) joined by single spaces,
 * hashed: case, punctuation and typographic quotes do not count. */
static uint64_t option_hash(const char *text)
{
    uint64_t h = 1469598103934665603ull;
    size_t pos = 0;
    char word[BANKTEXT_WORD_MAX];
    bool first = true;
    while (text && banktext_next_word(text, &pos, word)) {
        if (!first)
            h = fnv_step(h, ' ');
        for (const char *c = word; *c; c++)
            h = fnv_step(h, (unsigned char)*c);
        first = false;
    }
    return h;
}

static int compare_sets(const void *a, const void *b)
{
    const OptionSet *x = a, *y = b;
    if (x->sig != y->sig)
        return x->sig < y->sig ? -1 : 1;
    return x->item - y->item;
}

void bankdups_option_sets(Checker *k)
{
    const Bank *b = k->b;
    OptionSet *sets = malloc(sizeof *sets * (size_t)(b->item_count + 1));
    if (!sets)
        return;
    int n = 0;
    for (int i = 0; i < b->item_count; i++) {
        const BankItem *it = &b->items[i];
        if (it->kind != ITEM_QUESTION || it->option_count <= 0 ||
            it->option_count > BANK_MAX_OPTIONS)
            continue;
        OptionSet *s = &sets[n++];
        s->count = it->option_count;
        s->item = i;
        for (int o = 0; o < s->count; o++)
            s->hashes[o] = option_hash(it->options[o].text);
        qsort(s->hashes, (size_t)s->count, sizeof s->hashes[0], compare_u64);
        s->sig = 1469598103934665603ull ^ (uint64_t)s->count;
        for (int o = 0; o < s->count; o++)
            s->sig = (s->sig ^ s->hashes[o]) * 1099511628211ull;
    }
    qsort(sets, (size_t)n, sizeof *sets, compare_sets);
    int listed = 0;
    for (int i = 1, first = 0; i < n; i++) {
        const OptionSet *a = &sets[first], *s = &sets[i];
        if (s->sig != a->sig || s->count != a->count ||
            memcmp(s->hashes, a->hashes, sizeof s->hashes[0] * (size_t)s->count) != 0) {
            first = i;
            continue;
        }
        const BankItem *one = &b->items[a->item], *two = &b->items[s->item];
        if (k->exact_dup_of && k->exact_dup_of[s->item] >= 0)
            continue; /* reported once, as a repeated question */
        k->q->duplicate_option_sets++;
        bankcheck_warn(k, two->file, two->line, &listed,
                "'%s' has the same options as '%s' (%s:%d); vary the distractors", two->id,
                one->id, one->file, one->line);
    }
    bankcheck_note_unlisted(k, listed, "repeated option sets");
    free(sets);
}
