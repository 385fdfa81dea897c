/* Largest-remainder apportionment with bounds. Remainders are compared as
 * exact multiples of the weight sum, so integer weights tie exactly (10 items
 * over 24/30/34/12 gives 2/3/4/1, the 0.4 tie going to the heavier domain). */
#include "apportion.h"

#include <limits.h>
#include <math.h>
#include <stdbool.h>

static double clean_weight(double w)
{
    return w > 0.0 ? w : 0.0;
}

/* True when part a should get a leftover unit before part b. */
static bool remainder_before(double rem_a, double w_a, int a, double rem_b, double w_b, int b,
                             double scale)
{
    double tolerance = 1e-9 * (scale > 1.0 ? scale : 1.0);
    if (fabs(rem_a - rem_b) > tolerance)
        return rem_a > rem_b;
    if (w_a != w_b)
        return w_a > w_b;
    return a < b;
}

/* One pass over the free parts: floors plus largest remainders for `remaining`. */
static void apportion_free(const double *weights, const bool *fixed, int n, int remaining, int *out)
{
    double sum = 0.0;
    int free_count = 0;
    for (int i = 0; i < n; i++) {
        if (fixed[i])
            continue;
        sum += clean_weight(weights[i]);
        free_count++;
    }
    bool equal = sum <= 0.0;
    double scale = equal ? (double)free_count : sum;
    double rem[APPORTION_MAX_PARTS];
    double w[APPORTION_MAX_PARTS];
    bool bumped[APPORTION_MAX_PARTS];
    int given = 0;
    for (int i = 0; i < n; i++) {
        bumped[i] = false;
        if (fixed[i])
            continue;
        w[i] = equal ? 1.0 : clean_weight(weights[i]);
        double exact = (double)remaining * w[i];
        int base = (int)floor(exact / scale);
        rem[i] = exact - (double)base * scale;
        if (rem[i] < 0.0) {
            base--;
            rem[i] += scale;
        } else if (rem[i] >= scale) {
            base++;
            rem[i] -= scale;
        }
        out[i] = base;
        given += base;
    }
    for (int left = remaining - given; left > 0; left--) {
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (fixed[i] || bumped[i])
                continue;
            if (best < 0 || remainder_before(rem[i], w[i], i, rem[best], w[best], best, scale))
                best = i;
        }
        if (best < 0) { /* more units than parts can only come from rounding noise */
            for (int i = 0; i < n; i++)
                bumped[i] = false;
            left++;
            continue;
        }
        bumped[best] = true;
        out[best]++;
    }
}

int apportion_largest_remainder(const double *weights, const int *lo, const int *hi,
                                int n, int total, int *out)
{
    if (n <= 0 || n > APPORTION_MAX_PARTS || total < 0 || !weights || !out)
        return -1;
    bool fixed[APPORTION_MAX_PARTS];
    int min_of[APPORTION_MAX_PARTS];
    int max_of[APPORTION_MAX_PARTS];
    for (int i = 0; i < n; i++) {
        fixed[i] = false;
        out[i] = 0;
        max_of[i] = hi ? (hi[i] > 0 ? hi[i] : 0) : INT_MAX;
        min_of[i] = lo ? (lo[i] > 0 ? lo[i] : 0) : 0;
        if (min_of[i] > max_of[i])
            min_of[i] = max_of[i];
    }
    /* Each round fixes at least one part, so n + 1 rounds always suffice. */
    for (int round = 0; round <= n; round++) {
        int remaining = total;
        int free_count = 0;
        for (int i = 0; i < n; i++) {
            if (fixed[i])
                remaining -= out[i];
            else
                free_count++;
        }
        if (free_count == 0)
            break;
        if (remaining <= 0) {
            for (int i = 0; i < n; i++)
                if (!fixed[i])
                    out[i] = min_of[i];
            break;
        }
        apportion_free(weights, fixed, n, remaining, out);
        bool changed = false;
        for (int i = 0; i < n; i++) {
            if (!fixed[i] && out[i] < min_of[i]) {
                out[i] = min_of[i];
                fixed[i] = changed = true;
            }
        }
        if (changed)
            continue;
        for (int i = 0; i < n; i++) {
            if (!fixed[i] && out[i] > max_of[i]) {
                out[i] = max_of[i];
                fixed[i] = changed = true;
            }
        }
        if (!changed)
            break;
    }
    int sum = 0;
    for (int i = 0; i < n; i++)
        sum += out[i];
    return sum;
}
