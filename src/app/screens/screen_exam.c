/* Mock exam and diagnostic: the start screens (begin, resume or discard an
 * exam in progress), the exam itself (no feedback, N/P/F/R, a countdown with
 * a pace indicator, every answer saved as it is given) and the review grid
 * (filters, jump to an item, end the exam). Scoring and results: results.c. */
#include <stdlib.h>
#include <string.h>

#include "exam.h"
#include "examform.h"
#include "hud.h"
#include "leitner.h"
#include "rewards.h"
#include "screens.h"
#include "store.h"
#include "study.h"
#include "text.h"
#include "ui.h"

#define EXAM_SAVE_CLOCK_MS 5000   /* time left is saved at least this often */
#define EXAM_RECENT_FORMS 6       /* new mock forms avoid the items of the last six */

void exam_format_time(int seconds, char *buf, size_t size)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds >= 3600)
        snprintf(buf, size, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    else
        snprintf(buf, size, "%02d:%02d", seconds / 60, seconds % 60);
}

void exam_counts(const ExamState *s, int *unanswered, int *flagged)
{
    *unanswered = 0;
    *flagged = 0;
    for (int i = 0; i < s->form.count; i++) {
        if (s->form.items[i].answer == 0)
            (*unanswered)++;
        if (s->form.items[i].flagged)
            (*flagged)++;
    }
}

static bool is_mock(const ExamState *s)
{
    return s->form.mode == MODE_MOCK;
}

/* Saves the form's clock and, for pos >= 0, that position's answer and flag. */
static void save(App *app, ExamState *s, int pos)
{
    if (!s->stored)
        return;
    s->form.seconds_left = s->form.seconds_total > 0 ? (s->remaining_ms + 999) / 1000 : 0;
    s->save_ms = 0;
    if (store_exam_save(app->store, &s->form, pos) != STORE_OK)
        app_status(app, "Not saved: %s", store_error_message(app->store));
}

void exam_goto(App *app, ExamState *s, int pos)
{
    if (pos < 0 || pos >= s->form.count)
        return;
    if (pos != s->pos && s->form.items[s->pos].ms > 0)
        save(app, s, s->pos); /* the time spent on the item being left */
    s->pos = pos;
    s->form.position = pos;
    FormItem *fi = &s->form.items[pos];
    qview_set(app, &s->q, fi->item, fi->order);
    s->q.chosen = fi->answer;
    save(app, s, -1);
}

/* ---- the start screens -------------------------------------------------- */

typedef struct StartState {
    StudyMode mode;
    bool esl;
    bool has_resume;
    ExamForm resume;      /* loaded unfinished exam (owned until launched) */
    bool resume_esl;
    bool confirm_discard;
} StartState;

static void *start_enter(App *app, StudyMode mode)
{
    StartState *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->mode = mode;
    s->esl = app->settings.esl;
    StoreStatus st = store_exam_load_unfinished(app->store, app->bank, app_now(app), &s->resume, &s->resume_esl);
    if (st == STORE_OK)
        s->has_resume = true;
    else if (st == STORE_STALE)
        app_status(app, "%s", store_error_message(app->store));
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
    exam_form_free(&s->resume);
    free(s);
}

static void begin_new(App *app, StartState *s)
{
    ExamLaunch launch;
    memset(&launch, 0, sizeof launch);
    launch.esl = s->mode == MODE_MOCK && s->esl;
    int n = app->bank->item_count;
    bool *used = calloc((size_t)(n > 0 ? n : 1), sizeof *used);
    int *recent = calloc((size_t)(n > 0 ? n : 1), sizeof *recent);
    int count = 0, used_count = 0;
    if (used && recent && s->mode == MODE_MOCK &&
        store_recent_form_items(app->store, app->bank, EXAM_RECENT_FORMS, used, &used_count) == STORE_OK)
        for (int i = 0; i < n; i++)
            if (used[i])
                recent[count++] = i;
    ExamFormOptions opt = {.recent = recent, .recent_count = count, .esl = launch.esl};
    ExamFormReport report;
    bool ok = s->mode == MODE_MOCK
                  ? examform_build_mock(app->bank, &opt, app_now(app), &app->rng, &launch.form, &report)
                  : examform_build_diagnostic(app->bank, &opt, app_now(app), &app->rng, &launch.form, &report);
    free(used);
    free(recent);
    if (!ok) {
        app_status(app, "This bank has no questions to build an exam from.");
        return;
    }
    if (report.incomplete)
        app_status(app, "The bank has only %d questions: this exam is shorter than the real one.", launch.form.count);
    launch.stored = store_exam_begin(app->store, app->bank, &launch.form, launch.esl) == STORE_OK;
    if (!launch.stored)
        app_status(app, "This exam cannot be saved: %s", store_error_message(app->store));
    app_sound(app, SFX_CLICK);
    app_replace(app, &SCREEN_EXAM, &launch);
}

