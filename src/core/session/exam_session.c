/* Exam session: the rules of a mock exam or diagnostic from its first item
 * to its end. The form comes from examform, the score from scoring, box
 * moves from leitner, XP from rewards; the store keeps each step and the end
 * in one transaction. What the learner sees is the screens' business. */
#include "exam_session.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "examform.h"
#include "examreview.h"
#include "leitner.h"
#include "rewards.h"
#include "store.h"

static void fail(char *buf, size_t size, const char *fmt, ...) COMPAT_PRINTF(3, 4);

static void fail(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, size, fmt, ap);
    va_end(ap);
}

static const char *store_says(const Study *study)
{
    return study->store ? store_error_message(study->store) : "no progress file is open";
}

static bool timed(const ExamSession *s)
{
    return s->form.seconds_total > 0;
}

/* Takes ownership of *form. */
static ExamSession *session_new(Study *study, ExamForm *form, bool esl, bool stored)
{
    ExamSession *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->study = study;
    s->form = *form;
    memset(form, 0, sizeof *form);
    s->esl = esl;
    s->stored = stored;
    s->remaining_ms = s->form.seconds_left * 1000;
    for (int i = 0; i < s->form.count; i++)
        s->elapsed_ms += s->form.items[i].ms;
    s->pos = s->form.position >= 0 && s->form.position < s->form.count ? s->form.position : 0;
    s->form.position = s->pos;
    return s;
}

void exam_session_free(ExamSession *s)
{
    if (!s)
        return;
    exam_form_free(&s->form);
    free(s);
}

/* ---- beginning and resuming ---------------------------------------------- */

/* The items of the last few mock forms, for a new mock to avoid; none when
 * they cannot be read (the form is then only less varied). */
static int recent_items(Study *study, int **out)
{
    int n = study->bank->item_count;
    *out = calloc((size_t)(n > 0 ? n : 1), sizeof **out);
    bool *used = calloc((size_t)(n > 0 ? n : 1), sizeof *used);
    int count = 0, used_count = 0;
    if (*out && used && study->store &&
        store_recent_form_items(study->store, study->bank, EXAM_SESSION_RECENT_FORMS, used, &used_count) == STORE_OK)
        for (int i = 0; i < n; i++)
            if (used[i])
                (*out)[count++] = i;
    free(used);
    return count;
}

/* Stores a new form (taking ownership of it) and wraps it in a session; a
 * form that could not be stored still runs (info->unsaved). */
static ExamSession *start(Study *study, ExamForm *form, bool esl, ExamBegin *info)
{
    bool stored = study->store && store_exam_begin(study->store, study->bank, form, esl) == STORE_OK;
    if (!stored) {
        info->unsaved = true;
        fail(info->error, sizeof info->error, "%s", store_says(study));
    }
    ExamSession *s = session_new(study, form, esl, stored);
    if (!s) {
        exam_form_free(form);
        fail(info->error, sizeof info->error, "Out of memory starting the exam.");
    }
    return s;
}

ExamSession *exam_session_begin(Study *study, StudyMode mode, bool esl, int64_t now, Rng *rng,
                                ExamBegin *info)
{
    memset(info, 0, sizeof *info);
    const Bank *bank = study->bank;
    bool mock = mode == MODE_MOCK;
    int *recent = NULL;
    int recent_count = mock ? recent_items(study, &recent) : 0;
    ExamFormOptions opt = {.recent = recent, .recent_count = recent_count, .esl = mock && esl};
    ExamFormReport report;
    ExamForm form;
    bool built = mock ? examform_build_mock(bank, &opt, now, rng, &form, &report)
                      : examform_build_diagnostic(bank, &opt, now, rng, &form, &report);
    free(recent);
    if (!built) {
        fail(info->error, sizeof info->error, "This bank has no questions to build an exam from.");
        return NULL;
    }
    info->incomplete = report.incomplete;
    return start(study, &form, opt.esl, info);
}

