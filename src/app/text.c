/* Text rendering with SDL_ttf. Each distinct (font, string) is rendered once
 * to a white texture and tinted when drawn; a small set-associative cache
 * keeps them, evicting the least recently used. Wrapped layouts are cached
 * too, so a long explanation is measured once, not every frame. */
#include "text.h"

#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "textwrap.h"

#define CACHE_SLOTS 1024
#define CACHE_WAYS 8
#define WRAP_SLOTS 128
#define WRAP_MAX_LINES 256

typedef struct CachedText {
    uint64_t hash;
    int role;
    char *str;
    SDL_Texture *tex;
    int w, h;
    uint64_t last_frame;
} CachedText;

typedef struct CachedWrap {
    uint64_t hash;
    int role, width;
    char *str;
    TextLine *lines;
    int count;
} CachedWrap;

struct TextCache {
    TTF_Font *fonts[FONT_COUNT];
    char font_dir[512];
    CachedText slots[CACHE_SLOTS];
    CachedWrap wraps[WRAP_SLOTS];
    uint64_t frame;
    long renders;
};

static const float FONT_SIZES[FONT_COUNT] = {15.0f, 19.0f, 19.0f, 30.0f, 68.0f};
static const bool FONT_BOLD[FONT_COUNT] = {false, false, true, true, true};

