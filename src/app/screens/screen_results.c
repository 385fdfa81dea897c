/* After an exam: the results (scaled score, pass or fail, likely range, the
 * domain report, readiness and the pass estimate) and the full review of
 * every item with every option explained, both shown from the ended
 * ExamSession. The diagnostic's study plan is screen_plan.c. */
#include <stdlib.h>
#include <string.h>

#include "exam.h"
#include "exam_session.h"
#include "hud.h"
#include "keys.h"
#include "percent.h"
#include "plan.h"
#include "qview.h"
#include "report.h"
#include "screens.h"
#include "strbuf.h"
#include "study.h"
#include "text.h"
#include "ui.h"

static const KeyBinding DIAG_RESULTS_ROWS[] = {
    {"Enter", 0, CMD_NONE, "make my study plan", false},
    {"V", 'V', CMD_ANSWERS, "review the answers", false},
    {"Esc", 0, CMD_NONE, "home", false},
};
static const KeyMap DIAG_RESULTS_KEYS = KEYMAP(DIAG_RESULTS_ROWS);

static const KeyBinding MOCK_RESULTS_ROWS[] = {
    {"Enter or V", 'V', CMD_ANSWERS, "review every question", false},
    {"Esc", 0, CMD_NONE, "home", false},
};
static const KeyMap MOCK_RESULTS_KEYS = KEYMAP(MOCK_RESULTS_ROWS);

/* The answer review, with and without "Learn more" links on the item shown. */
#define ANSWERS_ROWS_COMMON                                                                   \
    {"N", 'N', CMD_NEXT, "next", false}, {"P", 'P', CMD_PREV, "previous", false},             \
    {"A", 'A', CMD_SHOW_ALL, "all", true}, {"W", 'W', CMD_SHOW_WRONG, "wrong", true},          \
    {"F", 'F', CMD_SHOW_FLAGGED, "flagged", true}, {"U", 'U', CMD_SHOW_UNSCORED, "unscored", true}, \
    {"R", 'R', CMD_REPORT, "report", true}
static const KeyBinding ANSWERS_ROWS[] = {
    ANSWERS_ROWS_COMMON,
    {"Up/Down/PgUp/PgDn", 0, CMD_NONE, "scroll", false},
    {"Esc", 0, CMD_NONE, "back", false},
};
static const KeyMap ANSWERS_KEYS = KEYMAP(ANSWERS_ROWS);
static const KeyBinding ANSWERS_REFS_ROWS[] = {
    ANSWERS_ROWS_COMMON,
    {"L", 'L', CMD_LEARN_MORE, "learn more", false},
    {"Up/Down", 0, CMD_NONE, "scroll", false},
    {"Esc", 0, CMD_NONE, "back", false},
};
static const KeyMap ANSWERS_REFS_KEYS = KEYMAP(ANSWERS_REFS_ROWS);

typedef struct ResultsState {
    ExamSession *session;         /* owned; ended */
    PlanReadiness readiness;
    bool has_readiness;
    PlanPassEstimate estimate;
    bool has_estimate;
    int weakest_domain;
    int weak_tasks[3];
    int weak_task_count;
    int anim_ms;
} ResultsState;

static bool is_diagnostic(const ResultsState *s)
{
    return s->session->form.mode == MODE_DIAGNOSTIC;
}

static const KeyMap *results_keys(App *app, void *state)
{
    (void)app;
    return is_diagnostic(state) ? &DIAG_RESULTS_KEYS : &MOCK_RESULTS_KEYS;
}

static void *results_enter(App *app, const void *arg)
{
    ExamSession *session = (ExamSession *)arg;
    ResultsState *s = calloc(1, sizeof *s);
    if (!s) {
        exam_session_free(session);
        return NULL;
    }
    s->session = session;
    s->has_readiness = exam_session_readiness(session, &s->readiness);
    if (!s->has_readiness && session->error[0])
        app_status(app, "Readiness not read: %s", session->error);
    s->has_estimate = study_pass_estimate(app->study, app_now(app), &s->estimate, NULL);
    s->weakest_domain = study_weakest_domain(app->study);
    s->weak_task_count = plan_weakest_tasks(app->bank, &session->result, s->weak_tasks, 3);
    if (session->result.pass && !app->settings.reduce_motion)
        app_sound(app, SFX_LEVEL_UP);
    return s;
}

