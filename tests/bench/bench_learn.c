/* The learning benchmark: simulated learners who forget (FSRS-6 memory,
 * varied per learner) study the shipped bank for 30 days within a budget of
 * 30-second showings a day, scheduled by the real scheduler and session
 * code or by a baseline. It prints exam-day recall and pass probability per
 * policy, population and budget, how many showings cloudprep needs to match
 * each baseline, and how well the pass estimate is calibrated; and writes
 * bench-learn.csv and bench-calibration.csv.
 *   bench_learn BANK_DIR OUT_DIR      (BENCH_LEARNERS, default 300) */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bankload.h"
#include "estimate.h"
#include "examform.h"
#include "project.h"
#include "simlearn.h"

#define DAYS 30
#define EXAM_FORMS 20
#define BOOTSTRAP 1000
#define THREADS 2
#define CAL_MIN_BUDGET 10
#define CAL_MAX_BUDGET 100
#define CAL_FORMS 12

static const int BUDGETS[] = {10, 20, 40, 60, 80};
#define BUDGET_COUNT (int)(sizeof BUDGETS / sizeof BUDGETS[0])
static const int MATCH_BUDGETS[] = {6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60};
#define MATCH_COUNT (int)(sizeof MATCH_BUDGETS / sizeof MATCH_BUDGETS[0])
static const int SM2_QUOTAS[] = {5, 10, 15, 20, 25, 30, 40};
#define QUOTA_COUNT (int)(sizeof SM2_QUOTAS / sizeof SM2_QUOTAS[0])
static const int CHECK_DAYS[] = {10, 20, 30};
#define CHECK_COUNT 3

typedef struct Shared {
    const Bank *bank;
    ExamForm forms[EXAM_FORMS];
    int learners;
} Shared;

/* Exam-day truth for one learner after a run. */
static double true_pass(const Shared *sh, const double *chances)
{
    double p = 0.0;
    for (int f = 0; f < EXAM_FORMS; f++)
        p += estimate_form_pass(sh->bank, &sh->forms[f], chances, NULL);
    return p / EXAM_FORMS;
}

typedef struct Job {
    const Shared *sh;
    SimPopulation pop;
    SimConfig cfg;
    int first, step;       /* learners first, first + step, ... */
    double *recall;        /* per learner */
    double *pass;
    bool calibrate;        /* budgets drawn per learner; estimates at CHECK_DAYS */
    double *est, *lo, *hi, *truth; /* [learner * CHECK_COUNT + k] */
    bool failed;
} Job;

typedef struct DayCtx {
    Job *job;
    int learner;
    double *chances;
} DayCtx;

static void on_day(void *ctx, int day, const ItemState *states, const MemoryFit *fit, const SimLearner *l)
{
    DayCtx *c = ctx;
    Job *j = c->job;
    if (!j->calibrate || !fit)
        return;
    for (int k = 0; k < CHECK_COUNT; k++) {
        if (CHECK_DAYS[k] != day)
            continue;
        size_t at = (size_t)c->learner * CHECK_COUNT + (size_t)k;
        Rng rng;
        rng_seed(&rng, l->seed ^ 0x5eedull ^ (uint64_t)day);
        /* what the game would show: keep studying at this pace until the exam */
        ProjectOptions po = {.first_session = SIM_START + (int64_t)day * SECONDS_PER_DAY + SIM_STUDY_HOUR,
                             .exam_date = sim_exam_time(&j->cfg), .showings_per_day = j->cfg.budget,
                             .forms = CAL_FORMS};
        Projection pr;
        if (!project_exam_day(j->sh->bank, states, fit, &po, &rng, &pr))
            j->failed = true;
        j->est[at] = pr.pass.probability;
        j->lo[at] = pr.pass.low;
        j->hi[at] = pr.pass.high;
    }
}

static uint64_t learner_seed(SimPopulation pop, int i)
{
    return 0xC10D0000ull + (uint64_t)pop * 1000003ull + (uint64_t)i * 7919ull;
}

