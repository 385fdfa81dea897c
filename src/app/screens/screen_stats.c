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
#include "layoutlog.h"
#include "screen_stats.h"
#include "screens.h"
#include "strbuf.h"
#include "study.h"
#include "text.h"
#include "ui.h"

#define STATS_PAGES 7
#define STATS_PAGE_MIXUPS 6
#define STATS_TITLE_MIN_UNITS 420.0f  /* window height (layout units) that still shows the title */

static const char *const PAGE_NAMES[STATS_PAGES] = {"Mock exams", "Domains", "Leitner boxes",
                                                    "Calendar", "Readiness", "Records", "Mix-ups"};
static const char *const PAGE_SHORT[STATS_PAGES] = {"Mocks", "Domains", "Boxes", "Calendar", "Readiness",
                                                    "Records", "Mix-ups"};

typedef int (*StatsPage)(App *app, const StatsSnapshot *s, SDL_Rect view, int y);
static const StatsPage PAGES[STATS_PAGES] = {stats_page_mocks,    stats_page_domains,   stats_page_boxes,
                                             stats_page_calendar, stats_page_readiness, stats_page_records,
                                             stats_page_mixups};

/* Stats binds one letter, C on the Mix-ups page (a contrast drill of the
 * top pair); the other keys are hints for the footer, with the scroll keys
 * only while the page scrolls. */
static const KeyBinding STATS_ROWS[] = {
    {"Left/Right or 1-7", 0, CMD_NONE, "pages", false},
    {"Esc", 0, CMD_NONE, "back to the menu", false},
};
static const KeyBinding STATS_SCROLL_ROWS[] = {
    {"Left/Right or 1-7", 0, CMD_NONE, "pages", false},
    {"Up/Down/PgUp/PgDn", 0, CMD_NONE, KEYS_DOES_SCROLL, true},
    {"Esc", 0, CMD_NONE, "back", false},
};
static const KeyMap STATS_KEYS = KEYMAP(STATS_ROWS);
static const KeyMap STATS_SCROLL_KEYS = KEYMAP(STATS_SCROLL_ROWS);
static const KeyBinding MIXUPS_ROWS[] = {
    {"Left/Right or 1-7", 0, CMD_NONE, "pages", false},
    {"C", 'C', CMD_CONTRAST, "contrast drill of the top pair", false},
    {"Up/Down/PgUp/PgDn", 0, CMD_NONE, KEYS_DOES_SCROLL, true},
    {"Esc", 0, CMD_NONE, "back", false},
};
static const KeyMap MIXUPS_KEYS = KEYMAP(MIXUPS_ROWS);
/* While the list of pages is open (the tabs collapsed to one row). */
static const KeyBinding MENU_ROWS[] = {
    {"1-7", 0, CMD_NONE, "a page", false},
    {"Esc", 0, CMD_NONE, "close the list", false},
};
static const KeyMap MENU_KEYS = KEYMAP(MENU_ROWS);
static const KeyBinding UNREAD_ROWS[] = {
    {"Esc", 0, CMD_NONE, "back to the menu", false},
};
static const KeyMap UNREAD_KEYS = KEYMAP(UNREAD_ROWS);

/* ACT_SELECT values of the collapsed tabs' page list (the pages are 0-6,
 * the contrast drills STATS_CONTRAST_ACTION and up). */
#define STATS_MENU_TOGGLE 90
#define STATS_MENU_CLOSE 91

typedef struct StatsState {
    int page;
    bool menu;                      /* the list of pages is open */
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
    s->menu = false;
    page = (page % STATS_PAGES + STATS_PAGES) % STATS_PAGES;
    if (page == s->page)
        return;
    s->page = page;
    s->scroll[page].offset = 0;
    app_sound(app, SFX_CLICK);
}

/* A drill of pair k's contrast items (the Contrast drill buttons, C). */
static void contrast_drill(App *app, StatsState *s, int k)
{
    if (!s->ok || k < 0 || k >= s->snap.mixups.count)
        return;
    int items[STATS_CONTRAST_ITEMS];
    int n = stats_contrast_items(app->study, &s->snap.mixups.pairs[k], items);
    DrillLaunch launch = {.items = items, .count = n, .missed = 0, .title = "Contrast drill"};
    app_push(app, &SCREEN_DRILL, &launch);
}

