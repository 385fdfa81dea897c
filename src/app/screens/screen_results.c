/* After an exam (mock, diagnostic or retake): the score, what to practise
 * now (Retake wrong, Retake flagged, both, Drill my misses, a drill of one
 * domain), the domain report, the time per question against the exam's
 * pace, readiness and the pass estimate, all from the ended ExamSession.
 * The body scrolls and goes to one column when large text needs the room.
 * The question list is screen_questions.c, the answer review
 * screen_answers.c, the diagnostic's study plan screen_plan.c. */
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "exam.h"
#include "exam_session.h"
#include "examreview.h"
#include "flow.h"
#include "keys.h"
#include "percent.h"
#include "plan.h"
#include "screens.h"
#include "study.h"
#include "text.h"
#include "ui.h"

#define RESULTS_ROWS_PRACTICE                                                                            \
    {"V", 'V', CMD_ANSWERS, "review answers", false},                                                    \
    {"Q", 'Q', CMD_QUESTION_LIST, "question list", false},                                               \
    {"W", 'W', CMD_RETAKE_WRONG, "retake wrong", true},                                                  \
    {"F", 'F', CMD_RETAKE_FLAGGED, "retake flagged", true},                                              \
    {"B", 'B', CMD_RETAKE_BOTH, "retake both", true},                                                    \
    {"D", 'D', CMD_MISTAKES, "drill my misses", true},                                               \
    {"1-9", 0, CMD_NONE, "drill a domain", true},                                                        \
    {"Up/Down", 0, CMD_NONE, KEYS_DOES_SCROLL, true}
static const KeyBinding DIAG_RESULTS_ROWS[] = {
    {"P", 'P', CMD_STUDY_PLAN, "make my study plan", false},
    {"Esc", 0, CMD_NONE, "home", false},
    RESULTS_ROWS_PRACTICE,
};
static const KeyMap DIAG_RESULTS_KEYS = KEYMAP(DIAG_RESULTS_ROWS);
static const KeyBinding RESULTS_ROWS[] = {
    {"Esc", 0, CMD_NONE, "back", false},
    RESULTS_ROWS_PRACTICE,
};
static const KeyMap RESULTS_KEYS = KEYMAP(RESULTS_ROWS);

typedef struct ResultsState {
    ExamSession *session;         /* owned; ended */
    PlanReadiness readiness;
    bool has_readiness;
    PlanPassEstimate estimate;
    bool has_estimate;
    int weakest_domain;
    int weak_tasks[3];
    int weak_task_count;
    int wrong, flagged;           /* questions not answered right; flagged ones */
    int blank;                    /* scored questions left unanswered */
    int repeated, repeat_items;   /* fresh forms: questions met in an earlier mock */
    bool has_repeats;
    ExamPacing pacing;
    Scroll scroll;
    int anim_ms;
} ResultsState;

const char *exam_mode_title(StudyMode mode)
{
    switch (mode) {
    case MODE_DIAGNOSTIC: return "Diagnostic";
    case MODE_RETAKE: return "Retake";
    case MODE_MOCK: return "Mock exam";
    case MODE_DRILL: case MODE_ARCADE: case MODE_COUNT: break;
    }
    return "Exam";
}

const char *exam_mode_noun(StudyMode mode)
{
    switch (mode) {
    case MODE_DIAGNOSTIC: return "diagnostic";
    case MODE_RETAKE: return "retake";
    case MODE_MOCK: case MODE_DRILL: case MODE_ARCADE: case MODE_COUNT: break;
    }
    return "exam";
}

static StudyMode mode_of(const ResultsState *s)
{
    return s->session->form.mode;
}

