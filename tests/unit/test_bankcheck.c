/* Tests for the bank quality checks and the --check-bank report
 * (bankcheck.c). Each check gets a biased bank that must trigger it and a
 * balanced one that must not. A test describes its bank item by item; the
 * description is written out as YAML and read by the loader, so the checks
 * see exactly the Banks the program loads. Near-duplicate detection is
 * compared with a brute-force count on generated prompts. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bankcheck.h"
#include "compat.h"
#include "bankload.h"
#include "rng.h"
#include "testlib.h"

#define MAX_ITEMS 2100

/* The bank a test describes: two domains of weight 50 (tasks 1.1 and 2.1),
 * and items in the model's own types. Question i is written at line
 * 10 * i + 1 of one.yaml (domain 1) or two.yaml (domain 2), flashcards in
 * cards.yaml; run() loads them and checks the loaded bank. */
typedef struct Fixture {
    int count; /* items described */
    BankItem items[MAX_ITEMS];
    BankOption options[MAX_ITEMS][BANK_MAX_OPTIONS];
    char prompts[MAX_ITEMS][160];
    char ids[MAX_ITEMS][16];
} Fixture;

static Fixture fx;
static int rank_cycle[2]; /* per domain: the length rank of the next default question's key */

static void fixture_reset(void)
{
    memset(&fx, 0, sizeof fx);
    rank_cycle[0] = rank_cycle[1] = 0;
}

/* Adds a question in `domain` with `count` options; `right` is a mask of the
 * right options. Option texts are "Option <item>-<i>" (distinct
 * everywhere) unless `texts` is given, padded with '+' so that the right
 * option's length rank goes round 1, 2, 3, 4 from question to question (no
 * length cue). Returns the item. */
static BankItem *add_question(int domain, const char *prompt, int count, unsigned right,
                              const char *const *texts)
{
    int i = fx.count++;
    BankItem *it = &fx.items[i];
    static char option_text[MAX_ITEMS][BANK_MAX_OPTIONS][32];
    snprintf(fx.ids[i], sizeof fx.ids[i], "q-%d", i);
    it->id = fx.ids[i];
    it->kind = ITEM_QUESTION;
    it->domain = domain;
    it->task = domain;
    it->difficulty = 1 + i % 3;
    snprintf(fx.prompts[i], sizeof fx.prompts[i], "%s", prompt ? prompt : "");
    if (!prompt)
        snprintf(fx.prompts[i], sizeof fx.prompts[i], "Distinct prompt number %d about topic %d",
                 i, i * 7919);
    it->prompt = fx.prompts[i];
    it->explanation = "Because.";
    it->options = fx.options[i];
    it->option_count = count;
    it->file = domain == 0 ? "one.yaml" : "two.yaml";
    it->line = 10 * i + 1;
    int longer = rank_cycle[domain]++ % 4, wrong_seen = 0;
    for (int o = 0; o < count; o++) {
        bool is_right = (right >> o) & 1u;
        int pad = is_right ? 2 : wrong_seen++ < longer ? 4 : 0;
        snprintf(option_text[i][o], sizeof option_text[i][o], "Option %d-%d%.*s", i, o, pad, "++++");
        fx.options[i][o].text = texts ? texts[o] : option_text[i][o];
        fx.options[i][o].why = "Reason.";
        fx.options[i][o].correct = (right >> o) & 1u;
    }
    it->correct_mask = right;
    it->choose = __builtin_popcount(right);
    return it;
}

static void add_card(int domain)
{
    int i = fx.count++;
    BankItem *it = &fx.items[i];
    snprintf(fx.ids[i], sizeof fx.ids[i], "f-%d", i);
    it->id = fx.ids[i];
    it->kind = ITEM_FLASHCARD;
    it->domain = domain;
    it->task = domain;
    it->difficulty = 1;
    it->front = "Front";
    it->back = "Back";
    it->file = "cards.yaml";
}

/* ---- the description written out and loaded ---------------------------- */

typedef struct Text {
    char data[1 << 20];
    size_t len;
} Text;

static void text_add(Text *t, const char *fmt, ...) COMPAT_PRINTF(2, 3);