static uint64_t hash_string(const char *s, uint64_t seed)
{
    uint64_t h = 1469598103934665603ULL ^ seed;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static void close_fonts(TextCache *tc)
{
    for (int i = 0; i < FONT_COUNT; i++) {
        if (tc->fonts[i])
            TTF_CloseFont(tc->fonts[i]);
        tc->fonts[i] = NULL;
    }
}

static void clear_caches(TextCache *tc)
{
    for (int i = 0; i < CACHE_SLOTS; i++) {
        if (tc->slots[i].tex)
            SDL_DestroyTexture(tc->slots[i].tex);
        free(tc->slots[i].str);
    }
    memset(tc->slots, 0, sizeof tc->slots);
    for (int i = 0; i < WRAP_SLOTS; i++) {
        free(tc->wraps[i].str);
        free(tc->wraps[i].lines);
    }
    memset(tc->wraps, 0, sizeof tc->wraps);
}

static bool open_fonts(App *app, char *err, size_t err_size)
{
    TextCache *tc = app->text;
    for (int i = 0; i < FONT_COUNT; i++) {
        char path[600];
        snprintf(path, sizeof path, "%s/%s", tc->font_dir,
                 FONT_BOLD[i] ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf");
        int size = (int)(FONT_SIZES[i] * app->scale + 0.5f);
        tc->fonts[i] = TTF_OpenFont(path, size < 6 ? 6 : size);
        if (!tc->fonts[i]) {
            snprintf(err, err_size, "cannot open font %s: %s", path, TTF_GetError());
            close_fonts(tc);
            return false;
        }
        TTF_SetFontHinting(tc->fonts[i], TTF_HINTING_LIGHT);
    }
    return true;
}

bool text_setup(App *app, const char *font_dir, char *err, size_t err_size)
{
    if (TTF_Init() != 0) {
        snprintf(err, err_size, "SDL_ttf: %s", TTF_GetError());
        return false;
    }
    app->text = calloc(1, sizeof *app->text);
    if (!app->text) {
        snprintf(err, err_size, "out of memory");
        return false;
    }
    snprintf(app->text->font_dir, sizeof app->text->font_dir, "%s", font_dir);
    if (!open_fonts(app, err, err_size)) {
        free(app->text);
        app->text = NULL;
        return false;
    }
    return true;
}

void text_shutdown(App *app)
{
    if (!app->text)
        return;
    clear_caches(app->text);
    close_fonts(app->text);
    free(app->text);
    app->text = NULL;
    TTF_Quit();
}

void text_rescale(App *app)
{
    char err[256];
    clear_caches(app->text);
    close_fonts(app->text);
    if (!open_fonts(app, err, sizeof err))
        SDL_Log("cloudprep: %s", err);
}

void text_shutdown_cache(App *app)
{
    clear_caches(app->text);
}

int text_line_height(App *app, FontRole role)
{
    return TTF_FontLineSkip(app->text->fonts[role]);
}

static CachedText *lookup(App *app, FontRole role, const char *s)
{
    TextCache *tc = app->text;
    uint64_t h = hash_string(s, (uint64_t)role);
    size_t base = (size_t)(h % (CACHE_SLOTS / CACHE_WAYS)) * CACHE_WAYS;
    CachedText *victim = &tc->slots[base];
    for (size_t i = base; i < base + CACHE_WAYS; i++) {
        CachedText *c = &tc->slots[i];
        if (c->str && c->hash == h && c->role == (int)role && strcmp(c->str, s) == 0) {
            c->last_frame = tc->frame;
            return c;
        }
        if (!c->str || c->last_frame < victim->last_frame)
            victim = c;
        if (!c->str)
            break;
    }
    if (victim->tex)
        SDL_DestroyTexture(victim->tex);
    free(victim->str);
    memset(victim, 0, sizeof *victim);
    SDL_Color white = {255, 255, 255, 255};
    SDL_Surface *surf = TTF_RenderUTF8_Blended(tc->fonts[role], s, white);
    if (!surf)
        return NULL;
    size_t n = strlen(s) + 1;
    victim->str = malloc(n);
    victim->tex = SDL_CreateTextureFromSurface(app->renderer, surf);
    victim->w = surf->w;
    victim->h = surf->h;
    SDL_FreeSurface(surf);
    if (!victim->str || !victim->tex) {
        if (victim->tex)
            SDL_DestroyTexture(victim->tex);
        free(victim->str);
        memset(victim, 0, sizeof *victim);
        return NULL;
    }
    memcpy(victim->str, s, n);
    victim->hash = h;
    victim->role = (int)role;
    victim->last_frame = tc->frame;
    tc->renders++;
    return victim;
}

void text_size(App *app, FontRole role, const char *s, int *w, int *h)
{
    if (!*s) {
        *w = 0;
        *h = text_line_height(app, role);
        return;
    }
    if (TTF_SizeUTF8(app->text->fonts[role], s, w, h) != 0) {
        *w = 0;
        *h = text_line_height(app, role);
    }
}

int text_draw(App *app, FontRole role, const char *s, int x, int y, SDL_Color color,
              TextAlign align)
{
    if (!s || !*s)
        return 0;
    CachedText *c = lookup(app, role, s);
    if (!c)
        return 0;
    SDL_Rect dst = {x, y, c->w, c->h};
    if (align == ALIGN_CENTER)
        dst.x = x - c->w / 2;
    else if (align == ALIGN_RIGHT)
        dst.x = x - c->w;
    SDL_SetTextureColorMod(c->tex, color.r, color.g, color.b);
    SDL_SetTextureAlphaMod(c->tex, color.a);
    SDL_RenderCopy(app->renderer, c->tex, NULL, &dst);
    return c->w;
}

typedef struct MeasureCtx {
    TTF_Font *font;
    char buf[2048];
} MeasureCtx;

static int measure_ttf(void *ctx, const char *text, size_t len)
{
    MeasureCtx *m = ctx;
    if (len >= sizeof m->buf)
        len = sizeof m->buf - 1;
    memcpy(m->buf, text, len);
    m->buf[len] = '\0';
    int w = 0, h = 0;
    if (len > 0 && TTF_SizeUTF8(m->font, m->buf, &w, &h) != 0)
        return 0;
    return w;
}

static CachedWrap *wrap(App *app, FontRole role, const char *s, int width)
{
    TextCache *tc = app->text;
    uint64_t h = hash_string(s, (uint64_t)role * 131u + (uint64_t)width);
    CachedWrap *c = &tc->wraps[h % WRAP_SLOTS];
    if (c->str && c->hash == h && c->role == (int)role && c->width == width &&
        strcmp(c->str, s) == 0)
        return c;
    free(c->str);
    free(c->lines);
    memset(c, 0, sizeof *c);
    MeasureCtx m;
    m.font = tc->fonts[role];
    TextLine tmp[WRAP_MAX_LINES];
    int count = textwrap_lines(s, width, measure_ttf, &m, tmp, WRAP_MAX_LINES);
    if (count > WRAP_MAX_LINES)
        count = WRAP_MAX_LINES;
    size_t n = strlen(s) + 1;
    c->str = malloc(n);
    c->lines = malloc(sizeof(TextLine) * (size_t)(count > 0 ? count : 1));
    if (!c->str || !c->lines) {
        free(c->str);
        free(c->lines);
        memset(c, 0, sizeof *c);
        return NULL;
    }
    memcpy(c->str, s, n);
    memcpy(c->lines, tmp, sizeof(TextLine) * (size_t)count);
    c->count = count;
    c->hash = h;
    c->role = (int)role;
    c->width = width;
    return c;
}

int text_wrapped_height(App *app, FontRole role, const char *s, int width)
{
    CachedWrap *c = wrap(app, role, s, width);
    return c ? c->count * text_line_height(app, role) : 0;
}

int text_draw_wrapped(App *app, FontRole role, const char *s, int x, int y, int width,
                      SDL_Color color, int clip_top, int clip_bottom)
{
    CachedWrap *c = wrap(app, role, s, width);
    if (!c)
        return 0;
    int lh = text_line_height(app, role);
    char line[1024];
    for (int i = 0; i < c->count; i++) {
        int ly = y + i * lh;
        if (ly + lh < clip_top || ly > clip_bottom)
            continue;
        size_t len = c->lines[i].len < sizeof line - 1 ? c->lines[i].len : sizeof line - 1;
        memcpy(line, c->str + c->lines[i].start, len);
        line[len] = '\0';
        text_draw(app, role, line, x, ly, color, ALIGN_LEFT);
    }
    return c->count * lh;
}

void text_frame_done(App *app)
{
    app->text->frame++;
}

long text_renders(const App *app)
{
    return app->text->renders;
}
