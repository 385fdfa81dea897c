/* The home screen: the menu of modes (1-6), today's numbers (due items,
 * streak, level), what to do next, and messages about the bank and the
 * progress file. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "confirm.h"
#include "exam.h"
#include "exam_session.h"
#include "leitner.h"
#include "percent.h"
#include "plan.h"
#include "screens.h"
#include "strbuf.h"
#include "study.h"
#include "text.h"
#include "ui.h"

static const KeyBinding HOME_ROWS[] = {
    {"1-6 or arrows + Enter", 0, CMD_NONE, "open", false},
    {"Esc", 0, CMD_NONE, "quit", false},
    {"M", 'M', CMD_MUTE, "mute", true},
    {"F11", 0, CMD_NONE, "fullscreen", true},
    {"F12", 0, CMD_NONE, "screenshot", true},
};
static const KeyMap HOME_KEYS = KEYMAP(HOME_ROWS);

typedef struct MenuEntry {
    int key;              /* the digit that opens it: fixed, 1-6 */
    const char *title;
    const char *blurb;
    const Screen *screen;
} MenuEntry;

typedef struct HomeState {
    int selected;
    int anim_ms;           /* since enter, for the intro motion */
    MenuEntry entries[6];
    int entry_count;
    char mock_blurb[96], diag_blurb[96];
    StudyToday today;
    StudyPlan plan;
    bool has_plan;
    Projection projection;         /* exam day at the daily minutes */
    bool has_projection;
    bool projection_due;           /* to compute in the next update */
    bool has_unfinished;          /* an exam waits to be resumed: */
    StudyMode unfinished_mode;
    int unfinished_position, unfinished_seconds_left;
    StudyDomainTotal domains[SCORING_MAX_DOMAINS];  /* all-time accuracy */
    int box_counts[BANK_MAX_BOXES + 1];
    Scroll scroll;                 /* the body scrolls when large text needs the room */
    int content_top;               /* where the body started in the last frame */
    int row_top[6], row_h[6];      /* the menu rows in the last frame */
    bool follow;                   /* bring the selected row into view */
    Confirm quit;                  /* "Quit cloudprep?" */
} HomeState;

static void build_menu(const App *app, HomeState *s)
{
    const Bank *b = app->bank;
    snprintf(s->mock_blurb, sizeof s->mock_blurb, "%d questions in %d minutes, scored 100-1000 (an estimate)",
             b->exam_items, b->exam_minutes);
    snprintf(s->diag_blurb, sizeof s->diag_blurb, "%d questions and a study plan", b->diagnostic_items);
    const MenuEntry all[] = {
        {1, "Daily drill", "Spaced repetition: today's due items", &SCREEN_DRILL},
        {2, "Arcade", "Beat the clock: lives, combos, points", &SCREEN_ARCADE},
        {3, "Mock exam", s->mock_blurb, &SCREEN_MOCK_START},
        {4, "Diagnostic", s->diag_blurb, &SCREEN_DIAGNOSTIC},
        {5, "Stats", "Scores, domains, boxes, calendar", &SCREEN_STATS},
        {6, "Settings", "Exam date, text size, sound, motion", &SCREEN_SETTINGS},
    };
    s->entry_count = 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        s->entries[s->entry_count++] = all[i];
}

/* Reads today's numbers and the plan; called on enter and whenever a mode
 * screen closes, so home always shows what was just studied. */
static void refresh(App *app, HomeState *s)
{
    app_study_today(app, &s->today);
    s->has_plan = app->settings.exam_date > 0 && study_plan(app->study, app_now(app), &s->plan);
    /* the projection runs the scheduler to exam day: after the first frame */
    s->has_projection = false;
    s->projection_due = s->has_plan;
    study_domain_totals(app->study, s->domains);
    leitner_box_counts(app->bank, app->study->states, s->box_counts);
    ExamSession *waiting = NULL;
    char why[512] = "";
    ExamFind found = exam_session_resume(app->study, app_now(app), &waiting, why, sizeof why);
    s->has_unfinished = found == EXAM_FIND_FOUND;
    if (waiting) {
        s->unfinished_mode = waiting->form.mode;
        s->unfinished_position = waiting->pos;
        s->unfinished_seconds_left = waiting->remaining_ms / 1000;
        exam_session_free(waiting);
    }
    if (found == EXAM_FIND_STALE) { /* it was closed: say why, where it stays visible */
        snprintf(app->store_message, sizeof app->store_message, "%s", why);
        app->store_message_news = false;
    }
    else if (found == EXAM_FIND_FAILED)
        app_status(app, "Progress not read: %s", why);
}

