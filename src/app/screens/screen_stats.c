/* Stats: six pages over the progress store (mock history, domain accuracy,
 * Leitner boxes and the due forecast, the study calendar, the readiness
 * checklist with the pass probability, records and achievements) under a
 * header that says whether the learner is on track. Every number is read
 * when the screen opens or comes back into view, never while drawing. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chart.h"
#include "strbuf.h"
#include "hud.h"
#include "leitner.h"
#include "plan.h"
#include "rewards.h"
#include "scoring.h"
#include "screens.h"
#include "store.h"
#include "study.h"
#include "text.h"
#include "ui.h"

#define STATS_PAGES 6
#define STATS_MAX_MOCKS 60          /* newest mocks in the chart */
#define STATS_FORECAST_DAYS 14
#define STATS_WEEKS 12
#define STATS_RECENT_ANSWERS 1500   /* answers behind readiness and the pass estimate */
#define STATS_HISTORY_DAYS 730      /* days read back for achievements */
#define STATS_MISSING_TASKS 6       /* unpractised task ids listed by name */

typedef enum StatsVerdict { VERDICT_NEW, VERDICT_NOT_YET, VERDICT_ON_TRACK, VERDICT_READY } StatsVerdict;

static const char *const PAGE_NAMES[STATS_PAGES] = {"Mock exams", "Domains", "Leitner boxes",
                                                    "Calendar", "Readiness", "Records"};
static const char *const PAGE_SHORT[STATS_PAGES] = {"Mocks", "Domains", "Boxes", "Days", "Ready", "Bests"};

typedef struct StatsState {
    int page;
    Scroll scroll[STATS_PAGES];
    int64_t now;
    int today;                      /* local day number */
    StudyToday day;
    StudyPlan plan;
    bool has_plan;

    StoreExamSummary mocks[STATS_MAX_MOCKS];
    int mock_count;
    StoreExamSummary diagnostic;    /* the newest diagnostic */
    bool has_diagnostic;
    int ready_score;

    StoreDomainStat acc_all[SCORING_MAX_DOMAINS];
    StoreDomainStat acc_week[SCORING_MAX_DOMAINS];

    StoreBoxCounts boxes[SCORING_MAX_DOMAINS];
    int due[STATS_FORECAST_DAYS];

    StoreDay cal[STATS_WEEKS * 7];
    int cal_first;                  /* day number of cal[0], a Monday */
    int cal_count;                  /* days up to today */
    int cal_top;                    /* answers on the busiest day shown */

    PlanReadiness ready;
    int answers_used;               /* answers behind ready.overall */
    bool task_done[SCORING_MAX_TASKS];
    int tasks_done;
    PlanPassEstimate pass;
    bool pass_ok;
    int evidence;                   /* answers that informed the memory fit */
    char pass_basis[160];           /* what the estimate is about (exam day or today) */

    int sprint_best, sprint_rounds, marathon_best, marathon_rounds;
    StoreTotals totals;
    RewardsStats rstats;
    uint32_t earned;

    StatsVerdict verdict;
    int weakest;                    /* domain index, -1 with no answers */
} StatsState;

/* ---- loading ------------------------------------------------------------ */

static int weekday_monday0(int day)
{
    /* Day 0 (1970-01-01) was a Thursday. */
    int w = (day + 3) % 7;
    return w < 0 ? w + 7 : w;
}

static void load_exams(App *app, StatsState *s)
{
    if (store_exam_history(app->store, MODE_MOCK, s->mocks, STATS_MAX_MOCKS, &s->mock_count) != STORE_OK)
        s->mock_count = 0;
    StoreExamSummary d[1];
    int n = 0;
    s->has_diagnostic = store_exam_history(app->store, MODE_DIAGNOSTIC, d, 1, &n) == STORE_OK && n == 1;
    if (s->has_diagnostic)
        s->diagnostic = d[0];
    s->ready_score = plan_ready_score(app->bank);
}

static void load_calendar(App *app, StatsState *s)
{
    int monday = s->today - weekday_monday0(s->today);
    s->cal_first = monday - (STATS_WEEKS - 1) * 7;
    s->cal_count = s->today - s->cal_first + 1;
    memset(s->cal, 0, sizeof s->cal);
    if (store_days(app->store, s->cal_first, s->cal_count, s->cal) != STORE_OK)
        memset(s->cal, 0, sizeof s->cal);
    s->cal_top = 1;
    for (int i = 0; i < s->cal_count; i++)
        if (s->cal[i].answers > s->cal_top)
            s->cal_top = s->cal[i].answers;
}

/* Readiness checklist and pass probability from the recent answers. */
static void load_readiness(App *app, StatsState *s)
{
    const Bank *b = app->bank;
    Answer *answers = calloc(STATS_RECENT_ANSWERS, sizeof *answers);
    int n = 0;
    if (answers && store_recent_answers(app->store, b, STATS_RECENT_ANSWERS, answers, NULL, &n) != STORE_OK)
        n = 0;
    s->answers_used = n;
    ScoreResult history;
    bool have_history = n > 0 && scoring_score_answers(b, answers, n, &history);
    int scores[PLAN_READY_RUN];
    int count = 0;
    int first = s->mock_count > PLAN_READY_RUN ? s->mock_count - PLAN_READY_RUN : 0;
    for (int i = first; i < s->mock_count; i++)
        scores[count++] = s->mocks[i].scaled;
    plan_readiness(b, scores, count, have_history ? &history : NULL, &s->ready);

    memset(s->task_done, 0, sizeof s->task_done);
    s->tasks_done = 0;
    for (int i = 0; i < b->item_count; i++) {
        int t = b->items[i].task;
        if (app->study->states[i].seen > 0 && t >= 0 && t < SCORING_MAX_TASKS && !s->task_done[t]) {
            s->task_done[t] = true;
            s->tasks_done++;
        }
    }

    s->pass_ok = study_pass_estimate(app->study, app_now(app), &s->pass, &s->evidence);
    study_estimate_basis(app->study, app_now(app), s->pass_basis, sizeof s->pass_basis);
    free(answers);

    s->weakest = -1;
    for (int d = 0; d < s->ready.domain_count; d++)
        if (s->ready.domain[d] >= 0 && (s->weakest < 0 || s->ready.domain[d] < s->ready.domain[s->weakest]))
            s->weakest = d;
}

/* Latest run of mocks at the ready score, newest backwards. */
static int ready_run(const StatsState *s)
{
    int run = 0;
    for (int i = s->mock_count - 1; i >= 0 && s->mocks[i].scaled >= s->ready_score; i--)
        run++;
    return run;
}

static void load_rewards(App *app, StatsState *s)
{
    RewardsStats *r = &s->rstats;
    memset(r, 0, sizeof *r);
    r->answers = s->totals.answers;
    r->right = s->totals.right;
    r->diagnostics = s->totals.diagnostics_finished;
    r->mocks = s->totals.mocks_finished;
    for (int i = 0; i < s->mock_count; i++)
        if (s->mocks[i].scaled > r->best_mock)
            r->best_mock = s->mocks[i].scaled;
    r->mocks_ready_in_a_row = ready_run(s);
    /* The store keeps no per-session rows for drills, per-domain results of
     * a mock or arcade combos: the screens that know them keep profile values;
     * a drill day (any drill answer) stands in for a finished drill. */
    r->last_mock_all_meet = store_profile_get(app->store, "last_mock_all_meet", 0) != 0;
    r->best_combo = (int)store_profile_get(app->store, "best_combo", 0);
    int drill_days = 0;
    StoreDay *days = calloc(STATS_HISTORY_DAYS, sizeof *days);
    if (days && store_days(app->store, s->today - STATS_HISTORY_DAYS + 1, STATS_HISTORY_DAYS, days) == STORE_OK)
        for (int i = 0; i < STATS_HISTORY_DAYS; i++)
            drill_days += days[i].drill_answers > 0;
    free(days);
    int sessions = (int)store_profile_get(app->store, "drill_sessions", 0);
    r->drill_sessions = sessions > drill_days ? sessions : drill_days;
    int cur = 0, best = 0;
    if (store_streak(app->store, s->today, &cur, &best) != STORE_OK)
        best = 0;
    r->best_streak = best > s->day.streak.best ? best : s->day.streak.best;
    r->best_arcade_points = s->sprint_best > s->marathon_best ? s->sprint_best : s->marathon_best;
    int counts[BANK_MAX_BOXES + 1] = {0};
    leitner_box_counts(app->bank, app->study->states, counts);
    r->top_box_items = counts[app->bank->leitner_boxes];
    r->level = s->day.level;
    s->earned = rewards_earned(r);
}

