/* Study state: the in-memory mirror of the items table and a rolling window
 * of recent answers for domain accuracy. Every answer goes to the store
 * first; only a stored answer counts, so what the screen shows as recorded
 * is on disk. */
#include "study.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "compat.h"
#include "scoring.h"
#include "store.h"

struct StudyData {
    ItemState *states;
    Answer *recent;          /* ring of recent answers, oldest first when unrolled */
    int recent_count;
    double accuracy[SCORING_MAX_DOMAINS];
};

static int utc_offset(int64_t t)
{
    return compat_utc_offset(t);
}

int study_day(const App *app, int64_t t)
{
    (void)app;
    return rewards_local_day(t, utc_offset(t));
}

int64_t study_due_horizon(const App *app)
{
    int64_t now = app_now(app);
    int64_t local = now + utc_offset(now);
    int64_t day_start = now - (local % SECONDS_PER_DAY + SECONDS_PER_DAY) % SECONDS_PER_DAY;
    return day_start + SECONDS_PER_DAY - 1;
}

static void recompute_accuracy(App *app)
{
    StudyData *d = app->study;
    if (!leitner_domain_accuracy(app->bank, d->recent, d->recent_count, d->accuracy))
        for (int i = 0; i < SCORING_MAX_DOMAINS; i++)
            d->accuracy[i] = LEITNER_PRIOR;
}

void study_reload(App *app)
{
    StudyData *d = app->study;
    if (!d)
        return;
    memset(d->states, 0, sizeof *d->states * (size_t)(app->bank->item_count ? app->bank->item_count : 1));
    d->recent_count = 0;
    if (app->store) {
        store_load_states(app->store, app->bank, d->states);
        store_recent_answers(app->store, app->bank, STUDY_RECENT_ANSWERS, d->recent, NULL, &d->recent_count);
    }
    recompute_accuracy(app);
}

bool study_setup(App *app)
{
    StudyData *d = calloc(1, sizeof *d);
    if (!d)
        return false;
    size_t n = (size_t)(app->bank->item_count > 0 ? app->bank->item_count : 1);
    d->states = calloc(n, sizeof *d->states);
    d->recent = calloc(STUDY_RECENT_ANSWERS, sizeof *d->recent);
    if (!d->states || !d->recent) {
        free(d->states);
        free(d->recent);
        free(d);
        return false;
    }
    app->study = d;
    app->states = d->states;
    study_reload(app);
    return true;
}

void study_shutdown(App *app)
{
    StudyData *d = app->study;
    if (!d)
        return;
    free(d->states);
    free(d->recent);
    free(d);
    app->study = NULL;
    app->states = NULL;
}

static void remember_answer(App *app, const Answer *a)
{
    StudyData *d = app->study;
    if (d->recent_count == STUDY_RECENT_ANSWERS) {
        memmove(d->recent, d->recent + 1, sizeof *d->recent * (STUDY_RECENT_ANSWERS - 1));
        d->recent_count--;
    }
    d->recent[d->recent_count++] = *a;
    recompute_accuracy(app);
}

bool study_save(App *app, StudyMode mode, int item, uint32_t answer, bool correct, int ms,
                const ItemState *before, int xp)
{
    Answer a = {.item = item, .answer = answer, .correct = correct, .ms = ms, .at = app_now(app)};
    StoreStatus status = store_record_answer_xp(app->store, app->bank, mode, &a, &app->states[item],
                                                before->box, xp);
    if (status != STORE_OK) {
        app->states[item] = *before;
        app_status(app, "Not saved: %s", store_error_message(app->store));
        return false;
    }
    remember_answer(app, &a);
    return true;
}

LeitnerMove study_answer(App *app, StudyMode mode, int item, uint32_t answer, bool correct,
                         int ms, int xp)
{
    ItemState before = app->states[item];
    int64_t exam_date = app->settings.exam_date;
    LeitnerMove move = leitner_apply(app->bank, &app->states[item], correct, app_now(app), exam_date);
    move.item = study_save(app, mode, item, answer, correct, ms, &before, xp) ? item : -1;
    return move;
}

bool study_add_xp(App *app, int xp)
{
    if (xp <= 0)
        return true;
    if (store_add_xp(app->store, xp) != STORE_OK) {
        app_status(app, "XP not saved: %s", store_error_message(app->store));
        return false;
    }
    return true;
}

