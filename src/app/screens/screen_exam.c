/* Mock exam and diagnostic: the start screens (begin, resume or discard an
 * exam in progress) and the exam itself (no feedback, N/P/F/R, a countdown
 * with a pace indicator). The ExamSession holds the rules: every answer is
 * saved as it is given and the clock ends a timed exam. The review grid is
 * screen_review.c; results, answers and the plan follow. */
#include <stdlib.h>
#include <string.h>

#include "confirm.h"
#include "exam.h"
#include "exam_session.h"
#include "hud.h"
#include "keys.h"
#include "qview.h"
#include "screens.h"
#include "study.h"
#include "text.h"
#include "ui.h"

/* ---- keys ------------------------------------------------------------------ */

static const KeyBinding RESUME_ROWS[] = {
    {"Enter", 0, CMD_NONE, "resume", false},
    {"D", 'D', CMD_DISCARD, "discard", false},
    {"Esc", 0, CMD_NONE, "back", false},
};
static const KeyMap RESUME_KEYS = KEYMAP(RESUME_ROWS);

static const KeyBinding MOCK_START_ROWS[] = {
    {"Enter", 0, CMD_NONE, "begin the exam", false},
    {"E", 'E', CMD_ESL, "ESL extra time", false},
    {"Esc", 0, CMD_NONE, "back", false},
};
static const KeyMap MOCK_START_KEYS = KEYMAP(MOCK_START_ROWS);

static const KeyBinding DIAG_START_ROWS[] = {
    {"Enter", 0, CMD_NONE, "begin", false},
    {"Esc", 0, CMD_NONE, "back", false},
};
static const KeyMap DIAG_START_KEYS = KEYMAP(DIAG_START_ROWS);

static const KeyBinding EXAM_ROWS[] = {
    {"1-5 / A-E", 0, CMD_NONE, "choose", false},
    {"N", 'N', CMD_NEXT, "next", false},
    {"P", 'P', CMD_PREV, "previous", false},
    {"F", 'F', CMD_FLAG, "flag", false},
    {"R", 'R', CMD_REVIEW, "review", false},
    {"Esc", 0, CMD_NONE, "leave", false},
};
static const KeyMap EXAM_KEYS = KEYMAP(EXAM_ROWS);

void exam_format_time(int seconds, char *buf, size_t size)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds >= 3600)
        snprintf(buf, size, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    else
        snprintf(buf, size, "%02d:%02d", seconds / 60, seconds % 60);
}

/* ---- the start screens -------------------------------------------------- */

typedef struct StartState {
    StudyMode mode;
    bool esl;
    ExamSession *pending;     /* the unfinished exam (owned until resumed) */
    Confirm discard;
} StartState;

static const KeyMap *start_keys(App *app, void *state)
{
    (void)app;
    const StartState *s = state;
    if (s->discard.open)
        return confirm_keys();
    if (s->pending)
        return &RESUME_KEYS;
    return s->mode == MODE_MOCK ? &MOCK_START_KEYS : &DIAG_START_KEYS;
}

static void *start_enter(App *app, StudyMode mode)
{
    StartState *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->mode = mode;
    s->esl = app->settings.esl;
    char why[512];
    ExamFind found = exam_session_resume(app->study, app_now(app), &s->pending, why, sizeof why);
    if (found == EXAM_FIND_STALE)
        app_status(app, "%s", why);
    else if (found == EXAM_FIND_FAILED)
        app_status(app, "The unfinished exam could not be read: %s", why);
    return s;
}

static void *mock_start_enter(App *app, const void *arg)
{
    (void)arg;
    return start_enter(app, MODE_MOCK);
}

static void *diag_start_enter(App *app, const void *arg)
{
    (void)arg;
    return start_enter(app, MODE_DIAGNOSTIC);
}

static void start_leave(App *app, void *state)
{
    (void)app;
    StartState *s = state;
    exam_session_free(s->pending);
    free(s);
}

