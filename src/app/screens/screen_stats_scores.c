/* Stats pages about scores: the mock exam history against the pass mark
 * and the ready score, right answers per domain against the bank's line,
 * and the Leitner boxes with the due forecast. Show only: every number and
 * verdict comes from the StatsSnapshot. */
#include <stdio.h>

#include "chart.h"
#include "screen_stats.h"
#include "strbuf.h"
#include "text.h"
#include "ui.h"

/* ---- page 1: mock exam history ------------------------------------------ */

/* The page before the first mock exam: what a mock is, and the diagnostic. */
static int mocks_empty(App *app, const StatsSnapshot *s, SDL_Rect view, int y)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    int top = y;
    SDL_Rect p = {view.x, y, view.w, app_px(app, 150)};
    ui_panel(app, p);
    text_draw(app, FONT_TITLE, "No mock exams yet", p.x + app_px(app, 24), p.y + app_px(app, 20), t->text,
              ALIGN_LEFT);
    char line[320];
    snprintf(line, sizeof line,
             "A mock exam is the full rehearsal: %d questions in %d minutes, scored %d-%d like the real one. "
             "Take one from the menu (3); its score will be drawn here against the %d pass mark and the %d "
             "target.", b->exam_items, b->exam_minutes, b->scale_min, b->scale_max, s->pass_score, s->ready_score);
    text_draw_wrapped(app, FONT_BODY, line, p.x + app_px(app, 24),
                      p.y + app_px(app, 28) + text_line_height(app, FONT_TITLE), p.w - app_px(app, 48),
                      t->text_dim, view.y, view.y + view.h);
    y += p.h + app_px(app, 14);
    if (s->has_diagnostic) {
        char d[32];
        stats_fmt_date(s->diagnostic.finished_at, "%d %b %Y", d, sizeof d);
        snprintf(line, sizeof line, "Your last diagnostic (%s): about %d, likely %d-%d.", d, s->diagnostic.scaled,
                 s->diagnostic.likely_low, s->diagnostic.likely_high);
        y += text_draw_wrapped(app, FONT_BODY, line, view.x, y, view.w, t->text, view.y, view.y + view.h);
    }
    return y - top;
}

/* The chart's title and its legend (a line for the score, a swatch for the range). */
static void mocks_legend(App *app, SDL_Rect p)
{
    const Theme *t = &app->theme;
    int lh = text_line_height(app, FONT_SMALL);
    int ly = p.y + app_px(app, 14);
    int title_w = text_draw(app, FONT_BODY_BOLD, "Scaled score of each mock exam", p.x + app_px(app, 20),
                            p.y + app_px(app, 12), t->text, ALIGN_LEFT);
    int sw, range_w, score_w;
    text_size(app, FONT_SMALL, "likely range", &range_w, &sw);
    text_size(app, FONT_SMALL, "score", &score_w, &sw);
    if (title_w + range_w + score_w + app_px(app, 130) > p.w)
        return; /* no room beside the title: the colours speak for themselves */
    int lx = p.x + p.w - app_px(app, 20);
    lx -= text_draw(app, FONT_SMALL, "likely range", lx, ly, t->text_dim, ALIGN_RIGHT) + app_px(app, 26);
    ui_round_rect(app, (SDL_Rect){lx, ly, app_px(app, 20), lh}, app_px(app, 4), ui_alpha(t->accent2, 70));
    lx -= app_px(app, 16);
    lx -= text_draw(app, FONT_SMALL, "score", lx, ly, t->text_dim, ALIGN_RIGHT) + app_px(app, 26);
    chart_segment(app, (float)lx, (float)(ly + lh / 2), (float)(lx + app_px(app, 20)), (float)(ly + lh / 2),
                  (float)app_px(app, 3), t->accent2);
}