static void *home_enter(App *app, const void *arg)
{
    (void)arg;
    HomeState *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    build_menu(app, s);
    refresh(app, s);
    return s;
}

static void home_resume(App *app, void *state)
{
    /* "Welcome! Your progress will be kept in ..." has been read by now */
    if (app->store_message_news)
        app->store_message[0] = '\0';
    refresh(app, state);
}

static void home_leave(App *app, void *state)
{
    (void)app;
    HomeState *s = state;
    free(s);
}

static void open_entry(App *app, HomeState *s, int index)
{
    if (index < 0 || index >= s->entry_count || !s->entries[index].screen)
        return;
    s->selected = index;
    app_sound(app, SFX_CLICK);
    app_push(app, s->entries[index].screen, NULL);
}

static void home_action(App *app, void *state, const Action *a)
{
    HomeState *s = state;
    if (s->quit.open) {
        if (confirm_action(&s->quit, a) == CONFIRM_RISKY)
            app_pop(app); /* quits */
        return;
    }
    switch (a->type) {
    case ACT_UP:
        if (s->entry_count)
            s->selected = (s->selected + s->entry_count - 1) % s->entry_count;
        s->follow = true;
        break;
    case ACT_DOWN:
    case ACT_TAB:
        if (s->entry_count)
            s->selected = (s->selected + 1) % s->entry_count;
        s->follow = true;
        break;
    case ACT_WHEEL: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
        ui_scroll_action(app, &s->scroll, a);
        break;
    case ACT_CONFIRM:
        open_entry(app, s, s->selected);
        break;
    case ACT_DIGIT:
        for (int i = 0; i < s->entry_count; i++)
            if (s->entries[i].key == a->value)
                open_entry(app, s, i);
        break;
    case ACT_SELECT:
        open_entry(app, s, a->value);
        break;
    case ACT_BACK:
        confirm_open(&s->quit, 0, "Quit cloudprep?", "Your progress is saved as you go; everything will be here "
                     "next time.", "Keep studying", "Quit");
        break;
    default:
        break;
    }
}

static int home_update(App *app, void *state, int dt_ms)
{
    HomeState *s = state;
    if (s->projection_due) {
        s->projection_due = false;
        s->has_projection = study_projection(app->study, s->plan.daily_minutes, app->settings.exam_date, 0, app_now(app), &s->projection);
        return SCREEN_ANIMATING; /* draw it */
    }
    if (s->anim_ms >= 700)
        return SCREEN_IDLE;
    s->anim_ms += dt_ms;
    return SCREEN_ANIMATING;
}

/* A soft cloud made of circles: the logo mark. */
static void draw_cloud(App *app, int x, int y, int size, SDL_Color c)
{
    float s = (float)size;
    ui_circle(app, (float)x + s * 0.30f, (float)y + s * 0.55f, s * 0.22f, c);
    ui_circle(app, (float)x + s * 0.52f, (float)y + s * 0.40f, s * 0.28f, c);
    ui_circle(app, (float)x + s * 0.74f, (float)y + s * 0.56f, s * 0.20f, c);
    ui_round_rect(app, (SDL_Rect){x + size * 8 / 100, y + size * 52 / 100, size * 84 / 100, size * 26 / 100},
                  size * 13 / 100, c);
}

static float ease_out(float t)
{
    if (t >= 1) return 1;
    return 1 - (1 - t) * (1 - t) * (1 - t);
}

/* Height of menu row i at width w: its title and its blurb (wrapped). */
static int menu_row_height(App *app, const HomeState *s, int i, int w, int *badge)
{
    *badge = text_line_height(app, FONT_TITLE) + app_px(app, 12);
    int text_w = w - *badge - app_px(app, 14 + 16 + 14);
    int h = text_line_height(app, FONT_BODY_BOLD) + text_wrapped_height(app, FONT_SMALL, s->entries[i].blurb, text_w);
    h += app_px(app, 20);
    return h > *badge + app_px(app, 16) ? h : *badge + app_px(app, 16);
}

