/* The one edge where device events become Actions: keyboard, mouse (through
 * the click regions widgets registered) and game controllers. */
#ifndef CLOUDPREP_INPUT_H
#define CLOUDPREP_INPUT_H

#include <SDL.h>
#include <stdbool.h>

#include "app.h"

/* Translates an SDL event; returns false when it means nothing to the game. */
bool input_translate(App *app, const SDL_Event *e, Action *out);

#endif