static void stats_action(App *app, void *state, const Action *a)
{
    StatsState *s = state;
    if (s->menu && (a->type == ACT_BACK || (a->type == ACT_SELECT && a->value == STATS_MENU_CLOSE))) {
        s->menu = false;
        return;
    }
    switch (a->type) {
    case ACT_BACK: app_pop(app); return;
    case ACT_LEFT: set_page(app, s, s->page - 1); return;
    case ACT_RIGHT:
    case ACT_TAB: set_page(app, s, s->page + 1); return;
    case ACT_DIGIT:
        if (a->value >= 1 && a->value <= STATS_PAGES)
            set_page(app, s, a->value - 1);
        return;
    case ACT_SELECT:
        if (a->value == STATS_MENU_TOGGLE || a->value == STATS_MENU_CLOSE)
            s->menu = a->value == STATS_MENU_TOGGLE && !s->menu;
        else if (a->value >= STATS_CONTRAST_ACTION)
            contrast_drill(app, s, a->value - STATS_CONTRAST_ACTION);
        else
            set_page(app, s, a->value);
        return;
    case ACT_COMMAND:
        if (a->value == CMD_CONTRAST && s->page == STATS_PAGE_MIXUPS)
            contrast_drill(app, s, 0);
        return;
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
    if (s->menu)
        return &MENU_KEYS;
    const Scroll *sc = &s->scroll[s->page];
    if (s->page == STATS_PAGE_MIXUPS && s->snap.mixups.count > 0)
        return &MIXUPS_KEYS;
    return sc->content > sc->view ? &STATS_SCROLL_KEYS : &STATS_KEYS;
}

/* ---- shared formatting ---------------------------------------------------- */

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
    else if (s->ready.recent_mocks == 1)
        snprintf(note, size, "Your one mock scored %d; the target is %d.", s->mocks[s->mock_count - 1].scaled,
                 s->ready_score);
    else
        snprintf(note, size, "%d of the last %d mocks at %d or more.", s->ready.recent_ready,
                 s->ready.recent_mocks, s->ready_score);
}

/* ---- the header: four cells that say where the learner stands ---------- */

enum { HEADER_CELLS = 4 };

typedef struct HeaderCell {
    const char *label;
    char value[96];
    char note[320];
    SDL_Color colour;
} HeaderCell;

static void compose_header(App *app, const StatsSnapshot *s, HeaderCell *c)
{
    const Theme *t = &app->theme;
    const char *word = "";
    c[0].label = "Am I on track?";
    stats_verdict_text(app, s, &word, &c[0].colour, c[0].note, sizeof c[0].note);
    snprintf(c[0].value, sizeof c[0].value, "%s", word);

    c[1].label = "Pass probability";
    if (s->pass_known) {
        char likely[32];
        percent_likely(s->pass.low, s->pass.high, likely, sizeof likely);
        snprintf(c[1].value, sizeof c[1].value, "%d%%", percent(s->pass.probability));
        if (s->exam_date_ahead)
            snprintf(c[1].note, sizeof c[1].note, "on exam day at %d min a day%s", s->daily_minutes, likely);
        else
            snprintf(c[1].note, sizeof c[1].note, "if you took the exam today%s", likely);
        c[1].colour = stats_level_colour(app, stats_probability_level(s->pass.probability));
    } else {
        snprintf(c[1].value, sizeof c[1].value, "not known yet");
        snprintf(c[1].note, sizeof c[1].note, "answer some questions first");
        c[1].colour = t->text_dim;
    }

    c[2].label = "Weakest domain";
    if (s->weakest >= 0) {
        const StatsTally *w = &s->accuracy_all[s->weakest];
        snprintf(c[2].value, sizeof c[2].value, "%s", app->bank->domains[s->weakest].name);
        char total[24];
        strbuf_thousands(w->total, total, sizeof total);
        snprintf(c[2].note, sizeof c[2].note, "%d%% right of %s answer%s, %d%% overall",
                 percent_of(w->right, w->total), total, w->total == 1 ? "" : "s",
                 percent_of(s->domain_right, s->domain_answers));
        c[2].colour = s->line[s->weakest] == STATS_LINE_BELOW ? t->bad : t->text;
    } else {
        snprintf(c[2].value, sizeof c[2].value, "none yet");
        snprintf(c[2].note, sizeof c[2].note, "answer questions in two domains to compare");
        c[2].colour = t->text_dim;
    }

    c[3].label = "Today";
    snprintf(c[3].value, sizeof c[3].value, "%d due", s->day.due);
    study_goal_text(&s->day, c[3].note, sizeof c[3].note);
    if (s->has_plan)
        strbuf_append(c[3].note, sizeof c[3].note, ". Exam in %d day%s: %d min a day, about %d new item%s.",
                      s->plan.days_left, s->plan.days_left == 1 ? "" : "s", s->plan.daily_minutes,
                      s->plan.new_per_day, s->plan.new_per_day == 1 ? "" : "s");
    else
        strbuf_append(c[3].note, sizeof c[3].note, ". No exam date: set one in Settings (6) for a plan.");
    c[3].colour = s->day.streak.today_met ? t->good : t->text;
}