static void text_add(Text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(t->data + t->len, sizeof t->data - t->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        t->len += (size_t)n < sizeof t->data - t->len ? (size_t)n : sizeof t->data - t->len - 1;
}

/* Writes s as a double-quoted YAML string (backslash before " and \\). */
static void text_quoted(Text *t, const char *s)
{
    text_add(t, "\"");
    for (; *s && t->len + 3 < sizeof t->data; s++) {
        if (*s == '"' || *s == '\\')
            t->data[t->len++] = '\\';
        t->data[t->len++] = *s;
    }
    t->data[t->len] = '\0';
    text_add(t, "\"");
}

static void write_question(Text *t, const BankItem *it)
{
    text_add(t, "{id: %s, domain: %d, task: %d.1, difficulty: %d, prompt: ", it->id, it->domain + 1,
             it->domain + 1, it->difficulty);
    text_quoted(t, it->prompt);
    text_add(t, ", explanation: ");
    text_quoted(t, it->explanation);
    text_add(t, ", options: [");
    for (int o = 0; o < it->option_count; o++) {
        text_add(t, "%s{text: ", o ? ", " : "");
        text_quoted(t, it->options[o].text);
        text_add(t, ", correct: %s, why: ", it->options[o].correct ? "true" : "false");
        text_quoted(t, it->options[o].why);
        text_add(t, "}");
    }
    text_add(t, "]}");
}

/* Writes the items of `file` (questions at their lines) and loads them. */
static bool load_items(Bank *b, const char *file, Diag *d)
{
    static Text t;
    bool cards = strcmp(file, "cards.yaml") == 0;
    int line = 1, written = 0;
    t.len = 0;
    text_add(&t, cards ? "flashcards: [" : "questions: [");
    for (int i = 0; i < fx.count; i++) {
        const BankItem *it = &fx.items[i];
        if (strcmp(it->file, file) != 0)
            continue;
        text_add(&t, "%s", written++ ? "," : "");
        if (cards) {
            text_add(&t, "\n  {id: %s, domain: %d, task: %d.1, front: Front, back: Back}", it->id,
                     it->domain + 1, it->domain + 1);
            continue;
        }
        for (; line < it->line; line++)
            text_add(&t, "\n");
        write_question(&t, it);
    }
    text_add(&t, "]\n");
    return written == 0 || bank_parse_items(b, t.data, t.len, file, d);
}

/* Loads the described bank; NULL (after saying why) when the loader
 * refuses it, which is a mistake in the test's description. */
static Bank *fixture_load(void)
{
    static const char exam[] =
        "code: FIX-01\ntitle: Fixture\nas_of: 2026-01-01\nitems: 1\nscored: 1\nminutes: 10\n"
        "diagnostic_items: 1\nscale: {min: 100, max: 1000, pass: 700}\npass_fraction: 0.70\ndomains:\n"
        "  - {id: 1, name: One, weight: 50, tasks: [{id: 1.1, title: Task one}]}\n"
        "  - {id: 2, name: Two, weight: 50, tasks: [{id: 2.1, title: Task two}]}\n";
    Diag d = {0};
    Bank *b = bank_new("fixture");
    bool ok = b && bank_parse_exam(b, exam, sizeof exam - 1, "fixture/exam.yaml", &d) &&
              load_items(b, "one.yaml", &d) && load_items(b, "two.yaml", &d) && load_items(b, "cards.yaml", &d);
    if (!CHECK(ok) || !CHECK_INT(b->item_count, fx.count)) {
        diag_print(&d, stderr);
        bank_free(b);
        b = NULL;
    }
    diag_free(&d);
    return b;
}

/* Index of the first diagnostic containing `needle`, or -1. */
static int find_diag(const Diag *d, const char *needle)
{
    char line[1400];
    for (int i = 0; i < d->count; i++) {
        diag_format(d, i, line, sizeof line);
        if (strstr(line, needle))
            return i;
    }
    return -1;
}

static const char *diag_text(const Diag *d, int i)
{
    static char line[1400];
    if (i < 0 || i >= d->count)
        return "(none)";
    diag_format(d, i, line, sizeof line);
    return line;
}

/* Loads the described bank and runs the checks on it, into d and q. */
static void run(Diag *d, BankQuality *q)
{
    diag_free(d);
    memset(q, 0, sizeof *q);
    Bank *b = fixture_load();
    if (b)
        bankcheck_quality(b, d, q);
    bank_free(b);
}

static void test_positions(void)
{
    Diag d = {0};
    BankQuality q;
    fixture_reset();
    for (int i = 0; i < 20; i++)
        add_question(i % 2, NULL, 4, 1u, NULL); /* always A */
    run(&d, &q);
    CHECK_INT(q.four_option, 20);
    CHECK_INT(q.position[0], 20);
    CHECK_STR(diag_text(&d, find_diag(&d, "option A")),
              "fixture: warning: the right answer is option A in 100.0% of the 20 single-answer "
              "questions with 4 options; keep each position between 15% and 35%");
    CHECK(find_diag(&d, "option B in 0.0%") >= 0);
    CHECK(find_diag(&d, "option D in 0.0%") >= 0);

    fixture_reset();
    for (int i = 0; i < 20; i++)
        add_question(i % 2, NULL, 4, 1u << (i % 4), NULL);
    add_question(0, NULL, 3, 1u, NULL); /* 3-option items do not count */
    add_question(0, NULL, 3, 1u, NULL);
    run(&d, &q);
    CHECK_INT(q.four_option, 20);
    CHECK_INT(q.single_answer, 22);
    CHECK_INT(q.position[3], 5);
    CHECK_INT(find_diag(&d, "right answer is option"), -1);

    /* too few items to judge: no warning even when all are at A */
    fixture_reset();
    for (int i = 0; i < 19; i++)
        add_question(i % 2, NULL, 4, 1u, NULL);
    run(&d, &q);
    CHECK_INT(find_diag(&d, "right answer is option"), -1);
    diag_free(&d);
}

static void test_longest(void)
{
    static const char *const longest_right[] = {"A much longer right option", "Short", "Tiny",
                                                 "Small"};
    static const char *const tie[] = {"Same length", "Same length!", "Other", "Short"};
    Diag d = {0};
    BankQuality q;
    fixture_reset();
    for (int i = 0; i < 20; i++)
        add_question(i % 2, NULL, 4, 1u, longest_right);
    run(&d, &q);
    CHECK_INT(q.longest_right, 20);
    CHECK_STR(diag_text(&d, find_diag(&d, "strictly the longest")),
              "fixture: warning: the right option is strictly the longest in 100.0% of "
              "single-answer questions (20 of 20); keep it at or below 35%");

    /* 7 of 20 (35%) is allowed; ties are not "strictly longest" */
    fixture_reset();
    for (int i = 0; i < 20; i++)
        add_question(i % 2, NULL, 4, i < 7 ? 1u : 2u, i < 7 ? longest_right : tie);
    run(&d, &q);
    CHECK_INT(q.longest_right, 7 + 13);
    fixture_reset();
    for (int i = 0; i < 20; i++)
        add_question(i % 2, NULL, 4, i < 7 ? 1u : 4u, longest_right);
    run(&d, &q);
    CHECK_INT(q.longest_right, 7);
    CHECK_INT(find_diag(&d, "strictly the longest"), -1);
    static const char *const equal[] = {"Same", "Same too", "Same two", "Samey"};
    fixture_reset();
    add_question(0, NULL, 4, 2u, equal); /* "Same too" ties with "Same two" */
    run(&d, &q);
    CHECK_INT(q.longest_right, 0);
    diag_free(&d);
}

static void test_near_duplicates(void)
{
    static const char *const same[] = {"Amazon S3", "Amazon EBS", "Amazon EFS", "AWS Backup"};
    static const char *const other[] = {"Amazon RDS", "Amazon Aurora", "Amazon Redshift",
                                        "Amazon Neptune"};
    Diag d = {0};
    BankQuality q;
    fixture_reset();
    /* the same words reordered, in another case and punctuation, with the
     * same options in another order and the same answer: one warning, as a
     * repeated question (not also as a repeated option set) */
    static const char *const same_moved[] = {"AWS Backup", "amazon efs", "Amazon EBS.", "Amazon S3"};
    add_question(0, "Which AWS service stores objects durably in buckets for a company?", 4, 1u, same);
    add_question(0, "which aws service, for a company, stores objects durably in buckets?!", 4, 8u,
                 same_moved);
    /* 9 shared of 11 words (Jaccard 0.82), the same answer: a near duplicate */
    add_question(1, "alpha beta gamma delta epsilon zeta eta theta iota kappa", 4, 1u, same);
    add_question(1, "alpha beta gamma delta epsilon zeta eta theta iota lambda", 4, 2u,
                 (const char *const[]){"Amazon EBS", "Amazon S3", "Amazon EFS", "AWS Backup"});
    /* 8 shared of 12 words: 0.67, below the threshold */
    add_question(1, "one two three four five six seven eight nine ten", 4, 1u, same);
    add_question(1, "one two three four five six seven eight eleven twelve", 4, 1u, same);
    run(&d, &q);
    CHECK_INT(q.exact_duplicates, 1);
    CHECK_INT(q.duplicate_option_sets, 4); /* q-2 to q-5 repeat q-0's options */
    CHECK_INT(find_diag(&d, "'q-1' has the same options"), -1);
    CHECK_STR(diag_text(&d, find_diag(&d, "'q-1'")),
              "one.yaml:11: warning: 'q-1' repeats 'q-0' (one.yaml:1): the same prompt, options and "
              "answer; remove one or make it another question");
    CHECK_INT(q.near_duplicates, 1);
    CHECK_STR(diag_text(&d, find_diag(&d, "prompt of 'q-3'")),
              "two.yaml:31: warning: prompt of 'q-3' nearly repeats 'q-2' (two.yaml:21): 81% of "
              "their words are shared, and so is the answer");
    CHECK_INT(find_diag(&d, "prompt of 'q-5'"), -1);
    CHECK_INT(q.conflicting_keys, 0);

    /* the same prompt with another right answer: one key is probably wrong */
    fixture_reset();
    add_question(0, "Which service runs code without servers?", 4, 1u, same);
    add_question(0, "Which service runs code, without servers?", 4, 2u, same);
    /* a shared stem that differs in the decisive word, with different
     * answers: two questions, no warning (Jaccard 0.86) */
    add_question(1, "Which storage class fits data read once a year with hours to wait?", 4, 1u, other);
    add_question(1, "Which storage class fits data read once a month with hours to wait?", 4, 2u, other);
    run(&d, &q);
    CHECK_INT(q.conflicting_keys, 1);
    CHECK_STR(diag_text(&d, find_diag(&d, "different right answers")),
              "one.yaml:11: warning: 'q-1' and 'q-0' (one.yaml:1) have the same prompt but different "
              "right answers ('Amazon EBS' and 'Amazon S3'); one key is probably wrong, or the "
              "prompts must differ");
    CHECK_INT(q.near_duplicates, 0);
    CHECK_INT(q.exact_duplicates, 0);
    CHECK_INT(find_diag(&d, "prompt of 'q-3'"), -1);
    CHECK_INT(find_diag(&d, "'q-3' and"), -1);

    /* three copies: each later copy is warned once */
    fixture_reset();
    for (int i = 0; i < 3; i++)
        add_question(0, "Which service stores objects?", 4, 1u, same);
    run(&d, &q);
    CHECK_INT(q.exact_duplicates, 2);
    CHECK_INT(q.duplicate_option_sets, 0);
    CHECK_INT(q.near_duplicates, 0);
    CHECK(find_diag(&d, "'q-1' repeats 'q-0'") >= 0);
    CHECK(find_diag(&d, "'q-2' repeats") >= 0);
    CHECK_INT(find_diag(&d, "same options"), -1);

    /* typographic apostrophes and quotes are punctuation like ASCII ones */
    fixture_reset();
    static const char *const curly[] = {"Amazon\xe2\x80\x99s S3", "\xe2\x80\x9c" "EBS" "\xe2\x80\x9d",
                                        "EFS", "Backup"};
    static const char *const plain[] = {"Amazon's S3", "\"EBS\"", "EFS", "Backup"};
    add_question(0, "What is Amazon\xe2\x80\x99s object store \xe2\x80\x94 the \xe2\x80\x9c" "durable"
                 "\xe2\x80\x9d one?", 4, 1u, curly);
    add_question(1, "What is Amazon's object store - the \"durable\" one?", 4, 1u, plain);
    run(&d, &q);
    CHECK_INT(q.exact_duplicates, 1);
    CHECK_INT(q.duplicate_option_sets, 0);
    diag_free(&d);
}

/* Word-set Jaccard by brute force, for the property test. */
static int words_of(const char *s, char words[][16], int max)
{
    int n = 0;
    while (*s && n < max) {
        while (*s == ' ')
            s++;
        int len = 0;
        while (*s && *s != ' ' && len < 15)
            words[n][len++] = *s++;
        words[n][len] = '\0';
        bool seen = false;
        for (int j = 0; j < n && !seen; j++)
            seen = strcmp(words[j], words[n]) == 0;
        if (len && !seen)
            n++;
    }
    return n;
}

static void test_near_duplicates_match_brute_force(void)
{
    static const char *const vocab[] = {"cloud", "aws", "service", "data", "cost", "secure",
        "store", "network", "compute", "region", "zone", "bucket", "policy", "user", "role",
        "scale", "backup", "archive", "queue", "stream"};
    static char words[MAX_ITEMS][16][16];
    static int counts[MAX_ITEMS];
    Rng rng;
    rng_seed(&rng, 42);
    fixture_reset();
    int n = 2000;
    for (int i = 0; i < n; i++) {
        char prompt[160] = "";
        size_t used = 0;
        int len = 4 + (int)rng_below(&rng, 6);
        for (int w = 0; w < len; w++)
            used += (size_t)snprintf(prompt + used, sizeof prompt - used, "%s%s", w ? " " : "",
                                     vocab[rng_below(&rng, 20)]);
        /* one answer everywhere, so every similar pair is a near duplicate
         * (or, with the same words, a repeated question) */
        static const char *const shared[] = {"Right", "Wrong one", "Wrong two", "Wrong three"};
        add_question(i % 2, prompt, 4, 1u, shared);
        counts[i] = words_of(fx.items[i].prompt, words[i], 16);
    }
    long brute = 0;
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            if (!counts[i] || !counts[j])
                continue;
            int inter = 0;
            for (int a = 0; a < counts[i]; a++)
                for (int b = 0; b < counts[j]; b++)
                    inter += strcmp(words[i][a], words[j][b]) == 0;
            int uni = counts[i] + counts[j] - inter;
            brute += inter * BANKCHECK_JACCARD_DEN >= uni * BANKCHECK_JACCARD_NUM;
        }
    }
    Diag d = {0};
    BankQuality q;
    run(&d, &q);
    CHECK(brute > 2 * BANKCHECK_MAX_LISTED); /* the generator makes many near duplicates */
    CHECK_INT(q.near_duplicates + q.exact_duplicates, brute);
    CHECK(q.near_duplicates > BANKCHECK_MAX_LISTED);
    /* listing stops at the limit, with a note saying how many more */
    char more[120];
    snprintf(more, sizeof more, "fixture: note: %d more near-duplicate prompt pairs not listed",
             q.near_duplicates - BANKCHECK_MAX_LISTED);
    CHECK(find_diag(&d, more) >= 0);
    diag_free(&d);
}

