/* Simulated forgetting learners and the day-by-day runs; see simlearn.h.
 * Randomness is common across policies: a learner's parameters come from
 * its seed, and the chance draws of its k-th showing of an item come from
 * (seed, item, k), so two policies that show the same item the same way
 * see the same outcome. */
#include "simlearn.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "leitner.h"
#include "rng.h"
#include "scoring.h"

#define DIFFICULTY_SHIFT 1.0  /* true starting difficulty per bank difficulty level above 2 */
#define RECENT_WINDOW 200     /* answers behind the domain accuracy, as the game keeps */

static const char *const POLICY_NAMES[SIM_POLICY_COUNT] = {
    "cloudprep", "leitner-v1", "leitner-cover", "sm2", "fsrs90",
};

const char *sim_policy_name(SimPolicy p)
{
    return p >= 0 && p < SIM_POLICY_COUNT ? POLICY_NAMES[p] : "?";
}

static uint64_t mix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

static double unit_from(uint64_t x)
{
    return (double)(mix64(x) >> 11) * (1.0 / 9007199254740992.0);
}

static double normal(Rng *rng)
{
    double u1 = rng_unit(rng), u2 = rng_unit(rng);
    if (u1 < 1e-12)
        u1 = 1e-12;
    return sqrt(-2.0 * log(u1)) * cos(2.0 * 3.14159265358979323846 * u2);
}

static double clampd(double x, double lo, double hi)
{
    return x < lo ? lo : (x > hi ? hi : x);
}

bool sim_learner_init(SimLearner *l, const Bank *bank, SimPopulation pop, uint64_t seed)
{
    memset(l, 0, sizeof *l);
    Rng rng;
    rng_seed(&rng, seed);
    double z1 = normal(&rng), z2 = normal(&rng), z3 = normal(&rng);
    memcpy(l->w, MEMORY_DEFAULT_W, sizeof l->w);
    for (int g = 0; g < 4; g++)
        l->w[g] *= exp(0.35 * z1);
    l->w[8] += 0.15 * z2;
    l->w[20] = pop == SIM_POP_B ? 0.5 : clampd(0.1542 * exp(0.25 * z3), 0.1, 0.8);
    l->seed = seed;
    l->item_count = bank->item_count;
    size_t n = (size_t)(bank->item_count > 0 ? bank->item_count : 1);
    l->stability = calloc(n, sizeof *l->stability);
    l->difficulty = calloc(n, sizeof *l->difficulty);
    l->last = calloc(n, sizeof *l->last);
    l->shows = calloc(n, sizeof *l->shows);
    if (!l->stability || !l->difficulty || !l->last || !l->shows) {
        sim_learner_free(l);
        return false;
    }
    return true;
}

void sim_learner_free(SimLearner *l)
{
    free(l->stability);
    free(l->difficulty);
    free(l->last);
    free(l->shows);
    memset(l, 0, sizeof *l);
}

void sim_learner_reset(SimLearner *l)
{
    size_t n = (size_t)(l->item_count > 0 ? l->item_count : 1);
    memset(l->stability, 0, n * sizeof *l->stability);
    memset(l->difficulty, 0, n * sizeof *l->difficulty);
    memset(l->last, 0, n * sizeof *l->last);
    memset(l->shows, 0, n * sizeof *l->shows);
}

bool sim_learner_answer(SimLearner *l, const Bank *bank, int item, double t)
{
    const BankItem *it = &bank->items[item];
    uint64_t key = l->seed * 0x100000001b3ull ^ (uint64_t)item * 0x9e3779b97f4a7c15ull ^
                   (uint64_t)l->shows[item] * 0xc2b2ae3d27d4eb4full;
    double u_recall = unit_from(key), u_guess = unit_from(key + 1);
    double g = memory_guess_rate(it);
    bool correct;
    if (l->shows[item] == 0) {
        correct = u_guess < g;
        l->stability[item] = memory_initial_stability(l->w, MEMORY_EXPOSURE_GRADE);
        double d = memory_initial_difficulty(l->w, MEMORY_EXPOSURE_GRADE) + DIFFICULTY_SHIFT * (it->difficulty - 2);
        l->difficulty[item] = clampd(d, 1.0, 10.0);
    } else {
        double elapsed = t - l->last[item];
        double r = memory_recall(elapsed, l->stability[item], l->w[20]);
        bool recalled = u_recall < r;
        correct = recalled || u_guess < g;
        l->stability[item] = memory_next_stability(l->w, l->stability[item], &l->difficulty[item],
                                                   recalled ? MEMORY_GOOD : MEMORY_AGAIN, elapsed);
    }
    l->last[item] = t;
    l->shows[item]++;
    return correct;
}

double sim_learner_chances(const SimLearner *l, const Bank *bank, double t, double *out)
{
    double sum = 0.0;
    for (int i = 0; i < bank->item_count; i++) {
        double r = l->shows[i] > 0 ? memory_recall(t - l->last[i], l->stability[i], l->w[20]) : 0.0;
        double g = memory_guess_rate(&bank->items[i]);
        if (out)
            out[i] = g + (1.0 - g) * r;
        sum += r;
    }
    return bank->item_count > 0 ? sum / bank->item_count : 0.0;
}