ExamSession *exam_session_begin_retake(Study *study, const ExamForm *from, RetakeKind kind, int64_t now, Rng *rng,
                                       ExamBegin *info)
{
    memset(info, 0, sizeof *info);
    const Bank *bank = study->bank;
    int *items = malloc((size_t)(from->count > 0 ? from->count : 1) * sizeof *items);
    if (!items) {
        fail(info->error, sizeof info->error, "Out of memory starting the retake.");
        return NULL;
    }
    int n = exam_review_pick(bank, from, kind, items);
    ExamForm form;
    bool built = n > 0 && examform_build_retake(bank, items, n, now, rng, &form);
    free(items);
    if (!built) {
        fail(info->error, sizeof info->error, "%s",
             n == 0 ? (kind == RETAKE_FLAGGED ? "No question was flagged on this exam."
                                              : "Every question of this exam was answered right.")
                    : "Out of memory starting the retake.");
        return NULL;
    }
    return start(study, &form, false, info);
}

ExamFind exam_session_resume(Study *study, int64_t now, ExamSession **out, char *why, size_t size)
{
    *out = NULL;
    if (size > 0)
        why[0] = '\0';
    if (!study->store)
        return EXAM_FIND_NONE;
    ExamForm form;
    bool esl = false;
    StoreStatus st = store_exam_load_unfinished(study->store, study->bank, now, &form, &esl);
    if (st == STORE_NOT_FOUND)
        return EXAM_FIND_NONE;
    if (st != STORE_OK) {
        fail(why, size, "%s", store_says(study));
        return st == STORE_STALE ? EXAM_FIND_STALE : EXAM_FIND_FAILED;
    }
    *out = session_new(study, &form, esl, true);
    if (!*out) {
        exam_form_free(&form);
        fail(why, size, "Out of memory reading the unfinished exam.");
        return EXAM_FIND_FAILED;
    }
    return EXAM_FIND_FOUND;
}

/* ---- answering ----------------------------------------------------------- */

/* Saves the clock and position and, for pos >= 0, that item's answer, flag
 * and time. An exam that was never stored has nothing to save. */
static bool save(ExamSession *s, int pos)
{
    if (!s->stored)
        return true;
    s->form.seconds_left = timed(s) ? (s->remaining_ms + 999) / 1000 : 0;
    s->save_ms = 0;
    if (store_exam_save(s->study->store, &s->form, pos) == STORE_OK)
        return true;
    fail(s->error, sizeof s->error, "%s", store_says(s->study));
    return false;
}

static bool still_open(ExamSession *s)
{
    if (!s->ended)
        return true;
    fail(s->error, sizeof s->error, "The exam has ended: answers can no longer change.");
    return false;
}

bool exam_session_goto(ExamSession *s, int pos)
{
    if (!still_open(s))
        return false;
    if (pos < 0 || pos >= s->form.count)
        return true;
    bool ok = true;
    if (pos != s->pos && s->form.items[s->pos].ms > 0)
        ok = save(s, s->pos); /* the time spent on the item being left */
    s->pos = pos;
    s->form.position = pos;
    return save(s, -1) && ok;
}

bool exam_session_answer(ExamSession *s, uint32_t answer)
{
    if (!still_open(s))
        return false;
    s->form.items[s->pos].answer = answer;
    return save(s, s->pos);
}

bool exam_session_flag(ExamSession *s)
{
    if (!still_open(s))
        return false;
    FormItem *fi = &s->form.items[s->pos];
    fi->flagged = !fi->flagged;
    return save(s, s->pos);
}

bool exam_session_pause(ExamSession *s)
{
    return s->ended || save(s, -1);
}

ExamTick exam_session_tick(ExamSession *s, int dt_ms, int64_t now)
{
    ExamTick t = {0};
    if (dt_ms <= 0 || s->ended)
        return t;
    s->form.items[s->pos].ms += dt_ms;
    s->elapsed_ms += dt_ms;
    s->save_ms += dt_ms;
    if (timed(s)) {
        int before = s->remaining_ms / 1000;
        s->remaining_ms -= dt_ms;
        t.second = s->remaining_ms / 1000 != before;
        if (s->remaining_ms <= 0) {
            s->remaining_ms = 0;
            s->time_up = true;
            t.time_up = true;
            t.second = true;
            exam_session_finish(s, now);
            return t;
        }
    }
    if (s->save_ms >= EXAM_SESSION_SAVE_CLOCK_MS)
        t.save_failed = !save(s, s->pos); /* the clock and the time on this item */
    return t;
}

