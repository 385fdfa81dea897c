/* Tests for the Leitner scheduler: intervals and the exam-date cap, box
 * moves, the accuracy EWMA, due counts and forecast, session order by
 * priority, new-item quota and split, and wrong items coming back. */
#include <stdlib.h>
#include <string.h>

#include "fakebank.h"
#include "leitner.h"
#include "testlib.h"

#define DAY SECONDS_PER_DAY
#define NOW ((int64_t)1800000000)

/* Index of the k-th item (question or flashcard) of domain d. */
static int nth_item(const Bank *bank, int d, int k, ItemKind kind)
{
    for (int i = 0; i < bank->item_count; i++)
        if (bank->items[i].domain == d && bank->items[i].kind == kind && k-- == 0)
            return i;
    return -1;
}

static void test_intervals(const Bank *bank)
{
    int want[5] = {1, 2, 4, 8, 16};
    for (int b = 1; b <= 5; b++)
        CHECK_INT(leitner_interval_days(bank, b, NOW, 0), want[b - 1]);
    CHECK_INT(leitner_interval_days(bank, 9, NOW, 0), 16);
    CHECK_INT(leitner_interval_days(bank, 0, NOW, 0), 1);
    /* exam in 10 days: no interval past 5 */
    CHECK_INT(leitner_interval_days(bank, 3, NOW, NOW + 10 * DAY), 4);
    CHECK_INT(leitner_interval_days(bank, 4, NOW, NOW + 10 * DAY), 5);
    CHECK_INT(leitner_interval_days(bank, 5, NOW, NOW + 10 * DAY), 5);
    /* 5.9 days left: half of 5 whole days is 2 */
    CHECK_INT(leitner_interval_days(bank, 5, NOW, NOW + 5 * DAY + DAY * 9 / 10), 2);
    /* at least one day, even the day before the exam */
    CHECK_INT(leitner_interval_days(bank, 5, NOW, NOW + DAY), 1);
    /* once the exam date has passed the normal ladder returns */
    CHECK_INT(leitner_interval_days(bank, 5, NOW, NOW - 3 * DAY), 16);
    CHECK_INT(leitner_interval_days(bank, 2, NOW, NOW), 2);
}

static void test_apply(const Bank *bank)
{
    ItemState st = {0};
    LeitnerMove m = leitner_apply(bank, &st, true, NOW, 0);
    CHECK_INT(m.box_before, 0);
    CHECK_INT(m.box_after, 1);
    CHECK_INT(st.due_at, NOW + DAY);
    CHECK_INT(st.seen, 1);
    CHECK_INT(st.right, 1);
    CHECK_INT(st.last_at, NOW);
    for (int k = 0; k < 6; k++)
        m = leitner_apply(bank, &st, true, NOW, 0);
    CHECK_INT(st.box, 5); /* never past the top box */
    CHECK_INT(m.box_before, 5);
    CHECK_INT(st.due_at, NOW + 16 * DAY);
    m = leitner_apply(bank, &st, false, NOW, 0);
    CHECK_INT(m.box_before, 5);
    CHECK_INT(m.box_after, 1);
    CHECK_INT(st.due_at, NOW + DAY);
    CHECK_INT(st.wrong, 1);
    ItemState fresh = {0};
    leitner_apply(bank, &fresh, false, NOW, 0);
    CHECK_INT(fresh.box, 1); /* a new item answered wrong starts in box 1 too */
    st.box = 3;
    leitner_apply(bank, &st, true, NOW, NOW + 6 * DAY); /* box 4 = 8 days, capped at 3 */
    CHECK_INT(st.due_at, NOW + 3 * DAY);
}

