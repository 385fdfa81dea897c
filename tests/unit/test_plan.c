/* Tests for the study plan: weakest domain and tasks, minutes per domain,
 * new items per day, readiness, the learner estimate and the pass
 * probability's extremes and determinism. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fakebank.h"
#include "plan.h"
#include "testlib.h"

#define DAY SECONDS_PER_DAY
#define NOW ((int64_t)1800000000)

static bool near(double a, double b)
{
    return fabs(a - b) < 1e-9;
}

static ScoreResult result_with(const Bank *bank, const int *right, const int *total)
{
    ScoreResult r;
    memset(&r, 0, sizeof r);
    r.domain_count = bank->domain_count;
    r.task_count = bank->task_count;
    for (int d = 0; d < bank->domain_count; d++) {
        r.domains[d].right = right[d];
        r.domains[d].total = total[d];
        r.right += right[d];
        r.scored += total[d];
    }
    r.raw = r.scored ? (double)r.right / r.scored : 0;
    return r;
}

static void test_weakest(const Bank *bank)
{
    int right[4] = {9, 10, 12, 3}, total[4] = {12, 15, 17, 6};
    ScoreResult r = result_with(bank, right, total);
    CHECK_INT(plan_weakest_domain(bank, &r), 3); /* 0.5 */
    /* a tie at 0.5 goes to the heavier domain */
    int right2[4] = {6, 10, 12, 3};
    r = result_with(bank, right2, total);
    CHECK_INT(plan_weakest_domain(bank, &r), 0);
    int right3[4] = {6, 10, 12, 3}, total3[4] = {12, 15, 0, 6};
    r = result_with(bank, right3, total3);
    CHECK_INT(plan_weakest_domain(bank, &r), 0);
    int none[4] = {0};
    r = result_with(bank, none, none);
    CHECK_INT(plan_weakest_domain(bank, &r), -1);

    /* tasks */
    memset(&r, 0, sizeof r);
    r.domain_count = 4;
    r.task_count = bank->task_count;
    r.tasks[0] = (ScoreTally){3, 4};   /* 0.75 */
    r.tasks[2] = (ScoreTally){1, 4};   /* 0.25 */
    r.tasks[5] = (ScoreTally){1, 2};   /* 0.50, 1 wrong, domain 2 (30) */
    r.tasks[9] = (ScoreTally){2, 4};   /* 0.50, 2 wrong */
    r.tasks[17] = (ScoreTally){1, 2};  /* 0.50, 1 wrong, domain 4 (12) */
    r.tasks[12] = (ScoreTally){0, 0};  /* no data: never listed */
    int out[3];
    CHECK_INT(plan_weakest_tasks(bank, &r, out, 3), 3);
    CHECK_INT(out[0], 2);
    CHECK_INT(out[1], 9);
    CHECK_INT(out[2], 5);
    int five[5];
    CHECK_INT(plan_weakest_tasks(bank, &r, five, 5), 5);
    CHECK_INT(five[3], 17);
    CHECK_INT(five[4], 0);
    CHECK_INT(plan_weakest_tasks(bank, &r, out, 0), 0);
}

