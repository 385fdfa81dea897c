/* Stats: six pages over the stats snapshot (mock history, domain accuracy,
 * Leitner boxes and the due forecast, the study calendar, the readiness
 * checklist with the pass probability, records and achievements) under a
 * header that says whether the learner is on track. The snapshot is taken
 * when the screen opens or comes back into view, never while drawing; the
 * pages are drawn by screen_stats_scores.c and screen_stats_habits.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chart.h"
#include "screen_stats.h"
#include "screens.h"
#include "study.h"
#include "text.h"
#include "ui.h"

#define STATS_PAGES 6

static const char *const PAGE_NAMES[STATS_PAGES] = {"Mock exams", "Domains", "Leitner boxes",
                                                    "Calendar", "Readiness", "Records"};
static const char *const PAGE_SHORT[STATS_PAGES] = {"Mocks", "Domains", "Boxes", "Days", "Ready", "Bests"};

typedef int (*StatsPage)(App *app, const StatsSnapshot *s, SDL_Rect view, int y);
static const StatsPage PAGES[STATS_PAGES] = {stats_page_mocks,    stats_page_domains,   stats_page_boxes,
                                             stats_page_calendar, stats_page_readiness, stats_page_records};

/* Stats binds no letters: its keys are hints for the footer, with the
 * scroll keys only while the page scrolls. */
static const KeyBinding STATS_ROWS[] = {
    {"Left/Right or 1-6", 0, CMD_NONE, "pages", false},
    {"Esc", 0, CMD_NONE, "back to the menu", false},
};
static const KeyBinding STATS_SCROLL_ROWS[] = {
    {"Left/Right or 1-6", 0, CMD_NONE, "pages", false},
    {"Up/Down/PgUp/PgDn", 0, CMD_NONE, "scroll", true},
    {"Esc", 0, CMD_NONE, "back", false},
};
static const KeyMap STATS_KEYS = KEYMAP(STATS_ROWS);
static const KeyMap STATS_SCROLL_KEYS = KEYMAP(STATS_SCROLL_ROWS);
static const KeyBinding UNREAD_ROWS[] = {
    {"Esc", 0, CMD_NONE, "back to the menu", false},
};
static const KeyMap UNREAD_KEYS = KEYMAP(UNREAD_ROWS);

typedef struct StatsState {
    int page;
    Scroll scroll[STATS_PAGES];
    bool ok;                        /* the snapshot was read; else error says why */
    char error[512];
    StatsSnapshot snap;
} StatsState;

/* Takes the snapshot; a failed read is shown in the status bar and in
 * place of the pages, never as zeros. */
static void load(App *app, StatsState *s)
{
    s->ok = app_saved(app, stats_snapshot(app->study, app_now(app), &s->snap), "Stats not read");
    snprintf(s->error, sizeof s->error, "%s", s->ok ? "" : app->study->error);
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

static const KeyMap *stats_keys(App *app, void *state)
{
    (void)app;
    const StatsState *s = state;
    if (!s->ok)
        return &UNREAD_KEYS;
    const Scroll *sc = &s->scroll[s->page];
    return sc->content > sc->view ? &STATS_SCROLL_KEYS : &STATS_KEYS;
}

/* ---- shared formatting ---------------------------------------------------- */

void stats_fmt_count(int n, char *buf, size_t size)
{
    if (n >= 1000000)
        snprintf(buf, size, "%d,%03d,%03d", n / 1000000, n / 1000 % 1000, n % 1000);
    else if (n >= 1000)
        snprintf(buf, size, "%d,%03d", n / 1000, n % 1000);
    else
        snprintf(buf, size, "%d", n);
}

void stats_fmt_date(int64_t t, const char *fmt, char *buf, size_t size)
{
    time_t tt = (time_t)t;
    struct tm tm;
    localtime_r(&tt, &tm);
    if (strftime(buf, size, fmt, &tm) == 0 && size > 0)
        buf[0] = '\0';
}

SDL_Color stats_level_colour(const App *app, StatsLevel level)
{
    switch (level) {
    case STATS_LEVEL_GOOD: return app->theme.good;
    case STATS_LEVEL_FAIR: return app->theme.accent2;
    default: return app->theme.bad;
    }
}

/* ---- header and tabs ---------------------------------------------------- */

void stats_ellipsize(App *app, FontRole role, const char *text, int w, char *buf, size_t size)
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

void stats_draw_fitted(App *app, const char *text, int x, int y, int w, SDL_Color c)
{
    int tw, th;
    text_size(app, FONT_BODY_BOLD, text, &tw, &th);
    if (tw <= w) {
        text_draw(app, FONT_BODY_BOLD, text, x, y, c, ALIGN_LEFT);
        return;
    }
    char buf[160];
    stats_ellipsize(app, FONT_BODY, text, w, buf, sizeof buf);
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
    stats_draw_fitted(app, value, x, y, w, vc);
    y += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 2);
    if (y + text_line_height(app, FONT_SMALL) <= r.y + r.h)
        text_draw_wrapped(app, FONT_SMALL, note, x, y, w, t->text_dim, r.y, r.y + r.h - app_px(app, 4));
    chart_clip_pop(app, &saved);
}

