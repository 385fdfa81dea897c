/* strbuf_append: one vsnprintf at the current end of the string;
 * strbuf_format: one vsnprintf to measure, one to write. */
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
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

char *strbuf_vformat(const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *out = n < 0 ? NULL : malloc((size_t)n + 1);
    if (out)
        vsnprintf(out, (size_t)n + 1, fmt, again);
    va_end(again);
    return out;
}

char *strbuf_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *out = strbuf_vformat(fmt, ap);
    va_end(ap);
    return out;
}

void strbuf_thousands(long long n, char *buf, size_t size)
{
    if (size == 0)
        return;
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", n);
    const char *d = digits[0] == '-' ? digits + 1 : digits;
    size_t len = strlen(d), o = 0;
    if (d != digits && o + 1 < size)
        buf[o++] = '-';
    for (size_t i = 0; i < len && o + 1 < size; i++) {
        if (i > 0 && (len - i) % 3 == 0) {
            if (o + 2 >= size)
                break;
            buf[o++] = ',';
        }
        buf[o++] = d[i];
    }
    buf[o] = '\0';
}
