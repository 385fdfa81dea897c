/* Small helpers over the shared progress records: mode names, answer letters,
 * freeing a form. */
#include "progress.h"

#include <stdlib.h>
#include <string.h>

static const char *const MODE_NAMES[MODE_COUNT] = {"drill", "arcade", "mock", "diagnostic", "retake"};

const char *study_mode_name(StudyMode mode)
{
    if (mode < 0 || mode >= MODE_COUNT)
        return "drill";
    return MODE_NAMES[mode];
}

bool study_mode_parse(const char *name, StudyMode *out)
{
    for (int i = 0; i < MODE_COUNT; i++) {
        if (strcmp(name, MODE_NAMES[i]) == 0) {
            *out = (StudyMode)i;
            return true;
        }
    }
    return false;
}

void exam_form_free(ExamForm *form)
{
    free(form->items);
    memset(form, 0, sizeof *form);
}

void answer_to_letters(uint32_t mask, char *buf, int size)
{
    int n = 0;
    for (int i = 0; i < BANK_MAX_OPTIONS && n < size - 1; i++)
        if (mask & (1u << i))
            buf[n++] = (char)('A' + i);
    if (size > 0)
        buf[n] = '\0';
}

bool answer_from_letters(const char *letters, uint32_t *out)
{
    uint32_t mask = 0;
    for (const char *p = letters; *p; p++) {
        if (*p < 'A' || *p >= 'A' + BANK_MAX_OPTIONS)
            return false;
        mask |= 1u << (*p - 'A');
    }
    *out = mask;
    return true;
}

typedef struct TimedIndex {
    int64_t at;
    int index;
} TimedIndex;

static int compare_timed(const void *a, const void *b)
{
    const TimedIndex *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

int *answers_by_time(const Answer *answers, int n)
{
    size_t count = (size_t)(n > 0 ? n : 1);
    TimedIndex *order = malloc(count * sizeof *order);
    int *out = malloc(count * sizeof *out);
    if (!order || !out) {
        free(order);
        free(out);
        return NULL;
    }
    for (int i = 0; i < n; i++)
        order[i] = (TimedIndex){answers[i].at, i};
    qsort(order, (size_t)(n > 0 ? n : 0), sizeof *order, compare_timed);
    for (int i = 0; i < n; i++)
        out[i] = order[i].index;
    free(order);
    return out;
}
