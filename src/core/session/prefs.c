/* Settings persistence. Each setting is one row of the store's settings
 * table (key, value); unknown or missing keys fall back to the defaults, and
 * values are clamped to their sane range when read. */
#include "prefs.h"

#include <stdio.h>
#include <string.h>

#include "plan.h"
#include "store.h"

#define MISSING INT64_MIN

typedef struct IntPref {
    const char *key;
    size_t offset;     /* of an int or bool inside Settings */
    bool is_bool;
    int def, min, max;
} IntPref;

#define INT_PREF(field, def, min, max) {#field, offsetof(Settings, field), false, def, min, max}
#define BOOL_PREF(field, def) {#field, offsetof(Settings, field), true, def, 0, 1}

static const IntPref PREFS[] = {
    INT_PREF(ui_scale_pct, 100, 75, 200),
    BOOL_PREF(high_contrast, 0),
    BOOL_PREF(reduce_motion, 0),
    BOOL_PREF(muted, 0),
    INT_PREF(volume, 70, 0, 100),
    BOOL_PREF(fullscreen, 0),
    BOOL_PREF(esl, 0),
    INT_PREF(daily_minutes, PREFS_MINUTES_DEFAULT, PREFS_MINUTES_MIN, PREFS_MINUTES_MAX),
    BOOL_PREF(ask_sure, 1),
};

static int clamp(int64_t v, int min, int max)
{
    return v < min ? min : v > max ? max : (int)v;
}

/* The minutes an older file's answer goal takes, when it has no minutes. */
static void minutes_from_goal(Store *st, Settings *s)
{
    if (store_get_int(st, "daily_minutes", MISSING) != MISSING)
        return;
    int64_t goal = store_get_int(st, "daily_goal", MISSING);
    if (goal == MISSING || goal <= 0)
        return;
    int64_t seconds = goal > 100000 ? 100000 * PLAN_SECONDS_PER_ITEM : goal * PLAN_SECONDS_PER_ITEM;
    int64_t step = PREFS_MINUTES_STEP * 60;
    s->daily_minutes = clamp((seconds + step - 1) / step * PREFS_MINUTES_STEP, PREFS_MINUTES_MIN, PREFS_MINUTES_MAX);
}

void prefs_load(Store *st, Settings *s)
{
    memset(s, 0, sizeof *s);
    for (size_t i = 0; i < sizeof PREFS / sizeof PREFS[0]; i++) {
        const IntPref *p = &PREFS[i];
        int64_t v = st ? store_get_int(st, p->key, p->def) : p->def;
        char *field = (char *)s + p->offset;
        if (p->is_bool)
            *(bool *)field = v != 0;
        else
            *(int *)field = clamp(v, p->min, p->max);
    }
    s->exam_date = st ? store_get_int(st, "exam_date", 0) : 0;
    if (st)
        minutes_from_goal(st, s);
}

static bool save_int(Store *st, const char *key, int64_t def, int64_t v, char *why, size_t why_size)
{
    if (store_get_int(st, key, def) == v || store_set_int(st, key, v) == STORE_OK)
        return true;
    snprintf(why, why_size, "%s", store_error_message(st));
    return false;
}

bool prefs_save(Store *st, const Settings *s, char *why, size_t why_size)
{
    if (!st || !store_is_writable(st))
        return true;
    for (size_t i = 0; i < sizeof PREFS / sizeof PREFS[0]; i++) {
        const IntPref *p = &PREFS[i];
        const char *field = (const char *)s + p->offset;
        int64_t v = p->is_bool ? (int64_t)*(const bool *)field : (int64_t)*(const int *)field;
        /* The minutes are written whenever the file has none, the default
         * too: else an older file's goal would decide them again. */
        int64_t def = strcmp(p->key, "daily_minutes") == 0 ? MISSING : p->def;
        if (!save_int(st, p->key, def, v, why, why_size))
            return false;
    }
    return save_int(st, "exam_date", 0, s->exam_date, why, why_size) &&
           save_int(st, "daily_goal", STORE_DEFAULT_DAILY_GOAL, plan_items_per_day(s->daily_minutes), why, why_size);
}

StudyPrefs prefs_study(const Settings *s)
{
    return (StudyPrefs){
        .daily_goal = plan_items_per_day(s->daily_minutes),
        .exam_date = s->exam_date,
        .daily_minutes = s->daily_minutes,
        .ask_sure = s->ask_sure,
    };
}
