/* The Mix-ups page's facts from a real progress file: the confusion pairs
 * over every stored answer (not only recent ones), the questions behind
 * them, the calibration of sure and unsure answers with its sentence, the
 * items of a contrast drill, and the empty state before any answer. */
#include <stdio.h>
#include <string.h>

#include "fakebank.h"
#include "stats_mixups.h"
#include "study.h"
#include "teststudy.h"
#include "testlib.h"

#define NOW ((int64_t)1800000000)

/* Answers item `item` at `at`: right, or with its first wrong option. */
static void answer(TestStudy *t, int item, bool correct, Confidence c, int64_t at)
{
    const BankItem *it = &t->bank->items[item];
    Answer a = {.item = item, .answer = it->correct_mask, .correct = correct, .ms = 4000, .at = at,
                .confidence = c};
    for (int k = 0; !correct && k < it->option_count; k++)
        if (!it->options[k].correct) {
            a.answer = 1u << k;
            break;
        }
    CHECK(study_answer(t->study, MODE_DRILL, &a, 0).item == item);
}

static int first_question(const Bank *b, int from)
{
    for (int i = from; i < b->item_count; i++)
        if (b->items[i].kind == ITEM_QUESTION && b->items[i].choose <= 1)
            return i;
    return -1;
}

int main(void)
{
    TestStudy t;
    StudyPrefs prefs = {.daily_goal = 20, .daily_minutes = 20, .ask_sure = true};
    teststudy_open(&t, fakebank_clf(1, 1, 0), "stats_mixups", NULL, NOW, &prefs, 3);
    StatsMixups m;

    /* Nothing answered: no pairs, and a sentence that asks for marks. */
    CHECK(stats_mixups(t.study, &m));
    CHECK_INT(m.count, 0);
    CHECK_INT(m.answers, 0);
    CHECK(m.sure_rate < 0 && m.unsure_rate < 0);
    CHECK(strstr(m.calibration_text, "Mark 10 more") != NULL);

    /* q1 missed four times, q2 twice, many right answers in between (more
     * than a recent window would hold is not needed: the count is all). */
    int q1 = first_question(t.bank, 0), q2 = first_question(t.bank, q1 + 1);
    CHECK(q1 >= 0 && q2 >= 0);
    int64_t at = NOW;
    for (int k = 0; k < 4; k++)
        answer(&t, q1, false, k < 3 ? CONFIDENCE_SURE : CONFIDENCE_UNSURE, at += 60);
    for (int k = 0; k < 2; k++)
        answer(&t, q2, false, CONFIDENCE_NOT_ASKED, at += 60);
    for (int k = 0; k < 9; k++)
        answer(&t, q2, true, CONFIDENCE_SURE, at += 60);
    for (int k = 0; k < 5; k++)
        answer(&t, q1, k < 4, CONFIDENCE_UNSURE, at += 60);
    CHECK(stats_mixups(t.study, &m));
    CHECK_INT(m.answers, 20);
    CHECK_INT(m.wrong_questions, 7);
    CHECK_INT(m.count, 2);
    CHECK_INT(m.pairs[0].count, 5);              /* q1: four misses and one more */
    CHECK_INT(m.pairs[0].item_count, 1);
    CHECK_INT(m.pairs[0].items[0], q1);
    CHECK_INT(m.pairs[1].count, 2);
    CHECK_INT(m.pairs[1].items[0], q2);
    /* sure: 3 wrong + 9 right; unsure: 1 + 1 wrong, 4 right */
    CHECK_INT(m.calibration.sure, 12);
    CHECK_INT(m.calibration.sure_right, 9);
    CHECK_INT(m.calibration.unsure, 6);
    CHECK_INT(m.calibration.unsure_right, 4);
    CHECK_INT(m.calibration.confident_errors, 3);
    CHECK_INT(m.verdict, CALIBRATION_OVERCONFIDENT);
    CHECK(m.sure_rate > 0.74 && m.sure_rate < 0.76);
    CHECK(strstr(m.calibration_text, "75%") != NULL);

    /* The contrast drill of the top pair opens with the question behind it. */
    int items[STATS_CONTRAST_ITEMS];
    int n = stats_contrast_items(t.study, &m.pairs[0], items);
    CHECK(n >= 1 && n <= STATS_CONTRAST_ITEMS);
    CHECK_INT(items[0], q1);
    teststudy_close(&t);

    /* Without a progress file: empty, not an error. */
    Bank *b = fakebank_clf(1, 0, 0);
    Study *bare = study_open(b, NULL, &prefs);
    CHECK(bare != NULL);
    if (bare) {
        CHECK(stats_mixups(bare, &m));
        CHECK_INT(m.count, 0);
        study_close(bare);
    }
    fakebank_free(b);
    return testlib_finish();
}
