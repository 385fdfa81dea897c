/* The Stats snapshot: reads the store and the study context once, then
 * derives the summaries and verdicts the pages show. Every read is checked;
 * the first that fails ends the snapshot with its reason in study->error. */
#include "stats.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "leitner.h"
#include "store.h"

static bool fail(Study *study, const char *fmt, ...) COMPAT_PRINTF(2, 3);

static bool fail(Study *study, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(study->error, sizeof study->error, fmt, ap);
    va_end(ap);
    return false;
}

/* A store read's status: true when it read, else the store's reason. */
static bool read_ok(Study *study, StoreStatus status)
{
    if (status == STORE_OK)
        return true;
    return fail(study, "%s", store_error_message(study->store));
}

int stats_weekday(int day)
{
    /* Day 0 (1970-01-01) was a Thursday. */
    int w = (day + 3) % 7;
    return w < 0 ? w + 7 : w;
}

StatsLevel stats_score_level(const StatsSnapshot *s, int scaled)
{
    if (scaled >= s->ready_score)
        return STATS_LEVEL_GOOD;
    return scaled >= s->pass_score ? STATS_LEVEL_FAIR : STATS_LEVEL_POOR;
}

StatsLevel stats_probability_level(double probability)
{
    if (probability >= STATS_GOOD_PROBABILITY)
        return STATS_LEVEL_GOOD;
    return probability >= STATS_FAIR_PROBABILITY ? STATS_LEVEL_FAIR : STATS_LEVEL_POOR;
}

static StatsExam exam_of(const StoreExamSummary *e)
{
    return (StatsExam){
        .finished_at = e->finished_at,
        .scaled = e->scaled,
        .likely_low = e->likely_low > 0 ? e->likely_low : e->scaled,
        .likely_high = e->likely_high > 0 ? e->likely_high : e->scaled,
    };
}

/* The mock history with its best, recent average and ready run, and the
 * newest diagnostic. */
static bool read_exams(Study *study, StatsSnapshot *s)
{
    StoreExamSummary *hist = calloc(STATS_MAX_MOCKS, sizeof *hist);
    if (!hist)
        return fail(study, "Out of memory reading your exam history.");
    int n = 0;
    bool ok = read_ok(study, store_exam_history(study->store, MODE_MOCK, hist, STATS_MAX_MOCKS, &n));
    for (int i = 0; ok && i < n; i++)
        s->mocks[i] = exam_of(&hist[i]);
    s->mock_count = ok ? n : 0;
    /* Fresh forms: how many questions of the recent run were repeats. */
    for (int i = n > PLAN_READY_RUN ? n - PLAN_READY_RUN : 0; ok && i < n; i++) {
        int repeated = 0, items = 0;
        ok = read_ok(study, store_exam_repeats(study->store, hist[i].id, &repeated, &items));
        s->mock_repeated += repeated;
        s->mock_repeat_items += items;
    }
    s->mock_rests_on_repeats = s->mock_repeat_items > 0 &&
                               s->mock_repeated * 100 >= s->mock_repeat_items * STATS_REPEATED_PERCENT;
    ok = ok && read_ok(study, store_exam_history(study->store, MODE_DIAGNOSTIC, hist, 1, &n));
    s->has_diagnostic = ok && n == 1;
    if (s->has_diagnostic)
        s->diagnostic = exam_of(&hist[0]);
    free(hist);

    int sum = 0;
    for (int i = 0; i < s->mock_count; i++) {
        if (s->mocks[i].scaled > s->mock_best)
            s->mock_best = s->mocks[i].scaled;
        if (i >= s->mock_count - PLAN_READY_RUN) {
            sum += s->mocks[i].scaled;
            s->mock_recent++;
        }
    }
    s->mock_recent_average = s->mock_recent ? sum / s->mock_recent : 0;
    for (int i = s->mock_count - 1; i >= 0 && s->mocks[i].scaled >= s->ready_score; i--)
        s->ready_run++;
    return ok;
}

/* All-time shares from the item states (the ones home shows and the
 * weakest domain is judged on), the last week's from the store. */
static bool read_domains(Study *study, StatsSnapshot *s)
{
    const Bank *b = study->bank;
    StoreDomainStat week[SCORING_MAX_DOMAINS] = {0};
    StudyDomainTotal all[SCORING_MAX_DOMAINS];
    study_domain_totals(study, all);
    if (!read_ok(study, store_domain_accuracy(study->store, b, s->now - STATS_WEEK_DAYS * (int64_t)SECONDS_PER_DAY,
                                              week)))
        return false;
    for (int d = 0; d < b->domain_count && d < SCORING_MAX_DOMAINS; d++) {
        s->accuracy_all[d] = (StatsTally){all[d].right, all[d].total};
        s->domain_right += all[d].right;
        s->domain_answers += all[d].total;
        s->accuracy_week[d] = (StatsTally){week[d].right, week[d].total};
        if (all[d].total == 0)
            s->line[d] = STATS_LINE_NOT_STARTED;
        else
            s->line[d] = (double)all[d].right / all[d].total >= b->pass_fraction ? STATS_LINE_MEETS : STATS_LINE_BELOW;
    }
    return true;
}

