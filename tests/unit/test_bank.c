/* Tests for the bank loader (bankload.h): the mini bank loads every field, each
 * malformed fixture under tests/banks/bad/ gives exactly the expected
 * diagnostics (file, line, column, message), folders load file by file, and
 * the real bank's exam.yaml loads. Quality checks are in test_bankcheck.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bankload.h"
#include "strbuf.h"
#include "compat.h"
#include "testlib.h"

/* Reads a source-tree file; returns a malloc'd buffer (NULL on failure). */
static char *read_source(const char *relative, size_t *len)
{
    FILE *f = fopen(testlib_source_path(relative), "rb");
    *len = 0;
    if (!f)
        return NULL;
    char *buf = malloc(1 << 20);
    if (buf)
        *len = fread(buf, 1, 1 << 20, f);
    fclose(f);
    return buf;
}

/* Every diagnostic, formatted, one per line. Static storage. */
static const char *all_diags(const Diag *d)
{
    static char out[16384];
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < d->count && used < sizeof out; i++) {
        char line[1400];
        diag_format(d, i, line, sizeof line);
        int w = snprintf(out + used, sizeof out - used, "%s%s", i ? "\n" : "", line);
        if (w > 0)
            used += (size_t)w;
    }
    return out;
}

/* A Bank with tests/banks/mini/exam.yaml loaded. */
static Bank *mini_exam_bank(void)
{
    size_t len;
    char *buf = read_source("tests/banks/mini/exam.yaml", &len);
    Bank *b = bank_new("tests/banks/mini");
    Diag d = {0};
    CHECK(buf != NULL);
    CHECK(bank_parse_exam(b, buf, len, "tests/banks/mini/exam.yaml", &d));
    CHECK_INT(d.count, 0);
    diag_free(&d);
    free(buf);
    return b;
}

/* Parses one item fixture against the mini exam; checks the diagnostics
 * are exactly `want` and whether the file loaded. */
static void expect_items(const char *fixture, bool loads, const char *want)
{
    char rel[256];
    snprintf(rel, sizeof rel, "tests/banks/bad/items/%s", fixture);
    size_t len;
    char *buf = read_source(rel, &len);
    if (!CHECK(buf != NULL)) {
        fprintf(stderr, "  missing fixture %s\n", rel);
        return;
    }
    Bank *b = mini_exam_bank();
    Diag d = {0};
    bool ok = bank_parse_items(b, buf, len, rel, &d);
    if (!CHECK_STR(all_diags(&d), want))
        fprintf(stderr, "  in fixture %s\n", fixture);
    CHECK(ok == loads);
    CHECK_INT(b->skipped_files + b->partial_files, loads ? 0 : 1);
    if (!loads) {
        CHECK(b->first_error != NULL);
        if (b->first_error)
            CHECK(strstr(want, b->first_error) != NULL);
    }
    diag_free(&d);
    bank_free(b);
    free(buf);
}

/* Parses one exam fixture; it must fail with exactly `want`. */
static void expect_exam(const char *fixture, const char *want)
{
    char rel[256];
    snprintf(rel, sizeof rel, "tests/banks/bad/exams/%s", fixture);
    size_t len;
    char *buf = read_source(rel, &len);
    if (!CHECK(buf != NULL))
        return;
    Bank *b = bank_new("x");
    Diag d = {0};
    CHECK(!bank_parse_exam(b, buf, len, rel, &d));
    if (!CHECK_STR(all_diags(&d), want))
        fprintf(stderr, "  in fixture %s\n", fixture);
    CHECK_INT(b->domain_count, 0);
    /* an item file cannot be added to a bank whose exam failed */
    Diag d2 = {0};
    CHECK(!bank_parse_items(b, "questions: []\n", 14, "later.yaml", &d2));
    CHECK_STR(all_diags(&d2),
              "later.yaml: error: exam.yaml must be loaded (without errors) before item files");
    diag_free(&d2);
    diag_free(&d);
    bank_free(b);
    free(buf);
}

#define BAD "tests/banks/bad/items/"

