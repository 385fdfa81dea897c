/* Particles fly out, fall under a little gravity and fade. */
#include "particles.h"

#include <math.h>

#include "ui.h"

void particles_burst(App *app, Particles *ps, float x, float y, int n, float speed)
{
    if (app->settings.reduce_motion)
        return;
    const SDL_Color palette[] = {app->theme.accent, app->theme.accent2, app->theme.good, app->theme.warn};
    for (int i = 0; i < n && ps->count < PARTICLES_MAX; i++) {
        Particle *p = &ps->p[ps->count++];
        float angle = (float)rng_unit(&app->rng) * 2.0f * (float)M_PI;
        float v = speed * (0.35f + (float)rng_unit(&app->rng) * 0.65f) * app->scale;
        p->x = x;
        p->y = y;
        p->vx = cosf(angle) * v;
        p->vy = sinf(angle) * v - speed * 0.3f * app->scale;
        p->max_life = p->life = 500.0f + (float)rng_unit(&app->rng) * 500.0f;
        p->size = (2.0f + (float)rng_unit(&app->rng) * 3.5f) * app->scale;
        p->color = palette[rng_below(&app->rng, 4)];
    }
}

bool particles_update(Particles *ps, int dt_ms)
{
    float dt = (float)dt_ms / 1000.0f;
    int live = 0;
    for (int i = 0; i < ps->count; i++) {
        Particle p = ps->p[i];
        p.life -= (float)dt_ms;
        if (p.life <= 0)
            continue;
        p.vy += 900.0f * dt;
        p.x += p.vx * dt;
        p.y += p.vy * dt;
        ps->p[live++] = p;
    }
    ps->count = live;
    return live > 0;
}

void particles_draw(App *app, const Particles *ps)
{
    for (int i = 0; i < ps->count; i++) {
        const Particle *p = &ps->p[i];
        int a = (int)(255.0f * p->life / p->max_life);
        ui_circle(app, p->x, p->y, p->size, ui_alpha(p->color, a));
    }
}
