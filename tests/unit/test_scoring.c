/* Tests for scoring: the scaled-score mapping and its fixed points, strict
 * monotonicity in right answers, exact-set correctness, the likely range,
 * form and history scoring, and the diagnostic's score. */
#include <stdlib.h>
#include <string.h>

#include "examform.h"
#include "fakebank.h"
#include "rng.h"
#include "scoring.h"
#include "testlib.h"

static void test_fixed_points(const Bank *bank)
{
    CHECK_INT(scoring_scaled(bank, 0.0), 100);
    CHECK_INT(scoring_scaled(bank, bank->pass_fraction), 700);
    CHECK_INT(scoring_scaled(bank, 1.0), 1000);
    CHECK_INT(scoring_scaled(bank, 35.0 / 50.0), 700);
    CHECK_INT(scoring_scaled(bank, 7.0 / 10.0), 700);
    CHECK_INT(scoring_scaled(bank, 0.5), 529);   /* 100 + 600 * 0.5 / 0.7 = 528.57 */
    CHECK_INT(scoring_scaled(bank, 0.85), 850);  /* 700 + 300 * 0.15 / 0.3 */
    CHECK_INT(scoring_scaled(bank, 34.0 / 50.0), 683);
    CHECK_INT(scoring_scaled(bank, 36.0 / 50.0), 720);
    CHECK_INT(scoring_scaled(bank, -0.5), 100);  /* clamped */
    CHECK_INT(scoring_scaled(bank, 1.5), 1000);
}

static void test_monotonic(const Bank *bank, int n, int pass_right)
{
    int previous = -1;
    bool strictly = true;
    for (int right = 0; right <= n; right++) {
        int s = scoring_scaled(bank, (double)right / n);
        if (s <= previous)
            strictly = false;
        CHECK(s >= bank->scale_min && s <= bank->scale_max);
        CHECK((s >= bank->scale_pass) == (right >= pass_right));
        previous = s;
    }
    CHECK(strictly);
    CHECK_INT(scoring_pass_right(bank, n), pass_right);
    /* and over p on a fine grid */
    int last = -1;
    bool monotone = true;
    for (int k = 0; k <= 10000; k++) {
        int s = scoring_scaled(bank, k / 10000.0);
        if (s < last)
            monotone = false;
        last = s;
    }
    CHECK(monotone);
}

static void test_item_correct(const Bank *bank)
{
    const BankItem *single = NULL, *multi = NULL, *card = NULL;
    for (int i = 0; i < bank->item_count; i++) {
        const BankItem *it = &bank->items[i];
        if (it->kind == ITEM_FLASHCARD && !card)
            card = it;
        else if (it->kind == ITEM_QUESTION && it->choose == 1 && !single)
            single = it;
        else if (it->kind == ITEM_QUESTION && it->choose == 2 && !multi)
            multi = it;
    }
    CHECK(single && multi && card);
    if (!single || !multi || !card)
        return;
    CHECK(scoring_item_correct(single, single->correct_mask));
    CHECK(!scoring_item_correct(single, 0));
    CHECK(!scoring_item_correct(single, single->correct_mask ^ 0xFu));
    CHECK(!scoring_item_correct(single, single->correct_mask | (single->correct_mask << 1)));
    CHECK(scoring_item_correct(multi, multi->correct_mask));
    uint32_t one_of_two = multi->correct_mask & (multi->correct_mask - 1); /* drop lowest bit */
    CHECK(!scoring_item_correct(multi, one_of_two));                  /* no partial credit */
    CHECK(!scoring_item_correct(multi, multi->correct_mask | 0x1Fu)); /* superset */
    CHECK(!scoring_item_correct(multi, 0));
    CHECK(scoring_item_correct(card, 1));
    CHECK(!scoring_item_correct(card, 0));
}

