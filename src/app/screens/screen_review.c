/* The review grid of a running exam: every question as a cell (answered,
 * incomplete, unanswered, flagged), filters, a click or Enter on a cell to
 * go to that question, and End exam (which asks, naming what is left). It
 * works on the exam screen's ExamSession; the clock keeps running here, as
 * on the real exam. The grid scrolls when large text needs the room. */
#include <stdlib.h>

#include "chart.h"
#include "confirm.h"
#include "exam.h"
#include "exam_session.h"
#include "keys.h"
#include "text.h"
#include "ui.h"

static const KeyBinding REVIEW_ROWS[] = {
    {"Enter", 0, CMD_NONE, "go to the question", false},
    {"Arrows", 0, CMD_NONE, "move", true},
    {"A", 'A', CMD_SHOW_ALL, "All", false},
    {"U", 'U', CMD_SHOW_UNANSWERED, "Unanswered", false},
    {"F", 'F', CMD_SHOW_FLAGGED, "Flagged", false},
    {"E", 'E', CMD_END, "End exam", false},
    {"Esc", 0, CMD_NONE, "Back to the exam", false},
};
static const KeyMap REVIEW_KEYS = KEYMAP(REVIEW_ROWS);

/* The footer under the buttons: only what no button shows. */
static const KeyBinding FOOTER_ROWS[] = {
    {"Enter", 0, CMD_NONE, "go to the question", false},
    {"Arrows", 0, CMD_NONE, "move", true},
};
static const KeyMap FOOTER_KEYS = KEYMAP(FOOTER_ROWS);

typedef enum ReviewFilter { FILTER_ALL, FILTER_UNANSWERED, FILTER_FLAGGED } ReviewFilter;

typedef struct ReviewState {
    ExamSession *exam;    /* the exam screen's session (not owned) */
    ReviewFilter filter;
    int selected;         /* form position */
    int columns;          /* of the grid as last drawn */
    bool follow;          /* scroll the selected cell into sight on the next frame */
    Scroll scroll;
    Confirm end;          /* "End the exam?" (a timed exam's clock keeps running) */
} ReviewState;

static const KeyMap *review_keys(App *app, void *state)
{
    (void)app;
    const ReviewState *r = state;
    return r->end.open ? confirm_keys() : &REVIEW_KEYS;
}

static void ask_to_end(ReviewState *r)
{
    ExamTally t = exam_session_tally(r->exam);
    char msg[300], flags[64] = "";
    if (t.flagged > 0)
        snprintf(flags, sizeof flags, " %d flagged for review.", t.flagged);
    if (t.unanswered + t.incomplete > 0)
        snprintf(msg, sizeof msg, "%d unanswered and %d incomplete: they count as wrong.%s You cannot change "
                 "answers after this.", t.unanswered, t.incomplete, flags);
    else
        snprintf(msg, sizeof msg, "Every question is answered.%s You cannot change answers after this.", flags);
    confirm_open(&r->end, 0, "End the exam?", msg, "Back to the exam", "End exam");
}

/* "Unanswered" shows every question still to answer: incomplete ones too. */
static bool visible(const ReviewState *r, int i)
{
    switch (r->filter) {
    case FILTER_ALL: return true;
    case FILTER_UNANSWERED: return exam_session_item_status(r->exam, i) != EXAM_ITEM_ANSWERED;
    case FILTER_FLAGGED: return r->exam->form.items[i].flagged;
    }
    return true;
}

static void select_first_visible(ReviewState *r)
{
    r->follow = true;
    if (visible(r, r->selected))
        return;
    for (int i = 0; i < r->exam->form.count; i++)
        if (visible(r, i)) {
            r->selected = i;
            return;
        }
}

static void *review_enter(App *app, const void *arg)
{
    (void)app;
    ReviewState *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->exam = (ExamSession *)arg;
    r->selected = r->exam->pos;
    r->columns = 10;
    r->follow = true;
    return r;
}

static void review_leave(App *app, void *state)
{
    (void)app;
    free(state);
}

static void move_selection(ReviewState *r, int step)
{
    int i = r->selected;
    r->follow = true;
    for (int k = 0; k < r->exam->form.count; k++) {
        i += step;
        if (i < 0 || i >= r->exam->form.count)
            return;
        if (visible(r, i)) {
            r->selected = i;
            return;
        }
    }
}