/* The menu from y down, `w` wide; returns its height. */
static int draw_menu(App *app, HomeState *s, int x, int y, int w)
{
    const Theme *t = &app->theme;
    int gap = app_px(app, 10);
    int top = y;
    for (int i = 0; i < s->entry_count; i++) {
        float appear = ease_out((float)(s->anim_ms - i * 60) / 400.0f);
        if (appear < 0) appear = 0;
        int slide = (int)((1 - appear) * (float)app_px(app, 40));
        int badge;
        int h = menu_row_height(app, s, i, w, &badge);
        SDL_Rect r = {x - slide, y, w, h};
        s->row_top[i] = y;
        s->row_h[i] = h;
        bool sel = i == s->selected;
        if (sel)
            ui_round_rect(app, (SDL_Rect){r.x - 3, r.y - 3, r.w + 6, r.h + 6}, app_px(app, 16), t->accent);
        ui_round_rect(app, r, app_px(app, 14), sel ? t->panel_hi : t->panel);
        SDL_Rect b = {r.x + app_px(app, 14), r.y + (h - badge) / 2, badge, badge};
        ui_round_rect(app, b, app_px(app, 10), sel ? t->accent : ui_alpha(t->accent2, 60));
        char num[4];
        snprintf(num, sizeof num, "%d", s->entries[i].key);
        int lh = text_line_height(app, FONT_TITLE);
        text_draw(app, FONT_TITLE, num, b.x + badge / 2, b.y + (badge - lh) / 2, sel ? t->bg : t->text,
                  ALIGN_CENTER);
        int tx = b.x + badge + app_px(app, 16);
        int text_w = r.x + r.w - app_px(app, 14) - tx;
        int title_h = text_line_height(app, FONT_BODY_BOLD);
        int blurb_h = text_wrapped_height(app, FONT_SMALL, s->entries[i].blurb, text_w);
        int ty = r.y + (h - title_h - blurb_h) / 2;
        text_draw(app, FONT_BODY_BOLD, s->entries[i].title, tx, ty, t->text, ALIGN_LEFT);
        text_draw_wrapped(app, FONT_SMALL, s->entries[i].blurb, tx, ty + title_h, text_w, t->text_dim, 0, app->h);
        app_hit_label(app, r, (Action){.type = ACT_SELECT, .value = i}, s->entries[i].title);
        y += h + gap;
    }
    return y - gap - top;
}

/* The three cards (streak, level, due): side by side when their words fit,
 * else one under the other. Returns the height used. */