static void test_mini_bank(void)
{
    Diag d = {0};
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_source_path("tests/banks/mini"));
    Bank *b = bank_load_dir(dir, &d);
    if (!CHECK(b != NULL))
        return;
    /* the card that tests UTF-8 has CJK, which the bundled font cannot draw */
    char want[1400];
    snprintf(want, sizeof want, "%s/c-bom.yaml:7:12: warning: 'front' contains '\xe6\x97\xa5' (U+65E5), which the "
             "bundled font cannot draw (it shows as a box)", dir);
    CHECK_STR(all_diags(&d), want);
    CHECK_STR(b->dir, dir);
    CHECK_STR(b->code, "MINI-01");
    /* "0.70" read as the double nearest 0.70, the same as 35.0 / 50 */
    CHECK(b->pass_fraction >= 35.0 / 50 && b->pass_fraction <= 35.0 / 50);
    CHECK_STR(b->title, "Mini Test Exam");
    CHECK_STR(b->as_of, "2026-01-15");
    CHECK_INT(b->exam_items, 6);
    CHECK_INT(b->exam_scored, 5);
    CHECK_INT(b->exam_minutes, 10);
    CHECK_INT(b->esl_extra_minutes, 5);
    CHECK_INT(b->scale_min, 100);
    CHECK_INT(b->scale_max, 1000);
    CHECK_INT(b->scale_pass, 700);
    CHECK(b->pass_fraction > 0.6999 && b->pass_fraction < 0.7001);
    CHECK_INT(b->leitner_boxes, 3);
    CHECK_INT(b->leitner_days[0], 1);
    CHECK_INT(b->leitner_days[1], 3);
    CHECK_INT(b->leitner_days[2], 7);
    CHECK_INT(b->diagnostic_items, 3);
    CHECK_INT(b->domain_count, 2);
    CHECK_INT(b->task_count, 3);
    CHECK_STR(b->domains[0].id, "1");
    CHECK_STR(b->domains[0].name, "Basics");
    CHECK_INT(b->domains[0].weight, 60);
    CHECK_INT(b->domains[0].first_task, 0);
    CHECK_INT(b->domains[0].task_count, 2);
    CHECK_STR(b->domains[1].id, "ops");
    CHECK_INT(b->domains[1].first_task, 2);
    CHECK_INT(b->domains[1].task_count, 1);
    CHECK_STR(b->tasks[1].id, "1.2");
    CHECK_STR(b->tasks[1].title, "Apply the basics");
    CHECK_INT(b->tasks[2].domain, 1);
    CHECK_INT(b->item_count, 10);
    CHECK_INT(b->question_count, 6);
    CHECK_INT(b->flashcard_count, 4);
    CHECK_INT(b->skipped_files, 0);
    CHECK_INT(b->skipped_items, 0);
    CHECK(b->first_error == NULL);

    /* files in name order: a-questions, b-crlf, c-bom, d-cards */
    const BankItem *q = &b->items[0];
    CHECK_STR(q->id, "q-1.1-001");
    CHECK_INT(q->kind, ITEM_QUESTION);
    CHECK_INT(q->domain, 0);
    CHECK_INT(q->task, 0);
    CHECK_INT(q->difficulty, 1);
    CHECK_INT(q->tag_count, 2);
    CHECK_STR(q->tags[1], "storage");
    CHECK_STR(q->prompt, "Which option is the right one in this folded prompt?");
    CHECK_STR(q->explanation, "The second option is right. Rule of thumb: read every option.");
    CHECK_INT(q->option_count, 4);
    CHECK_INT(q->choose, 1);
    CHECK_INT(q->correct_mask, 0x2);
    CHECK_STR(q->options[1].why, "It is the right one.");
    CHECK(q->options[1].correct && !q->options[0].correct);
    CHECK_STR(q->file, testlib_source_path("tests/banks/mini/a-questions.yaml"));
    CHECK_INT(q->line, 4);
    CHECK_INT(q->ref_count, 2);
    CHECK_STR(q->refs[0].title, "What is Amazon S3?");
    CHECK_STR(q->refs[0].url,
              "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html");
    CHECK_STR(q->refs[1].url, "https://aws.amazon.com/s3/storage-classes/");

    q = &b->items[1];
    CHECK_STR(q->prompt, "A literal prompt keeps its lines.\nWhich one is true?\n");
    CHECK_INT(q->option_count, 3);
    CHECK_STR(q->options[0].text, "True: this one");
    CHECK_STR(q->options[1].text, "False"); /* raw text, not a boolean */
    CHECK_INT(q->tag_count, 0);
    CHECK_INT(q->ref_count, 0);
    CHECK(q->refs == NULL);

    q = &b->items[2];
    CHECK_STR(q->id, "q-1.2-001");
    CHECK_INT(q->choose, 2);
    CHECK_INT(q->correct_mask, 0x5);
    CHECK_INT(q->option_count, 5);
    q = &b->items[3];
    CHECK_INT(q->choose, 3); /* no 'choose' key: the count of right options */
    CHECK_INT(q->correct_mask, 0xB);
    CHECK_INT(q->option_count, 6);
    q = &b->items[4];
    CHECK_INT(q->domain, 1);
    CHECK_INT(q->task, 2);
    CHECK_INT(q->correct_mask, 0x10);

    q = &b->items[5]; /* the CRLF file */
    CHECK_STR(q->id, "q-ops.1-002");
    CHECK_STR(q->prompt, "A prompt folded over two CRLF lines?");
    CHECK_STR(q->options[0].why, "CRLF line breaks are read like LF.");
    CHECK_STR(q->options[1].text, "No");
    q = &b->items[6];
    CHECK_INT(q->kind, ITEM_FLASHCARD);
    CHECK_STR(q->front, "Are CRLF files accepted?");
    CHECK_STR(q->back, "Yes.");
    CHECK_INT(q->difficulty, 1);
    CHECK_INT(q->line, 28);

    q = &b->items[7]; /* the BOM file */
    CHECK_STR(q->id, "f-1.1-001");
    CHECK_STR(q->front, "Caf\xc3\xa9, na\xc3\xafve, \xe6\x97\xa5\xe6\x9c\xac: does UTF-8 work?");
    CHECK_INT(q->line, 3);
    CHECK_STR(q->tags[0], "bom");
    CHECK_STR(b->items[9].front, "Two lines\non the front?\n");

    CHECK_INT(bank_item_index(b, "f-1.2-002"), 9);
    CHECK_INT(bank_item_index(b, "q-1.1-001"), 0);
    CHECK_INT(bank_item_index(b, "nope"), -1);
    CHECK_INT(bank_domain_index(b, "ops"), 1);
    CHECK_INT(bank_task_index(b, "1.2"), 1);
    CHECK_INT(bank_task_index(b, "9.9"), -1);
    bank_free(b);
    diag_free(&d);
}

