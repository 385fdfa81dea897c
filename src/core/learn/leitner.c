/* Leitner rules and the session queue. Priorities use whole days overdue, so
 * items of one domain and one overdue day tie, and the seeded Rng orders
 * them. Nothing here reads the clock: `now` is always passed in. */
#include "leitner.h"

#include <stdlib.h>
#include <string.h>

#include "apportion.h"
#include "memory.h"
#include "scoring.h"

static int clamp_box(const Bank *bank, int box)
{
    int top = bank->leitner_boxes;
    if (top < 1)
        top = 1;
    if (top > BANK_MAX_BOXES)
        top = BANK_MAX_BOXES;
    if (box < 1)
        return 1;
    return box > top ? top : box;
}

static int top_box(const Bank *bank)
{
    return clamp_box(bank, BANK_MAX_BOXES);
}

int leitner_interval_days(const Bank *bank, int box, int64_t now, int64_t exam_date)
{
    int days = bank->leitner_days[clamp_box(bank, box) - 1];
    if (days < 1)
        days = 1;
    /* The cap holds until the exam; afterwards (a retake, or studying on)
     * the normal ladder returns instead of every item coming back daily. */
    if (exam_date != 0 && exam_date > now) {
        int64_t left = (exam_date - now) / SECONDS_PER_DAY;
        int64_t cap = left / 2;
        if (cap < 1)
            cap = 1;
        if (days > cap)
            days = (int)cap;
    }
    return days;
}

/* The box move and the counts; due_at is the caller's. */
static LeitnerMove move_box(const Bank *bank, ItemState *state, bool correct, int64_t now)
{
    LeitnerMove move = {0};
    move.box_before = state->box;
    memory_apply(state, correct, now);
    int box = correct ? state->box + 1 : 1;
    if (box > top_box(bank))
        box = top_box(bank);
    if (box < 1)
        box = 1;
    state->box = box;
    state->seen++;
    if (correct)
        state->right++;
    else
        state->wrong++;
    state->last_at = now;
    move.box_after = box;
    move.item = -1;
    return move;
}

LeitnerMove leitner_apply(const Bank *bank, ItemState *state, bool correct, int64_t now,
                          int64_t exam_date)
{
    LeitnerMove move = move_box(bank, state, correct, now);
    state->due_at = now + (int64_t)leitner_interval_days(bank, move.box_after, now, exam_date) * SECONDS_PER_DAY;
    move.due_at = state->due_at;
    return move;
}

int leitner_model_interval_days(const ItemState *state, const MemoryFit *fit)
{
    double days = (fit ? fit->mean_scale : 1.0) * state->stability;
    if (days > LEITNER_MAX_INTERVAL_DAYS)
        days = LEITNER_MAX_INTERVAL_DAYS;
    int whole = (int)(days + 0.5);
    return whole < 1 ? 1 : whole;
}

LeitnerMove leitner_record(const Bank *bank, ItemState *state, bool correct, int64_t now, const MemoryFit *fit)
{
    LeitnerMove move = move_box(bank, state, correct, now);
    state->due_at = now + (int64_t)leitner_model_interval_days(state, fit) * SECONDS_PER_DAY;
    move.due_at = state->due_at;
    return move;
}

bool leitner_domain_accuracy(const Bank *bank, const Answer *answers, int n, double *out)
{
    if (!scoring_bank_fits(bank))
        return false;
    for (int d = 0; d < bank->domain_count; d++)
        out[d] = LEITNER_PRIOR;
    if (n <= 0 || !answers)
        return true;
    int *order = answers_by_time(answers, n); /* NULL: the given order */
    for (int k = 0; k < n; k++) {
        const Answer *a = &answers[order ? order[k] : k];
        if (a->item < 0 || a->item >= bank->item_count)
            continue;
        int d = bank->items[a->item].domain;
        if (d < 0 || d >= bank->domain_count)
            continue;
        out[d] = (1.0 - LEITNER_ALPHA) * out[d] + LEITNER_ALPHA * (a->correct ? 1.0 : 0.0);
    }
    free(order);
    return true;
}

