/* Tests for exam forms and the largest-remainder apportionment behind them:
 * exact domain counts (12/15/17/6 + 4/4/5/2 = 65, diagnostic 2/3/4/1), no
 * repeats, shuffles, multiple-response share, recent-item avoidance, short
 * domains and timing. */
#include <stdlib.h>
#include <string.h>

#include "apportion.h"
#include "examform.h"
#include "fakebank.h"
#include "rng.h"
#include "testlib.h"

static const double CLF_W[4] = {24, 30, 34, 12};

static void check4(const int *got, int a, int b, int c, int d)
{
    CHECK_INT(got[0], a);
    CHECK_INT(got[1], b);
    CHECK_INT(got[2], c);
    CHECK_INT(got[3], d);
}

static void test_apportion(void)
{
    int out[8];
    CHECK_INT(apportion_largest_remainder(CLF_W, NULL, NULL, 4, 50, out), 50);
    check4(out, 12, 15, 17, 6);
    CHECK_INT(apportion_largest_remainder(CLF_W, NULL, NULL, 4, 15, out), 15);
    check4(out, 4, 4, 5, 2);
    CHECK_INT(apportion_largest_remainder(CLF_W, NULL, NULL, 4, 10, out), 10);
    check4(out, 2, 3, 4, 1); /* 2.4 vs 3.4: the tie goes to the heavier domain */
    CHECK_INT(apportion_largest_remainder(CLF_W, NULL, NULL, 4, 65, out), 65);
    check4(out, 16, 19, 22, 8); /* 15.6 19.5 22.1 7.8 */
    CHECK_INT(apportion_largest_remainder(CLF_W, NULL, NULL, 4, 0, out), 0);
    check4(out, 0, 0, 0, 0);

    /* caps: domain 4 holds only 3; its 3 missing units go to the others */
    int cap[4] = {100, 100, 100, 3};
    CHECK_INT(apportion_largest_remainder(CLF_W, NULL, cap, 4, 50, out), 50);
    CHECK_INT(out[3], 3);
    CHECK(out[0] >= 12 && out[1] >= 15 && out[2] >= 17);
    check4(out, 13, 16, 18, 3); /* 47 over 24/30/34: 12.82, 16.02, 18.16 */
    /* caps too small overall: returns what fits */
    int small[4] = {1, 1, 1, 1};
    CHECK_INT(apportion_largest_remainder(CLF_W, NULL, small, 4, 50, out), 4);
    /* lower bounds: at least 5 of 30 each */
    int lo[4] = {5, 5, 5, 5};
    double pulls[4] = {36, 45, 51, 18};
    CHECK_INT(apportion_largest_remainder(pulls, lo, NULL, 4, 30, out), 30);
    for (int d = 0; d < 4; d++)
        CHECK(out[d] >= 5);
    /* zero weights share equally; negatives count as zero */
    double zero[3] = {0, 0, 0};
    CHECK_INT(apportion_largest_remainder(zero, NULL, NULL, 3, 7, out), 7);
    CHECK_INT(out[0], 3);
    CHECK_INT(out[1], 2);
    double neg[2] = {-5, 1};
    apportion_largest_remainder(neg, NULL, NULL, 2, 9, out);
    CHECK_INT(out[0], 0);
    CHECK_INT(out[1], 9);
    /* errors */
    CHECK_INT(apportion_largest_remainder(CLF_W, NULL, NULL, 0, 5, out), -1);
    CHECK_INT(apportion_largest_remainder(CLF_W, NULL, NULL, 4, -1, out), -1);
    /* property: always sums to total, every share within one of its quota */
    Rng rng;
    rng_seed(&rng, 11);
    bool ok = true;
    for (int trial = 0; trial < 2000; trial++) {
        int n = 1 + (int)rng_below(&rng, 8);
        double w[8], sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 1 + (int)rng_below(&rng, 50);
            sum += w[i];
        }
        int total = (int)rng_below(&rng, 200);
        if (apportion_largest_remainder(w, NULL, NULL, n, total, out) != total)
            ok = false;
        for (int i = 0; i < n; i++) {
            double quota = total * w[i] / sum;
            if (out[i] < quota - 1.0 || out[i] > quota + 1.0)
                ok = false;
        }
    }
    CHECK(ok);
}

