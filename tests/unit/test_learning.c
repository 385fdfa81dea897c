/* The learning engine: the FSRS-6 memory model against reference values
 * worked out by hand from the published formulas, the per-learner fit, the
 * exam-aware scheduler's choices, the pass estimate (with what the learner
 * knew before studying) and projection, and
 * simulated forgetting learners on the shipped bank over 30 simulated days
 * (the same simulator as make bench-learn, on a small fixed set). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bankload.h"
#include "estimate.h"
#include "examform.h"
#include "leitner.h"
#include "memory.h"
#include "project.h"
#include "simlearn.h"
#include "testlib.h"

#define DAY SECONDS_PER_DAY
#define NOW ((int64_t)1800000000)

static bool near(double a, double b, double tol)
{
    return fabs(a - b) <= tol;
}

static void test_memory_reference(void)
{
    const double *w = MEMORY_DEFAULT_W;
    for (int g = 1; g <= 4; g++)
        CHECK(near(memory_initial_stability(w, g), w[g - 1], 1e-12));
    CHECK(near(memory_initial_difficulty(w, MEMORY_AGAIN), 6.4133, 1e-6));
    CHECK(near(memory_initial_difficulty(w, MEMORY_GOOD), 2.118104, 1e-6));
    /* recall is 0.9 after one stability, 1 at once, falls with time */
    for (double s = 0.5; s < 100; s *= 3)
        CHECK(near(memory_recall(s, s, w[20]), 0.9, 1e-12));
    CHECK(near(memory_recall(0, 3, w[20]), 1.0, 1e-12));
    CHECK(memory_recall(10, 3, w[20]) < memory_recall(5, 3, w[20]));
    CHECK(near(memory_recall(30, 0.212, w[20]), 0.466871, 1e-6));
    CHECK(near(memory_recall(5, 0, w[20]), 0.0, 1e-12));
    /* first review GOOD, then three days later GOOD / AGAIN / same day */
    double s = w[2], d = memory_initial_difficulty(w, MEMORY_GOOD);
    CHECK(near(memory_recall(3, s, w[20]), 0.880948, 1e-6));
    double dg = d, da = d, ds = d;
    CHECK(near(memory_next_stability(w, s, &dg, MEMORY_GOOD, 3.0), 13.826904, 1e-5));
    CHECK(near(dg, 2.111214, 1e-6));
    CHECK(near(memory_next_stability(w, s, &da, MEMORY_AGAIN, 3.0), 0.636851, 1e-6));
    CHECK(near(da, 7.394503, 1e-6));
    CHECK(near(memory_next_stability(w, s, &ds, MEMORY_GOOD, 0.01), 2.3065, 1e-9));
    /* the game's use: a first showing is an exposure whatever the answer */
    ItemState right = {0}, wrong = {0};
    memory_apply(&right, true, NOW);
    memory_apply(&wrong, false, NOW);
    CHECK(near(right.stability, w[0], 1e-12) && near(wrong.stability, w[0], 1e-12));
    right.last_at = NOW;
    memory_apply(&right, true, NOW + 2 * DAY);
    CHECK(right.stability > w[0]);
    /* guessing */
    BankItem q4 = {.kind = ITEM_QUESTION, .option_count = 4, .choose = 1};
    BankItem q52 = {.kind = ITEM_QUESTION, .option_count = 5, .choose = 2};
    BankItem card = {.kind = ITEM_FLASHCARD};
    CHECK(near(memory_guess_rate(&q4), 0.25, 1e-12));
    CHECK(near(memory_guess_rate(&q52), 0.1, 1e-12));
    CHECK(near(memory_guess_rate(&card), 0.0, 1e-12));
}

static Bank *load_bank(void)
{
    Diag d = {0};
    Bank *b = bank_load_dir(testlib_source_path("banks/clf-c02"), &d);
    diag_free(&d);
    CHECK(b != NULL);
    return b;
}

/* Answers of one simulated learner studying 20 days at 40 a day. */
static int learner_answers(const Bank *bank, SimPopulation pop, uint64_t seed, Answer *out, int max)
{
    SimLearner l;
    CHECK(sim_learner_init(&l, bank, pop, seed));
    int n = 0;
    int per_day = 40;
    for (int day = 0; day < 20 && n < max; day++)
        for (int k = 0; k < per_day && n < max; k++) {
            int item = (day * 23 + k * 7) % (bank->item_count < 400 ? bank->item_count : 400);
            double t = day + 0.8 + k * 30.0 / DAY;
            bool correct = sim_learner_answer(&l, bank, item, t);
            out[n++] = (Answer){.item = item, .correct = correct, .at = SIM_START + (int64_t)(t * DAY)};
        }
    sim_learner_free(&l);
    return n;
}

