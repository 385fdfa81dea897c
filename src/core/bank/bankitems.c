/* The item files' schema: each entry of `questions:` and `flashcards:` is
 * checked against banks/FORMAT.md (ids unique across the bank, a known
 * domain and task, 3 to 8 options with one or more right, documentation
 * refs on allowed hosts) and staged; bankfile.c decides what joins the
 * Bank. An item with errors is named and skipped, the others go on. */
#include "bankload_internal.h"
#include "strbuf.h"

#include <stdio.h>
#include <string.h>

/* Questions and flashcards start with the same three keys. */
enum { ITEM_KEY_ID, ITEM_KEY_DOMAIN, ITEM_KEY_TASK, ITEM_KEYS_SHARED };

enum { QU_DIFFICULTY = ITEM_KEYS_SHARED, QU_TAGS, QU_PROMPT, QU_OPTIONS, QU_EXPLANATION, QU_CHOOSE,
       QU_REFS, QU_KEYS };
static const KeySpec QUESTION_KEYS[QU_KEYS] = {
    {"id", true}, {"domain", true}, {"task", true}, {"difficulty", true}, {"tags", false},
    {"prompt", true}, {"options", true}, {"explanation", true}, {"choose", false},
    {"refs", false},
};

enum { FC_FRONT = ITEM_KEYS_SHARED, FC_BACK, FC_TAGS, FC_KEYS };
static const KeySpec CARD_KEYS[FC_KEYS] = {
    {"id", true}, {"domain", true}, {"task", true}, {"front", true}, {"back", true},
    {"tags", false},
};

enum { OP_TEXT, OP_CORRECT, OP_WHY, OP_KEYS };
static const KeySpec OPTION_KEYS[OP_KEYS] = {{"text", true}, {"correct", true}, {"why", true}};

enum { RF_TITLE, RF_URL, RF_KEYS };
static const KeySpec REF_KEYS[RF_KEYS] = {{"title", true}, {"url", true}};

/* How an item kind is read: its key table, then `body` reads the keys
 * after the shared ones (qid: the id for messages, "?" when unusable). */
typedef struct ItemSchema {
    ItemKind kind;
    const char *what; /* "a question", for "... must be a mapping" */
    const char *noun; /* "question", for "question 'q-1' has no ..." */
    const KeySpec *keys;
    int key_count;
    void (*body)(Ctx *c, const Fields *f, const char *qid, BankItem *it);
} ItemSchema;

enum { TOP_QUESTIONS, TOP_FLASHCARDS, TOP_KEYS };
static const KeySpec TOP_KEYS_SPEC[TOP_KEYS] = {{"questions", false}, {"flashcards", false}};

static BankItem *stage_item(Ctx *c, Staged *st)
{
    if (st->count == st->cap) {
        int cap = st->cap ? st->cap * 2 : 64;
        BankItem *grown = bankctx_scratch(c, sizeof *grown * (size_t)cap);
        bool *bad = bankctx_scratch(c, sizeof *bad * (size_t)cap);
        if (!grown || !bad)
            return NULL;
        if (st->count) {
            memcpy(grown, st->items, sizeof *grown * (size_t)st->count);
            memcpy(bad, st->bad, sizeof *bad * (size_t)st->count);
        }
        st->items = grown;
        st->bad = bad;
        st->cap = cap;
    }
    st->bad[st->count] = false;
    BankItem *it = &st->items[st->count++];
    memset(it, 0, sizeof *it);
    return it;
}

/* Registers an item id; reports a duplicate (pointing at the first). Returns
 * the bank-arena copy of the id, or NULL. */
static const char *register_id(Ctx *c, const Node *n, const char *id)
{
    BankArena *ba = c->bank->arena;
    const IdSlot *old = bankindex_find(ba, id);
    if (old) {
        report(c, DIAG_ERROR, n->line, n->col, "duplicate id '%s'; first defined at %s:%d", id,
               old->file, old->line);
        return NULL;
    }
    IdSlot *slot = bankindex_insert(ba, id, c->file_copy, n->line);
    if (!slot) {
        bankctx_oom(c);
        return NULL;
    }
    return slot->id;
}

static const char *domain_id(int i, const void *bank)
{
    return ((const Bank *)bank)->domains[i].id;
}

static const char *task_id(int i, const void *tasks)
{
    return ((const BankTask *)tasks)[i].id;
}

