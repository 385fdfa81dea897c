/* Settings: a list of options changed with the arrow keys, saved to the
 * store and applied the moment they change (prefs.c persists them, app.c
 * applies the look). Also resets progress behind a typed confirmation (the
 * store backs the file up first) and shows where the progress file lives. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chart.h"
#include "compat.h"
#include "plan.h"
#include "report.h"
#include "reports.h"
#include "screens.h"
#include "store.h"
#include "strbuf.h"
#include "study.h"
#include "text.h"
#include "ui.h"

/* What a click on a row hits: the row (its id), or one of its arrows. */
#define ROW_ID_MASK 0xff
#define ROW_CLICK_LESS 0x100
#define ROW_CLICK_MORE 0x200

static const KeyBinding LIST_ROWS[] = {
    {"Up/Down", 0, CMD_NONE, "choose", false},
    {"Left/Right", 0, CMD_NONE, "change", false},
    {"PgUp/PgDn", 0, CMD_NONE, "bigger steps", true},
    {"Enter", 0, CMD_NONE, "toggle", false},
    {"Esc", 0, CMD_NONE, "back", false},
};
static const KeyMap LIST_KEYS = KEYMAP(LIST_ROWS);

static const KeyBinding TYPING_ROWS[] = {
    {"Type RESET", 0, CMD_NONE, "", false},
    {"Enter", 0, CMD_NONE, "reset", false},
    {"Backspace", 0, CMD_NONE, "delete", false},
    {"Esc", 0, CMD_NONE, "cancel", false},
};
static const KeyMap TYPING_KEYS = KEYMAP(TYPING_ROWS);

#define SETTINGS_CONFIRM_WORD "RESET"
#define SETTINGS_MAX_DAYS_AHEAD (3 * 366)   /* latest exam date offered */

typedef enum SettingId {
    SET_EXAM_DATE, SET_DAILY_MINUTES, SET_ASK_SURE,
    SET_ESL, SET_VOLUME, SET_MUTE, SET_FULLSCREEN, SET_UI_SCALE, SET_HIGH_CONTRAST, SET_REDUCE_MOTION,
    SET_RESET, SET_PROGRESS_FILE, SET_REPORTS_FILE, SET_COUNT
} SettingId;

typedef struct SettingRow {
    const char *group;   /* set on the first row of a group */
    const char *label;
    const char *help;
} SettingRow;

static const SettingRow ROWS[SET_COUNT] = {
    [SET_EXAM_DATE] = {"Study plan", "Exam date",
                       "The day you sit the exam. The study plan counts down to it and no review waits past "
                       "half the days left. Left/Right move a day, Page Up/Down a week, Enter sets or clears it."},
    [SET_DAILY_MINUTES] = {NULL, "Study time a day",
                           "Your daily commitment. The day's goal is the answers it holds, about 30 seconds "
                           "each (a finished arcade round or exam meets it too). The daily drill is what is "
                           "left of the goal: due reviews first, then new items. The plan splits the time "
                           "over the domains by exam weight, more to your weaker ones."},
    [SET_ASK_SURE] = {NULL, "Ask how sure",
                      "In drills, mark an answer Sure before you submit it. Stats then shows whether your sure "
                      "answers can be trusted, and a sure answer that was wrong comes back first."},
    [SET_ESL] = {NULL, "Extra time (ESL)",
                 "Non-native English speakers can ask AWS for 30 extra minutes. With this on, mock exams give "
                 "you the same extra time."},
    [SET_VOLUME] = {"Sound and display", "Sound volume",
                    "Loudness of the sound effects. Each step plays a click so you can hear it."},
    [SET_MUTE] = {NULL, "Mute", "Turns every sound off or on (M does the same on any screen)."},
    [SET_FULLSCREEN] = {NULL, "Full screen", "Fills the whole screen (F11 does the same on any screen)."},
    [SET_UI_SCALE] = {NULL, "Text size",
                      "Makes all text and controls larger or smaller, from 75% to 200%. Long pages scroll."},
    [SET_HIGH_CONTRAST] = {NULL, "High contrast",
                           "White text on black with strong colours, for bright rooms or low vision."},
    [SET_REDUCE_MOTION] = {NULL, "Reduce motion",
                           "Turns off particles, screen shake and sliding animations."},
    [SET_RESET] = {"Progress", "Reset progress",
                   "Erases every answer, Leitner box, exam result, streak and XP; settings stay. A backup of "
                   "the file is made first. Press Enter, then type RESET."},
    [SET_PROGRESS_FILE] = {NULL, "Progress file",
                           "Where your progress is kept (SQLite; any SQLite tool can read it). Automatic daily "
                           "backups are in the backups folder beside it."},
    [SET_REPORTS_FILE] = {NULL, "Question reports",
                          "The doubts you reported about items (R or Report in the drill, the answer review and "
                          "the arcade review), one CSV row each: send this file to the bank's authors."},
};

