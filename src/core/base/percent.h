/* Whole percentages, rounded one way everywhere: every screen that shows a
 * share as "NN%" takes it from here, so the same numbers never read 62% on
 * one screen and 63% on another. Halves round up. */
#ifndef CLOUDPREP_PERCENT_H
#define CLOUDPREP_PERCENT_H

#include <stddef.h>

/* Returns fraction (0.625) as a whole percent (63), halves rounded up; a
 * share computed in floating point that sits a hair below a half (0.285
 * from 57/200) still rounds up, as the exact share would. NaN gives 0. */
int percent(double fraction);

/* Returns part of whole as a whole percent, rounded as percent() does;
 * 0 when whole is 0 or less. */
int percent_of(int part, int whole);

/* Writes the likely range of a probability, " (likely 40-60%)" with its
 * leading space, into out (size bytes); "" when both ends round to the
 * same whole percent, so no sentence reads "likely 0-0%". */
void percent_likely(double low, double high, char *out, size_t size);

#endif
