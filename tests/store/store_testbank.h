/* A small bank for the store tests: 4 domains, 10 questions and 2
 * flashcards with known ids, read by the real loader from the YAML below.
 * Included by tests/unit/test_store*.c and tests/store/store_latency.c. */
#ifndef CLOUDPREP_STORE_TESTBANK_H
#define CLOUDPREP_STORE_TESTBANK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bankload.h"

#define TESTBANK_ITEMS 12

/* The loaded bank's header and item records, copied so that a test may
 * change an item's id (ids[i]) without touching the loaded bank. The text
 * and the id table stay the loaded bank's; never bank_free(&tb.bank). */
typedef struct TestBank {
    Bank bank;
    BankItem items[TESTBANK_ITEMS];
    char ids[TESTBANK_ITEMS][32];
} TestBank;

static const char TESTBANK_EXAM[] =
    "code: TST-01\ntitle: Test bank\nas_of: 2025-03-01\nitems: 6\nscored: 5\nminutes: 10\n"
    "scale: {min: 100, max: 1000, pass: 700}\npass_fraction: 0.7\ndiagnostic_items: 4\ndomains:\n"
    "  - {id: 1, name: '1', weight: 25, tasks: [{id: 1.1, title: Task 1.1}]}\n"
    "  - {id: 2, name: '2', weight: 25, tasks: [{id: 2.1, title: Task 2.1}]}\n"
    "  - {id: 3, name: '3', weight: 25, tasks: [{id: 3.1, title: Task 3.1}]}\n"
    "  - {id: 4, name: '4', weight: 25, tasks: [{id: 4.1, title: Task 4.1}]}\n";

/* A question of domain d, options "option 1".."option N" with the first
 * right (Q: four options; Q2: "choose two" of five, the first and third). */
#define TESTBANK_OPT(n, right) "      - {text: option " #n ", correct: " #right ", why: why " #n "}\n"
#define TESTBANK_HEAD(id, d)                                                                       \
    "  - id: " id "\n    domain: " #d "\n    task: " #d ".1\n    difficulty: 1\n    prompt: prompt\n" \
    "    explanation: explanation\n    options:\n"
#define TESTBANK_Q(id, d) \
    TESTBANK_HEAD(id, d) TESTBANK_OPT(1, true) TESTBANK_OPT(2, false) TESTBANK_OPT(3, false) TESTBANK_OPT(4, false)
#define TESTBANK_Q2(id, d)                                                                    \
    TESTBANK_HEAD(id, d) TESTBANK_OPT(1, true) TESTBANK_OPT(2, false) TESTBANK_OPT(3, true) \
        TESTBANK_OPT(4, false) TESTBANK_OPT(5, false)
#define TESTBANK_CARD(id, d) "  - {id: " id ", domain: " #d ", task: " #d ".1, front: front, back: back}\n"

/* Item i: q01..q10 are questions (q05 and q09 "choose two" of 5 options),
 * c01 and c02 flashcards. Domains: q01-q03 d0, q04-q06 d1, q07-q09 d2,
 * q10 d3, c01 d0, c02 d3. Index 11 is c02. */
static const char TESTBANK_ITEMS_YAML[] =
    "questions:\n" TESTBANK_Q("q01", 1) TESTBANK_Q("q02", 1) TESTBANK_Q("q03", 1) TESTBANK_Q("q04", 2)
        TESTBANK_Q2("q05", 2) TESTBANK_Q("q06", 2) TESTBANK_Q("q07", 3) TESTBANK_Q("q08", 3)
            TESTBANK_Q2("q09", 3) TESTBANK_Q("q10", 4) "flashcards:\n" TESTBANK_CARD("c01", 1)
                TESTBANK_CARD("c02", 4);

/* Loads the test bank with `items` as its item file; exits when the loader
 * rejects it (printing why). The caller owns the bank. */
static inline Bank *testbank_load(const char *items)
{
    Diag d = {0};
    Bank *b = bank_new(NULL);
    if (!b || !bank_parse_exam(b, TESTBANK_EXAM, strlen(TESTBANK_EXAM), "testbank/exam.yaml", &d) ||
        !bank_parse_items(b, items, strlen(items), "testbank/items.yaml", &d) || b->item_count != TESTBANK_ITEMS) {
        char line[1400];
        for (int i = 0; i < d.count; i++) {
            diag_format(&d, i, line, sizeof line);
            fprintf(stderr, "testbank: %s\n", line);
        }
        exit(1);
    }
    diag_free(&d);
    return b;
}

/* Gives tb its own copy of the loaded bank's header and item records. */
static inline void testbank_copy(TestBank *tb, const Bank *loaded)
{
    memset(tb, 0, sizeof *tb);
    tb->bank = *loaded;
    for (int i = 0; i < TESTBANK_ITEMS; i++) {
        tb->items[i] = loaded->items[i];
        snprintf(tb->ids[i], sizeof tb->ids[i], "%s", loaded->items[i].id);
        tb->items[i].id = tb->ids[i];
    }
    tb->bank.items = tb->items;
}

/* The test bank, loaded once per process (it stays until exit). */
static inline void testbank_init(TestBank *tb)
{
    static Bank *loaded;
    if (!loaded)
        loaded = testbank_load(TESTBANK_ITEMS_YAML);
    testbank_copy(tb, loaded);
}

/* The test bank as a later edition would load it: item `id` is now called
 * `new_id` (so progress kept under `id` no longer has its item). tb is
 * valid until the next call. */
static inline void testbank_init_renamed(TestBank *tb, const char *id, const char *new_id)
{
    static Bank *renamed;
    char from[48], to[48], text[sizeof TESTBANK_ITEMS_YAML + 64];
    snprintf(from, sizeof from, "id: %s\n", id);
    snprintf(to, sizeof to, "id: %s\n", new_id);
    const char *at = strstr(TESTBANK_ITEMS_YAML, from);
    if (!at)
        exit(1);
    snprintf(text, sizeof text, "%.*s%s%s", (int)(at - TESTBANK_ITEMS_YAML), TESTBANK_ITEMS_YAML, to,
             at + strlen(from));
    bank_free(renamed);
    renamed = testbank_load(text);
    testbank_copy(tb, renamed);
}

#endif
