/* Bank linting: item-quality statistics over a loaded Bank (answer-position
 * and longest-option bias, near-duplicate prompts and repeated questions,
 * repeated option sets, coverage per task and domain) and the --check-bank
 * report that prints them after the loader's diagnostics. Wording cues are
 * bankcues.c's, words banktext.c's; thresholds live in bankcheck.h. */
#include "bankcheck.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arcade.h"
#include "bankcheck_internal.h"
#include "bankload.h"
#include "examform.h"
#include "banktext.h"

void bankcheck_warn(Checker *k, const char *file, int line, int *listed, const char *fmt, ...)
{
    if (listed) {
        if (*listed >= BANKCHECK_MAX_LISTED) {
            (*listed)++;
            return;
        }
        (*listed)++;
    }
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(k->out, DIAG_WARNING, file, line, 0, "%s", msg);
    k->q->warnings++;
}

void bankcheck_note_unlisted(Checker *k, int listed, const char *what)
{
    if (listed > BANKCHECK_MAX_LISTED)
        diag_add(k->out, DIAG_NOTE, k->where, 0, 0, "%d more %s not listed",
                 listed - BANKCHECK_MAX_LISTED, what);
}

static unsigned char lower_ascii(unsigned char ch)
{
    return (ch >= 'A' && ch <= 'Z') ? (unsigned char)(ch - 'A' + 'a') : ch;
}

double bankcheck_pct(int part, int whole)
{
    return whole > 0 ? 100.0 * part / whole : 0.0;
}

static int right_index(const BankItem *it)
{
    for (int i = 0; i < it->option_count; i++)
        if (it->options[i].correct)
            return i;
    return -1;
}

