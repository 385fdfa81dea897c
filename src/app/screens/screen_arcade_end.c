/* Arcade results: the score counting up, the personal best of the round
 * kind (with a "New best!" moment), answers, accuracy and best combo, XP,
 * accuracy by domain for the round, and the wrong items with their answers
 * and explanations. The round saved itself (arcade_round_finish); this
 * only shows what it says, a round or answers not saved included. */
#include "compat.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hud.h"
#include "particles.h"
#include "percent.h"
#include "report.h"
#include "rewards.h"
#include "screen_arcade.h"
#include "screens.h"
#include "text.h"
#include "ui.h"

#define END_COUNT_MS 900     /* the score counts up over this */
#define END_BEST_AT_MS 950   /* the "New best!" moment */
#define END_ANIM_MS 2600     /* after this nothing moves */

/* The footer and the bound letters: with links to open, with misses to
 * report, or with nothing in the review to act on. */
static const KeyBinding LINKS_ROWS[] = {
    {"Enter", 0, CMD_NONE, "play again", false},
    {"Esc", 0, CMD_NONE, "round menu", false},
    {"L", 'L', CMD_LEARN_MORE, "learn more", false},
    {"R", 'R', CMD_REPORT, "report", false},
    {"Up/Down", 0, CMD_NONE, "scroll", false},
};
static const KeyBinding REPORT_ROWS[] = {
    {"Enter", 0, CMD_NONE, "play again", false},
    {"Esc", 0, CMD_NONE, "round menu", false},
    {"R", 'R', CMD_REPORT, "report", false},
    {"Up/Down/PgUp/PgDn", 0, CMD_NONE, "scroll", false},
};
static const KeyBinding PLAIN_ROWS[] = {
    {"Enter", 0, CMD_NONE, "play again", false},
    {"Esc", 0, CMD_NONE, "round menu", false},
    {"Up/Down/PgUp/PgDn", 0, CMD_NONE, "scroll the review", false},
};
static const KeyMap LINKS_KEYS = KEYMAP(LINKS_ROWS);
static const KeyMap REPORT_KEYS = KEYMAP(REPORT_ROWS);
static const KeyMap PLAIN_KEYS = KEYMAP(PLAIN_ROWS);

typedef struct ArcadeEndState {
    ArcadeResult res;
    int anim_ms;
    bool best_shown;         /* the new-best burst happened */
    SDL_Rect badge;          /* where "New best!" is drawn */
    Particles particles;
    Scroll review;
    int first_link;          /* ACT_LINK value of the first visible "Learn more", -1 = none */
    int first_miss;          /* the first miss whose Report link is visible, -1 = none */
} ArcadeEndState;

/* Opens the report form for miss `index`, with the answer given. */
static void report_miss(App *app, const ArcadeEndState *s, int index)
{
    if (index < 0 || index >= s->res.miss_count) {
        app_status(app, "Scroll to a question to report it");
        return;
    }
    const ArcadeMiss *m = &s->res.misses[index];
    bool chose = m->chosen >= 0 && m->chosen < m->q.option_count;
    uint32_t answer = chose && !m->q.from_flashcard ? 1u << m->q.source[m->chosen] : 0;
    report_open(app, m->q.item, answer, true);
}

/* Opens the page a "Learn more" link stands for: miss value / BANK_MAX_REFS,
 * its ref value % BANK_MAX_REFS. */
static void open_link(App *app, const ArcadeEndState *s, int value)
{
    int miss = value / BANK_MAX_REFS, ref = value % BANK_MAX_REFS;
    if (value < 0 || miss >= s->res.miss_count) {
        app_status(app, "Scroll to a question with a Learn more link first");
        return;
    }
    const BankItem *it = &app->bank->items[s->res.misses[miss].q.item];
    if (ref < it->ref_count)
        app_open_url(app, it->refs[ref].url, it->refs[ref].title);
}

static void *end_enter(App *app, const void *arg)
{
    ArcadeEndState *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    if (arg)
        s->res = *(const ArcadeResult *)arg;
    s->first_link = -1;
    s->first_miss = -1;
    app_sound(app, SFX_END);
    return s;
}

static void end_leave(App *app, void *state)
{
    (void)app;
    free(state);
}

