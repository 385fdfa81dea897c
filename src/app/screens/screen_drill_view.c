/* The drill's pictures (screen_drill.h): the header with its chips and
 * the Report button, the verdict after an answer, the flashcard that turns,
 * and the summary at the end of a session. Drawing only: what a click does
 * is the Action it registers, handled by screen_drill.c. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart.h"
#include "hud.h"
#include "report.h"
#include "screen_drill.h"
#include "text.h"

static int chip_width(App *app, const char *label)
{
    int w, h;
    text_size(app, FONT_SMALL, label, &w, &h);
    return w + app_px(app, 16);
}

/* The chips (XP, combo, the item's box: the box it is in now, the one the
 * feedback names) that fit between x and right, at y: the box first when
 * room is short, then XP, then the combo. */
static void draw_chips(App *app, DrillState *s, int x, int right, int y)
{
    const Theme *t = &app->theme;
    int gap = app_px(app, 8);
    char chips[3][64];
    snprintf(chips[0], sizeof chips[0], "+%d XP", s->d.xp);
    snprintf(chips[1], sizeof chips[1], "%d right in a row", s->d.combo);
    chips[2][0] = '\0';
    if (s->d.item >= 0) {
        int box = app->study->states[s->d.item].box;
        if (s->phase == DRILL_FEEDBACK) {
            DrillFeedback fb;
            drill_session_feedback(&s->d, app_now(app), &fb);
            box = fb.box_after;
        }
        snprintf(chips[2], sizeof chips[2], box == 0 ? "New item" : "Box %d", box);
    }
    SDL_Color bg[3] = {ui_alpha(t->accent, 50), ui_alpha(t->good, s->d.combo > 0 ? 60 : 25), ui_alpha(t->accent2, 40)};
    SDL_Color fg[3] = {t->accent, s->d.combo > 0 ? t->good : t->text_dim, t->accent2};
    static const int ORDER[3] = {2, 0, 1};
    bool show[3] = {false, false, false};
    int used = 0;
    for (int k = 0; k < 3; k++) {
        int c = ORDER[k];
        if (!chips[c][0])
            continue;
        int w = chip_width(app, chips[c]) + gap;
        if (x + used + w <= right) {
            show[c] = true;
            used += w;
        }
    }
    for (int c = 0; c < 3; c++)
        if (show[c])
            x += ui_chip(app, x, y, chips[c], bg[c], fg[c]) + gap;
}

/* The compact header: the title, the chips, the counter and the Report
 * button on one line, a thin progress bar under it. False (nothing drawn)
 * when the title, the counter and the button do not fit on the line. */
static bool compact_header(App *app, DrillState *s, const char *title, const char *counter, float progress,
                           int *content_top)
{
    const Theme *t = &app->theme;
    int margin = app_px(app, 28), gap = app_px(app, 8), y = app_px(app, 8);
    int row = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 8);
    const KeyMap *keys = drill_phase_keys(app, s);
    int tw, cw, th;
    text_size(app, FONT_BODY_BOLD, title, &tw, &th);
    text_size(app, FONT_BODY, counter, &cw, &th);
    int report_w = s->d.item >= 0 ? report_button_width(app, keys) : 0;
    int counter_x = app->w - margin - report_w - (report_w ? gap * 2 : 0) - cw;
    if (margin + tw + gap * 2 > counter_x)
        return false;
    text_draw(app, FONT_BODY_BOLD, title, margin, y + (row - text_line_height(app, FONT_BODY_BOLD)) / 2, t->text,
              ALIGN_LEFT);
    text_draw(app, FONT_BODY, counter, counter_x, y + (row - text_line_height(app, FONT_BODY)) / 2, t->text_dim,
              ALIGN_LEFT);
    if (report_w)
        report_button(app, keys, app->w - margin, y, row);
    int chip_h = text_line_height(app, FONT_SMALL) + app_px(app, 4);
    draw_chips(app, s, margin + tw + gap * 2, counter_x - gap, y + (row - chip_h) / 2);
    int bar_y = y + row + app_px(app, 6);
    ui_progress(app, (SDL_Rect){margin, bar_y, app->w - margin * 2, app_px(app, 5)}, progress, t->accent);
    *content_top = bar_y + app_px(app, 5) + app_px(app, 10);
    return true;
}

/* The title, the counter and the chips, and the Report button: on one line
 * when the window is short of height for the text size, else the title in
 * large type over the bar and a row of chips. */