static void test_bad_items(void)
{
    expect_items("broken-yaml.yaml", false,
        BAD "broken-yaml.yaml:6:25: error: invalid YAML: mapping values are not allowed in this context; a "
            "plain value containing ': ' must be quoted (\"...\") or written as a block (>-)\n"
        BAD "broken-yaml.yaml: note: 1 item skipped because of errors (the item at line 2); the file has "
            "no other items");
    expect_items("tab-indent.yaml", false,
        BAD "tab-indent.yaml:5:1: error: tab in indentation; indent with spaces\n"
        BAD "tab-indent.yaml:20:1: error: tab in indentation; indent with spaces\n"
        BAD "tab-indent.yaml: note: file skipped: the error stops the reading, so none of its items "
            "are loaded (how many it holds could not be counted)");
    expect_items("truncated.yaml", false,
        BAD "truncated.yaml:22:15: error: invalid YAML: found unexpected end of stream while "
            "scanning a quoted scalar at line 22, column 13; a quoted string is not closed; add the closing quote\n"
        BAD "truncated.yaml: note: 1 item skipped because of errors (the item at line 21); the file's "
            "other 1 item is loaded");
    expect_items("invalid-utf8.yaml", false,
        BAD "invalid-utf8.yaml:6:19: error: invalid UTF-8 (byte 0xC3); save the file as UTF-8\n"
        BAD "invalid-utf8.yaml: note: file skipped: the error stops the reading, so none of its items "
            "are loaded (how many it holds could not be counted)");
    expect_items("nul-byte.yaml", false,
        BAD "nul-byte.yaml:8:20: error: NUL byte in the file; bank files are UTF-8 text\n"
        BAD "nul-byte.yaml: note: file skipped: the error stops the reading, so none of its items "
            "are loaded (how many it holds could not be counted)");
    expect_items("control-char.yaml", false,
        BAD "control-char.yaml:8:20: error: control character U+0007 is not allowed\n"
        BAD "control-char.yaml: note: file skipped: the error stops the reading, so none of its items "
            "are loaded (how many it holds could not be counted)");
    expect_items("unknown-domain.yaml", false,
        BAD "unknown-domain.yaml:3:13: error: unknown domain '7'; exam.yaml defines domains 1, ops\n"
        BAD "unknown-domain.yaml:4:11: error: unknown task '7.1'; exam.yaml defines no such task statement\n"
        BAD "unknown-domain.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("unknown-task.yaml", false,
        BAD "unknown-task.yaml:4:11: error: unknown task '1.9'; domain 1 has tasks 1.1, 1.2\n"
        BAD "unknown-task.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("task-wrong-domain.yaml", false,
        BAD "task-wrong-domain.yaml:4:11: error: task '1.2' belongs to domain 1, not domain ops\n"
        BAD "task-wrong-domain.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("no-right-answer.yaml", false,
        BAD "no-right-answer.yaml:7:5: error: no option is marked 'correct: true'\n"
        BAD "no-right-answer.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("two-right-four-options.yaml", false,
        BAD "two-right-four-options.yaml:7:5: error: a multiple-response question (2 right) "
            "needs at least 5 options; found 4\n"
        BAD "two-right-four-options.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("too-few-options.yaml", false,
        BAD "too-few-options.yaml:7:5: error: a question needs at least 3 options; found 2\n"
        BAD "too-few-options.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("too-many-options.yaml", false,
        BAD "too-many-options.yaml:7:5: error: a single-answer question has 3 to 5 options; found 6\n"
        BAD "too-many-options.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("all-correct.yaml", false,
        BAD "all-correct.yaml:7:5: error: every option is marked correct; at least one must be wrong\n"
        BAD "all-correct.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("choose-mismatch.yaml", false,
        BAD "choose-mismatch.yaml:23:13: error: 'choose' is 3 but 2 options are marked correct\n"
        BAD "choose-mismatch.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("wrong-type.yaml", false,
        BAD "wrong-type.yaml:7:7: error: 'prompt' must be a string, not a list\n"
        BAD "wrong-type.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("huge-string.yaml", false,
        BAD "huge-string.yaml:6:13: error: 'prompt' is 2100 bytes; the limit is 2000\n"
        BAD "huge-string.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("empty-file.yaml", false,
        BAD "empty-file.yaml: error: file is empty; an item file holds 'questions:' and/or "
            "'flashcards:' lists\n"
        BAD "empty-file.yaml: note: file skipped");
    expect_items("comments-only.yaml", false,
        BAD "comments-only.yaml: error: file is empty; an item file holds 'questions:' and/or "
            "'flashcards:' lists\n"
        BAD "comments-only.yaml: note: file skipped");
    expect_items("empty-string.yaml", false,
        BAD "empty-string.yaml:20:18: error: 'explanation' is empty\n"
        BAD "empty-string.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("missing-key.yaml", false,
        BAD "missing-key.yaml:2:5: error: question 'q-1' has no 'explanation'\n"
        BAD "missing-key.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("unknown-key.yaml", true,
        BAD "unknown-key.yaml:6:5: warning: unknown key 'tag'; did you mean 'tags'?\n"
        BAD "unknown-key.yaml:7:5: warning: unknown key 'notes' in a question; known keys: id, "
            "domain, task, difficulty, tags, prompt, options, explanation, choose, refs");
    expect_items("misspelled-key.yaml", false,
        BAD "misspelled-key.yaml:6:5: warning: unknown key 'promt'; did you mean 'prompt'?\n"
        BAD "misspelled-key.yaml:2:5: error: question 'q-1' has no 'prompt'\n"
        BAD "misspelled-key.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("bad-difficulty.yaml", false,
        BAD "bad-difficulty.yaml:5:17: error: 'difficulty' must be between 1 and 3, found 4\n"
        BAD "bad-difficulty.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("quoted-number.yaml", false,
        BAD "quoted-number.yaml:5:17: error: 'difficulty' must be a whole number; remove the "
            "quotes around '2'\n"
        BAD "quoted-number.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("id-too-long.yaml", false,
        BAD "id-too-long.yaml:2:9: error: 'id' is 65 bytes; the limit is 64\n"
        BAD "id-too-long.yaml: note: 1 item skipped because of errors (the item at line 2); the file has "
            "no other items");
    expect_items("bad-id-chars.yaml", false,
        BAD "bad-id-chars.yaml:2:9: error: 'id' 'q 1' may contain only letters, digits, '.', "
            "'-' and '_'\n"
        BAD "bad-id-chars.yaml: note: 1 item skipped because of errors (the item at line 2); the file "
            "has no other items");
    expect_items("duplicate-id.yaml", false,
        BAD "duplicate-id.yaml:21:9: error: duplicate id 'q-1'; first defined at "
        BAD "duplicate-id.yaml:2\n"
        BAD "duplicate-id.yaml: note: 1 item skipped because of errors (q-1); the file's other 1 item is "
            "loaded");
    expect_items("bad-bool.yaml", false,
        BAD "bad-bool.yaml:9:18: error: 'correct' must be true or false, found 'yes'\n"
        BAD "bad-bool.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("duplicate-key.yaml", false,
        BAD "duplicate-key.yaml:6:5: error: duplicate key 'difficulty' (first at line 5)\n"
        BAD "duplicate-key.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("alias.yaml", false,
        BAD "alias.yaml:13:14: error: aliases (*reason) are not supported in bank files; write "
            "the value out\n"
        BAD "alias.yaml: note: file skipped: its 1 item is not loaded");
    expect_items("top-level-list.yaml", false,
        BAD "top-level-list.yaml:1:1: error: the top level must be a mapping with 'questions:' "
            "and/or 'flashcards:' lists, not a list\n"
        BAD "top-level-list.yaml: note: file skipped");
    expect_items("two-documents.yaml", false,
        BAD "two-documents.yaml:21:1: error: a bank file holds one YAML document; remove the "
            "second '---'\n"
        BAD "two-documents.yaml: note: file skipped: the error stops the reading, so none of its items "
            "are loaded (about 1, counted by their '- id:' lines)");
    expect_items("repeated-option.yaml", false,
        BAD "repeated-option.yaml:14:15: error: option 3 repeats the text of option 2\n"
        BAD "repeated-option.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("deep-nesting.yaml", false,
        BAD "deep-nesting.yaml:1:43: error: nesting is deeper than 32 levels\n"
        BAD "deep-nesting.yaml: note: file skipped: the error stops the reading, so none of its items "
            "are loaded (how many it holds could not be counted)");
    /* every error of a file is reported, not just the first */
    expect_items("many-errors.yaml", false,
        BAD "many-errors.yaml:5:17: error: 'difficulty' must be between 1 and 3, found 0\n"
        BAD "many-errors.yaml:23:11: error: unknown task '1.7'; domain 1 has tasks 1.1, 1.2\n"
        BAD "many-errors.yaml:40:5: error: question 'q-3' has no 'explanation'\n"
        BAD "many-errors.yaml:63:11: error: 'back' must be a string, not a list\n"
        BAD "many-errors.yaml: note: 4 items skipped because of errors (q-1, q-2, q-3, f-1); the file has "
            "no other items");

    /* what a reader can't tell apart, can't see or can't read */
    expect_items("options-empty.yaml", false,
        BAD "options-empty.yaml:7:5: error: 'options' is empty: the question's options are missing "
            "(list 3 to 8, each with text, correct and why)\n"
        BAD "options-empty.yaml: note: 1 item skipped because of errors (q-1); the file has no other items");
    expect_items("options-look-same.yaml", false,
        BAD "options-look-same.yaml:17:17: error: option 4 differs from option 2 only in spaces, letter "
            "case or invisible characters; they look the same\n"
        BAD "options-look-same.yaml: note: 1 item skipped because of errors (q-1); the file's other 1 "
            "item is loaded");
    expect_items("invisible-id.yaml", false,
        BAD "invisible-id.yaml:2:9: error: 'id' 'q<U+200B>-1' contains U+200B (zero width space); ids may "
            "contain only letters, digits, '.', '-' and '_'\n"
        BAD "invisible-id.yaml: note: 1 item skipped because of errors (the item at line 2); the file's "
            "other 1 item is loaded");
    expect_items("display-text.yaml", true,
        BAD "display-text.yaml:6:13: warning: 'prompt' contains '\xF0\x9F\x98\x80' (U+1F600), which the "
            "bundled font cannot draw (it shows as a box)\n"
        BAD "display-text.yaml:14:15: warning: 'text' contains '\xD7\xA9' (U+05E9), from a right-to-left "
            "script, which cloudprep shows left to right (reversed)\n"
        BAD "display-text.yaml:16:14: warning: 'why' contains U+200B (zero width space), an invisible "
            "character; remove it\n"
        BAD "display-text.yaml:17:15: warning: 'text' is made only of invisible characters and shows blank\n"
        BAD "display-text.yaml: note: 1 more string in this file contains invisible characters\n"
        BAD "display-text.yaml: note: 1 more string in this file contains characters the bundled font "
            "cannot draw");

    /* every independent syntax error in one run; the items between them load */
    expect_items("many-syntax-errors.yaml", false,
        BAD "many-syntax-errors.yaml:16:18: error: invalid YAML: mapping values are not allowed in this "
            "context; a plain value containing ': ' must be quoted (\"...\") or written as a block (>-)\n"
        BAD "many-syntax-errors.yaml:60:14: error: invalid YAML: did not find expected key while parsing a "
            "block mapping at line 40, column 5; check the indentation: this line must line up with the keys "
            "above it, and a value starting with a quote must end with it\n"
        BAD "many-syntax-errors.yaml:93:22: error: invalid YAML: did not find expected key while parsing a "
            "block mapping at line 93, column 9; check the indentation: this line must line up with the keys "
            "above it, and a value starting with a quote must end with it\n"
        BAD "many-syntax-errors.yaml: note: 3 items skipped because of errors (the item at line 2, the item "
            "at line 40, the item at line 78); the file's other 2 items are loaded");

    /* refs: documentation pages, https on the allowed hosts only */
    expect_items("refs-ok.yaml", true, "");
    expect_items("refs-bad-url.yaml", false,
        BAD "refs-bad-url.yaml:23:14: error: 'url' 'http://docs.aws.amazon.com/AmazonS3/late...' "
            "must start with https://\n"
        BAD "refs-bad-url.yaml:45:14: error: 'url' 'https://example.com/s3.html' is on host "
            "'example.com'; use a page on docs.aws.amazon.com or aws.amazon.com\n"
        BAD "refs-bad-url.yaml:67:14: error: 'url' 'https://docs.aws.amazon.com.example.net/...' "
            "is on host 'docs.aws.amazon.com.example.net'; use a page on docs.aws.amazon.com or "
            "aws.amazon.com\n"
        BAD "refs-bad-url.yaml:89:14: error: 'url' 'https://aws.amazon.com:8443/s3/' is on host "
            "'aws.amazon.com:8443'; use a page on docs.aws.amazon.com or aws.amazon.com\n"
        BAD "refs-bad-url.yaml:111:14: error: 'url' 'https://aws.amazon.com/s3/storage classe...' "
            "contains ' ' at byte 34; percent-encode it\n"
        BAD "refs-bad-url.yaml:133:14: error: 'url' 'https://user@docs.aws.amazon.com/s3/' is on "
            "host 'user@docs.aws.amazon.com'; use a page on docs.aws.amazon.com or aws.amazon.com\n"
        BAD "refs-bad-url.yaml: note: 6 items skipped because of errors (q-1, q-2, q-3, q-4, q-5, q-6); the "
            "file has no other items");
    expect_items("refs-shape.yaml", false,
        BAD "refs-shape.yaml:21:5: error: 'refs' needs 1 to 3 pages; found 0\n"
        BAD "refs-shape.yaml:41:5: error: 'refs' needs 1 to 3 pages; found 4\n"
        BAD "refs-shape.yaml:69:11: error: 'refs' must be a list of pages with 'title' and 'url', "
            "not a single value\n"
        BAD "refs-shape.yaml:90:9: error: ref 1 of 'q-4' has no 'title'\n"
        BAD "refs-shape.yaml:111:16: error: 'title' is 121 bytes; the limit is 120\n"
        BAD "refs-shape.yaml:136:14: error: ref 2 repeats the url of ref 1\n"
        BAD "refs-shape.yaml:158:9: warning: unknown key 'link' in ref 1 of 'q-7'; known keys: "
            "title, url\n"
        BAD "refs-shape.yaml:157:9: error: ref 1 of 'q-7' has no 'url'\n"
        BAD "refs-shape.yaml:178:5: error: 'refs' is empty; list 1 to 3 pages or remove the key\n"
        BAD "refs-shape.yaml: note: 8 items skipped because of errors (q-1, q-2, q-3, q-4, q-5, q-6, q-7, "
            "q-8); the file has no other items");
}

