/* strbuf_append: one vsnprintf at the current end of the string. */
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void strbuf_append(char *buf, size_t size, const char *fmt, ...)
{
    size_t used = strnlen(buf, size);
    if (used + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + used, size - used, fmt, ap);
    va_end(ap);
}
