/* Stats pages about habits and readiness: the study calendar with the
 * streak, the readiness checklist with the pass probability, and records
 * with the achievements. Show only: the checks, the streak and every count
 * come from the StatsSnapshot; this file words and draws them. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "chart.h"
#include "hud.h"
#include "screen_stats.h"
#include "strbuf.h"
#include "text.h"
#include "ui.h"

#define STATS_MISSING_TASKS 6       /* unpractised task ids listed by name */

static void fmt_duration(int64_t ms, char *buf, size_t size)
{
    int64_t min = ms / 60000;
    if (min >= 60)
        snprintf(buf, size, "%lld h %02lld min", (long long)(min / 60), (long long)(min % 60));
    else
        snprintf(buf, size, "%lld min", (long long)min);
}

/* ---- page 4: study calendar ---------------------------------------------- */

/* The heatmap: one column per week, Monday at the top, today outlined. */
static void draw_heatmap(App *app, const StatsSnapshot *s, int gx, int gy, int cw, int ch)
{
    const Theme *t = &app->theme;
    int lh = text_line_height(app, FONT_SMALL);
    int pad = ch / 8 > 1 ? ch / 8 : 1;
    int last_month = -1;
    for (int c = 0; c < STATS_WEEKS; c++) {
        time_t tt = (time_t)((int64_t)(s->cal_first + c * 7) * SECONDS_PER_DAY + SECONDS_PER_DAY / 2);
        struct tm tm;
        gmtime_r(&tt, &tm);
        if (tm.tm_mon != last_month) {
            char m[16];
            if (strftime(m, sizeof m, "%b", &tm) > 0)
                text_draw(app, FONT_SMALL, m, gx + c * cw, gy - lh - app_px(app, 4), t->text_dim, ALIGN_LEFT);
            last_month = tm.tm_mon;
        }
        for (int r = 0; r < 7; r++) {
            int i = c * 7 + r;
            if (i >= s->cal_count)
                break;
            const StatsDay *d = &s->calendar[i];
            SDL_Rect cr = {gx + c * cw + pad / 2, gy + r * ch + pad / 2, cw - pad, ch - pad};
            ui_round_rect(app, cr, app_px(app, 4), chart_heat(app, d->answers, s->cal_top, t->good));
            if (d->goal_met)
                ui_circle(app, (float)cr.x + (float)cr.w / 2, (float)cr.y + (float)cr.h / 2, (float)ch / 9, t->bg);
            if (i == s->cal_count - 1) {
                SDL_Rect o = {cr.x - 2, cr.y - 2, cr.w + 4, cr.h + 4};
                SDL_SetRenderDrawColor(app->renderer, t->accent.r, t->accent.g, t->accent.b, 255);
                SDL_RenderDrawRect(app->renderer, &o);
                SDL_Rect o2 = {o.x + 1, o.y + 1, o.w - 2, o.h - 2};
                SDL_RenderDrawRect(app->renderer, &o2);
            }
        }
    }
}

/* The legend: "less" to "more", the goal's dot and today's outline, on
 * one line when it fits w, else the dot and today on a second. Draws when
 * draw is set; returns the height. */