static void test_domain_counts(const Bank *bank)
{
    int s[4], u[4];
    CHECK(examform_domain_counts(bank, bank->exam_scored, bank->exam_items - bank->exam_scored, s, u));
    check4(s, 12, 15, 17, 6);
    check4(u, 4, 4, 5, 2);
    CHECK(examform_domain_counts(bank, bank->diagnostic_items, 0, s, NULL));
    check4(s, 2, 3, 4, 1);
}

/* Checks the invariants every mock form must have on a big enough bank. */
static void check_mock_form(const Bank *bank, const ExamForm *f, const ExamFormReport *rep)
{
    CHECK_INT(f->count, 65);
    CHECK_INT(f->mode, MODE_MOCK);
    int scored[4] = {0}, unscored[4] = {0}, multi[4] = {0}, pool_multi[4] = {0}, pool[4] = {0};
    bool *used = calloc((size_t)bank->item_count, 1);
    bool dup = false, not_question = false, bad_order = false;
    for (int i = 0; i < f->count; i++) {
        const FormItem *fi = &f->items[i];
        const BankItem *it = &bank->items[fi->item];
        if (used[fi->item])
            dup = true;
        used[fi->item] = true;
        if (it->kind != ITEM_QUESTION)
            not_question = true;
        if (fi->scored)
            scored[it->domain]++;
        else
            unscored[it->domain]++;
        multi[it->domain] += it->choose > 1;
        int seen = 0;
        for (int k = 0; k < it->option_count; k++)
            seen |= 1 << f->items[i].order[k];
        if (seen != (1 << it->option_count) - 1)
            bad_order = true;
        if (fi->answer != 0 || fi->flagged)
            bad_order = true;
    }
    free(used);
    CHECK(!dup);
    CHECK(!not_question);
    CHECK(!bad_order);
    check4(scored, 12, 15, 17, 6);
    check4(unscored, 4, 4, 5, 2);
    for (int i = 0; i < bank->item_count; i++) {
        const BankItem *it = &bank->items[i];
        if (it->kind == ITEM_QUESTION) {
            pool[it->domain]++;
            pool_multi[it->domain] += it->choose > 1;
        }
    }
    for (int d = 0; d < 4; d++) {
        double expect = (scored[d] + unscored[d]) * (double)pool_multi[d] / pool[d];
        CHECK(multi[d] >= expect - 1.0 && multi[d] <= expect + 1.0);
        CHECK_INT(rep->multi[d], multi[d]);
        CHECK_INT(rep->got[d], rep->wanted[d]);
    }
    CHECK_INT(rep->short_domains, 0);
    CHECK(!rep->incomplete);
}