static StatsVerdict judge(App *app, const StatsState *s)
{
    if (s->totals.answers == 0 && s->mock_count == 0)
        return VERDICT_NEW;
    bool tasks = s->tasks_done >= app->bank->task_count;
    if (s->ready.ready && s->ready.lagging_count == 0 && tasks)
        return VERDICT_READY;
    bool last_pass = s->mock_count > 0 && s->mocks[s->mock_count - 1].scaled >= app->bank->scale_pass;
    if ((s->pass_ok && s->pass.probability >= 0.75) || (last_pass && s->ready.recent_ready >= 2))
        return VERDICT_ON_TRACK;
    return VERDICT_NOT_YET;
}

/* Reads everything the pages show. */
static void load(App *app, StatsState *s)
{
    const Bank *b = app->bank;
    s->now = app_now(app);
    s->today = study_day(s->now);
    app_study_today(app, &s->day);
    PlanOptions opt = {.daily_minutes = app->settings.daily_minutes, .exam_date = app->settings.exam_date};
    s->has_plan = plan_build(b, app->study->states, study_accuracy(app->study), s->now, &opt, &s->plan);
    load_exams(app, s);
    memset(s->acc_all, 0, sizeof s->acc_all);
    memset(s->acc_week, 0, sizeof s->acc_week);
    store_domain_accuracy(app->store, b, 0, s->acc_all);
    store_domain_accuracy(app->store, b, s->now - 7 * (int64_t)SECONDS_PER_DAY, s->acc_week);
    memset(s->boxes, 0, sizeof s->boxes);
    store_box_counts(app->store, b, s->boxes);
    memset(s->due, 0, sizeof s->due);
    store_due_per_day(app->store, b, s->now, STATS_FORECAST_DAYS, s->due);
    load_calendar(app, s);
    if (store_arcade_best(app->store, "sprint", &s->sprint_best, &s->sprint_rounds) != STORE_OK)
        s->sprint_best = s->sprint_rounds = 0;
    if (store_arcade_best(app->store, "marathon", &s->marathon_best, &s->marathon_rounds) != STORE_OK)
        s->marathon_best = s->marathon_rounds = 0;
    if (store_totals(app->store, &s->totals) != STORE_OK)
        memset(&s->totals, 0, sizeof s->totals);
    load_readiness(app, s);
    load_rewards(app, s);
    s->verdict = judge(app, s);
}

/* arg, when not NULL, is a const int *: the page to open (0-5). */
static void *stats_enter(App *app, const void *arg)
{
    StatsState *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    if (arg) {
        int page = *(const int *)arg;
        s->page = page >= 0 && page < STATS_PAGES ? page : 0;
    }
    load(app, s);
    return s;
}

static void stats_resume(App *app, void *state)
{
    load(app, state);
}

static void stats_leave(App *app, void *state)
{
    (void)app;
    free(state);
}

static void set_page(App *app, StatsState *s, int page)
{
    page = (page % STATS_PAGES + STATS_PAGES) % STATS_PAGES;
    if (page == s->page)
        return;
    s->page = page;
    s->scroll[page].offset = 0;
    app_sound(app, SFX_CLICK);
}

static void stats_action(App *app, void *state, const Action *a)
{
    StatsState *s = state;
    switch (a->type) {
    case ACT_BACK: app_pop(app); return;
    case ACT_LEFT: set_page(app, s, s->page - 1); return;
    case ACT_RIGHT:
    case ACT_TAB: set_page(app, s, s->page + 1); return;
    case ACT_DIGIT:
        if (a->value >= 1 && a->value <= STATS_PAGES)
            set_page(app, s, a->value - 1);
        return;
    case ACT_SELECT: set_page(app, s, a->value); return;
    default: ui_scroll_action(app, &s->scroll[s->page], a); return;
    }
}

static int stats_update(App *app, void *state, int dt_ms)
{
    (void)app;
    (void)state;
    (void)dt_ms;
    return SCREEN_IDLE;
}

/* ---- formatting --------------------------------------------------------- */

static void fmt_count(int n, char *buf, size_t size)
{
    if (n >= 1000000)
        snprintf(buf, size, "%d,%03d,%03d", n / 1000000, n / 1000 % 1000, n % 1000);
    else if (n >= 1000)
        snprintf(buf, size, "%d,%03d", n / 1000, n % 1000);
    else
        snprintf(buf, size, "%d", n);
}

static void fmt_duration(int64_t ms, char *buf, size_t size)
{
    int64_t min = ms / 60000;
    if (min >= 60)
        snprintf(buf, size, "%lld h %02lld min", (long long)(min / 60), (long long)(min % 60));
    else
        snprintf(buf, size, "%lld min", (long long)min);
}

static void fmt_date(int64_t t, const char *fmt, char *buf, size_t size)
{
    time_t tt = (time_t)t;
    struct tm tm;
    localtime_r(&tt, &tm);
    if (strftime(buf, size, fmt, &tm) == 0 && size > 0)
        buf[0] = '\0';
}

static int pct(int right, int total)
{
    return total > 0 ? (int)((right * 100 + total / 2) / total) : 0;
}

static SDL_Color score_colour(const App *app, const StatsState *s, int scaled)
{
    if (scaled >= s->ready_score)
        return app->theme.good;
    if (scaled >= app->bank->scale_pass)
        return app->theme.accent2;
    return app->theme.bad;
}


/* ---- header and tabs ---------------------------------------------------- */

/* Copies text into buf shortened with an ellipsis so it fits w pixels in
 * `role` (unchanged when it fits). */
static void ellipsize(App *app, FontRole role, const char *text, int w, char *buf, size_t size)
{
    snprintf(buf, size, "%s", text);
    size_t len = strlen(buf);
    int tw, th;
    text_size(app, role, buf, &tw, &th);
    while (tw > w && len > 0) {
        /* drop one UTF-8 character and put an ellipsis in its place */
        do
            len--;
        while (len > 0 && ((unsigned char)buf[len] & 0xC0) == 0x80);
        while (len > 0 && (buf[len - 1] == ' ' || buf[len - 1] == ','))
            len--;
        snprintf(buf + len, size - len, "\xE2\x80\xA6");
        text_size(app, role, buf, &tw, &th);
    }
}

/* Draws one line in bold, or in the regular face when bold is too wide,
 * shortened with an ellipsis when even that does not fit in w pixels. */
static void draw_fitted(App *app, const char *text, int x, int y, int w, SDL_Color c)
{
    int tw, th;
    text_size(app, FONT_BODY_BOLD, text, &tw, &th);
    if (tw <= w) {
        text_draw(app, FONT_BODY_BOLD, text, x, y, c, ALIGN_LEFT);
        return;
    }
    char buf[160];
    ellipsize(app, FONT_BODY, text, w, buf, sizeof buf);
    text_draw(app, FONT_BODY, buf, x, y, c, ALIGN_LEFT);
}

/* One cell of the header: a small label and a bold value, a dim note below. */
static void header_cell(App *app, SDL_Rect r, const char *label, const char *value, SDL_Color vc,
                        const char *note)
{
    const Theme *t = &app->theme;
    int x = r.x + app_px(app, 16), w = r.w - app_px(app, 24);
    int y = r.y + app_px(app, 10);
    ChartClip saved;
    chart_clip_push(app, r, &saved);
    text_draw(app, FONT_SMALL, label, x, y, t->text_dim, ALIGN_LEFT);
    y += text_line_height(app, FONT_SMALL) + app_px(app, 2);
    draw_fitted(app, value, x, y, w, vc);
    y += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 2);
    if (y + text_line_height(app, FONT_SMALL) <= r.y + r.h)
        text_draw_wrapped(app, FONT_SMALL, note, x, y, w, t->text_dim, r.y, r.y + r.h - app_px(app, 4));
    chart_clip_pop(app, &saved);
}

static void verdict_text(App *app, const StatsState *s, const char **word, SDL_Color *c, char *note,
                         size_t size)
{
    const Theme *t = &app->theme;
    switch (s->verdict) {
    case VERDICT_NEW:
        *word = "Just starting";
        *c = t->accent2;
        snprintf(note, size, "Take the Diagnostic (4 on the menu) for a first estimate.");
        return;
    case VERDICT_READY:
        *word = "Ready";
        *c = t->good;
        break;
    case VERDICT_ON_TRACK:
        *word = "On track";
        *c = t->accent2;
        break;
    case VERDICT_NOT_YET:
        *word = "Not ready yet";
        *c = t->warn;
        break;
    }
    if (s->mock_count == 0)
        snprintf(note, size, "No mock exam yet: take one (3) to measure it.");
    else
        snprintf(note, size, "%d of the last %d mocks at %d or more.", s->ready.recent_ready,
                 s->ready.recent_mocks, s->ready_score);
}