static int draw_heat_legend(App *app, const StatsSnapshot *s, int x, int y, int w, bool draw)
{
    const Theme *t = &app->theme;
    int lh = text_line_height(app, FONT_SMALL);
    int less_w, more_w, goal_w, today_w, h;
    text_size(app, FONT_SMALL, "less", &less_w, &h);
    text_size(app, FONT_SMALL, "more", &more_w, &h);
    text_size(app, FONT_SMALL, "daily goal met", &goal_w, &h);
    text_size(app, FONT_SMALL, "today", &today_w, &h);
    int scale_w = less_w + more_w + 5 * (lh + app_px(app, 4)) + app_px(app, 12);
    int marks_w = goal_w + today_w + 2 * (lh + app_px(app, 6)) + app_px(app, 24);
    bool two_lines = scale_w + app_px(app, 24) + marks_w > w;
    if (!draw)
        return two_lines ? lh * 2 + app_px(app, 8) : lh;
    int x0 = x;
    x += text_draw(app, FONT_SMALL, "less", x, y, t->text_dim, ALIGN_LEFT) + app_px(app, 8);
    for (int k = 0; k <= 4; k++) {
        int count = k == 0 ? 0 : (s->cal_top * k + 3) / 4;
        ui_round_rect(app, (SDL_Rect){x, y, lh, lh}, app_px(app, 3), chart_heat(app, count, s->cal_top, t->good));
        x += lh + app_px(app, 4);
    }
    x += app_px(app, 4);
    x += text_draw(app, FONT_SMALL, "more", x, y, t->text_dim, ALIGN_LEFT) + app_px(app, 24);
    if (two_lines) {
        x = x0;
        y += lh + app_px(app, 8);
    }
    ui_round_rect(app, (SDL_Rect){x, y, lh, lh}, app_px(app, 3), t->good);
    ui_circle(app, (float)x + (float)lh / 2, (float)y + (float)lh / 2, (float)lh / 5, t->bg);
    x += lh + app_px(app, 6);
    x += text_draw(app, FONT_SMALL, "daily goal met", x, y, t->text_dim, ALIGN_LEFT) + app_px(app, 24);
    SDL_Rect o = {x, y, lh, lh};
    SDL_SetRenderDrawColor(app->renderer, t->accent.r, t->accent.g, t->accent.b, 255);
    SDL_RenderDrawRect(app->renderer, &o);
    x += lh + app_px(app, 6);
    text_draw(app, FONT_SMALL, "today", x, y, t->text_dim, ALIGN_LEFT);
    return two_lines ? lh * 2 + app_px(app, 8) : lh;
}

/* The side of the calendar: the streak, the weeks in numbers and how the
 * streak works, in a panel w wide and at least `least` high at (x, y)
 * (drawn when draw is set). Returns the height its words need. */
static int calendar_side(App *app, const StatsSnapshot *s, int x, int y, int w, int least, bool draw, SDL_Rect view)
{
    const Theme *t = &app->theme;
    int lh = text_line_height(app, FONT_SMALL);
    int qx = x + app_px(app, 20), qy = y + app_px(app, 14), qw = w - app_px(app, 40);
    int flame = app_px(app, 44);
    char line[400];
    if (draw) {
        int need = calendar_side(app, s, x, y, w, 0, false, view);
        ui_panel(app, (SDL_Rect){x, y, w, need > least ? need : least});
        ui_flame(app, qx - app_px(app, 6), qy, flame, 0.3f, s->day.streak.today_met);
        snprintf(line, sizeof line, "%d", s->day.streak.current);
        int nw = text_draw(app, FONT_TITLE, line, qx + flame, qy + app_px(app, 4), t->text, ALIGN_LEFT);
        text_draw(app, FONT_BODY, "day streak", qx + flame + nw + app_px(app, 8), qy + app_px(app, 12), t->text,
                  ALIGN_LEFT);
    }
    int title_h = text_line_height(app, FONT_TITLE) + app_px(app, 4);
    qy += (flame > title_h ? flame : title_h) + app_px(app, 2);
    study_goal_text(&s->day, line, sizeof line);
    if (draw)
        text_draw_wrapped(app, FONT_SMALL, line, qx, qy, qw, s->day.streak.today_met ? t->good : t->accent, view.y,
                          view.y + view.h);
    qy += text_wrapped_height(app, FONT_SMALL, line, qw) + app_px(app, 10);
    const char *labels[5] = {"Best streak", "Rest days saved", "Days studied", "Daily goal met", "Answers"};
    char values[5][48];
    snprintf(values[0], sizeof values[0], "%d day%s", s->rewards.best_streak, s->rewards.best_streak == 1 ? "" : "s");
    snprintf(values[1], sizeof values[1], "%d of %d", s->day.streak.rest_days, REWARDS_REST_MAX);
    snprintf(values[2], sizeof values[2], "%d of %d", s->cal_studied, s->cal_count);
    snprintf(values[3], sizeof values[3], "%d day%s", s->cal_goals, s->cal_goals == 1 ? "" : "s");
    strbuf_thousands(s->cal_answers, values[4], sizeof values[4]);
    int bold = text_line_height(app, FONT_BODY_BOLD);
    for (int i = 0; i < 5; i++) {
        int lw, vw, h;
        text_size(app, FONT_SMALL, labels[i], &lw, &h);
        text_size(app, FONT_BODY_BOLD, values[i], &vw, &h);
        bool beside = lw + app_px(app, 12) + vw <= qw;
        if (draw) {
            text_draw(app, FONT_SMALL, labels[i], qx, qy + app_px(app, 2), t->text_dim, ALIGN_LEFT);
            text_draw(app, FONT_BODY_BOLD, values[i], qx + qw, beside ? qy : qy + lh + app_px(app, 2), t->text,
                      ALIGN_RIGHT);
        }
        qy += (beside ? bold : lh + app_px(app, 2) + bold) + app_px(app, 4);
    }
    qy += app_px(app, 6);
    snprintf(line, sizeof line,
             "A day counts when its goal is met: %d drill answers, an arcade round of %d, or a finished exam. "
             "Every %d streak days earn a rest day that covers a missed one.", s->day.goal,
             REWARDS_GOAL_ARCADE_ROUND_ANSWERS, REWARDS_REST_EVERY);
    if (draw)
        text_draw_wrapped(app, FONT_SMALL, line, qx, qy, qw, t->text_dim, view.y, view.y + view.h);
    qy += text_wrapped_height(app, FONT_SMALL, line, qw) + app_px(app, 14);
    return qy - y;
}