int leitner_due_count(const Bank *bank, const ItemState *states, int64_t now)
{
    int due = 0;
    for (int i = 0; i < bank->item_count; i++)
        if (states[i].box >= 1 && states[i].due_at <= now)
            due++;
    return due;
}

void leitner_forecast(const Bank *bank, const ItemState *states, int64_t now, int days, int *out)
{
    if (days <= 0)
        return;
    memset(out, 0, (size_t)days * sizeof *out);
    for (int i = 0; i < bank->item_count; i++) {
        if (states[i].box < 1)
            continue;
        int64_t ahead = states[i].due_at - now;
        if (ahead <= 0) {
            out[0]++;
            continue;
        }
        int64_t day = (ahead + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY;
        if (day < days)
            out[day]++;
    }
}

void leitner_box_counts(const Bank *bank, const ItemState *states, int *out)
{
    int top = top_box(bank);
    memset(out, 0, (size_t)(top + 1) * sizeof *out);
    for (int i = 0; i < bank->item_count; i++) {
        int box = states[i].box;
        if (box < 0)
            box = 0;
        if (box > top)
            box = top;
        out[box]++;
    }
}

typedef struct DueCandidate {
    int item;
    double gain;         /* exam-aware sessions: the weighted gain */
    double priority;
    uint64_t key;
} DueCandidate;

static int compare_due(const void *a, const void *b)
{
    const DueCandidate *x = a, *y = b;
    if (x->priority != y->priority)
        return x->priority > y->priority ? -1 : 1;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->item > y->item) - (x->item < y->item);
}

static bool kind_allowed(unsigned kinds, const BankItem *it)
{
    return (kinds & (1u << it->kind)) != 0;
}

/* weight x (1 + weakness), weakness = 1 - accuracy clamped to [0, 1]. */
static void domain_pull(const Bank *bank, const double *accuracy, double *pull)
{
    for (int d = 0; d < bank->domain_count; d++) {
        double acc = accuracy ? accuracy[d] : LEITNER_PRIOR;
        if (acc < 0.0)
            acc = 0.0;
        if (acc > 1.0)
            acc = 1.0;
        pull[d] = bank->domains[d].weight * (1.0 + (1.0 - acc));
    }
}

/* Puts the `take` first candidates in compare_due order at the front of
 * cand, in order, as a full sort would (the order is total, so the result
 * is the same), but in about one comparison per candidate instead of a sort
 * of every due item: with a large bank thousands are due and 20 are wanted. */
static void select_best(DueCandidate *cand, int n, int take)
{
    int kept = 0;
    for (int i = 0; i < n && take > 0; i++) {
        if (kept == take && compare_due(&cand[i], &cand[take - 1]) >= 0)
            continue;
        DueCandidate c = cand[i];
        int at = kept < take ? kept++ : take - 1;
        while (at > 0 && compare_due(&c, &cand[at - 1]) < 0) {
            cand[at] = cand[at - 1];
            at--;
        }
        cand[at] = c;
    }
}

static int pick_due(const Bank *bank, const ItemState *states, const double *pull, int64_t now,
                    int64_t due_by, unsigned kinds, int size, Rng *rng, DueCandidate *cand,
                    LeitnerEntry *queue)
{
    int n = 0;
    for (int i = 0; i < bank->item_count; i++) {
        const BankItem *it = &bank->items[i];
        if (states[i].box < 1 || states[i].due_at > due_by || !kind_allowed(kinds, it))
            continue;
        if (it->domain < 0 || it->domain >= bank->domain_count)
            continue;
        int64_t overdue = states[i].due_at < now ? (now - states[i].due_at) / SECONDS_PER_DAY : 0;
        cand[n].item = i;
        cand[n].priority = (double)(overdue + 1) * pull[it->domain];
        cand[n].key = rng_next(rng);
        n++;
    }
    int take = n < size ? n : size;
    select_best(cand, n, take);
    for (int k = 0; k < take; k++) {
        queue[k].item = cand[k].item;
        queue[k].repeat = 0;
    }
    return take;
}

