/* The App: screen stack, frame loop, clock, screenshots and the settings
 * that change how things look. The loop sleeps in SDL_WaitEventTimeout
 * whenever no screen animates, so an idle window costs next to nothing. */
#include "app.h"

#include <stdarg.h>
#include <stb_image_write.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audio.h"
#include "bench.h"
#include "input.h"
#include "layoutlog.h"
#include "screen.h"
#include "text.h"
#include "ui.h"

int64_t app_now(const App *app)
{
    if (app->headless)
        return app->start_wall + app->wall_offset + (int64_t)(app->ticks_ms / 1000);
    return (int64_t)time(NULL) + app->wall_offset;
}

int app_px(const App *app, float units)
{
    float v = units * app->scale;
    return (int)(v >= 0 ? v + 0.5f : v - 0.5f);
}

void app_redraw(App *app)
{
    app->dirty = true;
}

void app_status(App *app, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->status, sizeof app->status, fmt, ap);
    va_end(ap);
    app->status_until = app->ticks_ms + 5000;
    app->dirty = true;
}

void app_hit(App *app, SDL_Rect rect, Action action)
{
    app_hit_label(app, rect, action, NULL);
}

void app_hit_label(App *app, SDL_Rect rect, Action action, const char *label)
{
    if (app->hit_count >= APP_MAX_HITS)
        return;
    HitRegion *h = &app->hits[app->hit_count++];
    h->rect = rect;
    h->action = action;
    snprintf(h->label, sizeof h->label, "%s", label ? label : "");
}

bool app_open_url(App *app, const char *url, const char *title)
{
    snprintf(app->last_url, sizeof app->last_url, "%s", url);
    if (app->headless) {
        app_status(app, "Link (headless, no browser): %s", url);
        return true;
    }
    if (SDL_OpenURL(url) != 0) {
        app_status(app, "Could not open the browser (%s). The page is %s", SDL_GetError(), url);
        return false;
    }
    app_status(app, "Opening \"%s\" in your browser", title);
    return true;
}

void app_sound(App *app, SfxId sound)
{
    if (!app->settings.muted)
        audio_play(app->audio, sound, app->settings.volume);
}

const Screen *app_top(const App *app)
{
    return app->depth > 0 ? app->stack[app->depth - 1].screen : NULL;
}

static bool request(App *app, StackRequest r)
{
    if (app->request_count >= APP_MAX_REQUESTS) {
        if (r.slot.state)
            r.slot.screen->leave(app, r.slot.state);
        app_status(app, "Too many screens asked for at once");
        return false;
    }
    app->requests[app->request_count++] = r;
    return true;
}

static bool enter(App *app, const Screen *screen, const void *arg, ScreenSlot *out)
{
    void *state = screen->enter(app, arg);
    if (!state) {
        app_status(app, "Not enough memory to open %s", screen->name);
        return false;
    }
    *out = (ScreenSlot){screen, state};
    return true;
}

bool app_push(App *app, const Screen *screen, const void *arg)
{
    StackRequest r = {.kind = REQUEST_PUSH};
    return enter(app, screen, arg, &r.slot) && request(app, r);
}

bool app_replace(App *app, const Screen *screen, const void *arg)
{
    StackRequest r = {.kind = REQUEST_REPLACE};
    return enter(app, screen, arg, &r.slot) && request(app, r);
}

void app_pop(App *app)
{
    request(app, (StackRequest){.kind = REQUEST_POP});
}

void app_pop_to(App *app, const Screen *screen)
{
    request(app, (StackRequest){.kind = REQUEST_POP_TO, .slot = {.screen = screen}});
}

static void leave_top(App *app)
{
    ScreenSlot slot = app->stack[--app->depth];
    slot.screen->leave(app, slot.state);
}

static void pop_one(App *app)
{
    if (app->depth <= 1) {
        app->running = false;
        return;
    }
    leave_top(app);
    ScreenSlot *top = &app->stack[app->depth - 1];
    if (top->screen->resume)
        top->screen->resume(app, top->state);
}

static void place(App *app, ScreenSlot slot)
{
    if (app->depth >= APP_MAX_SCREENS) {
        slot.screen->leave(app, slot.state);
        app_status(app, "Too many screens open");
        return;
    }
    app->stack[app->depth++] = slot;
}

void app_apply_requests(App *app)
{
    /* A screen resumed or left here may ask for more; those requests join
     * the end of the queue and are applied in turn. */
    for (int i = 0; i < app->request_count; i++) {
        StackRequest r = app->requests[i];
        switch (r.kind) {
        case REQUEST_PUSH:
            place(app, r.slot);
            break;
        case REQUEST_REPLACE:
            if (app->depth > 0)
                leave_top(app);
            place(app, r.slot);
            break;
        case REQUEST_POP:
            pop_one(app);
            break;
        case REQUEST_POP_TO: {
            bool present = false;
            for (int k = 0; k < app->depth; k++)
                present = present || app->stack[k].screen == r.slot.screen;
            while (present && app->depth > 1 && app->stack[app->depth - 1].screen != r.slot.screen)
                pop_one(app);
            break;
        }
        }
        app->hit_count = 0;
        app->dirty = true;
    }
    app->request_count = 0;
}

