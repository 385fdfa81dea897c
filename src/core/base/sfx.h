/* Sound effects synthesised from a few notes, so cloudprep ships no audio
 * files: pure functions that render 16-bit mono PCM. The app hands the
 * samples to SDL_mixer; tests check lengths and levels. */
#ifndef CLOUDPREP_SFX_H
#define CLOUDPREP_SFX_H

#include <stdint.h>

typedef enum SfxId {
    SFX_CORRECT, SFX_WRONG, SFX_COMBO, SFX_TICK, SFX_LEVEL_UP, SFX_CLICK, SFX_END, SFX_FLIP,
    SFX_COUNT
} SfxId;

/* Number of samples sound `id` needs at `rate` Hz. */
int sfx_length(SfxId id, int rate);
/* Renders sound `id` into out[0..max) at `rate` Hz; returns samples written. */
int sfx_render(SfxId id, int rate, int16_t *out, int max);

#endif
