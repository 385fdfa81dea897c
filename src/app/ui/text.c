/* Text rendering with SDL_ttf. Each distinct (font, string, colour) is
 * rendered once to a texture in its colour (a tinted white texture would be
 * one texture for every colour, but SDL's software renderer then blends
 * every pixel through its slow modulate path, even the transparent ones); a
 * small set-associative cache keeps them, evicting the least recently used.
 * Wrapped layouts are cached too, so a long explanation is measured once,
 * not every frame. The cache also keeps the few solid-colour textures that
 * ui.c tiles for translucent fills (see text_solid_texture). */
#include "text.h"

#include <SDL_ttf.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "layoutlog.h"
#include "textwrap.h"

#define CACHE_SLOTS 1024
#define CACHE_WAYS 8
#define WRAP_SLOTS 128
#define WRAP_MAX_LINES 256
#define SOLID_SLOTS 8
#define SOLID_SIDE 128
/* Rendered lines are kept up to about this many bytes of pixels (a full
 * 1280x720 screen of text is under 4 MB); beyond it the least recently
 * drawn go. Without a bound a mock exam and its review left ~30 MB of
 * lines nobody would draw again. */
#define CACHE_BUDGET_BYTES (8u * 1024u * 1024u)

typedef struct CachedText {
    uint64_t hash;
    int role;
    Uint32 rgb;             /* 0xRRGGBB the texture was rendered in */
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

typedef struct SolidTexture {
    Uint32 rgb;
    SDL_Texture *tex;
    uint64_t last_frame;
} SolidTexture;

struct TextCache {
    TTF_Font *fonts[FONT_COUNT];
    char font_dir[512];
    CompatMappedFile font_file[2]; /* the regular and bold .ttf files, mapped once */
    CachedText slots[CACHE_SLOTS];
    SolidTexture solids[SOLID_SLOTS];
    CachedWrap wraps[WRAP_SLOTS];
    size_t bytes;               /* pixels held by slots[].tex, 4 bytes each */
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
    tc->bytes = 0;
    for (int i = 0; i < WRAP_SLOTS; i++) {
        free(tc->wraps[i].str);
        free(tc->wraps[i].lines);
    }
    memset(tc->wraps, 0, sizeof tc->wraps);
    for (int i = 0; i < SOLID_SLOTS; i++)
        if (tc->solids[i].tex)
            SDL_DestroyTexture(tc->solids[i].tex);
    memset(tc->solids, 0, sizeof tc->solids);
}

static const char *const FONT_FILES[2] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};

/* Maps both font files into memory once: FreeType then reads glyphs from
 * memory. Through SDL_ttf's file streams every glyph load costs a seek and a
 * read system call, which made the first frame (dozens of new strings)
 * twice as slow. */
static bool map_fonts(TextCache *tc, char *err, size_t err_size)
{
    for (int k = 0; k < 2; k++) {
        if (tc->font_file[k].data)
            continue;
        char path[600];
        snprintf(path, sizeof path, "%s/%s", tc->font_dir, FONT_FILES[k]);
        errno = 0;
        if (!compat_map_file(path, &tc->font_file[k])) {
            snprintf(err, err_size, "cannot open font %s: %s", path,
                     errno == EFBIG ? "empty or too large" : strerror(errno));
            return false;
        }
    }
    return true;
}

static void unmap_fonts(TextCache *tc)
{
    for (int k = 0; k < 2; k++)
        compat_unmap_file(&tc->font_file[k]);
}

