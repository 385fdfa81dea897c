/* What the arcade screens share beyond the round itself (arcade_round.h in
 * the core: kinds, rules, the result a finished round hands to
 * screen_arcade_end.c): how the round screen is opened, the round menu
 * (screen_arcade_menu.c) and the points format. */
#ifndef CLOUDPREP_SCREEN_ARCADE_H
#define CLOUDPREP_SCREEN_ARCADE_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "arcade_round.h"
#include "confirm.h"
#include "keys.h"
#include "particles.h"
#include "text.h"
#include "ui.h"

/* SCREEN_ARCADE's argument: NULL opens the menu on Sprint; otherwise the
 * menu on `kind`, or straight into a new round of it with play_now.
 * SCREEN_ARCADE_END's argument is the round's ArcadeResult (copied). */
typedef struct ArcadeStart {
    int kind;
    bool play_now;
} ArcadeStart;

/* What the round menu shows (screen_arcade.c keeps it up to date). */
typedef struct ArcadeMenu {
    int kind;                       /* the round chosen */
    int best[ARCADE_ROUND_KINDS];   /* personal best per kind */
    int rounds[ARCADE_ROUND_KINDS]; /* rounds played per kind */
    bool can_play;                  /* the bank has items the arcade can ask */
    int weakest;                    /* the learner's weakest domain (study_weakest_domain), -1 when none */
    Scroll scroll;                  /* the menu scrolls when large text needs the room */
} ArcadeMenu;

#define ARCADE_GO_MS 450
#define ARCADE_SHAKE_MS 320
#define ARCADE_POP_MS 700
#define ARCADE_PLAY_ROWS 4          /* room for the rows of a question's footer */

/* The round screen's state (screen_arcade.c; its HUD is drawn by
 * screen_arcade_hud.c). */
typedef struct ArcadeState {
    bool playing;               /* false: the round menu */
    ArcadeMenu menu;            /* the round chosen, the bests, what the menu says */
    ArcadeRound r;
    int go_ms, shake_ms, flash_ms, combo_pop_ms, bonus_pop_ms, points_pop_ms, life_lost_ms;
    float shown_score;          /* counts up toward r.ra.points */
    int anim_ms;
    Confirm confirm;            /* "End the round?": the clock waits while it is open */
    SDL_Rect option_rect[BANK_MAX_OPTIONS];
    Particles particles;
    Scroll scroll;
    bool answers_hidden;        /* an option not yet in sight: the clock waits (set while drawing) */
    uint32_t answers_seen;      /* options of this question that have been in sight */
    bool reveal_placed;         /* a miss's reveal has been scrolled to the banner (set while drawing) */
    bool reveal_fits;           /* its banner and right option can be in sight at once */
    bool reveal_in_view;        /* ... and are: the reveal counts down only then */
    char choose_key[16];        /* "1-4 / A-D": the option keys of the question on screen */
    KeyBinding play_rows[ARCADE_PLAY_ROWS];
    KeyMap play_keys;           /* the footer while a question is up, with choose_key */
} ArcadeState;

/* Draws the band at the top of a round (hearts, combo, timer, score, the
 * time bar); returns the y below it. */
int arcade_hud_draw(App *app, ArcadeState *s);
/* Draws the "3, 2, 1" before the clock starts inside `area`. */
void arcade_countdown_draw(App *app, ArcadeState *s, SDL_Rect area);
/* Draws the red edges that beat with the last seconds (nothing before). */
void arcade_hurry_edges_draw(App *app, ArcadeState *s);
/* Draws `text` centred on cx at y, scaled by k around its centre (a pulse). */
void arcade_draw_scaled(App *app, FontRole role, const char *text, int cx, int y, float k, SDL_Color c);

/* Draws the round menu: a card per kind (a click is ACT_SELECT with the
 * kind), the Play button for the chosen kind, how a round works (the cards
 * side by side or stacked, the whole scrolling in m->scroll when large text
 * needs the room), and the footer of `keys`. */
void arcade_menu_draw(App *app, ArcadeMenu *m, const KeyMap *keys);
#endif