void stats_verdict_text(App *app, const StatsSnapshot *s, const char **word, SDL_Color *c, char *note,
                        size_t size)
{
    const Theme *t = &app->theme;
    switch (s->verdict) {
    case STATS_VERDICT_NEW:
        *word = "Just starting";
        *c = t->accent2;
        snprintf(note, size, "Take the Diagnostic (4 on the menu) for a first estimate.");
        return;
    case STATS_VERDICT_READY:
        *word = "Ready";
        *c = t->good;
        break;
    case STATS_VERDICT_ON_TRACK:
        *word = "On track";
        *c = t->accent2;
        break;
    case STATS_VERDICT_NOT_YET:
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

static int draw_header(App *app, const StatsSnapshot *s, int y)
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
    stats_verdict_text(app, s, &word, &vc, note, sizeof note);
    header_cell(app, (SDL_Rect){p.x, p.y, cw, p.h}, "Am I on track?", word, vc, note);

    if (s->pass_known) {
        snprintf(value, sizeof value, "%d%%", percent(s->pass.probability));
        if (s->exam_date_ahead)
            snprintf(note, sizeof note, "on exam day at %d min a day (likely %d-%d%%)", s->daily_minutes,
                     percent(s->pass.low), percent(s->pass.high));
        else
            snprintf(note, sizeof note, "if you took the exam today (likely %d-%d%%)",
                     percent(s->pass.low), percent(s->pass.high));
        vc = stats_level_colour(app, stats_probability_level(s->pass.probability));
    } else {
        snprintf(value, sizeof value, "not known yet");
        snprintf(note, sizeof note, "answer some questions first");
        vc = t->text_dim;
    }
    header_cell(app, (SDL_Rect){p.x + cw, p.y, cw, p.h}, "Pass probability", value, vc, note);

    if (s->weakest >= 0) {
        snprintf(value, sizeof value, "%s", app->bank->domains[s->weakest].name);
        const StatsTally *w = &s->accuracy_all[s->weakest];
        snprintf(note, sizeof note, "%d%% right of %d answers, %d%% overall", percent_of(w->right, w->total), w->total,
                 percent_of(s->domain_right, s->domain_answers));
        vc = s->line[s->weakest] == STATS_LINE_BELOW ? t->bad : t->text;
    } else {
        snprintf(value, sizeof value, "none yet");
        snprintf(note, sizeof note, "answer questions in two domains to compare");
        vc = t->text_dim;
    }
    header_cell(app, (SDL_Rect){p.x + cw * 2, p.y, cw, p.h}, "Weakest domain", value, vc, note);

    char goal[64];
    study_goal_text(&s->day, goal, sizeof goal);
    snprintf(value, sizeof value, "%d due, %s", s->day.due, goal);
    if (s->has_plan)
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

static int draw_tabs(App *app, int page, int y)
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
        bool sel = i == page;
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

/* In place of the header and the pages when the snapshot could not be read. */
static void draw_unread(App *app, const StatsState *s, int y)
{
    const Theme *t = &app->theme;
    int margin = app_px(app, 28);
    SDL_Rect p = {margin, y, app->w - margin * 2, app_px(app, 160)};
    ui_panel(app, p);
    text_draw(app, FONT_TITLE, "Your stats could not be read", p.x + app_px(app, 24), p.y + app_px(app, 20),
              t->bad, ALIGN_LEFT);
    text_draw_wrapped(app, FONT_BODY, s->error, p.x + app_px(app, 24),
                      p.y + app_px(app, 28) + text_line_height(app, FONT_TITLE), p.w - app_px(app, 48), t->text,
                      p.y, p.y + p.h);
    ui_footer_keys(app, &UNREAD_KEYS);
}

/* ---- draw ---------------------------------------------------------------- */

static void draw_all(App *app, StatsState *s)
{
    ui_background(app);
    char title[64], date[48];
    stats_fmt_date(s->snap.now, "%A %d %B", date, sizeof date);
    snprintf(title, sizeof title, "Stats: %s", PAGE_NAMES[s->page]);
    ui_title(app, title, date);
    int y = app_px(app, 18) + text_line_height(app, FONT_TITLE) + app_px(app, 12);
    if (!s->ok) {
        draw_unread(app, s, y);
        return;
    }
    y = draw_header(app, &s->snap, y) + app_px(app, 12);
    y = draw_tabs(app, s->page, y) + app_px(app, 14);
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
    int h = PAGES[s->page](app, &s->snap, view, cy);
    chart_clip_pop(app, &saved);
    sc->content = h;
    ui_scrollbar(app, (SDL_Rect){view.x + view.w + app_px(app, 10), view.y, app_px(app, 8), view.h}, sc);
    ui_footer_keys(app, stats_keys(app, s));
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
    .keys = stats_keys,
};