static void test_fit(const Bank *bank)
{
    MemoryFit prior;
    memory_fit_prior(&prior);
    double sum = 0;
    for (int p = 0; p < MEMORY_FIT_POINTS; p++)
        sum += prior.weight[p];
    CHECK(near(sum, 1.0, 1e-9));
    CHECK_INT(prior.evidence, 0);
    enum { MAX = 800 };
    Answer *a = calloc(MAX, sizeof *a);
    MemoryFit slow, steep;
    int n = learner_answers(bank, SIM_POP_A, 11, a, MAX);
    CHECK(memory_fit_answers(bank, a, n, &slow));
    n = learner_answers(bank, SIM_POP_B, 11, a, MAX);
    CHECK(memory_fit_answers(bank, a, n, &steep));
    printf("fit: population A learner decay %.3f scale %.2f (%d answers tested); population B (decay 0.5) %.3f "
           "scale %.2f (%d)\n", slow.mean_decay, slow.mean_scale, slow.evidence, steep.mean_decay, steep.mean_scale,
           steep.evidence);
    CHECK(slow.evidence > 100 && steep.evidence > 100);
    CHECK(steep.mean_decay > slow.mean_decay + 0.1);
    /* the simulated learners knew nothing before: their first answers are
     * guesses, and guessing alone rarely counts as knowledge */
    printf("fit: prior knowledge %.3f and %.3f from %d and %d first answers\n", slow.knowledge, steep.knowledge,
           slow.first_answers, steep.first_answers);
    CHECK(slow.first_answers > 100 && steep.first_answers > 100);
    CHECK(slow.knowledge < 0.1 && steep.knowledge < 0.1);
    CHECK(steep.mean_decay > 0.3);
    /* replay gives the states the answers lead to */
    ItemState *st = calloc((size_t)bank->item_count, sizeof *st);
    CHECK(memory_replay(bank, a, n, st));
    int seen = 0;
    for (int i = 0; i < bank->item_count; i++)
        seen += st[i].stability > 0;
    CHECK(seen > 100);
    free(st);
    free(a);
}

static void test_exam_scheduler(const Bank *bank)
{
    CHECK_INT(leitner_cover_quota(0, 0, NOW, NOW + 30 * DAY), 0);
    CHECK_INT(leitner_cover_quota(680, 0, NOW, NOW + 30 * DAY), 30);          /* 680 over 22.5 -> 23 days */
    CHECK_INT(leitner_cover_quota(680, NOW - 10 * DAY, NOW, NOW + 30 * DAY), 34); /* target day 30 of 40: 20 left */
    CHECK_INT(leitner_cover_quota(100, NOW - 29 * DAY, NOW, NOW + DAY), 100); /* past the target: all */
    CHECK_INT(leitner_cover_quota(680, 0, NOW, NOW + DAY / 2), 680);
    ItemState *st = calloc((size_t)bank->item_count, sizeof *st);
    Rng rng;
    rng_seed(&rng, 5);
    LeitnerOptions opt = {.size = 40, .exam_date = NOW + 30 * DAY, .started_at = NOW};
    LeitnerSession s;
    /* day one: every item new; the session fills with new items */
    CHECK(leitner_session_start(&s, bank, st, NULL, NOW, &rng, &opt));
    CHECK_INT(s.count, 40);
    CHECK_INT(s.new_items, 40);
    /* a wrong first answer is an exposure: it does not come back today */
    int first = leitner_session_next(&s);
    LeitnerMove m = leitner_session_record(&s, false, NOW);
    CHECK(!m.requeued);
    CHECK(st[first].stability > 0 && st[first].box == 1);
    int shown = 1;
    while (leitner_session_next(&s) >= 0) {
        leitner_session_record(&s, shown % 2 == 0, NOW + shown * 30);
        shown++;
    }
    CHECK_INT(shown, 40);
    leitner_session_end(&s);
    /* next day: reviews of yesterday's items are mixed in (a tenth of the
     * session at least), the rest new as far as the coverage rule needs */
    CHECK(leitner_session_start(&s, bank, st, NULL, NOW + DAY, &rng, &opt));
    CHECK_INT(s.count, 40);
    CHECK(s.due_items >= 40 / LEITNER_PROBE_MIN_SHARE);
    int quota = leitner_cover_quota(bank->item_count - 40, NOW, NOW + DAY, opt.exam_date);
    CHECK(s.new_items >= (quota < 40 - 40 / LEITNER_PROBE_MIN_SHARE ? quota : 40 - 40 / LEITNER_PROBE_MIN_SHARE));
    leitner_session_end(&s);
    /* the gain: an item never seen gains more than one just learnt well */
    ItemState strong = {.box = 4, .stability = 60, .difficulty = 3, .last_at = NOW - DAY, .seen = 4};
    ItemState two[2] = {{0}, strong};
    CHECK(leitner_exam_gain(bank, two, 0, NULL, NOW, NOW + 30 * DAY) >
          leitner_exam_gain(bank, two, 1, NULL, NOW, NOW + 30 * DAY));
    /* without an exam date the classic rules hold: nothing seen is due */
    LeitnerOptions plain = {.size = 40, .new_quota = 5};
    CHECK(leitner_session_start(&s, bank, st, NULL, NOW + DAY / 2, &rng, &plain));
    CHECK_INT(s.new_items, 5);
    leitner_session_end(&s);
    free(st);
}