static void test_option_sets(void)
{
    static const char *const set_a[] = {"Amazon S3", "Amazon EBS", "Amazon EFS", "AWS Backup"};
    static const char *const set_b[] = {"amazon ebs", "AWS Backup.", "Amazon EFS", "Amazon S3"};
    static const char *const set_c[] = {"Amazon S3", "Amazon EBS", "Amazon EFS", "Amazon FSx"};
    Diag d = {0};
    BankQuality q;
    fixture_reset();
    add_question(0, "First prompt about storage", 4, 1u, set_a);
    add_question(0, "Second prompt, a different scenario", 4, 2u, set_b);
    add_question(1, "Third prompt on yet another case", 4, 1u, set_c);
    run(&d, &q);
    CHECK_INT(q.duplicate_option_sets, 1);
    CHECK_STR(diag_text(&d, find_diag(&d, "same options")),
              "one.yaml:11: warning: 'q-1' has the same options as 'q-0' (one.yaml:1); vary the "
              "distractors");
    diag_free(&d);
}

static void test_coverage(void)
{
    Diag d = {0};
    BankQuality q;
    /* 15 vs 5 questions on weights 50/50: both off by 25 points; no MR */
    fixture_reset();
    for (int i = 0; i < 20; i++)
        add_question(i < 15 ? 0 : 1, NULL, 4, 1u << (i % 4), NULL);
    run(&d, &q);
    CHECK_INT(q.off_weight_domains, 2);
    CHECK_STR(diag_text(&d, find_diag(&d, "domain 1 (One)")),
              "fixture/exam.yaml: warning: domain 1 (One) has 75.0% of the questions but weighs "
              "50%; keep it within 3 points");
    CHECK_INT(q.thin_tasks, 2);
    CHECK_STR(diag_text(&d, find_diag(&d, "task 2.1")),
              "fixture/exam.yaml: warning: task 2.1 has 5 questions and 0 flashcards; aim for "
              "at least 10 and 5");
    CHECK_INT(q.low_mr_domains, 0); /* domain 1 has 15 questions: under the sample minimum */

    /* 20 + 20 questions, 10 + 5 cards, 4 MR in domain 1 (20%), none in 2 */
    fixture_reset();
    for (int i = 0; i < 40; i++)
        add_question(i % 2, NULL, i < 8 && i % 2 == 0 ? 5 : 4, i < 8 && i % 2 == 0 ? 3u : 1u,
                     NULL);
    for (int i = 0; i < 10; i++)
        add_card(i % 2);
    run(&d, &q);
    CHECK_INT(q.off_weight_domains, 0);
    CHECK_INT(q.thin_tasks, 0);
    CHECK_INT(q.multiple_response, 4);
    CHECK_INT(q.low_mr_domains, 1);
    CHECK_STR(diag_text(&d, find_diag(&d, "multiple-response")),
              "fixture/exam.yaml: warning: domain 2 has 0.0% multiple-response questions (0 of "
              "20); aim for at least 15%");
    CHECK_INT(find_diag(&d, "domain 1 has"), -1);
    diag_free(&d);
}

