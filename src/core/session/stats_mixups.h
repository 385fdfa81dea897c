/* The Stats page about how the learner answers rather than how much: the
 * concepts they mix up (the most frequent confusion pairs over every stored
 * answer, with the questions behind each) and whether the answers they mark
 * "sure" can be trusted (calibration). Read from the store through the
 * study context in one go; the rules are mixups.h and calibration.h. No SDL. */
#ifndef CLOUDPREP_STATS_MIXUPS_H
#define CLOUDPREP_STATS_MIXUPS_H

#include <stdbool.h>

#include "calibration.h"
#include "mixups.h"
#include "study.h"

#define STATS_MIXUPS_MAX 6                /* pairs on the page, most frequent first */
#define STATS_MIXUPS_MAX_ANSWERS 200000   /* answers read back at most (every one, in practice) */
#define STATS_CONTRAST_ITEMS 24           /* items in a contrast drill of one pair */

typedef struct StatsMixups {
    Mixup pairs[STATS_MIXUPS_MAX];      /* concept names point into the bank */
    int count;
    int answers;                        /* stored answers read */
    int wrong_questions;                /* wrong answers to questions among them */
    Calibration calibration;            /* over the answers marked sure or not sure */
    CalibrationVerdict verdict;
    double sure_rate, unsure_rate;      /* right / marked, -1 when none is marked so */
    char calibration_text[320];         /* the verdict in one sentence (calibration_text) */
} StatsMixups;

/* Reads every stored answer (up to STATS_MIXUPS_MAX_ANSWERS, newest first)
 * and fills *out with the top confusion pairs and the calibration. With no
 * store, *out is empty and true is returned. Returns false when the answers
 * could not be read or memory ran out: study->error says why, and *out must
 * not be shown (it is zeroed). */
bool stats_mixups(Study *study, StatsMixups *out);

/* The items of a contrast drill of pair `m` (mixups_contrast_items: where
 * the two were confused, the other questions naming either, then their
 * flashcards), at most STATS_CONTRAST_ITEMS of them into out. Returns how
 * many. */
int stats_contrast_items(const Study *study, const Mixup *m, int out[STATS_CONTRAST_ITEMS]);

#endif
