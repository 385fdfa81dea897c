/* The script runner. Commands, one per line ('#' starts a comment):
 *   key NAME        press and release a key (SDL key names: Return, Escape, Down, A, 1, F11)
 *   text STRING     type text (for fields that take typed input)
 *   click X Y       left click at pixel X, Y
 *   wheel N         scroll N lines (positive: down)
 *   move X Y        move the mouse
 *   wait MS         let MS milliseconds of simulated time pass, at 60 frames a second
 *   shot FILE.png   write a screenshot under --shots
 *   expect SCREEN   fail unless SCREEN is on top
 *   answer right|wrong  answer the question on screen as a player would: press
 *                   the keys of the right options (or of one wrong option) and
 *                   Enter where Enter submits; for a flashcard, Space then Y or N
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

static void run_time(App *app, long ms)
{
    while (ms > 0 && app->running) {
        int step = ms < FRAME_MS ? (int)ms : FRAME_MS;
        app->ticks_ms += (uint64_t)step;
        app_frame(app, step, false);
        ms -= step;
    }
}

/* Presses the digit keys of the right options, or of the first wrong one,
 * of the question on screen. Returns NULL, or why it could not. */
static const char *answer_keys(App *app, const char *which)
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
        push_key(app, SDLK_SPACE);
        app_frame(app, 0, false);
        run_time(app, 400);
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
    if (!right) {
        for (int k = 0; k < count; k++)
            if (!((mask >> k) & 1u)) {
                push_key(app, (SDL_Keycode)(SDLK_1 + k));
                app_frame(app, 0, false);
                pressed = 1;
                break;
            }
    }
    for (int k = 0; k < count && pressed < needed; k++) {
        if ((mask >> k) & 1u) {
            push_key(app, (SDL_Keycode)(SDLK_1 + k));
            app_frame(app, 0, false);
            pressed++;
        }
    }
    if (top->answer_submits) {
        push_key(app, SDLK_RETURN);
        app_frame(app, 0, false);
    }
    return NULL;
}

static bool parse_long(const char *s, long *out)
{
    if (!s || !*s)
        return false;
    errno = 0;
    char *end = NULL;
    long v = strtol(s, &end, 10);
    if (errno || (*end && !isspace((unsigned char)*end)))
        return false;
    *out = v;
    return true;
}

int script_run(App *app, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cloudprep: cannot open script %s: %s\n", path, strerror(errno));
        return 1;
    }
    char buf[1024];
    int line = 0;
    int status = 0;
    app_frame(app, 0, true);
    while (app->running && fgets(buf, sizeof buf, f)) {
        line++;
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
        long a = 0, b = 0;
        if (strcmp(cmd, "key") == 0) {
            SDL_Keycode key = SDL_GetKeyFromName(arg);
            if (key == SDLK_UNKNOWN) {
                status = fail(path, line, "unknown key name", arg);
                break;
            }
            push_key(app, key);
            app_frame(app, 0, false);
        } else if (strcmp(cmd, "text") == 0) {
            SDL_Event e;
            memset(&e, 0, sizeof e);
            e.type = SDL_TEXTINPUT;
            snprintf(e.text.text, sizeof e.text.text, "%.31s", arg);
            app_handle_event(app, &e);
            app_frame(app, 0, false);
        } else if (strcmp(cmd, "click") == 0 || strcmp(cmd, "move") == 0) {
            if (sscanf(arg, "%ld %ld", &a, &b) != 2) {
                status = fail(path, line, "expected two numbers", arg);
                break;
            }
            push_mouse(app, SDL_MOUSEMOTION, (int)a, (int)b);
            app_frame(app, 0, false);
            if (cmd[0] == 'c') {
                push_mouse(app, SDL_MOUSEBUTTONDOWN, (int)a, (int)b);
                push_mouse(app, SDL_MOUSEBUTTONUP, (int)a, (int)b);
                app_frame(app, 0, false);
            }
        } else if (strcmp(cmd, "wheel") == 0) {
            if (!parse_long(arg, &a)) {
                status = fail(path, line, "expected a number", arg);
                break;
            }
            SDL_Event e;
            memset(&e, 0, sizeof e);
            e.type = SDL_MOUSEWHEEL;
            e.wheel.y = (Sint32)-a;
            app_handle_event(app, &e);
            app_frame(app, 0, false);
        } else if (strcmp(cmd, "wait") == 0) {
            if (!parse_long(arg, &a) || a < 0) {
                status = fail(path, line, "expected milliseconds", arg);
                break;
            }
            run_time(app, a);
        } else if (strcmp(cmd, "shot") == 0) {
            char file[1600];
            snprintf(file, sizeof file, "%s/%s", app->shots_dir[0] ? app->shots_dir : ".", arg);
            app_frame(app, 0, true);
            if (!app_screenshot(app, file)) {
                status = fail(path, line, "cannot write screenshot", file);
                break;
            }
        } else if (strcmp(cmd, "expect") == 0) {
            if (!screen_by_name(arg)) {
                status = fail(path, line, "no screen is called", arg);
                break;
            }
            const Screen *top = app_top(app);
            if (!top || strcmp(top->name, arg) != 0) {
                char msg[1400];
                snprintf(msg, sizeof msg, "expected screen '%.200s' but '%s' is on top", arg,
                         top ? top->name : "(none)");
                status = fail(path, line, msg, NULL);
                break;
            }
        } else if (strcmp(cmd, "answer") == 0) {
            const char *why = answer_keys(app, arg);
            if (why) {
                status = fail(path, line, why, arg);
                break;
            }
        } else if (strcmp(cmd, "time") == 0) {
            if (!parse_long(arg, &a)) {
                status = fail(path, line, "expected Unix seconds", arg);
                break;
            }
            app->start_wall = a - (int64_t)(app->ticks_ms / 1000) - app->wall_offset;
        } else if (strcmp(cmd, "days") == 0) {
            if (!parse_long(arg, &a)) {
                status = fail(path, line, "expected a number of days", arg);
                break;
            }
            app->wall_offset += a * 86400;
            app_frame(app, 0, false);
        } else if (strcmp(cmd, "resize") == 0) {
            if (sscanf(arg, "%ld %ld", &a, &b) != 2 || a < 320 || b < 240 || a > 8192 || b > 8192) {
                status = fail(path, line, "expected a width and height", arg);
                break;
            }
            if (!resize_canvas(app, (int)a, (int)b)) {
                status = fail(path, line, "cannot resize the canvas", SDL_GetError());
                break;
            }
            app_frame(app, 0, true);
        } else if (strcmp(cmd, "crash") == 0) {
            fflush(NULL);
            _exit(3);
        } else if (strcmp(cmd, "quit") == 0) {
            app->running = false;
        } else {
            status = fail(path, line, "unknown command", cmd);
            break;
        }
    }
    fclose(f);
    return status;
}
