/* Study context: the in-memory mirror of the items table, a rolling window
 * of recent answers for domain accuracy and the memory fit. Every answer
 * goes to the store first; only a stored answer counts, so what a screen
 * shows as recorded is on disk. */
#include "study.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "compat.h"
#include "estimate.h"
#include "examreview.h"
#include "memory.h"
#include "percent.h"
#include "project.h"
#include "scoring.h"
#include "store.h"
#include "strbuf.h"

struct StudyData {
    Answer *recent;          /* ring of recent answers, oldest first when unrolled */
    int recent_count;
    double accuracy[SCORING_MAX_DOMAINS];
    MemoryFit fit;           /* how this learner forgets, from every answer */
    int64_t started_at;      /* the first answer read back (0: none) */
};

static void fail(Study *study, const char *fmt, ...) COMPAT_PRINTF(2, 3);

static void fail(Study *study, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(study->error, sizeof study->error, fmt, ap);
    va_end(ap);
}

static const char *store_says(const Study *study)
{
    return study->store ? store_error_message(study->store) : "no progress file is open";
}

int study_day(int64_t t)
{
    return rewards_local_day(t, compat_utc_offset(t));
}

int64_t study_day_start(int64_t t)
{
    int64_t local = t + compat_utc_offset(t);
    return t - (local % SECONDS_PER_DAY + SECONDS_PER_DAY) % SECONDS_PER_DAY;
}

int64_t study_due_horizon(int64_t now)
{
    return study_day_start(now) + SECONDS_PER_DAY - 1;
}

static void recompute_accuracy(Study *study)
{
    StudyData *d = study->d;
    if (!leitner_domain_accuracy(study->bank, d->recent, d->recent_count, d->accuracy))
        for (int i = 0; i < SCORING_MAX_DOMAINS; i++)
            d->accuracy[i] = LEITNER_PRIOR;
}

/* Fits the memory model to every answer in the store (the prior when
 * there are none or they cannot be read). */
static bool refit(Study *study)
{
    StudyData *d = study->d;
    const Bank *bank = study->bank;
    memory_fit_prior(&d->fit);
    d->started_at = 0;
    int64_t total = study_answers_total(study);
    if (!study->store || total <= 0)
        return true;
    if (total > STUDY_FIT_MAX_ANSWERS)
        total = STUDY_FIT_MAX_ANSWERS;
    Answer *all = calloc((size_t)total, sizeof *all);
    ItemState *replayed = calloc((size_t)bank->item_count, sizeof *replayed);
    int n = 0;
    bool ok = all && replayed;
    if (!ok)
        fail(study, "out of memory reading the answers");
    else if (store_recent_answers(study->store, bank, (int)total, all, NULL, &n) != STORE_OK) {
        fail(study, "%s", store_says(study));
        ok = false;
    } else {
        memory_fit_answers(bank, all, n, &d->fit);
        for (int k = 0; k < n; k++)
            if (d->started_at == 0 || all[k].at < d->started_at)
                d->started_at = all[k].at;
        /* Items answered but without a memory (rows written by another
         * tool): the reviews say what it is. */
        if (memory_replay(bank, all, n, replayed))
            for (int i = 0; i < bank->item_count; i++)
                if (study->states[i].seen > 0 && study->states[i].stability <= 0.0) {
                    study->states[i].stability = replayed[i].stability;
                    study->states[i].difficulty = replayed[i].difficulty;
                }
    }
    free(all);
    free(replayed);
    return ok;
}

bool study_reload(Study *study)
{
    StudyData *d = study->d;
    bool ok = true;
    study->error[0] = '\0';
    memset(study->states, 0, sizeof *study->states * (size_t)(study->bank->item_count ? study->bank->item_count : 1));
    d->recent_count = 0;
    if (study->store) {
        if (store_load_states(study->store, study->bank, study->states) != STORE_OK ||
            store_recent_answers(study->store, study->bank, STUDY_RECENT_ANSWERS, d->recent, NULL,
                                 &d->recent_count) != STORE_OK) {
            fail(study, "%s", store_says(study));
            ok = false;
        }
    }
    recompute_accuracy(study);
    return refit(study) && ok;
}

