/* The confirm dialog (see confirm.h). */
#include "confirm.h"

#include <stdio.h>

#include "text.h"
#include "ui.h"

static const KeyBinding CONFIRM_ROWS[] = {
    {"Y", 'Y', CMD_YES, "yes", false},
    {"N", 'N', CMD_NO, "no", false},
    {"Arrows", 0, CMD_NONE, "choose", false},
    {"Enter", 0, CMD_NONE, "take the lit choice", false},
    {"Esc", 0, CMD_NONE, "the safe choice", false},
};
static const KeyMap CONFIRM_KEYS = KEYMAP(CONFIRM_ROWS);

const KeyMap *confirm_keys(void)
{
    return &CONFIRM_KEYS;
}

void confirm_open(Confirm *c, int tag, const char *title, const char *message, const char *safe,
                  const char *risky)
{
    c->open = true;
    c->tag = tag;
    c->focus_risky = false;
    snprintf(c->title, sizeof c->title, "%s", title);
    snprintf(c->message, sizeof c->message, "%s", message);
    snprintf(c->safe, sizeof c->safe, "%s", safe);
    snprintf(c->risky, sizeof c->risky, "%s", risky);
}

static ConfirmChoice close_on(Confirm *c, ConfirmChoice choice)
{
    c->open = false;
    return choice;
}

ConfirmChoice confirm_action(Confirm *c, const Action *a)
{
    switch (a->type) {
    case ACT_CONFIRM:
        return close_on(c, c->focus_risky ? CONFIRM_RISKY : CONFIRM_SAFE);
    case ACT_BACK:
        return close_on(c, CONFIRM_SAFE);
    case ACT_COMMAND:
        if (a->value == CMD_YES)
            return close_on(c, CONFIRM_RISKY);
        if (a->value == CMD_NO)
            return close_on(c, CONFIRM_SAFE);
        break;
    case ACT_LEFT: case ACT_RIGHT: case ACT_UP: case ACT_DOWN: case ACT_TAB:
        c->focus_risky = !c->focus_risky;
        break;
    default:
        break;
    }
    return CONFIRM_ASKING;
}

void confirm_draw(App *app, const Confirm *c)
{
    if (!c->open)
        return;
    const Theme *t = &app->theme;
    ui_fill(app, (SDL_Rect){0, 0, app->w, app->h}, ui_alpha(t->bg, 190));
    int w = app_px(app, 560);
    if (w > app->w - app_px(app, 40))
        w = app->w - app_px(app, 40);
    int pad = app_px(app, 28);
    int gap = app_px(app, 16);
    int th = text_wrapped_height(app, FONT_BODY, c->message, w - pad * 2);
    int bh = text_line_height(app, FONT_BODY) + app_px(app, 20);
    /* Side by side when both labels fit, else one above the other. */
    int bw = (w - pad * 2 - gap) / 2;
    int lw1 = 0, lw2 = 0, lh = 0;
    char safe[96], risky[96];
    snprintf(risky, sizeof risky, "Y  %s", c->risky);
    snprintf(safe, sizeof safe, "N  %s", c->safe);
    text_size(app, FONT_BODY, safe, &lw1, &lh);
    text_size(app, FONT_BODY, risky, &lw2, &lh);
    bool stacked = lw1 + app_px(app, 24) > bw || lw2 + app_px(app, 24) > bw;
    int buttons_h = stacked ? bh * 2 + gap / 2 : bh;
    int h = pad * 2 + text_line_height(app, FONT_TITLE) + app_px(app, 12) + th + app_px(app, 24) + buttons_h;
    if (h > app->h)
        h = app->h;
    SDL_Rect box = {(app->w - w) / 2, (app->h - h) / 2, w, h};
    ui_round_rect(app, (SDL_Rect){box.x - 2, box.y - 2, box.w + 4, box.h + 4}, app_px(app, 18), t->accent);
    ui_round_rect(app, box, app_px(app, 16), t->panel);
    int y = box.y + pad;
    text_draw(app, FONT_TITLE, c->title, box.x + pad, y, t->text, ALIGN_LEFT);
    y += text_line_height(app, FONT_TITLE) + app_px(app, 12);
    int bottom = box.y + box.h - pad - buttons_h;
    text_draw_wrapped(app, FONT_BODY, c->message, box.x + pad, y, w - pad * 2, t->text_dim, y, bottom);
    SDL_Rect safe_r, risky_r;
    if (stacked) {
        safe_r = (SDL_Rect){box.x + pad, bottom, w - pad * 2, bh};
        risky_r = (SDL_Rect){box.x + pad, bottom + bh + gap / 2, w - pad * 2, bh};
    } else {
        safe_r = (SDL_Rect){box.x + pad, bottom, bw, bh};
        risky_r = (SDL_Rect){box.x + pad + bw + gap, bottom, bw, bh};
    }
    /* Both choices read as buttons on the panel, lit or not. */
    SDL_Rect rings[2] = {safe_r, risky_r};
    for (int i = 0; i < 2; i++)
        ui_round_rect(app, (SDL_Rect){rings[i].x - 1, rings[i].y - 1, rings[i].w + 2, rings[i].h + 2},
                      app_px(app, 13), t->border);
    ui_button(app, safe_r, safe, !c->focus_risky, (Action){.type = ACT_COMMAND, .value = CMD_NO});
    ui_button(app, risky_r, risky, c->focus_risky, (Action){.type = ACT_COMMAND, .value = CMD_YES});
}