static void begin_new(App *app, StartState *s)
{
    ExamBegin info;
    ExamSession *session = exam_session_begin(app->study, s->mode, s->mode == MODE_MOCK && s->esl, app_now(app),
                                              &app->rng, &info);
    if (!session) {
        app_status(app, "%s", info.error);
        return;
    }
    if (info.incomplete)
        app_status(app, "The bank has only %d questions: this exam is shorter than the real one.",
                   session->form.count);
    if (info.unsaved)
        app_status(app, "This exam cannot be saved: %s", info.error);
    app_sound(app, SFX_CLICK);
    app_replace(app, &SCREEN_EXAM, session); /* the exam screen owns it now */
}

static void resume(App *app, StartState *s)
{
    ExamSession *session = s->pending;
    s->pending = NULL;
    app_replace(app, &SCREEN_EXAM, session); /* the exam screen owns it now */
}

static void discard(App *app, StartState *s)
{
    if (!exam_session_abandon(s->pending, app_now(app))) {
        app_status(app, "The unfinished exam was not discarded: %s", s->pending->error);
        return;
    }
    exam_session_free(s->pending);
    s->pending = NULL;
    app_status(app, "The unfinished exam was discarded.");
}

static void start_action(App *app, void *state, const Action *a)
{
    StartState *s = state;
    if (s->discard.open) {
        if (confirm_action(&s->discard, a) == CONFIRM_RISKY)
            discard(app, s);
        return;
    }
    switch (a->type) {
    case ACT_BACK: app_pop(app); return;
    case ACT_CONFIRM:
        if (s->pending)
            resume(app, s);
        else
            begin_new(app, s);
        return;
    case ACT_COMMAND:
        if (a->value == CMD_DISCARD && s->pending)
            confirm_open(&s->discard, 0, "Discard the unfinished exam?",
                         "It will be marked abandoned and not scored. Your drill progress is not affected.",
                         "Keep it", "Discard");
        else if (a->value == CMD_ESL && s->mode == MODE_MOCK && !s->pending) {
            s->esl = !s->esl;
            app->settings.esl = s->esl;
            app_save_settings(app);
        }
        return;
    default: return;
    }
}

static int start_update(App *app, void *state, int dt_ms)
{
    (void)app;
    (void)state;
    (void)dt_ms;
    return SCREEN_IDLE;
}

static void bullet(App *app, int x, int *y, int w, const char *text)
{
    ui_circle(app, (float)x + (float)app_px(app, 5), (float)*y + (float)text_line_height(app, FONT_BODY) / 2,
              (float)app_px(app, 4), app->theme.accent);
    *y += text_draw_wrapped(app, FONT_BODY, text, x + app_px(app, 20), *y, w - app_px(app, 20), app->theme.text, 0,
                            app->h) + app_px(app, 8);
}

