/* The script runner. Commands, one per line ('#' starts a comment):
 *   key NAME        press and release a key (SDL key names: Return, Escape, Down, A, 1, F11)
 *   text STRING     type text (for fields that take typed input)
 *   click X Y       left click at pixel X, Y
 *   click-text TEXT click the centre of the topmost clickable region on
 *                   screen whose label contains TEXT (a button, an option,
 *                   a link); fails when none is visible
 *   wheel N         scroll N lines (positive: down)
 *   move X Y        move the mouse
 *   wait MS         let MS milliseconds of simulated time pass, at 60 frames a second
 *   shot FILE.png   write a screenshot under --shots
 *   expect SCREEN   fail unless SCREEN is on top
 *   expect-url TEXT fail unless the last page the game opened contains TEXT
 *                   ("none": unless no page was opened); headless runs never
 *                   start a browser, they only remember the address
 *   click-option N  click the Nth answer option (1 = the first shown)
 *   input mouse|keys  how `answer` plays from here on (keys at the start)
 *   answer right|wrong  answer the question on screen as a player would: with
 *                   keys, press the keys of the right options (or of one wrong
 *                   option) and Enter where Enter submits, for a flashcard Space
 *                   then Y or N; with the mouse, click the options and Submit,
 *                   for a flashcard Show answer then Knew it or Missed it
 *   check-layout    fail unless the frame on screen is laid out cleanly: no two
 *                   texts overlap, none crosses the window or its panel or
 *                   button, no wrapped text is cut (the texts and rectangles
 *                   are named)
 *   expect-text TEXT  fail unless a text on screen contains TEXT (each drawn
 *                   line by itself, its first 159 characters, as far as seen)
 *   time UNIX       set the simulated wall clock (Unix seconds)
 *   days N          move the simulated wall clock N days ahead
 *   resize W H      change the canvas size
 *   crash           stop at once without saving anything more (a killed process)
 *   quit            leave the game normally
 */
#include "script.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "screen.h"
#include "layoutlog.h"
#include "screens.h"
#include "text.h"

#define FRAME_MS 16

static int fail(const char *path, int line, const char *msg, const char *arg)
{
    fprintf(stderr, "%s:%d: %s%s%s\n", path, line, msg, arg ? ": " : "", arg ? arg : "");
    return 1;
}

static void push_key(App *app, SDL_Keycode key)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = key;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(key);
    app_handle_event(app, &e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    app_handle_event(app, &e);
    /* Real keyboards also send text for printable keys. */
    if (app->text_input && key >= 32 && key < 127) {
        SDL_Event t;
        memset(&t, 0, sizeof t);
        t.type = SDL_TEXTINPUT;
        t.text.text[0] = (char)key;
        app_handle_event(app, &t);
    }
}

static void push_mouse(App *app, Uint32 type, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.x = x;
        e.motion.y = y;
    } else {
        e.button.button = SDL_BUTTON_LEFT;
        e.button.x = x;
        e.button.y = y;
        e.button.clicks = 1;
    }
    app_handle_event(app, &e);
}

/* Recreates the headless canvas at a new size. */
static bool resize_canvas(App *app, int w, int h)
{
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
    if (!surface)
        return false;
    /* Textures belong to the renderer: drop them before replacing it. */
    text_shutdown_cache(app);
    SDL_DestroyRenderer(app->renderer);
    SDL_FreeSurface(app->headless_surface);
    app->headless_surface = surface;
    app->renderer = SDL_CreateSoftwareRenderer(surface);
    app->w = w;
    app->h = h;
    app->scale = 0; /* forces fonts to reopen at the new size */
    app_apply_settings(app);
    return app->renderer != NULL;
}

static void run_time(App *app, long long ms)
{
    while (ms > 0 && app->running) {
        int step = ms < FRAME_MS ? (int)ms : FRAME_MS;
        app->ticks_ms += (uint64_t)step;
        app_frame(app, step, false);
        ms -= step;
    }
}

static void click_at(App *app, int x, int y);

/* Clicks the centre of the visible part of the topmost region drawn in the
 * last frame that does `action` (when label is NULL) or whose label
 * contains `label`. Returns false when none is on screen. */
static bool click_region(App *app, const Action *action, const char *label)
{
    app_frame(app, 0, true); /* the regions of what is on screen now */
    for (int i = app->hit_count - 1; i >= 0; i--) {
        const HitRegion *h = &app->hits[i];
        SDL_Rect screen = {0, 0, app->w, app->h}, seen;
        bool match = label ? strstr(h->label, label) != NULL
                           : h->action.type == action->type && h->action.value == action->value;
        if (!match || !SDL_IntersectRect(&h->rect, &screen, &seen))
            continue;
        click_at(app, seen.x + seen.w / 2, seen.y + seen.h / 2);
        return true;
    }
    return false;
}

