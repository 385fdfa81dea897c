/* libFuzzer target for the bank loader: every input is parsed as an
 * exam.yaml, and as an item file (twice, so ids collide) against a fixed
 * small exam; the quality checks then run over what loaded. Invariants of a
 * loaded Bank are checked so logic errors crash too. tests/unit/
 * test_fuzz_replay.c includes this file to replay the corpus in every build. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "bankcheck.h"
#include "bankload.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char FUZZ_EXAM[] =
    "code: FUZZ\ntitle: Fuzz\nas_of: 2026-01-01\nitems: 6\nscored: 5\nminutes: 10\n"
    "scale: {min: 100, max: 1000, pass: 700}\npass_fraction: 0.7\n"
    "domains:\n"
    "  - {id: \"1\", name: One, weight: 60, tasks: [{id: \"1.1\", title: A}, {id: \"1.2\", title: B}]}\n"
    "  - {id: ops, name: Ops, weight: 40, tasks: [{id: ops.1, title: C}]}\n";

/* Aborts (a finding for the fuzzer) when a loaded Bank breaks its contract. */
static void fuzz_check_bank(const Bank *b)
{
    int questions = 0;
    for (int i = 0; i < b->item_count; i++) {
        const BankItem *it = &b->items[i];
        if (!it->id || it->domain < 0 || it->domain >= b->domain_count || it->task < 0 ||
            it->task >= b->task_count || b->tasks[it->task].domain != it->domain ||
            bank_item_index(b, it->id) != i)
            abort();
        if (it->kind == ITEM_FLASHCARD) {
            if (!it->front || !it->back)
                abort();
            continue;
        }
        questions++;
        uint32_t mask = 0;
        for (int o = 0; o < it->option_count; o++)
            if (it->options[o].correct)
                mask |= 1u << o;
        int right = __builtin_popcount(mask);
        if (!it->prompt || !it->explanation || it->option_count < 3 ||
            it->option_count > BANK_MAX_OPTIONS || mask != it->correct_mask ||
            right != it->choose || right < 1 || right == it->option_count ||
            (right == 1 && it->option_count > 5) || (right > 1 && it->option_count < 5) ||
            it->difficulty < 1 || it->difficulty > 3)
            abort();
    }
    if (questions != b->question_count || b->item_count - questions != b->flashcard_count)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    Diag d = {0};
    char line[1400];

    Bank *b = bank_new("fuzz");
    if (b) {
        if (bank_parse_exam(b, text, size, "exam.yaml", &d) &&
            (b->domain_count < 1 || b->leitner_boxes < 1 || b->leitner_boxes > BANK_MAX_BOXES))
            abort();
        bank_free(b);
    }
    b = bank_new("fuzz");
    if (b) {
        if (!bank_parse_exam(b, FUZZ_EXAM, sizeof FUZZ_EXAM - 1, "exam.yaml", &d))
            abort();
        bool first = bank_parse_items(b, text, size, "items.yaml", &d);
        bool again = bank_parse_items(b, text, size, "again.yaml", &d);
        if (again && first && b->item_count > 0)
            abort(); /* the second copy repeats every id */
        fuzz_check_bank(b);
        bankcheck_quality(b, &d, NULL);
        bank_free(b);
    }
    for (int i = 0; i < d.count; i++)
        diag_format(&d, i, line, sizeof line);
    diag_free(&d);
    return 0;
}
