/* Exact scoring of a form given per-item chances, averaged over forms and
 * over the memory fit's grid. 40 forms x 72 fit points x 50 scored items
 * is a few million multiply-adds: instant next to a frame. */
#include "estimate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "examform.h"
#include "scoring.h"

double estimate_item_recall(const ItemState *state, const MemoryFit *fit, int point, int64_t at)
{
    double r = memory_item_recall(state, fit, point, at);
    return state->wrong == 0 && r < fit->knowledge ? fit->knowledge : r;
}

void estimate_item_chances(const Bank *bank, const ItemState *states, const MemoryFit *fit, int point,
                           int64_t at, double *out)
{
    for (int i = 0; i < bank->item_count; i++) {
        double r = estimate_item_recall(&states[i], fit, point, at);
        double g = memory_guess_rate(&bank->items[i]);
        out[i] = g + (1.0 - g) * r;
    }
}

double estimate_form_pass(const Bank *bank, const ExamForm *form, const double *chances, double *mean_scaled)
{
    int n = 0;
    for (int k = 0; k < form->count; k++)
        n += form->items[k].scored;
    double *dist = calloc((size_t)n + 1, sizeof *dist);
    if (!dist) {
        if (mean_scaled)
            *mean_scaled = 0.0;
        return 0.0;
    }
    dist[0] = 1.0;
    int seen = 0;
    for (int k = 0; k < form->count; k++) {
        if (!form->items[k].scored)
            continue;
        double p = chances[form->items[k].item];
        seen++;
        for (int r = seen; r >= 1; r--)
            dist[r] = dist[r] * (1.0 - p) + dist[r - 1] * p;
        dist[0] *= 1.0 - p;
    }
    int need = scoring_pass_right(bank, n);
    double pass = 0.0, mean = 0.0;
    for (int r = 0; r <= n; r++) {
        if (r >= need)
            pass += dist[r];
        if (mean_scaled)
            mean += dist[r] * scoring_scaled(bank, n > 0 ? (double)r / n : 0.0);
    }
    free(dist);
    if (mean_scaled)
        *mean_scaled = mean;
    return pass;
}

typedef struct Weighted {
    double value, weight;
} Weighted;

static int compare_weighted(const void *a, const void *b)
{
    const Weighted *x = a, *y = b;
    return (x->value > y->value) - (x->value < y->value);
}

/* The value below which `share` of the weight lies (points sorted here). */
static double weighted_quantile(Weighted *w, int n, double share)
{
    qsort(w, (size_t)n, sizeof *w, compare_weighted);
    double total = 0.0, acc = 0.0;
    for (int i = 0; i < n; i++)
        total += w[i].weight;
    for (int i = 0; i < n; i++) {
        acc += w[i].weight;
        if (acc >= share * total)
            return w[i].value;
    }
    return n > 0 ? w[n - 1].value : 0.0;
}

bool estimate_pass(const Bank *bank, const ItemState *states, const MemoryFit *fit, int64_t at, int forms,
                   Rng *rng, PlanPassEstimate *out)
{
    memset(out, 0, sizeof *out);
    if (forms <= 0)
        forms = ESTIMATE_DEFAULT_FORMS;
    ExamForm *form = calloc((size_t)forms, sizeof *form);
    double *chances = malloc((size_t)(bank->item_count > 0 ? bank->item_count : 1) * sizeof *chances);
    bool ok = form && chances;
    for (int f = 0; ok && f < forms; f++)
        ok = examform_build_mock(bank, NULL, at, rng, &form[f], NULL);
    Weighted points[MEMORY_FIT_POINTS];
    int used = 0;
    double prob = 0.0, mean = 0.0, weight = 0.0;
    for (int p = 0; ok && p < MEMORY_FIT_POINTS; p++) {
        if (fit->weight[p] < ESTIMATE_MIN_WEIGHT)
            continue;
        estimate_item_chances(bank, states, fit, p, at, chances);
        double pass = 0.0, scaled = 0.0;
        for (int f = 0; f < forms; f++) {
            double m = 0.0;
            pass += estimate_form_pass(bank, &form[f], chances, &m);
            scaled += m;
        }
        pass /= forms;
        scaled /= forms;
        points[used++] = (Weighted){pass, fit->weight[p]};
        prob += fit->weight[p] * pass;
        mean += fit->weight[p] * scaled;
        weight += fit->weight[p];
    }
    for (int f = 0; form && f < forms; f++)
        exam_form_free(&form[f]);
    free(form);
    free(chances);
    if (!ok || used == 0 || weight <= 0.0)
        return false;
    out->probability = prob / weight;
    out->mean_scaled = mean / weight;
    out->simulations = forms;
    out->range_draws = used;
    out->low = weighted_quantile(points, used, ESTIMATE_RANGE_LOW);
    out->high = weighted_quantile(points, used, ESTIMATE_RANGE_HIGH);
    if (out->low > out->probability)
        out->low = out->probability;
    if (out->high < out->probability)
        out->high = out->probability;
    estimate_widen(out);
    return true;
}

static double logit(double p)
{
    p = p < 1e-6 ? 1e-6 : (p > 1.0 - 1e-6 ? 1.0 - 1e-6 : p);
    return log(p / (1.0 - p));
}

static double logistic(double x)
{
    return 1.0 / (1.0 + exp(-x));
}

void estimate_widen(PlanPassEstimate *e)
{
    double c = logit(e->probability);
    double down = c - logit(e->low), up = logit(e->high) - c;
    double m2 = ESTIMATE_MODEL_ERROR * ESTIMATE_MODEL_ERROR;
    double low = logistic(c - sqrt(down * down + m2)), high = logistic(c + sqrt(up * up + m2));
    e->low = low < e->probability ? low : e->probability;
    e->high = high > e->probability ? high : e->probability;
}

double estimate_bank_recall(const Bank *bank, const ItemState *states, const MemoryFit *fit, int64_t at)
{
    if (bank->item_count <= 0)
        return 0.0;
    double sum = 0.0;
    for (int i = 0; i < bank->item_count; i++)
        sum += estimate_item_recall(&states[i], fit, -1, at);
    return sum / bank->item_count;
}
