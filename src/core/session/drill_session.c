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

/* The options every kind of session shares: the study's exam date, fit and
 * local day. */
static LeitnerOptions base_options(const Study *study, int64_t now)
{
    return (LeitnerOptions){
        .exam_date = study->prefs.exam_date,
        .due_by = study_due_horizon(now),
        .fit = study_fit(study),
        .started_at = study_started_at(study),
    };
}

/* After the queue is built: the undo copy and the misses list, then the
 * first item. */
static bool finish_begin(DrillSession *d, bool ok)
{
    Study *study = d->study;
    if (ok && d->queue.capacity > 0) {
        d->undo.queue = calloc((size_t)d->queue.capacity, sizeof *d->undo.queue);
        d->missed = calloc((size_t)d->queue.capacity, sizeof *d->missed);
        ok = d->undo.queue != NULL && d->missed != NULL;
    }
    if (!ok) {
        DrillKind kind = d->kind;
        drill_session_free(d);
        d->study = study;
        d->kind = kind;
        snprintf(study->error, sizeof study->error, "the drill could not be set up (out of memory)");
        return false;
    }
    drill_session_next(d);
    return true;
}

static void start(DrillSession *d, Study *study, DrillKind kind)
{
    memset(d, 0, sizeof *d);
    d->study = study;
    d->kind = kind;
    d->item = -1;
    d->queue.current.item = -1;
    study->error[0] = '\0';
}

bool drill_session_begin(DrillSession *d, Study *study, const StudyToday *today, int64_t now, Rng *rng)
{
    start(d, study, DRILL_DAILY);
    LeitnerOptions opt = base_options(study, now);
    opt.size = study_session_size(study, today->drill_answers);
    int quota = study_new_quota(study);
    opt.new_quota = quota > 0 ? quota : -1;
    opt.new_today = today->new_today;
    int64_t started = study_started_at(study);
    bool first_day = started == 0 || started >= study_day_start(now);
    if (first_day && today->drill_answers == 0 && quota > 0) {
        /* A newcomer's first drill is a full session: new items fill what
         * the quota leaves empty (nothing is due on day one). */
        int due = leitner_due_count(study->bank, study->states, opt.due_by);
        int room = opt.size - due;
        if (room > opt.new_quota - opt.new_today)
            opt.new_quota = opt.new_today + room;
    }
    /* confident errors first (the scheduler copies what it needs) */
    bool *urgent = calloc((size_t)(study->bank->item_count > 0 ? study->bank->item_count : 1), sizeof *urgent);
    if (urgent && study_urgent(study, urgent) > 0)
        opt.urgent = urgent;
    bool ok = leitner_session_start(&d->queue, study->bank, study->states, study_accuracy(study), now, rng, &opt);
    free(urgent);
    return finish_begin(d, ok);
}

bool drill_session_begin_new(DrillSession *d, Study *study, int count, int64_t now, Rng *rng)
{
    start(d, study, DRILL_NEW);
    LeitnerOptions opt = base_options(study, now);
    opt.size = count > 0 ? count : DRILL_MORE_NEW;
    opt.new_quota = opt.size;
    opt.new_only = true;
    bool ok = leitner_session_start(&d->queue, study->bank, study->states, study_accuracy(study), now, rng, &opt);
    return finish_begin(d, ok);
}

/* A session over a list: each item once, in order (indices outside the
 * bank dropped); the first `missed` count as missed today. */
static bool begin_list(DrillSession *d, Study *study, DrillKind kind, const int *items, int n, int missed,
                       int64_t now)
{
    start(d, study, kind);
    const Bank *bank = study->bank;
    LeitnerOptions opt = base_options(study, now);
    LeitnerEntry *entries = calloc(n > 0 ? (size_t)n : 1, sizeof *entries);
    bool *taken = calloc((size_t)(bank->item_count > 0 ? bank->item_count : 1), sizeof *taken);
    bool ok = entries != NULL && taken != NULL && (n <= 0 || items != NULL);
    int count = 0;
    for (int i = 0; ok && i < n; i++) {
        int item = items[i];
        if (item < 0 || item >= bank->item_count || taken[item])
            continue;
        taken[item] = true;
        entries[count++] = (LeitnerEntry){.item = item, .repeat = i < missed ? 1 : 0};
    }
    ok = ok && leitner_session_of(&d->queue, bank, study->states, entries, count, now, &opt);
    free(entries);
    free(taken);
    return finish_begin(d, ok);
}

bool drill_session_begin_misses(DrillSession *d, Study *study, const int *items, int n, int64_t now)
{
    return begin_list(d, study, DRILL_MISTAKES, items, n, n, now);
}

bool drill_session_begin_items(DrillSession *d, Study *study, const int *items, int n, int missed, int64_t now)
{
    return begin_list(d, study, DRILL_CHOSEN, items, n, missed, now);
}