/* True when the window is short in layout units (large text): the header
 * then drops its notes so the pages keep room. */
static bool compact(const App *app)
{
    return (float)app->h / app->scale < 640.0f;
}

static int draw_header(App *app, StatsState *s, int y)
{
    const Theme *t = &app->theme;
    int margin = app_px(app, 28);
    int notes = compact(app) ? 0 : 2;
    int h = text_line_height(app, FONT_SMALL) * (1 + notes) + text_line_height(app, FONT_BODY_BOLD) +
            app_px(app, notes ? 24 : 18);
    SDL_Rect p = {margin, y, app->w - margin * 2, h};
    ui_panel(app, p);
    int cw = p.w / 4;
    char value[96], note[320];
    const char *word = "";
    SDL_Color vc = t->text;
    verdict_text(app, s, &word, &vc, note, sizeof note);
    header_cell(app, (SDL_Rect){p.x, p.y, cw, p.h}, "Am I on track?", word, vc, note);

    if (s->pass_ok && s->evidence > 0) {
        snprintf(value, sizeof value, "%d%%", (int)(s->pass.probability * 100 + 0.5));
        if (app->settings.exam_date > s->now)
            snprintf(note, sizeof note, "on exam day at %d min a day (likely %d-%d%%)", app->settings.daily_minutes,
                     (int)(s->pass.low * 100 + 0.5), (int)(s->pass.high * 100 + 0.5));
        else
            snprintf(note, sizeof note, "if you took the exam today (likely %d-%d%%)",
                     (int)(s->pass.low * 100 + 0.5), (int)(s->pass.high * 100 + 0.5));
        vc = s->pass.probability >= 0.8 ? t->good : s->pass.probability >= 0.5 ? t->accent2 : t->bad;
    } else {
        snprintf(value, sizeof value, "not known yet");
        snprintf(note, sizeof note, "answer some questions first");
        vc = t->text_dim;
    }
    header_cell(app, (SDL_Rect){p.x + cw, p.y, cw, p.h}, "Pass probability", value, vc, note);

    if (s->weakest >= 0) {
        snprintf(value, sizeof value, "%s", app->bank->domains[s->weakest].name);
        snprintf(note, sizeof note, "%d%% right vs %d%% overall, recent answers",
                 (int)(s->ready.domain[s->weakest] * 100 + 0.5), (int)(s->ready.overall * 100 + 0.5));
        vc = s->ready.lagging[s->weakest] ? t->bad : t->text;
    } else {
        snprintf(value, sizeof value, "none yet");
        snprintf(note, sizeof note, "no answers to compare");
        vc = t->text_dim;
    }
    header_cell(app, (SDL_Rect){p.x + cw * 2, p.y, cw, p.h}, "Weakest domain", value, vc, note);

    snprintf(value, sizeof value, "%d due, goal %d/%d", s->day.due,
             s->day.drill_answers < s->day.goal ? s->day.drill_answers : s->day.goal, s->day.goal);
    if (s->has_plan && app->settings.exam_date > 0)
        snprintf(note, sizeof note, "Exam in %d day%s: %d min a day, about %d new items", s->plan.days_left,
                 s->plan.days_left == 1 ? "" : "s", s->plan.daily_minutes, s->plan.new_per_day);
    else
        snprintf(note, sizeof note, "No exam date: set one in Settings (6) for a plan");
    header_cell(app, (SDL_Rect){p.x + cw * 3, p.y, p.w - cw * 3, p.h}, "Today",
                value, s->day.streak.today_met ? t->good : t->text, note);
    for (int i = 1; i < 4; i++)
        ui_fill(app, (SDL_Rect){p.x + cw * i, p.y + app_px(app, 12), 1, p.h - app_px(app, 24)},
                ui_alpha(t->border, 140));
    return y + h;
}

static int draw_tabs(App *app, StatsState *s, int y)
{
    const Theme *t = &app->theme;
    int margin = app_px(app, 28);
    int gap = app_px(app, 8);
    int h = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 16);
    int w = (app->w - margin * 2 - gap * (STATS_PAGES - 1)) / STATS_PAGES;
    /* one style for every tab: full names, short names, or digits only */
    int style = 0;
    for (int i = 0; i < STATS_PAGES; i++) {
        char label[48];
        int tw, th;
        snprintf(label, sizeof label, "%d  %s", i + 1, PAGE_NAMES[i]);
        text_size(app, FONT_BODY_BOLD, label, &tw, &th);
        if (tw > w - app_px(app, 8) && style < 1)
            style = 1;
        snprintf(label, sizeof label, "%d %s", i + 1, PAGE_SHORT[i]);
        text_size(app, FONT_BODY_BOLD, label, &tw, &th);
        if (tw > w - app_px(app, 8))
            style = 2;
    }
    for (int i = 0; i < STATS_PAGES; i++) {
        SDL_Rect r = {margin + i * (w + gap), y, w, h};
        bool sel = i == s->page;
        ui_round_rect(app, r, app_px(app, 10), sel ? t->accent : t->panel);
        char label[48];
        if (style == 0)
            snprintf(label, sizeof label, "%d  %s", i + 1, PAGE_NAMES[i]);
        else if (style == 1)
            snprintf(label, sizeof label, "%d %s", i + 1, PAGE_SHORT[i]);
        else
            snprintf(label, sizeof label, "%d", i + 1);
        ChartClip saved;
        chart_clip_push(app, r, &saved);
        text_draw(app, sel ? FONT_BODY_BOLD : FONT_BODY, label, r.x + r.w / 2, r.y + app_px(app, 8),
                  sel ? t->bg : t->text_dim, ALIGN_CENTER);
        chart_clip_pop(app, &saved);
        app_hit(app, r, (Action){.type = ACT_SELECT, .value = i});
    }
    return y + h;
}

/* ---- page 1: mock exam history ------------------------------------------ */

/* The page before the first mock exam: what a mock is, and the diagnostic. */
static int mocks_empty(App *app, const StatsState *s, SDL_Rect view, int y)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    int top = y;
    SDL_Rect p = {view.x, y, view.w, app_px(app, 150)};
    ui_panel(app, p);
    text_draw(app, FONT_TITLE, "No mock exams yet", p.x + app_px(app, 24), p.y + app_px(app, 20), t->text,
              ALIGN_LEFT);
    char line[320];
    snprintf(line, sizeof line,
             "A mock exam is the full rehearsal: %d questions in %d minutes, scored %d-%d like the real one. "
             "Take one from the menu (3); its score will be drawn here against the %d pass mark and the %d "
             "target.", b->exam_items, b->exam_minutes, b->scale_min, b->scale_max, b->scale_pass, s->ready_score);
    text_draw_wrapped(app, FONT_BODY, line, p.x + app_px(app, 24),
                      p.y + app_px(app, 28) + text_line_height(app, FONT_TITLE), p.w - app_px(app, 48),
                      t->text_dim, view.y, view.y + view.h);
    y += p.h + app_px(app, 14);
    if (s->has_diagnostic) {
        char d[32];
        fmt_date(s->diagnostic.finished_at, "%d %b %Y", d, sizeof d);
        snprintf(line, sizeof line, "Your last diagnostic (%s): about %d, likely %d-%d.", d, s->diagnostic.scaled,
                 s->diagnostic.likely_low, s->diagnostic.likely_high);
        y += text_draw_wrapped(app, FONT_BODY, line, view.x, y, view.w, t->text, view.y, view.y + view.h);
    }
    return y - top;
}

/* The chart's title and its legend (a line for the score, a swatch for the range). */
static void mocks_legend(App *app, SDL_Rect p)
{
    const Theme *t = &app->theme;
    int lh = text_line_height(app, FONT_SMALL);
    int ly = p.y + app_px(app, 14);
    int title_w = text_draw(app, FONT_BODY_BOLD, "Scaled score of each mock exam", p.x + app_px(app, 20),
                            p.y + app_px(app, 12), t->text, ALIGN_LEFT);
    int sw, range_w, score_w;
    text_size(app, FONT_SMALL, "likely range", &range_w, &sw);
    text_size(app, FONT_SMALL, "score", &score_w, &sw);
    if (title_w + range_w + score_w + app_px(app, 130) > p.w)
        return; /* no room beside the title: the colours speak for themselves */
    int lx = p.x + p.w - app_px(app, 20);
    lx -= text_draw(app, FONT_SMALL, "likely range", lx, ly, t->text_dim, ALIGN_RIGHT) + app_px(app, 26);
    ui_round_rect(app, (SDL_Rect){lx, ly, app_px(app, 20), lh}, app_px(app, 4), ui_alpha(t->accent2, 70));
    lx -= app_px(app, 16);
    lx -= text_draw(app, FONT_SMALL, "score", lx, ly, t->text_dim, ALIGN_RIGHT) + app_px(app, 26);
    chart_segment(app, (float)lx, (float)(ly + lh / 2), (float)(lx + app_px(app, 20)), (float)(ly + lh / 2),
                  (float)app_px(app, 3), t->accent2);
}