int exam_session_ms_to_second(const ExamSession *s)
{
    int to_second = timed(s) ? s->remaining_ms % 1000 : 1000 - s->elapsed_ms % 1000;
    return to_second > 0 ? to_second : 1000;
}

int exam_session_clock_seconds(const ExamSession *s)
{
    return timed(s) ? (s->remaining_ms + 999) / 1000 : s->elapsed_ms / 1000;
}

ExamItemStatus exam_session_item_status(const ExamSession *s, int pos)
{
    if (pos < 0 || pos >= s->form.count || s->form.items[pos].answer == 0)
        return EXAM_ITEM_UNANSWERED;
    const FormItem *fi = &s->form.items[pos];
    int chosen = 0;
    for (uint32_t m = fi->answer; m; m &= m - 1)
        chosen++;
    return chosen < s->study->bank->items[fi->item].choose ? EXAM_ITEM_INCOMPLETE : EXAM_ITEM_ANSWERED;
}

ExamTally exam_session_tally(const ExamSession *s)
{
    ExamTally t = {0};
    for (int i = 0; i < s->form.count; i++) {
        switch (exam_session_item_status(s, i)) {
        case EXAM_ITEM_UNANSWERED: t.unanswered++; break;
        case EXAM_ITEM_INCOMPLETE: t.incomplete++; break;
        case EXAM_ITEM_ANSWERED: t.answered++; break;
        }
        t.flagged += s->form.items[i].flagged;
    }
    return t;
}

ExamPace exam_session_pace(const ExamSession *s)
{
    ExamPace p = {0};
    if (!timed(s) || s->form.count <= 0)
        return p;
    p.per_item = s->form.seconds_total / s->form.count;
    int used = s->form.seconds_total - exam_session_clock_seconds(s);
    int done = exam_session_tally(s).answered;
    int banked = p.per_item * done - used;
    int over = used - p.per_item * (done + 1);
    if (done < s->form.count && over > 0) {
        p.state = EXAM_PACE_BEHIND;
        p.seconds = over;
    } else if (banked > 0) {
        p.state = EXAM_PACE_AHEAD;
        p.seconds = banked;
    } else {
        p.state = EXAM_PACE_ON;
    }
    return p;
}

void exam_session_format_time(int seconds, char *buf, size_t size)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds >= 3600)
        snprintf(buf, size, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    else
        snprintf(buf, size, "%02d:%02d", seconds / 60, seconds % 60);
}

/* ---- the end ------------------------------------------------------------- */

/* Scores the form; false (with `error`) when the bank does not fit. */
static bool score(ExamSession *s)
{
    const Bank *bank = s->study->bank;
    s->form.seconds_left = timed(s) ? s->remaining_ms / 1000 : 0;
    s->seconds_used = timed(s) ? s->form.seconds_total - s->form.seconds_left : s->elapsed_ms / 1000;
    s->ended = true;
    if (!scoring_score_form(bank, &s->form, &s->result)) {
        fail(s->error, sizeof s->error, "This bank has more domains or tasks than an exam can be scored with.");
        return false;
    }
    bool mock = s->form.mode == MODE_MOCK;
    bool ready = mock && s->result.scaled >= plan_ready_score(bank);
    s->xp = rewards_session_xp(s->form.mode, s->result.right, true, s->result.pass, ready);
    return true;
}

static bool all_domains_meet(const ScoreResult *r)
{
    for (int d = 0; d < r->domain_count; d++)
        if (!r->meets[d])
            return false;
    return true;
}

/* The moves and answers of the end, computed on copies: nothing in the
 * study changes until the store has them. */
typedef struct ExamEnd {
    ItemState *states;   /* the study's states with the form's moves applied */
    bool *correct;       /* by position */
    Answer *answers;     /* the answered items, for the study */
    ItemState *before;   /* their states before the move */
    int answered;
} ExamEnd;