static float layout_fit(const App *app)
{
    float fx = (float)app->w / ((float)APP_DEFAULT_W * app->dpi_scale);
    float fy = (float)app->h / ((float)APP_DEFAULT_H * app->dpi_scale);
    float f = fx < fy ? fx : fy;
    if (f < 0.8f) f = 0.8f;
    if (f > 1.25f) f = 1.25f;
    return f;
}

/* Recomputes the output size and scale; reopens fonts when the scale moved. */
static void update_metrics(App *app)
{
    if (app->window) {
        int ww, wh;
        SDL_GetRendererOutputSize(app->renderer, &app->w, &app->h);
        SDL_GetWindowSize(app->window, &ww, &wh);
        app->dpi_scale = ww > 0 ? (float)app->w / (float)ww : 1.0f;
    }
    float scale = app->dpi_scale * layout_fit(app) * (float)app->settings.ui_scale_pct / 100.0f;
    if (scale != app->scale) {
        app->scale = scale;
        if (app->text)
            text_rescale(app);
    }
    app->dirty = true;
}

void app_apply_settings(App *app)
{
    ui_theme_init(&app->theme, app->settings.high_contrast);
    if (app->window) {
        bool is_full = (SDL_GetWindowFlags(app->window) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0;
        if (is_full != app->settings.fullscreen)
            SDL_SetWindowFullscreen(app->window,
                                    app->settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    }
    update_metrics(app);
}

bool app_screenshot(App *app, const char *path)
{
    int w = app->w, h = app->h;
    unsigned char *pixels = malloc((size_t)w * (size_t)h * 4);
    if (!pixels)
        return false;
    bool ok = SDL_RenderReadPixels(app->renderer, NULL, SDL_PIXELFORMAT_ABGR8888, pixels, w * 4) == 0;
    /* The canvas may carry blended alpha; a screenshot is what the eye sees: opaque. */
    for (size_t i = 3; ok && i < (size_t)w * (size_t)h * 4; i += 4)
        pixels[i] = 255;
    ok = ok && stbi_write_png(path, w, h, 4, pixels, w * 4) != 0;
    free(pixels);
    return ok;
}

/* One pass of the top screen's draw, laid out above the status band. */
static void draw_pass(App *app)
{
    SDL_SetRenderDrawColor(app->renderer, app->theme.bg.r, app->theme.bg.g, app->theme.bg.b, 255);
    SDL_RenderClear(app->renderer);
    app->hit_count = 0;
    app->scrollbar_drawn = false;
    layout_begin(app);
    int full = app->h;
    app->out_h = full;
    app->h = full - app->status_band;
    app->status_band_wanted = 0;
    ScreenSlot *top = &app->stack[app->depth - 1];
    top->screen->draw(app, top->state);
    app->h = full;
}

static void draw(App *app)
{
    bench_frame_begin();
    draw_pass(app);
    /* A status message came or went, or its band changed height: the
     * screen lays out again in the room left (once: the band's height
     * depends on the message and the width, not on the layout). */
    if (app->status_band_wanted != app->status_band) {
        app->status_band = app->status_band_wanted;
        draw_pass(app);
    }
    text_frame_done(app);
    SDL_RenderPresent(app->renderer);
    app->dirty = false;
    bench_frame_end(app);
    /* Opening the sound device (and making the effects) takes 10-100 ms
     * that nobody should wait for before the window shows anything. */
    if (app->audio_pending && app->running) {
        app->audio_pending = false;
        app->audio = audio_setup();
    }
}

static void take_user_screenshot(App *app)
{
    char path[700];
    time_t t = (time_t)app_now(app);
    struct tm tm;
    localtime_r(&t, &tm);
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    const char *dir = app->shots_dir[0] ? app->shots_dir : ".";
    snprintf(path, sizeof path, "%s/cloudprep-%s-%d.png", dir, stamp, app->shot_counter++);
    if (app_screenshot(app, path))
        app_status(app, "Screenshot saved: %s", path);
    else
        app_status(app, "Could not save a screenshot to %s", dir);
}

/* Global actions first (fullscreen, mute, screenshot, quit), then the screen. */
static void dispatch(App *app, const Action *a)
{
    switch (a->type) {
    case ACT_QUIT:
        app->running = false;
        return;
    case ACT_FULLSCREEN:
        app->settings.fullscreen = !app->settings.fullscreen;
        app_apply_settings(app);
        app_save_settings(app);
        return;
    case ACT_MUTE:
        if (app->text_input)
            break;
        app->settings.muted = !app->settings.muted;
        app_save_settings(app);
        app_status(app, app->settings.muted ? "Sound off (M)" : "Sound on (M)");
        return;
    case ACT_SCREENSHOT:
        take_user_screenshot(app);
        return;
    case ACT_MOUSE_MOVE:
        app->dirty = true; /* hover highlights */
        break;
    default:
        break;
    }
    if (app->depth == 0)
        return;
    ScreenSlot *top = &app->stack[app->depth - 1];
    top->screen->action(app, top->state, a);
    app_apply_requests(app);
    app->dirty = true;
}

void app_save_settings(App *app)
{
    char why[512];
    if (!prefs_save(app->store, &app->settings, why, sizeof why))
        app_status(app, "Settings not saved: %s", why);
    if (app->study) {
        StudyPrefs p = prefs_study(&app->settings);
        study_set_prefs(app->study, &p);
    }
}

bool app_saved(App *app, bool ok, const char *what)
{
    if (!ok)
        app_status(app, "%s: %s", what, app->study->error[0] ? app->study->error : "unknown error");
    return ok;
}

void app_study_today(App *app, StudyToday *out)
{
    app_saved(app, study_today(app->study, app_now(app), out), "Progress not read");
}

void app_handle_event(App *app, const SDL_Event *e)
{
    if (e->type == SDL_WINDOWEVENT) {
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
            update_metrics(app);
        app->dirty = true;
        return;
    }
    Action a;
    if (input_translate(app, e, &a))
        dispatch(app, &a);
}

/* True once a stop signal arrived; also ends the loop. */
static bool stop_requested(App *app)
{
    if (app->stop_signal && *app->stop_signal)
        app->running = false;
    return !app->running;
}

int app_frame(App *app, int dt_ms, bool force_draw)
{
    if (stop_requested(app))
        return SCREEN_IDLE;
    if (app->depth == 0) {
        app->running = false;
        return SCREEN_IDLE;
    }
    ScreenSlot *top = &app->stack[app->depth - 1];
    int wake = top->screen->update(app, top->state, dt_ms);
    if (app->request_count > 0) {
        app_apply_requests(app);
        wake = SCREEN_ANIMATING;
    }
    if (app->status[0] && app->ticks_ms >= app->status_until) {
        app->status[0] = '\0';
        app->dirty = true;
    }
    if (!app->running || app->depth == 0)
        return SCREEN_IDLE;
    if (app->dirty || force_draw || wake == SCREEN_ANIMATING)
        draw(app);
    if (app->status[0]) {
        int until = (int)(app->status_until - app->ticks_ms) + 1;
        if (wake == SCREEN_IDLE || until < wake)
            wake = until;
    }
    return wake;
}

#define APP_SIGNAL_POLL_MS 500

void app_loop(App *app)
{
    const int frame_ms = 16;
    uint64_t last = SDL_GetTicks64();
    uint64_t last_draw = last;
    int wake = SCREEN_ANIMATING;
    app->ticks_ms = last;
    while (app->running) {
        SDL_Event e;
        int timeout;
        if (app->dirty || wake == SCREEN_ANIMATING) {
            int since = (int)(SDL_GetTicks64() - last_draw);
            timeout = since >= frame_ms ? 0 : frame_ms - since;
        } else {
            timeout = wake; /* SCREEN_IDLE (-1) waits for input */
        }
        /* An idle wait wakes twice a second at most, to notice a stop signal
         * even when the video driver's wait is not interrupted by it. */
        if (timeout < 0 || timeout > APP_SIGNAL_POLL_MS)
            timeout = APP_SIGNAL_POLL_MS;
        if (stop_requested(app))
            break;
        int got = SDL_WaitEventTimeout(&e, timeout);
        if (got) {
            /* Input handlers read the clock (status messages, answer times):
             * it must be now, not the time of the last frame. */
            app->ticks_ms = SDL_GetTicks64();
            app_handle_event(app, &e);
            while (app->running && SDL_PollEvent(&e))
                app_handle_event(app, &e);
        }
        if (!app->running)
            break;
        uint64_t now = SDL_GetTicks64();
        app->ticks_ms = now;
        if (wake == SCREEN_ANIMATING && !app->dirty && (int)(now - last_draw) < frame_ms)
            continue; /* input arrived mid-frame: keep the frame pace */
        int dt = (int)(now - last);
        last = now;
        bool will_draw = app->dirty || wake == SCREEN_ANIMATING;
        wake = app_frame(app, dt, false);
        if (will_draw || wake == SCREEN_ANIMATING)
            last_draw = now;
    }
}
