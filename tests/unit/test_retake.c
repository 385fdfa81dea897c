/* Tests for learning from a finished exam (no SDL): the question list's
 * filters and the time per question against the exam's pace; a retake of
 * the wrong, flagged or both questions built from exactly those items,
 * timed at the real exam's pace, stored as mode 'retake' and never read as
 * a mock score; a drill over a chosen list and over one domain; fresh
 * forms: how many questions of each mock were met in an earlier one, and
 * the readiness note when a run of mock scores rests on repeats. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drill_session.h"
#include "exam_session.h"
#include "examform.h"
#include "examreview.h"
#include "fakebank.h"
#include "rewards.h"
#include "stats.h"
#include "store.h"
#include "study.h"
#include "testlib.h"
#include "teststudy.h"

#define NOW 1740830400LL /* 2025-03-01 12:00:00 UTC */

static void open_fixture(TestStudy *t, const char *name)
{
    StudyPrefs prefs = {.daily_goal = 20};
    /* 100 questions (24/30/34/12 by domain), some "choose two" */
    teststudy_open(t, fakebank_clf(1, 0, 3), name, NULL, NOW, &prefs, 42);
}

static ExamSession *begin_mock(TestStudy *t, int64_t now)
{
    ExamBegin info;
    ExamSession *s = exam_session_begin(t->study, MODE_MOCK, false, now, &t->rng, &info);
    CHECK(s != NULL && !info.unsaved);
    return s;
}

/* Answers positions [0, right) right and [right, right + wrong) wrong;
 * the rest stay unanswered. */
static void answer_mock(TestStudy *t, ExamSession *s, int right, int wrong)
{
    for (int i = 0; i < right + wrong; i++) {
        CHECK(exam_session_goto(s, i));
        CHECK(exam_session_answer(s, teststudy_answer(t->bank, s->form.items[i].item, i < right)));
    }
}

static void flag_at(ExamSession *s, int pos)
{
    CHECK(exam_session_goto(s, pos));
    CHECK(exam_session_flag(s));
}

/* ---- the question list and the pace ------------------------------------- */

static void test_filters_and_pacing(void)
{
    TestStudy t;
    open_fixture(&t, "retake_filters");
    ExamSession *s = begin_mock(&t, NOW);
    const Bank *b = t.bank;
    answer_mock(&t, s, 40, 20); /* 5 left unanswered */
    flag_at(s, 2);              /* right and flagged */
    flag_at(s, 45);             /* wrong and flagged */
    flag_at(s, 62);             /* unanswered and flagged */
    CHECK_INT(exam_review_count(b, &s->form, EXAM_REVIEW_ALL, -1), 65);
    CHECK_INT(exam_review_count(b, &s->form, EXAM_REVIEW_RIGHT, -1), 40);
    CHECK_INT(exam_review_count(b, &s->form, EXAM_REVIEW_WRONG, -1), 25); /* unanswered cost the same */
    CHECK_INT(exam_review_count(b, &s->form, EXAM_REVIEW_FLAGGED, -1), 3);
    CHECK_INT(exam_review_count(b, &s->form, EXAM_REVIEW_UNSCORED, -1), 15);
    int by_domain = 0;
    for (int d = 0; d < b->domain_count; d++)
        by_domain += exam_review_count(b, &s->form, EXAM_REVIEW_WRONG, d);
    CHECK_INT(by_domain, 25);
    CHECK_INT(exam_review_count(b, &s->form, EXAM_REVIEW_ALL, 0), 16); /* 12 scored + 4 unscored */

    /* Time per question, rounded as the store keeps it, against 83 s. */
    for (int i = 0; i < s->form.count; i++)
        s->form.items[i].ms = 60000;
    s->form.items[0].ms = 83499;  /* 83 s: on pace */
    s->form.items[1].ms = 83500;  /* 84 s: over */
    s->form.items[2].ms = 200000; /* the slowest */
    s->form.items[3].ms = 400;    /* 0 s */
    ExamPacing p;
    exam_review_pacing(b, &s->form, &p);
    CHECK_INT(p.target, 83);
    CHECK_INT(examform_seconds_per_item(b), 90 * 60 / 65);
    CHECK_INT(p.positions, 65);
    CHECK_INT(p.total, 61 * 60 + 83 + 84 + 200 + 0);
    CHECK_INT(p.average, (p.total + 32) / 65);
    CHECK_INT(p.over, 2);
    CHECK_INT(p.slowest, 2);
    CHECK_INT(p.slowest_seconds, 200);
    CHECK_INT(exam_review_seconds(&s->form.items[0]), 83);
    ExamForm empty = {0};
    exam_review_pacing(b, &empty, &p);
    CHECK_INT(p.average, 0);
    CHECK_INT(p.slowest, -1);

    /* The retake picks: exactly those items, in form order. */
    int *items = malloc(65 * sizeof *items);
    int n = exam_review_pick(b, &s->form, RETAKE_WRONG, items);
    CHECK_INT(n, 25);
    CHECK_INT(items[0], s->form.items[40].item);
    CHECK_INT(items[24], s->form.items[64].item);
    n = exam_review_pick(b, &s->form, RETAKE_FLAGGED, items);
    CHECK_INT(n, 3);
    CHECK_INT(items[0], s->form.items[2].item);
    CHECK_INT(items[1], s->form.items[45].item);
    CHECK_INT(items[2], s->form.items[62].item);
    n = exam_review_pick(b, &s->form, RETAKE_WRONG_FLAGGED, items);
    CHECK_INT(n, 26); /* 25 wrong + the right one that was flagged, each once */
    CHECK_INT(items[0], s->form.items[2].item);
    free(items);
    exam_session_free(s);
    teststudy_close(&t);
}