/* Dates under the axis: the first, the last, and between where they fit. */
static void mocks_dates(App *app, const StatsSnapshot *s, const float *xs, int ly)
{
    int n = s->mock_count;
    int last_right = -100000;
    for (int i = 0; i < n; i++) {
        char d[24];
        stats_fmt_date(s->mocks[i].finished_at, "%d %b", d, sizeof d);
        int tw, th;
        text_size(app, FONT_SMALL, d, &tw, &th);
        int left = (int)xs[i] - tw / 2;
        if (i != n - 1 && (left < last_right + app_px(app, 16) || (int)xs[i] + tw / 2 > (int)xs[n - 1] - tw))
            continue;
        text_draw(app, FONT_SMALL, d, (int)xs[i], ly, app->theme.text_dim, ALIGN_CENTER);
        last_right = left + tw;
    }
}

/* The scores over time in panel p: likely ranges as a band, the pass and
 * target lines, the scores as a line with a dot per exam (coloured by how
 * it compares with the lines). */
static void mocks_chart(App *app, const StatsSnapshot *s, SDL_Rect p)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    int lh = text_line_height(app, FONT_SMALL);
    ui_panel(app, p);
    mocks_legend(app, p);
    int left = app_px(app, 64), right = app_px(app, 100);
    ChartFrame f = {{p.x + left, p.y + app_px(app, 40), p.w - left - right, p.h - app_px(app, 56) - lh * 2},
                    0, (double)b->scale_max};
    int lowest = s->pass_score;
    for (int i = 0; i < s->mock_count; i++)
        if (s->mocks[i].likely_low < lowest)
            lowest = s->mocks[i].likely_low;
    f.min = (double)((lowest - 50) / 100 * 100);
    if (f.min < b->scale_min)
        f.min = b->scale_min;
    chart_grid(app, &f, 100);

    float xs[STATS_MAX_MOCKS];
    double v[STATS_MAX_MOCKS], lo[STATS_MAX_MOCKS], hi[STATS_MAX_MOCKS];
    int n = s->mock_count;
    double t0 = (double)s->mocks[0].finished_at, t1 = (double)s->mocks[n - 1].finished_at;
    ChartFrame inner = f;
    inner.plot.x += app_px(app, 16);
    inner.plot.w -= app_px(app, 32);
    for (int i = 0; i < n; i++) {
        xs[i] = n == 1 ? (float)(inner.plot.x + inner.plot.w / 2)
                       : chart_x(&inner, (double)s->mocks[i].finished_at, t0, t1);
        v[i] = s->mocks[i].scaled;
        lo[i] = s->mocks[i].likely_low;
        hi[i] = s->mocks[i].likely_high;
    }
    chart_band(app, &f, xs, lo, hi, n, ui_alpha(t->accent2, 55));
    char label[64];
    snprintf(label, sizeof label, "target %d", s->ready_score);
    chart_ref_line(app, &f, s->ready_score, t->good, label, true);
    snprintf(label, sizeof label, "pass %d", s->pass_score);
    chart_ref_line(app, &f, s->pass_score, t->warn, label, false);
    chart_line(app, &f, xs, v, n, t->accent2, (float)app_px(app, 3), 0);
    for (int i = 0; i < n; i++) {
        float py = chart_y(&f, v[i]);
        ui_circle(app, xs[i], py, (float)app_px(app, 7), t->panel);
        ui_circle(app, xs[i], py, (float)app_px(app, 5), stats_level_colour(app, stats_score_level(s, s->mocks[i].scaled)));
    }
    mocks_dates(app, s, xs, f.plot.y + f.plot.h + app_px(app, 8));
}

int stats_page_mocks(App *app, const StatsSnapshot *s, SDL_Rect view, int y)
{
    if (s->mock_count == 0)
        return mocks_empty(app, s, view, y);
    int top = y;
    int n = s->mock_count;
    /* The chart fills what the view leaves after the summary line. */
    int summary_h = text_line_height(app, FONT_BODY) * 2 + app_px(app, 20);
    int chart_h = view.h - summary_h - app_px(app, 10);
    if (chart_h < app_px(app, 300))
        chart_h = app_px(app, 300);
    mocks_chart(app, s, (SDL_Rect){view.x, y, view.w, chart_h});
    y += chart_h + app_px(app, 14);

    char line[400];
    snprintf(line, sizeof line, "%d mock exam%s, best %d, last %d (likely %d-%d), average of the last %d: %d.", n,
             n == 1 ? "" : "s", s->mock_best, s->mocks[n - 1].scaled, s->mocks[n - 1].likely_low,
             s->mocks[n - 1].likely_high, s->mock_recent, s->mock_recent_average);
    if (s->has_diagnostic) {
        char d[32];
        stats_fmt_date(s->diagnostic.finished_at, "%d %b", d, sizeof d);
        strbuf_append(line, sizeof line, "  Diagnostic on %s: %d.", d, s->diagnostic.scaled);
    }
    y += text_draw_wrapped(app, FONT_BODY, line, view.x, y, view.w, app->theme.text, view.y, view.y + view.h);
    return y - top;
}