static void results_leave(App *app, void *state)
{
    (void)app;
    ResultsState *s = state;
    exam_session_free(s->session);
    free(s);
}

static void results_action(App *app, void *state, const Action *a)
{
    ResultsState *s = state;
    if (a->type == ACT_BACK) {
        app_pop(app);
        return;
    }
    if (a->type == ACT_COMMAND && a->value == CMD_ANSWERS) {
        app_push(app, &SCREEN_ANSWERS, s->session);
        return;
    }
    if (a->type == ACT_CONFIRM) {
        if (is_diagnostic(s))
            app_push(app, &SCREEN_PLAN, NULL);
        else
            app_push(app, &SCREEN_ANSWERS, s->session);
    }
}

static int results_update(App *app, void *state, int dt_ms)
{
    (void)app;
    ResultsState *s = state;
    if (s->anim_ms >= 900)
        return SCREEN_IDLE;
    s->anim_ms += dt_ms;
    return SCREEN_ANIMATING;
}

static void draw_domains(App *app, ResultsState *s, SDL_Rect area)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    ui_panel(app, area);
    int x = area.x + app_px(app, 20), y = area.y + app_px(app, 14);
    int w = area.w - app_px(app, 40);
    text_draw(app, FONT_BODY_BOLD, "Domain report", x, y, t->accent, ALIGN_LEFT);
    y += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 8);
    int row = (area.y + area.h - y - app_px(app, 10)) / (b->domain_count > 0 ? b->domain_count : 1);
    float grow = app->settings.reduce_motion ? 1.0f : (s->anim_ms > 800 ? 1.0f : (float)s->anim_ms / 800.0f);
    for (int d = 0; d < b->domain_count; d++) {
        const ScoreTally *tally = &s->session->result.domains[d];
        double frac = tally->total > 0 ? (double)tally->right / tally->total : 0;
        char line[160];
        snprintf(line, sizeof line, "%s (%d%%)", b->domains[d].name, b->domains[d].weight);
        text_draw(app, FONT_SMALL, line, x, y, t->text, ALIGN_LEFT);
        bool meets = s->session->result.meets[d];
        snprintf(line, sizeof line, "%d/%d  %d%%  %s", tally->right, tally->total, percent(frac),
                 meets ? "Meets competencies" : "Needs improvement");
        text_draw(app, FONT_SMALL, line, x + w, y, meets ? t->good : t->warn, ALIGN_RIGHT);
        int by = y + text_line_height(app, FONT_SMALL) + app_px(app, 4);
        SDL_Rect bar = {x, by, w, app_px(app, 10)};
        ui_progress(app, bar, (float)frac * grow, meets ? t->good : t->warn);
        int px = x + (int)((float)w * (float)b->pass_fraction);
        ui_fill(app, (SDL_Rect){px, by - app_px(app, 3), app_px(app, 2), app_px(app, 16)}, t->text);
        y += row;
    }
}

