/* Typed access to the node tree, the part of the schema every file shares:
 * strings, numbers, booleans, fractions and ids with their limits, and
 * mappings matched to a table of known keys (duplicates are errors, unknown
 * keys warnings with a "did you mean"). Each problem is reported at the
 * node's line:col; what the keys mean is bankexam.c's and bankitems.c's. */
#include "bankload_internal.h"

#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------- typed access */

bool bankschema_is_null(const Node *n)
{
    if (!n || n->kind != NODE_SCALAR || !n->plain)
        return false;
    const char *t = n->text;
    return !*t || !strcmp(t, "~") || !strcmp(t, "null") || !strcmp(t, "Null") ||
           !strcmp(t, "NULL");
}

const char *bankschema_kind_name(const Node *n)
{
    switch (n->kind) {
    case NODE_LIST: return "a list";
    case NODE_MAP: return "a mapping";
    default: return "a single value";
    }
}

void bankschema_excerpt(const Node *n, char *out, size_t size)
{
    size_t len = n->len;
    size_t max = size - 4 < 40 ? size - 4 : 40;
    if (len > max) {
        len = max;
        while (len > 0 && ((unsigned char)n->text[len] & 0xC0) == 0x80)
            len--;
        snprintf(out, size, "%.*s...", (int)len, n->text);
    } else {
        snprintf(out, size, "%.*s", (int)len, n->text);
    }
    for (char *p = out; *p; p++)
        if (*p == '\n' || *p == '\t')
            *p = ' ';
}

static bool expect_scalar(Ctx *c, const Node *n, const char *key, const char *want)
{
    if (n->kind == NODE_SCALAR)
        return true;
    if (n->kind != NODE_BAD)
        report(c, DIAG_ERROR, n->line, n->col, "'%s' must be %s, not %s", key, want,
               bankschema_kind_name(n));
    return false;
}

static bool only_space(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\n' && *s != '\t')
            return false;
    return true;
}

/* Checks that n is a non-empty string of at most `limit` bytes (with
 * `blank_is_empty`, white space alone counts as empty); false after
 * reporting. */
static bool sized_string(Ctx *c, const Node *n, const char *key, size_t limit, bool blank_is_empty)
{
    if (!expect_scalar(c, n, key, "a string"))
        return false;
    if (bankschema_is_null(n) || n->len == 0 || (blank_is_empty && only_space(n->text))) {
        report(c, DIAG_ERROR, n->line, n->col, "'%s' is empty", key);
        return false;
    }
    if (n->len > limit) {
        report(c, DIAG_ERROR, n->line, n->col, "'%s' is %zu bytes; the limit is %zu", key,
               n->len, limit);
        return false;
    }
    return true;
}

const char *bankschema_string(Ctx *c, const Node *n, const char *key, size_t limit)
{
    if (!sized_string(c, n, key, limit, true))
        return NULL;
    bankchars_check_display(c, n, key);
    return n->text;
}

bool bankschema_int(Ctx *c, const Node *n, const char *key, long min, long max, int *out)
{
    if (!expect_scalar(c, n, key, "a whole number"))
        return false;
    char shown[48];
    bankschema_excerpt(n, shown, sizeof shown);
    if (!n->plain) {
        report(c, DIAG_ERROR, n->line, n->col,
               "'%s' must be a whole number; remove the quotes around '%s'", key, shown);
        return false;
    }
    const char *s = n->text;
    bool neg = *s == '-';
    if (*s == '-' || *s == '+')
        s++;
    long v = 0;
    bool digits = *s != '\0';
    for (; *s; s++) {
        if (*s < '0' || *s > '9') {
            digits = false;
            break;
        }
        if (v < 1000000000L)
            v = v * 10 + (*s - '0');
    }
    if (!digits) {
        report(c, DIAG_ERROR, n->line, n->col, "'%s' must be a whole number, found '%s'",
               key, shown);
        return false;
    }
    if (neg)
        v = -v;
    if (v < min || v > max) {
        report(c, DIAG_ERROR, n->line, n->col, "'%s' must be between %ld and %ld, found %s",
               key, min, max, shown);
        return false;
    }
    *out = (int)v;
    return true;
}

bool bankschema_bool(Ctx *c, const Node *n, const char *key, bool *out)
{
    if (!expect_scalar(c, n, key, "true or false"))
        return false;
    const char *t = n->text;
    if (n->plain && (!strcmp(t, "true") || !strcmp(t, "True") || !strcmp(t, "TRUE"))) {
        *out = true;
        return true;
    }
    if (n->plain && (!strcmp(t, "false") || !strcmp(t, "False") || !strcmp(t, "FALSE"))) {
        *out = false;
        return true;
    }
    char shown[48];
    bankschema_excerpt(n, shown, sizeof shown);
    report(c, DIAG_ERROR, n->line, n->col, "'%s' must be true or false, found '%s'", key,
           shown);
    return false;
}