static void test_accuracy(const Bank *bank)
{
    double acc[4];
    CHECK(leitner_domain_accuracy(bank, NULL, 0, acc));
    for (int d = 0; d < 4; d++)
        CHECK(acc[d] == LEITNER_PRIOR);
    int q0 = nth_item(bank, 0, 0, ITEM_QUESTION);
    int q3 = nth_item(bank, 3, 0, ITEM_QUESTION);
    /* given out of time order: the EWMA runs oldest first */
    Answer a[4] = {
        {.item = q0, .correct = false, .at = 200},
        {.item = q0, .correct = true, .at = 100},
        {.item = q3, .correct = false, .at = 50},
        {.item = 999999, .correct = true, .at = 10},
    };
    CHECK(leitner_domain_accuracy(bank, a, 4, acc));
    /* 0.5 -> 0.8*0.5 + 0.2 = 0.6 -> 0.8*0.6 = 0.48 */
    CHECK(acc[0] > 0.48 - 1e-12 && acc[0] < 0.48 + 1e-12);
    CHECK(acc[3] > 0.4 - 1e-12 && acc[3] < 0.4 + 1e-12);
    CHECK(acc[1] == LEITNER_PRIOR);
    /* many right answers approach 1 */
    Answer many[40];
    for (int i = 0; i < 40; i++)
        many[i] = (Answer){.item = q0, .correct = true, .at = i};
    leitner_domain_accuracy(bank, many, 40, acc);
    CHECK(acc[0] > 0.99);
}

static void test_due_and_forecast(const Bank *bank)
{
    ItemState *st = calloc((size_t)bank->item_count, sizeof *st);
    st[0] = (ItemState){.box = 1, .due_at = NOW - 5 * DAY};
    st[1] = (ItemState){.box = 2, .due_at = NOW};
    st[2] = (ItemState){.box = 3, .due_at = NOW + 1};
    st[3] = (ItemState){.box = 3, .due_at = NOW + DAY};
    st[4] = (ItemState){.box = 4, .due_at = NOW + DAY + 1};
    st[5] = (ItemState){.box = 5, .due_at = NOW + 20 * DAY};
    st[6] = (ItemState){.box = 0, .due_at = 0}; /* unseen: never due */
    CHECK_INT(leitner_due_count(bank, st, NOW), 2);
    CHECK_INT(leitner_due_count(bank, st, NOW + DAY), 4);
    int f[7];
    leitner_forecast(bank, st, NOW, 7, f);
    CHECK_INT(f[0], 2);
    CHECK_INT(f[1], 2);
    CHECK_INT(f[2], 1);
    CHECK_INT(f[3] + f[4] + f[5] + f[6], 0);
    int boxes[6];
    leitner_box_counts(bank, st, boxes);
    CHECK_INT(boxes[0], bank->item_count - 6);
    CHECK_INT(boxes[1], 1);
    CHECK_INT(boxes[3], 2);
    CHECK_INT(boxes[5], 1);
    free(st);
}