/* Up or down a row when that cell is shown, else to the previous or next shown one. */
static void move_row(ReviewState *r, int rows)
{
    int to = r->selected + rows * r->columns;
    if (to >= 0 && to < r->exam->form.count && visible(r, to)) {
        r->selected = to;
        r->follow = true;
    } else {
        move_selection(r, rows);
    }
}

static void go_to(App *app, ReviewState *r, int pos)
{
    if (pos < 0 || pos >= r->exam->form.count || !visible(r, pos))
        return;
    if (!exam_session_goto(r->exam, pos))
        app_status(app, "Not saved: %s", r->exam->error);
    app_pop(app); /* the exam screen below shows that item */
}

static void set_filter(ReviewState *r, ReviewFilter f)
{
    r->filter = f;
    r->scroll.offset = 0;
    select_first_visible(r);
}

static void review_action(App *app, void *state, const Action *a)
{
    ReviewState *r = state;
    if (r->end.open) {
        if (confirm_action(&r->end, a) == CONFIRM_RISKY) {
            exam_session_finish(r->exam, app_now(app)); /* a failed save is shown with the results */
            app_pop(app); /* the exam screen below shows the results */
        }
        return;
    }
    switch (a->type) {
    case ACT_BACK: app_pop(app); return;
    case ACT_LEFT: move_selection(r, -1); return;
    case ACT_RIGHT: case ACT_TAB: move_selection(r, 1); return;
    case ACT_UP: move_row(r, -1); return;
    case ACT_DOWN: move_row(r, 1); return;
    case ACT_SELECT: go_to(app, r, a->value); return; /* a click on a cell */
    case ACT_CONFIRM: go_to(app, r, r->selected); return;
    case ACT_COMMAND:
        switch (a->value) {
        case CMD_END: ask_to_end(r); return;
        case CMD_SHOW_ALL: set_filter(r, FILTER_ALL); return;
        case CMD_SHOW_UNANSWERED: set_filter(r, FILTER_UNANSWERED); return;
        case CMD_SHOW_FLAGGED: set_filter(r, FILTER_FLAGGED); return;
        default: return;
        }
    default: ui_scroll_action(app, &r->scroll, a); return; /* the wheel and page keys */
    }
}

static int review_update(App *app, void *state, int dt_ms)
{
    ReviewState *r = state;
    if (r->exam->ended || (r->end.open && r->exam->form.seconds_total == 0))
        return SCREEN_IDLE;
    /* The exam clock keeps running on the review screen, as on the real exam. */
    ExamTick t = exam_session_tick(r->exam, dt_ms, app_now(app));
    if (t.second)
        app_redraw(app);
    if (t.save_failed)
        app_status(app, "Not saved: %s", r->exam->error);
    if (t.time_up) {
        app_pop(app); /* the exam screen below shows "Time's up" */
        return SCREEN_IDLE;
    }
    return r->exam->form.seconds_total > 0 ? exam_session_ms_to_second(r->exam) : SCREEN_IDLE;
}

/* A cell's colour by status, shared by the grid and its legend. */
static SDL_Color status_colour(const Theme *t, ExamItemStatus st)
{
    switch (st) {
    case EXAM_ITEM_ANSWERED: return ui_mix(t->panel, t->accent2, 0.45f);
    case EXAM_ITEM_INCOMPLETE: return ui_mix(t->panel, t->warn, 0.45f);
    case EXAM_ITEM_UNANSWERED: break;
    }
    return t->panel_hi;
}

/* The counts as chips in the cells' colours, wrapping. Returns the height. */
static int draw_legend(App *app, const ExamSession *exam, int x, int y, int w)
{
    const Theme *t = &app->theme;
    ExamTally tally = exam_session_tally(exam);
    char text[4][48];
    snprintf(text[0], sizeof text[0], "%d answered", tally.answered);
    snprintf(text[1], sizeof text[1], "%d incomplete", tally.incomplete);
    snprintf(text[2], sizeof text[2], "%d unanswered", tally.unanswered);
    snprintf(text[3], sizeof text[3], "%d flagged", tally.flagged);
    SDL_Color bg[4] = {status_colour(t, EXAM_ITEM_ANSWERED), status_colour(t, EXAM_ITEM_INCOMPLETE),
                       status_colour(t, EXAM_ITEM_UNANSWERED), ui_alpha(t->flag, 70)};
    int gap = app_px(app, 8), line = text_line_height(app, FONT_SMALL) + app_px(app, 4);
    int cx = x, cy = y;
    for (int i = 0; i < 4; i++) {
        int tw = 0, th = 0;
        text_size(app, FONT_SMALL, text[i], &tw, &th);
        int cw = tw + app_px(app, 16);
        if (cx > x && cx + cw > x + w) {
            cx = x;
            cy += line + gap;
        }
        cx += ui_chip(app, cx, cy, text[i], bg[i], i == 3 ? t->flag : t->text) + gap;
    }
    return cy - y + line;
}

