/* Widgets and drawing. Rounded corners and circles are horizontal spans of
 * rects, and opaque colours are drawn without blending, because the
 * software renderer (headless runs, machines without a GPU) pays per pixel
 * for blending and per triangle for geometry; no textures or extra libraries
 * beyond the few solid tiles for large translucent fills. */
#include "ui.h"

#include <math.h>
#include <string.h>

#include "layoutlog.h"

void ui_theme_init(Theme *t, bool high_contrast)
{
    if (high_contrast) {
        *t = (Theme){
            .bg = {0, 0, 0, 255}, .bg2 = {0, 0, 0, 255},
            .panel = {18, 18, 18, 255}, .panel_hi = {40, 40, 40, 255},
            .text = {255, 255, 255, 255}, .text_dim = {230, 230, 230, 255},
            .accent = {255, 221, 0, 255}, .accent2 = {0, 229, 255, 255},
            .good = {0, 255, 120, 255}, .bad = {255, 90, 90, 255},
            .warn = {255, 170, 0, 255}, .flag = {255, 221, 0, 255},
            .border = {255, 255, 255, 255},
        };
        return;
    }
    *t = (Theme){
        .bg = {16, 20, 38, 255}, .bg2 = {30, 22, 58, 255},
        .panel = {30, 36, 64, 255}, .panel_hi = {48, 56, 96, 255},
        .text = {236, 240, 255, 255}, .text_dim = {160, 170, 205, 255},
        .accent = {255, 153, 0, 255}, .accent2 = {86, 204, 242, 255},
        .good = {72, 214, 134, 255}, .bad = {255, 99, 112, 255},
        .warn = {255, 196, 61, 255}, .flag = {255, 196, 61, 255},
        .border = {78, 90, 140, 255},
    };
}

SDL_Color ui_alpha(SDL_Color c, int a)
{
    c.a = (Uint8)(a < 0 ? 0 : a > 255 ? 255 : a);
    return c;
}

SDL_Color ui_mix(SDL_Color a, SDL_Color b, float t)
{
    if (t < 0) t = 0;
    if (t > 1) t = 1;
    SDL_Color c = {
        (Uint8)(a.r + (b.r - a.r) * t), (Uint8)(a.g + (b.g - a.g) * t),
        (Uint8)(a.b + (b.b - a.b) * t), (Uint8)(a.a + (b.a - a.a) * t),
    };
    return c;
}

/* Fills smaller than this go straight to SDL, where one call beats tiling. */
#define UI_TILED_FILL_MIN_AREA 4096

/* A translucent fill as copies of a solid-colour texture with an alpha mod:
 * SDL's software renderer blends those with its fast surface-alpha blitter,
 * several times faster than SDL_RenderFillRect's per-pixel blend (the same
 * picture, to a rounding step). False when the renderer is not software. */
static bool fill_tiled(App *app, SDL_Rect r, SDL_Color c)
{
    int side = 0;
    SDL_Texture *tex = text_solid_texture(app, c, &side);
    if (!tex || side <= 0)
        return false;
    SDL_SetTextureAlphaMod(tex, c.a);
    for (int y = r.y; y < r.y + r.h; y += side) {
        for (int x = r.x; x < r.x + r.w; x += side) {
            SDL_Rect dst = {x, y, r.x + r.w - x < side ? r.x + r.w - x : side,
                            r.y + r.h - y < side ? r.y + r.h - y : side};
            SDL_Rect src = {0, 0, dst.w, dst.h};
            SDL_RenderCopy(app->renderer, tex, &src, &dst);
        }
    }
    return true;
}

/* The output's height while a frame draws: h and the status band below it. */
static int output_h(const App *app)
{
    return app->out_h > app->h ? app->out_h : app->h;
}