static void test_priority_order(const Bank *bank)
{
    ItemState *st = calloc((size_t)bank->item_count, sizeof *st);
    int a = nth_item(bank, 2, 0, ITEM_QUESTION); /* 34 x 1.5 x (0 + 1) = 51 */
    int b = nth_item(bank, 3, 0, ITEM_QUESTION); /* 12 x 1.5 x (5 + 1) = 108 */
    int c = nth_item(bank, 0, 0, ITEM_QUESTION); /* 24 x 1.5 x (1 + 1) = 72 */
    st[a] = (ItemState){.box = 2, .due_at = NOW - 3600};
    st[b] = (ItemState){.box = 1, .due_at = NOW - 5 * DAY - 60};
    st[c] = (ItemState){.box = 4, .due_at = NOW - DAY};
    Rng rng;
    rng_seed(&rng, 1);
    LeitnerOptions opt = {.new_quota = -1};
    LeitnerSession s;
    CHECK(leitner_session_start(&s, bank, st, NULL, NOW, &rng, &opt));
    CHECK_INT(s.due_items, 3);
    CHECK_INT(s.new_items, 0);
    CHECK_INT(leitner_session_next(&s), b);
    CHECK_INT(leitner_session_next(&s), b); /* idempotent until recorded */
    leitner_session_record(&s, true, NOW);
    CHECK_INT(leitner_session_next(&s), c);
    leitner_session_record(&s, true, NOW);
    CHECK_INT(leitner_session_next(&s), a);
    leitner_session_record(&s, true, NOW);
    CHECK_INT(leitner_session_next(&s), -1);
    leitner_session_end(&s);

    /* weakness: domain 2 (34) at accuracy 1 has pull 34; domain 3 (12) at
     * accuracy 0 has 24; one day overdue doubles domain 3 to 48 */
    memset(st, 0, (size_t)bank->item_count * sizeof *st);
    st[a] = (ItemState){.box = 2, .due_at = NOW};
    st[b] = (ItemState){.box = 2, .due_at = NOW};
    double acc[4] = {0.5, 0.5, 1.0, 0.0};
    CHECK(leitner_session_start(&s, bank, st, acc, NOW, &rng, &opt));
    CHECK_INT(leitner_session_next(&s), a);
    leitner_session_end(&s);
    st[b].due_at = NOW - DAY;
    CHECK(leitner_session_start(&s, bank, st, acc, NOW, &rng, &opt));
    CHECK_INT(leitner_session_next(&s), b);
    leitner_session_end(&s);

    /* ties: random, but the same seed gives the same order */
    memset(st, 0, (size_t)bank->item_count * sizeof *st);
    int x = nth_item(bank, 1, 0, ITEM_QUESTION), y = nth_item(bank, 1, 1, ITEM_QUESTION);
    st[x] = (ItemState){.box = 1, .due_at = NOW};
    st[y] = (ItemState){.box = 1, .due_at = NOW};
    int first_x = 0;
    for (uint64_t seed = 0; seed < 64; seed++) {
        rng_seed(&rng, seed);
        leitner_session_start(&s, bank, st, NULL, NOW, &rng, &opt);
        int first = leitner_session_next(&s);
        first_x += first == x;
        leitner_session_end(&s);
        rng_seed(&rng, seed);
        leitner_session_start(&s, bank, st, NULL, NOW, &rng, &opt);
        CHECK_INT(leitner_session_next(&s), first);
        leitner_session_end(&s);
    }
    CHECK(first_x > 10 && first_x < 54);
    free(st);
}

