/* Mix-ups: which options name concepts, how confusions are counted (either
 * way round, with the questions behind them, most frequent first), and
 * which items a contrast drill of a pair gets. The bank is read by the real
 * loader from text. */
#include <stdlib.h>
#include <string.h>

#include "bankload.h"
#include "diag.h"
#include "mixups.h"
#include "testlib.h"

static const char ITEMS[] =
    "questions:\n"
    "  - id: q-log\n    domain: \"1\"\n    task: \"1.1\"\n    difficulty: 1\n"
    "    prompt: Which service records API calls for auditing?\n"
    "    options:\n"
    "      - {text: AWS CloudTrail, correct: true, why: It logs API calls.}\n"
    "      - {text: AWS Config, correct: false, why: It records resource configurations.}\n"
    "      - {text: Amazon CloudWatch, correct: false, why: It collects metrics.}\n"
    "      - {text: The service that stores objects durably for you., correct: false, why: \"A sentence.\"}\n"
    "    explanation: CloudTrail records API calls.\n"
    "  - id: q-config\n    domain: \"1\"\n    task: \"1.1\"\n    difficulty: 1\n"
    "    prompt: Which service tracks how a resource's settings changed?\n"
    "    options:\n"
    "      - {text: AWS Config, correct: true, why: It does.}\n"
    "      - {text: The AWS CloudTrail service log, correct: false, why: Not settings.}\n"
    "      - {text: AWS CloudTrail, correct: false, why: API calls.}\n"
    "    explanation: Config records configuration.\n"
    "  - id: q-two\n    domain: ops\n    task: ops.1\n    difficulty: 2\n"
    "    prompt: Which TWO watch a workload? (Choose TWO.)\n"
    "    choose: 2\n"
    "    options:\n"
    "      - {text: Amazon CloudWatch, correct: true, why: Metrics.}\n"
    "      - {text: AWS CloudTrail, correct: true, why: Calls.}\n"
    "      - {text: AWS Config, correct: false, why: Settings.}\n"
    "      - {text: Amazon S3, correct: false, why: Storage.}\n"
    "      - {text: Amazon EC2, correct: false, why: Compute.}\n"
    "    explanation: CloudWatch and CloudTrail watch.\n"
    "flashcards:\n"
    "  - id: f-config\n    domain: \"1\"\n    task: \"1.1\"\n"
    "    front: What does AWS Config record?\n    back: How resources are configured over time.\n"
    "  - id: f-s3\n    domain: ops\n    task: ops.1\n"
    "    front: Amazon S3\n    back: Object storage.\n";

static Bank *load(void)
{
    char *exam = testlib_read_file(testlib_source_path("tests/banks/mini/exam.yaml"));
    CHECK(exam != NULL);
    Bank *b = bank_new("mixups");
    Diag d = {0};
    bool ok = exam && b && bank_parse_exam(b, exam, strlen(exam), "exam.yaml", &d) &&
              bank_parse_items(b, ITEMS, sizeof ITEMS - 1, "items.yaml", &d);
    if (!ok)
        diag_print(&d, stderr);
    CHECK(ok);
    diag_free(&d);
    free(exam);
    if (!ok) {
        bank_free(b);
        return NULL;
    }
    return b;
}

static int index_of(const Bank *b, const char *id)
{
    return bank_item_index(b, id);
}

int main(void)
{
    Bank *b = load();
    if (!b || b->item_count != 5) {
        bank_free(b);
        return testlib_finish();
    }
    int log = index_of(b, "q-log"), config = index_of(b, "q-config"), two = index_of(b, "q-two");
    int fconfig = index_of(b, "f-config"), fs3 = index_of(b, "f-s3");

    /* Names are concepts; sentences, colons and long texts are not. */
    CHECK_STR(mixup_concept(&b->items[log], 0), "AWS CloudTrail");
    CHECK(mixup_concept(&b->items[log], 3) == NULL);
    CHECK_STR(mixup_concept(&b->items[config], 1), "The AWS CloudTrail service log");
    CHECK(mixup_concept(&b->items[fconfig], 0) == NULL);
    CHECK(mixup_concept(&b->items[log], 9) == NULL);
    CHECK(mixup_same("The AWS Health API", "aws health api"));
    CHECK(!mixup_same("AWS Config", "AWS CloudTrail"));

    /* Config picked where CloudTrail was right (twice), CloudTrail picked
     * where Config was right (once), CloudWatch once; right answers and a
     * flashcard add nothing; a sentence option adds nothing. */
    Answer answers[] = {
        {.item = log, .answer = 1u << 1, .correct = false, .at = 100},
        {.item = log, .answer = 1u << 1, .correct = false, .at = 300},
        {.item = config, .answer = 1u << 2, .correct = false, .at = 200},
        {.item = log, .answer = 1u << 2, .correct = false, .at = 50},
        {.item = log, .answer = 1u << 3, .correct = false, .at = 400},
        {.item = log, .answer = 1u << 0, .correct = true, .at = 500},
        {.item = fs3, .answer = 0, .correct = false, .at = 600},
        /* choose two: CloudWatch right, Config picked instead of CloudTrail */
        {.item = two, .answer = (1u << 0) | (1u << 2), .correct = false, .at = 700},
    };
    Mixup m[8];
    int n = mixups_count(b, answers, (int)(sizeof answers / sizeof answers[0]), m, 8);
    CHECK_INT(n, 2);
    CHECK_STR(m[0].a, "AWS CloudTrail");
    CHECK_STR(m[0].b, "AWS Config");
    CHECK_INT(m[0].count, 4);
    CHECK_INT(m[0].a_for_b, 1);            /* CloudTrail picked where Config was right */
    CHECK_INT(m[0].item_count, 3);
    CHECK_INT(m[0].items[0], two);         /* most recent first */
    CHECK_INT(m[0].items[1], log);
    CHECK_INT(m[0].items[2], config);
    CHECK_STR(m[1].a, "Amazon CloudWatch");
    CHECK_STR(m[1].b, "AWS CloudTrail");
    CHECK_INT(m[1].count, 1);
    CHECK_INT(mixups_count(b, answers, 8, m, 1), 1);
    CHECK_INT(m[0].count, 4);
    CHECK_INT(mixups_count(b, answers, 0, m, 8), 0);

    /* The contrast drill: where they were confused, the other questions
     * naming either, then flashcards naming either. */
    n = mixups_count(b, answers, 8, m, 8);
    int items[16];
    int k = mixups_contrast_items(b, &m[0], items, 16);
    CHECK_INT(k, 4);
    CHECK_INT(items[0], two);
    CHECK_INT(items[1], log);
    CHECK_INT(items[2], config);
    CHECK_INT(items[3], fconfig);
    CHECK_INT(mixups_contrast_items(b, &m[0], items, 2), 2);
    bank_free(b);
    return testlib_finish();
}
