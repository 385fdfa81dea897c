/* The question list of a finished exam: every question with right or
 * wrong, flagged, unscored, the time spent on it against the exam's pace
 * and its domain, filtered by what happened and by domain (D steps through
 * the domains, their numbers pick one, 0 all). A row (click, or Up/Down
 * and Enter) opens the answer review on that question with the same
 * filter; back from it, the row of the question last shown stays selected
 * and in view. */
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "exam.h"
#include "examreview.h"
#include "flow.h"
#include "keys.h"
#include "text.h"
#include "ui.h"

static const KeyBinding QUESTIONS_ROWS[] = {
    {"Up/Down", 0, CMD_NONE, "choose", false},
    {"Enter", 0, CMD_NONE, "open", false},
    {"Esc", 0, CMD_NONE, "back", false},
    EXAM_FILTER_KEY_ROWS,
    {"D", 'D', CMD_NEXT_DOMAIN, "next domain", true},
};
enum { QUESTIONS_ROW_COUNT = (int)(sizeof QUESTIONS_ROWS / sizeof QUESTIONS_ROWS[0]) };
static const KeyMap QUESTIONS_KEYS = KEYMAP(QUESTIONS_ROWS);

typedef struct QuestionsState {
    const ExamSession *exam;      /* the results' ended session (not owned) */
    ExamReviewFilter filter;
    int domain;                   /* -1: every domain */
    int *shown;                   /* owned: the positions the filters keep, in order */
    int shown_count;
    int selected;                 /* index into shown */
    bool follow;                  /* keep the selected row in view at the next draw */
    int *row_top, *row_h;         /* owned, by index into shown: where each row was drawn (content y) */
    int answers_pos;              /* the form position the answer review opened on top shows last */
    ExamPacing pacing;
    Scroll scroll;
    char digit_keys[8];           /* "1-4": the digits that pick a domain in this bank */
    KeyBinding footer_rows[QUESTIONS_ROW_COUNT + 2];
    KeyMap footer;                /* QUESTIONS_ROWS and the digit rows */
} QuestionsState;

/* The footer: the key rows, then the domains' digits as the bank has them
 * ("1-4  domain", "0  all domains"; digits go up to 9). */
static void make_footer(const Bank *b, QuestionsState *s)
{
    int n = b->domain_count < 9 ? b->domain_count : 9;
    if (n > 1)
        snprintf(s->digit_keys, sizeof s->digit_keys, "1-%d", n);
    else
        snprintf(s->digit_keys, sizeof s->digit_keys, "1");
    int k = 0;
    for (; k < QUESTIONS_ROW_COUNT; k++)
        s->footer_rows[k] = QUESTIONS_ROWS[k];
    s->footer_rows[k++] = (KeyBinding){s->digit_keys, 0, CMD_NONE, "domain", true};
    s->footer_rows[k++] = (KeyBinding){"0", 0, CMD_NONE, "all domains", true};
    s->footer = (KeyMap){s->footer_rows, k};
}

static void refilter(App *app, QuestionsState *s)
{
    s->shown_count = 0;
    for (int i = 0; i < s->exam->form.count; i++)
        if (exam_review_matches(app->bank, &s->exam->form.items[i], s->filter, s->domain))
            s->shown[s->shown_count++] = i;
    s->selected = 0;
    s->scroll.offset = 0;
    if (s->shown_count == 0)
        app_status(app, "No question matches these filters.");
}

static void *questions_enter(App *app, const void *arg)
{
    const ExamSession *exam = arg;
    if (!exam)
        return NULL;
    QuestionsState *s = calloc(1, sizeof *s);
    size_t n = (size_t)(exam->form.count > 0 ? exam->form.count : 1);
    if (s) {
        s->shown = calloc(n, sizeof *s->shown);
        s->row_top = calloc(n, sizeof *s->row_top);
        s->row_h = calloc(n, sizeof *s->row_h);
    }
    if (!s || !s->shown || !s->row_top || !s->row_h) {
        if (s) {
            free(s->shown);
            free(s->row_top);
            free(s->row_h);
        }
        free(s);
        return NULL;
    }
    s->exam = exam;
    s->domain = -1;
    s->answers_pos = -1;
    make_footer(app->bank, s);
    exam_review_pacing(app->bank, &exam->form, &s->pacing);
    refilter(app, s);
    return s;
}

static void questions_leave(App *app, void *state)
{
    (void)app;
    QuestionsState *s = state;
    free(s->shown);
    free(s->row_top);
    free(s->row_h);
    free(s);
}

/* Selects the row of form position `pos` (when the filters show it) and
 * keeps it in view at the next draw. */
static void select_pos(QuestionsState *s, int pos)
{
    for (int k = 0; k < s->shown_count; k++)
        if (s->shown[k] == pos) {
            s->selected = k;
            s->follow = true;
            return;
        }
}

static void open_answers(App *app, QuestionsState *s, int pos)
{
    select_pos(s, pos);
    s->answers_pos = pos;
    app_push(app, &SCREEN_ANSWERS, &(AnswersLaunch){s->exam, pos, s->filter, s->domain, &s->answers_pos});
}