/* The url rule on its own, as the linter and the game use it. */
static void test_ref_urls(void)
{
    char why[200];
    CHECK(bank_ref_url_ok("https://docs.aws.amazon.com/", why, sizeof why));
    CHECK(bank_ref_url_ok("https://aws.amazon.com", NULL, 0));
    CHECK(bank_ref_url_ok("https://AWS.Amazon.COM/free/?all#faq", NULL, 0));
    CHECK(!bank_ref_url_ok("https://aws.amazon.co/", why, sizeof why));
    CHECK_STR(why, "is on host 'aws.amazon.co'; use a page on docs.aws.amazon.com or aws.amazon.com");
    CHECK(!bank_ref_url_ok("https://evilaws.amazon.com/", NULL, 0));
    CHECK(!bank_ref_url_ok("https://", NULL, 0));
    CHECK(!bank_ref_url_ok("HTTPS://aws.amazon.com/", NULL, 0));
    CHECK(!bank_ref_url_ok("https://aws.amazon.com/a\"b", why, sizeof why));
    CHECK_STR(why, "contains '\"' at byte 25; percent-encode it");
    CHECK(!bank_ref_url_ok("https://aws.amazon.com/caf\xc3\xa9", why, sizeof why));
    CHECK_STR(why, "contains a non-ASCII byte at byte 27; percent-encode it");
    CHECK_INT(BANK_REF_HOST_COUNT, 2);
}

