/* The Stats snapshot: every fact the Stats screen shows, read from the
 * study context at `now` in one go, and the verdicts drawn from them. Each
 * threshold is named here once, or taken from the bank where the bank
 * defines it (the pass mark, the pass fraction, plan_ready_score). No SDL;
 * the screen formats and draws, it decides nothing. */
#ifndef CLOUDPREP_STATS_H
#define CLOUDPREP_STATS_H

#include <stdbool.h>
#include <stdint.h>

#include "percent.h"
#include "plan.h"
#include "rewards.h"
#include "scoring.h"
#include "stats_mixups.h"
#include "study.h"

#define STATS_MAX_MOCKS 60          /* newest mocks in the chart */
#define STATS_FORECAST_DAYS 14      /* days in the due forecast */
#define STATS_WEEKS 12              /* weeks in the calendar */
#define STATS_CALENDAR_DAYS (STATS_WEEKS * 7)
#define STATS_WEEK_DAYS 7           /* "last 7 days" domain accuracy */
/* The recent mocks' scores rest on repeated items when this share (in
 * percent) of their questions had been met in an earlier mock. */
#define STATS_REPEATED_PERCENT 20
#define STATS_RECENT_ANSWERS 1500   /* answers behind readiness and the domain check */
#define STATS_HISTORY_DAYS 730      /* days read back for the drill-day achievements */

/* The verdict thresholds. The pass estimate at STATS_GOOD_PROBABILITY or
 * more ticks the checklist and shows as good; at STATS_ON_TRACK_PROBABILITY
 * or more the learner is on track; below STATS_FAIR_PROBABILITY it shows
 * as poor. A passing last mock with STATS_ON_TRACK_READY_MOCKS of the
 * recent mocks at the ready score is on track too. */
#define STATS_GOOD_PROBABILITY 0.80
#define STATS_ON_TRACK_PROBABILITY 0.75
#define STATS_FAIR_PROBABILITY 0.50
#define STATS_ON_TRACK_READY_MOCKS 2

/* Am I on track? */
typedef enum StatsVerdict {
    STATS_VERDICT_NEW,       /* nothing answered, no mock */
    STATS_VERDICT_NOT_YET,
    STATS_VERDICT_ON_TRACK,
    STATS_VERDICT_READY      /* a ready run of mocks, no domain lagging, every task practised */
} StatsVerdict;

/* How a score or a probability compares with the lines (for its colour). */
typedef enum StatsLevel {
    STATS_LEVEL_POOR,        /* below the pass mark / the fair probability */
    STATS_LEVEL_FAIR,        /* passing, below the ready score / the good probability */
    STATS_LEVEL_GOOD         /* at the ready score / the good probability or more */
} StatsLevel;

/* A domain against the bank's pass fraction, over all its answers. */
typedef enum StatsLine {
    STATS_LINE_NOT_STARTED,
    STATS_LINE_BELOW,
    STATS_LINE_MEETS
} StatsLine;

/* The readiness checklist, in the order it is shown. */
typedef enum StatsCheck {
    STATS_CHECK_MOCK_RUN,    /* PLAN_READY_RUN mocks in a row at the ready score */
    STATS_CHECK_DOMAINS,     /* every domain answered, none lagging */
    STATS_CHECK_TASKS,       /* every task statement practised */
    STATS_CHECK_PASS,        /* pass estimate at STATS_GOOD_PROBABILITY or more */
    STATS_CHECKS
} StatsCheck;

typedef struct StatsExam {
    int64_t finished_at;
    int scaled, likely_low, likely_high;   /* the range is the score itself when unknown */
} StatsExam;

typedef struct StatsTally {
    int right, total;
} StatsTally;

typedef struct StatsDay {
    int answers;
    bool goal_met;                      /* as the streak counts it (study_days) */
} StatsDay;

