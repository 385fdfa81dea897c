/* What the linter's files share (bankcheck.c, bankdups.c, bankcues.c): the
 * checker context and the way a finding becomes a warning. Not for other
 * modules; the public contract is bankcheck.h. */
#ifndef CLOUDPREP_BANKCHECK_INTERNAL_H
#define CLOUDPREP_BANKCHECK_INTERNAL_H

#include "bankcheck.h"
#include "compat.h"

typedef struct Checker {
    const Bank *b;
    Diag *out;
    BankQuality *q;
    char exam_path[1024];
    const char *where; /* the bank folder, for bank-wide findings */
    int *exact_dup_of; /* per item: the earlier item it repeats exactly, -1 (may be NULL) */
} Checker;

/* Adds a warning at file:line (line 0: none) and counts it. With `listed`,
 * only the first BANKCHECK_MAX_LISTED of that check are listed; the rest are
 * counted in *listed for bankcheck_note_unlisted. */
void bankcheck_warn(Checker *k, const char *file, int line, int *listed, const char *fmt, ...)
    COMPAT_PRINTF(5, 6);
/* Adds a note with the number of findings of `what` beyond the listed ones. */
void bankcheck_note_unlisted(Checker *k, int listed, const char *what);
/* Percentage part/whole (0 when whole is 0). */
double bankcheck_pct(int part, int whole);
/* Number of characters (not bytes) of UTF-8 text; NULL counts 0. */
size_t bankcheck_chars(const char *s);

/* Warns about questions that repeat an earlier one: the same right answer
 * and a prompt of nearly the same words (bankdups.c). Exact repeats are
 * marked in k->exact_dup_of when it is there. */
void bankdups_near_prompts(Checker *k);
/* Warns about questions with the same set of options as an earlier one,
 * leaving out the exact repeats bankdups_near_prompts reported. */
void bankdups_option_sets(Checker *k);

/* The wording cues of bankcues.c: length rank of the right option, the
 * "(Choose N.)" phrase, options named by letter, self-justifying options,
 * words shared by stem and key only, absolute words in distractors. */
void bankcues_run(Checker *k);

#endif
