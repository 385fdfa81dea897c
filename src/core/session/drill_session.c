/* Drill session. The scheduler (leitner_session_*) owns the queue and the
 * box moves; this adds what makes it a session: the save after every move,
 * undone whole when the save fails, the tallies, and the end. The queue is
 * copied before each answer (a few dozen entries) so a failed save can put
 * it back exactly, re-queued miss and counters included. */
#include "drill_session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rewards.h"
#include "store.h"

bool drill_session_begin(DrillSession *d, Study *study, const StudyToday *today, int64_t now, Rng *rng)
{
    memset(d, 0, sizeof *d);
    d->study = study;
    d->item = -1;
    d->queue.current.item = -1;
    study->error[0] = '\0';
    LeitnerOptions opt = {
        .size = study_session_size(study, today->drill_answers, now),
        .new_quota = study->prefs.new_per_day > 0 ? study->prefs.new_per_day : -1,
        .new_today = today->new_today,
        .exam_date = study->prefs.exam_date,
        .due_by = study_due_horizon(now),
        .fit = study_fit(study),
        .started_at = study_started_at(study),
    };
    /* confident errors first (the scheduler copies what it needs) */
    bool *urgent = calloc((size_t)(study->bank->item_count > 0 ? study->bank->item_count : 1), sizeof *urgent);
    if (urgent && study_urgent(study, urgent) > 0)
        opt.urgent = urgent;
    bool ok = leitner_session_start(&d->queue, study->bank, study->states, study_accuracy(study), now, rng, &opt);
    free(urgent);
    if (ok && d->queue.capacity > 0) {
        d->undo.queue = calloc((size_t)d->queue.capacity, sizeof *d->undo.queue);
        ok = d->undo.queue != NULL;
    }
    if (!ok) {
        leitner_session_end(&d->queue);
        snprintf(study->error, sizeof study->error, "the drill could not be set up (out of memory)");
        return false;
    }
    d->item = leitner_session_next(&d->queue);
    return true;
}

/* The queue of a drill over a chosen list: each item once, in the given
 * order; a miss comes back later in the session as in any drill. */
static bool queue_items(LeitnerSession *q, const Study *study, const int *items, int count)
{
    const Bank *bank = study->bank;
    memset(q, 0, sizeof *q);
    q->current.item = -1;
    q->bank = bank;
    q->states = study->states;
    q->exam_date = study->prefs.exam_date;
    q->fit = study_fit(study);
    q->capacity = count * (1 + LEITNER_MAX_REPEATS) + 1;
    q->queue = malloc((size_t)q->capacity * sizeof *q->queue);
    bool *taken = calloc((size_t)(bank->item_count > 0 ? bank->item_count : 1), sizeof *taken);
    if (!q->queue || !taken) {
        free(taken);
        return false;
    }
    for (int i = 0; i < count; i++) {
        int item = items[i];
        if (item < 0 || item >= bank->item_count || taken[item])
            continue;
        taken[item] = true;
        q->queue[q->count++] = (LeitnerEntry){item, 0};
        if (study->states[item].box > 0)
            q->due_items++;
        else
            q->new_items++;
    }
    free(taken);
    return true;
}

bool drill_session_begin_items(DrillSession *d, Study *study, const int *items, int count)
{
    memset(d, 0, sizeof *d);
    d->study = study;
    d->item = -1;
    d->queue.current.item = -1;
    study->error[0] = '\0';
    bool ok = count >= 0 && (count == 0 || items) && queue_items(&d->queue, study, items, count);
    if (ok && d->queue.capacity > 0) {
        d->undo.queue = calloc((size_t)d->queue.capacity, sizeof *d->undo.queue);
        ok = d->undo.queue != NULL;
    }
    if (!ok) {
        leitner_session_end(&d->queue);
        d->queue.current.item = -1;
        snprintf(study->error, sizeof study->error, "the drill could not be set up (out of memory)");
        return false;
    }
    d->item = leitner_session_next(&d->queue);
    return true;
}

