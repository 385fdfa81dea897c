/* Synthetic banks for unit tests: a configuration is written out as bank
 * YAML and read by the real loader (from memory, no files), so tests get
 * the same Banks the program loads, at the size they ask for. */
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
 * configured items, in Bank.items domain by domain, each domain's questions
 * before its flashcards. Question i of domain d (ids "q-D-i", D = d + 1) has
 * 4 options with option i % 4 right, or (multi) 5 options with options
 * i % 5 and (i + 2) % 5 right. Flashcard k ("f-D-k") reads "Front D.k" /
 * "Back D.k". Items go round the domain's tasks; difficulty is 1 + i % 3
 * (flashcards 1). The weights of a configured shape must add up to 100.
 * The caller owns the bank (fakebank_free). Returns NULL when out of memory
 * or when the loader rejects the bank (its messages go to stderr). */
Bank *fakebank_new(const FakeBankConfig *cfg);

/* CLF-C02 domains with `questions_per_percent` x weight questions and
 * `flashcards_per_percent` x weight flashcards per domain; as fakebank_new. */
Bank *fakebank_clf(int questions_per_percent, int flashcards_per_percent, int multi_every);

/* Frees a bank made by fakebank_new or fakebank_clf (bank_free); NULL is fine. */
void fakebank_free(Bank *bank);

#endif
