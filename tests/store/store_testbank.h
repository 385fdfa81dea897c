/* A small hand-built Bank for the store tests: 4 domains, 10 questions and
 * 2 flashcards with known ids, so tests need no bank loader. Included by
 * tests/unit/test_store*.c and tests/store/store_latency.c. */
#ifndef CLOUDPREP_STORE_TESTBANK_H
#define CLOUDPREP_STORE_TESTBANK_H

#include <stdio.h>
#include <string.h>

#include "bank.h"

#define TESTBANK_ITEMS 12

typedef struct TestBank {
    Bank bank;
    BankDomain domains[4];
    BankItem items[TESTBANK_ITEMS];
    BankOption options[TESTBANK_ITEMS][5];
    char ids[TESTBANK_ITEMS][32];
} TestBank;

/* Item i: q01..q10 are questions (q05 and q09 "choose two" of 5 options),
 * c01 and c02 flashcards. Domains: q01-q03 d0, q04-q06 d1, q07-q09 d2,
 * q10 d3, c01 d0, c02 d3. Index 11 is c02. */
static inline void testbank_init(TestBank *tb)
{
    static const char *const DOMAIN_IDS[4] = {"1", "2", "3", "4"};
    static const int DOMAIN_OF[TESTBANK_ITEMS] = {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 0, 3};
    memset(tb, 0, sizeof *tb);
    Bank *b = &tb->bank;
    b->code = "TST-01";
    b->title = "Test bank";
    b->exam_items = 6;
    b->exam_scored = 5;
    b->exam_minutes = 10;
    b->scale_min = 100;
    b->scale_max = 1000;
    b->scale_pass = 700;
    b->pass_fraction = 0.7;
    b->leitner_boxes = 5;
    for (int d = 0; d < 4; d++) {
        tb->domains[d].id = DOMAIN_IDS[d];
        tb->domains[d].name = DOMAIN_IDS[d];
        tb->domains[d].weight = 25;
    }
    b->domains = tb->domains;
    b->domain_count = 4;
    for (int i = 0; i < TESTBANK_ITEMS; i++) {
        BankItem *it = &tb->items[i];
        if (i < 10)
            snprintf(tb->ids[i], sizeof tb->ids[i], "q%02d", i + 1);
        else
            snprintf(tb->ids[i], sizeof tb->ids[i], "c%02d", i - 9);
        it->id = tb->ids[i];
        it->domain = DOMAIN_OF[i];
        it->difficulty = 1;
        if (i >= 10) {
            it->kind = ITEM_FLASHCARD;
            it->front = "front";
            it->back = "back";
            continue;
        }
        bool two = i == 4 || i == 8;
        it->kind = ITEM_QUESTION;
        it->prompt = "prompt";
        it->options = tb->options[i];
        it->option_count = two ? 5 : 4;
        it->choose = two ? 2 : 1;
        for (int o = 0; o < it->option_count; o++) {
            tb->options[i][o].text = "option";
            tb->options[i][o].correct = o == 0 || (two && o == 2);
        }
        it->correct_mask = two ? 0x5u : 0x1u;
    }
    b->items = tb->items;
    b->item_count = TESTBANK_ITEMS;
    b->question_count = 10;
    b->flashcard_count = 2;
}

#endif