/* The calendar with its side panel beside it when both keep their room,
 * else the side below the calendar. */
int stats_page_calendar(App *app, const StatsSnapshot *s, SDL_Rect view, int y)
{
    const Theme *t = &app->theme;
    int lh = text_line_height(app, FONT_SMALL);
    int gap = app_px(app, 14);
    int side_w = view.w * 30 / 100;
    int side_least = app_px(app, 260);
    side_w = side_w < side_least ? side_least : side_w;
    int day_w, h;
    text_size(app, FONT_SMALL, "Mon", &day_w, &h);
    int label_w = day_w + app_px(app, 10);
    bool stacked = view.w - side_w - gap - label_w - app_px(app, 40) < STATS_WEEKS * app_px(app, 22);
    SDL_Rect p = {view.x, y, stacked ? view.w : view.w - side_w - gap, 0};
    char line[120];
    snprintf(line, sizeof line, "Answers per day, last %d weeks", STATS_WEEKS);
    int pw = p.w - app_px(app, 40);
    int title_h = text_wrapped_height(app, FONT_BODY_BOLD, line, pw);
    int head = title_h + app_px(app, 22) + lh + app_px(app, 4);
    int legend_h = draw_heat_legend(app, s, 0, 0, pw - label_w, false);
    int foot = legend_h + app_px(app, 34);
    /* Cells fill the panel's width; their height fits the view (at least 22 units). */
    int cw = (pw - label_w) / STATS_WEEKS;
    int ch = (view.h - head - foot) / 7;
    if (ch < app_px(app, 22))
        ch = app_px(app, 22);
    if (ch > cw)
        ch = cw;
    if (cw > ch * 2)
        cw = ch * 2;
    p.h = head + ch * 7 + foot;
    int side_h = calendar_side(app, s, 0, 0, stacked ? view.w : side_w, 0, false, view);
    if (!stacked && side_h > p.h)
        p.h = side_h;
    ui_panel(app, p);
    int px = p.x + app_px(app, 20);
    text_draw_wrapped(app, FONT_BODY_BOLD, line, px, p.y + app_px(app, 12), pw, t->text, view.y, view.y + view.h);
    int gx = px + label_w, gy = p.y + head;
    static const char *const WEEKDAYS[7] = {"Mon", "", "Wed", "", "Fri", "", "Sun"};
    for (int r = 0; r < 7; r++)
        if (WEEKDAYS[r][0])
            text_draw(app, FONT_SMALL, WEEKDAYS[r], px, gy + r * ch + (ch - lh) / 2, t->text_dim, ALIGN_LEFT);
    draw_heatmap(app, s, gx, gy, cw, ch);
    draw_heat_legend(app, s, gx, gy + ch * 7 + app_px(app, 14), pw - label_w, true);
    if (stacked) {
        calendar_side(app, s, view.x, y + p.h + gap, view.w, 0, true, view);
        return p.h + gap + side_h;
    }
    calendar_side(app, s, p.x + p.w + gap, y, side_w, p.h, true, view);
    return p.h;
}

