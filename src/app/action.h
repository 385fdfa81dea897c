/* Actions: what the player means, decoupled from devices. Keyboard, mouse
 * and game controller events become Actions at one edge (input.c); screens
 * only ever see these. */
#ifndef CLOUDPREP_ACTION_H
#define CLOUDPREP_ACTION_H

typedef enum ActionType {
    ACT_NONE,
    ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT,
    ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END,
    ACT_CONFIRM,      /* Enter, controller A */
    ACT_BACK,         /* Esc, controller B */
    ACT_SPACE,        /* Space, controller X: flip a card */
    ACT_TAB,
    ACT_DIGIT,        /* value = 0..9 */
    ACT_LETTER,       /* value = 'A'..'Z', a letter the screen's KeyMap does not bind (an option) */
    ACT_COMMAND,      /* value = a Command (keys.h): a bound letter, or a button that does one */
    ACT_TEXT,         /* text = typed UTF-8 (only while a screen asks for text) */
    ACT_BACKSPACE,
    ACT_CLICK,        /* x, y: a click that hit no registered region */
    ACT_WHEEL,        /* value = lines, positive scrolls down */
    ACT_MOUSE_MOVE,
    ACT_SELECT,       /* value = index: a clicked list entry or button */
    ACT_LINK,         /* value = index: a clicked "Learn more" link (which page) */
    ACT_REPORT,       /* value = index: a clicked "Report" of one item in a list */
    ACT_FULLSCREEN,   /* F11: handled by the app, never reaches screens */
    ACT_MUTE,         /* M */
    ACT_SCREENSHOT,   /* F12 */
    ACT_QUIT          /* window closed */
} ActionType;

typedef struct Action {
    ActionType type;
    int value;
    int x, y;
    char text[32];
} Action;

#endif