static void test_mock(const Bank *bank)
{
    Rng rng;
    rng_seed(&rng, 42);
    ExamForm f;
    ExamFormReport rep;
    CHECK(examform_build_mock(bank, NULL, 123456, &rng, &f, &rep));
    check_mock_form(bank, &f, &rep);
    CHECK_INT(f.seconds_total, 90 * 60);
    CHECK_INT(f.seconds_left, 90 * 60);
    CHECK_INT(f.started_at, 123456);
    CHECK_INT(f.position, 0);
    CHECK_INT(f.store_id, 0);

    /* same seed, same form; another seed, another form */
    Rng again;
    rng_seed(&again, 42);
    ExamForm g;
    CHECK(examform_build_mock(bank, NULL, 123456, &again, &g, NULL));
    CHECK(g.count == f.count && memcmp(g.items, f.items, (size_t)f.count * sizeof *f.items) == 0);
    exam_form_free(&g);
    rng_seed(&again, 43);
    CHECK(examform_build_mock(bank, NULL, 123456, &again, &g, NULL));
    CHECK(memcmp(g.items, f.items, (size_t)f.count * sizeof *f.items) != 0);
    exam_form_free(&g);
    exam_form_free(&f);
    CHECK(f.items == NULL && f.count == 0);

    ExamFormOptions esl = {.esl = true};
    CHECK(examform_build_mock(bank, &esl, 0, &rng, &f, &rep));
    CHECK_INT(f.seconds_total, 120 * 60);
    exam_form_free(&f);

    /* many forms: invariants hold; unscored items sit anywhere, item order and
     * option order are shuffled (first option shown varies) */
    int unscored_at[65] = {0};
    int first_option[8] = {0};
    int first_domain[4] = {0};
    for (int k = 0; k < 300; k++) {
        CHECK(examform_build_mock(bank, NULL, 0, &rng, &f, &rep));
        if (k < 20)
            check_mock_form(bank, &f, &rep);
        for (int i = 0; i < f.count; i++) {
            unscored_at[i] += !f.items[i].scored;
            first_option[f.items[i].order[0]]++;
        }
        first_domain[bank->items[f.items[0].item].domain]++;
        exam_form_free(&f);
    }
    int min_u = 1000, max_u = 0;
    for (int i = 0; i < 65; i++) {
        if (unscored_at[i] < min_u)
            min_u = unscored_at[i];
        if (unscored_at[i] > max_u)
            max_u = unscored_at[i];
    }
    /* expected 300 * 15/65 = 69 per position */
    printf("unscored items per position over 300 forms: min %d, max %d (expected 69)\n", min_u, max_u);
    CHECK(min_u > 35 && max_u < 110);
    for (int k = 0; k < 4; k++)
        CHECK(first_option[k] > 0);
    for (int d = 0; d < 4; d++)
        CHECK(first_domain[d] > 0);
}

static void test_recent(const Bank *bank)
{
    Rng rng;
    rng_seed(&rng, 5);
    ExamForm a, b;
    ExamFormReport rep;
    CHECK(examform_build_mock(bank, NULL, 0, &rng, &a, &rep));
    int recent[65];
    for (int i = 0; i < a.count; i++)
        recent[i] = a.items[i].item;
    ExamFormOptions opt = {.recent = recent, .recent_count = a.count};
    CHECK(examform_build_mock(bank, &opt, 0, &rng, &b, &rep));
    int overlap = 0;
    for (int i = 0; i < b.count; i++)
        for (int k = 0; k < a.count; k++)
            overlap += b.items[i].item == recent[k];
    CHECK_INT(overlap, 0);
    CHECK_INT(rep.reused, 0);
    check_mock_form(bank, &b, &rep);
    exam_form_free(&a);
    exam_form_free(&b);
}

/* A bank just big enough: the second form must reuse, but never repeat. */
static void test_recent_runs_out(void)
{
    FakeBankConfig cfg = {0};
    int q[4] = {20, 24, 27, 10};
    for (int d = 0; d < 4; d++)
        cfg.questions[d] = q[d];
    cfg.multi_every = 4;
    Bank *bank = fakebank_new(&cfg);
    Rng rng;
    rng_seed(&rng, 9);
    ExamForm a, b;
    ExamFormReport rep;
    CHECK(examform_build_mock(bank, NULL, 0, &rng, &a, &rep));
    int recent[65];
    for (int i = 0; i < a.count; i++)
        recent[i] = a.items[i].item;
    ExamFormOptions opt = {.recent = recent, .recent_count = a.count};
    CHECK(examform_build_mock(bank, &opt, 0, &rng, &b, &rep));
    CHECK_INT(b.count, 65);
    int fresh = 0;
    bool *used = calloc((size_t)bank->item_count, 1);
    bool dup = false;
    for (int i = 0; i < b.count; i++) {
        bool was_recent = false;
        for (int k = 0; k < a.count; k++)
            was_recent |= b.items[i].item == recent[k];
        fresh += !was_recent;
        dup |= used[b.items[i].item];
        used[b.items[i].item] = true;
    }
    free(used);
    CHECK(!dup);
    /* 81 questions, 65 recent: all 16 fresh ones are used */
    CHECK_INT(fresh, 81 - 65);
    CHECK_INT(rep.reused, 65 - 16);
    exam_form_free(&a);
    exam_form_free(&b);
    fakebank_free(bank);
}

