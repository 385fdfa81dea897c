/* Event translation. Keys map to Actions by meaning (Enter confirms, Esc goes
 * back); letters become the Command the top screen's KeyMap binds them to
 * (keys.h), or ACT_LETTER when unbound (option letters); digits pass as
 * ACT_DIGIT. Mouse clicks hit the regions that
 * widgets registered in the last drawn frame. */
#include "input.h"

#include <string.h>

#include "screen.h"

/* A letter means what the top screen's KeyMap (or the global one) binds
 * it to; unbound letters pass as ACT_LETTER (option letters). */
static void letter_action(App *app, int letter, Action *out)
{
    const KeyMap *map = NULL;
    if (app->depth > 0) {
        const ScreenSlot *top = &app->stack[app->depth - 1];
        if (top->screen->keys)
            map = top->screen->keys(app, top->state);
    }
    Command c = keys_command(map, letter);
    if (c == CMD_MUTE) {
        out->type = ACT_MUTE;
    } else if (c != CMD_NONE) {
        out->type = ACT_COMMAND;
        out->value = (int)c;
    } else {
        out->type = ACT_LETTER;
        out->value = letter;
    }
}

static bool key_action(App *app, SDL_Keycode key, Action *out)
{
    switch (key) {
    case SDLK_UP: out->type = ACT_UP; return true;
    case SDLK_DOWN: out->type = ACT_DOWN; return true;
    case SDLK_LEFT: out->type = ACT_LEFT; return true;
    case SDLK_RIGHT: out->type = ACT_RIGHT; return true;
    case SDLK_PAGEUP: out->type = ACT_PAGE_UP; return true;
    case SDLK_PAGEDOWN: out->type = ACT_PAGE_DOWN; return true;
    case SDLK_HOME: out->type = ACT_HOME; return true;
    case SDLK_END: out->type = ACT_END; return true;
    case SDLK_RETURN: case SDLK_KP_ENTER: out->type = ACT_CONFIRM; return true;
    case SDLK_ESCAPE: out->type = ACT_BACK; return true;
    case SDLK_TAB: out->type = ACT_TAB; return true;
    case SDLK_BACKSPACE: out->type = ACT_BACKSPACE; return true;
    case SDLK_F11: out->type = ACT_FULLSCREEN; return true;
    case SDLK_F12: out->type = ACT_SCREENSHOT; return true;
    default: break;
    }
    if (app->text_input)
        return false; /* letters, digits and space arrive as SDL_TEXTINPUT */
    if (key == SDLK_SPACE) {
        out->type = ACT_SPACE;
        return true;
    }
    if (key >= SDLK_0 && key <= SDLK_9) {
        out->type = ACT_DIGIT;
        out->value = (int)(key - SDLK_0);
        return true;
    }
    if (key >= SDLK_KP_1 && key <= SDLK_KP_9) {
        out->type = ACT_DIGIT;
        out->value = (int)(key - SDLK_KP_1) + 1;
        return true;
    }
    if (key == SDLK_KP_0) {
        out->type = ACT_DIGIT;
        out->value = 0;
        return true;
    }
    if (key >= SDLK_a && key <= SDLK_z) {
        letter_action(app, 'A' + (int)(key - SDLK_a), out);
        return true;
    }
    return false;
}

static bool button_action(App *app, SDL_GameControllerButton b, Action *out)
{
    (void)app;
    switch (b) {
    case SDL_CONTROLLER_BUTTON_A: case SDL_CONTROLLER_BUTTON_START: out->type = ACT_CONFIRM; return true;
    case SDL_CONTROLLER_BUTTON_B: case SDL_CONTROLLER_BUTTON_BACK: out->type = ACT_BACK; return true;
    case SDL_CONTROLLER_BUTTON_X: out->type = ACT_SPACE; return true;
    case SDL_CONTROLLER_BUTTON_Y: /* flag for review: a command, since F may be an answer option */
        out->type = ACT_COMMAND;
        out->value = CMD_FLAG;
        return true;
    case SDL_CONTROLLER_BUTTON_DPAD_UP: out->type = ACT_UP; return true;
    case SDL_CONTROLLER_BUTTON_DPAD_DOWN: out->type = ACT_DOWN; return true;
    case SDL_CONTROLLER_BUTTON_DPAD_LEFT: out->type = ACT_LEFT; return true;
    case SDL_CONTROLLER_BUTTON_DPAD_RIGHT: out->type = ACT_RIGHT; return true;
    case SDL_CONTROLLER_BUTTON_LEFTSHOULDER: out->type = ACT_PAGE_UP; return true;
    case SDL_CONTROLLER_BUTTON_RIGHTSHOULDER: out->type = ACT_PAGE_DOWN; return true;
    default: return false;
    }
}

/* Window coordinates to output pixels (they differ on high-DPI screens). */
static void to_pixels(App *app, int x, int y, int *px, int *py)
{
    int ww = app->w, wh = app->h;
    if (app->window)
        SDL_GetWindowSize(app->window, &ww, &wh);
    *px = ww > 0 ? x * app->w / ww : x;
    *py = wh > 0 ? y * app->h / wh : y;
}

static void click_action(App *app, int x, int y, Action *out)
{
    /* Later registrations are drawn on top: search backwards. */
    for (int i = app->hit_count - 1; i >= 0; i--) {
        SDL_Rect r = app->hits[i].rect;
        if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h) {
            *out = app->hits[i].action;
            return;
        }
    }
    out->type = ACT_CLICK;
    out->x = x;
    out->y = y;
}

bool input_translate(App *app, const SDL_Event *e, Action *out)
{
    memset(out, 0, sizeof *out);
    switch (e->type) {
    case SDL_QUIT:
        out->type = ACT_QUIT;
        return true;
    case SDL_KEYDOWN:
        return key_action(app, e->key.keysym.sym, out);
    case SDL_TEXTINPUT:
        if (!app->text_input)
            return false;
        out->type = ACT_TEXT;
        snprintf(out->text, sizeof out->text, "%s", e->text.text);
        return true;
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.button != SDL_BUTTON_LEFT)
            return false;
        to_pixels(app, e->button.x, e->button.y, &app->mouse_x, &app->mouse_y);
        click_action(app, app->mouse_x, app->mouse_y, out);
        return true;
    case SDL_MOUSEMOTION:
        to_pixels(app, e->motion.x, e->motion.y, &app->mouse_x, &app->mouse_y);
        out->type = ACT_MOUSE_MOVE;
        out->x = app->mouse_x;
        out->y = app->mouse_y;
        return true;
    case SDL_MOUSEWHEEL:
        out->type = ACT_WHEEL;
        out->value = e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? e->wheel.y : -e->wheel.y;
        return out->value != 0;
    case SDL_CONTROLLERDEVICEADDED:
        SDL_GameControllerOpen(e->cdevice.which);
        return false;
    case SDL_CONTROLLERBUTTONDOWN:
        return button_action(app, (SDL_GameControllerButton)e->cbutton.button, out);
    default:
        return false;
    }
}
