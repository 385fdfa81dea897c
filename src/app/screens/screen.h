/* A screen is a table of functions over the App, raylib-template style:
 * enter (make state), action (an input), update (time passes), draw, leave
 * (free state). Adding a screen means one new file and one line in the
 * table of screens (screens.c). */
#ifndef CLOUDPREP_SCREEN_H
#define CLOUDPREP_SCREEN_H

#include <stdbool.h>
#include <stdint.h>

#include "action.h"
#include "app.h"
#include "keys.h"

/* update()'s answer: how soon the screen needs the next frame. */
#define SCREEN_ANIMATING 0  /* next frame at the display rate */
#define SCREEN_IDLE (-1)    /* sleep until input */

struct Screen {
    const char *name;  /* what `expect NAME` matches in headless scripts */
    /* Creates the screen's state from `arg` (may be NULL). Returns NULL on
     * out-of-memory, in which case the screen is not pushed. */
    void *(*enter)(App *app, const void *arg);
    /* Frees the state. */
    void (*leave)(App *app, void *state);
    /* Handles one action. Stack changes it asks for (app_push, app_pop...)
     * happen after it returns, so `state` stays valid until then. */
    void (*action)(App *app, void *state, const Action *a);
    /* Advances time by dt_ms. Returns SCREEN_ANIMATING, SCREEN_IDLE, or the
     * number of milliseconds after which it wants to be woken (a timer). */
    int (*update)(App *app, void *state, int dt_ms);
    /* Draws the whole screen. */
    void (*draw)(App *app, void *state);
    /* Called when the screen above it is popped (e.g. to reload progress). May be NULL. */
    void (*resume)(App *app, void *state);
    /* For headless scripts (`answer right|wrong`): the display positions of
     * the right options of the question on screen (bit k = option k) and how
     * many options it shows (-1 for a flashcard: `answer` then flips it and
     * presses Y or N). Returns false when nothing is waiting for an answer.
     * May be NULL. */
    bool (*right_options)(App *app, void *state, uint32_t *mask, int *count);
    /* True when a chosen answer still needs Enter to be submitted (the drill);
     * `answer` then presses it. False where choosing is answering (arcade)
     * or Enter moves on (exams). */
    bool answer_submits;
    /* The keys the screen binds now (keys.h): input turns those letters
     * into ACT_COMMAND, and the footer shows them. May be NULL (no
     * letters bound: they arrive as ACT_LETTER). */
    const KeyMap *(*keys)(App *app, void *state);
};

extern const Screen SCREEN_HOME;

/* Finds a screen by name (for scripts); NULL if none. */
const Screen *screen_by_name(const char *name);

#endif
