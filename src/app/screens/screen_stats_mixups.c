/* Stats page about how the learner answers: the concepts they mix up (each
 * pair with its count, which way round, the questions behind it and a
 * Contrast drill button) and the calibration chart (how often answers
 * marked sure were right against unsure ones, with the verdict's sentence).
 * The figures come from the snapshot's StatsMixups; this file words and
 * draws them, measuring every text so any text size fits. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "screen_stats.h"
#include "text.h"
#include "ui.h"

#define MIXUP_QUESTIONS_SHOWN 3     /* questions listed under a pair */

typedef struct PairLayout {
    int pad, inner, button_w, button_h, title_w;
    bool side;                      /* the button beside the title (else below the text) */
} PairLayout;

static const char *const CONTRAST_LABEL = "Contrast drill";

static void pair_title(const Mixup *m, char *buf, size_t size)
{
    snprintf(buf, size, "%s  /  %s", m->a, m->b);
}

static void times(int n, char *buf, size_t size)
{
    if (n == 1)
        snprintf(buf, size, "once");
    else if (n == 2)
        snprintf(buf, size, "twice");
    else
        snprintf(buf, size, "%d times", n);
}

/* "Mixed up 4 times: AWS Config chosen where AWS CloudTrail was right 3
 * times, the other way round once." or "Once: you chose AWS Config where AWS
 * CloudTrail was right." */
static void pair_line(const Mixup *m, char *buf, size_t size)
{
    char all[24], ab[24], ba[24];
    times(m->count, all, sizeof all);
    int b_for_a = m->count - m->a_for_b;
    times(m->a_for_b, ab, sizeof ab);
    times(b_for_a, ba, sizeof ba);
    all[0] = (char)toupper((unsigned char)all[0]);
    const char *each = m->count == 1 ? "" : m->count == 2 ? " both times" : " each time";
    if (b_for_a == 0)
        snprintf(buf, size, "%s: you chose %s%s where %s was right.", all, m->a, each, m->b);
    else if (m->a_for_b == 0)
        snprintf(buf, size, "%s: you chose %s%s where %s was right.", all, m->b, each, m->a);
    else
        snprintf(buf, size, "Mixed up %s: %s chosen where %s was right %s, the other way round %s.", all, m->a,
                 m->b, ab, ba);
}

static PairLayout pair_layout(App *app, int w)
{
    PairLayout L = {.pad = app_px(app, 18)};
    L.inner = w - L.pad * 2;
    int th;
    text_size(app, FONT_BODY_BOLD, CONTRAST_LABEL, &L.button_w, &th);
    L.button_w += app_px(app, 32);
    L.button_h = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 18);
    if (L.button_w > L.inner)
        L.button_w = L.inner;
    /* beside the title while the title keeps at least half the row */
    L.side = L.inner - L.button_w - app_px(app, 14) >= L.inner / 2;
    L.title_w = L.side ? L.inner - L.button_w - app_px(app, 14) : L.inner;
    return L;
}

/* One pair in a panel; measures only when `draw` is false. Returns its height. */
static int draw_pair(App *app, const Mixup *m, int index, SDL_Rect r, SDL_Rect clip, bool draw)
{
    const Theme *t = &app->theme;
    PairLayout L = pair_layout(app, r.w);
    char title[160], line[400];
    pair_title(m, title, sizeof title);
    pair_line(m, line, sizeof line);
    int x = r.x + L.pad, y = r.y + L.pad, top = clip.y, bottom = clip.y + clip.h;
    if (draw)
        ui_panel(app, r);
    int th = draw ? text_draw_wrapped(app, FONT_BODY_BOLD, title, x, y, L.title_w, t->accent, top, bottom)
                  : text_wrapped_height(app, FONT_BODY_BOLD, title, L.title_w);
    if (L.side && th < L.button_h)
        th = L.button_h;
    if (draw && L.side)
        ui_button(app, (SDL_Rect){x + L.inner - L.button_w, y, L.button_w, L.button_h}, CONTRAST_LABEL, false,
                  (Action){.type = ACT_SELECT, .value = STATS_CONTRAST_ACTION + index});
    y += th + app_px(app, 6);
    y += draw ? text_draw_wrapped(app, FONT_SMALL, line, x, y, L.inner, t->text, top, bottom)
              : text_wrapped_height(app, FONT_SMALL, line, L.inner);
    int shown = m->item_count < MIXUP_QUESTIONS_SHOWN ? m->item_count : MIXUP_QUESTIONS_SHOWN;
    for (int k = 0; k < shown; k++) {
        snprintf(line, sizeof line, "-  %s", app->bank->items[m->items[k]].prompt);
        y += app_px(app, 4);
        y += draw ? text_draw_wrapped(app, FONT_SMALL, line, x, y, L.inner, t->text_dim, top, bottom)
                  : text_wrapped_height(app, FONT_SMALL, line, L.inner);
    }
    if (m->item_count > shown) {
        snprintf(line, sizeof line, "and %d more question%s", m->item_count - shown,
                 m->item_count - shown == 1 ? "" : "s");
        y += app_px(app, 4);
        y += draw ? text_draw_wrapped(app, FONT_SMALL, line, x, y, L.inner, t->text_dim, top, bottom)
                  : text_wrapped_height(app, FONT_SMALL, line, L.inner);
    }
    if (!L.side) {
        y += app_px(app, 10);
        if (draw)
            ui_button(app, (SDL_Rect){x, y, L.button_w, L.button_h}, CONTRAST_LABEL, false,
                      (Action){.type = ACT_SELECT, .value = STATS_CONTRAST_ACTION + index});
        y += L.button_h;
    }
    return y + L.pad - r.y;
}