/* Dates under the axis: the first, the last, and between where they fit. */
static void mocks_dates(App *app, const StatsState *s, const float *xs, int ly)
{
    int n = s->mock_count;
    int last_right = -100000;
    for (int i = 0; i < n; i++) {
        char d[24];
        fmt_date(s->mocks[i].finished_at, "%d %b", d, sizeof d);
        int tw, th;
        text_size(app, FONT_SMALL, d, &tw, &th);
        int left = (int)xs[i] - tw / 2;
        if (i != n - 1 && (left < last_right + app_px(app, 16) || (int)xs[i] + tw / 2 > (int)xs[n - 1] - tw))
            continue;
        text_draw(app, FONT_SMALL, d, (int)xs[i], ly, app->theme.text_dim, ALIGN_CENTER);
        last_right = left + tw;
    }
}

/* The scores over time in panel p: likely ranges as a band, the pass and
 * target lines, the scores as a line with a dot per exam (coloured by how
 * it compares with the lines). */
static void mocks_chart(App *app, const StatsState *s, SDL_Rect p)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    int lh = text_line_height(app, FONT_SMALL);
    ui_panel(app, p);
    mocks_legend(app, p);
    int left = app_px(app, 64), right = app_px(app, 100);
    ChartFrame f = {{p.x + left, p.y + app_px(app, 40), p.w - left - right, p.h - app_px(app, 56) - lh * 2},
                    0, (double)b->scale_max};
    int lowest = b->scale_pass;
    for (int i = 0; i < s->mock_count; i++)
        if (s->mocks[i].likely_low < lowest)
            lowest = s->mocks[i].likely_low;
    f.min = (double)((lowest - 50) / 100 * 100);
    if (f.min < b->scale_min)
        f.min = b->scale_min;
    chart_grid(app, &f, 100);

    float xs[STATS_MAX_MOCKS];
    double v[STATS_MAX_MOCKS], lo[STATS_MAX_MOCKS], hi[STATS_MAX_MOCKS];
    int n = s->mock_count;
    double t0 = (double)s->mocks[0].finished_at, t1 = (double)s->mocks[n - 1].finished_at;
    ChartFrame inner = f;
    inner.plot.x += app_px(app, 16);
    inner.plot.w -= app_px(app, 32);
    for (int i = 0; i < n; i++) {
        xs[i] = n == 1 ? (float)(inner.plot.x + inner.plot.w / 2)
                       : chart_x(&inner, (double)s->mocks[i].finished_at, t0, t1);
        v[i] = s->mocks[i].scaled;
        lo[i] = s->mocks[i].likely_low > 0 ? s->mocks[i].likely_low : s->mocks[i].scaled;
        hi[i] = s->mocks[i].likely_high > 0 ? s->mocks[i].likely_high : s->mocks[i].scaled;
    }
    chart_band(app, &f, xs, lo, hi, n, ui_alpha(t->accent2, 55));
    char label[64];
    snprintf(label, sizeof label, "target %d", s->ready_score);
    chart_ref_line(app, &f, s->ready_score, t->good, label, true);
    snprintf(label, sizeof label, "pass %d", b->scale_pass);
    chart_ref_line(app, &f, b->scale_pass, t->warn, label, false);
    chart_line(app, &f, xs, v, n, t->accent2, (float)app_px(app, 3), 0);
    for (int i = 0; i < n; i++) {
        float py = chart_y(&f, v[i]);
        ui_circle(app, xs[i], py, (float)app_px(app, 7), t->panel);
        ui_circle(app, xs[i], py, (float)app_px(app, 5), score_colour(app, s, s->mocks[i].scaled));
    }
    mocks_dates(app, s, xs, f.plot.y + f.plot.h + app_px(app, 8));
}

static int page_mocks(App *app, StatsState *s, SDL_Rect view, int y)
{
    if (s->mock_count == 0)
        return mocks_empty(app, s, view, y);
    int top = y;
    int n = s->mock_count;
    /* The chart fills what the view leaves after the summary line. */
    int summary_h = text_line_height(app, FONT_BODY) * 2 + app_px(app, 20);
    int chart_h = view.h - summary_h - app_px(app, 10);
    if (chart_h < app_px(app, 300))
        chart_h = app_px(app, 300);
    mocks_chart(app, s, (SDL_Rect){view.x, y, view.w, chart_h});
    y += chart_h + app_px(app, 14);

    int best = 0, sum = 0, k = 0;
    for (int i = 0; i < n; i++) {
        if (s->mocks[i].scaled > best)
            best = s->mocks[i].scaled;
        if (i >= n - PLAN_READY_RUN) {
            sum += s->mocks[i].scaled;
            k++;
        }
    }
    char line[400];
    snprintf(line, sizeof line, "%d mock exam%s, best %d, last %d (likely %d-%d), average of the last %d: %d.", n,
             n == 1 ? "" : "s", best, s->mocks[n - 1].scaled, s->mocks[n - 1].likely_low,
             s->mocks[n - 1].likely_high, k, k ? sum / k : 0);
    if (s->has_diagnostic) {
        char d[32];
        fmt_date(s->diagnostic.finished_at, "%d %b", d, sizeof d);
        strbuf_append(line, sizeof line, "  Diagnostic on %s: %d.", d, s->diagnostic.scaled);
    }
    y += text_draw_wrapped(app, FONT_BODY, line, view.x, y, view.w, app->theme.text, view.y, view.y + view.h);
    return y - top;
}

/* ---- page 2: domain accuracy -------------------------------------------- */

