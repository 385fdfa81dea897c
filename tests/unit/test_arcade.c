/* Tests for the arcade: flashcards turned into four-option questions
 * (right back once, distinct texts, same domain unless it is too small,
 * deterministic), single-answer questions, and the weak-domain stream. */
#include <stdlib.h>
#include <string.h>

#include "arcade.h"
#include "fakebank.h"
#include "testlib.h"

static int nth_card(const Bank *bank, int d, int k)
{
    for (int i = 0; i < bank->item_count; i++)
        if (bank->items[i].domain == d && bank->items[i].kind == ITEM_FLASHCARD && k-- == 0)
            return i;
    return -1;
}

/* Checks the rules for one converted flashcard; returns true when another
 * domain's back was used. */
static bool check_card_question(const Bank *bank, int card, const ArcadeQuestion *q)
{
    CHECK_INT(q->item, card);
    CHECK(q->from_flashcard);
    CHECK_INT(q->option_count, 4);
    CHECK_STR(q->prompt, bank->items[card].front);
    CHECK_STR(q->options[q->right], bank->items[card].back);
    CHECK_INT(q->source[q->right], card);
    bool other_domain = false;
    for (int k = 0; k < 4; k++) {
        for (int j = 0; j < k; j++)
            CHECK(strcmp(q->options[k], q->options[j]) != 0);
        if (k == q->right)
            continue;
        const BankItem *src = &bank->items[q->source[k]];
        CHECK(q->source[k] != card);
        CHECK(src->kind == ITEM_FLASHCARD);
        CHECK_STR(q->options[k], src->back);
        other_domain |= src->domain != bank->items[card].domain;
        CHECK(q->why[k] == NULL);
    }
    return other_domain;
}

static void test_flashcards(void)
{
    Bank *bank = fakebank_clf(1, 1, 0); /* 24/30/34/12 flashcards */
    Rng rng;
    int card = nth_card(bank, 0, 3);
    int right_at[4] = {0};
    bool any_other = false;
    for (uint64_t seed = 0; seed < 200; seed++) {
        rng_seed(&rng, seed);
        ArcadeQuestion q;
        CHECK(arcade_flashcard_question(bank, card, &rng, &q));
        any_other |= check_card_question(bank, card, &q);
        right_at[q.right]++;
        /* same seed, same question */
        Rng again;
        rng_seed(&again, seed);
        ArcadeQuestion q2;
        CHECK(arcade_flashcard_question(bank, card, &again, &q2));
        CHECK(memcmp(&q, &q2, sizeof q) == 0);
    }
    CHECK(!any_other);
    for (int k = 0; k < 4; k++)
        CHECK(right_at[k] > 20); /* the right answer moves around */

    /* duplicates of the right back and of each other are never shown */
    int d0[5];
    for (int k = 0; k < 5; k++)
        d0[k] = nth_card(bank, 3, k);
    bank->items[d0[1]].back = bank->items[d0[0]].back;  /* same text as the right one */
    bank->items[d0[2]].back = "  back 4.0 ";             /* same, by case and spaces */
    bank->items[d0[3]].back = "Twin";
    bank->items[d0[4]].back = "twin";
    for (uint64_t seed = 0; seed < 200; seed++) {
        rng_seed(&rng, seed);
        ArcadeQuestion q;
        CHECK(arcade_flashcard_question(bank, d0[0], &rng, &q));
        check_card_question(bank, d0[0], &q);
        for (int k = 0; k < 4; k++)
            if (k != q.right)
                CHECK(q.source[k] != d0[1] && q.source[k] != d0[2]);
    }
    fakebank_free(bank);

    /* a domain with 3 flashcards borrows from the others */
    FakeBankConfig cfg = {0};
    int cards[4] = {10, 10, 10, 3};
    for (int d = 0; d < 4; d++)
        cfg.flashcards[d] = cards[d];
    bank = fakebank_new(&cfg);
    int small = nth_card(bank, 3, 0);
    rng_seed(&rng, 1);
    ArcadeQuestion q;
    CHECK(arcade_flashcard_question(bank, small, &rng, &q));
    CHECK(check_card_question(bank, small, &q));
    int same_domain = 0;
    for (int k = 0; k < 4; k++)
        same_domain += k != q.right && bank->items[q.source[k]].domain == 3;
    CHECK_INT(same_domain, 2); /* both of its own domain's other cards first */
    fakebank_free(bank);

    /* too few distinct backs in the whole bank */
    int tiny[4] = {1, 1, 1, 0};
    for (int d = 0; d < 4; d++)
        cfg.flashcards[d] = tiny[d];
    cfg.questions[0] = 2;
    bank = fakebank_new(&cfg);
    CHECK(!arcade_flashcard_question(bank, nth_card(bank, 0, 0), &rng, &q));
    CHECK(!arcade_flashcard_question(bank, 0, &rng, &q)); /* a question */
    ArcadeStream s;
    CHECK(arcade_stream_start(&s, bank, NULL, 0, &rng)); /* questions only */
    for (int k = 0; k < 10; k++)
        CHECK(bank->items[arcade_stream_next(&s, &rng)].kind == ITEM_QUESTION);
    arcade_stream_free(&s);
    CHECK(!arcade_stream_start(&s, bank, NULL, ARCADE_KIND_FLASHCARDS, &rng));
    CHECK_INT(arcade_stream_next(&s, &rng), -1);
    arcade_stream_free(&s);
    fakebank_free(bank);
}

