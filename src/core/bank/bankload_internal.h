/* What the loader's layers share, and nothing else may use: the Bank's
 * private memory and id table (bankindex.c), the per-file reading context
 * and its diagnostics (bankctx.c), the YAML node tree (bankyaml.c), typed
 * access to it (bankschema.c), text as the screen shows it (bankchars.c)
 * and the two schemas (bankexam.c, bankitems.c). The public contract is
 * bankload.h; the layers are chained in bankfile.c. */
#ifndef CLOUDPREP_BANKLOAD_INTERNAL_H
#define CLOUDPREP_BANKLOAD_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "bankload.h"
#include "compat.h"

/* ------------------------------------------- the Bank's memory (bankindex.c) */

typedef struct IdSlot {
    const char *id;   /* NULL = empty slot */
    const char *file;
    int line;
    int item;         /* index in Bank.items, -1 while not (yet) loaded */
    uint64_t hash;
} IdSlot;

struct BankArena {
    Arena mem;         /* the Bank itself and everything it points at */
    IdSlot *ids;       /* open addressing, power-of-two capacity */
    size_t id_cap;
    size_t id_count;
    size_t item_cap;   /* capacity of Bank.items (malloc'd) */
};

/* Returns the slot of item id `id`, or NULL when no file defined it. */
IdSlot *bankindex_find(const BankArena *ba, const char *id);
/* Adds an id (copied into the arena) defined at file:line; returns its
 * slot, or NULL when out of memory. The caller has checked that the id is
 * not there yet. */
IdSlot *bankindex_insert(BankArena *ba, const char *id, const char *file, int line);

/* ------------------------------------------ one file's context (bankctx.c) */

typedef enum TextIssue { TEXT_INVISIBLE, TEXT_NO_GLYPH, TEXT_RTL, TEXT_ISSUES } TextIssue;

typedef struct Ctx {
    Bank *bank;
    Arena *scratch;    /* the tree and staged items; freed after the file */
    Diag *diag;
    const char *file;  /* name as given, for messages */
    const char *file_copy; /* in the bank arena, for items and the id table */
    int errors;
    bool capped;
    bool oom;
    int text_warned[TEXT_ISSUES]; /* strings warned per TextIssue, first listed, rest counted */
    int syntax_line;       /* line of the last YAML syntax error, 0 if none */
    int syntax_context_line; /* where the construct it broke began (0 if not said) */
    int quiet_before;      /* re-reading after a syntax error: lines before this were reported */
} Ctx;

/* Starts reading file `name` (NULL: "(input)") into b: fills c, skips a
 * UTF-8 byte order mark (moving *buf, shortening *len) and checks the raw
 * text (size, UTF-8, control characters, tabs). Returns false after
 * reporting when the text must not go to the YAML parser. */
bool bankctx_begin(Ctx *c, Bank *b, Arena *scratch, const char *name, Diag *out,
                   const char **buf, size_t *len);
/* Adds a diagnostic at line:col (0: none) of the file. Errors are counted;
 * past BANK_LIMIT_ERRORS_PER_FILE they are counted but not listed; lines
 * before c->quiet_before are not said again. */
void bankctx_report_v(Ctx *c, DiagLevel level, int line, int col, const char *fmt, va_list ap);
/* Reports "out of memory" once per file and marks the context. */
void bankctx_oom(Ctx *c);
/* Zeroed memory freed after the file, or NULL after bankctx_oom. */
void *bankctx_scratch(Ctx *c, size_t n);
/* Zeroed memory that stays with the Bank (wasted, not leaked, if the file
 * fails), or NULL after bankctx_oom. */
void *bankctx_keep(Ctx *c, size_t n);
/* A copy of s that stays with the Bank, or NULL after bankctx_oom. */
char *bankctx_keep_copy(Ctx *c, const char *s);
/* Sets the Bank's first_error from the first error reported since entry
 * diag_start, unless it is set already. */
void bankctx_note_first_error(Ctx *c, int diag_start);

/* bankctx_report_v with printf-style arguments: what every layer calls. */
COMPAT_PRINTF(5, 6)
static inline void report(Ctx *c, DiagLevel level, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bankctx_report_v(c, level, line, col, fmt, ap);
    va_end(ap);
}

/* ------------------------------------------------ the node tree (bankyaml.c) */

typedef enum NodeKind { NODE_SCALAR, NODE_LIST, NODE_MAP, NODE_BAD } NodeKind;

typedef struct Node {
    NodeKind kind;
    bool plain;           /* scalar written without quotes or block style */
    int line, col;        /* 1-based */
    const char *text;     /* scalar value, NUL-terminated: keys in scratch, values in the Bank */
    size_t len;
    struct Node *first, *last, *next; /* children; a map alternates key, value */
    int count;
} Node;

/* Checks the raw bytes: valid UTF-8, no NUL or control characters, no tab in
 * the indentation of any line. Returns false (after reporting) when the file
 * must not go to the YAML parser. */