/* ---- the retake ---------------------------------------------------------- */

static ExamSession *begin_retake(TestStudy *t, const ExamSession *from, RetakeKind kind, int64_t now)
{
    ExamBegin info;
    ExamSession *r = exam_session_begin_retake(t->study, &from->form, kind, now, &t->rng, &info);
    CHECK(r != NULL && !info.unsaved);
    return r;
}

static void test_retake_stored_never_a_mock(void)
{
    TestStudy t;
    open_fixture(&t, "retake_stored");
    const Bank *b = t.bank;
    ExamSession *mock = begin_mock(&t, NOW);
    answer_mock(&t, mock, 60, 3); /* 2 unanswered */
    flag_at(mock, 10);
    CHECK(exam_session_finish(mock, NOW + 3000));
    int mock_scaled = mock->result.scaled;

    /* Nothing flagged would be a retake of nothing: refused, and said. */
    ExamBegin info;
    ExamForm none = {.mode = MODE_MOCK, .count = 1, .items = &(FormItem){.item = mock->form.items[0].item,
                     .answer = teststudy_answer(b, mock->form.items[0].item, true)}};
    CHECK(exam_session_begin_retake(t.study, &none, RETAKE_FLAGGED, NOW, &t.rng, &info) == NULL);
    CHECK(strstr(info.error, "flagged") != NULL);
    CHECK(exam_session_begin_retake(t.study, &none, RETAKE_WRONG, NOW, &t.rng, &info) == NULL);
    CHECK(info.error[0] != '\0');

    /* Retake wrong: the five misses, 83 s each, stored as a retake. */
    ExamSession *r = begin_retake(&t, mock, RETAKE_WRONG, NOW + 4000);
    CHECK_INT(r->form.mode, MODE_RETAKE);
    CHECK_INT(r->form.count, 5);
    CHECK_INT(r->form.seconds_total, 5 * 83);
    for (int i = 0; i < 5; i++) {
        CHECK_INT(r->form.items[i].item, mock->form.items[60 + i].item);
        CHECK(r->form.items[i].scored);
    }
    CHECK_INT(teststudy_int(&t, "SELECT count(*) FROM exams WHERE mode = 'retake' AND state = 'in_progress'"), 1);
    CHECK_INT(teststudy_int(&t, "SELECT count(*) FROM exam_items i JOIN exams e ON e.id = i.exam_id"
                                " WHERE e.mode = 'retake'"), 5);
    for (int i = 0; i < 5; i++) {
        CHECK(exam_session_goto(r, i));
        CHECK(exam_session_answer(r, teststudy_answer(b, r->form.items[i].item, i != 0)));
    }
    CHECK(exam_session_finish(r, NOW + 4300));
    CHECK(r->saved);
    CHECK_INT(r->result.right, 4);
    CHECK_INT(r->xp, rewards_session_xp(MODE_RETAKE, 4, true, r->result.pass, false));
    CHECK_INT(r->xp, 4 * REWARDS_XP_RIGHT);
    CHECK_INT(teststudy_int(&t, "SELECT count(*) FROM reviews WHERE mode = 'retake'"), 5);
    CHECK_INT(teststudy_int(&t, "SELECT count(*) FROM reviews WHERE mode = 'retake' AND exam_id ="
                                " (SELECT id FROM exams WHERE mode = 'retake')"), 5);
    CHECK_INT(teststudy_int(&t, "SELECT state FROM exams WHERE mode = 'retake'") != -999, 1);
    CHECK_INT(teststudy_int(&t, "SELECT count(*) FROM exams WHERE mode = 'retake' AND state = 'finished'"), 1);

    /* Retake flagged: the one flagged question. */
    ExamSession *rf = begin_retake(&t, mock, RETAKE_FLAGGED, NOW + 5000);
    CHECK_INT(rf->form.count, 1);
    CHECK_INT(rf->form.items[0].item, mock->form.items[10].item);
    exam_session_free(rf);
    /* The same question asked twice never becomes two unfinished retakes. */
    ExamSession *rb = begin_retake(&t, mock, RETAKE_WRONG_FLAGGED, NOW + 5100);
    CHECK_INT(rb->form.count, 6);
    CHECK_INT(teststudy_int(&t, "SELECT count(*) FROM exams WHERE mode = 'retake' AND state = 'in_progress'"), 1);
    exam_session_free(rb);

    /* No reader of mock history sees the retakes. */
    StoreExamSummary hist[8];
    int n = 0;
    CHECK_INT(store_exam_history(t.st, MODE_MOCK, hist, 8, &n), STORE_OK);
    CHECK_INT(n, 1);
    CHECK_INT(hist[0].scaled, mock_scaled);
    int scores[5];
    CHECK_INT(store_last_mock_scores(t.st, 5, scores, &n), STORE_OK);
    CHECK_INT(n, 1);
    StoreTotals tot;
    CHECK_INT(store_totals(t.st, &tot), STORE_OK);
    CHECK_INT(tot.mocks_finished, 1);
    PlanReadiness ready;
    CHECK(exam_session_readiness(r, &ready));
    CHECK_INT(ready.recent_mocks, 1);
    StatsSnapshot *snap = calloc(1, sizeof *snap);
    CHECK(stats_snapshot(t.study, NOW + 6000, snap));
    CHECK_INT(snap->mock_count, 1);
    CHECK_INT(snap->mocks[0].scaled, mock_scaled);
    CHECK_INT(snap->mocks_finished, 1);
    free(snap);

    /* A retake begun while a new mock waits leaves that mock alone. */
    ExamSession *waiting = begin_mock(&t, NOW + 7000);
    ExamSession *r2 = begin_retake(&t, mock, RETAKE_WRONG, NOW + 7100);
    CHECK_INT(teststudy_int(&t, "SELECT count(*) FROM exams WHERE mode = 'mock' AND state = 'in_progress'"), 1);
    ExamSession *back = NULL;
    char why[256];
    CHECK_INT(exam_session_resume(t.study, NOW + 7200, &back, why, sizeof why), EXAM_FIND_FOUND);
    CHECK_INT(back->form.mode, MODE_MOCK);
    exam_session_free(back);
    exam_session_free(r2);
    exam_session_free(waiting);
    exam_session_free(r);
    exam_session_free(mock);
    teststudy_close(&t);
}