/* Back from the answer review: the question it showed last stays selected. */
static void questions_resume(App *app, void *state)
{
    (void)app;
    QuestionsState *s = state;
    select_pos(s, s->answers_pos);
    s->follow = true;
}

static void questions_action(App *app, void *state, const Action *a)
{
    QuestionsState *s = state;
    switch (a->type) {
    case ACT_BACK: app_pop(app); return;
    case ACT_UP:
    case ACT_DOWN:
        if (s->shown_count > 0) {
            s->selected += a->type == ACT_DOWN ? 1 : -1;
            s->selected = s->selected < 0 ? 0 : s->selected >= s->shown_count ? s->shown_count - 1 : s->selected;
            s->follow = true;
            app_redraw(app);
        }
        return;
    case ACT_CONFIRM:
        if (s->shown_count > 0)
            open_answers(app, s, s->shown[s->selected]);
        return;
    case ACT_SELECT: open_answers(app, s, a->value); return;
    case ACT_DIGIT:
        if (a->value >= 0 && a->value <= app->bank->domain_count) {
            s->domain = a->value - 1;
            refilter(app, s);
        }
        return;
    case ACT_COMMAND:
        if (a->value == CMD_NEXT_DOMAIN) {
            s->domain = s->domain + 1 < app->bank->domain_count ? s->domain + 1 : -1;
            refilter(app, s);
            return;
        }
        for (int f = 0; f < EXAM_REVIEW_FILTERS; f++)
            if (a->value == (int)EXAM_FILTER_BUTTONS[f].command) {
                s->filter = EXAM_FILTER_BUTTONS[f].filter;
                refilter(app, s);
            }
        return;
    default: ui_scroll_action(app, &s->scroll, a); return;
    }
}

static int questions_update(App *app, void *state, int dt_ms)
{
    (void)app;
    (void)state;
    (void)dt_ms;
    return SCREEN_IDLE;
}

/* The domain button's label for a row `w` wide: "D  Domain: Billing,
 * Pricing, and Support", without the key when that does not fit, then with
 * the name cut after a whole word ("Domain: Billing, Pricing..."). */
static void domain_label(App *app, int domain, int w, char *out, size_t size)
{
    char name[128];
    if (domain < 0) {
        keys_hint(&QUESTIONS_KEYS, CMD_NEXT_DOMAIN, "Domain: all", out, size);
        return;
    }
    const char *full = app->bank->domains[domain].name;
    snprintf(name, sizeof name, "Domain: %s", full);
    keys_hint(&QUESTIONS_KEYS, CMD_NEXT_DOMAIN, name, out, size);
    if (flow_measure(app, out).w <= w)
        return;
    snprintf(out, size, "%s", name);
    size_t keep = strlen(name);
    while (flow_measure(app, out).w > w && keep > strlen("Domain: ")) {
        while (keep > strlen("Domain: ") && name[keep - 1] != ' ') /* back to the previous word */
            keep--;
        while (keep > strlen("Domain: ") && (name[keep - 1] == ' ' || name[keep - 1] == ','))
            keep--;
        snprintf(out, size, "%.*s...", (int)keep, name);
    }
}

/* The filter and domain buttons; returns the y below them. */
static int draw_filters(App *app, QuestionsState *s, int x, int w, int y)
{
    char label[160];
    char name[128];
    Flow f;
    flow_begin(app, &f, x, x + w, y, false);
    for (int i = 0; i < EXAM_REVIEW_FILTERS; i++) {
        const ExamFilterButton *b = &EXAM_FILTER_BUTTONS[i];
        snprintf(name, sizeof name, "%s (%d)", b->name, exam_review_count(app->bank, &s->exam->form, b->filter,
                                                                           s->domain));
        flow_button(app, &f, keys_hint(&QUESTIONS_KEYS, b->command, name, label, sizeof label), s->filter == b->filter,
                    (Action){.type = ACT_COMMAND, .value = b->command});
    }
    domain_label(app, s->domain, w, label, sizeof label);
    flow_button(app, &f, label, s->domain >= 0, (Action){.type = ACT_COMMAND, .value = CMD_NEXT_DOMAIN});
    return flow_bottom(&f);
}

/* One question's row: what happened, its time against the pace, its
 * domain. Returns its height. */