static void test_plan_build(const Bank *bank)
{
    StudyPlan p;
    CHECK(plan_build(bank, NULL, NULL, NOW, NULL, &p));
    CHECK_INT(p.days_left, 28);
    CHECK_INT(p.daily_minutes, 30);
    /* pulls 36/45/51/18: domain 4 (3.6 min) is raised to 5, the other 25
     * split 24/30/34: 6.82/8.52/9.66 -> 7/8/10 */
    CHECK_INT(p.minutes[0], 7);
    CHECK_INT(p.minutes[1], 8);
    CHECK_INT(p.minutes[2], 10);
    CHECK_INT(p.minutes[3], 5);
    CHECK_INT(p.unseen, bank->item_count);
    /* 300 items over 21 of 28 days would be 15 a day, but 30 minutes (60
     * items) carry only 60 / 5 = 12 new ones up the five boxes */
    CHECK_INT(p.items_per_day, 60);
    CHECK_INT(p.new_per_day, 12);
    CHECK(!p.covers_bank);
    PlanOptions longer = {.daily_minutes = 60};
    CHECK(plan_build(bank, NULL, NULL, NOW, &longer, &p));
    CHECK_INT(p.new_per_day, (bank->item_count + 20) / 21);
    CHECK(p.covers_bank);

    /* a weak domain gets more minutes; always at least 5 each, summing up */
    double acc[4] = {0.9, 0.9, 0.9, 0.2};
    PlanOptions opt = {.daily_minutes = 60, .exam_date = NOW + 10 * DAY + DAY / 2};
    CHECK(plan_build(bank, NULL, acc, NOW, &opt, &p));
    CHECK_INT(p.days_left, 11);
    int sum = 0;
    for (int d = 0; d < 4; d++) {
        sum += p.minutes[d];
        CHECK(p.minutes[d] >= 5);
    }
    CHECK_INT(sum, 60);
    CHECK(near(p.weakness[3], 0.8));
    StudyPlan even;
    opt.daily_minutes = 60;
    CHECK(plan_build(bank, NULL, NULL, NOW, &opt, &even));
    CHECK(p.minutes[3] > even.minutes[3]);
    printf("plan, 60 min/day, domain 4 weak (0.2): %d/%d/%d/%d min; even: %d/%d/%d/%d\n",
           p.minutes[0], p.minutes[1], p.minutes[2], p.minutes[3], even.minutes[0],
           even.minutes[1], even.minutes[2], even.minutes[3]);

    /* too few minutes for 5 each: plain proportion, still summing up */
    opt = (PlanOptions){.daily_minutes = 12};
    CHECK(plan_build(bank, NULL, NULL, NOW, &opt, &p));
    CHECK_INT(p.minutes[0] + p.minutes[1] + p.minutes[2] + p.minutes[3], 12);

    /* seen items are not new; a near exam date caps new items per day */
    ItemState *st = calloc((size_t)bank->item_count, sizeof *st);
    for (int i = 0; i < bank->item_count / 2; i++)
        st[i].box = 2;
    CHECK(plan_build(bank, st, NULL, NOW, NULL, &p));
    CHECK_INT(p.unseen, bank->item_count - bank->item_count / 2);
    CHECK(p.covers_bank);
    opt = (PlanOptions){.exam_date = NOW + DAY, .daily_minutes = 600};
    CHECK(plan_build(bank, NULL, NULL, NOW, &opt, &p));
    CHECK_INT(p.days_left, 1);
    CHECK_INT(p.new_per_day, PLAN_MAX_NEW_PER_DAY);
    CHECK(!p.covers_bank);
    opt = (PlanOptions){.exam_date = NOW - DAY};
    CHECK(plan_build(bank, NULL, NULL, NOW, &opt, &p));
    CHECK_INT(p.days_left, 1);
    free(st);
}

static void test_readiness(const Bank *bank)
{
    CHECK_INT(plan_ready_score(bank), 750);
    PlanReadiness r;
    int good[6] = {650, 760, 780, 800, 750, 790};
    CHECK(plan_readiness(bank, good, 6, NULL, &r));
    CHECK_INT(r.recent_mocks, 5);
    CHECK_INT(r.recent_ready, 5);
    CHECK(r.ready);
    int almost[5] = {760, 749, 780, 800, 790};
    CHECK(plan_readiness(bank, almost, 5, NULL, &r));
    CHECK_INT(r.recent_ready, 4);
    CHECK(!r.ready);
    CHECK(plan_readiness(bank, good + 1, 4, NULL, &r)); /* only four mocks yet */
    CHECK_INT(r.recent_ready, 4);
    CHECK(!r.ready);
    CHECK(plan_readiness(bank, NULL, 0, NULL, &r));
    CHECK(!r.ready && r.recent_mocks == 0 && r.domain[0] < 0);

    /* overall 75/100; domain 2 at 0.64 (11 points below) lags; domain 4 at
     * exactly 0.65 (10 points) does not */
    int right[4] = {22, 16, 29, 8}, total[4] = {26, 25, 37, 12};
    /* fractions: 0.846, 0.64, 0.784, 0.667; overall 75/100 */
    ScoreResult h = result_with(bank, right, total);
    CHECK(plan_readiness(bank, good, 6, &h, &r));
    CHECK(near(r.overall, 0.75));
    CHECK(!r.lagging[0] && r.lagging[1] && !r.lagging[2] && !r.lagging[3]);
    CHECK_INT(r.lagging_count, 1);
    int right_b[4] = {30, 20, 12, 13}, total_b[4] = {36, 26, 18, 20}; /* 13/20 = 0.65 */
    h = result_with(bank, right_b, total_b);
    CHECK(near(h.raw, 0.75));
    CHECK(plan_readiness(bank, good, 6, &h, &r));
    CHECK(!r.lagging[3]);
    CHECK(!r.lagging[2]); /* 12/18 = 0.667: 8.3 points below */
    CHECK_INT(r.lagging_count, 0);
}

