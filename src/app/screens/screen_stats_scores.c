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
    const char *title = "No mock exams yet";
    char line[320];
    snprintf(line, sizeof line,
             "A mock exam is the full rehearsal: %d questions in %d minutes, scored %d-%d as AWS reports it "
             "(an estimate). Take one from the menu (3); its score will be drawn here against the %d pass mark "
             "and the %d target.", b->exam_items, b->exam_minutes, b->scale_min, b->scale_max, s->pass_score,
             s->ready_score);
    int pad = app_px(app, 24), inner = view.w - pad * 2;
    int title_h = text_wrapped_height(app, FONT_TITLE, title, inner);
    SDL_Rect p = {view.x, y, view.w,
                  app_px(app, 20) + title_h + app_px(app, 8) + text_wrapped_height(app, FONT_BODY, line, inner) + pad};
    ui_panel(app, p);
    text_draw_wrapped(app, FONT_TITLE, title, p.x + pad, p.y + app_px(app, 20), inner, t->text, view.y,
                      view.y + view.h);
    text_draw_wrapped(app, FONT_BODY, line, p.x + pad, p.y + app_px(app, 28) + title_h, inner, t->text_dim, view.y,
                      view.y + view.h);
    y += p.h + app_px(app, 14);
    if (s->has_diagnostic) {
        char d[32];
        stats_fmt_date(s->diagnostic.finished_at, "%d %b %Y", d, sizeof d);
        snprintf(line, sizeof line, "Your last diagnostic (%s): about %d", d, s->diagnostic.scaled);
        if (s->diagnostic.likely_low != s->diagnostic.likely_high)
            strbuf_append(line, sizeof line, ", likely %d-%d", s->diagnostic.likely_low, s->diagnostic.likely_high);
        strbuf_append(line, sizeof line, ".");
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
    /* Margins from the words beside the plot: the scale on the left, the
     * lines' labels on the right, the title above, the dates below. */
    char target[32], pass[32];
    snprintf(target, sizeof target, "target %d", s->ready_score);
    snprintf(pass, sizeof pass, "pass %d", s->pass_score);
    int scale_w, target_w, pass_w, h;
    char top_label[16];
    snprintf(top_label, sizeof top_label, "%d", b->scale_max);
    text_size(app, FONT_SMALL, top_label, &scale_w, &h);
    text_size(app, FONT_SMALL, target, &target_w, &h);
    text_size(app, FONT_SMALL, pass, &pass_w, &h);
    int left = app_px(app, 28) + scale_w, right = app_px(app, 28) + (target_w > pass_w ? target_w : pass_w);
    int top = app_px(app, 22) + text_line_height(app, FONT_BODY_BOLD) + lh / 2;
    ChartFrame f = {{p.x + left, p.y + top, p.w - left - right, p.h - top - lh - app_px(app, 24)}, 0,
                    (double)b->scale_max};
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
    chart_ref_line(app, &f, s->ready_score, t->good, NULL, true);
    chart_ref_line(app, &f, s->pass_score, t->warn, NULL, false);
    /* the lines' labels, apart when the lines are close: target above its
     * line, pass below its own */
    int ty = (int)chart_y(&f, s->ready_score) - lh / 2, py = (int)chart_y(&f, s->pass_score) - lh / 2;
    if (py - ty < lh) {
        ty = (int)chart_y(&f, s->ready_score) - lh;
        py = (int)chart_y(&f, s->pass_score);
    }
    if (py - ty < lh)
        ty = py - lh;
    int lx = f.plot.x + f.plot.w + app_px(app, 8);
    text_draw(app, FONT_SMALL, target, lx, ty, t->good, ALIGN_LEFT);
    text_draw(app, FONT_SMALL, pass, lx, py, t->warn, ALIGN_LEFT);
    chart_line(app, &f, xs, v, n, t->accent2, (float)app_px(app, 3), 0);
    for (int i = 0; i < n; i++) {
        float dot_y = chart_y(&f, v[i]);
        ui_circle(app, xs[i], dot_y, (float)app_px(app, 7), t->panel);
        ui_circle(app, xs[i], dot_y, (float)app_px(app, 5), stats_level_colour(app, stats_score_level(s, s->mocks[i].scaled)));
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
    const StatsExam *last = &s->mocks[n - 1];
    snprintf(line, sizeof line, "%d mock exam%s, best %d, last %d", n, n == 1 ? "" : "s", s->mock_best, last->scaled);
    if (last->likely_low != last->likely_high)
        strbuf_append(line, sizeof line, " (likely %d-%d)", last->likely_low, last->likely_high);
    if (n > 1)
        strbuf_append(line, sizeof line, ", average of the last %d: %d", s->mock_recent, s->mock_recent_average);
    strbuf_append(line, sizeof line, ".");
    if (s->has_diagnostic) {
        char d[32];
        stats_fmt_date(s->diagnostic.finished_at, "%d %b", d, sizeof d);
        strbuf_append(line, sizeof line, "  Diagnostic on %s: %d.", d, s->diagnostic.scaled);
    }
    y += text_draw_wrapped(app, FONT_BODY, line, view.x, y, view.w, app->theme.text, view.y, view.y + view.h);
    return y - top;
}

/* ---- page 2: domain accuracy -------------------------------------------- */

static const char *const LINE_CHIPS[] = {[STATS_LINE_NOT_STARTED] = "not started",
                                         [STATS_LINE_BELOW] = "below the line",
                                         [STATS_LINE_MEETS] = "meets the line"};

static const char DOMAINS_NOTE[] = "The exam is compensatory: no domain must pass on its own, but a domain below "
                                   "the line costs points the others must make up. Answers from every mode count.";

/* How the domain rows are laid out: the names in a column left of the
 * bars when every name fits there, else each name above its bars. */
typedef struct DomainLayout {
    bool stacked;
    int label_w;       /* the names' column (side by side) */
    int value_w;       /* the "74%  of 1,019" column right of the bars */
    int bar_h;
} DomainLayout;

static void domain_values(const StatsTally *all, const StatsTally *week, char *a, char *w, size_t size)
{
    char n[32];
    strbuf_thousands(all->total, n, sizeof n);
    if (all->total)
        snprintf(a, size, "%d%%  of %s", percent_of(all->right, all->total), n);
    else
        snprintf(a, size, "no answers");
    strbuf_thousands(week->total, n, sizeof n);
    if (week->total)
        snprintf(w, size, "%d%%  of %s", percent_of(week->right, week->total), n);
    else
        snprintf(w, size, "none this week");
}

static DomainLayout domains_layout(App *app, const StatsSnapshot *s, int inner)
{
    const Bank *b = app->bank;
    DomainLayout l = {false, inner * 36 / 100, 0, app_px(app, 14)};
    for (int d = 0; d < b->domain_count; d++) {
        char a[48], w[48], name[160];
        int tw, th;
        domain_values(&s->accuracy_all[d], &s->accuracy_week[d], a, w, sizeof a);
        text_size(app, FONT_SMALL, a, &tw, &th);
        l.value_w = tw > l.value_w ? tw : l.value_w;
        text_size(app, FONT_SMALL, w, &tw, &th);
        l.value_w = tw > l.value_w ? tw : l.value_w;
        snprintf(name, sizeof name, "%s %s", b->domains[d].id, b->domains[d].name);
        text_size(app, FONT_BODY_BOLD, name, &tw, &th);
        int cw, ch;
        text_size(app, FONT_SMALL, "24% of the exam", &cw, &ch);
        int meta = cw + app_px(app, 26);
        text_size(app, FONT_SMALL, LINE_CHIPS[s->line[d]], &cw, &ch);
        meta += cw;
        if (tw > l.label_w - app_px(app, 12) || meta > l.label_w - app_px(app, 12))
            l.stacked = true;
    }
    if (inner - l.label_w - l.value_w - app_px(app, 14) < app_px(app, 160))
        l.stacked = true;
    if (l.stacked)
        l.label_w = 0;
    return l;
}

/* The name, its weight and the line chip of domain d at (x, y) in w
 * pixels; returns the height. */
static int domain_label(App *app, const StatsSnapshot *s, int d, int x, int y, int w, int clip_top, int clip_bottom)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    char line[160];
    snprintf(line, sizeof line, "%s %s", b->domains[d].id, b->domains[d].name);
    int h = text_draw_wrapped(app, FONT_BODY_BOLD, line, x, y, w, t->text, clip_top, clip_bottom) + app_px(app, 4);
    snprintf(line, sizeof line, "%d%% of the exam", b->domains[d].weight);
    int cx = x + text_draw(app, FONT_SMALL, line, x, y + h, t->text_dim, ALIGN_LEFT) + app_px(app, 10);
    SDL_Color cc = s->line[d] == STATS_LINE_NOT_STARTED ? t->text_dim : s->line[d] == STATS_LINE_MEETS ? t->good : t->bad;
    ui_chip(app, cx, y + h - app_px(app, 2), LINE_CHIPS[s->line[d]], ui_alpha(cc, 45), cc);
    return h + text_line_height(app, FONT_SMALL) + app_px(app, 4);
}

