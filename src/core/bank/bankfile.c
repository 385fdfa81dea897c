/* The loader's entry points for one file (bank_parse_exam,
 * bank_parse_items): text checks, the YAML tree, the schema, then the
 * items join the Bank. After a syntax error the file is read again without
 * the broken item, so one run reports every independent error and the
 * good items still load. Folders are bankdir.c's job. */
#include "bankload_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Counts the entries of the top-level lists, for skipped_items after a
 * syntax error (the tree holds what parsed before it). */
static int count_listed_items(const Node *root)
{
    int n = 0;
    if (!root || root->kind != NODE_MAP)
        return 0;
    for (const Node *k = root->first; k && k->next; k = k->next->next)
        if (k->kind == NODE_SCALAR && k->next->kind == NODE_LIST &&
            (!strcmp(k->text, "questions") || !strcmp(k->text, "flashcards")))
            n += k->next->count;
    return n;
}

/* Index of the first byte at or after i that is not a space. */
static size_t skip_spaces(const char *buf, size_t len, size_t i)
{
    while (i < len && buf[i] == ' ')
        i++;
    return i;
}

/* Blanks (with spaces, keeping line numbers) the list entry at item level
 * that holds line `line` of buf, up to the next entry or top-level key.
 * Item level is the shallowest "- " in the file. Returns the entry's first
 * line, or 0 when the line is not inside an item. */
static int blank_item_at(char *buf, size_t len, int line)
{
    int item_indent = -1;
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && buf[i - 1] != '\n')
            continue;
        size_t j = skip_spaces(buf, len, i);
        if (j + 1 < len && buf[j] == '-' && (buf[j + 1] == ' ' || buf[j + 1] == '\n'))
            if (item_indent < 0 || (int)(j - i) < item_indent)
                item_indent = (int)(j - i);
    }
    if (item_indent < 0)
        return 0;
    size_t start = 0, end = len;
    int start_line = 0, n = 1;
    bool found = false;
    for (size_t i = 0; i < len; n++) {
        size_t eol = i;
        while (eol < len && buf[eol] != '\n')
            eol++;
        size_t j = i;
        while (j < eol && buf[j] == ' ')
            j++;
        int indent = (int)(j - i);
        bool blank = j == eol || buf[j] == '#';
        bool entry = !blank && indent == item_indent && buf[j] == '-';
        bool outside = !blank && indent < item_indent; /* a top-level key */
        if (n <= line && entry) {
            start = i;
            start_line = n;
            found = true;
        } else if (n <= line && outside) {
            found = false;
        } else if (n > line && (entry || outside)) {
            end = i;
            break;
        }
        i = eol < len ? eol + 1 : len;
    }
    if (!found)
        return 0;
    for (size_t i = start; i < end; i++)
        if (buf[i] != '\n')
            buf[i] = ' ';
    return start_line;
}

/* After a syntax error, reads the file again without the item that holds
 * it, as many times as it takes (up to BANK_LIMIT_RESYNC items): every
 * independent syntax error is reported in one run, and the items around
 * them still load. The blanked items count as bad. Returns whether a
 * reading finally got through; *root is its tree. */
static bool read_past_syntax_errors(Ctx *c, const char *buf, size_t len, Node **root, Staged *st,
                                    int *syntax_errors)
{
    char *copy = arena_alloc(c->scratch, len + 1);
    if (!copy)
        return false;
    memcpy(copy, buf, len);
    copy[len] = '\0';
    *syntax_errors = 1;
    int last = 0;
    for (int round = 0; round < BANK_LIMIT_RESYNC && c->syntax_line > 0; round++) {
        /* the item where the broken construct began, else the one of the error */
        int first = c->syntax_context_line > 0 ? blank_item_at(copy, len, c->syntax_context_line) : 0;
        if (first == 0)
            first = blank_item_at(copy, len, c->syntax_line);
        if (first == 0 || first == last)
            return false; /* not inside an item (the file's shape): give up */
        last = first;
        char name[48];
        snprintf(name, sizeof name, "the item at line %d", first);
        bankitems_name_bad(st, name);
        c->quiet_before = first;
        c->syntax_line = 0;
        if (bankyaml_parse(c, copy, len, root)) {
            c->quiet_before = 0;
            return true;
        }
        if (c->syntax_line == 0)
            return false; /* another kind of failure (depth, memory) */
        (*syntax_errors)++;
    }
    return false;
}

