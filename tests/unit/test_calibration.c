/* Confidence calibration: only marked answers count; the verdict at the
 * edges of its thresholds; the sentence says the figures. */
#include <string.h>

#include "calibration.h"
#include "testlib.h"

/* Fills answers with `right` right and `wrong` wrong answers marked `c`,
 * from index *n on. */
static void add(Answer *answers, int *n, Confidence c, int right, int wrong)
{
    for (int i = 0; i < right + wrong; i++)
        answers[(*n)++] = (Answer){.item = i, .correct = i < right, .confidence = c};
}

int main(void)
{
    Answer a[200];
    int n = 0;
    Calibration c;
    char text[300];

    add(a, &n, CONFIDENCE_NOT_ASKED, 5, 5);
    calibration_count(a, n, &c);
    CHECK_INT(c.sure + c.unsure, 0);
    CHECK_INT(calibration_verdict(&c), CALIBRATION_TOO_FEW);
    calibration_text(&c, text, sizeof text);
    CHECK(strstr(text, "Mark 10 more answers Sure") != NULL);
    {
        /* unsure answers do not bring the verdict closer; one left is "answer" */
        Answer b[20];
        int m = 0;
        Calibration d;
        add(b, &m, CONFIDENCE_UNSURE, 3, 3);
        add(b, &m, CONFIDENCE_SURE, CALIBRATION_MIN_SURE - 1, 0);
        calibration_count(b, m, &d);
        calibration_text(&d, text, sizeof text);
        CHECK(strstr(text, "Mark 1 more answer Sure in the drill") != NULL);
    }
    CHECK(calibration_rate(0, 0) < 0);

    /* 9 sure: still too few */
    add(a, &n, CONFIDENCE_SURE, 9, 0);
    calibration_count(a, n, &c);
    CHECK_INT(c.sure, 9);
    CHECK_INT(calibration_verdict(&c), CALIBRATION_TOO_FEW);

    /* 10 sure, 8 right = exactly the trust rate: trusted */
    n = 0;
    add(a, &n, CONFIDENCE_SURE, 8, 2);
    calibration_count(a, n, &c);
    CHECK_INT(c.sure_right, 8);
    CHECK_INT(c.confident_errors, 2);
    CHECK_INT(calibration_verdict(&c), CALIBRATION_TRUSTED);
    calibration_text(&c, text, sizeof text);
    CHECK(strstr(text, "80%") != NULL);

    /* one more confident error: 8 of 11 = 73% < 80%: overconfident */
    add(a, &n, CONFIDENCE_SURE, 0, 1);
    calibration_count(a, n, &c);
    CHECK_INT(calibration_verdict(&c), CALIBRATION_OVERCONFIDENT);
    calibration_text(&c, text, sizeof text);
    CHECK(strstr(text, "73%") != NULL && strstr(text, "3 confident errors") != NULL);

    /* sure 18/20 = 90%; unsure 9/10 = 90%: they know more than they think */
    n = 0;
    add(a, &n, CONFIDENCE_SURE, 18, 2);
    add(a, &n, CONFIDENCE_UNSURE, 9, 1);
    calibration_count(a, n, &c);
    CHECK_INT(c.unsure, 10);
    CHECK_INT(c.unsure_right, 9);
    CHECK_INT(calibration_verdict(&c), CALIBRATION_UNDERCONFIDENT);
    /* unsure 6/10 = 60%: below the hidden-knowledge rate: trusted */
    n = 0;
    add(a, &n, CONFIDENCE_SURE, 18, 2);
    add(a, &n, CONFIDENCE_UNSURE, 6, 4);
    calibration_count(a, n, &c);
    CHECK_INT(calibration_verdict(&c), CALIBRATION_TRUSTED);
    /* only 4 unsure: not enough to say they know more */
    n = 0;
    add(a, &n, CONFIDENCE_SURE, 18, 2);
    add(a, &n, CONFIDENCE_UNSURE, 4, 0);
    calibration_count(a, n, &c);
    CHECK_INT(calibration_verdict(&c), CALIBRATION_TRUSTED);
    return testlib_finish();
}
