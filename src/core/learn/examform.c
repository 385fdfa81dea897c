/* Form assembly: per-domain counts by largest remainder (capped by what the
 * bank holds), then per domain a draw that keeps the multiple-response share
 * and prefers items not seen in recent forms, then shuffles. All randomness
 * comes from the caller's Rng, so a seed reproduces a form. */
#include "examform.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "apportion.h"

typedef struct Pools {
    int *items;                         /* questions grouped by domain */
    int start[SCORING_MAX_DOMAINS];
    int count[SCORING_MAX_DOMAINS];
    bool *recent;                       /* per bank item */
} Pools;

static void pools_free(Pools *p)
{
    free(p->items);
    free(p->recent);
}

static bool pools_build(const Bank *bank, const ExamFormOptions *opt, Pools *p)
{
    memset(p, 0, sizeof *p);
    size_t n = bank->item_count > 0 ? (size_t)bank->item_count : 1;
    p->items = malloc(n * sizeof *p->items);
    p->recent = calloc(n, sizeof *p->recent);
    if (!p->items || !p->recent)
        return false;
    for (int i = 0; i < bank->item_count; i++) {
        const BankItem *it = &bank->items[i];
        if (it->kind == ITEM_QUESTION && it->option_count >= 2 && it->domain >= 0 &&
            it->domain < bank->domain_count)
            p->count[it->domain]++;
    }
    int at = 0;
    for (int d = 0; d < bank->domain_count; d++) {
        p->start[d] = at;
        at += p->count[d];
        p->count[d] = 0;
    }
    for (int i = 0; i < bank->item_count; i++) {
        const BankItem *it = &bank->items[i];
        if (it->kind == ITEM_QUESTION && it->option_count >= 2 && it->domain >= 0 &&
            it->domain < bank->domain_count)
            p->items[p->start[it->domain] + p->count[it->domain]++] = i;
    }
    if (opt && opt->recent)
        for (int k = 0; k < opt->recent_count; k++)
            if (opt->recent[k] >= 0 && opt->recent[k] < bank->item_count)
                p->recent[opt->recent[k]] = true;
    return true;
}

static void domain_weights(const Bank *bank, double *w)
{
    for (int d = 0; d < bank->domain_count; d++)
        w[d] = bank->domains[d].weight;
}

bool examform_domain_counts(const Bank *bank, int scored, int unscored, int *scored_out,
                            int *unscored_out)
{
    if (!scoring_bank_fits(bank) || scored < 0 || unscored < 0)
        return false;
    double w[SCORING_MAX_DOMAINS];
    domain_weights(bank, w);
    if (scored_out)
        apportion_largest_remainder(w, NULL, NULL, bank->domain_count, scored, scored_out);
    if (unscored_out)
        apportion_largest_remainder(w, NULL, NULL, bank->domain_count, unscored, unscored_out);
    return true;
}

int examform_seconds_total(const Bank *bank, StudyMode mode, bool esl)
{
    if (mode != MODE_MOCK)
        return 0;
    return bank->exam_minutes * 60 + (esl ? bank->esl_extra_minutes * 60 : 0);
}

/* The four sub-pools of one domain, each shuffled. */
typedef struct Split {
    int *fresh_multi, *recent_multi, *fresh_single, *recent_single;
    int n_fresh_multi, n_recent_multi, n_fresh_single, n_recent_single;
} Split;

static void split_domain(const Bank *bank, const Pools *p, int d, int *scratch, Split *s, Rng *rng)
{
    const int *pool = p->items + p->start[d];
    int n = p->count[d];
    memset(s, 0, sizeof *s);
    /* scratch holds 4 x n ints: one quarter per sub-pool */
    s->fresh_multi = scratch;
    s->recent_multi = scratch + n;
    s->fresh_single = scratch + 2 * n;
    s->recent_single = scratch + 3 * n;
    for (int k = 0; k < n; k++) {
        int item = pool[k];
        bool multi = bank->items[item].choose > 1;
        bool recent = p->recent[item];
        if (multi && !recent)
            s->fresh_multi[s->n_fresh_multi++] = item;
        else if (multi)
            s->recent_multi[s->n_recent_multi++] = item;
        else if (!recent)
            s->fresh_single[s->n_fresh_single++] = item;
        else
            s->recent_single[s->n_recent_single++] = item;
    }
    rng_shuffle_ints(rng, s->fresh_multi, s->n_fresh_multi);
    rng_shuffle_ints(rng, s->recent_multi, s->n_recent_multi);
    rng_shuffle_ints(rng, s->fresh_single, s->n_fresh_single);
    rng_shuffle_ints(rng, s->recent_single, s->n_recent_single);
}

