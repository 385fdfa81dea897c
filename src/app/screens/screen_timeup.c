/* "Time's up": what the learner sees when the clock ends a timed exam, as
 * on the real exam, before the results. It says what happened and what
 * was answered; a button (or Enter, after a short pause so that a key
 * pressed for the last question does not skip it) shows the results. */
#include <stdlib.h>

#include "chart.h"
#include "exam.h"
#include "exam_session.h"
#include "keys.h"
#include "text.h"
#include "ui.h"

#define TIME_UP_ENTER_PAUSE_MS 1000  /* Enter is ignored this long after the clock ran out */

static const KeyBinding TIME_UP_ROWS[] = {
    {"Arrows", 0, CMD_NONE, KEYS_DOES_SCROLL, true},
};
static const KeyMap TIME_UP_KEYS = KEYMAP(TIME_UP_ROWS);

typedef struct TimeUpState {
    ExamSession *session;  /* owned until the results take it */
    int shown_ms;          /* time on this screen */
    Scroll scroll;
} TimeUpState;

static const KeyMap *time_up_keys(App *app, void *state)
{
    (void)app;
    (void)state;
    return &TIME_UP_KEYS;
}

static void *time_up_enter(App *app, const void *arg)
{
    (void)app;
    TimeUpState *s = calloc(1, sizeof *s);
    if (!s) {
        exam_session_free((ExamSession *)arg);
        return NULL;
    }
    s->session = (ExamSession *)arg;
    return s;
}

static void time_up_leave(App *app, void *state)
{
    (void)app;
    TimeUpState *s = state;
    exam_session_free(s->session);
    free(s);
}

static void show_results(App *app, TimeUpState *s)
{
    ExamSession *session = s->session;
    s->session = NULL;
    app_replace(app, &SCREEN_RESULTS, session); /* the results own it now */
}

static void time_up_action(App *app, void *state, const Action *a)
{
    TimeUpState *s = state;
    if (!s->session)
        return;
    if (a->type == ACT_CONFIRM && s->shown_ms >= TIME_UP_ENTER_PAUSE_MS)
        show_results(app, s);
    else if (a->type == ACT_SELECT)
        show_results(app, s); /* the button */
    else
        ui_scroll_action(app, &s->scroll, a);
}

static int time_up_update(App *app, void *state, int dt_ms)
{
    TimeUpState *s = state;
    if (s->shown_ms >= TIME_UP_ENTER_PAUSE_MS)
        return SCREEN_IDLE;
    s->shown_ms += dt_ms;
    if (s->shown_ms >= TIME_UP_ENTER_PAUSE_MS)
        app_redraw(app); /* the button's key hint appears */
    return TIME_UP_ENTER_PAUSE_MS - s->shown_ms > 0 ? TIME_UP_ENTER_PAUSE_MS - s->shown_ms : 1;
}

/* What the clock left behind, in words. */
static void summary(const ExamSession *s, char *out, size_t size)
{
    ExamTally t = exam_session_tally(s);
    int open = t.unanswered + t.incomplete;
    snprintf(out, size, "The clock reached 0:00 and the exam ended, as the real one does. Your answers stand as "
             "you left them: %d answered, %d incomplete, %d unanswered.%s", t.answered, t.incomplete,
             t.unanswered, open > 0 ? " Incomplete and unanswered questions count as wrong." : "");
}

static void time_up_draw(App *app, void *state)
{
    TimeUpState *s = state;
    const Theme *t = &app->theme;
    ui_background(app);
    if (!s->session)
        return;
    int margin = app_px(app, 28), inner = app->w - margin * 2;
    char label[64];
    bool ready = s->shown_ms >= TIME_UP_ENTER_PAUSE_MS;
    snprintf(label, sizeof label, "%sSee your results", ready ? "Enter  " : "");
    ExamButton b = {.label = label, .action = {.type = ACT_SELECT}, .check = -1};
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 28);
    int bh = exam_buttons(app, &b, 1, margin, 0, inner, false);
    int by = app->h - footer - bh - app_px(app, 8);
    int top = app_px(app, 24);
    SDL_Rect view = {0, top, app->w, by - app_px(app, 12) - top};
    s->scroll.view = view.h;
    ChartClip saved;
    chart_clip_push(app, view, &saved);
    int y = view.y - s->scroll.offset;
    y += text_draw_wrapped(app, FONT_TITLE, "Time's up", margin, y, inner, t->warn, 0, app->h) + app_px(app, 16);
    char text[600];
    summary(s->session, text, sizeof text);
    y += text_draw_wrapped(app, FONT_BODY, text, margin, y, inner, t->text, 0, app->h) + app_px(app, 12);
    if (!s->session->saved) {
        snprintf(text, sizeof text, "The result could not be saved: %s", s->session->error);
        y += text_draw_wrapped(app, FONT_BODY, text, margin, y, inner, t->bad, 0, app->h) + app_px(app, 12);
    }
    s->scroll.content = y + s->scroll.offset - view.y;
    chart_clip_pop(app, &saved);
    ui_scrollbar(app, (SDL_Rect){app->w - app_px(app, 14), view.y, app_px(app, 8), view.h}, &s->scroll);
    exam_buttons(app, &b, 1, margin, by, inner, true);
    ui_footer_keys(app, &TIME_UP_KEYS);
}

const Screen SCREEN_TIME_UP = {
    .name = "timeup",
    .enter = time_up_enter,
    .leave = time_up_leave,
    .action = time_up_action,
    .update = time_up_update,
    .draw = time_up_draw,
    .keys = time_up_keys,
};
