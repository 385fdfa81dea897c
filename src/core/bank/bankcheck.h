/* The bank linter behind `cloudprep --check-bank DIR`: loads a bank, prints
 * every diagnostic, a summary line, a per-domain table and the item-quality
 * statistics. The quality checks read a loaded Bank, so what the loader
 * guarantees (every option has a why, every question an explanation) is
 * not checked again. Loading and validation rules are the loader's (bankload.h). */
#ifndef CLOUDPREP_BANKCHECK_H
#define CLOUDPREP_BANKCHECK_H

#include <stdio.h>

#include "bank.h"
#include "diag.h"

/* Every quality threshold, in one place (documented in banks/FORMAT.md). */
#define BANKCHECK_POSITION_OPTIONS 4       /* position bias is measured on 4-option items */
#define BANKCHECK_POSITION_MIN_PCT 15.0    /* each right-answer position at least... */
#define BANKCHECK_POSITION_MAX_PCT 35.0    /* ...and at most this share */
#define BANKCHECK_LONGEST_MAX_PCT 35.0     /* right option strictly longest, at most */
#define BANKCHECK_JACCARD_NUM 4            /* near-duplicate prompts: word-set */
#define BANKCHECK_JACCARD_DEN 5            /* Jaccard similarity >= 4/5 */
#define BANKCHECK_SHARE_TOLERANCE_PTS 3.0  /* domain question share vs weight */
#define BANKCHECK_MR_MIN_PCT 15.0          /* multiple response per domain, at least */
#define BANKCHECK_TASK_MIN_QUESTIONS 10    /* per task statement */
#define BANKCHECK_TASK_MIN_FLASHCARDS 5    /* per task statement */
#define BANKCHECK_MIN_SAMPLE 20            /* share checks need this many items */
#define BANKCHECK_MAX_LISTED 100           /* findings listed per check */
#define BANKCHECK_RANK_MIN_PCT 20.0        /* each length rank of the right option at least... */
#define BANKCHECK_RANK_MAX_PCT 30.0        /* ...and at most this share (4-option single answer) */
#define BANKCHECK_MAX_DOMAINS 16           /* domains whose length ranks are kept for the report */
#define BANKCHECK_SHARED_WORD_MIN_LEN 4    /* a distinctive word has at least this many letters... */
#define BANKCHECK_SHARED_WORD_MAX_DF_PCT 2.0 /* ...and is in at most this share of questions */
#define BANKCHECK_SHARED_WORD_MIN_DF 3     /* (never fewer than this many questions) */

/* What the quality checks counted. */
typedef struct BankQuality {
    int questions;
    int flashcards;
    int single_answer;
    int multiple_response;
    int four_option;                 /* single-answer questions with 4 options */
    int position[BANKCHECK_POSITION_OPTIONS]; /* right answer at A..D among those */
    int longest_right;               /* single answer, right option strictly longest */
    int difficulty[4];               /* questions at difficulty 1..3 (index 0 unused) */
    int near_duplicates;             /* prompt pairs at or above the Jaccard threshold */
    int duplicate_option_sets;       /* questions repeating an earlier option set */
    int above_options;               /* options saying "all/none of the above" */
    int thin_tasks;                  /* task statements under the item minimums */
    int off_weight_domains;          /* question share off the weight by > tolerance */
    int low_mr_domains;              /* multiple response share under the minimum */
    int length_rank[4];              /* 4-option single answer: right option's length rank 1..4 */
    int domain_four_option[BANKCHECK_MAX_DOMAINS];
    int domain_length_rank[BANKCHECK_MAX_DOMAINS][4];
    int off_rank_shares;             /* bank or domain rank shares outside the range */
    int exact_duplicates;            /* questions repeating another's prompt, options and key */
    int conflicting_keys;            /* same prompt as another question, different right answer */
    int choose_mismatches;           /* "(Choose N.)" missing or not the number of right options */
    int letter_references;           /* why/explanation naming an option by letter */
    int justified_options;           /* questions with a self-justifying option */
    int shared_word_cues;            /* questions whose stem and key share a distinctive word */
    int absolute_word_cues;          /* questions with absolute words in distractors only */
    int with_refs;                   /* questions with at least one documentation ref */
    int warnings;                    /* warnings added to the Diag */
} BankQuality;

/* Runs every quality check over `b`, adds one warning per finding to `out`
 * (at the item's FILE:LINE, or the bank folder / exam.yaml for bank-wide
 * findings; at most BANKCHECK_MAX_LISTED per check, then a note) and fills
 * `q` (may be NULL). Returns the number of warnings added. */
int bankcheck_quality(const Bank *b, Diag *out, BankQuality *q);

/* Lints the bank folder `dir` and prints the report to `out`. Returns 0 when
 * the bank has no errors, 1 when it has errors, 2 when `dir` is not a bank
 * folder (missing, or without exam.yaml). */
int bankcheck_run(const char *dir, FILE *out);

#endif