Study *study_open(const Bank *bank, Store *store, const StudyPrefs *prefs)
{
    Study *study = calloc(1, sizeof *study);
    if (!study)
        return NULL;
    size_t n = (size_t)(bank->item_count > 0 ? bank->item_count : 1);
    study->bank = bank;
    study->store = store;
    study->prefs = *prefs;
    study->states = calloc(n, sizeof *study->states);
    study->d = calloc(1, sizeof *study->d);
    if (study->d)
        study->d->recent = calloc(STUDY_RECENT_ANSWERS, sizeof *study->d->recent);
    if (!study->states || !study->d || !study->d->recent) {
        study_close(study);
        return NULL;
    }
    study_reload(study);
    return study;
}

void study_close(Study *study)
{
    if (!study)
        return;
    if (study->d)
        free(study->d->recent);
    free(study->d);
    free(study->states);
    free(study);
}

void study_set_prefs(Study *study, const StudyPrefs *prefs)
{
    study->prefs = *prefs;
}

static void remember_answer(Study *study, const Answer *a, const ItemState *before)
{
    StudyData *d = study->d;
    if (d->recent_count == STUDY_RECENT_ANSWERS) {
        memmove(d->recent, d->recent + 1, sizeof *d->recent * (STUDY_RECENT_ANSWERS - 1));
        d->recent_count--;
    }
    d->recent[d->recent_count++] = *a;
    if (d->started_at == 0 || a->at < d->started_at)
        d->started_at = a->at;
    memory_fit_observe(&d->fit, &study->bank->items[a->item], before, a->correct, a->at);
}

bool study_save(Study *study, StudyMode mode, const Answer *a, const ItemState *before, int xp)
{
    int item = a->item;
    study->error[0] = '\0';
    if (!study->store) {
        study->states[item] = *before;
        fail(study, "%s", store_says(study));
        return false;
    }
    StoreStatus status = store_record_answer_xp(study->store, study->bank, mode, a, &study->states[item],
                                                before->box, xp);
    if (status != STORE_OK) {
        study->states[item] = *before;
        fail(study, "%s", store_says(study));
        return false;
    }
    remember_answer(study, a, before);
    recompute_accuracy(study);
    memory_fit_update(&study->d->fit);
    return true;
}

LeitnerMove study_answer(Study *study, StudyMode mode, const Answer *a, int xp)
{
    ItemState before = study->states[a->item];
    LeitnerMove move = leitner_record(study->bank, &study->states[a->item], a->correct, a->at, study_fit(study));
    move.item = study_save(study, mode, a, &before, xp) ? a->item : -1;
    return move;
}

void study_observe(Study *study, const Answer *answers, const ItemState *before, int n)
{
    if (n <= 0)
        return;
    for (int k = 0; k < n; k++)
        remember_answer(study, &answers[k], &before[k]);
    recompute_accuracy(study);
    memory_fit_update(&study->d->fit);
}

bool study_add_xp(Study *study, int xp)
{
    study->error[0] = '\0';
    if (xp <= 0)
        return true;
    if (!study->store || store_add_xp(study->store, xp) != STORE_OK) {
        fail(study, "%s", store_says(study));
        return false;
    }
    return true;
}

const double *study_accuracy(const Study *study)
{
    return study->d->accuracy;
}

int study_urgent(const Study *study, bool *out)
{
    const StudyData *d = study->d;
    memset(out, 0, sizeof *out * (size_t)(study->bank->item_count > 0 ? study->bank->item_count : 0));
    /* Newest first: an item's first answer met is its latest. */
    bool *decided = calloc((size_t)(study->bank->item_count > 0 ? study->bank->item_count : 1), sizeof *decided);
    if (!decided)
        return 0;
    int count = 0;
    for (int k = d->recent_count - 1; k >= 0; k--) {
        const Answer *a = &d->recent[k];
        if (a->item < 0 || a->item >= study->bank->item_count || decided[a->item])
            continue;
        decided[a->item] = true;
        if (a->confidence == CONFIDENCE_SURE && !a->correct) {
            out[a->item] = true;
            count++;
        }
    }
    free(decided);
    return count;
}

