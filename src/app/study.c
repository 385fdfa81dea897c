/* Study state: the in-memory mirror of the items table and a rolling window
 * of recent answers for domain accuracy. Every answer goes to the store
 * first; only a stored answer counts, so what the screen shows as recorded
 * is on disk. */
#include "study.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "strbuf.h"

#include "compat.h"
#include "estimate.h"
#include "memory.h"
#include "project.h"
#include "scoring.h"
#include "store.h"

struct StudyData {
    ItemState *states;
    Answer *recent;          /* ring of recent answers, oldest first when unrolled */
    int recent_count;
    double accuracy[SCORING_MAX_DOMAINS];
    MemoryFit fit;           /* how this learner forgets, from every answer */
    int64_t started_at;      /* the first answer read back (0: none) */
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

/* Fits the memory model to every answer in the store (the prior when
 * there are none or they cannot be read). */
static void refit(App *app)
{
    StudyData *d = app->study;
    memory_fit_prior(&d->fit);
    d->started_at = 0;
    int64_t total = 0;
    for (int i = 0; i < app->bank->item_count; i++)
        total += app->states[i].seen;
    if (!app->store || total <= 0)
        return;
    if (total > STUDY_FIT_MAX_ANSWERS)
        total = STUDY_FIT_MAX_ANSWERS;
    Answer *all = calloc((size_t)total, sizeof *all);
    ItemState *replayed = calloc((size_t)app->bank->item_count, sizeof *replayed);
    int n = 0;
    if (all && replayed && store_recent_answers(app->store, app->bank, (int)total, all, NULL, &n) == STORE_OK) {
        memory_fit_answers(app->bank, all, n, &d->fit);
        for (int k = 0; k < n; k++)
            if (d->started_at == 0 || all[k].at < d->started_at)
                d->started_at = all[k].at;
        /* Items answered but without a memory (rows written by another
         * tool): the reviews say what it is. */
        if (memory_replay(app->bank, all, n, replayed))
            for (int i = 0; i < app->bank->item_count; i++)
                if (app->states[i].seen > 0 && app->states[i].stability <= 0.0) {
                    app->states[i].stability = replayed[i].stability;
                    app->states[i].difficulty = replayed[i].difficulty;
                }
    }
    free(all);
    free(replayed);
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
    refit(app);
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
    if (app->study->started_at == 0)
        app->study->started_at = a.at;
    memory_fit_observe(&app->study->fit, &app->bank->items[item], before, correct, a.at);
    memory_fit_update(&app->study->fit);
    return true;
}

LeitnerMove study_answer(App *app, StudyMode mode, int item, uint32_t answer, bool correct,
                         int ms, int xp)
{
    ItemState before = app->states[item];
    LeitnerMove move = leitner_record(app->bank, &app->states[item], correct, app_now(app), study_fit(app));
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

int study_session_size(const App *app, int answered_today)
{
    int size = app->settings.drill_size > 0 ? app->settings.drill_size : LEITNER_DEFAULT_SIZE;
    if (app->settings.exam_date <= app_now(app))
        return size;
    int planned = app->settings.daily_minutes * 60 / PROJECT_SECONDS_PER_SHOWING - answered_today;
    return planned > size ? planned : size;
}

const MemoryFit *study_fit(const App *app)
{
    return &app->study->fit;
}

int64_t study_started_at(const App *app)
{
    return app->study->started_at;
}

/* The first session a projection counts: today's, unless something was
 * answered today already (then tomorrow's, at the same hour). */
static int64_t next_session(const App *app)
{
    int64_t now = app_now(app);
    int64_t today_start = study_due_horizon(app) + 1 - SECONDS_PER_DAY;
    for (int i = 0; i < app->bank->item_count; i++)
        if (app->states[i].last_at >= today_start)
            return now + SECONDS_PER_DAY;
    return now;
}

static void seed_by_day(const App *app, Rng *rng)
{
    rng_seed(rng, (uint64_t)study_day(app, app_now(app)) * 2654435761u + 17u);
}

bool study_projection(App *app, int minutes, int64_t exam_date, int draws, Projection *out)
{
    memset(out, 0, sizeof *out);
    if (exam_date <= app_now(app))
        return false;
    ProjectOptions o = {
        .first_session = next_session(app),
        .exam_date = exam_date,
        .started_at = app->study->started_at,
        .showings_per_day = minutes > 0 ? minutes * 60 / PROJECT_SECONDS_PER_SHOWING : 0,
        .accuracy = study_accuracy(app),
        .draws = draws,
        .forms = draws > 0 && draws < PROJECT_DEFAULT_DRAWS ? STUDY_WHATIF_FORMS : 0,
    };
    Rng rng;
    seed_by_day(app, &rng);
    return project_exam_day(app->bank, app->states, &app->study->fit, &o, &rng, out);
}

bool study_pass_estimate(App *app, PlanPassEstimate *out, int *evidence)
{
    memset(out, 0, sizeof *out);
    if (evidence)
        *evidence = 0;
    int answered = 0;
    for (int i = 0; i < app->bank->item_count; i++)
        answered += app->states[i].seen > 0;
    if (answered == 0)
        return false;
    if (evidence)
        *evidence = app->study->fit.evidence > 0 ? app->study->fit.evidence : answered;
    if (app->settings.exam_date > app_now(app)) {
        Projection p;
        if (!study_projection(app, app->settings.daily_minutes, app->settings.exam_date, 0, &p))
            return false;
        *out = p.pass;
        return true;
    }
    Rng rng;
    seed_by_day(app, &rng);
    return estimate_pass(app->bank, app->states, &app->study->fit, app_now(app), 0, &rng, out);
}

static int percent(double x)
{
    return (int)(x * 100.0 + 0.5);
}

void study_projection_text(const App *app, int minutes, const Projection *p, char *out, size_t size)
{
    int items = app->bank->item_count;
    if (p->all_met_at > 0) {
        char date[64];
        time_t when = (time_t)p->all_met_at;
        struct tm tm;
        localtime_r(&when, &tm);
        strftime(date, sizeof date, "%a %d %b", &tm);
        snprintf(out, size, "At %d min a day you meet all %d items by %s", minutes, items, date);
    } else if (p->all_met_at == 0) {
        snprintf(out, size, "At %d min a day you keep all %d items fresh", minutes, items);
    } else {
        snprintf(out, size, "At %d min a day you meet about %d of the %d items before the exam", minutes,
                 items - p->unseen_at_exam, items);
    }
    strbuf_append(out, size, "; expected recall on exam day %d%%, chance to pass %d%% (likely %d-%d%%).",
                  percent(p->recall), percent(p->pass.probability), percent(p->pass.low), percent(p->pass.high));
}

void study_estimate_basis(const App *app, char *out, size_t size)
{
    if (app->settings.exam_date > app_now(app)) {
        char date[64];
        time_t when = (time_t)app->settings.exam_date;
        struct tm tm;
        localtime_r(&when, &tm);
        strftime(date, sizeof date, "%a %d %b", &tm);
        snprintf(out, size, "on exam day (%s) if you keep to %d min a day", date, app->settings.daily_minutes);
    } else {
        snprintf(out, size, "if you took the exam today");
    }
}