/* The room a cell's words get inside a cell w pixels wide. */
static int cell_inner(const App *app, int w)
{
    return w - app_px(app, 28);
}

static int cell_height(App *app, const HeaderCell *c, int w)
{
    int inner = cell_inner(app, w);
    return app_px(app, 22) + text_line_height(app, FONT_SMALL) +
           text_wrapped_height(app, FONT_BODY_BOLD, c->value, inner) +
           text_wrapped_height(app, FONT_SMALL, c->note, inner) + app_px(app, 4);
}

/* Four columns when every label fits a quarter on one line and every value
 * on two, else two, else one (the notes wrap in any case). */
static int header_columns(App *app, const HeaderCell *c, int w)
{
    static const int COLUMNS[] = {4, 2};
    for (size_t k = 0; k < sizeof COLUMNS / sizeof COLUMNS[0]; k++) {
        int inner = cell_inner(app, w / COLUMNS[k]);
        bool fits = true;
        for (int i = 0; i < HEADER_CELLS && fits; i++) {
            int lw, h;
            text_size(app, FONT_SMALL, c[i].label, &lw, &h);
            fits = lw <= inner &&
                   text_wrapped_height(app, FONT_BODY_BOLD, c[i].value, inner) <= 2 * text_line_height(app, FONT_BODY_BOLD);
        }
        if (fits)
            return COLUMNS[k];
    }
    return 1;
}

/* Height of row `row` of the header: its tallest cell. */
static int header_row_height(App *app, const HeaderCell *c, int w, int cols, int row)
{
    int h = 0;
    for (int i = row * cols; i < (row + 1) * cols && i < HEADER_CELLS; i++) {
        int ch = cell_height(app, &c[i], w / cols);
        h = ch > h ? ch : h;
    }
    return h;
}

static int header_height(App *app, const HeaderCell *c, int w, int cols)
{
    int h = 0;
    for (int row = 0; row * cols < HEADER_CELLS; row++)
        h += header_row_height(app, c, w, cols, row);
    return h;
}

/* One cell: a small label, the value in bold, a dim note, all wrapped;
 * lines outside [clip_top, clip_bottom) are skipped (a scrolled header). */
static void draw_cell(App *app, const HeaderCell *c, SDL_Rect r, int clip_top, int clip_bottom)
{
    const Theme *t = &app->theme;
    int x = r.x + app_px(app, 16), w = cell_inner(app, r.w);
    int y = r.y + app_px(app, 10);
    text_draw(app, FONT_SMALL, c->label, x, y, t->text_dim, ALIGN_LEFT);
    y += text_line_height(app, FONT_SMALL) + app_px(app, 2);
    y += text_draw_wrapped(app, FONT_BODY_BOLD, c->value, x, y, w, c->colour, clip_top, clip_bottom) +
         app_px(app, 2);
    text_draw_wrapped(app, FONT_SMALL, c->note, x, y, w, t->text_dim, clip_top, clip_bottom);
}