static void results_draw(App *app, void *state)
{
    ResultsState *s = state;
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    const ScoreResult *res = &s->session->result;
    ui_background(app);
    bool diag = is_diagnostic(s);
    ui_title(app, diag ? "Diagnostic results" : "Mock exam results", NULL);
    int margin = app_px(app, 36);
    int top = app_px(app, 80);
    int left_w = (app->w - margin * 3) * 40 / 100;
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 40);
    SDL_Rect lp = {margin, top, left_w, app->h - top - footer};
    ui_panel(app, lp);
    int cx = lp.x + lp.w / 2, y = lp.y + app_px(app, 16);
    text_draw(app, FONT_SMALL, diag ? "Estimated scaled score" : "Scaled score", cx, y, t->text_dim, ALIGN_CENTER);
    y += text_line_height(app, FONT_SMALL);
    float grow = app->settings.reduce_motion || s->anim_ms >= 900 ? 1.0f : (float)s->anim_ms / 900.0f;
    int shown = b->scale_min + (int)((float)(res->scaled - b->scale_min) * grow);
    char line[300];
    snprintf(line, sizeof line, "%d", shown);
    text_draw(app, FONT_HUGE, line, cx, y, res->pass ? t->good : t->bad, ALIGN_CENTER);
    y += text_line_height(app, FONT_HUGE);
    snprintf(line, sizeof line, res->pass ? "PASS  (%d needed)" : "FAIL  (%d needed)", b->scale_pass);
    int cw, chh;
    text_size(app, FONT_BODY_BOLD, line, &cw, &chh);
    ui_round_rect(app, (SDL_Rect){cx - cw / 2 - app_px(app, 14), y, cw + app_px(app, 28), chh + app_px(app, 8)},
                  app_px(app, 10), ui_alpha(res->pass ? t->good : t->bad, 60));
    text_draw(app, FONT_BODY_BOLD, line, cx, y + app_px(app, 4), res->pass ? t->good : t->bad, ALIGN_CENTER);
    y += chh + app_px(app, 20);
    int x = lp.x + app_px(app, 20), w = lp.w - app_px(app, 40), bottom = lp.y + lp.h - app_px(app, 8);
    snprintf(line, sizeof line, "Likely range %d-%d (one standard error).", res->low, res->high);
    if (diag)
        strbuf_append(line, sizeof line, " %d questions are a rough signal: the range is wide on purpose.",
                      res->scored);
    y += text_draw_wrapped(app, FONT_SMALL, line, x, y, w, t->text, 0, bottom) + app_px(app, 6);
    char used[32];
    exam_format_time(s->session->seconds_used, used, sizeof used);
    snprintf(line, sizeof line, "%d of %d scored questions right. Time used %s.", res->right, res->scored, used);
    y += text_draw_wrapped(app, FONT_SMALL, line, x, y, w, t->text, 0, bottom) + app_px(app, 6);
    if (!diag) {
        snprintf(line, sizeof line, "%d unscored pretest question%s (%d right) did not count.", res->unscored,
                 res->unscored == 1 ? "" : "s", res->unscored_right);
        y += text_draw_wrapped(app, FONT_SMALL, line, x, y, w, t->text_dim, 0, bottom) + app_px(app, 6);
    }
    y += text_draw_wrapped(app, FONT_SMALL,
                           "An estimate: AWS does not publish how it turns raw answers into scaled scores. cloudprep "
                           "assumes 70% right maps to 700.", x, y, w, t->text_dim, 0, bottom);
    if (!s->session->saved)
        y += app_px(app, 6) + text_draw_wrapped(app, FONT_SMALL, "This result could not be saved (see the message "
                                                "below).", x, y + app_px(app, 6), w, t->warn, 0, bottom);
    int wrong = 0;
    for (int i = 0; i < s->session->form.count; i++)
        wrong += !scoring_item_correct(&b->items[s->session->form.items[i].item], s->session->form.items[i].answer);
    y += app_px(app, 18);
    text_draw(app, FONT_BODY_BOLD, "What next", x, y, t->accent, ALIGN_LEFT);
    y += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 4);
    if (wrong > 0)
        snprintf(line, sizeof line, "Read the explanations of your %d missed question%s (%s): every option says "
                 "why it is right or wrong.%s", wrong, wrong == 1 ? "" : "s",
                 keys_key(results_keys(app, s), CMD_ANSWERS),
                 s->session->saved ? " They are back in box 1, and the daily drill brings them back within days." : "");
    else
        snprintf(line, sizeof line, "A clean sheet. Keep the habit: the daily drill keeps every item fresh.");
    y += text_draw_wrapped(app, FONT_SMALL, line, x, y, w, t->text, 0, bottom) + app_px(app, 6);
    if (!diag && s->weakest_domain >= 0) {
        snprintf(line, sizeof line, "Your weakest domain: %s.", b->domains[s->weakest_domain].name);
        text_draw_wrapped(app, FONT_SMALL, line, x, y, w, t->warn, 0, bottom);
    }

    int rx = margin * 2 + left_w, rw = app->w - rx - margin;
    int dh = (lp.h * 58) / 100;
    draw_domains(app, s, (SDL_Rect){rx, top, rw, dh});
    SDL_Rect info = {rx, top + dh + app_px(app, 14), rw, lp.h - dh - app_px(app, 14)};
    ui_panel(app, info);
    x = info.x + app_px(app, 20);
    y = info.y + app_px(app, 14);
    w = info.w - app_px(app, 40);
    bottom = info.y + info.h - app_px(app, 6);
    if (diag) {
        if (s->weakest_domain >= 0)
            snprintf(line, sizeof line, "Weakest domain: %s.", b->domains[s->weakest_domain].name);
        else
            snprintf(line, sizeof line, "No domain is weaker than the others yet.");
        y += text_draw_wrapped(app, FONT_BODY_BOLD, line, x, y, w, t->warn, 0, bottom) + app_px(app, 6);
        snprintf(line, sizeof line, "Start with: ");
        for (int i = 0; i < s->weak_task_count; i++) {
            const BankTask *task = &b->tasks[s->weak_tasks[i]];
            strbuf_append(line, sizeof line, "%s%s %s", i ? "; " : "", task->id, task->title);
        }
        text_draw_wrapped(app, FONT_SMALL, line, x, y, w, t->text, 0, bottom);
    } else {
        if (s->has_readiness) {
            snprintf(line, sizeof line, "Readiness: %d of your last %d mock exam%s at %d or more%s",
                     s->readiness.recent_ready, s->readiness.recent_mocks, s->readiness.recent_mocks == 1 ? "" : "s",
                     s->readiness.ready_score,
                     s->readiness.ready ? ": ready to book." : " (aim for 5 of 5).");
            y += text_draw_wrapped(app, FONT_BODY_BOLD, line, x, y, w, s->readiness.ready ? t->good : t->text, 0,
                                   bottom) + app_px(app, 6);
        }
        if (s->has_estimate) {
            char basis[160];
            study_estimate_basis(app->study, app_now(app), basis, sizeof basis);
            char likely[32];
            percent_likely(s->estimate.low, s->estimate.high, likely, sizeof likely);
            snprintf(line, sizeof line, "Estimated chance of passing %s: %d%%%s, from how "
                     "well you are likely to recall each question then.", basis, percent(s->estimate.probability),
                     likely);
            text_draw_wrapped(app, FONT_SMALL, line, x, y, w, t->text, 0, bottom);
        }
    }
    ui_footer_keys(app, results_keys(app, s));
}

