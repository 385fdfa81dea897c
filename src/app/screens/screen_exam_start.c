/* The start screens of the mock exam and the diagnostic: what the exam is,
 * the ESL check box and Begin; or, when an exam is waiting, Resume and
 * Discard (which asks first, with focus on "Keep it"). The text scrolls
 * when large text needs the room; the buttons stay in sight. */
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "confirm.h"
#include "exam.h"
#include "exam_session.h"
#include "keys.h"
#include "screens.h"
#include "study.h"
#include "text.h"
#include "ui.h"

static const KeyBinding RESUME_ROWS[] = {
    {"Enter", 0, CMD_NONE, "Resume", false},
    {"D", 'D', CMD_DISCARD, "Discard", false},
    {"Esc", 0, CMD_NONE, "back", false},
};
static const KeyMap RESUME_KEYS = KEYMAP(RESUME_ROWS);

static const KeyBinding MOCK_START_ROWS[] = {
    {"Enter", 0, CMD_NONE, "Begin the exam", false},
    {"E", 'E', CMD_ESL, "ESL extra time", false},
    {"Esc", 0, CMD_NONE, "back", false},
};
static const KeyMap MOCK_START_KEYS = KEYMAP(MOCK_START_ROWS);

static const KeyBinding DIAG_START_ROWS[] = {
    {"Enter", 0, CMD_NONE, "Begin", false},
    {"Esc", 0, CMD_NONE, "back", false},
};
static const KeyMap DIAG_START_KEYS = KEYMAP(DIAG_START_ROWS);

/* The footer under the buttons: only what no button shows. */
static const KeyBinding FOOTER_ROWS[] = {
    {"Esc", 0, CMD_NONE, "back", false},
    {"Arrows", 0, CMD_NONE, KEYS_DOES_SCROLL, true},
};
static const KeyMap FOOTER_KEYS = KEYMAP(FOOTER_ROWS);

typedef struct StartState {
    StudyMode mode;
    bool esl;
    ExamSession *pending;     /* the unfinished exam (owned until resumed) */
    Confirm discard;
    Scroll scroll;
} StartState;

static const KeyMap *start_map(const StartState *s)
{
    if (s->pending)
        return &RESUME_KEYS;
    return s->mode == MODE_MOCK ? &MOCK_START_KEYS : &DIAG_START_KEYS;
}

static const KeyMap *start_keys(App *app, void *state)
{
    (void)app;
    const StartState *s = state;
    return s->discard.open ? confirm_keys() : start_map(s);
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
    s->scroll.offset = 0;
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
    default: ui_scroll_action(app, &s->scroll, a); return;
    }
}

static int start_update(App *app, void *state, int dt_ms)
{
    (void)app;
    (void)state;
    (void)dt_ms;
    return SCREEN_IDLE;
}

/* The text functions below measure only, unless `draw`. */
static int bullet(App *app, int x, int y, int w, const char *text, bool draw)
{
    if (!draw)
        return text_wrapped_height(app, FONT_BODY, text, w - app_px(app, 20)) + app_px(app, 8);
    ui_circle(app, (float)x + (float)app_px(app, 5), (float)y + (float)text_line_height(app, FONT_BODY) / 2,
              (float)app_px(app, 4), app->theme.accent);
    return text_draw_wrapped(app, FONT_BODY, text, x + app_px(app, 20), y, w - app_px(app, 20), app->theme.text,
                             0, app->h) + app_px(app, 8);
}

/* A heading that wraps (long titles at large text). */
static int heading(App *app, int x, int y, int w, const char *text, bool draw)
{
    if (!draw)
        return text_wrapped_height(app, FONT_TITLE, text, w) + app_px(app, 16);
    return text_draw_wrapped(app, FONT_TITLE, text, x, y, w, app->theme.accent, 0, app->h) + app_px(app, 16);
}

static int draw_resume(App *app, const StartState *s, int x, int y, int w, bool draw)
{
    const ExamForm *form = &s->pending->form;
    char left[32], line[320];
    exam_format_time(form->seconds_left, left, sizeof left);
    ExamTally t = exam_session_tally(s->pending);
    int top = y;
    y += heading(app, x, y, w, form->mode == MODE_MOCK ? "A mock exam is waiting for you"
                                                         : "A diagnostic is waiting for you", draw);
    if (form->seconds_total > 0)
        snprintf(line, sizeof line, "You answered %d of %d questions and were on question %d, with %s left on "
                 "the clock. Your answers and flags are saved.", t.answered + t.incomplete, form->count,
                 form->position + 1, left);
    else
        snprintf(line, sizeof line, "You answered %d of %d questions and were on question %d. Your answers are "
                 "saved.", t.answered + t.incomplete, form->count, form->position + 1);
    y += bullet(app, x, y, w, line, draw);
    y += bullet(app, x, y, w, "Resume where you left off, or discard it and start afresh.", draw);
    return y - top;
}