#define BADX "tests/banks/bad/exams/"

static void test_bad_exams(void)
{
    expect_exam("weights.yaml",
        BADX "weights.yaml:16:1: error: domain weights add up to 98; they must add up to 100");
    expect_exam("leitner-order.yaml",
        BADX "leitner-order.yaml:14:22: error: 'leitner_days' must increase; 3 follows 7");
    expect_exam("leitner-long.yaml",
        BADX "leitner-long.yaml:14:15: error: 'leitner_days' needs 1 to 8 entries; found 9");
    expect_exam("leitner-type.yaml",
        BADX "leitner-type.yaml:14:15: error: 'leitner_days' must be a list of days like "
             "[1, 2, 4, 8, 16], not a single value");
    expect_exam("broken.yaml",
        BADX "broken.yaml:4:6: error: invalid YAML: did not find expected ',' or ']' while "
             "parsing a flow sequence at line 3, column 8; a value starting with [ is read as a list; "
             "quote it");
    expect_exam("missing-code.yaml",
        BADX "missing-code.yaml:2:1: error: exam.yaml has no 'code'\n"
        BADX "missing-code.yaml:3:8: error: 'as_of' must be a date written YYYY-MM-DD, found "
             "'2026-02-30'");
    expect_exam("task-id.yaml",
        BADX "task-id.yaml:23:13: error: task id '2.2' must be the domain id '1', a dot and a "
             "number (like '1.1')");
    expect_exam("duplicate-domain.yaml",
        BADX "duplicate-domain.yaml:25:9: error: duplicate domain id '1' (first at line 17)");
    expect_exam("numbers.yaml",
        BADX "numbers.yaml:6:9: error: 'scored' (9) must not exceed 'items' (6)\n"
        BADX "numbers.yaml:10:3: error: 'scale' needs min < pass <= max; found min 100, pass "
             "1100, max 1000\n"
        BADX "numbers.yaml:13:16: error: 'pass_fraction' must be a number between 0 and 1 "
             "(like 0.70), found '1.5'");
    expect_exam("no-tasks.yaml",
        BADX "no-tasks.yaml:28:12: error: domain 'ops' has no task statements");
    expect_exam("duplicate-task.yaml",
        BADX "duplicate-task.yaml:23:13: error: duplicate task id '1.1' (first at line 21)");
    expect_exam("domain-dot.yaml",
        BADX "domain-dot.yaml:25:9: error: domain id 'o.ps' must not contain '.'; task ids are "
             "'<domain id>.<n>'");
    expect_exam("too-many-domains.yaml",
        BADX "too-many-domains.yaml:17:3: error: a bank holds at most 16 domains; found 17");
    expect_exam("empty.yaml",
        BADX "empty.yaml: error: file is empty; exam.yaml describes the exam (see banks/FORMAT.md)");
}