static void test_session_fill(const Bank *bank)
{
    ItemState *st = calloc((size_t)bank->item_count, sizeof *st);
    Rng rng;
    rng_seed(&rng, 2);
    LeitnerSession s;
    /* 5 due items: the rest is new, up to the quota */
    for (int k = 0; k < 5; k++)
        st[nth_item(bank, 1, k, ITEM_QUESTION)] = (ItemState){.box = 1, .due_at = NOW - DAY};
    CHECK(leitner_session_start(&s, bank, st, NULL, NOW, &rng, NULL));
    CHECK_INT(s.due_items, 5);
    CHECK_INT(s.new_items, 15);
    CHECK_INT(leitner_session_remaining(&s), 20);
    /* due items come first */
    for (int k = 0; k < 5; k++)
        CHECK(st[leitner_session_next(&s)].box == 1 && (leitner_session_record(&s, true, NOW), 1));
    leitner_session_end(&s);
    for (int k = 0; k < 5; k++)
        st[nth_item(bank, 1, k, ITEM_QUESTION)] = (ItemState){.box = 1, .due_at = NOW - DAY};
    LeitnerOptions opt = {.new_today = 12};
    CHECK(leitner_session_start(&s, bank, st, NULL, NOW, &rng, &opt));
    CHECK_INT(s.new_items, 3);
    leitner_session_end(&s);
    opt = (LeitnerOptions){.new_quota = -1};
    CHECK(leitner_session_start(&s, bank, st, NULL, NOW, &rng, &opt));
    CHECK_INT(s.count, 5);
    leitner_session_end(&s);

    /* many due items: the session is full of them, no new ones */
    for (int k = 0; k < 30; k++)
        st[nth_item(bank, 2, k, ITEM_QUESTION)] = (ItemState){.box = 2, .due_at = NOW};
    CHECK(leitner_session_start(&s, bank, st, NULL, NOW, &rng, NULL));
    CHECK_INT(s.due_items, 20);
    CHECK_INT(s.new_items, 0);
    leitner_session_end(&s);

    /* the new-item split: weights alone give 24/30/34/12 of 100 */
    memset(st, 0, (size_t)bank->item_count * sizeof *st);
    opt = (LeitnerOptions){.size = 100, .new_quota = 100};
    int per[4] = {0};
    CHECK(leitner_session_start(&s, bank, st, NULL, NOW, &rng, &opt));
    for (int i = 0; i < s.count; i++)
        per[bank->items[s.queue[i].item].domain]++;
    CHECK_INT(per[0], 24);
    CHECK_INT(per[1], 30);
    CHECK_INT(per[2], 34);
    CHECK_INT(per[3], 12);
    leitner_session_end(&s);
    /* a weak domain 4 gets more: 36/45/51/24 of 100 -> 23/29/33/15 */
    double acc[4] = {0.5, 0.5, 0.5, 0.0};
    memset(per, 0, sizeof per);
    CHECK(leitner_session_start(&s, bank, st, acc, NOW, &rng, &opt));
    for (int i = 0; i < s.count; i++)
        per[bank->items[s.queue[i].item].domain]++;
    CHECK_INT(per[0], 23);
    CHECK_INT(per[1], 29);
    CHECK_INT(per[2], 33);
    CHECK_INT(per[3], 15);
    leitner_session_end(&s);

    /* kinds */
    opt = (LeitnerOptions){.size = 60, .new_quota = 60, .kinds = LEITNER_KIND_FLASHCARDS};
    CHECK(leitner_session_start(&s, bank, st, NULL, NOW, &rng, &opt));
    bool only_cards = s.count > 0;
    for (int i = 0; i < s.count; i++)
        only_cards &= bank->items[s.queue[i].item].kind == ITEM_FLASHCARD;
    CHECK(only_cards);
    leitner_session_end(&s);
    free(st);
}