typedef struct SettingsState {
    int selected;
    Scroll scroll;
    bool typing;                 /* the reset confirmation is open */
    char typed[16];
    char notice[STORE_PATH_MAX + 256]; /* what the last reset did */
    bool notice_ok;
    int row_y[SET_COUNT];        /* where rows were drawn, to keep the selection in view */
    int row_extra[SET_COUNT];    /* the help drawn under a row, when it is inline */
    int row_h;
} SettingsState;

static const KeyMap *settings_keys(App *app, void *state)
{
    (void)app;
    const SettingsState *s = state;
    return s->typing ? &TYPING_KEYS : &LIST_KEYS;
}

/* ---- exam date ------------------------------------------------------------ */

/* Local midnight of the day `days` after the day of t. */
static int64_t local_midnight(int64_t t, int days)
{
    time_t tt = (time_t)t;
    struct tm tm;
    localtime_r(&tt, &tm);
    tm.tm_mday += days;
    tm.tm_hour = 0;
    tm.tm_min = 0;
    tm.tm_sec = 0;
    tm.tm_isdst = -1;
    return (int64_t)mktime(&tm);
}

/* Whole days from today's midnight to the exam date's. */
static int days_until(const App *app, int64_t date)
{
    int64_t today = local_midnight(app_now(app), 0);
    int64_t d = local_midnight(date, 0) - today;
    return (int)((d + (d >= 0 ? SECONDS_PER_DAY / 2 : -SECONDS_PER_DAY / 2)) / SECONDS_PER_DAY);
}

static void move_exam_date(App *app, int delta)
{
    Settings *st = &app->settings;
    int64_t now = app_now(app);
    if (st->exam_date == 0) {
        st->exam_date = local_midnight(now, PLAN_DEFAULT_DAYS);
        return;
    }
    int64_t next = local_midnight(st->exam_date, delta);
    int64_t today = local_midnight(now, 0);
    if (next < today)
        st->exam_date = 0;        /* before today: no date */
    else if (next > local_midnight(now, SETTINGS_MAX_DAYS_AHEAD))
        st->exam_date = local_midnight(now, SETTINGS_MAX_DAYS_AHEAD);
    else
        st->exam_date = next;
}

/* ---- values ---------------------------------------------------------------- */

static int step_int(int v, int delta, int step, int min, int max)
{
    v += delta * step;
    return v < min ? min : v > max ? max : v;
}

static bool is_toggle(SettingId id)
{
    return id == SET_ASK_SURE || id == SET_ESL || id == SET_MUTE || id == SET_FULLSCREEN ||
           id == SET_HIGH_CONTRAST || id == SET_REDUCE_MOTION;
}

static bool *toggle_field(App *app, SettingId id)
{
    Settings *st = &app->settings;
    switch (id) {
    case SET_ASK_SURE: return &st->ask_sure;
    case SET_ESL: return &st->esl;
    case SET_MUTE: return &st->muted;
    case SET_FULLSCREEN: return &st->fullscreen;
    case SET_HIGH_CONTRAST: return &st->high_contrast;
    case SET_REDUCE_MOTION: return &st->reduce_motion;
    default: return NULL;
    }
}

/* Applies a change of `delta` steps (big: Page Up/Down) to a setting.
 * Returns true when something changed. */
