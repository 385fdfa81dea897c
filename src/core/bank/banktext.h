/* Words of bank text as the linter compares them: lowercase, punctuation
 * removed, typographic quotes, apostrophes, dashes and non-breaking spaces
 * treated like their ASCII punctuation (so "Amazon’s" and "Amazon's" read
 * the same), with a light stemmer and the small phrase tests the cue checks
 * use. Pure functions over UTF-8; the checks themselves are bankcheck.c's
 * and bankcues.c's. */
#ifndef CLOUDPREP_BANKTEXT_H
#define CLOUDPREP_BANKTEXT_H

#include <stdbool.h>
#include <stddef.h>

#define BANKTEXT_WORD_MAX 48 /* longer words are cut (still compared by their first bytes) */

/* Finds the next word of `s` at or after *pos: a run of ASCII letters and
 * digits and of non-ASCII characters other than typographic punctuation.
 * Writes it lowercased (ASCII) and NUL-terminated into word[BANKTEXT_WORD_MAX],
 * advances *pos past it and returns its length in bytes; returns 0 at the
 * end of the text. */
size_t banktext_next_word(const char *s, size_t *pos, char word[BANKTEXT_WORD_MAX]);

/* Reduces a lowercased word to a crude stem in place, so that "servers",
 * "managing" and "managed" meet "server" and "manag": drops a final "'s",
 * "ies" becomes "y", then one of "ing", "ed", "es", "s" (not "ss") when at
 * least 3 bytes remain. Returns the new length. */
size_t banktext_stem(char *word);

/* True when `text` contains `phrase` (lowercase ASCII, may hold spaces and
 * punctuation) as a case-insensitive match that starts and ends at word
 * boundaries. Typographic quotes in `text` are not special here. */
bool banktext_has_phrase(const char *text, const char *phrase);

/* When `text` names an answer option by its letter ("option A", "options
 * B and C", "answer C", "choice D", "(B)"), copies what it found into
 * found[size] and returns true. Letters A-H, upper case, as a whole word. */
bool banktext_names_option_letter(const char *text, char *found, size_t size);

/* The count a prompt asks for in parentheses ("(Choose TWO.)", "(select
 * 3)"): the last "(choose" or "(select" followed by a number word or digit
 * 1-8; 0 when the prompt says no such thing. */
int banktext_choose_count(const char *prompt);

#endif