/* Resolves the item's domain and task; returns false after reporting. */
static bool resolve_place(Ctx *c, const Node *dn, const Node *tn, BankItem *it)
{
    const Bank *b = c->bank;
    const char *d = dn ? bankschema_string(c, dn, "domain", BANK_LIMIT_ID) : NULL;
    const char *t = tn ? bankschema_string(c, tn, "task", BANK_LIMIT_ID) : NULL;
    int di = d ? bank_domain_index(b, d) : -1;
    if (d && di < 0) {
        char list[300];
        bankschema_join(list, sizeof list, ", ", b->domain_count, domain_id, b);
        report(c, DIAG_ERROR, dn->line, dn->col,
               "unknown domain '%s'; exam.yaml defines domains %s", d, list);
    }
    int ti = t ? bank_task_index(b, t) : -1;
    if (t && ti < 0) {
        if (di >= 0) {
            const BankDomain *dom = &b->domains[di];
            char list[400];
            bankschema_join(list, sizeof list, ", ", dom->task_count, task_id, &b->tasks[dom->first_task]);
            report(c, DIAG_ERROR, tn->line, tn->col,
                   "unknown task '%s'; domain %s has tasks %s", t, dom->id, list);
        } else {
            report(c, DIAG_ERROR, tn->line, tn->col,
                   "unknown task '%s'; exam.yaml defines no such task statement", t);
        }
    }
    if (di >= 0 && ti >= 0 && b->tasks[ti].domain != di) {
        report(c, DIAG_ERROR, tn->line, tn->col, "task '%s' belongs to domain %s, not domain %s",
               t, b->domains[b->tasks[ti].domain].id, d);
        return false;
    }
    if (di < 0 || ti < 0)
        return false;
    it->domain = di;
    it->task = ti;
    return true;
}

static bool parse_tags(Ctx *c, const Node *n, BankItem *it)
{
    if (!bankschema_expect(c, n, NODE_LIST, "tags", "a list like [s3, storage]"))
        return false;
    if (n->count > BANK_LIMIT_TAGS) {
        report(c, DIAG_ERROR, n->line, n->col, "'tags' has %d entries; the limit is %d",
               n->count, BANK_LIMIT_TAGS);
        return false;
    }
    it->tags = bankctx_keep(c, sizeof *it->tags * (size_t)(n->count ? n->count : 1));
    if (!it->tags)
        return false;
    bool ok = true;
    for (const Node *t = n->first; t; t = t->next) {
        const char *s = bankschema_string(c, t, "tags", BANK_LIMIT_TAG);
        if (s)
            it->tags[it->tag_count++] = s;
        else
            ok = false;
    }
    return ok;
}

/* Reads the entries of a list of mappings (a question's options or refs):
 * each is matched to `spec` and handed to `read` with its index; messages
 * name an entry "NOUN N of 'QID'". Returns false when any entry had errors. */
typedef bool (*EntryReader)(Ctx *c, const Fields *f, int index, void *data);

static bool read_entries(Ctx *c, const Node *list, const char *noun, const char *qid,
                         const KeySpec *spec, int keys, EntryReader read, void *data)
{
    bool ok = true;
    int index = 0;
    for (const Node *e = list->first; e; e = e->next, index++) {
        Fields f;
        char label[120];
        snprintf(label, sizeof label, "%s %d of '%s'", noun, index + 1, qid);
        if (!bankschema_fields(c, e, label, spec, keys, &f)) {
            ok = false;
            continue;
        }
        ok &= bankschema_require(c, e, label, spec, keys, &f);
        ok &= read(c, &f, index, data);
    }
    return ok;
}

/* Reads the string field `key` of an entry into *out when it is there (a
 * missing one was reported by bankschema_require). False after reporting. */
static bool read_text(Ctx *c, const Fields *f, int key, const char *name, size_t limit, const char **out)
{
    if (!f->value[key])
        return true;
    *out = bankschema_string(c, f->value[key], name, limit);
    return *out != NULL;
}

static bool read_option(Ctx *c, const Fields *f, int index, void *data)
{
    BankItem *it = data;
    BankOption *opt = &it->options[index];
    bool ok = read_text(c, f, OP_TEXT, "text", BANK_LIMIT_OPTION_TEXT, &opt->text);
    if (f->value[OP_CORRECT])
        ok &= bankschema_bool(c, f->value[OP_CORRECT], "correct", &opt->correct);
    ok &= read_text(c, f, OP_WHY, "why", BANK_LIMIT_WHY, &opt->why);
    if (opt->correct)
        it->correct_mask |= 1u << index;
    const Node *tn = f->value[OP_TEXT];
    for (int j = 0; j < index && opt->text; j++) {
        if (!it->options[j].text)
            continue;
        if (strcmp(it->options[j].text, opt->text) == 0) {
            report(c, DIAG_ERROR, tn->line, tn->col, "option %d repeats the text of option %d", index + 1, j + 1);
            return false;
        }
        if (bankchars_look_same(it->options[j].text, opt->text)) {
            report(c, DIAG_ERROR, tn->line, tn->col,
                   "option %d differs from option %d only in spaces, letter case or invisible "
                   "characters; they look the same", index + 1, j + 1);
            return false;
        }
    }
    return ok;
}