/* A heading and a dim note under it. Returns the height. */
static int heading(App *app, const char *title, const char *note, int x, int y, int w, SDL_Rect clip)
{
    const Theme *t = &app->theme;
    int h = text_draw_wrapped(app, FONT_BODY_BOLD, title, x, y, w, t->text, clip.y, clip.y + clip.h);
    h += app_px(app, 4);
    h += text_draw_wrapped(app, FONT_SMALL, note, x, y + h, w, t->text_dim, clip.y, clip.y + clip.h);
    return h + app_px(app, 10);
}

/* A panel holding one wrapped text. Returns its height. */
static int text_panel(App *app, const char *text, int x, int y, int w, SDL_Rect clip)
{
    int pad = app_px(app, 18);
    int h = text_wrapped_height(app, FONT_BODY, text, w - pad * 2) + pad * 2;
    ui_panel(app, (SDL_Rect){x, y, w, h});
    text_draw_wrapped(app, FONT_BODY, text, x + pad, y + pad, w - pad * 2, app->theme.text, clip.y, clip.y + clip.h);
    return h;
}

/* One bar of the calibration chart: its label above, the share of right
 * answers as the bar. Returns the height. */
static int calibration_bar(App *app, const char *what, int right, int total, int x, int y, int w, SDL_Color c,
                           SDL_Rect clip)
{
    const Theme *t = &app->theme;
    char label[160];
    if (total == 0)
        snprintf(label, sizeof label, "%s: none marked yet", what);
    else
        snprintf(label, sizeof label, "%s: %d of %d right (%d%%)", what, right, total, percent_of(right, total));
    int h = text_draw_wrapped(app, FONT_SMALL, label, x, y, w, total ? t->text : t->text_dim, clip.y,
                              clip.y + clip.h);
    h += app_px(app, 4);
    int bh = app_px(app, 14);
    ui_progress(app, (SDL_Rect){x, y + h, w, bh}, total ? (float)right / (float)total : 0.0f, c);
    return h + bh;
}

static int draw_calibration(App *app, const StatsMixups *m, int x, int y, int w, SDL_Rect clip)
{
    const Theme *t = &app->theme;
    const Calibration *c = &m->calibration;
    int pad = app_px(app, 18), inner = w - pad * 2;
    char text[480];
    if (c->sure + c->unsure == 0) {
        snprintf(text, sizeof text, "%s",
                 app->settings.ask_sure
                     ? "No answer is marked yet. In the daily drill, tick Sure before you submit when you are "
                       "sure of an answer. After a few marked answers this chart compares how often your sure "
                       "and unsure answers are right, and says whether your confidence can be trusted."
                     : "Ask how sure is off in Settings, so the drill does not ask. Turn it on to mark the "
                       "answers you are sure of and see here whether your confidence can be trusted.");
        return text_panel(app, text, x, y, w, clip);
    }
    /* measure: two bars and the sentence */
    int bar_h = text_line_height(app, FONT_SMALL) + app_px(app, 18);
    snprintf(text, sizeof text, "%s", m->calibration_text);
    int sentence = text_wrapped_height(app, FONT_BODY, text, inner);
    int h = pad + bar_h * 2 + app_px(app, 14) + sentence + pad;
    ui_panel(app, (SDL_Rect){x, y, w, h});
    int cy = y + pad;
    SDL_Color sure_c = m->verdict == CALIBRATION_OVERCONFIDENT ? t->bad : t->good;
    cy += calibration_bar(app, "Marked sure", c->sure_right, c->sure, x + pad, cy, inner, sure_c, clip) +
          app_px(app, 8);
    cy += calibration_bar(app, "Not sure", c->unsure_right, c->unsure, x + pad, cy, inner, t->accent2, clip) +
          app_px(app, 14);
    SDL_Color vc = m->verdict == CALIBRATION_OVERCONFIDENT ? t->bad
                   : m->verdict == CALIBRATION_TOO_FEW    ? t->text_dim
                                                           : t->text;
    text_draw_wrapped(app, FONT_BODY, text, x + pad, cy, inner, vc, clip.y, clip.y + clip.h);
    return h;
}

int stats_page_mixups(App *app, const StatsSnapshot *s, SDL_Rect view, int y)
{
    const StatsMixups *m = &s->mixups;
    int y0 = y, gap = app_px(app, 14);
    char note[240];
    if (m->count > 0)
        snprintf(note, sizeof note, "From your %d wrong answer%s to questions: one picked where the other was "
                 "right. A contrast drill puts the two side by side.", m->wrong_questions,
                 m->wrong_questions == 1 ? "" : "s");
    else
        snprintf(note, sizeof note, "Pairs of services or ideas you pick one for the other.");
    y += heading(app, "Concepts you mix up", note, view.x, y, view.w, view);
    if (m->count == 0) {
        y += text_panel(app,
                        m->wrong_questions > 0
                            ? "No mix-ups yet: your wrong answers did not pick one named service or idea "
                              "where another was right."
                            : "No mix-ups yet. When you pick one service where another was right, the pair "
                              "shows here with the questions behind it, and a contrast drill to tell them apart.",
                        view.x, y, view.w, view) + gap;
    }
    for (int k = 0; k < m->count; k++) {
        SDL_Rect r = {view.x, y, view.w, 0};
        r.h = draw_pair(app, &m->pairs[k], k, r, view, false);
        draw_pair(app, &m->pairs[k], k, r, view, true);
        y += r.h + gap;
    }
    y += app_px(app, 6);
    y += heading(app, "How sure you were",
                 "Answers you marked Sure in the drill, against those you did not: right how often?", view.x, y,
                 view.w, view);
    y += draw_calibration(app, m, view.x, y, view.w, view);
    return y - y0;
}
