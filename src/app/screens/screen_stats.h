/* The Stats screen's parts, shared by its files: screen_stats.c (the
 * screen, its header and tabs), screen_stats_scores.c (mock history,
 * domain accuracy, Leitner boxes) and screen_stats_habits.c (calendar,
 * readiness, records). Every page draws one StatsSnapshot and decides
 * nothing; the facts and verdicts come from the core (stats.h). */
#ifndef CLOUDPREP_SCREEN_STATS_H
#define CLOUDPREP_SCREEN_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "stats.h"
#include "text.h"

/* Each page draws itself into `view` from height y (already scrolled) and
 * returns the height it took, so the screen can scroll it. */
int stats_page_mocks(App *app, const StatsSnapshot *s, SDL_Rect view, int y);
int stats_page_domains(App *app, const StatsSnapshot *s, SDL_Rect view, int y);
int stats_page_boxes(App *app, const StatsSnapshot *s, SDL_Rect view, int y);
int stats_page_calendar(App *app, const StatsSnapshot *s, SDL_Rect view, int y);
int stats_page_readiness(App *app, const StatsSnapshot *s, SDL_Rect view, int y);
int stats_page_records(App *app, const StatsSnapshot *s, SDL_Rect view, int y);
/* The Mix-ups page (screen_stats_mixups.c): its Contrast drill buttons send
 * ACT_SELECT with value STATS_CONTRAST_ACTION + the pair's index. */
int stats_page_mixups(App *app, const StatsSnapshot *s, SDL_Rect view, int y);
#define STATS_CONTRAST_ACTION 100

/* Writes local time t with strftime format fmt into buf ("" when it does not fit). */
void stats_fmt_date(int64_t t, const char *fmt, char *buf, size_t size);
/* The theme colour of a level: poor bad, fair accent2, good good. */
SDL_Color stats_level_colour(const App *app, StatsLevel level);
/* The verdict in words: *word and *c for the verdict, and a note (into
 * note, size bytes) on what it rests on or what to do first. */
void stats_verdict_text(App *app, const StatsSnapshot *s, const char **word, SDL_Color *c, char *note,
                        size_t size);

#endif