static bool change(App *app, SettingId id, int delta, bool big)
{
    Settings before = app->settings;
    Settings *st = &app->settings;
    switch (id) {
    case SET_EXAM_DATE: move_exam_date(app, delta * (big ? 7 : 1)); break;
    case SET_DAILY_MINUTES:
        st->daily_minutes = step_int(st->daily_minutes, delta, PREFS_MINUTES_STEP * (big ? 6 : 1),
                                     PREFS_MINUTES_MIN, PREFS_MINUTES_MAX);
        break;
    case SET_VOLUME: st->volume = step_int(st->volume, delta, big ? 50 : 10, 0, 100); break;
    case SET_UI_SCALE: st->ui_scale_pct = step_int(st->ui_scale_pct, delta, big ? 50 : 25, 75, 200); break;
    default: {
        bool *b = toggle_field(app, id);
        if (!b)
            return false;
        /* Right turns on, Left turns off, Enter (delta 0) flips. */
        *b = delta == 0 ? !*b : delta > 0;
        break;
    }
    }
    if (memcmp(&before, st, sizeof before) == 0)
        return false;
    if (id == SET_FULLSCREEN || id == SET_UI_SCALE || id == SET_HIGH_CONTRAST)
        app_apply_settings(app);
    app_save_settings(app);
    if (id == SET_VOLUME && st->muted)
        app_status(app, "Sound is muted: turn Mute off to hear it");
    app_sound(app, SFX_CLICK);
    return true;
}

static void value_text(App *app, SettingId id, char *buf, size_t size)
{
    const Settings *st = &app->settings;
    const Bank *b = app->bank;
    switch (id) {
    case SET_EXAM_DATE: {
        if (st->exam_date == 0) {
            snprintf(buf, size, "none");
            return;
        }
        time_t tt = (time_t)st->exam_date;
        struct tm tm;
        localtime_r(&tt, &tm);
        char d[48];
        if (strftime(d, sizeof d, "%a %d %b %Y", &tm) == 0)
            d[0] = '\0';
        int left = days_until(app, st->exam_date);
        if (left == 0)
            snprintf(buf, size, "%s (today)", d);
        else if (left < 0)
            snprintf(buf, size, "%s (passed)", d);
        else
            snprintf(buf, size, "%s (in %d day%s)", d, left, left == 1 ? "" : "s");
        return;
    }
    case SET_DAILY_MINUTES:
        snprintf(buf, size, "%d min: %d answers", st->daily_minutes, prefs_study(st).daily_goal);
        return;
    case SET_ESL:
        snprintf(buf, size, "%s (%d min)", st->esl ? "on" : "off",
                 b->exam_minutes + (st->esl ? b->esl_extra_minutes : 0));
        return;
    case SET_VOLUME: snprintf(buf, size, "%d%%%s", st->volume, st->muted ? " (muted)" : ""); return;
    case SET_UI_SCALE: snprintf(buf, size, "%d%%", st->ui_scale_pct); return;
    case SET_RESET: snprintf(buf, size, "Enter to start"); return;
    case SET_PROGRESS_FILE: snprintf(buf, size, "%s", app->store ? store_path(app->store) : "not available"); return;
    case SET_REPORTS_FILE: {
        char path[STORE_PATH_MAX + 32];
        report_path(app, path, sizeof path);
        int n = reports_count(path);
        buf[0] = '\0';
        if (n < 0)
            strbuf_append(buf, size, "%s: cannot be read", path);
        else
            strbuf_append(buf, size, "%s: %d report%s", path, n, n == 1 ? "" : "s");
        return;
    }
    default: {
        bool *v = toggle_field(app, id);
        snprintf(buf, size, "%s", v && *v ? "on" : "off");
        return;
    }
    }
}

/* ---- reset ------------------------------------------------------------------ */

