/* The study plan after a diagnostic: the exam date and the minutes a day,
 * minutes per domain, the exam-day projection and what-ifs; saving it sets
 * the settings the home screen and the daily drill follow. */
#include <stdlib.h>
#include <time.h>

#include "exam.h"
#include "keys.h"
#include "percent.h"
#include "plan.h"
#include "strbuf.h"
#include "study.h"
#include "text.h"
#include "ui.h"

static const KeyBinding PLAN_ROWS[] = {
    {"Up/Down", 0, CMD_NONE, "field", false},
    {"Left/Right", 0, CMD_NONE, "change", false},
    {"PgUp/PgDn", 0, CMD_NONE, "a week", true},
    {"Enter", 0, CMD_NONE, "save the plan", false},
    {"Esc", 0, CMD_NONE, "back", false},
};
static const KeyMap PLAN_KEYS = KEYMAP(PLAN_ROWS);

#define PLAN_WHATIFS 3
#define PLAN_WHATIF_DELAY_MS 350 /* what-ifs follow once the keys rest: each is a full projection */

typedef struct PlanState {
    int field;            /* 0 = exam date, 1 = minutes a day */
    int days;             /* to the exam */
    int minutes;
    StudyPlan plan;
    bool has_plan;
    Projection projection;        /* exam day at these minutes */
    bool has_projection;
    int whatif_minutes[PLAN_WHATIFS];
    Projection whatif[PLAN_WHATIFS];
    int whatif_count;
    bool whatif_stale;            /* minutes or date changed since the what-ifs */
    int whatif_wait_ms;           /* time since the last change */
} PlanState;

/* Unix seconds of local midnight `days` days from now. */
static int64_t local_midnight_in(const App *app, int days)
{
    time_t now = (time_t)app_now(app);
    struct tm tm;
    localtime_r(&now, &tm);
    tm.tm_hour = 0;
    tm.tm_min = 0;
    tm.tm_sec = 0;
    tm.tm_mday += days;
    tm.tm_isdst = -1;
    return (int64_t)mktime(&tm);
}

static void rebuild_plan(App *app, PlanState *s)
{
    int64_t exam = local_midnight_in(app, s->days);
    PlanOptions opt = {.daily_minutes = s->minutes, .exam_date = exam};
    s->has_plan = plan_build(app->bank, app->study->states, study_accuracy(app->study), app_now(app), &opt, &s->plan);
    s->has_projection = study_projection(app->study, s->minutes, exam, 0, app_now(app), &s->projection);
    s->whatif_stale = true;
    s->whatif_wait_ms = 0;
}

/* What if: less, more and much more time a day (the same draws as the
 * plan's own projection, so the figures compare). */
static void rebuild_whatifs(App *app, PlanState *s)
{
    int64_t exam = local_midnight_in(app, s->days);
    const int others[PLAN_WHATIFS] = {s->minutes >= 20 ? s->minutes - 10 : s->minutes / 2, s->minutes + 15,
                                      s->minutes * 2};
    s->whatif_count = 0;
    for (int k = 0; k < PLAN_WHATIFS; k++) {
        if (others[k] < 5 || others[k] == s->minutes)
            continue;
        if (study_projection(app->study, others[k], exam, 0, app_now(app), &s->whatif[s->whatif_count]))
            s->whatif_minutes[s->whatif_count++] = others[k];
    }
    s->whatif_stale = false;
}

static void *plan_enter(App *app, const void *arg)
{
    (void)arg;
    PlanState *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->days = PLAN_DEFAULT_DAYS;
    if (app->settings.exam_date > app_now(app))
        s->days = (int)((app->settings.exam_date - local_midnight_in(app, 0) + SECONDS_PER_DAY / 2) / SECONDS_PER_DAY);
    s->minutes = app->settings.daily_minutes > 0 ? app->settings.daily_minutes : PLAN_DEFAULT_MINUTES;
    rebuild_plan(app, s);
    return s;
}

static void plan_leave(App *app, void *state)
{
    (void)app;
    free(state);
}

static void change(PlanState *s, int amount)
{
    if (s->field == 0) {
        s->days += amount;
        if (s->days < 1) s->days = 1;
        if (s->days > 365) s->days = 365;
    } else {
        s->minutes += amount * 5;
        if (s->minutes < 10) s->minutes = 10;
        if (s->minutes > 240) s->minutes = 240;
    }
}

static void plan_action(App *app, void *state, const Action *a)
{
    PlanState *s = state;
    switch (a->type) {
    case ACT_BACK: app_pop(app); return;
    case ACT_UP: case ACT_DOWN: case ACT_TAB: s->field = 1 - s->field; return;
    case ACT_LEFT: change(s, -1); break;
    case ACT_RIGHT: change(s, 1); break;
    case ACT_PAGE_DOWN: change(s, s->field == 0 ? 7 : 3); break;
    case ACT_PAGE_UP: change(s, s->field == 0 ? -7 : -3); break;
    case ACT_CONFIRM:
        app->settings.exam_date = local_midnight_in(app, s->days);
        app->settings.daily_minutes = s->minutes;
        if (s->has_plan && s->plan.new_per_day > 0)
            app->settings.new_per_day = s->plan.new_per_day;
        app_save_settings(app);
        app_status(app, "Study plan saved: the home screen and the daily drill follow it.");
        app_sound(app, SFX_LEVEL_UP);
        app_pop(app);             /* the plan */
        app_pop(app);             /* the results: back home */
        return;
    default: return;
    }
    rebuild_plan(app, s);
}

