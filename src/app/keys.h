/* The one key-binding table. Every letter a screen reacts to is a Command
 * bound in that screen's KeyMap; input.c turns a bound letter into
 * ACT_COMMAND (value = the Command) and footers and buttons take their key
 * hints from the same rows, so a key and its hint cannot disagree. Keys
 * input.c maps by meaning (Enter, Esc, arrows, digits, Space, F11, F12)
 * appear as hint-only rows (letter 0). Unbound letters reach the screen as
 * ACT_LETTER: the option letters A-H of a question. */
#ifndef CLOUDPREP_KEYS_H
#define CLOUDPREP_KEYS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum Command {
    CMD_NONE,
    CMD_NEXT,            /* next item */
    CMD_PREV,            /* previous item */
    CMD_FLAG,            /* flag the item for review */
    CMD_REVIEW,          /* the review grid */
    CMD_END,             /* end the exam */
    CMD_SHOW_ALL,        /* list filters */
    CMD_SHOW_UNANSWERED,
    CMD_SHOW_FLAGGED,
    CMD_SHOW_WRONG,
    CMD_SHOW_UNSCORED,
    CMD_YES,             /* a flashcard known; the risky choice of a confirm */
    CMD_NO,              /* a flashcard not known; the safe choice of a confirm */
    CMD_LEARN_MORE,      /* open the item's documentation page */
    CMD_REPORT,          /* report a doubt about the item */
    CMD_DISCARD,         /* discard a waiting exam */
    CMD_ESL,             /* toggle extra time */
    CMD_ANSWERS,         /* the answers of a finished exam */
    CMD_MUTE,            /* sound on/off (global) */
    CMD_QUESTION_LIST,   /* a finished exam's question list */
    CMD_RETAKE_WRONG,    /* retake the questions not answered right */
    CMD_RETAKE_FLAGGED,  /* retake the flagged questions */
    CMD_RETAKE_BOTH,     /* retake the wrong and the flagged ones */
    CMD_SHOW_RIGHT,      /* list filter: answered right */
    CMD_STUDY_PLAN,      /* the study plan after a diagnostic */
    CMD_PLAN_EARLIER,    /* study plan: the exam a day earlier */
    CMD_PLAN_LATER,      /* ... a day later */
    CMD_PLAN_LESS,       /* ... less time a day */
    CMD_PLAN_MORE,       /* ... more time a day */
    CMD_NEXT_DOMAIN,     /* list filter: the next domain (then all again) */
    CMD_MORE_NEW,        /* a short session of new items ("Learn 10 more") */
    CMD_MISTAKES,        /* a session of the items just missed */
    CMD_HOME,            /* back to the home screen */
    CMD_SURE,            /* mark the answer about to be submitted as sure */
    CMD_CONTRAST,        /* a contrast drill of a mix-up pair */
    CMD_COUNT
} Command;

typedef struct KeyBinding {
    const char *key;     /* as the hint shows it: "F", "Enter", "1-6" */
    int letter;          /* 'A'..'Z' bound to `command`; 0 = hint only */
    Command command;
    const char *does;    /* what it does here, lower case: "flag" */
    bool optional;       /* left out of the footer when the line would not fit */
} KeyBinding;

/* The `does` of a row that only says the body scrolls: footers leave it
 * out when nothing on screen scrolls (no scroll bar was drawn). */
#define KEYS_DOES_SCROLL "scroll"

typedef struct KeyMap {
    const KeyBinding *rows;
    int count;
} KeyMap;

/* A KeyMap over a static array of KeyBinding rows. */
#define KEYMAP(rows) {(rows), (int)(sizeof(rows) / sizeof((rows)[0]))}

/* The keys every screen shares (M mutes). */
extern const KeyMap KEYS_GLOBAL;

/* The command `letter` ('A'..'Z') is bound to in `map` (NULL: none), else
 * in KEYS_GLOBAL; CMD_NONE when it is bound in neither. */
Command keys_command(const KeyMap *map, int letter);
/* The key that does `command` in `map` ("F"), or "" when none does. */
const char *keys_key(const KeyMap *map, Command command);
/* "F  flag": the first row of `map` for `command`, with `label` in place
 * of the row's words when label is not NULL ("R  Report" on a button).
 * Writes "" when no row does the command. Returns out. */
const char *keys_hint(const KeyMap *map, Command command, const char *label, char *out, size_t size);
/* The footer line: the rows of `map` as "KEY  does", six spaces apart;
 * with `all` false, the optional rows are left out; at most `rows` rows
 * (the first ones). */
void keys_footer_text(const KeyMap *map, bool all, int rows, char *out, size_t size);
/* The option keys of a question with `n` options, "1-4 / A-D", in `out`
 * (size 16 is enough). Returns out. */
const char *keys_options(int n, char *out, size_t size);
/* Copies `map` (at most `cap` rows) into `rows` with the first row's key
 * set to `key` (a footer whose first row chooses an option, its key the
 * range the question on screen has); `key` must outlive the map. Returns
 * the map of the copy. */
KeyMap keys_with_first_key(const KeyMap *map, const char *key, KeyBinding *rows, int cap);

#endif