static void do_reset(App *app, SettingsState *s)
{
    int64_t now = app_now(app);
    char path[STORE_PATH_MAX + 64];
    StoreStatus status = store_reset_progress(app->store, now, path, sizeof path);
    if (status != STORE_OK) {
        snprintf(s->notice, sizeof s->notice, "Nothing was reset: %s", store_error_message(app->store));
        s->notice_ok = false;
        app_sound(app, SFX_WRONG);
        return;
    }
    app_saved(app, study_reload(app->study), "Progress not read");
    snprintf(s->notice, sizeof s->notice, "Progress reset. Everything from before is saved in %s", path);
    s->notice_ok = true;
    app_sound(app, SFX_END);
}

static void close_typing(App *app, SettingsState *s)
{
    s->typing = false;
    s->typed[0] = '\0';
    app->text_input = false;
}

static void typing_action(App *app, SettingsState *s, const Action *a)
{
    size_t len = strlen(s->typed);
    switch (a->type) {
    case ACT_BACK:
        close_typing(app, s);
        return;
    case ACT_BACKSPACE:
        if (len > 0)
            s->typed[len - 1] = '\0';
        return;
    case ACT_CONFIRM:
        if (strcmp(s->typed, SETTINGS_CONFIRM_WORD) != 0) {
            app_status(app, "Type %s to confirm, or press Esc to keep your progress", SETTINGS_CONFIRM_WORD);
            app_sound(app, SFX_WRONG);
            return;
        }
        close_typing(app, s);
        do_reset(app, s);
        return;
    case ACT_TEXT:
        /* The word is shown in capitals whatever the keyboard's shift state. */
        for (const char *p = a->text; *p && len + 1 < sizeof s->typed; p++)
            if (*p > ' ' && *p < 127)
                s->typed[len++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
        s->typed[len] = '\0';
        return;
    default:
        return;
    }
}

/* ---- screen ------------------------------------------------------------------ */

static void *settings_enter(App *app, const void *arg)
{
    (void)app;
    (void)arg;
    SettingsState *s = calloc(1, sizeof *s);
    return s;
}

static void settings_leave(App *app, void *state)
{
    app->text_input = false;
    free(state);
}

static void activate(App *app, SettingsState *s)
{
    SettingId id = (SettingId)s->selected;
    if (id == SET_RESET) {
        if (!app->store || !store_is_writable(app->store)) {
            snprintf(s->notice, sizeof s->notice, "Nothing can be reset: the progress file is read-only.");
            s->notice_ok = false;
            return;
        }
        s->typing = true;
        s->typed[0] = '\0';
        app->text_input = true;
        return;
    }
    if (id == SET_EXAM_DATE) {
        /* Enter clears a set date, or sets one four weeks out. */
        if (app->settings.exam_date != 0) {
            app->settings.exam_date = 0;
            app_save_settings(app);
            app_sound(app, SFX_CLICK);
        } else {
            change(app, id, 1, false);
        }
        return;
    }
    if (is_toggle(id))
        change(app, id, 0, false);
}

static void settings_action(App *app, void *state, const Action *a)
{
    SettingsState *s = state;
    if (s->typing) {
        typing_action(app, s, a);
        return;
    }
    SettingId id = (SettingId)s->selected;
    switch (a->type) {
    case ACT_BACK: app_pop(app); return;
    case ACT_UP: s->selected = (s->selected + SET_COUNT - 1) % SET_COUNT; return;
    case ACT_DOWN:
    case ACT_TAB: s->selected = (s->selected + 1) % SET_COUNT; return;
    case ACT_HOME: s->selected = 0; return;
    case ACT_END: s->selected = SET_COUNT - 1; return;
    case ACT_LEFT: change(app, id, -1, false); return;
    case ACT_RIGHT: change(app, id, 1, false); return;
    case ACT_PAGE_UP: change(app, id, 1, true); return;
    case ACT_PAGE_DOWN: change(app, id, -1, true); return;
    case ACT_SPACE:
    case ACT_CONFIRM: activate(app, s); return;
    case ACT_SELECT: {
        /* A click on a row selects it; on a switch it toggles at once; on
         * an arrow it steps the value; a second click on a row does what
         * Enter does. */
        int row = a->value & ROW_ID_MASK;
        if (row < 0 || row >= SET_COUNT)
            return;
        bool again = row == s->selected;
        s->selected = row;
        if (a->value & ROW_CLICK_LESS)
            change(app, (SettingId)row, -1, false);
        else if (a->value & ROW_CLICK_MORE)
            change(app, (SettingId)row, 1, false);
        else if (again || is_toggle((SettingId)row))
            activate(app, s);
        return;
    }
    case ACT_WHEEL: ui_scroll_action(app, &s->scroll, a); return;
    default: return;
    }
}

static int settings_update(App *app, void *state, int dt_ms)
{
    (void)app;
    (void)state;
    (void)dt_ms;
    return SCREEN_IDLE;
}

/* An on/off switch: a pill with a knob. */
static void draw_switch(App *app, int x, int y, int h, bool on)
{
    const Theme *t = &app->theme;
    int w = h * 2 - h / 4;
    ui_round_rect(app, (SDL_Rect){x, y, w, h}, h / 2, on ? t->good : ui_alpha(t->border, 160));
    int k = h - app_px(app, 6);
    int kx = on ? x + w - k - app_px(app, 3) : x + app_px(app, 3);
    ui_circle(app, (float)kx + (float)k / 2, (float)y + (float)h / 2, (float)k / 2, on ? t->bg : t->text);
}

/* Draws one row in r: label left, value (or switch) right; registers its click. */
static void draw_row(App *app, SettingsState *s, SettingId id, SDL_Rect r)
{
    const Theme *t = &app->theme;
    bool sel = (int)id == s->selected;
    if (sel)
        ui_round_rect(app, (SDL_Rect){r.x - 2, r.y - 2, r.w + 4, r.h + 4}, app_px(app, 12), t->accent);
    ui_round_rect(app, r, app_px(app, 10), sel ? t->panel_hi : t->panel);
    int pad = app_px(app, 14);
    int lh = text_line_height(app, FONT_BODY);
    int ty = r.y + (r.h - lh) / 2;
    int label_w = text_draw(app, sel ? FONT_BODY_BOLD : FONT_BODY, ROWS[id].label, r.x + pad, ty,
                            id == SET_RESET ? t->bad : t->text, ALIGN_LEFT);
    int right = r.x + r.w - pad;
    SDL_Rect less = {0, 0, 0, 0}, more = {0, 0, 0, 0};
    if (is_toggle(id)) {
        bool on = *toggle_field(app, id);
        int sh = app_px(app, 22);
        int sw = sh * 2 - sh / 4;
        draw_switch(app, right - sw, r.y + (r.h - sh) / 2, sh, on);
        text_draw(app, FONT_SMALL, on ? "on" : "off", right - sw - app_px(app, 10),
                  r.y + (r.h - text_line_height(app, FONT_SMALL)) / 2, on ? t->good : t->text_dim, ALIGN_RIGHT);
    } else {
        char value[STORE_PATH_MAX + 32];
        value_text(app, id, value, sizeof value);
        bool arrows = id != SET_RESET && id != SET_PROGRESS_FILE && id != SET_REPORTS_FILE;
        int arrow_w = arrows ? app_px(app, 22) : 0;
        int vx = right - arrow_w;
        int avail = vx - (r.x + pad + label_w + app_px(app, 16));
        int vw, vh;
        text_size(app, FONT_BODY, value, &vw, &vh);
        ChartClip saved;
        /* a long path shows its end: the file name matters most */
        if (chart_clip_push(app, (SDL_Rect){vx - avail, r.y, avail > 0 ? avail : 0, r.h}, &saved))
            text_draw(app, FONT_BODY, value, vx, ty, !arrows && id != SET_RESET ? t->text_dim : t->accent2,
                      ALIGN_RIGHT);
        chart_clip_pop(app, &saved);
        int aw = 0, ah = 0;
        text_size(app, FONT_BODY_BOLD, ">", &aw, &ah);
        int hit_w = aw + app_px(app, 16);
        if (arrows) {
            text_draw(app, FONT_BODY_BOLD, ">", right, ty, sel ? t->accent : t->text_dim, ALIGN_RIGHT);
            more = (SDL_Rect){right - aw - app_px(app, 8), r.y, hit_w, r.h};
        }
        if (arrows && vw <= avail) {
            text_draw(app, FONT_BODY_BOLD, "<", vx - vw - app_px(app, 10), ty, sel ? t->accent : t->text_dim,
                      ALIGN_RIGHT);
            less = (SDL_Rect){vx - vw - app_px(app, 10) - aw - app_px(app, 8), r.y, hit_w, r.h};
        }
        if (id == SET_VOLUME) {
            int bw = app_px(app, 90);
            int bx = vx - vw - app_px(app, 30) - bw;
            if (bx > r.x + pad + label_w + app_px(app, 16))
                ui_progress(app, (SDL_Rect){bx, r.y + r.h / 2 - app_px(app, 4), bw, app_px(app, 8)},
                            (float)app->settings.volume / 100.0f,
                            app->settings.muted ? t->text_dim : t->accent2);
        }
    }
    app_hit_label(app, r, (Action){.type = ACT_SELECT, .value = (int)id}, ROWS[id].label);
    /* Registered after the row, so they are found first (drawn on top). */
    if (less.w > 0)
        app_hit_label(app, less, (Action){.type = ACT_SELECT, .value = (int)id | ROW_CLICK_LESS}, "<");
    if (more.w > 0)
        app_hit_label(app, more, (Action){.type = ACT_SELECT, .value = (int)id | ROW_CLICK_MORE}, ">");
}

/* What a row does, as the help shows it (the files' rows lead with the path). */
static void help_text(App *app, int id, char *line, size_t size)
{
    const SettingRow *row = &ROWS[id];
    if (id == SET_PROGRESS_FILE && app->store) {
        snprintf(line, size, "%s  %s", store_path(app->store), row->help);
    } else if (id == SET_REPORTS_FILE) {
        value_text(app, SET_REPORTS_FILE, line, size);
        strbuf_append(line, size, ".  %s", row->help);
    } else {
        snprintf(line, size, "%s", row->help);
    }
}

/* The reset notice, then what the selected setting does, from (x, y) in
 * width w, drawn between clip_top and clip_bottom; with `title`, the
 * setting's name first. Returns the height. */
static int help_body(App *app, SettingsState *s, bool title, int x, int y, int w, int clip_top, int clip_bottom)
{
    const Theme *t = &app->theme;
    int y0 = y;
    if (s->notice[0]) {
        y += text_draw_wrapped(app, FONT_SMALL, s->notice, x, y, w, s->notice_ok ? t->good : t->bad, clip_top,
                               clip_bottom);
        y += app_px(app, 4);
    }
    char line[STORE_PATH_MAX + 600];
    help_text(app, s->selected, line, sizeof line);
    if (title) {
        text_draw(app, FONT_BODY_BOLD, ROWS[s->selected].label, x, y, t->text, ALIGN_LEFT);
        y += text_line_height(app, FONT_BODY_BOLD);
    }
    y += text_draw_wrapped(app, FONT_SMALL, line, x, y, w, t->text_dim, clip_top, clip_bottom);
    return y - y0;
}

/* The panel under the list: what the selected setting does (or the reset notice). */
static void draw_help(App *app, SettingsState *s, SDL_Rect r)
{
    ui_panel(app, r);
    int pad = app_px(app, 16);
    ChartClip saved;
    chart_clip_push(app, r, &saved);
    help_body(app, s, true, r.x + pad, r.y + app_px(app, 10), r.w - pad * 2, r.y, r.y + r.h);
    chart_clip_pop(app, &saved);
}

/* Lays the rows out in one or two columns, with the selected row's help
 * under it when `inline_help`; returns the content height. */
static int draw_rows(App *app, SettingsState *s, SDL_Rect view, int y0, bool inline_help)
{
    const Theme *t = &app->theme;
    int gap = app_px(app, 8);
    int col_gap = app_px(app, 24);
    int row_h = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 18);
    int head_h = text_line_height(app, FONT_SMALL) + app_px(app, 10);
    bool two = (float)view.w / app->scale >= 1000.0f;
    int cols = two ? 2 : 1;
    int cw = (view.w - col_gap * (cols - 1)) / cols;
    s->row_h = row_h;
    int col_y[2] = {y0, y0};
    int bottom = y0;
    for (int i = 0; i < SET_COUNT; i++) {
        /* two columns: the study plan and progress left, sound and display right */
        int c = two && i >= SET_VOLUME && i < SET_RESET ? 1 : 0;
        int x = view.x + c * (cw + col_gap);
        if (ROWS[i].group) {
            if (col_y[c] > y0)
                col_y[c] += app_px(app, 8);
            text_draw(app, FONT_SMALL, ROWS[i].group, x + app_px(app, 4), col_y[c] + app_px(app, 2), t->accent,
                      ALIGN_LEFT);
            col_y[c] += head_h;
        }
        SDL_Rect r = {x, col_y[c], cw, row_h};
        s->row_y[i] = col_y[c] - y0;
        draw_row(app, s, (SettingId)i, r);
        col_y[c] += row_h + gap;
        s->row_extra[i] = 0;
        if (inline_help && i == s->selected) {
            int pad = app_px(app, 14);
            int h = help_body(app, s, false, x + pad, col_y[c], cw - pad * 2, view.y, view.y + view.h) + gap;
            s->row_extra[i] = h;
            col_y[c] += h;
        }
        if (col_y[c] > bottom)
            bottom = col_y[c];
    }
    return bottom - y0;
}