static int page_domains(App *app, StatsState *s, SDL_Rect view, int y)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    int top = y;
    int lh = text_line_height(app, FONT_SMALL);
    int bh = app_px(app, 14);
    int row_h = text_line_height(app, FONT_BODY_BOLD) + lh + app_px(app, 30);
    int head = text_line_height(app, FONT_BODY_BOLD) + lh + app_px(app, 30);
    SDL_Rect p = {view.x, y, view.w, head + row_h * b->domain_count + app_px(app, 10)};
    ui_panel(app, p);
    int px = p.x + app_px(app, 20);
    text_draw(app, FONT_BODY_BOLD, "Right answers per domain", px, p.y + app_px(app, 12), t->text, ALIGN_LEFT);
    /* legend */
    int lx = p.x + p.w - app_px(app, 20), ly = p.y + app_px(app, 14);
    lx -= text_draw(app, FONT_SMALL, "last 7 days", lx, ly, t->text_dim, ALIGN_RIGHT) + app_px(app, 8);
    ui_round_rect(app, (SDL_Rect){lx - app_px(app, 20), ly + lh / 4, app_px(app, 20), lh / 2}, 2, t->accent);
    lx -= app_px(app, 40);
    lx -= text_draw(app, FONT_SMALL, "all time", lx, ly, t->text_dim, ALIGN_RIGHT) + app_px(app, 8);
    ui_round_rect(app, (SDL_Rect){lx - app_px(app, 20), ly + lh / 4, app_px(app, 20), lh / 2}, 2, t->accent2);

    int label_w = p.w * 36 / 100;
    int bar_x = px + label_w;
    int bar_w = p.x + p.w - app_px(app, 150) - bar_x;
    int ry = p.y + head;
    int pass_x = bar_x + (int)((double)bar_w * b->pass_fraction);
    char line[160];
    snprintf(line, sizeof line, "pass %d%%", (int)(b->pass_fraction * 100 + 0.5));
    text_draw(app, FONT_SMALL, line, pass_x, ry - lh - app_px(app, 6), t->warn, ALIGN_CENTER);
    for (int d = 0; d < b->domain_count; d++) {
        const StoreDomainStat *all = &s->acc_all[d], *week = &s->acc_week[d];
        int yy = ry + d * row_h;
        if (d > 0)
            ui_fill(app, (SDL_Rect){px, yy - app_px(app, 10), p.w - app_px(app, 40), 1}, ui_alpha(t->border, 90));
        snprintf(line, sizeof line, "%s %s", b->domains[d].id, b->domains[d].name);
        ChartClip saved;
        chart_clip_push(app, (SDL_Rect){px, yy - app_px(app, 4), label_w - app_px(app, 12), row_h}, &saved);
        draw_fitted(app, line, px, yy, label_w - app_px(app, 12), t->text);
        double fa = all->total ? (double)all->right / all->total : 0;
        double fw = week->total ? (double)week->right / week->total : 0;
        snprintf(line, sizeof line, "%d%% of the exam", b->domains[d].weight);
        int wy = yy + text_line_height(app, FONT_BODY_BOLD) + app_px(app, 4);
        int cx = px + text_draw(app, FONT_SMALL, line, px, wy, t->text_dim, ALIGN_LEFT) + app_px(app, 10);
        bool meets = all->total > 0 && fa >= b->pass_fraction;
        const char *chip = all->total == 0 ? "not started" : meets ? "meets the line" : "below the line";
        SDL_Color cc = all->total == 0 ? t->text_dim : meets ? t->good : t->bad;
        ui_chip(app, cx, wy - app_px(app, 2), chip, ui_alpha(cc, 45), cc);
        chart_clip_pop(app, &saved);
        int by = yy + app_px(app, 4);
        chart_hbar(app, (SDL_Rect){bar_x, by, bar_w, bh}, fa, t->accent2);
        chart_hbar(app, (SDL_Rect){bar_x, by + bh + app_px(app, 8), bar_w, bh}, fw, t->accent);
        int vx = bar_x + bar_w + app_px(app, 14);
        snprintf(line, sizeof line, all->total ? "%d%%  of %d" : "no answers", pct(all->right, all->total),
                 all->total);
        text_draw(app, FONT_SMALL, line, vx, by + (bh - lh) / 2, all->total ? t->text : t->text_dim, ALIGN_LEFT);
        snprintf(line, sizeof line, week->total ? "%d%%  of %d" : "none this week", pct(week->right, week->total),
                 week->total);
        text_draw(app, FONT_SMALL, line, vx, by + bh + app_px(app, 8) + (bh - lh) / 2,
                  week->total ? t->text : t->text_dim, ALIGN_LEFT);
    }
    /* the pass fraction line through every row */
    int th = app_px(app, 2) > 1 ? app_px(app, 2) : 1;
    for (int yy = ry - app_px(app, 4); yy < ry + row_h * b->domain_count - app_px(app, 20); yy += app_px(app, 10))
        ui_fill(app, (SDL_Rect){pass_x - th / 2, yy, th, app_px(app, 6)}, t->warn);
    y += p.h + app_px(app, 12);
    text_draw_wrapped(app, FONT_SMALL,
                      "The exam is compensatory: no domain must pass on its own, but a domain below the line "
                      "costs points the others must make up. Answers from every mode count.",
                      view.x, y, view.w, t->text_dim, view.y, view.y + view.h);
    y += text_wrapped_height(app, FONT_SMALL,
                             "The exam is compensatory: no domain must pass on its own, but a domain below the line "
                             "costs points the others must make up. Answers from every mode count.", view.w);
    return y - top;
}

/* ---- page 3: Leitner boxes and the forecast ------------------------------ */

static SDL_Color box_colour(const App *app, int box, int boxes)
{
    const Theme *t = &app->theme;
    if (box == 0)
        return ui_alpha(t->text_dim, 110);
    float f = boxes > 1 ? (float)(box - 1) / (float)(boxes - 1) : 1.0f;
    return f < 0.5f ? ui_mix(t->bad, t->warn, f * 2) : ui_mix(t->warn, t->good, (f - 0.5f) * 2);
}

static int page_boxes(App *app, StatsState *s, SDL_Rect view, int y)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    int top = y;
    int lh = text_line_height(app, FONT_SMALL);
    int boxes = b->leitner_boxes;
    int bar_h = app_px(app, 18);
    int row_h = bar_h + app_px(app, 10);
    int legend_h = lh + app_px(app, 12);
    int head = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 18);
    SDL_Rect p = {view.x, y, view.w, head + legend_h + row_h * b->domain_count + app_px(app, 8)};
    ui_panel(app, p);
    int px = p.x + app_px(app, 20);
    text_draw(app, FONT_BODY_BOLD, "Items per Leitner box", px, p.y + app_px(app, 12), t->text, ALIGN_LEFT);
    /* legend: New, Box 1 (1 d), ... */
    int lx = px, ly = p.y + head;
    SDL_Color colours[BANK_MAX_BOXES + 1];
    for (int k = 0; k <= boxes; k++) {
        colours[k] = box_colour(app, k, boxes);
        char label[40];
        if (k == 0)
            snprintf(label, sizeof label, "new");
        else
            snprintf(label, sizeof label, "box %d (%d d)", k, b->leitner_days[k - 1]);
        ui_round_rect(app, (SDL_Rect){lx, ly + lh / 4, app_px(app, 14), lh / 2 + 2}, 2, colours[k]);
        lx += app_px(app, 20);
        lx += text_draw(app, FONT_SMALL, label, lx, ly, t->text_dim, ALIGN_LEFT) + app_px(app, 16);
    }
    int label_w = p.w * 30 / 100;
    int bar_x = px + label_w;
    int seen_w, seen_h;
    text_size(app, FONT_SMALL, "0000/0000 seen", &seen_w, &seen_h);
    int bar_w = p.x + p.w - app_px(app, 32) - seen_w - bar_x;
    int ry = ly + legend_h;
    for (int d = 0; d < b->domain_count; d++) {
        int yy = ry + d * row_h;
        int total = 0;
        for (int k = 0; k <= boxes; k++)
            total += s->boxes[d].box[k];
        ChartClip saved;
        if (chart_clip_push(app, (SDL_Rect){px, yy - app_px(app, 4), label_w - app_px(app, 10), bar_h + app_px(app, 8)},
                            &saved))
            text_draw(app, FONT_BODY, b->domains[d].name, px,
                      yy + (bar_h - text_line_height(app, FONT_BODY)) / 2 + 1, t->text, ALIGN_LEFT);
        chart_clip_pop(app, &saved);
        chart_stacked_hbar(app, (SDL_Rect){bar_x, yy, bar_w, bar_h}, s->boxes[d].box, boxes + 1, total, colours);
        int learned = total - s->boxes[d].box[0];
        char line[64];
        snprintf(line, sizeof line, "%d/%d seen", learned, total);
        text_draw(app, FONT_SMALL, line, bar_x + bar_w + app_px(app, 12), yy + (bar_h - lh) / 2, t->text_dim,
                  ALIGN_LEFT);
    }
    y += p.h + app_px(app, 14);

    /* the forecast: due per day for two weeks */
    int fh = view.h - (y - top) - app_px(app, 4);
    if (fh < app_px(app, 180))
        fh = app_px(app, 180);
    SDL_Rect q = {view.x, y, view.w, fh};
    ui_panel(app, q);
    int total = 0, peak = 1;
    for (int i = 0; i < STATS_FORECAST_DAYS; i++) {
        total += s->due[i];
        if (s->due[i] > peak)
            peak = s->due[i];
    }
    char title[120];
    snprintf(title, sizeof title, "Due over the next %d days: %d reviews", STATS_FORECAST_DAYS, total);
    text_draw(app, FONT_BODY_BOLD, title, q.x + app_px(app, 20), q.y + app_px(app, 12), t->text, ALIGN_LEFT);
    int chart_top = q.y + app_px(app, 18) + text_line_height(app, FONT_BODY_BOLD) + lh + app_px(app, 6);
    int chart_bottom = q.y + q.h - lh - app_px(app, 14);
    int cx = q.x + app_px(app, 20), cw = q.w - app_px(app, 40);
    int slot = cw / STATS_FORECAST_DAYS;
    int bw = slot * 6 / 10;
    for (int i = 0; i < STATS_FORECAST_DAYS; i++) {
        int bx = cx + i * slot + (slot - bw) / 2;
        SDL_Rect r = {bx, chart_top, bw, chart_bottom - chart_top};
        chart_vbar(app, r, (double)s->due[i] / peak, i == 0 ? t->accent : t->accent2);
        char num[16];
        snprintf(num, sizeof num, "%d", s->due[i]);
        int hgt = (int)((double)r.h * s->due[i] / peak);
        text_draw(app, FONT_SMALL, num, bx + bw / 2, r.y + r.h - hgt - lh - app_px(app, 2),
                  s->due[i] ? t->text : t->text_dim, ALIGN_CENTER);
        char d[16];
        if (i == 0)
            snprintf(d, sizeof d, "today");
        else
            fmt_date(s->now + (int64_t)i * SECONDS_PER_DAY, "%a", d, sizeof d);
        text_draw(app, FONT_SMALL, d, bx + bw / 2, chart_bottom + app_px(app, 6),
                  i == 0 ? t->accent : t->text_dim, ALIGN_CENTER);
    }
    y += fh;
    return y - top;
}

