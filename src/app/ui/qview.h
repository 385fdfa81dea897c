/* The question view every mode shares: a prompt, lettered options in a
 * shuffled display order, the learner's choice, and after submitting the
 * right answer, the `why` of every option and the explanation, all in one
 * scrollable column. Modes decide when to reveal; this only shows. */
#ifndef CLOUDPREP_QVIEW_H
#define CLOUDPREP_QVIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "ui.h"

typedef struct QuestionView {
    int item;                          /* bank index, -1 = none */
    int option_count;
    uint8_t order[BANK_MAX_OPTIONS];   /* display position -> bank option */
    uint32_t chosen;                   /* bank-order mask of chosen options */
    bool revealed;                     /* show right/wrong, whys and explanation */
    bool show_whys;                    /* with revealed: the why of each option */
    Scroll scroll;
    const char *banner;                /* optional line above the prompt (e.g. "Unscored") */
    bool hide_task;                    /* no task and domain chip (a mock exam or the diagnostic,
                                          as on the real exam); qview_set clears it */
    int options_at;                    /* where the options start in the column (set by qview_draw) */
} QuestionView;

/* Shows bank item `item` with the display order `order` (NULL: shuffle with
 * the app's RNG). Clears the choice and the scroll. */
void qview_set(App *app, QuestionView *q, int item, const uint8_t *order);
/* Toggles display option k (0-based). A single-answer question replaces the
 * choice; a multiple-response one caps it at `choose` options. Returns false
 * when k is not an option. */
bool qview_toggle(App *app, QuestionView *q, int k);
/* Number of options chosen. */
int qview_chosen_count(const QuestionView *q);
/* Display positions of the right options (bit k = display option k). */
uint32_t qview_right_display(const App *app, const QuestionView *q);
/* Handles option keys (1-8, A-H), clicks on options and scrolling; once
 * revealed, L and a click on "Learn more" open the question's documentation
 * page. Returns true when the action was used. Does nothing to the choice
 * once revealed. */
bool qview_action(App *app, QuestionView *q, const Action *a);
/* Opens documentation page `index` (0-based) of the question on screen in
 * the browser (app_open_url). Returns false, with a status message, when the
 * question has no such page. */
bool qview_open_ref(App *app, const QuestionView *q, int index);
/* True when the question on screen has documentation pages to open. */
bool qview_has_refs(const App *app, const QuestionView *q);
/* Scrolls the column so the options start at its top when the whole does
 * not fit (after an answer is judged: the verdict on each option is what
 * the learner looks for). Does nothing before the first qview_draw. */
void qview_scroll_to_options(QuestionView *q);
/* Draws the question inside `area` (clipped, scrollable). */
void qview_draw(App *app, QuestionView *q, SDL_Rect area);

#endif