static void test_range(const Bank *bank)
{
    int lo, hi;
    scoring_likely_range(bank, 7, 10, &lo, &hi);
    CHECK_INT(lo, 576);
    CHECK_INT(hi, 845);
    scoring_likely_range(bank, 35, 50, &lo, &hi);
    CHECK(lo < 700 && hi > 700);
    CHECK(hi - lo < 845 - 576); /* narrower with more items */
    scoring_likely_range(bank, 0, 10, &lo, &hi);
    CHECK_INT(lo, 100);
    CHECK_INT(hi, 100);
    scoring_likely_range(bank, 10, 10, &lo, &hi);
    CHECK_INT(lo, 1000);
    CHECK_INT(hi, 1000);
    scoring_likely_range(bank, 1, 10, &lo, &hi); /* p - se < 0 is clamped */
    CHECK(lo >= 100);
    scoring_likely_range(bank, 0, 0, &lo, &hi);
    CHECK_INT(lo, 100);
    CHECK_INT(hi, 1000);
}

/* A hand-made form: 4 scored items (2 right, 1 wrong, 1 unanswered) and one
 * unscored right item. */
static void test_score_form(const Bank *bank)
{
    FormItem items[5];
    memset(items, 0, sizeof items);
    /* picks 0, 2, 4 from domain 0 and 1, 3 from domain 1 */
    int pick[5] = {-1, -1, -1, -1, -1};
    for (int k = 0; k < 5; k++) {
        int seen = 0;
        for (int i = 0; i < bank->item_count && pick[k] < 0; i++)
            if (bank->items[i].kind == ITEM_QUESTION && bank->items[i].domain == k % 2 &&
                seen++ == k / 2)
                pick[k] = i;
    }
    for (int k = 0; k < 5; k++) {
        items[k].item = pick[k];
        items[k].scored = k < 4;
    }
    items[0].answer = bank->items[pick[0]].correct_mask;
    items[1].answer = bank->items[pick[1]].correct_mask;
    items[2].answer = bank->items[pick[2]].correct_mask ^ 3u;
    items[3].answer = 0;
    items[4].answer = bank->items[pick[4]].correct_mask;
    ExamForm form = {.mode = MODE_MOCK, .count = 5, .items = items};
    ScoreResult r;
    CHECK(scoring_score_form(bank, &form, &r));
    CHECK_INT(r.scored, 4);
    CHECK_INT(r.right, 2);
    CHECK_INT(r.answered, 3);
    CHECK_INT(r.unscored, 1);
    CHECK_INT(r.unscored_right, 1);
    CHECK_INT(r.scaled, scoring_scaled(bank, 0.5));
    CHECK(!r.pass);
    CHECK_INT(r.domains[0].total, 2); /* picks 0 and 2 are domain 0 */
    CHECK_INT(r.domains[0].right, 1);
    CHECK_INT(r.domains[1].total, 2);
    CHECK_INT(r.domains[1].right, 1);
    CHECK(!r.meets[0] && !r.meets[1] && !r.meets[2]);
    int task_total = 0;
    for (int t = 0; t < r.task_count; t++)
        task_total += r.tasks[t].total;
    CHECK_INT(task_total, 4);
    CHECK_INT(r.tasks[bank->items[pick[0]].task].right, 1);

    /* all right: 1000 and every domain with items meets competencies */
    for (int k = 0; k < 5; k++)
        items[k].answer = bank->items[pick[k]].correct_mask;
    CHECK(scoring_score_form(bank, &form, &r));
    CHECK_INT(r.scaled, 1000);
    CHECK(r.pass && r.meets[0] && r.meets[1] && !r.meets[3]);

    items[2].item = bank->item_count; /* out of range: refused */
    CHECK(!scoring_score_form(bank, &form, &r));
}

static void test_score_answers(const Bank *bank)
{
    Answer a[10];
    memset(a, 0, sizeof a);
    for (int i = 0; i < 10; i++) {
        a[i].item = i;           /* the first items are domain 0 questions */
        a[i].correct = i < 8;
    }
    a[9].item = -3; /* skipped */
    ScoreResult r;
    CHECK(scoring_score_answers(bank, a, 10, &r));
    CHECK_INT(r.scored, 9);
    CHECK_INT(r.right, 8);
    CHECK_INT(r.domains[0].total, 9);
    CHECK(r.meets[0]);
}

