/* Arcade results: the score counting up, the personal best of the round
 * kind (with a "New best!" moment), answers, accuracy and best combo, XP,
 * accuracy by domain for the round, and the wrong items with their answers
 * and explanations; buttons to play again, for the round menu and home.
 * Two columns when the window has the room, else one scrolling column. Keys
 * that leave wait a moment, so keys still mashed from the round do not skip
 * the results. The round saved itself (arcade_round_finish); this only
 * shows what it says, a round or answers not saved included. */
#include "compat.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actionbar.h"
#include "chart.h"
#include "hud.h"
#include "particles.h"
#include "percent.h"
#include "report.h"
#include "rewards.h"
#include "screen_arcade.h"
#include "screens.h"
#include "strbuf.h"
#include "text.h"
#include "ui.h"

#define END_COUNT_MS 900     /* the score counts up over this */
#define END_BEST_AT_MS 950   /* the "New best!" moment */
#define END_ANIM_MS 2600     /* after this nothing moves */
#define END_GRACE_MS 1000    /* Enter, Esc and the buttons wait this long */

/* The footer and the bound letters: with links to open, with misses to
 * report, or with nothing in the review to act on. */
static const KeyBinding LINKS_ROWS[] = {
    {"Enter", 0, CMD_NONE, "play again", false},
    {"Esc", 0, CMD_NONE, "round menu", false},
    {"H", 'H', CMD_HOME, "home", true},
    {"L", 'L', CMD_LEARN_MORE, "learn more", false},
    {"R", 'R', CMD_REPORT, "report", false},
    {"Up/Down", 0, CMD_NONE, KEYS_DOES_SCROLL, false},
};
static const KeyBinding REPORT_ROWS[] = {
    {"Enter", 0, CMD_NONE, "play again", false},
    {"Esc", 0, CMD_NONE, "round menu", false},
    {"H", 'H', CMD_HOME, "home", true},
    {"R", 'R', CMD_REPORT, "report", false},
    {"Up/Down/PgUp/PgDn", 0, CMD_NONE, KEYS_DOES_SCROLL, false},
};
static const KeyBinding PLAIN_ROWS[] = {
    {"Enter", 0, CMD_NONE, "play again", false},
    {"Esc", 0, CMD_NONE, "round menu", false},
    {"H", 'H', CMD_HOME, "home", true},
    {"Up/Down/PgUp/PgDn", 0, CMD_NONE, "scroll the review", false},
};
static const KeyMap LINKS_KEYS = KEYMAP(LINKS_ROWS);
static const KeyMap REPORT_KEYS = KEYMAP(REPORT_ROWS);
static const KeyMap PLAIN_KEYS = KEYMAP(PLAIN_ROWS);