static void end_action(App *app, void *state, const Action *a)
{
    ArcadeEndState *s = state;
    if (a->type == ACT_CONFIRM || a->type == ACT_BACK) {
        ArcadeStart start = {.kind = s->res.kind, .play_now = a->type == ACT_CONFIRM};
        app_replace(app, &SCREEN_ARCADE, &start);
        return;
    }
    if (a->type == ACT_LINK) {
        open_link(app, s, a->value);
        return;
    }
    if (a->type == ACT_COMMAND && a->value == CMD_LEARN_MORE) {
        open_link(app, s, s->first_link);
        return;
    }
    if (a->type == ACT_REPORT) {
        report_miss(app, s, a->value);
        return;
    }
    if (a->type == ACT_COMMAND && a->value == CMD_REPORT) {
        report_miss(app, s, s->first_miss);
        return;
    }
    ui_scroll_action(app, &s->review, a);
}

static int end_update(App *app, void *state, int dt_ms)
{
    ArcadeEndState *s = state;
    bool busy = particles_update(&s->particles, dt_ms);
    if (s->anim_ms < END_ANIM_MS) {
        s->anim_ms += dt_ms;
        busy = true;
    }
    if (s->res.new_best && !s->best_shown && s->anim_ms >= END_BEST_AT_MS) {
        s->best_shown = true;
        app_sound(app, SFX_LEVEL_UP);
        float cx = (float)(s->badge.x + s->badge.w / 2), cy = (float)(s->badge.y + s->badge.h / 2);
        particles_burst(app, &s->particles, cx, cy, 140, 720);
        busy = true;
    }
    return busy ? SCREEN_ANIMATING : SCREEN_IDLE;
}

static float ease_out(float t)
{
    if (t <= 0) return 0;
    if (t >= 1) return 1;
    return 1 - (1 - t) * (1 - t) * (1 - t);
}

static const char *end_title(const ArcadeResult *r)
{
    switch (r->ended) {
    case ARCADE_END_TIME: return "Time's up!";
    case ARCADE_END_LIVES: return "Out of lives";
    case ARCADE_END_QUIT: return "Round ended";
    }
    return "Round over";
}

/* The score panel: the big number, the best, the daily goal. */
static void draw_score_panel(App *app, ArcadeEndState *s, SDL_Rect r)
{
    const Theme *t = &app->theme;
    const ArcadeResult *res = &s->res;
    ui_panel(app, r);
    int pad = app_px(app, 20);
    int x = r.x + pad, y = r.y + pad - app_px(app, 6);
    char line[128], num[32];
    snprintf(line, sizeof line, "%s score", arcade_round_kind(res->kind)->title);
    text_draw(app, FONT_SMALL, line, x, y, t->text_dim, ALIGN_LEFT);
    y += text_line_height(app, FONT_SMALL);
    float grow = app->settings.reduce_motion ? 1.0f : ease_out((float)s->anim_ms / END_COUNT_MS);
    arcade_format_points((int)((float)res->points * grow + 0.5f), num, sizeof num);
    int nw = text_draw(app, FONT_HUGE, num, x, y, res->new_best ? t->accent : t->text, ALIGN_LEFT);
    int badge_x = x + nw + app_px(app, 18);
    int badge_y = y + text_line_height(app, FONT_HUGE) / 2 - app_px(app, 20);
    y += text_line_height(app, FONT_HUGE);
    char best[32];
    arcade_format_points(res->previous_best, best, sizeof best);
    if (res->new_best) {
        const char *label = "New best!";
        int lw, lh;
        text_size(app, FONT_TITLE, label, &lw, &lh);
        s->badge = (SDL_Rect){badge_x, badge_y, lw + app_px(app, 28), lh + app_px(app, 10)};
        if (s->badge.x + s->badge.w > r.x + r.w - pad) { /* narrow window: under the number */
            s->badge.x = x;
            s->badge.y = y;
            y += s->badge.h + app_px(app, 6);
        }
        bool shown = s->best_shown || app->settings.reduce_motion;
        float beat = shown && !app->settings.reduce_motion && s->anim_ms < END_ANIM_MS
                         ? 0.5f + 0.5f * sinf((float)s->anim_ms / 120.0f)
                         : 1.0f;
        if (shown) {
            ui_round_rect(app, s->badge, s->badge.h / 2, ui_mix(t->accent, t->warn, 0.4f * beat));
            text_draw(app, FONT_TITLE, label, s->badge.x + s->badge.w / 2, s->badge.y + app_px(app, 5), t->bg,
                      ALIGN_CENTER);
        }
        if (res->previous_best > 0)
            snprintf(line, sizeof line, "Your best %s round before: %s", arcade_round_kind(res->kind)->title, best);
        else
            snprintf(line, sizeof line, "Your first %s best. Now beat it.", arcade_round_kind(res->kind)->title);
    } else if (res->previous_best > 0) {
        arcade_format_points(res->previous_best - res->points + 1, num, sizeof num);
        snprintf(line, sizeof line, "Personal best %s  -  %s more points to beat it", best, num);
    } else {
        snprintf(line, sizeof line, "No points this time: answer right and fast to score.");
    }
    text_draw_wrapped(app, FONT_BODY, line, x, y, r.w - pad * 2, t->text_dim, 0, app->h);
    y += text_line_height(app, FONT_BODY) + app_px(app, 8);
    int flame = app_px(app, 26);
    bool met = res->goal_round && res->saved;
    ui_flame(app, x - app_px(app, 3), y - app_px(app, 3), flame, (float)s->anim_ms / 1000.0f, met);
    if (met)
        snprintf(line, sizeof line, "%d answers: this round meets today's goal.", res->answered);
    else
        snprintf(line, sizeof line, "%d answer%s: %d in one round meet today's goal.", res->answered,
                 res->answered == 1 ? "" : "s", REWARDS_GOAL_ARCADE_ROUND_ANSWERS);
    text_draw(app, FONT_SMALL, line, x + flame + app_px(app, 4), y + app_px(app, 2), met ? t->good : t->text_dim,
              ALIGN_LEFT);
    if (!res->saved || res->unsaved > 0) {
        if (!res->saved)
            snprintf(line, sizeof line, "This round could not be saved (see the message below).");
        else
            snprintf(line, sizeof line, "%d answer%s could not be saved (see the message below).", res->unsaved,
                     res->unsaved == 1 ? "" : "s");
        text_draw(app, FONT_SMALL, line, x, r.y + r.h - pad - text_line_height(app, FONT_SMALL), t->bad, ALIGN_LEFT);
    }
}

