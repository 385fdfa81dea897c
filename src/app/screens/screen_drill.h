/* What the drill screen's files share: screen_drill.c (the session's
 * moments, keys and actions, and the frame) and screen_drill_view.c (the
 * header, the verdict, the flashcard and the summary it draws). */
#ifndef CLOUDPREP_SCREEN_DRILL_H
#define CLOUDPREP_SCREEN_DRILL_H

#include <stdbool.h>
#include <stdint.h>

#include "actionbar.h"
#include "app.h"
#include "confirm.h"
#include "drill_session.h"
#include "keys.h"
#include "particles.h"
#include "qview.h"
#include "study.h"
#include "ui.h"

typedef enum DrillPhase { DRILL_ASK, DRILL_FEEDBACK, DRILL_CARD, DRILL_SUMMARY } DrillPhase;

#define CARD_VERDICT_MS 1200   /* a graded card's verdict shows this long, then the next item */
#define FLIP_MS 260
#define DRILL_ASK_ROWS 8       /* room for the rows of a question's footer */

typedef struct DrillState {
    DrillSession d;
    DrillPhase phase;
    QuestionView q;
    uint64_t shown_at;        /* ticks when the item appeared */
    Confirm confirm;          /* "Leave the drill?" */
    bool card_flipped;
    int flip_ms;              /* flip animation time left */
    int flash_ms;             /* right/wrong flash time left */
    int verdict_ms;           /* a graded card moves on when this runs out */
    int level_before;
    StudyToday after;         /* for the summary */
    Particles particles;
    Scroll card_scroll;
    Scroll summary_scroll;
    int anim_ms;
    const char *title;        /* the launch's title (a contrast drill), NULL: by the kind */
    char choose_key[16];      /* "1-4 / A-D": the option keys of the question on screen */
    KeyBinding ask_rows[DRILL_ASK_ROWS], ask_sure_rows[DRILL_ASK_ROWS];
    KeyMap ask_keys, ask_sure_keys; /* the footers while asking, with choose_key */
} DrillState;

/* True when the item on screen is a flashcard. */
bool drill_on_card(const App *app, const DrillState *s);
/* The keys of the moment, the dialog aside. */
const KeyMap *drill_phase_keys(App *app, const DrillState *s);
/* The buttons of the moment (every action its key does), with their key
 * hints from the moment's map (labels holds the composed ones). Returns
 * how many. */
int drill_phase_buttons(App *app, const DrillState *s, const KeyMap *map, BarButton out[4], char labels[4][64]);

/* The title, the counter and the chips (XP, combo, the item's box: the box
 * it is in now, the one the feedback names), and the Report button; sets
 * *content_top to the y below them. */
void drill_draw_header(App *app, DrillState *s, int *content_top);
/* The verdict under the header after answering, wrapped to the width, at
 * y; returns its height (draw false: measures only). */
int drill_verdict(App *app, DrillState *s, int y, bool draw);
/* The card: its tag, the front, and once turned the back, in a scrolling
 * column inside `area`; a click on the front turns it. */
void drill_draw_card(App *app, DrillState *s, SDL_Rect area);
/* The end of a session: its numbers, the level and the day, the buttons
 * of `map` and the footer. */
void drill_draw_summary(App *app, DrillState *s, const KeyMap *map);

#endif
