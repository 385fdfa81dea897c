/* Reward rules. The streak walks day by day from the first record to today,
 * so a rest day is spent exactly on the day it covers and the result does
 * not depend on the order the store returns the records in. */
#include "rewards.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int rewards_session_xp(StudyMode mode, int right_answers, bool finished, bool passed, bool ready)
{
    int xp = (right_answers > 0 ? right_answers : 0) * REWARDS_XP_RIGHT;
    if (!finished)
        return xp;
    switch (mode) {
    case MODE_DRILL:
        return xp + REWARDS_XP_DRILL_DONE;
    case MODE_ARCADE:
        return xp + REWARDS_XP_ARCADE_DONE;
    case MODE_DIAGNOSTIC:
        return xp + REWARDS_XP_DIAGNOSTIC_DONE;
    case MODE_MOCK:
        return xp + REWARDS_XP_MOCK_DONE + (passed ? REWARDS_XP_MOCK_PASSED : 0) +
               (passed && ready ? REWARDS_XP_MOCK_READY : 0);
    case MODE_RETAKE: /* practice: its right answers, no bonus a score could earn */
    case MODE_COUNT:
        break;
    }
    return xp;
}

int rewards_level_xp(int level)
{
    if (level <= 1)
        return 0;
    if (level > 9000) /* 50 n (n-1) would overflow an int near n = 6,500 */
        level = 9000;
    int64_t xp = (int64_t)REWARDS_LEVEL_STEP * level * (level - 1);
    return xp > INT32_MAX ? INT32_MAX : (int)xp;
}

int rewards_level(int xp)
{
    if (xp <= 0)
        return 1;
    /* solve 50 n (n-1) <= xp, then correct for rounding */
    int n = (int)floor((1.0 + sqrt(1.0 + 4.0 * xp / REWARDS_LEVEL_STEP)) / 2.0);
    if (n < 1)
        n = 1;
    while (n > 1 && rewards_level_xp(n) > xp)
        n--;
    while (rewards_level_xp(n + 1) <= xp && rewards_level_xp(n + 1) < INT32_MAX)
        n++;
    return n;
}

int rewards_level_progress(int xp, int *span)
{
    int level = rewards_level(xp);
    int base = rewards_level_xp(level);
    if (span)
        *span = rewards_level_xp(level + 1) - base;
    return (xp > 0 ? xp : 0) - base;
}

int rewards_local_day(int64_t unix_seconds, int utc_offset_seconds)
{
    int64_t t = unix_seconds + utc_offset_seconds;
    int64_t day = t / SECONDS_PER_DAY;
    if (t % SECONDS_PER_DAY < 0)
        day--;
    return (int)day;
}

bool rewards_day_met(const RewardsDay *day, const RewardsGoal *goal)
{
    int drill = goal && goal->drill_answers > 0 ? goal->drill_answers : REWARDS_GOAL_DRILL_ANSWERS;
    int arcade = goal && goal->arcade_round_answers > 0 ? goal->arcade_round_answers
                                                        : REWARDS_GOAL_ARCADE_ROUND_ANSWERS;
    return day->drill_answers >= drill || day->arcade_best_round >= arcade ||
           day->mocks_finished > 0 || day->diagnostics_finished > 0;
}

static int compare_days(const void *a, const void *b)
{
    const RewardsDay *x = a, *y = b;
    return (x->day > y->day) - (x->day < y->day);
}

/* Sorts and merges same-day records in place; returns the merged count. */
static int merge_days(RewardsDay *days, int n)
{
    qsort(days, (size_t)n, sizeof *days, compare_days);
    int m = 0;
    for (int i = 0; i < n; i++) {
        if (m > 0 && days[m - 1].day == days[i].day) {
            RewardsDay *d = &days[m - 1];
            d->drill_answers += days[i].drill_answers;
            if (days[i].arcade_best_round > d->arcade_best_round)
                d->arcade_best_round = days[i].arcade_best_round;
            d->mocks_finished += days[i].mocks_finished;
            d->diagnostics_finished += days[i].diagnostics_finished;
        } else {
            days[m++] = days[i];
        }
    }
    return m;
}

void rewards_streak(const RewardsDay *days, int n, int today, const RewardsGoal *goal,
                    RewardsStreak *out)
{
    memset(out, 0, sizeof *out);
    if (n <= 0 || !days)
        return;
    RewardsDay *sorted = malloc((size_t)n * sizeof *sorted);
    if (!sorted)
        return;
    memcpy(sorted, days, (size_t)n * sizeof *sorted);
    int m = merge_days(sorted, n);
    int streak = 0, rest = 0, k = 0;
    /* skip to the first day that met the goal: nothing before it matters */
    while (k < m && (sorted[k].day > today || !rewards_day_met(&sorted[k], goal)))
        k++;
    if (k == m) {
        free(sorted);
        return;
    }
    for (int day = sorted[k].day; day <= today; day++) {
        bool met = false;
        while (k < m && sorted[k].day < day)
            k++;
        if (k < m && sorted[k].day == day)
            met = rewards_day_met(&sorted[k], goal);
        if (met) {
            streak++;
            if (streak % REWARDS_REST_EVERY == 0 && rest < REWARDS_REST_MAX)
                rest++;
            if (streak > out->best)
                out->best = streak;
            if (day == today)
                out->today_met = true;
        } else if (day == today) {
            /* the day is not over yet */
        } else if (streak > 0 && rest > 0) {
            rest--;
            out->rest_used++;
        } else {
            streak = 0;
        }
    }
    out->current = streak;
    out->rest_days = rest;
    free(sorted);
}

