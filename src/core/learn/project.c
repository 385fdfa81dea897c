/* The projection's draws: each copies the states, draws a fit point, runs
 * the exam-aware sessions to the exam with answers drawn from that point's
 * recall, and scores the result on shared forms. 16 draws x 30 days of a
 * 680-item bank take a few tens of milliseconds. */
#include "project.h"

#include <stdlib.h>
#include <string.h>

#include "estimate.h"
#include "examform.h"
#include "leitner.h"

/* The fit point of draw d of n: systematic sampling over the posterior
 * (the (d + 1/2) / n quantile of the weights in grid order), so that every
 * projection with n draws meets the same points and what-ifs for other
 * minutes differ by the minutes, not by luck. */
static int draw_point(const MemoryFit *fit, int d, int n)
{
    double u = (d + 0.5) / n, acc = 0.0;
    for (int p = 0; p < MEMORY_FIT_POINTS; p++) {
        acc += fit->weight[p];
        if (u < acc)
            return p;
    }
    return MEMORY_FIT_POINTS - 1;
}

/* One imagined learner at fit point p, from first_session to the exam:
 * st is what the game records (right answers, lucky guesses included),
 * mem the learner's own memory (only real recall strengthens it). Returns
 * the time its last unseen item was met (0: none unseen, -1: not met). */
static int64_t run_draw(const Bank *bank, ItemState *st, ItemState *mem, const MemoryFit *fit, int p,
                        const ProjectOptions *o, Rng *rng)
{
    int unseen = 0;
    for (int i = 0; i < bank->item_count; i++)
        unseen += st[i].box == 0;
    int64_t met = unseen == 0 ? 0 : -1;
    for (int day = 0; day < PROJECT_MAX_DAYS && o->showings_per_day > 0; day++) {
        int64_t now = o->first_session + (int64_t)day * SECONDS_PER_DAY;
        if (now >= o->exam_date)
            break;
        LeitnerOptions lo = {.policy = LEITNER_POLICY_EXAM, .fit = fit, .size = o->showings_per_day,
                             .exam_date = o->exam_date, .due_by = now,
                             .started_at = o->started_at > 0 ? o->started_at : o->first_session};
        LeitnerSession s;
        if (!leitner_session_start(&s, bank, st, o->accuracy, now, rng, &lo))
            return met;
        for (int shown = 0; shown < o->showings_per_day; shown++) {
            int item = leitner_session_next(&s);
            if (item < 0)
                break;
            int64_t at = now + (int64_t)shown * PROJECT_SECONDS_PER_SHOWING;
            bool recalled = rng_unit(rng) < memory_item_recall(&mem[item], fit, p, at);
            bool correct = recalled || rng_unit(rng) < memory_guess_rate(&bank->items[item]);
            bool first = st[item].box == 0;
            leitner_session_record(&s, correct, at);
            memory_apply(&mem[item], recalled, at);
            mem[item].last_at = at;
            if (first && --unseen == 0 && met < 0)
                met = now;
        }
        leitner_session_end(&s);
    }
    return met;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int compare_int64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

bool project_exam_day(const Bank *bank, const ItemState *states, const MemoryFit *fit,
                      const ProjectOptions *opt, Rng *rng, Projection *out)
{
    memset(out, 0, sizeof *out);
    ProjectOptions o = *opt;
    if (o.draws <= 0)
        o.draws = PROJECT_DEFAULT_DRAWS;
    if (o.forms <= 0)
        o.forms = ESTIMATE_DEFAULT_FORMS;
    size_t n = (size_t)(bank->item_count > 0 ? bank->item_count : 1);
    ItemState *st = malloc(n * sizeof *st), *mem = malloc(n * sizeof *mem);
    double *chances = malloc(n * sizeof *chances);
    ExamForm *forms = calloc((size_t)o.forms, sizeof *forms);
    double *pass = calloc((size_t)o.draws, sizeof *pass), *recall = calloc((size_t)o.draws, sizeof *recall);
    int64_t *met = calloc((size_t)o.draws, sizeof *met), *left = calloc((size_t)o.draws, sizeof *left);
    bool ok = st && mem && chances && forms && pass && recall && met && left && o.exam_date > 0;
    for (int f = 0; ok && f < o.forms; f++)
        ok = examform_build_mock(bank, NULL, o.exam_date, rng, &forms[f], NULL);
    for (int i = 0; ok && i < bank->item_count; i++)
        out->unseen_now += states[i].box == 0;
    double mean_scaled = 0.0;
    uint64_t base = rng_next(rng);
    for (int d = 0; ok && d < o.draws; d++) {
        memcpy(st, states, (size_t)bank->item_count * sizeof *st);
        memcpy(mem, states, (size_t)bank->item_count * sizeof *mem);
        int p = draw_point(fit, d, o.draws);
        Rng draw_rng; /* draw d's own answers: the same for every minutes value */
        rng_seed(&draw_rng, base + 0x9e3779b97f4a7c15ull * (uint64_t)(d + 1));
        met[d] = run_draw(bank, st, mem, fit, p, &o, &draw_rng);
        estimate_item_chances(bank, mem, fit, p, o.exam_date, chances);
        for (int f = 0; f < o.forms; f++) {
            double m = 0.0;
            pass[d] += estimate_form_pass(bank, &forms[f], chances, &m);
            mean_scaled += m;
        }
        pass[d] /= o.forms;
        double sum = 0.0;
        for (int i = 0; i < bank->item_count; i++) {
            sum += estimate_item_recall(&mem[i], fit, p, o.exam_date);
            left[d] += st[i].box == 0;
        }
        recall[d] = bank->item_count > 0 ? sum / bank->item_count : 0.0;
    }
    if (ok) {
        for (int d = 0; d < o.draws; d++) {
            out->pass.probability += pass[d] / o.draws;
            out->recall += recall[d] / o.draws;
        }
        out->pass.mean_scaled = mean_scaled / ((double)o.draws * o.forms);
        out->pass.simulations = o.draws * o.forms;
        out->pass.range_draws = o.draws;
        qsort(pass, (size_t)o.draws, sizeof *pass, compare_double);
        qsort(recall, (size_t)o.draws, sizeof *recall, compare_double);
        qsort(met, (size_t)o.draws, sizeof *met, compare_int64);
        qsort(left, (size_t)o.draws, sizeof *left, compare_int64);
        out->unseen_at_exam = (int)left[o.draws / 2];
        int lo = (int)(0.1 * (o.draws - 1) + 0.5), hi = (int)(0.9 * (o.draws - 1) + 0.5);
        out->pass.low = pass[lo] < out->pass.probability ? pass[lo] : out->pass.probability;
        out->pass.high = pass[hi] > out->pass.probability ? pass[hi] : out->pass.probability;
        estimate_widen(&out->pass);
        out->recall_low = recall[lo];
        out->recall_high = recall[hi];
        /* -1 sorts first: the bank is met in the median draw only when at
         * least half the draws met it */
        out->all_met_at = met[o.draws / 2];
    }
    for (int f = 0; forms && f < o.forms; f++)
        exam_form_free(&forms[f]);
    free(forms);
    free(st);
    free(mem);
    free(chances);
    free(pass);
    free(recall);
    free(met);
    free(left);
    if (!ok)
        memset(out, 0, sizeof *out);
    return ok;
}