static int draw_row(App *app, QuestionsState *s, const Pen *pen, int k, int x, int y, int w)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    int pos = s->shown[k];
    const FormItem *fi = &s->exam->form.items[pos];
    bool right = exam_review_right(b, fi);
    int sec = exam_review_seconds(fi);
    char time[32];
    exam_format_time(sec, time, sizeof time);
    int pad = app_px(app, 10);
    Pen dry = *pen;
    dry.dry = true;
    int iw = w - pad * 2;
    const BankItem *item = &b->items[fi->item];
    const char *domain = item->domain >= 0 && item->domain < b->domain_count ? b->domains[item->domain].name : "";
    const char *verdict = fi->answer == 0 ? "Unanswered" : right ? "Right" : "Wrong";
    int h1 = pen_say(app, &dry, FONT_BODY_BOLD, t->text, 0, 0, iw, "Question %d: %s%s%s  -  %s", pos + 1, verdict,
                     fi->flagged ? ", flagged" : "", fi->scored ? "" : ", unscored", time);
    int h2 = pen_say(app, &dry, FONT_SMALL, t->text_dim, 0, 0, iw, "%s", domain);
    int bar_h = app_px(app, 6);
    int h = pad + h1 + app_px(app, 2) + h2 + app_px(app, 6) + bar_h + pad;
    if (pen->dry)
        return h;
    SDL_Rect r = {x, y, w, h};
    bool selected = k == s->selected;
    ui_round_rect(app, r, app_px(app, 10), selected ? t->panel_hi : t->panel);
    if (selected)
        ui_round_rect(app, (SDL_Rect){x, y, app_px(app, 4), h}, app_px(app, 2), t->accent);
    int ty = y + pad;
    ty += pen_say(app, pen, FONT_BODY_BOLD, right ? t->good : fi->answer == 0 ? t->text_dim : t->bad, x + pad, ty, iw,
                  "Question %d: %s%s%s  -  %s", pos + 1, verdict, fi->flagged ? ", flagged" : "",
                  fi->scored ? "" : ", unscored", time) + app_px(app, 2);
    ty += pen_say(app, pen, FONT_SMALL, t->text_dim, x + pad, ty, iw, "%s", domain) + app_px(app, 6);
    int target = s->pacing.target > 0 ? s->pacing.target : 1;
    double frac = (double)sec / (target * 2.0);
    chart_hbar(app, (SDL_Rect){x + pad, ty, iw, bar_h}, frac > 1 ? 1 : frac, sec > target ? t->warn : t->accent2);
    ui_fill(app, (SDL_Rect){x + pad + iw / 2, ty - app_px(app, 2), app_px(app, 2), bar_h + app_px(app, 4)}, t->text);
    char name[32];
    snprintf(name, sizeof name, "Question %d", pos + 1);
    app_hit_label(app, r, (Action){.type = ACT_SELECT, .value = pos}, name);
    return h;
}

static const KeyMap *questions_keys(App *app, void *state)
{
    (void)app;
    (void)state;
    return &QUESTIONS_KEYS;
}

/* Keeps the selected row in a view `view` high after Up or Down moved the
 * selection. */
static void follow_selection(QuestionsState *s, int view)
{
    if (!s->follow || s->shown_count == 0)
        return;
    s->follow = false;
    int top = s->row_top[s->selected], bottom = top + s->row_h[s->selected];
    if (top < s->scroll.offset)
        s->scroll.offset = top;
    else if (bottom > s->scroll.offset + view)
        s->scroll.offset = bottom - view;
}

/* The filters, the summary and the rows, all in one scrolled body (large
 * text leaves no room for a fixed header). */
static void questions_draw(App *app, void *state)
{
    QuestionsState *s = state;
    const Theme *t = &app->theme;
    ui_background(app);
    ui_title(app, "Question list", NULL);
    int margin = app_px(app, 28);
    int w = app->w - margin * 2 - app_px(app, 12);
    int top = app_px(app, 18) + text_line_height(app, FONT_TITLE) + app_px(app, 10);
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 40);
    follow_selection(s, app->h - top - footer);
    ScrollBody body;
    int origin = scroll_body_begin(app, &s->scroll, &body, top, footer);
    const Pen *pen = &body.pen;
    int y = draw_filters(app, s, margin, w, origin) + app_px(app, 8);
    char avg[32];
    exam_format_time(s->pacing.average, avg, sizeof avg);
    y += pen_say(app, pen, FONT_SMALL, t->text_dim, margin, y, w, "%d of %d questions shown%s%s. Average %s a "
                 "question; the mark on each bar is the %d s the exam allows.", s->shown_count, s->exam->form.count,
                 s->domain >= 0 ? ", domain: " : "", s->domain >= 0 ? app->bank->domains[s->domain].name : "",
                 avg, s->pacing.target) + app_px(app, 8);
    int gap = app_px(app, 8);
    Pen dry = *pen;
    dry.dry = true;
    for (int k = 0; k < s->shown_count; k++) {
        int h = draw_row(app, s, &dry, k, margin, y, w);
        s->row_top[k] = y - origin;
        s->row_h[k] = h;
        if (y + h > body.view.y && y < body.view.y + body.view.h)
            draw_row(app, s, pen, k, margin, y, w);
        y += h + gap;
    }
    scroll_body_end(app, &s->scroll, &body, y - origin);
    ui_footer_keys(app, &s->footer);
}

const Screen SCREEN_QUESTIONS = {
    .name = "questions",
    .enter = questions_enter,
    .leave = questions_leave,
    .action = questions_action,
    .update = questions_update,
    .draw = questions_draw,
    .resume = questions_resume,
    .keys = questions_keys,
};
