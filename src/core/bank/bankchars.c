/* Text as the screen shows it: UTF-8 decoding, the characters a bank may
 * not hold, the ones that are invisible, reversed or drawn as boxes by the
 * bundled font, and whether two strings look alike. The loader's layers
 * use it to warn authors; nothing here reads YAML. */
#include "bankload_internal.h"

#include <stdio.h>
#include <string.h>

size_t bankchars_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char b = s[0];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if (b >= 0xC2 && b <= 0xDF) {
        len = 2; v = b & 0x1Fu; min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
        len = 3; v = b & 0x0Fu; min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {
        len = 4; v = b & 0x07u; min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

bool bankchars_forbidden(uint32_t cp)
{
    if (cp < 0x20)
        return cp != '\t' && cp != '\n' && cp != '\r';
    if (cp >= 0x7F && cp <= 0x9F)
        return cp != 0x85;
    return cp == 0xFFFE || cp == 0xFFFF;
}

/* Zero-width and direction-control characters: invisible on screen, yet
 * they make two strings differ (or an option render blank). */
const char *bankchars_invisible_name(uint32_t cp)
{
    switch (cp) {
    case 0x00AD: return "soft hyphen";
    case 0x180E: return "Mongolian vowel separator";
    case 0x200B: return "zero width space";
    case 0x200C: return "zero width non-joiner";
    case 0x200D: return "zero width joiner";
    case 0x200E: return "left-to-right mark";
    case 0x200F: return "right-to-left mark";
    case 0x202A: return "left-to-right embedding";
    case 0x202B: return "right-to-left embedding";
    case 0x202C: return "pop directional formatting";
    case 0x202D: return "left-to-right override";
    case 0x202E: return "right-to-left override";
    case 0x2060: return "word joiner";
    case 0x2061: case 0x2062: case 0x2063: case 0x2064: return "invisible operator";
    case 0x2066: return "left-to-right isolate";
    case 0x2067: return "right-to-left isolate";
    case 0x2068: return "first strong isolate";
    case 0x2069: return "pop directional isolate";
    case 0xFEFF: return "zero width no-break space";
    default: return NULL;
    }
}

/* Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, ...): the
 * program lays text out left to right, so they would come out reversed. */
static bool is_rtl_char(uint32_t cp)
{
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF) ||
           (cp >= 0x10800 && cp <= 0x10FFF) || (cp >= 0x1E800 && cp <= 0x1EFFF);
}

/* Blocks the bundled DejaVu Sans has no glyphs for (they show as boxes):
 * the CJK scripts, Hangul, most of the Indic and South-East Asian scripts,
 * emoji and pictographs, and everything beyond the first plane. */
static bool font_lacks_char(uint32_t cp)
{
    return (cp >= 0x0900 && cp <= 0x0DFF) || (cp >= 0x0F00 && cp <= 0x109F) || (cp >= 0x1100 && cp <= 0x11FF) ||
           (cp >= 0x1780 && cp <= 0x18AF) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xA960 && cp <= 0xA97F) ||
           (cp >= 0xAC00 && cp <= 0xD7FF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
           cp >= 0x10000;
}

void bankchars_describe(const unsigned char *s, size_t n, uint32_t cp, char *out, size_t size)
{
    const char *name = bankchars_invisible_name(cp);
    if (name)
        snprintf(out, size, "U+%04X (%s)", (unsigned)cp, name);
    else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        snprintf(out, size, "U+%04X (a control character)", (unsigned)cp);
    else
        snprintf(out, size, "'%.*s' (U+%04X)", (int)n, (const char *)s, (unsigned)cp);
}


/* Warns about text that will not look as written: invisible characters
 * (and text made only of them, which renders blank), characters the
 * bundled font cannot draw, right-to-left scripts. The first string of
 * each kind in a file is named with its character; the rest are counted
 * in a note at the end of the file (bank_parse_items). */
void bankchars_check_display(Ctx *c, const Node *n, const char *key)
{
    const unsigned char *s = (const unsigned char *)n->text;
    bool seen[TEXT_ISSUES] = {false, false, false}, visible = false;
    for (size_t i = 0; i < n->len;) {
        uint32_t cp = 0;
        size_t w = bankchars_decode(s + i, n->len - i, &cp);
        if (w == 0)
            return; /* prescan reported it */
        TextIssue kind = TEXT_INVISIBLE;
        bool issue = true;
        if (bankchars_invisible_name(cp))
            kind = TEXT_INVISIBLE;
        else if (is_rtl_char(cp))
            kind = TEXT_RTL;
        else if (font_lacks_char(cp))
            kind = TEXT_NO_GLYPH;
        else
            issue = false;
        if (kind != TEXT_INVISIBLE || !issue)
            visible = visible || (cp != ' ' && cp != '\n' && cp != '\t');
        if (issue && !seen[kind]) {
            seen[kind] = true;
            if (c->text_warned[kind]++ == 0) {
                char what[96];
                bankchars_describe(s + i, w, cp, what, sizeof what);
                static const char *const WHY[TEXT_ISSUES] = {
                    "an invisible character; remove it",
                    "which the bundled font cannot draw (it shows as a box)",
                    "from a right-to-left script, which cloudprep shows left to right (reversed)"};
                report(c, DIAG_WARNING, n->line, n->col, "'%s' contains %s, %s", key, what, WHY[kind]);
            }
        }
        i += w;
    }
    if (!visible)
        report(c, DIAG_WARNING, n->line, n->col, "'%s' is made only of invisible characters and shows blank",
               key);
}

/* Next character of s for comparing as a reader sees it: invisible
 * characters skipped, runs of white space as one space, ASCII letters in
 * lower case. Returns 0 at the end. */
static uint32_t shown_char(const unsigned char **s, bool *space)
{
    for (;;) {
        if (!**s)
            return 0;
        uint32_t cp = 0;
        size_t w = bankchars_decode(*s, strlen((const char *)*s), &cp);
        if (w == 0) {
            cp = **s;
            w = 1;
        }
        *s += w;
        if (bankchars_invisible_name(cp))
            continue;
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0) {
            *space = true;
            continue;
        }
        return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    }
}

bool bankchars_look_same(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    bool first = true;
    for (;;) {
        bool sa = false, sb = false;
        uint32_t x = shown_char(&p, &sa), y = shown_char(&q, &sb);
        if (x != y)
            return false;
        if (x == 0)
            return true;
        if (!first && sa != sb)
            return false; /* "ab" and "a b" differ */
        first = false;
    }
}