static void test_text_checks(void)
{
    static const char *const above[] = {"Amazon S3", "Amazon EBS", "All of the above",
                                        "NONE of the above."};
    Diag d = {0};
    BankQuality q;
    fixture_reset();
    add_question(0, "A prompt", 4, 1u, above);
    run(&d, &q);
    CHECK_INT(q.above_options, 2);
    CHECK_STR(diag_text(&d, find_diag(&d, "option 3 of 'q-0'")),
              "one.yaml:1: warning: option 3 of 'q-0' says 'all of the above'; options are "
              "shuffled, so write a real option instead");
    CHECK(find_diag(&d, "option 4 of 'q-0' says 'none of the above'") >= 0);
    CHECK_INT(d.errors, 0);
    CHECK_INT(d.warnings, q.warnings);
    diag_free(&d);

    /* a clean bank: no findings beyond thin tasks */
    fixture_reset();
    for (int i = 0; i < 10; i++) {
        add_question(0, NULL, 4, 1u << (i % 4), NULL);
        add_question(1, NULL, 4, 1u << (i % 4), NULL);
        add_card(0);
        add_card(1);
    }
    run(&d, &q);
    CHECK_INT(q.warnings, 0);
    CHECK_INT(d.count, 0);
    diag_free(&d);
}

static void test_length_ranks(void)
{
    /* the right option is always the 2nd-longest */
    static const char *const second[] = {"Medium right one", "The longest option of them all",
                                          "Short", "Tiny"};
    Diag d = {0};
    BankQuality q;
    fixture_reset();
    for (int i = 0; i < 20; i++)
        add_question(i % 2, NULL, 4, 1u, second);
    run(&d, &q);
    CHECK_INT(q.length_rank[1], 20);
    CHECK_STR(diag_text(&d, find_diag(&d, "2nd-longest")),
              "fixture: warning: the right option is the 2nd-longest option in 100.0% of the 20 "
              "single-answer questions with 4 options (length rank 2); keep each rank between "
              "20% and 30% by rewording options");
    CHECK(find_diag(&d, "the longest option in 0.0%") >= 0);
    CHECK_INT(q.off_rank_shares, 4);
    CHECK_INT(find_diag(&d, "domain 1:"), -1); /* 10 per domain: too few to judge */

    /* a domain with 20 such questions is judged on its own too */
    fixture_reset();
    for (int i = 0; i < 40; i++)
        add_question(0, NULL, 4, i < 16 ? 1u << (i % 4) : 1u, i < 16 ? NULL : second);
    run(&d, &q);
    CHECK_INT(q.domain_four_option[0], 40);
    if (!CHECK(find_diag(&d, "fixture/exam.yaml: warning: domain 1: the right option is the 2nd-longest "
                        "option in 70.0% of the 40") >= 0))
        fprintf(stderr, "  %s\n", diag_text(&d, find_diag(&d, "domain 1:")));

    /* ties: rank = 1 + the options strictly longer; the default fixture
     * texts go round the four ranks: no warning */
    fixture_reset();
    for (int i = 0; i < 40; i++)
        add_question(i % 2, NULL, 4, 1u << (i % 4), NULL);
    static const char *const tie[] = {"Same", "Sane", "Longer one", "Tiny"}; /* a tie in length */
    add_question(0, NULL, 4, 1u, tie);
    run(&d, &q);
    CHECK_INT(q.length_rank[0], 10);
    CHECK_INT(q.length_rank[1], 10 + 1);
    CHECK_INT(q.off_rank_shares, 0);
    if (!CHECK_INT(find_diag(&d, "length rank"), -1))
        fprintf(stderr, "  %s\n", diag_text(&d, find_diag(&d, "length rank")));
    diag_free(&d);
}