typedef struct ArcadeEndState {
    ArcadeResult res;
    StudyToday today;        /* after the round: whether today's goal is met */
    int anim_ms;
    int age_ms;              /* time on screen, for END_GRACE_MS */
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
    app_study_today(app, &s->today);
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
    bool home = a->type == ACT_COMMAND && a->value == CMD_HOME;
    if (a->type == ACT_CONFIRM || a->type == ACT_BACK || home) {
        if (s->age_ms < END_GRACE_MS)
            return; /* a key still mashed from the round */
        if (home) {
            app_pop_to(app, &SCREEN_HOME);
            return;
        }
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
    if (s->age_ms < END_GRACE_MS) {
        s->age_ms += dt_ms;
        busy = true;
    }
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

/* Draws a wrapped text when `draw`; returns its height either way. */
static int put(App *app, bool draw, FontRole role, const char *text, int x, int y, int w, SDL_Color c)
{
    if (draw)
        return text_draw_wrapped(app, role, text, x, y, w, c, 0, app->h);
    return text_wrapped_height(app, role, text, w);
}

/* What the round did for today's goal, in the one rule's words: met by this
 * round, met already, or what a round needs. */
static void goal_line(const ArcadeEndState *s, char *line, size_t size, bool *met)
{
    const ArcadeResult *res = &s->res;
    *met = s->today.streak.today_met;
    if (*met && res->goal_round && res->saved)
        snprintf(line, size, "%d answers: this round meets today's goal.", res->answered);
    else if (*met)
        snprintf(line, size, "Today's goal is met.");
    else
        snprintf(line, size, "%d answer%s: %d in one round meet today's goal.", res->answered,
                 res->answered == 1 ? "" : "s", REWARDS_GOAL_ARCADE_ROUND_ANSWERS);
}

/* The score panel: the big number, the best, the daily goal. Measures only
 * when `draw` is false; returns the height. */
static int score_panel(App *app, ArcadeEndState *s, SDL_Rect r, bool draw)
{
    const Theme *t = &app->theme;
    const ArcadeResult *res = &s->res;
    if (draw)
        ui_panel(app, r);
    int pad = app_px(app, 20);
    int x = r.x + pad, y = r.y + pad - app_px(app, 6), w = r.w - pad * 2;
    char line[160], num[32];
    snprintf(line, sizeof line, "%s score", arcade_round_kind(res->kind)->title);
    y += put(app, draw, FONT_SMALL, line, x, y, w, t->text_dim);
    float grow = app->settings.reduce_motion ? 1.0f : ease_out((float)s->anim_ms / END_COUNT_MS);
    strbuf_thousands((int)((float)res->points * grow + 0.5f), num, sizeof num);
    int nw = 0, nh = 0;
    text_size(app, FONT_HUGE, num, &nw, &nh);
    if (draw)
        text_draw(app, FONT_HUGE, num, x, y, res->new_best ? t->accent : t->text, ALIGN_LEFT);
    int badge_y = y + text_line_height(app, FONT_HUGE) / 2 - app_px(app, 20);
    y += text_line_height(app, FONT_HUGE);
    char best[32];
    strbuf_thousands(res->previous_best, best, sizeof best);
    if (res->new_best) {
        const char *label = "New best!";
        int lw, lh;
        text_size(app, FONT_TITLE, label, &lw, &lh);
        s->badge = (SDL_Rect){x + nw + app_px(app, 18), badge_y, lw + app_px(app, 28), lh + app_px(app, 10)};
        if (s->badge.x + s->badge.w > r.x + r.w - pad) { /* narrow: under the number */
            s->badge.x = x;
            s->badge.y = y;
            y += s->badge.h + app_px(app, 6);
        }
        bool shown = s->best_shown || app->settings.reduce_motion;
        float beat = shown && !app->settings.reduce_motion && s->anim_ms < END_ANIM_MS
                         ? 0.5f + 0.5f * sinf((float)s->anim_ms / 120.0f)
                         : 1.0f;
        if (shown && draw) {
            ui_round_rect(app, s->badge, s->badge.h / 2, ui_mix(t->accent, t->warn, 0.4f * beat));
            text_draw(app, FONT_TITLE, label, s->badge.x + s->badge.w / 2, s->badge.y + app_px(app, 5), t->bg,
                      ALIGN_CENTER);
        }
        if (res->previous_best > 0)
            snprintf(line, sizeof line, "Your best %s round before: %s", arcade_round_kind(res->kind)->title, best);
        else
            snprintf(line, sizeof line, "Your first %s best. Now beat it.", arcade_round_kind(res->kind)->title);
    } else if (res->previous_best > 0) {
        strbuf_thousands(res->previous_best - res->points + 1, num, sizeof num);
        snprintf(line, sizeof line, "Personal best %s  -  %s more points to beat it", best, num);
    } else {
        snprintf(line, sizeof line, "No points this time: answer right and fast to score.");
    }
    y += put(app, draw, FONT_BODY, line, x, y, w, t->text_dim) + app_px(app, 8);
    int flame = app_px(app, 26);
    bool met;
    goal_line(s, line, sizeof line, &met);
    if (draw)
        ui_flame(app, x - app_px(app, 3), y - app_px(app, 3), flame, (float)s->anim_ms / 1000.0f, met);
    int gh = put(app, draw, FONT_SMALL, line, x + flame + app_px(app, 4), y + app_px(app, 2),
                 w - flame - app_px(app, 4), met ? t->good : t->text_dim);
    y += (gh > flame ? gh : flame) + app_px(app, 4);
    if (!res->saved || res->unsaved > 0) {
        if (!res->saved)
            snprintf(line, sizeof line, "This round could not be saved (see the message below).");
        else
            snprintf(line, sizeof line, "%d answer%s could not be saved (see the message below).", res->unsaved,
                     res->unsaved == 1 ? "" : "s");
        y += put(app, draw, FONT_SMALL, line, x, y, w, t->bad) + app_px(app, 4);
    }
    return y + pad - r.y;
}

/* The four stat cards, two columns or one as their labels need. Returns the
 * height (draw false: measures only). */
static int stats_grid(App *app, ArcadeEndState *s, int x, int y, int w, int min_h, bool draw)
{
    const Theme *t = &app->theme;
    const ArcadeResult *res = &s->res;
    char v[4][64];
    snprintf(v[0], sizeof v[0], "%d of %d", res->right, res->answered);
    int pct = percent_of(res->right, res->answered);
    snprintf(v[1], sizeof v[1], res->answered > 0 ? "%d%%" : "-", pct);
    int mult = rewards_arcade_multiplier(res->best_combo > 0 ? res->best_combo - 1 : 0);
    if (res->best_combo > 0)
        snprintf(v[2], sizeof v[2], "%d  (x%d)", res->best_combo, mult);
    else
        snprintf(v[2], sizeof v[2], "-");
    snprintf(v[3], sizeof v[3], "+%d XP", res->xp);
    HudStat stats[4] = {{"Right answers", v[0], t->good},
                        {"Accuracy", v[1], pct >= 70 ? t->good : t->text},
                        {"Best combo in a row", v[2], mult >= REWARDS_ARCADE_MAX_MULTIPLIER ? t->accent : t->accent2},
                        {"Earned", v[3], t->accent}};
    return hud_stat_grid(app, x, y, w, stats, 4, 2, min_h, draw);
}

/* Accuracy by domain for the round: a name (wrapped) and a bar each.
 * Returns the height the panel needs (draw false: measures only). */
static int domains_panel(App *app, ArcadeEndState *s, SDL_Rect r, bool draw)
{
    const Theme *t = &app->theme;
    if (draw)
        ui_panel(app, r);
    int pad = app_px(app, 18);
    int x = r.x + pad, w = r.w - pad * 2, y = r.y + pad - app_px(app, 4);
    y += put(app, draw, FONT_BODY_BOLD, "This round by domain", x, y, w, t->accent2) + app_px(app, 8);
    int shown = 0;
    for (int d = 0; d < app->bank->domain_count && d < SCORING_MAX_DOMAINS; d++) {
        int total = s->res.domain_total[d], right = s->res.domain_right[d];
        if (total == 0)
            continue;
        if (draw && r.h > 0 && y + text_line_height(app, FONT_BODY) + app_px(app, 14) > r.y + r.h)
            break; /* a fixed-height panel (two columns) shows what fits */
        char v[32];
        snprintf(v, sizeof v, "%d / %d", right, total);
        int vw, vh;
        text_size(app, FONT_BODY_BOLD, v, &vw, &vh);
        if (draw)
            text_draw(app, FONT_BODY_BOLD, v, x + w, y, t->text, ALIGN_RIGHT);
        y += put(app, draw, FONT_BODY, app->bank->domains[d].name, x, y, w - vw - app_px(app, 10), t->text) +
             app_px(app, 2);
        float frac = (float)right / (float)total;
        float grow = app->settings.reduce_motion ? 1.0f : ease_out((float)s->anim_ms / 1200.0f);
        if (draw)
            ui_progress(app, (SDL_Rect){x, y, w, app_px(app, 8)}, frac * grow,
                        frac >= 0.7f ? t->good : frac >= 0.5f ? t->warn : t->bad);
        y += app_px(app, 8) + app_px(app, 12);
        shown++;
    }
    if (shown == 0)
        y += put(app, draw, FONT_BODY, "No answers in this round.", x, y, w, t->text_dim);
    return y + pad - r.y;
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

/* The misses with their answers. In a fixed panel (`own_scroll`: two
 * columns) the list scrolls inside it; otherwise the panel is as tall as
 * the list, drawn within [clip_top, clip_bottom) of the page's scroll.
 * Returns the height the panel needs (draw false: measures only). */
static int review_panel(App *app, ArcadeEndState *s, SDL_Rect r, bool own_scroll, int clip_top, int clip_bottom,
                        bool draw)
{
    const Theme *t = &app->theme;
    int pad = app_px(app, 18);
    int x = r.x + pad, w = r.w - pad * 2 - (own_scroll ? app_px(app, 10) : 0);
    int y = r.y + pad - app_px(app, 4);
    int gap = app_px(app, 16);
    char title[64];
    snprintf(title, sizeof title, "To review (%d)", s->res.miss_count);
    int th = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 8);
    const char *none = s->res.answered > 0 ? "No wrong answers this round. Flawless!"
                                           : "Nothing answered, nothing to review.";
    int content = 0;
    if (s->res.miss_count == 0)
        content = text_wrapped_height(app, FONT_BODY, none, w);
    for (int i = 0; i < s->res.miss_count; i++)
        content += draw_miss(app, &s->res.misses[i], i, &s->first_link, &s->first_miss,
                             (MissPen){app, false, x, 0, w, 0, 0, 0}) + gap;
    int need = pad * 2 + th + content;
    if (!draw)
        return need;
    if (!own_scroll)
        r.h = need;
    ui_panel(app, r);
    text_draw(app, FONT_BODY_BOLD, title, x, y, t->accent2, ALIGN_LEFT);
    y += th;
    if (s->res.miss_count == 0) {
        text_draw_wrapped(app, FONT_BODY, none, x, y, w, t->text_dim, 0, app->h);
        return need;
    }
    SDL_Rect view = {x, y, r.x + r.w - x - app_px(app, 6), r.y + r.h - y - app_px(app, 12)};
    ChartClip saved;
    int offset = 0;
    if (own_scroll) {
        s->review.view = view.h;
        s->review.content = content;
        int max = content - view.h;
        if (s->review.offset > max)
            s->review.offset = max > 0 ? max : 0;
        offset = s->review.offset;
        chart_clip_push(app, view, &saved);
        clip_top = view.y;
        clip_bottom = view.y + view.h;
    }
    int cy = y - offset;
    for (int i = 0; i < s->res.miss_count; i++) {
        if (i > 0)
            ui_fill(app, (SDL_Rect){x, cy - gap / 2, w, 1}, ui_alpha(t->border, 120));
        cy += draw_miss(app, &s->res.misses[i], i, &s->first_link, &s->first_miss,
                        (MissPen){app, true, x, cy, w, clip_top, clip_bottom, 0}) + gap;
    }
    if (own_scroll) {
        chart_clip_pop(app, &saved);
        ui_scrollbar(app, view, &s->review);
    }
    return need;
}

/* The buttons under the results. */
static int end_buttons(BarButton out[3])
{
    out[0] = (BarButton){"H  Home", {.type = ACT_COMMAND, .value = CMD_HOME}};
    out[1] = (BarButton){"Esc  Round menu", {.type = ACT_BACK}};
    out[2] = (BarButton){"Enter  Play again", {.type = ACT_CONFIRM}};
    return 3;
}

/* Two columns: the score and the stats side by side, then the domains and
 * the review (which scrolls inside its panel). False when the window is
 * too narrow or short for them; nothing is drawn then. */
static bool two_columns(App *app, ArcadeEndState *s, SDL_Rect body)
{
    int gap = app_px(app, 16);
    if (body.w < app_px(app, 900))
        return false;
    int left_w = (body.w - gap) * 11 / 20, right_w = body.w - left_w - gap;
    int top_h = score_panel(app, s, (SDL_Rect){body.x, body.y, left_w, 0}, false);
    int stats_h = stats_grid(app, s, 0, 0, right_w, 0, false);
    if (stats_h > top_h)
        top_h = stats_h;
    int bottom_h = body.h - top_h - gap;
    if (bottom_h < app_px(app, 180))
        return false;
    score_panel(app, s, (SDL_Rect){body.x, body.y, left_w, top_h}, true);
    stats_grid(app, s, body.x + left_w + gap, body.y, right_w, top_h, true);
    int y = body.y + top_h + gap;
    int dom_w = (body.w - gap) * 2 / 5;
    domains_panel(app, s, (SDL_Rect){body.x, y, dom_w, bottom_h}, true);
    review_panel(app, s, (SDL_Rect){body.x + dom_w + gap, y, body.w - dom_w - gap, bottom_h}, true, 0, 0, true);
    return true;
}

/* One column, the whole page scrolling: score, stats, domains, review. */
static void one_column(App *app, ArcadeEndState *s, SDL_Rect body)
{
    int gap = app_px(app, 14);
    int w = body.w - app_px(app, 14); /* room for the scroll bar */
    s->review.view = body.h;
    ChartClip saved;
    int edge = app_px(app, 4); /* the panels' borders, left of their text */
    chart_clip_push(app, (SDL_Rect){body.x - edge, body.y, body.w + edge, body.h}, &saved);
    int top = body.y - s->review.offset;
    int y = top;
    int h = score_panel(app, s, (SDL_Rect){body.x, y, w, 0}, false);
    score_panel(app, s, (SDL_Rect){body.x, y, w, h}, true);
    y += h + gap;
    y += stats_grid(app, s, body.x, y, w, 0, true) + gap;
    h = domains_panel(app, s, (SDL_Rect){body.x, y, w, 0}, false);
    domains_panel(app, s, (SDL_Rect){body.x, y, w, h}, true);
    y += h + gap;
    y += review_panel(app, s, (SDL_Rect){body.x, y, w, 0}, false, body.y, body.y + body.h, true);
    s->review.content = y - top;
    chart_clip_pop(app, &saved);
    ui_scrollbar(app, body, &s->review);
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
    int y = hud_header(app, end_title(&s->res), label, -1) - app_px(app, 8);
    int margin = app_px(app, 28);
    BarButton bar[3];
    int nb = end_buttons(bar);
    SDL_Rect body = {margin, y, app->w - margin * 2, actionbar_top(app, bar, nb) - app_px(app, 10) - y};
    s->first_link = -1;
    s->first_miss = -1;
    if (!two_columns(app, s, body))
        one_column(app, s, body);
    actionbar_draw_bottom(app, bar, nb);
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
