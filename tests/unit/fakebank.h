/* Synthetic banks built in memory for unit tests, so the rules can be tested
 * without the YAML loader. Every string and array is malloc'd and tracked;
 * fakebank_free releases it all (Bank.arena stays NULL). */
#ifndef CLOUDPREP_FAKEBANK_H
#define CLOUDPREP_FAKEBANK_H

#include "bank.h"

#define FAKEBANK_MAX_DOMAINS 8

typedef struct FakeBankConfig {
    int domain_count;                     /* 0 = the four CLF-C02 domains and their tasks */
    int weights[FAKEBANK_MAX_DOMAINS];    /* percent; used when domain_count > 0 */
    int tasks_per_domain;                 /* used when domain_count > 0; 0 = 2 */
    int questions[FAKEBANK_MAX_DOMAINS];  /* questions per domain */
    int flashcards[FAKEBANK_MAX_DOMAINS]; /* flashcards per domain */
    int multi_every;                      /* every n-th question of a domain is "choose two"
                                             of five options (0 = none); the rest are one of four */
} FakeBankConfig;

/* Builds a bank with the CLF-C02 exam shape (65 items, 50 scored, 90 min,
 * 30 ESL, 100/700/1000 at 0.70, boxes 1/2/4/8/16, diagnostic 10) and the
 * configured items. Question i of a domain has 4 options with option i % 4
 * right, or (multi) 5 options with options i % 5 and (i + 2) % 5 right.
 * Flashcard k of domain d reads "Front d.k" / "Back d.k". Items go round the
 * domain's tasks; difficulty is 1 + i % 3. Returns NULL on out of memory. */
Bank *fakebank_new(const FakeBankConfig *cfg);

/* CLF-C02 domains with `questions_per_percent` x weight questions and
 * `flashcards_per_percent` x weight flashcards per domain. */
Bank *fakebank_clf(int questions_per_percent, int flashcards_per_percent, int multi_every);

/* Frees a bank made by fakebank_new; NULL is fine. */
void fakebank_free(Bank *bank);

#endif