void drill_session_free(DrillSession *d)
{
    leitner_session_end(&d->queue);
    free(d->undo.queue);
    memset(d, 0, sizeof *d);
    d->item = -1;
}

int drill_session_current(const DrillSession *d)
{
    return d->queue.current.item;
}

void drill_session_progress(const DrillSession *d, int *number, int *total)
{
    int n = d->queue.answered + (d->queue.current.item >= 0 ? 1 : 0);
    int t = d->queue.answered + leitner_session_remaining(&d->queue);
    if (n < 1)
        n = 1;
    *number = n;
    *total = t < n ? n : t;
}

/* Copies the queue (counters and entries) into d->undo, keeping undo's buffer. */
static void remember_queue(DrillSession *d)
{
    LeitnerEntry *buf = d->undo.queue;
    d->undo = d->queue;
    d->undo.queue = buf;
    if (buf && d->queue.count > 0)
        memcpy(buf, d->queue.queue, (size_t)d->queue.count * sizeof *buf);
}

/* Puts the queue back as remember_queue saw it. */
static void restore_queue(DrillSession *d)
{
    LeitnerEntry *mine = d->queue.queue, *buf = d->undo.queue;
    d->queue = d->undo;
    d->queue.queue = mine;
    d->undo.queue = buf;
    if (mine && d->queue.count > 0)
        memcpy(mine, buf, (size_t)d->queue.count * sizeof *mine);
}

static void tally(DrillSession *d, bool correct, int xp)
{
    const LeitnerMove *m = &d->last_move;
    d->xp += xp;
    if (correct) {
        d->right++;
        d->combo++;
        if (d->combo > d->best_combo)
            d->best_combo = d->combo;
        if (m->box_after > m->box_before)
            d->promoted++;
    } else {
        d->wrong++;
        d->combo = 0;
        if (m->box_after < m->box_before)
            d->demoted++;
    }
}

bool drill_session_answer(DrillSession *d, bool correct, uint32_t answer, int ms, int64_t now)
{
    Study *study = d->study;
    int item = d->queue.current.item;
    if (item < 0) {
        snprintf(study->error, sizeof study->error, "no item to answer");
        return false;
    }
    ItemState before = study->states[item];
    remember_queue(d);
    d->last_move = leitner_session_record(&d->queue, correct, now);
    d->last_correct = correct;
    int xp = correct ? REWARDS_XP_RIGHT : 0;
    Answer a = {.item = item, .answer = answer, .correct = correct, .ms = ms < 0 ? 0 : ms, .at = now};
    d->last_saved = study_save(study, MODE_DRILL, &a, &before, xp);
    if (!d->last_saved) {
        /* study_save put the item's state back; the queue goes back too,
         * then drops the item: it stays due for the next session. */
        restore_queue(d);
        d->queue.current.item = -1;
        d->last_move = (LeitnerMove){.item = item, .box_before = before.box, .box_after = before.box,
                                     .due_at = before.due_at};
        return false;
    }
    tally(d, correct, xp);
    return true;
}

int drill_session_next(DrillSession *d)
{
    d->item = leitner_session_next(&d->queue);
    return d->item;
}

bool drill_session_end(DrillSession *d, bool finished)
{
    if (d->ended)
        return true;
    d->ended = true;
    d->finished = finished;
    if (!finished || d->queue.answered == 0)
        return true;
    Study *study = d->study;
    int bonus = rewards_session_xp(MODE_DRILL, 0, true, false, false);
    if (!study->store || store_drill_finish(study->store, bonus) != STORE_OK) {
        snprintf(study->error, sizeof study->error, "%s",
                 study->store ? store_error_message(study->store) : "no progress file is open");
        return false;
    }
    d->bonus_saved = true;
    d->xp += bonus;
    return true;
}
