/* Text: fonts by role, a cache of rendered lines (one texture per string
 * and colour: SDL's software renderer draws untinted textures much faster),
 * and word wrapping through the core's textwrap with a cache of wrapped
 * layouts. */
#ifndef CLOUDPREP_TEXT_H
#define CLOUDPREP_TEXT_H

#include <SDL.h>
#include <stdbool.h>

#include "app.h"

typedef enum TextAlign { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } TextAlign;

/* Opens the fonts in `font_dir` at the App's scale. Returns false with a
 * message in `err` when a font cannot be opened. */
bool text_setup(App *app, const char *font_dir, char *err, size_t err_size);
/* Closes fonts, frees the caches. */
void text_shutdown(App *app);
/* Reopens the fonts at the App's current scale and empties the caches. */
void text_rescale(App *app);
/* Destroys every cached texture (before the renderer goes away). */
void text_shutdown_cache(App *app);
/* Line height of a font role in pixels. */
int text_line_height(App *app, FontRole role);
/* Width and height of one line of text. */
void text_size(App *app, FontRole role, const char *s, int *w, int *h);
/* Draws one line; returns its width. `alpha` 0-255. */
int text_draw(App *app, FontRole role, const char *s, int x, int y, SDL_Color color,
              TextAlign align);
/* Draws text wrapped to `width` starting at (x, y); returns the height used.
 * Lines above clip_top or below clip_bottom are skipped (pass 0, app->h for none). */
int text_draw_wrapped(App *app, FontRole role, const char *s, int x, int y, int width,
                      SDL_Color color, int clip_top, int clip_bottom);
/* Height the wrapped text would take. */
int text_wrapped_height(App *app, FontRole role, const char *s, int width);
/* A square texture (side in *side) of the solid colour c (its alpha is
 * ignored), for translucent fills drawn as tiled copies with an alpha mod,
 * which SDL's software renderer blends several times faster than a blended
 * fill. Returns NULL unless the renderer is the software one (or on
 * failure): fill the usual way then. Owned by the cache, valid until the
 * next call. */
SDL_Texture *text_solid_texture(App *app, SDL_Color c, int *side);
/* Advances the cache's clock (the least recently drawn lines are dropped
 * first when it is full); call once per drawn frame. */
void text_frame_done(App *app);
/* Statistics for tests and benchmarks: textures rendered since setup. */
long text_renders(const App *app);

#endif