int64_t sim_exam_time(const SimConfig *cfg)
{
    return SIM_START + (int64_t)cfg->days * SECONDS_PER_DAY;
}

static double days_of(int64_t t)
{
    return (double)(t - SIM_START) / SECONDS_PER_DAY;
}

/* What a run keeps besides the learner: the scheduler's view. */
typedef struct RunState {
    ItemState *states;
    Answer *recent;         /* ring of the last RECENT_WINDOW answers */
    int recent_count;
    MemoryFit fit;
    double *ef;             /* SM-2 */
    double *interval;
    int *reps;
    int *order;             /* scratch */
} RunState;

static void remember(RunState *rs, int item, bool correct, int64_t at)
{
    if (rs->recent_count == RECENT_WINDOW) {
        memmove(rs->recent, rs->recent + 1, (RECENT_WINDOW - 1) * sizeof *rs->recent);
        rs->recent_count--;
    }
    rs->recent[rs->recent_count++] = (Answer){.item = item, .correct = correct, .answer = correct, .at = at};
}

static int count_unseen(const Bank *bank, const ItemState *states)
{
    int n = 0;
    for (int i = 0; i < bank->item_count; i++)
        n += states[i].box == 0;
    return n;
}

/* The first scheduler's new-item quota: the unseen items spread over three
 * quarters of the days left, but no more than items a day / boxes. */
static int v1_quota(const Bank *bank, int unseen, int days_left, int budget)
{
    int learn_days = days_left - days_left / 4;
    if (learn_days < 1)
        learn_days = 1;
    int per_day = (unseen + learn_days - 1) / learn_days;
    int carry = budget / (bank->leitner_boxes > 0 ? bank->leitner_boxes : 1);
    if (carry < 1)
        carry = 1;
    if (carry > 50)
        carry = 50;
    return per_day < carry ? per_day : carry;
}

/* One day through the real session code. */
static void day_leitner(const Bank *bank, SimLearner *l, RunState *rs, const SimConfig *cfg, int day, Rng *rng)
{
    int64_t now = SIM_START + (int64_t)day * SECONDS_PER_DAY + SIM_STUDY_HOUR;
    int64_t exam = sim_exam_time(cfg);
    double acc[SCORING_MAX_DOMAINS];
    leitner_domain_accuracy(bank, rs->recent, rs->recent_count, acc);
    LeitnerOptions opt = {.size = cfg->budget, .exam_date = exam, .started_at = SIM_START,
                          .due_by = SIM_START + (int64_t)(day + 1) * SECONDS_PER_DAY - 1};
    int unseen = count_unseen(bank, rs->states);
    if (cfg->policy == SIM_CLOUDPREP) {
        opt.policy = LEITNER_POLICY_EXAM;
        opt.fit = &rs->fit;
    } else {
        opt.policy = LEITNER_POLICY_CLASSIC;
        int quota = cfg->policy == SIM_LEITNER_V1 ? v1_quota(bank, unseen, cfg->days - day, cfg->budget)
                                                  : leitner_cover_quota(unseen, SIM_START, now, exam);
        opt.new_quota = quota > 0 ? quota : -1;
    }
    LeitnerSession s;
    leitner_session_start(&s, bank, rs->states, acc, now, rng, &opt);
    for (int shown = 0; shown < cfg->budget; shown++) {
        int item = leitner_session_next(&s);
        if (item < 0)
            break;
        int64_t at = now + (int64_t)shown * SIM_SECONDS_PER_SHOWING;
        ItemState before = rs->states[item];
        bool correct = sim_learner_answer(l, bank, item, days_of(at));
        leitner_session_record(&s, correct, at);
        memory_fit_observe(&rs->fit, &bank->items[item], &before, correct, at);
        remember(rs, item, correct, at);
    }
    leitner_session_end(&s);
    memory_fit_update(&rs->fit);
}

/* Due items first (by `urgency`, highest first), then unseen ones in a
 * random order up to `new_quota`; writes the day's items to rs->order. */
static int baseline_queue(const Bank *bank, RunState *rs, const double *urgency, int budget, int new_quota,
                          Rng *rng)
{
    int n = 0;
    for (int i = 0; i < bank->item_count; i++)
        if (urgency[i] > 0.0)
            rs->order[n++] = i;
    /* insertion sort by urgency: the due lists are short */
    for (int k = 1; k < n; k++) {
        int v = rs->order[k], at = k;
        while (at > 0 && urgency[rs->order[at - 1]] < urgency[v]) {
            rs->order[at] = rs->order[at - 1];
            at--;
        }
        rs->order[at] = v;
    }
    if (n > budget)
        n = budget;
    int first_new = n;
    for (int i = 0; i < bank->item_count; i++)
        if (rs->states[i].box == 0)
            rs->order[n++] = i;
    rng_shuffle_ints(rng, rs->order + first_new, n - first_new);
    int room = budget - first_new;
    int take = new_quota < room ? new_quota : room;
    if (take > n - first_new)
        take = n - first_new;
    return first_new + (take > 0 ? take : 0);
}