/* Without an exam date: boxes move as ever, the item is due when the
 * model's recall falls to 90%, and intervals grow with right answers. */
static void test_retention_schedule(const Bank *bank)
{
    ItemState st = {0};
    int64_t t = NOW;
    int last_interval = 0, box = 0;
    for (int k = 0; k < 6; k++) {
        LeitnerMove m = leitner_record(bank, &st, true, t, NULL);
        CHECK_INT(m.box_before, box);
        box = box < bank->leitner_boxes ? box + 1 : box;
        CHECK_INT(m.box_after, box);
        int interval = (int)((st.due_at - t) / DAY);
        CHECK_INT(interval, leitner_model_interval_days(&st, NULL));
        double r = memory_recall((double)interval, st.stability, MEMORY_DEFAULT_W[20]);
        CHECK(interval == 1 || fabs(r - 0.9) < 0.03);
        CHECK(interval >= last_interval);
        printf("%s%d", k ? ", " : "retention 0.9 intervals for an always-right learner (days): ", interval);
        last_interval = interval;
        t = st.due_at;
    }
    printf("\n");
    CHECK(last_interval > 16); /* past the Leitner ladder's top rung */
    /* a miss: back to box 1, and due again within days, not months (FSRS
     * keeps some of a well-learnt memory after a lapse) */
    LeitnerMove m = leitner_record(bank, &st, false, t, NULL);
    CHECK_INT(m.box_after, 1);
    printf("after a miss at that point: due in %d days\n", (int)((st.due_at - t) / DAY));
    CHECK(st.due_at - t <= 7 * DAY);
    /* a learner who forgets slower gets longer intervals */
    MemoryFit slow;
    memory_fit_prior(&slow);
    slow.mean_scale = 2.0;
    CHECK(leitner_model_interval_days(&st, &slow) >= leitner_model_interval_days(&st, NULL));
}

static void test_estimate(const Bank *bank)
{
    Rng rng;
    rng_seed(&rng, 9);
    ExamForm f;
    CHECK(examform_build_mock(bank, NULL, NOW, &rng, &f, NULL));
    double *chances = calloc((size_t)bank->item_count, sizeof *chances);
    double mean = 0;
    CHECK(near(estimate_form_pass(bank, &f, chances, &mean), 0.0, 1e-12));
    CHECK(near(mean, bank->scale_min, 1e-9));
    for (int i = 0; i < bank->item_count; i++)
        chances[i] = 1.0;
    CHECK(near(estimate_form_pass(bank, &f, chances, &mean), 1.0, 1e-12));
    CHECK(near(mean, bank->scale_max, 1e-9));
    for (int i = 0; i < bank->item_count; i++)
        chances[i] = 0.7;
    double p70 = estimate_form_pass(bank, &f, chances, NULL);
    for (int i = 0; i < bank->item_count; i++)
        chances[i] = 0.8;
    double p80 = estimate_form_pass(bank, &f, chances, NULL);
    printf("a form answered with 70%% / 80%% per item passes with probability %.3f / %.3f\n", p70, p80);
    CHECK(p70 > 0.45 && p70 < 0.7 && p80 > 0.9);
    exam_form_free(&f);
    free(chances);

    /* nothing learnt: guessing alone does not pass; the range holds the estimate */
    ItemState *st = calloc((size_t)bank->item_count, sizeof *st);
    MemoryFit fit;
    memory_fit_prior(&fit);
    PlanPassEstimate e;
    CHECK(estimate_pass(bank, st, &fit, NOW, 10, &rng, &e));
    CHECK(e.probability < 0.01);
    CHECK(e.low <= e.probability && e.probability <= e.high);
    /* everything freshly and firmly learnt: passes */
    for (int i = 0; i < bank->item_count; i++)
        st[i] = (ItemState){.box = 5, .seen = 5, .stability = 200, .difficulty = 3, .last_at = NOW - DAY};
    CHECK(estimate_pass(bank, st, &fit, NOW, 10, &rng, &e));
    CHECK(e.probability > 0.95);
    free(st);
}