static void test_short_domain(void)
{
    FakeBankConfig cfg = {0};
    int q[4] = {60, 60, 60, 3};
    for (int d = 0; d < 4; d++)
        cfg.questions[d] = q[d];
    Bank *bank = fakebank_new(&cfg);
    Rng rng;
    rng_seed(&rng, 3);
    ExamForm f;
    ExamFormReport rep;
    CHECK(examform_build_mock(bank, NULL, 0, &rng, &f, &rep));
    CHECK_INT(f.count, 65);
    int scored = 0, per[4] = {0};
    for (int i = 0; i < f.count; i++) {
        scored += f.items[i].scored;
        per[bank->items[f.items[i].item].domain]++;
    }
    CHECK_INT(scored, 50);
    CHECK_INT(per[3], 3);
    CHECK_INT(rep.got[3], 3);
    CHECK_INT(rep.wanted[3], 8);
    CHECK_INT(rep.scored[3], 3);
    CHECK_INT(rep.short_domains, 1);
    CHECK(!rep.incomplete);
    CHECK(per[0] > 16 && per[1] > 19 && per[2] > 22);
    exam_form_free(&f);
    fakebank_free(bank);

    /* the whole bank is too small: every question, scored first */
    int tiny[4] = {8, 9, 10, 3};
    for (int d = 0; d < 4; d++)
        cfg.questions[d] = tiny[d];
    bank = fakebank_new(&cfg);
    CHECK(examform_build_mock(bank, NULL, 0, &rng, &f, &rep));
    CHECK_INT(f.count, 30);
    scored = 0;
    for (int i = 0; i < f.count; i++)
        scored += f.items[i].scored;
    CHECK_INT(scored, 30);
    CHECK(rep.incomplete);
    exam_form_free(&f);
    fakebank_free(bank);

    /* no questions at all: refused */
    FakeBankConfig cards = {0};
    for (int d = 0; d < 4; d++)
        cards.flashcards[d] = 5;
    bank = fakebank_new(&cards);
    CHECK(!examform_build_mock(bank, NULL, 0, &rng, &f, &rep));
    CHECK(f.items == NULL && f.count == 0);
    fakebank_free(bank);
}

static void test_diagnostic(const Bank *bank)
{
    Rng rng;
    rng_seed(&rng, 77);
    for (int k = 0; k < 50; k++) {
        ExamForm f;
        ExamFormReport rep;
        CHECK(examform_build_diagnostic(bank, NULL, 99, &rng, &f, &rep));
        CHECK_INT(f.count, 10);
        CHECK_INT(f.mode, MODE_DIAGNOSTIC);
        CHECK_INT(f.seconds_total, 0);
        int per[4] = {0}, scored = 0;
        for (int i = 0; i < f.count; i++) {
            per[bank->items[f.items[i].item].domain]++;
            scored += f.items[i].scored;
            CHECK(bank->items[f.items[i].item].kind == ITEM_QUESTION);
        }
        CHECK_INT(scored, 10);
        check4(per, 2, 3, 4, 1);
        exam_form_free(&f);
    }
}

int main(void)
{
    test_apportion();
    Bank *bank = fakebank_clf(4, 1, 4); /* 96/120/136/48 questions, a quarter "choose two" */
    CHECK(bank != NULL);
    if (!bank)
        return testlib_finish();
    test_domain_counts(bank);
    test_mock(bank);
    test_recent(bank);
    test_recent_runs_out();
    test_short_domain();
    test_diagnostic(bank);
    fakebank_free(bank);
    return testlib_finish();
}
