/* The answer review of a finished exam: one question at a time with every
 * option explained, the learner's answer, flag and time, stepping through
 * the questions a filter (right, wrong, flagged, unscored) and a domain
 * keep, by N and P or the Previous and Next buttons. Opened from the
 * results or from a row of the question list. */
#include <stdlib.h>
#include <string.h>

#include "exam.h"
#include "examreview.h"
#include "flow.h"
#include "keys.h"
#include "qview.h"
#include "report.h"
#include "strbuf.h"
#include "text.h"
#include "ui.h"

/* The answer review, with and without "Learn more" links on the item shown. */
#define ANSWERS_ROWS_FIRST                                                                              \
    {"N", 'N', CMD_NEXT, "next", false}, {"P", 'P', CMD_PREV, "previous", false},                       \
    {"Esc", 0, CMD_NONE, "back", false}
#define ANSWERS_ROWS_FILTERS EXAM_FILTER_KEY_ROWS, {"R", 'R', CMD_REPORT, "report", true}
static const KeyBinding ANSWERS_ROWS[] = {
    ANSWERS_ROWS_FIRST,
    ANSWERS_ROWS_FILTERS,
    {"Up/Down/PgUp/PgDn", 0, CMD_NONE, KEYS_DOES_SCROLL, true},
};
static const KeyMap ANSWERS_KEYS = KEYMAP(ANSWERS_ROWS);
static const KeyBinding ANSWERS_REFS_ROWS[] = {
    ANSWERS_ROWS_FIRST,
    {"L", 'L', CMD_LEARN_MORE, "learn more", false},
    ANSWERS_ROWS_FILTERS,
    {"Up/Down", 0, CMD_NONE, KEYS_DOES_SCROLL, true},
};
static const KeyMap ANSWERS_REFS_KEYS = KEYMAP(ANSWERS_REFS_ROWS);

const ExamFilterButton EXAM_FILTER_BUTTONS[EXAM_REVIEW_FILTERS] = {
    {EXAM_REVIEW_ALL, CMD_SHOW_ALL, "All"},
    {EXAM_REVIEW_RIGHT, CMD_SHOW_RIGHT, "Right"},
    {EXAM_REVIEW_WRONG, CMD_SHOW_WRONG, "Wrong"},
    {EXAM_REVIEW_FLAGGED, CMD_SHOW_FLAGGED, "Flagged"},
    {EXAM_REVIEW_UNSCORED, CMD_SHOW_UNSCORED, "Unscored"},
};
typedef struct AnswersState {
    const ExamSession *exam;      /* the results' ended session (not owned) */
    ExamReviewFilter filter;
    int domain;                   /* -1: every domain */
    int pos;                      /* form position */
    int *shown_pos;               /* NULL, or told each position shown (the launcher's) */
    QuestionView q;
    char *banner;                 /* owned: what the question was (drawn above it, wrapped) */
} AnswersState;

static bool visible(App *app, const AnswersState *s, int i)
{
    return exam_review_matches(app->bank, &s->exam->form.items[i], s->filter, s->domain);
}

static void show_answer(App *app, AnswersState *s, int pos)
{
    const ExamForm *form = &s->exam->form;
    if (pos < 0 || pos >= form->count)
        return;
    s->pos = pos;
    if (s->shown_pos)
        *s->shown_pos = pos;
    const FormItem *fi = &form->items[pos];
    qview_set(app, &s->q, fi->item, fi->order);
    s->q.chosen = fi->answer;
    s->q.revealed = true;
    s->q.show_whys = true;
    bool right = exam_review_right(app->bank, fi);
    char time[32];
    exam_format_time(exam_review_seconds(fi), time, sizeof time);
    free(s->banner);
    s->banner = strbuf_format("Question %d of %d: %s%s%s, %s", pos + 1, form->count,
                              fi->answer == 0 ? "Unanswered" : right ? "Right" : "Wrong",
                              fi->scored ? "" : ", unscored (did not count)", fi->flagged ? ", flagged" : "", time);
}