/* ---- page 4: study calendar ---------------------------------------------- */

/* The heatmap: one column per week, Monday at the top, today outlined. */
static void draw_heatmap(App *app, const StatsState *s, int gx, int gy, int cw, int ch)
{
    const Theme *t = &app->theme;
    int lh = text_line_height(app, FONT_SMALL);
    int pad = ch / 8 > 1 ? ch / 8 : 1;
    int last_month = -1;
    for (int c = 0; c < STATS_WEEKS; c++) {
        time_t tt = (time_t)((int64_t)(s->cal_first + c * 7) * SECONDS_PER_DAY + SECONDS_PER_DAY / 2);
        struct tm tm;
        gmtime_r(&tt, &tm);
        if (tm.tm_mon != last_month) {
            char m[16];
            if (strftime(m, sizeof m, "%b", &tm) > 0)
                text_draw(app, FONT_SMALL, m, gx + c * cw, gy - lh - app_px(app, 4), t->text_dim, ALIGN_LEFT);
            last_month = tm.tm_mon;
        }
        for (int r = 0; r < 7; r++) {
            int i = c * 7 + r;
            if (i >= s->cal_count)
                break;
            const StoreDay *d = &s->cal[i];
            SDL_Rect cr = {gx + c * cw + pad / 2, gy + r * ch + pad / 2, cw - pad, ch - pad};
            ui_round_rect(app, cr, app_px(app, 4), chart_heat(app, d->answers, s->cal_top, t->good));
            if (d->goal_met)
                ui_circle(app, (float)cr.x + (float)cr.w / 2, (float)cr.y + (float)cr.h / 2, (float)ch / 9, t->bg);
            if (i == s->cal_count - 1) {
                SDL_Rect o = {cr.x - 2, cr.y - 2, cr.w + 4, cr.h + 4};
                SDL_SetRenderDrawColor(app->renderer, t->accent.r, t->accent.g, t->accent.b, 255);
                SDL_RenderDrawRect(app->renderer, &o);
                SDL_Rect o2 = {o.x + 1, o.y + 1, o.w - 2, o.h - 2};
                SDL_RenderDrawRect(app->renderer, &o2);
            }
        }
    }
}

static void draw_heat_legend(App *app, const StatsState *s, int x, int y)
{
    const Theme *t = &app->theme;
    int lh = text_line_height(app, FONT_SMALL);
    x += text_draw(app, FONT_SMALL, "less", x, y, t->text_dim, ALIGN_LEFT) + app_px(app, 8);
    for (int k = 0; k <= 4; k++) {
        int count = k == 0 ? 0 : (s->cal_top * k + 3) / 4;
        ui_round_rect(app, (SDL_Rect){x, y, lh, lh}, app_px(app, 3), chart_heat(app, count, s->cal_top, t->good));
        x += lh + app_px(app, 4);
    }
    x += app_px(app, 4);
    x += text_draw(app, FONT_SMALL, "more", x, y, t->text_dim, ALIGN_LEFT) + app_px(app, 24);
    ui_round_rect(app, (SDL_Rect){x, y, lh, lh}, app_px(app, 3), t->good);
    ui_circle(app, (float)x + (float)lh / 2, (float)y + (float)lh / 2, (float)lh / 5, t->bg);
    x += lh + app_px(app, 6);
    x += text_draw(app, FONT_SMALL, "daily goal met", x, y, t->text_dim, ALIGN_LEFT) + app_px(app, 24);
    SDL_Rect o = {x, y, lh, lh};
    SDL_SetRenderDrawColor(app->renderer, t->accent.r, t->accent.g, t->accent.b, 255);
    SDL_RenderDrawRect(app->renderer, &o);
    x += lh + app_px(app, 6);
    text_draw(app, FONT_SMALL, "today", x, y, t->text_dim, ALIGN_LEFT);
}

static int page_calendar(App *app, StatsState *s, SDL_Rect view, int y)
{
    const Theme *t = &app->theme;
    int lh = text_line_height(app, FONT_SMALL);
    int side_w = view.w * 30 / 100;
    int gap = app_px(app, 14);
    SDL_Rect p = {view.x, y, view.w - side_w - gap, 0};
    int label_w = app_px(app, 44);
    int head = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 22) + lh + app_px(app, 4);
    int foot = lh + app_px(app, 34);
    /* Cells fill the panel's width; their height fits the view (at least 22 units). */
    int cw = (p.w - app_px(app, 40) - label_w) / STATS_WEEKS;
    int ch = (view.h - head - foot) / 7;
    if (ch < app_px(app, 22))
        ch = app_px(app, 22);
    if (ch > cw)
        ch = cw;
    if (cw > ch * 2)
        cw = ch * 2;
    p.h = head + ch * 7 + foot;
    ui_panel(app, p);
    int px = p.x + app_px(app, 20);
    char line[400];
    snprintf(line, sizeof line, "Answers per day, last %d weeks", STATS_WEEKS);
    text_draw(app, FONT_BODY_BOLD, line, px, p.y + app_px(app, 12), t->text, ALIGN_LEFT);
    int gx = px + label_w, gy = p.y + head;
    static const char *const WEEKDAYS[7] = {"Mon", "", "Wed", "", "Fri", "", "Sun"};
    for (int r = 0; r < 7; r++)
        if (WEEKDAYS[r][0])
            text_draw(app, FONT_SMALL, WEEKDAYS[r], px, gy + r * ch + (ch - lh) / 2, t->text_dim, ALIGN_LEFT);
    draw_heatmap(app, s, gx, gy, cw, ch);
    draw_heat_legend(app, s, gx, gy + ch * 7 + app_px(app, 14));

    /* side: the streak, the weeks in numbers, and how the streak works */
    SDL_Rect q = {p.x + p.w + gap, y, side_w, p.h};
    ui_panel(app, q);
    int qx = q.x + app_px(app, 20), qy = q.y + app_px(app, 14), qw = q.w - app_px(app, 40);
    int flame = app_px(app, 44);
    ui_flame(app, qx - app_px(app, 6), qy, flame, 0.3f, s->day.streak.today_met);
    snprintf(line, sizeof line, "%d", s->day.streak.current);
    int nw = text_draw(app, FONT_TITLE, line, qx + flame, qy + app_px(app, 4), t->text, ALIGN_LEFT);
    text_draw(app, FONT_BODY, s->day.streak.current == 1 ? "day streak" : "day streak", qx + flame + nw +
              app_px(app, 8), qy + app_px(app, 12), t->text, ALIGN_LEFT);
    qy += flame + app_px(app, 2);
    snprintf(line, sizeof line, s->day.streak.today_met ? "Today's goal is met." : "Today: %d of %d drill answers.",
             s->day.drill_answers < s->day.goal ? s->day.drill_answers : s->day.goal, s->day.goal);
    text_draw(app, FONT_SMALL, line, qx, qy, s->day.streak.today_met ? t->good : t->accent, ALIGN_LEFT);
    qy += lh + app_px(app, 10);
    int studied = 0, answers = 0, goals = 0;
    for (int i = 0; i < s->cal_count; i++) {
        studied += s->cal[i].answers > 0;
        answers += s->cal[i].answers;
        goals += s->cal[i].goal_met;
    }
    const char *labels[5] = {"Best streak", "Rest days saved", "Days studied", "Daily goal met", "Answers"};
    char values[5][48];
    snprintf(values[0], sizeof values[0], "%d day%s", s->rstats.best_streak, s->rstats.best_streak == 1 ? "" : "s");
    snprintf(values[1], sizeof values[1], "%d of %d", s->day.streak.rest_days, REWARDS_REST_MAX);
    snprintf(values[2], sizeof values[2], "%d of %d", studied, s->cal_count);
    snprintf(values[3], sizeof values[3], "%d day%s", goals, goals == 1 ? "" : "s");
    fmt_count(answers, values[4], sizeof values[4]);
    int row = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 4);
    for (int i = 0; i < 5; i++) {
        text_draw(app, FONT_SMALL, labels[i], qx, qy + app_px(app, 2), t->text_dim, ALIGN_LEFT);
        text_draw(app, FONT_BODY_BOLD, values[i], qx + qw, qy, t->text, ALIGN_RIGHT);
        qy += row;
    }
    qy += app_px(app, 6);
    snprintf(line, sizeof line,
             "A day counts when its goal is met: %d drill answers, an arcade round of %d, or a finished exam. "
             "Every %d streak days earn a rest day that covers a missed one.", s->day.goal,
             REWARDS_GOAL_ARCADE_ROUND_ANSWERS, REWARDS_REST_EVERY);
    /* the explanation only when it fits the panel */
    if (qy + text_wrapped_height(app, FONT_SMALL, line, qw) <= q.y + q.h - app_px(app, 8))
        text_draw_wrapped(app, FONT_SMALL, line, qx, qy, qw, t->text_dim, view.y, view.y + view.h);
    return p.h;
}