static int pick_new(const Bank *bank, const ItemState *states, const double *pull, unsigned kinds,
                    int want, Rng *rng, int *scratch, LeitnerEntry *queue)
{
    int dc = bank->domain_count;
    int avail[SCORING_MAX_DOMAINS] = {0};
    int start[SCORING_MAX_DOMAINS];
    int alloc[SCORING_MAX_DOMAINS];
    for (int i = 0; i < bank->item_count; i++) {
        const BankItem *it = &bank->items[i];
        if (states[i].box == 0 && kind_allowed(kinds, it) && it->domain >= 0 && it->domain < dc)
            avail[it->domain]++;
    }
    int at = 0;
    for (int d = 0; d < dc; d++) {
        start[d] = at;
        at += avail[d];
        avail[d] = 0;
    }
    for (int i = 0; i < bank->item_count; i++) {
        const BankItem *it = &bank->items[i];
        if (states[i].box == 0 && kind_allowed(kinds, it) && it->domain >= 0 && it->domain < dc)
            scratch[start[it->domain] + avail[it->domain]++] = i;
    }
    if (want > at)
        want = at;
    if (want <= 0)
        return 0;
    apportion_largest_remainder(pull, NULL, avail, dc, want, alloc);
    int n = 0;
    for (int d = 0; d < dc; d++) {
        rng_shuffle_ints(rng, scratch + start[d], avail[d]);
        for (int k = 0; k < alloc[d]; k++)
            queue[n++].item = scratch[start[d] + k];
    }
    /* mix the domains */
    for (int i = n - 1; i > 0; i--) {
        int j = (int)rng_below(rng, (uint32_t)(i + 1));
        LeitnerEntry tmp = queue[i];
        queue[i] = queue[j];
        queue[j] = tmp;
    }
    for (int k = 0; k < n; k++)
        queue[k].repeat = 0;
    return n;
}

static double fit_scale(const MemoryFit *fit)
{
    return fit ? fit->mean_scale : 1.0;
}

static double fit_decay(const MemoryFit *fit)
{
    return fit ? fit->mean_decay : MEMORY_DEFAULT_W[20];
}

double leitner_exam_gain(const Bank *bank, const ItemState *states, int item, const MemoryFit *fit,
                         int64_t now, int64_t exam_date)
{
    (void)bank;
    const ItemState *st = &states[item];
    double k = fit_scale(fit), decay = fit_decay(fit);
    double to_exam = exam_date > now ? (double)(exam_date - now) / SECONDS_PER_DAY : 0.0;
    const double *w = MEMORY_DEFAULT_W;
    if (st->stability <= 0.0 || st->last_at <= 0)
        return memory_recall(to_exam, k * memory_initial_stability(w, MEMORY_EXPOSURE_GRADE), decay);
    double since = now > st->last_at ? (double)(now - st->last_at) / SECONDS_PER_DAY : 0.0;
    double recall_now = memory_recall(since, k * st->stability, decay);
    double d_right = st->difficulty, d_wrong = st->difficulty;
    double s_right = memory_next_stability(w, st->stability, &d_right, MEMORY_GOOD, since);
    double s_wrong = memory_next_stability(w, st->stability, &d_wrong, MEMORY_AGAIN, since);
    double after = recall_now * memory_recall(to_exam, k * s_right, decay) +
                   (1.0 - recall_now) * memory_recall(to_exam, k * s_wrong, decay);
    return after - memory_recall(since + to_exam, k * st->stability, decay);
}

int leitner_cover_quota(int unseen, int64_t started_at, int64_t now, int64_t exam_date)
{
    if (unseen <= 0)
        return 0;
    if (started_at <= 0 || started_at > now)
        started_at = now;
    /* the target: three quarters of the way from the start to the exam */
    int64_t span = exam_date > started_at ? exam_date - started_at : 0;
    int64_t target = started_at + span / LEITNER_COVER_DEN * LEITNER_COVER_NUM +
                     span % LEITNER_COVER_DEN * LEITNER_COVER_NUM / LEITNER_COVER_DEN;
    int64_t days = target > now ? (target - now + SECONDS_PER_DAY / 2) / SECONDS_PER_DAY : 0;
    if (days < 1)
        return unseen;
    return (int)(((int64_t)unseen + days - 1) / days);
}