static void start_draw(App *app, void *state)
{
    StartState *s = state;
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    ui_background(app);
    bool mock = s->mode == MODE_MOCK;
    ui_title(app, mock ? "Mock exam" : "Diagnostic", b->code);
    int margin = app_px(app, 36);
    SDL_Rect p = {margin, app_px(app, 84), app->w - margin * 2, app->h - app_px(app, 84) - app_px(app, 70)};
    ui_panel(app, p);
    int x = p.x + app_px(app, 28), y = p.y + app_px(app, 24), w = p.w - app_px(app, 56);
    char line[320];
    if (s->pending) {
        const ExamForm *resume = &s->pending->form;
        char left[32];
        exam_format_time(resume->seconds_left, left, sizeof left);
        int unanswered, flagged;
        exam_session_counts(s->pending, &unanswered, &flagged);
        int answered = resume->count - unanswered;
        text_draw(app, FONT_TITLE, resume->mode == MODE_MOCK ? "A mock exam is waiting for you"
                                                                : "A diagnostic is waiting for you",
                  x, y, t->accent, ALIGN_LEFT);
        y += text_line_height(app, FONT_TITLE) + app_px(app, 16);
        if (resume->seconds_total > 0)
            snprintf(line, sizeof line, "You answered %d of %d questions and were on question %d, with %s left on "
                     "the clock. Your answers and flags are saved.", answered, resume->count,
                     resume->position + 1, left);
        else
            snprintf(line, sizeof line, "You answered %d of %d questions and were on question %d. Your answers are "
                     "saved.", answered, resume->count, resume->position + 1);
        bullet(app, x, &y, w, line);
        snprintf(line, sizeof line, "Enter resumes where you left off. %s discards it and starts fresh.",
                 keys_key(&RESUME_KEYS, CMD_DISCARD));
        bullet(app, x, &y, w, line);
    } else if (mock) {
        int minutes = b->exam_minutes + (s->esl ? b->esl_extra_minutes : 0);
        text_draw(app, FONT_TITLE, "The real exam, rehearsed", x, y, t->accent, ALIGN_LEFT);
        y += text_line_height(app, FONT_TITLE) + app_px(app, 16);
        snprintf(line, sizeof line, "%d questions in %d minutes: about %d seconds per question.", b->exam_items,
                 minutes, b->exam_items > 0 ? minutes * 60 / b->exam_items : 0);
        bullet(app, x, &y, w, line);
        snprintf(line, sizeof line, "%d are scored and %d are unscored pretest questions that look exactly like the "
                 "others, as on the real exam. You learn which were which at the end.",
                 b->exam_scored, b->exam_items - b->exam_scored);
        bullet(app, x, &y, w, line);
        snprintf(line, sizeof line, "Scaled score from %d to %d; %d passes. Aim for %d or more before you book.",
                 b->scale_min, b->scale_max, b->scale_pass, plan_ready_score(b));
        bullet(app, x, &y, w, line);
        bullet(app, x, &y, w, "Multiple-response questions (\"Choose TWO\") have no partial credit. Unanswered "
                              "counts as wrong, so answer everything.");
        snprintf(line, sizeof line, "No feedback until the end. %s next, %s previous, %s flag, %s review screen. "
                 "Answers are saved as you go: closing the window never loses the exam.",
                 keys_key(&EXAM_KEYS, CMD_NEXT), keys_key(&EXAM_KEYS, CMD_PREV), keys_key(&EXAM_KEYS, CMD_FLAG),
                 keys_key(&EXAM_KEYS, CMD_REVIEW));
        bullet(app, x, &y, w, line);
        y += app_px(app, 8);
        char esl[160], hint[200];
        snprintf(esl, sizeof esl, "English is not my first language: +%d minutes (ESL accommodation)",
                 b->esl_extra_minutes);
        snprintf(line, sizeof line, "[%s] %s", s->esl ? "x" : " ",
                 keys_hint(&MOCK_START_KEYS, CMD_ESL, esl, hint, sizeof hint));
        text_draw(app, FONT_BODY_BOLD, line, x, y, s->esl ? t->accent2 : t->text_dim, ALIGN_LEFT);
    } else {
        text_draw(app, FONT_TITLE, "Where do you stand?", x, y, t->accent, ALIGN_LEFT);
        y += text_line_height(app, FONT_TITLE) + app_px(app, 16);
        snprintf(line, sizeof line, "%d questions spread over the domains by their weight. No clock pressure "
                 "(the time is noted, for your information).", b->diagnostic_items);
        bullet(app, x, &y, w, line);
        bullet(app, x, &y, w, "At the end: an estimated score with its likely range, your weakest domain and "
                              "the three task statements to work on first.");
        bullet(app, x, &y, w, "Then set your exam date and daily minutes, and cloudprep makes a study plan that "
                              "the daily drill follows.");
        bullet(app, x, &y, w, "It takes about five minutes.");
    }
    confirm_draw(app, &s->discard);
    ui_footer_keys(app, start_keys(app, s));
}

const Screen SCREEN_MOCK_START = {
    .name = "mock",
    .enter = mock_start_enter,
    .leave = start_leave,
    .action = start_action,
    .update = start_update,
    .draw = start_draw,
    .keys = start_keys,
};

const Screen SCREEN_DIAGNOSTIC = {
    .name = "diagnostic",
    .enter = diag_start_enter,
    .leave = start_leave,
    .action = start_action,
    .update = start_update,
    .draw = start_draw,
    .keys = start_keys,
};

/* ---- taking the exam ----------------------------------------------------- */

