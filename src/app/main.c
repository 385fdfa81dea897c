/* cloudprep's entry point: parses the command line, finds the bank and the
 * assets, opens the progress store, sets up SDL (a window, or a software
 * canvas when headless) and runs the loop or the script. The only file with
 * process-wide state. */
#include <SDL.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "app.h"
#include "compat.h"
#include "audio.h"
#include "bankcheck.h"
#include "bankload.h"
#include "bench.h"
#include "cli.h"
#include "fsutil.h"
#include "prefs.h"
#include "screens.h"
#include "script.h"
#include "store.h"
#include "study.h"
#include "text.h"
#include "ui.h"

/* A fixed start for the simulated clock, so headless runs are reproducible:
 * Monday 2026-01-05 09:00 UTC. Scripts move it with `time` and `days`. */
#define HEADLESS_START_TIME 1767603600

/* The signal that asked the program to end (SIGTERM, SIGINT), or 0. */
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
    stop_signal = sig;
}

/* SIGTERM and SIGINT end the game at the next frame through the normal
 * shutdown (an exam's time and position are saved, the store closed); a
 * second one ends it at once. SIGXFSZ (a `ulimit -f` file size limit) is
 * ignored, so the write fails with EFBIG and is reported like a full disk.
 * Installed after SDL_Init, replacing SDL's own handlers. */
static void install_signal_handlers(void)
{
    compat_catch_stop_signals(on_stop_signal);
    compat_ignore_file_size_limit();
}

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* The folder holding assets/ and banks/: next to the executable in the build
 * tree, else ../share/cloudprep beside the installed binary (so a package
 * installed under any prefix finds its data), else the configured data folder. */
static void find_data_root(char *out, size_t size)
{
    char *base = SDL_GetBasePath();
    if (base) {
        const char *candidates[] = {"", "../share/cloudprep/"};
        for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
            char probe[1200];
            snprintf(probe, sizeof probe, "%s%sassets/fonts/DejaVuSans.ttf", base, candidates[i]);
            if (file_exists(probe)) {
                snprintf(out, size, "%s%s", base, candidates[i]);
                compat_native_separators(out);
                SDL_free(base);
                return;
            }
        }
        SDL_free(base);
    }
    snprintf(out, size, "%s", CLOUDPREP_DATADIR);
}

/* Where progress.db lives: --data-dir, else SDL's per-user folder. */
static bool find_data_dir(const CliOptions *o, char *out, size_t size)
{
    if (o->data_dir) {
        snprintf(out, size, "%s", o->data_dir);
        compat_native_separators(out);
        return true;
    }
    char *pref = SDL_GetPrefPath("", "cloudprep");
    if (!pref)
        return false;
    snprintf(out, size, "%s", pref);
    SDL_free(pref);
    compat_native_separators(out);
    return true;
}

static int local_utc_offset(int64_t now)
{
    return compat_utc_offset(now);
}

static void load_bank(App *app, const char *dir)
{
    Diag d = {0};
    app->bank = bank_load_dir(dir, &d);
    int first = diag_first_error(&d);
    if (!app->bank) {
        char line[700] = "no details";
        if (first >= 0)
            diag_format(&d, first, line, sizeof line);
        fprintf(stderr, "cloudprep: cannot load the bank in %s\n%s\n"
                        "Check it with: cloudprep --check-bank %s\n", dir, line, dir);
    } else if (app->bank->skipped_files > 0 || app->bank->skipped_items > 0) {
        const Bank *b = app->bank;
        char files[96] = "";
        if (b->skipped_files > 0)
            snprintf(files, sizeof files, " (%d whole file%s)", b->skipped_files, b->skipped_files == 1 ? "" : "s");
        snprintf(app->bank_message, sizeof app->bank_message,
                 "Skipped %d item%s of the bank%s because of errors. First: %s", b->skipped_items,
                 b->skipped_items == 1 ? "" : "s", files, b->first_error ? b->first_error : "");
        fprintf(stderr, "cloudprep: %s\n", app->bank_message);
    }
    diag_free(&d);
}

