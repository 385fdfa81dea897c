/* The study plan after a diagnostic: the exam date and the minutes a day,
 * minutes per domain, the exam-day projection and what-ifs; saving it sets
 * the settings the home screen and the daily drill follow. */
#include <stdlib.h>
#include <time.h>

#include "chart.h"
#include "exam.h"
#include "flow.h"
#include "keys.h"
#include "percent.h"
#include "plan.h"
#include "study.h"
#include "text.h"
#include "ui.h"

static const KeyBinding PLAN_ROWS[] = {
    {"Enter", 0, CMD_NONE, "save the plan", false},
    {"Esc", 0, CMD_NONE, "back", false},
    {"Up/Down", 0, CMD_NONE, "field", false},
    {"Left/Right", 0, CMD_NONE, "change", false},
    {"PgUp/PgDn", 0, CMD_NONE, "a week", true},
    {"Wheel", 0, CMD_NONE, KEYS_DOES_SCROLL, true},
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
    Scroll scroll;                /* the body scrolls when large text needs the room */
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
    PlanOptions opt = {.daily_minutes = s->minutes, .exam_date = exam, .started_at = study_started_at(app->study)};
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
    s->minutes = app->settings.daily_minutes;
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
        s->minutes += amount * PREFS_MINUTES_STEP;
        if (s->minutes < PREFS_MINUTES_MIN) s->minutes = PREFS_MINUTES_MIN;
        if (s->minutes > PREFS_MINUTES_MAX) s->minutes = PREFS_MINUTES_MAX;
    }
}