/* ---- drills of a list and of a domain ------------------------------------ */

static void test_drill_items(void)
{
    TestStudy t;
    open_fixture(&t, "retake_drill");
    const int items[] = {5, 3, 5, -1, 999, 7};
    DrillSession d;
    CHECK(drill_session_begin_items(&d, t.study, items, 6, 0, NOW));
    int number, total;
    drill_session_progress(&d, &number, &total);
    CHECK_INT(total, 3);
    CHECK_INT(drill_session_current(&d), 5);
    CHECK(drill_session_answer(&d, true, teststudy_answer(t.bank, 5, true), 1000, NOW));
    CHECK_INT(drill_session_next(&d), 3);
    CHECK(drill_session_answer(&d, false, teststudy_answer(t.bank, 3, false), 1000, NOW + 1));
    CHECK_INT(drill_session_next(&d), 7);
    CHECK(drill_session_answer(&d, true, teststudy_answer(t.bank, 7, true), 1000, NOW + 2));
    CHECK_INT(drill_session_next(&d), -1);
    CHECK(drill_session_end(&d, true));
    CHECK_INT(teststudy_int(&t, "SELECT count(*) FROM reviews WHERE mode = 'drill'"), 3);
    CHECK_INT(teststudy_int(&t, "SELECT count(DISTINCT item_id) FROM reviews"), 3);
    drill_session_free(&d);
    CHECK(drill_session_begin_items(&d, t.study, NULL, 0, 0, NOW));
    CHECK_INT(drill_session_current(&d), -1);
    drill_session_free(&d);

    /* One domain: this exam's misses there first, then due items, then the
     * lowest boxes; never another domain. */
    const Bank *b = t.bank;
    ExamSession *mock = begin_mock(&t, NOW + 10);
    answer_mock(&t, mock, 0, 65);
    int *out = malloc((size_t)b->item_count * sizeof *out);
    int missed = -1;
    int n = exam_review_domain_items(b, &mock->form, t.study->states, 3, NOW, EXAM_REVIEW_DOMAIN_DRILL, out,
                                     &missed);
    CHECK_INT(n, 12); /* the domain has 12 questions */
    CHECK_INT(missed, 8);
    int missed_first = 0;
    for (int k = 0; k < n; k++) {
        CHECK_INT(b->items[out[k]].domain, 3);
        bool in_form = false;
        for (int i = 0; i < mock->form.count; i++)
            in_form = in_form || mock->form.items[i].item == out[k];
        if (k < 8)
            missed_first += in_form;
    }
    CHECK_INT(missed_first, 8); /* the form had 8 of them, all missed */
    n = exam_review_domain_items(b, &mock->form, t.study->states, 2, NOW, EXAM_REVIEW_DOMAIN_DRILL, out, NULL);
    CHECK_INT(n, EXAM_REVIEW_DOMAIN_DRILL);
    CHECK_INT(exam_review_domain_items(b, NULL, t.study->states, 9, NOW, 20, out, &missed), 0);
    CHECK_INT(missed, 0);
    free(out);
    exam_session_free(mock);
    teststudy_close(&t);
}