/* The two bars of domain d (all time, last 7 days) with their values and
 * the pass fraction's tick; returns the height. */
static int domain_bars(App *app, const StatsSnapshot *s, int d, int x, int y, int w, const DomainLayout *l)
{
    const Theme *t = &app->theme;
    int lh = text_line_height(app, FONT_SMALL);
    int row = lh > l->bar_h ? lh : l->bar_h, gap = app_px(app, 6);
    int bar_w = w - l->value_w - app_px(app, 14);
    const StatsTally *all = &s->accuracy_all[d], *week = &s->accuracy_week[d];
    char a[48], wk[48];
    domain_values(all, week, a, wk, sizeof a);
    int by = y + (row - l->bar_h) / 2;
    chart_hbar(app, (SDL_Rect){x, by, bar_w, l->bar_h}, all->total ? (double)all->right / all->total : 0, t->accent2);
    chart_hbar(app, (SDL_Rect){x, by + row + gap, bar_w, l->bar_h},
               week->total ? (double)week->right / week->total : 0, t->accent);
    int vx = x + bar_w + app_px(app, 14);
    text_draw(app, FONT_SMALL, a, vx, y + (row - lh) / 2, all->total ? t->text : t->text_dim, ALIGN_LEFT);
    text_draw(app, FONT_SMALL, wk, vx, y + row + gap + (row - lh) / 2, week->total ? t->text : t->text_dim,
              ALIGN_LEFT);
    int pass_x = x + (int)((double)bar_w * app->bank->pass_fraction);
    int th = app_px(app, 2) > 1 ? app_px(app, 2) : 1;
    for (int yy = y - app_px(app, 2); yy < y + row * 2 + gap + app_px(app, 2); yy += app_px(app, 8))
        ui_fill(app, (SDL_Rect){pass_x - th / 2, yy, th, app_px(app, 5)}, t->warn);
    return row * 2 + gap;
}

