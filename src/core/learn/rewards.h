/* Rewards: XP and levels, the daily streak with earned rest days, arcade
 * scoring (lives, combo, speed points) and achievements. Pure functions
 * over plain records; the store keeps the totals and the day records. */
#ifndef CLOUDPREP_REWARDS_H
#define CLOUDPREP_REWARDS_H

#include <stdbool.h>
#include <stdint.h>

#include "progress.h"

/* XP. A right answer in a drill, arcade round or exam is worth 10; finishing
 * earns a bonus: drill session 50, arcade round 25, diagnostic 50, mock exam
 * 200, plus 100 for a passing mock and 50 more at the ready score (750). */
#define REWARDS_XP_RIGHT 10
#define REWARDS_XP_DRILL_DONE 50
#define REWARDS_XP_ARCADE_DONE 25
#define REWARDS_XP_DIAGNOSTIC_DONE 50
#define REWARDS_XP_MOCK_DONE 200
#define REWARDS_XP_MOCK_PASSED 100
#define REWARDS_XP_MOCK_READY 50

/* Levels: reaching level n (n >= 1) takes 50 * n * (n - 1) XP in total, so
 * level 2 needs 100 XP, level 3 300, level 4 600, level 10 4,500: each level
 * costs 100 XP more than the one before. */
#define REWARDS_LEVEL_STEP 50

/* The daily goal, met by any one of these (zero fields mean the defaults). */
#define REWARDS_GOAL_DRILL_ANSWERS 20
#define REWARDS_GOAL_ARCADE_ROUND_ANSWERS 10
#define REWARDS_REST_EVERY 7      /* a rest day is earned every 7 streak days ... */
#define REWARDS_REST_MAX 2        /* ... and at most 2 are saved */

/* Arcade. Points for a right answer: base x speed x combo multiplier, where
 * speed = 1 - t / (2T) with t clamped to [0, T] (1.0 instantly, 0.5 at the
 * limit) and the multiplier is 1 + floor(combo / 3), at most 3, combo being
 * the right answers in a row before this one (x1 for the first three, x2
 * from the fourth, x3 from the seventh). A wrong answer scores 0, resets the
 * combo and costs a life; the round is over with no lives left. */
#define REWARDS_ARCADE_BASE 100
#define REWARDS_ARCADE_LIVES 3
#define REWARDS_ARCADE_COMBO_STEP 3
#define REWARDS_ARCADE_MAX_MULTIPLIER 3

/* Returns the XP for one session of `mode`: REWARDS_XP_RIGHT per right
 * answer, plus the finishing bonus when `finished`, plus the mock pass and
 * ready bonuses when they apply (ignored for other modes). */
int rewards_session_xp(StudyMode mode, int right_answers, bool finished, bool passed, bool ready);

/* Returns the total XP needed to reach `level` (0 for level <= 1). */
int rewards_level_xp(int level);
/* Returns the level for a total of `xp` (1 at 0 XP). */
int rewards_level(int xp);
/* Returns XP earned into the current level and writes what the level spans
 * (XP from this level to the next) to *span when not NULL. */
int rewards_level_progress(int xp, int *span);

/* What was done on one local day (day numbers from rewards_local_day). */
typedef struct RewardsDay {
    int day;
    int drill_answers;          /* drill answers that day */
    int arcade_best_round;      /* most answers in one arcade round that day */
    int mocks_finished;
    int diagnostics_finished;
} RewardsDay;

typedef struct RewardsGoal {
    int drill_answers;          /* 0 = 20 */
    int arcade_round_answers;   /* 0 = 10 */
} RewardsGoal;

typedef struct RewardsStreak {
    int current;                /* streak days up to today (today counts once met) */
    int best;                   /* longest streak in the records */
    int rest_days;              /* saved rest days (0..2) */
    int rest_used;              /* missed days a rest day covered, over all records */
    bool today_met;             /* today's goal is met */
} RewardsStreak;

/* Returns the local day number of a Unix time: floor((t + utc_offset) / 86400). */
int rewards_local_day(int64_t unix_seconds, int utc_offset_seconds);