static int draw_mock(App *app, const StartState *s, int x, int y, int w, bool draw)
{
    const Bank *b = app->bank;
    char line[320];
    int top = y;
    int minutes = b->exam_minutes + (s->esl ? b->esl_extra_minutes : 0);
    y += heading(app, x, y, w, "The real exam, rehearsed", draw);
    snprintf(line, sizeof line, "%d questions in %d minutes: about %d seconds per question.", b->exam_items,
             minutes, b->exam_items > 0 ? minutes * 60 / b->exam_items : 0);
    y += bullet(app, x, y, w, line, draw);
    snprintf(line, sizeof line, "%d are scored and %d are unscored pretest questions that look exactly like the "
             "others, as on the real exam. You learn which were which at the end.",
             b->exam_scored, b->exam_items - b->exam_scored);
    y += bullet(app, x, y, w, line, draw);
    snprintf(line, sizeof line, "Scaled score from %d to %d; %d passes. Aim for %d or more before you book.",
             b->scale_min, b->scale_max, b->scale_pass, plan_ready_score(b));
    y += bullet(app, x, y, w, line, draw);
    y += bullet(app, x, y, w, "One answer: round marks. Several (\"Choose TWO\"): square ones, and no partial "
                              "credit. Unanswered and incomplete questions count as wrong, so answer "
                              "everything.", draw);
    y += bullet(app, x, y, w, "No feedback until the end. Next, Previous, Flag for review and Review are "
                              "buttons under each question. Answers are saved as you go: closing the window "
                              "never loses the exam.", draw);
    snprintf(line, sizeof line, "If English is not your first language, AWS gives %d more minutes on request "
             "(ESL accommodation): tick ESL below to rehearse with them.", b->esl_extra_minutes);
    y += bullet(app, x, y, w, line, draw);
    return y - top;
}

static int draw_diagnostic(App *app, int x, int y, int w, bool draw)
{
    char line[320];
    int top = y;
    y += heading(app, x, y, w, "Where do you stand?", draw);
    snprintf(line, sizeof line, "%d questions spread over the domains by their weight. No clock pressure "
             "(the time is noted, for your information).", app->bank->diagnostic_items);
    y += bullet(app, x, y, w, line, draw);
    y += bullet(app, x, y, w, "At the end: an estimated score with its likely range, your weakest domain "
                              "and the three task statements to work on first.", draw);
    y += bullet(app, x, y, w, "Then set your exam date and daily minutes, and cloudprep makes a study plan "
                              "that the daily drill follows.", draw);
    y += bullet(app, x, y, w, "It takes about five minutes.", draw);
    return y - top;
}

/* Begin (and for a mock the ESL check box), or Resume and Discard, with
 * their keys. Returns how many. */
static int start_buttons(const StartState *s, int esl_minutes, ExamButton *out, char labels[][96])
{
    const KeyMap *map = start_map(s);
    char esl[64];
    if (s->pending) {
        snprintf(labels[0], 96, "Enter  Resume");
        keys_hint(map, CMD_DISCARD, "Discard", labels[1], 96);
        out[0] = (ExamButton){.label = labels[0], .action = {.type = ACT_CONFIRM}, .check = -1};
        out[1] = (ExamButton){.label = labels[1], .action = {.type = ACT_COMMAND, .value = CMD_DISCARD}, .check = -1};
        return 2;
    }
    snprintf(labels[0], 96, "Enter  %s", s->mode == MODE_MOCK ? "Begin the exam" : "Begin");
    out[0] = (ExamButton){.label = labels[0], .action = {.type = ACT_CONFIRM}, .check = -1};
    if (s->mode != MODE_MOCK)
        return 1;
    snprintf(esl, sizeof esl, "ESL: +%d minutes", esl_minutes);
    keys_hint(map, CMD_ESL, esl, labels[1], 96);
    out[1] = (ExamButton){.label = labels[1], .action = {.type = ACT_COMMAND, .value = CMD_ESL}, .check = s->esl};
    return 2;
}

static void start_draw(App *app, void *state)
{
    StartState *s = state;
    ui_background(app);
    bool mock = s->mode == MODE_MOCK;
    ui_title(app, mock ? "Mock exam" : "Diagnostic", app->bank->code);
    int margin = app_px(app, 28);
    int inner = app->w - margin * 2;
    ExamButton buttons[2];
    char labels[2][96];
    int n = start_buttons(s, app->bank->esl_extra_minutes, buttons, labels);
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 28);
    int bh = exam_buttons(app, buttons, n, margin, 0, inner, false);
    int by = app->h - footer - bh - app_px(app, 8);
    int top = app_px(app, 18) + text_line_height(app, FONT_TITLE) + app_px(app, 16);
    SDL_Rect view = {0, top, app->w, by - app_px(app, 12) - top};
    s->scroll.view = view.h;
    int max_offset = s->scroll.content - s->scroll.view;
    if (s->scroll.offset > max_offset)
        s->scroll.offset = max_offset > 0 ? max_offset : 0;
    ChartClip saved;
    chart_clip_push(app, view, &saved);
    int pad = app_px(app, inner > app_px(app, 600) ? 28 : 16);
    int y = view.y - s->scroll.offset;
    int x = margin + pad, w = inner - pad * 2 - app_px(app, 8);
    int h = 0;
    for (int pass = 0; pass < 2; pass++) { /* measure, then draw in a panel that fits */
        bool draw = pass == 1;
        if (draw)
            ui_panel(app, (SDL_Rect){margin, y, inner, h + pad * 2});
        h = s->pending ? draw_resume(app, s, x, y + pad, w, draw)
          : mock ? draw_mock(app, s, x, y + pad, w, draw) : draw_diagnostic(app, x, y + pad, w, draw);
    }
    s->scroll.content = h + pad * 2 + app_px(app, 4);
    chart_clip_pop(app, &saved);
    ui_scrollbar(app, (SDL_Rect){app->w - app_px(app, 14), view.y, app_px(app, 8), view.h}, &s->scroll);
    exam_buttons(app, buttons, n, margin, by, inner, true);
    confirm_draw(app, &s->discard);
    ui_footer_keys(app, s->discard.open ? confirm_keys() : &FOOTER_KEYS);
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