/* Chooses display option k (0-based): its digit key, or a click on it. */
static const char *choose(App *app, int k, bool mouse)
{
    if (!mouse) {
        push_key(app, (SDL_Keycode)(SDLK_1 + k));
        app_frame(app, 0, false);
        return NULL;
    }
    Action a = {.type = ACT_DIGIT, .value = k + 1};
    return click_region(app, &a, NULL) ? NULL : "the option is not on screen to click";
}

/* Answers the question on screen: with keys, the digit keys of the right
 * options (or of the first wrong one) and Enter where Enter submits, Space
 * then Y or N for a flashcard; with the mouse, the same by clicks on the
 * options, Submit, Show answer, Knew it and Missed it. Returns NULL, or why
 * it could not. */
static const char *answer_question(App *app, const char *which, bool mouse)
{
    bool right = strcmp(which, "right") == 0;
    if (!right && strcmp(which, "wrong") != 0)
        return "answer takes 'right' or 'wrong'";
    const Screen *top = app_top(app);
    uint32_t mask = 0;
    int count = 0;
    if (!top || !top->right_options ||
        !top->right_options(app, app->stack[app->depth - 1].state, &mask, &count))
        return "no question is waiting for an answer";
    if (count < 0) {
        /* A flashcard: show the back, then "knew it" or "missed it". */
        if (mouse && !click_region(app, NULL, "Show answer"))
            return "no 'Show answer' button on screen";
        if (!mouse) {
            push_key(app, SDLK_SPACE);
            app_frame(app, 0, false);
        }
        run_time(app, 400);
        if (mouse)
            return click_region(app, NULL, right ? "Knew it" : "Missed it") ? NULL
                                                                              : "no 'Knew it' / 'Missed it' button on screen";
        push_key(app, right ? SDLK_y : SDLK_n);
        app_frame(app, 0, false);
        return NULL;
    }
    /* Right: every right option. Wrong: the first wrong option, then right
     * ones until as many are chosen as the question asks for, so a
     * multiple-response question is answered wrongly but completely. */
    int needed = 0;
    for (int k = 0; k < count; k++)
        needed += (mask >> k) & 1u;
    int pressed = 0;
    const char *why = NULL;
    if (!right) {
        for (int k = 0; k < count; k++)
            if (!((mask >> k) & 1u)) {
                why = choose(app, k, mouse);
                pressed = 1;
                break;
            }
    }
    for (int k = 0; k < count && pressed < needed && !why; k++) {
        if ((mask >> k) & 1u) {
            why = choose(app, k, mouse);
            pressed++;
        }
    }
    if (why || !top->answer_submits)
        return why;
    if (mouse)
        return click_region(app, NULL, "Submit") ? NULL : "no 'Submit' button on screen";
    push_key(app, SDLK_RETURN);
    app_frame(app, 0, false);
    return NULL;
}

/* long long: Unix seconds past 2038 fit on Windows too, where long has 32 bits. */
static bool parse_long(const char *s, long long *out)
{
    if (!s || !*s)
        return false;
    errno = 0;
    char *end = NULL;
    long long v = strtoll(s, &end, 10);
    if (errno || (*end && !isspace((unsigned char)*end)))
        return false;
    *out = v;
    return true;
}

/* ------------------------------------------------------------- commands */

typedef struct ScriptRun {
    App *app;
    const char *path;
    int line;
    bool mouse;          /* `answer` clicks instead of pressing keys */
} ScriptRun;

/* A command: returns 0, or 1 after reporting the failure at its line. */
typedef int (*ScriptFn)(ScriptRun *r, const char *arg);

static int fail_at(const ScriptRun *r, const char *msg, const char *arg)
{
    return fail(r->path, r->line, msg, arg);
}

static int cmd_key(ScriptRun *r, const char *arg)
{
    SDL_Keycode key = SDL_GetKeyFromName(arg);
    if (key == SDLK_UNKNOWN)
        return fail_at(r, "unknown key name", arg);
    push_key(r->app, key);
    app_frame(r->app, 0, false);
    return 0;
}

static int cmd_text(ScriptRun *r, const char *arg)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%.31s", arg);
    app_handle_event(r->app, &e);
    app_frame(r->app, 0, false);
    return 0;
}

static void click_at(App *app, int x, int y)
{
    push_mouse(app, SDL_MOUSEMOTION, x, y);
    app_frame(app, 0, false);
    push_mouse(app, SDL_MOUSEBUTTONDOWN, x, y);
    push_mouse(app, SDL_MOUSEBUTTONUP, x, y);
    app_frame(app, 0, false);
}