/* Returns true when the day's record meets the goal (goal may be NULL). */
bool rewards_day_met(const RewardsDay *day, const RewardsGoal *goal);

/* Computes the streak from day records (any order; records for the same day
 * are merged) up to `today`. Each day that meets the goal adds one; every
 * 7th streak day earns a rest day (at most 2 saved); a missed day uses a
 * saved rest day if there is one (the streak survives but does not grow),
 * otherwise the streak restarts at 0. Today, not yet met, neither adds nor
 * breaks. Records after `today` are ignored. Never fails. */
void rewards_streak(const RewardsDay *days, int n, int today, const RewardsGoal *goal,
                    RewardsStreak *out);

/* One arcade round's running state. */
typedef struct RewardsArcade {
    int lives;
    int combo;       /* right answers in a row */
    int best_combo;
    int points;
    int answered;
    int right;
    bool over;       /* no lives left */
} RewardsArcade;

/* Starts a round with `lives` lives (0 = 3). */
void rewards_arcade_start(RewardsArcade *a, int lives);
/* Returns the combo multiplier for `combo` right answers in a row before this one. */
int rewards_arcade_multiplier(int combo);
/* Returns the points for a right answer: base x (1 - t/(2T)) x multiplier,
 * rounded to nearest; limit_ms <= 0 means no speed factor. */
int rewards_arcade_points(int base, int ms, int limit_ms, int combo);
/* Records an answer (ignored once the round is over) and returns the points it
 * earned; base 0 = 100. */
int rewards_arcade_answer(RewardsArcade *a, bool correct, int ms, int limit_ms, int base);

/* Totals the achievements are judged on; the store keeps them. */
typedef struct RewardsStats {
    int answers;              /* answers given, all modes */
    int right;                /* of which right */
    int drill_sessions;       /* finished daily drills */
    int diagnostics;          /* finished diagnostics */
    int mocks;                /* finished mock exams */
    int best_mock;            /* best mock scaled score, 0 if none */
    int mocks_ready_in_a_row; /* latest run of mocks at the ready score (750) */
    bool last_mock_all_meet;  /* the last mock met competencies in every domain */
    int best_streak;
    int best_combo;           /* arcade */
    int best_arcade_points;   /* one arcade round */
    int top_box_items;        /* items in the top Leitner box */
    int level;
} RewardsStats;

typedef enum RewardsStat {
    REWARDS_STAT_ANSWERS,
    REWARDS_STAT_RIGHT,
    REWARDS_STAT_DRILL_SESSIONS,
    REWARDS_STAT_DIAGNOSTICS,
    REWARDS_STAT_MOCKS,
    REWARDS_STAT_BEST_MOCK,
    REWARDS_STAT_MOCKS_READY_IN_A_ROW,
    REWARDS_STAT_LAST_MOCK_ALL_MEET,
    REWARDS_STAT_BEST_STREAK,
    REWARDS_STAT_BEST_COMBO,
    REWARDS_STAT_BEST_ARCADE_POINTS,
    REWARDS_STAT_TOP_BOX_ITEMS,
    REWARDS_STAT_LEVEL,
} RewardsStat;

/* An achievement is earned when stats[stat] >= threshold. */
typedef struct RewardsAchievement {
    const char *id;           /* stable, stored */
    const char *title;
    const char *description;
    RewardsStat stat;
    int threshold;
} RewardsAchievement;

/* Returns the number of achievements (at most 32). */
int rewards_achievement_count(void);
/* Returns achievement i (static storage), or NULL when out of range. */
const RewardsAchievement *rewards_achievement(int i);
/* Returns the value of one statistic (bools as 0/1). */
int rewards_stat_value(const RewardsStats *stats, RewardsStat stat);
/* Returns a bit mask of earned achievements (bit i = achievement i).
 * Newly earned ones are rewards_earned(after) & ~rewards_earned(before). */
uint32_t rewards_earned(const RewardsStats *stats);

#endif