static void draw_header(App *app, const HeaderCell *c, SDL_Rect p, int cols, int clip_top, int clip_bottom)
{
    const Theme *t = &app->theme;
    ui_panel(app, p);
    int cw = p.w / cols, y = p.y;
    for (int row = 0; row * cols < HEADER_CELLS; row++) {
        int rh = header_row_height(app, c, p.w, cols, row);
        if (row > 0)
            ui_fill(app, (SDL_Rect){p.x + app_px(app, 12), y, p.w - app_px(app, 24), 1}, ui_alpha(t->border, 140));
        for (int col = 0; col < cols && row * cols + col < HEADER_CELLS; col++) {
            int w = col == cols - 1 ? p.w - cw * col : cw;
            draw_cell(app, &c[row * cols + col], (SDL_Rect){p.x + cw * col, y, w, rh}, clip_top, clip_bottom);
            if (col > 0)
                ui_fill(app, (SDL_Rect){p.x + cw * col, y + app_px(app, 12), 1, rh - app_px(app, 24)},
                        ui_alpha(t->border, 140));
        }
        y += rh;
    }
}

/* The header at large text in a small window: each cell's label and value
 * on a line (the notes left out), the cells flowing into rows, so the page
 * keeps its room. Measures only when `draw` is false; returns the height. */
static int compact_header(App *app, const HeaderCell *c, SDL_Rect p, bool draw)
{
    const Theme *t = &app->theme;
    int pad = app_px(app, 8), space = app_px(app, 6), gap = app_px(app, 22);
    int inner = p.w - pad * 4, lh = text_line_height(app, FONT_BODY_BOLD);
    int small = text_line_height(app, FONT_SMALL);
    if (draw)
        ui_panel(app, p);
    int x = 0, y = pad;
    for (int i = 0; i < HEADER_CELLS; i++) {
        int lw, vw, th;
        text_size(app, FONT_SMALL, c[i].label, &lw, &th);
        text_size(app, FONT_BODY_BOLD, c[i].value, &vw, &th);
        int w = lw + space + vw;
        if (x > 0 && x + gap + w > inner) {
            x = 0;
            y += lh + app_px(app, 2);
        } else if (x > 0) {
            x += gap;
        }
        int left = p.x + pad * 2 + x;
        if (draw)
            text_draw(app, FONT_SMALL, c[i].label, left, p.y + y + lh - small - app_px(app, 2), t->text_dim,
                      ALIGN_LEFT);
        if (w <= inner) {
            if (draw)
                text_draw(app, FONT_BODY_BOLD, c[i].value, left + lw + space, p.y + y, c[i].colour, ALIGN_LEFT);
            x += w;
            continue;
        }
        /* too long for a line of its own: the value wrapped under its label */
        y += lh;
        int vh = draw ? text_draw_wrapped(app, FONT_BODY_BOLD, c[i].value, p.x + pad * 2, p.y + y, inner,
                                          c[i].colour, 0, app->h)
                      : text_wrapped_height(app, FONT_BODY_BOLD, c[i].value, inner);
        y += vh - lh;
        x = inner;
    }
    return y + lh + pad;
}

/* ---- the tabs: every page by name, and a click away ------------------------ */

typedef struct TabLayout {
    bool collapsed;     /* one row: < the page's name (a list of pages) > */
    bool full;          /* full page names, else the short ones */
    int w, h;           /* the row (collapsed: the name's button), a tab's height */
} TabLayout;

static void tab_label(int page, bool full, char *buf, size_t size)
{
    snprintf(buf, size, "%d  %s", page + 1, full ? PAGE_NAMES[page] : PAGE_SHORT[page]);
}

