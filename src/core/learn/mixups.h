/* Mix-ups: which concepts a learner confuses. An option names a concept
 * when it is short and reads as a name ("AWS Config", "Elasticity"), not a
 * sentence. For every wrong answer to a question, each concept picked that
 * was wrong is confused with each right concept left unpicked; the pairs
 * are counted either way round, with the questions behind them, so the
 * learner sees "AWS Config / AWS CloudTrail: 4 times" and can drill the two
 * side by side (mixups_contrast_items). Pure: answers in, pairs out. */
#ifndef CLOUDPREP_MIXUPS_H
#define CLOUDPREP_MIXUPS_H

#include <stdbool.h>

#include "bank.h"
#include "progress.h"

#define MIXUP_CONCEPT_MAX_CHARS 48  /* longer option texts are sentences, not names */
#define MIXUP_CONCEPT_MAX_WORDS 6
#define MIXUP_MAX_ITEMS 8           /* questions kept per pair */

typedef struct Mixup {
    const char *a, *b;             /* the two concepts (bank text), a before b case-insensitively */
    int count;                     /* times one was picked where the other was right */
    int a_for_b;                   /* ... of which `a` was picked where `b` was right */
    int items[MIXUP_MAX_ITEMS];    /* the questions (Bank.items indices), most recent first */
    int item_count;
} Mixup;

/* The concept option `option` of `item` names, or NULL when its text is a
 * sentence (too long, too many words, or ends like one). */
const char *mixup_concept(const BankItem *item, int option);
/* True when two concept names are the same (case and surrounding "the"
 * ignored: "The AWS Health API" = "AWS Health API"). */
bool mixup_same(const char *x, const char *y);
/* Counts the confusions in `answers` (any order; flashcards and right
 * answers add nothing) and writes the `max` most frequent pairs to out,
 * most frequent first (ties: the most recent confusion first). Returns how
 * many were written; -1 when memory runs out. */
int mixups_count(const Bank *bank, const Answer *answers, int n, Mixup *out, int max);
/* The items for a contrast drill of `m`: the questions where the two were
 * confused, then the other questions with an option naming either, then
 * the flashcards whose front or back names either. Writes up to `max`
 * Bank.items indices; returns how many. */
int mixups_contrast_items(const Bank *bank, const Mixup *m, int *out, int max);

#endif
