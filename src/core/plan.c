/* Plan and readiness arithmetic. The pass estimate draws real forms through
 * examform, so it sees the same domain counts, multiple-response share and
 * unscored items as the user will; 2,000 forms give a standard error of
 * about one point. */
#include "plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "apportion.h"
#include "examform.h"

int plan_ready_score(const Bank *bank)
{
    return bank->scale_pass + (int)floor((bank->scale_max - bank->scale_pass) / 6.0 + 0.5);
}

int plan_weakest_domain(const Bank *bank, const ScoreResult *r)
{
    int best = -1;
    double best_frac = 2.0;
    for (int d = 0; d < r->domain_count && d < bank->domain_count; d++) {
        if (r->domains[d].total <= 0)
            continue;
        double f = scoring_fraction(&r->domains[d]);
        if (best < 0 || f < best_frac ||
            (f == best_frac && bank->domains[d].weight > bank->domains[best].weight)) {
            best = d;
            best_frac = f;
        }
    }
    return best;
}

/* True when task a is weaker than task b. */
static bool task_weaker(const Bank *bank, const ScoreResult *r, int a, int b)
{
    double fa = scoring_fraction(&r->tasks[a]), fb = scoring_fraction(&r->tasks[b]);
    if (fa != fb)
        return fa < fb;
    int wa = r->tasks[a].total - r->tasks[a].right, wb = r->tasks[b].total - r->tasks[b].right;
    if (wa != wb)
        return wa > wb;
    int da = bank->tasks[a].domain, db = bank->tasks[b].domain;
    int ga = da >= 0 && da < bank->domain_count ? bank->domains[da].weight : 0;
    int gb = db >= 0 && db < bank->domain_count ? bank->domains[db].weight : 0;
    if (ga != gb)
        return ga > gb;
    return a < b;
}

int plan_weakest_tasks(const Bank *bank, const ScoreResult *r, int *out, int max)
{
    int n = 0;
    int tasks = r->task_count < bank->task_count ? r->task_count : bank->task_count;
    for (int t = 0; t < tasks; t++) {
        if (r->tasks[t].total <= 0)
            continue;
        /* insertion into the sorted prefix, keeping at most max */
        int at = n;
        while (at > 0 && task_weaker(bank, r, t, out[at - 1]))
            at--;
        if (at >= max)
            continue;
        int last = n < max ? n : max - 1;
        for (int k = last; k > at; k--)
            out[k] = out[k - 1];
        out[at] = t;
        if (n < max)
            n++;
    }
    return n;
}

static double clamp01(double x)
{
    return x < 0.0 ? 0.0 : (x > 1.0 ? 1.0 : x);
}

