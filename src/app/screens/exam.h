/* The mock exam and the diagnostic share one flow: a start screen (resume
 * or begin), the exam itself, the review grid, then the results, the answer
 * review and, after a diagnostic, the study plan. The screens pass the
 * ExamSession (the core's exam) between them, never their own state. */
#ifndef CLOUDPREP_EXAM_H
#define CLOUDPREP_EXAM_H

#include <stddef.h>

#include "app.h"
#include "screen.h"

/* push/replace arg: an ExamSession * that is running; a successful enter
 * takes ownership (the session is freed with the screen). */
extern const Screen SCREEN_EXAM;
/* push arg: the ExamSession * of the exam screen below (not owned). It may
 * end the exam (the end confirm, or the clock); it then pops itself and the
 * exam screen shows the results. */
extern const Screen SCREEN_REVIEW;
/* replace arg: an ExamSession * that has ended; a successful enter takes
 * ownership. */
extern const Screen SCREEN_RESULTS;
/* push arg: the ended ExamSession * of the results below (not owned). */
extern const Screen SCREEN_ANSWERS;
/* push arg: none. Pops itself and the results below when the plan is saved. */
extern const Screen SCREEN_PLAN;

/* Writes `seconds` as "mm:ss", or "h:mm:ss" from an hour on (negative as 0). */
void exam_format_time(int seconds, char *buf, size_t size);

#endif
