/* Taking the mock exam or the diagnostic: one question at a time with no
 * feedback and no task or domain chip (as on the real exam), buttons for
 * Previous, Next, Flag for review and Review, a countdown with a pace
 * indicator. The ExamSession holds the rules: every answer is saved as it
 * is given and the clock ends a timed exam ("Time's up" then shows). The
 * start screens are screen_exam_start.c, the review grid screen_review.c. */
#include <stdlib.h>
#include <string.h>

#include "confirm.h"
#include "exam.h"
#include "exam_session.h"
#include "keys.h"
#include "qview.h"
#include "screens.h"
#include "study.h"
#include "text.h"
#include "ui.h"

/* ---- keys ------------------------------------------------------------------ */

/* N, P and R are past the option letters (A-H): every option can be
 * chosen by its letter. Flag for review is Space, so F stays option F. */
static const KeyBinding EXAM_ROWS[] = {
    {"N", 'N', CMD_NEXT, "Next", false},
    {"P", 'P', CMD_PREV, "Previous", false},
    {"Space", 0, CMD_FLAG, "Flag for review", false},
    {"R", 'R', CMD_REVIEW, "Review", false},
    {"Esc", 0, CMD_NONE, "leave", false},
};
static const KeyMap EXAM_KEYS = KEYMAP(EXAM_ROWS);

void exam_format_time(int seconds, char *buf, size_t size)
{
    exam_session_format_time(seconds, buf, size);
}

/* ---- taking the exam ----------------------------------------------------- */