static int draw_cards(App *app, HomeState *s, int x, int y, int w)
{
    const Theme *t = &app->theme;
    const StudyToday *d = &s->today;
    int gap = app_px(app, 12), pad = app_px(app, 14);
    char goal[64], xp[32], tomorrow[48], streak[16], level[16], due[16];
    study_goal_text(d, goal, sizeof goal);
    strbuf_thousands(d->xp, xp, sizeof xp);
    strbuf_append(xp, sizeof xp, " XP");
    snprintf(tomorrow, sizeof tomorrow, "%d tomorrow", d->due_tomorrow);
    snprintf(streak, sizeof streak, "%d", d->streak.current);
    snprintf(level, sizeof level, "%d", d->level);
    snprintf(due, sizeof due, "%d", d->due);
    int flame = text_line_height(app, FONT_TITLE);
    int need = 0, tw, th;
    const char *words[] = {"Daily streak", goal, "Due now", tomorrow};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        text_size(app, FONT_SMALL, words[i], &tw, &th);
        need = tw > need ? tw : need;
    }
    int lw, nw;
    text_size(app, FONT_SMALL, xp, &lw, &th);
    text_size(app, FONT_TITLE, level, &nw, &th);
    need = lw + nw + app_px(app, 12) > need ? lw + nw + app_px(app, 12) : need;
    bool across = (w - gap * 2) / 3 >= need + pad * 2;
    int cw = across ? (w - gap * 2) / 3 : w;
    int ch = pad * 2 + text_line_height(app, FONT_SMALL) * 2 + text_line_height(app, FONT_TITLE) + app_px(app, 8);
    SDL_Rect card[3];
    for (int i = 0; i < 3; i++)
        card[i] = across ? (SDL_Rect){x + i * (cw + gap), y, i == 2 ? w - 2 * (cw + gap) : cw, ch}
                         : (SDL_Rect){x, y + i * (ch + gap), w, ch};
    const char *labels[3] = {"Daily streak", "Level", "Due now"};
    for (int i = 0; i < 3; i++) {
        ui_panel(app, card[i]);
        text_draw(app, FONT_SMALL, labels[i], card[i].x + pad, card[i].y + pad, t->text_dim, ALIGN_LEFT);
    }
    int num_y = pad + text_line_height(app, FONT_SMALL) + app_px(app, 4);
    int foot_y = ch - pad - text_line_height(app, FONT_SMALL);
    float phase = (float)s->anim_ms / 1000.0f;
    ui_flame(app, card[0].x + pad - app_px(app, 4), card[0].y + num_y, flame, phase, d->streak.today_met);
    text_draw(app, FONT_TITLE, streak, card[0].x + pad + flame + app_px(app, 2), card[0].y + num_y, t->text,
              ALIGN_LEFT);
    text_draw(app, FONT_SMALL, goal, card[0].x + pad, card[0].y + foot_y, d->streak.today_met ? t->good : t->text_dim,
              ALIGN_LEFT);
    text_draw(app, FONT_TITLE, level, card[1].x + pad, card[1].y + num_y, t->accent, ALIGN_LEFT);
    text_draw(app, FONT_SMALL, xp, card[1].x + card[1].w - pad, card[1].y + num_y + app_px(app, 8), t->text_dim,
              ALIGN_RIGHT);
    float frac = d->level_span > 0 ? (float)d->level_into / (float)d->level_span : 0;
    ui_progress(app, (SDL_Rect){card[1].x + pad, card[1].y + foot_y + app_px(app, 4), card[1].w - pad * 2,
                                app_px(app, 8)}, frac, t->accent);
    text_draw(app, FONT_TITLE, due, card[2].x + pad, card[2].y + num_y, d->due > 0 ? t->accent2 : t->text, ALIGN_LEFT);
    text_draw(app, FONT_SMALL, tomorrow, card[2].x + pad, card[2].y + foot_y, t->text_dim, ALIGN_LEFT);
    return across ? ch : ch * 3 + gap * 2;
}

/* What to do next, in one or two sentences. */
static void next_step(App *app, HomeState *s, char *out, size_t size)
{
    const StudyToday *d = &s->today;
    if (app->bank->item_count == 0) {
        snprintf(out, size, "This bank has nothing to study yet: every item file was skipped because of errors "
                 "(see below). Fix those files, or run cloudprep --check-bank on the bank folder to list every "
                 "problem, then start cloudprep again.");
        return;
    }
    if (s->has_unfinished) {
        char left[32];
        exam_format_time(s->unfinished_seconds_left, left, sizeof left);
        bool mock = s->unfinished_mode == MODE_MOCK;
        if (mock)
            snprintf(out, size, "Your mock exam is waiting at question %d with %s left on the clock. Press 3 to "
                     "resume it.", s->unfinished_position + 1, left);
        else
            snprintf(out, size, "Your diagnostic is waiting at question %d. Press 4 to finish it.",
                     s->unfinished_position + 1);
        return;
    }
    if (d->answers_total == 0) {
        snprintf(out, size, "New here? Start with the Diagnostic (press 4): %d questions, about five "
                 "minutes, then an estimated score and a study plan up to your exam date.",
                 app->bank->diagnostic_items);
        return;
    }
    if (s->has_plan) {
        snprintf(out, size, "%d day%s to the exam. ", s->plan.days_left, s->plan.days_left == 1 ? "" : "s");
        if (s->has_projection) {
            char said[400];
            study_projection_text(app->study, s->plan.daily_minutes, &s->projection, said, sizeof said);
            strbuf_append(out, size, "%s", said);
        } else {
            strbuf_append(out, size, "About %d new items a day.", s->plan.new_per_day);
        }
        return;
    }
    if (d->due > 0)
        snprintf(out, size, "%d item%s waiting for review. Press 1 for today's drill.", d->due,
                 d->due == 1 ? " is" : "s are");
    else if (!d->streak.today_met)
        snprintf(out, size, "Nothing is due. Learn new items in the Daily drill (1) or play an Arcade round (2).");
    else
        snprintf(out, size, "Today's goal is met. A mock exam (3) tells you how ready you are.");
}

