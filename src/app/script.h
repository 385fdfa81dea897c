/* Headless play: runs the real game loop on a simulated clock, driven by a
 * script of input events, and writes screenshots. This is how the end-to-end
 * tests play the game, and how anyone can reproduce a screen. */
#ifndef CLOUDPREP_SCRIPT_H
#define CLOUDPREP_SCRIPT_H

#include "app.h"

/* Runs the script at `path` against the app (whose home screen is pushed).
 * Returns 0 when every line ran and every `expect` held, 1 otherwise; the
 * failing line is reported on stderr as FILE:LINE: message. */
int script_run(App *app, const char *path);

#endif