/* ---- page 5: readiness --------------------------------------------------- */

typedef struct CheckItem {
    bool ok;
    char title[160];
    char detail[600];
} CheckItem;

/* The four checks of the exam advice, worded for the learner. */
static void compose_checklist(App *app, const StatsState *s, CheckItem *c)
{
    const Bank *b = app->bank;
    int lag = (int)(PLAN_LAG_POINTS * 100 + 0.5);
    memset(c, 0, sizeof *c * 4);

    c[0].ok = s->ready.ready;
    snprintf(c[0].title, sizeof c[0].title, "%d mock exams in a row at %d or more", PLAN_READY_RUN, s->ready_score);
    if (s->mock_count == 0)
        snprintf(c[0].detail, sizeof c[0].detail, "No mock exam yet. One good run can be luck; five in a row "
                 "is a skill.");
    else
        snprintf(c[0].detail, sizeof c[0].detail, "%d of your last %d mocks scored %d or more; your current "
                 "run is %d.", s->ready.recent_ready, s->ready.recent_mocks, s->ready_score, ready_run(s));

    snprintf(c[1].title, sizeof c[1].title, "No domain more than %d points below your average", lag);
    c[1].ok = s->answers_used > 0 && s->ready.lagging_count == 0;
    if (s->answers_used == 0) {
        snprintf(c[1].detail, sizeof c[1].detail, "No answers yet.");
    } else {
        snprintf(c[1].detail, sizeof c[1].detail, "Average %d%% over your last %d answers.",
                 (int)(s->ready.overall * 100 + 0.5), s->answers_used);
        for (int d = 0; d < s->ready.domain_count; d++) {
            if (s->ready.domain[d] < 0) {
                c[1].ok = false;
                strbuf_append(c[1].detail, sizeof c[1].detail, " %s: no answers.", b->domains[d].name);
            } else if (s->ready.lagging[d]) {
                strbuf_append(c[1].detail, sizeof c[1].detail, " %s lags at %d%%.", b->domains[d].name,
                       (int)(s->ready.domain[d] * 100 + 0.5));
            }
        }
        if (c[1].ok)
            strbuf_append(c[1].detail, sizeof c[1].detail, " Every domain is within %d points.", lag);
    }

    c[2].ok = s->tasks_done >= b->task_count;
    snprintf(c[2].title, sizeof c[2].title, "Every task statement practised (%d of %d)", s->tasks_done,
             b->task_count);
    if (c[2].ok) {
        snprintf(c[2].detail, sizeof c[2].detail, "You have answered items from all %d task statements of the "
                 "exam guide.", b->task_count);
    } else {
        snprintf(c[2].detail, sizeof c[2].detail, "Not yet practised:");
        int listed = 0;
        for (int k = 0; k < b->task_count; k++) {
            if (s->task_done[k])
                continue;
            if (listed == STATS_MISSING_TASKS) {
                strbuf_append(c[2].detail, sizeof c[2].detail, " and %d more.", b->task_count - s->tasks_done - listed);
                break;
            }
            strbuf_append(c[2].detail, sizeof c[2].detail, "%s %s %s", listed ? ";" : "", b->tasks[k].id,
                   b->tasks[k].title);
            listed++;
        }
    }

    c[3].ok = s->pass_ok && s->evidence > 0 && s->pass.probability >= 0.8;
    snprintf(c[3].title, sizeof c[3].title, "Estimated pass probability of 80%% or more");
    if (s->pass_ok && s->evidence > 0)
        snprintf(c[3].detail, sizeof c[3].detail,
                 "%d%% (likely %d-%d%%) %s, average score %d: each question's recall from the memory model "
                 "fitted to your %d answers, scored on real exam forms.",
                 (int)(s->pass.probability * 100 + 0.5), (int)(s->pass.low * 100 + 0.5),
                 (int)(s->pass.high * 100 + 0.5), s->pass_basis, (int)(s->pass.mean_scaled + 0.5), s->evidence);
    else
        snprintf(c[3].detail, sizeof c[3].detail, "Answer some questions first: the estimate needs your answers.");
}

static int check_height(App *app, const CheckItem *c, int w, int mark)
{
    int tw = w - mark - app_px(app, 16);
    int h = text_wrapped_height(app, FONT_BODY_BOLD, c->title, tw) + app_px(app, 2) +
            text_wrapped_height(app, FONT_SMALL, c->detail, tw);
    return h > mark ? h : mark;
}

static void check_draw(App *app, const CheckItem *c, int x, int y, int w, int mark, SDL_Rect view)
{
    const Theme *t = &app->theme;
    int tx = x + mark + app_px(app, 16), tw = w - mark - app_px(app, 16);
    chart_mark(app, x, y + app_px(app, 2), mark, c->ok);
    int h = text_draw_wrapped(app, FONT_BODY_BOLD, c->title, tx, y, tw, t->text, view.y, view.y + view.h);
    text_draw_wrapped(app, FONT_SMALL, c->detail, tx, y + h + app_px(app, 2), tw, t->text_dim, view.y,
                      view.y + view.h);
}

static int page_readiness(App *app, StatsState *s, SDL_Rect view, int y)
{
    const Theme *t = &app->theme;
    CheckItem items[4];
    compose_checklist(app, s, items);
    int gap = app_px(app, 14);
    int side_w = view.w * 32 / 100;
    int lw = view.w - side_w - gap;
    int pad = app_px(app, 22);
    int mark = app_px(app, 30);
    int row_gap = app_px(app, 16);
    int head = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 12);
    int h = pad + head;
    for (int i = 0; i < 4; i++)
        h += check_height(app, &items[i], lw - pad * 2, mark) + (i < 3 ? row_gap : 0);
    h += pad;
    if (h < app_px(app, 300))
        h = app_px(app, 300);
    ui_panel(app, (SDL_Rect){view.x, y, lw, h});
    int cy = y + pad;
    int done = 0;
    for (int i = 0; i < 4; i++)
        done += items[i].ok;
    char line[512];
    snprintf(line, sizeof line, "Readiness checklist: %d of 4 done", done);
    text_draw(app, FONT_BODY_BOLD, line, view.x + pad, cy, done == 4 ? t->good : t->accent, ALIGN_LEFT);
    cy += head;
    for (int i = 0; i < 4; i++) {
        check_draw(app, &items[i], view.x + pad, cy, lw - pad * 2, mark, view);
        cy += check_height(app, &items[i], lw - pad * 2, mark) + row_gap;
    }

    SDL_Rect q = {view.x + lw + gap, y, side_w, h};
    ui_panel(app, q);
    int qx = q.x + q.w / 2, qy = q.y + app_px(app, 20);
    text_draw(app, FONT_BODY_BOLD, app->settings.exam_date > s->now ? "Chance to pass on exam day" : "Chance to pass today",
              qx, qy, t->text, ALIGN_CENTER);
    qy += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 10);
    char big[32];
    SDL_Color c = t->text_dim;
    if (s->pass_ok && s->evidence > 0) {
        snprintf(big, sizeof big, "%d%%", (int)(s->pass.probability * 100 + 0.5));
        c = s->pass.probability >= 0.8 ? t->good : s->pass.probability >= 0.5 ? t->accent2 : t->bad;
    } else {
        snprintf(big, sizeof big, "?");
    }
    text_draw(app, FONT_HUGE, big, qx, qy, c, ALIGN_CENTER);
    qy += text_line_height(app, FONT_HUGE) + app_px(app, 6);
    const char *word = "";
    SDL_Color vc = t->text;
    verdict_text(app, s, &word, &vc, line, sizeof line);
    text_draw(app, FONT_TITLE, word, qx, qy, vc, ALIGN_CENTER);
    qy += text_line_height(app, FONT_TITLE) + app_px(app, 10);
    if (s->pass_ok && s->evidence > 0) {
        snprintf(line, sizeof line, "Chance of passing %s: your recall of each question as the memory model "
                 "predicts it, scored on exam forms built like the real one.", s->pass_basis);
    } else {
        snprintf(line, sizeof line, "The estimate appears once you have answered questions.");
    }
    text_draw_wrapped(app, FONT_SMALL, line, q.x + app_px(app, 20), qy, q.w - app_px(app, 40), t->text_dim,
                      view.y, view.y + view.h);
    return h;
}