const Screen SCREEN_RESULTS = {
    .name = "results",
    .enter = results_enter,
    .leave = results_leave,
    .action = results_action,
    .update = results_update,
    .draw = results_draw,
    .keys = results_keys,
};

/* ---- the answer review --------------------------------------------------- */

typedef enum AnswerFilter { SHOW_ALL, SHOW_WRONG, SHOW_FLAGGED, SHOW_UNSCORED } AnswerFilter;

typedef struct AnswersState {
    const ExamSession *exam;      /* the results' ended session (not owned) */
    AnswerFilter filter;
    int pos;                      /* form position */
    QuestionView q;
    char banner[160];
} AnswersState;

static bool answer_visible(App *app, const AnswersState *s, int i)
{
    const FormItem *fi = &s->exam->form.items[i];
    switch (s->filter) {
    case SHOW_ALL: return true;
    case SHOW_WRONG: return !scoring_item_correct(&app->bank->items[fi->item], fi->answer);
    case SHOW_FLAGGED: return fi->flagged;
    case SHOW_UNSCORED: return !fi->scored;
    }
    return true;
}

static void show_answer(App *app, AnswersState *s, int pos)
{
    const ExamForm *form = &s->exam->form;
    if (pos < 0 || pos >= form->count)
        return;
    s->pos = pos;
    const FormItem *fi = &form->items[pos];
    qview_set(app, &s->q, fi->item, fi->order);
    s->q.chosen = fi->answer;
    s->q.revealed = true;
    s->q.show_whys = true;
    bool right = scoring_item_correct(&app->bank->items[fi->item], fi->answer);
    snprintf(s->banner, sizeof s->banner, "%s%s%s", fi->answer == 0 ? "Unanswered" : right ? "Right" : "Wrong",
             fi->scored ? "" : "  -  unscored pretest item (did not count)", fi->flagged ? "  -  flagged" : "");
    s->q.banner = s->banner;
}