/* The widest of the pages' labels. */
static int widest_label(App *app, bool full)
{
    int most = 0;
    for (int i = 0; i < STATS_PAGES; i++) {
        char label[48];
        int tw, th;
        tab_label(i, full, label, sizeof label);
        text_size(app, FONT_BODY_BOLD, label, &tw, &th);
        most = tw > most ? tw : most;
    }
    return most;
}

/* The width of the collapsed tabs' < and > buttons. */
static int arrow_width(const TabLayout *l)
{
    return l->h * 3 / 2;
}

/* The widths of one row of tabs across `width`: each label with its
 * padding, and what is left shared out. False when they do not fit. */
static bool tab_widths(App *app, bool full, int width, int out[STATS_PAGES])
{
    int gap = app_px(app, 8), used = gap * (STATS_PAGES - 1);
    for (int i = 0; i < STATS_PAGES; i++) {
        char label[48];
        int th;
        tab_label(i, full, label, sizeof label);
        text_size(app, FONT_BODY_BOLD, label, &out[i], &th);
        out[i] += app_px(app, 16);
        used += out[i];
    }
    if (used > width)
        return false;
    for (int i = 0; i < STATS_PAGES; i++)
        out[i] += (width - used) / STATS_PAGES + (i < (width - used) % STATS_PAGES ? 1 : 0);
    return true;
}

/* Every page a tab in one row, with full names or short ones; when even
 * the short ones do not fit, one row of Previous, the page's name (a
 * click lists every page) and Next, lower at large text. */
static TabLayout tabs_layout(App *app, int width)
{
    int gap = app_px(app, 8), widths[STATS_PAGES];
    TabLayout l = {false, true, width, text_line_height(app, FONT_BODY_BOLD) + app_px(app, 16)};
    for (int full = 1; full >= 0; full--) {
        l.full = full;
        if (tab_widths(app, l.full, width, widths))
            return l;
    }
    l.collapsed = true;
    l.h = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 10);
    l.w = width - 2 * (arrow_width(&l) + gap);
    l.full = widest_label(app, true) + l.h <= l.w;
    return l;
}

static bool mouse_over(const App *app, SDL_Rect r)
{
    return app->mouse_x >= r.x && app->mouse_x < r.x + r.w && app->mouse_y >= r.y && app->mouse_y < r.y + r.h;
}

/* One tab: the selected one is filled with the accent; one under the
 * mouse only lightens its panel, so hovering never looks like the page
 * shown. A click sends `action`. */
static void draw_tab(App *app, SDL_Rect r, const char *label, bool sel, Action action)
{
    const Theme *t = &app->theme;
    bool hover = !sel && mouse_over(app, r);
    ui_round_rect(app, r, app_px(app, 10), sel ? t->accent : hover ? t->panel_hi : t->panel);
    text_draw(app, FONT_BODY_BOLD, label, r.x + r.w / 2, r.y + (r.h - text_line_height(app, FONT_BODY_BOLD)) / 2,
              sel ? t->bg : hover ? t->text : t->text_dim, ALIGN_CENTER);
    app_hit_label(app, r, action, label);
    layout_note_box(app, r);
}

/* The name's button of collapsed tabs: the page's label and a mark that
 * says it opens a list. Returns its rect. */
static SDL_Rect draw_switcher(App *app, const TabLayout *l, int page, int x, int y, bool open)
{
    const Theme *t = &app->theme;
    int gap = app_px(app, 8), aw = arrow_width(l);
    char label[48];
    tab_label(page, l->full, label, sizeof label);
    ui_button(app, (SDL_Rect){x, y, aw, l->h}, "<", false, (Action){.type = ACT_LEFT});
    ui_button(app, (SDL_Rect){x + aw + gap + l->w + gap, y, aw, l->h}, ">", false, (Action){.type = ACT_RIGHT});
    SDL_Rect r = {x + aw + gap, y, l->w, l->h};
    draw_tab(app, r, label, true, (Action){.type = ACT_SELECT, .value = STATS_MENU_TOGGLE});
    /* a small triangle at the right end, pointing down (up while open) */
    int s = text_line_height(app, FONT_SMALL) / 3, cx = r.x + r.w - app_px(app, 14) - s, cy = r.y + r.h / 2;
    for (int i = 0; i < s; i++) {
        int half = open ? i : s - 1 - i;
        ui_fill(app, (SDL_Rect){cx - half, cy - s / 2 + i, half * 2 + 1, 1}, t->bg);
    }
    return r;
}