/* Checks the right-answer rules of a question whose options all read well:
 * one or more right and one or more wrong, 3 to 5 options for one right
 * answer, 5 or more for several, and `choose` (when given) agreeing. */
static bool check_answers(Ctx *c, const Node *at, const Node *choose, BankItem *it)
{
    int count = it->option_count, right = 0;
    for (int i = 0; i < count; i++)
        right += it->options[i].correct;
    if (right == 0) {
        report(c, DIAG_ERROR, at->line, at->col, "no option is marked 'correct: true'");
        return false;
    }
    if (count < 3) {
        report(c, DIAG_ERROR, at->line, at->col, "a question needs at least 3 options; found %d",
               count);
        return false;
    }
    if (right == count) {
        report(c, DIAG_ERROR, at->line, at->col,
               "every option is marked correct; at least one must be wrong");
        return false;
    }
    if (right == 1 && count > 5) {
        report(c, DIAG_ERROR, at->line, at->col,
               "a single-answer question has 3 to 5 options; found %d", count);
        return false;
    }
    if (right >= 2 && count < 5) {
        report(c, DIAG_ERROR, at->line, at->col,
               "a multiple-response question (%d right) needs at least 5 options; found %d",
               right, count);
        return false;
    }
    it->choose = right;
    if (!choose)
        return true;
    int want;
    if (!bankschema_int(c, choose, "choose", 1, BANK_MAX_OPTIONS, &want))
        return false;
    if (want != right) {
        report(c, DIAG_ERROR, choose->line, choose->col,
               "'choose' is %d but %d option%s marked correct", want, right,
               right == 1 ? " is" : "s are");
        return false;
    }
    return true;
}

static bool parse_options(Ctx *c, const Node *key, const Node *n, const char *qid,
                          const Node *choose, BankItem *it)
{
    if (!bankschema_expect(c, n, NODE_LIST, "options", "a list of options"))
        return false;
    int count = n->count;
    if (count == 0) {
        report(c, DIAG_ERROR, key->line, key->col, "'options' is empty: the question's options are missing "
               "(list 3 to %d, each with text, correct and why)", BANK_MAX_OPTIONS);
        return false;
    }
    if (count > BANK_MAX_OPTIONS) {
        report(c, DIAG_ERROR, key->line, key->col, "a question has at most %d options; found %d",
               BANK_MAX_OPTIONS, count);
        return false;
    }
    it->options = bankctx_keep(c, sizeof *it->options * (size_t)count);
    if (!it->options)
        return false;
    bool ok = read_entries(c, n, "option", qid, OPTION_KEYS, OP_KEYS, read_option, it);
    it->option_count = count;
    return ok && check_answers(c, key, choose, it);
}

/* ------------------------------------------------- documentation refs */

const char *const BANK_REF_HOSTS[] = {"docs.aws.amazon.com", "aws.amazon.com"};
const int BANK_REF_HOST_COUNT = (int)(sizeof BANK_REF_HOSTS / sizeof BANK_REF_HOSTS[0]);

/* Characters that may stand unescaped in an address we hand to a browser. */
static bool is_url_char(char ch)
{
    return ch > ' ' && ch < 0x7f && !strchr("\"<>\\^`{|}", ch);
}

static const char *host_name(int i, const void *hosts)
{
    return ((const char *const *)hosts)[i];
}

bool bank_ref_url_ok(const char *url, char *why, size_t why_size)
{
    char buf[160];
    if (!why || !why_size) {
        why = buf;
        why_size = sizeof buf;
    }
    static const char scheme[] = "https://";
    if (strncmp(url, scheme, sizeof scheme - 1) != 0) {
        snprintf(why, why_size, "must start with https://");
        return false;
    }
    for (const char *p = url; *p; p++) {
        if (!is_url_char(*p)) {
            if ((unsigned char)*p < 0x80)
                snprintf(why, why_size, "contains '%c' at byte %d; percent-encode it",
                         *p == ' ' ? ' ' : *p, (int)(p - url) + 1);
            else
                snprintf(why, why_size,
                         "contains a non-ASCII byte at byte %d; percent-encode it",
                         (int)(p - url) + 1);
            return false;
        }
    }
    const char *host = url + sizeof scheme - 1;
    size_t host_len = strcspn(host, "/?#");
    for (int i = 0; i < BANK_REF_HOST_COUNT; i++) {
        const char *h = BANK_REF_HOSTS[i];
        if (strlen(h) != host_len)
            continue;
        size_t k = 0;
        while (k < host_len && (host[k] | 0x20) == h[k])
            k++;
        if (k == host_len)
            return true;
    }
    char list[160];
    bankschema_join(list, sizeof list, " or ", BANK_REF_HOST_COUNT, host_name, BANK_REF_HOSTS);
    snprintf(why, why_size, "is on host '%.*s'; use a page on %s", (int)(host_len > 80 ? 80 : host_len),
             host, list);
    return false;
}