/* ---- page 5: readiness --------------------------------------------------- */

typedef struct CheckItem {
    bool ok;
    char title[160];
    char detail[600];
} CheckItem;

/* The four checks of the exam advice, worded for the learner. */
static void compose_checklist(App *app, const StatsSnapshot *s, CheckItem *c)
{
    const Bank *b = app->bank;
    int lag = percent(PLAN_LAG_POINTS);
    memset(c, 0, sizeof *c * STATS_CHECKS);
    for (int i = 0; i < STATS_CHECKS; i++)
        c[i].ok = s->check[i];

    snprintf(c[0].title, sizeof c[0].title, "%d mock exams in a row at %d or more", PLAN_READY_RUN, s->ready_score);
    if (s->mock_count == 0)
        snprintf(c[0].detail, sizeof c[0].detail, "No mock exam yet. One good run can be luck; five in a row "
                 "is a skill.");
    else if (s->ready.recent_mocks == 1)
        snprintf(c[0].detail, sizeof c[0].detail, "Your one mock scored %d. One good run can be luck; five in a "
                 "row is a skill.", s->mocks[s->mock_count - 1].scaled);
    else
        snprintf(c[0].detail, sizeof c[0].detail, "%d of your last %d mocks scored %d or more; your current "
                 "run is %d.", s->ready.recent_ready, s->ready.recent_mocks, s->ready_score, s->ready_run);
    if (s->mock_rests_on_repeats)
        strbuf_append(c[0].detail, sizeof c[0].detail, " But %d of the %d questions in these mocks were met in an "
                      "earlier mock: the scores rest partly on remembered questions.", s->mock_repeated,
                      s->mock_repeat_items);

    snprintf(c[1].title, sizeof c[1].title, "No domain more than %d points below your average", lag);
    if (s->answers_used == 0) {
        snprintf(c[1].detail, sizeof c[1].detail, "No answers yet.");
    } else {
        char used[24];
        strbuf_thousands(s->answers_used, used, sizeof used);
        snprintf(c[1].detail, sizeof c[1].detail, "Average %d%% over your last %s answer%s.",
                 percent(s->ready.overall), used, s->answers_used == 1 ? "" : "s");
        for (int d = 0; d < s->ready.domain_count; d++) {
            if (s->ready.domain[d] < 0) {
                strbuf_append(c[1].detail, sizeof c[1].detail, " %s: no answers.", b->domains[d].name);
            } else if (s->ready.lagging[d]) {
                strbuf_append(c[1].detail, sizeof c[1].detail, " %s lags at %d%%.", b->domains[d].name,
                       percent(s->ready.domain[d]));
            }
        }
        if (c[1].ok)
            strbuf_append(c[1].detail, sizeof c[1].detail, " Every domain is within %d points.", lag);
    }

    snprintf(c[2].title, sizeof c[2].title, "Every task statement practised (%d of %d)", s->tasks_done,
             b->task_count);
    if (c[2].ok) {
        snprintf(c[2].detail, sizeof c[2].detail, "You have answered items from all %d task statements of the "
                 "exam guide.", b->task_count);
    } else {
        snprintf(c[2].detail, sizeof c[2].detail, "Not yet practised:");
        int listed = 0;
        for (int k = 0; k < b->task_count; k++) {
            if (s->task_done[k])
                continue;
            if (listed == STATS_MISSING_TASKS) {
                strbuf_append(c[2].detail, sizeof c[2].detail, " and %d more.", b->task_count - s->tasks_done - listed);
                break;
            }
            strbuf_append(c[2].detail, sizeof c[2].detail, "%s %s %s", listed ? ";" : "", b->tasks[k].id,
                   b->tasks[k].title);
            listed++;
        }
    }

    snprintf(c[3].title, sizeof c[3].title, "Estimated pass probability of %d%% or more",
             percent(STATS_GOOD_PROBABILITY));
    char likely[32];
    percent_likely(s->pass.low, s->pass.high, likely, sizeof likely);
    if (s->pass_known) {
        char evidence[24];
        strbuf_thousands(s->evidence, evidence, sizeof evidence);
        snprintf(c[3].detail, sizeof c[3].detail,
                 "%d%%%s %s, average score %d: each question's recall from the memory model, fitted to the %s "
                 "answer%s that test your memory (first answers, and answers after a gap; a repeat minutes later "
                 "does not), scored on real exam forms.", percent(s->pass.probability), likely, s->pass_basis,
                 (int)(s->pass.mean_scaled + 0.5), evidence, s->evidence == 1 ? "" : "s");
    } else
        snprintf(c[3].detail, sizeof c[3].detail, "Answer some questions first: the estimate needs your answers.");
}

