/* Loading a bank: parse exam.yaml and item files from memory (so the parser
 * can be fuzzed) or from a folder, validate every rule of banks/FORMAT.md and
 * report each problem as "FILE:LINE:COL: error: MESSAGE" in a Diag. The model
 * itself is bank.h; quality statistics live in bankcheck.h. */
#ifndef CLOUDPREP_BANKLOAD_H
#define CLOUDPREP_BANKLOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "bank.h"
#include "diag.h"

/* Limits, in bytes of UTF-8 after YAML has folded the text. */
#define BANK_LIMIT_FILE_BYTES (4u * 1024u * 1024u)
#define BANK_LIMIT_ID 64
#define BANK_LIMIT_PROMPT 2000
#define BANK_LIMIT_OPTION_TEXT 400
#define BANK_LIMIT_WHY 2000
#define BANK_LIMIT_EXPLANATION 2000
#define BANK_LIMIT_CARD_SIDE 1000
#define BANK_LIMIT_TAG 64
#define BANK_LIMIT_TAGS 32
#define BANK_LIMIT_REF_TITLE 120
#define BANK_LIMIT_REF_URL 400
#define BANK_LIMIT_NAME 200        /* exam code/title, domain name, task title */
#define BANK_LIMIT_DEPTH 32        /* YAML nesting */
#define BANK_LIMIT_ERRORS_PER_FILE 50
#define BANK_LIMIT_RESYNC 20       /* items skipped to read past syntax errors in one file */
#define BANK_LIMIT_DOMAINS 16      /* the scoring tables' size (SCORING_MAX_DOMAINS) */
#define BANK_LIMIT_TASKS 128       /* (SCORING_MAX_TASKS) */

/* The hosts a question's `refs:` may point at (https only, exact host). */
extern const char *const BANK_REF_HOSTS[];
extern const int BANK_REF_HOST_COUNT;

/* Returns true when `url` is a well-formed https address on one of
 * BANK_REF_HOSTS: "https://HOST" then nothing or a path, query or fragment
 * of printable ASCII without spaces, quotes or angle brackets. When it is
 * not, and `why`/`why_size` are given, writes the reason there. */
bool bank_ref_url_ok(const char *url, char *why, size_t why_size);

/* Returns a new empty Bank for folder name `dir` (only used in messages and
 * Bank.dir; may be NULL). The caller owns it and frees it with bank_free.
 * Returns NULL when out of memory. */
Bank *bank_new(const char *dir);

/* Parses exam.yaml from buf[0..len) into an empty Bank; `name` is the file
 * name used in diagnostics. Returns true when the file had no errors. On
 * errors the Bank keeps no domains, so item files cannot be added to it.
 * Warnings (unknown keys) do not make it fail. */
bool bank_parse_exam(Bank *b, const char *buf, size_t len, const char *name, Diag *out);

/* Parses one item file (questions and flashcards) into a Bank whose exam is
 * loaded. All-or-nothing per file: returns true and appends the file's items
 * when the file has no errors; otherwise reports every error, adds nothing,
 * counts the file in skipped_files/skipped_items, sets first_error if unset,
 * and returns false. Ids are checked against every file parsed before. */
bool bank_parse_items(Bank *b, const char *buf, size_t len, const char *name, Diag *out);

/* Loads the bank folder `dir`: exam.yaml first, then every other *.yaml file
 * in byte order of its name (hidden files are ignored; *.yml gets a warning).
 * Returns the Bank (owned by the caller, free with bank_free), or NULL when
 * the folder or exam.yaml is missing, unreadable or has errors; the reasons
 * are in `out` (which may be NULL). Item files with errors are skipped. */
Bank *bank_load_dir(const char *dir, Diag *out);

/* Frees a Bank made by bank_new or bank_load_dir and everything in it (one
 * arena; the Bank itself lives there too). NULL is fine. */
void bank_free(Bank *b);

#endif