typedef struct ExamState {
    ExamSession *session;  /* owned until the results take it */
    QuestionView q;
    int shown;             /* the position q shows */
    Confirm leave;         /* "Leave the exam?" (the clock stops while it asks) */
    char choose_key[24];   /* "1-4 / A-D": the keys the item on screen has */
    KeyBinding footer_rows[2];
    KeyMap footer;         /* what no button shows: choosing, leaving */
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

/* Shows the session's current item in the question view, and the keys
 * its options have in the footer. */
static void show_item(App *app, ExamState *st)
{
    const ExamSession *s = st->session;
    const FormItem *fi = &s->form.items[s->pos];
    qview_set(app, &st->q, fi->item, fi->order);
    st->q.chosen = fi->answer;
    st->q.hide_task = true;
    st->shown = s->pos;
    int n = st->q.option_count;
    snprintf(st->choose_key, sizeof st->choose_key, "1-%d / A-%c", n, 'A' + n - 1);
    st->footer_rows[0] = (KeyBinding){st->choose_key, 0, CMD_NONE, "choose", false};
    st->footer_rows[1] = (KeyBinding){"Esc", 0, CMD_NONE, "leave", false};
    st->footer = (KeyMap)KEYMAP(st->footer_rows);
}

static void go(App *app, ExamState *st, int pos)
{
    if (!exam_session_goto(st->session, pos))
        say_not_saved(app, st->session);
    show_item(app, st);
}

static void flag(App *app, ExamState *st)
{
    if (!exam_session_flag(st->session))
        say_not_saved(app, st->session);
}

/* The exam has ended (here or on the review screen): "Time's up" or the
 * results take the session over. */
static void show_results(App *app, ExamState *st)
{
    ExamSession *s = st->session;
    if (!s->saved)
        app_status(app, "The result could not be saved: %s", s->error);
    app_sound(app, SFX_END);
    st->session = NULL;
    app_replace(app, s->time_up ? &SCREEN_TIME_UP : &SCREEN_RESULTS, s); /* they own it now */
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
                         "without a score. Start it again from the results.", "Back to the retake", "Leave");
        else
            confirm_open(&st->leave, 0, s->form.mode == MODE_MOCK ? "Leave the exam?" : "Leave the diagnostic?",
                         s->form.mode == MODE_MOCK ? "Your answers, flags and the time left are saved. The clock "
                         "stops until you come back: resume it from the home menu." : "Your answers and flags are "
                         "saved: resume the diagnostic from the home menu.",
                         s->form.mode == MODE_MOCK ? "Back to the exam" : "Back to the diagnostic", "Leave");
        return;
    case ACT_RIGHT: go(app, st, s->pos + 1); return;
    case ACT_LEFT: go(app, st, s->pos - 1); return;
    case ACT_SPACE: flag(app, st); return;
    case ACT_CONFIRM:
        if (s->pos + 1 < s->form.count)
            go(app, st, s->pos + 1);
        else
            app_push(app, &SCREEN_REVIEW, s);
        return;
    case ACT_COMMAND:
        switch (a->value) {
        case CMD_NEXT:
            if (s->pos + 1 < s->form.count)
                go(app, st, s->pos + 1);
            else
                app_push(app, &SCREEN_REVIEW, s); /* past the last question: the review, as on the real exam */
            return;
        case CMD_PREV: go(app, st, s->pos - 1); return;
        case CMD_FLAG: flag(app, st); return;
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

/* The pace line: "on pace", "ahead 1:10" or "behind 02:05", and the share. */
static void pace_text(const ExamPace *p, char *out, size_t size, SDL_Color *colour, const Theme *t)
{
    char d[32];
    exam_format_time(p->seconds, d, sizeof d);
    if (p->state == EXAM_PACE_AHEAD)
        snprintf(out, size, "ahead %s (%d s a question)", d, p->per_item);
    else if (p->state == EXAM_PACE_BEHIND)
        snprintf(out, size, "behind %s (%d s a question)", d, p->per_item);
    else
        snprintf(out, size, "on pace (%d s a question)", p->per_item);
    *colour = p->state == EXAM_PACE_BEHIND ? t->warn : p->state == EXAM_PACE_AHEAD ? t->good : t->text_dim;
}

/* The header: "Question k of n" and the clock (amber at 10 minutes, red at
 * 5) on one line, the progress bar, then the mode, the flag and the pace
 * (which wraps under them when the line is short). Returns the y below. */
static int draw_exam_header(App *app, const ExamSession *s)
{
    const Theme *t = &app->theme;
    int margin = app_px(app, 28), right_x = app->w - margin, y = app_px(app, 14);
    char label[64], clock[32], pace[96];
    snprintf(label, sizeof label, "Question %d of %d", s->pos + 1, s->form.count);
    text_draw(app, FONT_TITLE, label, margin, y, t->text, ALIGN_LEFT);
    bool timed = s->form.seconds_total > 0;
    int left = exam_session_clock_seconds(s);
    exam_format_time(left, clock, sizeof clock);
    SDL_Color c = !timed ? t->text_dim : left <= 300 ? t->bad : left <= 600 ? t->warn : t->text;
    text_draw(app, FONT_TITLE, clock, right_x, y, c, ALIGN_RIGHT);
    y += text_line_height(app, FONT_TITLE) + app_px(app, 6);
    ExamTally tally = exam_session_tally(s);
    float done = s->form.count ? (float)(tally.answered + tally.incomplete) / (float)s->form.count : 0;
    ui_progress(app, (SDL_Rect){margin, y, app->w - margin * 2, app_px(app, 6)}, done, t->accent);
    y += app_px(app, 14);
    int x = margin, lh = text_line_height(app, FONT_SMALL) + app_px(app, 4);
    const char *mode = s->form.mode == MODE_DIAGNOSTIC ? "Diagnostic (untimed)" : exam_mode_title(s->form.mode);
    x += text_draw(app, FONT_SMALL, mode, x, y + app_px(app, 2), t->text_dim, ALIGN_LEFT) + app_px(app, 14);
    if (s->form.items[s->pos].flagged)
        x += ui_chip(app, x, y, "Flagged for review", ui_alpha(t->flag, 70), t->flag) + app_px(app, 14);
    if (!timed)
        return y + lh;
    ExamPace p = exam_session_pace(s);
    SDL_Color pc;
    pace_text(&p, pace, sizeof pace, &pc, t);
    int pw = 0, th = 0;
    text_size(app, FONT_SMALL, pace, &pw, &th);
    if (x + pw > right_x)
        y += lh; /* under the mode and the flag */
    text_draw(app, FONT_SMALL, pace, right_x, y + app_px(app, 2), pc, ALIGN_RIGHT);
    return y + lh;
}

/* Previous, Next, Flag for review (a check box) and Review: with their
 * keys ("N  Next") when one row holds them, else the words alone. */
static int exam_controls(App *app, const ExamState *st, int y, bool draw)
{
    const ExamSession *s = st->session;
    static const Command CMDS[] = {CMD_PREV, CMD_NEXT, CMD_FLAG, CMD_REVIEW};
    static const char *const WORDS[] = {"Previous", "Next", "Flag for review", "Review"};
    char labels[4][64];
    ExamButton b[4];
    int margin = app_px(app, 28), w = app->w - margin * 2;
    int one_row = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 20);
    int n = 0, h = 0;
    for (int keys = 1; keys >= 0; keys--) {
        n = 0;
        for (int i = 0; i < 4; i++) {
            if (CMDS[i] == CMD_PREV && s->pos == 0)
                continue;
            if (keys)
                keys_hint(&EXAM_KEYS, CMDS[i], WORDS[i], labels[n], sizeof labels[n]);
            else
                snprintf(labels[n], sizeof labels[n], "%s", WORDS[i]);
            b[n] = (ExamButton){.label = labels[n], .action = {.type = ACT_COMMAND, .value = (int)CMDS[i]},
                                .check = CMDS[i] == CMD_FLAG ? s->form.items[s->pos].flagged : -1};
            n++;
        }
        h = exam_buttons(app, b, n, margin, y, w, false);
        if (h <= one_row)
            break;
    }
    return draw ? exam_buttons(app, b, n, margin, y, w, true) : h;
}

static void exam_draw(App *app, void *state)
{
    ExamState *s = state;
    ui_background(app);
    if (!s->session)
        return;
    int top = draw_exam_header(app, s->session) + app_px(app, 10);
    int margin = app_px(app, 28);
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 28);
    int controls = exam_controls(app, s, 0, false);
    int cy = app->h - footer - controls - app_px(app, 6);
    qview_draw(app, &s->q, (SDL_Rect){margin, top, app->w - margin * 2, cy - app_px(app, 10) - top});
    exam_controls(app, s, cy, true);
    confirm_draw(app, &s->leave);
    ui_footer_keys(app, s->leave.open ? confirm_keys() : &s->footer);
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