static void test_learner(const Bank *bank)
{
    /* 10 question answers in domain 0: 8 right, 6 of them (and 1 wrong) in
     * box 2, the rest in box 0 */
    Answer a[12];
    int box[12];
    memset(a, 0, sizeof a);
    for (int i = 0; i < 10; i++) {
        a[i].item = i;
        a[i].correct = i < 8;
        box[i] = i < 6 || i == 9 ? 2 : 0;
    }
    int card = -1;
    for (int i = 0; i < bank->item_count; i++)
        if (bank->items[i].kind == ITEM_FLASHCARD) {
            card = i;
            break;
        }
    a[10] = (Answer){.item = card, .correct = false}; /* flashcards do not count */
    box[10] = 1;
    a[11] = (Answer){.item = -1};
    box[11] = 1;
    PlanLearner L;
    CHECK(plan_learner_estimate(bank, a, box, 12, &L));
    CHECK_INT(L.evidence, 10);
    double pd = (8 + 10 * 0.5) / (10 + 10.0); /* 0.65 */
    CHECK(near(L.domain[0], pd));
    CHECK(near(L.domain[1], 0.5));
    CHECK_INT(L.total[0][2], 7);
    CHECK_INT(L.right[0][2], 6);
    CHECK_INT(L.total[0][0], 3);
    CHECK_INT(L.total[0][1], 0); /* the flashcard answer is not evidence */
    /* each cell is its own accuracy shrunk toward the logistic fit */
    CHECK(near(L.p[0][2], (6 + 10 * L.fit[0][2]) / (7 + 10.0)));
    CHECK(near(L.p[0][0], (2 + 10 * L.fit[0][0]) / (3 + 10.0)));
    CHECK(near(L.p[0][5], L.fit[0][5]));
    /* box 2 did better than box 0, so the fitted slope is positive and the
     * fit rises with the box, in every domain */
    CHECK(L.slope > 0.0);
    for (int b = 1; b <= 5; b++)
        CHECK(L.fit[0][b] > L.fit[0][b - 1] && L.fit[1][b] > L.fit[1][b - 1]);
    /* domain 0 did better than the prior, the others sit on it */
    CHECK(L.fit[0][0] > L.fit[1][0]);
    CHECK(L.fit[1][0] > 0.3 && L.fit[1][0] < 0.6);
    ItemState *st = calloc((size_t)bank->item_count, sizeof *st);
    st[0].box = 2;
    CHECK(near(plan_item_probability(bank, &L, st, 0), L.p[0][2]));
    CHECK(near(plan_item_probability(bank, &L, NULL, 0), L.p[0][0]));
    /* without boxes every cell is the domain estimate */
    CHECK(plan_learner_estimate(bank, a, NULL, 12, &L));
    CHECK(near(L.p[0][2], pd));
    CHECK(near(L.p[0][0], pd));
    /* no answers at all: the prior everywhere */
    CHECK(plan_learner_estimate(bank, NULL, box, 0, &L));
    CHECK(near(L.p[2][3], 0.5) && near(L.slope, 0.0));

    /* a learner who is right 90% of the time in box 5 and 50% in box 0:
     * the fit recovers both ends */
    Answer *many = calloc(2000, sizeof *many);
    int *boxes = calloc(2000, sizeof *boxes);
    for (int i = 0; i < 2000; i++) {
        many[i].item = i % 40; /* domain 0 questions */
        boxes[i] = i % 2 ? 5 : 0;
        many[i].correct = boxes[i] == 5 ? (i % 20) != 1 : (i % 4) < 2;
    }
    CHECK(plan_learner_estimate(bank, many, boxes, 2000, &L));
    CHECK(fabs(L.p[0][5] - 0.9) < 0.01);
    CHECK(fabs(L.p[0][0] - 0.5) < 0.01);
    CHECK(L.fit[0][3] > 0.6 && L.fit[0][3] < 0.85);
    free(many);
    free(boxes);
    free(st);
}