int study_answers_total(const Study *study)
{
    int total = 0;
    for (int i = 0; i < study->bank->item_count; i++)
        total += study->states[i].seen;
    return total;
}

void study_domain_totals(const Study *study, StudyDomainTotal *out)
{
    int domains = study->bank->domain_count < SCORING_MAX_DOMAINS ? study->bank->domain_count : SCORING_MAX_DOMAINS;
    memset(out, 0, sizeof *out * (size_t)(domains > 0 ? domains : 0));
    for (int i = 0; i < study->bank->item_count; i++) {
        int d = study->bank->items[i].domain;
        if (d < 0 || d >= domains)
            continue;
        out[d].right += study->states[i].right;
        out[d].total += study->states[i].right + study->states[i].wrong;
    }
}

/* The daily goal every screen and the streak count a day by: the learner's
 * drill answers setting, or the rewards' defaults. */
static RewardsGoal daily_goal(const Study *study)
{
    return (RewardsGoal){.drill_answers = study->prefs.daily_goal};
}

int study_weakest_domain(const Study *study)
{
    const Bank *b = study->bank;
    StudyDomainTotal totals[SCORING_MAX_DOMAINS];
    study_domain_totals(study, totals);
    ScoreResult r;
    memset(&r, 0, sizeof r);
    r.domain_count = b->domain_count < SCORING_MAX_DOMAINS ? b->domain_count : SCORING_MAX_DOMAINS;
    int answered = 0;
    double lowest = 2.0, highest = -1.0;
    for (int d = 0; d < r.domain_count; d++) {
        /* one or two answers are luck either way: no verdict from them */
        if (totals[d].total < EXAM_REVIEW_MIN_VERDICT_ITEMS)
            continue;
        r.domains[d] = (ScoreTally){totals[d].right, totals[d].total};
        double f = (double)totals[d].right / totals[d].total;
        lowest = f < lowest ? f : lowest;
        highest = f > highest ? f : highest;
        answered++;
    }
    if (answered < 2 || lowest >= highest)
        return -1;
    return plan_weakest_domain(b, &r);
}

int study_items_started(const Study *study)
{
    int n = 0;
    for (int i = 0; i < study->bank->item_count; i++)
        n += study->states[i].seen > 0;
    return n;
}

/* The days behind the streak: drill answers from the day counters, and
 * finished mocks, diagnostics and arcade rounds (by their answers), which
 * also meet a day's goal. answers (may be NULL) gets each day's answers in
 * every mode. */
static bool read_days(Study *study, int first, int count, RewardsDay *rdays, int *answers)
{
    StoreDay *days = calloc((size_t)count, sizeof *days);
    StoreExamSummary *hist = calloc((size_t)count, sizeof *hist);
    bool ok = days && hist && study->store &&
              store_days(study->store, first, count, days) == STORE_OK;
    for (int i = 0; ok && i < count; i++) {
        rdays[i].day = (int)days[i].day;
        rdays[i].drill_answers = days[i].drill_answers;
        if (answers)
            answers[i] = days[i].answers;
    }
    static const StudyMode EXAM_MODES[] = {MODE_MOCK, MODE_DIAGNOSTIC, MODE_ARCADE};
    for (size_t e = 0; ok && e < sizeof EXAM_MODES / sizeof EXAM_MODES[0]; e++) {
        StudyMode m = EXAM_MODES[e];
        int n = 0;
        if (store_exam_history(study->store, m, hist, count, &n) != STORE_OK) {
            ok = false;
            break;
        }
        for (int i = 0; i < n; i++) {
            int k = study_day(hist[i].finished_at) - first;
            if (k < 0 || k >= count)
                continue;
            if (m == MODE_MOCK)
                rdays[k].mocks_finished++;
            else if (m == MODE_DIAGNOSTIC)
                rdays[k].diagnostics_finished++;
            else if (hist[i].items > rdays[k].arcade_best_round)
                rdays[k].arcade_best_round = hist[i].items;
        }
    }
    if (!ok)
        fail(study, "%s", days && hist ? store_says(study) : "out of memory");
    free(days);
    free(hist);
    return ok;
}