/* Draws `text` wrapped (when draw is set) and returns its height. */
static int say(App *app, bool draw, FontRole role, const char *text, int x, int y, int w, SDL_Color c)
{
    if (!draw)
        return text_wrapped_height(app, role, text, w);
    return text_draw_wrapped(app, role, text, x, y, w, c, 0, app->h);
}

/* The next step, the domains, the bank and any message, from y down, w
 * wide; draws only when `draw` is set. Returns the height. */
static int side_content(App *app, HomeState *s, int x, int y, int w, bool draw)
{
    const Theme *t = &app->theme;
    const Bank *b = app->bank;
    int top = y;
    char line[1024];
    if (draw)
        text_draw(app, FONT_BODY_BOLD, "Next step", x, y, t->accent, ALIGN_LEFT);
    y += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 6);
    next_step(app, s, line, sizeof line);
    y += say(app, draw, FONT_BODY, line, x, y, w, t->text) + app_px(app, 16);
    if (draw)
        text_draw(app, FONT_BODY_BOLD, "Your domains", x, y, t->accent, ALIGN_LEFT);
    y += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 6);
    int weakest = study_weakest_domain(app->study);
    for (int d = 0; d < b->domain_count && d < SCORING_MAX_DOMAINS; d++) {
        const StudyDomainTotal *ds = &s->domains[d];
        char score[48];
        if (ds->total > 0) {
            char total[24];
            strbuf_thousands(ds->total, total, sizeof total);
            snprintf(score, sizeof score, "%d%% of %s", percent_of(ds->right, ds->total), total);
        } else
            snprintf(score, sizeof score, "not started");
        int sw, sh;
        text_size(app, FONT_SMALL, score, &sw, &sh);
        snprintf(line, sizeof line, "%s  (%d%%)%s", b->domains[d].name, b->domains[d].weight,
                 d == weakest ? ", your weakest" : "");
        int name_h = say(app, draw, FONT_SMALL, line, x, y, w - sw - app_px(app, 12), t->text);
        bool strong = ds->total > 0 && (double)ds->right / ds->total >= b->pass_fraction;
        SDL_Color c = ds->total == 0 ? t->text_dim : strong ? t->good : t->warn;
        if (draw)
            text_draw(app, FONT_SMALL, score, x + w, y, c, ALIGN_RIGHT);
        y += name_h + app_px(app, 2);
        if (draw)
            ui_progress(app, (SDL_Rect){x, y, w, app_px(app, 6)}, ds->total ? (float)ds->right / (float)ds->total : 0,
                        strong ? t->good : t->warn);
        y += app_px(app, 12);
    }
    int seen = study_items_started(app->study);
    char n_seen[24], n_items[24], n_top[24], n_questions[24], n_cards[24];
    strbuf_thousands(seen, n_seen, sizeof n_seen);
    strbuf_thousands(b->item_count, n_items, sizeof n_items);
    strbuf_thousands(s->box_counts[b->leitner_boxes], n_top, sizeof n_top);
    strbuf_thousands(b->question_count, n_questions, sizeof n_questions);
    strbuf_thousands(b->flashcard_count, n_cards, sizeof n_cards);
    snprintf(line, sizeof line, "%s of %s items started, %s in the top box. %s questions and %s flashcards in the "
             "%s bank (checked %s).", n_seen, n_items, n_top, n_questions, n_cards, b->code, b->as_of);
    y += app_px(app, 4) + say(app, draw, FONT_SMALL, line, x, y + app_px(app, 4), w, t->text_dim);
    const char *messages[2] = {app->bank_message, app->store_message};
    for (int i = 0; i < 2; i++)
        if (messages[i][0])
            y += app_px(app, 10) + say(app, draw, FONT_SMALL, messages[i], x, y + app_px(app, 10), w, t->warn);
    return y - top;
}