/* First answers to `n` questions, each right with guess + (1 - guess) x
 * known: a learner who knew that share of the bank before studying. */
static int first_answers(const Bank *bank, double known, int n, uint64_t seed, Answer *out)
{
    Rng rng;
    rng_seed(&rng, seed);
    int k = 0;
    for (int i = 0; i < bank->item_count && k < n; i++) {
        const BankItem *it = &bank->items[i];
        if (it->kind != ITEM_QUESTION)
            continue;
        double g = memory_guess_rate(it);
        out[k] = (Answer){.item = i, .correct = rng_unit(&rng) < g + (1.0 - g) * known, .at = NOW - 3600 + k};
        k++;
    }
    return k;
}

/* What a learner knew before studying counts: first answers right beyond
 * guessing make never-met items count as that well known, so a learner who
 * passes a first mock is not told their chance is 0%; an item once missed
 * is back to what the memory model says. */
static void test_prior_knowledge(const Bank *bank)
{
    enum { N = 65 };
    Answer a[N];
    MemoryFit none, some, most;
    CHECK(memory_fit_answers(bank, a, first_answers(bank, 0.0, N, 3, a), &none));
    CHECK(memory_fit_answers(bank, a, first_answers(bank, 0.6, N, 3, a), &some));
    CHECK(memory_fit_answers(bank, a, first_answers(bank, 0.95, N, 3, a), &most));
    printf("prior knowledge from %d first answers: %.2f (knew nothing), %.2f (knew 60%%), %.2f (knew 95%%)\n", N,
           none.knowledge, some.knowledge, most.knowledge);
    CHECK_INT(some.first_answers, N);
    CHECK(none.knowledge < 0.15);
    CHECK(some.knowledge > 0.35 && some.knowledge < 0.8);
    CHECK(most.knowledge > 0.75);

    ItemState unseen = {0};
    CHECK(near(estimate_item_recall(&unseen, &some, -1, NOW), some.knowledge, 1e-12));
    ItemState missed = {.box = 1, .seen = 2, .right = 1, .wrong = 1, .stability = 1.0, .difficulty = 5,
                        .last_at = NOW - 60 * DAY};
    double r = memory_item_recall(&missed, &some, -1, NOW);
    CHECK(r < some.knowledge);
    CHECK(near(estimate_item_recall(&missed, &some, -1, NOW), r, 1e-12));
    ItemState known = missed;
    known.wrong = 0;
    known.right = 2;
    CHECK(near(estimate_item_recall(&known, &some, -1, NOW), some.knowledge, 1e-12));

    ItemState *st = calloc((size_t)bank->item_count, sizeof *st);
    Rng rng;
    PlanPassEstimate e_none, e_some, e_most;
    rng_seed(&rng, 5);
    CHECK(estimate_pass(bank, st, &none, NOW, 10, &rng, &e_none));
    rng_seed(&rng, 5);
    CHECK(estimate_pass(bank, st, &some, NOW, 10, &rng, &e_some));
    rng_seed(&rng, 5);
    CHECK(estimate_pass(bank, st, &most, NOW, 10, &rng, &e_most));
    printf("chance of passing today, nothing studied: %.3f, %.3f, %.3f\n", e_none.probability, e_some.probability,
           e_most.probability);
    CHECK(e_none.probability < 0.01);
    CHECK(e_some.probability > e_none.probability);
    CHECK(e_most.probability > 0.9);
    CHECK(estimate_bank_recall(bank, st, &most, NOW) > 0.75);
    free(st);
}