static int min_int(int a, int b)
{
    return a < b ? a : b;
}

/* How many multiple-response items to take out of k: the domain's share
 * rounded, or one either side of it if that avoids reusing recent items. */
static int choose_multi_count(const Split *s, int k)
{
    int multi = s->n_fresh_multi + s->n_recent_multi;
    int single = s->n_fresh_single + s->n_recent_single;
    int n = multi + single;
    int target = n > 0 ? (int)floor((double)k * multi / n + 0.5) : 0;
    int lo = k - single > 0 ? k - single : 0; /* feasible range for the multi count */
    int hi = min_int(k, multi);
    if (target < lo)
        target = lo;
    if (target > hi)
        target = hi;
    int best = target;
    int best_fresh = min_int(s->n_fresh_multi, target) + min_int(s->n_fresh_single, k - target);
    for (int m = target - 1; m <= target + 1; m += 2) {
        if (m < lo || m > hi)
            continue;
        int fresh = min_int(s->n_fresh_multi, m) + min_int(s->n_fresh_single, k - m);
        if (fresh > best_fresh) {
            best = m;
            best_fresh = fresh;
        }
    }
    return best;
}

/* Appends `want` items to out, fresh ones first; returns how many were recent. */
static int take(const int *fresh, int n_fresh, const int *recent, int n_recent, int want, int *out,
                int *n_out)
{
    int from_fresh = min_int(want, n_fresh);
    for (int i = 0; i < from_fresh; i++)
        out[(*n_out)++] = fresh[i];
    int from_recent = min_int(want - from_fresh, n_recent);
    for (int i = 0; i < from_recent; i++)
        out[(*n_out)++] = recent[i];
    return from_recent;
}

static void shuffle_options(const BankItem *it, FormItem *fi, Rng *rng)
{
    int order[BANK_MAX_OPTIONS];
    for (int k = 0; k < BANK_MAX_OPTIONS; k++)
        order[k] = k;
    int n = it->option_count < BANK_MAX_OPTIONS ? it->option_count : BANK_MAX_OPTIONS;
    rng_shuffle_ints(rng, order, n);
    for (int k = 0; k < BANK_MAX_OPTIONS; k++)
        fi->order[k] = (uint8_t)order[k];
}