/* Opens the progress store; false after printing why. *locked is set when
 * another copy holds the data folder (the caller says so in a window). */
static bool open_store(App *app, const CliOptions *o, bool *locked)
{
    char dir[1024];
    *locked = false;
    if (!find_data_dir(o, dir, sizeof dir)) {
        fprintf(stderr, "cloudprep: cannot find a folder for progress data (%s); use --data-dir DIR\n",
                SDL_GetError());
        return false;
    }
    snprintf(app->data_dir, sizeof app->data_dir, "%s", dir);
    StoreOpenInfo info;
    int64_t now = app_now(app);
    StoreOptions opts = {.utc_offset = local_utc_offset(now)};
    app->store = store_open_with(dir, now, &opts, &info);
    if (!app->store) {
        fprintf(stderr, "cloudprep: out of memory opening %s\n", dir);
        return false;
    }
    snprintf(app->store_message, sizeof app->store_message, "%s", info.message);
    app->store_message_news = (info.kind == STORE_OPEN_CREATED || info.kind == STORE_OPEN_MIGRATED) &&
                              info.writable && !info.backup_failed;
    if (info.message[0])
        fprintf(stderr, "cloudprep: %s\n", info.message);
    /* a second copy offers nothing: playing on would save nothing */
    *locked = info.kind == STORE_OPEN_LOCKED;
    return !*locked;
}

static bool setup_video(App *app, const CliOptions *o)
{
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS | (o->headless ? 0 : SDL_INIT_GAMECONTROLLER)) != 0) {
        fprintf(stderr, "cloudprep: cannot start SDL: %s\n", SDL_GetError());
        return false;
    }
    if (o->headless) {
        /* No alpha channel, like a window surface: SDL's fast blend blitters
         * round the destination alpha down, which would leave text edges
         * in screenshots slightly transparent. */
        app->headless_surface = SDL_CreateRGBSurfaceWithFormat(0, APP_DEFAULT_W, APP_DEFAULT_H, 32,
                                                               SDL_PIXELFORMAT_RGB888);
        app->renderer = app->headless_surface ? SDL_CreateSoftwareRenderer(app->headless_surface) : NULL;
        app->w = APP_DEFAULT_W;
        app->h = APP_DEFAULT_H;
        app->dpi_scale = 1.0f;
    } else {
        Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
        if (app->settings.fullscreen)
            flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        app->window = SDL_CreateWindow("cloudprep", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                       APP_DEFAULT_W, APP_DEFAULT_H, flags);
        if (!app->window) {
            fprintf(stderr, "cloudprep: cannot open a window: %s\n", SDL_GetError());
            return false;
        }
        SDL_SetWindowMinimumSize(app->window, APP_MIN_W, APP_MIN_H);
        app->renderer = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
        if (!app->renderer)
            app->renderer = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_SOFTWARE);
        SDL_GetRendererOutputSize(app->renderer, &app->w, &app->h);
        app->dpi_scale = (float)app->w / (float)APP_DEFAULT_W;
        if (app->dpi_scale < 1.0f)
            app->dpi_scale = 1.0f;
    }
    if (!app->renderer) {
        fprintf(stderr, "cloudprep: cannot create a renderer: %s\n", SDL_GetError());
        return false;
    }
    SDL_SetRenderDrawBlendMode(app->renderer, SDL_BLENDMODE_BLEND);
    return true;
}

static void shutdown_app(App *app)
{
    for (int i = 0; i < app->request_count; i++)
        if (app->requests[i].slot.state)
            app->requests[i].slot.screen->leave(app, app->requests[i].slot.state);
    app->request_count = 0;
    while (app->depth > 0) {
        ScreenSlot slot = app->stack[--app->depth];
        slot.screen->leave(app, slot.state);
    }
    text_shutdown(app);
    audio_shutdown(app->audio);
    if (app->renderer)
        SDL_DestroyRenderer(app->renderer);
    if (app->headless_surface)
        SDL_FreeSurface(app->headless_surface);
    if (app->window)
        SDL_DestroyWindow(app->window);
    study_close(app->study);
    app->study = NULL;
    free(app->layout);
    app->layout = NULL;
    store_close(app->store);
    bank_free(app->bank);
    SDL_Quit();
}