static bool open_fonts(App *app, char *err, size_t err_size)
{
    TextCache *tc = app->text;
    if (!map_fonts(tc, err, err_size))
        return false;
    for (int i = 0; i < FONT_COUNT; i++) {
        int k = FONT_BOLD[i] ? 1 : 0;
        int size = (int)(FONT_SIZES[i] * app->scale + 0.5f);
        SDL_RWops *rw = SDL_RWFromConstMem(tc->font_file[k].data, (int)tc->font_file[k].size);
        tc->fonts[i] = rw ? TTF_OpenFontRW(rw, 1, size < 6 ? 6 : size) : NULL;
        if (!tc->fonts[i]) {
            snprintf(err, err_size, "cannot open font %s/%s: %s", tc->font_dir, FONT_FILES[k], TTF_GetError());
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
        unmap_fonts(app->text);
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
    unmap_fonts(app->text);
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

static size_t entry_bytes(const CachedText *c)
{
    return (size_t)c->w * (size_t)c->h * 4u;
}

static void drop_entry(TextCache *tc, CachedText *c)
{
    if (c->tex) {
        SDL_DestroyTexture(c->tex);
        tc->bytes -= entry_bytes(c);
    }
    free(c->str);
    memset(c, 0, sizeof *c);
}

/* Evicts the least recently drawn lines, never one drawn this frame, until
 * the cache is back within its budget. */
static void trim_cache(TextCache *tc)
{
    while (tc->bytes > CACHE_BUDGET_BYTES) {
        CachedText *oldest = NULL;
        for (int i = 0; i < CACHE_SLOTS; i++) {
            CachedText *c = &tc->slots[i];
            if (c->tex && c->last_frame < tc->frame && (!oldest || c->last_frame < oldest->last_frame))
                oldest = c;
        }
        if (!oldest)
            return;
        drop_entry(tc, oldest);
    }
}

static CachedText *lookup(App *app, FontRole role, const char *s, SDL_Color color)
{
    TextCache *tc = app->text;
    Uint32 rgb = (Uint32)color.r << 16 | (Uint32)color.g << 8 | color.b;
    uint64_t h = hash_string(s, (uint64_t)role << 24 | rgb);
    size_t base = (size_t)(h % (CACHE_SLOTS / CACHE_WAYS)) * CACHE_WAYS;
    /* every way is checked: trimming can leave holes anywhere in a set */
    CachedText *victim = &tc->slots[base];
    for (size_t i = base; i < base + CACHE_WAYS; i++) {
        CachedText *c = &tc->slots[i];
        if (c->str && c->hash == h && c->role == (int)role && c->rgb == rgb && strcmp(c->str, s) == 0) {
            c->last_frame = tc->frame;
            return c;
        }
        if (!c->str) {
            if (victim->str)
                victim = c;
        } else if (victim->str && c->last_frame < victim->last_frame) {
            victim = c;
        }
    }
    drop_entry(tc, victim);
    SDL_Color opaque = {color.r, color.g, color.b, 255};
    SDL_Surface *surf = TTF_RenderUTF8_Blended(tc->fonts[role], s, opaque);
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
    victim->rgb = rgb;
    victim->last_frame = tc->frame;
    tc->bytes += entry_bytes(victim);
    tc->renders++;
    trim_cache(tc);
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
    CachedText *c = lookup(app, role, s, color);
    if (!c)
        return 0;
    SDL_Rect dst = {x, y, c->w, c->h};
    if (align == ALIGN_CENTER)
        dst.x = x - c->w / 2;
    else if (align == ALIGN_RIGHT)
        dst.x = x - c->w;
    SDL_SetTextureAlphaMod(c->tex, color.a);
    SDL_RenderCopy(app->renderer, c->tex, NULL, &dst);
    if (app->layout)
        layout_note_text(app, dst, s, color.a);
    return c->w;
}

/* Measuring for textwrap, which asks for the width of every longer prefix
 * of a line (one more word each time). Shaping each prefix again made a
 * long explanation's first frame take 10+ ms, so a prefix that extends the
 * previous one is estimated as the previous width plus the width of the
 * added piece; only an estimate within a few pixels of the wrap width is
 * measured whole. Piece widths are rounded up and the pieces start at
 * spaces, so the estimate errs by at most a pixel or two a piece: `slack`
 * covers it, and the lines come out exactly as with whole measuring
 * (checked on every text of banks/clf-c02 at 3 sizes, 2 weights and 30
 * widths). */
typedef struct MeasureCtx {
    TTF_Font *font;
    int limit;             /* the wrap width */
    const char *start;     /* the last prefix asked for ... */
    size_t len;
    int width;             /* ... and its (estimated) width */
    int pieces;            /* pieces added since the last whole measure */
    char buf[2048];
} MeasureCtx;

static int measure_whole(MeasureCtx *m, const char *text, size_t len)
{
    if (len >= sizeof m->buf)
        len = sizeof m->buf - 1;
    memcpy(m->buf, text, len);
    m->buf[len] = '\0';
    int w = 0, h = 0;
    if (len > 0 && TTF_SizeUTF8(m->font, m->buf, &w, &h) != 0)
        return 0;
    return w;
}

static int measure_ttf(void *ctx, const char *text, size_t len)
{
    MeasureCtx *m = ctx;
    int w;
    if (m->start && text == m->start && len > m->len) {
        w = m->width + measure_whole(m, text + m->len, len - m->len);
        m->pieces++;
    } else {
        w = measure_whole(m, text, len);
        m->pieces = 0;
    }
    int slack = 2 * m->pieces + 2;
    if (m->pieces > 0 && w + slack >= m->limit && w - slack <= m->limit) {
        w = measure_whole(m, text, len);
        m->pieces = 0;
    }
    m->start = text;
    m->len = len;
    m->width = w;
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
    memset(&m, 0, sizeof m);
    m.font = tc->fonts[role];
    m.limit = width;
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
        if (ly < clip_top || ly + lh > clip_bottom) {
            if (app->layout)
                layout_note_cut(app, s);
            if (ly + lh < clip_top || ly > clip_bottom)
                continue;
        }
        size_t len = c->lines[i].len < sizeof line - 1 ? c->lines[i].len : sizeof line - 1;
        memcpy(line, c->str + c->lines[i].start, len);
        line[len] = '\0';
        text_draw(app, role, line, x, ly, color, ALIGN_LEFT);
    }
    return c->count * lh;
}

static SDL_Texture *make_solid(SDL_Renderer *renderer, Uint32 rgb)
{
    SDL_Texture *tex = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_STREAMING,
                                         SOLID_SIDE, SOLID_SIDE);
    void *pixels = NULL;
    int pitch = 0;
    if (!tex || SDL_LockTexture(tex, NULL, &pixels, &pitch) != 0) {
        if (tex)
            SDL_DestroyTexture(tex);
        return NULL;
    }
    for (int y = 0; y < SOLID_SIDE; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)pixels + (size_t)y * (size_t)pitch);
        for (int x = 0; x < SOLID_SIDE; x++)
            row[x] = 0xFF000000u | rgb;
    }
    SDL_UnlockTexture(tex);
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    return tex;
}

SDL_Texture *text_solid_texture(App *app, SDL_Color c, int *side)
{
    SDL_RendererInfo info;
    if (!app->text || SDL_GetRendererInfo(app->renderer, &info) != 0 ||
        !(info.flags & SDL_RENDERER_SOFTWARE))
        return NULL;
    TextCache *tc = app->text;
    Uint32 rgb = (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b;
    SolidTexture *victim = &tc->solids[0];
    for (int i = 0; i < SOLID_SLOTS; i++) {
        SolidTexture *s = &tc->solids[i];
        if (s->tex && s->rgb == rgb) {
            s->last_frame = tc->frame;
            *side = SOLID_SIDE;
            return s->tex;
        }
        if (!s->tex || (victim->tex && s->last_frame < victim->last_frame))
            victim = s;
    }
    if (victim->tex)
        SDL_DestroyTexture(victim->tex);
    victim->tex = make_solid(app->renderer, rgb);
    victim->rgb = rgb;
    victim->last_frame = tc->frame;
    *side = SOLID_SIDE;
    return victim->tex;
}

void text_frame_done(App *app)
{
    app->text->frame++;
}

long text_renders(const App *app)
{
    return app->text->renders;
}
