/* The bank loader: libyaml events become a small node tree per file, the tree
 * is checked against the bank schema (banks/FORMAT.md) and, when the file has
 * no errors, copied into the Bank's arena. It never trusts its input: every
 * size is bounded and every problem becomes a diagnostic, never a crash.
 * Quality statistics (answer positions, duplicates) are bankcheck.c's job. */
#include "compat.h"
#include "bankload.h"
#include "fsutil.h"
#include "strbuf.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

/* ---------------------------------------------------------------- arena */

#define ARENA_CHUNK_BYTES (64u * 1024u)

typedef struct ArenaChunk {
    struct ArenaChunk *next;
    size_t size;
    size_t used;
    max_align_t data[];
} ArenaChunk;

typedef struct Arena {
    ArenaChunk *head;
} Arena;

/* Returns n bytes (not zeroed) that live until arena_release, or NULL. */
static void *arena_alloc(Arena *a, size_t n)
{
    const size_t align = _Alignof(max_align_t);
    if (n > SIZE_MAX / 2)
        return NULL;
    n = n ? (n + align - 1) & ~(align - 1) : align;
    ArenaChunk *c = a->head;
    if (c && c->size - c->used >= n) {
        void *p = (char *)c->data + c->used;
        c->used += n;
        return p;
    }
    size_t size = n > ARENA_CHUNK_BYTES ? n : ARENA_CHUNK_BYTES;
    ArenaChunk *fresh = malloc(sizeof *fresh + size);
    if (!fresh)
        return NULL;
    fresh->size = size;
    fresh->used = n;
    if (c && n >= ARENA_CHUNK_BYTES) {
        /* a big block gets its own chunk behind the current one, which
         * keeps serving small requests */
        fresh->next = c->next;
        c->next = fresh;
    } else {
        fresh->next = c;
        a->head = fresh;
    }
    return fresh->data;
}

