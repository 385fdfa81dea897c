/* Every screen of the game, declared in one place. */
#ifndef CLOUDPREP_SCREENS_H
#define CLOUDPREP_SCREENS_H

#include "screen.h"

extern const Screen SCREEN_HOME;
extern const Screen SCREEN_DRILL __attribute__((weak));
extern const Screen SCREEN_ARCADE __attribute__((weak));
extern const Screen SCREEN_ARCADE_END __attribute__((weak));
extern const Screen SCREEN_MOCK_START __attribute__((weak));
extern const Screen SCREEN_DIAGNOSTIC __attribute__((weak));
extern const Screen SCREEN_STATS __attribute__((weak));
extern const Screen SCREEN_SETTINGS __attribute__((weak));

#endif
