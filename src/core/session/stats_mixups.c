/* Mix-ups and calibration for Stats: one read of every stored answer, then
 * the pure counting of mixups.c and calibration.c over it. How many answers
 * exist comes from the store's totals, so the read is the whole history, not
 * a recent window. */
#include "stats_mixups.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

static bool read_failed(Study *study, StatsMixups *out, const char *why)
{
    memset(out, 0, sizeof *out);
    snprintf(study->error, sizeof study->error, "%s", why);
    return false;
}

bool stats_mixups(Study *study, StatsMixups *out)
{
    memset(out, 0, sizeof *out);
    study->error[0] = '\0';
    out->sure_rate = out->unsure_rate = -1;
    calibration_text(&out->calibration, out->calibration_text, sizeof out->calibration_text);
    if (!study->store)
        return true;
    StoreTotals totals;
    if (store_totals(study->store, &totals) != STORE_OK)
        return read_failed(study, out, store_error_message(study->store));
    int limit = totals.answers < STATS_MIXUPS_MAX_ANSWERS ? totals.answers : STATS_MIXUPS_MAX_ANSWERS;
    if (limit <= 0)
        return true;
    Answer *answers = calloc((size_t)limit, sizeof *answers);
    if (!answers)
        return read_failed(study, out, "out of memory reading the answers");
    int n = 0;
    if (store_recent_answers(study->store, study->bank, limit, answers, NULL, &n) != STORE_OK) {
        free(answers);
        return read_failed(study, out, store_error_message(study->store));
    }
    int count = mixups_count(study->bank, answers, n, out->pairs, STATS_MIXUPS_MAX);
    if (count < 0) {
        free(answers);
        return read_failed(study, out, "out of memory counting the mix-ups");
    }
    out->count = count;
    out->answers = n;
    for (int k = 0; k < n; k++) {
        const Answer *a = &answers[k];
        if (!a->correct && study->bank->items[a->item].kind == ITEM_QUESTION)
            out->wrong_questions++;
    }
    calibration_count(answers, n, &out->calibration);
    free(answers);
    const Calibration *c = &out->calibration;
    out->verdict = calibration_verdict(c);
    out->sure_rate = calibration_rate(c->sure_right, c->sure);
    out->unsure_rate = calibration_rate(c->unsure_right, c->unsure);
    calibration_text(c, out->calibration_text, sizeof out->calibration_text);
    return true;
}

int stats_contrast_items(const Study *study, const Mixup *m, int out[STATS_CONTRAST_ITEMS])
{
    return mixups_contrast_items(study->bank, m, out, STATS_CONTRAST_ITEMS);
}
