/* A tiny particle system for celebrations (right answers, level-ups, new
 * bests). Off when the reduce-motion setting is on. */
#ifndef CLOUDPREP_PARTICLES_H
#define CLOUDPREP_PARTICLES_H

#include <SDL.h>
#include <stdbool.h>

#include "app.h"

#define PARTICLES_MAX 256

typedef struct Particle {
    float x, y, vx, vy, life, max_life, size;
    SDL_Color color;
} Particle;

typedef struct Particles {
    Particle p[PARTICLES_MAX];
    int count;
} Particles;

/* Emits `n` particles from (x, y) in the theme's festive colours; nothing
 * when reduce motion is on. */
void particles_burst(App *app, Particles *ps, float x, float y, int n, float speed);
/* Advances them; returns true while any is alive. */
bool particles_update(Particles *ps, int dt_ms);
void particles_draw(App *app, const Particles *ps);

#endif
