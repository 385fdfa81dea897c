/* A study context over a fresh progress file, for session tests: the bank,
 * the store (optionally through a fault VFS, testfault.h), the Study and a
 * seeded Rng, opened and closed together. */
#ifndef CLOUDPREP_TESTSTUDY_H
#define CLOUDPREP_TESTSTUDY_H

#include <stdbool.h>
#include <stdint.h>

#include "bank.h"
#include "rng.h"
#include "store.h"
#include "study.h"

typedef struct TestStudy {
    Bank *bank;
    Store *st;
    Study *study;
    Rng rng;
} TestStudy;

/* Opens a new store in a fresh folder named `name` at time `now` through
 * SQLite VFS `vfs` (NULL = the default) and a study context over `bank`
 * (made by fakebank; owned by t from now on) with `prefs`; seeds t->rng
 * with `seed`. Anything that fails to open is a failed check. */
void teststudy_open(TestStudy *t, Bank *bank, const char *name, const char *vfs, int64_t now,
                    const StudyPrefs *prefs, uint64_t seed);
/* Closes the study, the store and the bank. */
void teststudy_close(TestStudy *t);
/* The first column of the first row of `sql` on the progress file, as an
 * integer (-999 when there is none). */
int64_t teststudy_int(const TestStudy *t, const char *sql);

/* The bank-order mask of item `item`'s right options when `right`, else
 * one of its wrong options (0 when it has none). */
uint32_t teststudy_answer(const Bank *bank, int item, bool right);

#endif