static void test_choose_phrase(void)
{
    Diag d = {0};
    BankQuality q;
    fixture_reset();
    add_question(0, "Which TWO services store objects?", 5, 3u, NULL);               /* missing */
    add_question(0, "Which services store objects? (Choose THREE.)", 5, 3u, NULL);   /* 3 vs 2 */
    add_question(0, "Pick one. (Choose TWO.)", 4, 1u, NULL);                         /* 2 vs 1 */
    add_question(1, "Which services store objects? (Choose TWO.)", 5, 5u, NULL);     /* clean */
    add_question(1, "Which services store objects? (select 3)", 6, 7u, NULL);        /* clean */
    add_question(1, "A team must choose two Regions. Which one is cheaper?", 4, 1u, NULL);
    run(&d, &q);
    CHECK_INT(q.choose_mismatches, 3);
    CHECK_STR(diag_text(&d, find_diag(&d, "'q-0'")),
              "one.yaml:1: warning: 'q-0' has 2 right options but its prompt does not say how many "
              "to pick; end it with \"(Choose TWO.)\"");
    CHECK_STR(diag_text(&d, find_diag(&d, "'q-1'")),
              "one.yaml:11: warning: the prompt of 'q-1' says \"(Choose THREE.)\" but 2 options are "
              "right ('choose' agrees); make them agree");
    CHECK_STR(diag_text(&d, find_diag(&d, "'q-2'")),
              "one.yaml:21: warning: the prompt of 'q-2' says \"(Choose TWO.)\" but 1 option is "
              "right; make them agree");
    CHECK_INT(find_diag(&d, "'q-3'"), -1);
    CHECK_INT(find_diag(&d, "'q-4'"), -1);
    CHECK_INT(find_diag(&d, "'q-5'"), -1);
    diag_free(&d);
}

