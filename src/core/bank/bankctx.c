/* One file's reading context: where its diagnostics go (every error as
 * FILE:LINE:COL, capped per file, not repeated when a file is read again
 * past a syntax error), its memory (scratch for the tree, the Bank's arena
 * for what stays) and the first checks of a file (size, byte order mark).
 * Every layer that reads the file reports through it. */
#include "bankload_internal.h"

#include <stdio.h>
#include <string.h>

void bankctx_report_v(Ctx *c, DiagLevel level, int line, int col, const char *fmt, va_list ap)
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

void bankctx_oom(Ctx *c)
{
    if (!c->oom)
        report(c, DIAG_ERROR, 0, 0, "out of memory while loading this file");
    c->oom = true;
}

void *bankctx_scratch(Ctx *c, size_t n)
{
    void *p = arena_zalloc(c->scratch, n);
    if (!p)
        bankctx_oom(c);
    return p;
}

void *bankctx_keep(Ctx *c, size_t n)
{
    void *p = arena_zalloc(&c->bank->arena->mem, n);
    if (!p)
        bankctx_oom(c);
    return p;
}

char *bankctx_keep_copy(Ctx *c, const char *s)
{
    char *p = arena_strdup(&c->bank->arena->mem, s);
    if (!p)
        bankctx_oom(c);
    return p;
}

bool bankctx_begin(Ctx *c, Bank *b, Arena *scratch, const char *name, Diag *out,
                   const char **buf, size_t *len)
{
    memset(c, 0, sizeof *c);
    c->bank = b;
    c->scratch = scratch;
    c->diag = out;
    c->file = name ? name : "(input)";
    c->file_copy = arena_strdup(&b->arena->mem, c->file);
    if (!c->file_copy) {
        bankctx_oom(c);
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
    return bankyaml_prescan(c, *buf, *len);
}

void bankctx_note_first_error(Ctx *c, int diag_start)
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