static void test_requeue(const Bank *bank)
{
    ItemState *st = calloc((size_t)bank->item_count, sizeof *st);
    Rng rng;
    rng_seed(&rng, 4);
    LeitnerOptions opt = {.size = 8, .new_quota = 8};
    LeitnerSession s;
    CHECK(leitner_session_start(&s, bank, st, NULL, NOW, &rng, &opt));
    CHECK_INT(s.count, 8);
    int shown[64];
    int n = 0;
    int first = leitner_session_next(&s);
    shown[n++] = first;
    LeitnerMove m = leitner_session_record(&s, false, NOW);
    CHECK_INT(m.item, first);
    CHECK_INT(m.box_before, 0);
    CHECK_INT(m.box_after, 1);
    CHECK(m.requeued && !m.repeat);
    /* the next three are other items, then the wrong one again */
    for (int k = 0; k < 3; k++) {
        int item = leitner_session_next(&s);
        CHECK(item != first);
        shown[n++] = item;
        leitner_session_record(&s, true, NOW);
    }
    CHECK_INT(leitner_session_next(&s), first);
    m = leitner_session_record(&s, true, NOW); /* right on the repeat: stays in box 1 */
    CHECK(m.repeat && !m.requeued);
    CHECK_INT(m.box_before, 1);
    CHECK_INT(m.box_after, 1);
    CHECK_INT(st[first].box, 1);
    CHECK_INT(st[first].due_at, NOW + DAY);
    CHECK_INT(st[first].seen, 2);
    /* always wrong: an item comes back at most twice */
    int item = leitner_session_next(&s);
    int showings = 0;
    while (item >= 0) {
        bool wrong = item == shown[0] || item == shown[1] ? false : true;
        LeitnerMove mv = leitner_session_record(&s, !wrong, NOW);
        if (mv.requeued) {
            /* at least three others before it comes back */
            int gap = 0;
            for (int k = s.head; k < s.count && s.queue[k].item != item; k++)
                gap++;
            CHECK(gap >= LEITNER_REQUEUE_GAP);
        }
        showings++;
        item = leitner_session_next(&s);
        CHECK(showings < 64);
        if (showings >= 64)
            break;
    }
    for (int i = 0; i < bank->item_count; i++)
        CHECK(st[i].seen <= 1 + LEITNER_MAX_REPEATS);
    CHECK_INT(leitner_session_remaining(&s), 0);
    m = leitner_session_record(&s, true, NOW); /* nothing current */
    CHECK_INT(m.item, -1);
    leitner_session_end(&s);

    /* fewer than three left: a wrong item is not re-queued */
    memset(st, 0, (size_t)bank->item_count * sizeof *st);
    opt = (LeitnerOptions){.size = 3, .new_quota = 3};
    CHECK(leitner_session_start(&s, bank, st, NULL, NOW, &rng, &opt));
    leitner_session_next(&s);
    m = leitner_session_record(&s, false, NOW);
    CHECK(!m.requeued);
    CHECK_INT(leitner_session_remaining(&s), 2);
    leitner_session_end(&s);

    /* the classic scheduler: the exam date caps due times set by the session */
    memset(st, 0, (size_t)bank->item_count * sizeof *st);
    int q = nth_item(bank, 0, 0, ITEM_QUESTION);
    st[q] = (ItemState){.box = 4, .due_at = NOW};
    opt = (LeitnerOptions){.policy = LEITNER_POLICY_CLASSIC, .new_quota = -1, .exam_date = NOW + 4 * DAY};
    CHECK(leitner_session_start(&s, bank, st, NULL, NOW, &rng, &opt));
    CHECK_INT(leitner_session_next(&s), q);
    m = leitner_session_record(&s, true, NOW);
    CHECK_INT(m.box_after, 5);
    CHECK_INT(m.due_at, NOW + 2 * DAY);
    leitner_session_end(&s);
    free(st);
}

/* An item answered yesterday at 09:05 is due today at 09:05; a session at
 * 09:00 that passes the end of the day as due_by still takes it. */
static void test_due_by(const Bank *bank)
{
    ItemState *st = calloc((size_t)bank->item_count, sizeof *st);
    int q = nth_item(bank, 0, 0, ITEM_QUESTION);
    int late = nth_item(bank, 1, 0, ITEM_QUESTION);
    st[q] = (ItemState){.box = 1, .due_at = NOW + 300};
    st[late] = (ItemState){.box = 1, .due_at = NOW - 2 * DAY};
    Rng rng;
    rng_seed(&rng, 6);
    LeitnerSession s;
    LeitnerOptions opt = {.new_quota = -1};
    CHECK(leitner_session_start(&s, bank, st, NULL, NOW, &rng, &opt));
    CHECK_INT(s.count, 1); /* to the second, only the overdue item */
    leitner_session_end(&s);
    opt.due_by = NOW + 12 * 3600;
    CHECK(leitner_session_start(&s, bank, st, NULL, NOW, &rng, &opt));
    CHECK_INT(s.count, 2);
    CHECK_INT(leitner_session_next(&s), late); /* more overdue first */
    leitner_session_end(&s);
    opt.due_by = NOW - DAY; /* earlier than now: now is used */
    CHECK(leitner_session_start(&s, bank, st, NULL, NOW, &rng, &opt));
    CHECK_INT(s.count, 1);
    leitner_session_end(&s);
    CHECK_INT(leitner_due_count(bank, st, NOW + 12 * 3600), 2);
    free(st);
}

/* Confident errors (urgent) come first under both policies, whether or not
 * the session would have chosen them, and the session keeps its size. */