static void *run_job(void *arg)
{
    Job *j = arg;
    const Bank *bank = j->sh->bank;
    double *chances = malloc((size_t)bank->item_count * sizeof *chances);
    if (!chances) {
        j->failed = true;
        return NULL;
    }
    for (int i = j->first; i < j->sh->learners; i += j->step) {
        SimLearner l;
        if (!sim_learner_init(&l, bank, j->pop, learner_seed(j->pop, i))) {
            j->failed = true;
            break;
        }
        SimConfig cfg = j->cfg;
        if (j->calibrate) /* a spread of budgets so that the truth spans 0 to 1 */
            cfg.budget = CAL_MIN_BUDGET + (int)((l.seed >> 7) % (CAL_MAX_BUDGET - CAL_MIN_BUDGET + 1));
        DayCtx ctx = {j, i, chances};
        Job local = *j;
        local.cfg = cfg;
        ctx.job = &local;
        if (!sim_run(bank, &l, &cfg, on_day, &ctx))
            j->failed = true;
        if (local.failed)
            j->failed = true;
        j->recall[i] = sim_learner_chances(&l, bank, (double)cfg.days, chances);
        j->pass[i] = true_pass(j->sh, chances);
        for (int k = 0; j->calibrate && k < CHECK_COUNT; k++) /* the truth: exam day, as it came */
            j->truth[(size_t)i * CHECK_COUNT + (size_t)k] = j->pass[i];
        sim_learner_free(&l);
    }
    free(chances);
    return NULL;
}

typedef struct Outcome {
    double recall, recall_lo, recall_hi, pass;
} Outcome;

static double mean_of(const double *v, int n)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += v[i];
    return n > 0 ? s / n : 0.0;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Mean with a 95% bootstrap interval over learners (fixed seed). */
static void bootstrap(const double *v, int n, double *mean, double *lo, double *hi)
{
    *mean = mean_of(v, n);
    double *means = malloc(BOOTSTRAP * sizeof *means);
    if (!means || n <= 0) {
        *lo = *hi = *mean;
        free(means);
        return;
    }
    Rng rng;
    rng_seed(&rng, 42);
    for (int b = 0; b < BOOTSTRAP; b++) {
        double s = 0.0;
        for (int i = 0; i < n; i++)
            s += v[rng_below(&rng, (uint32_t)n)];
        means[b] = s / n;
    }
    qsort(means, BOOTSTRAP, sizeof *means, compare_double);
    *lo = means[(int)(0.025 * BOOTSTRAP)];
    *hi = means[(int)(0.975 * BOOTSTRAP) - 1];
    free(means);
}

/* Runs every learner of `pop` under cfg (calibrating when cal != NULL). */
static bool run_population(const Shared *sh, SimPopulation pop, const SimConfig *cfg, Outcome *out, Job *cal)
{
    int n = sh->learners;
    double *recall = calloc((size_t)n, sizeof *recall), *pass = calloc((size_t)n, sizeof *pass);
    if (!recall || !pass) {
        free(recall);
        free(pass);
        return false;
    }
    Job jobs[THREADS];
    pthread_t threads[THREADS];
    bool ok = true;
    for (int t = 0; t < THREADS; t++) {
        jobs[t] = cal ? *cal : (Job){0};
        jobs[t].sh = sh;
        jobs[t].pop = pop;
        jobs[t].cfg = *cfg;
        jobs[t].first = t;
        jobs[t].step = THREADS;
        jobs[t].recall = recall;
        jobs[t].pass = pass;
        if (pthread_create(&threads[t], NULL, run_job, &jobs[t]) != 0) {
            run_job(&jobs[t]);
            threads[t] = 0;
        }
    }
    for (int t = 0; t < THREADS; t++) {
        if (threads[t])
            pthread_join(threads[t], NULL);
        ok = ok && !jobs[t].failed;
    }
    bootstrap(recall, n, &out->recall, &out->recall_lo, &out->recall_hi);
    out->pass = mean_of(pass, n);
    free(recall);
    free(pass);
    return ok;
}

static const char *const POP_NAMES[SIM_POP_COUNT] = {"A", "B"};

/* Showings a day cloudprep needs to reach `target` recall, by linear
 * interpolation over the MATCH_BUDGETS curve; -1 when out of range. */
static double budget_to_match(const double *curve, double target)
{
    if (target <= curve[0])
        return MATCH_BUDGETS[0] * target / (curve[0] > 0 ? curve[0] : 1);
    for (int k = 1; k < MATCH_COUNT; k++)
        if (curve[k] >= target) {
            double f = (target - curve[k - 1]) / (curve[k] - curve[k - 1]);
            return MATCH_BUDGETS[k - 1] + f * (MATCH_BUDGETS[k] - MATCH_BUDGETS[k - 1]);
        }
    return -1.0;
}

typedef struct Calibration {
    double ece, bias, brier_skill, coverage80;
} Calibration;

/* ECE over ten bins of the estimate, bias, the Brier skill against the
 * population's mean (expected Brier over the Bernoulli outcome), and how
 * often the 80% range holds the truth. */