static void test_folders(void)
{
    char dir[512], want[4096];
    Diag d = {0};

    snprintf(dir, sizeof dir, "%s", testlib_source_path("tests/banks/bad/no-such-folder"));
    CHECK(bank_load_dir(dir, &d) == NULL);
    snprintf(want, sizeof want, "%s: error: cannot open bank folder: No such file or directory",
             dir);
    CHECK_STR(all_diags(&d), want);
    diag_free(&d);

    CHECK(bank_load_dir(NULL, &d) == NULL);
    CHECK_STR(all_diags(&d), "(none): error: no bank folder given");
    diag_free(&d);
    snprintf(dir, sizeof dir, "%s", testlib_source_path("tests/banks/mini/exam.yaml"));
    CHECK(bank_load_dir(dir, NULL) == NULL); /* a NULL Diag is allowed */
    CHECK(bank_load_dir(dir, &d) == NULL);
    snprintf(want, sizeof want, "%s: error: cannot open bank folder: not a folder", dir);
    CHECK_STR(all_diags(&d), want);
    diag_free(&d);

    snprintf(dir, sizeof dir, "%s", testlib_source_path("tests/banks/bad/no-exam"));
    CHECK(bank_load_dir(dir, &d) == NULL);
    snprintf(want, sizeof want, "%s/exam.yaml: error: no exam.yaml in bank folder '%s'; every "
             "bank needs one (see banks/FORMAT.md)", dir, dir);
    CHECK_STR(all_diags(&d), want);
    diag_free(&d);

    snprintf(dir, sizeof dir, "%s", testlib_source_path("tests/banks/bad/broken-exam"));
    CHECK(bank_load_dir(dir, &d) == NULL);
    snprintf(want, sizeof want, "%s/exam.yaml:18:3: error: invalid YAML: did not find expected "
             "node content while parsing a flow node at line 18, column 3; a value starting with [ or { "
             "is read as a list or mapping; quote it", dir);
    CHECK_STR(all_diags(&d), want);
    diag_free(&d);

    /* b.yaml repeats an id of a.yaml: that item is skipped, the rest of b
     * and all of a load; the .yml file is ignored with a warning and the
     * hidden file silently */
    snprintf(dir, sizeof dir, "%s", testlib_source_path("tests/banks/bad/dup-across-files"));
    Bank *b = bank_load_dir(dir, &d);
    if (CHECK(b != NULL)) {
        snprintf(want, sizeof want,
                 "%s/c.yml: warning: ignored: bank files must end in '.yaml' exactly (lower case, nothing after it); rename it to load it\n"
                 "%s/b.yaml:21:9: error: duplicate id 'q-1'; first defined at %s/a.yaml:2\n"
                 "%s/b.yaml: note: 1 item skipped because of errors (q-1); the file's other 1 item is "
                 "loaded", dir, dir, dir, dir);
        CHECK_STR(all_diags(&d), want);
        CHECK_INT(b->item_count, 3);
        CHECK_INT(b->question_count, 3);
        CHECK_INT(b->skipped_files, 0);
        CHECK_INT(b->partial_files, 1);
        CHECK_INT(b->skipped_items, 1);
        snprintf(want, sizeof want, "%s/b.yaml:21:9: error: duplicate id 'q-1'; first defined "
                 "at %s/a.yaml:2", dir, dir);
        CHECK_STR(b->first_error, want);
        CHECK_STR(b->items[1].id, "q-2");
        CHECK_INT(bank_item_index(b, "q-3"), 2); /* b.yaml's valid item loads */
        CHECK_INT(bank_item_index(b, "q-1"), 0); /* the first definition stays */
        CHECK_INT(d.errors, 1);
        CHECK_INT(d.warnings, 1);
    }
    bank_free(b);
    diag_free(&d);
}

