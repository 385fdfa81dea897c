/* Diagnostics: a growing list of "FILE:LINE:COL: error|warning: MESSAGE"
 * entries, the way compilers report them. Parsers fill a Diag; callers
 * print it or show the first error. Owns copies of every string. */
#ifndef CLOUDPREP_DIAG_H
#define CLOUDPREP_DIAG_H

#include "compat.h"
#include <stdbool.h>
#include <stdio.h>

typedef enum DiagLevel { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } DiagLevel;

typedef struct DiagEntry {
    DiagLevel level;
    char *file;    /* owned */
    int line;      /* 1-based; 0 when the problem is about the whole file */
    int col;       /* 1-based; 0 when unknown */
    char *message; /* owned */
} DiagEntry;

typedef struct Diag {
    DiagEntry *entries;
    int count;
    int capacity;
    int errors;
    int warnings;
} Diag;

/* Adds an entry; the message is printf-formatted. Out of memory drops the
 * entry but still counts it. */
void diag_add(Diag *d, DiagLevel level, const char *file, int line, int col,
              const char *fmt, ...) COMPAT_PRINTF(6, 7);
/* Formats entry i as "FILE:LINE:COL: error: MESSAGE" into buf. */
void diag_format(const Diag *d, int i, char *buf, size_t size);
/* Prints every entry, one per line. */
void diag_print(const Diag *d, FILE *out);
/* Returns the index of the first error, or -1. */
int diag_first_error(const Diag *d);
/* Frees all entries; the Diag is empty and reusable afterwards. */
void diag_free(Diag *d);

#endif
