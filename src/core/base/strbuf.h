/* Building sentences: printf-style appending to a fixed buffer that stops
 * quietly at its end instead of overflowing or failing, a formatted string
 * as long as it needs, for text a reader must see whole, and counts with
 * their thousands separated. */
#ifndef CLOUDPREP_STRBUF_H
#define CLOUDPREP_STRBUF_H

#include "compat.h"
#include <stdarg.h>
#include <stddef.h>

/* Appends printf-formatted text to the NUL-terminated string in buf (size
 * bytes in all). Text that does not fit is cut; buf stays terminated. */
void strbuf_append(char *buf, size_t size, const char *fmt, ...) COMPAT_PRINTF(3, 4);
/* Returns the printf-formatted text in a malloc'd string as long as it
 * needs (nothing is cut; the caller frees it), or NULL when memory runs
 * out or the format fails. */
char *strbuf_format(const char *fmt, ...) COMPAT_PRINTF(1, 2);
/* The same over a va_list (consumed). */
char *strbuf_vformat(const char *fmt, va_list ap) COMPAT_PRINTF(1, 0);
/* Writes n with its thousands separated ("12,345", "-1,000") into buf, the
 * one way every screen writes a count; buf is always terminated. */
void strbuf_thousands(long long n, char *buf, size_t size);

#endif