/* The tabs from (x, y); returns the collapsed tabs' name button (the
 * place of their list), else an empty rect. */
static SDL_Rect draw_tabs(App *app, const TabLayout *l, int page, int x, int y, bool open)
{
    if (l->collapsed)
        return draw_switcher(app, l, page, x, y, open);
    int gap = app_px(app, 8), widths[STATS_PAGES];
    tab_widths(app, l->full, l->w, widths);
    for (int i = 0; i < STATS_PAGES; i++) {
        char label[48];
        tab_label(i, l->full, label, sizeof label);
        draw_tab(app, (SDL_Rect){x, y, widths[i], l->h}, label, i == page, (Action){.type = ACT_SELECT, .value = i});
        x += widths[i] + gap;
    }
    return (SDL_Rect){0, 0, 0, 0};
}

/* The list of pages under the collapsed tabs' name (`under`), above
 * `bottom`, over a veil that closes it when clicked (the footer stays
 * clear: it is drawn after); in two columns when one is too tall. */
static void draw_page_list(App *app, const TabLayout *l, int page, SDL_Rect under, int bottom)
{
    const Theme *t = &app->theme;
    ui_fill(app, (SDL_Rect){0, 0, app->w, app->h}, ui_alpha(t->bg, 200));
    app_hit(app, (SDL_Rect){0, 0, app->w, app->h}, (Action){.type = ACT_SELECT, .value = STATS_MENU_CLOSE});
    int gap = app_px(app, 6), pad = app_px(app, 10), ih = l->h;
    int cols = 1, rows = STATS_PAGES;
    if (pad * 2 + rows * ih + (rows - 1) * gap > bottom - under.y - under.h - app_px(app, 6)) {
        cols = 2;
        rows = (STATS_PAGES + 1) / 2;
    }
    int ph = pad * 2 + rows * ih + (rows - 1) * gap;
    int py = under.y + under.h + app_px(app, 6);
    if (py + ph > bottom)
        py = bottom - ph > 0 ? bottom - ph : 0;
    SDL_Rect p = {under.x, py, under.w, ph};
    ui_round_rect(app, (SDL_Rect){p.x - 2, p.y - 2, p.w + 4, p.h + 4}, app_px(app, 14), t->accent);
    ui_panel(app, p);
    int iw = (p.w - pad * 2 - gap * (cols - 1)) / cols;
    bool full = widest_label(app, true) + app_px(app, 24) <= iw;
    for (int i = 0; i < STATS_PAGES; i++) {
        char label[48];
        tab_label(i, full, label, sizeof label);
        SDL_Rect r = {p.x + pad + (i / rows) * (iw + gap), p.y + pad + (i % rows) * (ih + gap), iw, ih};
        draw_tab(app, r, label, i == page, (Action){.type = ACT_SELECT, .value = i});
    }
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

/* The title with the page's name and the date when they fit the width,
 * else shorter; none in a window under STATS_TITLE_MIN_UNITS high (large
 * text): the tabs name the page, and the page keeps the room. Returns the
 * height it took. */
static int draw_title(App *app, const StatsState *s)
{
    if (s->ok && (float)app->h / app->scale < STATS_TITLE_MIN_UNITS)
        return app_px(app, 14);
    char title[64], date[48];
    stats_fmt_date(s->snap.now, "%A %d %B", date, sizeof date);
    snprintf(title, sizeof title, "Stats: %s", PAGE_NAMES[s->page]);
    int room = app->w - app_px(app, 56) - app_px(app, 24), tw, dw, h;
    text_size(app, FONT_TITLE, title, &tw, &h);
    text_size(app, FONT_BODY, date, &dw, &h);
    if (tw + dw > room) {
        snprintf(title, sizeof title, "Stats");
        text_size(app, FONT_TITLE, title, &tw, &h);
    }
    ui_title(app, title, tw + dw <= room ? date : NULL);
    return app_px(app, 18) + text_line_height(app, FONT_TITLE) + app_px(app, 12);
}

/* Clicks on the scroll bar's track page up or down (the thumb shows where
 * the view is): the mouse reaches what PgUp and PgDn do. */
static void scrollbar_hits(App *app, SDL_Rect bar, const Scroll *sc)
{
    if (sc->content <= sc->view || sc->content <= 0)
        return;
    int thumb = bar.h * sc->view / sc->content;
    thumb = thumb < app_px(app, 24) ? app_px(app, 24) : thumb;
    int top = bar.y + (bar.h - thumb) * sc->offset / (sc->content - sc->view);
    int x = bar.x - app_px(app, 8), w = bar.w + app_px(app, 16);
    app_hit(app, (SDL_Rect){x, bar.y, w, top - bar.y}, (Action){.type = ACT_PAGE_UP});
    app_hit(app, (SDL_Rect){x, top + thumb, w, bar.y + bar.h - top - thumb}, (Action){.type = ACT_PAGE_DOWN});
}

/* The header and the tabs stay above the page. The header has its four
 * cells while they take at most two fifths of the room left for them and
 * the page; taller (large text, a small window) it is one or two lines of
 * values, so the page keeps its room. */
static void draw_all(App *app, StatsState *s)
{
    ui_background(app);
    int y = draw_title(app, s);
    if (!s->ok) {
        draw_unread(app, s, y);
        return;
    }
    int margin = app_px(app, 28), width = app->w - margin * 2;
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 30);
    HeaderCell cells[HEADER_CELLS];
    memset(cells, 0, sizeof cells);
    compose_header(app, &s->snap, cells);
    int cols = header_columns(app, cells, width);
    int header_h = header_height(app, cells, width, cols);
    TabLayout tabs = tabs_layout(app, width);
    int gap = app_px(app, 12);
    bool full = header_h <= (app->h - y - tabs.h - footer - gap * 2) * 2 / 5;
    SDL_Rect header = {margin, y, width, header_h};
    if (full) {
        draw_header(app, cells, header, cols, 0, app->h);
    } else {
        header.h = compact_header(app, cells, header, false);
        compact_header(app, cells, header, true);
        gap = app_px(app, 8);
    }
    y += header.h + gap;
    s->menu = s->menu && tabs.collapsed;
    SDL_Rect name = draw_tabs(app, &tabs, s->page, margin, y, s->menu);
    y += tabs.h + (full ? app_px(app, 14) : gap);
    SDL_Rect view = {margin, y, width, app->h - y - footer};
    if (view.h < app_px(app, 40))
        view.h = app_px(app, 40);
    Scroll *sc = &s->scroll[s->page];
    sc->view = view.h;
    ChartClip saved;
    chart_clip_push(app, (SDL_Rect){view.x - app_px(app, 4), view.y - 2, view.w + app_px(app, 8), view.h + 4}, &saved);
    sc->content = PAGES[s->page](app, &s->snap, view, view.y - sc->offset);
    chart_clip_pop(app, &saved);
    SDL_Rect bar = {view.x + view.w + app_px(app, 10), view.y, app_px(app, 8), view.h};
    ui_scrollbar(app, bar, sc);
    scrollbar_hits(app, bar, sc);
    if (s->menu)
        draw_page_list(app, &tabs, s->page, name, app->h - footer);
    ui_footer_keys(app, stats_keys(app, s));
}

static void stats_draw(App *app, void *state)
{
    StatsState *s = state;
    draw_all(app, s);
    /* After a resize the old offset can run past the end: clamp, draw the
     * frame again (its clicks and its layout log anew). */
    Scroll *sc = &s->scroll[s->page];
    int max = sc->content - sc->view > 0 ? sc->content - sc->view : 0;
    if (sc->offset > max) {
        sc->offset = max;
        app->hit_count = 0;
        layout_begin(app);
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