static int plan_update(App *app, void *state, int dt_ms)
{
    PlanState *s = state;
    if (!s->whatif_stale)
        return SCREEN_IDLE;
    s->whatif_wait_ms += dt_ms;
    if (s->whatif_wait_ms < PLAN_WHATIF_DELAY_MS)
        return PLAN_WHATIF_DELAY_MS - s->whatif_wait_ms;
    rebuild_whatifs(app, s);
    return SCREEN_IDLE;
}

static void plan_draw(App *app, void *state)
{
    PlanState *s = state;
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    ui_background(app);
    ui_title(app, "Your study plan", NULL);
    int margin = app_px(app, 36);
    int y = app_px(app, 84);
    char line[200], date[64];
    time_t when = (time_t)local_midnight_in(app, s->days);
    struct tm tm;
    localtime_r(&when, &tm);
    strftime(date, sizeof date, "%a %d %b %Y", &tm);
    int fw = (app->w - margin * 2 - app_px(app, 16)) / 2, fh = app_px(app, 92);
    for (int f = 0; f < 2; f++) {
        SDL_Rect r = {margin + f * (fw + app_px(app, 16)), y, fw, fh};
        if (s->field == f)
            ui_round_rect(app, (SDL_Rect){r.x - 3, r.y - 3, r.w + 6, r.h + 6}, app_px(app, 16), t->accent);
        ui_panel(app, r);
        text_draw(app, FONT_SMALL, f == 0 ? "Exam date" : "Study time a day", r.x + app_px(app, 18),
                  r.y + app_px(app, 12), t->text_dim, ALIGN_LEFT);
        if (f == 0)
            snprintf(line, sizeof line, "< %s >", date);
        else
            snprintf(line, sizeof line, "< %d minutes >", s->minutes);
        text_draw(app, FONT_TITLE, line, r.x + app_px(app, 18), r.y + app_px(app, 16) + text_line_height(app, FONT_SMALL),
                  s->field == f ? t->text : t->text_dim, ALIGN_LEFT);
        if (f == 0) {
            snprintf(line, sizeof line, "in %d day%s", s->days, s->days == 1 ? "" : "s");
            text_draw(app, FONT_SMALL, line, r.x + r.w - app_px(app, 18), r.y + app_px(app, 12), t->text_dim, ALIGN_RIGHT);
        }
    }
    y += fh + app_px(app, 22);
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 40);
    SDL_Rect p = {margin, y, app->w - margin * 2, app->h - y - footer};
    ui_panel(app, p);
    int x = p.x + app_px(app, 22), py = p.y + app_px(app, 16), w = p.w - app_px(app, 44);
    text_draw(app, FONT_BODY_BOLD, "Every day until the exam", x, py, t->accent, ALIGN_LEFT);
    py += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 10);
    if (s->has_plan) {
        int maxm = 1;
        for (int d = 0; d < s->plan.domain_count; d++)
            if (s->plan.minutes[d] > maxm)
                maxm = s->plan.minutes[d];
        int label_w = w * 45 / 100;
        for (int d = 0; d < s->plan.domain_count; d++) {
            snprintf(line, sizeof line, "%s", b->domains[d].name);
            text_draw(app, FONT_BODY, line, x, py, t->text, ALIGN_LEFT);
            int bw = (w - label_w - app_px(app, 90)) * s->plan.minutes[d] / maxm;
            ui_round_rect(app, (SDL_Rect){x + label_w, py + app_px(app, 4), bw > 4 ? bw : 4, app_px(app, 16)},
                          app_px(app, 8), ui_mix(t->accent2, t->warn, (float)s->plan.weakness[d]));
            snprintf(line, sizeof line, "%d min", s->plan.minutes[d]);
            text_draw(app, FONT_BODY_BOLD, line, x + w, py, t->text, ALIGN_RIGHT);
            py += text_line_height(app, FONT_BODY) + app_px(app, 10);
        }
        py += app_px(app, 6);
        char said[1024];
        if (s->has_projection) {
            study_projection_text(app->study, s->minutes, &s->projection, said, sizeof said);
            py += text_draw_wrapped(app, FONT_BODY, said, x, py, w, t->text, 0, p.y + p.h) + app_px(app, 8);
        }
        if (s->whatif_count > 0 && !s->whatif_stale) {
            snprintf(said, sizeof said, "What if:");
            for (int k = 0; k < s->whatif_count; k++)
                strbuf_append(said, sizeof said, "%s %d min a day, recall %d%%, pass %d%%", k ? ";" : "",
                              s->whatif_minutes[k], percent(s->whatif[k].recall),
                              percent(s->whatif[k].pass.probability));
            strbuf_append(said, sizeof said, ".");
            py += text_draw_wrapped(app, FONT_SMALL, said, x, py, w, t->text_dim, 0, p.y + p.h) + app_px(app, 6);
        }
        snprintf(said, sizeof said, "The drill brings in new items early enough to meet the whole bank by three "
                 "quarters of the way to the exam, then spends reviews where they raise exam-day recall most. "
                 "Weaker domains get more time.");
        text_draw_wrapped(app, FONT_SMALL, said, x, py, w, t->text_dim, 0, p.y + p.h);
    }
    ui_footer_keys(app, &PLAN_KEYS);
}

const Screen SCREEN_PLAN = {
    .name = "plan",
    .enter = plan_enter,
    .leave = plan_leave,
    .action = plan_action,
    .update = plan_update,
    .draw = plan_draw,
};