const double *study_accuracy(const App *app)
{
    return app->study->accuracy;
}

void study_today(App *app, StudyToday *out)
{
    memset(out, 0, sizeof *out);
    int64_t now = app_now(app);
    int64_t horizon = study_due_horizon(app);
    out->due = leitner_due_count(app->bank, app->states, horizon);
    int forecast[3] = {0};
    leitner_forecast(app->bank, app->states, horizon, 3, forecast);
    out->due_tomorrow = forecast[1];
    out->goal = app->settings.daily_goal;
    int today = study_day(app, now);
    enum { HISTORY = 400 };
    StoreDay *days = calloc(HISTORY, sizeof *days);
    RewardsDay *rdays = calloc(HISTORY, sizeof *rdays);
    if (days && rdays && store_days(app->store, today - HISTORY + 1, HISTORY, days) == STORE_OK) {
        for (int i = 0; i < HISTORY; i++) {
            rdays[i].day = (int)days[i].day;
            rdays[i].drill_answers = days[i].drill_answers;
        }
        out->drill_answers = days[HISTORY - 1].drill_answers;
    }
    /* Finished mocks, diagnostics and arcade rounds (by their answers) also
     * meet a day's goal. */
    static const StudyMode EXAM_MODES[] = {MODE_MOCK, MODE_DIAGNOSTIC, MODE_ARCADE};
    StoreExamSummary *hist = calloc(HISTORY, sizeof *hist);
    int n = 0;
    for (size_t e = 0; e < sizeof EXAM_MODES / sizeof EXAM_MODES[0] && hist && rdays; e++) {
        StudyMode m = EXAM_MODES[e];
        if (store_exam_history(app->store, (StudyMode)m, hist, HISTORY, &n) != STORE_OK)
            continue;
        for (int i = 0; i < n; i++) {
            int k = study_day(app, hist[i].finished_at) - (today - HISTORY + 1);
            if (k < 0 || k >= HISTORY)
                continue;
            if (m == MODE_MOCK)
                rdays[k].mocks_finished++;
            else if (m == MODE_DIAGNOSTIC)
                rdays[k].diagnostics_finished++;
            else if (hist[i].items > rdays[k].arcade_best_round)
                rdays[k].arcade_best_round = hist[i].items;
        }
    }
    if (rdays) {
        RewardsGoal goal = {.drill_answers = app->settings.daily_goal};
        rewards_streak(rdays, HISTORY, today, &goal, &out->streak);
    }
    free(hist);
    free(days);
    free(rdays);
    out->xp = (int)store_profile_get(app->store, "xp", 0);
    out->level = rewards_level(out->xp);
    out->level_into = rewards_level_progress(out->xp, &out->level_span);
    /* Answers ever, from the item states in memory (every recorded answer
     * adds one to its item's seen count). store_totals would scan every
     * review on each visit to the home screen: 300 ms with a million. */
    for (int i = 0; i < app->bank->item_count; i++)
        out->answers_total += app->states[i].seen;
    int64_t day_start = now - (now + utc_offset(now)) % SECONDS_PER_DAY;
    store_new_items_since(app->store, day_start, &out->new_today);
}

bool study_pass_estimate(App *app, int simulations, PlanPassEstimate *out, int *evidence)
{
    memset(out, 0, sizeof *out);
    if (evidence)
        *evidence = 0;
    Answer *answers = calloc(STUDY_ESTIMATE_ANSWERS, sizeof *answers);
    int *boxes = calloc(STUDY_ESTIMATE_ANSWERS, sizeof *boxes);
    int n = 0;
    bool ok = answers && boxes &&
              store_recent_answers(app->store, app->bank, STUDY_ESTIMATE_ANSWERS, answers, boxes, &n) == STORE_OK &&
              n > 0;
    PlanLearner learner;
    ok = ok && plan_learner_estimate(app->bank, answers, boxes, n, &learner);
    free(answers);
    free(boxes);
    if (!ok)
        return false;
    if (evidence)
        *evidence = learner.evidence;
    Rng rng;
    rng_seed(&rng, (uint64_t)study_day(app, app_now(app)) * 2654435761u + 17u);
    return plan_pass_probability(app->bank, app->states, &learner, simulations, &rng, out);
}