/* The cell's label for clicks: "Question 5 (incomplete, flagged)". */
static void cell_label(const ExamSession *exam, int i, char *out, size_t size)
{
    static const char *const NAMES[] = {"unanswered", "incomplete", "answered"};
    snprintf(out, size, "Question %d (%s%s)", i + 1, NAMES[exam_session_item_status(exam, i)],
             exam->form.items[i].flagged ? ", flagged" : "");
}

static void draw_cell(App *app, const ReviewState *r, int i, SDL_Rect c)
{
    const Theme *t = &app->theme;
    const ExamSession *exam = r->exam;
    const FormItem *fi = &exam->form.items[i];
    bool vis = visible(r, i);
    ExamItemStatus st = exam_session_item_status(exam, i);
    SDL_Color bg = vis ? status_colour(t, st) : ui_alpha(t->panel, 70);
    if (i == r->selected && vis)
        ui_round_rect(app, (SDL_Rect){c.x - 3, c.y - 3, c.w + 6, c.h + 6}, app_px(app, 10), t->accent);
    ui_round_rect(app, c, app_px(app, 8), bg);
    char num[16];
    snprintf(num, sizeof num, "%d", i + 1);
    text_draw(app, FONT_BODY_BOLD, num, c.x + c.w / 2, c.y + (c.h - text_line_height(app, FONT_BODY_BOLD)) / 2,
              vis ? (st != EXAM_ITEM_UNANSWERED ? t->text : t->text_dim) : ui_alpha(t->text_dim, 90),
              ALIGN_CENTER);
    if (fi->flagged) {
        SDL_Vertex tri[3] = {
            {{(float)(c.x + c.w), (float)c.y}, t->flag, {0, 0}},
            {{(float)(c.x + c.w), (float)(c.y + c.h / 2)}, t->flag, {0, 0}},
            {{(float)(c.x + c.w - c.h / 2), (float)c.y}, t->flag, {0, 0}},
        };
        SDL_RenderGeometry(app->renderer, NULL, tri, 3, NULL, 0);
    }
    if (vis) {
        char label[64];
        cell_label(exam, i, label, sizeof label);
        app_hit_label(app, c, (Action){.type = ACT_SELECT, .value = i}, label);
    }
}

/* The grid in `view`, scrolled; keeps the selected cell in sight when asked. */
static void draw_grid(App *app, ReviewState *r, SDL_Rect view)
{
    const ExamSession *exam = r->exam;
    int gap = app_px(app, 10), pad = app_px(app, 6);
    int tw = 0, th = 0;
    text_size(app, FONT_BODY_BOLD, "888", &tw, &th);
    int min_w = tw + app_px(app, 16);
    int cols = (view.w - pad * 2 + gap) / (min_w + gap);
    cols = cols > 13 ? 13 : cols < 1 ? 1 : cols;
    r->columns = cols;
    int cell = (view.w - pad * 2 - gap * (cols - 1)) / cols;
    int ch = th + app_px(app, ui_compact(app) ? 10 : 18);
    int rows = (exam->form.count + cols - 1) / cols;
    r->scroll.view = view.h;
    r->scroll.content = rows * (ch + gap) + pad;
    if (r->follow) {
        int row_top = (r->selected / cols) * (ch + gap);
        if (row_top < r->scroll.offset)
            r->scroll.offset = row_top;
        if (row_top + ch + pad * 2 > r->scroll.offset + view.h)
            r->scroll.offset = row_top + ch + pad * 2 - view.h;
        r->follow = false;
    }
    int max = r->scroll.content - r->scroll.view;
    if (r->scroll.offset > max)
        r->scroll.offset = max > 0 ? max : 0;
    ChartClip saved;
    chart_clip_push(app, view, &saved);
    int shown = 0;
    for (int i = 0; i < exam->form.count; i++)
        shown += visible(r, i);
    if (shown == 0) {
        r->scroll.content = 0;
        r->scroll.offset = 0;
        const char *none = r->filter == FILTER_FLAGGED ? "No question is flagged for review."
                                                        : "Every question is answered.";
        text_draw_wrapped(app, FONT_BODY, none, view.x + pad, view.y + pad, view.w - pad * 2, app->theme.text_dim,
                          view.y, view.y + view.h);
    }
    for (int i = 0; i < exam->form.count && shown > 0; i++) {
        SDL_Rect c = {view.x + pad + (i % cols) * (cell + gap), view.y + pad + (i / cols) * (ch + gap) -
                      r->scroll.offset, cell, ch};
        if (c.y + c.h >= view.y && c.y <= view.y + view.h)
            draw_cell(app, r, i, c);
    }
    chart_clip_pop(app, &saved);
    ui_scrollbar(app, (SDL_Rect){view.x + view.w, view.y, app_px(app, 10), view.h}, &r->scroll);
}