/* The typed confirmation for a reset. */
static void draw_typing(App *app, SettingsState *s)
{
    const Theme *t = &app->theme;
    ui_fill(app, (SDL_Rect){0, 0, app->w, app->h}, ui_alpha(t->bg, 200));
    int w = app_px(app, 600);
    if (w > app->w - app_px(app, 40))
        w = app->w - app_px(app, 40);
    int pad = app_px(app, 28);
    const char *msg = "This erases every answer, Leitner box, exam result, streak and all XP. Your settings "
                      "stay, and a backup of the file is made first. Type RESET and press Enter to go on; "
                      "Esc keeps everything.";
    int th = text_wrapped_height(app, FONT_BODY, msg, w - pad * 2);
    int field_h = text_line_height(app, FONT_TITLE) + app_px(app, 20);
    int h = pad * 2 + text_line_height(app, FONT_TITLE) + app_px(app, 12) + th + app_px(app, 20) + field_h;
    SDL_Rect box = {(app->w - w) / 2, (app->h - h) / 2, w, h};
    ui_round_rect(app, (SDL_Rect){box.x - 2, box.y - 2, box.w + 4, box.h + 4}, app_px(app, 18), t->bad);
    ui_round_rect(app, box, app_px(app, 16), t->panel);
    int y = box.y + pad;
    text_draw(app, FONT_TITLE, "Reset all progress?", box.x + pad, y, t->text, ALIGN_LEFT);
    y += text_line_height(app, FONT_TITLE) + app_px(app, 12);
    y += text_draw_wrapped(app, FONT_BODY, msg, box.x + pad, y, w - pad * 2, t->text_dim, 0, app->h);
    y += app_px(app, 20);
    SDL_Rect field = {box.x + pad, y, w - pad * 2, field_h};
    ui_round_rect(app, (SDL_Rect){field.x - 2, field.y - 2, field.w + 4, field.h + 4}, app_px(app, 10),
                  t->accent);
    ui_round_rect(app, field, app_px(app, 8), t->bg);
    int fy = field.y + (field.h - text_line_height(app, FONT_TITLE)) / 2;
    int fx = field.x + app_px(app, 14);
    if (s->typed[0])
        fx += text_draw(app, FONT_TITLE, s->typed, fx, fy, strcmp(s->typed, SETTINGS_CONFIRM_WORD) == 0 ? t->bad
                        : t->text, ALIGN_LEFT);
    else
        text_draw(app, FONT_TITLE, SETTINGS_CONFIRM_WORD, fx, fy, ui_alpha(t->text_dim, 70), ALIGN_LEFT);
    ui_fill(app, (SDL_Rect){fx + app_px(app, 2), fy + app_px(app, 4), app_px(app, 3),
                            text_line_height(app, FONT_TITLE) - app_px(app, 8)}, t->accent);
}