static bool read_boxes(Study *study, StatsSnapshot *s)
{
    const Bank *b = study->bank;
    StoreBoxCounts boxes[SCORING_MAX_DOMAINS];
    memset(boxes, 0, sizeof boxes);
    if (!read_ok(study, store_box_counts(study->store, b, boxes)) ||
        !read_ok(study, store_due_per_day(study->store, b, s->now, STATS_FORECAST_DAYS, s->due)))
        return false;
    for (int d = 0; d < b->domain_count && d < SCORING_MAX_DOMAINS; d++)
        for (int k = 0; k <= b->leitner_boxes; k++) {
            s->boxes[d][k] = boxes[d].box[k];
            s->domain_items[d] += boxes[d].box[k];
        }
    s->due_peak = 1;
    for (int i = 0; i < STATS_FORECAST_DAYS; i++) {
        s->due_total += s->due[i];
        if (s->due[i] > s->due_peak)
            s->due_peak = s->due[i];
    }
    return true;
}

/* STATS_WEEKS weeks of days, the first column starting on a Monday. */
static bool read_calendar(Study *study, StatsSnapshot *s)
{
    int monday = s->today - stats_weekday(s->today);
    s->cal_first = monday - (STATS_WEEKS - 1) * 7;
    s->cal_count = s->today - s->cal_first + 1;
    StudyDay days[STATS_CALENDAR_DAYS];
    if (!study_days(study, s->cal_first, s->cal_count, days))
        return false;
    s->cal_top = 1;
    for (int i = 0; i < s->cal_count; i++) {
        s->calendar[i] = (StatsDay){days[i].answers, days[i].goal_met};
        if (days[i].answers > s->cal_top)
            s->cal_top = days[i].answers;
        s->cal_studied += days[i].answers > 0;
        s->cal_answers += days[i].answers;
        s->cal_goals += days[i].goal_met;
    }
    return true;
}

static bool read_records(Study *study, StatsSnapshot *s)
{
    StoreStatus sprint = store_arcade_best(study->store, "sprint", &s->sprint_best, &s->sprint_rounds);
    if (sprint != STORE_NOT_FOUND && !read_ok(study, sprint))
        return false;
    StoreStatus marathon = store_arcade_best(study->store, "marathon", &s->marathon_best, &s->marathon_rounds);
    if (marathon != STORE_NOT_FOUND && !read_ok(study, marathon))
        return false;
    StoreTotals t;
    if (!read_ok(study, store_totals(study->store, &t)))
        return false;
    s->answers = t.answers;
    s->right = t.right;
    s->items_started = study_items_started(study);
    s->days_studied = t.days_studied;
    s->mocks_finished = t.mocks_finished;
    s->diagnostics_finished = t.diagnostics_finished;
    s->ms_studied = t.ms;
    s->xp = t.xp;
    return true;
}

/* Readiness from the recent answers and the last mocks, task coverage from
 * the item states, the pass estimate, and the weakest domain. */
static bool read_readiness(Study *study, StatsSnapshot *s)
{
    const Bank *b = study->bank;
    Answer *answers = calloc(STATS_RECENT_ANSWERS, sizeof *answers);
    if (!answers)
        return fail(study, "Out of memory reading your answers.");
    int n = 0;
    bool ok = read_ok(study, store_recent_answers(study->store, b, STATS_RECENT_ANSWERS, answers, NULL, &n));
    ScoreResult history;
    bool have_history = ok && n > 0 && scoring_score_answers(b, answers, n, &history);
    free(answers);
    if (!ok)
        return false;
    s->answers_used = n;
    int scores[PLAN_READY_RUN];
    int count = 0;
    for (int i = s->mock_count > PLAN_READY_RUN ? s->mock_count - PLAN_READY_RUN : 0; i < s->mock_count; i++)
        scores[count++] = s->mocks[i].scaled;
    plan_readiness(b, scores, count, have_history ? &history : NULL, &s->ready);

    for (int i = 0; i < b->item_count; i++) {
        int t = b->items[i].task;
        if (study->states[i].seen > 0 && t >= 0 && t < SCORING_MAX_TASKS && !s->task_done[t]) {
            s->task_done[t] = true;
            s->tasks_done++;
        }
    }

    s->pass_known = study_pass_estimate(study, s->now, &s->pass, &s->evidence) && s->evidence > 0;
    study_estimate_basis(study, s->now, s->pass_basis, sizeof s->pass_basis);

    s->weakest = study_weakest_domain(study);
    return true;
}

