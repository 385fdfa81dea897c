/* The one confirm dialog: "End the round?" with a safe and a risky choice.
 * A screen keeps a Confirm in its state, opens it, passes it every action
 * while it is open, and draws it last; the screen's own clock keeps running
 * underneath. Focus starts on the safe choice, so Enter pressed out of habit
 * never ends anything. Keys: Enter takes the focused choice, Esc or N the
 * safe one, Y the risky one, arrows and Tab move the focus; both choices are
 * buttons for the mouse. */
#ifndef CLOUDPREP_CONFIRM_H
#define CLOUDPREP_CONFIRM_H

#include <stdbool.h>

#include "app.h"
#include "keys.h"

typedef enum ConfirmChoice {
    CONFIRM_ASKING,   /* still open: the action was the dialog's */
    CONFIRM_SAFE,     /* closed on the safe choice (keep playing) */
    CONFIRM_RISKY     /* closed on the risky choice (end it) */
} ConfirmChoice;

typedef struct Confirm {
    bool open;
    int tag;                 /* which question this is, for screens that ask several */
    bool focus_risky;
    char title[96];
    char message[512];
    char safe[64];
    char risky[64];
} Confirm;

/* Opens the dialog with focus on the safe choice. `tag` comes back in
 * c->tag; strings are copied. */
void confirm_open(Confirm *c, int tag, const char *title, const char *message, const char *safe,
                  const char *risky);
/* Handles one action while c->open. Returns CONFIRM_ASKING while it stays
 * open (every action is the dialog's, none reaches the screen), or the
 * choice once taken (the dialog is then closed). */
ConfirmChoice confirm_action(Confirm *c, const Action *a);
/* Dims the screen and draws the dialog with its two buttons on top. */
void confirm_draw(App *app, const Confirm *c);
/* The keys while a dialog is open (for Screen.keys and the footer). */
const KeyMap *confirm_keys(void);

#endif
