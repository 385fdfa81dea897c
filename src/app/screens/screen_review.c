/* The review grid of a running exam: every question as a cell (answered,
 * flagged), filters, a jump to any question, and the end of the exam. It
 * works on the exam screen's ExamSession; the clock keeps running here, as on
 * the real exam. */
#include <stdlib.h>

#include "confirm.h"
#include "exam.h"
#include "exam_session.h"
#include "keys.h"
#include "text.h"
#include "ui.h"

static const KeyBinding REVIEW_ROWS[] = {
    {"Arrows", 0, CMD_NONE, "move", false},
    {"Enter", 0, CMD_NONE, "go to the question", false},
    {"A", 'A', CMD_SHOW_ALL, "all", true},
    {"U", 'U', CMD_SHOW_UNANSWERED, "unanswered", true},
    {"F", 'F', CMD_SHOW_FLAGGED, "flagged", true},
    {"E", 'E', CMD_END, "end the exam", false},
    {"Esc", 0, CMD_NONE, "back", false},
};
static const KeyMap REVIEW_KEYS = KEYMAP(REVIEW_ROWS);

typedef enum ReviewFilter { FILTER_ALL, FILTER_UNANSWERED, FILTER_FLAGGED } ReviewFilter;

typedef struct ReviewState {
    ExamSession *exam;    /* the exam screen's session (not owned) */
    ReviewFilter filter;
    int selected;         /* form position */
    Confirm end;          /* "End the exam now?" (a timed exam's clock keeps running) */
} ReviewState;

static const KeyMap *review_keys(App *app, void *state)
{
    (void)app;
    const ReviewState *r = state;
    return r->end.open ? confirm_keys() : &REVIEW_KEYS;
}

static void ask_to_end(ReviewState *r)
{
    int unanswered, flagged;
    exam_session_counts(r->exam, &unanswered, &flagged);
    char msg[300];
    snprintf(msg, sizeof msg, "%d question%s unanswered (they count as wrong) and %d flagged. You cannot change "
             "answers after this.", unanswered, unanswered == 1 ? " is" : "s are", flagged);
    confirm_open(&r->end, 0, "End the exam now?", msg, "Keep working", "End and score");
}

static bool visible(const ReviewState *r, int i)
{
    const FormItem *fi = &r->exam->form.items[i];
    switch (r->filter) {
    case FILTER_ALL: return true;
    case FILTER_UNANSWERED: return fi->answer == 0;
    case FILTER_FLAGGED: return fi->flagged;
    }
    return true;
}

static void select_first_visible(ReviewState *r)
{
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
    return r;
}

static void review_leave(App *app, void *state)
{
    (void)app;
    free(state);
}

static int grid_columns(const App *app)
{
    return app->w >= app_px(app, 1100) ? 13 : 10;
}