static int check_height(App *app, const CheckItem *c, int w, int mark)
{
    int tw = w - mark - app_px(app, 16);
    int h = text_wrapped_height(app, FONT_BODY_BOLD, c->title, tw) + app_px(app, 2) +
            text_wrapped_height(app, FONT_SMALL, c->detail, tw);
    return h > mark ? h : mark;
}

static void check_draw(App *app, const CheckItem *c, int x, int y, int w, int mark, SDL_Rect view)
{
    const Theme *t = &app->theme;
    int tx = x + mark + app_px(app, 16), tw = w - mark - app_px(app, 16);
    chart_mark(app, x, y + app_px(app, 2), mark, c->ok);
    int h = text_draw_wrapped(app, FONT_BODY_BOLD, c->title, tx, y, tw, t->text, view.y, view.y + view.h);
    text_draw_wrapped(app, FONT_SMALL, c->detail, tx, y + h + app_px(app, 2), tw, t->text_dim, view.y,
                      view.y + view.h);
}

/* The chance to pass, big, with the verdict and what the estimate rests
 * on, centred in a panel w wide and at least `least` high at (x, y)
 * (drawn when draw is set). Returns the height its words need. */
static int readiness_side(App *app, const StatsSnapshot *s, int x, int y, int w, int least, bool draw,
                          SDL_Rect view)
{
    const Theme *t = &app->theme;
    const char *title = s->exam_date_ahead ? "Chance to pass on exam day" : "Chance to pass today";
    char big[32], note[512];
    SDL_Color c = t->text_dim;
    if (s->pass_known) {
        snprintf(big, sizeof big, "%d%%", percent(s->pass.probability));
        c = stats_level_colour(app, stats_probability_level(s->pass.probability));
    } else {
        snprintf(big, sizeof big, "?");
    }
    const char *word = "";
    SDL_Color vc = t->text;
    stats_verdict_text(app, s, &word, &vc, note, sizeof note);
    if (s->pass_known)
        snprintf(note, sizeof note, "Chance of passing %s: your recall of each question as the memory model "
                 "predicts it, scored on exam forms built like the real one.", s->pass_basis);
    else
        snprintf(note, sizeof note, "The estimate appears once you have answered questions.");
    int inner = w - app_px(app, 40), qx = x + w / 2, qy = y + app_px(app, 20);
    if (draw) {
        int need = readiness_side(app, s, x, y, w, 0, false, view);
        ui_panel(app, (SDL_Rect){x, y, w, need > least ? need : least});
        text_draw(app, FONT_BODY_BOLD, title, qx, qy, t->text, ALIGN_CENTER);
    }
    qy += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 10);
    if (draw)
        text_draw(app, FONT_HUGE, big, qx, qy, c, ALIGN_CENTER);
    qy += text_line_height(app, FONT_HUGE) + app_px(app, 6);
    if (draw)
        text_draw(app, FONT_TITLE, word, qx, qy, vc, ALIGN_CENTER);
    qy += text_line_height(app, FONT_TITLE) + app_px(app, 10);
    if (draw)
        text_draw_wrapped(app, FONT_SMALL, note, x + app_px(app, 20), qy, inner, t->text_dim, view.y,
                          view.y + view.h);
    qy += text_wrapped_height(app, FONT_SMALL, note, inner) + app_px(app, 20);
    return qy - y;
}