/* The next question the filters show in direction `dir` (1 or -1), or -1. */
static int neighbour(App *app, const AnswersState *s, int dir)
{
    for (int i = s->pos + dir; i >= 0 && i < s->exam->form.count; i += dir)
        if (visible(app, s, i))
            return i;
    return -1;
}

static void step(App *app, AnswersState *s, int dir)
{
    int to = neighbour(app, s, dir);
    if (to >= 0) {
        show_answer(app, s, to);
        return;
    }
    app_status(app, dir > 0 ? "That was the last question this filter shows." :
                              "That was the first question this filter shows.");
}

static void set_filter(App *app, AnswersState *s, ExamReviewFilter f)
{
    s->filter = f;
    if (visible(app, s, s->pos))
        return;
    for (int i = 0; i < s->exam->form.count; i++)
        if (visible(app, s, i)) {
            show_answer(app, s, i);
            return;
        }
    app_status(app, "No question matches this filter.");
}

static void *answers_enter(App *app, const void *arg)
{
    const AnswersLaunch *launch = arg;
    if (!launch || !launch->exam)
        return NULL;
    AnswersState *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->exam = launch->exam;
    s->filter = launch->filter;
    s->domain = launch->domain;
    s->shown_pos = launch->shown_pos;
    show_answer(app, s, launch->pos >= 0 && launch->pos < s->exam->form.count ? launch->pos : 0);
    return s;
}

static void answers_leave(App *app, void *state)
{
    (void)app;
    AnswersState *s = state;
    free(s->banner);
    free(s);
}

static void report(App *app, const AnswersState *s)
{
    const FormItem *fi = &s->exam->form.items[s->pos];
    report_open(app, fi->item, fi->answer, true);
}

static const KeyMap *answers_keys(App *app, void *state)
{
    AnswersState *s = state;
    return qview_has_refs(app, &s->q) ? &ANSWERS_REFS_KEYS : &ANSWERS_KEYS;
}

static void answers_action(App *app, void *state, const Action *a)
{
    AnswersState *s = state;
    switch (a->type) {
    case ACT_BACK: app_pop(app); return;
    case ACT_RIGHT: case ACT_CONFIRM: step(app, s, 1); return;
    case ACT_LEFT: step(app, s, -1); return;
    case ACT_SELECT: /* the "All domains" button */
        s->domain = -1;
        return;
    case ACT_COMMAND:
        for (int f = 0; f < EXAM_REVIEW_FILTERS; f++)
            if (a->value == (int)EXAM_FILTER_BUTTONS[f].command) {
                set_filter(app, s, EXAM_FILTER_BUTTONS[f].filter);
                return;
            }
        switch (a->value) {
        case CMD_NEXT: step(app, s, 1); return;
        case CMD_PREV: step(app, s, -1); return;
        case CMD_REPORT: report(app, s); return;
        default: qview_action(app, &s->q, a); return;
        }
    default: qview_action(app, &s->q, a); return;
    }
}

static int answers_update(App *app, void *state, int dt_ms)
{
    (void)app;
    (void)state;
    (void)dt_ms;
    return SCREEN_IDLE;
}

/* Previous and Next as buttons under the question, as on the exam: with
 * their keys ("P  Previous") when one row holds them, else the words
 * alone; each is left out when the filters show no question that way.
 * Returns the height; draws from `y` when `draw`. In a compact window
 * (ui_compact) they join the buttons above instead (0 here), so the
 * question keeps its room. */
static int answers_controls(App *app, const AnswersState *s, const KeyMap *map, int y, bool draw)
{
    static const Command CMDS[] = {CMD_PREV, CMD_NEXT};
    static const char *const WORDS[] = {"Previous", "Next"};
    static const int DIRS[] = {-1, 1};
    char labels[2][64];
    ExamButton b[2];
    int margin = app_px(app, 28), w = app->w - margin * 2;
    int one_row = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 20);
    int n = 0, h = 0;
    if (ui_compact(app))
        return 0;
    for (int keys = 1; keys >= 0; keys--) {
        n = 0;
        for (int i = 0; i < 2; i++) {
            if (neighbour(app, s, DIRS[i]) < 0)
                continue;
            if (keys)
                keys_hint(map, CMDS[i], WORDS[i], labels[n], sizeof labels[n]);
            else
                snprintf(labels[n], sizeof labels[n], "%s", WORDS[i]);
            b[n] = (ExamButton){.label = labels[n], .action = {.type = ACT_COMMAND, .value = (int)CMDS[i]},
                                .check = -1};
            n++;
        }
        h = exam_buttons(app, b, n, margin, y, w, false);
        if (h <= one_row)
            break;
    }
    return draw ? exam_buttons(app, b, n, margin, y, w, true) : h;
}