/* Filters, and Back to the exam and End exam; the current filter is lit. */
static int review_buttons(const ReviewState *r, ExamButton *out, char labels[][64])
{
    static const Command CMDS[] = {CMD_SHOW_ALL, CMD_SHOW_UNANSWERED, CMD_SHOW_FLAGGED, CMD_NONE, CMD_END};
    static const char *const NAMES[] = {"All", "Unanswered", "Flagged", "Back to the exam", "End exam"};
    for (int i = 0; i < 5; i++) {
        if (CMDS[i] == CMD_NONE)
            snprintf(labels[i], 64, "Esc  %s", NAMES[i]);
        else
            keys_hint(&REVIEW_KEYS, CMDS[i], NAMES[i], labels[i], 64);
        out[i] = (ExamButton){.label = labels[i], .check = -1, .on = i < 3 && (int)r->filter == i,
                              .action = CMDS[i] == CMD_NONE ? (Action){.type = ACT_BACK}
                                                            : (Action){.type = ACT_COMMAND, .value = (int)CMDS[i]}};
    }
    return 5;
}

static void review_draw(App *app, void *state)
{
    ReviewState *r = state;
    const ExamSession *exam = r->exam;
    ui_background(app);
    char label[96], clock[32];
    if (exam->form.seconds_total > 0) {
        exam_format_time(exam_session_clock_seconds(exam), clock, sizeof clock);
        snprintf(label, sizeof label, "%s left", clock);
    } else {
        snprintf(label, sizeof label, "%d questions", exam->form.count);
    }
    bool compact = ui_compact(app);
    int margin = app_px(app, 28), inner = app->w - margin * 2;
    int y = ui_title_fit(app, "Review", label) + app_px(app, compact ? 8 : 14);
    ExamButton b[5];
    char labels[5][64];
    review_buttons(r, b, labels);
    int space = app_px(app, compact ? 6 : 12);
    y += exam_buttons(app, b, 3, margin, y, inner, true) + space;
    y += draw_legend(app, exam, margin, y, inner) + app_px(app, compact ? 6 : 10);
    int bh = exam_buttons(app, b + 3, 2, margin, 0, inner, false);
    int footer = compact ? app->h - ui_footer_top(app) : text_line_height(app, FONT_SMALL) + app_px(app, 28);
    int by = app->h - footer - bh - app_px(app, compact ? 4 : 8);
    int grid_h = by - app_px(app, compact ? 6 : 8) - y;
    draw_grid(app, r, (SDL_Rect){margin - app_px(app, 6), y, inner - app_px(app, 2), grid_h});
    exam_buttons(app, b + 3, 2, margin, by, inner, true);
    confirm_draw(app, &r->end);
    ui_footer_keys(app, r->end.open ? confirm_keys() : &FOOTER_KEYS);
}

const Screen SCREEN_REVIEW = {
    .name = "review",
    .enter = review_enter,
    .leave = review_leave,
    .action = review_action,
    .update = review_update,
    .draw = review_draw,
    .keys = review_keys,
};
