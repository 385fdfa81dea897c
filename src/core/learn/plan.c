/* Plan and readiness arithmetic: the weakest domain and tasks, minutes per
 * domain, the new items a day that meet the bank in time, and readiness
 * from mock scores. The pass estimate is estimate.c's. */
#include "plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "apportion.h"
#include "leitner.h"

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

int plan_items_per_day(int minutes)
{
    return minutes > 0 ? minutes * 60 / PLAN_SECONDS_PER_ITEM : 0;
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
    /* The floors take at most half the day, or they would flatten it: at
     * 20 minutes over four domains, 5 each would ignore weight and weakness. */
    int floor = dc > 0 && PLAN_MIN_DOMAIN_MINUTES * 2 * dc > out->daily_minutes ? out->daily_minutes / (2 * dc)
                                                                              : PLAN_MIN_DOMAIN_MINUTES;
    for (int d = 0; d < dc; d++) {
        out->weakness[d] = 1.0 - clamp01(accuracy ? accuracy[d] : PLAN_PRIOR);
        pull[d] = bank->domains[d].weight * (1.0 + out->weakness[d]);
        floor_min[d] = floor;
    }
    apportion_largest_remainder(pull, floor > 0 ? floor_min : NULL, NULL, dc,
                                out->daily_minutes, out->minutes);

    for (int i = 0; i < bank->item_count; i++)
        if (!states || states[i].box == 0)
            out->unseen++;
    int per_day;
    if (o.exam_date != 0) {
        per_day = leitner_cover_quota(out->unseen, o.started_at, now, o.exam_date);
    } else {
        int learn_days = out->days_left - out->days_left / 4;
        per_day = (out->unseen + learn_days - 1) / learn_days;
    }
    out->items_per_day = plan_items_per_day(out->daily_minutes);
    /* A first showing is an exposure that the drill does not repeat the same
     * day, so every daily item can be a new one while new ones remain. */
    int carry = out->items_per_day > 0 ? out->items_per_day : 1;
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