int stats_page_domains(App *app, const StatsSnapshot *s, SDL_Rect view, int y)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    int top = y;
    int lh = text_line_height(app, FONT_SMALL);
    int pad = app_px(app, 20), inner = view.w - pad * 2;
    int clip_top = view.y, clip_bottom = view.y + view.h;
    DomainLayout l = domains_layout(app, s, inner);

    /* the rows' heights first: the panel is drawn under them */
    const char *title = "Right answers per domain";
    int title_w, all_w, week_w, h;
    text_size(app, FONT_BODY_BOLD, title, &title_w, &h);
    text_size(app, FONT_SMALL, "all time", &all_w, &h);
    text_size(app, FONT_SMALL, "last 7 days", &week_w, &h);
    int legend_w = all_w + week_w + app_px(app, 76);
    bool legend_below = title_w + app_px(app, 24) + legend_w > inner;
    int head = app_px(app, 12) + text_line_height(app, FONT_BODY_BOLD) + (legend_below ? lh + app_px(app, 8) : 0) +
               app_px(app, 10) + lh + app_px(app, 8);
    int rows_h = 0, label_h[SCORING_MAX_DOMAINS], bars_h = lh * 2 + app_px(app, 6);
    if (lh < l.bar_h)
        bars_h = l.bar_h * 2 + app_px(app, 6);
    for (int d = 0; d < b->domain_count; d++) {
        char line[160];
        snprintf(line, sizeof line, "%s %s", b->domains[d].id, b->domains[d].name);
        int name_w = l.stacked ? inner : l.label_w - app_px(app, 12);
        label_h[d] = text_wrapped_height(app, FONT_BODY_BOLD, line, name_w) + lh + app_px(app, 8);
        rows_h += (l.stacked ? label_h[d] + app_px(app, 6) + bars_h : (label_h[d] > bars_h ? label_h[d] : bars_h)) +
                  app_px(app, 20);
    }
    SDL_Rect p = {view.x, y, view.w, head + rows_h};
    ui_panel(app, p);
    int px = p.x + pad;
    text_draw(app, FONT_BODY_BOLD, title, px, p.y + app_px(app, 12), t->text, ALIGN_LEFT);
    int lx = p.x + p.w - pad, ly = p.y + app_px(app, 14);
    if (legend_below) {
        lx = px + legend_w;
        ly = p.y + app_px(app, 20) + text_line_height(app, FONT_BODY_BOLD);
    }
    lx -= text_draw(app, FONT_SMALL, "last 7 days", lx, ly, t->text_dim, ALIGN_RIGHT) + app_px(app, 8);
    ui_round_rect(app, (SDL_Rect){lx - app_px(app, 20), ly + lh / 4, app_px(app, 20), lh / 2}, 2, t->accent);
    lx -= app_px(app, 40);
    lx -= text_draw(app, FONT_SMALL, "all time", lx, ly, t->text_dim, ALIGN_RIGHT) + app_px(app, 8);
    ui_round_rect(app, (SDL_Rect){lx - app_px(app, 20), ly + lh / 4, app_px(app, 20), lh / 2}, 2, t->accent2);

    int bar_x = l.stacked ? px : px + l.label_w;
    int bars_w = px + inner - bar_x;
    char line[160];
    snprintf(line, sizeof line, "pass %d%%", percent(b->pass_fraction));
    int bar_w = bars_w - l.value_w - app_px(app, 14);
    text_draw(app, FONT_SMALL, line, bar_x + (int)((double)bar_w * b->pass_fraction), p.y + head - lh - app_px(app, 8),
              t->warn, ALIGN_CENTER);
    int yy = p.y + head;
    for (int d = 0; d < b->domain_count; d++) {
        if (d > 0)
            ui_fill(app, (SDL_Rect){px, yy - app_px(app, 10), inner, 1}, ui_alpha(t->border, 90));
        int name_w = l.stacked ? inner : l.label_w - app_px(app, 12);
        domain_label(app, s, d, px, yy, name_w, clip_top, clip_bottom);
        int by = l.stacked ? yy + label_h[d] + app_px(app, 6) : yy;
        int bh = domain_bars(app, s, d, bar_x, by, bars_w, &l);
        yy = (l.stacked ? by + bh : yy + (label_h[d] > bh ? label_h[d] : bh)) + app_px(app, 20);
    }
    y += p.h + app_px(app, 12);
    y += text_draw_wrapped(app, FONT_SMALL, DOMAINS_NOTE, view.x, y, view.w, t->text_dim, clip_top, clip_bottom);
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

