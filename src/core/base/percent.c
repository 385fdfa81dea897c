/* Whole percentages with one rounding rule (halves up). */
#include "percent.h"

#include <math.h>
#include <stdio.h>

/* Shares are quotients of whole counts, so a floating point error can put
 * an exact half (57/200) just below it; this much is far below any real
 * difference between two shares a screen shows. */
#define PERCENT_SLACK 1e-9

int percent(double fraction)
{
    if (fraction != fraction) /* NaN (isnan warns on some C libraries) */
        return 0;
    return (int)floor(fraction * 100.0 + 0.5 + PERCENT_SLACK);
}

int percent_of(int part, int whole)
{
    return whole > 0 ? percent((double)part / whole) : 0;
}

void percent_likely(double low, double high, char *out, size_t size)
{
    if (size == 0)
        return;
    int lo = percent(low), hi = percent(high);
    if (lo == hi)
        out[0] = '\0';
    else
        snprintf(out, size, " (likely %d-%d%%)", lo < hi ? lo : hi, lo < hi ? hi : lo);
}