static void draw_stats(App *app, ArcadeEndState *s, SDL_Rect r)
{
    const Theme *t = &app->theme;
    const ArcadeResult *res = &s->res;
    int gap = app_px(app, 12);
    int cw = (r.w - gap) / 2, ch = (r.h - gap) / 2;
    char v[64];
    snprintf(v, sizeof v, "%d of %d", res->right, res->answered);
    hud_stat(app, (SDL_Rect){r.x, r.y, cw, ch}, "Right answers", v, t->good);
    int pct = percent_of(res->right, res->answered);
    if (res->answered > 0)
        snprintf(v, sizeof v, "%d%%", pct);
    else
        snprintf(v, sizeof v, "-");
    hud_stat(app, (SDL_Rect){r.x + cw + gap, r.y, cw, ch}, "Accuracy", v, pct >= 70 ? t->good : t->text);
    int mult = rewards_arcade_multiplier(res->best_combo > 0 ? res->best_combo - 1 : 0);
    if (res->best_combo > 0)
        snprintf(v, sizeof v, "%d  (x%d)", res->best_combo, mult);
    else
        snprintf(v, sizeof v, "-");
    hud_stat(app, (SDL_Rect){r.x, r.y + ch + gap, cw, ch}, "Best combo in a row", v,
             mult >= REWARDS_ARCADE_MAX_MULTIPLIER ? t->accent : t->accent2);
    snprintf(v, sizeof v, "+%d XP", res->xp);
    hud_stat(app, (SDL_Rect){r.x + cw + gap, r.y + ch + gap, cw, ch}, "Earned", v, t->accent);
}

static void draw_domains(App *app, ArcadeEndState *s, SDL_Rect r)
{
    const Theme *t = &app->theme;
    ui_panel(app, r);
    int pad = app_px(app, 18);
    int x = r.x + pad, w = r.w - pad * 2, y = r.y + pad - app_px(app, 4);
    text_draw(app, FONT_BODY_BOLD, "This round by domain", x, y, t->accent2, ALIGN_LEFT);
    y += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 8);
    int shown = 0;
    for (int d = 0; d < app->bank->domain_count && d < SCORING_MAX_DOMAINS; d++) {
        int total = s->res.domain_total[d], right = s->res.domain_right[d];
        if (total == 0)
            continue;
        if (y + text_line_height(app, FONT_BODY) + app_px(app, 14) > r.y + r.h)
            break;
        char v[32];
        snprintf(v, sizeof v, "%d / %d", right, total);
        int vw = text_draw(app, FONT_BODY_BOLD, v, x + w, y, t->text, ALIGN_RIGHT);
        SDL_Rect clip = {x, y, w - vw - app_px(app, 10), text_line_height(app, FONT_BODY)};
        SDL_RenderSetClipRect(app->renderer, &clip);
        text_draw(app, FONT_BODY, app->bank->domains[d].name, x, y, t->text, ALIGN_LEFT);
        SDL_RenderSetClipRect(app->renderer, NULL);
        y += text_line_height(app, FONT_BODY) + app_px(app, 2);
        float frac = (float)right / (float)total;
        float grow = app->settings.reduce_motion ? 1.0f : ease_out((float)s->anim_ms / 1200.0f);
        ui_progress(app, (SDL_Rect){x, y, w, app_px(app, 8)}, frac * grow,
                    frac >= 0.7f ? t->good : frac >= 0.5f ? t->warn : t->bad);
        y += app_px(app, 8) + app_px(app, 12);
        shown++;
    }
    if (shown == 0)
        text_draw_wrapped(app, FONT_BODY, "No answers in this round.", x, y, w, t->text_dim, 0, app->h);
}

