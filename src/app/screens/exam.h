/* The mock exam and the diagnostic share one flow: a start screen (resume
 * or begin), the exam itself, the review grid, then results (results.c).
 * This header is what the flow's screens pass between them. */
#ifndef CLOUDPREP_EXAM_H
#define CLOUDPREP_EXAM_H

#include <stdbool.h>

#include "app.h"
#include "qview.h"
#include "scoring.h"

/* What the exam screen needs to start: a form (ownership moves to the
 * screen) and whether ESL time was given. */
typedef struct ExamLaunch {
    ExamForm form;
    bool esl;
    bool stored;        /* the form is in the store (answers are saved as given) */
} ExamLaunch;

/* What the results screen receives (ownership of form.items moves). */
typedef struct ResultsLaunch {
    ExamForm form;
    ScoreResult result;
    bool esl;
    bool stored;        /* the result reached the store */
    int seconds_used;
} ResultsLaunch;

typedef struct ExamState {
    ExamForm form;
    bool esl;
    bool stored;
    QuestionView q;
    int pos;
    int remaining_ms;   /* timed exams: time left */
    int elapsed_ms;     /* time spent so far (this sitting and earlier ones) */
    int save_ms;        /* time since the clock was last saved */
    bool confirm_leave;
} ExamState;

extern const Screen SCREEN_EXAM;
extern const Screen SCREEN_REVIEW;
extern const Screen SCREEN_RESULTS;
extern const Screen SCREEN_ANSWERS;
extern const Screen SCREEN_PLAN;

/* Moves the exam screen to item `pos` (saving the position). */
void exam_goto(App *app, ExamState *s, int pos);
/* Advances the exam clock by dt_ms; ends the exam when time runs out.
 * Returns true when the exam ended (the exam screen was replaced). */
bool exam_tick(App *app, ExamState *s, int dt_ms);
/* Scores the exam, moves Leitner boxes, stores the result in one
 * transaction and replaces the exam screen with the results. `s` is freed. */
void exam_finish(App *app, ExamState *s);
/* Counts unanswered and flagged items. */
void exam_counts(const ExamState *s, int *unanswered, int *flagged);
/* "mm:ss" or "h:mm:ss". */
void exam_format_time(int seconds, char *buf, size_t size);

#endif
