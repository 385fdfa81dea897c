/* The table of screens, for `expect NAME` in headless scripts. Adding a
 * screen adds one line here. */
#include "screen.h"

#include <string.h>

#include "exam.h"
#include "report.h"
#include "screens.h"

static const Screen *const ALL_SCREENS[] = {
    &SCREEN_HOME, &SCREEN_DRILL, &SCREEN_ARCADE, &SCREEN_MOCK_START, &SCREEN_DIAGNOSTIC,
    &SCREEN_STATS, &SCREEN_SETTINGS, &SCREEN_EXAM, &SCREEN_REVIEW, &SCREEN_RESULTS, &SCREEN_ANSWERS,
    &SCREEN_QUESTIONS, &SCREEN_PLAN, &SCREEN_ARCADE_END, &SCREEN_REPORT, &SCREEN_TIME_UP,
};

const Screen *screen_by_name(const char *name)
{
    for (size_t i = 0; i < sizeof ALL_SCREENS / sizeof ALL_SCREENS[0]; i++)
        if (strcmp(ALL_SCREENS[i]->name, name) == 0)
            return ALL_SCREENS[i];
    return NULL;
}
