/* Records shared by the rules and the store: an item's learning state, an
 * answer, an exam form in progress. Plain data, no behaviour: the scheduler
 * (leitner), the exam forms (examform) and the store (store) all speak it. */
#ifndef CLOUDPREP_PROGRESS_H
#define CLOUDPREP_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>

#include "bank.h"

#define SECONDS_PER_DAY 86400
/* The times the program accepts (Unix seconds, 1970-01-01 to 9999-12-31
 * UTC). Inputs outside are refused at the edge (script `time` and `days`),
 * so a time plus any interval the rules add stays far from overflow. */
#define PROGRESS_TIME_MIN 0LL
#define PROGRESS_TIME_MAX 253402300799LL

/* MODE_RETAKE: a short timed quiz of a finished exam's wrong or flagged
 * questions; never a mock score. */
typedef enum StudyMode { MODE_DRILL, MODE_ARCADE, MODE_MOCK, MODE_DIAGNOSTIC, MODE_RETAKE, MODE_COUNT } StudyMode;

/* "drill", "arcade", "mock", "diagnostic", "retake": the strings stored in
 * the database. */
const char *study_mode_name(StudyMode mode);
/* Parses a mode name; returns false when unknown. */
bool study_mode_parse(const char *name, StudyMode *out);

/* The learning state of one item, kept in an array parallel to Bank.items. */
typedef struct ItemState {
    int box;          /* 0 = unseen, 1..leitner_boxes */
    int64_t due_at;   /* Unix seconds; 0 for unseen items */
    int seen;
    int right;
    int wrong;
    int64_t last_at;  /* Unix seconds of the last answer, 0 if never */
    double stability; /* memory model (memory.h): days until recall falls to 90%; 0 = unseen */
    double difficulty;/* memory model: 1..10; 0 = unseen */
} ItemState;

/* How sure the learner said they were, when asked (drills ask, as a
 * setting). Zero is "not asked", so an Answer built without it says so. */
typedef enum Confidence { CONFIDENCE_NOT_ASKED, CONFIDENCE_UNSURE, CONFIDENCE_SURE } Confidence;

/* An answer. `answer` is a bit mask over the item's options in the bank's
 * order (bit i = options[i] chosen); for a flashcard bit 0 means "knew it". */
typedef struct Answer {
    int item;          /* index into Bank.items */
    uint32_t answer;
    bool correct;
    int ms;            /* time spent on the item, milliseconds */
    int64_t at;        /* Unix seconds */
    Confidence confidence;
} Answer;

/* Returns the indices 0..n-1 of `answers` in time order (Answer.at; equal
 * times keep their given order), malloc'd for the caller to free, or NULL
 * when memory runs out. */
int *answers_by_time(const Answer *answers, int n);

/* One position of an exam form. `order[k]` is the bank option shown at
 * display position k (options are shuffled per form). */
typedef struct FormItem {
    int item;                         /* index into Bank.items */
    bool scored;                      /* false for the unscored (pretest) items */
    uint8_t order[BANK_MAX_OPTIONS];
    uint32_t answer;                  /* bank-order mask; 0 = unanswered */
    bool flagged;
    int ms;                           /* time spent on the item so far */
} FormItem;

typedef struct ExamForm {
    StudyMode mode;                   /* MODE_MOCK, MODE_DIAGNOSTIC or MODE_RETAKE */
    int count;
    FormItem *items;                  /* owned: free with exam_form_free() */
    int64_t started_at;               /* Unix seconds */
    int seconds_total;                /* 0 = untimed */
    int seconds_left;
    int position;                     /* item on screen, for resume */
    int64_t store_id;                 /* exams.id once stored, else 0 */
} ExamForm;

/* Frees the items of a form and zeroes it. */
void exam_form_free(ExamForm *form);

/* Formats a bank-order mask as letters ("AC"), "" when zero. */
void answer_to_letters(uint32_t mask, char *buf, int size);
/* Parses letters back into a mask; returns false on anything but A-H. */
bool answer_from_letters(const char *letters, uint32_t *out);

#endif