bool study_today(Study *study, int64_t now, StudyToday *out)
{
    memset(out, 0, sizeof *out);
    study->error[0] = '\0';
    int64_t horizon = study_due_horizon(now);
    out->due = leitner_due_count(study->bank, study->states, horizon);
    int forecast[3] = {0};
    leitner_forecast(study->bank, study->states, horizon, 3, forecast);
    out->due_tomorrow = forecast[1];
    out->goal = study->prefs.daily_goal;
    /* Answers ever, from the item states in memory (every recorded answer
     * adds one to its item's seen count). store_totals would scan every
     * review on each visit to the home screen: 300 ms with a million. */
    out->answers_total = study_answers_total(study);
    int today = study_day(now);
    RewardsDay *rdays = calloc(STUDY_STREAK_DAYS, sizeof *rdays);
    bool ok = rdays && read_days(study, today - STUDY_STREAK_DAYS + 1, STUDY_STREAK_DAYS, rdays, NULL);
    if (ok) {
        out->drill_answers = rdays[STUDY_STREAK_DAYS - 1].drill_answers;
        RewardsGoal goal = daily_goal(study);
        rewards_streak(rdays, STUDY_STREAK_DAYS, today, &goal, &out->streak);
    }
    free(rdays);
    if (ok) {
        out->xp = (int)store_profile_get(study->store, "xp", 0);
        ok = store_new_items_since(study->store, study_day_start(now), &out->new_today) == STORE_OK;
        if (!ok)
            fail(study, "%s", store_says(study));
    } else if (!rdays) {
        fail(study, "out of memory");
    }
    out->level = rewards_level(out->xp);
    out->level_into = rewards_level_progress(out->xp, &out->level_span);
    return ok;
}

bool study_days(Study *study, int first, int count, StudyDay *out)
{
    study->error[0] = '\0';
    memset(out, 0, sizeof *out * (size_t)(count > 0 ? count : 0));
    if (count <= 0)
        return true;
    RewardsDay *rdays = calloc((size_t)count, sizeof *rdays);
    int *answers = calloc((size_t)count, sizeof *answers);
    bool ok = rdays && answers && read_days(study, first, count, rdays, answers);
    if (!rdays || !answers)
        fail(study, "out of memory");
    RewardsGoal goal = daily_goal(study);
    for (int i = 0; ok && i < count; i++)
        out[i] = (StudyDay){.day = first + i, .answers = answers[i], .goal_met = rewards_day_met(&rdays[i], &goal)};
    free(rdays);
    free(answers);
    return ok;
}

void study_goal_text(const StudyToday *today, char *out, size_t size)
{
    if (today->streak.today_met)
        snprintf(out, size, "Today's goal met");
    else
        snprintf(out, size, "Goal %d/%d today", today->drill_answers < today->goal ? today->drill_answers : today->goal,
                 today->goal);
}

int study_session_size(const Study *study, int answered_today)
{
    if (study->prefs.drill_size > 0)
        return study->prefs.drill_size;
    int left = study->prefs.daily_goal - answered_today;
    return left > STUDY_MIN_SESSION ? left : STUDY_MIN_SESSION;
}

bool study_plan(const Study *study, int64_t now, StudyPlan *out)
{
    PlanOptions opt = {.daily_minutes = study->prefs.daily_minutes, .exam_date = study->prefs.exam_date,
                       .started_at = study->d->started_at};
    return plan_build(study->bank, study->states, study_accuracy(study), now, &opt, out);
}

int study_new_quota(const Study *study)
{
    if (study->prefs.new_per_day != 0)
        return study->prefs.new_per_day > 0 ? study->prefs.new_per_day : 0;
    return study->prefs.daily_goal > 0 ? study->prefs.daily_goal : 0;
}