/* ---- page 6: records ----------------------------------------------------- */

typedef struct RecordCard {
    char label[64];
    char value[64];
    SDL_Color colour;
} RecordCard;

static void compose_records(App *app, const StatsState *s, RecordCard *c)
{
    const Theme *t = &app->theme;
    char num[32];
    snprintf(c[0].label, sizeof c[0].label, "Arcade sprint best (60 s)");
    fmt_count(s->sprint_best, c[0].value, sizeof c[0].value);
    c[0].colour = s->sprint_rounds ? t->accent : t->text_dim;
    snprintf(c[1].label, sizeof c[1].label, "Arcade marathon best (3 min)");
    fmt_count(s->marathon_best, c[1].value, sizeof c[1].value);
    c[1].colour = s->marathon_rounds ? t->accent : t->text_dim;
    snprintf(c[2].label, sizeof c[2].label, "Time studied");
    fmt_duration(s->totals.ms, c[2].value, sizeof c[2].value);
    c[2].colour = t->text;
    fmt_count((int)s->totals.xp, num, sizeof num);
    snprintf(c[3].label, sizeof c[3].label, "Level (%s XP)", num);
    snprintf(c[3].value, sizeof c[3].value, "%d", s->day.level);
    c[3].colour = t->accent2;
}

/* One achievement as a line: a mark, the title, and what it asks for. */
static void draw_achievement(App *app, const RewardsAchievement *a, bool got, SDL_Rect r)
{
    const Theme *t = &app->theme;
    int mark = text_line_height(app, FONT_SMALL) + app_px(app, 2);
    int my = r.y + (r.h - mark) / 2;
    if (got)
        chart_mark(app, r.x, my, mark, true);
    else
        ui_circle(app, (float)r.x + (float)mark / 2, (float)my + (float)mark / 2, (float)mark / 2,
                  ui_alpha(t->text_dim, 60));
    int tx = r.x + mark + app_px(app, 8);
    int by = r.y + (r.h - text_line_height(app, FONT_BODY_BOLD)) / 2;
    int dx = tx + text_draw(app, FONT_BODY_BOLD, a->title, tx, by, got ? t->text : t->text_dim, ALIGN_LEFT) +
             app_px(app, 8);
    char desc[200];
    ellipsize(app, FONT_SMALL, a->description, r.x + r.w - dx, desc, sizeof desc);
    text_draw(app, FONT_SMALL, desc, dx, r.y + (r.h - text_line_height(app, FONT_SMALL)) / 2,
              got ? t->text_dim : ui_alpha(t->text_dim, 160), ALIGN_LEFT);
}

static int page_records(App *app, StatsState *s, SDL_Rect view, int y)
{
    const Theme *t = &app->theme;
    int top = y;
    int gap = app_px(app, 12);
    int card_h = text_line_height(app, FONT_SMALL) + text_line_height(app, FONT_TITLE) + app_px(app, 30);
    enum { CARDS = 4 };
    int cw = (view.w - gap * (CARDS - 1)) / CARDS;
    RecordCard cards[CARDS];
    compose_records(app, s, cards);
    for (int i = 0; i < CARDS; i++) {
        SDL_Rect r = {view.x + i * (cw + gap), y, cw, card_h};
        ChartClip saved;
        if (chart_clip_push(app, r, &saved))
            hud_stat(app, r, cards[i].label, cards[i].value, cards[i].colour);
        chart_clip_pop(app, &saved);
    }
    y += card_h + gap;
    char line[400], answers[32];
    fmt_count(s->totals.answers, answers, sizeof answers);
    if (s->totals.answers == 0)
        snprintf(line, sizeof line, "Nothing answered yet: your records, totals and achievements fill in as you "
                 "study.");
    else
        snprintf(line, sizeof line,
             "%s answers (%d%% right) to %d of the bank's %d items, on %d days. %d mock exam%s and %d "
             "diagnostic%s finished; %d sprint and %d marathon round%s played.",
             answers, pct(s->totals.right, s->totals.answers), s->totals.items_answered, app->bank->item_count,
             s->totals.days_studied, s->totals.mocks_finished, s->totals.mocks_finished == 1 ? "" : "s",
             s->totals.diagnostics_finished, s->totals.diagnostics_finished == 1 ? "" : "s", s->sprint_rounds,
             s->marathon_rounds, s->marathon_rounds == 1 ? "" : "s");
    y += text_draw_wrapped(app, FONT_SMALL, line, view.x, y, view.w, t->text, view.y, view.y + view.h);
    y += app_px(app, 12);

    int count = rewards_achievement_count();
    int earned = 0;
    for (int i = 0; i < count; i++)
        earned += (int)((s->earned >> i) & 1u);
    SDL_Rect p = {view.x, y, view.w, 0};
    int row_h = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 5);
    int head = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 18);
    int rows = (count + 1) / 2;
    p.h = head + rows * row_h + app_px(app, 8);
    ui_panel(app, p);
    snprintf(line, sizeof line, "Achievements: %d of %d earned", earned, count);
    text_draw(app, FONT_BODY_BOLD, line, p.x + app_px(app, 20), p.y + app_px(app, 12), t->text, ALIGN_LEFT);
    int col_w = (p.w - app_px(app, 40) - gap) / 2;
    for (int i = 0; i < count; i++) {
        SDL_Rect r = {p.x + app_px(app, 20) + (i / rows) * (col_w + gap), p.y + head + (i % rows) * row_h, col_w,
                      row_h};
        draw_achievement(app, rewards_achievement(i), (s->earned >> i) & 1u, r);
    }
    y += p.h;
    return y - top;
}

/* ---- draw ---------------------------------------------------------------- */

static void draw_all(App *app, StatsState *s)
{
    ui_background(app);
    char title[64], date[48];
    fmt_date(s->now, "%A %d %B", date, sizeof date);
    snprintf(title, sizeof title, "Stats: %s", PAGE_NAMES[s->page]);
    ui_title(app, title, date);
    int y = app_px(app, 18) + text_line_height(app, FONT_TITLE) + app_px(app, 12);
    y = draw_header(app, s, y) + app_px(app, 12);
    y = draw_tabs(app, s, y) + app_px(app, 14);
    int margin = app_px(app, 28);
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 30);
    SDL_Rect view = {margin, y, app->w - margin * 2, app->h - y - footer};
    if (view.h < app_px(app, 40))
        view.h = app_px(app, 40);
    Scroll *sc = &s->scroll[s->page];
    sc->view = view.h;
    ChartClip saved;
    chart_clip_push(app, (SDL_Rect){view.x - app_px(app, 4), view.y - 2, view.w + app_px(app, 8), view.h + 4}, &saved);
    int cy = view.y - sc->offset;
    int h = 0;
    switch (s->page) {
    case 0: h = page_mocks(app, s, view, cy); break;
    case 1: h = page_domains(app, s, view, cy); break;
    case 2: h = page_boxes(app, s, view, cy); break;
    case 3: h = page_calendar(app, s, view, cy); break;
    case 4: h = page_readiness(app, s, view, cy); break;
    default: h = page_records(app, s, view, cy); break;
    }
    chart_clip_pop(app, &saved);
    sc->content = h;
    ui_scrollbar(app, (SDL_Rect){view.x + view.w + app_px(app, 10), view.y, app_px(app, 8), view.h}, sc);
    static const char *const LONG[2] = {"Left/Right or 1-6  pages      Esc  back to the menu",
                                        "Left/Right or 1-6  pages      Up/Down/PgUp/PgDn  scroll      Esc  back"};
    static const char *const SHORT[2] = {"Left/Right  pages   Esc  back",
                                         "Left/Right  pages   Up/Down  scroll   Esc  back"};
    int scrolls = sc->content > sc->view;
    int fw, fh;
    text_size(app, FONT_SMALL, LONG[scrolls], &fw, &fh);
    ui_footer(app, fw <= app->w - app_px(app, 56) ? LONG[scrolls] : SHORT[scrolls]);
}

static void stats_draw(App *app, void *state)
{
    StatsState *s = state;
    draw_all(app, s);
    /* After a resize the old offset can run past the end: clamp, draw again. */
    Scroll *sc = &s->scroll[s->page];
    int max = sc->content - sc->view > 0 ? sc->content - sc->view : 0;
    if (sc->offset > max) {
        sc->offset = max;
        app->hit_count = 0;
        draw_all(app, s);
    }
}

const Screen SCREEN_STATS = {
    .name = "stats",
    .enter = stats_enter,
    .leave = stats_leave,
    .action = stats_action,
    .update = stats_update,
    .draw = stats_draw,
    .resume = stats_resume,
};
