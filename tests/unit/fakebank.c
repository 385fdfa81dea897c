/* Fake banks: a Bank plus a list of every allocation made for it, so one
 * call frees everything. Strings are formatted with snprintf into malloc'd
 * buffers; nothing is shared with the real loader. */
#include "compat.h"
#include "fakebank.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct FakeBank {
    Bank bank;          /* first, so a Bank* is a FakeBank* */
    void **allocs;
    int alloc_count;
    int alloc_cap;
    bool failed;
} FakeBank;

static void *fake_alloc(FakeBank *fb, size_t size)
{
    if (fb->failed)
        return NULL;
    if (fb->alloc_count == fb->alloc_cap) {
        int cap = fb->alloc_cap ? fb->alloc_cap * 2 : 256;
        void **grown = realloc(fb->allocs, (size_t)cap * sizeof *grown);
        if (!grown) {
            fb->failed = true;
            return NULL;
        }
        fb->allocs = grown;
        fb->alloc_cap = cap;
    }
    void *p = calloc(1, size ? size : 1);
    if (!p) {
        fb->failed = true;
        return NULL;
    }
    fb->allocs[fb->alloc_count++] = p;
    return p;
}

static const char *fake_strf(FakeBank *fb, const char *fmt, ...) COMPAT_PRINTF(2, 3);

static const char *fake_strf(FakeBank *fb, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    size_t n = strlen(buf) + 1;
    char *p = fake_alloc(fb, n);
    if (p)
        memcpy(p, buf, n);
    return p ? p : "";
}

static const char *const CLF_NAMES[4] = {
    "Cloud Concepts", "Security and Compliance", "Cloud Technology and Services",
    "Billing, Pricing, and Support"};
static const int CLF_WEIGHTS[4] = {24, 30, 34, 12};
static const int CLF_TASKS[4] = {4, 4, 8, 3};

static void fake_shape(Bank *b)
{
    b->dir = "fake";
    b->code = "CLF-C02";
    b->title = "Fake Cloud Practitioner";
    b->as_of = "2026-11-26";
    b->exam_items = 65;
    b->exam_scored = 50;
    b->exam_minutes = 90;
    b->esl_extra_minutes = 30;
    b->scale_min = 100;
    b->scale_max = 1000;
    b->scale_pass = 700;
    b->pass_fraction = 0.70;
    static const int days[5] = {1, 2, 4, 8, 16};
    for (int i = 0; i < 5; i++)
        b->leitner_days[i] = days[i];
    b->leitner_boxes = 5;
    b->diagnostic_items = 10;
}

static bool fake_domains(FakeBank *fb, const FakeBankConfig *cfg)
{
    Bank *b = &fb->bank;
    bool clf = cfg->domain_count <= 0;
    int dc = clf ? 4 : cfg->domain_count;
    if (dc > FAKEBANK_MAX_DOMAINS)
        return false;
    int per = cfg->tasks_per_domain > 0 ? cfg->tasks_per_domain : 2;
    int tasks = 0;
    for (int d = 0; d < dc; d++)
        tasks += clf ? CLF_TASKS[d] : per;
    b->domains = fake_alloc(fb, (size_t)dc * sizeof *b->domains);
    b->tasks = fake_alloc(fb, (size_t)tasks * sizeof *b->tasks);
    if (!b->domains || !b->tasks)
        return false;
    b->domain_count = dc;
    b->task_count = tasks;
    int t = 0;
    for (int d = 0; d < dc; d++) {
        BankDomain *dom = &b->domains[d];
        dom->id = fake_strf(fb, "%d", d + 1);
        dom->name = clf ? CLF_NAMES[d] : fake_strf(fb, "Domain %d", d + 1);
        dom->weight = clf ? CLF_WEIGHTS[d] : cfg->weights[d];
        dom->first_task = t;
        dom->task_count = clf ? CLF_TASKS[d] : per;
        for (int k = 0; k < dom->task_count; k++, t++) {
            b->tasks[t].id = fake_strf(fb, "%d.%d", d + 1, k + 1);
            b->tasks[t].title = fake_strf(fb, "Task %d.%d", d + 1, k + 1);
            b->tasks[t].domain = d;
        }
    }
    return true;
}

static void fake_question(FakeBank *fb, BankItem *it, int d, int i, bool multi)
{
    it->kind = ITEM_QUESTION;
    it->id = fake_strf(fb, "q-%d-%d", d + 1, i);
    it->prompt = fake_strf(fb, "Question %d.%d?", d + 1, i);
    it->explanation = fake_strf(fb, "Because %d.%d.", d + 1, i);
    it->option_count = multi ? 5 : 4;
    it->options = fake_alloc(fb, (size_t)it->option_count * sizeof *it->options);
    if (!it->options) {
        it->option_count = 0;
        return;
    }
    uint32_t mask = multi ? (1u << (i % 5)) | (1u << ((i + 2) % 5)) : 1u << (i % 4);
    for (int k = 0; k < it->option_count; k++) {
        it->options[k].text = fake_strf(fb, "Option %c of %d.%d", 'A' + k, d + 1, i);
        it->options[k].why = fake_strf(fb, "Why %c", 'A' + k);
        it->options[k].correct = (mask >> k) & 1u;
    }
    it->correct_mask = mask;
    it->choose = multi ? 2 : 1;
}

static void fake_flashcard(FakeBank *fb, BankItem *it, int d, int k)
{
    it->kind = ITEM_FLASHCARD;
    it->id = fake_strf(fb, "f-%d-%d", d + 1, k);
    it->front = fake_strf(fb, "Front %d.%d", d + 1, k);
    it->back = fake_strf(fb, "Back %d.%d", d + 1, k);
    it->choose = 1;
    it->correct_mask = 1u;
}

Bank *fakebank_new(const FakeBankConfig *cfg)
{
    FakeBank *fb = calloc(1, sizeof *fb);
    if (!fb)
        return NULL;
    Bank *b = &fb->bank;
    fake_shape(b);
    if (!fake_domains(fb, cfg)) {
        fakebank_free(b);
        return NULL;
    }
    int total = 0;
    for (int d = 0; d < b->domain_count; d++)
        total += cfg->questions[d] + cfg->flashcards[d];
    b->items = fake_alloc(fb, (size_t)(total > 0 ? total : 1) * sizeof *b->items);
    if (!b->items) {
        fakebank_free(b);
        return NULL;
    }
    int n = 0;
    for (int d = 0; d < b->domain_count; d++) {
        const BankDomain *dom = &b->domains[d];
        int count = cfg->questions[d] + cfg->flashcards[d];
        for (int i = 0; i < count; i++, n++) {
            BankItem *it = &b->items[n];
            if (i < cfg->questions[d]) {
                bool multi = cfg->multi_every > 0 && i % cfg->multi_every == cfg->multi_every - 1;
                fake_question(fb, it, d, i, multi);
                b->question_count++;
            } else {
                fake_flashcard(fb, it, d, i - cfg->questions[d]);
                b->flashcard_count++;
            }
            it->domain = d;
            it->task = dom->first_task + i % dom->task_count;
            it->difficulty = it->kind == ITEM_FLASHCARD ? 1 : 1 + i % 3;
            it->file = "fake.yaml";
            it->line = n + 1;
        }
    }
    b->item_count = n;
    if (fb->failed) {
        fakebank_free(b);
        return NULL;
    }
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
    if (!bank)
        return;
    FakeBank *fb = (FakeBank *)bank;
    for (int i = 0; i < fb->alloc_count; i++)
        free(fb->allocs[i]);
    free(fb->allocs);
    free(fb);
}
