/* percent and percent_of: one rounding rule for every percentage a screen
 * shows (halves up, also for shares that floating point puts a hair below
 * a half), and the same figure from a count as from its fraction. */
#include <math.h>
#include <string.h>

#include "percent.h"
#include "testlib.h"

int main(void)
{
    CHECK_INT(percent(0.0), 0);
    CHECK_INT(percent(1.0), 100);
    CHECK_INT(percent(0.625), 63);            /* a half rounds up, not to even */
    CHECK_INT(percent(0.615), 62);
    CHECK_INT(percent(0.994), 99);
    CHECK_INT(percent(0.995), 100);
    CHECK_INT(percent(57.0 / 200.0), 29);     /* 28.499999... in binary: still a half */
    CHECK_INT(percent(NAN), 0);
    CHECK_INT(percent_of(5, 8), 63);
    CHECK_INT(percent_of(57, 200), 29);
    CHECK_INT(percent_of(1, 3), 33);
    CHECK_INT(percent_of(2, 3), 67);          /* truncation would say 66 */
    CHECK_INT(percent_of(0, 0), 0);
    CHECK_INT(percent_of(3, -1), 0);
    /* Against exact integer arithmetic (floor(100 r / t + 1/2)) for every
     * share of up to 400 answers: no count is a hair off. */
    int off = 0;
    for (int total = 1; total <= 400; total++)
        for (int right = 0; right <= total; right++)
            off += percent_of(right, total) != (200 * right + total) / (2 * total);
    CHECK_INT(off, 0);
    /* The likely range, with nothing to say when its ends round alike. */
    char buf[32];
    percent_likely(0.40, 0.604, buf, sizeof buf);
    CHECK_STR(buf, " (likely 40-60%)");
    percent_likely(0.0, 0.004, buf, sizeof buf);
    CHECK_STR(buf, "");                       /* never "likely 0-0%" */
    percent_likely(0.9, 0.8, buf, sizeof buf);
    CHECK_STR(buf, " (likely 80-90%)");
    return testlib_finish();
}