static void test_urgent_first(const Bank *bank)
{
    ItemState *st = calloc((size_t)bank->item_count, sizeof *st);
    bool *urgent = calloc((size_t)bank->item_count, sizeof *urgent);
    Rng rng;
    rng_seed(&rng, 3);
    /* 30 due items (a full session of them); two urgent items answered
     * yesterday and not due for weeks, and one due item, urgent too */
    for (int k = 0; k < 30; k++)
        st[nth_item(bank, 2, k, ITEM_QUESTION)] = (ItemState){.box = 2, .due_at = NOW - DAY, .seen = 2,
                                                              .stability = 3.0, .difficulty = 5.0,
                                                              .last_at = NOW - 3 * DAY};
    int a = nth_item(bank, 0, 0, ITEM_QUESTION), b = nth_item(bank, 1, 3, ITEM_QUESTION);
    int c = nth_item(bank, 2, 7, ITEM_QUESTION);
    st[a] = st[b] = (ItemState){.box = 1, .due_at = NOW + 20 * DAY, .seen = 1, .wrong = 1, .stability = 30.0,
                                 .difficulty = 5.0, .last_at = NOW - DAY};
    urgent[a] = urgent[b] = urgent[c] = true;
    LeitnerPolicy policies[2] = {LEITNER_POLICY_EXAM, LEITNER_POLICY_CLASSIC};
    for (int p = 0; p < 2; p++) {
        LeitnerOptions opt = {.policy = policies[p], .urgent = urgent, .exam_date = p == 0 ? NOW + 30 * DAY : 0};
        LeitnerSession s;
        CHECK(leitner_session_start(&s, bank, st, NULL, NOW, &rng, &opt));
        CHECK_INT(s.count, 20);
        CHECK_INT(s.due_items + s.new_items, 20);
        bool first[3] = {false, false, false};
        for (int k = 0; k < 3; k++) {
            int item = s.queue[k].item;
            first[0] |= item == a;
            first[1] |= item == b;
            first[2] |= item == c;
        }
        CHECK(first[0] && first[1] && first[2]);
        int seen_c = 0;
        for (int k = 0; k < s.count; k++)
            seen_c += s.queue[k].item == c;
        CHECK_INT(seen_c, 1); /* moved, not doubled */
        leitner_session_end(&s);
    }
    /* an urgent flashcard stays out of a questions-only session */
    int card = nth_item(bank, 0, 0, ITEM_FLASHCARD);
    urgent[card] = true;
    LeitnerOptions opt = {.urgent = urgent, .kinds = LEITNER_KIND_QUESTIONS};
    LeitnerSession s;
    CHECK(leitner_session_start(&s, bank, st, NULL, NOW, &rng, &opt));
    for (int k = 0; k < s.count; k++)
        CHECK(s.queue[k].item != card);
    leitner_session_end(&s);
    free(urgent);
    free(st);
}

static void test_empty(void)
{
    FakeBankConfig cfg = {0};
    Bank *bank = fakebank_new(&cfg);
    Rng rng;
    rng_seed(&rng, 1);
    ItemState dummy = {0};
    LeitnerSession s;
    CHECK(leitner_session_start(&s, bank, &dummy, NULL, NOW, &rng, NULL));
    CHECK_INT(leitner_session_next(&s), -1);
    CHECK_INT(leitner_session_remaining(&s), 0);
    leitner_session_end(&s);
    leitner_session_end(&s); /* twice is fine */
    fakebank_free(bank);
}

int main(void)
{
    Bank *bank = fakebank_clf(2, 1, 5);
    CHECK(bank != NULL);
    if (!bank)
        return testlib_finish();
    test_intervals(bank);
    test_apply(bank);
    test_accuracy(bank);
    test_due_and_forecast(bank);
    test_priority_order(bank);
    test_session_fill(bank);
    test_requeue(bank);
    test_due_by(bank);
    test_urgent_first(bank);
    test_empty();
    fakebank_free(bank);
    return testlib_finish();
}