static const KeyMap *results_keys(App *app, void *state)
{
    (void)app;
    return mode_of(state) == MODE_DIAGNOSTIC ? &DIAG_RESULTS_KEYS : &RESULTS_KEYS;
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
    const Bank *b = app->bank;
    const ExamForm *form = &session->form;
    s->wrong = exam_review_count(b, form, EXAM_REVIEW_WRONG, -1);
    s->flagged = exam_review_count(b, form, EXAM_REVIEW_FLAGGED, -1);
    for (int i = 0; i < form->count; i++)
        s->blank += form->items[i].scored && form->items[i].answer == 0;
    exam_review_pacing(b, form, &s->pacing);
    if (form->mode == MODE_MOCK) {
        s->has_readiness = exam_session_readiness(session, &s->readiness);
        if (!s->has_readiness && session->error[0])
            app_status(app, "Readiness not read: %s", session->error);
        s->has_repeats = exam_session_repeats(session, &s->repeated, &s->repeat_items);
        if (!s->has_repeats && session->error[0])
            app_status(app, "Earlier mocks not read: %s", session->error);
    }
    s->has_estimate = study_pass_estimate(app->study, app_now(app), &s->estimate, NULL);
    s->weakest_domain = study_weakest_domain(app->study);
    s->weak_task_count = plan_weakest_tasks(b, &session->result, s->weak_tasks, 3);
    if (form->mode == MODE_MOCK && session->result.pass && !app->settings.reduce_motion)
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

/* ---- what to practise ---------------------------------------------------- */

static void start_retake(App *app, ResultsState *s, RetakeKind kind)
{
    ExamBegin info;
    ExamSession *retake = exam_session_begin_retake(app->study, &s->session->form, kind, app_now(app), &app->rng,
                                                    &info);
    if (!retake) {
        app_status(app, "%s", info.error);
        return;
    }
    if (info.unsaved)
        app_status(app, "This retake runs but will not be saved: %s", info.error);
    app_push(app, &SCREEN_EXAM, retake); /* its results come back here with Esc */
}

static void drill_items(App *app, const int *items, int count, int missed, const char *none)
{
    if (count <= 0) {
        app_status(app, "%s", none);
        return;
    }
    DrillLaunch launch = {.items = items, .count = count, .missed = missed};
    app_push(app, &SCREEN_DRILL, &launch);
}

static void drill_misses(App *app, ResultsState *s)
{
    const ExamForm *form = &s->session->form;
    int *items = malloc((size_t)(form->count > 0 ? form->count : 1) * sizeof *items);
    if (!items) {
        app_status(app, "Out of memory starting the drill.");
        return;
    }
    int n = exam_review_pick(app->bank, form, RETAKE_WRONG, items);
    drill_items(app, items, n, n, "Every question of this exam was answered right: nothing to drill.");
    free(items);
}

static void drill_domain(App *app, ResultsState *s, int domain)
{
    if (domain < 0 || domain >= app->bank->domain_count)
        return;
    int items[EXAM_REVIEW_DOMAIN_DRILL], missed = 0;
    int n = exam_review_domain_items(app->bank, &s->session->form, app->study->states, domain,
                                     study_due_horizon(app_now(app)), EXAM_REVIEW_DOMAIN_DRILL, items, &missed);
    drill_items(app, items, n, missed, "This domain has no items to drill.");
}

static void results_action(App *app, void *state, const Action *a)
{
    ResultsState *s = state;
    if (ui_scroll_action(app, &s->scroll, a))
        return;
    switch (a->type) {
    case ACT_BACK: app_pop(app); return;
    case ACT_CONFIRM:
        if (mode_of(s) == MODE_DIAGNOSTIC)
            app_push(app, &SCREEN_PLAN, NULL);
        else
            app_push(app, &SCREEN_ANSWERS, &(AnswersLaunch){s->session, 0, EXAM_REVIEW_ALL, -1, NULL});
        return;
    case ACT_DIGIT: drill_domain(app, s, a->value - 1); return;
    case ACT_SELECT: drill_domain(app, s, a->value); return;
    case ACT_COMMAND:
        switch (a->value) {
        case CMD_ANSWERS:
            app_push(app, &SCREEN_ANSWERS, &(AnswersLaunch){s->session, 0, EXAM_REVIEW_ALL, -1, NULL});
            return;
        case CMD_QUESTION_LIST: app_push(app, &SCREEN_QUESTIONS, s->session); return;
        case CMD_STUDY_PLAN: app_push(app, &SCREEN_PLAN, NULL); return;
        case CMD_RETAKE_WRONG: start_retake(app, s, RETAKE_WRONG); return;
        case CMD_RETAKE_FLAGGED: start_retake(app, s, RETAKE_FLAGGED); return;
        case CMD_RETAKE_BOTH: start_retake(app, s, RETAKE_WRONG_FLAGGED); return;
        case CMD_MISTAKES: drill_misses(app, s); return;
        default: return;
        }
    default: return;
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

/* ---- drawing --------------------------------------------------------------- */

/* One block of the body: draws (or, with pen->dry, measures) itself at
 * (x, y) in width w; returns its height. */
typedef int (*Block)(App *app, ResultsState *s, const Pen *pen, int x, int y, int w);

/* A block on a panel sized to it: measured first, then drawn. */
static int panel_block(App *app, ResultsState *s, const Pen *pen, int x, int y, int w, Block block)
{
    int pad = app_px(app, 18);
    Pen dry = *pen;
    dry.dry = true;
    int h = block(app, s, &dry, x + pad, y + pad, w - pad * 2) + pad * 2;
    if (!pen->dry) {
        ui_panel(app, (SDL_Rect){x, y, w, h});
        block(app, s, pen, x + pad, y + pad, w - pad * 2);
    }
    return h;
}

static int gap(App *app)
{
    return app_px(app, 8);
}

/* A one-line text centred in w when it fits in `font`, else in `smaller`. */
static int centred(App *app, const Pen *pen, FontRole font, FontRole smaller, const char *text, int x, int y, int w,
                   SDL_Color c)
{
    int tw, th;
    text_size(app, font, text, &tw, &th);
    if (tw > w)
        font = smaller;
    if (!pen->dry)
        text_draw(app, font, text, x + w / 2, y, c, ALIGN_CENTER);
    return text_line_height(app, font);
}

static int score_mock(App *app, ResultsState *s, const Pen *pen, int x, int y, int w)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    const ScoreResult *res = &s->session->result;
    int y0 = y;
    y += centred(app, pen, FONT_SMALL, FONT_SMALL, "Scaled score (100-1000)", x, y, w, t->text_dim);
    float grow = app->settings.reduce_motion || s->anim_ms >= 900 ? 1.0f : (float)s->anim_ms / 900.0f;
    char line[64];
    snprintf(line, sizeof line, "%d", b->scale_min + (int)((float)(res->scaled - b->scale_min) * grow));
    y += centred(app, pen, FONT_HUGE, FONT_TITLE, line, x, y, w, res->pass ? t->good : t->bad);
    snprintf(line, sizeof line, res->pass ? "PASS  (%d needed)" : "FAIL  (%d needed)", b->scale_pass);
    int cw, chh;
    text_size(app, FONT_BODY_BOLD, line, &cw, &chh);
    if (!pen->dry) {
        int cx = x + w / 2;
        ui_round_rect(app, (SDL_Rect){cx - cw / 2 - app_px(app, 14), y, cw + app_px(app, 28), chh + app_px(app, 8)},
                      app_px(app, 10), ui_alpha(res->pass ? t->good : t->bad, 60));
        text_draw(app, FONT_BODY_BOLD, line, cx, y + app_px(app, 4), res->pass ? t->good : t->bad, ALIGN_CENTER);
    }
    y += chh + app_px(app, 18);
    y += pen_say(app, pen, FONT_SMALL, t->text, x, y, w, "Likely range %d-%d (one standard error).", res->low,
                 res->high) + gap(app);
    return y - y0;
}

/* The diagnostic: a band, never a pass or fail from ten questions. */
static int score_diagnostic(App *app, ResultsState *s, const Pen *pen, int x, int y, int w)
{
    const Theme *t = &app->theme;
    const ScoreResult *res = &s->session->result;
    int y0 = y;
    y += centred(app, pen, FONT_SMALL, FONT_SMALL, "Estimated score band", x, y, w, t->text_dim);
    char line[64];
    snprintf(line, sizeof line, "%d-%d", res->low, res->high);
    y += centred(app, pen, FONT_HUGE, FONT_TITLE, line, x, y, w, t->accent) + app_px(app, 6);
    y += pen_say(app, pen, FONT_BODY_BOLD, t->text, x, y, w, "%d items are too few to judge: this band is a rough "
                 "signal, not a pass or a fail.", res->scored) + gap(app);
    return y - y0;
}

static int score_retake(App *app, ResultsState *s, const Pen *pen, int x, int y, int w)
{
    const Theme *t = &app->theme;
    const ScoreResult *res = &s->session->result;
    int y0 = y;
    y += centred(app, pen, FONT_SMALL, FONT_SMALL, "Right on the retake", x, y, w, t->text_dim);
    char line[64];
    snprintf(line, sizeof line, "%d of %d", res->right, res->scored);
    y += centred(app, pen, FONT_HUGE, FONT_TITLE, line, x, y, w, res->right == res->scored ? t->good : t->accent);
    y += app_px(app, 6);
    y += pen_say(app, pen, FONT_SMALL, t->text, x, y, w, "A retake is practice: it never counts as a mock score. "
                 "Every answer moved its item's box as a drill would.") + gap(app);
    return y - y0;
}

static int score_block(App *app, ResultsState *s, const Pen *pen, int x, int y, int w)
{
    const Theme *t = &app->theme;
    const ScoreResult *res = &s->session->result;
    StudyMode mode = mode_of(s);
    int y0 = y;
    y += mode == MODE_DIAGNOSTIC ? score_diagnostic(app, s, pen, x, y, w)
         : mode == MODE_RETAKE   ? score_retake(app, s, pen, x, y, w)
                                 : score_mock(app, s, pen, x, y, w);
    char used[32];
    exam_format_time(s->session->seconds_used, used, sizeof used);
    if (mode != MODE_RETAKE)
        y += pen_say(app, pen, FONT_SMALL, t->text, x, y, w, "%d of %d scored questions right. Time used %s.",
                     res->right, res->scored, used) + gap(app);
    else {
        char allowed[32];
        exam_format_time(s->session->form.seconds_total, allowed, sizeof allowed);
        y += pen_say(app, pen, FONT_SMALL, t->text, x, y, w, "Time used %s of %s.", used, allowed) + gap(app);
    }
    if (mode == MODE_MOCK) {
        y += pen_say(app, pen, FONT_SMALL, t->text_dim, x, y, w, "%d unscored pretest question%s (%d right) did not "
                     "count.", res->unscored, res->unscored == 1 ? "" : "s", res->unscored_right) + gap(app);
        if (s->has_repeats && s->repeated == 0)
            y += pen_say(app, pen, FONT_SMALL, t->text, x, y, w, "All %d questions were new to you: none was seen "
                         "in an earlier mock.", s->repeat_items) + gap(app);
        else if (s->has_repeats)
            y += pen_say(app, pen, FONT_SMALL, t->warn, x, y, w, "%d of the %d questions were seen in earlier "
                         "mocks: a score on questions met before says less.", s->repeated, s->repeat_items) +
                 gap(app);
        y += pen_say(app, pen, FONT_SMALL, t->text_dim, x, y, w, "An estimate: AWS does not publish how it turns "
                     "raw answers into scaled scores. cloudprep assumes %d%% right maps to %d.",
                     percent(app->bank->pass_fraction), app->bank->scale_pass) + gap(app);
    }
    if (!s->session->saved)
        y += pen_say(app, pen, FONT_SMALL, t->warn, x, y, w, "This result could not be saved (see the message "
                     "below).") + gap(app);
    return y - y0 - gap(app);
}

/* The practice buttons, each labelled with its key from the table. */
static int actions_block(App *app, ResultsState *s, const Pen *pen, int x, int y, int w)
{
    const Theme *t = &app->theme;
    const KeyMap *map = results_keys(app, s);
    int y0 = y;
    y += pen_say(app, pen, FONT_BODY_BOLD, t->accent, x, y, w, "Practise what went wrong") + gap(app);
    Flow f;
    flow_begin(app, &f, x, x + w, y, pen->dry);
    char label[96];
    const struct {
        Command cmd;
        const char *label;
        bool shown;
    } buttons[] = {
        {CMD_STUDY_PLAN, "Make my study plan", mode_of(s) == MODE_DIAGNOSTIC},
        {CMD_RETAKE_WRONG, "Retake wrong", s->wrong > 0},
        {CMD_RETAKE_FLAGGED, "Retake flagged", s->flagged > 0},
        {CMD_RETAKE_BOTH, "Retake both (wrong + flagged)", s->wrong > 0 && s->flagged > 0},
        {CMD_MISTAKES, "Drill my misses", s->wrong > 0},
        {CMD_QUESTION_LIST, "Question list", true},
        {CMD_ANSWERS, "Review answers", true},
    };
    for (size_t i = 0; i < sizeof buttons / sizeof buttons[0]; i++)
        if (buttons[i].shown)
            flow_button(app, &f, keys_hint(map, buttons[i].cmd, buttons[i].label, label, sizeof label), false,
                        (Action){.type = ACT_COMMAND, .value = buttons[i].cmd});
    y = flow_bottom(&f) + app_px(app, 12);
    if (s->wrong > 0)
        y += pen_say(app, pen, FONT_SMALL, t->text, x, y, w, "%d question%s not answered right%s. A retake asks "
                     "them again as a short timed quiz (%d s a question, as on the exam); a drill brings them back "
                     "with their explanations.%s", s->wrong, s->wrong == 1 ? "" : "s",
                     s->flagged > 0 ? "; flagged ones can be retaken too" : "", s->pacing.target,
                     s->session->saved ? " They are in box 1 now, so the daily drill brings them back within days."
                                       : "");
    else
        y += pen_say(app, pen, FONT_SMALL, t->text, x, y, w, "A clean sheet. Keep the habit: the daily drill keeps "
                     "every item fresh.");
    return y - y0;
}

/* One domain of the report: name, tally, verdict (only from enough
 * items), bar, and its Drill button. */
static int domain_row(App *app, ResultsState *s, const Pen *pen, int d, int x, int y, int w)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    const ScoreTally *tally = &s->session->result.domains[d];
    int y0 = y;
    y += pen_say(app, pen, FONT_SMALL, t->text, x, y, w, "%d. %s (%d%% of the exam)", d + 1, b->domains[d].name,
                 b->domains[d].weight);
    bool judged = tally->total >= EXAM_REVIEW_MIN_VERDICT_ITEMS;
    bool meets = s->session->result.meets[d];
    SDL_Color c = !judged ? t->text_dim : meets ? t->good : t->warn;
    double frac = tally->total > 0 ? (double)tally->right / tally->total : 0;
    char label[64];
    snprintf(label, sizeof label, "%d  Drill this", d + 1);
    SDL_Rect btn = flow_measure(app, label);
    int text_w = w - btn.w - app_px(app, 12);
    bool beside = text_w >= w / 2;
    int ty = y + app_px(app, 4);
    int th = pen_say(app, pen, FONT_SMALL, c, x, ty, beside ? text_w : w, "%d/%d  %d%%  %s", tally->right, tally->total,
                     percent(frac), !judged ? "too few items to judge"
                                              : meets ? "Meets competencies" : "Needs improvement");
    int by = ty + th + app_px(app, 4);
    float grow = app->settings.reduce_motion ? 1.0f : (s->anim_ms > 800 ? 1.0f : (float)s->anim_ms / 800.0f);
    int bar_w = beside ? text_w : w;
    if (!pen->dry) {
        ui_progress(app, (SDL_Rect){x, by, bar_w, app_px(app, 10)}, (float)frac * grow, judged ? c : t->accent2);
        int px = x + (int)((float)bar_w * (float)b->pass_fraction);
        ui_fill(app, (SDL_Rect){px, by - app_px(app, 3), app_px(app, 2), app_px(app, 16)}, t->text);
    }
    int left_h = by + app_px(app, 14) - y;
    int h = left_h;
    if (beside) {
        if (!pen->dry)
            flow_draw_button(app, (SDL_Rect){x + w - btn.w, y, btn.w, btn.h}, label, false,
                      (Action){.type = ACT_SELECT, .value = d});
        h = btn.h > left_h ? btn.h : left_h;
    } else {
        if (!pen->dry)
            flow_draw_button(app, (SDL_Rect){x, y + left_h + app_px(app, 4), btn.w, btn.h}, label, false,
                      (Action){.type = ACT_SELECT, .value = d});
        h = left_h + app_px(app, 4) + btn.h;
    }
    return y - y0 + h;
}

static int domains_block(App *app, ResultsState *s, const Pen *pen, int x, int y, int w)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    int y0 = y;
    y += pen_say(app, pen, FONT_BODY_BOLD, t->accent, x, y, w, "Domain report") + gap(app);
    for (int d = 0; d < b->domain_count; d++)
        y += domain_row(app, s, pen, d, x, y, w) + app_px(app, 14);
    bool few = false;
    for (int d = 0; d < b->domain_count; d++)
        few = few || s->session->result.domains[d].total < EXAM_REVIEW_MIN_VERDICT_ITEMS;
    if (few)
        y += pen_say(app, pen, FONT_SMALL, t->text_dim, x, y, w, "A domain with fewer than %d questions here gets "
                     "no verdict: one or two items are luck either way.", EXAM_REVIEW_MIN_VERDICT_ITEMS);
    else
        y += pen_say(app, pen, FONT_SMALL, t->text_dim, x, y, w, "The mark on each bar is the %d%% line.",
                     percent(b->pass_fraction));
    return y - y0;
}