static Calibration calibration(const double *est, const double *lo, const double *hi, const double *truth,
                               int n, int k, int stride)
{
    Calibration c = {0};
    double bin_est[10] = {0}, bin_truth[10] = {0};
    int bin_n[10] = {0};
    double tbar = 0.0;
    for (int i = 0; i < n; i++)
        tbar += truth[i * stride + k];
    tbar /= n;
    double brier = 0.0, ref = 0.0;
    int covered = 0;
    for (int i = 0; i < n; i++) {
        double e = est[i * stride + k], t = truth[i * stride + k];
        int b = (int)(e * 10.0);
        b = b < 0 ? 0 : (b > 9 ? 9 : b);
        bin_est[b] += e;
        bin_truth[b] += t;
        bin_n[b]++;
        c.bias += e - t;
        brier += (e - t) * (e - t) + t * (1.0 - t);
        ref += (tbar - t) * (tbar - t) + t * (1.0 - t);
        covered += lo[i * stride + k] - 1e-9 <= t && t <= hi[i * stride + k] + 1e-9;
    }
    for (int b = 0; b < 10; b++)
        if (bin_n[b] > 0)
            c.ece += fabs(bin_est[b] - bin_truth[b]) / n;
    c.bias /= n;
    c.brier_skill = ref > 0.0 ? 1.0 - brier / ref : 0.0;
    c.coverage80 = (double)covered / n;
    return c;
}

