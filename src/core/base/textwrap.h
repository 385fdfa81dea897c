/* Word wrapping for UTF-8 text, independent of any font library: the caller
 * passes a measure function (width of a byte range in pixels). Lines break at
 * spaces, at explicit newlines, and inside words longer than a line. */
#ifndef CLOUDPREP_TEXTWRAP_H
#define CLOUDPREP_TEXTWRAP_H

#include <stddef.h>

/* Width in pixels of text[0..len). */
typedef int (*TextMeasureFn)(void *ctx, const char *text, size_t len);

typedef struct TextLine {
    size_t start;  /* byte offset into the text */
    size_t len;    /* bytes, without the trailing space or newline */
} TextLine;

/* Splits `text` into lines no wider than `max_width`. Writes at most
 * `max_lines` entries to `lines` and returns the number of lines the text
 * needs (which may be more than max_lines: call again with a bigger array). */
int textwrap_lines(const char *text, int max_width, TextMeasureFn measure, void *ctx,
                   TextLine *lines, int max_lines);

/* Length in bytes of the UTF-8 sequence starting at s (1 for invalid bytes). */
size_t textwrap_utf8_len(const char *s);

#endif