/* Where draw_miss writes: measuring only (draw false) or drawing, clipped. */
typedef struct MissPen {
    App *app;
    bool draw;
    int x, y, w, clip_top, clip_bottom;
    int h;                   /* height used so far */
} MissPen;

static void pen_text(MissPen *p, FontRole role, SDL_Color c, const char *fmt, ...)
    COMPAT_PRINTF(4, 5);

static void pen_text(MissPen *p, FontRole role, SDL_Color c, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    p->h += p->draw ? text_draw_wrapped(p->app, role, line, p->x, p->y + p->h, p->w, c, p->clip_top, p->clip_bottom)
                    : text_wrapped_height(p->app, role, line, p->w);
    p->h += app_px(p->app, 4);
}

/* A "Learn more" link for ref r of miss `index`: drawn and clickable when
 * the pen draws; notes the first visible one for the L key. */
static void pen_link(MissPen *p, const BankRef *ref, int value, int *first_link)
{
    char label[APP_HIT_LABEL];
    snprintf(label, sizeof label, "Learn more: %s", ref->title);
    if (!p->draw) {
        p->h += text_wrapped_height(p->app, FONT_BODY, label, p->w) + app_px(p->app, 4);
        return;
    }
    int y = p->y + p->h;
    p->h += ui_link(p->app, p->x, y, p->w, label, (Action){.type = ACT_LINK, .value = value}, p->clip_top,
                    p->clip_bottom) + app_px(p->app, 4);
    if (*first_link < 0 && y >= p->clip_top && y < p->clip_bottom)
        *first_link = value;
}

/* The "Report a problem" link of miss `index`; notes the first visible one
 * for the R key. */
static void pen_report(MissPen *p, int index, int *first_miss)
{
    static const char label[] = "Report a problem with this question";
    if (!p->draw) {
        p->h += text_wrapped_height(p->app, FONT_BODY, label, p->w) + app_px(p->app, 4);
        return;
    }
    int y = p->y + p->h;
    p->h += ui_link(p->app, p->x, y, p->w, label, (Action){.type = ACT_REPORT, .value = index}, p->clip_top,
                    p->clip_bottom) + app_px(p->app, 4);
    if (*first_miss < 0 && y >= p->clip_top && y < p->clip_bottom)
        *first_miss = index;
}

/* One wrong item: prompt, the answer given, the right one, why, the
 * documentation links and a Report link. Returns the height it takes. */
static int draw_miss(App *app, const ArcadeMiss *m, int index, int *first_link, int *first_miss, MissPen pen)
{
    const Theme *t = &app->theme;
    const BankItem *it = &app->bank->items[m->q.item];
    const ArcadeQuestion *q = &m->q;
    bool chose = m->chosen >= 0 && m->chosen < q->option_count;
    pen_text(&pen, FONT_BODY_BOLD, t->text, "%s", q->prompt);
    if (chose)
        pen_text(&pen, FONT_BODY, t->bad, "You chose %c: %s", 'A' + m->chosen, q->options[m->chosen]);
    pen_text(&pen, FONT_BODY, t->good, "Right: %c: %s", 'A' + q->right, q->options[q->right]);
    if (!q->from_flashcard) {
        if (chose && q->why[m->chosen])
            pen_text(&pen, FONT_BODY, t->text_dim, "Why not %c: %s", 'A' + m->chosen, q->why[m->chosen]);
        if (q->why[q->right])
            pen_text(&pen, FONT_BODY, t->text_dim, "Why %c: %s", 'A' + q->right, q->why[q->right]);
        if (it->explanation)
            pen_text(&pen, FONT_BODY, t->text, "%s", it->explanation);
        for (int r = 0; r < it->ref_count && r < BANK_MAX_REFS; r++)
            pen_link(&pen, &it->refs[r], index * BANK_MAX_REFS + r, first_link);
        pen_report(&pen, index, first_miss);
    } else {
        if (chose) {
            const BankItem *other = &app->bank->items[q->source[m->chosen]];
            pen_text(&pen, FONT_BODY, t->text_dim, "What you chose answers another card: %s", other->front);
        }
        pen_report(&pen, index, first_miss);
    }
    return pen.h;
}