void drill_session_free(DrillSession *d)
{
    leitner_session_end(&d->queue);
    free(d->undo.queue);
    free(d->missed);
    memset(d, 0, sizeof *d);
    d->item = -1;
}

int drill_session_current(const DrillSession *d)
{
    return d->queue.current.item;
}

void drill_session_progress(const DrillSession *d, int *number, int *total)
{
    int n = d->number;
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

int drill_session_missed(const DrillSession *d, const int **items)
{
    *items = d->missed;
    return d->missed_count;
}

static void note_miss(DrillSession *d, int item)
{
    for (int i = 0; i < d->missed_count; i++)
        if (d->missed[i] == item)
            return;
    if (d->missed && d->missed_count < d->queue.capacity)
        d->missed[d->missed_count++] = item;
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

bool drill_session_asks_sure(const DrillSession *d)
{
    int item = d->queue.current.item;
    return d->study->prefs.ask_sure && item >= 0 && d->study->bank->items[item].kind != ITEM_FLASHCARD;
}

void drill_session_set_sure(DrillSession *d, bool sure)
{
    d->sure = sure;
}

bool drill_session_answer(DrillSession *d, bool correct, uint32_t answer, int ms, int64_t now)
{
    Study *study = d->study;
    int item = d->queue.current.item;
    if (item < 0) {
        snprintf(study->error, sizeof study->error, "no item to answer");
        return false;
    }
    Confidence confidence = !drill_session_asks_sure(d) ? CONFIDENCE_NOT_ASKED
                            : d->sure                   ? CONFIDENCE_SURE
                                                        : CONFIDENCE_UNSURE;
    ItemState before = study->states[item];
    remember_queue(d);
    d->last_move = leitner_session_record(&d->queue, correct, now);
    d->last_correct = correct;
    d->last_confidence = confidence;
    int xp = correct ? REWARDS_XP_RIGHT : 0;
    Answer a = {.item = item, .answer = answer, .correct = correct, .ms = ms < 0 ? 0 : ms, .at = now,
                .confidence = confidence};
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
    if (!correct)
        note_miss(d, item);
    return true;
}

int drill_session_next(DrillSession *d)
{
    d->item = leitner_session_next(&d->queue);
    d->sure = false;
    if (d->item >= 0)
        d->number = d->queue.answered + 1;
    return d->item;
}

void drill_session_feedback(const DrillSession *d, int64_t now, DrillFeedback *out)
{
    const LeitnerMove *m = &d->last_move;
    *out = (DrillFeedback){.correct = d->last_correct, .box_before = m->box_before, .box_after = m->box_after,
                           .confident_error = !d->last_correct && d->last_confidence == CONFIDENCE_SURE};
    if (!d->last_saved) {
        out->back = DRILL_BACK_NOT_SAVED;
        return;
    }
    if (m->requeued) {
        out->back = DRILL_BACK_SESSION;
        return;
    }
    out->days = study_day(m->due_at) - study_day(now);
    out->back = out->days <= 0 ? DRILL_BACK_TODAY : out->days == 1 ? DRILL_BACK_TOMORROW : DRILL_BACK_DAYS;
}

void drill_feedback_text(const DrillFeedback *f, bool card, char *out, size_t size)
{
    const char *verdict = f->correct ? (card ? "Knew it." : "Right!") : (card ? "Missed it." : "Not quite.");
    if (f->back == DRILL_BACK_NOT_SAVED) {
        snprintf(out, size, "%s  Not saved, so the item stays as it was and comes back next time.", verdict);
        return;
    }
    char box[48], back[48];
    if (f->box_before == 0)
        snprintf(box, sizeof box, "New item, now in box %d", f->box_after);
    else if (f->box_before == f->box_after)
        snprintf(box, sizeof box, "Stays in box %d", f->box_after);
    else
        snprintf(box, sizeof box, "Box %d -> %d", f->box_before, f->box_after);
    switch (f->back) {
    case DRILL_BACK_SESSION: snprintf(back, sizeof back, "back later in this session"); break;
    case DRILL_BACK_TODAY: snprintf(back, sizeof back, "back later today"); break;
    case DRILL_BACK_TOMORROW: snprintf(back, sizeof back, "back tomorrow"); break;
    case DRILL_BACK_DAYS: case DRILL_BACK_NOT_SAVED: snprintf(back, sizeof back, "back in %d days", f->days); break;
    }
    /* A confident error is worth saying: it is the item best remembered
     * once corrected, and the next drill opens with it. */
    const char *sure = f->confident_error ? "  You were sure of it: confident errors come back first." : "";
    snprintf(out, size, "%s  %s, %s.%s", verdict, box, back, sure);
}

bool drill_session_end(DrillSession *d, bool finished)
{
    if (d->ended)
        return true;
    d->ended = true;
    d->finished = finished;
    /* A session of the day's misses earns no finishing bonus: missing on
     * purpose must not pay. */
    if (!finished || d->queue.answered == 0 || d->kind == DRILL_MISTAKES)
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
