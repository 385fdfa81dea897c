/* Each effect is a short list of notes (frequency, start, length, wave);
 * notes are summed with a fast attack and exponential decay so they sound
 * like plucks and chimes rather than raw beeps. */
#include "sfx.h"

#include <math.h>
#include <stddef.h>

typedef enum Wave { WAVE_SINE, WAVE_SQUARE, WAVE_NOISE, WAVE_SAW } Wave;

typedef struct Note {
    float freq;     /* Hz; 0 ends the list */
    float start;    /* seconds */
    float length;   /* seconds */
    float volume;   /* 0..1 */
    Wave wave;
    float slide;    /* frequency multiplier per second (1 = none) */
} Note;

#define NOTES_MAX 6

static const Note SOUNDS[SFX_COUNT][NOTES_MAX] = {
    [SFX_CORRECT] = {{659.3f, 0.00f, 0.16f, 0.45f, WAVE_SINE, 1}, {987.8f, 0.08f, 0.28f, 0.45f, WAVE_SINE, 1}},
    [SFX_WRONG] = {{196.0f, 0.00f, 0.30f, 0.35f, WAVE_SAW, 0.7f}, {185.0f, 0.02f, 0.30f, 0.25f, WAVE_SQUARE, 0.7f}},
    [SFX_COMBO] = {{784.0f, 0.00f, 0.10f, 0.35f, WAVE_SINE, 1}, {987.8f, 0.06f, 0.10f, 0.35f, WAVE_SINE, 1},
                   {1174.7f, 0.12f, 0.10f, 0.35f, WAVE_SINE, 1}, {1568.0f, 0.18f, 0.22f, 0.35f, WAVE_SINE, 1}},
    [SFX_TICK] = {{2200.0f, 0.00f, 0.03f, 0.30f, WAVE_SQUARE, 1}},
    [SFX_LEVEL_UP] = {{523.3f, 0.00f, 0.14f, 0.35f, WAVE_SQUARE, 1}, {659.3f, 0.12f, 0.14f, 0.35f, WAVE_SQUARE, 1},
                      {784.0f, 0.24f, 0.14f, 0.35f, WAVE_SQUARE, 1}, {1046.5f, 0.36f, 0.45f, 0.40f, WAVE_SINE, 1},
                      {1318.5f, 0.36f, 0.45f, 0.25f, WAVE_SINE, 1}},
    [SFX_CLICK] = {{1400.0f, 0.00f, 0.025f, 0.25f, WAVE_SINE, 0.5f}},
    [SFX_END] = {{784.0f, 0.00f, 0.18f, 0.35f, WAVE_SINE, 1}, {659.3f, 0.16f, 0.18f, 0.35f, WAVE_SINE, 1},
                 {523.3f, 0.32f, 0.50f, 0.40f, WAVE_SINE, 1}},
    [SFX_FLIP] = {{900.0f, 0.00f, 0.08f, 0.20f, WAVE_NOISE, 1}},
};

static float sound_seconds(SfxId id)
{
    float end = 0;
    for (int i = 0; i < NOTES_MAX && SOUNDS[id][i].freq > 0; i++) {
        float e = SOUNDS[id][i].start + SOUNDS[id][i].length;
        if (e > end)
            end = e;
    }
    return end + 0.02f;
}

int sfx_length(SfxId id, int rate)
{
    if (id < 0 || id >= SFX_COUNT || rate <= 0)
        return 0;
    return (int)(sound_seconds(id) * (float)rate);
}

static float wave_value(Wave w, float phase, uint32_t *noise)
{
    switch (w) {
    case WAVE_SINE: return sinf(phase * 2.0f * (float)M_PI);
    case WAVE_SQUARE: return phase - floorf(phase) < 0.5f ? 0.6f : -0.6f;
    case WAVE_SAW: return 2.0f * (phase - floorf(phase)) - 1.0f;
    case WAVE_NOISE:
        *noise = *noise * 1664525u + 1013904223u;
        return (float)(*noise >> 8) / 8388608.0f - 1.0f;
    }
    return 0;
}

int sfx_render(SfxId id, int rate, int16_t *out, int max)
{
    int n = sfx_length(id, rate);
    if (n > max)
        n = max;
    for (int s = 0; s < n; s++)
        out[s] = 0;
    uint32_t noise = 12345u;
    for (int i = 0; i < NOTES_MAX && SOUNDS[id][i].freq > 0; i++) {
        const Note *note = &SOUNDS[id][i];
        int first = (int)(note->start * (float)rate);
        int count = (int)(note->length * (float)rate);
        float phase = 0;
        for (int k = 0; k < count && first + k < n; k++) {
            float t = (float)k / (float)rate;
            float freq = note->freq * powf(note->slide, t);
            phase += freq / (float)rate;
            float attack = t < 0.005f ? t / 0.005f : 1.0f;
            float decay = expf(-4.0f * t / note->length);
            float v = wave_value(note->wave, phase, &noise) * note->volume * attack * decay;
            int sample = out[first + k] + (int)(v * 32767.0f * 0.8f);
            out[first + k] = (int16_t)(sample > 32767 ? 32767 : sample < -32768 ? -32768 : sample);
        }
    }
    return n;
}
