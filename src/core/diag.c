/* Diagnostic list implementation. Every string is copied, so callers can pass
 * stack buffers and parser-owned names. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static char *copy_string(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
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