int main(int argc, char **argv)
{
    const char *bank_dir = argc > 1 ? argv[1] : "banks/clf-c02";
    const char *out_dir = argc > 2 ? argv[2] : "build/release";
    const char *env = getenv("BENCH_LEARNERS");
    Shared sh = {0};
    sh.learners = env && atoi(env) > 0 ? atoi(env) : 300;
    Diag d = {0};
    Bank *bank = bank_load_dir(bank_dir, &d);
    if (!bank) {
        diag_print(&d, stderr);
        diag_free(&d);
        return 1;
    }
    diag_free(&d);
    sh.bank = bank;
    Rng form_rng;
    rng_seed(&form_rng, 2026);
    for (int f = 0; f < EXAM_FORMS; f++)
        if (!examform_build_mock(bank, NULL, SIM_START, &form_rng, &sh.forms[f], NULL)) {
            fprintf(stderr, "bench_learn: the bank cannot make an exam form\n");
            return 1;
        }
    char path[4096];
    snprintf(path, sizeof path, "%s/bench-learn.csv", out_dir);
    FILE *csv = fopen(path, "w");
    snprintf(path, sizeof path, "%s/bench-calibration.csv", out_dir);
    FILE *cal_csv = fopen(path, "w");
    if (!csv || !cal_csv) {
        fprintf(stderr, "bench_learn: cannot write the CSV files in %s\n", out_dir);
        return 1;
    }
    fprintf(csv, "policy,population,showings_per_day,days,learners,recall,recall_lo,recall_hi,pass_prob\n");
    fprintf(cal_csv, "population,day,learners,ece,bias,brier_skill,coverage80\n");
    printf("cloudprep learning benchmark: %s, %d items, %d learners per population, %d days,\n"
           "30 s per showing, exam at the end of day %d. Recall = mean true recall of every item on\n"
           "exam day (95%% bootstrap interval); pass = true chance to pass a 65-item form.\n\n",
           bank->code ? bank->code : bank_dir, bank->item_count, sh.learners, DAYS, DAYS);
    bool ok = true;
    double at40[SIM_POP_COUNT][SIM_POLICY_COUNT] = {{0}};
    double at80[SIM_POP_COUNT][SIM_POLICY_COUNT] = {{0}};
    for (int pop = 0; pop < SIM_POP_COUNT; pop++) {
        printf("population %s (%s)\n", POP_NAMES[pop],
               pop == SIM_POP_A ? "FSRS-6 decay varied per learner" : "steep forgetting, decay 0.5");
        printf("  %-14s", "policy");
        for (int b = 0; b < BUDGET_COUNT; b++)
            printf("  %3d/day: recall [95%%]   pass", BUDGETS[b]);
        printf("\n");
        for (int p = 0; p < SIM_POLICY_COUNT; p++) {
            printf("  %-14s", sim_policy_name((SimPolicy)p));
            for (int b = 0; b < BUDGET_COUNT; b++) {
                SimConfig cfg = {.policy = (SimPolicy)p, .budget = BUDGETS[b], .days = DAYS};
                Outcome o = {0};
                if (p == SIM_SM2) { /* the best quota on a pilot of learners */
                    Shared pilot = sh;
                    pilot.learners = sh.learners / 5 > 20 ? sh.learners / 5 : 20;
                    double best = -1.0;
                    for (int q = 0; q < QUOTA_COUNT; q++) {
                        SimConfig c = cfg;
                        c.new_quota = SM2_QUOTAS[q];
                        Outcome po;
                        ok = run_population(&pilot, (SimPopulation)pop, &c, &po, NULL) && ok;
                        if (po.recall > best) {
                            best = po.recall;
                            cfg.new_quota = SM2_QUOTAS[q];
                        }
                    }
                }
                ok = run_population(&sh, (SimPopulation)pop, &cfg, &o, NULL) && ok;
                printf("  %.3f [%.3f-%.3f] %.3f", o.recall, o.recall_lo, o.recall_hi, o.pass);
                fflush(stdout);
                fprintf(csv, "%s,%s,%d,%d,%d,%.4f,%.4f,%.4f,%.4f\n", sim_policy_name((SimPolicy)p), POP_NAMES[pop],
                        BUDGETS[b], DAYS, sh.learners, o.recall, o.recall_lo, o.recall_hi, o.pass);
                if (BUDGETS[b] == 40)
                    at40[pop][p] = o.recall;
                if (BUDGETS[b] == 80)
                    at80[pop][p] = o.recall;
            }
            printf("\n");
        }
        /* showings to match */
        double curve[MATCH_COUNT];
        for (int k = 0; k < MATCH_COUNT; k++) {
            SimConfig cfg = {.policy = SIM_CLOUDPREP, .budget = MATCH_BUDGETS[k], .days = DAYS};
            Outcome o;
            ok = run_population(&sh, (SimPopulation)pop, &cfg, &o, NULL) && ok;
            curve[k] = o.recall;
        }
        printf("  showings to match (cloudprep's recall at 6-60 a day, interpolated):\n");
        for (int p = 1; p < SIM_POLICY_COUNT; p++) {
            double need = budget_to_match(curve, at40[pop][p]);
            if (need < 0)
                printf("    %-14s recall %.3f at 40/day: beyond cloudprep at 60/day\n", sim_policy_name((SimPolicy)p),
                       at40[pop][p]);
            else
                printf("    %-14s recall %.3f at 40/day: cloudprep needs %.1f/day (%d showings vs %d), %.0f%% fewer\n",
                       sim_policy_name((SimPolicy)p), at40[pop][p], need, (int)(need * DAYS + 0.5), 40 * DAYS,
                       100.0 * (1.0 - need / 40.0));
        }
        printf("  memory model at 80/day: cloudprep %.3f vs leitner-cover %.3f (%+.1f recall points)\n\n",
               at80[pop][SIM_CLOUDPREP], at80[pop][SIM_LEITNER_COVER],
               100.0 * (at80[pop][SIM_CLOUDPREP] - at80[pop][SIM_LEITNER_COVER]));
    }
    printf("pass estimate calibration (cloudprep, %d-%d showings a day drawn per learner; on day 10, 20\n"
           "and 30 the game's projection of passing on exam day at that pace, against how it came out):\n",
           CAL_MIN_BUDGET, CAL_MAX_BUDGET);
    printf("  pop  day  learners    ECE    bias  Brier skill  80%% range holds truth\n");
    for (int pop = 0; pop < SIM_POP_COUNT; pop++) {
        size_t cells = (size_t)sh.learners * CHECK_COUNT;
        Job cal = {0};
        cal.calibrate = true;
        cal.est = calloc(cells, sizeof *cal.est);
        cal.lo = calloc(cells, sizeof *cal.lo);
        cal.hi = calloc(cells, sizeof *cal.hi);
        cal.truth = calloc(cells, sizeof *cal.truth);
        if (!cal.est || !cal.lo || !cal.hi || !cal.truth)
            return 1;
        SimConfig cfg = {.policy = SIM_CLOUDPREP, .budget = CAL_MIN_BUDGET, .days = DAYS};
        Outcome o;
        ok = run_population(&sh, (SimPopulation)pop, &cfg, &o, &cal) && ok;
        for (int k = 0; k < CHECK_COUNT; k++) {
            Calibration c = calibration(cal.est, cal.lo, cal.hi, cal.truth, sh.learners, k, CHECK_COUNT);
            printf("  %-3s  %3d  %8d  %.3f  %+.3f  %11.2f  %5.1f%%\n", POP_NAMES[pop], CHECK_DAYS[k], sh.learners,
                   c.ece, c.bias, c.brier_skill, 100.0 * c.coverage80);
            fprintf(cal_csv, "%s,%d,%d,%.4f,%.4f,%.4f,%.4f\n", POP_NAMES[pop], CHECK_DAYS[k], sh.learners, c.ece,
                    c.bias, c.brier_skill, c.coverage80);
        }
        free(cal.est);
        free(cal.lo);
        free(cal.hi);
        free(cal.truth);
    }
    fclose(csv);
    fclose(cal_csv);
    for (int f = 0; f < EXAM_FORMS; f++)
        exam_form_free(&sh.forms[f]);
    bank_free(bank);
    printf("\nwrote %s/bench-learn.csv and %s/bench-calibration.csv\n", out_dir, out_dir);
    return ok ? 0 : 1;
}
