/* Writes a synthetic bank for timing the loader, --check-bank and long text
 * on screen. The exam has the CLF-C02 shape (4 domains, 19 task statements);
 * questions are spread by domain weight over the task statements (files of
 * at most 1,000 questions), 20% multiple response, with prompts, options and
 * explanations about as long as the real bank's (or, with --long, close to
 * the format's length limits), built from random words so prompts are not
 * near duplicates. Deterministic.
 * Usage: gen_bank OUT_DIR [QUESTIONS] [FLASHCARDS] [--long]
 *        (QUESTIONS 5000 by default, FLASHCARDS QUESTIONS / 3) */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define VOCAB 20000
#define WORD_MAX 11

typedef struct GenDomain {
    const char *id;
    const char *name;
    int weight;
    int tasks;
} GenDomain;

static const GenDomain DOMAINS[] = {{"1", "Cloud Concepts", 24, 4},
                                    {"2", "Security and Compliance", 30, 4},
                                    {"3", "Cloud Technology and Services", 34, 8},
                                    {"4", "Billing, Pricing, and Support", 12, 3}};
#define DOMAIN_COUNT ((int)(sizeof DOMAINS / sizeof DOMAINS[0]))

/* Text lengths in words: normal is about the real bank's, long near the limits. */
typedef struct GenShape {
    int prompt, option, why, explanation;
} GenShape;

static const GenShape SHAPE_NORMAL = {21, 5, 13, 26};
static const GenShape SHAPE_LONG = {90, 12, 110, 230};

typedef struct Gen {
    uint64_t rng;
    char vocab[VOCAB][WORD_MAX];
    GenShape shape;
} Gen;

static uint32_t gen_next(Gen *g)
{
    /* xorshift64*: small, fast and the same on every machine */
    g->rng ^= g->rng >> 12;
    g->rng ^= g->rng << 25;
    g->rng ^= g->rng >> 27;
    return (uint32_t)((g->rng * 2685821657736338717ULL) >> 32);
}

static int gen_range(Gen *g, int lo, int hi)
{
    return lo + (int)(gen_next(g) % (uint32_t)(hi - lo + 1));
}

static void gen_vocab(Gen *g)
{
    for (int i = 0; i < VOCAB; i++) {
        int n = gen_range(g, 3, WORD_MAX - 1);
        for (int k = 0; k < n; k++)
            g->vocab[i][k] = (char)('a' + gen_range(g, 0, 25));
        g->vocab[i][n] = '\0';
    }
}

/* Writes `n` random words as folded YAML lines of 12 words, each line
 * starting with `indent` spaces. */
static void gen_words(Gen *g, FILE *f, int n, int indent)
{
    for (int i = 0; i < n; i++) {
        if (i % 12 == 0)
            fprintf(f, "%s%*s", i ? "\n" : "", indent, "");
        else
            fputc(' ', f);
        fputs(g->vocab[gen_range(g, 0, VOCAB - 1)], f);
    }
    fputc('\n', f);
}

static bool gen_exam(const char *dir)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/exam.yaml", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    fputs("code: BENCH-01\ntitle: Synthetic benchmark exam\nas_of: 2026-11-26\nitems: 65\n"
          "scored: 50\nminutes: 90\nesl_extra_minutes: 30\nscale:\n  min: 100\n  max: 1000\n"
          "  pass: 700\npass_fraction: 0.70\nleitner_days: [1, 2, 4, 8, 16]\n"
          "diagnostic_items: 10\ndomains:\n", f);
    for (int d = 0; d < DOMAIN_COUNT; d++) {
        fprintf(f, "  - id: \"%s\"\n    name: %s\n    weight: %d\n    tasks:\n", DOMAINS[d].id,
                DOMAINS[d].name, DOMAINS[d].weight);
        for (int t = 1; t <= DOMAINS[d].tasks; t++)
            fprintf(f, "      - id: \"%s.%d\"\n        title: Task %s.%d\n", DOMAINS[d].id, t,
                    DOMAINS[d].id, t);
    }
    return fclose(f) == 0;
}