/* Height of the help panel: the tallest explanation of any row at this
 * width (so the list does not jump as the selection moves), plus the reset
 * notice. */
static int help_height(App *app, const SettingsState *s, int w)
{
    int inner = w - app_px(app, 32);
    int tallest = 0;
    for (int i = 0; i < SET_COUNT; i++) {
        char line[STORE_PATH_MAX + 600];
        help_text(app, i, line, sizeof line);
        int h = text_wrapped_height(app, FONT_SMALL, line, inner);
        if (h > tallest)
            tallest = h;
    }
    int h = text_line_height(app, FONT_BODY_BOLD) + tallest + app_px(app, 22);
    if (s->notice[0])
        h += text_wrapped_height(app, FONT_SMALL, s->notice, inner) + app_px(app, 4);
    return h;
}

/* Scrolls so the selected row shows and no space is wasted below the last
 * row; returns true when the offset moved (the frame is then drawn again). */
static bool adjust_scroll(App *app, SettingsState *s)
{
    int before = s->scroll.offset;
    int view_h = s->scroll.view;
    int head = ROWS[s->selected].group ? text_line_height(app, FONT_SMALL) + app_px(app, 10) : 0;
    int top = s->row_y[s->selected] - head - app_px(app, 8);
    int bottom = s->row_y[s->selected] + s->row_h + s->row_extra[s->selected] + app_px(app, 8);
    if (top < s->scroll.offset)
        s->scroll.offset = top;
    else if (bottom > s->scroll.offset + view_h)
        s->scroll.offset = bottom - view_h;
    int max = s->scroll.content - view_h;
    if (s->scroll.offset > max)
        s->scroll.offset = max;
    if (s->scroll.offset < 0)
        s->scroll.offset = 0;
    return s->scroll.offset != before;
}