/* Time per question: a bar per question (green right, red not), the line
 * at the exam's pace. */
static int pacing_block(App *app, ResultsState *s, const Pen *pen, int x, int y, int w)
{
    const Theme *t = &app->theme;
    const ExamPacing *p = &s->pacing;
    const ExamForm *form = &s->session->form;
    int y0 = y;
    y += pen_say(app, pen, FONT_BODY_BOLD, t->accent, x, y, w, "Time per question") + gap(app);
    char avg[32], slow[32];
    exam_format_time(p->average, avg, sizeof avg);
    exam_format_time(p->slowest_seconds, slow, sizeof slow);
    if (p->slowest < 0)
        y += pen_say(app, pen, FONT_SMALL, t->text, x, y, w, "No time was recorded on these questions.") + gap(app);
    else if (p->over == 0)
        y += pen_say(app, pen, FONT_SMALL, t->text, x, y, w, "Average %s a question; the exam allows %d s. No "
                     "question took longer; the slowest was question %d (%s).", avg, p->target, p->slowest + 1,
                     slow) + gap(app);
    else
        y += pen_say(app, pen, FONT_SMALL, t->text, x, y, w, "Average %s a question; the exam allows %d s. %d "
                     "question%s took longer; the slowest was question %d (%s).", avg, p->target, p->over,
                     p->over == 1 ? "" : "s", p->slowest + 1, slow) + gap(app);
    char ref[32];
    snprintf(ref, sizeof ref, "%d s", p->target);
    int rw, rh;
    text_size(app, FONT_SMALL, ref, &rw, &rh);
    int plot_h = app_px(app, 90);
    SDL_Rect plot = {x, y + rh / 2, w - rw - app_px(app, 10), plot_h};
    if (!pen->dry && form->count > 0 && plot.w > 0) {
        double top = p->slowest_seconds > p->target * 3 / 2 ? p->slowest_seconds : p->target * 3 / 2;
        ChartFrame f = {plot, 0, top > 0 ? top : 1};
        ui_fill(app, plot, ui_alpha(t->border, 40));
        for (int i = 0; i < form->count; i++) {
            int x0 = plot.x + plot.w * i / form->count, x1 = plot.x + plot.w * (i + 1) / form->count;
            int sec = exam_review_seconds(&form->items[i]);
            float top_y = chart_y(&f, sec);
            bool right = exam_review_right(app->bank, &form->items[i]);
            SDL_Rect bar = {x0, (int)top_y, x1 - x0 > 2 ? x1 - x0 - 1 : 1, plot.y + plot.h - (int)top_y};
            ui_fill(app, bar, right ? t->good : ui_alpha(t->bad, 220));
        }
        chart_ref_line(app, &f, p->target, t->warn, ref, true);
    }
    y = plot.y + plot.h + app_px(app, 8);
    y += pen_say(app, pen, FONT_SMALL, t->text_dim, x, y, w, "One bar a question in exam order: green right, red "
                 "wrong or unanswered; the dashed line is the %d s a question the exam allows. The question list "
                 "gives each one's time.", p->target);
    return y - y0;
}