bool plan_build(const Bank *bank, const ItemState *states, const double *accuracy, int64_t now,
                const PlanOptions *opt, StudyPlan *out)
{
    memset(out, 0, sizeof *out);
    if (!scoring_bank_fits(bank))
        return false;
    PlanOptions o = opt ? *opt : (PlanOptions){0};
    int dc = bank->domain_count;
    out->domain_count = dc;
    out->daily_minutes = o.daily_minutes > 0 ? o.daily_minutes : PLAN_DEFAULT_MINUTES;
    if (o.exam_date != 0) {
        int64_t secs = o.exam_date - now;
        int64_t days = (secs + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY;
        out->days_left = days < 1 ? 1 : (days > 100000 ? 100000 : (int)days);
    } else {
        out->days_left = PLAN_DEFAULT_DAYS;
    }

    double pull[SCORING_MAX_DOMAINS];
    int floor_min[SCORING_MAX_DOMAINS];
    bool minimum_fits = out->daily_minutes >= PLAN_MIN_DOMAIN_MINUTES * dc;
    for (int d = 0; d < dc; d++) {
        out->weakness[d] = 1.0 - clamp01(accuracy ? accuracy[d] : PLAN_PRIOR);
        pull[d] = bank->domains[d].weight * (1.0 + out->weakness[d]);
        floor_min[d] = PLAN_MIN_DOMAIN_MINUTES;
    }
    apportion_largest_remainder(pull, minimum_fits ? floor_min : NULL, NULL, dc,
                                out->daily_minutes, out->minutes);

    for (int i = 0; i < bank->item_count; i++)
        if (!states || states[i].box == 0)
            out->unseen++;
    int learn_days = out->days_left - out->days_left / 4;
    if (learn_days < 1)
        learn_days = 1;
    int per_day = (out->unseen + learn_days - 1) / learn_days;
    out->items_per_day = out->daily_minutes * 60 / PLAN_SECONDS_PER_ITEM;
    int showings = bank->leitner_boxes > 0 ? bank->leitner_boxes : 1;
    int carry = out->items_per_day / showings;
    if (carry < 1)
        carry = 1;
    if (carry > PLAN_MAX_NEW_PER_DAY)
        carry = PLAN_MAX_NEW_PER_DAY;
    out->covers_bank = per_day <= carry;
    out->new_per_day = per_day > carry ? carry : per_day;
    return true;
}

bool plan_readiness(const Bank *bank, const int *mock_scores, int mock_count,
                    const ScoreResult *history, PlanReadiness *out)
{
    memset(out, 0, sizeof *out);
    if (!scoring_bank_fits(bank))
        return false;
    out->ready_score = plan_ready_score(bank);
    int first = mock_count > PLAN_READY_RUN ? mock_count - PLAN_READY_RUN : 0;
    for (int i = first; i < mock_count; i++) {
        out->recent_mocks++;
        if (mock_scores[i] >= out->ready_score)
            out->recent_ready++;
    }
    out->ready = out->recent_mocks == PLAN_READY_RUN && out->recent_ready == PLAN_READY_RUN;
    out->domain_count = bank->domain_count;
    for (int d = 0; d < bank->domain_count; d++)
        out->domain[d] = -1.0;
    if (!history || history->scored <= 0)
        return true;
    out->overall = history->raw;
    for (int d = 0; d < bank->domain_count && d < history->domain_count; d++) {
        if (history->domains[d].total <= 0)
            continue;
        out->domain[d] = scoring_fraction(&history->domains[d]);
        if (out->overall - out->domain[d] > PLAN_LAG_POINTS + 1e-9) {
            out->lagging[d] = true;
            out->lagging_count++;
        }
    }
    return true;
}

/* Solves a x = b for a small dense system (Gaussian elimination with partial
 * pivoting); returns false when singular. a is n x n row-major, destroyed. */
static bool solve_small(double *a, double *b, int n)
{
    for (int c = 0; c < n; c++) {
        int piv = c;
        for (int r = c + 1; r < n; r++)
            if (fabs(a[r * n + c]) > fabs(a[piv * n + c]))
                piv = r;
        if (fabs(a[piv * n + c]) < 1e-12)
            return false;
        if (piv != c) {
            for (int k = 0; k < n; k++) {
                double t = a[c * n + k];
                a[c * n + k] = a[piv * n + k];
                a[piv * n + k] = t;
            }
            double t = b[c];
            b[c] = b[piv];
            b[piv] = t;
        }
        for (int r = c + 1; r < n; r++) {
            double f = a[r * n + c] / a[c * n + c];
            for (int k = c; k < n; k++)
                a[r * n + k] -= f * a[c * n + k];
            b[r] -= f * b[c];
        }
    }
    for (int r = n - 1; r >= 0; r--) {
        double sum = b[r];
        for (int k = r + 1; k < n; k++)
            sum -= a[r * n + k] * b[k];
        b[r] = sum / a[r * n + r];
    }
    return true;
}

static double logistic(double x)
{
    return 1.0 / (1.0 + exp(-x));
}

/* Fits logit p = a_d + slope * box to the (domain, box) cells by Newton's
 * method with a weak Gaussian prior (precision PLAN_FIT_PRIOR on every
 * parameter, centred on logit(PLAN_PRIOR) and 0). Writes the intercepts and
 * the slope; on trouble leaves the prior values. */
static void fit_box_model(int dc, int boxes, int right[][BANK_MAX_BOXES + 1],
                          int total[][BANK_MAX_BOXES + 1], double *a, double *slope)
{
    double a0 = log(PLAN_PRIOR / (1.0 - PLAN_PRIOR));
    int n = dc + 1;
    double theta[SCORING_MAX_DOMAINS + 1];
    for (int d = 0; d < dc; d++)
        theta[d] = a0;
    theta[dc] = 0.0;
    for (int iter = 0; iter < 50; iter++) {
        double h[(SCORING_MAX_DOMAINS + 1) * (SCORING_MAX_DOMAINS + 1)] = {0};
        double g[SCORING_MAX_DOMAINS + 1] = {0};
        for (int d = 0; d < dc; d++) {
            g[d] = -PLAN_FIT_PRIOR * (theta[d] - a0);
            h[d * n + d] = PLAN_FIT_PRIOR;
        }
        g[dc] = -PLAN_FIT_PRIOR * theta[dc];
        h[dc * n + dc] = PLAN_FIT_PRIOR;
        for (int d = 0; d < dc; d++) {
            for (int b = 0; b <= boxes; b++) {
                if (total[d][b] == 0)
                    continue;
                double mu = logistic(theta[d] + theta[dc] * b);
                double w = total[d][b] * mu * (1.0 - mu);
                double resid = right[d][b] - total[d][b] * mu;
                g[d] += resid;
                g[dc] += b * resid;
                h[d * n + d] += w;
                h[d * n + dc] += b * w;
                h[dc * n + d] += b * w;
                h[dc * n + dc] += (double)b * b * w;
            }
        }
        /* h is the negated Hessian: theta += h^-1 g */
        if (!solve_small(h, g, n))
            break;
        double step = 0.0;
        for (int k = 0; k < n; k++) {
            double dk = g[k] > 5.0 ? 5.0 : (g[k] < -5.0 ? -5.0 : g[k]);
            theta[k] += dk;
            step = fmax(step, fabs(dk));
        }
        if (step < 1e-10)
            break;
    }
    for (int d = 0; d < dc; d++)
        a[d] = theta[d];
    *slope = theta[dc];
}

bool plan_learner_estimate(const Bank *bank, const Answer *answers, const int *box_before, int n,
                           PlanLearner *out)
{
    memset(out, 0, sizeof *out);
    if (!scoring_bank_fits(bank))
        return false;
    int dc = bank->domain_count;
    int boxes = bank->leitner_boxes < 1 ? 1 : bank->leitner_boxes;
    if (boxes > BANK_MAX_BOXES)
        boxes = BANK_MAX_BOXES;
    out->domain_count = dc;
    out->boxes = boxes;
    int right_d[SCORING_MAX_DOMAINS] = {0}, total_d[SCORING_MAX_DOMAINS] = {0};
    int right_db[SCORING_MAX_DOMAINS][BANK_MAX_BOXES + 1];
    int total_db[SCORING_MAX_DOMAINS][BANK_MAX_BOXES + 1];
    memset(right_db, 0, sizeof right_db);
    memset(total_db, 0, sizeof total_db);
    for (int i = 0; i < n; i++) {
        int item = answers[i].item;
        if (item < 0 || item >= bank->item_count || bank->items[item].kind != ITEM_QUESTION)
            continue;
        int d = bank->items[item].domain;
        if (d < 0 || d >= dc)
            continue;
        int ok = answers[i].correct ? 1 : 0;
        right_d[d] += ok;
        total_d[d]++;
        out->evidence++;
        if (box_before) {
            int b = box_before[i] < 0 ? 0 : (box_before[i] > boxes ? boxes : box_before[i]);
            right_db[d][b] += ok;
            total_db[d][b]++;
        }
    }
    double a[SCORING_MAX_DOMAINS];
    double slope = 0.0;
    if (box_before)
        fit_box_model(dc, boxes, right_db, total_db, a, &slope);
    out->slope = slope;
    for (int d = 0; d < dc; d++) {
        double pd = (right_d[d] + PLAN_DOMAIN_STRENGTH * PLAN_PRIOR) /
                    (total_d[d] + PLAN_DOMAIN_STRENGTH);
        out->domain[d] = pd;
        for (int b = 0; b <= boxes; b++) {
            /* without boxes all evidence sits in the domain estimate */
            double fit = box_before ? logistic(a[d] + slope * b) : pd;
            int r = box_before ? right_db[d][b] : 0, t = box_before ? total_db[d][b] : 0;
            out->fit[d][b] = fit;
            out->right[d][b] = r;
            out->total[d][b] = t;
            out->p[d][b] = (r + PLAN_BOX_STRENGTH * fit) / (t + PLAN_BOX_STRENGTH);
        }
    }
    return true;
}

double plan_item_probability(const Bank *bank, const PlanLearner *learner,
                             const ItemState *states, int item)
{
    if (item < 0 || item >= bank->item_count)
        return 0.0;
    int d = bank->items[item].domain;
    if (d < 0 || d >= learner->domain_count)
        return PLAN_PRIOR;
    int b = states ? states[item].box : 0;
    if (b < 0)
        b = 0;
    if (b > learner->boxes)
        b = learner->boxes;
    return learner->p[d][b];
}

/* A standard normal draw (Box-Muller). */
static double normal_draw(Rng *rng)
{
    double u = 1.0 - rng_unit(rng); /* (0, 1] */
    double v = rng_unit(rng);
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

/* A Gamma(shape, 1) draw (Marsaglia and Tsang; shape < 1 by boosting). */
static double gamma_draw(Rng *rng, double shape)
{
    if (shape < 1.0) {
        double u = 1.0 - rng_unit(rng);
        return gamma_draw(rng, shape + 1.0) * pow(u, 1.0 / shape);
    }
    double d = shape - 1.0 / 3.0, c = 1.0 / sqrt(9.0 * d);
    for (;;) {
        double x = normal_draw(rng), v = 1.0 + c * x;
        if (v <= 0.0)
            continue;
        v = v * v * v;
        double u = 1.0 - rng_unit(rng);
        if (log(u) < 0.5 * x * x + d - d * v + d * log(v))
            return d * v;
    }
}

static double beta_draw(Rng *rng, double a, double b)
{
    double x = gamma_draw(rng, a), y = gamma_draw(rng, b);
    return x + y > 0.0 ? x / (x + y) : 0.5;
}

/* The exact pass probability of one form for a learner (Poisson binomial
 * over the scored items). `dist` has room for form->count + 1 doubles. */
static double form_pass_probability(const Bank *bank, const ExamForm *form,
                                    const PlanLearner *learner, const ItemState *states,
                                    double *dist)
{
    int n = 0;
    dist[0] = 1.0;
    for (int i = 0; i < form->count; i++) {
        if (!form->items[i].scored)
            continue;
        double p = plan_item_probability(bank, learner, states, form->items[i].item);
        dist[n + 1] = 0.0;
        for (int k = n + 1; k >= 1; k--)
            dist[k] = dist[k] * (1.0 - p) + dist[k - 1] * p;
        dist[0] *= 1.0 - p;
        n++;
    }
    double pass = 0.0;
    for (int k = scoring_pass_right(bank, n); k <= n; k++)
        pass += dist[k];
    return pass;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The likely range: pass probabilities of learners drawn from the posterior. */
static bool pass_range(const Bank *bank, const ItemState *states, const PlanLearner *learner,
                       Rng *rng, PlanPassEstimate *out)
{
    double draws[PLAN_RANGE_DRAWS];
    double *dist = malloc((size_t)(bank->exam_items + 2) * sizeof *dist);
    if (!dist)
        return false;
    PlanLearner drawn = *learner;
    for (int r = 0; r < PLAN_RANGE_DRAWS; r++) {
        for (int d = 0; d < learner->domain_count; d++)
            for (int b = 0; b <= learner->boxes; b++) {
                double fit = learner->fit[d][b];
                int right = learner->right[d][b], wrong = learner->total[d][b] - right;
                drawn.p[d][b] = beta_draw(rng, right + PLAN_BOX_STRENGTH * fit + 1e-3,
                                          wrong + PLAN_BOX_STRENGTH * (1.0 - fit) + 1e-3);
            }
        double sum = 0.0;
        for (int f = 0; f < PLAN_RANGE_FORMS; f++) {
            ExamForm form;
            if (!examform_build_mock(bank, NULL, 0, rng, &form, NULL)) {
                free(dist);
                return false;
            }
            sum += form_pass_probability(bank, &form, &drawn, states, dist);
            exam_form_free(&form);
        }
        draws[r] = sum / PLAN_RANGE_FORMS;
    }
    free(dist);
    qsort(draws, PLAN_RANGE_DRAWS, sizeof draws[0], compare_doubles);
    out->low = draws[PLAN_RANGE_DRAWS / 10];
    out->high = draws[PLAN_RANGE_DRAWS - 1 - PLAN_RANGE_DRAWS / 10];
    out->range_draws = PLAN_RANGE_DRAWS;
    return true;
}

bool plan_pass_probability(const Bank *bank, const ItemState *states, const PlanLearner *learner,
                           int simulations, Rng *rng, PlanPassEstimate *out)
{
    memset(out, 0, sizeof *out);
    int sims = simulations > 0 ? simulations : PLAN_DEFAULT_SIMULATIONS;
    double scaled_sum = 0.0;
    for (int s = 0; s < sims; s++) {
        ExamForm form;
        if (!examform_build_mock(bank, NULL, 0, rng, &form, NULL)) {
            memset(out, 0, sizeof *out);
            return false;
        }
        int scored = 0, right = 0;
        for (int i = 0; i < form.count; i++) {
            if (!form.items[i].scored)
                continue;
            scored++;
            if (rng_unit(rng) < plan_item_probability(bank, learner, states, form.items[i].item))
                right++;
        }
        exam_form_free(&form);
        int scaled = scoring_scaled(bank, scored > 0 ? (double)right / scored : 0.0);
        scaled_sum += scaled;
        if (scoring_passes(bank, right, scored))
            out->passes++;
    }
    out->simulations = sims;
    out->probability = (double)out->passes / sims;
    out->std_error = sqrt(out->probability * (1.0 - out->probability) / sims);
    out->mean_scaled = scaled_sum / sims;
    if (!pass_range(bank, states, learner, rng, out)) {
        memset(out, 0, sizeof *out);
        return false;
    }
    return true;
}