/* ---- page 2: domain accuracy -------------------------------------------- */

int stats_page_domains(App *app, const StatsSnapshot *s, SDL_Rect view, int y)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    int top = y;
    int lh = text_line_height(app, FONT_SMALL);
    int bh = app_px(app, 14);
    int row_h = text_line_height(app, FONT_BODY_BOLD) + lh + app_px(app, 30);
    int head = text_line_height(app, FONT_BODY_BOLD) + lh + app_px(app, 30);
    SDL_Rect p = {view.x, y, view.w, head + row_h * b->domain_count + app_px(app, 10)};
    ui_panel(app, p);
    int px = p.x + app_px(app, 20);
    text_draw(app, FONT_BODY_BOLD, "Right answers per domain", px, p.y + app_px(app, 12), t->text, ALIGN_LEFT);
    /* legend */
    int lx = p.x + p.w - app_px(app, 20), ly = p.y + app_px(app, 14);
    lx -= text_draw(app, FONT_SMALL, "last 7 days", lx, ly, t->text_dim, ALIGN_RIGHT) + app_px(app, 8);
    ui_round_rect(app, (SDL_Rect){lx - app_px(app, 20), ly + lh / 4, app_px(app, 20), lh / 2}, 2, t->accent);
    lx -= app_px(app, 40);
    lx -= text_draw(app, FONT_SMALL, "all time", lx, ly, t->text_dim, ALIGN_RIGHT) + app_px(app, 8);
    ui_round_rect(app, (SDL_Rect){lx - app_px(app, 20), ly + lh / 4, app_px(app, 20), lh / 2}, 2, t->accent2);

    int label_w = p.w * 36 / 100;
    int bar_x = px + label_w;
    int bar_w = p.x + p.w - app_px(app, 150) - bar_x;
    int ry = p.y + head;
    int pass_x = bar_x + (int)((double)bar_w * b->pass_fraction);
    char line[160];
    snprintf(line, sizeof line, "pass %d%%", percent(b->pass_fraction));
    text_draw(app, FONT_SMALL, line, pass_x, ry - lh - app_px(app, 6), t->warn, ALIGN_CENTER);
    for (int d = 0; d < b->domain_count; d++) {
        const StatsTally *all = &s->accuracy_all[d], *week = &s->accuracy_week[d];
        int yy = ry + d * row_h;
        if (d > 0)
            ui_fill(app, (SDL_Rect){px, yy - app_px(app, 10), p.w - app_px(app, 40), 1}, ui_alpha(t->border, 90));
        snprintf(line, sizeof line, "%s %s", b->domains[d].id, b->domains[d].name);
        ChartClip saved;
        chart_clip_push(app, (SDL_Rect){px, yy - app_px(app, 4), label_w - app_px(app, 12), row_h}, &saved);
        stats_draw_fitted(app, line, px, yy, label_w - app_px(app, 12), t->text);
        double fa = all->total ? (double)all->right / all->total : 0;
        double fw = week->total ? (double)week->right / week->total : 0;
        snprintf(line, sizeof line, "%d%% of the exam", b->domains[d].weight);
        int wy = yy + text_line_height(app, FONT_BODY_BOLD) + app_px(app, 4);
        int cx = px + text_draw(app, FONT_SMALL, line, px, wy, t->text_dim, ALIGN_LEFT) + app_px(app, 10);
        static const char *const CHIPS[] = {[STATS_LINE_NOT_STARTED] = "not started",
                                            [STATS_LINE_BELOW] = "below the line",
                                            [STATS_LINE_MEETS] = "meets the line"};
        const char *chip = CHIPS[s->line[d]];
        SDL_Color cc = s->line[d] == STATS_LINE_NOT_STARTED ? t->text_dim
                       : s->line[d] == STATS_LINE_MEETS     ? t->good
                                                            : t->bad;
        ui_chip(app, cx, wy - app_px(app, 2), chip, ui_alpha(cc, 45), cc);
        chart_clip_pop(app, &saved);
        int by = yy + app_px(app, 4);
        chart_hbar(app, (SDL_Rect){bar_x, by, bar_w, bh}, fa, t->accent2);
        chart_hbar(app, (SDL_Rect){bar_x, by + bh + app_px(app, 8), bar_w, bh}, fw, t->accent);
        int vx = bar_x + bar_w + app_px(app, 14);
        snprintf(line, sizeof line, all->total ? "%d%%  of %d" : "no answers", percent_of(all->right, all->total),
                 all->total);
        text_draw(app, FONT_SMALL, line, vx, by + (bh - lh) / 2, all->total ? t->text : t->text_dim, ALIGN_LEFT);
        snprintf(line, sizeof line, week->total ? "%d%%  of %d" : "none this week", percent_of(week->right, week->total),
                 week->total);
        text_draw(app, FONT_SMALL, line, vx, by + bh + app_px(app, 8) + (bh - lh) / 2,
                  week->total ? t->text : t->text_dim, ALIGN_LEFT);
    }
    /* the pass fraction line through every row */
    int th = app_px(app, 2) > 1 ? app_px(app, 2) : 1;
    for (int yy = ry - app_px(app, 4); yy < ry + row_h * b->domain_count - app_px(app, 20); yy += app_px(app, 10))
        ui_fill(app, (SDL_Rect){pass_x - th / 2, yy, th, app_px(app, 6)}, t->warn);
    y += p.h + app_px(app, 12);
    text_draw_wrapped(app, FONT_SMALL,
                      "The exam is compensatory: no domain must pass on its own, but a domain below the line "
                      "costs points the others must make up. Answers from every mode count.",
                      view.x, y, view.w, t->text_dim, view.y, view.y + view.h);
    y += text_wrapped_height(app, FONT_SMALL,
                             "The exam is compensatory: no domain must pass on its own, but a domain below the line "
                             "costs points the others must make up. Answers from every mode count.", view.w);
    return y - top;
}