static bool read_ref(Ctx *c, const Fields *f, int index, void *data)
{
    BankRef *refs = data, *ref = &refs[index];
    bool ok = read_text(c, f, RF_TITLE, "title", BANK_LIMIT_REF_TITLE, &ref->title);
    const Node *un = f->value[RF_URL];
    if (!un)
        return ok;
    ref->url = bankschema_string(c, un, "url", BANK_LIMIT_REF_URL);
    char why[200], shown[48];
    if (ref->url && !bank_ref_url_ok(ref->url, why, sizeof why)) {
        bankschema_excerpt(un, shown, sizeof shown);
        report(c, DIAG_ERROR, un->line, un->col, "'url' '%s' %s", shown, why);
        ref->url = NULL;
    }
    if (!ref->url)
        return false;
    for (int j = 0; j < index; j++) {
        if (refs[j].url && strcmp(refs[j].url, ref->url) == 0) {
            report(c, DIAG_ERROR, un->line, un->col, "ref %d repeats the url of ref %d", index + 1, j + 1);
            return false;
        }
    }
    return ok;
}

/* Parses `refs:`, a list of 1 to BANK_MAX_REFS {title, url} mappings, into
 * the item. Returns false after reporting. */
static bool parse_refs(Ctx *c, const Node *key, const Node *n, const char *qid, BankItem *it)
{
    if (bankschema_is_null(n)) {
        report(c, DIAG_ERROR, key->line, key->col,
               "'refs' is empty; list 1 to %d pages or remove the key", BANK_MAX_REFS);
        return false;
    }
    if (!bankschema_expect(c, n, NODE_LIST, "refs", "a list of pages with 'title' and 'url'"))
        return false;
    if (n->count == 0 || n->count > BANK_MAX_REFS) {
        report(c, DIAG_ERROR, key->line, key->col, "'refs' needs 1 to %d pages; found %d",
               BANK_MAX_REFS, n->count);
        return false;
    }
    BankRef *refs = bankctx_keep(c, sizeof *refs * (size_t)n->count);
    if (!refs || !read_entries(c, n, "ref", qid, REF_KEYS, RF_KEYS, read_ref, refs))
        return false;
    it->refs = refs;
    it->ref_count = n->count;
    return true;
}

/* Reads what every item has (its keys, id, domain and task) and stages the
 * item; fills f and *id (NULL when unusable). Returns the staged item, or
 * NULL when the entry is not a mapping (reported) or out of memory. */
static BankItem *parse_item_head(Ctx *c, const Node *q, const ItemSchema *is, Staged *st, Fields *f,
                                 const char **id)
{
    if (!bankschema_fields(c, q, is->what, is->keys, is->key_count, f))
        return NULL;
    BankItem *it = stage_item(c, st);
    if (!it)
        return NULL;
    it->kind = is->kind;
    it->line = q->line;
    const Node *idn = f->value[ITEM_KEY_ID];
    *id = idn ? bankschema_id(c, idn, "id") : NULL;
    char label[120];
    if (*id)
        snprintf(label, sizeof label, "%s '%s'", is->noun, *id);
    else
        snprintf(label, sizeof label, "%s", is->noun);
    bankschema_require(c, q, label, is->keys, is->key_count, f);
    if (*id)
        it->id = register_id(c, idn, *id);
    resolve_place(c, f->value[ITEM_KEY_DOMAIN], f->value[ITEM_KEY_TASK], it);
    return it;
}

