/* Settings: what they are, their defaults and ranges, and loading and
 * saving them through the store's settings table, so they survive a
 * restart. The learner makes one daily commitment, minutes a day; the day's
 * answer goal, the daily drill's length and its new items follow from it
 * (prefs_study and the study rules). */
#ifndef CLOUDPREP_PREFS_H
#define CLOUDPREP_PREFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "study.h"

typedef struct Store Store;

#define PREFS_MINUTES_DEFAULT 20   /* 40 answers a day */
#define PREFS_MINUTES_MIN 5
#define PREFS_MINUTES_MAX 240
#define PREFS_MINUTES_STEP 5

typedef struct Settings {
    int ui_scale_pct;       /* 100 = normal text size */
    bool high_contrast;
    bool reduce_motion;
    bool muted;
    int volume;             /* 0..100 */
    bool fullscreen;
    bool esl;               /* +30 minutes in mock exams */
    int64_t exam_date;      /* Unix seconds at local midnight, 0 = none */
    int daily_minutes;      /* the daily commitment, PREFS_MINUTES_MIN..MAX */
    bool ask_sure;          /* drills offer "Sure" before an answer is submitted */
} Settings;

/* Fills *out with the defaults, then with what the store holds (clamped to
 * each setting's range). A file from before the daily commitment, with a
 * "daily_goal" but no "daily_minutes", gets the minutes that goal takes
 * (rounded up to PREFS_MINUTES_STEP). `st` may be NULL: defaults only. */
void prefs_load(Store *st, Settings *out);
/* Writes the settings that differ from what the store holds, and the
 * day's answer goal the minutes give as "daily_goal" (the store counts a
 * day's goal_met by it). Returns false
 * (with the store's message in `why`) when one could not be written; a
 * read-only or missing store saves nothing and returns true. */
bool prefs_save(Store *st, const Settings *s, char *why, size_t why_size);
/* The settings the study rules read: the answer goal is the answers the
 * minutes hold (plan_items_per_day); the drill length and new items are
 * left to the rules (0: from the goal, study_session_size and
 * study_new_quota). */
StudyPrefs prefs_study(const Settings *s);

#endif