static int cmd_click(ScriptRun *r, const char *arg)
{
    long a, b;
    if (sscanf(arg, "%ld %ld", &a, &b) != 2)
        return fail_at(r, "expected two numbers", arg);
    click_at(r->app, (int)a, (int)b);
    return 0;
}

static int cmd_move(ScriptRun *r, const char *arg)
{
    long a, b;
    if (sscanf(arg, "%ld %ld", &a, &b) != 2)
        return fail_at(r, "expected two numbers", arg);
    push_mouse(r->app, SDL_MOUSEMOTION, (int)a, (int)b);
    app_frame(r->app, 0, false);
    return 0;
}

/* Clicks the centre of the visible part of the topmost clickable region
 * whose label contains `arg` (case-sensitive), as drawn in the last frame. */
static int cmd_click_text(ScriptRun *r, const char *arg)
{
    if (!*arg)
        return fail_at(r, "click-text needs the text to look for", NULL);
    return click_region(r->app, NULL, arg) ? 0 : fail_at(r, "nothing clickable on screen says", arg);
}

/* Clicks answer option N (1-based, in display order). */
static int cmd_click_option(ScriptRun *r, const char *arg)
{
    long long n;
    if (!parse_long(arg, &n) || n < 1 || n > BANK_MAX_OPTIONS)
        return fail_at(r, "expected an option number from 1 to 8", arg);
    Action a = {.type = ACT_DIGIT, .value = (int)n};
    return click_region(r->app, &a, NULL) ? 0 : fail_at(r, "no such option is on screen to click", arg);
}

static int cmd_input(ScriptRun *r, const char *arg)
{
    if (strcmp(arg, "mouse") != 0 && strcmp(arg, "keys") != 0)
        return fail_at(r, "input takes 'mouse' or 'keys'", arg);
    r->mouse = strcmp(arg, "mouse") == 0;
    return 0;
}

/* Draws the frame on screen again with the layout log on (what
 * check-layout and expect-text read). False when out of memory. */
static bool logged_frame(ScriptRun *r)
{
    App *app = r->app;
    if (!app->layout)
        app->layout = calloc(1, sizeof *app->layout);
    if (!app->layout)
        return false;
    app_frame(app, 0, true);
    return true;
}

static int cmd_check_layout(ScriptRun *r, const char *arg)
{
    (void)arg;
    App *app = r->app;
    if (!logged_frame(r))
        return fail_at(r, "out of memory", NULL);
    char why[600];
    if (layout_check(app, why, sizeof why))
        return 0;
    char msg[800];
    snprintf(msg, sizeof msg, "layout of '%s' at %dx%d, text %d%%: %s", app_top(app) ? app_top(app)->name : "?",
             app->w, app->h, app->settings.ui_scale_pct, why);
    return fail_at(r, msg, NULL);
}

/* A text drawn in the frame on screen (one line at a time) must contain arg. */
static int cmd_expect_text(ScriptRun *r, const char *arg)
{
    if (!*arg)
        return fail_at(r, "expect-text needs the text to look for", NULL);
    if (!logged_frame(r))
        return fail_at(r, "out of memory", NULL);
    const LayoutLog *log = r->app->layout;
    for (int i = 0; i < log->text_count; i++)
        if (strstr(log->texts[i].text, arg))
            return 0;
    return fail_at(r, "no text on screen says", arg);
}

static int cmd_wheel(ScriptRun *r, const char *arg)
{
    long long a;
    if (!parse_long(arg, &a))
        return fail_at(r, "expected a number", arg);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = (Sint32)-a;
    app_handle_event(r->app, &e);
    app_frame(r->app, 0, false);
    return 0;
}

static int cmd_wait(ScriptRun *r, const char *arg)
{
    long long a;
    if (!parse_long(arg, &a) || a < 0)
        return fail_at(r, "expected milliseconds", arg);
    run_time(r->app, a);
    return 0;
}

static int cmd_shot(ScriptRun *r, const char *arg)
{
    App *app = r->app;
    char file[1600];
    snprintf(file, sizeof file, "%s/%s", app->shots_dir[0] ? app->shots_dir : ".", arg);
    app_frame(app, 0, true);
    if (!app_screenshot(app, file))
        return fail_at(r, "cannot write screenshot", file);
    return 0;
}

static int cmd_expect(ScriptRun *r, const char *arg)
{
    if (!screen_by_name(arg))
        return fail_at(r, "no screen is called", arg);
    const Screen *top = app_top(r->app);
    if (!top || strcmp(top->name, arg) != 0) {
        char msg[1400];
        snprintf(msg, sizeof msg, "expected screen '%.200s' but '%s' is on top", arg,
                 top ? top->name : "(none)");
        return fail_at(r, msg, NULL);
    }
    return 0;
}