static void draw_review(App *app, ArcadeEndState *s, SDL_Rect r)
{
    const Theme *t = &app->theme;
    ui_panel(app, r);
    int pad = app_px(app, 18);
    int x = r.x + pad, w = r.w - pad * 2 - app_px(app, 10);
    int y = r.y + pad - app_px(app, 4);
    char title[64];
    snprintf(title, sizeof title, "To review (%d)", s->res.miss_count);
    text_draw(app, FONT_BODY_BOLD, title, x, y, t->accent2, ALIGN_LEFT);
    y += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 8);
    SDL_Rect view = {x, y, r.x + r.w - x - app_px(app, 6), r.y + r.h - y - app_px(app, 12)};
    if (s->res.miss_count == 0) {
        text_draw_wrapped(app, FONT_BODY,
                          s->res.answered > 0 ? "No wrong answers this round. Flawless!"
                                              : "Nothing answered, nothing to review.",
                          x, y, w, t->text_dim, 0, app->h);
        s->review.view = view.h;
        s->review.content = 0;
        return;
    }
    int gap = app_px(app, 16);
    int content = 0;
    s->first_link = -1;
    s->first_miss = -1;
    for (int i = 0; i < s->res.miss_count; i++)
        content += draw_miss(app, &s->res.misses[i], i, &s->first_link, &s->first_miss,
                             (MissPen){app, false, x, 0, w, 0, 0, 0}) + gap;
    s->review.view = view.h;
    s->review.content = content;
    int max = content - view.h;
    if (s->review.offset > max)
        s->review.offset = max > 0 ? max : 0;
    SDL_RenderSetClipRect(app->renderer, &view);
    int cy = y - s->review.offset;
    for (int i = 0; i < s->res.miss_count; i++) {
        if (i > 0)
            ui_fill(app, (SDL_Rect){x, cy - gap / 2, w, 1}, ui_alpha(t->border, 120));
        cy += draw_miss(app, &s->res.misses[i], i, &s->first_link, &s->first_miss,
                        (MissPen){app, true, x, cy, w, view.y, view.y + view.h, 0}) + gap;
    }
    SDL_RenderSetClipRect(app->renderer, NULL);
    ui_scrollbar(app, view, &s->review);
}

static const KeyMap *end_keys(App *app, void *state);

static void end_draw(App *app, void *state)
{
    ArcadeEndState *s = state;
    ui_background(app);
    char label[64];
    int secs = s->res.played_ms / 1000;
    snprintf(label, sizeof label, "%s round  -  %d:%02d played", arcade_round_kind(s->res.kind)->title, secs / 60,
             secs % 60);
    int y = hud_header(app, end_title(&s->res), label, -1);
    int margin = app_px(app, 28), gap = app_px(app, 16);
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 30);
    int top_h = app_px(app, 36) + text_line_height(app, FONT_SMALL) + text_line_height(app, FONT_HUGE) +
                text_line_height(app, FONT_BODY) + app_px(app, 36);
    int left_w = (app->w - margin * 2 - gap) * 11 / 20;
    draw_score_panel(app, s, (SDL_Rect){margin, y, left_w, top_h});
    draw_stats(app, s, (SDL_Rect){margin + left_w + gap, y, app->w - margin * 2 - left_w - gap, top_h});
    y += top_h + gap;
    int bottom_h = app->h - y - footer;
    int dom_w = (app->w - margin * 2 - gap) * 2 / 5;
    draw_domains(app, s, (SDL_Rect){margin, y, dom_w, bottom_h});
    draw_review(app, s, (SDL_Rect){margin + dom_w + gap, y, app->w - margin * 2 - dom_w - gap, bottom_h});
    particles_draw(app, &s->particles);
    ui_footer_keys(app, end_keys(app, s));
}

static const KeyMap *end_keys(App *app, void *state)
{
    (void)app;
    const ArcadeEndState *s = state;
    return s->first_link >= 0 ? &LINKS_KEYS : s->first_miss >= 0 ? &REPORT_KEYS : &PLAIN_KEYS;
}

const Screen SCREEN_ARCADE_END = {
    .name = "arcade_end",
    .enter = end_enter,
    .leave = end_leave,
    .action = end_action,
    .update = end_update,
    .draw = end_draw,
    .keys = end_keys,
};