/* The legend's entries ("new", "box 1 (1 d)", ...) flow into lines w
 * wide; draws them when draw is set. Returns the height. */
static int boxes_legend(App *app, const SDL_Color *colours, int x, int y, int w, bool draw)
{
    const Bank *b = app->bank;
    int lh = text_line_height(app, FONT_SMALL);
    int lx = x, ly = y;
    for (int k = 0; k <= b->leitner_boxes; k++) {
        char label[40];
        if (k == 0)
            snprintf(label, sizeof label, "new");
        else
            snprintf(label, sizeof label, "box %d (%d d)", k, b->leitner_days[k - 1]);
        int tw, th;
        text_size(app, FONT_SMALL, label, &tw, &th);
        int entry = app_px(app, 20) + tw;
        if (lx > x && lx + entry > x + w) {
            lx = x;
            ly += lh + app_px(app, 6);
        }
        if (draw) {
            ui_round_rect(app, (SDL_Rect){lx, ly + lh / 4, app_px(app, 14), lh / 2 + 2}, 2, colours[k]);
            text_draw(app, FONT_SMALL, label, lx + app_px(app, 20), ly, app->theme.text_dim, ALIGN_LEFT);
        }
        lx += entry + app_px(app, 16);
    }
    return ly - y + lh;
}

/* Every step-th day of the forecast gets a label of the width of the
 * widest of `samples`, so they never touch. */
static int forecast_step(App *app, int slot, const char *const *samples, int n)
{
    int widest = 0;
    for (int i = 0; i < n; i++) {
        int tw, th;
        text_size(app, FONT_SMALL, samples[i], &tw, &th);
        widest = tw > widest ? tw : widest;
    }
    int step = 1;
    while (step < STATS_FORECAST_DAYS && slot * step < widest + app_px(app, 6))
        step++;
    return step;
}