static void test_projection(const Bank *bank)
{
    ItemState *st = calloc((size_t)bank->item_count, sizeof *st);
    MemoryFit fit;
    memory_fit_prior(&fit);
    Rng rng;
    Projection none, some, more;
    ProjectOptions o = {.first_session = NOW, .exam_date = NOW + 30 * DAY, .draws = 6, .forms = 8};
    rng_seed(&rng, 1);
    CHECK(project_exam_day(bank, st, &fit, &o, &rng, &none));
    o.showings_per_day = 20;
    rng_seed(&rng, 1);
    CHECK(project_exam_day(bank, st, &fit, &o, &rng, &some));
    o.showings_per_day = 60;
    rng_seed(&rng, 1);
    CHECK(project_exam_day(bank, st, &fit, &o, &rng, &more));
    printf("projection from nothing, 30 days: 0/day recall %.2f; 20/day recall %.2f pass %.2f, bank met %s; "
           "60/day recall %.2f pass %.2f, bank met on day %.0f\n", none.recall, some.recall, some.pass.probability,
           some.all_met_at > 0 ? "yes" : "no", more.recall, more.pass.probability,
           more.all_met_at > 0 ? (double)(more.all_met_at - NOW) / DAY : -1.0);
    CHECK(near(none.recall, 0.0, 1e-12));
    CHECK_INT(none.unseen_now, bank->item_count);
    CHECK_INT(none.all_met_at, -1);
    CHECK(some.recall > 0.2 && more.recall > some.recall + 0.1);
    CHECK(more.pass.probability >= some.pass.probability);
    /* at 60 a day the bank is met within three quarters of the 30 days */
    CHECK(more.all_met_at > 0 && more.all_met_at <= NOW + 23 * DAY);
    CHECK(some.unseen_at_exam >= 0 && more.unseen_at_exam == 0);
    free(st);
}

/* Pop A learners at 40 a day for 30 days: the exam-aware scheduler against
 * the first one; recall, and when the bank was met. */
typedef struct MetCtx {
    const Bank *bank;
    int met_day;
} MetCtx;

static void note_met(void *ctx, int day, const ItemState *states, const MemoryFit *fit, const SimLearner *l)
{
    (void)fit;
    (void)l;
    MetCtx *c = ctx;
    if (c->met_day > 0)
        return;
    for (int i = 0; i < c->bank->item_count; i++)
        if (states[i].box == 0)
            return;
    c->met_day = day;
}

static void test_simulated_learners(const Bank *bank)
{
    enum { LEARNERS = 6 };
    double recall[2] = {0}, pass[2] = {0};
    int latest_met = 0; /* 99: not met */
    double *chances = calloc((size_t)bank->item_count, sizeof *chances);
    Rng form_rng;
    rng_seed(&form_rng, 3);
    ExamForm f;
    CHECK(examform_build_mock(bank, NULL, SIM_START, &form_rng, &f, NULL));
    for (int k = 0; k < LEARNERS; k++) {
        SimLearner l;
        CHECK(sim_learner_init(&l, bank, SIM_POP_A, 1000 + (uint64_t)k));
        for (int p = 0; p < 2; p++) {
            SimConfig cfg = {.policy = p == 0 ? SIM_CLOUDPREP : SIM_LEITNER_V1, .budget = 40, .days = 30};
            MetCtx ctx = {bank, 0};
            CHECK(sim_run(bank, &l, &cfg, note_met, &ctx));
            recall[p] += sim_learner_chances(&l, bank, 30.0, chances) / LEARNERS;
            pass[p] += estimate_form_pass(bank, &f, chances, NULL) / LEARNERS;
            if (p == 0)
                latest_met = ctx.met_day > latest_met || ctx.met_day == 0 ? (ctx.met_day ? ctx.met_day : 99)
                                                                          : latest_met;
        }
        sim_learner_free(&l);
    }
    printf("%d forgetting learners, 40 a day, 30 days: exam-day recall cloudprep %.3f vs leitner-v1 %.3f; pass "
           "%.2f vs %.2f; whole bank met by day %d\n", LEARNERS, recall[0], recall[1], pass[0], pass[1], latest_met);
    CHECK(recall[0] > recall[1] + 0.25);
    CHECK(pass[0] >= pass[1]);
    /* where the minutes allow it (the new items fit in 9 of 10 showings over
     * three quarters of the days), the whole bank is met by then */
    int budget = (bank->item_count * 10 / 9 + 21) / 22 + 1;
    SimLearner l;
    CHECK(sim_learner_init(&l, bank, SIM_POP_A, 77));
    SimConfig cfg = {.policy = SIM_CLOUDPREP, .budget = budget, .days = 30};
    MetCtx ctx = {bank, 0};
    CHECK(sim_run(bank, &l, &cfg, note_met, &ctx));
    printf("at %d a day the whole bank of %d items was met on day %d\n", budget, bank->item_count, ctx.met_day);
    CHECK(ctx.met_day > 0 && ctx.met_day <= 23);
    sim_learner_free(&l);
    exam_form_free(&f);
    free(chances);
}