/* Value of one item's recall per domain: the domain's pull shared among its
 * items, scaled so that a bank whose items follow the weights gives about 1. */
static void item_values(const Bank *bank, const ItemState *states, const double *pull, unsigned kinds,
                        double *value, int *unseen)
{
    int dc = bank->domain_count;
    int count[SCORING_MAX_DOMAINS] = {0};
    int total = 0;
    double pull_sum = 0.0;
    *unseen = 0;
    for (int i = 0; i < bank->item_count; i++) {
        const BankItem *it = &bank->items[i];
        if (!kind_allowed(kinds, it) || it->domain < 0 || it->domain >= dc)
            continue;
        count[it->domain]++;
        total++;
        if (states[i].box == 0)
            (*unseen)++;
    }
    for (int d = 0; d < dc; d++)
        pull_sum += count[d] > 0 ? pull[d] : 0.0;
    for (int d = 0; d < dc; d++)
        value[d] = count[d] > 0 && pull_sum > 0.0 ? pull[d] / pull_sum * total / count[d] : 0.0;
}

static int compare_gain(const void *a, const void *b)
{
    const DueCandidate *x = a, *y = b;
    if (x->gain != y->gain)
        return x->gain > y->gain ? -1 : 1;
    return compare_due(a, b);
}

/* Moves the `take` best of cand[0..n) (by gain) ahead of the rest by
 * raising their priority above any gain. */
static void reserve_best(DueCandidate *cand, int n, int take)
{
    qsort(cand, (size_t)n, sizeof *cand, compare_gain);
    for (int k = 0; k < take && k < n; k++)
        cand[k].priority += LEITNER_RESERVED;
}

/* The exam-aware pick: see leitner_session_start. */
static int pick_by_gain(const Bank *bank, const ItemState *states, const double *pull, int64_t now,
                        const LeitnerOptions *o, unsigned kinds, int size, Rng *rng, DueCandidate *cand,
                        LeitnerEntry *queue, int *new_items)
{
    double value[SCORING_MAX_DOMAINS];
    int unseen = 0;
    item_values(bank, states, pull, kinds, value, &unseen);
    /* New items first in cand, seen ones after. */
    int n_new = 0, n = 0;
    double new_gain = -1.0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < bank->item_count; i++) {
            const BankItem *it = &bank->items[i];
            if (!kind_allowed(kinds, it) || it->domain < 0 || it->domain >= bank->domain_count)
                continue;
            if ((states[i].box == 0) != (pass == 0))
                continue;
            cand[n].item = i;
            bool fresh = states[i].stability <= 0.0 || states[i].last_at <= 0;
            if (fresh && new_gain < 0.0) /* the same for every item never seen */
                new_gain = leitner_exam_gain(bank, states, i, o->fit, now, o->exam_date);
            double gain = fresh ? new_gain : leitner_exam_gain(bank, states, i, o->fit, now, o->exam_date);
            cand[n].gain = gain * value[it->domain];
            cand[n].priority = cand[n].gain;
            cand[n].key = rng_next(rng);
            n++;
            if (pass == 0)
                n_new++;
        }
    int n_seen = n - n_new;
    int floor_new = leitner_cover_quota(unseen, o->started_at, now, o->exam_date);
    /* Reviews that teach the model: a fifth of the session, down to a tenth
     * when the new items need the room. */
    int probe = size / LEITNER_PROBE_SHARE;
    if (size - floor_new < probe)
        probe = size - floor_new > size / LEITNER_PROBE_MIN_SHARE ? size - floor_new : size / LEITNER_PROBE_MIN_SHARE;
    if (probe > n_seen)
        probe = n_seen;
    if (floor_new > size - probe)
        floor_new = size - probe;
    reserve_best(cand + n_new, n_seen, probe);
    reserve_best(cand, n_new, floor_new);
    int total = n < size ? n : size;
    qsort(cand, (size_t)n, sizeof *cand, compare_due);
    qsort(cand, (size_t)total, sizeof *cand, compare_gain); /* highest gain first in the session */
    *new_items = 0;
    for (int k = 0; k < total; k++)
        *new_items += states[cand[k].item].box == 0;
    for (int k = 0; k < total; k++) {
        queue[k].item = cand[k].item;
        queue[k].repeat = 0;
    }
    return total;
}