typedef struct ExamState {
    ExamSession *session;  /* owned until the results take it */
    QuestionView q;
    int shown;             /* the position q shows */
    Confirm leave;         /* "Leave the exam?" (the clock stops while it asks) */
} ExamState;

static const KeyMap *exam_keys(App *app, void *state)
{
    (void)app;
    const ExamState *st = state;
    return st->leave.open ? confirm_keys() : &EXAM_KEYS;
}

static void say_not_saved(App *app, const ExamSession *s)
{
    app_status(app, "Not saved: %s", s->error);
}

/* Shows the session's current item in the question view. */
static void show_item(App *app, ExamState *st)
{
    const ExamSession *s = st->session;
    const FormItem *fi = &s->form.items[s->pos];
    qview_set(app, &st->q, fi->item, fi->order);
    st->q.chosen = fi->answer;
    st->shown = s->pos;
}

static void go(App *app, ExamState *st, int pos)
{
    if (!exam_session_goto(st->session, pos))
        say_not_saved(app, st->session);
    show_item(app, st);
}

/* The exam has ended (here or on the review screen): the results take the
 * session over. */
static void show_results(App *app, ExamState *st)
{
    ExamSession *s = st->session;
    if (s->time_up)
        app_status(app, "Time is up: the exam ended on its own.");
    if (!s->saved)
        app_status(app, "The result could not be saved: %s", s->error);
    app_sound(app, SFX_END);
    st->session = NULL;
    app_replace(app, &SCREEN_RESULTS, s); /* the results own it now */
}

static void *exam_enter(App *app, const void *arg)
{
    ExamSession *session = (ExamSession *)arg;
    ExamState *st = calloc(1, sizeof *st);
    if (!st) {
        exam_session_free(session);
        return NULL;
    }
    st->session = session;
    go(app, st, session->pos);
    return st;
}

static void exam_leave(App *app, void *state)
{
    (void)app;
    ExamState *st = state;
    exam_session_free(st->session);
    free(st);
}

/* Back from the review grid: it may have moved to another item or ended the exam. */
static void exam_resume(App *app, void *state)
{
    ExamState *st = state;
    if (!st->session)
        return;
    if (st->session->ended)
        show_results(app, st);
    else if (st->session->pos != st->shown)
        show_item(app, st);
}

static void exam_action(App *app, void *state, const Action *a)
{
    ExamState *st = state;
    ExamSession *s = st->session;
    if (!s)
        return;
    if (st->leave.open) {
        if (confirm_action(&st->leave, a) == CONFIRM_RISKY) {
            /* a retake is a short quiz: leaving ends it, unscored */
            if (s->form.mode == MODE_RETAKE ? !exam_session_abandon(s, app_now(app)) : !exam_session_pause(s))
                say_not_saved(app, s);
            app_pop(app);
        }
        return;
    }
    switch (a->type) {
    case ACT_BACK:
        if (s->form.mode == MODE_RETAKE)
            confirm_open(&st->leave, 0, "Leave the retake?", "A retake is not kept half-done: leaving ends it "
                         "without a score. Start it again from the results.", "Stay", "Leave");
        else
            confirm_open(&st->leave, 0, s->form.mode == MODE_MOCK ? "Leave the exam?" : "Leave the diagnostic?",
                         "Your answers, flags and the time left are saved. The clock stops until you come back: "
                         "resume it from the home menu.", "Stay", "Leave");
        return;
    case ACT_RIGHT: go(app, st, s->pos + 1); return;
    case ACT_LEFT: go(app, st, s->pos - 1); return;
    case ACT_CONFIRM:
        if (s->pos + 1 < s->form.count)
            go(app, st, s->pos + 1);
        else
            app_push(app, &SCREEN_REVIEW, s);
        return;
    case ACT_COMMAND:
        switch (a->value) {
        case CMD_NEXT: go(app, st, s->pos + 1); return;
        case CMD_PREV: go(app, st, s->pos - 1); return;
        case CMD_FLAG:
            if (!exam_session_flag(s))
                say_not_saved(app, s);
            return;
        case CMD_REVIEW: app_push(app, &SCREEN_REVIEW, s); return;
        default: break;
        }
        break;
    default: break;
    }
    uint32_t before = st->q.chosen;
    if (qview_action(app, &st->q, a) && st->q.chosen != before && !exam_session_answer(s, st->q.chosen))
        say_not_saved(app, s);
}

