/* Fake banks: the configuration is written out as bank YAML (exam.yaml and
 * one item file per domain) and read by the real loader from memory, so the
 * rules are tested on exactly the Banks the program loads. A bank the loader
 * rejects is a bug in this file: its diagnostics go to stderr. */
#include "compat.h"
#include "fakebank.h"
#include "bankload.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A growing text buffer; `failed` sticks after an allocation failure. */
typedef struct Text {
    char *data;
    size_t len, cap;
    bool failed;
} Text;

static void text_add(Text *t, const char *fmt, ...) COMPAT_PRINTF(2, 3);

static void text_add(Text *t, const char *fmt, ...)
{
    for (int attempt = 0; attempt < 2 && !t->failed; attempt++) {
        va_list ap;
        va_start(ap, fmt);
        int n = t->data ? vsnprintf(t->data + t->len, t->cap - t->len, fmt, ap) : -1;
        va_end(ap);
        if (n >= 0 && (size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        size_t need = t->len + (n > 0 ? (size_t)n : 0) + 1;
        size_t cap = t->cap ? t->cap : 64 * 1024;
        while (cap < need)
            cap *= 2;
        char *grown = realloc(t->data, cap);
        if (!grown) {
            t->failed = true;
            return;
        }
        t->data = grown;
        t->cap = cap;
    }
}

static const char *const CLF_NAMES[4] = {
    "Cloud Concepts", "Security and Compliance", "Cloud Technology and Services",
    "Billing, Pricing, and Support"};
static const int CLF_WEIGHTS[4] = {24, 30, 34, 12};
static const int CLF_TASKS[4] = {4, 4, 8, 3};

/* The shape of the fake bank's domains: CLF-C02's or the configured ones. */
typedef struct FakeShape {
    int domains;
    int weights[FAKEBANK_MAX_DOMAINS];
    int tasks[FAKEBANK_MAX_DOMAINS];
    bool clf;
} FakeShape;

static bool fake_shape(const FakeBankConfig *cfg, FakeShape *s)
{
    s->clf = cfg->domain_count <= 0;
    s->domains = s->clf ? 4 : cfg->domain_count;
    if (s->domains > FAKEBANK_MAX_DOMAINS)
        return false;
    for (int d = 0; d < s->domains; d++) {
        s->weights[d] = s->clf ? CLF_WEIGHTS[d] : cfg->weights[d];
        s->tasks[d] = s->clf ? CLF_TASKS[d] : cfg->tasks_per_domain > 0 ? cfg->tasks_per_domain : 2;
    }
    return true;
}

static void write_exam(Text *t, const FakeShape *s)
{
    text_add(t, "code: CLF-C02\ntitle: Fake Cloud Practitioner\nas_of: 2026-11-26\n"
                "items: 65\nscored: 50\nminutes: 90\nesl_extra_minutes: 30\n"
                "scale: {min: 100, max: 1000, pass: 700}\npass_fraction: 0.70\n"
                "leitner_days: [1, 2, 4, 8, 16]\ndiagnostic_items: 10\ndomains:\n");
    for (int d = 0; d < s->domains; d++) {
        if (s->clf)
            text_add(t, "  - id: %d\n    name: %s\n", d + 1, CLF_NAMES[d]);
        else
            text_add(t, "  - id: %d\n    name: Domain %d\n", d + 1, d + 1);
        text_add(t, "    weight: %d\n    tasks:\n", s->weights[d]);
        for (int k = 0; k < s->tasks[d]; k++)
            text_add(t, "      - {id: %d.%d, title: Task %d.%d}\n", d + 1, k + 1, d + 1, k + 1);
    }
}

/* Question i of domain d (0-based d): four options with option i % 4 right,
 * or (multi) five with options i % 5 and (i + 2) % 5 right. */
static void write_question(Text *t, int d, int i, int tasks, bool multi)
{
    int count = multi ? 5 : 4;
    uint32_t mask = multi ? (1u << (i % 5)) | (1u << ((i + 2) % 5)) : 1u << (i % 4);
    text_add(t, "  - id: q-%d-%d\n    domain: %d\n    task: %d.%d\n    difficulty: %d\n"
                "    prompt: Question %d.%d?\n    explanation: Because %d.%d.\n    options:\n",
             d + 1, i, d + 1, d + 1, i % tasks + 1, 1 + i % 3, d + 1, i, d + 1, i);
    for (int k = 0; k < count; k++)
        text_add(t, "      - {text: Option %c of %d.%d, correct: %s, why: Why %c}\n", 'A' + k, d + 1, i,
                 (mask >> k) & 1u ? "true" : "false", 'A' + k);
}

/* The item file of domain d: its questions, then its flashcards. */
static void write_items(Text *t, const FakeBankConfig *cfg, int d, int tasks)
{
    int questions = cfg->questions[d], cards = cfg->flashcards[d];
    if (questions > 0)
        text_add(t, "questions:\n");
    for (int i = 0; i < questions; i++) {
        bool multi = cfg->multi_every > 0 && i % cfg->multi_every == cfg->multi_every - 1;
        write_question(t, d, i, tasks, multi);
    }
    if (cards > 0)
        text_add(t, "flashcards:\n");
    for (int k = 0; k < cards; k++) {
        int i = questions + k; /* the item's place in its domain: tasks go round */
        text_add(t, "  - id: f-%d-%d\n    domain: %d\n    task: %d.%d\n    front: Front %d.%d\n"
                    "    back: Back %d.%d\n",
                 d + 1, k, d + 1, d + 1, i % tasks + 1, d + 1, k, d + 1, k);
    }
}

static void print_diag(const Diag *d)
{
    char line[1400];
    for (int i = 0; i < d->count; i++) {
        diag_format(d, i, line, sizeof line);
        fprintf(stderr, "fakebank: %s\n", line);
    }
}

Bank *fakebank_new(const FakeBankConfig *cfg)
{
    FakeShape shape;
    if (!fake_shape(cfg, &shape))
        return NULL;
    Bank *b = bank_new("fake");
    Text t = {0};
    Diag d = {0};
    bool ok = b != NULL;
    if (ok) {
        write_exam(&t, &shape);
        ok = !t.failed && bank_parse_exam(b, t.data, t.len, "fake/exam.yaml", &d);
    }
    for (int dom = 0; ok && dom < shape.domains; dom++) {
        if (cfg->questions[dom] + cfg->flashcards[dom] == 0)
            continue;
        char name[32];
        snprintf(name, sizeof name, "fake/domain-%d.yaml", dom + 1);
        t.len = 0;
        write_items(&t, cfg, dom, shape.tasks[dom]);
        ok = !t.failed && bank_parse_items(b, t.data, t.len, name, &d);
    }
    if (!ok) {
        print_diag(&d);
        bank_free(b);
        b = NULL;
    }
    diag_free(&d);
    free(t.data);
    return b;
}

Bank *fakebank_clf(int questions_per_percent, int flashcards_per_percent, int multi_every)
{
    FakeBankConfig cfg = {0};
    for (int d = 0; d < 4; d++) {
        cfg.questions[d] = questions_per_percent * CLF_WEIGHTS[d];
        cfg.flashcards[d] = flashcards_per_percent * CLF_WEIGHTS[d];
    }
    cfg.multi_every = multi_every;
    return fakebank_new(&cfg);
}

void fakebank_free(Bank *bank)
{
    bank_free(bank);
}
