/* The layout log and its checks (see layoutlog.h). */
#include "layoutlog.h"

#include <stdio.h>
#include <string.h>

#include "app.h"

/* Overlaps smaller than this (in pixels, each way) are antialiasing and
 * line-gap slack, not a collision. */
#define LAYOUT_SLACK 2

void layout_begin(App *app)
{
    if (!app->layout)
        return;
    app->layout->text_count = 0;
    app->layout->box_count = 0;
    app->layout->cut[0] = '\0';
    app->layout->overflow = 0;
}

static bool clip_of(App *app, SDL_Rect *clip)
{
    if (!app->renderer || SDL_RenderIsClipEnabled(app->renderer) != SDL_TRUE)
        return false;
    SDL_RenderGetClipRect(app->renderer, clip);
    return true;
}

void layout_note_text(App *app, SDL_Rect r, const char *text, int alpha)
{
    LayoutLog *log = app->layout;
    if (!log || alpha < 40 || !text[0])
        return;
    SDL_Rect clip, seen = r;
    if (clip_of(app, &clip) && !SDL_IntersectRect(&r, &clip, &seen))
        return;
    if (log->text_count >= LAYOUT_MAX_TEXTS) {
        log->overflow++;
        return;
    }
    LayoutText *t = &log->texts[log->text_count++];
    t->rect = seen;
    snprintf(t->text, sizeof t->text, "%s", text);
}

void layout_note_box(App *app, SDL_Rect r)
{
    LayoutLog *log = app->layout;
    if (!log)
        return;
    /* A box is the part of it on screen, as a text is: a panel scrolled
     * under the footer must not claim the footer's texts. */
    SDL_Rect clip, seen = r;
    if (clip_of(app, &clip) && !SDL_IntersectRect(&r, &clip, &seen))
        return;
    if (log->box_count >= LAYOUT_MAX_BOXES) {
        log->overflow++;
        return;
    }
    log->boxes[log->box_count++] = seen;
}

void layout_note_cover(App *app)
{
    if (app->layout) {
        app->layout->text_count = 0;
        app->layout->box_count = 0;
    }
}

void layout_note_cut(App *app, const char *text)
{
    LayoutLog *log = app->layout;
    SDL_Rect clip;
    if (!log || log->cut[0] || clip_of(app, &clip))
        return; /* inside a scrolling view, lines out of sight are the point */
    snprintf(log->cut, sizeof log->cut, "%.150s", text);
}

static bool inside(SDL_Rect outer, int x, int y)
{
    return x >= outer.x && x < outer.x + outer.w && y >= outer.y && y < outer.y + outer.h;
}

static void say(char *why, size_t size, const char *what, const LayoutText *a, const LayoutText *b, SDL_Rect box)
{
    if (b)
        snprintf(why, size, "%s: '%s' at %d,%d %dx%d and '%s' at %d,%d %dx%d", what, a->text, a->rect.x,
                 a->rect.y, a->rect.w, a->rect.h, b->text, b->rect.x, b->rect.y, b->rect.w, b->rect.h);
    else
        snprintf(why, size, "%s: '%s' at %d,%d %dx%d, the box at %d,%d %dx%d", what, a->text, a->rect.x, a->rect.y,
                 a->rect.w, a->rect.h, box.x, box.y, box.w, box.h);
}

bool layout_check(const App *app, char *why, size_t size)
{
    const LayoutLog *log = app->layout;
    if (!log) {
        snprintf(why, size, "no frame was logged");
        return false;
    }
    SDL_Rect window = {0, 0, app->w, app->h};
    for (int i = 0; i < log->text_count; i++) {
        const LayoutText *a = &log->texts[i];
        SDL_Rect r = a->rect;
        if (r.x < 0 || r.y < 0 || r.x + r.w > app->w || r.y + r.h > app->h) {
            say(why, size, "a text crosses the window's edge", a, NULL, window);
            return false;
        }
        /* The smallest box the text starts in must hold all of it. */
        int best = -1;
        for (int k = 0; k < log->box_count; k++) {
            SDL_Rect b = log->boxes[k];
            if (inside(b, r.x + LAYOUT_SLACK, r.y + LAYOUT_SLACK) &&
                (best < 0 || b.w * b.h < log->boxes[best].w * log->boxes[best].h))
                best = k;
        }
        if (best >= 0) {
            SDL_Rect b = log->boxes[best];
            if (r.x + r.w > b.x + b.w + LAYOUT_SLACK || r.y + r.h > b.y + b.h + LAYOUT_SLACK) {
                say(why, size, "a text crosses its box", a, NULL, b);
                return false;
            }
        }
        for (int j = i + 1; j < log->text_count; j++) {
            const LayoutText *b = &log->texts[j];
            SDL_Rect o;
            if (!SDL_IntersectRect(&a->rect, &b->rect, &o) || o.w <= LAYOUT_SLACK || o.h <= LAYOUT_SLACK)
                continue;
            if (strcmp(a->text, b->text) == 0 && o.w * 2 > a->rect.w)
                continue; /* the same words drawn twice (a shadow, a glow) */
            say(why, size, "two texts overlap", a, b, window);
            return false;
        }
    }
    if (log->cut[0]) {
        snprintf(why, size, "a wrapped text is cut: '%s'", log->cut);
        return false;
    }
    if (log->overflow) {
        snprintf(why, size, "the frame drew more than %d texts or %d boxes", LAYOUT_MAX_TEXTS, LAYOUT_MAX_BOXES);
        return false;
    }
    return true;
}
