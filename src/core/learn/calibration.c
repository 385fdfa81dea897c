/* Confidence calibration (see calibration.h). */
#include "calibration.h"

#include <stdio.h>
#include <string.h>

#include "percent.h"

void calibration_count(const Answer *answers, int n, Calibration *out)
{
    memset(out, 0, sizeof *out);
    for (int i = 0; i < n; i++) {
        const Answer *a = &answers[i];
        if (a->confidence == CONFIDENCE_SURE) {
            out->sure++;
            out->sure_right += a->correct;
            out->confident_errors += !a->correct;
        } else if (a->confidence == CONFIDENCE_UNSURE) {
            out->unsure++;
            out->unsure_right += a->correct;
        }
    }
}

double calibration_rate(int right, int total)
{
    return total > 0 ? (double)right / total : -1.0;
}

CalibrationVerdict calibration_verdict(const Calibration *c)
{
    if (c->sure < CALIBRATION_MIN_SURE)
        return CALIBRATION_TOO_FEW;
    double sure = calibration_rate(c->sure_right, c->sure);
    if (sure < CALIBRATION_TRUST_RATE)
        return CALIBRATION_OVERCONFIDENT;
    double unsure = calibration_rate(c->unsure_right, c->unsure);
    if (c->unsure >= CALIBRATION_MIN_UNSURE && unsure >= CALIBRATION_HIDDEN_RATE &&
        unsure >= sure - CALIBRATION_HIDDEN_GAP)
        return CALIBRATION_UNDERCONFIDENT;
    return CALIBRATION_TRUSTED;
}

void calibration_text(const Calibration *c, char *out, size_t size)
{
    int sure = percent_of(c->sure_right, c->sure);
    int unsure = percent_of(c->unsure_right, c->unsure);
    switch (calibration_verdict(c)) {
    case CALIBRATION_TOO_FEW: {
        /* the verdict waits for sure answers: unsure ones do not bring it closer */
        int left = CALIBRATION_MIN_SURE - c->sure;
        snprintf(out, size, "Mark %d more answer%s Sure in the drill to see whether your confidence can be "
                 "trusted.", left, left == 1 ? "" : "s");
        return;
    }
    case CALIBRATION_OVERCONFIDENT:
        snprintf(out, size, "Only %d%% of the answers you were sure of were right: %d confident error%s to "
                 "correct. They come back first in your drills.", sure, c->confident_errors,
                 c->confident_errors == 1 ? "" : "s");
        return;
    case CALIBRATION_UNDERCONFIDENT:
        snprintf(out, size, "You know more than you think: %d%% of your unsure answers were right, against "
                 "%d%% of your sure ones.", unsure, sure);
        return;
    case CALIBRATION_TRUSTED:
        snprintf(out, size, "Your confidence can be trusted: %d%% of the answers you were sure of were right.",
                 sure);
        return;
    }
}