void rewards_arcade_start(RewardsArcade *a, int lives)
{
    memset(a, 0, sizeof *a);
    a->lives = lives > 0 ? lives : REWARDS_ARCADE_LIVES;
}

int rewards_arcade_multiplier(int combo)
{
    int m = 1 + (combo > 0 ? combo : 0) / REWARDS_ARCADE_COMBO_STEP;
    return m > REWARDS_ARCADE_MAX_MULTIPLIER ? REWARDS_ARCADE_MAX_MULTIPLIER : m;
}

int rewards_arcade_points(int base, int ms, int limit_ms, int combo)
{
    double speed = 1.0;
    if (limit_ms > 0) {
        double t = ms < 0 ? 0.0 : (ms > limit_ms ? limit_ms : ms);
        speed = 1.0 - t / (2.0 * limit_ms);
    }
    return (int)floor(base * speed * rewards_arcade_multiplier(combo) + 0.5);
}

int rewards_arcade_answer(RewardsArcade *a, bool correct, int ms, int limit_ms, int base)
{
    if (a->over)
        return 0;
    a->answered++;
    if (!correct) {
        a->combo = 0;
        a->lives--;
        if (a->lives <= 0) {
            a->lives = 0;
            a->over = true;
        }
        return 0;
    }
    int pts = rewards_arcade_points(base > 0 ? base : REWARDS_ARCADE_BASE, ms, limit_ms, a->combo);
    a->right++;
    a->combo++;
    if (a->combo > a->best_combo)
        a->best_combo = a->combo;
    a->points += pts;
    return pts;
}

static const RewardsAchievement ACHIEVEMENTS[] = {
    {"first-answer", "First steps", "Answer your first question.", REWARDS_STAT_ANSWERS, 1},
    {"right-100", "Century", "Give 100 right answers.", REWARDS_STAT_RIGHT, 100},
    {"right-1000", "Thousand", "Give 1,000 right answers.", REWARDS_STAT_RIGHT, 1000},
    {"drills-10", "Habit", "Finish 10 daily drills.", REWARDS_STAT_DRILL_SESSIONS, 10},
    {"streak-7", "One week", "Meet the daily goal 7 days in a row.", REWARDS_STAT_BEST_STREAK, 7},
    {"streak-30", "One month", "Keep a 30-day streak.", REWARDS_STAT_BEST_STREAK, 30},
    {"diagnostic", "Know thyself", "Finish a diagnostic.", REWARDS_STAT_DIAGNOSTICS, 1},
    {"mock-1", "Dress rehearsal", "Finish a full mock exam.", REWARDS_STAT_MOCKS, 1},
    {"mock-pass", "Over the line", "Score 700 or more in a mock exam.", REWARDS_STAT_BEST_MOCK, 700},
    {"mock-750", "Safety margin", "Score 750 or more in a mock exam.", REWARDS_STAT_BEST_MOCK, 750},
    {"ready", "Ready", "Score 750 or more in five mock exams in a row.",
     REWARDS_STAT_MOCKS_READY_IN_A_ROW, 5},
    {"all-domains", "Well rounded", "Meet competencies in every domain of a mock exam.",
     REWARDS_STAT_LAST_MOCK_ALL_MEET, 1},
    {"combo-15", "On fire", "Answer 15 in a row in the arcade.", REWARDS_STAT_BEST_COMBO, 15},
    {"arcade-3000", "High scorer", "Score 3,000 points in one arcade round.",
     REWARDS_STAT_BEST_ARCADE_POINTS, 3000},
    {"top-box-50", "Long-term memory", "Bring 50 items to the top box.",
     REWARDS_STAT_TOP_BOX_ITEMS, 50},
    {"level-10", "Veteran", "Reach level 10.", REWARDS_STAT_LEVEL, 10},
};

int rewards_achievement_count(void)
{
    return (int)(sizeof ACHIEVEMENTS / sizeof ACHIEVEMENTS[0]);
}

const RewardsAchievement *rewards_achievement(int i)
{
    if (i < 0 || i >= rewards_achievement_count())
        return NULL;
    return &ACHIEVEMENTS[i];
}

int rewards_stat_value(const RewardsStats *s, RewardsStat stat)
{
    switch (stat) {
    case REWARDS_STAT_ANSWERS: return s->answers;
    case REWARDS_STAT_RIGHT: return s->right;
    case REWARDS_STAT_DRILL_SESSIONS: return s->drill_sessions;
    case REWARDS_STAT_DIAGNOSTICS: return s->diagnostics;
    case REWARDS_STAT_MOCKS: return s->mocks;
    case REWARDS_STAT_BEST_MOCK: return s->best_mock;
    case REWARDS_STAT_MOCKS_READY_IN_A_ROW: return s->mocks_ready_in_a_row;
    case REWARDS_STAT_LAST_MOCK_ALL_MEET: return s->last_mock_all_meet ? 1 : 0;
    case REWARDS_STAT_BEST_STREAK: return s->best_streak;
    case REWARDS_STAT_BEST_COMBO: return s->best_combo;
    case REWARDS_STAT_BEST_ARCADE_POINTS: return s->best_arcade_points;
    case REWARDS_STAT_TOP_BOX_ITEMS: return s->top_box_items;
    case REWARDS_STAT_LEVEL: return s->level;
    }
    return 0;
}

uint32_t rewards_earned(const RewardsStats *stats)
{
    uint32_t mask = 0;
    for (int i = 0; i < rewards_achievement_count() && i < 32; i++)
        if (rewards_stat_value(stats, ACHIEVEMENTS[i].stat) >= ACHIEVEMENTS[i].threshold)
            mask |= 1u << i;
    return mask;
}
