/* Word wrap measured with a fixed-width fake font: 10 pixels a character
 * (UTF-8 sequences count as one), so expected lines are easy to reason about. */
#include <string.h>

#include "testlib.h"
#include "textwrap.h"

static int measure_fixed(void *ctx, const char *text, size_t len)
{
    (void)ctx;
    int chars = 0;
    for (size_t i = 0; i < len; i += textwrap_utf8_len(text + i))
        chars++;
    return chars * 10;
}

static void line_is(const char *text, const TextLine *l, const char *want)
{
    char buf[256];
    memcpy(buf, text + l->start, l->len);
    buf[l->len] = '\0';
    CHECK_STR(buf, want);
}

int main(void)
{
    TextLine lines[32];
    const char *t = "the quick brown fox jumps over the lazy dog";
    int n = textwrap_lines(t, 100, measure_fixed, NULL, lines, 32);
    CHECK_INT(n, 5);
    line_is(t, &lines[0], "the quick");
    line_is(t, &lines[1], "brown fox");
    line_is(t, &lines[2], "jumps over");
    line_is(t, &lines[3], "the lazy");
    line_is(t, &lines[4], "dog");
    for (int i = 0; i < n; i++)
        CHECK(measure_fixed(NULL, t + lines[i].start, lines[i].len) <= 100);

    /* Explicit newlines and empty paragraphs are kept. */
    const char *p = "one\n\ntwo";
    n = textwrap_lines(p, 100, measure_fixed, NULL, lines, 32);
    CHECK_INT(n, 3);
    line_is(p, &lines[0], "one");
    line_is(p, &lines[1], "");
    line_is(p, &lines[2], "two");

    /* A word longer than the line is split, between UTF-8 characters. */
    const char *w = "abcdefghijklmnop";
    n = textwrap_lines(w, 50, measure_fixed, NULL, lines, 32);
    CHECK_INT(n, 4);
    line_is(w, &lines[0], "abcde");
    line_is(w, &lines[3], "p");
    const char *u = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"; /* four e-acute */
    n = textwrap_lines(u, 20, measure_fixed, NULL, lines, 32);
    CHECK_INT(n, 2);
    CHECK_INT(lines[0].len, 4);

    /* Too narrow for even one character: still one character per line. */
    n = textwrap_lines("abc", 1, measure_fixed, NULL, lines, 32);
    CHECK_INT(n, 3);

    /* Returns the number of lines needed even when the array is small. */
    n = textwrap_lines(t, 100, measure_fixed, NULL, lines, 2);
    CHECK_INT(n, 5);

    /* Empty text is one empty line. */
    CHECK_INT(textwrap_lines("", 100, measure_fixed, NULL, lines, 32), 1);
    return testlib_finish();
}