/* Puts the urgent items of the kinds asked for first in the queue: those
 * already in it move to the front, the others push the last entries out,
 * so the session keeps its size; then recounts due and new items. */
static void put_urgent_first(LeitnerSession *s, const bool *urgent, unsigned kinds, int size)
{
    int placed = 0;
    for (int i = 0; i < s->bank->item_count && placed < size; i++) {
        if (!urgent[i] || !kind_allowed(kinds, &s->bank->items[i]))
            continue;
        int at = -1;
        for (int k = placed; k < s->count && at < 0; k++)
            if (s->queue[k].item == i)
                at = k;
        if (at < 0) {
            if (s->count < size)
                s->count++;
            at = s->count - 1;
        }
        memmove(s->queue + placed + 1, s->queue + placed, sizeof *s->queue * (size_t)(at - placed));
        s->queue[placed++] = (LeitnerEntry){.item = i};
    }
    s->new_items = 0;
    for (int k = 0; k < s->count; k++)
        s->new_items += s->states[s->queue[k].item].box == 0;
    s->due_items = s->count - s->new_items;
}

bool leitner_session_start(LeitnerSession *s, const Bank *bank, ItemState *states,
                           const double *accuracy, int64_t now, Rng *rng,
                           const LeitnerOptions *opt)
{
    memset(s, 0, sizeof *s);
    s->current.item = -1;
    if (!scoring_bank_fits(bank) || !states)
        return false;
    LeitnerOptions o = opt ? *opt : (LeitnerOptions){0};
    int size = o.size > 0 ? o.size : LEITNER_DEFAULT_SIZE;
    int quota = o.new_quota == 0 ? LEITNER_DEFAULT_NEW_QUOTA : (o.new_quota < 0 ? 0 : o.new_quota);
    unsigned kinds = o.kinds ? o.kinds : (LEITNER_KIND_QUESTIONS | LEITNER_KIND_FLASHCARDS);
    s->bank = bank;
    s->states = states;
    s->exam_date = o.exam_date;
    s->classic = o.policy == LEITNER_POLICY_CLASSIC;
    s->fit = o.fit;

    size_t n_items = bank->item_count > 0 ? (size_t)bank->item_count : 1;
    s->capacity = size * (1 + LEITNER_MAX_REPEATS) + 1;
    s->queue = malloc((size_t)s->capacity * sizeof *s->queue);
    DueCandidate *cand = malloc(n_items * sizeof *cand);
    int *scratch = malloc(n_items * sizeof *scratch);
    if (!s->queue || !cand || !scratch) {
        free(cand);
        free(scratch);
        leitner_session_end(s);
        s->current.item = -1;
        return false;
    }
    double pull[SCORING_MAX_DOMAINS];
    domain_pull(bank, accuracy, pull);
    if (o.policy == LEITNER_POLICY_EXAM && o.exam_date > now && !o.new_only) {
        int fresh = 0;
        int total = pick_by_gain(bank, states, pull, now, &o, kinds, size, rng, cand, s->queue, &fresh);
        s->new_items = fresh;
        s->due_items = total - fresh;
        s->exam_aware = true;
        s->count = total;
        if (o.urgent)
            put_urgent_first(s, o.urgent, kinds, size);
        free(cand);
        free(scratch);
        return true;
    }
    int64_t due_by = o.due_by > now ? o.due_by : now;
    s->due_items = o.new_only ? 0 : pick_due(bank, states, pull, now, due_by, kinds, size, rng, cand, s->queue);
    s->exam_aware = o.policy == LEITNER_POLICY_EXAM && o.exam_date > now;
    int room = size - s->due_items;
    int new_left = quota - (o.new_today > 0 ? o.new_today : 0);
    int want_new = room < new_left ? room : new_left;
    s->new_items = pick_new(bank, states, pull, kinds, want_new, rng, scratch,
                            s->queue + s->due_items);
    s->count = s->due_items + s->new_items;
    if (o.urgent)
        put_urgent_first(s, o.urgent, kinds, size);
    free(cand);
    free(scratch);
    return true;
}