bool bankyaml_prescan(Ctx *c, const char *buf, size_t len);
/* Parses buf into a tree. Returns true when the whole stream parsed; *root is
 * the first document's root (possibly partial after an error; NULL for an
 * empty stream). A syntax error sets c->syntax_line (and its context's). */
bool bankyaml_parse(Ctx *c, const char *buf, size_t len, Node **root);

/* ------------------------------------ typed access to nodes (bankschema.c) */

#define BANK_ID_CHARS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_"
#define BANKSCHEMA_MAX_KEYS 16

typedef struct KeySpec {
    const char *name;
    bool required;
} KeySpec;

/* The entries of a mapping, by their index in a KeySpec table (NULL: absent). */
typedef struct Fields {
    const Node *key[BANKSCHEMA_MAX_KEYS];
    const Node *value[BANKSCHEMA_MAX_KEYS];
} Fields;

/* True for a plain empty, ~ or null scalar. */
bool bankschema_is_null(const Node *n);
/* "a list", "a mapping" or "a single value", for messages. */
const char *bankschema_kind_name(const Node *n);
/* Copies at most 40 bytes of a scalar for messages (never splits UTF-8). */
void bankschema_excerpt(const Node *n, char *out, size_t size);
/* Returns true when n is of `kind`; otherwise reports "'key' must be WANT". */
bool bankschema_expect(Ctx *c, const Node *n, NodeKind kind, const char *key, const char *want);
/* Returns the text of a required non-empty string of at most `limit` bytes
 * (warning about text that will not show as written), or NULL after
 * reporting. */
const char *bankschema_string(Ctx *c, const Node *n, const char *key, size_t limit);
/* Reads a whole number in [min, max] into *out; false after reporting. */
bool bankschema_int(Ctx *c, const Node *n, const char *key, long min, long max, int *out);
/* Reads true or false into *out; false after reporting. */
bool bankschema_bool(Ctx *c, const Node *n, const char *key, bool *out);
/* Reads a decimal strictly between 0 and 1 into *out; false after reporting. */
bool bankschema_fraction(Ctx *c, const Node *n, const char *key, double *out);
/* Returns the id text of node n (any id: item, domain, task), or NULL after
 * reporting: non-empty, at most BANK_LIMIT_ID bytes, of BANK_ID_CHARS. */
const char *bankschema_id(Ctx *c, const Node *n, const char *key);
/* Matches the entries of mapping `map` to `spec`: duplicate keys are errors,
 * unknown keys warnings. Fills f (NULL for absent keys). Returns false when
 * `map` is not a mapping (reported as `what` must be a mapping). */
bool bankschema_fields(Ctx *c, const Node *map, const char *what, const KeySpec *spec, int n,
                       Fields *f);
/* Reports every required key that is missing, naming the mapping as `label`
 * ("question 'q-1'"). Returns true when none is missing. */
bool bankschema_require(Ctx *c, const Node *map, const char *label, const KeySpec *spec, int n,
                        const Fields *f);
/* Writes "a, b, c" (the n names name(i, data), separated by `sep`) into
 * out, cut short when out is full. */
void bankschema_join(char *out, size_t size, const char *sep, int n,
                     const char *(*name)(int i, const void *data), const void *data);

/* ---------------------------------- text as the screen shows it (bankchars.c) */

/* Decodes one UTF-8 sequence at s[0..n); returns its length and the code
 * point, or 0 when the bytes are not valid UTF-8 (overlong forms, surrogates
 * and values past U+10FFFF included). */
size_t bankchars_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* C0/C1 controls (but tab, newline, CR, NEL) and the non-characters FFFE/FFFF. */
bool bankchars_forbidden(uint32_t cp);
/* The name of a zero-width or direction-control character, or NULL. */
const char *bankchars_invisible_name(uint32_t cp);
/* Writes "'x' (U+2019)" or "U+200B (zero width space)" for messages. */
void bankchars_describe(const unsigned char *s, size_t n, uint32_t cp, char *out, size_t size);
/* Warns about text that will not look as written (see bankchars.c). */
void bankchars_check_display(Ctx *c, const Node *n, const char *key);
/* Whether two texts look the same on screen (spaces, case, invisibles). */
bool bankchars_look_same(const char *a, const char *b);

/* ------------------------------------------------ the schemas */

/* Reads exam.yaml's tree into b (code, scale, domains and tasks). Returns
 * true when the file had no errors. */
bool bankexam_parse(Ctx *c, const Node *root, Bank *b);

/* An item file's items before they join the Bank. */
typedef struct Staged {
    BankItem *items; /* scratch */
    bool *bad;       /* parallel to items: the item had an error and is not loaded */
    int count;
    int cap;
    int bad_count;   /* list entries with errors (also those never staged) */
    int item_errors; /* errors reported inside items, as opposed to the file's shape */
    char bad_ids[240]; /* "q-1, q-7, ..." for the note */
} Staged;

/* Reads an item file's tree into st: an item with errors is marked bad and
 * named, the others go on. */
void bankitems_parse(Ctx *c, const Node *root, Staged *st);
/* Counts one more bad item and adds its name to st->bad_ids while it fits. */
void bankitems_name_bad(Staged *st, const char *name);

#endif
