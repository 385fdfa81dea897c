/* The YAML tree layer, the loader's lexer: the raw text is checked first
 * (UTF-8, control characters, tabs in indentation), then libyaml's events
 * become a small tree of nodes that keep their line:col, and libyaml's
 * complaints become messages with a hint in the bank author's terms. What
 * the nodes mean is the schema layers' business. */
#include "bankload_internal.h"

#include <limits.h>
#include <string.h>

#include <yaml.h>

/* Checks the raw bytes: valid UTF-8, no NUL or control characters, no tab in
 * the indentation of any line. Returns false (after reporting) when the file
 * must not go to the YAML parser. */
bool bankyaml_prescan(Ctx *c, const char *buf, size_t len)
{
    const unsigned char *s = (const unsigned char *)buf;
    int line = 1, col = 1;
    bool indent = true;
    bool ok = true;
    size_t i = 0;
    while (i < len) {
        if (!indent && i + 8 <= len) {
            /* skip 8 bytes at a time while all are printable ASCII or space */
            uint64_t x;
            memcpy(&x, s + i, 8);
            const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
            uint64_t below_space = (x - ones * 0x20) & ~x & highs;
            uint64_t del_or_high = (x | (x + ones)) & highs;
            if (!(below_space | del_or_high)) {
                i += 8;
                col += 8;
                continue;
            }
        }
        unsigned char ch = s[i];
        if (ch > 0x20 && ch < 0x7F) { /* the common case: printable ASCII */
            indent = false;
            i++;
            col++;
            continue;
        }
        if (ch == '\n' || ch == '\r') {
            i += (ch == '\r' && i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
            line++;
            col = 1;
            indent = true;
            continue;
        }
        if (ch == 0) {
            report(c, DIAG_ERROR, line, col,
                   "NUL byte in the file; bank files are UTF-8 text");
            return false;
        }
        uint32_t cp;
        size_t n = bankchars_decode(s + i, len - i, &cp);
        if (n == 0) {
            report(c, DIAG_ERROR, line, col,
                   "invalid UTF-8 (byte 0x%02X); save the file as UTF-8", ch);
            return false;
        }
        if (bankchars_forbidden(cp)) {
            report(c, DIAG_ERROR, line, col,
                   "control character U+%04X is not allowed", (unsigned)cp);
            return false;
        }
        if (ch == '\t' && indent) {
            report(c, DIAG_ERROR, line, col, "tab in indentation; indent with spaces");
            ok = false;
        }
        if (ch != ' ')
            indent = false;
        i += n;
        col++;
    }
    return ok;
}

/* ------------------------------------------------------- the node tree */

static Node *node_new(Ctx *c, NodeKind kind, yaml_mark_t mark)
{
    Node *n = bankctx_scratch(c, sizeof *n);
    if (!n)
        return NULL;
    n->kind = kind;
    n->line = mark.line < INT_MAX ? (int)mark.line + 1 : INT_MAX;
    n->col = mark.column < INT_MAX ? (int)mark.column + 1 : INT_MAX;
    return n;
}

static void node_append(Node *parent, Node *child)
{
    if (parent->last)
        parent->last->next = child;
    else
        parent->first = child;
    parent->last = child;
    parent->count++;
}

/* Line and column (1-based) of byte offset `off`, for reader errors. */
static void offset_position(const char *buf, size_t len, size_t off, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off && i < len; i++) {
        if (buf[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

/* How to fix libyaml's most common complaints, in the bank author's terms. */
static const struct {
    const char *problem, *context, *hint;
} YAML_HINTS[] = {
    {"mapping values are not allowed", NULL,
     "a plain value containing ': ' must be quoted (\"...\") or written as a block (>-)"},
    {"found character that cannot start any token", NULL,
     "a value starting with ` or @ must be quoted, and indentation must use spaces"},
    {"did not find expected key", NULL,
     "check the indentation: this line must line up with the keys above it, and a value "
     "starting with a quote must end with it"},
    {"did not find expected '-' indicator", NULL,
     "check the indentation: list entries ('- ') must line up with the ones above"},
    {"found unexpected end of stream", "quoted scalar", "a quoted string is not closed; add the closing quote"},
    {"could not find expected ':'", NULL,
     "a key needs ': ' after it; text running over several lines must be quoted or written as a block (>-)"},
    {"found undefined tag handle", NULL, "a value starting with '!' must be quoted"},
    {"did not find expected node content", "flow", "a value starting with [ or { is read as a list or mapping; quote it"},
    {"did not find expected ',' or ']'", NULL, "a value starting with [ is read as a list; quote it"},
    {"did not find expected ',' or '}'", NULL, "a value starting with { is read as a mapping; quote it"},
    {"block sequence entries are not allowed", NULL,
     "a list entry ('- ') must start on its own line, indented under its key"},
    {"found unknown escape character", NULL,
     "in double quotes a backslash starts an escape; write \\\\ or use single quotes"},
};

static const char *yaml_hint(const char *problem, const char *context)
{
    for (size_t i = 0; i < sizeof YAML_HINTS / sizeof YAML_HINTS[0]; i++) {
        if (!strstr(problem, YAML_HINTS[i].problem))
            continue;
        if (YAML_HINTS[i].context && (!context || !strstr(context, YAML_HINTS[i].context)))
            continue;
        return YAML_HINTS[i].hint;
    }
    return NULL;
}

static void report_yaml_error(Ctx *c, const yaml_parser_t *p, const char *buf, size_t len)
{
    if (p->error == YAML_MEMORY_ERROR) {
        bankctx_oom(c);
        return;
    }
    const char *problem = p->problem ? p->problem : "unknown problem";
    int line, col;
    if (p->error == YAML_READER_ERROR) {
        offset_position(buf, len, p->problem_offset, &line, &col);
        report(c, DIAG_ERROR, line, col, "invalid YAML: %s", problem);
        return;
    }
    line = (int)p->problem_mark.line + 1;
    col = (int)p->problem_mark.column + 1;
    c->syntax_line = line;
    c->syntax_context_line = p->context ? (int)p->context_mark.line + 1 : 0;
    const char *hint = yaml_hint(problem, p->context);
    if (p->context)
        report(c, DIAG_ERROR, line, col, "invalid YAML: %s %s at line %d, column %d%s%s",
               problem, p->context, (int)p->context_mark.line + 1,
               (int)p->context_mark.column + 1, hint ? "; " : "", hint ? hint : "");
    else
        report(c, DIAG_ERROR, line, col, "invalid YAML: %s%s%s", problem, hint ? "; " : "", hint ? hint : "");
}

/* Checks a scalar's value (escapes can produce what the raw text cannot). */
static void check_scalar_chars(Ctx *c, const Node *n)
{
    const unsigned char *s = (const unsigned char *)n->text;
    for (size_t i = 0; i < n->len; i++) {
        if (s[i] < 0x20 && s[i] != '\n' && s[i] != '\t') {
            report(c, DIAG_ERROR, n->line, n->col,
                   "string contains control character U+%04X", (unsigned)s[i]);
            return;
        }
    }
}

bool bankyaml_parse(Ctx *c, const char *buf, size_t len, Node **root)
{
    yaml_parser_t p;
    *root = NULL;
    if (!yaml_parser_initialize(&p)) {
        bankctx_oom(c);
        return false;
    }
    yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
    Node *stack[BANK_LIMIT_DEPTH];
    int depth = 0;
    int documents = 0;
    bool ok = true, done = false;
    while (!done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            report_yaml_error(c, &p, buf, len);
            ok = false;
            break;
        }
        Node *n = NULL;
        switch (ev.type) {
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (++documents > 1) {
                report(c, DIAG_ERROR, (int)ev.start_mark.line + 1,
                       (int)ev.start_mark.column + 1,
                       "a bank file holds one YAML document; remove the second '---'");
                ok = false;
                done = true;
            }
            break;
        case YAML_SCALAR_EVENT:
            n = node_new(c, NODE_SCALAR, ev.start_mark);
            if (n) {
                /* keys are only needed while checking; values go straight to
                 * the Bank's arena, so loading a file copies its text once */
                bool key = depth > 0 && stack[depth - 1]->kind == NODE_MAP &&
                           stack[depth - 1]->count % 2 == 0;
                Arena *into = key ? c->scratch : &c->bank->arena->mem;
                n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
                n->len = ev.data.scalar.length;
                n->text = arena_strndup(into, (const char *)ev.data.scalar.value, n->len);
                if (!n->text) {
                    bankctx_oom(c);
                    n = NULL;
                } else if (ev.data.scalar.style != YAML_DOUBLE_QUOTED_SCALAR_STYLE) {
                    /* other styles hold raw text, which prescan checked */
                } else if (memchr(n->text, '\0', n->len)) {
                    report(c, DIAG_ERROR, n->line, n->col, "string contains a NUL character");
                    n->kind = NODE_BAD;
                } else {
                    check_scalar_chars(c, n);
                }
            }
            break;
        case YAML_ALIAS_EVENT:
            report(c, DIAG_ERROR, (int)ev.start_mark.line + 1, (int)ev.start_mark.column + 1,
                   "aliases (*%s) are not supported in bank files; write the value out",
                   (const char *)ev.data.alias.anchor);
            n = node_new(c, NODE_BAD, ev.start_mark);
            break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            n = node_new(c, ev.type == YAML_SEQUENCE_START_EVENT ? NODE_LIST : NODE_MAP,
                         ev.start_mark);
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            if (depth > 0)
                depth--;
            break;
        default:
            break;
        }
        bool container = ev.type == YAML_SEQUENCE_START_EVENT ||
                         ev.type == YAML_MAPPING_START_EVENT;
        if (n) {
            if (depth > 0)
                node_append(stack[depth - 1], n);
            else if (!*root)
                *root = n;
            if (container) {
                if (depth == BANK_LIMIT_DEPTH) {
                    report(c, DIAG_ERROR, n->line, n->col,
                           "nesting is deeper than %d levels", BANK_LIMIT_DEPTH);
                    ok = false;
                    done = true;
                } else {
                    stack[depth++] = n;
                }
            }
        } else if (c->oom) {
            ok = false;
            done = true;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&p);
    return ok && !c->oom;
}
