/* Wording cues: hints that let a test-wise learner find the right option
 * without knowing the answer (its length rank, a reason attached to it
 * alone, a word it shares with the stem, absolute words elsewhere), and
 * wording that breaks once options are shuffled (a why naming "option B")
 * or miscounts ("(Choose TWO.)" over three right options). Each finding is
 * a warning at the item; bankcheck.c runs this and prints the counts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bankcheck_internal.h"
#include "banktext.h"

static int right_count(const BankItem *it)
{
    int n = 0;
    for (int o = 0; o < it->option_count; o++)
        n += it->options[o].correct;
    return n;
}

/* ------------------------------------------------------- length rank */

/* rank = 1 + the number of options strictly longer than the right one */
static int length_rank(const BankItem *it)
{
    int r = -1;
    for (int o = 0; o < it->option_count; o++)
        if (it->options[o].correct)
            r = o;
    if (r < 0)
        return 0;
    size_t len = bankcheck_chars(it->options[r].text);
    int rank = 1;
    for (int o = 0; o < it->option_count; o++)
        rank += o != r && bankcheck_chars(it->options[o].text) > len;
    return rank;
}

static void warn_ranks(Checker *k, const char *file, const char *who, const int rank[4], int total)
{
    for (int r = 0; r < 4; r++) {
        double share = bankcheck_pct(rank[r], total);
        if (share >= BANKCHECK_RANK_MIN_PCT && share <= BANKCHECK_RANK_MAX_PCT)
            continue;
        k->q->off_rank_shares++;
        bankcheck_warn(k, file, 0, NULL,
                       "%sthe right option is the %s option in %.1f%% of the %d single-answer "
                       "questions with 4 options (length rank %d); keep each rank between %.0f%% "
                       "and %.0f%% by rewording options", who,
                       r == 0 ? "longest" : r == 1 ? "2nd-longest" : r == 2 ? "3rd-longest" : "shortest",
                       share, total, r + 1, BANKCHECK_RANK_MIN_PCT, BANKCHECK_RANK_MAX_PCT);
    }
}

static void check_length_ranks(Checker *k)
{
    const Bank *b = k->b;
    BankQuality *q = k->q;
    int four = 0;
    for (int i = 0; i < b->item_count; i++) {
        const BankItem *it = &b->items[i];
        if (it->kind != ITEM_QUESTION || it->option_count != 4 || right_count(it) != 1)
            continue;
        int rank = length_rank(it);
        if (rank < 1 || rank > 4)
            continue;
        four++;
        q->length_rank[rank - 1]++;
        if (it->domain >= 0 && it->domain < BANKCHECK_MAX_DOMAINS) {
            q->domain_four_option[it->domain]++;
            q->domain_length_rank[it->domain][rank - 1]++;
        }
    }
    if (four >= BANKCHECK_MIN_SAMPLE)
        warn_ranks(k, k->where, "", q->length_rank, four);
    for (int d = 0; d < b->domain_count && d < BANKCHECK_MAX_DOMAINS; d++) {
        if (q->domain_four_option[d] < BANKCHECK_MIN_SAMPLE)
            continue;
        char who[120];
        snprintf(who, sizeof who, "domain %s: ", b->domains[d].id);
        warn_ranks(k, k->exam_path, who, q->domain_length_rank[d], q->domain_four_option[d]);
    }
}

/* ------------------------------------------------ per-item wording */

static const char *const NUMBER_WORDS[] = {"", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX",
                                           "SEVEN", "EIGHT"};

static void check_choose_phrase(Checker *k, const BankItem *it, int *listed)
{
    int right = right_count(it);
    int says = banktext_choose_count(it->prompt ? it->prompt : "");
    if (says == 0 && right < 2)
        return;
    if (says == right)
        return;
    k->q->choose_mismatches++;
    if (says == 0)
        bankcheck_warn(k, it->file, it->line, listed,
                       "'%s' has %d right options but its prompt does not say how many to pick; "
                       "end it with \"(Choose %s.)\"", it->id, right,
                       NUMBER_WORDS[right <= 8 ? right : 0]);
    else
        bankcheck_warn(k, it->file, it->line, listed,
                       "the prompt of '%s' says \"(Choose %s.)\" but %d option%s right%s; make "
                       "them agree", it->id, NUMBER_WORDS[says], right,
                       right == 1 ? " is" : "s are", it->choose > 1 ? " ('choose' agrees)" : "");
}