static void move_selection(ReviewState *r, int step)
{
    int i = r->selected;
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

static void review_action(App *app, void *state, const Action *a)
{
    ReviewState *r = state;
    ExamSession *exam = r->exam;
    if (r->end.open) {
        if (confirm_action(&r->end, a) == CONFIRM_RISKY) {
            exam_session_finish(exam, app_now(app)); /* a failed save is shown with the results */
            app_pop(app); /* the exam screen below shows the results */
        }
        return;
    }
    int cols = grid_columns(app);
    switch (a->type) {
    case ACT_BACK: app_pop(app); return;
    case ACT_LEFT: move_selection(r, -1); return;
    case ACT_RIGHT: case ACT_TAB: move_selection(r, 1); return;
    case ACT_UP: if (r->selected - cols >= 0 && visible(r, r->selected - cols)) r->selected -= cols; else move_selection(r, -1); return;
    case ACT_DOWN: if (r->selected + cols < exam->form.count && visible(r, r->selected + cols)) r->selected += cols; else move_selection(r, 1); return;
    case ACT_SELECT: r->selected = a->value; /* fall through: a click jumps */
    /* fall through */
    case ACT_CONFIRM:
        if (visible(r, r->selected)) {
            if (!exam_session_goto(exam, r->selected))
                app_status(app, "Not saved: %s", exam->error);
            app_pop(app); /* the exam screen below shows that item */
        }
        return;
    case ACT_COMMAND:
        switch (a->value) {
        case CMD_END: ask_to_end(r); return;
        case CMD_SHOW_ALL: r->filter = FILTER_ALL; break;
        case CMD_SHOW_UNANSWERED: r->filter = FILTER_UNANSWERED; break;
        case CMD_SHOW_FLAGGED: r->filter = FILTER_FLAGGED; break;
        default: return;
        }
        select_first_visible(r);
        return;
    default: return;
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
        app_pop(app); /* the exam screen below shows the results */
        return SCREEN_IDLE;
    }
    return r->exam->form.seconds_total > 0 ? (r->exam->remaining_ms % 1000) + 1 : SCREEN_IDLE;
}

static void review_draw(App *app, void *state)
{
    ReviewState *r = state;
    const ExamSession *exam = r->exam;
    const Theme *t = &app->theme;
    ui_background(app);
    int unanswered, flagged;
    exam_session_counts(exam, &unanswered, &flagged);
    char label[96], clock[32];
    if (exam->form.seconds_total > 0) {
        exam_format_time(exam_session_clock_seconds(exam), clock, sizeof clock);
        snprintf(label, sizeof label, "%s left", clock);
    } else {
        snprintf(label, sizeof label, "%d questions", exam->form.count);
    }
    ui_title(app, "Review", label);
    int margin = app_px(app, 36);
    int y = app_px(app, 78);
    static const Command FILTERS[] = {CMD_SHOW_ALL, CMD_SHOW_UNANSWERED, CMD_SHOW_FLAGGED};
    static const char *const NAMES[] = {"All", "Unanswered", "Flagged"};
    int x = margin;
    for (int f = 0; f < 3; f++) {
        bool on = (int)r->filter == f;
        char chip[64];
        keys_hint(&REVIEW_KEYS, FILTERS[f], NAMES[f], chip, sizeof chip);
        x += ui_chip(app, x, y, chip, on ? t->accent : ui_alpha(t->border, 120), on ? t->bg : t->text) +
             app_px(app, 10);
    }
    snprintf(label, sizeof label, "%d answered, %d unanswered, %d flagged", exam->form.count - unanswered,
             unanswered, flagged);
    text_draw(app, FONT_SMALL, label, app->w - margin, y + app_px(app, 2), t->text_dim, ALIGN_RIGHT);
    y += text_line_height(app, FONT_SMALL) + app_px(app, 22);
    int cols = grid_columns(app);
    int gap = app_px(app, 10);
    int cell = (app->w - margin * 2 - gap * (cols - 1)) / cols;
    int rows = (exam->form.count + cols - 1) / cols;
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 40);
    int ch = (app->h - y - footer - gap * (rows - 1)) / (rows > 0 ? rows : 1);
    if (ch > app_px(app, 64)) ch = app_px(app, 64);
    if (ch > cell) ch = cell;
    for (int i = 0; i < exam->form.count; i++) {
        SDL_Rect c = {margin + (i % cols) * (cell + gap), y + (i / cols) * (ch + gap), cell, ch};
        const FormItem *fi = &exam->form.items[i];
        bool vis = visible(r, i);
        SDL_Color bg = fi->answer ? ui_mix(t->panel, t->accent2, 0.45f) : t->panel;
        if (!vis)
            bg = ui_alpha(t->panel, 70);
        if (i == r->selected && vis)
            ui_round_rect(app, (SDL_Rect){c.x - 3, c.y - 3, c.w + 6, c.h + 6}, app_px(app, 10), t->accent);
        ui_round_rect(app, c, app_px(app, 8), bg);
        char num[16];
        snprintf(num, sizeof num, "%d", i + 1);
        text_draw(app, FONT_BODY_BOLD, num, c.x + c.w / 2, c.y + (c.h - text_line_height(app, FONT_BODY_BOLD)) / 2,
                  vis ? (fi->answer ? t->text : t->text_dim) : ui_alpha(t->text_dim, 90), ALIGN_CENTER);
        if (fi->flagged) {
            SDL_Vertex tri[3] = {
                {{(float)(c.x + c.w), (float)c.y}, t->flag, {0, 0}},
                {{(float)(c.x + c.w), (float)(c.y + c.h / 2)}, t->flag, {0, 0}},
                {{(float)(c.x + c.w - c.h / 2), (float)c.y}, t->flag, {0, 0}},
            };
            SDL_RenderGeometry(app->renderer, NULL, tri, 3, NULL, 0);
        }
        if (vis)
            app_hit(app, c, (Action){.type = ACT_SELECT, .value = i});
    }
    confirm_draw(app, &r->end);
    ui_footer_keys(app, review_keys(app, r));
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
