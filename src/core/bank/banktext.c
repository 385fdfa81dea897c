/* Bank text as words: see banktext.h. Everything here reads UTF-8 byte by
 * byte and never allocates. */
#include "banktext.h"

#include <stdio.h>
#include <string.h>

static unsigned char lower(unsigned char ch)
{
    return (ch >= 'A' && ch <= 'Z') ? (unsigned char)(ch - 'A' + 'a') : ch;
}

static bool is_alnum_ascii(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

/* Bytes of punctuation or space at s (0 when s starts a word character):
 * ASCII punctuation and spaces, U+00A0 (no-break space), U+00AB and U+00BB
 * (guillemets) and all of U+2000-U+203F (spaces, dashes, typographic quotes
 * and apostrophes, ellipsis, primes). */
static size_t separator_bytes(const unsigned char *s)
{
    if (s[0] < 0x80)
        return is_alnum_ascii(s[0]) ? 0 : 1;
    if (s[0] == 0xC2 && (s[1] == 0xA0 || s[1] == 0xAB || s[1] == 0xBB))
        return 2;
    if (s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x80 && s[2] <= 0xBF)
        return 3;
    return 0;
}

size_t banktext_next_word(const char *text, size_t *pos, char word[BANKTEXT_WORD_MAX])
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = *pos, n = 0;
    while (n == 0) {
        for (size_t sep; s[i] && (sep = separator_bytes(s + i)) > 0;)
            i += sep;
        if (!s[i])
            break;
        while (s[i] && !separator_bytes(s + i)) {
            if (n + 1 < BANKTEXT_WORD_MAX)
                word[n++] = (char)lower(s[i]);
            i++;
        }
        /* never leave a cut UTF-8 sequence at the end of the copy */
        if (n + 1 >= BANKTEXT_WORD_MAX)
            while (n > 0 && ((unsigned char)word[n - 1] & 0xC0) == 0x80)
                n--;
        if (n > 0 && (unsigned char)word[n - 1] >= 0xC0)
            n--;
    }
    word[n] = '\0';
    *pos = i;
    return n;
}

static bool ends_with(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

size_t banktext_stem(char *w)
{
    size_t n = strlen(w);
    if (ends_with(w, n, "ies") && n >= 5) {
        n -= 3;
        w[n++] = 'y';
    } else if (ends_with(w, n, "ing") && n >= 6) {
        n -= 3;
    } else if (ends_with(w, n, "ed") && n >= 5) {
        n -= 2;
    } else if (ends_with(w, n, "es") && n >= 5 && !ends_with(w, n, "ses")) {
        n -= 2;
    } else if (ends_with(w, n, "s") && !ends_with(w, n, "ss") && n >= 4) {
        n -= 1;
    }
    w[n] = '\0';
    return n;
}

static bool boundary(const unsigned char *s, size_t i)
{
    return !is_alnum_ascii(s[i]);
}

bool banktext_has_phrase(const char *text, const char *phrase)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = strlen(phrase);
    if (!n)
        return false;
    for (size_t i = 0; s[i]; i++) {
        if (i > 0 && is_alnum_ascii((unsigned char)phrase[0]) && !boundary(s, i - 1))
            continue;
        size_t k = 0;
        while (k < n && s[i + k] && lower(s[i + k]) == (unsigned char)phrase[k])
            k++;
        if (k == n && (!is_alnum_ascii((unsigned char)phrase[n - 1]) || boundary(s, i + n)))
            return true;
    }
    return false;
}

static bool is_option_letter(unsigned char ch)
{
    return ch >= 'A' && ch <= 'H';
}

bool banktext_names_option_letter(const char *text, char *found, size_t size)
{
    static const char *const LEADS[] = {"options ", "option ", "answers ", "answer ", "choices ",
                                        "choice "};
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; s[i]; i++) {
        /* "(B)" standing alone */
        if (s[i] == '(' && is_option_letter(s[i + 1]) && s[i + 2] == ')') {
            snprintf(found, size, "(%c)", s[i + 1]);
            return true;
        }
        if (i > 0 && !boundary(s, i - 1))
            continue;
        for (size_t l = 0; l < sizeof LEADS / sizeof LEADS[0]; l++) {
            size_t n = strlen(LEADS[l]), k = 0;
            while (k < n && s[i + k] && lower(s[i + k]) == (unsigned char)LEADS[l][k])
                k++;
            if (k < n)
                continue;
            unsigned char letter = s[i + n];
            if (is_option_letter(letter) && boundary(s, i + n + 1) && s[i + n + 1] != '-' &&
                s[i + n + 1] != '\'') {
                snprintf(found, size, "%.*s%c", (int)n, text + i, letter);
                return true;
            }
            break;
        }
    }
    return false;
}

int banktext_choose_count(const char *prompt)
{
    static const char *const COUNTS[] = {"one", "two", "three", "four", "five", "six", "seven",
                                         "eight"};
    static const char *const LEADS[] = {"(choose ", "(select "};
    const unsigned char *s = (const unsigned char *)prompt;
    int last = 0;
    for (size_t i = 0; s[i]; i++) {
        for (size_t l = 0; l < 2; l++) {
            size_t n = strlen(LEADS[l]), k = 0;
            while (k < n && s[i + k] && lower(s[i + k]) == (unsigned char)LEADS[l][k])
                k++;
            if (k < n)
                continue;
            size_t pos = i + n;
            char word[BANKTEXT_WORD_MAX];
            if (!banktext_next_word(prompt, &pos, word))
                continue;
            for (int c = 0; c < 8; c++)
                if (strcmp(word, COUNTS[c]) == 0 || (word[0] == '1' + c && !word[1]))
                    last = c + 1;
        }
    }
    return last;
}
