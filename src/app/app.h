/* The App context every screen receives: window and renderer, fonts and the
 * text cache, theme, audio, clock, the loaded bank and the store, settings,
 * and the screen stack. Screens are tables of functions (see screen.h). */
#ifndef CLOUDPREP_APP_H
#define CLOUDPREP_APP_H

#include "compat.h"
#include <SDL.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "action.h"
#include "prefs.h"
#include "bank.h"
#include "progress.h"
#include "rng.h"
#include "sfx.h"
#include "study.h"

typedef struct Store Store;
typedef struct TextCache TextCache;
typedef struct Audio Audio;
typedef struct Screen Screen;
typedef struct LayoutLog LayoutLog;
typedef struct Study Study;

#define APP_MIN_W 960
#define APP_MIN_H 600
#define APP_DEFAULT_W 1280
#define APP_DEFAULT_H 720
#define APP_MAX_SCREENS 8
#define APP_MAX_HITS 96

typedef enum FontRole { FONT_SMALL, FONT_BODY, FONT_BODY_BOLD, FONT_TITLE, FONT_HUGE, FONT_COUNT } FontRole;

typedef struct Theme {
    SDL_Color bg, bg2, panel, panel_hi, text, text_dim, accent, accent2,
        good, bad, warn, flag, border;
} Theme;

#define APP_HIT_LABEL 160

/* A clickable region registered while drawing; a click inside becomes
 * `action`. `label` is what it says on screen (for `click-text` in scripts). */
typedef struct HitRegion {
    SDL_Rect rect;
    Action action;
    char label[APP_HIT_LABEL];
} HitRegion;

typedef struct ScreenSlot {
    const Screen *screen;
    void *state;
} ScreenSlot;

/* A change of the screen stack asked for by a handler; the loop applies it
 * after the handler returns (app_apply_requests), so a handler's state
 * stays valid until it returns, whatever it asks for. */
typedef enum RequestKind { REQUEST_PUSH, REQUEST_POP, REQUEST_REPLACE, REQUEST_POP_TO } RequestKind;

typedef struct StackRequest {
    RequestKind kind;
    ScreenSlot slot;          /* PUSH, REPLACE: the entered screen; POP_TO: slot.screen */
} StackRequest;

#define APP_MAX_REQUESTS 8


typedef struct App {
    SDL_Window *window;
    SDL_Renderer *renderer;
    SDL_Surface *headless_surface;   /* the canvas in headless mode */
    bool headless;
    bool running;
    /* Set (by main's SIGTERM/SIGINT handler) to the signal that asks the
     * program to end; the loop and the script runner stop at the next
     * frame and the normal shutdown saves what is in progress. NULL: none. */
    const volatile sig_atomic_t *stop_signal;
    int w, h;                        /* output size in pixels */
    float scale;                     /* pixels per layout unit (DPI x UI scale) */
    float dpi_scale;

    TextCache *text;
    Theme theme;
    Audio *audio;
    bool audio_pending;              /* open audio right after the first frame is shown */

    /* clock: ms since start (animation) and Unix seconds (study days) */
    uint64_t ticks_ms;
    int64_t wall_offset;             /* simulated clock: added to the real start time */
    int64_t start_wall;
    Rng rng;

    Bank *bank;
    char bank_message[512];          /* what the loader skipped, for the home screen */
    Store *store;
    char data_dir[1024];             /* the data folder (progress.db, reports.csv) */
    char store_message[1024];         /* what the store did at open (restored, read-only...) */
    bool store_message_news;          /* it is news (a new or updated file), not a warning: home
                                         drops it when the learner comes back from a screen */
    char status[256];                /* transient message (disk full...) */
    uint64_t status_until;
    /* A status message too long for the footer's line gets a band of its
     * own just above the footer. While a frame draws, `h` is the height the
     * screen lays out in (the output less that band: no body draws under
     * it) and `out_h` the output's; `status_band` is the band's height
     * (kept from frame to frame), `status_band_wanted` what the footer
     * found it needs this frame (the frame is drawn again when they differ). */
    int out_h;
    int status_band;
    int status_band_wanted;

    Settings settings;
    Study *study;                    /* core/session/study.h: item states, answers, the fit */

    ScreenSlot stack[APP_MAX_SCREENS];
    int depth;
    StackRequest requests[APP_MAX_REQUESTS];
    int request_count;
    bool dirty;                      /* something changed: redraw */

    HitRegion hits[APP_MAX_HITS];
    int hit_count;
    bool scrollbar_drawn;    /* a scroll bar was drawn this frame (footers hint at scrolling) */
    int mouse_x, mouse_y;
    bool text_input;                 /* a screen wants typed text (letters do not map to actions) */

    char last_url[512];              /* the page app_open_url opened last ("" = none) */

    LayoutLog *layout;               /* what the last frame drew (headless check-layout), or NULL */

    char shots_dir[512];
    int shot_counter;
} App;

