/* Diagnostic list implementation. Every string is copied, so callers can pass
 * stack buffers and parser-owned names. */
#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether the code point at s (UTF-8, n bytes left) is one a terminal must
 * not receive raw: C0/C1 controls and DEL (escape sequences could clear the
 * screen or forge a line), and the invisible or direction-changing
 * characters (they hide or reorder text). Sets *len to its byte length. */
static bool unsafe_at(const unsigned char *s, size_t n, uint32_t *cp, size_t *len)
{
    unsigned char c = s[0];
    *len = 1;
    *cp = c;
    if (c < 0x20 || c == 0x7F)
        return true;
    if (c < 0x80)
        return false;
    size_t w = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (w == 1 || w > n)
        return true; /* a stray byte: shown escaped */
    uint32_t v = c & (0x3Fu >> (w - 1));
    for (size_t i = 1; i < w; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return true;
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    *cp = v;
    *len = w;
    return (v >= 0x80 && v <= 0x9F) || v == 0x00AD || v == 0x180E || (v >= 0x200B && v <= 0x200F) ||
           (v >= 0x2028 && v <= 0x202E) || (v >= 0x2060 && v <= 0x2069) || v == 0xFEFF;
}

/* Copies s with every unsafe character written as <U+XXXX>, so file names,
 * ids and text quoted in messages print safely on a terminal. */
static char *copy_string(const char *s)
{
    size_t n = strlen(s), out = 0;
    char *p = malloc(n * 8 + 1);
    if (!p)
        return NULL;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len;
        if (unsafe_at(u + i, n - i, &cp, &len)) {
            out += (size_t)snprintf(p + out, 12, "<U+%04X>", (unsigned)cp);
        } else {
            memcpy(p + out, u + i, len);
            out += len;
        }
        i += len;
    }
    p[out] = '\0';
    return p;
}

void diag_add(Diag *d, DiagLevel level, const char *file, int line, int col,
              const char *fmt, ...)
{
    if (level == DIAG_ERROR)
        d->errors++;
    else if (level == DIAG_WARNING)
        d->warnings++;
    if (d->count == d->capacity) {
        int cap = d->capacity ? d->capacity * 2 : 16;
        DiagEntry *grown = realloc(d->entries, (size_t)cap * sizeof *grown);
        if (!grown)
            return;
        d->entries = grown;
        d->capacity = cap;
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    DiagEntry *e = &d->entries[d->count];
    e->level = level;
    e->file = copy_string(file ? file : "");
    e->message = copy_string(msg);
    e->line = line;
    e->col = col;
    if (!e->file || !e->message) {
        free(e->file);
        free(e->message);
        return;
    }
    d->count++;
}

static const char *level_name(DiagLevel level)
{
    switch (level) {
    case DIAG_ERROR: return "error";
    case DIAG_WARNING: return "warning";
    case DIAG_NOTE: return "note";
    }
    return "error";
}

void diag_format(const Diag *d, int i, char *buf, size_t size)
{
    const DiagEntry *e = &d->entries[i];
    if (e->line > 0 && e->col > 0)
        snprintf(buf, size, "%s:%d:%d: %s: %s", e->file, e->line, e->col,
                 level_name(e->level), e->message);
    else if (e->line > 0)
        snprintf(buf, size, "%s:%d: %s: %s", e->file, e->line, level_name(e->level), e->message);
    else
        snprintf(buf, size, "%s: %s: %s", e->file, level_name(e->level), e->message);
}

void diag_print(const Diag *d, FILE *out)
{
    char line[1400];
    for (int i = 0; i < d->count; i++) {
        diag_format(d, i, line, sizeof line);
        fprintf(out, "%s\n", line);
    }
}

int diag_first_error(const Diag *d)
{
    for (int i = 0; i < d->count; i++)
        if (d->entries[i].level == DIAG_ERROR)
            return i;
    return -1;
}

void diag_free(Diag *d)
{
    for (int i = 0; i < d->count; i++) {
        free(d->entries[i].file);
        free(d->entries[i].message);
    }
    free(d->entries);
    memset(d, 0, sizeof *d);
}
