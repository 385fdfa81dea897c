/* The home screen: the menu of modes (1-6), today's numbers (due items,
 * streak, level), what to do next, and messages about the bank and the
 * progress file. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "exam.h"
#include "leitner.h"
#include "plan.h"
#include "screens.h"
#include "store.h"
#include "strbuf.h"
#include "study.h"
#include "text.h"
#include "ui.h"

static const KeyBinding HOME_ROWS[] = {
    {"1-6 or arrows + Enter", 0, CMD_NONE, "open", false},
    {"M", 'M', CMD_MUTE, "mute", false},
    {"F11", 0, CMD_NONE, "fullscreen", false},
    {"F12", 0, CMD_NONE, "screenshot", false},
    {"Esc", 0, CMD_NONE, "quit", false},
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
    bool has_unfinished;          /* an exam waits to be resumed */
    ExamForm unfinished;
    StudyDomainTotal domains[SCORING_MAX_DOMAINS];  /* all-time accuracy */
    int box_counts[BANK_MAX_BOXES + 1];
} HomeState;

static void build_menu(const App *app, HomeState *s)
{
    const Bank *b = app->bank;
    snprintf(s->mock_blurb, sizeof s->mock_blurb, "%d questions, %d minutes, scored like the real exam",
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
    PlanOptions opt = {.daily_minutes = app->settings.daily_minutes, .exam_date = app->settings.exam_date};
    s->has_plan = app->settings.exam_date > 0 &&
                  plan_build(app->bank, app->study->states, study_accuracy(app->study), app_now(app), &opt, &s->plan);
    /* the projection runs the scheduler to exam day: after the first frame */
    s->has_projection = false;
    s->projection_due = s->has_plan;
    study_domain_totals(app->study, s->domains);
    leitner_box_counts(app->bank, app->study->states, s->box_counts);
    exam_form_free(&s->unfinished);
    StoreStatus unfinished = store_exam_load_unfinished(app->store, app->bank, app_now(app), &s->unfinished, NULL);
    s->has_unfinished = unfinished == STORE_OK;
    if (unfinished == STORE_STALE) /* the store closed it: say why, where it stays visible */
        snprintf(app->store_message, sizeof app->store_message, "%s", store_error_message(app->store));
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
    refresh(app, state);
}

static void home_leave(App *app, void *state)
{
    (void)app;
    HomeState *s = state;
    exam_form_free(&s->unfinished);
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
    switch (a->type) {
    case ACT_UP:
        if (s->entry_count)
            s->selected = (s->selected + s->entry_count - 1) % s->entry_count;
        break;
    case ACT_DOWN:
    case ACT_TAB:
        if (s->entry_count)
            s->selected = (s->selected + 1) % s->entry_count;
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
        app_pop(app); /* quits */
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

static void draw_menu(App *app, HomeState *s, SDL_Rect area)
{
    const Theme *t = &app->theme;
    int gap = app_px(app, 12);
    int h = (area.h - gap * 5) / 6;
    if (h > app_px(app, 74)) h = app_px(app, 74);
    for (int i = 0; i < s->entry_count; i++) {
        float appear = ease_out((float)(s->anim_ms - i * 60) / 400.0f);
        if (appear < 0) appear = 0;
        int slide = (int)((1 - appear) * (float)app_px(app, 40));
        SDL_Rect r = {area.x - slide, area.y + i * (h + gap), area.w, h};
        bool sel = i == s->selected;
        if (sel)
            ui_round_rect(app, (SDL_Rect){r.x - 3, r.y - 3, r.w + 6, r.h + 6}, app_px(app, 16), t->accent);
        ui_round_rect(app, r, app_px(app, 14), sel ? t->panel_hi : t->panel);
        int badge = h - app_px(app, 24);
        SDL_Rect b = {r.x + app_px(app, 14), r.y + (h - badge) / 2, badge, badge};
        ui_round_rect(app, b, app_px(app, 10), sel ? t->accent : ui_alpha(t->accent2, 60));
        char num[4];
        snprintf(num, sizeof num, "%d", s->entries[i].key);
        int lh = text_line_height(app, FONT_TITLE);
        text_draw(app, FONT_TITLE, num, b.x + badge / 2, b.y + (badge - lh) / 2,
                  sel ? t->bg : t->text, ALIGN_CENTER);
        int tx = b.x + badge + app_px(app, 16);
        int title_h = text_line_height(app, FONT_BODY_BOLD);
        int blurb_h = text_line_height(app, FONT_SMALL);
        int ty = r.y + (h - title_h - blurb_h) / 2;
        text_draw(app, FONT_BODY_BOLD, s->entries[i].title, tx, ty, t->text, ALIGN_LEFT);
        text_draw(app, FONT_SMALL, s->entries[i].blurb, tx, ty + title_h, t->text_dim, ALIGN_LEFT);
        app_hit(app, r, (Action){.type = ACT_SELECT, .value = i});
    }
}

/* One of the three cards above the side panel. */
static SDL_Rect stat_card(App *app, SDL_Rect r, const char *label)
{
    ui_panel(app, r);
    text_draw(app, FONT_SMALL, label, r.x + app_px(app, 14), r.y + app_px(app, 10),
              app->theme.text_dim, ALIGN_LEFT);
    return (SDL_Rect){r.x + app_px(app, 14), r.y + app_px(app, 10) + text_line_height(app, FONT_SMALL),
                      r.w - app_px(app, 28), r.h};
}

static void draw_cards(App *app, HomeState *s, SDL_Rect area)
{
    const Theme *t = &app->theme;
    const StudyToday *d = &s->today;
    int gap = app_px(app, 12);
    int w = (area.w - gap * 2) / 3;
    char line[96];

    SDL_Rect in = stat_card(app, (SDL_Rect){area.x, area.y, w, area.h}, "Daily streak");
    int flame = app_px(app, 40);
    float phase = (float)s->anim_ms / 1000.0f;
    ui_flame(app, in.x - app_px(app, 4), in.y + app_px(app, 2), flame, phase, d->streak.today_met);
    snprintf(line, sizeof line, "%d", d->streak.current);
    text_draw(app, FONT_TITLE, line, in.x + flame + app_px(app, 2), in.y + app_px(app, 2), t->text, ALIGN_LEFT);
    snprintf(line, sizeof line, d->streak.today_met ? "Today's goal met" : "Goal %d/%d today",
             d->drill_answers < d->goal ? d->drill_answers : d->goal, d->goal);
    text_draw(app, FONT_SMALL, line, in.x, area.y + area.h - text_line_height(app, FONT_SMALL) - app_px(app, 10),
              d->streak.today_met ? t->good : t->text_dim, ALIGN_LEFT);

    in = stat_card(app, (SDL_Rect){area.x + w + gap, area.y, w, area.h}, "Level");
    snprintf(line, sizeof line, "%d", d->level);
    text_draw(app, FONT_TITLE, line, in.x, in.y + app_px(app, 2), t->accent, ALIGN_LEFT);
    snprintf(line, sizeof line, "%d XP", d->xp);
    text_draw(app, FONT_SMALL, line, in.x + in.w, in.y + app_px(app, 12), t->text_dim, ALIGN_RIGHT);
    float frac = d->level_span > 0 ? (float)d->level_into / (float)d->level_span : 0;
    ui_progress(app, (SDL_Rect){in.x, area.y + area.h - app_px(app, 22), in.w, app_px(app, 8)}, frac, t->accent);

    in = stat_card(app, (SDL_Rect){area.x + (w + gap) * 2, area.y, area.w - (w + gap) * 2, area.h}, "Due now");
    snprintf(line, sizeof line, "%d", d->due);
    text_draw(app, FONT_TITLE, line, in.x, in.y + app_px(app, 2), d->due > 0 ? t->accent2 : t->text, ALIGN_LEFT);
    snprintf(line, sizeof line, "%d tomorrow", d->due_tomorrow);
    text_draw(app, FONT_SMALL, line, in.x, area.y + area.h - text_line_height(app, FONT_SMALL) - app_px(app, 10),
              t->text_dim, ALIGN_LEFT);
}

/* What to do next, in one or two sentences. */
static void next_step(App *app, HomeState *s, char *out, size_t size)
{
    const StudyToday *d = &s->today;
    if (s->has_unfinished) {
        char left[32];
        exam_format_time(s->unfinished.seconds_left, left, sizeof left);
        bool mock = s->unfinished.mode == MODE_MOCK;
        if (mock)
            snprintf(out, size, "Your mock exam is waiting at question %d with %s left on the clock. Press 3 to "
                     "resume it.", s->unfinished.position + 1, left);
        else
            snprintf(out, size, "Your diagnostic is waiting at question %d. Press 4 to finish it.",
                     s->unfinished.position + 1);
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

static void draw_side(App *app, HomeState *s, SDL_Rect area)
{
    const Theme *t = &app->theme;
    int card_h = app_px(app, 104);
    draw_cards(app, s, (SDL_Rect){area.x, area.y, area.w, card_h});
    SDL_Rect p = {area.x, area.y + card_h + app_px(app, 14), area.w, area.h - card_h - app_px(app, 14)};
    ui_panel(app, p);
    int x = p.x + app_px(app, 22), y = p.y + app_px(app, 16);
    int w = p.w - app_px(app, 44);
    int bottom = p.y + p.h - app_px(app, 10);
    text_draw(app, FONT_BODY_BOLD, "Next step", x, y, t->accent, ALIGN_LEFT);
    y += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 6);
    char line[512];
    next_step(app, s, line, sizeof line);
    y += text_draw_wrapped(app, FONT_BODY, line, x, y, w, t->text, 0, bottom);
    const Bank *b = app->bank;
    y += app_px(app, 16);
    text_draw(app, FONT_BODY_BOLD, "Your domains", x, y, t->accent, ALIGN_LEFT);
    y += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 6);
    for (int d = 0; d < b->domain_count && d < SCORING_MAX_DOMAINS; d++) {
        const StudyDomainTotal *ds = &s->domains[d];
        snprintf(line, sizeof line, "%s  (%d%%)", b->domains[d].name, b->domains[d].weight);
        text_draw(app, FONT_SMALL, line, x, y, t->text, ALIGN_LEFT);
        if (ds->total > 0)
            snprintf(line, sizeof line, "%d%% of %d", ds->right * 100 / ds->total, ds->total);
        else
            snprintf(line, sizeof line, "not started");
        bool strong = ds->total > 0 && (double)ds->right / ds->total >= b->pass_fraction;
        text_draw(app, FONT_SMALL, line, x + w, y, ds->total == 0 ? t->text_dim : strong ? t->good : t->warn,
                  ALIGN_RIGHT);
        y += text_line_height(app, FONT_SMALL) + app_px(app, 2);
        ui_progress(app, (SDL_Rect){x, y, w, app_px(app, 6)}, ds->total ? (float)ds->right / (float)ds->total : 0,
                    strong ? t->good : t->warn);
        y += app_px(app, 12);
    }
    int seen = 0, total = b->item_count;
    for (int box = 1; box <= b->leitner_boxes; box++)
        seen += s->box_counts[box];
    y += app_px(app, 4);
    snprintf(line, sizeof line, "%d of %d items started, %d in the top box. %d questions and %d flashcards in the "
             "%s bank (checked %s).", seen, total, s->box_counts[b->leitner_boxes], b->question_count,
             b->flashcard_count, b->code, b->as_of);
    y += text_draw_wrapped(app, FONT_SMALL, line, x, y, w, t->text_dim, 0, bottom);
    if (app->bank_message[0]) {
        y += app_px(app, 10);
        y += text_draw_wrapped(app, FONT_SMALL, app->bank_message, x, y, w, t->warn, 0, bottom);
    }
    if (app->store_message[0]) {
        y += app_px(app, 10);
        text_draw_wrapped(app, FONT_SMALL, app->store_message, x, y, w, t->warn, 0, bottom);
    }
}

static void home_draw(App *app, void *state)
{
    HomeState *s = state;
    const Theme *t = &app->theme;
    ui_background(app);
    int margin = app_px(app, 36);
    float intro = ease_out((float)s->anim_ms / 600.0f);
    int logo = app_px(app, 64);
    int top = app_px(app, 26);
    draw_cloud(app, margin, top, logo, ui_alpha(t->accent, (int)(255 * intro)));
    text_draw(app, FONT_TITLE, "cloudprep", margin + logo + app_px(app, 12), top + app_px(app, 6), t->text,
              ALIGN_LEFT);
    if (app->bank)
        text_draw(app, FONT_BODY, app->bank->title, margin + logo + app_px(app, 12),
                  top + app_px(app, 6) + text_line_height(app, FONT_TITLE), t->text_dim, ALIGN_LEFT);
    int body_top = top + logo + app_px(app, 30);
    int footer = text_line_height(app, FONT_SMALL) * 2 + app_px(app, 40);
    int body_h = app->h - body_top - footer;
    int menu_w = (app->w - margin * 3) * 55 / 100;
    draw_menu(app, s, (SDL_Rect){margin, body_top, menu_w, body_h});
    draw_side(app, s, (SDL_Rect){margin * 2 + menu_w, body_top, app->w - margin * 3 - menu_w, body_h});
    text_draw(app, FONT_SMALL,
              "cloudprep is independent and is not affiliated with or endorsed by Amazon Web Services.",
              app->w / 2, app->h - footer + app_px(app, 8), ui_alpha(t->text_dim, 200), ALIGN_CENTER);
    ui_footer_keys(app, &HOME_KEYS);
}

static const KeyMap *home_keys(App *app, void *state)
{
    (void)app;
    (void)state;
    return &HOME_KEYS;
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