const MemoryFit *study_fit(const Study *study)
{
    return &study->d->fit;
}

int64_t study_started_at(const Study *study)
{
    return study->d->started_at;
}

/* The first session a projection counts: today's, unless something was
 * answered today already (then tomorrow's, at the same hour). */
static int64_t next_session(const Study *study, int64_t now)
{
    int64_t today_start = study_day_start(now);
    for (int i = 0; i < study->bank->item_count; i++)
        if (study->states[i].last_at >= today_start)
            return now + SECONDS_PER_DAY;
    return now;
}

static void seed_by_day(int64_t now, Rng *rng)
{
    rng_seed(rng, (uint64_t)study_day(now) * 2654435761u + 17u);
}

bool study_projection(const Study *study, int minutes, int64_t exam_date, int draws, int64_t now,
                      Projection *out)
{
    memset(out, 0, sizeof *out);
    if (exam_date <= now)
        return false;
    ProjectOptions o = {
        .first_session = next_session(study, now),
        .exam_date = exam_date,
        .started_at = study->d->started_at,
        .showings_per_day = plan_items_per_day(minutes),
        .accuracy = study_accuracy(study),
        .draws = draws,
        .forms = draws > 0 && draws < PROJECT_DEFAULT_DRAWS ? STUDY_WHATIF_FORMS : 0,
    };
    Rng rng;
    seed_by_day(now, &rng);
    return project_exam_day(study->bank, study->states, &study->d->fit, &o, &rng, out);
}

bool study_pass_estimate(const Study *study, int64_t now, PlanPassEstimate *out, int *evidence)
{
    memset(out, 0, sizeof *out);
    if (evidence)
        *evidence = 0;
    int answered = 0;
    for (int i = 0; i < study->bank->item_count; i++)
        answered += study->states[i].seen > 0;
    if (answered == 0)
        return false;
    if (evidence)
        *evidence = study->d->fit.evidence + study->d->fit.first_answers > 0
                        ? study->d->fit.evidence + study->d->fit.first_answers
                        : answered;
    if (study->prefs.exam_date > now) {
        Projection p;
        if (!study_projection(study, study->prefs.daily_minutes, study->prefs.exam_date, 0, now, &p))
            return false;
        *out = p.pass;
        return true;
    }
    Rng rng;
    seed_by_day(now, &rng);
    return estimate_pass(study->bank, study->states, &study->d->fit, now, 0, &rng, out);
}

static void format_date(int64_t t, char *out, size_t size)
{
    time_t when = (time_t)t;
    struct tm tm;
    if (!localtime_r(&when, &tm) || strftime(out, size, "%a %d %b", &tm) == 0)
        snprintf(out, size, "that day");
}

void study_projection_text(const Study *study, int minutes, const Projection *p, char *out, size_t size)
{
    int items = study->bank->item_count;
    if (p->all_met_at > 0) {
        char date[64];
        format_date(p->all_met_at, date, sizeof date);
        snprintf(out, size, "At %d min a day you meet all %d items by %s", minutes, items, date);
    } else if (p->all_met_at == 0) {
        snprintf(out, size, "At %d min a day you keep all %d items fresh", minutes, items);
    } else {
        snprintf(out, size, "At %d min a day you meet about %d of the %d items before the exam", minutes,
                 items - p->unseen_at_exam, items);
    }
    char likely[32];
    percent_likely(p->pass.low, p->pass.high, likely, sizeof likely);
    strbuf_append(out, size, "; expected recall on exam day %d%%, chance to pass %d%%%s.", percent(p->recall),
                  percent(p->pass.probability), likely);
}

void study_estimate_basis(const Study *study, int64_t now, char *out, size_t size)
{
    if (study->prefs.exam_date > now) {
        char date[64];
        format_date(study->prefs.exam_date, date, sizeof date);
        snprintf(out, size, "on exam day (%s) if you keep to %d min a day", date, study->prefs.daily_minutes);
    } else {
        snprintf(out, size, "if you took the exam today");
    }
}