static void test_pass_probability(const Bank *bank)
{
    PlanLearner L;
    plan_learner_estimate(bank, NULL, NULL, 0, &L);
    for (int d = 0; d < 4; d++)
        for (int b = 0; b <= 5; b++)
            L.p[d][b] = 1.0;
    Rng rng;
    rng_seed(&rng, 8);
    PlanPassEstimate e;
    CHECK(plan_pass_probability(bank, NULL, &L, 200, &rng, &e));
    CHECK_INT(e.simulations, 200);
    CHECK_INT(e.passes, 200);
    CHECK(near(e.probability, 1.0));
    CHECK(near(e.mean_scaled, 1000));
    for (int d = 0; d < 4; d++)
        for (int b = 0; b <= 5; b++)
            L.p[d][b] = 0.0;
    CHECK(plan_pass_probability(bank, NULL, &L, 0, &rng, &e));
    CHECK_INT(e.simulations, PLAN_DEFAULT_SIMULATIONS);
    CHECK_INT(e.passes, 0);
    CHECK(near(e.mean_scaled, 100));
    /* a coin-flip learner: 0.5 per item rarely reaches 35 of 50 */
    for (int d = 0; d < 4; d++)
        for (int b = 0; b <= 5; b++)
            L.p[d][b] = 0.5;
    rng_seed(&rng, 8);
    CHECK(plan_pass_probability(bank, NULL, &L, 500, &rng, &e));
    CHECK(e.probability < 0.02);
    PlanPassEstimate e2;
    rng_seed(&rng, 8);
    CHECK(plan_pass_probability(bank, NULL, &L, 500, &rng, &e2));
    CHECK_INT(e2.passes, e.passes); /* deterministic with the seed */
    /* domain 3 (34%) perfect, the rest 0.6: a better chance */
    for (int b = 0; b <= 5; b++) {
        L.p[0][b] = L.p[1][b] = L.p[3][b] = 0.6;
        L.p[2][b] = 1.0;
    }
    CHECK(plan_pass_probability(bank, NULL, &L, 500, &rng, &e));
    CHECK(e.probability > 0.3 && e.probability < 0.95);
    CHECK(e.std_error > 0.0 && e.std_error < 0.03);

    /* the likely range, for a learner at 0.71 everywhere: wide when that
     * rests on no answers, narrow when it rests on many */
    PlanLearner thin;
    plan_learner_estimate(bank, NULL, NULL, 0, &thin);
    for (int d = 0; d < 4; d++)
        for (int b = 0; b <= 5; b++)
            thin.fit[d][b] = thin.p[d][b] = 0.71;
    PlanLearner rich = thin;
    for (int d = 0; d < 4; d++)
        for (int b = 0; b <= 5; b++) {
            rich.total[d][b] = 2000;
            rich.right[d][b] = 1420;
        }
    rng_seed(&rng, 3);
    CHECK(plan_pass_probability(bank, NULL, &thin, 1000, &rng, &e));
    CHECK_INT(e.range_draws, PLAN_RANGE_DRAWS);
    CHECK(e.low <= e.high);
    double thin_low = e.low, thin_high = e.high;
    CHECK(plan_pass_probability(bank, NULL, &rich, 2000, &rng, &e));
    printf("likely range of the pass probability at 0.71: no answers %.2f-%.2f; 48,000 answers "
           "%.2f-%.2f (estimate %.2f)\n", thin_low, thin_high, e.low, e.high, e.probability);
    CHECK(thin_high - thin_low > 0.3);
    CHECK(e.high - e.low < 0.15);
    CHECK(e.low <= e.probability + 0.05 && e.high >= e.probability - 0.05);

    FakeBankConfig cards = {0};
    for (int d = 0; d < 4; d++)
        cards.flashcards[d] = 4;
    Bank *no_questions = fakebank_new(&cards);
    CHECK(!plan_pass_probability(no_questions, NULL, &L, 10, &rng, &e));
    CHECK_INT(e.simulations, 0);
    fakebank_free(no_questions);
}

int main(void)
{
    Bank *bank = fakebank_clf(2, 1, 5);
    CHECK(bank != NULL);
    if (!bank)
        return testlib_finish();
    test_weakest(bank);
    test_plan_build(bank);
    test_readiness(bank);
    test_learner(bank);
    test_pass_probability(bank);
    fakebank_free(bank);
    return testlib_finish();
}
