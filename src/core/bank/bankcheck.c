/* Bank linting: item-quality statistics over a loaded Bank (answer-position
 * and longest-option bias, near-duplicate prompts and repeated questions,
 * repeated option sets, coverage per task and domain) and the --check-bank
 * report that prints them after the loader's diagnostics. Wording cues are
 * bankcues.c's, words banktext.c's; thresholds live in bankcheck.h. */
#include "bankcheck.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arcade.h"
#include "bankcheck_internal.h"
#include "bankload.h"
#include "examform.h"
#include "banktext.h"

void bankcheck_warn(Checker *k, const char *file, int line, int *listed, const char *fmt, ...)
{
    if (listed) {
        if (*listed >= BANKCHECK_MAX_LISTED) {
            (*listed)++;
            return;
        }
        (*listed)++;
    }
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(k->out, DIAG_WARNING, file, line, 0, "%s", msg);
    k->q->warnings++;
}

void bankcheck_note_unlisted(Checker *k, int listed, const char *what)
{
    if (listed > BANKCHECK_MAX_LISTED)
        diag_add(k->out, DIAG_NOTE, k->where, 0, 0, "%d more %s not listed",
                 listed - BANKCHECK_MAX_LISTED, what);
}

static unsigned char lower_ascii(unsigned char ch)
{
    return (ch >= 'A' && ch <= 'Z') ? (unsigned char)(ch - 'A' + 'a') : ch;
}

double bankcheck_pct(int part, int whole)
{
    return whole > 0 ? 100.0 * part / whole : 0.0;
}

static int right_index(const BankItem *it)
{
    for (int i = 0; i < it->option_count; i++)
        if (it->options[i].correct)
            return i;
    return -1;
}