static void test_option_letters(void)
{
    Diag d = {0};
    BankQuality q;
    fixture_reset();
    BankItem *it = add_question(0, "Which one?", 4, 1u, NULL);
    fx.options[0][1].why = "Unlike option A, this one costs more.";
    it->explanation = "The right answer is (A) because it is cheaper.";
    it = add_question(0, "Which other one?", 4, 1u, NULL);
    fx.options[1][2].why = "Both answers B and C are wrong.";
    /* clean: letters that are not option names */
    it = add_question(1, "And this one?", 4, 1u, NULL);
    fx.options[2][0].why = "An option a company often uses; AWS (Amazon Web Services) offers it.";
    fx.options[2][1].why = "Option-A-style naming; the answer: Amazon S3. Choice is the key (I).";
    it->explanation = "Answers are shuffled; the Options tab of the console shows it.";
    run(&d, &q);
    CHECK_INT(q.letter_references, 2);
    CHECK_STR(diag_text(&d, find_diag(&d, "why of option 2 of 'q-0'")),
              "one.yaml:1: warning: the why of option 2 of 'q-0' names an option by its letter "
              "('option A'); options are shuffled, so name it by what it says");
    CHECK_STR(diag_text(&d, find_diag(&d, "explanation of 'q-0'")),
              "one.yaml:1: warning: the explanation of 'q-0' names an option by its letter ('(A)'); "
              "options are shuffled, so name it by what it says");
    CHECK(find_diag(&d, "why of option 3 of 'q-1' names an option by its letter ('answers B')") >= 0);
    CHECK_INT(find_diag(&d, "'q-2'"), -1);
    diag_free(&d);
}

