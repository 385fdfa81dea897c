/* Audio: sound effects through SDL_mixer, synthesised at start-up by the
 * core's sfx module. Without an audio device it stays silent and says why
 * once; the game never depends on sound. */
#ifndef CLOUDPREP_AUDIO_H
#define CLOUDPREP_AUDIO_H

#include <stdbool.h>

#include "sfx.h"

typedef struct Audio Audio;

/* Opens the mixer and renders the effects. Returns an Audio that may be
 * silent (no device); never NULL unless out of memory. */
Audio *audio_setup(void);
void audio_shutdown(Audio *audio);
/* Plays an effect at volume 0-100 (no-op when silent). */
void audio_play(Audio *audio, SfxId id, int volume);
/* True when a device is open. */
bool audio_available(const Audio *audio);

#endif