static void *arena_zalloc(Arena *a, size_t n)
{
    void *p = arena_alloc(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

static char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

static void arena_release(Arena *a)
{
    ArenaChunk *c = a->head;
    while (c) {
        ArenaChunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}

/* ------------------------------------------------------- the Bank's arena */

typedef struct IdSlot {
    const char *id;   /* NULL = empty slot */
    const char *file;
    int line;
    int item;         /* index in Bank.items, -1 while not (yet) loaded */
    uint64_t hash;
} IdSlot;

struct BankArena {
    Arena mem;
    IdSlot *ids;       /* open addressing, power-of-two capacity */
    size_t id_cap;
    size_t id_count;
    size_t item_cap;   /* capacity of Bank.items (malloc'd) */
};

static uint64_t hash_string(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

static IdSlot *id_find(const BankArena *ba, const char *id, uint64_t h)
{
    if (!ba->id_cap)
        return NULL;
    size_t mask = ba->id_cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        IdSlot *s = &ba->ids[i];
        if (!s->id)
            return NULL;
        if (s->hash == h && strcmp(s->id, id) == 0)
            return s;
    }
}

static bool id_grow(BankArena *ba)
{
    size_t cap = ba->id_cap ? ba->id_cap * 2 : 256;
    IdSlot *fresh = calloc(cap, sizeof *fresh);
    if (!fresh)
        return false;
    for (size_t i = 0; i < ba->id_cap; i++) {
        IdSlot *s = &ba->ids[i];
        if (!s->id)
            continue;
        size_t j = s->hash & (cap - 1);
        while (fresh[j].id)
            j = (j + 1) & (cap - 1);
        fresh[j] = *s;
    }
    free(ba->ids);
    ba->ids = fresh;
    ba->id_cap = cap;
    return true;
}

/* Adds an id; returns the new slot, or NULL when out of memory. The caller
 * has checked that the id is not there yet. */
static IdSlot *id_insert(BankArena *ba, const char *id, const char *file, int line)
{
    if ((ba->id_count + 1) * 2 > ba->id_cap && !id_grow(ba))
        return NULL;
    uint64_t h = hash_string(id);
    char *copy = arena_strdup(&ba->mem, id);
    if (!copy)
        return NULL;
    size_t j = h & (ba->id_cap - 1);
    while (ba->ids[j].id)
        j = (j + 1) & (ba->id_cap - 1);
    ba->ids[j] = (IdSlot){copy, file, line, -1, h};
    ba->id_count++;
    return &ba->ids[j];
}

Bank *bank_new(const char *dir)
{
    BankArena *ba = calloc(1, sizeof *ba);
    if (!ba)
        return NULL;
    Bank *b = arena_zalloc(&ba->mem, sizeof *b);
    if (!b) {
        free(ba);
        return NULL;
    }
    b->arena = ba;
    b->dir = dir ? arena_strdup(&ba->mem, dir) : NULL;
    if (dir && !b->dir) {
        arena_release(&ba->mem);
        free(ba);
        return NULL;
    }
    return b;
}

void bank_free(Bank *b)
{
    if (!b || !b->arena) /* a Bank built by hand is not ours to free */
        return;
    BankArena *ba = b->arena;
    free(b->items);
    free(ba->ids);
    arena_release(&ba->mem); /* b itself lives here */
    free(ba);
}

int bank_item_index(const Bank *b, const char *id)
{
    if (!b || !id)
        return -1;
    if (!b->arena) { /* a Bank built by hand (tests): no id table */
        for (int i = 0; i < b->item_count; i++)
            if (b->items[i].id && strcmp(b->items[i].id, id) == 0)
                return i;
        return -1;
    }
    const IdSlot *s = id_find(b->arena, id, hash_string(id));
    return s ? s->item : -1;
}

int bank_domain_index(const Bank *b, const char *id)
{
    for (int i = 0; b && id && i < b->domain_count; i++)
        if (strcmp(b->domains[i].id, id) == 0)
            return i;
    return -1;
}

int bank_task_index(const Bank *b, const char *id)
{
    for (int i = 0; b && id && i < b->task_count; i++)
        if (strcmp(b->tasks[i].id, id) == 0)
            return i;
    return -1;
}

/* ------------------------------------------------------ per-file context */

typedef struct Ctx {
    Bank *bank;
    Arena *scratch;    /* the tree and staged items; freed after the file */
    Diag *diag;
    const char *file;  /* name as given, for messages */
    const char *file_copy; /* in the bank arena, for items and the id table */
    int errors;
    bool capped;
    bool oom;
    int text_warned[3];    /* strings warned per TextIssue, first listed, rest counted */
    int syntax_line;       /* line of the last YAML syntax error, 0 if none */
    int syntax_context_line; /* where the construct it broke began (0 if not said) */
    int quiet_before;      /* re-reading after a syntax error: lines before this were reported */
} Ctx;

static void report_v(Ctx *c, DiagLevel level, int line, int col, const char *fmt, va_list ap)
{
    if (line > 0 && line < c->quiet_before)
        return; /* said in an earlier reading of this file */
    if (level == DIAG_ERROR) {
        c->errors++;
        if (c->errors > BANK_LIMIT_ERRORS_PER_FILE) {
            if (!c->capped)
                diag_add(c->diag, DIAG_NOTE, c->file, 0, 0,
                         "more than %d errors; the rest of this file is not reported",
                         BANK_LIMIT_ERRORS_PER_FILE);
            c->capped = true;
            c->diag->errors++; /* counted, not listed */
            return;
        }
    } else if (c->capped) {
        return;
    }
    char msg[900];
    vsnprintf(msg, sizeof msg, fmt, ap);
    diag_add(c->diag, level, c->file, line, col, "%s", msg);
}

COMPAT_PRINTF(5, 6)
static void report(Ctx *c, DiagLevel level, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_v(c, level, line, col, fmt, ap);
    va_end(ap);
}

static void report_oom(Ctx *c)
{
    if (!c->oom)
        report(c, DIAG_ERROR, 0, 0, "out of memory while loading this file");
    c->oom = true;
}

static void *scratch_zalloc(Ctx *c, size_t n)
{
    void *p = arena_zalloc(c->scratch, n);
    if (!p)
        report_oom(c);
    return p;
}

/* Memory that stays with the Bank (wasted, not leaked, if the file fails). */
static void *bank_zalloc(Ctx *c, size_t n)
{
    void *p = arena_zalloc(&c->bank->arena->mem, n);
    if (!p)
        report_oom(c);
    return p;
}

/* ------------------------------------------------ text checks before YAML */

/* Decodes one UTF-8 sequence at s[0..n); returns its length and the code
 * point, or 0 when the bytes are not valid UTF-8 (overlong forms, surrogates
 * and values past U+10FFFF included). */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char b = s[0];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if (b >= 0xC2 && b <= 0xDF) {
        len = 2; v = b & 0x1Fu; min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
        len = 3; v = b & 0x0Fu; min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {
        len = 4; v = b & 0x07u; min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

static bool is_forbidden_char(uint32_t cp)
{
    if (cp < 0x20)
        return cp != '\t' && cp != '\n' && cp != '\r';
    if (cp >= 0x7F && cp <= 0x9F)
        return cp != 0x85;
    return cp == 0xFFFE || cp == 0xFFFF;
}

/* Zero-width and direction-control characters: invisible on screen, yet
 * they make two strings differ (or an option render blank). */
static const char *invisible_char_name(uint32_t cp)
{
    switch (cp) {
    case 0x00AD: return "soft hyphen";
    case 0x180E: return "Mongolian vowel separator";
    case 0x200B: return "zero width space";
    case 0x200C: return "zero width non-joiner";
    case 0x200D: return "zero width joiner";
    case 0x200E: return "left-to-right mark";
    case 0x200F: return "right-to-left mark";
    case 0x202A: return "left-to-right embedding";
    case 0x202B: return "right-to-left embedding";
    case 0x202C: return "pop directional formatting";
    case 0x202D: return "left-to-right override";
    case 0x202E: return "right-to-left override";
    case 0x2060: return "word joiner";
    case 0x2061: case 0x2062: case 0x2063: case 0x2064: return "invisible operator";
    case 0x2066: return "left-to-right isolate";
    case 0x2067: return "right-to-left isolate";
    case 0x2068: return "first strong isolate";
    case 0x2069: return "pop directional isolate";
    case 0xFEFF: return "zero width no-break space";
    default: return NULL;
    }
}

/* Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, ...): the
 * program lays text out left to right, so they would come out reversed. */
static bool is_rtl_char(uint32_t cp)
{
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF) ||
           (cp >= 0x10800 && cp <= 0x10FFF) || (cp >= 0x1E800 && cp <= 0x1EFFF);
}

/* Blocks the bundled DejaVu Sans has no glyphs for (they show as boxes):
 * the CJK scripts, Hangul, most of the Indic and South-East Asian scripts,
 * emoji and pictographs, and everything beyond the first plane. */
static bool font_lacks_char(uint32_t cp)
{
    return (cp >= 0x0900 && cp <= 0x0DFF) || (cp >= 0x0F00 && cp <= 0x109F) || (cp >= 0x1100 && cp <= 0x11FF) ||
           (cp >= 0x1780 && cp <= 0x18AF) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xA960 && cp <= 0xA97F) ||
           (cp >= 0xAC00 && cp <= 0xD7FF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
           cp >= 0x10000;
}

/* Writes "'x' (U+2019)" or "U+200B (zero width space)" for messages. */
static void describe_char(const unsigned char *s, size_t n, uint32_t cp, char *out, size_t size)
{
    const char *name = invisible_char_name(cp);
    if (name)
        snprintf(out, size, "U+%04X (%s)", (unsigned)cp, name);
    else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        snprintf(out, size, "U+%04X (a control character)", (unsigned)cp);
    else
        snprintf(out, size, "'%.*s' (U+%04X)", (int)n, (const char *)s, (unsigned)cp);
}

/* Checks the raw bytes: valid UTF-8, no NUL or control characters, no tab in
 * the indentation of any line. Returns false (after reporting) when the file
 * must not go to the YAML parser. */
static bool prescan(Ctx *c, const char *buf, size_t len)
{
    const unsigned char *s = (const unsigned char *)buf;
    int line = 1, col = 1;
    bool indent = true;
    bool ok = true;
    size_t i = 0;
    while (i < len) {
        if (!indent && i + 8 <= len) {
            /* skip 8 bytes at a time while all are printable ASCII or space */
            uint64_t x;
            memcpy(&x, s + i, 8);
            const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
            uint64_t below_space = (x - ones * 0x20) & ~x & highs;
            uint64_t del_or_high = (x | (x + ones)) & highs;
            if (!(below_space | del_or_high)) {
                i += 8;
                col += 8;
                continue;
            }
        }
        unsigned char ch = s[i];
        if (ch > 0x20 && ch < 0x7F) { /* the common case: printable ASCII */
            indent = false;
            i++;
            col++;
            continue;
        }
        if (ch == '\n' || ch == '\r') {
            i += (ch == '\r' && i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
            line++;
            col = 1;
            indent = true;
            continue;
        }
        if (ch == 0) {
            report(c, DIAG_ERROR, line, col,
                   "NUL byte in the file; bank files are UTF-8 text");
            return false;
        }
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            report(c, DIAG_ERROR, line, col,
                   "invalid UTF-8 (byte 0x%02X); save the file as UTF-8", ch);
            return false;
        }
        if (is_forbidden_char(cp)) {
            report(c, DIAG_ERROR, line, col,
                   "control character U+%04X is not allowed", (unsigned)cp);
            return false;
        }
        if (ch == '\t' && indent) {
            report(c, DIAG_ERROR, line, col, "tab in indentation; indent with spaces");
            ok = false;
        }
        if (ch != ' ')
            indent = false;
        i += n;
        col++;
    }
    return ok;
}

/* ------------------------------------------------------- the node tree */

typedef enum NodeKind { NODE_SCALAR, NODE_LIST, NODE_MAP, NODE_BAD } NodeKind;

typedef struct Node {
    NodeKind kind;
    bool plain;           /* scalar written without quotes or block style */
    int line, col;        /* 1-based */
    const char *text;     /* scalar value, NUL-terminated (scratch arena) */
    size_t len;
    struct Node *first, *last, *next; /* children; a map alternates key, value */
    int count;
} Node;

static Node *node_new(Ctx *c, NodeKind kind, yaml_mark_t mark)
{
    Node *n = scratch_zalloc(c, sizeof *n);
    if (!n)
        return NULL;
    n->kind = kind;
    n->line = mark.line < INT_MAX ? (int)mark.line + 1 : INT_MAX;
    n->col = mark.column < INT_MAX ? (int)mark.column + 1 : INT_MAX;
    return n;
}

static void node_append(Node *parent, Node *child)
{
    if (parent->last)
        parent->last->next = child;
    else
        parent->first = child;
    parent->last = child;
    parent->count++;
}

/* Line and column (1-based) of byte offset `off`, for reader errors. */
static void offset_position(const char *buf, size_t len, size_t off, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off && i < len; i++) {
        if (buf[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

/* How to fix libyaml's most common complaints, in the bank author's terms. */
static const struct {
    const char *problem, *context, *hint;
} YAML_HINTS[] = {
    {"mapping values are not allowed", NULL,
     "a plain value containing ': ' must be quoted (\"...\") or written as a block (>-)"},
    {"found character that cannot start any token", NULL,
     "a value starting with ` or @ must be quoted, and indentation must use spaces"},
    {"did not find expected key", NULL,
     "check the indentation: this line must line up with the keys above it, and a value "
     "starting with a quote must end with it"},
    {"did not find expected '-' indicator", NULL,
     "check the indentation: list entries ('- ') must line up with the ones above"},
    {"found unexpected end of stream", "quoted scalar", "a quoted string is not closed; add the closing quote"},
    {"could not find expected ':'", NULL,
     "a key needs ': ' after it; text running over several lines must be quoted or written as a block (>-)"},
    {"found undefined tag handle", NULL, "a value starting with '!' must be quoted"},
    {"did not find expected node content", "flow", "a value starting with [ or { is read as a list or mapping; quote it"},
    {"did not find expected ',' or ']'", NULL, "a value starting with [ is read as a list; quote it"},
    {"did not find expected ',' or '}'", NULL, "a value starting with { is read as a mapping; quote it"},
    {"block sequence entries are not allowed", NULL,
     "a list entry ('- ') must start on its own line, indented under its key"},
    {"found unknown escape character", NULL,
     "in double quotes a backslash starts an escape; write \\\\ or use single quotes"},
};

static const char *yaml_hint(const char *problem, const char *context)
{
    for (size_t i = 0; i < sizeof YAML_HINTS / sizeof YAML_HINTS[0]; i++) {
        if (!strstr(problem, YAML_HINTS[i].problem))
            continue;
        if (YAML_HINTS[i].context && (!context || !strstr(context, YAML_HINTS[i].context)))
            continue;
        return YAML_HINTS[i].hint;
    }
    return NULL;
}

static void report_yaml_error(Ctx *c, const yaml_parser_t *p, const char *buf, size_t len)
{
    if (p->error == YAML_MEMORY_ERROR) {
        report_oom(c);
        return;
    }
    const char *problem = p->problem ? p->problem : "unknown problem";
    int line, col;
    if (p->error == YAML_READER_ERROR) {
        offset_position(buf, len, p->problem_offset, &line, &col);
        report(c, DIAG_ERROR, line, col, "invalid YAML: %s", problem);
        return;
    }
    line = (int)p->problem_mark.line + 1;
    col = (int)p->problem_mark.column + 1;
    c->syntax_line = line;
    c->syntax_context_line = p->context ? (int)p->context_mark.line + 1 : 0;
    const char *hint = yaml_hint(problem, p->context);
    if (p->context)
        report(c, DIAG_ERROR, line, col, "invalid YAML: %s %s at line %d, column %d%s%s",
               problem, p->context, (int)p->context_mark.line + 1,
               (int)p->context_mark.column + 1, hint ? "; " : "", hint ? hint : "");
    else
        report(c, DIAG_ERROR, line, col, "invalid YAML: %s%s%s", problem, hint ? "; " : "", hint ? hint : "");
}

/* Checks a scalar's value (escapes can produce what the raw text cannot). */
static void check_scalar_chars(Ctx *c, const Node *n)
{
    const unsigned char *s = (const unsigned char *)n->text;
    for (size_t i = 0; i < n->len; i++) {
        if (s[i] < 0x20 && s[i] != '\n' && s[i] != '\t') {
            report(c, DIAG_ERROR, n->line, n->col,
                   "string contains control character U+%04X", (unsigned)s[i]);
            return;
        }
    }
}

/* Parses buf into a tree. Returns true when the whole stream parsed; *root is
 * the first document's root (possibly partial after an error; NULL for an
 * empty stream). */
static bool parse_tree(Ctx *c, const char *buf, size_t len, Node **root)
{
    yaml_parser_t p;
    *root = NULL;
    if (!yaml_parser_initialize(&p)) {
        report_oom(c);
        return false;
    }
    yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
    Node *stack[BANK_LIMIT_DEPTH];
    int depth = 0;
    int documents = 0;
    bool ok = true, done = false;
    while (!done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            report_yaml_error(c, &p, buf, len);
            ok = false;
            break;
        }
        Node *n = NULL;
        switch (ev.type) {
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (++documents > 1) {
                report(c, DIAG_ERROR, (int)ev.start_mark.line + 1,
                       (int)ev.start_mark.column + 1,
                       "a bank file holds one YAML document; remove the second '---'");
                ok = false;
                done = true;
            }
            break;
        case YAML_SCALAR_EVENT:
            n = node_new(c, NODE_SCALAR, ev.start_mark);
            if (n) {
                /* keys are only needed while checking; values go straight to
                 * the Bank's arena, so loading a file copies its text once */
                bool key = depth > 0 && stack[depth - 1]->kind == NODE_MAP &&
                           stack[depth - 1]->count % 2 == 0;
                Arena *into = key ? c->scratch : &c->bank->arena->mem;
                n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
                n->len = ev.data.scalar.length;
                n->text = arena_strndup(into, (const char *)ev.data.scalar.value, n->len);
                if (!n->text) {
                    report_oom(c);
                    n = NULL;
                } else if (ev.data.scalar.style != YAML_DOUBLE_QUOTED_SCALAR_STYLE) {
                    /* other styles hold raw text, which prescan checked */
                } else if (memchr(n->text, '\0', n->len)) {
                    report(c, DIAG_ERROR, n->line, n->col, "string contains a NUL character");
                    n->kind = NODE_BAD;
                } else {
                    check_scalar_chars(c, n);
                }
            }
            break;
        case YAML_ALIAS_EVENT:
            report(c, DIAG_ERROR, (int)ev.start_mark.line + 1, (int)ev.start_mark.column + 1,
                   "aliases (*%s) are not supported in bank files; write the value out",
                   (const char *)ev.data.alias.anchor);
            n = node_new(c, NODE_BAD, ev.start_mark);
            break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            n = node_new(c, ev.type == YAML_SEQUENCE_START_EVENT ? NODE_LIST : NODE_MAP,
                         ev.start_mark);
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            if (depth > 0)
                depth--;
            break;
        default:
            break;
        }
        bool container = ev.type == YAML_SEQUENCE_START_EVENT ||
                         ev.type == YAML_MAPPING_START_EVENT;
        if (n) {
            if (depth > 0)
                node_append(stack[depth - 1], n);
            else if (!*root)
                *root = n;
            if (container) {
                if (depth == BANK_LIMIT_DEPTH) {
                    report(c, DIAG_ERROR, n->line, n->col,
                           "nesting is deeper than %d levels", BANK_LIMIT_DEPTH);
                    ok = false;
                    done = true;
                } else {
                    stack[depth++] = n;
                }
            }
        } else if (c->oom) {
            ok = false;
            done = true;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&p);
    return ok && !c->oom;
}

/* ---------------------------------------------------------- typed access */

static bool is_null_scalar(const Node *n)
{
    if (!n || n->kind != NODE_SCALAR || !n->plain)
        return false;
    const char *t = n->text;
    return !*t || !strcmp(t, "~") || !strcmp(t, "null") || !strcmp(t, "Null") ||
           !strcmp(t, "NULL");
}

static const char *kind_name(const Node *n)
{
    switch (n->kind) {
    case NODE_LIST: return "a list";
    case NODE_MAP: return "a mapping";
    default: return "a single value";
    }
}

/* Copies at most 40 bytes of a scalar for messages (never splits UTF-8). */
static void excerpt(const Node *n, char *out, size_t size)
{
    size_t len = n->len;
    size_t max = size - 4 < 40 ? size - 4 : 40;
    if (len > max) {
        len = max;
        while (len > 0 && ((unsigned char)n->text[len] & 0xC0) == 0x80)
            len--;
        snprintf(out, size, "%.*s...", (int)len, n->text);
    } else {
        snprintf(out, size, "%.*s", (int)len, n->text);
    }
    for (char *p = out; *p; p++)
        if (*p == '\n' || *p == '\t')
            *p = ' ';
}

static bool expect_scalar(Ctx *c, const Node *n, const char *key, const char *want)
{
    if (n->kind == NODE_SCALAR)
        return true;
    if (n->kind != NODE_BAD)
        report(c, DIAG_ERROR, n->line, n->col, "'%s' must be %s, not %s", key, want,
               kind_name(n));
    return false;
}

static bool only_space(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\n' && *s != '\t')
            return false;
    return true;
}

typedef enum TextIssue { TEXT_INVISIBLE, TEXT_NO_GLYPH, TEXT_RTL } TextIssue;

/* Warns about text that will not look as written: invisible characters
 * (and text made only of them, which renders blank), characters the
 * bundled font cannot draw, right-to-left scripts. The first string of
 * each kind in a file is named with its character; the rest are counted
 * in a note at the end of the file (bank_parse_items). */
static void check_text_display(Ctx *c, const Node *n, const char *key)
{
    const unsigned char *s = (const unsigned char *)n->text;
    bool seen[3] = {false, false, false}, visible = false;
    for (size_t i = 0; i < n->len;) {
        uint32_t cp = 0;
        size_t w = utf8_decode(s + i, n->len - i, &cp);
        if (w == 0)
            return; /* prescan reported it */
        TextIssue kind = TEXT_INVISIBLE;
        bool issue = true;
        if (invisible_char_name(cp))
            kind = TEXT_INVISIBLE;
        else if (is_rtl_char(cp))
            kind = TEXT_RTL;
        else if (font_lacks_char(cp))
            kind = TEXT_NO_GLYPH;
        else
            issue = false;
        if (kind != TEXT_INVISIBLE || !issue)
            visible = visible || (cp != ' ' && cp != '\n' && cp != '\t');
        if (issue && !seen[kind]) {
            seen[kind] = true;
            if (c->text_warned[kind]++ == 0) {
                char what[96];
                describe_char(s + i, w, cp, what, sizeof what);
                static const char *const WHY[3] = {
                    "an invisible character; remove it",
                    "which the bundled font cannot draw (it shows as a box)",
                    "from a right-to-left script, which cloudprep shows left to right (reversed)"};
                report(c, DIAG_WARNING, n->line, n->col, "'%s' contains %s, %s", key, what, WHY[kind]);
            }
        }
        i += w;
    }
    if (!visible)
        report(c, DIAG_WARNING, n->line, n->col, "'%s' is made only of invisible characters and shows blank",
               key);
}

/* Returns the text of a required non-empty string of at most `limit` bytes,
 * or NULL after reporting. */
static const char *get_string(Ctx *c, const Node *n, const char *key, size_t limit)
{
    if (!expect_scalar(c, n, key, "a string"))
        return NULL;
    if (is_null_scalar(n) || only_space(n->text)) {
        report(c, DIAG_ERROR, n->line, n->col, "'%s' is empty", key);
        return NULL;
    }
    if (n->len > limit) {
        report(c, DIAG_ERROR, n->line, n->col, "'%s' is %zu bytes; the limit is %zu", key,
               n->len, limit);
        return NULL;
    }
    check_text_display(c, n, key);
    return n->text;
}

static bool get_int(Ctx *c, const Node *n, const char *key, long min, long max, int *out)
{
    if (!expect_scalar(c, n, key, "a whole number"))
        return false;
    char shown[48];
    excerpt(n, shown, sizeof shown);
    if (!n->plain) {
        report(c, DIAG_ERROR, n->line, n->col,
               "'%s' must be a whole number; remove the quotes around '%s'", key, shown);
        return false;
    }
    const char *s = n->text;
    bool neg = *s == '-';
    if (*s == '-' || *s == '+')
        s++;
    long v = 0;
    bool digits = *s != '\0';
    for (; *s; s++) {
        if (*s < '0' || *s > '9') {
            digits = false;
            break;
        }
        if (v < 1000000000L)
            v = v * 10 + (*s - '0');
    }
    if (!digits) {
        report(c, DIAG_ERROR, n->line, n->col, "'%s' must be a whole number, found '%s'",
               key, shown);
        return false;
    }
    if (neg)
        v = -v;
    if (v < min || v > max) {
        report(c, DIAG_ERROR, n->line, n->col, "'%s' must be between %ld and %ld, found %s",
               key, min, max, shown);
        return false;
    }
    *out = (int)v;
    return true;
}

static bool get_bool(Ctx *c, const Node *n, const char *key, bool *out)
{
    if (!expect_scalar(c, n, key, "true or false"))
        return false;
    const char *t = n->text;
    if (n->plain && (!strcmp(t, "true") || !strcmp(t, "True") || !strcmp(t, "TRUE"))) {
        *out = true;
        return true;
    }
    if (n->plain && (!strcmp(t, "false") || !strcmp(t, "False") || !strcmp(t, "FALSE"))) {
        *out = false;
        return true;
    }
    char shown[48];
    excerpt(n, shown, sizeof shown);
    report(c, DIAG_ERROR, n->line, n->col, "'%s' must be true or false, found '%s'", key,
           shown);
    return false;
}

static bool get_fraction(Ctx *c, const Node *n, const char *key, double *out)
{
    if (!expect_scalar(c, n, key, "a number"))
        return false;
    char shown[48];
    excerpt(n, shown, sizeof shown);
    const char *s = n->text;
    size_t i = 0;
    /* digits as an exact integer over a power of ten, divided once: the
     * double nearest the decimal, so that 35/50 and "0.70" are the same
     * number and the pass mark is reached exactly at the pass fraction */
    int64_t num = 0, den = 1;
    int digits = 0;
    while (s[i] >= '0' && s[i] <= '9' && i < 20) {
        if (digits < 17) {
            num = num * 10 + (s[i] - '0');
            digits += num > 0;
        }
        i++;
    }
    bool any = i > 0;
    if (s[i] == '.') {
        i++;
        while (s[i] >= '0' && s[i] <= '9' && i < 40) {
            if (digits < 17 && den < 1000000000000000000LL / 10) {
                num = num * 10 + (s[i] - '0');
                den *= 10;
                digits += num > 0;
            }
            i++;
            any = true;
        }
    }
    double v = (double)num / (double)den;
    if (!n->plain || !any || s[i] != '\0' || !(v > 0.0 && v < 1.0)) {
        report(c, DIAG_ERROR, n->line, n->col,
               "'%s' must be a number between 0 and 1 (like 0.70), found '%s'", key, shown);
        return false;
    }
    *out = v;
    return true;
}

static bool expect_kind(Ctx *c, const Node *n, NodeKind kind, const char *key, const char *want)
{
    if (n->kind == kind)
        return true;
    if (n->kind != NODE_BAD)
        report(c, DIAG_ERROR, n->line, n->col, "'%s' must be %s, not %s", key, want,
               n->kind == NODE_SCALAR ? "a single value" : kind_name(n));
    return false;
}

/* ------------------------------------------------- mappings and key specs */

#define MAX_KEYS 16

typedef struct KeySpec {
    const char *name;
    bool required;
} KeySpec;

typedef struct Fields {
    const Node *key[MAX_KEYS];
    const Node *value[MAX_KEYS];
} Fields;

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return SIZE_MAX;
    size_t row[41];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = diag + cost;
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

static void report_unknown_key(Ctx *c, const Node *key, const char *where,
                               const KeySpec *spec, int n)
{
    char shown[48];
    excerpt(key, shown, sizeof shown);
    const char *best = NULL;
    size_t best_d = SIZE_MAX;
    for (int i = 0; i < n; i++) {
        size_t d = edit_distance(key->text, spec[i].name);
        if (d < best_d) {
            best_d = d;
            best = spec[i].name;
        }
    }
    if (best && best_d <= 2 && best_d < key->len) {
        report(c, DIAG_WARNING, key->line, key->col, "unknown key '%s'; did you mean '%s'?",
               shown, best);
        return;
    }
    char list[400];
    size_t used = 0;
    list[0] = '\0';
    for (int i = 0; i < n && used < sizeof list; i++) {
        int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", spec[i].name);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    report(c, DIAG_WARNING, key->line, key->col, "unknown key '%s' in %s; known keys: %s",
           shown, where, list);
}

/* Matches the entries of mapping `map` to `spec`: duplicate keys are errors,
 * unknown keys warnings. Fills f (NULL for absent keys). Returns false when
 * `map` is not a mapping (reported as `what` must be a mapping). */
static bool read_fields(Ctx *c, const Node *map, const char *what, const KeySpec *spec,
                        int n, Fields *f)
{
    memset(f, 0, sizeof *f);
    if (map->kind != NODE_MAP) {
        if (map->kind != NODE_BAD)
            report(c, DIAG_ERROR, map->line, map->col, "%s must be a mapping (key: value), not %s",
                   what, kind_name(map));
        return false;
    }
    for (const Node *k = map->first; k; k = k->next ? k->next->next : NULL) {
        const Node *v = k->next;
        if (!v)
            break; /* partial tree after a syntax error */
        if (k->kind != NODE_SCALAR) {
            if (k->kind != NODE_BAD)
                report(c, DIAG_ERROR, k->line, k->col, "a key in %s must be a plain name, not %s",
                       what, kind_name(k));
            continue;
        }
        int found = -1;
        for (int i = 0; i < n; i++)
            if (strcmp(k->text, spec[i].name) == 0)
                found = i;
        if (found < 0) {
            report_unknown_key(c, k, what, spec, n);
            continue;
        }
        if (f->key[found]) {
            report(c, DIAG_ERROR, k->line, k->col, "duplicate key '%s' (first at line %d)",
                   spec[found].name, f->key[found]->line);
            continue;
        }
        f->key[found] = k;
        f->value[found] = v;
    }
    return true;
}

/* Reports every required key that is missing, naming the mapping as `label`
 * ("question 'q-1'"). Returns true when none is missing. */
static bool require_fields(Ctx *c, const Node *map, const char *label, const KeySpec *spec,
                           int n, const Fields *f)
{
    bool ok = true;
    for (int i = 0; i < n; i++) {
        if (spec[i].required && !f->value[i]) {
            report(c, DIAG_ERROR, map->line, map->col, "%s has no '%s'", label, spec[i].name);
            ok = false;
        }
    }
    return ok;
}

/* ---------------------------------------------------------------- exam */

enum { EX_CODE, EX_TITLE, EX_AS_OF, EX_ITEMS, EX_SCORED, EX_MINUTES, EX_ESL, EX_SCALE,
       EX_PASS_FRACTION, EX_LEITNER, EX_DIAGNOSTIC, EX_DOMAINS, EX_KEYS };
static const KeySpec EXAM_KEYS[EX_KEYS] = {
    {"code", true}, {"title", true}, {"as_of", true}, {"items", true}, {"scored", true},
    {"minutes", true}, {"esl_extra_minutes", false}, {"scale", true},
    {"pass_fraction", true}, {"leitner_days", false}, {"diagnostic_items", false},
    {"domains", true},
};

enum { SC_MIN, SC_MAX, SC_PASS, SC_KEYS };
static const KeySpec SCALE_KEYS[SC_KEYS] = {{"min", true}, {"max", true}, {"pass", true}};

enum { DO_ID, DO_NAME, DO_WEIGHT, DO_TASKS, DO_KEYS };
static const KeySpec DOMAIN_KEYS[DO_KEYS] = {
    {"id", true}, {"name", true}, {"weight", true}, {"tasks", true}};

enum { TA_ID, TA_TITLE, TA_KEYS };
static const KeySpec TASK_KEYS[TA_KEYS] = {{"id", true}, {"title", true}};

#define ID_CHARS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_"

static bool is_id_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '.' || ch == '-' || ch == '_';
}

/* Returns the id text of node n (any id: item, domain, task), or NULL after
 * reporting: non-empty, at most BANK_LIMIT_ID bytes, [A-Za-z0-9._-]. */
static const char *get_id(Ctx *c, const Node *n, const char *key)
{
    if (!expect_scalar(c, n, key, "a string"))
        return NULL;
    if (is_null_scalar(n) || n->len == 0) {
        report(c, DIAG_ERROR, n->line, n->col, "'%s' is empty", key);
        return NULL;
    }
    if (n->len > BANK_LIMIT_ID) {
        report(c, DIAG_ERROR, n->line, n->col, "'%s' is %zu bytes; the limit is %d", key,
               n->len, BANK_LIMIT_ID);
        return NULL;
    }
    for (size_t i = 0; i < n->len; i++) {
        if (!is_id_char(n->text[i])) {
            char shown[48], what[96] = "";
            excerpt(n, shown, sizeof shown);
            uint32_t cp = 0;
            size_t w = utf8_decode((const unsigned char *)n->text + i, n->len - i, &cp);
            if (w > 1 || (unsigned char)n->text[i] < 0x20) {
                describe_char((const unsigned char *)n->text + i, w ? w : 1, w ? cp : (unsigned char)n->text[i],
                              what, sizeof what);
                report(c, DIAG_ERROR, n->line, n->col,
                       "'%s' '%s' contains %s; ids may contain only letters, digits, '.', '-' and '_'",
                       key, shown, what);
            } else {
                report(c, DIAG_ERROR, n->line, n->col,
                       "'%s' '%s' may contain only letters, digits, '.', '-' and '_'", key, shown);
            }
            return NULL;
        }
    }
    return n->text;
}

static bool valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

static char *bank_copy(Ctx *c, const char *s)
{
    char *p = arena_strdup(&c->bank->arena->mem, s);
    if (!p)
        report_oom(c);
    return p;
}

static void parse_scale(Ctx *c, const Node *n, Bank *b)
{
    Fields f;
    if (!read_fields(c, n, "'scale'", SCALE_KEYS, SC_KEYS, &f) ||
        !require_fields(c, n, "'scale'", SCALE_KEYS, SC_KEYS, &f))
        return;
    bool ok = get_int(c, f.value[SC_MIN], "min", 0, 1000000, &b->scale_min);
    ok &= get_int(c, f.value[SC_MAX], "max", 0, 1000000, &b->scale_max);
    ok &= get_int(c, f.value[SC_PASS], "pass", 0, 1000000, &b->scale_pass);
    if (ok && !(b->scale_min < b->scale_pass && b->scale_pass <= b->scale_max))
        report(c, DIAG_ERROR, n->line, n->col,
               "'scale' needs min < pass <= max; found min %d, pass %d, max %d",
               b->scale_min, b->scale_pass, b->scale_max);
}

static void parse_leitner(Ctx *c, const Node *n, Bank *b)
{
    if (!expect_kind(c, n, NODE_LIST, "leitner_days", "a list of days like [1, 2, 4, 8, 16]"))
        return;
    if (n->count < 1 || n->count > BANK_MAX_BOXES) {
        report(c, DIAG_ERROR, n->line, n->col, "'leitner_days' needs 1 to %d entries; found %d",
               BANK_MAX_BOXES, n->count);
        return;
    }
    int i = 0;
    for (const Node *d = n->first; d; d = d->next, i++) {
        if (!get_int(c, d, "leitner_days", 1, 3650, &b->leitner_days[i]))
            continue;
        if (i > 0 && b->leitner_days[i] <= b->leitner_days[i - 1])
            report(c, DIAG_ERROR, d->line, d->col,
                   "'leitner_days' must increase; %d follows %d", b->leitner_days[i],
                   b->leitner_days[i - 1]);
    }
    b->leitner_boxes = n->count;
}

/* Checks a task id against its domain: "<domain id>.<number>". */
static bool task_id_fits(const char *task, const char *domain)
{
    size_t dl = strlen(domain);
    if (strncmp(task, domain, dl) != 0 || task[dl] != '.' || !task[dl + 1])
        return false;
    for (const char *p = task + dl + 1; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    return true;
}

/* Lines of the ids already read, for "first at line N" messages. */
typedef struct ExamLines {
    int *domain;
    int *task;
    int task_cap;
} ExamLines;

/* Reads the task statements of domain b->domains[di] into b->tasks. */
static void parse_tasks(Ctx *c, const Node *tasks, int di, ExamLines *lines)
{
    Bank *b = c->bank;
    BankDomain *dom = &b->domains[di];
    if (!expect_kind(c, tasks, NODE_LIST, "tasks", "a list of task statements"))
        return;
    if (tasks->count == 0)
        report(c, DIAG_ERROR, tasks->line, tasks->col, "domain '%s' has no task statements",
               dom->id);
    for (const Node *t = tasks->first; t && !c->oom; t = t->next) {
        Fields f;
        if (!read_fields(c, t, "a task statement", TASK_KEYS, TA_KEYS, &f))
            continue;
        const char *tid = f.value[TA_ID] ? get_id(c, f.value[TA_ID], "id") : NULL;
        char label[120];
        snprintf(label, sizeof label, tid ? "task '%s'" : "task", tid ? tid : "");
        require_fields(c, t, label, TASK_KEYS, TA_KEYS, &f);
        const char *title = f.value[TA_TITLE]
            ? get_string(c, f.value[TA_TITLE], "title", BANK_LIMIT_NAME) : NULL;
        if (!tid)
            continue;
        const Node *tn = f.value[TA_ID];
        if (!task_id_fits(tid, dom->id)) {
            report(c, DIAG_ERROR, tn->line, tn->col,
                   "task id '%s' must be the domain id '%s', a dot and a number (like '%s.1')",
                   tid, dom->id, dom->id);
            continue;
        }
        int dup = bank_task_index(b, tid);
        if (dup >= 0) {
            report(c, DIAG_ERROR, tn->line, tn->col, "duplicate task id '%s' (first at line %d)",
                   tid, lines->task[dup]);
            continue;
        }
        if (b->task_count >= lines->task_cap)
            continue;
        BankTask *task = &b->tasks[b->task_count];
        task->id = bank_copy(c, tid);
        task->title = title ? bank_copy(c, title) : "";
        task->domain = di;
        if (!task->id || !task->title)
            return;
        lines->task[b->task_count++] = tn->line;
        dom->task_count++;
    }
}

/* Reads one domain; adds it to b->domains when its id is usable. Adds its
 * weight to *weight_sum, or clears *weights_ok when the weight is bad. */
static void parse_domain(Ctx *c, const Node *d, ExamLines *lines, int *weight_sum,
                         bool *weights_ok)
{
    Bank *b = c->bank;
    Fields f;
    if (!read_fields(c, d, "a domain", DOMAIN_KEYS, DO_KEYS, &f)) {
        *weights_ok = false;
        return;
    }
    const Node *idn = f.value[DO_ID];
    const char *id = idn ? get_id(c, idn, "id") : NULL;
    char label[120];
    snprintf(label, sizeof label, id ? "domain '%s'" : "domain", id ? id : "");
    require_fields(c, d, label, DOMAIN_KEYS, DO_KEYS, &f);
    if (id && strchr(id, '.')) {
        report(c, DIAG_ERROR, idn->line, idn->col,
               "domain id '%s' must not contain '.'; task ids are '<domain id>.<n>'", id);
        id = NULL;
    }
    int dup = id ? bank_domain_index(b, id) : -1;
    if (dup >= 0) {
        report(c, DIAG_ERROR, idn->line, idn->col, "duplicate domain id '%s' (first at line %d)",
               id, lines->domain[dup]);
        id = NULL;
    }
    const char *name = f.value[DO_NAME]
        ? get_string(c, f.value[DO_NAME], "name", BANK_LIMIT_NAME) : NULL;
    int weight = 0;
    if (!f.value[DO_WEIGHT] || !get_int(c, f.value[DO_WEIGHT], "weight", 1, 100, &weight))
        *weights_ok = false;
    *weight_sum += weight;
    if (!id)
        return;
    int di = b->domain_count;
    BankDomain *dom = &b->domains[di];
    dom->id = bank_copy(c, id);
    dom->name = name ? bank_copy(c, name) : "";
    dom->weight = weight;
    dom->first_task = b->task_count;
    if (!dom->id || !dom->name)
        return;
    lines->domain[b->domain_count++] = idn->line;
    if (f.value[DO_TASKS])
        parse_tasks(c, f.value[DO_TASKS], di, lines);
}

static void parse_domains(Ctx *c, const Node *key, const Node *n, Bank *b)
{
    if (!expect_kind(c, n, NODE_LIST, "domains", "a list of domains"))
        return;
    if (n->count == 0) {
        report(c, DIAG_ERROR, n->line, n->col, "'domains' must list at least one domain");
        return;
    }
    /* size the arrays first: the tasks of a domain stay contiguous */
    int task_total = 0;
    for (const Node *d = n->first; d; d = d->next) {
        if (d->kind != NODE_MAP)
            continue;
        for (const Node *k = d->first; k && k->next; k = k->next->next)
            if (k->kind == NODE_SCALAR && !strcmp(k->text, "tasks") && k->next->kind == NODE_LIST)
                task_total += k->next->count;
    }
    Arena *mem = &b->arena->mem;
    size_t tasks = (size_t)(task_total ? task_total : 1);
    ExamLines lines = {scratch_zalloc(c, sizeof(int) * (size_t)n->count),
                       scratch_zalloc(c, sizeof(int) * tasks), task_total};
    b->domains = arena_zalloc(mem, sizeof *b->domains * (size_t)n->count);
    b->tasks = arena_zalloc(mem, sizeof *b->tasks * tasks);
    if (!b->domains || !b->tasks || !lines.domain || !lines.task) {
        report_oom(c);
        return;
    }
    if (n->count > BANK_LIMIT_DOMAINS) {
        report(c, DIAG_ERROR, n->line, n->col, "a bank holds at most %d domains; found %d", BANK_LIMIT_DOMAINS,
               n->count);
        return;
    }
    if (task_total > BANK_LIMIT_TASKS) {
        report(c, DIAG_ERROR, n->line, n->col, "a bank holds at most %d task statements; found %d",
               BANK_LIMIT_TASKS, task_total);
        return;
    }
    int weight_sum = 0;
    bool weights_ok = true;
    for (const Node *d = n->first; d && !c->oom; d = d->next)
        parse_domain(c, d, &lines, &weight_sum, &weights_ok);
    if (weights_ok && weight_sum != 100)
        report(c, DIAG_ERROR, key->line, key->col,
               "domain weights add up to %d; they must add up to 100", weight_sum);
}

static bool parse_exam_tree(Ctx *c, const Node *root, Bank *b)
{
    Fields f;
    if (!read_fields(c, root, "exam.yaml", EXAM_KEYS, EX_KEYS, &f))
        return false;
    require_fields(c, root, "exam.yaml", EXAM_KEYS, EX_KEYS, &f);
    const char *s;
    if (f.value[EX_CODE] && (s = get_string(c, f.value[EX_CODE], "code", BANK_LIMIT_NAME)))
        b->code = bank_copy(c, s);
    if (f.value[EX_TITLE] && (s = get_string(c, f.value[EX_TITLE], "title", BANK_LIMIT_NAME)))
        b->title = bank_copy(c, s);
    if (f.value[EX_AS_OF] && (s = get_string(c, f.value[EX_AS_OF], "as_of", BANK_LIMIT_NAME))) {
        if (valid_date(s))
            b->as_of = bank_copy(c, s);
        else
            report(c, DIAG_ERROR, f.value[EX_AS_OF]->line, f.value[EX_AS_OF]->col,
                   "'as_of' must be a date written YYYY-MM-DD, found '%s'", s);
    }
    bool counts = true;
    if (f.value[EX_ITEMS])
        counts &= get_int(c, f.value[EX_ITEMS], "items", 1, 1000, &b->exam_items);
    if (f.value[EX_SCORED])
        counts &= get_int(c, f.value[EX_SCORED], "scored", 1, 1000, &b->exam_scored);
    if (f.value[EX_MINUTES])
        get_int(c, f.value[EX_MINUTES], "minutes", 1, 1440, &b->exam_minutes);
    b->esl_extra_minutes = 0;
    if (f.value[EX_ESL])
        get_int(c, f.value[EX_ESL], "esl_extra_minutes", 0, 1440, &b->esl_extra_minutes);
    if (counts && f.value[EX_ITEMS] && f.value[EX_SCORED] && b->exam_scored > b->exam_items)
        report(c, DIAG_ERROR, f.value[EX_SCORED]->line, f.value[EX_SCORED]->col,
               "'scored' (%d) must not exceed 'items' (%d)", b->exam_scored, b->exam_items);
    if (f.value[EX_SCALE])
        parse_scale(c, f.value[EX_SCALE], b);
    if (f.value[EX_PASS_FRACTION])
        get_fraction(c, f.value[EX_PASS_FRACTION], "pass_fraction", &b->pass_fraction);
    static const int default_days[] = {1, 2, 4, 8, 16};
    if (f.value[EX_LEITNER]) {
        parse_leitner(c, f.value[EX_LEITNER], b);
    } else {
        memcpy(b->leitner_days, default_days, sizeof default_days);
        b->leitner_boxes = 5;
    }
    b->diagnostic_items = 10;
    if (f.value[EX_DIAGNOSTIC] &&
        get_int(c, f.value[EX_DIAGNOSTIC], "diagnostic_items", 1, 1000, &b->diagnostic_items) &&
        counts && f.value[EX_ITEMS] && b->diagnostic_items > b->exam_items)
        report(c, DIAG_ERROR, f.value[EX_DIAGNOSTIC]->line, f.value[EX_DIAGNOSTIC]->col,
               "'diagnostic_items' (%d) must not exceed 'items' (%d)", b->diagnostic_items,
               b->exam_items);
    if (f.value[EX_DOMAINS])
        parse_domains(c, f.key[EX_DOMAINS], f.value[EX_DOMAINS], b);
    return c->errors == 0;
}

/* -------------------------------------------------------------- items */

enum { QU_ID, QU_DOMAIN, QU_TASK, QU_DIFFICULTY, QU_TAGS, QU_PROMPT, QU_OPTIONS,
       QU_EXPLANATION, QU_CHOOSE, QU_REFS, QU_KEYS };
static const KeySpec QUESTION_KEYS[QU_KEYS] = {
    {"id", true}, {"domain", true}, {"task", true}, {"difficulty", true}, {"tags", false},
    {"prompt", true}, {"options", true}, {"explanation", true}, {"choose", false},
    {"refs", false},
};

enum { FC_ID, FC_DOMAIN, FC_TASK, FC_FRONT, FC_BACK, FC_TAGS, FC_KEYS };
static const KeySpec CARD_KEYS[FC_KEYS] = {
    {"id", true}, {"domain", true}, {"task", true}, {"front", true}, {"back", true},
    {"tags", false},
};

enum { OP_TEXT, OP_CORRECT, OP_WHY, OP_KEYS };
static const KeySpec OPTION_KEYS[OP_KEYS] = {{"text", true}, {"correct", true}, {"why", true}};

enum { RF_TITLE, RF_URL, RF_KEYS };
static const KeySpec REF_KEYS[RF_KEYS] = {{"title", true}, {"url", true}};

enum { TOP_QUESTIONS, TOP_FLASHCARDS, TOP_KEYS };
static const KeySpec TOP_KEYS_SPEC[TOP_KEYS] = {{"questions", false}, {"flashcards", false}};

typedef struct Staged {
    BankItem *items; /* scratch */
    bool *bad;       /* parallel to items: the item had an error and is not loaded */
    int count;
    int cap;
    int bad_count;   /* list entries with errors (also those never staged) */
    int item_errors; /* errors reported inside items, as opposed to the file's shape */
    char bad_ids[240]; /* "q-1, q-7, ..." for the note */
} Staged;

static BankItem *stage_item(Ctx *c, Staged *st)
{
    if (st->count == st->cap) {
        int cap = st->cap ? st->cap * 2 : 64;
        BankItem *grown = scratch_zalloc(c, sizeof *grown * (size_t)cap);
        bool *bad = scratch_zalloc(c, sizeof *bad * (size_t)cap);
        if (!grown || !bad)
            return NULL;
        if (st->count) {
            memcpy(grown, st->items, sizeof *grown * (size_t)st->count);
            memcpy(bad, st->bad, sizeof *bad * (size_t)st->count);
        }
        st->items = grown;
        st->bad = bad;
        st->cap = cap;
    }
    st->bad[st->count] = false;
    BankItem *it = &st->items[st->count++];
    memset(it, 0, sizeof *it);
    return it;
}

/* Registers an item id; reports a duplicate (pointing at the first). Returns
 * the bank-arena copy of the id, or NULL. */
static const char *register_id(Ctx *c, const Node *n, const char *id)
{
    BankArena *ba = c->bank->arena;
    const IdSlot *old = id_find(ba, id, hash_string(id));
    if (old) {
        report(c, DIAG_ERROR, n->line, n->col, "duplicate id '%s'; first defined at %s:%d", id,
               old->file, old->line);
        return NULL;
    }
    IdSlot *slot = id_insert(ba, id, c->file_copy, n->line);
    if (!slot) {
        report_oom(c);
        return NULL;
    }
    return slot->id;
}

/* Resolves the item's domain and task; returns false after reporting. */
static bool resolve_place(Ctx *c, const Node *dn, const Node *tn, BankItem *it)
{
    const Bank *b = c->bank;
    const char *d = dn ? get_string(c, dn, "domain", BANK_LIMIT_ID) : NULL;
    const char *t = tn ? get_string(c, tn, "task", BANK_LIMIT_ID) : NULL;
    int di = d ? bank_domain_index(b, d) : -1;
    if (d && di < 0) {
        char list[300] = "";
        size_t used = 0;
        for (int i = 0; i < b->domain_count && used < sizeof list; i++) {
            int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                             b->domains[i].id);
            if (w < 0)
                break;
            used += (size_t)w;
        }
        report(c, DIAG_ERROR, dn->line, dn->col,
               "unknown domain '%s'; exam.yaml defines domains %s", d, list);
    }
    int ti = t ? bank_task_index(b, t) : -1;
    if (t && ti < 0) {
        if (di >= 0) {
            const BankDomain *dom = &b->domains[di];
            char list[400] = "";
            size_t used = 0;
            for (int i = 0; i < dom->task_count && used < sizeof list; i++) {
                int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                                 b->tasks[dom->first_task + i].id);
                if (w < 0)
                    break;
                used += (size_t)w;
            }
            report(c, DIAG_ERROR, tn->line, tn->col,
                   "unknown task '%s'; domain %s has tasks %s", t, dom->id, list);
        } else {
            report(c, DIAG_ERROR, tn->line, tn->col,
                   "unknown task '%s'; exam.yaml defines no such task statement", t);
        }
    }
    if (di >= 0 && ti >= 0 && b->tasks[ti].domain != di) {
        report(c, DIAG_ERROR, tn->line, tn->col, "task '%s' belongs to domain %s, not domain %s",
               t, b->domains[b->tasks[ti].domain].id, d);
        return false;
    }
    if (di < 0 || ti < 0)
        return false;
    it->domain = di;
    it->task = ti;
    return true;
}

static bool parse_tags(Ctx *c, const Node *n, BankItem *it)
{
    if (!expect_kind(c, n, NODE_LIST, "tags", "a list like [s3, storage]"))
        return false;
    if (n->count > BANK_LIMIT_TAGS) {
        report(c, DIAG_ERROR, n->line, n->col, "'tags' has %d entries; the limit is %d",
               n->count, BANK_LIMIT_TAGS);
        return false;
    }
    it->tags = bank_zalloc(c, sizeof *it->tags * (size_t)(n->count ? n->count : 1));
    if (!it->tags)
        return false;
    bool ok = true;
    for (const Node *t = n->first; t; t = t->next) {
        const char *s = get_string(c, t, "tags", BANK_LIMIT_TAG);
        if (s)
            it->tags[it->tag_count++] = s;
        else
            ok = false;
    }
    return ok;
}

/* Next character of s for comparing as a reader sees it: invisible
 * characters skipped, runs of white space as one space, ASCII letters in
 * lower case. Returns 0 at the end. */
static uint32_t shown_char(const unsigned char **s, bool *space)
{
    for (;;) {
        if (!**s)
            return 0;
        uint32_t cp = 0;
        size_t w = utf8_decode(*s, strlen((const char *)*s), &cp);
        if (w == 0) {
            cp = **s;
            w = 1;
        }
        *s += w;
        if (invisible_char_name(cp))
            continue;
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0) {
            *space = true;
            continue;
        }
        return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    }
}

/* Whether two texts look the same on screen (spaces, case, invisibles). */
static bool same_when_shown(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    bool first = true;
    for (;;) {
        bool sa = false, sb = false;
        uint32_t x = shown_char(&p, &sa), y = shown_char(&q, &sb);
        if (x != y)
            return false;
        if (x == 0)
            return true;
        if (!first && sa != sb)
            return false; /* "ab" and "a b" differ */
        first = false;
    }
}

static bool parse_options(Ctx *c, const Node *key, const Node *n, const char *qid,
                          const Node *choose, BankItem *it)
{
    if (!expect_kind(c, n, NODE_LIST, "options", "a list of options"))
        return false;
    int count = n->count;
    const Node *at = key;
    if (count == 0) {
        report(c, DIAG_ERROR, at->line, at->col, "'options' is empty: the question's options are missing "
               "(list 3 to %d, each with text, correct and why)", BANK_MAX_OPTIONS);
        return false;
    }
    if (count > BANK_MAX_OPTIONS) {
        report(c, DIAG_ERROR, at->line, at->col, "a question has at most %d options; found %d",
               BANK_MAX_OPTIONS, count);
        return false;
    }
    it->options = bank_zalloc(c, sizeof *it->options * (size_t)(count ? count : 1));
    const Node **text_nodes = scratch_zalloc(c, sizeof *text_nodes * (size_t)(count ? count : 1));
    if (!it->options || !text_nodes)
        return false;
    bool ok = true;
    int right = 0, index = 0;
    for (const Node *o = n->first; o; o = o->next, index++) {
        Fields f;
        char label[120];
        snprintf(label, sizeof label, "option %d of '%s'", index + 1, qid);
        if (!read_fields(c, o, label, OPTION_KEYS, OP_KEYS, &f)) {
            ok = false;
            continue;
        }
        ok &= require_fields(c, o, label, OPTION_KEYS, OP_KEYS, &f);
        BankOption *opt = &it->options[index];
        if (f.value[OP_TEXT]) {
            opt->text = get_string(c, f.value[OP_TEXT], "text", BANK_LIMIT_OPTION_TEXT);
            ok &= opt->text != NULL;
            text_nodes[index] = f.value[OP_TEXT];
        }
        if (f.value[OP_CORRECT])
            ok &= get_bool(c, f.value[OP_CORRECT], "correct", &opt->correct);
        if (f.value[OP_WHY]) {
            opt->why = get_string(c, f.value[OP_WHY], "why", BANK_LIMIT_WHY);
            ok &= opt->why != NULL;
        }
        if (opt->correct) {
            right++;
            it->correct_mask |= 1u << index;
        }
        for (int j = 0; j < index && opt->text; j++) {
            if (!it->options[j].text)
                continue;
            if (strcmp(it->options[j].text, opt->text) == 0) {
                report(c, DIAG_ERROR, text_nodes[index]->line, text_nodes[index]->col,
                       "option %d repeats the text of option %d", index + 1, j + 1);
                ok = false;
                break;
            }
            if (same_when_shown(it->options[j].text, opt->text)) {
                report(c, DIAG_ERROR, text_nodes[index]->line, text_nodes[index]->col,
                       "option %d differs from option %d only in spaces, letter case or invisible "
                       "characters; they look the same", index + 1, j + 1);
                ok = false;
                break;
            }
        }
    }
    it->option_count = count;
    if (!ok)
        return false;
    if (right == 0) {
        report(c, DIAG_ERROR, at->line, at->col, "no option is marked 'correct: true'");
        return false;
    }
    if (count < 3) {
        report(c, DIAG_ERROR, at->line, at->col, "a question needs at least 3 options; found %d",
               count);
        return false;
    }
    if (right == count) {
        report(c, DIAG_ERROR, at->line, at->col,
               "every option is marked correct; at least one must be wrong");
        return false;
    }
    if (right == 1 && count > 5) {
        report(c, DIAG_ERROR, at->line, at->col,
               "a single-answer question has 3 to 5 options; found %d", count);
        return false;
    }
    if (right >= 2 && count < 5) {
        report(c, DIAG_ERROR, at->line, at->col,
               "a multiple-response question (%d right) needs at least 5 options; found %d",
               right, count);
        return false;
    }
    it->choose = right;
    if (choose) {
        int want;
        if (!get_int(c, choose, "choose", 1, BANK_MAX_OPTIONS, &want))
            return false;
        if (want != right) {
            report(c, DIAG_ERROR, choose->line, choose->col,
                   "'choose' is %d but %d option%s marked correct", want, right,
                   right == 1 ? " is" : "s are");
            return false;
        }
    }
    return true;
}

/* ------------------------------------------------- documentation refs */

const char *const BANK_REF_HOSTS[] = {"docs.aws.amazon.com", "aws.amazon.com"};
const int BANK_REF_HOST_COUNT = (int)(sizeof BANK_REF_HOSTS / sizeof BANK_REF_HOSTS[0]);

/* Characters that may stand unescaped in an address we hand to a browser. */
static bool is_url_char(char ch)
{
    return ch > ' ' && ch < 0x7f && !strchr("\"<>\\^`{|}", ch);
}

static void hosts_list(char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < BANK_REF_HOST_COUNT && used < size; i++) {
        int w = snprintf(out + used, size - used, "%s%s", i ? " or " : "", BANK_REF_HOSTS[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

bool bank_ref_url_ok(const char *url, char *why, size_t why_size)
{
    char buf[160];
    if (!why || !why_size) {
        why = buf;
        why_size = sizeof buf;
    }
    static const char scheme[] = "https://";
    if (strncmp(url, scheme, sizeof scheme - 1) != 0) {
        snprintf(why, why_size, "must start with https://");
        return false;
    }
    for (const char *p = url; *p; p++) {
        if (!is_url_char(*p)) {
            if ((unsigned char)*p < 0x80)
                snprintf(why, why_size, "contains '%c' at byte %d; percent-encode it",
                         *p == ' ' ? ' ' : *p, (int)(p - url) + 1);
            else
                snprintf(why, why_size,
                         "contains a non-ASCII byte at byte %d; percent-encode it",
                         (int)(p - url) + 1);
            return false;
        }
    }
    const char *host = url + sizeof scheme - 1;
    size_t host_len = strcspn(host, "/?#");
    for (int i = 0; i < BANK_REF_HOST_COUNT; i++) {
        const char *h = BANK_REF_HOSTS[i];
        if (strlen(h) != host_len)
            continue;
        size_t k = 0;
        while (k < host_len && (host[k] | 0x20) == h[k])
            k++;
        if (k == host_len)
            return true;
    }
    char list[160];
    hosts_list(list, sizeof list);
    snprintf(why, why_size, "is on host '%.*s'; use a page on %s", (int)(host_len > 80 ? 80 : host_len),
             host, list);
    return false;
}

/* Parses `refs:`, a list of 1 to BANK_MAX_REFS {title, url} mappings, into
 * the item. Returns false after reporting. */
static bool parse_refs(Ctx *c, const Node *key, const Node *n, const char *qid, BankItem *it)
{
    if (is_null_scalar(n)) {
        report(c, DIAG_ERROR, key->line, key->col,
               "'refs' is empty; list 1 to %d pages or remove the key", BANK_MAX_REFS);
        return false;
    }
    if (!expect_kind(c, n, NODE_LIST, "refs", "a list of pages with 'title' and 'url'"))
        return false;
    if (n->count == 0 || n->count > BANK_MAX_REFS) {
        report(c, DIAG_ERROR, key->line, key->col, "'refs' needs 1 to %d pages; found %d",
               BANK_MAX_REFS, n->count);
        return false;
    }
    BankRef *refs = bank_zalloc(c, sizeof *refs * (size_t)n->count);
    if (!refs)
        return false;
    bool ok = true;
    int index = 0;
    for (const Node *r = n->first; r; r = r->next, index++) {
        Fields f;
        char label[120];
        snprintf(label, sizeof label, "ref %d of '%s'", index + 1, qid);
        if (!read_fields(c, r, label, REF_KEYS, RF_KEYS, &f)) {
            ok = false;
            continue;
        }
        ok &= require_fields(c, r, label, REF_KEYS, RF_KEYS, &f);
        BankRef *ref = &refs[index];
        if (f.value[RF_TITLE]) {
            ref->title = get_string(c, f.value[RF_TITLE], "title", BANK_LIMIT_REF_TITLE);
            ok &= ref->title != NULL;
        }
        const Node *un = f.value[RF_URL];
        if (un) {
            ref->url = get_string(c, un, "url", BANK_LIMIT_REF_URL);
            char why[200], shown[48];
            if (ref->url && !bank_ref_url_ok(ref->url, why, sizeof why)) {
                excerpt(un, shown, sizeof shown);
                report(c, DIAG_ERROR, un->line, un->col, "'url' '%s' %s", shown, why);
                ref->url = NULL;
            }
            ok &= ref->url != NULL;
        }
        for (int j = 0; j < index && ref->url; j++) {
            if (refs[j].url && strcmp(refs[j].url, ref->url) == 0) {
                report(c, DIAG_ERROR, un->line, un->col, "ref %d repeats the url of ref %d",
                       index + 1, j + 1);
                ok = false;
                break;
            }
        }
    }
    if (!ok)
        return false;
    it->refs = refs;
    it->ref_count = n->count;
    return true;
}

static void parse_question(Ctx *c, const Node *q, Staged *st)
{
    Fields f;
    if (!read_fields(c, q, "a question", QUESTION_KEYS, QU_KEYS, &f))
        return;
    BankItem *it = stage_item(c, st);
    if (!it)
        return;
    it->kind = ITEM_QUESTION;
    it->line = q->line;
    const char *id = f.value[QU_ID] ? get_id(c, f.value[QU_ID], "id") : NULL;
    char label[120];
    snprintf(label, sizeof label, id ? "question '%s'" : "question", id ? id : "");
    require_fields(c, q, label, QUESTION_KEYS, QU_KEYS, &f);
    if (id)
        it->id = register_id(c, f.value[QU_ID], id);
    resolve_place(c, f.value[QU_DOMAIN], f.value[QU_TASK], it);
    if (f.value[QU_DIFFICULTY])
        get_int(c, f.value[QU_DIFFICULTY], "difficulty", 1, 3, &it->difficulty);
    if (f.value[QU_TAGS])
        parse_tags(c, f.value[QU_TAGS], it);
    if (f.value[QU_PROMPT])
        it->prompt = get_string(c, f.value[QU_PROMPT], "prompt", BANK_LIMIT_PROMPT);
    if (f.value[QU_EXPLANATION])
        it->explanation = get_string(c, f.value[QU_EXPLANATION], "explanation",
                                     BANK_LIMIT_EXPLANATION);
    if (f.value[QU_OPTIONS])
        parse_options(c, f.key[QU_OPTIONS], f.value[QU_OPTIONS], id ? id : "?",
                      f.value[QU_CHOOSE], it);
    if (f.value[QU_REFS])
        parse_refs(c, f.key[QU_REFS], f.value[QU_REFS], id ? id : "?", it);
}

static void parse_card(Ctx *c, const Node *q, Staged *st)
{
    Fields f;
    if (!read_fields(c, q, "a flashcard", CARD_KEYS, FC_KEYS, &f))
        return;
    BankItem *it = stage_item(c, st);
    if (!it)
        return;
    it->kind = ITEM_FLASHCARD;
    it->line = q->line;
    it->difficulty = 1;
    const char *id = f.value[FC_ID] ? get_id(c, f.value[FC_ID], "id") : NULL;
    char label[120];
    snprintf(label, sizeof label, id ? "flashcard '%s'" : "flashcard", id ? id : "");
    require_fields(c, q, label, CARD_KEYS, FC_KEYS, &f);
    if (id)
        it->id = register_id(c, f.value[FC_ID], id);
    resolve_place(c, f.value[FC_DOMAIN], f.value[FC_TASK], it);
    if (f.value[FC_FRONT])
        it->front = get_string(c, f.value[FC_FRONT], "front", BANK_LIMIT_CARD_SIDE);
    if (f.value[FC_BACK])
        it->back = get_string(c, f.value[FC_BACK], "back", BANK_LIMIT_CARD_SIDE);
    if (f.value[FC_TAGS])
        parse_tags(c, f.value[FC_TAGS], it);
}

/* Parses one list entry; an entry with errors is marked bad (it will not
 * load) and named for the file's note, while the others go on. */
static void parse_one_item(Ctx *c, const Node *q, Staged *st, void (*parse)(Ctx *, const Node *, Staged *))
{
    int errors = c->errors, staged = st->count;
    parse(c, q, st);
    if (c->errors == errors)
        return;
    st->item_errors += c->errors - errors;
    st->bad_count++;
    const char *id = NULL;
    if (st->count > staged) {
        st->bad[staged] = true;
        id = st->items[staged].id;
    }
    char name[96];
    const Node *raw = NULL;
    for (const Node *k = q->kind == NODE_MAP ? q->first : NULL; k && k->next && !id; k = k->next->next)
        if (k->kind == NODE_SCALAR && strcmp(k->text, "id") == 0 && k->next->kind == NODE_SCALAR)
            raw = k->next;
    if (id)
        snprintf(name, sizeof name, "%s", id);
    else if (raw && raw->len > 0 && raw->len <= BANK_LIMIT_ID && strspn(raw->text, ID_CHARS) == raw->len)
        snprintf(name, sizeof name, "%s", raw->text); /* e.g. a duplicate: named as written */
    else
        snprintf(name, sizeof name, "the item at line %d", q->line);
    size_t used = strlen(st->bad_ids);
    if (used + strlen(name) + 8 < sizeof st->bad_ids)
        strbuf_append(st->bad_ids, sizeof st->bad_ids, "%s%s", used ? ", " : "", name);
    else if (!strstr(st->bad_ids, ", ..."))
        strbuf_append(st->bad_ids, sizeof st->bad_ids, ", ...");
}

static void parse_items_tree(Ctx *c, const Node *root, Staged *st)
{
    Fields f;
    if (root->kind != NODE_MAP) {
        if (root->kind != NODE_BAD)
            report(c, DIAG_ERROR, root->line, root->col,
                   "the top level must be a mapping with 'questions:' and/or 'flashcards:' "
                   "lists, not %s", kind_name(root));
        return;
    }
    read_fields(c, root, "an item file", TOP_KEYS_SPEC, TOP_KEYS, &f);
    const Node *qs = f.value[TOP_QUESTIONS], *fs = f.value[TOP_FLASHCARDS];
    if (qs && !is_null_scalar(qs) &&
        expect_kind(c, qs, NODE_LIST, "questions", "a list of questions"))
        for (const Node *q = qs->first; q && !c->oom; q = q->next)
            parse_one_item(c, q, st, parse_question);
    if (fs && !is_null_scalar(fs) &&
        expect_kind(c, fs, NODE_LIST, "flashcards", "a list of flashcards"))
        for (const Node *q = fs->first; q && !c->oom; q = q->next)
            parse_one_item(c, q, st, parse_card);
}

/* Counts the entries of the top-level lists, for skipped_items after a
 * syntax error (the tree holds what parsed before it). */
static int count_listed_items(const Node *root)
{
    int n = 0;
    if (!root || root->kind != NODE_MAP)
        return 0;
    for (const Node *k = root->first; k && k->next; k = k->next->next)
        if (k->kind == NODE_SCALAR && k->next->kind == NODE_LIST &&
            (!strcmp(k->text, "questions") || !strcmp(k->text, "flashcards")))
            n += k->next->count;
    return n;
}

/* Blanks (with spaces, keeping line numbers) the list entry at item level
 * that holds line `line` of buf, up to the next entry or top-level key.
 * Item level is the shallowest "- " in the file. Returns the entry's first
 * line, or 0 when the line is not inside an item. */
static int blank_item_at(char *buf, size_t len, int line)
{
    int item_indent = -1;
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && buf[i - 1] != '\n')
            continue;
        size_t j = i;
        while (j < len && buf[j] == ' ')
            j++;
        if (j + 1 < len && buf[j] == '-' && (buf[j + 1] == ' ' || buf[j + 1] == '\n'))
            if (item_indent < 0 || (int)(j - i) < item_indent)
                item_indent = (int)(j - i);
    }
    if (item_indent < 0)
        return 0;
    size_t start = 0, end = len;
    int start_line = 0, n = 1;
    bool found = false;
    for (size_t i = 0; i < len; n++) {
        size_t eol = i;
        while (eol < len && buf[eol] != '\n')
            eol++;
        size_t j = i;
        while (j < eol && buf[j] == ' ')
            j++;
        int indent = (int)(j - i);
        bool blank = j == eol || buf[j] == '#';
        bool entry = !blank && indent == item_indent && buf[j] == '-';
        bool outside = !blank && indent < item_indent; /* a top-level key */
        if (n <= line && entry) {
            start = i;
            start_line = n;
            found = true;
        } else if (n <= line && outside) {
            found = false;
        } else if (n > line && (entry || outside)) {
            end = i;
            break;
        }
        i = eol < len ? eol + 1 : len;
    }
    if (!found)
        return 0;
    for (size_t i = start; i < end; i++)
        if (buf[i] != '\n')
            buf[i] = ' ';
    return start_line;
}

/* After a syntax error, reads the file again without the item that holds
 * it, as many times as it takes (up to BANK_LIMIT_RESYNC items): every
 * independent syntax error is reported in one run, and the items around
 * them still load. The blanked items count as bad. Returns whether a
 * reading finally got through; *root is its tree. */
static bool read_past_syntax_errors(Ctx *c, const char *buf, size_t len, Node **root, Staged *st,
                                    int *syntax_errors)
{
    char *copy = arena_alloc(c->scratch, len + 1);
    if (!copy)
        return false;
    memcpy(copy, buf, len);
    copy[len] = '\0';
    *syntax_errors = 1;
    int last = 0;
    for (int round = 0; round < BANK_LIMIT_RESYNC && c->syntax_line > 0; round++) {
        /* the item where the broken construct began, else the one of the error */
        int first = c->syntax_context_line > 0 ? blank_item_at(copy, len, c->syntax_context_line) : 0;
        if (first == 0)
            first = blank_item_at(copy, len, c->syntax_line);
        if (first == 0 || first == last)
            return false; /* not inside an item (the file's shape): give up */
        last = first;
        st->bad_count++;
        char name[48];
        snprintf(name, sizeof name, "the item at line %d", first);
        size_t used = strlen(st->bad_ids);
        if (used + strlen(name) + 8 < sizeof st->bad_ids)
            strbuf_append(st->bad_ids, sizeof st->bad_ids, "%s%s", used ? ", " : "", name);
        c->quiet_before = first;
        c->syntax_line = 0;
        if (parse_tree(c, copy, len, root)) {
            c->quiet_before = 0;
            return true;
        }
        if (c->syntax_line == 0)
            return false; /* another kind of failure (depth, memory) */
        (*syntax_errors)++;
    }
    return false;
}

/* Counts the list entries of raw text that start an item ("- id:" at the
 * start of a line, after spaces): what a file held when a syntax error
 * stopped the parser before its end. */
static int count_item_lines(const char *buf, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && buf[i - 1] != '\n')
            continue;
        size_t j = i;
        while (j < len && buf[j] == ' ')
            j++;
        if (j + 5 <= len && buf[j] == '-' && (buf[j + 1] == ' ') ) {
            j += 2;
            while (j < len && buf[j] == ' ')
                j++;
            if (j + 3 <= len && strncmp(buf + j, "id:", 3) == 0)
                n++;
        }
    }
    return n;
}

static size_t count_true(const bool *v, int n)
{
    size_t k = 0;
    for (int i = 0; i < n; i++)
        k += v[i];
    return k;
}

/* The note after a file's text warnings: how many more strings had each
 * kind of display problem than the one named. */
static void note_text_counts(Ctx *c)
{
    static const char *const WHAT[3] = {"invisible characters", "characters the bundled font cannot draw",
                                        "right-to-left text"};
    for (int k = 0; k < 3; k++)
        if (c->text_warned[k] > 1)
            diag_add(c->diag, DIAG_NOTE, c->file, 0, 0, "%d more string%s in this file contain%s %s",
                     c->text_warned[k] - 1, c->text_warned[k] == 2 ? "" : "s", c->text_warned[k] == 2 ? "s" : "",
                     WHAT[k]);
}

/* Appends the staged items to the Bank. Their strings and arrays are in the
 * Bank's arena already; only the BankItem records move. */
static bool commit_items(Ctx *c, const Staged *st)
{
    Bank *b = c->bank;
    BankArena *ba = b->arena;
    if ((size_t)b->item_count + (size_t)st->count > ba->item_cap) {
        size_t cap = ba->item_cap ? ba->item_cap : 256;
        while (cap < (size_t)b->item_count + (size_t)st->count)
            cap *= 2;
        BankItem *grown = realloc(b->items, cap * sizeof *grown);
        if (!grown)
            return false;
        b->items = grown;
        ba->item_cap = cap;
    }
    for (int i = 0; i < st->count; i++) {
        if (st->bad[i])
            continue;
        BankItem it = st->items[i];
        it.file = c->file_copy;
        if (!it.tag_count)
            it.tags = NULL;
        int index = b->item_count++;
        b->items[index] = it;
        IdSlot *slot = id_find(ba, it.id, hash_string(it.id));
        if (slot)
            slot->item = index;
        if (it.kind == ITEM_QUESTION)
            b->question_count++;
        else
            b->flashcard_count++;
    }
    return true;
}

/* --------------------------------------------------------- entry points */

static bool begin_file(Ctx *c, Bank *b, Arena *scratch, const char *name, Diag *out,
                       const char **buf, size_t *len)
{
    memset(c, 0, sizeof *c);
    c->bank = b;
    c->scratch = scratch;
    c->diag = out;
    c->file = name ? name : "(input)";
    c->file_copy = arena_strdup(&b->arena->mem, c->file);
    if (!c->file_copy) {
        report_oom(c);
        return false;
    }
    if (*len > BANK_LIMIT_FILE_BYTES) {
        report(c, DIAG_ERROR, 0, 0, "file is %zu bytes; the limit is %u bytes (4 MiB)", *len,
               BANK_LIMIT_FILE_BYTES);
        return false;
    }
    if (*len >= 3 && memcmp(*buf, "\xEF\xBB\xBF", 3) == 0) {
        *buf += 3;
        *len -= 3;
    }
    return prescan(c, *buf, *len);
}

static void note_first_error(Ctx *c, int diag_start)
{
    Bank *b = c->bank;
    if (b->first_error || !c->diag)
        return;
    for (int i = diag_start; i < c->diag->count; i++) {
        if (c->diag->entries[i].level != DIAG_ERROR)
            continue;
        char line[1400];
        diag_format(c->diag, i, line, sizeof line);
        b->first_error = arena_strdup(&b->arena->mem, line);
        return;
    }
    if (c->errors)
        b->first_error = c->file_copy;
}

bool bank_parse_exam(Bank *b, const char *buf, size_t len, const char *name, Diag *out)
{
    Diag local = {0};
    Diag *d = out ? out : &local;
    Arena scratch = {0};
    Ctx c;
    int start = d->count;
    bool ok = false;
    if (b->domain_count > 0) {
        diag_add(d, DIAG_ERROR, name, 0, 0, "the bank already has an exam loaded");
        diag_free(&local);
        return false;
    }
    if (begin_file(&c, b, &scratch, name, d, &buf, &len)) {
        Node *root;
        bool parsed = parse_tree(&c, buf, len, &root);
        if (parsed && (!root || is_null_scalar(root)))
            report(&c, DIAG_ERROR, 0, 0,
                   "file is empty; exam.yaml describes the exam (see banks/FORMAT.md)");
        else if (parsed && c.errors == 0)
            ok = parse_exam_tree(&c, root, b);
    }
    ok = ok && c.errors == 0;
    if (!ok) {
        b->domain_count = 0;
        b->task_count = 0;
        note_first_error(&c, start);
    }
    arena_release(&scratch);
    diag_free(&local);
    return ok;
}

bool bank_parse_items(Bank *b, const char *buf, size_t len, const char *name, Diag *out)
{
    Diag local = {0};
    Diag *d = out ? out : &local;
    Arena scratch = {0};
    Ctx c;
    int start = d->count;
    Staged st = {0};
    int listed = 0;
    if (b->domain_count == 0) {
        diag_add(d, DIAG_ERROR, name ? name : "(input)", 0, 0,
                 "exam.yaml must be loaded (without errors) before item files");
        b->skipped_files++;
        diag_free(&local);
        return false;
    }
    bool parsed = false;
    int resync_errors = 0;
    if (begin_file(&c, b, &scratch, name, d, &buf, &len)) {
        Node *root;
        parsed = parse_tree(&c, buf, len, &root);
        listed = count_listed_items(root);
        if (!parsed)
            listed = count_item_lines(buf, len);
        if (!parsed && c.syntax_line > 0)
            parsed = read_past_syntax_errors(&c, buf, len, &root, &st, &resync_errors);
        if (parsed && (!root || is_null_scalar(root)))
            report(&c, DIAG_ERROR, 0, 0,
                   "file is empty; an item file holds 'questions:' and/or 'flashcards:' lists");
        else if (parsed && c.errors == resync_errors)
            parse_items_tree(&c, root, &st);
    }
    note_text_counts(&c);
    /* errors in the file's shape skip it whole; errors inside an item skip that item */
    bool file_ok = c.errors == st.item_errors + resync_errors && !c.oom;
    if (file_ok && !commit_items(&c, &st)) {
        report_oom(&c);
        file_ok = false;
    }
    if (file_ok && st.bad_count > 0) {
        int loaded = st.count - (int)count_true(st.bad, st.count);
        b->skipped_items += st.bad_count;
        b->partial_files++;
        if (loaded > 0)
            diag_add(d, DIAG_NOTE, c.file, 0, 0, "%d item%s skipped because of errors (%s); the file's other "
                     "%d item%s loaded", st.bad_count, st.bad_count == 1 ? "" : "s", st.bad_ids, loaded,
                     loaded == 1 ? " is" : "s are");
        else
            diag_add(d, DIAG_NOTE, c.file, 0, 0, "%d item%s skipped because of errors (%s); the file has no "
                     "other items", st.bad_count, st.bad_count == 1 ? "" : "s", st.bad_ids);
        note_first_error(&c, start);
    } else if (!file_ok) {
        int skipped = st.count > listed ? st.count : listed;
        b->skipped_files++;
        b->skipped_items += skipped;
        if (!parsed && skipped > 0)
            diag_add(d, DIAG_NOTE, c.file, 0, 0, "file skipped: the error stops the reading, so none "
                     "of its items are loaded (about %d, counted by their '- id:' lines)", skipped);
        else if (!parsed)
            diag_add(d, DIAG_NOTE, c.file, 0, 0, "file skipped: the error stops the reading, so none "
                     "of its items are loaded (how many it holds could not be counted)");
        else if (skipped > 0)
            diag_add(d, DIAG_NOTE, c.file, 0, 0, "file skipped: its %d item%s not loaded",
                     skipped, skipped == 1 ? " is" : "s are");
        else
            diag_add(d, DIAG_NOTE, c.file, 0, 0, "file skipped");
        note_first_error(&c, start);
    }
    arena_release(&scratch);
    diag_free(&local);
    return file_ok && st.bad_count == 0;
}

/* A growing read buffer, reused from file to file (fewer page faults). */
typedef struct ReadBuffer {
    char *data;
    size_t cap;
} ReadBuffer;

/* Reads a whole regular file into rb. Returns false with errno set on
 * failure: EFBIG (with *len = the file's size) when it is over the size
 * limit, EINVAL with *kind naming what it is for a FIFO, device,
 * socket or folder. The open never blocks (O_NONBLOCK), so a FIFO named
 * like a bank file can't hang the loader; reads stop at the limit. */
static bool read_file(const char *path, ReadBuffer *rb, size_t *len, const char **kind)
{
    *len = 0;
    *kind = NULL;
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        *kind = fsutil_kind_name(st.st_mode);
        errno = EINVAL;
        return false;
    }
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return false;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        *kind = fsutil_kind_name(st.st_mode);
        close(fd);
        errno = EINVAL;
        return false;
    }
    if (st.st_size > (off_t)BANK_LIMIT_FILE_BYTES) {
        close(fd);
        *len = (size_t)st.st_size;
        errno = EFBIG;
        return false;
    }
    size_t n = 0;
    bool ok = true;
    for (;;) {
        if (n == rb->cap) {
            if (rb->cap > BANK_LIMIT_FILE_BYTES)
                break;
            size_t cap = rb->cap ? rb->cap * 2 : 256 * 1024;
            char *grown = realloc(rb->data, cap);
            if (!grown) {
                ok = false;
                errno = ENOMEM;
                break;
            }
            rb->data = grown;
            rb->cap = cap;
        }
        ssize_t got = compat_read(fd, rb->data + n, rb->cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            ok = false;
            break;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    int saved = errno;
    close(fd);
    errno = saved;
    *len = n;
    return ok;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

/* Reports a file that could not be read: "cannot read", or over the limit
 * in the words bank_parse_* use for a buffer over the limit. */
static void report_unreadable(Diag *d, const char *path, size_t len, const char *kind)
{
    if (kind)
        diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read: this is %s, not a regular file; bank files "
                 "must be ordinary files", kind);
    else if (errno == EFBIG)
        diag_add(d, DIAG_ERROR, path, 0, 0, "file is %zu bytes; the limit is %u bytes (4 MiB)",
                 len, BANK_LIMIT_FILE_BYTES);
    else
        diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
}

/* A name that was probably meant as an item file: ends in .yml, .YAML or
 * any other case of those, possibly followed by spaces or dots. */
static bool looks_like_yaml_name(const char *n)
{
    size_t len = strlen(n);
    while (len > 0 && (n[len - 1] == ' ' || n[len - 1] == '\t' || n[len - 1] == '.'))
        len--;
    static const char *const EXT[] = {".yaml", ".yml"};
    for (size_t i = 0; i < 2; i++) {
        size_t lx = strlen(EXT[i]);
        if (len >= lx && strncasecmp(n + len - lx, EXT[i], lx) == 0)
            return true;
    }
    return false;
}

/* Lists the item files of dir (sorted); warns about names meant as item
 * files that won't load (*.yml, *.YAML, trailing spaces). Returns the
 * count, or -1 when the folder cannot be read. *names is malloc'd. */
static int list_item_files(const char *dir, Diag *d, char ***names)
{
    DIR *dh = opendir(dir);
    *names = NULL;
    if (!dh)
        return -1;
    int count = 0, cap = 0;
    struct dirent *e;
    char path[4096];
    while ((e = readdir(dh)) != NULL) {
        const char *n = e->d_name;
        if (n[0] == '.' || strcmp(n, "exam.yaml") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, n);
        if (compat_is_dir(path))
            continue;
        if (!ends_with(n, ".yaml")) {
            if (looks_like_yaml_name(n)) {
                diag_add(d, DIAG_WARNING, path, 0, 0, "ignored: bank files must end in '.yaml' exactly "
                         "(lower case, nothing after it); rename it to load it");
            }
            continue;
        }
        if (count == cap) {
            int ncap = cap ? cap * 2 : 32;
            char **grown = realloc(*names, sizeof *grown * (size_t)ncap);
            if (!grown)
                break;
            *names = grown;
            cap = ncap;
        }
        (*names)[count] = strdup(n);
        if ((*names)[count])
            count++;
    }
    closedir(dh);
    if (count > 1)
        qsort(*names, (size_t)count, sizeof **names, compare_names);
    return count;
}

Bank *bank_load_dir(const char *dir, Diag *out)
{
    Diag local = {0};
    Diag *d = out ? out : &local;
    struct stat st;
    if (!dir || !*dir) {
        diag_add(d, DIAG_ERROR, "(none)", 0, 0, "no bank folder given");
        diag_free(&local);
        return NULL;
    }
    int found = stat(dir, &st);
    if (found != 0 || !S_ISDIR(st.st_mode)) {
        diag_add(d, DIAG_ERROR, dir, 0, 0, "cannot open bank folder: %s",
                 found != 0 ? strerror(errno) : "not a folder");
        diag_free(&local);
        return NULL;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/exam.yaml", dir);
    size_t len;
    const char *kind;
    ReadBuffer rb = {0};
    if (!read_file(path, &rb, &len, &kind)) {
        if (errno == ENOENT)
            diag_add(d, DIAG_ERROR, path, 0, 0,
                     "no exam.yaml in bank folder '%s'; every bank needs one (see banks/FORMAT.md)",
                     dir);
        else
            report_unreadable(d, path, len, kind);
        free(rb.data);
        diag_free(&local);
        return NULL;
    }
    Bank *b = bank_new(dir);
    if (!b) {
        free(rb.data);
        diag_add(d, DIAG_ERROR, dir, 0, 0, "out of memory");
        diag_free(&local);
        return NULL;
    }
    if (!bank_parse_exam(b, rb.data, len, path, d)) {
        free(rb.data);
        bank_free(b);
        diag_free(&local);
        return NULL;
    }
    char **names;
    int count = list_item_files(dir, d, &names);
    for (int i = 0; i < count; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (!read_file(path, &rb, &len, &kind)) {
            int at = d->count;
            report_unreadable(d, path, len, kind);
            diag_add(d, DIAG_NOTE, path, 0, 0, "file skipped");
            b->skipped_files++;
            if (!b->first_error && at < d->count) {
                char line[1400];
                diag_format(d, at, line, sizeof line);
                b->first_error = arena_strdup(&b->arena->mem, line);
            }
        } else {
            bank_parse_items(b, rb.data, len, path, d);
        }
        free(names[i]);
    }
    free(names);
    free(rb.data);
    diag_free(&local);
    return b;
}
