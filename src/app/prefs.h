/* Settings: their defaults, and loading and saving them through the store's
 * settings table, so they survive a restart. */
#ifndef CLOUDPREP_PREFS_H
#define CLOUDPREP_PREFS_H

#include "app.h"

/* Fills app->settings with defaults, then with what the store holds. */
void prefs_load(App *app);

#endif
