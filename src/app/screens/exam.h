/* The mock exam and the diagnostic share one flow: a start screen (resume
 * or begin), the exam itself, the review grid, "Time's up" when the clock
 * ended it, then the results, the answer review and, after a diagnostic,
 * the study plan. The screens pass the
 * ExamSession (the core's exam) between them, never their own state. */
#ifndef CLOUDPREP_EXAM_H
#define CLOUDPREP_EXAM_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "exam_session.h"
#include "keys.h"
#include "screen.h"

/* push/replace arg: an ExamSession * that is running; a successful enter
 * takes ownership (the session is freed with the screen). */
extern const Screen SCREEN_EXAM;
/* push arg: the ExamSession * of the exam screen below (not owned). It may
 * end the exam (the end confirm, or the clock); it then pops itself and the
 * exam screen shows the results. */
extern const Screen SCREEN_REVIEW;
/* replace arg: an ExamSession * the clock ended; a successful enter takes
 * ownership. It says so, then replaces itself with the results. */
extern const Screen SCREEN_TIME_UP;
/* replace arg: an ExamSession * that has ended; a successful enter takes
 * ownership. */
extern const Screen SCREEN_RESULTS;
/* What the answer review opens on: an ended exam (not owned: the results
 * below keep it), the position shown first, the filter and domain (-1:
 * every domain) that Next and Previous keep to, and where to write the
 * position on show each time it changes (NULL: nowhere; the question list
 * below keeps that row selected). */
typedef struct AnswersLaunch {
    const ExamSession *exam;
    int pos;
    ExamReviewFilter filter;
    int domain;
    int *shown_pos;
} AnswersLaunch;
/* The filters of a finished exam's questions as their buttons show them,
 * in order (All, Right, Wrong, Flagged, Unscored), and the key rows that
 * bind them: the question list and the answer review share both. */
typedef struct ExamFilterButton {
    ExamReviewFilter filter;
    Command command;
    const char *name;
} ExamFilterButton;
extern const ExamFilterButton EXAM_FILTER_BUTTONS[EXAM_REVIEW_FILTERS];
#define EXAM_FILTER_KEY_ROWS                                                                            \
    {"A", 'A', CMD_SHOW_ALL, "all", true}, {"C", 'C', CMD_SHOW_RIGHT, "right", true},                  \
    {"W", 'W', CMD_SHOW_WRONG, "wrong", true}, {"F", 'F', CMD_SHOW_FLAGGED, "flagged", true},           \
    {"U", 'U', CMD_SHOW_UNSCORED, "unscored", true}
/* push arg: a const AnswersLaunch * (copied at enter). */
extern const Screen SCREEN_ANSWERS;
/* push arg: the ended ExamSession * of the results below (not owned): every
 * question with right or wrong, flagged, time and domain, filterable; a
 * row opens the answer review there. */
extern const Screen SCREEN_QUESTIONS;
/* push arg: none. Pops itself and the results below when the plan is saved. */
extern const Screen SCREEN_PLAN;

/* The name of an exam of `mode` as a title: "Mock exam", "Diagnostic",
 * "Retake" (a static string). */
const char *exam_mode_title(StudyMode mode);
/* The same name inside a sentence: "exam", "diagnostic", "retake" (a static
 * string), as in "Back to the diagnostic" or "End retake". */
const char *exam_mode_noun(StudyMode mode);
/* Writes `seconds` as "mm:ss", or "h:mm:ss" from an hour on (negative as
 * 0): exam_session_format_time, for the screens that show exam times. */
void exam_format_time(int seconds, char *buf, size_t size);

/* One control of a row of exam buttons: a button (lit when `on`: the
 * current filter), or with `check` >= 0 a check box (0 clear, 1 ticked);
 * a click sends `action`. */
typedef struct ExamButton {
    const char *label;
    Action action;
    int check;
    bool on;
} ExamButton;

/* Lays out `n` controls left to right in rows of width `w` from (x, y),
 * wrapping to a new row when the next one does not fit (large text);
 * draws them when `draw`. Returns the height the rows take. */
int exam_buttons(App *app, const ExamButton *b, int n, int x, int y, int w, bool draw);
/* The width control `b` takes on one line (its label unwrapped). */
int exam_control_width(App *app, const ExamButton *b);
/* A check box with its label wrapped to `w`: the whole row is one click
 * target that sends `action`. Draws it when `draw`; returns its height. */
int exam_check(App *app, int x, int y, int w, const char *label, bool checked, Action action, bool draw);

#endif
