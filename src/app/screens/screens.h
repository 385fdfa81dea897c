/* Every screen of the game, declared in one place. */
#ifndef CLOUDPREP_SCREENS_H
#define CLOUDPREP_SCREENS_H

#include "screen.h"

extern const Screen SCREEN_HOME;
/* What a drill over chosen items asks: `count` bank indices (not owned;
 * copied when the drill begins), the first `missed` of them missed today
 * (all of them for an exam's misses). */
typedef struct DrillLaunch {
    const int *items;
    int count;
    int missed;
    const char *title;   /* the drill's name ("Contrast drill"), a literal; NULL: named by its kind */
} DrillLaunch;
/* push arg: NULL for the daily drill, or a const DrillLaunch * for a drill
 * of those items only (an exam's misses, one domain, a contrast drill). */
extern const Screen SCREEN_DRILL;
extern const Screen SCREEN_ARCADE;
extern const Screen SCREEN_ARCADE_END;
extern const Screen SCREEN_MOCK_START;
extern const Screen SCREEN_DIAGNOSTIC;
extern const Screen SCREEN_STATS;
extern const Screen SCREEN_SETTINGS;
extern const Screen SCREEN_REPORT;   /* report.h: the "report a doubt" form */

#endif