size_t bankcheck_chars(const char *s)
{
    size_t n = 0;
    for (; s && *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

/* Case-insensitive (ASCII) substring test. */
static bool contains_phrase(const char *text, const char *phrase)
{
    size_t n = strlen(phrase);
    for (const char *p = text; *p; p++) {
        size_t i = 0;
        while (i < n && p[i] && lower_ascii((unsigned char)p[i]) == (unsigned char)phrase[i])
            i++;
        if (i == n)
            return true;
    }
    return false;
}

static int count_right(const BankItem *it)
{
    int n = 0;
    for (int i = 0; i < it->option_count; i++)
        n += it->options[i].correct;
    return n;
}

/* ------------------------------------------------- per-item counts */

static void check_items(Checker *k)
{
    const Bank *b = k->b;
    BankQuality *q = k->q;
    int above_listed = 0;
    for (int i = 0; i < b->item_count; i++) {
        const BankItem *it = &b->items[i];
        if (it->kind != ITEM_QUESTION) {
            q->flashcards++;
            continue;
        }
        q->questions++;
        q->with_refs += it->ref_count > 0;
        if (it->difficulty >= 1 && it->difficulty <= 3)
            q->difficulty[it->difficulty]++;
        int right = count_right(it);
        if (right >= 2) {
            q->multiple_response++;
        } else if (right == 1) {
            q->single_answer++;
            int r = right_index(it);
            if (it->option_count == BANKCHECK_POSITION_OPTIONS) {
                q->four_option++;
                q->position[r]++;
            }
            size_t longest = bankcheck_chars(it->options[r].text);
            bool strictly = true;
            for (int o = 0; o < it->option_count; o++)
                if (o != r && bankcheck_chars(it->options[o].text) >= longest)
                    strictly = false;
            q->longest_right += strictly;
        }
        for (int o = 0; o < it->option_count; o++) {
            const char *text = it->options[o].text;
            const char *phrase = contains_phrase(text, "all of the above") ? "all of the above"
                               : contains_phrase(text, "none of the above") ? "none of the above"
                               : NULL;
            if (phrase) {
                q->above_options++;
                bankcheck_warn(k, it->file, it->line, &above_listed,
                        "option %d of '%s' says '%s'; options are shuffled, so write a real "
                        "option instead", o + 1, it->id, phrase);
            }
        }
    }
    bankcheck_note_unlisted(k, above_listed, "'all/none of the above' options");
}

static void check_positions(Checker *k)
{
    BankQuality *q = k->q;
    if (q->four_option >= BANKCHECK_MIN_SAMPLE) {
        for (int p = 0; p < BANKCHECK_POSITION_OPTIONS; p++) {
            double share = bankcheck_pct(q->position[p], q->four_option);
            if (share < BANKCHECK_POSITION_MIN_PCT || share > BANKCHECK_POSITION_MAX_PCT)
                bankcheck_warn(k, k->where, 0, NULL,
                        "the right answer is option %c in %.1f%% of the %d single-answer "
                        "questions with 4 options; keep each position between %.0f%% and %.0f%%",
                        'A' + p, share, q->four_option, BANKCHECK_POSITION_MIN_PCT,
                        BANKCHECK_POSITION_MAX_PCT);
        }
    }
    if (q->single_answer >= BANKCHECK_MIN_SAMPLE) {
        double share = bankcheck_pct(q->longest_right, q->single_answer);
        if (share > BANKCHECK_LONGEST_MAX_PCT)
            bankcheck_warn(k, k->where, 0, NULL,
                    "the right option is strictly the longest in %.1f%% of single-answer "
                    "questions (%d of %d); keep it at or below %.0f%%",
                    share, q->longest_right, q->single_answer, BANKCHECK_LONGEST_MAX_PCT);
    }
}

/* ----------------------------------------------- domains and tasks */

static void check_coverage(Checker *k)
{
    const Bank *b = k->b;
    BankQuality *q = k->q;
    int nd = b->domain_count, nt = b->task_count;
    int *dq = calloc((size_t)nd + 1, sizeof *dq);
    int *dmr = calloc((size_t)nd + 1, sizeof *dmr);
    int *tq = calloc((size_t)nt + 1, sizeof *tq);
    int *tf = calloc((size_t)nt + 1, sizeof *tf);
    if (!dq || !dmr || !tq || !tf)
        goto done;
    for (int i = 0; i < b->item_count; i++) {
        const BankItem *it = &b->items[i];
        if (it->domain < 0 || it->domain >= nd || it->task < 0 || it->task >= nt)
            continue;
        if (it->kind == ITEM_QUESTION) {
            dq[it->domain]++;
            tq[it->task]++;
            dmr[it->domain] += count_right(it) >= 2;
        } else {
            tf[it->task]++;
        }
    }
    int listed = 0;
    for (int t = 0; t < nt; t++) {
        if (tq[t] >= BANKCHECK_TASK_MIN_QUESTIONS && tf[t] >= BANKCHECK_TASK_MIN_FLASHCARDS)
            continue;
        q->thin_tasks++;
        bankcheck_warn(k, k->exam_path, 0, &listed,
                "task %s has %d question%s and %d flashcard%s; aim for at least %d and %d",
                b->tasks[t].id, tq[t], tq[t] == 1 ? "" : "s", tf[t], tf[t] == 1 ? "" : "s",
                BANKCHECK_TASK_MIN_QUESTIONS, BANKCHECK_TASK_MIN_FLASHCARDS);
    }
    bankcheck_note_unlisted(k, listed, "thin task statements");
    for (int d = 0; d < nd; d++) {
        const BankDomain *dom = &b->domains[d];
        double share = bankcheck_pct(dq[d], q->questions);
        double off = share - dom->weight;
        if (q->questions >= BANKCHECK_MIN_SAMPLE &&
            (off > BANKCHECK_SHARE_TOLERANCE_PTS || off < -BANKCHECK_SHARE_TOLERANCE_PTS)) {
            q->off_weight_domains++;
            bankcheck_warn(k, k->exam_path, 0, NULL,
                    "domain %s (%s) has %.1f%% of the questions but weighs %d%%; keep it "
                    "within %.0f points", dom->id, dom->name, share, dom->weight,
                    BANKCHECK_SHARE_TOLERANCE_PTS);
        }
        double mr = bankcheck_pct(dmr[d], dq[d]);
        if (dq[d] >= BANKCHECK_MIN_SAMPLE && mr < BANKCHECK_MR_MIN_PCT) {
            q->low_mr_domains++;
            bankcheck_warn(k, k->exam_path, 0, NULL,
                    "domain %s has %.1f%% multiple-response questions (%d of %d); aim for at "
                    "least %.0f%%", dom->id, mr, dmr[d], dq[d], BANKCHECK_MR_MIN_PCT);
        }
    }
done:
    free(dq);
    free(dmr);
    free(tq);
    free(tf);
}

/* ------------------------------------------------- what each mode needs */

/* Warns where a form asks a domain for more questions than it has (the
 * other domains fill in, so the form no longer follows the weights). */
static void check_form_domains(Checker *k, const char *form, int items, int scored, const int *dq)
{
    const Bank *b = k->b;
    int s[SCORING_MAX_DOMAINS] = {0}, u[SCORING_MAX_DOMAINS] = {0};
    if (items <= 0 || !examform_domain_counts(b, scored, items - scored, s, u))
        return;
    for (int d = 0; d < b->domain_count; d++) {
        int want = s[d] + u[d];
        if (dq[d] == 0 || want <= dq[d])
            continue; /* a domain without questions is warned about once, below */
        bankcheck_warn(k, k->exam_path, 0, NULL,
                "the %s asks %d question%s of domain %s, which has only %d; other domains fill in, so "
                "its forms do not follow the weights", form, want, want == 1 ? "" : "s", b->domains[d].id, dq[d]);
    }
}

/* Warns about modes the bank cannot feed: a weighted domain without
 * questions, a mock exam or diagnostic longer than the questions there
 * are, an arcade round with nothing it can ask. */
static void check_modes(Checker *k)
{
    const Bank *b = k->b;
    int dq[SCORING_MAX_DOMAINS] = {0}, questions = 0;
    if (b->domain_count > SCORING_MAX_DOMAINS)
        return;
    for (int i = 0; i < b->item_count; i++) {
        const BankItem *it = &b->items[i];
        if (it->kind == ITEM_QUESTION && it->domain >= 0 && it->domain < b->domain_count) {
            dq[it->domain]++;
            questions++;
        }
    }
    if (b->item_count == 0) {
        bankcheck_warn(k, k->exam_path, 0, NULL, "the bank has no items, so no mode can start");
        return;
    }
    for (int d = 0; d < b->domain_count; d++)
        if (b->domains[d].weight > 0 && dq[d] == 0)
            bankcheck_warn(k, k->exam_path, 0, NULL,
                    "domain %s (%s) weighs %d%% but has no questions: mock exams and diagnostics fill "
                    "its share from other domains and can't report on it", b->domains[d].id,
                    b->domains[d].name, b->domains[d].weight);
    if (questions < b->exam_items)
        bankcheck_warn(k, k->exam_path, 0, NULL,
                "a mock exam asks %d questions but the bank has %d%s", b->exam_items, questions,
                questions == 0 ? ", so Mock exam can't start (flashcards are not used there)"
                               : "; its forms will be short");
    else
        check_form_domains(k, "mock exam", b->exam_items, b->exam_scored, dq);
    if (questions < b->diagnostic_items)
        bankcheck_warn(k, k->exam_path, 0, NULL,
                "the diagnostic asks %d questions but the bank has %d%s", b->diagnostic_items, questions,
                questions == 0 ? ", so Diagnostic can't start" : "; it will be short");
    else
        check_form_domains(k, "diagnostic", b->diagnostic_items, b->diagnostic_items, dq);
    ArcadeStream stream;
    Rng rng;
    rng_seed(&rng, 1);
    bool arcade = arcade_stream_start(&stream, b, NULL, 0, &rng);
    arcade_stream_free(&stream);
    if (!arcade)
        bankcheck_warn(k, k->exam_path, 0, NULL,
                "an arcade round has nothing to ask: it needs single-answer questions, or flashcards "
                "with at least 4 different backs");
}


int bankcheck_quality(const Bank *b, Diag *out, BankQuality *q)
{
    BankQuality local;
    Checker k = {.b = b, .out = out, .q = q ? q : &local};
    memset(k.q, 0, sizeof *k.q);
    const char *dir = b->dir ? b->dir : ".";
    snprintf(k.exam_path, sizeof k.exam_path, "%s/exam.yaml", dir);
    k.where = dir;
    k.exact_dup_of = malloc(sizeof *k.exact_dup_of * (size_t)(b->item_count + 1));
    for (int i = 0; k.exact_dup_of && i < b->item_count; i++)
        k.exact_dup_of[i] = -1;
    check_items(&k);
    check_positions(&k);
    check_coverage(&k);
    check_modes(&k);
    bankdups_near_prompts(&k);
    bankdups_option_sets(&k);
    bankcues_run(&k);
    free(k.exact_dup_of);
    return k.q->warnings;
}

/* ------------------------------------------------------------- report */

static void print_domains(const Bank *b, FILE *out)
{
    fprintf(out, "\n%-8s %9s %10s %7s %7s %9s  %s\n", "domain", "questions", "flashcards", "share",
            "weight", "multiple", "name");
    for (int d = 0; d < b->domain_count; d++) {
        int nq = 0, nf = 0, mr = 0;
        for (int i = 0; i < b->item_count; i++) {
            if (b->items[i].domain != d)
                continue;
            if (b->items[i].kind == ITEM_QUESTION) {
                nq++;
                mr += count_right(&b->items[i]) >= 2;
            } else {
                nf++;
            }
        }
        fprintf(out, "%-8s %9d %10d %6.1f%% %6d%% %8.1f%%  %s\n", b->domains[d].id, nq, nf,
                bankcheck_pct(nq, b->question_count), b->domains[d].weight, bankcheck_pct(mr, nq),
                b->domains[d].name);
    }
}

static const char *sample_note(int n)
{
    return n < BANKCHECK_MIN_SAMPLE ? " (too few to judge; checked from 20)" : "";
}

static void print_ranks(const int rank[4], int total, FILE *out)
{
    for (int r = 0; r < 4; r++)
        fprintf(out, "%s%d %.1f%%", r ? ", " : " ", r + 1, bankcheck_pct(rank[r], total));
}

static void print_quality(const Bank *b, const BankQuality *q, FILE *out)
{
    fprintf(out, "\nquality\n");
    fprintf(out, "  right-answer position, over the %d single-answer questions with %d options:",
            q->four_option, BANKCHECK_POSITION_OPTIONS);
    for (int p = 0; p < BANKCHECK_POSITION_OPTIONS; p++)
        fprintf(out, "%s%c %.1f%%", p ? ", " : " ", 'A' + p, bankcheck_pct(q->position[p], q->four_option));
    fprintf(out, " (each %.0f-%.0f%%)%s\n", BANKCHECK_POSITION_MIN_PCT,
            BANKCHECK_POSITION_MAX_PCT, sample_note(q->four_option));
    int four = q->length_rank[0] + q->length_rank[1] + q->length_rank[2] + q->length_rank[3];
    fprintf(out, "  right option's length rank (1 = longest), over the %d single-answer questions "
            "with 4 options:", four);
    print_ranks(q->length_rank, four, out);
    fprintf(out, " (each %.0f-%.0f%%)%s\n", BANKCHECK_RANK_MIN_PCT, BANKCHECK_RANK_MAX_PCT,
            sample_note(four));
    for (int d = 0; d < b->domain_count && d < BANKCHECK_MAX_DOMAINS; d++) {
        fprintf(out, "    in domain %s (%d):", b->domains[d].id, q->domain_four_option[d]);
        print_ranks(q->domain_length_rank[d], q->domain_four_option[d], out);
        fprintf(out, "%s\n", sample_note(q->domain_four_option[d]));
    }
    fprintf(out, "  right option strictly the longest: %d of %d single-answer questions, %.1f%% "
            "(at most %.0f%%)%s\n", q->longest_right, q->single_answer,
            bankcheck_pct(q->longest_right, q->single_answer), BANKCHECK_LONGEST_MAX_PCT,
            sample_note(q->single_answer));
    fprintf(out, "  multiple response: %d of %d questions, %.1f%% (each domain at least %.0f%%)\n",
            q->multiple_response, q->questions, bankcheck_pct(q->multiple_response, q->questions),
            BANKCHECK_MR_MIN_PCT);
    fprintf(out, "  difficulty: 1 %.1f%%, 2 %.1f%%, 3 %.1f%%\n",
            bankcheck_pct(q->difficulty[1], q->questions), bankcheck_pct(q->difficulty[2], q->questions),
            bankcheck_pct(q->difficulty[3], q->questions));
    fprintf(out, "  domains off their weight by more than %.0f points: %d\n",
            BANKCHECK_SHARE_TOLERANCE_PTS, q->off_weight_domains);
    fprintf(out, "  domains under %.0f%% multiple response: %d\n", BANKCHECK_MR_MIN_PCT,
            q->low_mr_domains);
    fprintf(out, "  task statements under %d questions or %d flashcards: %d\n",
            BANKCHECK_TASK_MIN_QUESTIONS, BANKCHECK_TASK_MIN_FLASHCARDS, q->thin_tasks);
    fprintf(out, "  near-duplicate prompts with the same answer (shared words >= %d%%): %d pairs\n",
            100 * BANKCHECK_JACCARD_NUM / BANKCHECK_JACCARD_DEN, q->near_duplicates);
    fprintf(out, "  same prompt, different right answers: %d pairs\n", q->conflicting_keys);
    fprintf(out, "  questions repeating another exactly: %d\n", q->exact_duplicates);
    fprintf(out, "  questions repeating another's option set: %d\n", q->duplicate_option_sets);
    fprintf(out, "  options saying all/none of the above: %d\n", q->above_options);
    fprintf(out, "  prompts whose (Choose N.) is missing or wrong: %d\n", q->choose_mismatches);
    fprintf(out, "  whys or explanations naming an option by letter: %d questions\n",
            q->letter_references);
    fprintf(out, "  options carrying their own justification: %d questions\n", q->justified_options);
    fprintf(out, "  distinctive words in the stem and the right option only: %d questions\n",
            q->shared_word_cues);
    fprintf(out, "  absolute words (always, never, only, all) in wrong options only: %d questions\n",
            q->absolute_word_cues);
    fprintf(out, "  questions with documentation refs: %d of %d\n", q->with_refs, q->questions);
}

static void print_summary(const char *dir, const Bank *b, const Diag *d, FILE *out)
{
    fprintf(out, "%s: %d questions, %d flashcards, %d domains, %d task statements, %d errors, "
            "%d warnings\n", dir, b ? b->question_count : 0, b ? b->flashcard_count : 0,
            b ? b->domain_count : 0, b ? b->task_count : 0, d->errors, d->warnings);
}

int bankcheck_run(const char *dir, FILE *out)
{
    struct stat st;
    if (!dir || !*dir) {
        fprintf(out, "cloudprep: --check-bank needs a bank folder\n");
        return 2;
    }
    int found = stat(dir, &st);
    if (found != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(out, "%s: error: no such bank folder (%s)\n", dir,
                found != 0 ? strerror(errno) : "not a folder");
        return 2;
    }
    char exam[4096];
    snprintf(exam, sizeof exam, "%s/exam.yaml", dir);
    if (stat(exam, &st) != 0) {
        fprintf(out, "%s: error: not a bank folder: there is no exam.yaml in it "
                "(see banks/FORMAT.md)\n", dir);
        return 2;
    }
    Diag d = {0};
    Bank *b = bank_load_dir(dir, &d);
    BankQuality q = {0};
    if (b)
        bankcheck_quality(b, &d, &q);
    diag_print(&d, out);
    print_summary(dir, b, &d, out);
    if (b) {
        if (b->skipped_files || b->skipped_items)
            fprintf(out, "skipped %d item%s with errors (%d whole file%s)\n", b->skipped_items,
                    b->skipped_items == 1 ? "" : "s", b->skipped_files, b->skipped_files == 1 ? "" : "s");
        print_domains(b, out);
        print_quality(b, &q, out);
    }
    int status = d.errors ? 1 : 0;
    diag_free(&d);
    bank_free(b);
    return status;
}