/* Counts the list entries of raw text that start an item ("- id:" at the
 * start of a line, after spaces): what a file held when a syntax error
 * stopped the parser before its end. */
static int count_item_lines(const char *buf, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && buf[i - 1] != '\n')
            continue;
        size_t j = skip_spaces(buf, len, i);
        if (j + 5 > len || buf[j] != '-' || buf[j + 1] != ' ')
            continue;
        j = skip_spaces(buf, len, j + 2);
        if (j + 3 <= len && strncmp(buf + j, "id:", 3) == 0)
            n++;
    }
    return n;
}

static size_t count_true(const bool *v, int n)
{
    size_t k = 0;
    for (int i = 0; i < n; i++)
        k += v[i];
    return k;
}

/* The note after a file's text warnings: how many more strings had each
 * kind of display problem than the one named. */
static void note_text_counts(Ctx *c)
{
    static const char *const WHAT[TEXT_ISSUES] = {"invisible characters", "characters the bundled font cannot draw",
                                        "right-to-left text"};
    for (int k = 0; k < TEXT_ISSUES; k++)
        if (c->text_warned[k] > 1)
            diag_add(c->diag, DIAG_NOTE, c->file, 0, 0, "%d more string%s in this file contain%s %s",
                     c->text_warned[k] - 1, c->text_warned[k] == 2 ? "" : "s", c->text_warned[k] == 2 ? "s" : "",
                     WHAT[k]);
}

/* Appends the staged items to the Bank. Their strings and arrays are in the
 * Bank's arena already; only the BankItem records move. */
static bool commit_items(Ctx *c, const Staged *st)
{
    Bank *b = c->bank;
    BankArena *ba = b->arena;
    if ((size_t)b->item_count + (size_t)st->count > ba->item_cap) {
        size_t cap = ba->item_cap ? ba->item_cap : 256;
        while (cap < (size_t)b->item_count + (size_t)st->count)
            cap *= 2;
        BankItem *grown = realloc(b->items, cap * sizeof *grown);
        if (!grown)
            return false;
        b->items = grown;
        ba->item_cap = cap;
    }
    for (int i = 0; i < st->count; i++) {
        if (st->bad[i])
            continue;
        BankItem it = st->items[i];
        it.file = c->file_copy;
        if (!it.tag_count)
            it.tags = NULL;
        int index = b->item_count++;
        b->items[index] = it;
        IdSlot *slot = bankindex_find(ba, it.id);
        if (slot)
            slot->item = index;
        if (it.kind == ITEM_QUESTION)
            b->question_count++;
        else
            b->flashcard_count++;
    }
    return true;
}

/* One reading of a file: its context and scratch memory, and where its
 * diagnostics go (a local Diag when the caller passed none). */
typedef struct FileRead {
    Ctx c;
    Arena scratch;
    Diag local;
    Diag *d;
    int diag_start;
    bool started; /* the text passed the checks before YAML */
} FileRead;

static void file_open(FileRead *fr, Bank *b, const char *name, Diag *out, const char **buf, size_t *len)
{
    memset(fr, 0, sizeof *fr);
    fr->d = out ? out : &fr->local;
    fr->diag_start = fr->d->count;
    fr->started = bankctx_begin(&fr->c, b, &fr->scratch, name, fr->d, buf, len);
}

static void file_close(FileRead *fr)
{
    arena_release(&fr->scratch);
    diag_free(&fr->local);
}

/* Refuses a file the Bank is not ready for; always returns false. */
static bool refuse(Diag *out, const char *name, const char *why)
{
    if (out)
        diag_add(out, DIAG_ERROR, name ? name : "(input)", 0, 0, "%s", why);
    return false;
}

/* Returns true, after reporting "file is empty; `what`", when a file that
 * parsed holds nothing. */
static bool empty_file(Ctx *c, const Node *root, const char *what)
{
    if (root && !bankschema_is_null(root))
        return false;
    report(c, DIAG_ERROR, 0, 0, "file is empty; %s", what);
    return true;
}