static void parse_question(Ctx *c, const Fields *f, const char *qid, BankItem *it)
{
    if (f->value[QU_DIFFICULTY])
        bankschema_int(c, f->value[QU_DIFFICULTY], "difficulty", 1, 3, &it->difficulty);
    if (f->value[QU_TAGS])
        parse_tags(c, f->value[QU_TAGS], it);
    if (f->value[QU_PROMPT])
        it->prompt = bankschema_string(c, f->value[QU_PROMPT], "prompt", BANK_LIMIT_PROMPT);
    if (f->value[QU_EXPLANATION])
        it->explanation = bankschema_string(c, f->value[QU_EXPLANATION], "explanation", BANK_LIMIT_EXPLANATION);
    if (f->value[QU_OPTIONS])
        parse_options(c, f->key[QU_OPTIONS], f->value[QU_OPTIONS], qid, f->value[QU_CHOOSE], it);
    if (f->value[QU_REFS])
        parse_refs(c, f->key[QU_REFS], f->value[QU_REFS], qid, it);
}

static void parse_card(Ctx *c, const Fields *f, const char *qid, BankItem *it)
{
    (void)qid;
    it->difficulty = 1;
    if (f->value[FC_FRONT])
        it->front = bankschema_string(c, f->value[FC_FRONT], "front", BANK_LIMIT_CARD_SIDE);
    if (f->value[FC_BACK])
        it->back = bankschema_string(c, f->value[FC_BACK], "back", BANK_LIMIT_CARD_SIDE);
    if (f->value[FC_TAGS])
        parse_tags(c, f->value[FC_TAGS], it);
}

static const ItemSchema QUESTION_SCHEMA = {ITEM_QUESTION, "a question", "question", QUESTION_KEYS, QU_KEYS,
                                           parse_question};
static const ItemSchema CARD_SCHEMA = {ITEM_FLASHCARD, "a flashcard", "flashcard", CARD_KEYS, FC_KEYS,
                                       parse_card};

/* Parses one list entry; an entry with errors is marked bad (it will not
 * load) and named for the file's note, while the others go on. */
static void parse_one_item(Ctx *c, const Node *q, Staged *st, const ItemSchema *is)
{
    int errors = c->errors, staged = st->count;
    Fields f;
    const char *qid;
    BankItem *it = parse_item_head(c, q, is, st, &f, &qid);
    if (it)
        is->body(c, &f, qid ? qid : "?", it);
    if (c->errors == errors)
        return;
    st->item_errors += c->errors - errors;
    const char *id = NULL;
    if (st->count > staged) {
        st->bad[staged] = true;
        id = st->items[staged].id;
    }
    char name[96];
    const Node *raw = NULL;
    for (const Node *k = q->kind == NODE_MAP ? q->first : NULL; k && k->next && !id; k = k->next->next)
        if (k->kind == NODE_SCALAR && strcmp(k->text, "id") == 0 && k->next->kind == NODE_SCALAR)
            raw = k->next;
    if (id)
        snprintf(name, sizeof name, "%s", id);
    else if (raw && raw->len > 0 && raw->len <= BANK_LIMIT_ID && strspn(raw->text, BANK_ID_CHARS) == raw->len)
        snprintf(name, sizeof name, "%s", raw->text); /* e.g. a duplicate: named as written */
    else
        snprintf(name, sizeof name, "the item at line %d", q->line);
    bankitems_name_bad(st, name);
}

void bankitems_name_bad(Staged *st, const char *name)
{
    st->bad_count++;
    size_t used = strlen(st->bad_ids);
    if (used + strlen(name) + 8 < sizeof st->bad_ids)
        strbuf_append(st->bad_ids, sizeof st->bad_ids, "%s%s", used ? ", " : "", name);
    else if (!strstr(st->bad_ids, ", ..."))
        strbuf_append(st->bad_ids, sizeof st->bad_ids, ", ...");
}

void bankitems_parse(Ctx *c, const Node *root, Staged *st)
{
    Fields f;
    if (root->kind != NODE_MAP) {
        if (root->kind != NODE_BAD)
            report(c, DIAG_ERROR, root->line, root->col,
                   "the top level must be a mapping with 'questions:' and/or 'flashcards:' "
                   "lists, not %s", bankschema_kind_name(root));
        return;
    }
    bankschema_fields(c, root, "an item file", TOP_KEYS_SPEC, TOP_KEYS, &f);
    const Node *qs = f.value[TOP_QUESTIONS], *fs = f.value[TOP_FLASHCARDS];
    if (qs && !bankschema_is_null(qs) &&
        bankschema_expect(c, qs, NODE_LIST, "questions", "a list of questions"))
        for (const Node *q = qs->first; q && !c->oom; q = q->next)
            parse_one_item(c, q, st, &QUESTION_SCHEMA);
    if (fs && !bankschema_is_null(fs) &&
        bankschema_expect(c, fs, NODE_LIST, "flashcards", "a list of flashcards"))
        for (const Node *q = fs->first; q && !c->oom; q = q->next)
            parse_one_item(c, q, st, &CARD_SCHEMA);
}
