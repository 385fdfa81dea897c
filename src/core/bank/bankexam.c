/* exam.yaml's schema: the exam's shape (code, counts, minutes, the score
 * scale and pass fraction, Leitner intervals) and its domains with their
 * weights and task statements. Item files are bankitems.c's; the tree and
 * typed access come from bankyaml.c and bankschema.c. */
#include "bankload_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EX_CODE, EX_TITLE, EX_AS_OF, EX_ITEMS, EX_SCORED, EX_MINUTES, EX_ESL, EX_SCALE,
       EX_PASS_FRACTION, EX_LEITNER, EX_DIAGNOSTIC, EX_DOMAINS, EX_KEYS };
static const KeySpec EXAM_KEYS[EX_KEYS] = {
    {"code", true}, {"title", true}, {"as_of", true}, {"items", true}, {"scored", true},
    {"minutes", true}, {"esl_extra_minutes", false}, {"scale", true},
    {"pass_fraction", true}, {"leitner_days", false}, {"diagnostic_items", false},
    {"domains", true},
};

enum { SC_MIN, SC_MAX, SC_PASS, SC_KEYS };
static const KeySpec SCALE_KEYS[SC_KEYS] = {{"min", true}, {"max", true}, {"pass", true}};

enum { DO_ID, DO_NAME, DO_WEIGHT, DO_TASKS, DO_KEYS };
static const KeySpec DOMAIN_KEYS[DO_KEYS] = {
    {"id", true}, {"name", true}, {"weight", true}, {"tasks", true}};

enum { TA_ID, TA_TITLE, TA_KEYS };
static const KeySpec TASK_KEYS[TA_KEYS] = {{"id", true}, {"title", true}};

static bool valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}
static void parse_scale(Ctx *c, const Node *n, Bank *b)
{
    Fields f;
    if (!bankschema_fields(c, n, "'scale'", SCALE_KEYS, SC_KEYS, &f) ||
        !bankschema_require(c, n, "'scale'", SCALE_KEYS, SC_KEYS, &f))
        return;
    bool ok = bankschema_int(c, f.value[SC_MIN], "min", 0, 1000000, &b->scale_min);
    ok &= bankschema_int(c, f.value[SC_MAX], "max", 0, 1000000, &b->scale_max);
    ok &= bankschema_int(c, f.value[SC_PASS], "pass", 0, 1000000, &b->scale_pass);
    if (ok && !(b->scale_min < b->scale_pass && b->scale_pass <= b->scale_max))
        report(c, DIAG_ERROR, n->line, n->col,
               "'scale' needs min < pass <= max; found min %d, pass %d, max %d",
               b->scale_min, b->scale_pass, b->scale_max);
}

static void parse_leitner(Ctx *c, const Node *n, Bank *b)
{
    if (!bankschema_expect(c, n, NODE_LIST, "leitner_days", "a list of days like [1, 2, 4, 8, 16]"))
        return;
    if (n->count < 1 || n->count > BANK_MAX_BOXES) {
        report(c, DIAG_ERROR, n->line, n->col, "'leitner_days' needs 1 to %d entries; found %d",
               BANK_MAX_BOXES, n->count);
        return;
    }
    int i = 0;
    for (const Node *d = n->first; d; d = d->next, i++) {
        if (!bankschema_int(c, d, "leitner_days", 1, 3650, &b->leitner_days[i]))
            continue;
        if (i > 0 && b->leitner_days[i] <= b->leitner_days[i - 1])
            report(c, DIAG_ERROR, d->line, d->col,
                   "'leitner_days' must increase; %d follows %d", b->leitner_days[i],
                   b->leitner_days[i - 1]);
    }
    b->leitner_boxes = n->count;
}