/* The width the side needs for its one-line words (title, figure, verdict). */
static int readiness_side_width(App *app, const StatsSnapshot *s)
{
    const char *lines[] = {s->exam_date_ahead ? "Chance to pass on exam day" : "Chance to pass today",
                           "Not ready yet", "Just starting"};
    const FontRole roles[] = {FONT_BODY_BOLD, FONT_TITLE, FONT_TITLE};
    int widest = 0;
    for (int i = 0; i < 3; i++) {
        int tw, th;
        text_size(app, roles[i], lines[i], &tw, &th);
        widest = tw > widest ? tw : widest;
    }
    return widest + app_px(app, 40);
}

/* The checklist with the chance to pass beside it when both keep their
 * room, else the chance below. */
int stats_page_readiness(App *app, const StatsSnapshot *s, SDL_Rect view, int y)
{
    const Theme *t = &app->theme;
    CheckItem items[STATS_CHECKS];
    compose_checklist(app, s, items);
    int gap = app_px(app, 14);
    int side_w = view.w * 32 / 100, side_need = readiness_side_width(app, s);
    side_w = side_w < side_need ? side_need : side_w;
    bool stacked = view.w - side_w - gap < app_px(app, 420);
    int lw = stacked ? view.w : view.w - side_w - gap;
    int pad = app_px(app, 22);
    int mark = app_px(app, 30);
    int row_gap = app_px(app, 16);
    char line[512];
    snprintf(line, sizeof line, "Readiness checklist: %d of %d done", s->checks_done, STATS_CHECKS);
    int head = text_wrapped_height(app, FONT_BODY_BOLD, line, lw - pad * 2) + app_px(app, 12);
    int h = pad + head;
    for (int i = 0; i < STATS_CHECKS; i++)
        h += check_height(app, &items[i], lw - pad * 2, mark) + (i < STATS_CHECKS - 1 ? row_gap : 0);
    h += pad;
    int side_h = readiness_side(app, s, 0, 0, stacked ? view.w : side_w, 0, false, view);
    if (!stacked && h < side_h)
        h = side_h;
    ui_panel(app, (SDL_Rect){view.x, y, lw, h});
    int cy = y + pad;
    text_draw_wrapped(app, FONT_BODY_BOLD, line, view.x + pad, cy, lw - pad * 2,
                      s->checks_done == STATS_CHECKS ? t->good : t->accent, view.y, view.y + view.h);
    cy += head;
    for (int i = 0; i < STATS_CHECKS; i++) {
        check_draw(app, &items[i], view.x + pad, cy, lw - pad * 2, mark, view);
        cy += check_height(app, &items[i], lw - pad * 2, mark) + row_gap;
    }
    if (stacked) {
        readiness_side(app, s, view.x, y + h + gap, view.w, 0, true, view);
        return h + gap + side_h;
    }
    readiness_side(app, s, view.x + lw + gap, y, side_w, h, true, view);
    return h;
}

/* ---- page 6: records ----------------------------------------------------- */

typedef struct RecordCard {
    char label[64];
    char value[64];
    SDL_Color colour;
} RecordCard;