/* ---- fresh forms across mocks -------------------------------------------- */

/* Questions of form `k` met on any of forms[0..k). */
static int repeats_of(ExamSession **forms, int k)
{
    int n = 0;
    for (int i = 0; i < forms[k]->form.count; i++) {
        bool seen = false;
        for (int j = 0; j < k && !seen; j++)
            for (int p = 0; p < forms[j]->form.count && !seen; p++)
                seen = forms[j]->form.items[p].item == forms[k]->form.items[i].item;
        n += seen;
    }
    return n;
}

static void test_repeats_across_mocks(void)
{
    TestStudy t;
    open_fixture(&t, "retake_repeats");
    ExamSession *mocks[3];
    int want_total = 0;
    for (int k = 0; k < 3; k++) {
        mocks[k] = begin_mock(&t, NOW + k * 10000);
        answer_mock(&t, mocks[k], 30, 0);
        CHECK(exam_session_finish(mocks[k], NOW + k * 10000 + 5000));
        int repeated = -1, items = -1;
        CHECK(exam_session_repeats(mocks[k], &repeated, &items));
        CHECK_INT(items, 65);
        CHECK_INT(repeated, repeats_of(mocks, k));
        want_total += repeated;
    }
    /* 100 questions: the first mock is fresh, the second can only find 35
     * fresh ones, the third none. */
    CHECK_INT(repeats_of(mocks, 0), 0);
    CHECK_INT(repeats_of(mocks, 1), 30);
    CHECK_INT(repeats_of(mocks, 2), 65);
    StatsSnapshot *snap = calloc(1, sizeof *snap);
    CHECK(stats_snapshot(t.study, NOW + 40000, snap));
    CHECK_INT(snap->mock_repeated, want_total);
    CHECK_INT(snap->mock_repeat_items, 3 * 65);
    CHECK(snap->mock_rests_on_repeats);
    free(snap);

    for (int k = 0; k < 3; k++)
        exam_session_free(mocks[k]);
    teststudy_close(&t);

    /* An abandoned mock counts only the questions it answered or showed. */
    open_fixture(&t, "retake_repeats_abandoned");
    ExamSession *left = begin_mock(&t, NOW);
    answer_mock(&t, left, 1, 0);
    CHECK(exam_session_abandon(left, NOW + 10));
    ExamSession *next = begin_mock(&t, NOW + 100);
    CHECK(exam_session_finish(next, NOW + 200));
    ExamSession *third = begin_mock(&t, NOW + 300); /* must reuse: 100 questions, 130 recent */
    CHECK(exam_session_finish(third, NOW + 400));
    int repeated = -1, items = 0, want = 0;
    for (int i = 0; i < third->form.count; i++) {
        int item = third->form.items[i].item;
        bool seen = item == left->form.items[0].item;
        for (int p = 0; p < next->form.count && !seen; p++)
            seen = next->form.items[p].item == item;
        want += seen;
    }
    CHECK(exam_session_repeats(third, &repeated, &items));
    CHECK_INT(repeated, want);
    CHECK(want > 0);
    exam_session_free(third);
    exam_session_free(next);
    exam_session_free(left);
    teststudy_close(&t);

    /* Before any repeat there is nothing to warn about. */
    open_fixture(&t, "retake_repeats_fresh");
    ExamSession *one = begin_mock(&t, NOW);
    CHECK(exam_session_finish(one, NOW + 100));
    snap = calloc(1, sizeof *snap);
    CHECK(stats_snapshot(t.study, NOW + 200, snap));
    CHECK_INT(snap->mock_repeated, 0);
    CHECK(!snap->mock_rests_on_repeats);
    free(snap);
    exam_session_free(one);
    teststudy_close(&t);
}

int main(void)
{
    test_filters_and_pacing();
    test_retake_stored_never_a_mock();
    test_drill_items();
    test_repeats_across_mocks();
    return testlib_finish();
}