/* ---- page 3: Leitner boxes and the forecast ------------------------------ */

static SDL_Color box_colour(const App *app, int box, int boxes)
{
    const Theme *t = &app->theme;
    if (box == 0)
        return ui_alpha(t->text_dim, 110);
    float f = boxes > 1 ? (float)(box - 1) / (float)(boxes - 1) : 1.0f;
    return f < 0.5f ? ui_mix(t->bad, t->warn, f * 2) : ui_mix(t->warn, t->good, (f - 0.5f) * 2);
}

int stats_page_boxes(App *app, const StatsSnapshot *s, SDL_Rect view, int y)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    int top = y;
    int lh = text_line_height(app, FONT_SMALL);
    int boxes = b->leitner_boxes;
    int bar_h = app_px(app, 18);
    int row_h = bar_h + app_px(app, 10);
    int legend_h = lh + app_px(app, 12);
    int head = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 18);
    SDL_Rect p = {view.x, y, view.w, head + legend_h + row_h * b->domain_count + app_px(app, 8)};
    ui_panel(app, p);
    int px = p.x + app_px(app, 20);
    text_draw(app, FONT_BODY_BOLD, "Items per Leitner box", px, p.y + app_px(app, 12), t->text, ALIGN_LEFT);
    /* legend: New, Box 1 (1 d), ... */
    int lx = px, ly = p.y + head;
    SDL_Color colours[BANK_MAX_BOXES + 1];
    for (int k = 0; k <= boxes; k++) {
        colours[k] = box_colour(app, k, boxes);
        char label[40];
        if (k == 0)
            snprintf(label, sizeof label, "new");
        else
            snprintf(label, sizeof label, "box %d (%d d)", k, b->leitner_days[k - 1]);
        ui_round_rect(app, (SDL_Rect){lx, ly + lh / 4, app_px(app, 14), lh / 2 + 2}, 2, colours[k]);
        lx += app_px(app, 20);
        lx += text_draw(app, FONT_SMALL, label, lx, ly, t->text_dim, ALIGN_LEFT) + app_px(app, 16);
    }
    int label_w = p.w * 30 / 100;
    int bar_x = px + label_w;
    int seen_w, seen_h;
    text_size(app, FONT_SMALL, "0000/0000 seen", &seen_w, &seen_h);
    int bar_w = p.x + p.w - app_px(app, 32) - seen_w - bar_x;
    int ry = ly + legend_h;
    for (int d = 0; d < b->domain_count; d++) {
        int yy = ry + d * row_h;
        int total = s->domain_items[d];
        ChartClip saved;
        if (chart_clip_push(app, (SDL_Rect){px, yy - app_px(app, 4), label_w - app_px(app, 10), bar_h + app_px(app, 8)},
                            &saved))
            text_draw(app, FONT_BODY, b->domains[d].name, px,
                      yy + (bar_h - text_line_height(app, FONT_BODY)) / 2 + 1, t->text, ALIGN_LEFT);
        chart_clip_pop(app, &saved);
        chart_stacked_hbar(app, (SDL_Rect){bar_x, yy, bar_w, bar_h}, s->boxes[d], boxes + 1, total, colours);
        int learned = total - s->boxes[d][0];
        char line[64];
        snprintf(line, sizeof line, "%d/%d seen", learned, total);
        text_draw(app, FONT_SMALL, line, bar_x + bar_w + app_px(app, 12), yy + (bar_h - lh) / 2, t->text_dim,
                  ALIGN_LEFT);
    }
    y += p.h + app_px(app, 14);

    /* the forecast: due per day for two weeks */
    int fh = view.h - (y - top) - app_px(app, 4);
    if (fh < app_px(app, 180))
        fh = app_px(app, 180);
    SDL_Rect q = {view.x, y, view.w, fh};
    ui_panel(app, q);
    char title[120];
    snprintf(title, sizeof title, "Due over the next %d days: %d reviews", STATS_FORECAST_DAYS, s->due_total);
    text_draw(app, FONT_BODY_BOLD, title, q.x + app_px(app, 20), q.y + app_px(app, 12), t->text, ALIGN_LEFT);
    int chart_top = q.y + app_px(app, 18) + text_line_height(app, FONT_BODY_BOLD) + lh + app_px(app, 6);
    int chart_bottom = q.y + q.h - lh - app_px(app, 14);
    int cx = q.x + app_px(app, 20), cw = q.w - app_px(app, 40);
    int slot = cw / STATS_FORECAST_DAYS;
    int bw = slot * 6 / 10;
    for (int i = 0; i < STATS_FORECAST_DAYS; i++) {
        int bx = cx + i * slot + (slot - bw) / 2;
        SDL_Rect r = {bx, chart_top, bw, chart_bottom - chart_top};
        chart_vbar(app, r, (double)s->due[i] / s->due_peak, i == 0 ? t->accent : t->accent2);
        char num[16];
        snprintf(num, sizeof num, "%d", s->due[i]);
        int hgt = (int)((double)r.h * s->due[i] / s->due_peak);
        text_draw(app, FONT_SMALL, num, bx + bw / 2, r.y + r.h - hgt - lh - app_px(app, 2),
                  s->due[i] ? t->text : t->text_dim, ALIGN_CENTER);
        char d[16];
        if (i == 0)
            snprintf(d, sizeof d, "today");
        else
            stats_fmt_date(s->now + (int64_t)i * SECONDS_PER_DAY, "%a", d, sizeof d);
        text_draw(app, FONT_SMALL, d, bx + bw / 2, chart_bottom + app_px(app, 6),
                  i == 0 ? t->accent : t->text_dim, ALIGN_CENTER);
    }
    y += fh;
    return y - top;
}