static void compose_records(App *app, const StatsSnapshot *s, RecordCard *c)
{
    const Theme *t = &app->theme;
    char num[32];
    snprintf(c[0].label, sizeof c[0].label, "Arcade sprint best (60 s)");
    strbuf_thousands(s->sprint_best, c[0].value, sizeof c[0].value);
    c[0].colour = s->sprint_rounds ? t->accent : t->text_dim;
    snprintf(c[1].label, sizeof c[1].label, "Arcade marathon best (3 min)");
    strbuf_thousands(s->marathon_best, c[1].value, sizeof c[1].value);
    c[1].colour = s->marathon_rounds ? t->accent : t->text_dim;
    snprintf(c[2].label, sizeof c[2].label, "Time studied");
    fmt_duration(s->ms_studied, c[2].value, sizeof c[2].value);
    c[2].colour = t->text;
    strbuf_thousands((int)s->xp, num, sizeof num);
    snprintf(c[3].label, sizeof c[3].label, "Level (%s XP)", num);
    snprintf(c[3].value, sizeof c[3].value, "%d", s->day.level);
    c[3].colour = t->accent2;
}

/* One achievement: a mark, the title, and what it asks for, beside the
 * title when it fits the width, else wrapped below it. Draws when draw is
 * set; returns the height. */
static int draw_achievement(App *app, const RewardsAchievement *a, bool got, SDL_Rect r, bool draw, SDL_Rect view)
{
    const Theme *t = &app->theme;
    int lh = text_line_height(app, FONT_SMALL), bold = text_line_height(app, FONT_BODY_BOLD);
    int mark = lh + app_px(app, 2);
    int tx = r.x + mark + app_px(app, 8), tw_room = r.x + r.w - tx;
    int title_w, desc_w, h;
    text_size(app, FONT_BODY_BOLD, a->title, &title_w, &h);
    text_size(app, FONT_SMALL, a->description, &desc_w, &h);
    bool beside = title_w + app_px(app, 8) + desc_w <= tw_room;
    int height = beside ? bold + app_px(app, 5)
                        : text_wrapped_height(app, FONT_BODY_BOLD, a->title, tw_room) +
                              text_wrapped_height(app, FONT_SMALL, a->description, tw_room) + app_px(app, 9);
    if (!draw)
        return height;
    int my = r.y + (bold - mark) / 2 + app_px(app, 2);
    if (got)
        chart_mark(app, r.x, my, mark, true);
    else
        ui_circle(app, (float)r.x + (float)mark / 2, (float)my + (float)mark / 2, (float)mark / 2,
                  ui_alpha(t->text_dim, 60));
    SDL_Color dim = got ? t->text_dim : ui_alpha(t->text_dim, 160);
    if (beside) {
        int dx = tx + text_draw(app, FONT_BODY_BOLD, a->title, tx, r.y, got ? t->text : t->text_dim, ALIGN_LEFT) +
                 app_px(app, 8);
        text_draw(app, FONT_SMALL, a->description, dx, r.y + (bold - lh) / 2, dim, ALIGN_LEFT);
        return height;
    }
    int y = r.y + text_draw_wrapped(app, FONT_BODY_BOLD, a->title, tx, r.y, tw_room, got ? t->text : t->text_dim,
                                    view.y, view.y + view.h);
    text_draw_wrapped(app, FONT_SMALL, a->description, tx, y + app_px(app, 2), tw_room, dim, view.y, view.y + view.h);
    return height;
}

/* Four record cards in a row when their words fit, else two, else one. */
static int record_columns(App *app, const RecordCard *cards, int n, int w, int gap)
{
    static const int COLUMNS[] = {4, 2};
    for (size_t k = 0; k < sizeof COLUMNS / sizeof COLUMNS[0]; k++) {
        int inner = (w - gap * (COLUMNS[k] - 1)) / COLUMNS[k] - app_px(app, 32);
        bool fits = true;
        for (int i = 0; i < n && fits; i++) {
            int lw, vw, h;
            text_size(app, FONT_SMALL, cards[i].label, &lw, &h);
            text_size(app, FONT_TITLE, cards[i].value, &vw, &h);
            fits = lw <= inner && vw <= inner;
        }
        if (fits)
            return COLUMNS[k];
    }
    return 1;
}

