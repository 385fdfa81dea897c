/* The study context's confident errors: an item whose latest answer was
 * sure and wrong is urgent until it is answered again, across a restart;
 * unsure errors and sure right answers are not. */
#include <stdlib.h>

#include "fakebank.h"
#include "study.h"
#include "teststudy.h"
#include "testlib.h"

#define NOW ((int64_t)1800000000)

static void answer(TestStudy *t, int item, bool correct, Confidence c, int64_t at)
{
    const BankItem *it = &t->bank->items[item];
    Answer a = {.item = item, .answer = it->correct_mask, .correct = correct, .ms = 5000, .at = at,
                .confidence = c};
    for (int k = 0; !correct && k < it->option_count; k++)
        if (!it->options[k].correct) {
            a.answer = 1u << k; /* the first wrong option */
            break;
        }
    CHECK(study_answer(t->study, MODE_DRILL, &a, 0).item == item);
}

int main(void)
{
    TestStudy t;
    StudyPrefs prefs = {.daily_goal = 20, .daily_minutes = 20};
    teststudy_open(&t, fakebank_clf(1, 1, 0), "study_urgent", NULL, NOW, &prefs, 1);
    if (!t.study)
        return testlib_finish();
    int n = t.bank->item_count;
    bool *urgent = calloc((size_t)n, sizeof *urgent);
    answer(&t, 0, false, CONFIDENCE_SURE, NOW);        /* urgent */
    answer(&t, 1, false, CONFIDENCE_UNSURE, NOW + 1);  /* not sure: not urgent */
    answer(&t, 2, true, CONFIDENCE_SURE, NOW + 2);     /* right: not urgent */
    answer(&t, 3, false, CONFIDENCE_SURE, NOW + 3);    /* urgent, then corrected */
    answer(&t, 3, true, CONFIDENCE_NOT_ASKED, NOW + 4);
    CHECK_INT(study_urgent(t.study, urgent), 1);
    CHECK(urgent[0] && !urgent[1] && !urgent[2] && !urgent[3]);
    /* read back from the store after a restart */
    CHECK(study_reload(t.study));
    CHECK_INT(study_urgent(t.study, urgent), 1);
    CHECK(urgent[0]);
    free(urgent);
    teststudy_close(&t);
    return testlib_finish();
}