static void draw_all(App *app, SettingsState *s)
{
    ui_background(app);
    ui_title(app, "Settings", "Saved and applied as you change them");
    int margin = app_px(app, 28);
    int top = app_px(app, 18) + text_line_height(app, FONT_TITLE) + app_px(app, 18);
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 30);
    int help_h = help_height(app, s, app->w - margin * 2);
    /* When the panel would take more than a quarter of the window (large
     * text, a small window), the help goes under the selected row instead
     * and the list gets the whole height. */
    bool inline_help = help_h > app->h / 4;
    int below = inline_help ? 0 : help_h + app_px(app, 12);
    SDL_Rect view = {margin, top, app->w - margin * 2, app->h - top - footer - below};
    if (view.h < app_px(app, 60))
        view.h = app_px(app, 60);
    s->scroll.view = view.h;
    ChartClip saved;
    chart_clip_push(app, (SDL_Rect){0, view.y - app_px(app, 4), app->w, view.h + app_px(app, 8)}, &saved);
    s->scroll.content = draw_rows(app, s, view, view.y - s->scroll.offset, inline_help);
    chart_clip_pop(app, &saved);
    if (s->scroll.content > s->scroll.view)
        ui_scrollbar(app, (SDL_Rect){view.x + view.w + app_px(app, 10), view.y, app_px(app, 8), view.h},
                     &s->scroll);
    if (!inline_help)
        draw_help(app, s, (SDL_Rect){margin, view.y + view.h + app_px(app, 12), app->w - margin * 2, help_h});
    if (s->typing) {
        draw_typing(app, s);
    }
    ui_footer_keys(app, settings_keys(app, s));
}

static void settings_draw(App *app, void *state)
{
    SettingsState *s = state;
    draw_all(app, s);
    /* Row positions are known once laid out: scroll to the selection. */
    if (adjust_scroll(app, s)) {
        app->hit_count = 0;
        draw_all(app, s);
    }
}

const Screen SCREEN_SETTINGS = {
    .name = "settings",
    .enter = settings_enter,
    .leave = settings_leave,
    .action = settings_action,
    .update = settings_update,
    .draw = settings_draw,
    .keys = settings_keys,
};
