/* Study fixture for session tests (see teststudy.h). */
#include "teststudy.h"

#include <string.h>

#include "fakebank.h"
#include "testdb.h"
#include "testlib.h"

void teststudy_open(TestStudy *t, Bank *bank, const char *name, const char *vfs, int64_t now,
                    const StudyPrefs *prefs, uint64_t seed)
{
    memset(t, 0, sizeof *t);
    t->bank = bank;
    StoreOptions opts = {.vfs = vfs};
    t->st = store_open_with(testlib_tmpdir(name), now, &opts, NULL);
    t->study = bank ? study_open(bank, t->st, prefs) : NULL;
    rng_seed(&t->rng, seed);
    CHECK(t->bank && t->st && t->study);
}

void teststudy_close(TestStudy *t)
{
    study_close(t->study);
    store_close(t->st);
    fakebank_free(t->bank);
    memset(t, 0, sizeof *t);
}

int64_t teststudy_int(const TestStudy *t, const char *sql)
{
    return testdb_int(store_path(t->st), sql);
}

uint32_t teststudy_answer(const Bank *bank, int item, bool right)
{
    const BankItem *it = &bank->items[item];
    uint32_t mask = 0;
    for (int k = 0; k < it->option_count; k++)
        if (it->options[k].correct)
            mask |= 1u << k;
    if (right)
        return mask;
    for (int k = 0; k < it->option_count; k++)
        if (!(mask & (1u << k)))
            return 1u << k;
    return 0;
}
