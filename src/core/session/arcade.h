/* Arcade content: an endless stream of items biased toward weak domains
 * (single-answer questions and flashcards), and the conversion of a
 * flashcard into a four-option question whose wrong options are backs of
 * other flashcards. Points, lives and combos are in rewards. */
#ifndef CLOUDPREP_ARCADE_H
#define CLOUDPREP_ARCADE_H

#include <stdbool.h>
#include <stdint.h>

#include "bank.h"
#include "rng.h"
#include "scoring.h"

#define ARCADE_FLASHCARD_OPTIONS 4

/* Item kinds as bits, as in leitner: (1u << ITEM_QUESTION) | (1u << ITEM_FLASHCARD). */
#define ARCADE_KIND_QUESTIONS (1u << ITEM_QUESTION)
#define ARCADE_KIND_FLASHCARDS (1u << ITEM_FLASHCARD)

/* One arcade question in display order. Strings point into the bank. */
typedef struct ArcadeQuestion {
    int item;                               /* bank item asked */
    bool from_flashcard;
    const char *prompt;                     /* question prompt or flashcard front */
    int option_count;
    const char *options[BANK_MAX_OPTIONS];  /* display order */
    const char *why[BANK_MAX_OPTIONS];      /* per option; NULL for flashcard options */
    int source[BANK_MAX_OPTIONS];           /* question: bank option index; flashcard:
                                               the flashcard whose back is shown */
    int right;                              /* display index of the right option */
} ArcadeQuestion;

/* Builds the question for a flashcard: its back plus the backs of three
 * other flashcards of the same domain, drawn at random (never the same text
 * as the right back or as each other, compared ignoring case and surrounding
 * spaces), in random order. Other domains are used only when the domain
 * cannot supply three distinct backs (fewer than 4 flashcards, or
 * duplicates). The same Rng state gives the same question. Returns false when
 * `item` is not a flashcard or the whole bank has fewer than three other
 * distinct backs; *out is then zeroed. */
bool arcade_flashcard_question(const Bank *bank, int item, Rng *rng, ArcadeQuestion *out);

/* Builds the question for a single-answer question (options shuffled) or a
 * flashcard (as above). Returns false for multiple-response questions and
 * unconvertible flashcards. */
bool arcade_question(const Bank *bank, int item, Rng *rng, ArcadeQuestion *out);

/* Returns the bank-order answer mask to store for choosing display option
 * `chosen` (for a flashcard, 1 = knew it when right, else 0), and writes
 * whether it was right to *correct when not NULL. */
uint32_t arcade_answer_mask(const ArcadeQuestion *q, int chosen, bool *correct);

/* The stream: per domain a shuffled deck of eligible items (dealt without
 * repeats until the deck runs out, then reshuffled so that the next item is
 * not the one just shown, unless it is the only one); each draw picks a
 * domain with probability proportional to
 * weight x (1 + weakness), weakness = 1 - accuracy (accuracy may be NULL:
 * 0.5), among domains with eligible items. */
typedef struct ArcadeStream {
    const Bank *bank;
    int domain_count;
    double pull[SCORING_MAX_DOMAINS];
    int *items;                          /* owned: eligible items grouped by domain */
    int start[SCORING_MAX_DOMAINS];
    int count[SCORING_MAX_DOMAINS];
    int next[SCORING_MAX_DOMAINS];       /* position in each domain's deck */
    int last_item;
    int served[SCORING_MAX_DOMAINS];     /* items dealt per domain */
    int total;                           /* eligible items */
} ArcadeStream;

/* Starts a stream over single-answer questions and convertible flashcards
 * of the chosen kinds (ARCADE_KIND_* bits; 0 = both). Returns false when the
 * bank does not fit, has no eligible item, or memory runs out (the stream
 * is then empty and safe to free). */
bool arcade_stream_start(ArcadeStream *s, const Bank *bank, const double *accuracy, unsigned kinds,
                         Rng *rng);

/* Returns the next item index, or -1 for an empty stream. */
int arcade_stream_next(ArcadeStream *s, Rng *rng);

/* Draws the next item and builds its question; false for an empty stream. */
bool arcade_stream_next_question(ArcadeStream *s, Rng *rng, ArcadeQuestion *out);

/* Frees the decks; the stream is zeroed. */
void arcade_stream_free(ArcadeStream *s);

#endif