/* SM-2: ease factor, interval and repetitions per item; right = grade 4,
 * wrong = grade 1 (reset to a one-day interval). */
static void day_sm2(const Bank *bank, SimLearner *l, RunState *rs, const SimConfig *cfg, int day, Rng *rng,
                    double *urgency)
{
    double today = day + (double)SIM_STUDY_HOUR / SECONDS_PER_DAY;
    for (int i = 0; i < bank->item_count; i++) {
        double due = rs->states[i].box > 0 ? days_of(rs->states[i].due_at) : 1e9;
        urgency[i] = due <= day + 1.0 ? 1.0 + (today - due) : 0.0;
    }
    int n = baseline_queue(bank, rs, urgency, cfg->budget, cfg->new_quota, rng);
    for (int k = 0; k < n; k++) {
        int i = rs->order[k];
        double t = today + (double)k * SIM_SECONDS_PER_SHOWING / SECONDS_PER_DAY;
        bool correct = sim_learner_answer(l, bank, i, t);
        ItemState *st = &rs->states[i];
        if (st->box == 0) {
            rs->ef[i] = 2.5;
            rs->reps[i] = 0;
        }
        if (correct) {
            rs->reps[i]++;
            rs->interval[i] = rs->reps[i] == 1 ? 1.0 : (rs->reps[i] == 2 ? 6.0 : floor(rs->interval[i] * rs->ef[i] + 0.5));
        } else {
            rs->reps[i] = 0;
            rs->interval[i] = 1.0;
            rs->ef[i] -= 0.54;
            if (rs->ef[i] < 1.3)
                rs->ef[i] = 1.3;
        }
        st->box = 1;
        st->due_at = SIM_START + (int64_t)((t + rs->interval[i]) * SECONDS_PER_DAY);
    }
}

/* FSRS at desired retention 0.9: an item is due once the default model's
 * recall has fallen to 0.9 (after one stability), lowest recall first. */
static void day_fsrs(const Bank *bank, SimLearner *l, RunState *rs, const SimConfig *cfg, int day, Rng *rng,
                     double *urgency)
{
    int64_t now = SIM_START + (int64_t)day * SECONDS_PER_DAY + SIM_STUDY_HOUR;
    for (int i = 0; i < bank->item_count; i++) {
        const ItemState *st = &rs->states[i];
        urgency[i] = 0.0;
        if (st->box == 0)
            continue;
        double r = memory_recall((double)(now - st->last_at) / SECONDS_PER_DAY, st->stability, MEMORY_DEFAULT_W[20]);
        if (r <= 0.9)
            urgency[i] = 1.0 - r + 1e-9;
    }
    int quota = leitner_cover_quota(count_unseen(bank, rs->states), SIM_START, now, sim_exam_time(cfg));
    int n = baseline_queue(bank, rs, urgency, cfg->budget, quota, rng);
    for (int k = 0; k < n; k++) {
        int i = rs->order[k];
        int64_t at = now + (int64_t)k * SIM_SECONDS_PER_SHOWING;
        bool correct = sim_learner_answer(l, bank, i, days_of(at));
        memory_apply(&rs->states[i], correct, at);
        rs->states[i].box = 1;
        rs->states[i].last_at = at;
    }
}

bool sim_run(const Bank *bank, SimLearner *l, const SimConfig *cfg, SimDayFn on_day, void *ctx)
{
    size_t n = (size_t)(bank->item_count > 0 ? bank->item_count : 1);
    RunState rs = {0};
    rs.states = calloc(n, sizeof *rs.states);
    rs.recent = calloc(RECENT_WINDOW, sizeof *rs.recent);
    rs.ef = calloc(n, sizeof *rs.ef);
    rs.interval = calloc(n, sizeof *rs.interval);
    rs.reps = calloc(n, sizeof *rs.reps);
    rs.order = calloc(n, sizeof *rs.order);
    double *urgency = calloc(n, sizeof *urgency);
    bool ok = rs.states && rs.recent && rs.ef && rs.interval && rs.reps && rs.order && urgency;
    if (ok) {
        sim_learner_reset(l);
        memory_fit_prior(&rs.fit);
        Rng rng;
        rng_seed(&rng, mix64(l->seed ^ ((uint64_t)cfg->policy << 32) ^ (uint64_t)cfg->budget));
        for (int day = 0; day < cfg->days; day++) {
            if (cfg->policy == SIM_SM2)
                day_sm2(bank, l, &rs, cfg, day, &rng, urgency);
            else if (cfg->policy == SIM_FSRS90)
                day_fsrs(bank, l, &rs, cfg, day, &rng, urgency);
            else
                day_leitner(bank, l, &rs, cfg, day, &rng);
            if (on_day)
                on_day(ctx, day + 1, rs.states, cfg->policy == SIM_CLOUDPREP ? &rs.fit : NULL, l);
        }
    }
    free(rs.states);
    free(rs.recent);
    free(rs.ef);
    free(rs.interval);
    free(rs.reps);
    free(rs.order);
    free(urgency);
    return ok;
}