static void check_letters(Checker *k, const BankItem *it, int *listed)
{
    char found[32];
    bool any = false;
    for (int o = 0; o < it->option_count; o++) {
        const char *why = it->options[o].why;
        if (why && banktext_names_option_letter(why, found, sizeof found)) {
            bankcheck_warn(k, it->file, it->line, listed,
                           "the why of option %d of '%s' names an option by its letter ('%s'); "
                           "options are shuffled, so name it by what it says", o + 1, it->id, found);
            any = true;
        }
    }
    if (it->explanation && banktext_names_option_letter(it->explanation, found, sizeof found)) {
        bankcheck_warn(k, it->file, it->line, listed,
                       "the explanation of '%s' names an option by its letter ('%s'); options are "
                       "shuffled, so name it by what it says", it->id, found);
        any = true;
    }
    k->q->letter_references += any;
}

/* Phrases by which an option argues for itself. */
static const char *const JUSTIFICATIONS[] = {"because", "so that", "in order to", ", since"};

static const char *justification(const char *text)
{
    for (size_t j = 0; j < sizeof JUSTIFICATIONS / sizeof JUSTIFICATIONS[0]; j++)
        if (text && banktext_has_phrase(text, JUSTIFICATIONS[j]))
            return JUSTIFICATIONS[j];
    return NULL;
}

/* An option that carries its own reason while the others do not: one
 * option alone, or only right options, say "because"/"so that". */
static void check_justification(Checker *k, const BankItem *it, int *listed)
{
    int justified = 0, right_justified = 0, first = -1;
    for (int o = 0; o < it->option_count; o++) {
        if (!justification(it->options[o].text))
            continue;
        justified++;
        right_justified += it->options[o].correct;
        if (first < 0 || (it->options[o].correct && !it->options[first].correct))
            first = o;
    }
    if (justified == 0 || justified == it->option_count)
        return;
    if (justified > 1 && right_justified < justified)
        return;
    const char *phrase = justification(it->options[first].text);
    k->q->justified_options++;
    bankcheck_warn(k, it->file, it->line, listed,
                   "option %d of '%s' carries its own justification ('%s') and %s; a test-wise "
                   "learner picks it: move the reason into its why", first + 1, it->id,
                   phrase[0] == ',' ? phrase + 2 : phrase,
                   justified == 1 ? "no other option does" : "only right options do");
}

static const char *const ABSOLUTES[] = {"always", "never", "only", "all"};

/* The first absolute word of text, or NULL. */
static const char *absolute_word(const char *text)
{
    size_t pos = 0;
    char w[BANKTEXT_WORD_MAX];
    while (text && banktext_next_word(text, &pos, w))
        for (size_t a = 0; a < sizeof ABSOLUTES / sizeof ABSOLUTES[0]; a++)
            if (strcmp(w, ABSOLUTES[a]) == 0)
                return ABSOLUTES[a];
    return NULL;
}

static void check_absolutes(Checker *k, const BankItem *it, int *listed)
{
    int first = -1, count = 0;
    for (int o = 0; o < it->option_count; o++) {
        bool has = absolute_word(it->options[o].text) != NULL;
        if (has && it->options[o].correct)
            return;
        if (has) {
            count++;
            if (first < 0)
                first = o;
        }
    }
    if (first < 0)
        return;
    k->q->absolute_word_cues++;
    bankcheck_warn(k, it->file, it->line, listed,
                   "option %d of '%s' says '%s'%s, but no right option has such an absolute word; "
                   "test-wise learners rule such options out: reword it", first + 1, it->id,
                   absolute_word(it->options[first].text),
                   count > 1 ? " (and other wrong options too)" : "");
}

/* ---------------------------------------- words shared by stem and key */

/* Function words and exam boilerplate of 4+ letters, never distinctive.
 * Keep them sorted: stop_word searches them by bisection. */