bool leitner_session_of(LeitnerSession *s, const Bank *bank, ItemState *states, const LeitnerEntry *entries,
                        int n, int64_t now, const LeitnerOptions *opt)
{
    memset(s, 0, sizeof *s);
    s->current.item = -1;
    if (!scoring_bank_fits(bank) || !states || n < 0)
        return false;
    LeitnerOptions o = opt ? *opt : (LeitnerOptions){0};
    s->bank = bank;
    s->states = states;
    s->exam_date = o.exam_date;
    s->classic = o.policy == LEITNER_POLICY_CLASSIC;
    s->exam_aware = o.policy == LEITNER_POLICY_EXAM && o.exam_date > now;
    s->fit = o.fit;
    s->capacity = n * (1 + LEITNER_MAX_REPEATS) + 1;
    s->queue = malloc((size_t)s->capacity * sizeof *s->queue);
    if (!s->queue) {
        leitner_session_end(s);
        return false;
    }
    for (int i = 0; i < n; i++) {
        if (entries[i].item < 0 || entries[i].item >= bank->item_count)
            continue;
        s->queue[s->count++] = entries[i];
        if (states[entries[i].item].box > 0)
            s->due_items++;
        else
            s->new_items++;
    }
    return true;
}

int leitner_session_next(LeitnerSession *s)
{
    if (s->current.item >= 0)
        return s->current.item;
    if (!s->queue || s->head >= s->count)
        return -1;
    s->current = s->queue[s->head++];
    return s->current.item;
}

static void requeue(LeitnerSession *s, LeitnerEntry entry, int at)
{
    if (s->count >= s->capacity)
        return;
    memmove(&s->queue[at + 1], &s->queue[at], (size_t)(s->count - at) * sizeof *s->queue);
    s->queue[at] = entry;
    s->count++;
}

LeitnerMove leitner_session_record(LeitnerSession *s, bool correct, int64_t now)
{
    LeitnerMove move = {0};
    move.item = -1;
    if (s->current.item < 0)
        return move;
    LeitnerEntry entry = s->current;
    ItemState *st = &s->states[entry.item];
    if (entry.repeat > 0 && correct) {
        move.box_before = move.box_after = st->box;
        memory_apply(st, correct, now);
        st->seen++;
        st->right++;
        st->last_at = now;
        move.due_at = st->due_at;
    } else {
        move = s->classic ? leitner_apply(s->bank, st, correct, now, s->exam_date)
                          : leitner_record(s->bank, st, correct, now, s->fit);
    }
    move.item = entry.item;
    move.repeat = entry.repeat > 0;
    s->answered++;
    s->right += correct;
    if (!correct && !s->exam_aware && entry.repeat < LEITNER_MAX_REPEATS &&
        s->count - s->head >= LEITNER_REQUEUE_GAP && s->count < s->capacity) {
        LeitnerEntry again = {entry.item, entry.repeat + 1};
        requeue(s, again, s->head + LEITNER_REQUEUE_GAP);
        move.requeued = true;
    }
    s->current.item = -1;
    return move;
}

int leitner_session_remaining(const LeitnerSession *s)
{
    return (s->count - s->head) + (s->current.item >= 0 ? 1 : 0);
}

void leitner_session_end(LeitnerSession *s)
{
    free(s->queue);
    memset(s, 0, sizeof *s);
    s->current.item = -1;
}