/* The cards and the panel under them; returns the height. */
static int draw_side(App *app, HomeState *s, int x, int y, int w)
{
    int top = y;
    y += draw_cards(app, s, x, y, w) + app_px(app, 14);
    int pad_x = app_px(app, 22), pad_y = app_px(app, 16);
    int h = side_content(app, s, x + pad_x, y + pad_y, w - pad_x * 2, false) + pad_y * 2;
    ui_panel(app, (SDL_Rect){x, y, w, h});
    side_content(app, s, x + pad_x, y + pad_y, w - pad_x * 2, true);
    return y + h - top;
}

/* Keeps the selected menu row in view after a key moved the selection. */
static void follow_selection(HomeState *s)
{
    if (!s->follow)
        return;
    s->follow = false;
    int top = s->row_top[s->selected] - s->content_top, bottom = top + s->row_h[s->selected];
    if (top < s->scroll.offset)
        s->scroll.offset = top;
    else if (bottom > s->scroll.offset + s->scroll.view)
        s->scroll.offset = bottom - s->scroll.view;
}

static const KeyMap *home_keys(App *app, void *state)
{
    (void)app;
    const HomeState *s = state;
    return s->quit.open ? confirm_keys() : &HOME_KEYS;
}

static void home_draw(App *app, void *state)
{
    HomeState *s = state;
    const Theme *t = &app->theme;
    ui_background(app);
    int margin = app_px(app, 36);
    float intro = ease_out((float)s->anim_ms / 600.0f);
    int logo = text_line_height(app, FONT_TITLE) + text_line_height(app, FONT_BODY);
    int top = app_px(app, 20);
    draw_cloud(app, margin, top, logo, ui_alpha(t->accent, (int)(255 * intro)));
    int tx = margin + logo + app_px(app, 12);
    text_draw(app, FONT_TITLE, "cloudprep", tx, top, t->text, ALIGN_LEFT);
    if (app->bank)
        text_draw_wrapped(app, FONT_BODY, app->bank->title, tx, top + text_line_height(app, FONT_TITLE),
                          app->w - tx - margin, t->text_dim, 0, app->h);
    int body_top = top + logo + app_px(app, 20);
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 28);
    SDL_Rect view = {0, body_top, app->w, app->h - body_top - footer};
    s->scroll.view = view.h;
    follow_selection(s);
    int max_offset = s->scroll.content - s->scroll.view;
    if (s->scroll.offset > max_offset)
        s->scroll.offset = max_offset > 0 ? max_offset : 0;
    ChartClip saved;
    chart_clip_push(app, view, &saved);
    int y = view.y + app_px(app, 4) - s->scroll.offset;
    s->content_top = y;
    int inner = app->w - margin * 2;
    /* Two columns when the menu's widest title and the side's cards fit. */
    int menu_w = (inner - margin) * 55 / 100;
    int tw, th;
    text_size(app, FONT_BODY_BOLD, "Daily drill", &tw, &th);
    bool two = menu_w >= tw * 3 && inner - menu_w - margin >= app_px(app, 330);
    int content;
    if (two) {
        int left = draw_menu(app, s, margin, y, menu_w);
        int right = draw_side(app, s, margin * 2 + menu_w, y, inner - menu_w - margin);
        content = left > right ? left : right;
    } else {
        content = draw_menu(app, s, margin, y, inner) + app_px(app, 16);
        content += draw_side(app, s, margin, y + content, inner);
    }
    content += app_px(app, 12);
    content += say(app, true, FONT_SMALL,
                   "cloudprep is independent and is not affiliated with or endorsed by Amazon Web Services.",
                   margin, y + content, inner, ui_alpha(t->text_dim, 200));
    s->scroll.content = content + app_px(app, 12);
    chart_clip_pop(app, &saved);
    if (s->scroll.content > s->scroll.view)
        ui_scrollbar(app, (SDL_Rect){app->w - app_px(app, 14), view.y, app_px(app, 8), view.h}, &s->scroll);
    confirm_draw(app, &s->quit);
    ui_footer_keys(app, home_keys(app, s));
}


const Screen SCREEN_HOME = {
    .name = "home",
    .enter = home_enter,
    .leave = home_leave,
    .action = home_action,
    .update = home_update,
    .draw = home_draw,
    .resume = home_resume,
    .keys = home_keys,
};