/* Current time in Unix seconds (real, or simulated in headless runs). */
int64_t app_now(const App *app);
/* Layout units to pixels: every size in the UI goes through this. */
int app_px(const App *app, float units);
/* Marks the frame dirty so the next loop iteration redraws. */
void app_redraw(App *app);
/* Shows a short message in the status bar for a few seconds. */
void app_status(App *app, const char *fmt, ...) COMPAT_PRINTF(2, 3);
/* Asks for `screen` on top of the stack. Its enter() runs now, with `arg`
 * (which need only live until this call returns); the stack changes once
 * the current handler returns. False (with a status message) when the
 * screen could not be entered or too much is already asked for. */
bool app_push(App *app, const Screen *screen, const void *arg);
/* Asks for the top screen to be popped (its leave() runs once the current
 * handler returns; the screen below is resumed). Popping the home screen
 * quits. */
void app_pop(App *app);
/* Asks for the top screen to be replaced by `screen` (entered now, like
 * app_push). */
bool app_replace(App *app, const Screen *screen, const void *arg);
/* Asks for screens to be popped until `screen` is on top (nothing when it
 * is not on the stack). */
void app_pop_to(App *app, const Screen *screen);
/* Applies the stack requests in the order they were made. The loop calls
 * it after every handler, update and script step. */
void app_apply_requests(App *app);
/* The screen on top. */
const Screen *app_top(const App *app);
/* Applies settings that change how things look (theme, UI scale, fullscreen). */
void app_apply_settings(App *app);
/* Saves the settings in the store and hands the study settings to the
 * study context (errors become a status message). */
void app_save_settings(App *app);
/* Shows "`what`: <why>" from the study context when `ok` is false (a write
 * that did not happen, a read that failed); returns ok. */
bool app_saved(App *app, bool ok, const char *what);
/* Today's numbers (study_today at app_now); a failed read is shown. */
void app_study_today(App *app, StudyToday *out);
/* Registers a clickable region for the current frame. */
void app_hit(App *app, SDL_Rect rect, Action action);
/* The same, with the text the region shows (copied, cut to APP_HIT_LABEL-1
 * bytes), so a script can click it by what it says. */
void app_hit_label(App *app, SDL_Rect rect, Action action, const char *label);
/* Opens `url` in the system's browser (SDL_OpenURL) and remembers it in
 * last_url; headless, only remembers it. Says what happened in the status
 * bar, naming `title`. Returns false when the browser could not be asked. */
bool app_open_url(App *app, const char *url, const char *title);
/* Plays a sound effect (no-op when muted or without audio). */
void app_sound(App *app, SfxId sound);
/* Writes a PNG of the current frame to `path`; returns false on failure. */
bool app_screenshot(App *app, const char *path);

/* Handles one SDL event (translation to an Action, then the screen). */
void app_handle_event(App *app, const SDL_Event *e);
/* Runs one frame: update the top screen by dt_ms, draw if needed. Returns
 * the screen's wake request (SCREEN_ANIMATING, SCREEN_IDLE or ms). */
int app_frame(App *app, int dt_ms, bool force_draw);
/* The interactive loop; returns when the player quits. */
void app_loop(App *app);

#endif
