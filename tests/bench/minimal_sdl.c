/* The yardstick for cloudprep's start-up time, memory and idle CPU: the least
 * an SDL2 program that shows text can do. It opens a 1280x720 window the way
 * cloudprep does (or, with --headless, a software renderer on a surface with
 * the dummy video driver), draws one line with SDL_ttf and presents it.
 * Without --hold it exits right after that first present; with --hold it
 * idles waiting for events until it is asked to quit (SIGTERM).
 * Usage: minimal_sdl FONT.ttf [--headless] [--hold] */
#include <SDL.h>
#include <SDL_ttf.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct Minimal {
    SDL_Window *window;
    SDL_Surface *canvas;
    SDL_Renderer *renderer;
    TTF_Font *font;
} Minimal;

static bool minimal_open(Minimal *m, bool headless)
{
    if (headless) {
        m->canvas = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32, SDL_PIXELFORMAT_RGB888);
        m->renderer = m->canvas ? SDL_CreateSoftwareRenderer(m->canvas) : NULL;
        return m->renderer != NULL;
    }
    m->window = SDL_CreateWindow("minimal_sdl", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 720,
                                 SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!m->window)
        return false;
    m->renderer = SDL_CreateRenderer(m->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!m->renderer)
        m->renderer = SDL_CreateRenderer(m->window, -1, SDL_RENDERER_SOFTWARE);
    return m->renderer != NULL;
}

static void minimal_draw(Minimal *m)
{
    SDL_SetRenderDrawColor(m->renderer, 16, 24, 48, 255);
    SDL_RenderClear(m->renderer);
    SDL_Color white = {240, 240, 240, 255};
    SDL_Surface *s = TTF_RenderUTF8_Blended(m->font, "Hello from a minimal SDL2 program", white);
    if (s) {
        SDL_Texture *t = SDL_CreateTextureFromSurface(m->renderer, s);
        SDL_Rect r = {40, 40, s->w, s->h};
        SDL_RenderCopy(m->renderer, t, NULL, &r);
        SDL_DestroyTexture(t);
        SDL_FreeSurface(s);
    }
    SDL_RenderPresent(m->renderer);
}

static void minimal_close(Minimal *m)
{
    if (m->font)
        TTF_CloseFont(m->font);
    if (m->renderer)
        SDL_DestroyRenderer(m->renderer);
    if (m->canvas)
        SDL_FreeSurface(m->canvas);
    if (m->window)
        SDL_DestroyWindow(m->window);
    TTF_Quit();
    SDL_Quit();
}

/* Idles until asked to quit: SDL's event wait with a window, a plain signal
 * wait without one (the dummy video driver has no event source to wait on). */
static void minimal_hold(bool headless)
{
    if (headless) {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGTERM);
        sigaddset(&set, SIGINT);
        sigprocmask(SIG_BLOCK, &set, NULL);
        int sig;
        sigwait(&set, &sig);
        return;
    }
    SDL_Event e;
    while (SDL_WaitEvent(&e))
        if (e.type == SDL_QUIT)
            return;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FONT.ttf [--headless] [--hold]\n", argv[0]);
        return 2;
    }
    bool headless = false, hold = false;
    for (int i = 2; i < argc; i++) {
        headless = headless || strcmp(argv[i], "--headless") == 0;
        hold = hold || strcmp(argv[i], "--hold") == 0;
    }
    if (headless)
        SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    Minimal m;
    memset(&m, 0, sizeof m);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "minimal_sdl: %s\n", SDL_GetError());
        return 1;
    }
    m.font = TTF_OpenFont(argv[1], 20);
    if (!m.font || !minimal_open(&m, headless)) {
        fprintf(stderr, "minimal_sdl: %s\n", SDL_GetError());
        minimal_close(&m);
        return 1;
    }
    minimal_draw(&m);
    if (hold)
        minimal_hold(headless);
    minimal_close(&m);
    return 0;
}