static int exam_update(App *app, void *state, int dt_ms)
{
    ExamState *st = state;
    if (!st->session || st->leave.open)
        return SCREEN_IDLE; /* the clock stops while the learner decides */
    ExamTick t = exam_session_tick(st->session, dt_ms, app_now(app));
    if (t.second)
        app_redraw(app);
    if (t.save_failed)
        say_not_saved(app, st->session);
    if (t.time_up) {
        show_results(app, st);
        return SCREEN_IDLE;
    }
    return exam_session_ms_to_second(st->session);
}

/* "Question k of n", the countdown (amber at 10 minutes, red at 5) and the pace. */
static void draw_exam_header(App *app, const ExamSession *s)
{
    const Theme *t = &app->theme;
    char label[64], clock[32], pace[96];
    snprintf(label, sizeof label, "Question %d of %d", s->pos + 1, s->form.count);
    int unanswered, flagged;
    exam_session_counts(s, &unanswered, &flagged);
    int answered = s->form.count - unanswered;
    int y = hud_header(app, exam_mode_title(s->form.mode), label,
                       s->form.count ? (float)answered / (float)s->form.count : 0);
    int right_x = app->w - app_px(app, 28);
    if (s->form.seconds_total > 0) {
        int left = exam_session_clock_seconds(s);
        exam_format_time(left, clock, sizeof clock);
        SDL_Color c = left <= 300 ? t->bad : left <= 600 ? t->warn : t->text;
        int w = text_draw(app, FONT_TITLE, clock, right_x, y - app_px(app, 14), c, ALIGN_RIGHT);
        /* Pace: the time a steady pace would have left after the questions answered so far. */
        int per_item = s->form.seconds_total / (s->form.count > 0 ? s->form.count : 1);
        int used = s->form.seconds_total - left;
        int budget = per_item * answered;
        int diff = budget - used;
        char d[32];
        exam_format_time(diff < 0 ? -diff : diff, d, sizeof d);
        snprintf(pace, sizeof pace, "%s %s (%d s a question)", diff >= 0 ? "ahead" : "behind", d, per_item);
        text_draw(app, FONT_SMALL, pace, right_x - w - app_px(app, 16), y - app_px(app, 2),
                  diff >= 0 ? t->good : t->warn, ALIGN_RIGHT);
    } else {
        exam_format_time(exam_session_clock_seconds(s), clock, sizeof clock);
        text_draw(app, FONT_BODY, clock, right_x, y - app_px(app, 8), t->text_dim, ALIGN_RIGHT);
    }
    if (s->form.items[s->pos].flagged)
        ui_chip(app, app_px(app, 28), y - app_px(app, 8), "Flagged for review", ui_alpha(t->flag, 70), t->flag);
}

static void exam_draw(App *app, void *state)
{
    ExamState *s = state;
    ui_background(app);
    if (!s->session)
        return;
    draw_exam_header(app, s->session);
    int top = app_px(app, 18) + text_line_height(app, FONT_TITLE) + app_px(app, 30) +
              text_line_height(app, FONT_SMALL) + app_px(app, 14);
    int margin = app_px(app, 28);
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 30);
    qview_draw(app, &s->q, (SDL_Rect){margin, top, app->w - margin * 2, app->h - top - footer});
    confirm_draw(app, &s->leave);
    ui_footer_keys(app, exam_keys(app, s));
}

static bool exam_right_options(App *app, void *state, uint32_t *mask, int *count)
{
    ExamState *st = state;
    if (!st->session || st->leave.open)
        return false;
    *mask = qview_right_display(app, &st->q);
    *count = st->q.option_count;
    return true;
}

const Screen SCREEN_EXAM = {
    .name = "exam",
    .enter = exam_enter,
    .leave = exam_leave,
    .action = exam_action,
    .update = exam_update,
    .draw = exam_draw,
    .resume = exam_resume,
    .right_options = exam_right_options,
    .keys = exam_keys,
};