bool bankschema_fraction(Ctx *c, const Node *n, const char *key, double *out)
{
    if (!expect_scalar(c, n, key, "a number"))
        return false;
    char shown[48];
    bankschema_excerpt(n, shown, sizeof shown);
    const char *s = n->text;
    size_t i = 0;
    /* digits as an exact integer over a power of ten, divided once: the
     * double nearest the decimal, so that 35/50 and "0.70" are the same
     * number and the pass mark is reached exactly at the pass fraction */
    int64_t num = 0, den = 1;
    int digits = 0;
    while (s[i] >= '0' && s[i] <= '9' && i < 20) {
        if (digits < 17) {
            num = num * 10 + (s[i] - '0');
            digits += num > 0;
        }
        i++;
    }
    bool any = i > 0;
    if (s[i] == '.') {
        i++;
        while (s[i] >= '0' && s[i] <= '9' && i < 40) {
            if (digits < 17 && den < 1000000000000000000LL / 10) {
                num = num * 10 + (s[i] - '0');
                den *= 10;
                digits += num > 0;
            }
            i++;
            any = true;
        }
    }
    double v = (double)num / (double)den;
    if (!n->plain || !any || s[i] != '\0' || !(v > 0.0 && v < 1.0)) {
        report(c, DIAG_ERROR, n->line, n->col,
               "'%s' must be a number between 0 and 1 (like 0.70), found '%s'", key, shown);
        return false;
    }
    *out = v;
    return true;
}

bool bankschema_expect(Ctx *c, const Node *n, NodeKind kind, const char *key, const char *want)
{
    if (n->kind == kind)
        return true;
    if (n->kind != NODE_BAD)
        report(c, DIAG_ERROR, n->line, n->col, "'%s' must be %s, not %s", key, want,
               n->kind == NODE_SCALAR ? "a single value" : bankschema_kind_name(n));
    return false;
}

/* ------------------------------------------------- mappings and key specs */

void bankschema_join(char *out, size_t size, const char *sep, int n,
                     const char *(*name)(int i, const void *data), const void *data)
{
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < n && used < size; i++) {
        int w = snprintf(out + used, size - used, "%s%s", i ? sep : "", name(i, data));
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

static const char *key_name(int i, const void *spec)
{
    return ((const KeySpec *)spec)[i].name;
}

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return SIZE_MAX;
    size_t row[41];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = diag + cost;
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

static void report_unknown_key(Ctx *c, const Node *key, const char *where,
                               const KeySpec *spec, int n)
{
    char shown[48];
    bankschema_excerpt(key, shown, sizeof shown);
    const char *best = NULL;
    size_t best_d = SIZE_MAX;
    for (int i = 0; i < n; i++) {
        size_t d = edit_distance(key->text, spec[i].name);
        if (d < best_d) {
            best_d = d;
            best = spec[i].name;
        }
    }
    if (best && best_d <= 2 && best_d < key->len) {
        report(c, DIAG_WARNING, key->line, key->col, "unknown key '%s'; did you mean '%s'?",
               shown, best);
        return;
    }
    char list[400];
    bankschema_join(list, sizeof list, ", ", n, key_name, spec);
    report(c, DIAG_WARNING, key->line, key->col, "unknown key '%s' in %s; known keys: %s",
           shown, where, list);
}

bool bankschema_fields(Ctx *c, const Node *map, const char *what, const KeySpec *spec,
                        int n, Fields *f)
{
    memset(f, 0, sizeof *f);
    if (map->kind != NODE_MAP) {
        if (map->kind != NODE_BAD)
            report(c, DIAG_ERROR, map->line, map->col, "%s must be a mapping (key: value), not %s",
                   what, bankschema_kind_name(map));
        return false;
    }
    for (const Node *k = map->first; k; k = k->next ? k->next->next : NULL) {
        const Node *v = k->next;
        if (!v)
            break; /* partial tree after a syntax error */
        if (k->kind != NODE_SCALAR) {
            if (k->kind != NODE_BAD)
                report(c, DIAG_ERROR, k->line, k->col, "a key in %s must be a plain name, not %s",
                       what, bankschema_kind_name(k));
            continue;
        }
        int found = -1;
        for (int i = 0; i < n; i++)
            if (strcmp(k->text, spec[i].name) == 0)
                found = i;
        if (found < 0) {
            report_unknown_key(c, k, what, spec, n);
            continue;
        }
        if (f->key[found]) {
            report(c, DIAG_ERROR, k->line, k->col, "duplicate key '%s' (first at line %d)",
                   spec[found].name, f->key[found]->line);
            continue;
        }
        f->key[found] = k;
        f->value[found] = v;
    }
    return true;
}

bool bankschema_require(Ctx *c, const Node *map, const char *label, const KeySpec *spec,
                           int n, const Fields *f)
{
    bool ok = true;
    for (int i = 0; i < n; i++) {
        if (spec[i].required && !f->value[i]) {
            report(c, DIAG_ERROR, map->line, map->col, "%s has no '%s'", label, spec[i].name);
            ok = false;
        }
    }
    return ok;
}
static bool is_id_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '.' || ch == '-' || ch == '_';
}

const char *bankschema_id(Ctx *c, const Node *n, const char *key)
{
    if (!sized_string(c, n, key, BANK_LIMIT_ID, false))
        return NULL;
    for (size_t i = 0; i < n->len; i++) {
        if (!is_id_char(n->text[i])) {
            char shown[48], what[96] = "";
            bankschema_excerpt(n, shown, sizeof shown);
            uint32_t cp = 0;
            size_t w = bankchars_decode((const unsigned char *)n->text + i, n->len - i, &cp);
            if (w > 1 || (unsigned char)n->text[i] < 0x20) {
                bankchars_describe((const unsigned char *)n->text + i, w ? w : 1, w ? cp : (unsigned char)n->text[i],
                              what, sizeof what);
                report(c, DIAG_ERROR, n->line, n->col,
                       "'%s' '%s' contains %s; ids may contain only letters, digits, '.', '-' and '_'",
                       key, shown, what);
            } else {
                report(c, DIAG_ERROR, n->line, n->col,
                       "'%s' '%s' may contain only letters, digits, '.', '-' and '_'", key, shown);
            }
            return NULL;
        }
    }
    return n->text;
}