void drill_draw_header(App *app, DrillState *s, int *content_top)
{
    int number, total;
    drill_session_progress(&s->d, &number, &total);
    char label[96];
    snprintf(label, sizeof label, "Item %d of %d", number, total);
    float progress = total > 0 ? (float)s->d.queue.answered / (float)total : 1;
    static const char *const TITLES[] = {"Daily drill", "New items", "My mistakes", "Domain drill"};
    const char *title = s->title ? s->title : TITLES[s->d.kind];
    if (ui_compact(app) && compact_header(app, s, title, label, progress, content_top))
        return;
    int y = hud_header(app, title, label, progress);
    int margin = app_px(app, 28), gap = app_px(app, 8);
    int cy = y - app_px(app, 8);
    int report_h = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 8);
    int report_w = 0;
    if (s->d.item >= 0)
        report_w = report_button(app, drill_phase_keys(app, s), app->w - margin, cy - app_px(app, 4), report_h);
    draw_chips(app, s, margin, app->w - margin - report_w - gap, cy);
    int h = text_line_height(app, FONT_SMALL) + app_px(app, 4);
    if (report_h - app_px(app, 4) > h)
        h = report_h - app_px(app, 4);
    *content_top = cy + h + app_px(app, 10);
}

/* The verdict under the header after answering, wrapped to the width;
 * returns its height (draw false: measures only). */
int drill_verdict(App *app, DrillState *s, int y, bool draw)
{
    const Theme *t = &app->theme;
    DrillFeedback fb;
    drill_session_feedback(&s->d, app_now(app), &fb);
    char line[200];
    drill_feedback_text(&fb, drill_on_card(app, s), line, sizeof line);
    int margin = app_px(app, 28), pad = app_px(app, 14), inset = app_px(app, ui_compact(app) ? 4 : 7);
    int w = app->w - margin * 2;
    int th = text_wrapped_height(app, FONT_BODY_BOLD, line, w - pad * 2);
    int h = th + inset * 2;
    if (!draw)
        return h;
    float pulse = s->flash_ms > 0 ? (float)s->flash_ms / 450.0f : 0;
    SDL_Color c = fb.correct ? t->good : t->bad;
    ui_round_rect(app, (SDL_Rect){margin, y, w, h}, app_px(app, 10), ui_alpha(c, 40 + (int)(120 * pulse)));
    text_draw_wrapped(app, FONT_BODY_BOLD, line, margin + pad, y + inset, w - pad * 2, c, 0, app->h);
    return h;
}

/* The card: its tag, the front, and once turned the back, in a scrolling
 * column; a click on the front turns it. */
void drill_draw_card(App *app, DrillState *s, SDL_Rect area)
{
    const Theme *t = &app->theme;
    const BankItem *it = &app->bank->items[s->d.item];
    float scale_x = 1.0f;
    bool show_back = s->card_flipped;
    if (s->flip_ms > 0) {
        float p = 1.0f - (float)s->flip_ms / FLIP_MS; /* 0..1 */
        scale_x = fabsf(cosf(p * (float)M_PI));
        show_back = p >= 0.5f;
    }
    int cw = area.w * 3 / 4 > app_px(app, 640) ? area.w * 3 / 4 : area.w;
    int w = (int)((float)cw * scale_x);
    SDL_Rect card = {area.x + (area.w - w) / 2, area.y, w < 2 ? 2 : w, area.h};
    ui_round_rect(app, (SDL_Rect){card.x - 2, card.y - 2, card.w + 4, card.h + 4}, app_px(app, 22),
                  show_back ? t->accent2 : t->accent);
    ui_round_rect(app, card, app_px(app, 20), t->panel);
    if (!s->card_flipped)
        app_hit_label(app, card, (Action){.type = ACT_SPACE}, "the card (click to turn it)");
    if (s->flip_ms > 0)
        return;
    int pad = app_px(app, ui_compact(app) ? 14 : 24);
    SDL_Rect view = {card.x + pad, card.y + pad, card.w - pad * 2, card.h - pad * 2};
    int tw = view.w - app_px(app, 14); /* room for the scroll bar */
    s->card_scroll.view = view.h;
    ChartClip saved;
    chart_clip_push(app, view, &saved);
    int y = view.y - s->card_scroll.offset;
    char tag[160];
    snprintf(tag, sizeof tag, "Flashcard  -  Task %s  -  %s", app->bank->tasks[it->task].id,
             app->bank->domains[it->domain].name);
    if (chip_width(app, tag) <= tw) {
        ui_chip(app, view.x, y, tag, ui_alpha(t->accent2, 40), t->accent2);
        y += text_line_height(app, FONT_SMALL) + app_px(app, 14);
    } else {
        y += text_draw_wrapped(app, FONT_SMALL, tag, view.x, y, tw, t->accent2, view.y, view.y + view.h) +
             app_px(app, 10);
    }
    /* The big type while it fits in the card, else the body's. */
    FontRole front = FONT_TITLE;
    if (show_back || text_wrapped_height(app, FONT_TITLE, it->front, tw) > view.h / 2)
        front = FONT_BODY_BOLD;
    y += text_draw_wrapped(app, front, it->front, view.x, y, tw, show_back ? t->text_dim : t->text, view.y,
                           view.y + view.h);
    if (show_back) {
        y += app_px(app, 10);
        ui_fill(app, (SDL_Rect){view.x, y, tw, 1}, ui_alpha(t->border, 160));
        y += app_px(app, 12);
        FontRole back = text_wrapped_height(app, FONT_TITLE, it->back, tw) > view.h / 2 ? FONT_BODY : FONT_TITLE;
        y += text_draw_wrapped(app, back, it->back, view.x, y, tw, t->text, view.y, view.y + view.h);
    } else {
        y += app_px(app, 16);
        y += text_draw_wrapped(app, FONT_BODY, "Think of the answer, then turn the card: click it or Show answer.",
                               view.x, y, tw, t->text_dim, view.y, view.y + view.h);
    }
    s->card_scroll.content = y + s->card_scroll.offset - view.y;
    chart_clip_pop(app, &saved);
    ui_scrollbar(app, view, &s->card_scroll);
}

