/* Building sentences in fixed buffers: printf-style appending that stops
 * quietly at the end of the buffer instead of overflowing or failing. */
#ifndef CLOUDPREP_STRBUF_H
#define CLOUDPREP_STRBUF_H

#include "compat.h"
#include <stddef.h>

/* Appends printf-formatted text to the NUL-terminated string in buf (size
 * bytes in all). Text that does not fit is cut; buf stays terminated. */
void strbuf_append(char *buf, size_t size, const char *fmt, ...) COMPAT_PRINTF(3, 4);

#endif