/* The projection the game shows on day 20, against how exam day came out,
 * for learners at 10-100 showings a day (fixed seeds). */
typedef struct CalCtx {
    const Bank *bank;
    int budget;
    double estimate;
} CalCtx;

static void project_day20(void *ctx, int day, const ItemState *states, const MemoryFit *fit, const SimLearner *l)
{
    CalCtx *c = ctx;
    if (day != 20 || !fit)
        return;
    Rng rng;
    rng_seed(&rng, l->seed);
    ProjectOptions o = {.first_session = SIM_START + 20 * (int64_t)DAY + SIM_STUDY_HOUR,
                        .exam_date = SIM_START + 30 * (int64_t)DAY, .showings_per_day = c->budget, .draws = 8,
                        .forms = 8};
    Projection p;
    CHECK(project_exam_day(c->bank, states, fit, &o, &rng, &p));
    c->estimate = p.pass.probability;
}

static void test_calibration(const Bank *bank)
{
    enum { LEARNERS = 10 };
    double *chances = calloc((size_t)bank->item_count, sizeof *chances);
    Rng form_rng;
    rng_seed(&form_rng, 4);
    ExamForm forms[4];
    for (int k = 0; k < 4; k++)
        CHECK(examform_build_mock(bank, NULL, SIM_START, &form_rng, &forms[k], NULL));
    double bias = 0, sq = 0, var = 0, tbar = 0;
    double est[LEARNERS], truth[LEARNERS];
    for (int k = 0; k < LEARNERS; k++) {
        SimLearner l;
        CHECK(sim_learner_init(&l, bank, SIM_POP_A, 2000 + (uint64_t)k));
        CalCtx ctx = {bank, 10 + 10 * k, 0};
        SimConfig cfg = {.policy = SIM_CLOUDPREP, .budget = ctx.budget, .days = 30};
        CHECK(sim_run(bank, &l, &cfg, project_day20, &ctx));
        sim_learner_chances(&l, bank, 30.0, chances);
        truth[k] = 0;
        for (int f = 0; f < 4; f++)
            truth[k] += estimate_form_pass(bank, &forms[f], chances, NULL) / 4;
        est[k] = ctx.estimate;
        tbar += truth[k] / LEARNERS;
        sim_learner_free(&l);
    }
    for (int k = 0; k < LEARNERS; k++) {
        bias += (est[k] - truth[k]) / LEARNERS;
        sq += (est[k] - truth[k]) * (est[k] - truth[k]);
        var += (tbar - truth[k]) * (tbar - truth[k]);
        printf("  %3d a day: projected on day 20 %.2f, exam day %.2f\n", 10 + 10 * k, est[k], truth[k]);
    }
    double skill = var > 0 ? 1 - sq / var : 0;
    printf("projection on day 20 vs exam day, %d learners at 10-100 a day: bias %+.3f, skill %.2f\n", LEARNERS, bias,
           skill);
    CHECK(fabs(bias) < 0.1);
    CHECK(skill > 0.6);
    for (int k = 0; k < 4; k++)
        exam_form_free(&forms[k]);
    free(chances);
}

int main(void)
{
    test_memory_reference();
    Bank *bank = load_bank();
    if (!bank)
        return testlib_finish();
    test_fit(bank);
    test_exam_scheduler(bank);
    test_retention_schedule(bank);
    test_estimate(bank);
    test_prior_knowledge(bank);
    test_projection(bank);
    test_simulated_learners(bank);
    test_calibration(bank);
    bank_free(bank);
    return testlib_finish();
}
