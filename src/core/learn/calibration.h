/* Confidence calibration: how often the answers a learner marked "sure"
 * are right, against the ones marked "not sure". A learner whose sure
 * answers are right nearly always can trust their sense of readiness; one
 * whose sure answers are often wrong holds confident errors, the items most
 * worth correcting (with feedback they are remembered best). Pure. */
#ifndef CLOUDPREP_CALIBRATION_H
#define CLOUDPREP_CALIBRATION_H

#include <stddef.h>

#include "progress.h"

/* Below these counts the figures are shown but not judged. */
#define CALIBRATION_MIN_SURE 10
#define CALIBRATION_MIN_UNSURE 5
/* Sure answers should be right at least this often to be trusted. */
#define CALIBRATION_TRUST_RATE 0.80
/* Unsure answers right this often (and nearly as often as sure ones) mean
 * the learner knows more than they think. */
#define CALIBRATION_HIDDEN_RATE 0.70
#define CALIBRATION_HIDDEN_GAP 0.05

typedef struct Calibration {
    int sure, sure_right;
    int unsure, unsure_right;
    int confident_errors;     /* marked sure, answered wrong */
} Calibration;

typedef enum CalibrationVerdict {
    CALIBRATION_TOO_FEW,       /* not enough marked answers to judge */
    CALIBRATION_TRUSTED,       /* sure answers are right as often as they should be */
    CALIBRATION_OVERCONFIDENT, /* sure answers are wrong too often */
    CALIBRATION_UNDERCONFIDENT /* unsure answers are right nearly as often as sure ones */
} CalibrationVerdict;

/* Counts the marked answers among `answers` (unmarked ones are skipped). */
void calibration_count(const Answer *answers, int n, Calibration *out);
/* right / total, or -1 when total is 0. */
double calibration_rate(int right, int total);
/* Judges the figures (thresholds above). */
CalibrationVerdict calibration_verdict(const Calibration *c);
/* One sentence for the learner about the verdict, with the figures. */
void calibration_text(const Calibration *c, char *out, size_t size);

#endif