/* The bank loads on its own thread while SDL opens the window and the
 * fonts: YAML parsing (about 12 ms for banks/clf-c02) and video set-up
 * (12 ms headless, 150+ ms with a GL context) no longer add up before the
 * first frame. The loader touches only app->bank and app->bank_message,
 * which the main thread reads after SDL_WaitThread. */
typedef struct BankJob {
    App *app;
    const CliOptions *o;
    const char *dir;
    bool store_ok, locked;
} BankJob;

/* The bank, then (only when it loaded) the store: a bank that fails to
 * load leaves no progress.db behind. */
static int SDLCALL bank_thread(void *data)
{
    BankJob *job = data;
    load_bank(job->app, job->dir);
    if (job->app->bank)
        job->store_ok = open_store(job->app, job->o, &job->locked);
    return 0;
}

/* Settings (from the store), theme and fonts, once the window exists and
 * the store is open; false after printing why. */
static bool setup_front(App *app, const CliOptions *o, const char *root)
{
    prefs_load(app->store, &app->settings);
    /* --text-size is saved like the setting (large text from the first
     * start on); the save also writes what loading derived (an older file's
     * goal as minutes, the day's goal for the store). --fullscreen is for
     * this run only. */
    if (o->text_size)
        app->settings.ui_scale_pct = o->text_size;
    char why[512];
    if (!prefs_save(app->store, &app->settings, why, sizeof why))
        app_status(app, "%s not saved: %.200s", o->text_size ? "Text size" : "Settings", why);
    if (o->fullscreen)
        app->settings.fullscreen = true;
    app->scale = 0;
    ui_theme_init(&app->theme, app->settings.high_contrast);
    app->scale = app->dpi_scale * (float)app->settings.ui_scale_pct / 100.0f;
    char fonts[1200], err[512];
    snprintf(fonts, sizeof fonts, "%s/assets/fonts", root);
    if (!text_setup(app, fonts, err, sizeof err)) {
        fprintf(stderr, "cloudprep: %s\n", err);
        return false;
    }
    return true;
}

/* Checks the headless paths before anything starts: the script must be a
 * regular file, the screenshot folder is created like --data-dir. Returns
 * false after saying which option is wrong. */
static bool check_headless_paths(const CliOptions *o)
{
    struct stat sb;
    if (o->script) {
        if (stat(o->script, &sb) != 0) {
            fprintf(stderr, "cloudprep: --script %s: %s\n", o->script, strerror(errno));
            return false;
        }
        if (!S_ISREG(sb.st_mode)) {
            fprintf(stderr, "cloudprep: --script %s is %s; give a script file\n", o->script,
                    fsutil_kind_name(sb.st_mode));
            return false;
        }
    }
    if (o->shots_dir) {
        int err = fsutil_make_dirs(o->shots_dir, 0755);
        if (err != 0) {
            fprintf(stderr, "cloudprep: --shots %s: cannot create the folder (%s)\n", o->shots_dir,
                    strerror(err));
            return false;
        }
    }
    return true;
}