bool bank_parse_exam(Bank *b, const char *buf, size_t len, const char *name, Diag *out)
{
    if (b->domain_count > 0)
        return refuse(out, name, "the bank already has an exam loaded");
    FileRead fr;
    file_open(&fr, b, name, out, &buf, &len);
    Node *root;
    bool ok = fr.started && bankyaml_parse(&fr.c, buf, len, &root) &&
              !empty_file(&fr.c, root, "exam.yaml describes the exam (see banks/FORMAT.md)") &&
              fr.c.errors == 0 && bankexam_parse(&fr.c, root, b);
    if (!ok) {
        b->domain_count = 0;
        b->task_count = 0;
        bankctx_note_first_error(&fr.c, fr.diag_start);
    }
    file_close(&fr);
    return ok;
}

/* The note for a file whose items loaded but for those with errors. */
static void note_partial(FileRead *fr, const Staged *st)
{
    int loaded = st->count - (int)count_true(st->bad, st->count);
    fr->c.bank->skipped_items += st->bad_count;
    fr->c.bank->partial_files++;
    if (loaded > 0)
        diag_add(fr->d, DIAG_NOTE, fr->c.file, 0, 0, "%d item%s skipped because of errors (%s); the file's "
                 "other %d item%s loaded", st->bad_count, st->bad_count == 1 ? "" : "s", st->bad_ids, loaded,
                 loaded == 1 ? " is" : "s are");
    else
        diag_add(fr->d, DIAG_NOTE, fr->c.file, 0, 0, "%d item%s skipped because of errors (%s); the file "
                 "has no other items", st->bad_count, st->bad_count == 1 ? "" : "s", st->bad_ids);
    bankctx_note_first_error(&fr->c, fr->diag_start);
}

/* The note for a file skipped whole: `skipped` items (as far as they could
 * be counted), `parsed` false when a syntax error stopped the reading. */
static void note_skipped(FileRead *fr, int skipped, bool parsed)
{
    Diag *d = fr->d;
    const char *file = fr->c.file;
    fr->c.bank->skipped_files++;
    fr->c.bank->skipped_items += skipped;
    if (!parsed && skipped > 0)
        diag_add(d, DIAG_NOTE, file, 0, 0, "file skipped: the error stops the reading, so none "
                 "of its items are loaded (about %d, counted by their '- id:' lines)", skipped);
    else if (!parsed)
        diag_add(d, DIAG_NOTE, file, 0, 0, "file skipped: the error stops the reading, so none "
                 "of its items are loaded (how many it holds could not be counted)");
    else if (skipped > 0)
        diag_add(d, DIAG_NOTE, file, 0, 0, "file skipped: its %d item%s not loaded",
                 skipped, skipped == 1 ? " is" : "s are");
    else
        diag_add(d, DIAG_NOTE, file, 0, 0, "file skipped");
    bankctx_note_first_error(&fr->c, fr->diag_start);
}

bool bank_parse_items(Bank *b, const char *buf, size_t len, const char *name, Diag *out)
{
    if (b->domain_count == 0) {
        b->skipped_files++;
        return refuse(out, name, "exam.yaml must be loaded (without errors) before item files");
    }
    FileRead fr;
    file_open(&fr, b, name, out, &buf, &len);
    Ctx *c = &fr.c;
    Staged st = {0};
    int listed = 0, resync_errors = 0;
    bool parsed = false;
    if (fr.started) {
        Node *root;
        parsed = bankyaml_parse(c, buf, len, &root);
        listed = parsed ? count_listed_items(root) : count_item_lines(buf, len);
        if (!parsed && c->syntax_line > 0)
            parsed = read_past_syntax_errors(c, buf, len, &root, &st, &resync_errors);
        if (parsed && !empty_file(c, root, "an item file holds 'questions:' and/or 'flashcards:' lists") &&
            c->errors == resync_errors)
            bankitems_parse(c, root, &st);
    }
    note_text_counts(c);
    /* errors in the file's shape skip it whole; errors inside an item skip that item */
    bool file_ok = c->errors == st.item_errors + resync_errors && !c->oom;
    if (file_ok && !commit_items(c, &st)) {
        bankctx_oom(c);
        file_ok = false;
    }
    if (file_ok && st.bad_count > 0)
        note_partial(&fr, &st);
    else if (!file_ok)
        note_skipped(&fr, st.count > listed ? st.count : listed, parsed);
    file_close(&fr);
    return file_ok && st.bad_count == 0;
}
