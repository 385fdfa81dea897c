/* "Report a doubt": the small form that asks what is wrong with a bank item
 * and appends a row to reports.csv in the data folder (core/reports.c does
 * the writing). Screens with an item on show open it with report_open (the R
 * key and a Report button). */
#ifndef CLOUDPREP_REPORT_H
#define CLOUDPREP_REPORT_H

#include <stdint.h>

#include "app.h"
#include "keys.h"
#include "ui.h"

extern const Screen SCREEN_REPORT;

/* Opens the report form over the current screen for bank item `item`;
 * `answer` is the learner's answer on show (bank-order mask of chosen
 * options for a question; for a flashcard, 1 = knew it, 0 = missed it), and
 * `answered` says whether there is one. */
void report_open(App *app, int item, uint32_t answer, bool answered);

/* Draws the Report button with its right edge at x, top at y, height h;
 * its label takes the key `keys` binds to CMD_REPORT ("R  Report"), and a
 * click sends that command. Returns its width. */
int report_button(App *app, const KeyMap *keys, int x, int y, int h);
/* The width report_button would take. */
int report_button_width(App *app, const KeyMap *keys);

/* Writes the full path of reports.csv into buf. */
void report_path(const App *app, char *buf, size_t size);

#endif