static void test_limits(void)
{
    /* a file over 4 MiB is refused before parsing */
    size_t big = BANK_LIMIT_FILE_BYTES + 1;
    char *buf = malloc(big);
    if (!CHECK(buf != NULL))
        return;
    memset(buf, ' ', big);
    Bank *b = mini_exam_bank();
    Diag d = {0};
    CHECK(!bank_parse_items(b, buf, big, "big.yaml", &d));
    CHECK_STR(all_diags(&d), "big.yaml: error: file is 4194305 bytes; the limit is 4194304 "
                             "bytes (4 MiB)\nbig.yaml: note: file skipped: the error stops the reading, so "
                             "none of its items are loaded (how many it holds could not be counted)");
    diag_free(&d);

    /* more errors than the per-file limit: the rest is summarised */
    size_t used = 0;
    used += (size_t)snprintf(buf + used, big - used, "questions:\n");
    for (int i = 0; i < 60; i++)
        used += (size_t)snprintf(buf + used, big - used, "  - id: q-%d\n", i);
    CHECK(!bank_parse_items(b, buf, used, "many.yaml", &d));
    CHECK_INT(d.errors, 360); /* 6 missing keys each; all counted */
    CHECK_INT(d.count, 50 + 2); /* 50 listed, a note, the skip note */
    CHECK_STR(all_diags(&d) + strlen(all_diags(&d)) - strlen("q-39, ...); the file has no other items"),
              "q-39, ...); the file has no other items");
    CHECK_INT(b->skipped_items, 60);
    diag_free(&d);

    /* a file of exactly the limit in size is parsed */
    memset(buf, '#', BANK_LIMIT_FILE_BYTES);
    memcpy(buf, "flashcards: []\n", 15);
    CHECK(bank_parse_items(b, buf, BANK_LIMIT_FILE_BYTES, "edge.yaml", &d));
    CHECK_INT(d.count, 0);
    diag_free(&d);
    bank_free(b);
    free(buf);
}

static bool write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

/* A folder with a file over the size limit: that file is skipped with the
 * same message as a buffer over the limit, and the others load. */
