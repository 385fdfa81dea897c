/* Exam review rules. Right and wrong come from scoring, the pace from the
 * exam form's rules; this file only sorts a finished form's positions into
 * what the learner asked to see or practise. */
#include "examreview.h"

#include <stdlib.h>
#include <string.h>

#include "examform.h"
#include "scoring.h"

bool exam_review_right(const Bank *bank, const FormItem *fi)
{
    return scoring_item_correct(&bank->items[fi->item], fi->answer);
}

int exam_review_seconds(const FormItem *fi)
{
    return fi->ms > 0 ? (fi->ms + 500) / 1000 : 0;
}

bool exam_review_matches(const Bank *bank, const FormItem *fi, ExamReviewFilter filter, int domain)
{
    if (domain >= 0 && bank->items[fi->item].domain != domain)
        return false;
    switch (filter) {
    case EXAM_REVIEW_RIGHT: return exam_review_right(bank, fi);
    case EXAM_REVIEW_WRONG: return !exam_review_right(bank, fi);
    case EXAM_REVIEW_FLAGGED: return fi->flagged;
    case EXAM_REVIEW_UNSCORED: return !fi->scored;
    case EXAM_REVIEW_ALL:
    case EXAM_REVIEW_FILTERS: return true;
    }
    return true;
}

int exam_review_count(const Bank *bank, const ExamForm *form, ExamReviewFilter filter, int domain)
{
    int n = 0;
    for (int i = 0; i < form->count; i++)
        n += exam_review_matches(bank, &form->items[i], filter, domain);
    return n;
}

int exam_review_pick(const Bank *bank, const ExamForm *form, RetakeKind kind, int *items)
{
    int n = 0;
    for (int i = 0; i < form->count; i++) {
        const FormItem *fi = &form->items[i];
        bool wrong = !exam_review_right(bank, fi);
        bool take = kind == RETAKE_WRONG ? wrong : kind == RETAKE_FLAGGED ? fi->flagged : wrong || fi->flagged;
        if (take)
            items[n++] = fi->item;
    }
    return n;
}

/* How soon a drill of one domain should ask an item: lower first. */
static int64_t domain_rank(const ItemState *st, bool missed, int64_t due_by)
{
    if (missed)
        return 0;
    if (st->box > 0 && st->due_at <= due_by)
        return 1;
    return 2 + st->box;
}

typedef struct Ranked {
    int item;
    int64_t rank;
} Ranked;

static int by_rank(const void *a, const void *b)
{
    const Ranked *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return x->item - y->item;
}

int exam_review_domain_items(const Bank *bank, const ExamForm *form, const ItemState *states, int domain,
                             int64_t due_by, int max, int *items, int *missed_first)
{
    if (missed_first)
        *missed_first = 0;
    if (!bank || domain < 0 || domain >= bank->domain_count || max <= 0 || bank->item_count <= 0)
        return 0;
    bool *missed = calloc((size_t)bank->item_count, sizeof *missed);
    Ranked *ranked = malloc((size_t)bank->item_count * sizeof *ranked);
    int n = 0;
    if (missed && ranked) {
        for (int i = 0; form && i < form->count; i++)
            if (!exam_review_right(bank, &form->items[i]))
                missed[form->items[i].item] = true;
        for (int i = 0; i < bank->item_count; i++)
            if (bank->items[i].domain == domain)
                ranked[n++] = (Ranked){i, domain_rank(&states[i], missed[i], due_by)};
        qsort(ranked, (size_t)n, sizeof *ranked, by_rank);
        if (n > max)
            n = max;
        for (int k = 0; k < n; k++) {
            items[k] = ranked[k].item;
            if (missed_first && ranked[k].rank == 0)
                (*missed_first)++;
        }
    }
    free(missed);
    free(ranked);
    return n;
}

void exam_review_pacing(const Bank *bank, const ExamForm *form, ExamPacing *out)
{
    memset(out, 0, sizeof *out);
    out->target = examform_seconds_per_item(bank);
    out->positions = form->count;
    out->slowest = -1;
    for (int i = 0; i < form->count; i++) {
        int sec = exam_review_seconds(&form->items[i]);
        out->total += sec;
        out->over += out->target > 0 && sec > out->target;
        if (sec > out->slowest_seconds) {
            out->slowest_seconds = sec;
            out->slowest = i;
        }
    }
    out->average = form->count > 0 ? (out->total + form->count / 2) / form->count : 0;
}