static void end_free(ExamEnd *e)
{
    free(e->states);
    free(e->correct);
    free(e->answers);
    free(e->before);
}

static bool end_compute(const ExamSession *s, int64_t now, ExamEnd *e)
{
    const Study *study = s->study;
    const Bank *bank = study->bank;
    size_t items = (size_t)(bank->item_count > 0 ? bank->item_count : 1);
    size_t n = (size_t)(s->form.count > 0 ? s->form.count : 1);
    memset(e, 0, sizeof *e);
    e->states = malloc(items * sizeof *e->states);
    e->correct = calloc(n, sizeof *e->correct);
    e->answers = calloc(n, sizeof *e->answers);
    e->before = calloc(n, sizeof *e->before);
    if (!e->states || !e->correct || !e->answers || !e->before)
        return false;
    memcpy(e->states, study->states, (size_t)bank->item_count * sizeof *e->states);
    for (int i = 0; i < s->form.count; i++) {
        const FormItem *fi = &s->form.items[i];
        e->correct[i] = scoring_item_correct(&bank->items[fi->item], fi->answer);
        if (fi->answer != 0) {
            e->answers[e->answered] = (Answer){.item = fi->item, .answer = fi->answer, .correct = e->correct[i],
                                               .ms = fi->ms, .at = now};
            e->before[e->answered++] = e->states[fi->item];
        }
        leitner_record(bank, &e->states[fi->item], e->correct[i], now, study_fit(study));
    }
    return true;
}

bool exam_session_finish(ExamSession *s, int64_t now)
{
    if (s->saved)
        return true;
    s->error[0] = '\0';
    if (!score(s))
        return false;
    if (!s->stored) {
        fail(s->error, sizeof s->error, "this exam could not be stored when it began");
        return false;
    }
    Study *study = s->study;
    const Bank *bank = study->bank;
    ExamEnd e;
    if (!end_compute(s, now, &e)) {
        end_free(&e);
        fail(s->error, sizeof s->error, "out of memory scoring the exam");
        return false;
    }
    StoreExamResult res = {
        .correct_scored = s->result.right, .scaled = s->result.scaled, .passed = s->result.pass,
        .likely_low = s->result.low, .likely_high = s->result.high, .item_correct = e.correct,
        .xp = s->xp, .all_domains_meet = all_domains_meet(&s->result),
    };
    s->saved = store_exam_complete(study->store, bank, &s->form, &res, e.states, now) == STORE_OK;
    if (s->saved) {
        memcpy(study->states, e.states, (size_t)bank->item_count * sizeof *study->states);
        study_observe(study, e.answers, e.before, e.answered);
    } else {
        fail(s->error, sizeof s->error, "%s", store_says(study));
    }
    end_free(&e);
    return s->saved;
}

bool exam_session_readiness(ExamSession *s, PlanReadiness *out)
{
    s->error[0] = '\0';
    int scores[EXAM_SESSION_READINESS_MOCKS], count = 0;
    Store *st = s->study->store;
    if (!st)
        return false;
    if (store_last_mock_scores(st, EXAM_SESSION_READINESS_MOCKS, scores, &count) != STORE_OK) {
        fail(s->error, sizeof s->error, "%s", store_error_message(st));
        return false;
    }
    return plan_readiness(s->study->bank, scores, count, NULL, out);
}

bool exam_session_abandon(ExamSession *s, int64_t now)
{
    s->error[0] = '\0';
    if (!s->stored)
        return true;
    if (store_exam_abandon(s->study->store, s->form.store_id, now) == STORE_OK) {
        s->stored = false;
        return true;
    }
    fail(s->error, sizeof s->error, "%s", store_says(s->study));
    return false;
}

bool exam_session_repeats(ExamSession *s, int *repeated, int *items)
{
    s->error[0] = '\0';
    *repeated = 0;
    *items = 0;
    if (!s->stored || !s->study->store || s->form.store_id <= 0)
        return false;
    if (store_exam_repeats(s->study->store, s->form.store_id, repeated, items) == STORE_OK)
        return true;
    fail(s->error, sizeof s->error, "%s", store_says(s->study));
    return false;
}