int stats_page_boxes(App *app, const StatsSnapshot *s, SDL_Rect view, int y)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    int top = y;
    int lh = text_line_height(app, FONT_SMALL);
    int boxes = b->leitner_boxes;
    int bar_h = app_px(app, 18);
    int pad = app_px(app, 20), inner = view.w - pad * 2;
    SDL_Color colours[BANK_MAX_BOXES + 1];
    for (int k = 0; k <= boxes; k++)
        colours[k] = box_colour(app, k, boxes);
    /* names left of the bars when the longest fits a third, else above them */
    int label_w = inner * 30 / 100, name_max = 0;
    for (int d = 0; d < b->domain_count; d++) {
        int tw, th;
        text_size(app, FONT_BODY, b->domains[d].name, &tw, &th);
        name_max = tw > name_max ? tw : name_max;
    }
    int seen_w, seen_h;
    text_size(app, FONT_SMALL, "0000/0000 seen", &seen_w, &seen_h);
    bool stacked = name_max > label_w - app_px(app, 10) || inner - label_w - seen_w < app_px(app, 160);
    int body = text_line_height(app, FONT_BODY);
    int row_h = stacked ? body + app_px(app, 4) + bar_h + app_px(app, 12)
                        : (bar_h > body ? bar_h : body) + app_px(app, 10);
    int head = text_line_height(app, FONT_BODY_BOLD) + app_px(app, 18);
    int legend_h = boxes_legend(app, colours, 0, 0, inner, false) + app_px(app, 12);
    SDL_Rect p = {view.x, y, view.w, head + legend_h + row_h * b->domain_count + app_px(app, 8)};
    ui_panel(app, p);
    int px = p.x + pad;
    text_draw(app, FONT_BODY_BOLD, "Items per Leitner box", px, p.y + app_px(app, 12), t->text, ALIGN_LEFT);
    boxes_legend(app, colours, px, p.y + head, inner, true);
    int bar_x = stacked ? px : px + label_w;
    int bar_w = px + inner - app_px(app, 12) - seen_w - bar_x;
    int ry = p.y + head + legend_h;
    for (int d = 0; d < b->domain_count; d++) {
        int yy = ry + d * row_h;
        int total = s->domain_items[d];
        int line_y = yy + (bar_h - body) / 2 + 1;
        if (stacked) {
            text_draw(app, FONT_BODY, b->domains[d].name, px, yy, t->text, ALIGN_LEFT);
            yy += body + app_px(app, 4);
        } else {
            text_draw(app, FONT_BODY, b->domains[d].name, px, line_y, t->text, ALIGN_LEFT);
        }
        chart_stacked_hbar(app, (SDL_Rect){bar_x, yy, bar_w, bar_h}, s->boxes[d], boxes + 1, total, colours);
        char line[64];
        snprintf(line, sizeof line, "%d/%d seen", total - s->boxes[d][0], total);
        text_draw(app, FONT_SMALL, line, bar_x + bar_w + app_px(app, 12), yy + (bar_h - lh) / 2, t->text_dim,
                  ALIGN_LEFT);
    }
    y += p.h + app_px(app, 14);

    /* the forecast: due per day for two weeks */
    char title[120];
    snprintf(title, sizeof title, "Due over the next %d days: %d review%s", STATS_FORECAST_DAYS, s->due_total,
             s->due_total == 1 ? "" : "s");
    int title_h = text_wrapped_height(app, FONT_BODY_BOLD, title, inner);
    int fh = view.h - (y - top) - app_px(app, 4);
    int least = app_px(app, 120) + title_h + lh * 2;
    fh = fh < least ? least : fh;
    SDL_Rect q = {view.x, y, view.w, fh};
    ui_panel(app, q);
    text_draw_wrapped(app, FONT_BODY_BOLD, title, q.x + pad, q.y + app_px(app, 12), inner, t->text, view.y,
                      view.y + view.h);
    int chart_top = q.y + app_px(app, 18) + title_h + lh + app_px(app, 6);
    int chart_bottom = q.y + q.h - lh - app_px(app, 14);
    int cx = q.x + pad;
    int slot = inner / STATS_FORECAST_DAYS;
    int bw = slot * 6 / 10;
    static const char *const DAY_SAMPLES[] = {"today", "Mon", "Wed", "Thu"}, *const NUM_SAMPLES[] = {"000"};
    int day_step = forecast_step(app, slot, DAY_SAMPLES, 4), num_step = forecast_step(app, slot, NUM_SAMPLES, 1);
    for (int i = 0; i < STATS_FORECAST_DAYS; i++) {
        int bx = cx + i * slot + (slot - bw) / 2;
        SDL_Rect r = {bx, chart_top, bw, chart_bottom - chart_top};
        chart_vbar(app, r, (double)s->due[i] / s->due_peak, i == 0 ? t->accent : t->accent2);
        char num[16];
        snprintf(num, sizeof num, "%d", s->due[i]);
        int hgt = (int)((double)r.h * s->due[i] / s->due_peak);
        if (i % num_step == 0)
            text_draw(app, FONT_SMALL, num, bx + bw / 2, r.y + r.h - hgt - lh - app_px(app, 2),
                      s->due[i] ? t->text : t->text_dim, ALIGN_CENTER);
        if (i % day_step != 0)
            continue;
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