/* The readiness line, worded for how many mocks there are: "Readiness:
 * your one mock so far scored under 750; aim for 5 in a row at 750 or
 * more." */
static void readiness_line(const PlanReadiness *r, char *out, size_t size)
{
    int score = r->ready_score, run = PLAN_READY_RUN;
    if (r->ready)
        snprintf(out, size, "Readiness: your last %d mocks all scored %d or more: ready to book.", r->recent_mocks,
                 score);
    else if (r->recent_mocks == 1 && r->recent_ready == 1)
        snprintf(out, size, "Readiness: your one mock so far scored %d or more; aim for %d in a row.", score, run);
    else if (r->recent_mocks == 1)
        snprintf(out, size, "Readiness: your one mock so far scored under %d; aim for %d in a row at %d or more.",
                 score, run, score);
    else if (r->recent_ready == 0)
        snprintf(out, size, "Readiness: none of your last %d mocks scored %d or more; aim for %d in a row at "
                 "%d or more.", r->recent_mocks, score, run, score);
    else
        snprintf(out, size, "Readiness: %d of your last %d mocks scored %d or more; aim for %d in a row.",
                 r->recent_ready, r->recent_mocks, score, run);
}

static int readiness_block(App *app, ResultsState *s, const Pen *pen, int x, int y, int w)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    int y0 = y;
    if (mode_of(s) == MODE_DIAGNOSTIC) {
        if (s->weakest_domain >= 0)
            y += pen_say(app, pen, FONT_BODY_BOLD, t->warn, x, y, w, "Your weakest domain: %s.",
                         b->domains[s->weakest_domain].name) + gap(app);
        else
            y += pen_say(app, pen, FONT_BODY_BOLD, t->text, x, y, w, "No domain is weaker than the others yet.") +
                 gap(app);
        if (s->weak_task_count > 0)
            y += pen_say(app, pen, FONT_SMALL, t->text, x, y, w, "Start with:") + app_px(app, 4);
        for (int i = 0; i < s->weak_task_count; i++) {
            const BankTask *task = &b->tasks[s->weak_tasks[i]];
            y += pen_say(app, pen, FONT_SMALL, t->text, x, y, w, "- %s %s", task->id, task->title) + app_px(app, 4);
        }
        return y - y0;
    }
    if (s->has_readiness) {
        char line[200];
        readiness_line(&s->readiness, line, sizeof line);
        y += pen_say(app, pen, FONT_BODY_BOLD, s->readiness.ready ? t->good : t->text, x, y, w, "%s", line) +
             gap(app);
        if (s->weakest_domain >= 0)
            y += pen_say(app, pen, FONT_SMALL, t->warn, x, y, w, "Your weakest domain: %s.",
                         b->domains[s->weakest_domain].name) + gap(app);
    }
    if (s->has_estimate) {
        char basis[160];
        study_estimate_basis(app->study, app_now(app), basis, sizeof basis);
        char likely[32];
        percent_likely(s->estimate.low, s->estimate.high, likely, sizeof likely);
        y += pen_say(app, pen, FONT_SMALL, t->text, x, y, w, "Estimated chance of passing %s: %d%%%s, from how well "
                     "you are likely to recall each question then.", basis, percent(s->estimate.probability), likely);
        /* the estimate knows only the answers given: a blank scored as
         * wrong here is not a fact about what the learner knows */
        if (s->blank > 0)
            y += app_px(app, 4) +
                 pen_say(app, pen, FONT_SMALL, t->warn, x, y + app_px(app, 4), w, "It assumes you answer every "
                         "question: %d %s left blank here, and a blank always scores as wrong.", s->blank,
                         s->blank == 1 ? "was" : "were");
    }
    return y - y0;
}

