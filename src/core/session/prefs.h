/* Settings: what they are, their defaults and ranges, and loading and
 * saving them through the store's settings table, so they survive a
 * restart. */
#ifndef CLOUDPREP_PREFS_H
#define CLOUDPREP_PREFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "study.h"

typedef struct Store Store;

typedef struct Settings {
    int ui_scale_pct;       /* 100 = normal text size */
    bool high_contrast;
    bool reduce_motion;
    bool muted;
    int volume;             /* 0..100 */
    bool fullscreen;
    bool esl;               /* +30 minutes in mock exams */
    int daily_goal;         /* drill answers a day */
    int new_per_day;
    int drill_size;
    int64_t exam_date;      /* Unix seconds at local midnight, 0 = none */
    int daily_minutes;
    bool ask_sure;          /* drills offer "Sure" before an answer is submitted */
} Settings;

/* Fills *out with the defaults, then with what the store holds (clamped to
 * each setting's range). `st` may be NULL: defaults only. */
void prefs_load(Store *st, Settings *out);
/* Writes the settings that differ from what the store holds. Returns false
 * (with the store's message in `why`) when one could not be written; a
 * read-only or missing store saves nothing and returns true. */
bool prefs_save(Store *st, const Settings *s, char *why, size_t why_size);
/* The settings the study rules read. */
StudyPrefs prefs_study(const Settings *s);

#endif
