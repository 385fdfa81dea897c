/* Greedy word wrap: take words while the line fits; a word wider than the
 * whole line is split between UTF-8 characters. Measuring is delegated so
 * the same code serves SDL_ttf and the unit tests. */
#include "textwrap.h"

#include <string.h>

size_t textwrap_utf8_len(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    size_t n = 1;
    if (c >= 0xF0) n = 4;
    else if (c >= 0xE0) n = 3;
    else if (c >= 0xC0) n = 2;
    for (size_t i = 1; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            return 1;
    return n;
}

static void emit(TextLine *lines, int max_lines, int *count, size_t start, size_t len)
{
    if (*count < max_lines) {
        lines[*count].start = start;
        lines[*count].len = len;
    }
    (*count)++;
}

/* Longest prefix of text[start..end) that fits, split between characters; at
 * least one character so wrapping always makes progress. */
static size_t fitting_prefix(const char *text, size_t start, size_t end, int max_width,
                             TextMeasureFn measure, void *ctx)
{
    size_t fit = 0;
    size_t i = start;
    while (i < end) {
        size_t next = i + textwrap_utf8_len(text + i);
        if (next > end)
            next = end;
        if (fit > 0 && measure(ctx, text + start, next - start) > max_width)
            break;
        fit = next - start;
        i = next;
    }
    return fit;
}

int textwrap_lines(const char *text, int max_width, TextMeasureFn measure, void *ctx,
                   TextLine *lines, int max_lines)
{
    int count = 0;
    size_t n = strlen(text);
    size_t line_start = 0;
    while (line_start <= n) {
        size_t para_end = line_start;
        while (para_end < n && text[para_end] != '\n')
            para_end++;
        /* Wrap one paragraph [line_start, para_end). */
        size_t pos = line_start;
        if (pos == para_end)
            emit(lines, max_lines, &count, pos, 0);
        while (pos < para_end) {
            size_t line_end = pos;   /* end of the last word that fits */
            size_t scan = pos;
            while (scan < para_end) {
                size_t word_end = scan;
                while (word_end < para_end && text[word_end] != ' ')
                    word_end++;
                if (measure(ctx, text + pos, word_end - pos) > max_width)
                    break;
                line_end = word_end;
                scan = word_end;
                while (scan < para_end && text[scan] == ' ')
                    scan++;
            }
            if (line_end == pos) {
                /* The first word alone is too wide: split it. */
                size_t word_end = pos;
                while (word_end < para_end && text[word_end] != ' ')
                    word_end++;
                line_end = pos + fitting_prefix(text, pos, word_end, max_width, measure, ctx);
            }
            emit(lines, max_lines, &count, pos, line_end - pos);
            pos = line_end;
            while (pos < para_end && text[pos] == ' ')
                pos++;
        }
        if (para_end >= n)
            break;
        line_start = para_end + 1;
    }
    return count;
}