/* The diagnostic: 10 scored items; 7 right is exactly the pass mark. */
static void test_diagnostic_score(const Bank *bank)
{
    Rng rng;
    rng_seed(&rng, 7);
    ExamForm form;
    CHECK(examform_build_diagnostic(bank, NULL, 1000, &rng, &form, NULL));
    CHECK_INT(form.count, 10);
    int right_by_count[11];
    for (int right = 0; right <= 10; right++) {
        for (int i = 0; i < form.count; i++) {
            const BankItem *it = &bank->items[form.items[i].item];
            form.items[i].answer = i < right ? it->correct_mask : 0;
        }
        ScoreResult r;
        CHECK(scoring_score_form(bank, &form, &r));
        CHECK_INT(r.scored, 10);
        CHECK_INT(r.right, right);
        right_by_count[right] = r.scaled;
        if (right == 7) {
            CHECK_INT(r.scaled, 700);
            CHECK(r.pass);
            CHECK_INT(r.low, 576);
            CHECK_INT(r.high, 845);
            printf("diagnostic 7/10: scaled %d, likely range %d-%d\n", r.scaled, r.low, r.high);
        }
        if (right == 6)
            CHECK(!r.pass);
    }
    CHECK_INT(right_by_count[0], 100);
    CHECK_INT(right_by_count[10], 1000);
    for (int k = 1; k <= 10; k++)
        CHECK(right_by_count[k] > right_by_count[k - 1]);
    exam_form_free(&form);
}

static void test_other_scale(Bank *bank)
{
    double saved = bank->pass_fraction;
    int smin = bank->scale_min, smax = bank->scale_max, spass = bank->scale_pass;
    bank->pass_fraction = 0.72;
    bank->scale_min = 0;
    bank->scale_max = 100;
    bank->scale_pass = 72;
    CHECK_INT(scoring_scaled(bank, 0.0), 0);
    CHECK_INT(scoring_scaled(bank, 0.72), 72);
    CHECK_INT(scoring_scaled(bank, 1.0), 100);
    CHECK_INT(scoring_pass_right(bank, 50), 36);
    test_monotonic(bank, 50, 36);
    bank->pass_fraction = saved;
    bank->scale_min = smin;
    bank->scale_max = smax;
    bank->scale_pass = spass;
}

/* A coarse scale rounds 30% and 40% up to the pass mark of a 50% bank:
 * pass/fail is decided on the exact fraction, never on the rounded score. */
static void test_coarse_scale(Bank *bank)
{
    double saved = bank->pass_fraction;
    int smin = bank->scale_min, smax = bank->scale_max, spass = bank->scale_pass;
    bank->pass_fraction = 0.5;
    bank->scale_min = 0;
    bank->scale_max = 2;
    bank->scale_pass = 1;
    CHECK_INT(scoring_scaled(bank, 0.4), 1); /* the rounded score reaches the mark... */
    CHECK(!scoring_passes(bank, 4, 10));     /* ...but 40% does not pass */
    CHECK(!scoring_passes(bank, 3, 10));
    CHECK(scoring_passes(bank, 5, 10));
    CHECK_INT(scoring_pass_right(bank, 10), 5);
    bank->pass_fraction = saved;
    bank->scale_min = smin;
    bank->scale_max = smax;
    bank->scale_pass = spass;
}

static void test_limits(void)
{
    FakeBankConfig cfg = {0};
    cfg.domain_count = 8;
    for (int d = 0; d < 8; d++) {
        cfg.weights[d] = d < 4 ? 12 : 13;
        cfg.questions[d] = 2;
    }
    Bank *b = fakebank_new(&cfg);
    CHECK(b && scoring_bank_fits(b));
    b->domain_count = SCORING_MAX_DOMAINS + 1; /* pretend: too many */
    ScoreResult r;
    CHECK(!scoring_score_answers(b, NULL, 0, &r));
    b->domain_count = 8;
    fakebank_free(b);
}

int main(void)
{
    Bank *bank = fakebank_clf(2, 1, 5);
    CHECK(bank != NULL);
    if (!bank)
        return testlib_finish();
    test_fixed_points(bank);
    test_monotonic(bank, 50, 35);
    test_monotonic(bank, 10, 7);
    test_monotonic(bank, 65, 46);
    test_item_correct(bank);
    test_coarse_scale(bank);
    test_range(bank);
    test_score_form(bank);
    test_score_answers(bank);
    test_diagnostic_score(bank);
    test_other_scale(bank);
    test_limits();
    fakebank_free(bank);
    return testlib_finish();
}