/* The footer: the rows of `map` but Next and Previous, which the buttons
 * show (their keys stay bound). */
static KeyMap footer_map(const KeyMap *map, KeyBinding *rows, int cap)
{
    int n = 0;
    for (int i = 0; i < map->count && n < cap; i++)
        if (map->rows[i].command != CMD_NEXT && map->rows[i].command != CMD_PREV)
            rows[n++] = map->rows[i];
    return (KeyMap){rows, n};
}

static void answers_draw(App *app, void *state)
{
    AnswersState *s = state;
    const KeyMap *map = answers_keys(app, s);
    ui_background(app);
    /* In a window short for the text size the banner says where the
     * learner is ("Question 3 of 65: Wrong"), and the title's room goes to
     * the question. */
    int top = app_px(app, 10);
    if (!ui_compact(app)) {
        ui_title(app, "Review answers", NULL);
        top = app_px(app, 18) + text_line_height(app, FONT_TITLE) + app_px(app, 10);
    }
    int margin = app_px(app, 28);
    Flow f;
    flow_begin(app, &f, margin, app->w - margin, top, false);
    char label[96];
    for (int i = 0; i < EXAM_REVIEW_FILTERS; i++) {
        const ExamFilterButton *b = &EXAM_FILTER_BUTTONS[i];
        flow_button(app, &f, keys_hint(map, b->command, b->name, label, sizeof label), s->filter == b->filter,
                    (Action){.type = ACT_COMMAND, .value = b->command});
    }
    if (s->domain >= 0)
        flow_button(app, &f, "All domains", false, (Action){.type = ACT_SELECT, .value = -1});
    flow_button(app, &f, keys_hint(map, CMD_REPORT, "Report", label, sizeof label), false,
                (Action){.type = ACT_COMMAND, .value = CMD_REPORT});
    if (ui_compact(app)) {
        if (neighbour(app, s, -1) >= 0)
            flow_button(app, &f, keys_hint(map, CMD_PREV, "Previous", label, sizeof label), false,
                        (Action){.type = ACT_COMMAND, .value = CMD_PREV});
        if (neighbour(app, s, 1) >= 0)
            flow_button(app, &f, keys_hint(map, CMD_NEXT, "Next", label, sizeof label), false,
                        (Action){.type = ACT_COMMAND, .value = CMD_NEXT});
    }
    top = flow_bottom(&f) + app_px(app, 10);
    if (s->banner) {
        Pen pen = {false, 0, app->h};
        const FormItem *fi = &s->exam->form.items[s->pos];
        SDL_Color c = exam_review_right(app->bank, fi) ? app->theme.good : app->theme.warn;
        top += pen_say(app, &pen, FONT_BODY_BOLD, c, margin, top, app->w - margin * 2, "%s", s->banner) +
               app_px(app, 8);
    }
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 28);
    int controls = answers_controls(app, s, map, 0, false);
    int cy = app->h - footer - controls - app_px(app, 6);
    int bottom = controls > 0 ? cy - app_px(app, 10) : app->h - footer;
    qview_draw(app, &s->q, (SDL_Rect){margin, top, app->w - margin * 2, bottom - top});
    answers_controls(app, s, map, cy, true);
    KeyBinding rows[16];
    KeyMap footer_keys = footer_map(map, rows, 16);
    ui_footer_keys(app, &footer_keys);
}

const Screen SCREEN_ANSWERS = {
    .name = "answers",
    .enter = answers_enter,
    .leave = answers_leave,
    .action = answers_action,
    .update = answers_update,
    .draw = answers_draw,
    .keys = answers_keys,
};