static void plan_action(App *app, void *state, const Action *a)
{
    PlanState *s = state;
    switch (a->type) {
    case ACT_BACK: app_pop(app); return;
    case ACT_UP: case ACT_DOWN: case ACT_TAB: s->field = 1 - s->field; return;
    case ACT_WHEEL: case ACT_HOME: case ACT_END: ui_scroll_action(app, &s->scroll, a); return;
    case ACT_COMMAND: /* the fields' buttons */
        if (a->value != CMD_PLAN_EARLIER && a->value != CMD_PLAN_LATER && a->value != CMD_PLAN_LESS &&
            a->value != CMD_PLAN_MORE)
            return;
        s->field = a->value == CMD_PLAN_EARLIER || a->value == CMD_PLAN_LATER ? 0 : 1;
        change(s, a->value == CMD_PLAN_EARLIER || a->value == CMD_PLAN_LESS ? -1 : 1);
        break;
    case ACT_LEFT: change(s, -1); break;
    case ACT_RIGHT: change(s, 1); break;
    case ACT_PAGE_DOWN: change(s, s->field == 0 ? 7 : 3); break;
    case ACT_PAGE_UP: change(s, s->field == 0 ? -7 : -3); break;
    case ACT_CONFIRM:
        app->settings.exam_date = local_midnight_in(app, s->days);
        app->settings.daily_minutes = s->minutes;
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

/* One field (exam date or minutes a day) on a panel with its two buttons;
 * returns its height. */
static int draw_field(App *app, PlanState *s, const Pen *pen, int f, int x, int y, int w)
{
    const Theme *t = &app->theme;
    int pad = app_px(app, 16);
    char value[64], less[48], more[48];
    if (f == 0) {
        time_t when = (time_t)local_midnight_in(app, s->days);
        struct tm tm;
        localtime_r(&when, &tm);
        strftime(value, sizeof value, "%a %d %b %Y", &tm);
    } else {
        snprintf(value, sizeof value, "%d minutes", s->minutes);
    }
    snprintf(less, sizeof less, f == 0 ? "A day earlier" : "5 min less");
    snprintf(more, sizeof more, f == 0 ? "A day later" : "5 min more");
    Pen dry = *pen;
    dry.dry = true;
    int iw = w - pad * 2;
    int body = 0;
    for (int pass = 0; pass < 2; pass++) {
        const Pen *p = pass == 0 ? &dry : pen;
        if (pass == 1) {
            SDL_Rect r = {x, y, w, body};
            if (s->field == f)
                ui_round_rect(app, (SDL_Rect){r.x - 3, r.y - 3, r.w + 6, r.h + 6}, app_px(app, 16), t->accent);
            ui_panel(app, r);
        }
        int yy = y + pad;
        if (f == 0)
            yy += pen_say(app, p, FONT_SMALL, t->text_dim, x + pad, yy, iw, "Exam date, in %d day%s", s->days,
                          s->days == 1 ? "" : "s");
        else
            yy += pen_say(app, p, FONT_SMALL, t->text_dim, x + pad, yy, iw, "Study time a day: %d answers",
                          plan_items_per_day(s->minutes));
        yy += pen_say(app, p, FONT_TITLE, s->field == f ? t->text : t->text_dim, x + pad, yy, iw, "%s", value) +
              app_px(app, 8);
        Flow fl;
        flow_begin(app, &fl, x + pad, x + w - pad, yy, p->dry);
        flow_button(app, &fl, less, false, (Action){.type = ACT_COMMAND,
                                                    .value = f == 0 ? CMD_PLAN_EARLIER : CMD_PLAN_LESS});
        flow_button(app, &fl, more, false, (Action){.type = ACT_COMMAND,
                                                    .value = f == 0 ? CMD_PLAN_LATER : CMD_PLAN_MORE});
        body = flow_bottom(&fl) + pad - y;
    }
    return body;
}

/* The minutes per domain, the projection and the what-ifs, whole. */
static int draw_plan_text(App *app, PlanState *s, const Pen *pen, int x, int y, int w)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    int y0 = y;
    y += pen_say(app, pen, FONT_BODY_BOLD, t->accent, x, y, w, "Every day until the exam") + app_px(app, 10);
    if (!s->has_plan)
        return y - y0 + pen_say(app, pen, FONT_SMALL, t->text, x, y, w, "No plan can be made from this bank.");
    int maxm = 1;
    for (int d = 0; d < s->plan.domain_count; d++)
        if (s->plan.minutes[d] > maxm)
            maxm = s->plan.minutes[d];
    char mins[32];
    snprintf(mins, sizeof mins, "%d min", 999);
    int mw, mh;
    text_size(app, FONT_BODY_BOLD, mins, &mw, &mh);
    for (int d = 0; d < s->plan.domain_count; d++) {
        y += pen_say(app, pen, FONT_BODY, t->text, x, y, w, "%s", b->domains[d].name) + app_px(app, 2);
        int room = w - mw - app_px(app, 12);
        int bw = room * s->plan.minutes[d] / maxm;
        if (!pen->dry) {
            ui_round_rect(app, (SDL_Rect){x, y + (mh - app_px(app, 14)) / 2, bw > 4 ? bw : 4, app_px(app, 14)},
                          app_px(app, 7), ui_mix(t->accent2, t->warn, (float)s->plan.weakness[d]));
            snprintf(mins, sizeof mins, "%d min", s->plan.minutes[d]);
            text_draw(app, FONT_BODY_BOLD, mins, x + w, y, t->text, ALIGN_RIGHT);
        }
        y += mh + app_px(app, 10);
    }
    if (s->has_projection) {
        char said[1024];
        study_projection_text(app->study, s->minutes, &s->projection, said, sizeof said);
        y += pen_say(app, pen, FONT_BODY, t->text, x, y, w, "%s", said) + app_px(app, 8);
    }
    if (s->whatif_count > 0 && !s->whatif_stale) {
        y += pen_say(app, pen, FONT_SMALL, t->text_dim, x, y, w, "What if:") + app_px(app, 2);
        for (int k = 0; k < s->whatif_count; k++)
            y += pen_say(app, pen, FONT_SMALL, t->text_dim, x, y, w, "- %d min a day: recall %d%%, pass %d%%.",
                         s->whatif_minutes[k], percent(s->whatif[k].recall),
                         percent(s->whatif[k].pass.probability)) + app_px(app, 2);
        y += app_px(app, 4);
    }
    y += pen_say(app, pen, FONT_SMALL, t->text_dim, x, y, w, "The drill brings in new items early enough to meet "
                 "the whole bank by three quarters of the way to the exam, then spends reviews where they raise "
                 "exam-day recall most. Each domain's time follows its exam weight, raised where you are weaker.");
    return y - y0;
}

static int plan_body(App *app, PlanState *s, const Pen *pen, int x, int y, int w)
{
    int g = app_px(app, 16);
    bool two = (w - g) / 2 >= app_px(app, 300);
    int fw = two ? (w - g) / 2 : w;
    int y0 = y;
    int h0 = draw_field(app, s, pen, 0, x, y, fw);
    int h1 = draw_field(app, s, pen, 1, two ? x + fw + g : x, two ? y : y + h0 + g, fw);
    y += two ? (h0 > h1 ? h0 : h1) + g : h0 + g + h1 + g;
    int pad = app_px(app, 20);
    Pen dry = *pen;
    dry.dry = true;
    int ph = draw_plan_text(app, s, &dry, x + pad, y + pad, w - pad * 2) + pad * 2;
    if (!pen->dry) {
        ui_panel(app, (SDL_Rect){x, y, w, ph});
        draw_plan_text(app, s, pen, x + pad, y + pad, w - pad * 2);
    }
    y += ph + g;
    Flow f;
    flow_begin(app, &f, x, x + w, y, pen->dry);
    flow_button(app, &f, "Save the plan", false, (Action){.type = ACT_CONFIRM});
    return flow_bottom(&f) - y0;
}

static void plan_draw(App *app, void *state)
{
    PlanState *s = state;
    ui_background(app);
    ui_title(app, "Your study plan", NULL);
    int margin = app_px(app, 36);
    int top = app_px(app, 18) + text_line_height(app, FONT_TITLE) + app_px(app, 14);
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 40);
    ScrollBody body;
    int y = scroll_body_begin(app, &s->scroll, &body, top, footer);
    int content = plan_body(app, s, &body.pen, margin, y + app_px(app, 2), app->w - margin * 2 - app_px(app, 8));
    scroll_body_end(app, &s->scroll, &body, content + app_px(app, 4));
    ui_footer_keys(app, &PLAN_KEYS);
}

static const KeyMap *plan_keys(App *app, void *state)
{
    (void)app;
    (void)state;
    return &PLAN_KEYS;
}

const Screen SCREEN_PLAN = {
    .name = "plan",
    .enter = plan_enter,
    .leave = plan_leave,
    .action = plan_action,
    .update = plan_update,
    .draw = plan_draw,
    .keys = plan_keys,
};