static const char *const STOP_WORDS[] = {
    "about", "also", "been", "best", "both", "cannot", "could", "does", "each", "following",
    "from", "have", "into", "make", "more", "most", "must", "need", "other", "over", "same",
    "should", "some", "such", "than", "that", "their", "them", "then", "there", "these",
    "they", "this", "those", "through", "under", "using", "what", "when", "where", "which",
    "while", "will", "with", "within", "without", "would", "your",
};

static int compare_words(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* STOP_WORDS is sorted. */
static bool stop_word(const char *w)
{
    return bsearch(&w, STOP_WORDS, sizeof STOP_WORDS / sizeof STOP_WORDS[0], sizeof STOP_WORDS[0],
                   compare_words) != NULL;
}

static uint64_t word_hash(const char *w)
{
    uint64_t h = 1469598103934665603ull;
    for (; *w; w++)
        h = (h ^ (unsigned char)*w) * 1099511628211ull;
    return h ? h : 1;
}

#define CUE_MAX_WORDS 160

/* The candidate words of a text: stems of its words of at least
 * SHARED_WORD_MIN_LEN letters that are not stop words or numbers, unique,
 * with the first spelling of each (for messages). */
typedef struct WordList {
    uint64_t hash[CUE_MAX_WORDS]; /* word_hash of each stem, to compare fast */
    char stem[CUE_MAX_WORDS][BANKTEXT_WORD_MAX];
    char shown[CUE_MAX_WORDS][BANKTEXT_WORD_MAX];
    int count;
    /* pairs of candidate words that follow each other in the text, as
     * indexes into stem[] (a shorter word or a stop word between them
     * breaks a pair) */
    int pair[CUE_MAX_WORDS][2];
    int pairs;
} WordList;

static void words_of(const char *text, WordList *out)
{
    size_t pos = 0;
    char w[BANKTEXT_WORD_MAX];
    out->count = 0;
    out->pairs = 0;
    int prev = -1;
    while (text && out->count < CUE_MAX_WORDS && banktext_next_word(text, &pos, w)) {
        if (strlen(w) < BANKCHECK_SHARED_WORD_MIN_LEN || stop_word(w) || (w[0] >= '0' && w[0] <= '9')) {
            prev = -1;
            continue;
        }
        char stem[BANKTEXT_WORD_MAX];
        memcpy(stem, w, sizeof stem);
        banktext_stem(stem);
        uint64_t h = word_hash(stem);
        int j = 0;
        while (j < out->count && out->hash[j] != h)
            j++;
        if (j == out->count) {
            out->hash[out->count] = h;
            memcpy(out->stem[out->count], stem, sizeof stem);
            memcpy(out->shown[out->count], w, sizeof w);
            out->count++;
        }
        if (prev >= 0 && prev != j && out->pairs < CUE_MAX_WORDS) {
            out->pair[out->pairs][0] = prev;
            out->pair[out->pairs][1] = j;
            out->pairs++;
        }
        prev = j;
    }
}

/* Index of the pair of `list` made of the stems hashed a then b, or -1. */
static int find_pair(const WordList *list, uint64_t a, uint64_t b)
{
    for (int i = 0; i < list->pairs; i++)
        if (list->hash[list->pair[i][0]] == a && list->hash[list->pair[i][1]] == b)
            return i;
    return -1;
}

/* True when a word of `list` is the stem `stem`, or, for a stem of 5 or
 * more letters, starts with it ("server" meets "serverless"). */
static int find_word(const WordList *list, const char *stem, uint64_t hash)
{
    size_t n = strlen(stem);
    for (int i = 0; i < list->count; i++)
        if (list->hash[i] == hash || (n >= 5 && list->stem[i][0] == stem[0] &&
                                      strncmp(list->stem[i], stem, n) == 0))
            return i;
    return -1;
}

/* Number of questions (prompt or options) each stem appears in: open
 * addressing on the stem's hash (never 0), kept at most half full. */
typedef struct StemCounts {
    uint64_t *keys;
    int *counts;
    size_t cap;
    size_t used;
} StemCounts;

static bool stem_counts_init(StemCounts *sc, size_t cap)
{
    sc->cap = cap;
    sc->used = 0;
    sc->keys = calloc(cap, sizeof *sc->keys);
    sc->counts = calloc(cap, sizeof *sc->counts);
    return sc->keys && sc->counts;
}

static size_t stem_find(const StemCounts *sc, uint64_t h)
{
    size_t i = (size_t)(h ^ (h >> 31)) & (sc->cap - 1);
    while (sc->keys[i] && sc->keys[i] != h)
        i = (i + 1) & (sc->cap - 1);
    return i;
}

/* Counts one more question for stem h. Returns false when out of memory. */
static bool stem_add(StemCounts *sc, uint64_t h)
{
    if ((sc->used + 1) * 2 > sc->cap) {
        StemCounts grown;
        if (!stem_counts_init(&grown, sc->cap * 2)) {
            free(grown.keys);
            free(grown.counts);
            return false;
        }
        for (size_t i = 0; i < sc->cap; i++) {
            if (!sc->keys[i])
                continue;
            size_t j = stem_find(&grown, sc->keys[i]);
            grown.keys[j] = sc->keys[i];
            grown.counts[j] = sc->counts[i];
        }
        grown.used = sc->used;
        free(sc->keys);
        free(sc->counts);
        *sc = grown;
    }
    size_t i = stem_find(sc, h);
    if (!sc->keys[i]) {
        sc->keys[i] = h;
        sc->used++;
    }
    sc->counts[i]++;
    return true;
}

static int stem_count(const StemCounts *sc, uint64_t h)
{
    size_t i = stem_find(sc, h);
    return sc->keys[i] ? sc->counts[i] : 0;
}

/* All the candidate words of a question, prompt and options, unique. */
static void question_words(const BankItem *it, WordList *all, WordList *tmp)
{
    words_of(it->prompt, all);
    for (int o = 0; o < it->option_count; o++) {
        words_of(it->options[o].text, tmp);
        for (int w = 0; w < tmp->count && all->count < CUE_MAX_WORDS; w++) {
            int j = 0;
            while (j < all->count && all->hash[j] != tmp->hash[w])
                j++;
            if (j == all->count)
                all->hash[all->count++] = tmp->hash[w];
        }
    }
}

/* Words are compared by stem (banktext_stem; a stem of 5+ letters also
 * meets longer words it starts). A candidate word has at least
 * SHARED_WORD_MIN_LEN letters and is not a stop word or a number. The cue,
 * for a candidate word of the prompt that a right option has and no wrong
 * option has:
 * - the word is rare in the bank: in at most SHARED_WORD_MAX_DF_PCT of the
 *   questions (never fewer than SHARED_WORD_MIN_DF), so "data" or "cost"
 *   never count but "registry" or "Australia" do; or
 * - it comes with its neighbour as a pair of consecutive candidate words
 *   ("managing servers") that the right option repeats, and no wrong
 *   option has either word. */
static void check_shared_words(Checker *k, int *listed)
{
    const Bank *b = k->b;
    int questions = 0;
    for (int i = 0; i < b->item_count; i++)
        questions += b->items[i].kind == ITEM_QUESTION;
    StemCounts sc = {0};
    bool ok = stem_counts_init(&sc, 4096);
    WordList *prompt = malloc(sizeof *prompt), *opts = malloc(sizeof *opts * BANK_MAX_OPTIONS),
             *tmp = malloc(sizeof *tmp);
    if (!ok || !prompt || !opts || !tmp)
        goto done;
    for (int i = 0; i < b->item_count; i++) {
        if (b->items[i].kind != ITEM_QUESTION)
            continue;
        question_words(&b->items[i], prompt, tmp);
        for (int w = 0; w < prompt->count; w++)
            if (!stem_add(&sc, prompt->hash[w]))
                goto done;
    }
    double max_df = questions * BANKCHECK_SHARED_WORD_MAX_DF_PCT / 100.0;
    if (max_df < BANKCHECK_SHARED_WORD_MIN_DF)
        max_df = BANKCHECK_SHARED_WORD_MIN_DF;
    for (int i = 0; i < b->item_count; i++) {
        const BankItem *it = &b->items[i];
        if (it->kind != ITEM_QUESTION || it->option_count > BANK_MAX_OPTIONS)
            continue;
        words_of(it->prompt, prompt);
        for (int o = 0; o < it->option_count; o++)
            words_of(it->options[o].text, &opts[o]);
        int word = -1, key = -1, at = -1;
        for (int w = 0; w < prompt->count && word < 0; w++) {
            const char *stem = prompt->stem[w];
            if (stem_count(&sc, prompt->hash[w]) > max_df)
                continue;
            int in_key = -1, in_key_at = -1;
            bool in_wrong = false;
            for (int o = 0; o < it->option_count && !in_wrong; o++) {
                int f = find_word(&opts[o], stem, prompt->hash[w]);
                if (f < 0)
                    continue;
                if (!it->options[o].correct)
                    in_wrong = true;
                else if (in_key < 0) {
                    in_key = o;
                    in_key_at = f;
                }
            }
            if (in_key >= 0 && !in_wrong) {
                word = w;
                key = in_key;
                at = in_key_at;
            }
        }
        int pair = -1;
        for (int p = 0; p < prompt->pairs && word < 0 && pair < 0; p++) {
            int ia = prompt->pair[p][0], ic = prompt->pair[p][1];
            uint64_t a = prompt->hash[ia], c = prompt->hash[ic];
            int in_key = -1;
            for (int o = 0; o < it->option_count && in_key < 0; o++)
                if (it->options[o].correct && find_pair(&opts[o], a, c) >= 0)
                    in_key = o;
            bool in_wrong = false;
            for (int o = 0; o < it->option_count && in_key >= 0 && !in_wrong; o++)
                if (!it->options[o].correct)
                    in_wrong = find_word(&opts[o], prompt->stem[ia], a) >= 0 ||
                               find_word(&opts[o], prompt->stem[ic], c) >= 0;
            if (in_key >= 0 && !in_wrong) {
                pair = p;
                key = in_key;
            }
        }
        if (pair >= 0) {
            k->q->shared_word_cues++;
            bankcheck_warn(k, it->file, it->line, listed,
                           "'%s': the prompt's '%s %s' is also in the right option %d and in no "
                           "wrong option; a test-wise learner matches it: reword the stem, or use "
                           "the words in a distractor too", it->id,
                           prompt->shown[prompt->pair[pair][0]], prompt->shown[prompt->pair[pair][1]],
                           key + 1);
            continue;
        }
        if (word < 0)
            continue;
        k->q->shared_word_cues++;
        bankcheck_warn(k, it->file, it->line, listed,
                       "'%s': the prompt's '%s' matches '%s' in the right option %d and no wrong "
                       "option; a test-wise learner matches it: reword the stem, or use the word "
                       "in a distractor too", it->id, prompt->shown[word], opts[key].shown[at],
                       key + 1);
    }
done:
    free(sc.keys);
    free(sc.counts);
    free(prompt);
    free(opts);
    free(tmp);
}

void bankcues_run(Checker *k)
{
    const Bank *b = k->b;
    check_length_ranks(k);
    int choose_listed = 0, letter_listed = 0, reason_listed = 0, absolute_listed = 0,
        shared_listed = 0;
    for (int i = 0; i < b->item_count; i++) {
        const BankItem *it = &b->items[i];
        if (it->kind != ITEM_QUESTION)
            continue;
        check_choose_phrase(k, it, &choose_listed);
        check_letters(k, it, &letter_listed);
        check_justification(k, it, &reason_listed);
        check_absolutes(k, it, &absolute_listed);
    }
    check_shared_words(k, &shared_listed);
    bankcheck_note_unlisted(k, choose_listed, "(Choose N.) findings");
    bankcheck_note_unlisted(k, letter_listed, "options named by letter");
    bankcheck_note_unlisted(k, reason_listed, "self-justifying options");
    bankcheck_note_unlisted(k, absolute_listed, "absolute-word cues");
    bankcheck_note_unlisted(k, shared_listed, "stem-and-key word cues");
}
