/* FSRS-6 in our own words, after the open-spaced-repetition description of
 * the algorithm: stability S (days until recall falls to 90%), difficulty D
 * (1..10), the power forgetting curve, and the per-learner fit on a grid. */
#include "memory.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const double MEMORY_DEFAULT_W[MEMORY_PARAMS] = {
    0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,  1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

static const double FIT_SCALES[MEMORY_FIT_SCALES] = {0.25, 0.35, 0.5, 0.7, 1.0, 1.4, 2.0, 2.8, 4.0};
static const double FIT_DECAYS[MEMORY_FIT_DECAYS] = {0.1, 0.1542, 0.2, 0.3, 0.4, 0.5, 0.65, 0.8};

static double clamp(double x, double lo, double hi)
{
    return x < lo ? lo : (x > hi ? hi : x);
}

double memory_recall(double days, double stability, double decay)
{
    if (stability <= 0.0)
        return 0.0;
    if (days <= 0.0)
        return 1.0;
    double factor = pow(0.9, -1.0 / decay) - 1.0;
    return pow(1.0 + factor * days / stability, -decay);
}

double memory_initial_stability(const double *w, int grade)
{
    int g = grade < 1 ? 1 : (grade > 4 ? 4 : grade);
    return clamp(w[g - 1], MEMORY_MIN_STABILITY, MEMORY_MAX_STABILITY);
}

static double initial_difficulty_raw(const double *w, int grade)
{
    return w[4] - exp(w[5] * (grade - 1)) + 1.0;
}

double memory_initial_difficulty(const double *w, int grade)
{
    return clamp(initial_difficulty_raw(w, grade), 1.0, 10.0);
}

static double next_difficulty(const double *w, double d, int grade)
{
    double delta = -w[6] * (grade - 3);
    double damped = d + delta * (10.0 - d) / 9.0;
    double reverted = w[7] * initial_difficulty_raw(w, MEMORY_EASY) + (1.0 - w[7]) * damped;
    return clamp(reverted, 1.0, 10.0);
}

double memory_next_stability(const double *w, double s, double *difficulty, int grade, double elapsed_days)
{
    double d = *difficulty;
    double next;
    if (elapsed_days * SECONDS_PER_DAY < MEMORY_SHORT_TERM_SECONDS) {
        double gain = exp(w[17] * (grade - 3 + w[18])) * pow(s, -w[19]);
        if (grade >= MEMORY_GOOD && gain < 1.0)
            gain = 1.0;
        next = s * gain;
    } else {
        double r = memory_recall(elapsed_days, s, w[20]);
        if (grade == MEMORY_AGAIN) {
            double long_term = w[11] * pow(d, -w[12]) * (pow(s + 1.0, w[13]) - 1.0) * exp((1.0 - r) * w[14]);
            double short_term = s / exp(w[17] * w[18]);
            next = long_term < short_term ? long_term : short_term;
        } else {
            double hard = grade == MEMORY_HARD ? w[15] : 1.0;
            double easy = grade == MEMORY_EASY ? w[16] : 1.0;
            next = s * (1.0 + exp(w[8]) * (11.0 - d) * pow(s, -w[9]) * (exp((1.0 - r) * w[10]) - 1.0) * hard * easy);
        }
    }
    *difficulty = next_difficulty(w, d, grade);
    return clamp(next, MEMORY_MIN_STABILITY, MEMORY_MAX_STABILITY);
}

void memory_apply(ItemState *state, bool correct, int64_t now)
{
    const double *w = MEMORY_DEFAULT_W;
    if (state->stability <= 0.0 || state->last_at <= 0) {
        state->stability = memory_initial_stability(w, MEMORY_EXPOSURE_GRADE);
        state->difficulty = memory_initial_difficulty(w, MEMORY_EXPOSURE_GRADE);
        return;
    }
    double elapsed = now > state->last_at ? (double)(now - state->last_at) / SECONDS_PER_DAY : 0.0;
    state->stability = memory_next_stability(w, state->stability, &state->difficulty,
                                             correct ? MEMORY_GOOD : MEMORY_AGAIN, elapsed);
}

bool memory_replay(const Bank *bank, const Answer *answers, int n, ItemState *states)
{
    for (int i = 0; i < bank->item_count; i++) {
        states[i].stability = 0.0;
        states[i].difficulty = 0.0;
        states[i].last_at = 0;
    }
    int *order = answers_by_time(answers, n);
    if (!order)
        return false;
    for (int k = 0; k < n; k++) {
        const Answer *a = &answers[order[k]];
        if (a->item < 0 || a->item >= bank->item_count)
            continue;
        memory_apply(&states[a->item], a->correct, a->at);
        states[a->item].last_at = a->at;
    }
    free(order);
    return true;
}