static void resume(App *app, StartState *s)
{
    ExamLaunch launch = {.form = s->resume, .esl = s->resume_esl, .stored = true};
    memset(&s->resume, 0, sizeof s->resume);
    s->has_resume = false;
    app_replace(app, &SCREEN_EXAM, &launch);
}

static void start_action(App *app, void *state, const Action *a)
{
    StartState *s = state;
    if (s->confirm_discard) {
        if (a->type == ACT_CONFIRM) {
            store_exam_abandon(app->store, s->resume.store_id, app_now(app));
            exam_form_free(&s->resume);
            s->has_resume = false;
            s->confirm_discard = false;
            app_status(app, "The unfinished exam was discarded.");
        } else if (a->type == ACT_BACK) {
            s->confirm_discard = false;
        }
        return;
    }
    switch (a->type) {
    case ACT_BACK: app_pop(app); return;
    case ACT_CONFIRM:
        if (s->has_resume)
            resume(app, s);
        else
            begin_new(app, s);
        return;
    case ACT_LETTER:
        if (a->value == 'D' && s->has_resume)
            s->confirm_discard = true;
        else if (a->value == 'E' && s->mode == MODE_MOCK && !s->has_resume) {
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
    if (s->has_resume) {
        char left[32];
        exam_format_time(s->resume.seconds_left, left, sizeof left);
        int answered = 0;
        for (int i = 0; i < s->resume.count; i++)
            answered += s->resume.items[i].answer != 0;
        text_draw(app, FONT_TITLE, s->resume.mode == MODE_MOCK ? "A mock exam is waiting for you"
                                                                : "A diagnostic is waiting for you",
                  x, y, t->accent, ALIGN_LEFT);
        y += text_line_height(app, FONT_TITLE) + app_px(app, 16);
        if (s->resume.seconds_total > 0)
            snprintf(line, sizeof line, "You answered %d of %d questions and were on question %d, with %s left on "
                     "the clock. Your answers and flags are saved.", answered, s->resume.count,
                     s->resume.position + 1, left);
        else
            snprintf(line, sizeof line, "You answered %d of %d questions and were on question %d. Your answers are "
                     "saved.", answered, s->resume.count, s->resume.position + 1);
        bullet(app, x, &y, w, line);
        bullet(app, x, &y, w, "Enter resumes where you left off. D discards it and starts fresh.");
        ui_footer(app, "Enter  resume      D  discard      Esc  back");
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
        snprintf(line, sizeof line, "Scaled score from %d to %d; %d passes. Aim for 750 or more before you book.",
                 b->scale_min, b->scale_max, b->scale_pass);
        bullet(app, x, &y, w, line);
        bullet(app, x, &y, w, "Multiple-response questions (\"Choose TWO\") have no partial credit. Unanswered "
                              "counts as wrong, so answer everything.");
        bullet(app, x, &y, w, "No feedback until the end. N next, P previous, F flag, R review screen. Answers "
                              "are saved as you go: closing the window never loses the exam.");
        y += app_px(app, 8);
        snprintf(line, sizeof line, "[%s] E  English is not my first language: +%d minutes (ESL accommodation)",
                 s->esl ? "x" : " ", b->esl_extra_minutes);
        text_draw(app, FONT_BODY_BOLD, line, x, y, s->esl ? t->accent2 : t->text_dim, ALIGN_LEFT);
        snprintf(line, sizeof line, "Enter  begin the exam      E  ESL +%d minutes      Esc  back", b->esl_extra_minutes);
        ui_footer(app, line);
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
        ui_footer(app, "Enter  begin      Esc  back");
    }
    if (s->confirm_discard)
        hud_confirm(app, "Discard the unfinished exam?",
                    "It will be marked abandoned and not scored. Your drill progress is not affected.",
                    "Enter  discard", "Esc  keep it");
}

const Screen SCREEN_MOCK_START = {
    .name = "mock",
    .enter = mock_start_enter,
    .leave = start_leave,
    .action = start_action,
    .update = start_update,
    .draw = start_draw,
};

const Screen SCREEN_DIAGNOSTIC = {
    .name = "diagnostic",
    .enter = diag_start_enter,
    .leave = start_leave,
    .action = start_action,
    .update = start_update,
    .draw = start_draw,
};

/* ---- taking the exam ----------------------------------------------------- */

static void *exam_enter(App *app, const void *arg)
{
    const ExamLaunch *launch = arg;
    ExamState *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->form = launch->form;
    s->esl = launch->esl;
    s->stored = launch->stored;
    s->remaining_ms = s->form.seconds_left * 1000;
    for (int i = 0; i < s->form.count; i++)
        s->elapsed_ms += s->form.items[i].ms;
    int pos = s->form.position >= 0 && s->form.position < s->form.count ? s->form.position : 0;
    exam_goto(app, s, pos);
    return s;
}

static void exam_leave(App *app, void *state)
{
    (void)app;
    ExamState *s = state;
    exam_form_free(&s->form);
    free(s);
}

bool exam_tick(App *app, ExamState *s, int dt_ms)
{
    if (dt_ms <= 0)
        return false;
    s->form.items[s->pos].ms += dt_ms;
    s->elapsed_ms += dt_ms;
    s->save_ms += dt_ms;
    if (s->form.seconds_total > 0) {
        int before = s->remaining_ms / 1000;
        s->remaining_ms -= dt_ms;
        if (s->remaining_ms / 1000 != before)
            app_redraw(app);
        if (s->remaining_ms <= 0) {
            s->remaining_ms = 0;
            app_status(app, "Time is up: the exam ended on its own.");
            exam_finish(app, s);
            return true;
        }
    }
    if (s->save_ms >= EXAM_SAVE_CLOCK_MS)
        save(app, s, s->pos); /* the clock and the time on this item */
    return false;
}

void exam_finish(App *app, ExamState *s)
{
    const Bank *b = app->bank;
    ResultsLaunch r;
    memset(&r, 0, sizeof r);
    s->form.seconds_left = s->form.seconds_total > 0 ? s->remaining_ms / 1000 : 0;
    scoring_score_form(b, &s->form, &r.result);
    r.esl = s->esl;
    r.seconds_used = s->form.seconds_total > 0 ? s->form.seconds_total - s->form.seconds_left : s->elapsed_ms / 1000;

    /* Every item moves its Leitner box: right up one, wrong (and unanswered) to box 1. */
    int64_t now = app_now(app);
    size_t n = (size_t)(b->item_count > 0 ? b->item_count : 1);
    ItemState *states = malloc(n * sizeof *states);
    bool *correct = calloc((size_t)(s->form.count > 0 ? s->form.count : 1), sizeof *correct);
    if (states && correct) {
        memcpy(states, app->study->states, (size_t)b->item_count * sizeof *states);
        for (int i = 0; i < s->form.count; i++) {
            const FormItem *fi = &s->form.items[i];
            correct[i] = scoring_item_correct(&b->items[fi->item], fi->answer);
            leitner_record(b, &states[fi->item], correct[i], now, study_fit(app->study));
        }
        StoreExamResult res = {
            .correct_scored = r.result.right, .scaled = r.result.scaled, .passed = r.result.pass,
            .likely_low = r.result.low, .likely_high = r.result.high, .item_correct = correct,
        };
        r.stored = s->stored && store_exam_finish(app->store, b, &s->form, &res, states, now) == STORE_OK;
        if (r.stored) {
            memcpy(app->study->states, states, (size_t)b->item_count * sizeof *states);
            int scores[5], count = 0;
            store_last_mock_scores(app->store, 5, scores, &count);
            bool ready = s->form.mode == MODE_MOCK && r.result.scaled >= 750;
            if (s->form.mode == MODE_MOCK) {
                bool all_meet = true;
                for (int d = 0; d < r.result.domain_count; d++)
                    all_meet = all_meet && r.result.meets[d];
                store_profile_set(app->store, "last_mock_all_meet", all_meet);
            }
            app_saved(app, study_add_xp(app->study, rewards_session_xp(s->form.mode, r.result.right, true, r.result.pass, ready) +
                                  r.result.right * REWARDS_XP_RIGHT), "XP not saved");
            app_saved(app, study_reload(app->study), "Progress not read");
        } else if (s->stored) {
            app_status(app, "The result could not be saved: %s", store_error_message(app->store));
        }
    }
    free(states);
    free(correct);
    r.form = s->form;
    memset(&s->form, 0, sizeof s->form); /* ownership moves to the results */
    app_sound(app, SFX_END);
    app_pop_to(app, &SCREEN_EXAM);
    app_replace(app, &SCREEN_RESULTS, &r);
}

static void exam_action(App *app, void *state, const Action *a)
{
    ExamState *s = state;
    if (s->confirm_leave) {
        if (a->type == ACT_CONFIRM) {
            save(app, s, -1);
            app_pop(app);
        } else if (a->type == ACT_BACK) {
            s->confirm_leave = false;
        }
        return;
    }
    FormItem *fi = &s->form.items[s->pos];
    switch (a->type) {
    case ACT_BACK: s->confirm_leave = true; return;
    case ACT_RIGHT: exam_goto(app, s, s->pos + 1); return;
    case ACT_LEFT: exam_goto(app, s, s->pos - 1); return;
    case ACT_CONFIRM:
        if (s->pos + 1 < s->form.count)
            exam_goto(app, s, s->pos + 1);
        else
            app_push(app, &SCREEN_REVIEW, s);
        return;
    case ACT_LETTER:
        switch (a->value) {
        case 'N': exam_goto(app, s, s->pos + 1); return;
        case 'P': exam_goto(app, s, s->pos - 1); return;
        case 'F':
            fi->flagged = !fi->flagged;
            save(app, s, s->pos);
            return;
        case 'R': app_push(app, &SCREEN_REVIEW, s); return;
        default: break;
        }
        break;
    default: break;
    }
    uint32_t before = s->q.chosen;
    if (qview_action(app, &s->q, a) && s->q.chosen != before) {
        fi->answer = s->q.chosen;
        save(app, s, s->pos);
    }
}

static int exam_update(App *app, void *state, int dt_ms)
{
    ExamState *s = state;
    if (s->confirm_leave)
        return SCREEN_IDLE; /* the clock stops while the learner decides */
    if (exam_tick(app, s, dt_ms))
        return SCREEN_IDLE;
    int to_second = s->form.seconds_total > 0 ? s->remaining_ms % 1000 : 1000 - s->elapsed_ms % 1000;
    return to_second > 0 ? to_second : 1000;
}

/* "Question k of n", the countdown (amber at 10 minutes, red at 5) and the pace. */
static void draw_exam_header(App *app, ExamState *s)
{
    const Theme *t = &app->theme;
    char label[64], clock[32], pace[96];
    snprintf(label, sizeof label, "Question %d of %d", s->pos + 1, s->form.count);
    int answered = 0;
    for (int i = 0; i < s->form.count; i++)
        answered += s->form.items[i].answer != 0;
    int y = hud_header(app, is_mock(s) ? "Mock exam" : "Diagnostic", label,
                       s->form.count ? (float)answered / (float)s->form.count : 0);
    int right_x = app->w - app_px(app, 28);
    if (s->form.seconds_total > 0) {
        int left = (s->remaining_ms + 999) / 1000;
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
        exam_format_time(s->elapsed_ms / 1000, clock, sizeof clock);
        text_draw(app, FONT_BODY, clock, right_x, y - app_px(app, 8), t->text_dim, ALIGN_RIGHT);
    }
    if (s->form.items[s->pos].flagged)
        ui_chip(app, app_px(app, 28), y - app_px(app, 8), "Flagged for review", ui_alpha(t->flag, 70), t->flag);
}

static void exam_draw(App *app, void *state)
{
    ExamState *s = state;
    ui_background(app);
    draw_exam_header(app, s);
    int top = app_px(app, 18) + text_line_height(app, FONT_TITLE) + app_px(app, 30) +
              text_line_height(app, FONT_SMALL) + app_px(app, 14);
    int margin = app_px(app, 28);
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 30);
    qview_draw(app, &s->q, (SDL_Rect){margin, top, app->w - margin * 2, app->h - top - footer});
    ui_footer(app, "1-5 / A-E  choose     N  next     P  previous     F  flag     R  review     Esc  leave");
    if (s->confirm_leave)
        hud_confirm(app, is_mock(s) ? "Leave the exam?" : "Leave the diagnostic?",
                    "Your answers, flags and the time left are saved. The clock stops until you come back: "
                    "resume it from the home menu.", "Enter  leave", "Esc  stay");
}

static bool exam_right_options(App *app, void *state, uint32_t *mask, int *count)
{
    ExamState *s = state;
    if (s->confirm_leave)
        return false;
    *mask = qview_right_display(app, &s->q);
    *count = s->q.option_count;
    return true;
}

const Screen SCREEN_EXAM = {
    .name = "exam",
    .enter = exam_enter,
    .leave = exam_leave,
    .action = exam_action,
    .update = exam_update,
    .draw = exam_draw,
    .right_options = exam_right_options,
};

/* ---- the review grid ----------------------------------------------------- */

typedef enum ReviewFilter { FILTER_ALL, FILTER_UNANSWERED, FILTER_FLAGGED } ReviewFilter;

typedef struct ReviewState {
    ExamState *exam;      /* the exam screen below (not owned) */
    ReviewFilter filter;
    int selected;         /* form position */
    bool confirm_end;
} ReviewState;

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
    r->exam = (ExamState *)arg;
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
    ExamState *exam = r->exam;
    if (r->confirm_end) {
        if (a->type == ACT_CONFIRM)
            exam_finish(app, exam); /* pops this screen and replaces the exam */
        else if (a->type == ACT_BACK)
            r->confirm_end = false;
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
            exam_goto(app, exam, r->selected);
            app_pop(app);
        }
        return;
    case ACT_LETTER:
        switch (a->value) {
        case 'E': r->confirm_end = true; return;
        case 'A': r->filter = FILTER_ALL; break;
        case 'U': r->filter = FILTER_UNANSWERED; break;
        case 'F': r->filter = FILTER_FLAGGED; break;
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
    if (r->confirm_end && r->exam->form.seconds_total == 0)
        return SCREEN_IDLE;
    /* The exam clock keeps running on the review screen, as on the real exam. */
    if (exam_tick(app, r->exam, dt_ms))
        return SCREEN_IDLE;
    return r->exam->form.seconds_total > 0 ? (r->exam->remaining_ms % 1000) + 1 : SCREEN_IDLE;
}

static void review_draw(App *app, void *state)
{
    ReviewState *r = state;
    ExamState *exam = r->exam;
    const Theme *t = &app->theme;
    ui_background(app);
    int unanswered, flagged;
    exam_counts(exam, &unanswered, &flagged);
    char label[96], clock[32];
    if (exam->form.seconds_total > 0) {
        exam_format_time((exam->remaining_ms + 999) / 1000, clock, sizeof clock);
        snprintf(label, sizeof label, "%s left", clock);
    } else {
        snprintf(label, sizeof label, "%d questions", exam->form.count);
    }
    ui_title(app, "Review", label);
    int margin = app_px(app, 36);
    int y = app_px(app, 78);
    static const char *const NAMES[] = {"A  All", "U  Unanswered", "F  Flagged"};
    int x = margin;
    for (int f = 0; f < 3; f++) {
        bool on = (int)r->filter == f;
        x += ui_chip(app, x, y, NAMES[f], on ? t->accent : ui_alpha(t->border, 120), on ? t->bg : t->text) +
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
    ui_footer(app, "Arrows  move    Enter  go to the question    A/U/F  filter    E  end the exam    Esc  back");
    if (r->confirm_end) {
        char msg[300];
        snprintf(msg, sizeof msg, "%d question%s unanswered (they count as wrong) and %d flagged. You cannot change "
                 "answers after this.", unanswered, unanswered == 1 ? " is" : "s are", flagged);
        hud_confirm(app, "End the exam now?", msg, "Enter  end and score", "Esc  keep working");
    }
}

const Screen SCREEN_REVIEW = {
    .name = "review",
    .enter = review_enter,
    .leave = review_leave,
    .action = review_action,
    .update = review_update,
    .draw = review_draw,
};
