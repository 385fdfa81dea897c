/* Scoring arithmetic. The pass mark is reached exactly at p == c (the
 * quotient right/n and the bank's pass_fraction round to the same double when
 * they are the same decimal), so 35 of 50 right is 700 and passes. */
#include "scoring.h"
#include "bankload.h"

_Static_assert(BANK_LIMIT_DOMAINS == SCORING_MAX_DOMAINS, "the loader refuses what scoring can't hold");
_Static_assert(BANK_LIMIT_TASKS == SCORING_MAX_TASKS, "the loader refuses what scoring can't hold");

#include <math.h>
#include <string.h>

bool scoring_bank_fits(const Bank *bank)
{
    return bank && bank->domain_count >= 1 && bank->domain_count <= SCORING_MAX_DOMAINS &&
           bank->task_count >= 0 && bank->task_count <= SCORING_MAX_TASKS;
}

bool scoring_item_correct(const BankItem *item, uint32_t answer)
{
    if (answer == 0)
        return false;
    if (item->kind == ITEM_FLASHCARD)
        return answer == 1u;
    return answer == item->correct_mask;
}

double scoring_fraction(const ScoreTally *tally)
{
    if (tally->total <= 0)
        return 0.0;
    return (double)tally->right / (double)tally->total;
}

static double scaled_exact(const Bank *bank, double p)
{
    double lo = bank->scale_min, pass = bank->scale_pass, hi = bank->scale_max;
    double c = bank->pass_fraction;
    if (p < 0.0)
        p = 0.0;
    if (p > 1.0)
        p = 1.0;
    if (c >= 1.0)
        return lo + (pass - lo) * p;
    if (c <= 0.0)
        return pass + (hi - pass) * p;
    if (p <= c)
        return lo + (pass - lo) * p / c;
    return pass + (hi - pass) * (p - c) / (1.0 - c);
}

int scoring_scaled(const Bank *bank, double p)
{
    return (int)floor(scaled_exact(bank, p) + 0.5);
}

bool scoring_passes(const Bank *bank, int right, int n)
{
    if (n <= 0)
        return false;
    /* the exact fraction against the pass fraction, never the rounded scaled score:
     * a coarse scale would otherwise round a fail up to the pass mark */
    return (double)right / (double)n >= bank->pass_fraction;
}

int scoring_pass_right(const Bank *bank, int n)
{
    if (n <= 0)
        return 0;
    for (int right = 0; right <= n; right++)
        if (scoring_passes(bank, right, n))
            return right;
    return n + 1;
}

void scoring_likely_range(const Bank *bank, int right, int n, int *low, int *high)
{
    if (n <= 0) {
        *low = bank->scale_min;
        *high = bank->scale_max;
        return;
    }
    double p = (double)right / (double)n;
    double se = sqrt(p * (1.0 - p) / (double)n);
    double a = p - se, b = p + se;
    *low = scoring_scaled(bank, a < 0.0 ? 0.0 : a);
    *high = scoring_scaled(bank, b > 1.0 ? 1.0 : b);
}

static void result_begin(const Bank *bank, ScoreResult *out)
{
    memset(out, 0, sizeof *out);
    out->domain_count = bank->domain_count;
    out->task_count = bank->task_count;
}

static void tally_item(const Bank *bank, ScoreResult *out, int item, bool right)
{
    const BankItem *it = &bank->items[item];
    out->scored++;
    out->right += right;
    if (it->domain >= 0 && it->domain < out->domain_count) {
        out->domains[it->domain].total++;
        out->domains[it->domain].right += right;
    }
    if (it->task >= 0 && it->task < out->task_count) {
        out->tasks[it->task].total++;
        out->tasks[it->task].right += right;
    }
}

static void result_finish(const Bank *bank, ScoreResult *out)
{
    ScoreTally all = {out->right, out->scored};
    out->raw = scoring_fraction(&all);
    out->scaled = scoring_scaled(bank, out->raw);
    out->pass = scoring_passes(bank, out->right, out->scored);
    if (out->scored > 0) {
        scoring_likely_range(bank, out->right, out->scored, &out->low, &out->high);
    } else {
        out->low = bank->scale_min;
        out->high = bank->scale_max;
    }
    for (int d = 0; d < out->domain_count; d++)
        out->meets[d] = out->domains[d].total > 0 &&
                        scoring_fraction(&out->domains[d]) >= bank->pass_fraction;
}

bool scoring_score_form(const Bank *bank, const ExamForm *form, ScoreResult *out)
{
    memset(out, 0, sizeof *out);
    if (!scoring_bank_fits(bank) || !form || (form->count > 0 && !form->items))
        return false;
    for (int i = 0; i < form->count; i++)
        if (form->items[i].item < 0 || form->items[i].item >= bank->item_count)
            return false;
    result_begin(bank, out);
    for (int i = 0; i < form->count; i++) {
        const FormItem *fi = &form->items[i];
        bool right = scoring_item_correct(&bank->items[fi->item], fi->answer);
        if (!fi->scored) {
            out->unscored++;
            out->unscored_right += right;
            continue;
        }
        out->answered += fi->answer != 0;
        tally_item(bank, out, fi->item, right);
    }
    result_finish(bank, out);
    return true;
}

bool scoring_score_answers(const Bank *bank, const Answer *answers, int n, ScoreResult *out)
{
    memset(out, 0, sizeof *out);
    if (!scoring_bank_fits(bank))
        return false;
    result_begin(bank, out);
    for (int i = 0; i < n; i++) {
        if (answers[i].item < 0 || answers[i].item >= bank->item_count)
            continue;
        out->answered++;
        tally_item(bank, out, answers[i].item, answers[i].correct);
    }
    result_finish(bank, out);
    return true;
}