double memory_guess_rate(const BankItem *item)
{
    if (item->kind != ITEM_QUESTION || item->option_count <= 0)
        return 0.0;
    int n = item->option_count, k = item->choose > 0 ? item->choose : 1;
    if (k > n)
        return 0.0;
    double ways = 1.0;
    for (int i = 1; i <= k; i++)
        ways = ways * (n - k + i) / i;
    return 1.0 / ways;
}

/* A mild prior around the default model: log-normal on the scale (sd 0.7
 * in log units) and on the decay (sd 0.6 around FSRS-6's 0.1542, so that a
 * steep forgetter at 0.5 is under two deviations away). */
static double prior_weight(double scale, double decay)
{
    double zs = log(scale) / 0.7, zd = log(decay / MEMORY_DEFAULT_W[20]) / 0.6;
    return exp(-0.5 * (zs * zs + zd * zd));
}

void memory_fit_update(MemoryFit *fit)
{
    double top = -INFINITY;
    for (int p = 0; p < MEMORY_FIT_POINTS; p++)
        if (fit->logw[p] > top)
            top = fit->logw[p];
    double sum = 0.0;
    for (int p = 0; p < MEMORY_FIT_POINTS; p++) {
        fit->weight[p] = exp(fit->logw[p] - top);
        sum += fit->weight[p];
    }
    double log_scale = 0.0;
    fit->mean_decay = 0.0;
    for (int p = 0; p < MEMORY_FIT_POINTS; p++) {
        fit->weight[p] /= sum;
        log_scale += fit->weight[p] * log(fit->scale[p]);
        fit->mean_decay += fit->weight[p] * fit->decay[p];
    }
    fit->mean_scale = exp(log_scale);
    double room = fit->first_answers - fit->first_guess;
    double beyond = fit->first_right - fit->first_guess - sqrt(fit->first_guess_var);
    fit->knowledge = room > 0.0 && beyond > 0.0 ? clamp(beyond / room, 0.0, 1.0) : 0.0;
}

void memory_fit_prior(MemoryFit *fit)
{
    memset(fit, 0, sizeof *fit);
    for (int i = 0; i < MEMORY_FIT_SCALES; i++)
        for (int j = 0; j < MEMORY_FIT_DECAYS; j++) {
            int p = i * MEMORY_FIT_DECAYS + j;
            fit->scale[p] = FIT_SCALES[i];
            fit->decay[p] = FIT_DECAYS[j];
            fit->logw[p] = log(prior_weight(FIT_SCALES[i], FIT_DECAYS[j]));
        }
    memory_fit_update(fit);
}

void memory_fit_observe(MemoryFit *fit, const BankItem *item, const ItemState *before, bool correct,
                        int64_t at)
{
    double g = memory_guess_rate(item);
    if (before->last_at <= 0) {
        fit->first_answers++;
        fit->first_right += correct ? 1.0 : 0.0;
        fit->first_guess += g;
        fit->first_guess_var += g * (1.0 - g);
        return;
    }
    int64_t gap = at - before->last_at;
    if (before->stability <= 0.0 || gap < MEMORY_SHORT_TERM_SECONDS)
        return;
    double days = (double)gap / SECONDS_PER_DAY;
    for (int p = 0; p < MEMORY_FIT_POINTS; p++) {
        double r = memory_recall(days, fit->scale[p] * before->stability, fit->decay[p]);
        double chance = clamp(g + (1.0 - g) * r, 1e-4, 1.0 - 1e-4);
        fit->logw[p] += MEMORY_FIT_TEMPER * log(correct ? chance : 1.0 - chance);
    }
    fit->evidence++;
}

bool memory_fit_answers(const Bank *bank, const Answer *answers, int n, MemoryFit *fit)
{
    memory_fit_prior(fit);
    size_t count = (size_t)(bank->item_count > 0 ? bank->item_count : 1);
    ItemState *st = calloc(count, sizeof *st);
    int *order = st ? answers_by_time(answers, n) : NULL;
    if (!order) {
        free(st);
        return false;
    }
    for (int k = 0; k < n; k++) {
        const Answer *a = &answers[order[k]];
        if (a->item < 0 || a->item >= bank->item_count)
            continue;
        ItemState *s = &st[a->item];
        memory_fit_observe(fit, &bank->items[a->item], s, a->correct, a->at);
        memory_apply(s, a->correct, a->at);
        s->last_at = a->at;
    }
    free(order);
    free(st);
    memory_fit_update(fit);
    return true;
}

double memory_item_recall(const ItemState *state, const MemoryFit *fit, int point, int64_t at)
{
    if (state->stability <= 0.0 || state->last_at <= 0)
        return 0.0;
    double scale = point < 0 ? fit->mean_scale : fit->scale[point];
    double decay = point < 0 ? fit->mean_decay : fit->decay[point];
    double days = at > state->last_at ? (double)(at - state->last_at) / SECONDS_PER_DAY : 0.0;
    return memory_recall(days, scale * state->stability, decay);
}
