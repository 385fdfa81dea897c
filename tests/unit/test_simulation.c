/* Simulated learners who never forget, over simulated days, driving the
 * classic scheduler: a learner weak in one domain sees more of it, an
 * always-right learner climbs to the top box on the ladder's schedule, and
 * an exam date caps every interval. Forgetting learners, the exam-aware
 * scheduler and the pass estimate are test_learning's. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "examform.h"
#include "fakebank.h"
#include "leitner.h"
#include "plan.h"
#include "scoring.h"
#include "testlib.h"

#define DAY SECONDS_PER_DAY
#define START ((int64_t)1800000000 - (int64_t)1800000000 % DAY) /* a midnight */
#define STUDY_HOUR (9 * 3600)
#define RECENT_WINDOW 200

/* A simulated learner: the chance of a right answer by domain, rising with
 * the item's box and falling with its difficulty (hidden from the rules). */
typedef struct Learner {
    double base[4];
    double per_box;
    double per_difficulty;
} Learner;

static double learner_p(const Learner *l, const Bank *bank, const ItemState *st, int item)
{
    const BankItem *it = &bank->items[item];
    double p = l->base[it->domain] + l->per_box * st[item].box -
               l->per_difficulty * (it->difficulty - 2);
    return p < 0.0 ? 0.0 : (p > 1.0 ? 1.0 : p);
}

/* Answer history kept by the simulation (the store's job in the game). */
typedef struct History {
    Answer *answers;
    int *box_before;
    int count;
    int capacity;
} History;

static void history_add(History *h, int item, bool correct, int64_t at, int box_before)
{
    if (h->count == h->capacity) {
        h->capacity = h->capacity ? h->capacity * 2 : 1024;
        h->answers = realloc(h->answers, (size_t)h->capacity * sizeof *h->answers);
        h->box_before = realloc(h->box_before, (size_t)h->capacity * sizeof *h->box_before);
    }
    h->answers[h->count] = (Answer){.item = item, .answer = correct ? 1u : 0u, .correct = correct,
                                    .ms = 10000, .at = at};
    h->box_before[h->count] = box_before;
    h->count++;
}

static void history_free(History *h)
{
    free(h->answers);
    free(h->box_before);
    memset(h, 0, sizeof *h);
}

typedef struct DayStats {
    int shown[4];          /* showings per domain */
    int64_t max_ahead;     /* longest interval given (seconds) */
    bool cap_broken;       /* an interval past the exam-date cap */
    bool past_exam;        /* a due time after the exam with >= 2 days left */
} DayStats;

/* One simulated day: a drill session at 09:00, answered by the learner. */
static void simulate_day(const Bank *bank, ItemState *st, const Learner *l, History *h, int day,
                         const LeitnerOptions *base_opt, Rng *rng, DayStats *stats)
{
    int64_t now = START + (int64_t)day * DAY + STUDY_HOUR;
    double acc[4];
    int from = h->count > RECENT_WINDOW ? h->count - RECENT_WINDOW : 0;
    leitner_domain_accuracy(bank, h->answers + from, h->count - from, acc);
    LeitnerOptions opt = *base_opt;
    opt.due_by = START + (int64_t)(day + 1) * DAY - 1; /* the end of the local day */
    LeitnerSession s;
    CHECK(leitner_session_start(&s, bank, st, acc, now, rng, &opt));
    int item;
    int64_t t = now;
    while ((item = leitner_session_next(&s)) >= 0) {
        t += 20;
        int box = st[item].box;
        bool right = rng_unit(rng) < learner_p(l, bank, st, item);
        LeitnerMove m = leitner_session_record(&s, right, t);
        history_add(h, item, right, t, box);
        stats->shown[bank->items[item].domain]++;
        int64_t ahead = m.due_at - t;
        /* The cap holds before the exam; after it the plain ladder returns. */
        bool before_exam = opt.exam_date && t < opt.exam_date;
        if (ahead > stats->max_ahead && (before_exam || !opt.exam_date))
            stats->max_ahead = ahead;
        if (before_exam) {
            int64_t days_left = (opt.exam_date - t) / DAY;
            int64_t cap = days_left / 2 < 1 ? 1 : days_left / 2;
            if (ahead > cap * DAY)
                stats->cap_broken = true;
            if (days_left >= 2 && m.due_at > opt.exam_date)
                stats->past_exam = true;
        }
    }
    leitner_session_end(&s);
}

/* 1. A learner weak in domain 4 sees more of domain 4 than its weight. */
static void sim_weak_domain(void)
{
    Bank *bank = fakebank_clf(10, 2, 5);
    Learner weak = {{0.85, 0.85, 0.85, 0.45}, 0.02, 0.03};
    Learner even = {{0.85, 0.85, 0.85, 0.85}, 0.02, 0.03};
    const Learner *who[2] = {&even, &weak};
    const char *name[2] = {"balanced learner", "weak in domain 4"};
    double share4[2] = {0};
    for (int k = 0; k < 2; k++) {
        ItemState *st = calloc((size_t)bank->item_count, sizeof *st);
        History h = {0};
        DayStats stats = {0};
        Rng rng;
        rng_seed(&rng, 2024);
        LeitnerOptions opt = {.policy = LEITNER_POLICY_CLASSIC}; /* 20 items, 15 new a day */
        for (int day = 0; day < 30; day++)
            simulate_day(bank, st, who[k], &h, day, &opt, &rng, &stats);
        int total = 0;
        for (int d = 0; d < 4; d++)
            total += stats.shown[d];
        double acc[4];
        leitner_domain_accuracy(bank, h.answers + h.count - RECENT_WINDOW, RECENT_WINDOW, acc);
        printf("30 days, %s: %d items shown; share per domain (weight):", name[k], total);
        for (int d = 0; d < 4; d++)
            printf(" D%d %.1f%% (%d%%)", d + 1, 100.0 * stats.shown[d] / total,
                   bank->domains[d].weight);
        printf("; recent accuracy D4 %.2f\n", acc[3]);
        share4[k] = (double)stats.shown[3] / total;
        history_free(&h);
        free(st);
    }
    CHECK(share4[1] > 0.12);           /* more than its weight alone gives */
    CHECK(share4[1] > share4[0] + 0.02); /* and clearly more than a balanced learner gets */
    printf("domain 4 share: %.1f%% weak vs %.1f%% balanced, weight 12%%\n", 100 * share4[1],
           100 * share4[0]);
    fakebank_free(bank);
}