static void step(App *app, AnswersState *s, int dir)
{
    const ExamForm *form = &s->exam->form;
    for (int i = s->pos + dir; i >= 0 && i < form->count; i += dir)
        if (answer_visible(app, s, i)) {
            show_answer(app, s, i);
            return;
        }
}

static void set_filter(App *app, AnswersState *s, AnswerFilter f)
{
    s->filter = f;
    if (answer_visible(app, s, s->pos))
        return;
    for (int i = 0; i < s->exam->form.count; i++)
        if (answer_visible(app, s, i)) {
            show_answer(app, s, i);
            return;
        }
    app_status(app, "No question matches this filter.");
}

static void *answers_enter(App *app, const void *arg)
{
    AnswersState *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->exam = arg;
    show_answer(app, s, 0);
    return s;
}

static void answers_leave(App *app, void *state)
{
    (void)app;
    free(state);
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
    case ACT_COMMAND:
        switch (a->value) {
        case CMD_NEXT: step(app, s, 1); return;
        case CMD_PREV: step(app, s, -1); return;
        case CMD_SHOW_ALL: set_filter(app, s, SHOW_ALL); return;
        case CMD_SHOW_WRONG: set_filter(app, s, SHOW_WRONG); return;
        case CMD_SHOW_FLAGGED: set_filter(app, s, SHOW_FLAGGED); return;
        case CMD_SHOW_UNSCORED: set_filter(app, s, SHOW_UNSCORED); return;
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

static void answers_draw(App *app, void *state)
{
    AnswersState *s = state;
    const Theme *t = &app->theme;
    ui_background(app);
    char label[64];
    snprintf(label, sizeof label, "Question %d of %d", s->pos + 1, s->exam->form.count);
    ui_title(app, "Review answers", label);
    int margin = app_px(app, 28);
    int y = app_px(app, 74);
    static const Command FILTERS[] = {CMD_SHOW_ALL, CMD_SHOW_WRONG, CMD_SHOW_FLAGGED, CMD_SHOW_UNSCORED};
    static const char *const NAMES[] = {"All", "Wrong", "Flagged", "Unscored"};
    int x = margin;
    for (int f = 0; f < 4; f++) {
        bool on = (int)s->filter == f;
        char chip[64];
        keys_hint(&ANSWERS_KEYS, FILTERS[f], NAMES[f], chip, sizeof chip);
        x += ui_chip(app, x, y, chip, on ? t->accent : ui_alpha(t->border, 120), on ? t->bg : t->text) +
             app_px(app, 10);
    }
    report_button(app, answers_keys(app, s), app->w - margin, y - app_px(app, 4), text_line_height(app, FONT_SMALL) + app_px(app, 12));
    int top = y + text_line_height(app, FONT_SMALL) + app_px(app, 18);
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 30);
    qview_draw(app, &s->q, (SDL_Rect){margin, top, app->w - margin * 2, app->h - top - footer});
    ui_footer_keys(app, answers_keys(app, s));
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