static int run_game(const CliOptions *o)
{
    static App app; /* the one App, owned by main */
    char root[1024], bank_dir[1200];
    app.headless = o->headless;
    app.start_wall = o->headless ? HEADLESS_START_TIME : (int64_t)time(NULL);
    rng_seed(&app.rng, o->seed_given ? o->seed : (uint64_t)time(NULL));
    if (o->headless) {
        SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
        SDL_setenv("SDL_AUDIODRIVER", "dummy", 1);
    }
    find_data_root(root, sizeof root);
    if (o->bank_dir)
        snprintf(bank_dir, sizeof bank_dir, "%s", o->bank_dir);
    else
        snprintf(bank_dir, sizeof bank_dir, "%s/banks/clf-c02", root);
    BankJob job = {.app = &app, .o = o, .dir = bank_dir};
    SDL_Thread *loader = SDL_CreateThread(bank_thread, "bank", &job);
    if (!loader)
        bank_thread(&job); /* no thread: load it here */
    app.settings.fullscreen = o->fullscreen; /* the saved setting applies once the store is open */
    bool ok = setup_video(&app, o);
    if (loader)
        SDL_WaitThread(loader, NULL);
    if (job.locked && !o->headless)
        SDL_ShowSimpleMessageBox(SDL_MESSAGEBOX_WARNING, "cloudprep is already running", app.store_message,
                                 app.window);
    ok = ok && app.bank && job.store_ok && setup_front(&app, o, root);
    if (!ok) {
        shutdown_app(&app);
        return 1;
    }
    StudyPrefs study_prefs = prefs_study(&app.settings);
    app.study = study_open(app.bank, app.store, &study_prefs);
    if (!app.study) {
        fprintf(stderr, "cloudprep: out of memory\n");
        shutdown_app(&app);
        return 1;
    }
    if (app.study->error[0])
        app_status(&app, "Progress not read: %s", app.study->error);
    app_apply_settings(&app);
    app.audio_pending = true; /* audio_setup runs after the first frame (app.c) */
    if (o->shots_dir)
        snprintf(app.shots_dir, sizeof app.shots_dir, "%s", o->shots_dir);
    app.running = true;
    app.stop_signal = &stop_signal;
    install_signal_handlers();
    app_push(&app, &SCREEN_HOME, NULL);
    app_apply_requests(&app);
    int status = 0;
    if (o->headless)
        status = script_run(&app, o->script);
    else
        app_loop(&app);
    shutdown_app(&app);
    bench_shutdown();
    if (stop_signal) {
        fprintf(stderr, "cloudprep: stopped by signal %d; progress saved\n", (int)stop_signal);
        return 128 + (int)stop_signal;
    }
    return status;
}

static int export_history(const CliOptions *o)
{
    char dir[1024];
    if (!find_data_dir(o, dir, sizeof dir)) {
        fprintf(stderr, "cloudprep: cannot find the data folder; use --data-dir DIR\n");
        return 2;
    }
    StoreOpenInfo info;
    StoreOptions opts = {.existing_only = true}; /* read only: a mistyped folder gets nothing created */
    Store *st = store_open_with(dir, (int64_t)time(NULL), &opts, &info);
    if (!st)
        return 1;
    if (info.kind == STORE_OPEN_UNAVAILABLE) {
        fprintf(stderr, "cloudprep: cannot export: %s\n", info.message);
        store_close(st);
        return 1;
    }
    StoreStatus status = store_export_csv(st, o->export_path);
    if (status != STORE_OK)
        fprintf(stderr, "cloudprep: %s\n", store_error_message(st));
    else
        printf("cloudprep: wrote %s\n", o->export_path);
    store_close(st);
    return status == STORE_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
    compat_console_setup();
    compat_ignore_file_size_limit(); /* writes over a file size limit fail with EFBIG instead */
    CliOptions o = cli_parse(argc, argv);
    bench_setup();
    switch (o.action) {
    case CLI_ERROR:
        fprintf(stderr, "cloudprep: %s\n", o.error);
        return 2;
    case CLI_HELP:
        fputs(cli_usage(), stdout);
        return 0;
    case CLI_VERSION:
        printf("cloudprep %s\n", CLOUDPREP_VERSION);
        return 0;
    case CLI_CHECK_BANK:
        return bankcheck_run(o.bank_dir, stdout);
    case CLI_EXPORT_HISTORY:
        return export_history(&o);
    case CLI_RUN:
        break;
    }
    if (!check_headless_paths(&o))
        return 2;
    return run_game(&o);
}