/* The session's four numbers as stat cards. Returns the height. */
static int draw_stats(App *app, const DrillSession *d, int x, int y, int w)
{
    const Theme *t = &app->theme;
    char values[4][32];
    snprintf(values[0], sizeof values[0], "%d", d->right);
    snprintf(values[1], sizeof values[1], "%d", d->wrong);
    snprintf(values[2], sizeof values[2], "%d", d->promoted);
    snprintf(values[3], sizeof values[3], "%d", d->demoted);
    HudStat stats[4] = {{"Right", values[0], t->good},
                        {"Wrong", values[1], d->wrong ? t->bad : t->text},
                        {"Moved up a box", values[2], t->accent2},
                        {"Back to box 1", values[3], t->text}};
    return hud_stat_grid(app, x, y, w, stats, 4, 4, 0, true);
}

/* Lines in a panel: each wrapped to the width. Measures only when
 * `draw` is false. Returns the panel's height. */
typedef struct PanelLine {
    FontRole role;
    SDL_Color colour;
    char text[160];
} PanelLine;

static int draw_lines(App *app, SDL_Rect r, const PanelLine *lines, int n, int bar_after, float bar, bool draw)
{
    int pad = app_px(app, 18), w = r.w - pad * 2;
    int y = r.y + pad;
    if (draw)
        ui_panel(app, r);
    for (int i = 0; i < n; i++) {
        int h = text_wrapped_height(app, lines[i].role, lines[i].text, w);
        if (draw)
            text_draw_wrapped(app, lines[i].role, lines[i].text, r.x + pad, y, w, lines[i].colour, 0, app->h);
        y += h + app_px(app, 6);
        if (i == bar_after) {
            if (draw)
                ui_progress(app, (SDL_Rect){r.x + pad, y, w, app_px(app, 10)}, bar, app->theme.accent);
            y += app_px(app, 20);
        }
    }
    return y - r.y + pad - app_px(app, 6);
}

