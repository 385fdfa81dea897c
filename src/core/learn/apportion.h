/* Largest-remainder apportionment: split a whole number of things (exam
 * items, new cards, minutes) over parts in proportion to weights, with
 * optional per-part lower and upper bounds. Pure arithmetic; the callers
 * (examform, leitner, plan) decide what the weights mean. */
#ifndef CLOUDPREP_APPORTION_H
#define CLOUDPREP_APPORTION_H

#define APPORTION_MAX_PARTS 64

/* Splits `total` over `n` parts in proportion to `weights` (negative weights
 * count as 0; if every free part has weight 0 they share equally). Each part
 * first gets the floor of its exact quota; the units left go one each to the
 * largest remainders, ties to the heavier part, then to the lower index.
 * `lo` and `hi` (either may be NULL) bound each part: a part whose share falls
 * below lo[i] is fixed at lo[i], one above hi[i] at hi[i], and the rest is
 * apportioned again over the others, so a short part's units go to the others
 * in proportion. Writes n counts to `out` (caller-owned) and returns their sum,
 * which is `total` unless the bounds make that impossible (then it is the
 * closest the bounds allow: lower bounds win over `total`). Returns -1 when
 * n is not in 1..APPORTION_MAX_PARTS or total < 0. */
int apportion_largest_remainder(const double *weights, const int *lo, const int *hi,
                                int n, int total, int *out);

#endif
