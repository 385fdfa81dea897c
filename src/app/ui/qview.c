/* Question view: layout is computed while drawing (heights come from the
 * wrap cache), so a long prompt or explanation simply makes the column
 * taller and the scroll bar appears. */
#include "qview.h"

#include <string.h>

#include "flow.h"
#include "keys.h"
#include "text.h"

void qview_set(App *app, QuestionView *q, int item, const uint8_t *order)
{
    const BankItem *it = &app->bank->items[item];
    memset(q, 0, sizeof *q);
    q->item = item;
    q->option_count = it->option_count;
    if (order) {
        memcpy(q->order, order, sizeof q->order);
        return;
    }
    int idx[BANK_MAX_OPTIONS];
    for (int i = 0; i < it->option_count; i++)
        idx[i] = i;
    rng_shuffle_ints(&app->rng, idx, it->option_count);
    for (int i = 0; i < it->option_count; i++)
        q->order[i] = (uint8_t)idx[i];
}

int qview_chosen_count(const QuestionView *q)
{
    int n = 0;
    for (uint32_t m = q->chosen; m; m &= m - 1)
        n++;
    return n;
}

bool qview_toggle(App *app, QuestionView *q, int k)
{
    if (q->item < 0 || k < 0 || k >= q->option_count || q->revealed)
        return false;
    const BankItem *it = &app->bank->items[q->item];
    uint32_t bit = 1u << q->order[k];
    if (it->choose <= 1) {
        q->chosen = bit;
    } else if (q->chosen & bit) {
        q->chosen &= ~bit;
    } else if (qview_chosen_count(q) < it->choose) {
        q->chosen |= bit;
    } else {
        app_status(app, "Choose %d: unselect one first", it->choose);
        return true;
    }
    app_sound(app, SFX_CLICK);
    return true;
}

uint32_t qview_right_display(const App *app, const QuestionView *q)
{
    uint32_t mask = 0;
    const BankItem *it = &app->bank->items[q->item];
    for (int k = 0; k < q->option_count; k++)
        if (it->options[q->order[k]].correct)
            mask |= 1u << k;
    return mask;
}

bool qview_has_refs(const App *app, const QuestionView *q)
{
    return q->item >= 0 && app->bank->items[q->item].ref_count > 0;
}

bool qview_open_ref(App *app, const QuestionView *q, int index)
{
    const BankItem *it = q->item >= 0 ? &app->bank->items[q->item] : NULL;
    if (!it || index < 0 || index >= it->ref_count) {
        app_status(app, "This question has no documentation link");
        return false;
    }
    return app_open_url(app, it->refs[index].url, it->refs[index].title);
}

bool qview_action(App *app, QuestionView *q, const Action *a)
{
    if (q->item < 0)
        return false;
    if (q->revealed && a->type == ACT_COMMAND && a->value == CMD_LEARN_MORE) {
        qview_open_ref(app, q, 0);
        return true;
    }
    if (q->revealed && a->type == ACT_LINK) {
        qview_open_ref(app, q, a->value);
        return true;
    }
    if (a->type == ACT_DIGIT && a->value >= 1)
        return qview_toggle(app, q, a->value - 1);
    if (a->type == ACT_LETTER && a->value >= 'A' && a->value < 'A' + BANK_MAX_OPTIONS)
        return qview_toggle(app, q, a->value - 'A');
    return ui_scroll_action(app, &q->scroll, a);
}

static OptionState option_state(const BankItem *it, const QuestionView *q, int bank_opt)
{
    bool chosen = (q->chosen >> bank_opt) & 1u;
    if (!q->revealed)
        return chosen ? OPTION_CHOSEN : OPTION_NORMAL;
    bool right = it->options[bank_opt].correct;
    if (right)
        return chosen ? OPTION_RIGHT : OPTION_MISSED;
    return chosen ? OPTION_WRONG : OPTION_DIMMED;
}

void qview_scroll_to_options(QuestionView *q)
{
    if (q->scroll.content > q->scroll.view && q->options_at > 0)
        q->scroll.offset = q->options_at;
}

