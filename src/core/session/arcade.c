/* Arcade stream and flashcard conversion. Flashcards whose backs are all
 * alike cannot make fair distractors, so a bank with fewer than four distinct
 * backs keeps its flashcards out of the arcade rather than showing duplicates. */
#include "arcade.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Text equality ignoring ASCII case and leading/trailing white space. */
static bool same_text(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    while (isspace((unsigned char)*a))
        a++;
    while (isspace((unsigned char)*b))
        b++;
    size_t la = strlen(a), lb = strlen(b);
    while (la > 0 && isspace((unsigned char)a[la - 1]))
        la--;
    while (lb > 0 && isspace((unsigned char)b[lb - 1]))
        lb--;
    if (la != lb)
        return false;
    for (size_t i = 0; i < la; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
            return false;
    return true;
}

static bool is_flashcard(const Bank *bank, int i)
{
    return bank->items[i].kind == ITEM_FLASHCARD && bank->items[i].back;
}

/* Adds distractors from candidates (shuffled) until `have` reaches 4;
 * returns the new count. */
static int add_distractors(const Bank *bank, int *cand, int n, Rng *rng, int *chosen, int have)
{
    rng_shuffle_ints(rng, cand, n);
    for (int k = 0; k < n && have < ARCADE_FLASHCARD_OPTIONS; k++) {
        const char *text = bank->items[cand[k]].back;
        bool dup = false;
        for (int j = 0; j < have && !dup; j++)
            dup = same_text(text, bank->items[chosen[j]].back);
        if (!dup)
            chosen[have++] = cand[k];
    }
    return have;
}

bool arcade_flashcard_question(const Bank *bank, int item, Rng *rng, ArcadeQuestion *out)
{
    memset(out, 0, sizeof *out);
    if (item < 0 || item >= bank->item_count || !is_flashcard(bank, item))
        return false;
    int domain = bank->items[item].domain;
    int *cand = malloc((size_t)bank->item_count * sizeof *cand);
    if (!cand)
        return false;
    int chosen[ARCADE_FLASHCARD_OPTIONS];
    chosen[0] = item;
    int have = 1;
    int n = 0;
    for (int i = 0; i < bank->item_count; i++)
        if (i != item && is_flashcard(bank, i) && bank->items[i].domain == domain)
            cand[n++] = i;
    have = add_distractors(bank, cand, n, rng, chosen, have);
    if (have < ARCADE_FLASHCARD_OPTIONS) {
        n = 0;
        for (int i = 0; i < bank->item_count; i++)
            if (is_flashcard(bank, i) && bank->items[i].domain != domain)
                cand[n++] = i;
        have = add_distractors(bank, cand, n, rng, chosen, have);
    }
    free(cand);
    if (have < ARCADE_FLASHCARD_OPTIONS)
        return false;
    int order[ARCADE_FLASHCARD_OPTIONS] = {0, 1, 2, 3};
    rng_shuffle_ints(rng, order, ARCADE_FLASHCARD_OPTIONS);
    out->item = item;
    out->from_flashcard = true;
    out->prompt = bank->items[item].front;
    out->option_count = ARCADE_FLASHCARD_OPTIONS;
    for (int k = 0; k < ARCADE_FLASHCARD_OPTIONS; k++) {
        int src = chosen[order[k]];
        out->options[k] = bank->items[src].back;
        out->why[k] = NULL;
        out->source[k] = src;
        if (order[k] == 0)
            out->right = k;
    }
    return true;
}

bool arcade_question(const Bank *bank, int item, Rng *rng, ArcadeQuestion *out)
{
    memset(out, 0, sizeof *out);
    if (item < 0 || item >= bank->item_count)
        return false;
    const BankItem *it = &bank->items[item];
    if (it->kind == ITEM_FLASHCARD)
        return arcade_flashcard_question(bank, item, rng, out);
    if (it->choose != 1 || it->option_count < 2 || it->option_count > BANK_MAX_OPTIONS)
        return false;
    int order[BANK_MAX_OPTIONS];
    for (int k = 0; k < it->option_count; k++)
        order[k] = k;
    rng_shuffle_ints(rng, order, it->option_count);
    out->item = item;
    out->prompt = it->prompt;
    out->option_count = it->option_count;
    out->right = -1;
    for (int k = 0; k < it->option_count; k++) {
        out->options[k] = it->options[order[k]].text;
        out->why[k] = it->options[order[k]].why;
        out->source[k] = order[k];
        if (it->correct_mask == (1u << order[k]))
            out->right = k;
    }
    if (out->right < 0) {
        memset(out, 0, sizeof *out);
        return false;
    }
    return true;
}

uint32_t arcade_answer_mask(const ArcadeQuestion *q, int chosen, bool *correct)
{
    bool ok = chosen == q->right;
    if (correct)
        *correct = ok;
    if (chosen < 0 || chosen >= q->option_count)
        return 0;
    if (q->from_flashcard)
        return ok ? 1u : 0u;
    return 1u << q->source[chosen];
}

/* True when at least `need` distinct flashcard backs exist in the bank. */
static bool distinct_backs_at_least(const Bank *bank, int need)
{
    const char *seen[ARCADE_FLASHCARD_OPTIONS];
    int have = 0;
    for (int i = 0; i < bank->item_count && have < need; i++) {
        if (!is_flashcard(bank, i))
            continue;
        bool dup = false;
        for (int j = 0; j < have && !dup; j++)
            dup = same_text(seen[j], bank->items[i].back);
        if (!dup)
            seen[have++] = bank->items[i].back;
    }
    return have >= need;
}

static bool eligible(const Bank *bank, int i, unsigned kinds, bool cards_ok)
{
    const BankItem *it = &bank->items[i];
    if (!(kinds & (1u << it->kind)) || it->domain < 0 || it->domain >= bank->domain_count)
        return false;
    if (it->kind == ITEM_FLASHCARD)
        return cards_ok && it->back && it->front;
    return it->choose == 1 && it->option_count >= 2 && it->option_count <= BANK_MAX_OPTIONS;
}

bool arcade_stream_start(ArcadeStream *s, const Bank *bank, const double *accuracy, unsigned kinds,
                         Rng *rng)
{
    memset(s, 0, sizeof *s);
    s->last_item = -1;
    if (!scoring_bank_fits(bank))
        return false;
    if (!kinds)
        kinds = ARCADE_KIND_QUESTIONS | ARCADE_KIND_FLASHCARDS;
    bool cards_ok = distinct_backs_at_least(bank, ARCADE_FLASHCARD_OPTIONS);
    s->bank = bank;
    s->domain_count = bank->domain_count;
    s->items = malloc((size_t)(bank->item_count > 0 ? bank->item_count : 1) * sizeof *s->items);
    if (!s->items)
        return false;
    for (int i = 0; i < bank->item_count; i++)
        if (eligible(bank, i, kinds, cards_ok))
            s->count[bank->items[i].domain]++;
    int at = 0;
    for (int d = 0; d < s->domain_count; d++) {
        s->start[d] = at;
        at += s->count[d];
        s->count[d] = 0;
        double acc = accuracy ? accuracy[d] : 0.5;
        acc = acc < 0.0 ? 0.0 : (acc > 1.0 ? 1.0 : acc);
        s->pull[d] = bank->domains[d].weight * (1.0 + (1.0 - acc));
    }
    for (int i = 0; i < bank->item_count; i++)
        if (eligible(bank, i, kinds, cards_ok)) {
            int d = bank->items[i].domain;
            s->items[s->start[d] + s->count[d]++] = i;
        }
    s->total = at;
    for (int d = 0; d < s->domain_count; d++)
        rng_shuffle_ints(rng, s->items + s->start[d], s->count[d]);
    return at > 0;
}

static int pick_domain(const ArcadeStream *s, Rng *rng)
{
    double sum = 0.0;
    int last = -1;
    for (int d = 0; d < s->domain_count; d++)
        if (s->count[d] > 0) {
            sum += s->pull[d] > 0.0 ? s->pull[d] : 0.0;
            last = d;
        }
    if (last < 0)
        return -1;
    if (sum <= 0.0) { /* all weights zero: uniform over domains with items */
        int n = 0;
        for (int d = 0; d < s->domain_count; d++)
            n += s->count[d] > 0;
        int k = (int)rng_below(rng, (uint32_t)n);
        for (int d = 0; d < s->domain_count; d++)
            if (s->count[d] > 0 && k-- == 0)
                return d;
        return last;
    }
    double x = rng_unit(rng) * sum;
    for (int d = 0; d < s->domain_count; d++) {
        if (s->count[d] <= 0 || s->pull[d] <= 0.0)
            continue;
        if (x < s->pull[d])
            return d;
        x -= s->pull[d];
    }
    return last;
}

int arcade_stream_next(ArcadeStream *s, Rng *rng)
{
    if (!s->items || s->total <= 0)
        return -1;
    int d = pick_domain(s, rng);
    if (d < 0)
        return -1;
    int *deck = s->items + s->start[d];
    int n = s->count[d];
    if (s->next[d] >= n) {
        rng_shuffle_ints(rng, deck, n);
        s->next[d] = 0;
        if (n > 1 && deck[0] == s->last_item) {
            int j = 1 + (int)rng_below(rng, (uint32_t)(n - 1));
            int tmp = deck[0];
            deck[0] = deck[j];
            deck[j] = tmp;
        }
    }
    int item = deck[s->next[d]++];
    s->last_item = item;
    s->served[d]++;
    return item;
}

bool arcade_stream_next_question(ArcadeStream *s, Rng *rng, ArcadeQuestion *out)
{
    /* every eligible item converts, but stay safe if the bank changed */
    for (int tries = 0; tries < 16; tries++) {
        int item = arcade_stream_next(s, rng);
        if (item < 0)
            break;
        if (arcade_question(s->bank, item, rng, out))
            return true;
    }
    memset(out, 0, sizeof *out);
    return false;
}

void arcade_stream_free(ArcadeStream *s)
{
    free(s->items);
    memset(s, 0, sizeof *s);
    s->last_item = -1;
}