static void test_questions(void)
{
    Bank *bank = fakebank_clf(1, 0, 3); /* every third question "choose two" */
    Rng rng;
    rng_seed(&rng, 5);
    ArcadeQuestion q;
    CHECK(arcade_question(bank, 0, &rng, &q));
    CHECK(!q.from_flashcard);
    CHECK_INT(q.option_count, 4);
    CHECK(bank->items[0].options[q.source[q.right]].correct);
    CHECK_STR(q.options[q.right], bank->items[0].options[q.source[q.right]].text);
    CHECK_STR(q.why[q.right], bank->items[0].options[q.source[q.right]].why);
    bool ok;
    CHECK_INT(arcade_answer_mask(&q, q.right, &ok), bank->items[0].correct_mask);
    CHECK(ok);
    int wrong = (q.right + 1) % 4;
    CHECK_INT(arcade_answer_mask(&q, wrong, &ok), 1u << q.source[wrong]);
    CHECK(!ok);
    CHECK_INT(arcade_answer_mask(&q, -1, &ok), 0);
    CHECK(!arcade_question(bank, 2, &rng, &q)); /* multiple response */
    fakebank_free(bank);
}

static void test_stream(void)
{
    Bank *bank = fakebank_clf(2, 1, 3);
    Rng rng;
    rng_seed(&rng, 12);
    double acc[4] = {0.5, 0.5, 0.5, 0.0}; /* domain 4 weak: pulls 36/45/51/24 */
    ArcadeStream s;
    CHECK(arcade_stream_start(&s, bank, acc, 0, &rng));
    int per[4] = {0};
    int last = -1;
    bool repeat = false, multi = false;
    const int draws = 20000;
    for (int k = 0; k < draws; k++) {
        ArcadeQuestion q;
        CHECK(arcade_stream_next_question(&s, &rng, &q) || (k = draws));
        const BankItem *it = &bank->items[q.item];
        per[it->domain]++;
        repeat |= q.item == last;
        multi |= it->kind == ITEM_QUESTION && it->choose != 1;
        last = q.item;
    }
    CHECK(!repeat);
    CHECK(!multi);
    double pull[4] = {36, 45, 51, 24};
    printf("arcade stream, domain 4 weak: share per domain");
    for (int d = 0; d < 4; d++) {
        double share = (double)per[d] / draws, want = pull[d] / 156.0;
        printf(" %.3f (expected %.3f, weight %.2f)", share, want, bank->domains[d].weight / 100.0);
        CHECK(share > want - 0.015 && share < want + 0.015);
    }
    printf("\n");
    CHECK((double)per[3] / draws > 0.14); /* more than its 12% weight */
    arcade_stream_free(&s);

    /* a deck deals every item once before any repeats */
    FakeBankConfig cfg = {0};
    cfg.domain_count = 1;
    cfg.weights[0] = 100;
    cfg.questions[0] = 9;
    cfg.flashcards[0] = 6;
    Bank *one = fakebank_new(&cfg);
    CHECK(arcade_stream_start(&s, one, NULL, 0, &rng));
    CHECK_INT(s.total, 15);
    int seen[15] = {0};
    for (int k = 0; k < 15; k++)
        seen[arcade_stream_next(&s, &rng)]++;
    for (int i = 0; i < 15; i++)
        CHECK_INT(seen[i], 1);
    arcade_stream_free(&s);
    /* determinism */
    Rng a, b;
    rng_seed(&a, 99);
    rng_seed(&b, 99);
    ArcadeStream sa, sb;
    arcade_stream_start(&sa, bank, acc, 0, &a);
    arcade_stream_start(&sb, bank, acc, 0, &b);
    bool same = true;
    for (int k = 0; k < 500; k++) {
        ArcadeQuestion qa, qb;
        arcade_stream_next_question(&sa, &a, &qa);
        arcade_stream_next_question(&sb, &b, &qb);
        same &= memcmp(&qa, &qb, sizeof qa) == 0;
    }
    CHECK(same);
    arcade_stream_free(&sa);
    arcade_stream_free(&sb);
    fakebank_free(one);
    fakebank_free(bank);
}

int main(void)
{
    test_flashcards();
    test_questions();
    test_stream();
    return testlib_finish();
}
