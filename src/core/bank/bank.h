/* The bank model: an exam's shape (exam.yaml) and its items (questions and
 * flashcards), loaded from a folder of YAML files into one immutable Bank.
 * This header is the contract every other module reads; the loader
 * (bankload.h) fills it, and everything in a Bank lives in its arena. A
 * Bank is only ever made by the loader, tests' banks included. */
#ifndef CLOUDPREP_BANK_H
#define CLOUDPREP_BANK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#define BANK_MAX_OPTIONS 8
#define BANK_MAX_REFS 3    /* documentation pages per question */
#define BANK_MAX_BOXES 8 /* Leitner boxes 1..n; box 0 is "unseen" */

typedef enum ItemKind { ITEM_QUESTION, ITEM_FLASHCARD } ItemKind;

typedef struct BankOption {
    const char *text;
    const char *why;
    bool correct;
} BankOption;

/* A documentation page behind a question: shown as "Learn more: TITLE". */
typedef struct BankRef {
    const char *title;
    const char *url;   /* https on one of the hosts in bankload.h's table */
} BankRef;

typedef struct BankTask {
    const char *id;    /* "2.3" */
    const char *title;
    int domain;        /* index into Bank.domains */
} BankTask;

typedef struct BankDomain {
    const char *id;    /* "2" */
    const char *name;
    int weight;        /* percent; all weights sum to 100 */
    int first_task;    /* index into Bank.tasks; tasks of a domain are contiguous */
    int task_count;
} BankDomain;

typedef struct BankItem {
    const char *id;          /* stable, unique across the bank; progress is keyed by it */
    ItemKind kind;
    int domain;              /* index into Bank.domains */
    int task;                /* index into Bank.tasks */
    int difficulty;          /* 1..3 (flashcards: 1) */
    const char **tags;
    int tag_count;
    /* questions */
    const char *prompt;
    const char *explanation;
    BankOption *options;
    int option_count;
    int choose;              /* number of right options: 1 = single answer */
    uint32_t correct_mask;   /* bit i set when options[i].correct */
    const BankRef *refs;     /* 0..BANK_MAX_REFS documentation pages, NULL when none */
    int ref_count;
    /* flashcards */
    const char *front;
    const char *back;
    /* where it was written, for messages */
    const char *file;
    int line;
} BankItem;

typedef struct BankArena BankArena; /* private to the loader (bankload_internal.h) */

typedef struct Bank {
    const char *dir;
    const char *code;            /* "CLF-C02" */
    const char *title;
    const char *as_of;           /* "2026-11-26" */
    int exam_items;              /* 65 */
    int exam_scored;             /* 50 */
    int exam_minutes;            /* 90 */
    int esl_extra_minutes;       /* 30 */
    int scale_min, scale_max, scale_pass; /* 100, 1000, 700 */
    double pass_fraction;        /* 0.70 */
    int leitner_days[BANK_MAX_BOXES]; /* interval of box b+1 in days */
    int leitner_boxes;           /* 5 */
    int diagnostic_items;        /* 10 */

    BankDomain *domains;
    int domain_count;
    BankTask *tasks;
    int task_count;
    BankItem *items;
    int item_count;
    int question_count;
    int flashcard_count;

    /* files that had errors and were skipped, for the home screen */
    int skipped_files;
    int skipped_items;           /* items not loaded: those of skipped files (as far as they
                                    parsed or could be counted) and single invalid items */
    int partial_files;           /* files loaded without their invalid items */
    const char *first_error;     /* formatted "FILE:LINE:COL: error: ..." or NULL */

    BankArena *arena;
} Bank;

/* Lookups by id, for the rules and screens (bankindex.c). */

/* Returns the index in b->items of the item with this id, or -1 (also for a
 * NULL bank or id). Constant time: the loader's id table answers. */
int bank_item_index(const Bank *b, const char *id);
/* Returns the index in b->domains of the domain with this id, or -1 (also
 * for a NULL bank or id). Linear in the (at most 16) domains. */
int bank_domain_index(const Bank *b, const char *id);
/* Returns the index in b->tasks of the task statement with this id, or -1
 * (also for a NULL bank or id). Linear in the (at most 128) tasks. */
int bank_task_index(const Bank *b, const char *id);

#endif