static void gen_question(Gen *g, FILE *f, const char *domain, const char *task, int i)
{
    bool multi = i % 5 == 0;
    int count = multi ? 5 : 4;
    fprintf(f, "  - id: q-%s-%04d\n    domain: \"%s\"\n    task: \"%s\"\n    difficulty: %d\n",
            task, i, domain, task, 1 + i % 3);
    fprintf(f, "    tags: [bench, %s]\n    prompt: >-\n", g->vocab[gen_range(g, 0, VOCAB - 1)]);
    gen_words(g, f, g->shape.prompt, 6);
    if (multi)
        fputs("      (Choose TWO.)\n    choose: 2\n", f);
    fputs("    options:\n", f);
    for (int o = 0; o < count; o++) {
        bool right = multi ? (o == 0 || o == 3) : o == i % 4;
        fputs("      - text: >-\n", f);
        gen_words(g, f, g->shape.option, 10);
        fprintf(f, "        correct: %s\n        why: >-\n", right ? "true" : "false");
        gen_words(g, f, g->shape.why, 10);
    }
    fputs("    explanation: >-\n", f);
    gen_words(g, f, g->shape.explanation, 6);
}

static void gen_flashcard(Gen *g, FILE *f, const char *domain, const char *task, int i)
{
    fprintf(f, "  - id: f-%s-%04d\n    domain: \"%s\"\n    task: \"%s\"\n    front: >-\n", task, i,
            domain, task);
    gen_words(g, f, 6, 6);
    fputs("    back: >-\n", f);
    gen_words(g, f, 19, 6);
}

/* Each task's share of the questions and flashcards by weight, in files of
 * at most FILE_QUESTIONS questions (the loader takes files up to 4 MiB). */
#define FILE_QUESTIONS 1000

static bool gen_task(Gen *g, const char *dir, int d, int t, int questions, int cards)
{
    char task[16], path[1200];
    snprintf(task, sizeof task, "%s.%d", DOMAINS[d].id, t);
    double share = DOMAINS[d].weight / 100.0 / DOMAINS[d].tasks;
    int nq = (int)(questions * share + 0.5), nf = (int)(cards * share + 0.5);
    int parts = nq / FILE_QUESTIONS + 1;
    for (int part = 0; part < parts; part++) {
        int q0 = nq * part / parts, q1 = nq * (part + 1) / parts;
        int f0 = nf * part / parts, f1 = nf * (part + 1) / parts;
        snprintf(path, sizeof path, "%s/%s-bench-%02d.yaml", dir, task, part + 1);
        FILE *f = fopen(path, "w");
        if (!f)
            return false;
        fprintf(f, "# Task %s: synthetic items, part %d of %d\nquestions:\n", task, part + 1, parts);
        for (int i = q0; i < q1; i++)
            gen_question(g, f, DOMAINS[d].id, task, i);
        fputs(f1 > f0 ? "flashcards:\n" : "flashcards: []\n", f);
        for (int i = f0; i < f1; i++)
            gen_flashcard(g, f, DOMAINS[d].id, task, i);
        if (fclose(f) != 0)
            return false;
    }
    return true;
}

int main(int argc, char **argv)
{
    const char *dir = NULL;
    int numbers[2] = {5000, -1}, given = 0;
    bool long_text = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--long") == 0)
            long_text = true;
        else if (!dir)
            dir = argv[i];
        else if (given < 2)
            numbers[given++] = atoi(argv[i]);
    }
    if (!dir) {
        fprintf(stderr, "usage: %s OUT_DIR [QUESTIONS] [FLASHCARDS] [--long]\n", argv[0]);
        return 2;
    }
    int questions = numbers[0] > 0 ? numbers[0] : 5000;
    int cards = numbers[1] >= 0 ? numbers[1] : questions / 3;
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "gen_bank: cannot create %s: %s\n", dir, strerror(errno));
        return 1;
    }
    static Gen g;
    g.rng = 2026;
    g.shape = long_text ? SHAPE_LONG : SHAPE_NORMAL;
    gen_vocab(&g);
    bool ok = gen_exam(dir);
    for (int d = 0; ok && d < DOMAIN_COUNT; d++)
        for (int t = 1; ok && t <= DOMAINS[d].tasks; t++)
            ok = gen_task(&g, dir, d, t, questions, cards);
    if (!ok) {
        fprintf(stderr, "gen_bank: cannot write into %s: %s\n", dir, strerror(errno));
        return 1;
    }
    return 0;
}