void ui_fill(App *app, SDL_Rect r, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0 || c.a == 0)
        return;
    bool whole = r.x <= 0 && r.y <= 0 && r.x + r.w >= app->w && r.y + r.h >= app->h;
    if (whole && r.y + r.h < output_h(app))
        r.h = output_h(app) - r.y; /* a dialog's veil covers the status band and the footer too */
    if (app->layout && c.a >= 128 && whole)
        layout_note_cover(app);
    if (c.a < 255 && r.w * r.h >= UI_TILED_FILL_MIN_AREA && fill_tiled(app, r, c))
        return;
    /* An opaque colour needs no blending, and SDL's software renderer blends
     * pixel by pixel even at alpha 255: a plain fill is the same picture at
     * a fraction of the cost (the background alone is a full-screen fill). */
    SDL_SetRenderDrawBlendMode(app->renderer, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(app->renderer, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(app->renderer, &r);
    SDL_SetRenderDrawBlendMode(app->renderer, SDL_BLENDMODE_BLEND);
}

/* A quarter disc centred at (cx, cy) on the side (sx, sy) (each +1 or -1:
 * right/left, below/above), as one horizontal span per pixel row, sent in
 * batches to SDL_RenderFillRects. Spans stop at the centre lines, so the four
 * quarters of a circle, or a corner and the straight part of a rounded rect,
 * meet without overlapping (which matters for translucent colours). The
 * software renderer fills spans far faster than triangles, which it blends
 * one by one through a temporary surface. */
static void corner(App *app, float cx, float cy, float rad, int sx, int sy, SDL_Color c)
{
    enum { BATCH = 128 };
    if (c.a == 0 || rad <= 0)
        return;
    SDL_Rect rows[BATCH];
    int n = 0;
    int centre_x = (int)lroundf(cx);
    SDL_SetRenderDrawBlendMode(app->renderer, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(app->renderer, c.r, c.g, c.b, c.a);
    for (int i = 0; (float)i + 0.5f < rad; i++) {
        float d = (float)i + 0.5f;
        float half = sqrtf(rad * rad - d * d);
        int y = (int)floorf(sy > 0 ? cy + (float)i : cy - (float)i - 1.0f);
        int edge = (int)lroundf(sx > 0 ? cx + half : cx - half);
        int x0 = sx > 0 ? centre_x : edge, x1 = sx > 0 ? edge : centre_x;
        if (x1 > x0)
            rows[n++] = (SDL_Rect){x0, y, x1 - x0, 1};
        if (n == BATCH) {
            SDL_RenderFillRects(app->renderer, rows, n);
            n = 0;
        }
    }
    if (n > 0)
        SDL_RenderFillRects(app->renderer, rows, n);
    SDL_SetRenderDrawBlendMode(app->renderer, SDL_BLENDMODE_BLEND);
}

/* The four corners of a rounded rect whose corner centres are inset by radius. */
static void corners(App *app, SDL_Rect r, int radius, SDL_Color c)
{
    float rad = (float)radius;
    corner(app, (float)(r.x + radius), (float)(r.y + radius), rad, -1, -1, c);
    corner(app, (float)(r.x + r.w - radius), (float)(r.y + radius), rad, 1, -1, c);
    corner(app, (float)(r.x + r.w - radius), (float)(r.y + r.h - radius), rad, 1, 1, c);
    corner(app, (float)(r.x + radius), (float)(r.y + r.h - radius), rad, -1, 1, c);
}

void ui_round_rect(App *app, SDL_Rect r, int radius, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    if (radius * 2 > r.w) radius = r.w / 2;
    if (radius * 2 > r.h) radius = r.h / 2;
    if (radius <= 1) {
        ui_fill(app, r, c);
        return;
    }
    SDL_SetRenderDrawBlendMode(app->renderer, SDL_BLENDMODE_BLEND);
    ui_fill(app, (SDL_Rect){r.x + radius, r.y, r.w - 2 * radius, r.h}, c);
    ui_fill(app, (SDL_Rect){r.x, r.y + radius, radius, r.h - 2 * radius}, c);
    ui_fill(app, (SDL_Rect){r.x + r.w - radius, r.y + radius, radius, r.h - 2 * radius}, c);
    corners(app, r, radius, c);
}

/* The edge of a framed shape: the rounded rect `r` minus the inside that a
 * body inset by `thickness` (radius - thickness) will cover. When that body
 * is opaque the picture is the same as a full rounded rect under the body,
 * without blending the whole area twice; otherwise the full rect is drawn. */
static void edge_ring(App *app, SDL_Rect r, int radius, int thickness, SDL_Color c, bool body_opaque)
{
    if (radius * 2 > r.w) radius = r.w / 2;
    if (radius * 2 > r.h) radius = r.h / 2;
    if (!body_opaque || radius <= 1 || thickness * 2 >= r.w || thickness * 2 >= r.h) {
        ui_round_rect(app, r, radius, c);
        return;
    }
    ui_fill(app, (SDL_Rect){r.x + radius, r.y, r.w - 2 * radius, thickness}, c);
    ui_fill(app, (SDL_Rect){r.x + radius, r.y + r.h - thickness, r.w - 2 * radius, thickness}, c);
    ui_fill(app, (SDL_Rect){r.x, r.y + radius, thickness, r.h - 2 * radius}, c);
    ui_fill(app, (SDL_Rect){r.x + r.w - thickness, r.y + radius, thickness, r.h - 2 * radius}, c);
    corners(app, r, radius, c);
}

void ui_circle(App *app, float cx, float cy, float radius, SDL_Color c)
{
    for (int q = 0; q < 4; q++)
        corner(app, cx, cy, radius, q == 0 || q == 3 ? 1 : -1, q < 2 ? 1 : -1, c);
}

void ui_background(App *app)
{
    const Theme *t = &app->theme;
    /* A vertical gradient in a few bands: cheap and calm. */
    int bands = 24, h = output_h(app);
    for (int i = 0; i < bands; i++) {
        SDL_Rect r = {0, h * i / bands, app->w, h / bands + 2};
        ui_fill(app, r, ui_mix(t->bg, t->bg2, (float)i / (float)(bands - 1)));
    }
}

void ui_panel(App *app, SDL_Rect r)
{
    int rad = app_px(app, 14);
    edge_ring(app, (SDL_Rect){r.x - 1, r.y - 1, r.w + 2, r.h + 2}, rad + 1, 1,
              ui_alpha(app->theme.border, 120), app->theme.panel.a == 255);
    ui_round_rect(app, r, rad, app->theme.panel);
    layout_note_box(app, r);
}

static bool mouse_in(const App *app, SDL_Rect r)
{
    return app->mouse_x >= r.x && app->mouse_x < r.x + r.w && app->mouse_y >= r.y &&
           app->mouse_y < r.y + r.h;
}

bool ui_button(App *app, SDL_Rect r, const char *label, bool selected, Action action)
{
    const Theme *t = &app->theme;
    bool hover = mouse_in(app, r);
    int rad = app_px(app, 12);
    SDL_Color body = hover || selected ? t->panel_hi : t->panel;
    if (selected)
        edge_ring(app, (SDL_Rect){r.x - 3, r.y - 3, r.w + 6, r.h + 6}, rad + 3, 3, t->accent, body.a == 255);
    ui_round_rect(app, r, rad, body);
    int lh = text_line_height(app, FONT_BODY_BOLD);
    text_draw(app, FONT_BODY_BOLD, label, r.x + r.w / 2, r.y + (r.h - lh) / 2,
              selected ? t->text : t->text_dim, ALIGN_CENTER);
    app_hit_label(app, r, action, label);
    layout_note_box(app, r);
    return hover;
}

void ui_progress(App *app, SDL_Rect r, float frac, SDL_Color fill)
{
    if (frac < 0) frac = 0;
    if (frac > 1) frac = 1;
    int rad = r.h / 2;
    ui_round_rect(app, r, rad, ui_alpha(app->theme.border, 110));
    int w = (int)((float)r.w * frac);
    if (w > 0)
        ui_round_rect(app, (SDL_Rect){r.x, r.y, w < r.h ? r.h : w, r.h}, rad, fill);
}

/* The tag a judged option carries ("right", "your answer", "missed"), NULL
 * for none. */
static const char *option_mark(OptionState state)
{
    return state == OPTION_RIGHT ? "right" : state == OPTION_WRONG ? "your answer"
         : state == OPTION_MISSED ? "missed" : NULL;
}

/* Where an option puts its text and its tag: the text wraps to wrap_w; the
 * tag sits at the bottom right beside the last lines when the text, wrapped
 * short of the tag's width, takes no more lines than at full width (so no
 * line reaches under it), else on a line of its own below the text. */
typedef struct OptionLayout {
    int wrap_w;        /* width the text wraps to */
    int text_h;        /* its height */
    int h;             /* the option's height */
    bool tag_below;    /* the tag has a line of its own */
} OptionLayout;

static OptionLayout option_layout(App *app, int w, const char *text, OptionState state)
{
    int badge = app_px(app, 34);
    int pad = app_px(app, 12);
    OptionLayout L = {.wrap_w = w - badge - pad * 3};
    L.text_h = text_wrapped_height(app, FONT_BODY, text, L.wrap_w);
    const char *mark = option_mark(state);
    if (mark) {
        int mw, mh;
        text_size(app, FONT_SMALL, mark, &mw, &mh);
        int narrow = L.wrap_w - mw - pad;
        if (narrow >= L.wrap_w / 2 && text_wrapped_height(app, FONT_BODY, text, narrow) == L.text_h)
            L.wrap_w = narrow;
        else
            L.tag_below = true;
    }
    L.h = L.text_h + pad * 2 + (L.tag_below ? text_line_height(app, FONT_SMALL) : 0);
    if (L.h < badge + pad * 2 - app_px(app, 8))
        L.h = badge + pad * 2 - app_px(app, 8);
    return L;
}

int ui_option_height(App *app, int w, const char *text, OptionState state)
{
    return option_layout(app, w, text, state).h;
}

int ui_option(App *app, int x, int y, int w, int index, const char *text, OptionState state,
              bool focused, bool multi)
{
    const Theme *t = &app->theme;
    OptionLayout L = option_layout(app, w, text, state);
    int h = L.h;
    SDL_Rect r = {x, y, w, h};
    bool hover = mouse_in(app, r);
    SDL_Color bg = hover ? t->panel_hi : t->panel;
    SDL_Color edge = ui_alpha(t->border, 150);
    SDL_Color badge_bg = t->panel_hi;
    SDL_Color fg = t->text;
    switch (state) {
    case OPTION_NORMAL: break;
    case OPTION_CHOSEN: edge = t->accent2; badge_bg = t->accent2; bg = ui_mix(t->panel, t->accent2, 0.18f); break;
    case OPTION_RIGHT: edge = t->good; badge_bg = t->good; bg = ui_mix(t->panel, t->good, 0.22f); break;
    case OPTION_WRONG: edge = t->bad; badge_bg = t->bad; bg = ui_mix(t->panel, t->bad, 0.22f); break;
    case OPTION_MISSED: edge = t->good; badge_bg = ui_mix(t->panel_hi, t->good, 0.5f); break;
    case OPTION_DIMMED: fg = t->text_dim; break;
    }
    int rad = app_px(app, 10);
    int bw = focused ? app_px(app, 3) : app_px(app, 1.5f);
    if (bw < 1) bw = 1;
    edge_ring(app, (SDL_Rect){x - bw, y - bw, w + 2 * bw, h + 2 * bw}, rad + bw, bw,
              focused ? t->accent : edge, bg.a == 255);
    ui_round_rect(app, r, rad, bg);
    int badge = app_px(app, 34);
    int pad = app_px(app, 12);
    SDL_Rect b = {x + pad, y + (h - badge) / 2, badge, badge};
    if (h > badge + pad * 3)
        b.y = y + pad - app_px(app, 4);
    /* As on the real exam: a round (radio) mark where one answer is asked
     * for, a square (check box) where several are. */
    ui_round_rect(app, b, multi ? badge / 5 : badge / 2, badge_bg);
    char letter[8];
    snprintf(letter, sizeof letter, "%c", 'A' + index);
    int lh = text_line_height(app, FONT_BODY_BOLD);
    text_draw(app, FONT_BODY_BOLD, letter, b.x + badge / 2, b.y + (badge - lh) / 2,
              state == OPTION_NORMAL || state == OPTION_DIMMED ? t->text : t->bg, ALIGN_CENTER);
    text_draw_wrapped(app, FONT_BODY, text, x + pad * 2 + badge, y + pad, L.wrap_w, fg, 0, app->h);
    const char *mark = option_mark(state);
    if (mark) {
        int my = L.tag_below ? y + pad + L.text_h : y + h - text_line_height(app, FONT_SMALL) - 2;
        text_draw(app, FONT_SMALL, mark, x + w - pad, my, state == OPTION_WRONG ? t->bad : t->good, ALIGN_RIGHT);
    }
    app_hit_label(app, r, (Action){.type = ACT_DIGIT, .value = index + 1}, text);
    return h;
}

int ui_link(App *app, int x, int y, int w, const char *label, Action action, int clip_top,
            int clip_bottom)
{
    const Theme *t = &app->theme;
    int h = text_wrapped_height(app, FONT_BODY, label, w);
    int tw = 0, th = 0;
    text_size(app, FONT_BODY, label, &tw, &th);
    int lw = tw < w ? tw : w;
    SDL_Rect r = {x, y, lw, h};
    bool hover = mouse_in(app, r);
    SDL_Color c = hover ? t->text : t->accent2;
    text_draw_wrapped(app, FONT_BODY, label, x, y, w, c, clip_top, clip_bottom);
    int line = text_line_height(app, FONT_BODY);
    for (int ly = y + line - app_px(app, 3); ly < y + h; ly += line)
        if (ly >= clip_top && ly < clip_bottom)
            ui_fill(app, (SDL_Rect){x, ly, lw, app_px(app, 1) > 0 ? app_px(app, 1) : 1}, ui_alpha(c, 160));
    int top = y > clip_top ? y : clip_top;
    int bottom = y + h < clip_bottom ? y + h : clip_bottom;
    if (bottom > top)
        app_hit_label(app, (SDL_Rect){x, top, lw, bottom - top}, action, label);
    return h;
}

/* What a click on a footer hint does: the command of a bound letter, or
 * the action of the key it names; ACT_NONE for hints that only explain. */
static Action hint_action(const KeyBinding *row)
{
    if (row->letter && row->command != CMD_NONE)
        return (Action){.type = row->command == CMD_MUTE ? ACT_MUTE : ACT_COMMAND, .value = (int)row->command};
    static const struct {
        const char *key;
        ActionType type;
    } KEYS[] = {{"Esc", ACT_BACK}, {"Enter", ACT_CONFIRM}, {"Space", ACT_SPACE}, {"Tab", ACT_TAB},
                {"F11", ACT_FULLSCREEN}, {"F12", ACT_SCREENSHOT}};
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++)
        if (strcmp(row->key, KEYS[i].key) == 0)
            return (Action){.type = KEYS[i].type};
    return (Action){.type = ACT_NONE};
}

bool ui_compact(const App *app)
{
    return (float)app->h / app->scale < UI_COMPACT_UNITS;
}

/* The footer's line: the top of its text, `h` being the bottom. */
static int footer_text_y(App *app, int h)
{
    return h - text_line_height(app, FONT_SMALL) - app_px(app, ui_compact(app) ? 8 : 12);
}

/* The padding above the footer's text, to the top of its band. */
static int footer_above(const App *app)
{
    return app_px(app, ui_compact(app) ? 6 : 8);
}

int ui_footer_top(App *app)
{
    return footer_text_y(app, app->h) - footer_above(app);
}

/* The status band (app.h): the message wrapped across the window in a
 * panel of its own, between the room the screen laid out in and the
 * footer's line. Returns the height it needs (drawn only when that is the
 * room the frame was laid out with). */
static int status_band(App *app, int footer_top)
{
    const Theme *t = &app->theme;
    int margin = app_px(app, 28), pad = app_px(app, 6), gap = app_px(app, 6);
    int w = app->w - margin * 2;
    int h = text_wrapped_height(app, FONT_SMALL, app->status, w - pad * 4) + pad * 2 + gap;
    if (h > app->out_h / 3)
        h = app->out_h / 3;
    if (h != app->status_band)
        return h;
    SDL_Rect band = {margin, footer_top - h, w, h - gap};
    ui_round_rect(app, band, app_px(app, 8), ui_mix(t->panel, t->warn, 0.14f));
    layout_note_box(app, band);
    text_draw_wrapped(app, FONT_SMALL, app->status, band.x + pad * 2, band.y + pad, w - pad * 4, t->warn, band.y,
                      band.y + band.h);
    return h;
}

/* The footer band: `hints` on the left (or the map's rows, as buttons),
 * the status message on the right when both fit on the line, else in a
 * band of its own above it. */
static void footer(App *app, const KeyMap *map, int rows, bool all, const char *hints)
{
    const Theme *t = &app->theme;
    int out_h = output_h(app);
    int lh = text_line_height(app, FONT_SMALL);
    int y = footer_text_y(app, out_h);
    int top = y - footer_above(app);
    int chip = app_px(app, ui_compact(app) ? 4 : 5);
    int margin = app_px(app, 28), gap = app_px(app, 24);
    ui_fill(app, (SDL_Rect){0, top, app->w, out_h - top}, ui_alpha(t->bg, 200));
    bool status = app->status[0] && app->ticks_ms < app->status_until;
    int hw = 0, sw = 0, th = 0;
    text_size(app, FONT_SMALL, hints, &hw, &th);
    if (status)
        text_size(app, FONT_SMALL, app->status, &sw, &th);
    if (status && hw + sw + margin * 2 + gap > app->w)
        app->status_band_wanted = status_band(app, top);
    else if (status)
        text_draw(app, FONT_SMALL, app->status, app->w - margin, y, t->warn, ALIGN_RIGHT);
    if (!map) {
        text_draw(app, FONT_SMALL, hints, margin, y, t->text_dim, ALIGN_LEFT);
        return;
    }
    int x = margin;
    for (int i = 0, shown = 0; i < map->count && shown < rows; i++) {
        const KeyBinding *row = &map->rows[i];
        if (!all && row->optional)
            continue;
        shown++;
        char one[160];
        snprintf(one, sizeof one, "%s%s%s", row->key, row->does[0] ? "  " : "", row->does);
        int w = 0;
        text_size(app, FONT_SMALL, one, &w, &th);
        Action act = hint_action(row);
        SDL_Rect r = {x - app_px(app, 8), y - chip, w + app_px(app, 16), lh + chip * 2};
        bool hover = act.type != ACT_NONE && mouse_in(app, r);
        if (act.type != ACT_NONE) {
            ui_round_rect(app, r, app_px(app, 8), hover ? t->panel_hi : ui_alpha(t->panel, 150));
            app_hit_label(app, r, act, one);
        }
        text_draw(app, FONT_SMALL, one, x, y, hover ? t->text : t->text_dim, ALIGN_LEFT);
        x += w + gap;
    }
}

void ui_footer(App *app, const char *hints)
{
    footer(app, NULL, 0, true, hints);
}

void ui_footer_keys(App *app, const KeyMap *map)
{
    /* A "scroll" hint only while something scrolls. */
    KeyBinding kept[UI_FOOTER_MAX_ROWS];
    KeyMap shown = {kept, 0};
    for (int i = 0; map && i < map->count && shown.count < UI_FOOTER_MAX_ROWS; i++)
        if (app->scrollbar_drawn || strcmp(map->rows[i].does, KEYS_DOES_SCROLL) != 0)
            kept[shown.count++] = map->rows[i];
    map = map ? &shown : NULL;
    /* Every row when they fit; else without the optional ones; else the
     * first rows that fit (they come in order of importance). Chips take
     * the room of their gaps, so the text is measured as the line. */
    char hints[512];
    int room = app->w - app_px(app, 56), w = 0, h = 0;
    int count = map ? map->count : 0, rows = count;
    bool all = true;
    keys_footer_text(map, true, rows, hints, sizeof hints);
    text_size(app, FONT_SMALL, hints, &w, &h);
    if (w > room) {
        all = false;
        keys_footer_text(map, false, rows, hints, sizeof hints);
        text_size(app, FONT_SMALL, hints, &w, &h);
    }
    while (w > room && rows > 1) {
        rows--;
        keys_footer_text(map, false, rows, hints, sizeof hints);
        text_size(app, FONT_SMALL, hints, &w, &h);
    }
    footer(app, map, rows, all, hints);
}

void ui_title(App *app, const char *title, const char *right)
{
    int x = app_px(app, 28), y = app_px(app, 18);
    text_draw(app, FONT_TITLE, title, x, y, app->theme.text, ALIGN_LEFT);
    if (right)
        text_draw(app, FONT_BODY, right, app->w - x, y + app_px(app, 8), app->theme.text_dim,
                  ALIGN_RIGHT);
}

int ui_title_fit(App *app, const char *title, const char *right)
{
    if (!ui_compact(app)) {
        ui_title(app, title, right);
        return app_px(app, 18) + text_line_height(app, FONT_TITLE);
    }
    int x = app_px(app, 28), y = app_px(app, 8), lh = text_line_height(app, FONT_BODY_BOLD);
    text_draw(app, FONT_BODY_BOLD, title, x, y, app->theme.text, ALIGN_LEFT);
    if (right)
        text_draw(app, FONT_BODY, right, app->w - x, y + lh - text_line_height(app, FONT_BODY), app->theme.text_dim,
                  ALIGN_RIGHT);
    return y + lh;
}

int ui_chip(App *app, int x, int y, const char *label, SDL_Color bg, SDL_Color fg)
{
    int w, h;
    text_size(app, FONT_SMALL, label, &w, &h);
    int pad = app_px(app, 8);
    SDL_Rect r = {x, y, w + pad * 2, h + app_px(app, 4)};
    ui_round_rect(app, r, r.h / 2, bg);
    text_draw(app, FONT_SMALL, label, x + pad, y + app_px(app, 2), fg, ALIGN_LEFT);
    return r.w;
}

void ui_flame(App *app, int x, int y, int s, float phase, bool lit)
{
    const Theme *t = &app->theme;
    float flick = lit ? 0.06f * sinf(phase * 6.0f) : 0;
    SDL_Color outer = lit ? (SDL_Color){255, 120, 30, 255} : ui_alpha(t->text_dim, 120);
    SDL_Color inner = lit ? (SDL_Color){255, 214, 90, 255} : ui_alpha(t->text_dim, 80);
    float cx = (float)x + (float)s / 2, base = (float)y + (float)s * 0.68f;
    float r = (float)s * 0.3f;
    ui_circle(app, cx, base, r, outer);
    SDL_Vertex tri[3] = {
        {{cx - r * 0.98f, base - r * 0.2f}, outer, {0, 0}},
        {{cx + r * 0.98f, base - r * 0.2f}, outer, {0, 0}},
        {{cx + (float)s * flick, (float)y + (float)s * 0.02f}, outer, {0, 0}},
    };
    SDL_RenderGeometry(app->renderer, NULL, tri, 3, NULL, 0);
    ui_circle(app, cx, base + r * 0.25f, r * 0.55f, inner);
    SDL_Vertex tri2[3] = {
        {{cx - r * 0.52f, base + r * 0.1f}, inner, {0, 0}},
        {{cx + r * 0.52f, base + r * 0.1f}, inner, {0, 0}},
        {{cx - (float)s * flick, base - r * 1.2f}, inner, {0, 0}},
    };
    SDL_RenderGeometry(app->renderer, NULL, tri2, 3, NULL, 0);
}

void ui_scroll_clamp(Scroll *s)
{
    int max = s->content - s->view;
    if (s->offset > max)
        s->offset = max;
    if (s->offset < 0)
        s->offset = 0;
}

bool ui_scroll_action(App *app, Scroll *s, const Action *a)
{
    int line = text_line_height(app, FONT_BODY);
    int before = s->offset;
    switch (a->type) {
    case ACT_UP: s->offset -= line * 2; break;
    case ACT_DOWN: s->offset += line * 2; break;
    case ACT_PAGE_UP: s->offset -= s->view * 9 / 10; break;
    case ACT_PAGE_DOWN: s->offset += s->view * 9 / 10; break;
    case ACT_HOME: s->offset = 0; break;
    case ACT_END: s->offset = s->content; break;
    case ACT_WHEEL: s->offset += a->value * line * 3; break;
    default: return false;
    }
    int max = s->content - s->view;
    if (s->offset > max) s->offset = max;
    if (s->offset < 0) s->offset = 0;
    if (s->offset != before)
        app_redraw(app);
    return true;
}

void ui_scrollbar(App *app, SDL_Rect view, const Scroll *s)
{
    if (s->content <= s->view || s->content <= 0)
        return;
    app->scrollbar_drawn = true;
    int w = app_px(app, 6);
    SDL_Rect track = {view.x + view.w - w, view.y, w, view.h};
    ui_round_rect(app, track, w / 2, ui_alpha(app->theme.border, 90));
    int th = view.h * s->view / s->content;
    if (th < app_px(app, 24)) th = app_px(app, 24);
    int ty = view.y + (view.h - th) * s->offset / (s->content - s->view);
    ui_round_rect(app, (SDL_Rect){track.x, ty, w, th}, w / 2, app->theme.accent2);
}