/* Checks a task id against its domain: "<domain id>.<number>". */
static bool task_id_fits(const char *task, const char *domain)
{
    size_t dl = strlen(domain);
    if (strncmp(task, domain, dl) != 0 || task[dl] != '.' || !task[dl + 1])
        return false;
    for (const char *p = task + dl + 1; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    return true;
}

/* Lines of the ids already read, for "first at line N" messages. */
typedef struct ExamLines {
    int *domain;
    int *task;
    int task_cap;
} ExamLines;

/* Reads the task statements of domain b->domains[di] into b->tasks. */
static void parse_tasks(Ctx *c, const Node *tasks, int di, ExamLines *lines)
{
    Bank *b = c->bank;
    BankDomain *dom = &b->domains[di];
    if (!bankschema_expect(c, tasks, NODE_LIST, "tasks", "a list of task statements"))
        return;
    if (tasks->count == 0)
        report(c, DIAG_ERROR, tasks->line, tasks->col, "domain '%s' has no task statements",
               dom->id);
    for (const Node *t = tasks->first; t && !c->oom; t = t->next) {
        Fields f;
        if (!bankschema_fields(c, t, "a task statement", TASK_KEYS, TA_KEYS, &f))
            continue;
        const char *tid = f.value[TA_ID] ? bankschema_id(c, f.value[TA_ID], "id") : NULL;
        char label[120];
        snprintf(label, sizeof label, tid ? "task '%s'" : "task", tid ? tid : "");
        bankschema_require(c, t, label, TASK_KEYS, TA_KEYS, &f);
        const char *title = f.value[TA_TITLE]
            ? bankschema_string(c, f.value[TA_TITLE], "title", BANK_LIMIT_NAME) : NULL;
        if (!tid)
            continue;
        const Node *tn = f.value[TA_ID];
        if (!task_id_fits(tid, dom->id)) {
            report(c, DIAG_ERROR, tn->line, tn->col,
                   "task id '%s' must be the domain id '%s', a dot and a number (like '%s.1')",
                   tid, dom->id, dom->id);
            continue;
        }
        int dup = bank_task_index(b, tid);
        if (dup >= 0) {
            report(c, DIAG_ERROR, tn->line, tn->col, "duplicate task id '%s' (first at line %d)",
                   tid, lines->task[dup]);
            continue;
        }
        if (b->task_count >= lines->task_cap)
            continue;
        BankTask *task = &b->tasks[b->task_count];
        task->id = bankctx_keep_copy(c, tid);
        task->title = title ? bankctx_keep_copy(c, title) : "";
        task->domain = di;
        if (!task->id || !task->title)
            return;
        lines->task[b->task_count++] = tn->line;
        dom->task_count++;
    }
}

/* Reads one domain; adds it to b->domains when its id is usable. Adds its
 * weight to *weight_sum, or clears *weights_ok when the weight is bad. */
static void parse_domain(Ctx *c, const Node *d, ExamLines *lines, int *weight_sum,
                         bool *weights_ok)
{
    Bank *b = c->bank;
    Fields f;
    if (!bankschema_fields(c, d, "a domain", DOMAIN_KEYS, DO_KEYS, &f)) {
        *weights_ok = false;
        return;
    }
    const Node *idn = f.value[DO_ID];
    const char *id = idn ? bankschema_id(c, idn, "id") : NULL;
    char label[120];
    snprintf(label, sizeof label, id ? "domain '%s'" : "domain", id ? id : "");
    bankschema_require(c, d, label, DOMAIN_KEYS, DO_KEYS, &f);
    if (id && strchr(id, '.')) {
        report(c, DIAG_ERROR, idn->line, idn->col,
               "domain id '%s' must not contain '.'; task ids are '<domain id>.<n>'", id);
        id = NULL;
    }
    int dup = id ? bank_domain_index(b, id) : -1;
    if (dup >= 0) {
        report(c, DIAG_ERROR, idn->line, idn->col, "duplicate domain id '%s' (first at line %d)",
               id, lines->domain[dup]);
        id = NULL;
    }
    const char *name = f.value[DO_NAME]
        ? bankschema_string(c, f.value[DO_NAME], "name", BANK_LIMIT_NAME) : NULL;
    int weight = 0;
    if (!f.value[DO_WEIGHT] || !bankschema_int(c, f.value[DO_WEIGHT], "weight", 1, 100, &weight))
        *weights_ok = false;
    *weight_sum += weight;
    if (!id)
        return;
    int di = b->domain_count;
    BankDomain *dom = &b->domains[di];
    dom->id = bankctx_keep_copy(c, id);
    dom->name = name ? bankctx_keep_copy(c, name) : "";
    dom->weight = weight;
    dom->first_task = b->task_count;
    if (!dom->id || !dom->name)
        return;
    lines->domain[b->domain_count++] = idn->line;
    if (f.value[DO_TASKS])
        parse_tasks(c, f.value[DO_TASKS], di, lines);
}

static void parse_domains(Ctx *c, const Node *key, const Node *n, Bank *b)
{
    if (!bankschema_expect(c, n, NODE_LIST, "domains", "a list of domains"))
        return;
    if (n->count == 0) {
        report(c, DIAG_ERROR, n->line, n->col, "'domains' must list at least one domain");
        return;
    }
    /* size the arrays first: the tasks of a domain stay contiguous */
    int task_total = 0;
    for (const Node *d = n->first; d; d = d->next) {
        if (d->kind != NODE_MAP)
            continue;
        for (const Node *k = d->first; k && k->next; k = k->next->next)
            if (k->kind == NODE_SCALAR && !strcmp(k->text, "tasks") && k->next->kind == NODE_LIST)
                task_total += k->next->count;
    }
    Arena *mem = &b->arena->mem;
    size_t tasks = (size_t)(task_total ? task_total : 1);
    ExamLines lines = {bankctx_scratch(c, sizeof(int) * (size_t)n->count),
                       bankctx_scratch(c, sizeof(int) * tasks), task_total};
    b->domains = arena_zalloc(mem, sizeof *b->domains * (size_t)n->count);
    b->tasks = arena_zalloc(mem, sizeof *b->tasks * tasks);
    if (!b->domains || !b->tasks || !lines.domain || !lines.task) {
        bankctx_oom(c);
        return;
    }
    if (n->count > BANK_LIMIT_DOMAINS) {
        report(c, DIAG_ERROR, n->line, n->col, "a bank holds at most %d domains; found %d", BANK_LIMIT_DOMAINS,
               n->count);
        return;
    }
    if (task_total > BANK_LIMIT_TASKS) {
        report(c, DIAG_ERROR, n->line, n->col, "a bank holds at most %d task statements; found %d",
               BANK_LIMIT_TASKS, task_total);
        return;
    }
    int weight_sum = 0;
    bool weights_ok = true;
    for (const Node *d = n->first; d && !c->oom; d = d->next)
        parse_domain(c, d, &lines, &weight_sum, &weights_ok);
    if (weights_ok && weight_sum != 100)
        report(c, DIAG_ERROR, key->line, key->col,
               "domain weights add up to %d; they must add up to 100", weight_sum);
}

bool bankexam_parse(Ctx *c, const Node *root, Bank *b)
{
    Fields f;
    if (!bankschema_fields(c, root, "exam.yaml", EXAM_KEYS, EX_KEYS, &f))
        return false;
    bankschema_require(c, root, "exam.yaml", EXAM_KEYS, EX_KEYS, &f);
    const char *s;
    if (f.value[EX_CODE] && (s = bankschema_string(c, f.value[EX_CODE], "code", BANK_LIMIT_NAME)))
        b->code = bankctx_keep_copy(c, s);
    if (f.value[EX_TITLE] && (s = bankschema_string(c, f.value[EX_TITLE], "title", BANK_LIMIT_NAME)))
        b->title = bankctx_keep_copy(c, s);
    if (f.value[EX_AS_OF] && (s = bankschema_string(c, f.value[EX_AS_OF], "as_of", BANK_LIMIT_NAME))) {
        if (valid_date(s))
            b->as_of = bankctx_keep_copy(c, s);
        else
            report(c, DIAG_ERROR, f.value[EX_AS_OF]->line, f.value[EX_AS_OF]->col,
                   "'as_of' must be a date written YYYY-MM-DD, found '%s'", s);
    }
    bool counts = true;
    if (f.value[EX_ITEMS])
        counts &= bankschema_int(c, f.value[EX_ITEMS], "items", 1, 1000, &b->exam_items);
    if (f.value[EX_SCORED])
        counts &= bankschema_int(c, f.value[EX_SCORED], "scored", 1, 1000, &b->exam_scored);
    if (f.value[EX_MINUTES])
        bankschema_int(c, f.value[EX_MINUTES], "minutes", 1, 1440, &b->exam_minutes);
    b->esl_extra_minutes = 0;
    if (f.value[EX_ESL])
        bankschema_int(c, f.value[EX_ESL], "esl_extra_minutes", 0, 1440, &b->esl_extra_minutes);
    if (counts && f.value[EX_ITEMS] && f.value[EX_SCORED] && b->exam_scored > b->exam_items)
        report(c, DIAG_ERROR, f.value[EX_SCORED]->line, f.value[EX_SCORED]->col,
               "'scored' (%d) must not exceed 'items' (%d)", b->exam_scored, b->exam_items);
    if (f.value[EX_SCALE])
        parse_scale(c, f.value[EX_SCALE], b);
    if (f.value[EX_PASS_FRACTION])
        bankschema_fraction(c, f.value[EX_PASS_FRACTION], "pass_fraction", &b->pass_fraction);
    static const int default_days[] = {1, 2, 4, 8, 16};
    if (f.value[EX_LEITNER]) {
        parse_leitner(c, f.value[EX_LEITNER], b);
    } else {
        memcpy(b->leitner_days, default_days, sizeof default_days);
        b->leitner_boxes = 5;
    }
    b->diagnostic_items = 10;
    if (f.value[EX_DIAGNOSTIC] &&
        bankschema_int(c, f.value[EX_DIAGNOSTIC], "diagnostic_items", 1, 1000, &b->diagnostic_items) &&
        counts && f.value[EX_ITEMS] && b->diagnostic_items > b->exam_items)
        report(c, DIAG_ERROR, f.value[EX_DIAGNOSTIC]->line, f.value[EX_DIAGNOSTIC]->col,
               "'diagnostic_items' (%d) must not exceed 'items' (%d)", b->diagnostic_items,
               b->exam_items);
    if (f.value[EX_DOMAINS])
        parse_domains(c, f.key[EX_DOMAINS], f.value[EX_DOMAINS], b);
    return c->errors == 0;
}