static void test_justification(void)
{
    static const char *const key_argues[] = {"Amazon S3, because it stores objects durably",
                                             "Amazon EBS", "Amazon EFS", "AWS Backup"};
    static const char *const wrong_argues[] = {"Amazon S3", "Amazon EBS so that volumes persist",
                                               "Amazon EFS", "AWS Backup"};
    static const char *const all_argue[] = {"S3, because objects", "EBS, because volumes",
                                            "EFS, because files", "Backup, because copies"};
    static const char *const two_mixed[] = {"S3 so that objects persist", "EBS in order to attach",
                                            "EFS", "Backup"};
    static const char *const none[] = {"Amazon S3", "Amazon EBS", "Amazon EFS", "AWS Backup"};
    Diag d = {0};
    BankQuality q;
    fixture_reset();
    add_question(0, "First prompt", 4, 1u, key_argues);
    add_question(0, "Second prompt", 4, 1u, wrong_argues);
    add_question(1, "Third prompt", 4, 1u, all_argue);
    add_question(1, "Fourth prompt", 4, 1u, two_mixed);
    add_question(1, "Fifth prompt", 4, 1u, none);
    run(&d, &q);
    CHECK_INT(q.justified_options, 2);
    CHECK_STR(diag_text(&d, find_diag(&d, "own justification")),
              "one.yaml:1: warning: option 1 of 'q-0' carries its own justification ('because') and "
              "no other option does; a test-wise learner picks it: move the reason into its why");
    CHECK(find_diag(&d, "option 2 of 'q-1' carries its own justification ('so that')") >= 0);
    CHECK_INT(find_diag(&d, "'q-2' carries"), -1);
    CHECK_INT(find_diag(&d, "'q-3' carries"), -1);
    CHECK_INT(find_diag(&d, "'q-4' carries"), -1);
    diag_free(&d);
}

static void test_shared_words(void)
{
    static const char *const give_away[] = {"Run the code on AWS Lambda without managing servers",
                                            "Experiment more often", "Consider mechanical sympathy",
                                            "Go global in minutes"};
    static const char *const fair[] = {"Run the code on AWS Lambda without managing servers",
                                       "Keep managing servers, but automate patching",
                                       "Consider mechanical sympathy", "Go global in minutes"};
    static const char *const rare[] = {"Amazon ECR, a container registry", "Amazon ECS",
                                       "AWS Fargate", "Amazon EKS"};
    static const char *const rare_fair[] = {"Amazon ECR, a container registry", "Amazon ECS",
                                            "A self-managed registry on EC2", "Amazon EKS"};
    Diag d = {0};
    BankQuality q;
    fixture_reset();
    add_question(0, "A team wants to stop managing servers. Which principle is this?", 4, 1u, give_away);
    add_question(0, "A team wants to stop managing servers. Which choice fits?", 4, 1u, fair);
    add_question(1, "Which service is a managed registry for container images?", 4, 1u, rare);
    add_question(1, "Which service is a managed registry for images, run by AWS?", 4, 1u, rare_fair);
    /* words many questions use are not distinctive alone ("managing",
     * "servers"), but as a pair the right option repeats they are */
    for (int i = 0; i < 40; i++) {
        char prompt[80];
        snprintf(prompt, sizeof prompt, "Which option number %d fits managing %d servers?", i, i * 7);
        add_question(i % 2, prompt, 4, 1u << (i % 4), NULL);
    }
    run(&d, &q);
    CHECK_INT(q.shared_word_cues, 2);
    CHECK_STR(diag_text(&d, find_diag(&d, "'q-0':")),
              "one.yaml:1: warning: 'q-0': the prompt's 'managing servers' is also in the right "
              "option 1 and in no wrong option; a test-wise learner matches it: reword the stem, or "
              "use the words in a distractor too");
    CHECK_STR(diag_text(&d, find_diag(&d, "'q-2':")),
              "two.yaml:21: warning: 'q-2': the prompt's 'registry' matches 'registry' in the right "
              "option 1 and no wrong option; a test-wise learner matches it: reword the stem, or "
              "use the word in a distractor too");
    CHECK_INT(find_diag(&d, "'q-1':"), -1);
    CHECK_INT(find_diag(&d, "'q-3':"), -1);
    diag_free(&d);
}

static void test_absolute_words(void)
{
    static const char *const cue[] = {"Amazon S3", "It always encrypts", "Only in one Region",
                                      "Amazon EFS"};
    static const char *const key_too[] = {"Only Amazon S3", "It always encrypts", "Amazon EBS",
                                          "Amazon EFS"};
    static const char *const inside[] = {"Amazon S3", "Tallest building", "Allocation tags",
                                         "Nevertheless EFS"};
    Diag d = {0};
    BankQuality q;
    fixture_reset();
    add_question(0, "First prompt", 4, 1u, cue);
    add_question(0, "Second prompt", 4, 1u, key_too);
    add_question(1, "Third prompt", 4, 1u, inside);
    run(&d, &q);
    CHECK_INT(q.absolute_word_cues, 1);
    CHECK_STR(diag_text(&d, find_diag(&d, "absolute")),
              "one.yaml:1: warning: option 2 of 'q-0' says 'always' (and other wrong options too), "
              "but no right option has such an absolute word; test-wise learners rule such options "
              "out: reword it");
    diag_free(&d);
}

/* Runs bankcheck_run on a folder; returns its status, output in `out`. */
static int check_folder(const char *rel, char *out, size_t size)
{
    FILE *f = tmpfile();
    if (!f)
        return -1;
    int status = bankcheck_run(rel ? testlib_source_path(rel) : NULL, f);
    rewind(f);
    size_t n = fread(out, 1, size - 1, f);
    out[n] = '\0';
    fclose(f);
    return status;
}