size_t bankcheck_chars(const char *s)
{
    size_t n = 0;
    for (; s && *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

/* Case-insensitive (ASCII) substring test. */
static bool contains_phrase(const char *text, const char *phrase)
{
    size_t n = strlen(phrase);
    for (const char *p = text; *p; p++) {
        size_t i = 0;
        while (i < n && p[i] && lower_ascii((unsigned char)p[i]) == (unsigned char)phrase[i])
            i++;
        if (i == n)
            return true;
    }
    return false;
}

static int count_right(const BankItem *it)
{
    int n = 0;
    for (int i = 0; i < it->option_count; i++)
        n += it->options[i].correct;
    return n;
}

/* ------------------------------------------------- per-item counts */

static void check_items(Checker *k)
{
    const Bank *b = k->b;
    BankQuality *q = k->q;
    int above_listed = 0;
    for (int i = 0; i < b->item_count; i++) {
        const BankItem *it = &b->items[i];
        if (it->kind != ITEM_QUESTION) {
            q->flashcards++;
            continue;
        }
        q->questions++;
        q->with_refs += it->ref_count > 0;
        if (it->difficulty >= 1 && it->difficulty <= 3)
            q->difficulty[it->difficulty]++;
        int right = count_right(it);
        if (right >= 2) {
            q->multiple_response++;
        } else if (right == 1) {
            q->single_answer++;
            int r = right_index(it);
            if (it->option_count == BANKCHECK_POSITION_OPTIONS) {
                q->four_option++;
                q->position[r]++;
            }
            size_t longest = bankcheck_chars(it->options[r].text);
            bool strictly = true;
            for (int o = 0; o < it->option_count; o++)
                if (o != r && bankcheck_chars(it->options[o].text) >= longest)
                    strictly = false;
            q->longest_right += strictly;
        }
        if (!it->explanation || !*it->explanation) {
            diag_add(k->out, DIAG_ERROR, it->file, it->line, 0, "question '%s' has no explanation",
                     it->id);
            q->missing_text++;
            q->errors++;
        }
        for (int o = 0; o < it->option_count; o++) {
            const char *text = it->options[o].text ? it->options[o].text : "";
            if (!it->options[o].why || !*it->options[o].why) {
                diag_add(k->out, DIAG_ERROR, it->file, it->line, 0,
                         "option %d of '%s' has no 'why'", o + 1, it->id);
                q->missing_text++;
                q->errors++;
            }
            const char *phrase = contains_phrase(text, "all of the above") ? "all of the above"
                               : contains_phrase(text, "none of the above") ? "none of the above"
                               : NULL;
            if (phrase) {
                q->above_options++;
                bankcheck_warn(k, it->file, it->line, &above_listed,
                        "option %d of '%s' says '%s'; options are shuffled, so write a real "
                        "option instead", o + 1, it->id, phrase);
            }
        }
    }
    bankcheck_note_unlisted(k, above_listed, "'all/none of the above' options");
}

static void check_positions(Checker *k)
{
    BankQuality *q = k->q;
    if (q->four_option >= BANKCHECK_MIN_SAMPLE) {
        for (int p = 0; p < BANKCHECK_POSITION_OPTIONS; p++) {
            double share = bankcheck_pct(q->position[p], q->four_option);
            if (share < BANKCHECK_POSITION_MIN_PCT || share > BANKCHECK_POSITION_MAX_PCT)
                bankcheck_warn(k, k->where, 0, NULL,
                        "the right answer is option %c in %.1f%% of the %d single-answer "
                        "questions with 4 options; keep each position between %.0f%% and %.0f%%",
                        'A' + p, share, q->four_option, BANKCHECK_POSITION_MIN_PCT,
                        BANKCHECK_POSITION_MAX_PCT);
        }
    }
    if (q->single_answer >= BANKCHECK_MIN_SAMPLE) {
        double share = bankcheck_pct(q->longest_right, q->single_answer);
        if (share > BANKCHECK_LONGEST_MAX_PCT)
            bankcheck_warn(k, k->where, 0, NULL,
                    "the right option is strictly the longest in %.1f%% of single-answer "
                    "questions (%d of %d); keep it at or below %.0f%%",
                    share, q->longest_right, q->single_answer, BANKCHECK_LONGEST_MAX_PCT);
    }
}

/* ----------------------------------------------- domains and tasks */

static void check_coverage(Checker *k)
{
    const Bank *b = k->b;
    BankQuality *q = k->q;
    int nd = b->domain_count, nt = b->task_count;
    int *dq = calloc((size_t)nd + 1, sizeof *dq);
    int *dmr = calloc((size_t)nd + 1, sizeof *dmr);
    int *tq = calloc((size_t)nt + 1, sizeof *tq);
    int *tf = calloc((size_t)nt + 1, sizeof *tf);
    if (!dq || !dmr || !tq || !tf)
        goto done;
    for (int i = 0; i < b->item_count; i++) {
        const BankItem *it = &b->items[i];
        if (it->domain < 0 || it->domain >= nd || it->task < 0 || it->task >= nt)
            continue;
        if (it->kind == ITEM_QUESTION) {
            dq[it->domain]++;
            tq[it->task]++;
            dmr[it->domain] += count_right(it) >= 2;
        } else {
            tf[it->task]++;
        }
    }
    int listed = 0;
    for (int t = 0; t < nt; t++) {
        if (tq[t] >= BANKCHECK_TASK_MIN_QUESTIONS && tf[t] >= BANKCHECK_TASK_MIN_FLASHCARDS)
            continue;
        q->thin_tasks++;
        bankcheck_warn(k, k->exam_path, 0, &listed,
                "task %s has %d question%s and %d flashcard%s; aim for at least %d and %d",
                b->tasks[t].id, tq[t], tq[t] == 1 ? "" : "s", tf[t], tf[t] == 1 ? "" : "s",
                BANKCHECK_TASK_MIN_QUESTIONS, BANKCHECK_TASK_MIN_FLASHCARDS);
    }
    bankcheck_note_unlisted(k, listed, "thin task statements");
    for (int d = 0; d < nd; d++) {
        const BankDomain *dom = &b->domains[d];
        double share = bankcheck_pct(dq[d], q->questions);
        double off = share - dom->weight;
        if (q->questions >= BANKCHECK_MIN_SAMPLE &&
            (off > BANKCHECK_SHARE_TOLERANCE_PTS || off < -BANKCHECK_SHARE_TOLERANCE_PTS)) {
            q->off_weight_domains++;
            bankcheck_warn(k, k->exam_path, 0, NULL,
                    "domain %s (%s) has %.1f%% of the questions but weighs %d%%; keep it "
                    "within %.0f points", dom->id, dom->name, share, dom->weight,
                    BANKCHECK_SHARE_TOLERANCE_PTS);
        }
        double mr = bankcheck_pct(dmr[d], dq[d]);
        if (dq[d] >= BANKCHECK_MIN_SAMPLE && mr < BANKCHECK_MR_MIN_PCT) {
            q->low_mr_domains++;
            bankcheck_warn(k, k->exam_path, 0, NULL,
                    "domain %s has %.1f%% multiple-response questions (%d of %d); aim for at "
                    "least %.0f%%", dom->id, mr, dmr[d], dq[d], BANKCHECK_MR_MIN_PCT);
        }
    }
done:
    free(dq);
    free(dmr);
    free(tq);
    free(tf);
}

/* ------------------------------------------------- what each mode needs */

/* Warns where a form asks a domain for more questions than it has (the
 * other domains fill in, so the form no longer follows the weights). */
static void check_form_domains(Checker *k, const char *form, int items, int scored, const int *dq)
{
    const Bank *b = k->b;
    int s[SCORING_MAX_DOMAINS] = {0}, u[SCORING_MAX_DOMAINS] = {0};
    if (items <= 0 || !examform_domain_counts(b, scored, items - scored, s, u))
        return;
    for (int d = 0; d < b->domain_count; d++) {
        int want = s[d] + u[d];
        if (dq[d] == 0 || want <= dq[d])
            continue; /* a domain without questions is warned about once, below */
        bankcheck_warn(k, k->exam_path, 0, NULL,
                "the %s asks %d question%s of domain %s, which has only %d; other domains fill in, so "
                "its forms do not follow the weights", form, want, want == 1 ? "" : "s", b->domains[d].id, dq[d]);
    }
}

/* Warns about modes the bank cannot feed: a weighted domain without
 * questions, a mock exam or diagnostic longer than the questions there
 * are, an arcade round with nothing it can ask. */
static void check_modes(Checker *k)
{
    const Bank *b = k->b;
    int dq[SCORING_MAX_DOMAINS] = {0}, questions = 0;
    if (b->domain_count > SCORING_MAX_DOMAINS)
        return;
    for (int i = 0; i < b->item_count; i++) {
        const BankItem *it = &b->items[i];
        if (it->kind == ITEM_QUESTION && it->domain >= 0 && it->domain < b->domain_count) {
            dq[it->domain]++;
            questions++;
        }
    }
    if (b->item_count == 0) {
        bankcheck_warn(k, k->exam_path, 0, NULL, "the bank has no items, so no mode can start");
        return;
    }
    for (int d = 0; d < b->domain_count; d++)
        if (b->domains[d].weight > 0 && dq[d] == 0)
            bankcheck_warn(k, k->exam_path, 0, NULL,
                    "domain %s (%s) weighs %d%% but has no questions: mock exams and diagnostics fill "
                    "its share from other domains and can't report on it", b->domains[d].id,
                    b->domains[d].name, b->domains[d].weight);
    if (questions < b->exam_items)
        bankcheck_warn(k, k->exam_path, 0, NULL,
                "a mock exam asks %d questions but the bank has %d%s", b->exam_items, questions,
                questions == 0 ? ", so Mock exam can't start (flashcards are not used there)"
                               : "; its forms will be short");
    else
        check_form_domains(k, "mock exam", b->exam_items, b->exam_scored, dq);
    if (questions < b->diagnostic_items)
        bankcheck_warn(k, k->exam_path, 0, NULL,
                "the diagnostic asks %d questions but the bank has %d%s", b->diagnostic_items, questions,
                questions == 0 ? ", so Diagnostic can't start" : "; it will be short");
    else
        check_form_domains(k, "diagnostic", b->diagnostic_items, b->diagnostic_items, dq);
    ArcadeStream stream;
    Rng rng;
    rng_seed(&rng, 1);
    bool arcade = arcade_stream_start(&stream, b, NULL, 0, &rng);
    arcade_stream_free(&stream);
    if (!arcade)
        bankcheck_warn(k, k->exam_path, 0, NULL,
                "an arcade round has nothing to ask: it needs single-answer questions, or flashcards "
                "with at least 4 different backs");
}

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

static void check_near_duplicates(Checker *k)
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

static void check_option_sets(Checker *k)
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

int bankcheck_quality(const Bank *b, Diag *out, BankQuality *q)
{
    BankQuality local;
    Checker k = {.b = b, .out = out, .q = q ? q : &local};
    memset(k.q, 0, sizeof *k.q);
    const char *dir = b->dir ? b->dir : ".";
    snprintf(k.exam_path, sizeof k.exam_path, "%s/exam.yaml", dir);
    k.where = dir;
    k.exact_dup_of = malloc(sizeof *k.exact_dup_of * (size_t)(b->item_count + 1));
    for (int i = 0; k.exact_dup_of && i < b->item_count; i++)
        k.exact_dup_of[i] = -1;
    check_items(&k);
    check_positions(&k);
    check_coverage(&k);
    check_modes(&k);
    check_near_duplicates(&k);
    check_option_sets(&k);
    bankcues_run(&k);
    free(k.exact_dup_of);
    return k.q->warnings;
}

/* ------------------------------------------------------------- report */

static void print_domains(const Bank *b, FILE *out)
{
    fprintf(out, "\n%-8s %9s %10s %7s %7s %9s  %s\n", "domain", "questions", "flashcards", "share",
            "weight", "multiple", "name");
    for (int d = 0; d < b->domain_count; d++) {
        int nq = 0, nf = 0, mr = 0;
        for (int i = 0; i < b->item_count; i++) {
            if (b->items[i].domain != d)
                continue;
            if (b->items[i].kind == ITEM_QUESTION) {
                nq++;
                mr += count_right(&b->items[i]) >= 2;
            } else {
                nf++;
            }
        }
        fprintf(out, "%-8s %9d %10d %6.1f%% %6d%% %8.1f%%  %s\n", b->domains[d].id, nq, nf,
                bankcheck_pct(nq, b->question_count), b->domains[d].weight, bankcheck_pct(mr, nq),
                b->domains[d].name);
    }
}

static const char *sample_note(int n)
{
    return n < BANKCHECK_MIN_SAMPLE ? " (too few to judge; checked from 20)" : "";
}

static void print_ranks(const int rank[4], int total, FILE *out)
{
    for (int r = 0; r < 4; r++)
        fprintf(out, "%s%d %.1f%%", r ? ", " : " ", r + 1, bankcheck_pct(rank[r], total));
}

static void print_quality(const Bank *b, const BankQuality *q, FILE *out)
{
    fprintf(out, "\nquality\n");
    fprintf(out, "  right-answer position, over the %d single-answer questions with %d options:",
            q->four_option, BANKCHECK_POSITION_OPTIONS);
    for (int p = 0; p < BANKCHECK_POSITION_OPTIONS; p++)
        fprintf(out, "%s%c %.1f%%", p ? ", " : " ", 'A' + p, bankcheck_pct(q->position[p], q->four_option));
    fprintf(out, " (each %.0f-%.0f%%)%s\n", BANKCHECK_POSITION_MIN_PCT,
            BANKCHECK_POSITION_MAX_PCT, sample_note(q->four_option));
    int four = q->length_rank[0] + q->length_rank[1] + q->length_rank[2] + q->length_rank[3];
    fprintf(out, "  right option's length rank (1 = longest), over the %d single-answer questions "
            "with 4 options:", four);
    print_ranks(q->length_rank, four, out);
    fprintf(out, " (each %.0f-%.0f%%)%s\n", BANKCHECK_RANK_MIN_PCT, BANKCHECK_RANK_MAX_PCT,
            sample_note(four));
    for (int d = 0; d < b->domain_count && d < BANKCHECK_MAX_DOMAINS; d++) {
        fprintf(out, "    in domain %s (%d):", b->domains[d].id, q->domain_four_option[d]);
        print_ranks(q->domain_length_rank[d], q->domain_four_option[d], out);
        fprintf(out, "%s\n", sample_note(q->domain_four_option[d]));
    }
    fprintf(out, "  right option strictly the longest: %d of %d single-answer questions, %.1f%% "
            "(at most %.0f%%)%s\n", q->longest_right, q->single_answer,
            bankcheck_pct(q->longest_right, q->single_answer), BANKCHECK_LONGEST_MAX_PCT,
            sample_note(q->single_answer));
    fprintf(out, "  multiple response: %d of %d questions, %.1f%% (each domain at least %.0f%%)\n",
            q->multiple_response, q->questions, bankcheck_pct(q->multiple_response, q->questions),
            BANKCHECK_MR_MIN_PCT);
    fprintf(out, "  difficulty: 1 %.1f%%, 2 %.1f%%, 3 %.1f%%\n",
            bankcheck_pct(q->difficulty[1], q->questions), bankcheck_pct(q->difficulty[2], q->questions),
            bankcheck_pct(q->difficulty[3], q->questions));
    fprintf(out, "  domains off their weight by more than %.0f points: %d\n",
            BANKCHECK_SHARE_TOLERANCE_PTS, q->off_weight_domains);
    fprintf(out, "  domains under %.0f%% multiple response: %d\n", BANKCHECK_MR_MIN_PCT,
            q->low_mr_domains);
    fprintf(out, "  task statements under %d questions or %d flashcards: %d\n",
            BANKCHECK_TASK_MIN_QUESTIONS, BANKCHECK_TASK_MIN_FLASHCARDS, q->thin_tasks);
    fprintf(out, "  near-duplicate prompts with the same answer (shared words >= %d%%): %d pairs\n",
            100 * BANKCHECK_JACCARD_NUM / BANKCHECK_JACCARD_DEN, q->near_duplicates);
    fprintf(out, "  same prompt, different right answers: %d pairs\n", q->conflicting_keys);
    fprintf(out, "  questions repeating another exactly: %d\n", q->exact_duplicates);
    fprintf(out, "  questions repeating another's option set: %d\n", q->duplicate_option_sets);
    fprintf(out, "  options saying all/none of the above: %d\n", q->above_options);
    fprintf(out, "  missing why or explanation: %d\n", q->missing_text);
    fprintf(out, "  prompts whose (Choose N.) is missing or wrong: %d\n", q->choose_mismatches);
    fprintf(out, "  whys or explanations naming an option by letter: %d questions\n",
            q->letter_references);
    fprintf(out, "  options carrying their own justification: %d questions\n", q->justified_options);
    fprintf(out, "  distinctive words in the stem and the right option only: %d questions\n",
            q->shared_word_cues);
    fprintf(out, "  absolute words (always, never, only, all) in wrong options only: %d questions\n",
            q->absolute_word_cues);
    fprintf(out, "  questions with documentation refs: %d of %d\n", q->with_refs, q->questions);
}

static void print_summary(const char *dir, const Bank *b, const Diag *d, FILE *out)
{
    fprintf(out, "%s: %d questions, %d flashcards, %d domains, %d task statements, %d errors, "
            "%d warnings\n", dir, b ? b->question_count : 0, b ? b->flashcard_count : 0,
            b ? b->domain_count : 0, b ? b->task_count : 0, d->errors, d->warnings);
}

int bankcheck_run(const char *dir, FILE *out)
{
    struct stat st;
    if (!dir || !*dir) {
        fprintf(out, "cloudprep: --check-bank needs a bank folder\n");
        return 2;
    }
    int found = stat(dir, &st);
    if (found != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(out, "%s: error: no such bank folder (%s)\n", dir,
                found != 0 ? strerror(errno) : "not a folder");
        return 2;
    }
    char exam[4096];
    snprintf(exam, sizeof exam, "%s/exam.yaml", dir);
    if (stat(exam, &st) != 0) {
        fprintf(out, "%s: error: not a bank folder: there is no exam.yaml in it "
                "(see banks/FORMAT.md)\n", dir);
        return 2;
    }
    Diag d = {0};
    Bank *b = bank_load_dir(dir, &d);
    BankQuality q = {0};
    if (b)
        bankcheck_quality(b, &d, &q);
    diag_print(&d, out);
    print_summary(dir, b, &d, out);
    if (b) {
        if (b->skipped_files || b->skipped_items)
            fprintf(out, "skipped %d item%s with errors (%d whole file%s)\n", b->skipped_items,
                    b->skipped_items == 1 ? "" : "s", b->skipped_files, b->skipped_files == 1 ? "" : "s");
        print_domains(b, out);
        print_quality(b, &q, out);
    }
    int status = d.errors ? 1 : 0;
    diag_free(&d);
    bank_free(b);
    return status;
}