static void test_oversize_file_in_folder(void)
{
    char dir[512], path[700], want[2048];
    snprintf(dir, sizeof dir, "%s", testlib_tmpdir("bank-oversize"));
    size_t len, big = BANK_LIMIT_FILE_BYTES + 1;
    char *exam = read_source("tests/banks/mini/exam.yaml", &len);
    char *buf = calloc(1, big);
    if (!CHECK(exam && buf)) {
        free(exam);
        free(buf);
        return;
    }
    snprintf(path, sizeof path, "%s/exam.yaml", dir);
    CHECK(write_file(path, exam, len));
    snprintf(path, sizeof path, "%s/a.yaml", dir);
    CHECK(write_file(path, buf, big));
    snprintf(path, sizeof path, "%s/b.yaml", dir);
    static const char card[] = "flashcards: [{id: f, domain: 1, task: 1.1, front: F, back: B}]\n";
    CHECK(write_file(path, card, sizeof card - 1));
    snprintf(path, sizeof path, "%s/sub.yaml", dir); /* a folder named like a file */
    CHECK(compat_mkdir_private(path) == 0);
    Diag d = {0};
    Bank *b = bank_load_dir(dir, &d);
    if (CHECK(b != NULL)) {
        snprintf(want, sizeof want, "%s/a.yaml: error: file is 4194305 bytes; the limit is "
                 "4194304 bytes (4 MiB)\n%s/a.yaml: note: file skipped", dir, dir);
        CHECK_STR(all_diags(&d), want);
        CHECK_INT(b->item_count, 1);
        CHECK_INT(b->skipped_files, 1);
        snprintf(want, sizeof want, "%s/a.yaml: error: file is 4194305 bytes; the limit is "
                 "4194304 bytes (4 MiB)", dir);
        CHECK_STR(b->first_error, want);
    }
    bank_free(b);
    diag_free(&d);
    free(exam);
    free(buf);
    static const char *const names[] = {"exam.yaml", "a.yaml", "b.yaml"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        remove(path);
    }
    snprintf(path, sizeof path, "%s/sub.yaml", dir);
    rmdir(path);
    rmdir(dir);
}

static void test_parse_from_memory(void)
{
    Bank *b = mini_exam_bank();
    Diag d = {0};
    /* quoted or plain ids, flow style, null lists */
    static const char good[] =
        "questions: ~\n"
        "flashcards:\n"
        "  - {id: f-x, domain: 1, task: 1.1, front: F, back: B, tags: [a, \"b c\"]}\n";
    CHECK(bank_parse_items(b, good, sizeof good - 1, "mem.yaml", &d));
    CHECK_INT(b->flashcard_count, 1);
    CHECK_STR(b->items[0].tags[1], "b c");
    CHECK_STR(b->items[0].file, "mem.yaml");
    CHECK_INT(d.count, 0);
    /* the same id again, in another file, is an error pointing at the first */
    CHECK(!bank_parse_items(b, good, sizeof good - 1, "again.yaml", &d));
    CHECK_STR(all_diags(&d), "again.yaml:3:10: error: duplicate id 'f-x'; first defined at "
                             "mem.yaml:3\nagain.yaml: note: 1 item skipped because of errors (f-x); the file has no "
                             "other items");
    CHECK_INT(b->item_count, 1);
    diag_free(&d);
    /* an escape can put what the raw text cannot into a string */
    static const char esc[] =
        "flashcards:\n  - {id: f-y, domain: 1, task: 1.1, front: \"a\\0b\", back: \"c\\x01\"}\n";
    CHECK(!bank_parse_items(b, esc, sizeof esc - 1, "esc.yaml", &d));
    CHECK_STR(all_diags(&d), "esc.yaml:2:44: error: string contains a NUL character\n"
                             "esc.yaml:2:58: error: string contains control character U+0001\n"
                             "esc.yaml: note: file skipped: its 1 item is not loaded");
    diag_free(&d);
    /* an exam cannot be loaded twice */
    CHECK(!bank_parse_exam(b, "code: X\n", 8, "exam2.yaml", &d));
    CHECK_STR(all_diags(&d), "exam2.yaml: error: the bank already has an exam loaded");
    diag_free(&d);
    bank_free(b);
    bank_free(NULL);
}

/* The note naming skipped items says when its list is cut short, also when
 * the items were skipped for syntax errors. */
static void test_skipped_list_cut(void)
{
    Bank *b = mini_exam_bank();
    Diag d = {0};
    char text[4096] = "questions:\n";
    for (int i = 0; i < 15; i++)
        strbuf_append(text, sizeof text, "  - id: q-%d\n    domain: 1\n    prompt: a: b\n", i);
    CHECK(!bank_parse_items(b, text, strlen(text), "cut.yaml", &d));
    int note = d.count - 1;
    char line[1400];
    diag_format(&d, note, line, sizeof line);
    CHECK(strstr(line, "cut.yaml: note: 15 items skipped because of errors (the item at line 2, ") == line);
    CHECK(strstr(line, ", ...); the file has no other items") != NULL);
    CHECK_INT(b->skipped_items, 15);
    diag_free(&d);
    bank_free(b);
}

static void test_real_bank(void)
{
    /* The real bank is still being written: only exam.yaml's shape is
     * asserted, and that loading the folder completes. */
    Diag d = {0};
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", testlib_source_path("banks/clf-c02"));
    Bank *b = bank_load_dir(dir, &d);
    if (CHECK(b != NULL)) {
        CHECK_STR(b->code, "CLF-C02");
        CHECK_INT(b->domain_count, 4);
        CHECK_INT(b->exam_items, 65);
        CHECK_INT(b->exam_scored, 50);
        CHECK(b->item_count >= 0);
    } else {
        diag_print(&d, stderr);
    }
    bank_free(b);
    diag_free(&d);
}

int main(void)
{
    test_mini_bank();
    test_bad_items();
    test_ref_urls();
    test_bad_exams();
    test_folders();
    test_limits();
    test_oversize_file_in_folder();
    test_parse_from_memory();
    test_skipped_list_cut();
    test_real_bank();
    return testlib_finish();
}