/* The last page the game opened must contain `arg` ("none": nothing opened). */
static int cmd_expect_url(ScriptRun *r, const char *arg)
{
    const char *url = r->app->last_url;
    bool ok = strcmp(arg, "none") == 0 ? !*url : *arg && strstr(url, arg) != NULL;
    if (ok)
        return 0;
    char msg[1400];
    snprintf(msg, sizeof msg, "expected the last opened page to contain '%.200s' but it is '%.600s'", arg,
             *url ? url : "(none)");
    return fail_at(r, msg, NULL);
}

static int cmd_answer(ScriptRun *r, const char *arg)
{
    const char *why = answer_question(r->app, arg, r->mouse);
    return why ? fail_at(r, why, arg) : 0;
}

static int cmd_time(ScriptRun *r, const char *arg)
{
    long long a;
    if (!parse_long(arg, &a) || a < PROGRESS_TIME_MIN || a > PROGRESS_TIME_MAX)
        return fail_at(r, "expected Unix seconds from 0 to 253402300799 (year 9999)", arg);
    App *app = r->app;
    app->start_wall = a - (int64_t)(app->ticks_ms / 1000) - app->wall_offset;
    return 0;
}

static int cmd_days(ScriptRun *r, const char *arg)
{
    long long a;
    /* bounded first, so the sums below can't overflow */
    if (!parse_long(arg, &a) || a < -3000000 || a > 3000000)
        return fail_at(r, "expected a number of days", arg);
    int64_t then = app_now(r->app) + (int64_t)a * SECONDS_PER_DAY;
    if (then < PROGRESS_TIME_MIN || then > PROGRESS_TIME_MAX)
        return fail_at(r, "the clock would leave the years 1970 to 9999", arg);
    r->app->wall_offset += (int64_t)a * SECONDS_PER_DAY;
    app_frame(r->app, 0, false);
    return 0;
}

static int cmd_resize(ScriptRun *r, const char *arg)
{
    long a, b;
    if (sscanf(arg, "%ld %ld", &a, &b) != 2 || a < 320 || b < 240 || a > 8192 || b > 8192)
        return fail_at(r, "expected a width and height", arg);
    if (!resize_canvas(r->app, (int)a, (int)b))
        return fail_at(r, "cannot resize the canvas", SDL_GetError());
    app_frame(r->app, 0, true);
    return 0;
}

static int cmd_crash(ScriptRun *r, const char *arg)
{
    (void)r;
    (void)arg;
    fflush(NULL);
    _exit(3);
}

static int cmd_quit(ScriptRun *r, const char *arg)
{
    (void)arg;
    r->app->running = false;
    return 0;
}

static const struct {
    const char *name;
    ScriptFn run;
} COMMANDS[] = {
    {"key", cmd_key},
    {"text", cmd_text},
    {"click", cmd_click},
    {"click-text", cmd_click_text},
    {"click-option", cmd_click_option},
    {"input", cmd_input},
    {"check-layout", cmd_check_layout},
    {"move", cmd_move},
    {"wheel", cmd_wheel},
    {"wait", cmd_wait},
    {"shot", cmd_shot},
    {"expect", cmd_expect},
    {"expect-url", cmd_expect_url},
    {"expect-text", cmd_expect_text},
    {"answer", cmd_answer},
    {"time", cmd_time},
    {"days", cmd_days},
    {"resize", cmd_resize},
    {"crash", cmd_crash},
    {"quit", cmd_quit},
};

int script_run(App *app, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cloudprep: cannot open script %s: %s\n", path, strerror(errno));
        return 1;
    }
    char buf[1024];
    ScriptRun run = {.app = app, .path = path};
    int status = 0;
    app_frame(app, 0, true);
    while (status == 0 && app->running && fgets(buf, sizeof buf, f)) {
        run.line++;
        buf[strcspn(buf, "\r\n")] = '\0';
        char *cmd = buf;
        while (isspace((unsigned char)*cmd))
            cmd++;
        if (*cmd == '\0' || *cmd == '#')
            continue;
        char *arg = cmd;
        while (*arg && !isspace((unsigned char)*arg))
            arg++;
        if (*arg)
            *arg++ = '\0';
        while (isspace((unsigned char)*arg))
            arg++;
        size_t n = sizeof COMMANDS / sizeof COMMANDS[0], i = 0;
        while (i < n && strcmp(COMMANDS[i].name, cmd) != 0)
            i++;
        status = i < n ? COMMANDS[i].run(&run, arg) : fail_at(&run, "unknown command", cmd);
    }
    fclose(f);
    return status;
}