int stats_page_records(App *app, const StatsSnapshot *s, SDL_Rect view, int y)
{
    const Theme *t = &app->theme;
    int top = y;
    int gap = app_px(app, 12);
    int card_h = text_line_height(app, FONT_SMALL) + text_line_height(app, FONT_TITLE) + app_px(app, 30);
    enum { CARDS = 4 };
    RecordCard cards[CARDS];
    compose_records(app, s, cards);
    int cols = record_columns(app, cards, CARDS, view.w, gap);
    int cw = (view.w - gap * (cols - 1)) / cols;
    for (int i = 0; i < CARDS; i++) {
        SDL_Rect r = {view.x + (i % cols) * (cw + gap), y + (i / cols) * (card_h + gap), cw, card_h};
        hud_stat(app, r, cards[i].label, cards[i].value, cards[i].colour);
    }
    y += ((CARDS + cols - 1) / cols) * (card_h + gap);
    char line[400], answers[32], started[24], items[24];
    strbuf_thousands(s->answers, answers, sizeof answers);
    strbuf_thousands(s->items_started, started, sizeof started);
    strbuf_thousands(app->bank->item_count, items, sizeof items);
    if (s->answers == 0)
        snprintf(line, sizeof line, "Nothing answered yet: your records, totals and achievements fill in as you "
                 "study.");
    else
        snprintf(line, sizeof line,
                 "%s answer%s (%d%% right) to %s of the bank's %s items, on %d day%s. %d mock exam%s and %d "
                 "diagnostic%s finished; %d sprint round%s and %d marathon round%s played.",
                 answers, s->answers == 1 ? "" : "s", percent_of(s->right, s->answers), started, items,
                 s->days_studied, s->days_studied == 1 ? "" : "s", s->mocks_finished,
                 s->mocks_finished == 1 ? "" : "s", s->diagnostics_finished, s->diagnostics_finished == 1 ? "" : "s",
                 s->sprint_rounds, s->sprint_rounds == 1 ? "" : "s", s->marathon_rounds,
                 s->marathon_rounds == 1 ? "" : "s");
    y += text_draw_wrapped(app, FONT_SMALL, line, view.x, y, view.w, t->text, view.y, view.y + view.h);
    y += app_px(app, 12);

    /* the achievements: two columns when each fits one line there, else one */
    int count = rewards_achievement_count();
    int pad = app_px(app, 20), inner = view.w - pad * 2;
    int two_w = (inner - gap) / 2;
    int two_cols = 2;
    for (int i = 0; i < count && two_cols == 2; i++) {
        SDL_Rect r = {0, 0, two_w, 0};
        if (draw_achievement(app, rewards_achievement(i), false, r, false, view) >
            text_line_height(app, FONT_BODY_BOLD) + app_px(app, 5))
            two_cols = 1;
    }
    int col_w = two_cols == 2 ? two_w : inner;
    int rows = (count + two_cols - 1) / two_cols;
    snprintf(line, sizeof line, "Achievements: %d of %d earned", s->earned_count, count);
    int head = text_wrapped_height(app, FONT_BODY_BOLD, line, inner) + app_px(app, 18);
    int list_h = 0;   /* the first column is the tallest: it has every row */
    for (int i = 0; i < rows; i++)
        list_h += draw_achievement(app, rewards_achievement(i), false, (SDL_Rect){0, 0, col_w, 0}, false, view);
    SDL_Rect p = {view.x, y, view.w, head + list_h + app_px(app, 8)};
    ui_panel(app, p);
    text_draw_wrapped(app, FONT_BODY_BOLD, line, p.x + pad, p.y + app_px(app, 12), inner, t->text, view.y,
                      view.y + view.h);
    for (int c = 0; c < two_cols; c++) {
        int ry = p.y + head;
        for (int row = 0; row < rows; row++) {
            int i = c * rows + row;
            if (i >= count)
                break;
            SDL_Rect r = {p.x + pad + c * (col_w + gap), ry, col_w, 0};
            ry += draw_achievement(app, rewards_achievement(i), (s->earned >> i) & 1u, r, true, view);
        }
    }
    y += p.h;
    return y - top;
}