void drill_draw_summary(App *app, DrillState *s, const KeyMap *map)
{
    const Theme *t = &app->theme;
    const DrillSession *d = &s->d;
    static const char *const DONE[] = {"Drill complete", "New items learned", "Mistakes drilled",
                                       "Drill complete"};
    int top = hud_header(app, d->finished ? DONE[d->kind] : "Drill paused", NULL, -1) - app_px(app, 10);
    BarButton bar[4];
    char labels[4][64];
    int nb = drill_phase_buttons(app, s, map, bar, labels);
    int bottom = actionbar_top(app, bar, nb) - app_px(app, 10);
    int margin = app_px(app, 28);
    SDL_Rect view = {margin, top, app->w - margin * 2, bottom - top};
    int w = view.w - app_px(app, 16), gap = app_px(app, 14);
    ChartClip saved;
    int edge = app_px(app, 4); /* the panels' borders, left of their text */
    chart_clip_push(app, (SDL_Rect){view.x - edge, view.y, view.w + edge, view.h}, &saved);
    int y = view.y - s->summary_scroll.offset;
    if (d->queue.answered == 0) {
        y += text_draw_wrapped(app, FONT_BODY,
                               d->finished ? "Nothing is due right now and today's new items are done. Learn 10 "
                                             "more new items, play an Arcade round, or come back tomorrow."
                                           : "Nothing was answered. Items due stay due for next time.",
                               view.x, y, w, t->text, view.y, view.y + view.h);
    } else {
        y += draw_stats(app, d, view.x, y, w) + gap;
        PanelLine level[3] = {{FONT_TITLE, t->text, ""}, {FONT_BODY, t->accent, ""}, {FONT_SMALL, t->text_dim, ""}};
        bool level_up = s->after.level > s->level_before;
        snprintf(level[0].text, sizeof level[0].text, level_up ? "Level up! Level %d" : "Level %d", s->after.level);
        if (level_up)
            level[0].colour = t->accent;
        snprintf(level[1].text, sizeof level[1].text, "+%d XP this session", d->xp);
        snprintf(level[2].text, sizeof level[2].text, "%d / %d XP to level %d", s->after.level_into,
                 s->after.level_span, s->after.level + 1);
        PanelLine day[3] = {{FONT_TITLE, t->text, ""}, {FONT_BODY, t->text_dim, ""}, {FONT_SMALL, t->text_dim, ""}};
        int streak = s->after.streak.current;
        if (streak > 0)
            snprintf(day[0].text, sizeof day[0].text, "%d-day streak", streak);
        else
            snprintf(day[0].text, sizeof day[0].text, "No streak yet");
        int left = s->after.goal - s->after.drill_answers;
        if (s->after.streak.today_met) {
            snprintf(day[1].text, sizeof day[1].text, "Today's goal is met. See you tomorrow!");
            day[1].colour = t->good;
        } else {
            snprintf(day[1].text, sizeof day[1].text, "%d more drill answer%s meet%s today's goal.", left,
                     left == 1 ? "" : "s", left == 1 ? "s" : "");
        }
        snprintf(day[2].text, sizeof day[2].text, "Due tomorrow: %d item%s", s->after.due_tomorrow,
                 s->after.due_tomorrow == 1 ? "" : "s");
        float grow = s->anim_ms < 1000 && !app->settings.reduce_motion ? (float)s->anim_ms / 1000.0f : 1.0f;
        float frac = s->after.level_span > 0 ? (float)s->after.level_into / (float)s->after.level_span : 0;
        /* Side by side when both fit in half the width, else one above the other. */
        int half = (w - gap) / 2;
        bool two = half >= app_px(app, 300);
        int pw = two ? half : w;
        int lh = draw_lines(app, (SDL_Rect){view.x, y, pw, 0}, level, 3, 1, frac * grow, false);
        int dh = draw_lines(app, (SDL_Rect){view.x, y, pw, 0}, day, 3, -1, 0, false);
        if (two) {
            int h = lh > dh ? lh : dh;
            draw_lines(app, (SDL_Rect){view.x, y, pw, h}, level, 3, 1, frac * grow, true);
            draw_lines(app, (SDL_Rect){view.x + pw + gap, y, pw, h}, day, 3, -1, 0, true);
            y += h + gap;
        } else {
            y += draw_lines(app, (SDL_Rect){view.x, y, pw, lh}, level, 3, 1, frac * grow, true) + gap;
            y += draw_lines(app, (SDL_Rect){view.x, y, pw, dh}, day, 3, -1, 0, true) + gap;
        }
        if (d->wrong == 0)
            y += text_draw_wrapped(app, FONT_BODY, "Every answer was right: no mistakes to drill again.", view.x, y,
                                   w, t->good, view.y, view.y + view.h) + gap;
        if (!d->finished)
            y += text_draw_wrapped(app, FONT_BODY,
                                   "Every answer you gave is saved. Open the Daily drill again to continue with "
                                   "what is still due.", view.x, y, w, t->text_dim, view.y, view.y + view.h);
    }
    s->summary_scroll.view = view.h;
    s->summary_scroll.content = y + s->summary_scroll.offset - view.y;
    chart_clip_pop(app, &saved);
    ui_scrollbar(app, view, &s->summary_scroll);
    actionbar_draw_bottom(app, bar, nb);
    particles_draw(app, &s->particles);
    ui_footer_keys(app, map);
}