/* The four checks of the exam advice. */
static void judge_checks(StatsSnapshot *s)
{
    bool domains = s->answers_used > 0 && s->ready.lagging_count == 0;
    for (int d = 0; d < s->ready.domain_count; d++)
        if (s->ready.domain[d] < 0)
            domains = false;
    s->check[STATS_CHECK_MOCK_RUN] = s->ready.ready;
    s->check[STATS_CHECK_DOMAINS] = domains;
    s->check[STATS_CHECK_TASKS] = s->tasks_done >= s->task_count;
    s->check[STATS_CHECK_PASS] = s->pass_known && s->pass.probability >= STATS_GOOD_PROBABILITY;
    s->checks_done = 0;
    for (int i = 0; i < STATS_CHECKS; i++)
        s->checks_done += s->check[i];
}

static StatsVerdict verdict_of(const StatsSnapshot *s)
{
    if (s->answers == 0 && s->mock_count == 0)
        return STATS_VERDICT_NEW;
    if (s->ready.ready && s->ready.lagging_count == 0 && s->check[STATS_CHECK_TASKS])
        return STATS_VERDICT_READY;
    bool last_pass = s->mock_count > 0 && s->mocks[s->mock_count - 1].scaled >= s->pass_score;
    if ((s->pass_known && s->pass.probability >= STATS_ON_TRACK_PROBABILITY) ||
        (last_pass && s->ready.recent_ready >= STATS_ON_TRACK_READY_MOCKS))
        return STATS_VERDICT_ON_TRACK;
    return STATS_VERDICT_NOT_YET;
}

void stats_judge(StatsSnapshot *s)
{
    judge_checks(s);
    s->verdict = verdict_of(s);
}

/* The achievement statistics. Drills, a mock's per-domain result and
 * arcade combos have no rows of their own: the store keeps them as facts;
 * a drill day (any drill answer) stands in for a finished drill. */
static bool read_rewards(Study *study, StatsSnapshot *s)
{
    StoreAchievementFacts facts;
    if (!read_ok(study, store_achievement_facts(study->store, s->today - STATS_HISTORY_DAYS + 1, &facts)))
        return false;
    RewardsStats *r = &s->rewards;
    memset(r, 0, sizeof *r);
    r->answers = s->answers;
    r->right = s->right;
    r->diagnostics = s->diagnostics_finished;
    r->mocks = s->mocks_finished;
    r->best_mock = s->mock_best;
    r->mocks_ready_in_a_row = s->ready_run;
    r->last_mock_all_meet = facts.last_mock_all_meet;
    r->best_combo = facts.best_combo;
    r->drill_sessions = facts.drill_sessions > facts.drill_days ? facts.drill_sessions : facts.drill_days;
    r->best_streak = s->day.streak.best;
    r->best_arcade_points = s->sprint_best > s->marathon_best ? s->sprint_best : s->marathon_best;
    int counts[BANK_MAX_BOXES + 1] = {0};
    leitner_box_counts(study->bank, study->states, counts);
    r->top_box_items = counts[study->bank->leitner_boxes];
    r->level = s->day.level;
    s->earned = rewards_earned(r);
    s->earned_count = 0;
    for (int i = 0; i < rewards_achievement_count(); i++)
        s->earned_count += (int)((s->earned >> i) & 1u);
    return true;
}

bool stats_snapshot(Study *study, int64_t now, StatsSnapshot *out)
{
    const Bank *b = study->bank;
    memset(out, 0, sizeof *out);
    study->error[0] = '\0';
    StatsSnapshot *s = out;
    s->now = now;
    s->today = study_day(now);
    s->pass_score = b->scale_pass;
    s->ready_score = plan_ready_score(b);
    s->pass_fraction = b->pass_fraction;
    s->task_count = b->task_count;
    s->exam_date_ahead = study->prefs.exam_date > now;
    s->daily_minutes = study->prefs.daily_minutes;
    if (!study->store)
        return fail(study, "No progress file is open.");
    if (!study_today(study, now, &s->day))
        return false;
    s->has_plan = study_plan(study, now, &s->plan) &&
                  study->prefs.exam_date > 0;
    bool ok = read_exams(study, s) && read_domains(study, s) && read_boxes(study, s) &&
              read_calendar(study, s) && read_records(study, s) && read_readiness(study, s) &&
              read_rewards(study, s) && stats_mixups(study, &s->mixups);
    if (!ok)
        return false;
    stats_judge(s);
    return true;
}