static bool build_form(const Bank *bank, StudyMode mode, int total, int scored,
                       const ExamFormOptions *opt, int64_t now, Rng *rng, ExamForm *out,
                       ExamFormReport *report)
{
    ExamFormReport local;
    if (!report)
        report = &local;
    memset(out, 0, sizeof *out);
    memset(report, 0, sizeof *report);
    if (!scoring_bank_fits(bank) || total <= 0)
        return false;
    if (scored > total)
        scored = total;
    if (scored < 0)
        scored = 0;
    int dc = bank->domain_count;
    report->domain_count = dc;

    Pools pools;
    if (!pools_build(bank, opt, &pools)) {
        pools_free(&pools);
        return false;
    }
    int pool_total = 0;
    for (int d = 0; d < dc; d++) {
        report->available[d] = pools.count[d];
        pool_total += pools.count[d];
    }
    if (pool_total == 0) {
        pools_free(&pools);
        return false;
    }

    /* Per-domain counts: scored first (capped by the pool), then unscored
     * from what is left; the uncapped counts are what the weights wanted. */
    double w[SCORING_MAX_DOMAINS];
    domain_weights(bank, w);
    int want_s[SCORING_MAX_DOMAINS], want_u[SCORING_MAX_DOMAINS];
    int got_s[SCORING_MAX_DOMAINS], got_u[SCORING_MAX_DOMAINS], left[SCORING_MAX_DOMAINS];
    apportion_largest_remainder(w, NULL, NULL, dc, scored, want_s);
    apportion_largest_remainder(w, NULL, NULL, dc, total - scored, want_u);
    apportion_largest_remainder(w, NULL, pools.count, dc, scored, got_s);
    for (int d = 0; d < dc; d++)
        left[d] = pools.count[d] - got_s[d];
    apportion_largest_remainder(w, NULL, left, dc, total - scored, got_u);

    int count = 0;
    for (int d = 0; d < dc; d++)
        count += got_s[d] + got_u[d];
    int *picked = malloc((size_t)count * sizeof *picked);
    bool *unscored = calloc((size_t)count, sizeof *unscored);
    int *scratch = malloc((size_t)(4 * pool_total) * sizeof *scratch);
    FormItem *items = calloc((size_t)count, sizeof *items);
    int *order = malloc((size_t)count * sizeof *order);
    if (!picked || !unscored || !scratch || !items || !order) {
        free(picked);
        free(unscored);
        free(scratch);
        free(items);
        free(order);
        pools_free(&pools);
        return false;
    }

    int n = 0;
    for (int d = 0; d < dc; d++) {
        int k = got_s[d] + got_u[d];
        report->wanted[d] = want_s[d] + want_u[d];
        report->got[d] = k;
        report->scored[d] = got_s[d];
        if (k < report->wanted[d])
            report->short_domains++;
        Split s;
        split_domain(bank, &pools, d, scratch, &s, rng);
        int m = choose_multi_count(&s, k);
        int first = n;
        report->reused += take(s.fresh_multi, s.n_fresh_multi, s.recent_multi, s.n_recent_multi, m,
                               picked, &n);
        report->reused += take(s.fresh_single, s.n_fresh_single, s.recent_single,
                               s.n_recent_single, k - m, picked, &n);
        report->multi[d] = m;
        /* Which of this domain's items are the unscored ones: at random. */
        rng_shuffle_ints(rng, picked + first, n - first);
        for (int i = 0; i < got_u[d]; i++)
            unscored[first + i] = true;
    }
    report->incomplete = n < total;

    for (int i = 0; i < n; i++)
        order[i] = i;
    rng_shuffle_ints(rng, order, n);
    for (int i = 0; i < n; i++) {
        FormItem *fi = &items[i];
        fi->item = picked[order[i]];
        fi->scored = !unscored[order[i]];
        shuffle_options(&bank->items[fi->item], fi, rng);
    }
    free(picked);
    free(unscored);
    free(scratch);
    free(order);
    pools_free(&pools);

    out->mode = mode;
    out->count = n;
    out->items = items;
    out->started_at = now;
    out->seconds_total = examform_seconds_total(bank, mode, opt && opt->esl);
    out->seconds_left = out->seconds_total;
    return true;
}

bool examform_build_mock(const Bank *bank, const ExamFormOptions *opt, int64_t now, Rng *rng,
                         ExamForm *out, ExamFormReport *report)
{
    if (!bank) {
        memset(out, 0, sizeof *out);
        return false;
    }
    return build_form(bank, MODE_MOCK, bank->exam_items, bank->exam_scored, opt, now, rng, out,
                      report);
}

bool examform_build_diagnostic(const Bank *bank, const ExamFormOptions *opt, int64_t now, Rng *rng,
                               ExamForm *out, ExamFormReport *report)
{
    if (!bank) {
        memset(out, 0, sizeof *out);
        return false;
    }
    return build_form(bank, MODE_DIAGNOSTIC, bank->diagnostic_items, bank->diagnostic_items, opt,
                      now, rng, out, report);
}

int examform_seconds_per_item(const Bank *bank)
{
    if (!bank || bank->exam_items <= 0 || bank->exam_minutes <= 0)
        return 0;
    return bank->exam_minutes * 60 / bank->exam_items;
}

bool examform_build_retake(const Bank *bank, const int *items, int count, int64_t now, Rng *rng, ExamForm *out)
{
    memset(out, 0, sizeof *out);
    if (!bank || !items || count <= 0)
        return false;
    for (int i = 0; i < count; i++)
        if (items[i] < 0 || items[i] >= bank->item_count || bank->items[items[i]].option_count <= 0)
            return false;
    FormItem *form_items = calloc((size_t)count, sizeof *form_items);
    if (!form_items)
        return false;
    for (int i = 0; i < count; i++) {
        FormItem *fi = &form_items[i];
        fi->item = items[i];
        fi->scored = true;
        shuffle_options(&bank->items[fi->item], fi, rng);
    }
    out->mode = MODE_RETAKE;
    out->count = count;
    out->items = form_items;
    out->started_at = now;
    out->seconds_total = examform_seconds_per_item(bank) * count;
    out->seconds_left = out->seconds_total;
    return true;
}