static bool has_readiness_block(const ResultsState *s)
{
    return mode_of(s) == MODE_DIAGNOSTIC || (mode_of(s) == MODE_MOCK && (s->has_readiness || s->has_estimate));
}

/* Lays out the body in one or two columns; returns its height. */
static int results_body(App *app, ResultsState *s, const Pen *pen, int x, int y, int w)
{
    int g = app_px(app, 16);
    int min_col = app_px(app, 380);
    bool two = (w - g) / 2 >= min_col;
    int cw = two ? (w - g) * 45 / 100 : w;
    int lx = x, rx = two ? x + cw + g : x, rw = two ? w - cw - g : w;
    int ly = y;
    ly += panel_block(app, s, pen, lx, ly, cw, score_block) + g;
    ly += panel_block(app, s, pen, lx, ly, cw, actions_block) + g;
    int ry = two ? y : ly;
    ry += panel_block(app, s, pen, rx, ry, rw, domains_block) + g;
    ry += panel_block(app, s, pen, rx, ry, rw, pacing_block) + g;
    if (has_readiness_block(s)) {
        if (two && ly < ry)
            ly += panel_block(app, s, pen, lx, ly, cw, readiness_block) + g;
        else
            ry += panel_block(app, s, pen, rx, ry, rw, readiness_block) + g;
    }
    int bottom = ly > ry ? ly : ry;
    return bottom - y - g;
}

static void results_draw(App *app, void *state)
{
    ResultsState *s = state;
    ui_background(app);
    char title[64];
    snprintf(title, sizeof title, "%s results", exam_mode_title(mode_of(s)));
    ui_title(app, title, NULL);
    int margin = app_px(app, 28);
    int top = app_px(app, 18) + text_line_height(app, FONT_TITLE) + app_px(app, 14);
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 40);
    ScrollBody body;
    int y = scroll_body_begin(app, &s->scroll, &body, top, footer);
    int content = results_body(app, s, &body.pen, margin, y, app->w - margin * 2 - app_px(app, 10));
    scroll_body_end(app, &s->scroll, &body, content);
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