/* 2. Always right: every item climbs one box per review and reaches box 5
 * exactly 1 + 2 + 4 + 8 = 15 days after it was introduced. */
static void sim_always_right(void)
{
    Bank *bank = fakebank_clf(2, 1, 5);
    Learner perfect = {{1, 1, 1, 1}, 0, 0};
    ItemState *st = calloc((size_t)bank->item_count, sizeof *st);
    int *first_day = malloc((size_t)bank->item_count * sizeof *first_day);
    int *box5_day = malloc((size_t)bank->item_count * sizeof *box5_day);
    for (int i = 0; i < bank->item_count; i++)
        first_day[i] = box5_day[i] = -1;
    History h = {0};
    DayStats stats = {0};
    Rng rng;
    rng_seed(&rng, 7);
    const int intro_days = 10, days = intro_days + 15;
    for (int day = 0; day < days; day++) {
        /* size 100: every due item is reviewed on its day */
        LeitnerOptions opt = {.policy = LEITNER_POLICY_CLASSIC, .size = 100, .new_quota = day < intro_days ? 15 : -1};
        simulate_day(bank, st, &perfect, &h, day, &opt, &rng, &stats);
        for (int i = 0; i < bank->item_count; i++) {
            if (st[i].seen > 0 && first_day[i] < 0)
                first_day[i] = day;
            if (st[i].box == 5 && box5_day[i] < 0)
                box5_day[i] = day;
        }
    }
    int reviewed = 0, in_top = 0, on_time = 0;
    for (int i = 0; i < bank->item_count; i++) {
        if (st[i].seen == 0)
            continue;
        reviewed++;
        in_top += st[i].box == 5;
        on_time += box5_day[i] == first_day[i] + 15 && st[i].seen == 5 && st[i].wrong == 0;
    }
    printf("always right, %d days (new items on the first %d): %d items reviewed, %d in box 5, "
           "%d reached it exactly 15 days after their first review\n",
           days, intro_days, reviewed, in_top, on_time);
    CHECK_INT(reviewed, 150);
    CHECK_INT(in_top, reviewed);
    CHECK_INT(on_time, reviewed);
    history_free(&h);
    free(st);
    free(first_day);
    free(box5_day);

    /* with the default session (20 items), after the ladder's days and a
     * catch-up fortnight without new items, everything is in box 5 too */
    st = calloc((size_t)bank->item_count, sizeof *st);
    memset(&stats, 0, sizeof stats);
    for (int day = 0; day < 45; day++) {
        LeitnerOptions opt = {.policy = LEITNER_POLICY_CLASSIC, .new_quota = day < 15 ? 0 : -1};
        simulate_day(bank, st, &perfect, &h, day, &opt, &rng, &stats);
    }
    reviewed = in_top = 0;
    for (int i = 0; i < bank->item_count; i++) {
        reviewed += st[i].seen > 0;
        in_top += st[i].seen > 0 && st[i].box == 5;
    }
    printf("always right, default sessions, 15 days of new items then 30 without: %d reviewed, "
           "%d in box 5\n", reviewed, in_top);
    CHECK(reviewed > 60);
    CHECK_INT(in_top, reviewed);
    history_free(&h);
    free(st);
    fakebank_free(bank);
}

/* 3. With an exam date, no interval runs past half the days left. */
static void sim_exam_cap(void)
{
    Bank *bank = fakebank_clf(4, 1, 5);
    Learner good = {{0.8, 0.8, 0.8, 0.8}, 0.03, 0.03};
    ItemState *st = calloc((size_t)bank->item_count, sizeof *st);
    History h = {0};
    DayStats stats = {0};
    Rng rng;
    rng_seed(&rng, 99);
    int64_t exam = START + 21 * DAY + 10 * 3600; /* day 21, 10:00 */
    LeitnerOptions opt = {.policy = LEITNER_POLICY_CLASSIC, .exam_date = exam};
    for (int day = 0; day < 24; day++)
        simulate_day(bank, st, &good, &h, day, &opt, &rng, &stats);
    int top = 0;
    for (int i = 0; i < bank->item_count; i++)
        top += st[i].box == 5;
    printf("exam date in 21 days: %d answers over 24 days, longest interval %.1f days, "
           "%d items in box 5; cap kept: %s; no due date past the exam (>= 2 days left): %s\n",
           h.count, (double)stats.max_ahead / DAY, top, stats.cap_broken ? "NO" : "yes",
           stats.past_exam ? "NO" : "yes");
    CHECK(!stats.cap_broken);
    CHECK(!stats.past_exam);
    CHECK(stats.max_ahead <= 10 * DAY);
    CHECK(stats.max_ahead > 0);
    history_free(&h);
    free(st);
    fakebank_free(bank);
}

int main(void)
{
    sim_weak_domain();
    sim_always_right();
    sim_exam_cap();
    return testlib_finish();
}
