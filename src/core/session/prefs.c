/* Settings persistence. Each setting is one row of the store's settings
 * table (key, value); unknown or missing keys fall back to the defaults, and
 * values are clamped to their sane range when read. */
#include "prefs.h"

#include <stdio.h>
#include <string.h>

#include "store.h"

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
    INT_PREF(daily_goal, 20, 5, 200),
    INT_PREF(new_per_day, 15, 0, 100),
    INT_PREF(drill_size, 20, 5, 100),
    INT_PREF(daily_minutes, 30, 5, 600),
    BOOL_PREF(ask_sure, 1),
};

static int clamp(int64_t v, int min, int max)
{
    return v < min ? min : v > max ? max : (int)v;
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
}

bool prefs_save(Store *st, const Settings *s, char *why, size_t why_size)
{
    if (!st || !store_is_writable(st))
        return true;
    for (size_t i = 0; i < sizeof PREFS / sizeof PREFS[0]; i++) {
        const IntPref *p = &PREFS[i];
        const char *field = (const char *)s + p->offset;
        int64_t v = p->is_bool ? (int64_t)*(const bool *)field : (int64_t)*(const int *)field;
        if (store_get_int(st, p->key, p->def) != v && store_set_int(st, p->key, v) != STORE_OK) {
            snprintf(why, why_size, "%s", store_error_message(st));
            return false;
        }
    }
    if (store_get_int(st, "exam_date", 0) != s->exam_date && store_set_int(st, "exam_date", s->exam_date) != STORE_OK) {
        snprintf(why, why_size, "%s", store_error_message(st));
        return false;
    }
    return true;
}

StudyPrefs prefs_study(const Settings *s)
{
    return (StudyPrefs){
        .daily_goal = s->daily_goal,
        .new_per_day = s->new_per_day,
        .drill_size = s->drill_size,
        .exam_date = s->exam_date,
        .daily_minutes = s->daily_minutes,
        .ask_sure = s->ask_sure,
    };
}