typedef struct StatsSnapshot {
    int64_t now;
    int today;                          /* study_day(now) */
    int pass_score;                     /* the bank's pass mark (scaled) */
    int ready_score;                    /* plan_ready_score */
    double pass_fraction;               /* the bank's line for a domain */
    bool exam_date_ahead;               /* an exam date is set and ahead */
    int daily_minutes;
    StudyToday day;                     /* due, goal, the streak, level */
    bool has_plan;                      /* a plan to the exam date (one is set) */
    StudyPlan plan;

    /* mock exams (oldest first) and the newest diagnostic */
    StatsExam mocks[STATS_MAX_MOCKS];
    int mock_count;
    int mock_best;
    int mock_recent;                    /* mocks in the recent average (the last PLAN_READY_RUN) */
    int mock_recent_average;
    int ready_run;                      /* latest run of mocks at the ready score */
    int mock_repeated;                  /* questions of the recent mocks met in an earlier mock ... */
    int mock_repeat_items;              /* ... of all their questions */
    bool mock_rests_on_repeats;         /* STATS_REPEATED_PERCENT or more of them were repeats */
    bool has_diagnostic;
    StatsExam diagnostic;

    /* domains: right answers all time (study_domain_totals) and this week, against the line */
    StatsTally accuracy_all[SCORING_MAX_DOMAINS];
    int domain_right, domain_answers;   /* accuracy_all summed: the overall share beside the weakest */
    StatsTally accuracy_week[SCORING_MAX_DOMAINS];
    StatsLine line[SCORING_MAX_DOMAINS];

    /* Leitner boxes per domain (box 0 = unseen) and the due forecast */
    int boxes[SCORING_MAX_DOMAINS][BANK_MAX_BOXES + 1];
    int domain_items[SCORING_MAX_DOMAINS];
    int due[STATS_FORECAST_DAYS];       /* due[0]: today, overdue included */
    int due_total, due_peak;            /* due_peak >= 1 */

    /* the calendar: STATS_WEEKS weeks from a Monday up to today */
    StatsDay calendar[STATS_CALENDAR_DAYS];
    int cal_first;                      /* day number of calendar[0] */
    int cal_count;                      /* days up to today */
    int cal_top;                        /* answers on the busiest day, >= 1 */
    int cal_studied, cal_answers, cal_goals;

    /* readiness */
    PlanReadiness ready;
    int answers_used;                   /* recent answers behind ready.overall */
    bool task_done[SCORING_MAX_TASKS];
    int tasks_done, task_count;
    int weakest;                        /* study_weakest_domain: the same on every screen */
    bool pass_known;                    /* an estimate with answers behind it */
    PlanPassEstimate pass;
    int evidence;                       /* answers behind the memory fit */
    char pass_basis[160];               /* "if you took the exam today", ... */
    bool check[STATS_CHECKS];
    int checks_done;

    /* records */
    int sprint_best, sprint_rounds, marathon_best, marathon_rounds;
    int answers, right, items_started, days_studied;   /* items_started: study_items_started */
    int mocks_finished, diagnostics_finished;
    int64_t ms_studied, xp;
    RewardsStats rewards;               /* best_streak is the one streak's best */
    uint32_t earned;                    /* rewards_earned(&rewards) */
    int earned_count;

    StatsVerdict verdict;

    StatsMixups mixups;                 /* the Mix-ups page: confusion pairs and calibration */
} StatsSnapshot;

/* Reads every fact at `now` into *out (a few kilobytes; the caller owns
 * it). Returns false when something could not be read: study->error says
 * what, and *out must not be shown (its numbers are not the learner's). */
bool stats_snapshot(Study *study, int64_t now, StatsSnapshot *out);

/* Fills s->check, s->checks_done and s->verdict from the facts in *s
 * (stats_snapshot calls it; tests call it on facts set by hand). */
void stats_judge(StatsSnapshot *s);

/* A scaled score against the pass mark and the ready score. */
StatsLevel stats_score_level(const StatsSnapshot *s, int scaled);
/* A pass probability against STATS_FAIR_PROBABILITY and STATS_GOOD_PROBABILITY. */
StatsLevel stats_probability_level(double probability);
/* Day of the week of a day number, Monday = 0. */
int stats_weekday(int day);

#endif
