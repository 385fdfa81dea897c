/* SDL_mixer wrapper. Effects are rendered once into WAV images in memory and
 * loaded with Mix_LoadWAV_RW, which converts to whatever format the device
 * opened with. */
#include "audio.h"

#include <SDL.h>
#include <SDL_mixer.h>
#include <stdlib.h>
#include <string.h>

#define AUDIO_RATE 44100

struct Audio {
    bool open;
    Mix_Chunk *chunks[SFX_COUNT];
};

static void put_u32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

static void put_u16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8);
}

/* Builds a mono 16-bit WAV image of effect `id` and loads it as a chunk. */
static Mix_Chunk *make_chunk(SfxId id)
{
    int n = sfx_length(id, AUDIO_RATE);
    uint32_t data_bytes = (uint32_t)n * 2;
    uint8_t *wav = malloc(44 + data_bytes);
    if (!wav)
        return NULL;
    memcpy(wav, "RIFF", 4); put_u32(wav + 4, 36 + data_bytes);
    memcpy(wav + 8, "WAVEfmt ", 8); put_u32(wav + 16, 16);
    put_u16(wav + 20, 1); put_u16(wav + 22, 1); put_u32(wav + 24, AUDIO_RATE);
    put_u32(wav + 28, AUDIO_RATE * 2); put_u16(wav + 32, 2); put_u16(wav + 34, 16);
    memcpy(wav + 36, "data", 4); put_u32(wav + 40, data_bytes);
    int16_t *samples = malloc(data_bytes ? data_bytes : 2);
    if (!samples) {
        free(wav);
        return NULL;
    }
    sfx_render(id, AUDIO_RATE, samples, n);
    for (int i = 0; i < n; i++)
        put_u16(wav + 44 + i * 2, (uint16_t)samples[i]);
    free(samples);
    Mix_Chunk *chunk = Mix_LoadWAV_RW(SDL_RWFromConstMem(wav, (int)(44 + data_bytes)), 1);
    free(wav);
    return chunk;
}

Audio *audio_setup(void)
{
    Audio *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        SDL_Log("cloudprep: no audio (%s); continuing silently", SDL_GetError());
        return a;
    }
    if (Mix_OpenAudio(AUDIO_RATE, AUDIO_S16SYS, 2, 1024) != 0) {
        SDL_Log("cloudprep: no audio device (%s); continuing silently", Mix_GetError());
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return a;
    }
    Mix_AllocateChannels(16);
    a->open = true;
    for (int i = 0; i < SFX_COUNT; i++)
        a->chunks[i] = make_chunk((SfxId)i);
    return a;
}

void audio_shutdown(Audio *audio)
{
    if (!audio)
        return;
    if (audio->open) {
        Mix_HaltChannel(-1);
        for (int i = 0; i < SFX_COUNT; i++)
            if (audio->chunks[i])
                Mix_FreeChunk(audio->chunks[i]);
        Mix_CloseAudio();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    }
    free(audio);
}

void audio_play(Audio *audio, SfxId id, int volume)
{
    if (!audio || !audio->open || id < 0 || id >= SFX_COUNT || !audio->chunks[id] || volume <= 0)
        return;
    Mix_VolumeChunk(audio->chunks[id], volume * MIX_MAX_VOLUME / 100);
    Mix_PlayChannel(-1, audio->chunks[id], 0);
}

bool audio_available(const Audio *audio)
{
    return audio && audio->open;
}