static void test_report(void)
{
    static char out[65536];
    char want[2048];
    CHECK_INT(check_folder("tests/banks/mini", out, sizeof out), 0);
    snprintf(want, sizeof want, "\n%s: 6 questions, 4 flashcards, 2 domains, 3 task statements, "
             "0 errors, 6 warnings\n", testlib_source_path("tests/banks/mini")); /* one is CJK text */
    CHECK(strstr(out, want) != NULL);
    CHECK(strstr(out, "\ndomain   questions flashcards   share  weight  multiple  name\n"
                      "1                4          3   66.7%     60%     50.0%  Basics\n"
                      "ops              2          1   33.3%     40%      0.0%  Operations\n") != NULL);
    CHECK(strstr(out, "  right-answer position, over the 2 single-answer questions with 4 "
                      "options: A 50.0%, B 50.0%, C 0.0%, D 0.0% (each 15-35%) (too few to "
                      "judge; checked from 20)\n") != NULL);
    CHECK(strstr(out, "  multiple response: 2 of 6 questions, 33.3% (each domain at least 15%)\n")
          != NULL);
    CHECK(strstr(out, "  questions with documentation refs: 1 of 6\n") != NULL);
    CHECK(strstr(out, "  right option's length rank (1 = longest), over the 2 single-answer questions "
                      "with 4 options: 1 50.0%, 2 0.0%, 3 50.0%, 4 0.0% (each 20-30%) (too few to "
                      "judge; checked from 20)\n    in domain 1 (1): 1 100.0%, 2 0.0%, 3 0.0%, "
                      "4 0.0% (too few to judge; checked from 20)\n    in domain ops (1): 1 0.0%, "
                      "2 0.0%, 3 100.0%, 4 0.0% (too few to judge; checked from 20)\n") != NULL);
    CHECK(strstr(out, "  absolute words (always, never, only, all) in wrong options only: 1 "
                      "questions\n") != NULL);
    /* exactly one summary line */
    int lines = 0;
    for (const char *p = out; (p = strstr(p, " task statements, ")) != NULL; p++)
        lines++;
    CHECK_INT(lines, 1);

    /* modes the bank cannot feed */
    CHECK_INT(check_folder("tests/banks/bad/cards-only", out, sizeof out), 0);
    CHECK(strstr(out, "exam.yaml: warning: domain ops (Operations) weighs 40% but has no questions") != NULL);
    CHECK(strstr(out, "warning: a mock exam asks 6 questions but the bank has 0, so Mock exam can't start") != NULL);
    CHECK(strstr(out, "warning: the diagnostic asks 3 questions but the bank has 0") != NULL);
    CHECK(strstr(out, "warning: an arcade round has nothing to ask") != NULL);
    CHECK_INT(check_folder("tests/banks/bad/thin-domain", out, sizeof out), 0);
    CHECK(strstr(out, "warning: the mock exam asks 2 questions of domain ops, which has only 1") != NULL);
    CHECK(strstr(out, "arcade round has nothing") == NULL);

    CHECK_INT(check_folder("tests/banks/bad/dup-across-files", out, sizeof out), 1);
    CHECK(strstr(out, "3 questions, 0 flashcards, 2 domains, 3 task statements, 1 errors, 11 "
                      "warnings\nskipped 1 item with errors (0 whole files)\n") != NULL);
    /* two copies of a question: one warning, not one per check */
    CHECK(strstr(out, "a.yaml:21: warning: 'q-2' repeats 'q-1' (") != NULL);
    CHECK(strstr(out, "'q-2' has the same options") == NULL);
    CHECK(strstr(out, "prompt of 'q-2' nearly repeats") == NULL);
    CHECK_INT(check_folder("tests/banks/bad/broken-exam", out, sizeof out), 1);
    CHECK(strstr(out, "0 questions, 0 flashcards, 0 domains, 0 task statements, 1 errors, 0 "
                      "warnings\n") != NULL);
    CHECK_INT(check_folder("tests/banks/bad/no-exam", out, sizeof out), 2);
    snprintf(want, sizeof want, "%s: error: not a bank folder: there is no exam.yaml in it (see "
             "banks/FORMAT.md)\n", testlib_source_path("tests/banks/bad/no-exam"));
    CHECK_STR(out, want);
    CHECK_INT(check_folder("tests/banks/bad/nowhere", out, sizeof out), 2);
    snprintf(want, sizeof want, "%s: error: no such bank folder (No such file or directory)\n",
             testlib_source_path("tests/banks/bad/nowhere"));
    CHECK_STR(out, want);
    CHECK_INT(check_folder(NULL, out, sizeof out), 2);
}

int main(void)
{
    test_positions();
    test_longest();
    test_near_duplicates();
    test_near_duplicates_match_brute_force();
    test_option_sets();
    test_coverage();
    test_text_checks();
    test_length_ranks();
    test_choose_phrase();
    test_option_letters();
    test_justification();
    test_shared_words();
    test_absolute_words();
    test_report();
    return testlib_finish();
}