void qview_draw(App *app, QuestionView *q, SDL_Rect area)
{
    if (q->item < 0)
        return;
    const Theme *t = &app->theme;
    const BankItem *it = &app->bank->items[q->item];
    int bar = app_px(app, 14);
    int w = area.w - bar;
    int gap = app_px(app, 10);
    q->scroll.view = area.h;
    int first_hit = app->hit_count;
    SDL_RenderSetClipRect(app->renderer, &area);
    int y = area.y - q->scroll.offset;
    int top = area.y, bottom = area.y + area.h;

    if (q->banner) {
        ui_chip(app, area.x, y, q->banner, ui_alpha(t->warn, 60), t->warn);
        y += text_line_height(app, FONT_SMALL) + gap;
    }
    char chip[96];
    const BankTask *task = &app->bank->tasks[it->task];
    snprintf(chip, sizeof chip, "Task %s  %s", task->id, app->bank->domains[it->domain].name);
    int cx = area.x;
    if (!q->hide_task)
        cx += ui_chip(app, cx, y, chip, ui_alpha(t->accent2, 40), t->accent2) + gap;
    if (it->choose > 1) {
        static const char *const NUM[] = {"", "ONE", "TWO", "THREE", "FOUR", "FIVE"};
        snprintf(chip, sizeof chip, "Choose %s", it->choose <= 5 ? NUM[it->choose] : "several");
        ui_chip(app, cx, y, chip, ui_alpha(t->accent, 60), t->accent);
    }
    if (!q->hide_task || it->choose > 1)
        y += text_line_height(app, FONT_SMALL) + app_px(app, 4) + gap;
    y += text_draw_wrapped(app, FONT_BODY_BOLD, it->prompt, area.x, y, w, t->text, top, bottom);
    y += gap * 2;

    q->options_at = y + q->scroll.offset - area.y;
    int focus_hint = -1;
    for (int k = 0; k < q->option_count; k++) {
        int bo = q->order[k];
        OptionState st = option_state(it, q, bo);
        int h = ui_option_height(app, w, it->options[bo].text, st);
        if (y + h >= top && y <= bottom)
            ui_option(app, area.x, y, w, k, it->options[bo].text, st, k == focus_hint, it->choose > 1);
        y += h + gap;
        if (q->revealed && q->show_whys) {
            SDL_Color c = it->options[bo].correct ? t->good : t->text_dim;
            y -= gap / 2;
            y += text_draw_wrapped(app, FONT_SMALL, it->options[bo].why, area.x + app_px(app, 58), y,
                                   w - app_px(app, 70), c, top, bottom);
            y += gap;
        }
    }
    if (q->revealed) {
        y += gap;
        int tw = w - app_px(app, 32);
        char links[BANK_MAX_REFS][APP_HIT_LABEL + 16];
        int links_h = 0;
        for (int r = 0; r < it->ref_count && r < BANK_MAX_REFS; r++) {
            snprintf(links[r], sizeof links[r], "Learn more: %s", it->refs[r].title);
            links_h += text_wrapped_height(app, FONT_BODY, links[r], tw) + app_px(app, 4);
        }
        if (links_h)
            links_h += gap;
        int eh = text_wrapped_height(app, FONT_BODY, it->explanation, tw);
        int ph = eh + links_h + app_px(app, 48);
        SDL_Rect panel = {area.x, y, w, ph};
        if (y < bottom && y + ph > top) {
            ui_round_rect(app, panel, app_px(app, 12), ui_mix(t->panel, t->accent2, 0.12f));
            text_draw(app, FONT_SMALL, "Explanation", area.x + app_px(app, 16), y + app_px(app, 10), t->accent2,
                      ALIGN_LEFT);
        }
        int ty = y + app_px(app, 12) + text_line_height(app, FONT_SMALL);
        text_draw_wrapped(app, FONT_BODY, it->explanation, area.x + app_px(app, 16), ty, tw, t->text, top, bottom);
        ty += eh + gap;
        for (int r = 0; r < it->ref_count && r < BANK_MAX_REFS; r++)
            ty += ui_link(app, area.x + app_px(app, 16), ty, tw, links[r], (Action){.type = ACT_LINK, .value = r},
                          top, bottom) + app_px(app, 4);
        y += ph + gap;
    }
    q->scroll.content = y + q->scroll.offset - area.y;
    SDL_RenderSetClipRect(app->renderer, NULL);
    /* an option half out of view is clicked on the part in view */
    flow_clip_hits(app, first_hit, area);
    ui_scrollbar(app, area, &q->scroll);
}
