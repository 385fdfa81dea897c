/* The report form: a screen of its own ("report" in scripts) showing the
 * item, the learner's answer and a text field. Enter or Send appends the
 * row (reports_append); a failure stays on the form with the reason, so
 * nothing typed is lost. Esc or Cancel leaves without writing. */
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hud.h"
#include "reports.h"
#include "screen.h"
#include "strbuf.h"
#include "text.h"

static const KeyBinding REPORT_ROWS[] = {
    {"Type what is wrong", 0, CMD_NONE, "", false},
    {"Enter", 0, CMD_NONE, "send", false},
    {"Backspace", 0, CMD_NONE, "erase", false},
    {"Esc", 0, CMD_NONE, "cancel", false},
};
static const KeyMap REPORT_KEYS = KEYMAP(REPORT_ROWS);

typedef struct ReportStart {
    int item;
    uint32_t answer;
    bool answered;
} ReportStart;

typedef struct ReportState {
    int item;
    char answer[REPORTS_TEXT_MAX];
    char text[REPORTS_TEXT_MAX];
    char error[300];
    bool fresh;      /* not drawn yet: the R that opened the form may still arrive as text */
} ReportState;

void report_path(const App *app, char *buf, size_t size)
{
    if (app->data_dir[0])
        snprintf(buf, size, "%s/%s", app->data_dir, REPORTS_FILE_NAME);
    else
        snprintf(buf, size, "%s", REPORTS_FILE_NAME);
}

/* The answer in words the bank's authors can find in the file: "option 2
 * (S3 Glacier)" by the option's place in the YAML, not its shuffled letter. */
static void answer_text(const App *app, const ReportStart *r, char *buf, size_t size)
{
    const BankItem *it = &app->bank->items[r->item];
    buf[0] = '\0';
    if (!r->answered)
        return;
    if (it->kind == ITEM_FLASHCARD) {
        snprintf(buf, size, "%s", r->answer ? "knew it" : "missed it");
        return;
    }
    if (!r->answer) {
        snprintf(buf, size, "no answer");
        return;
    }
    for (int o = 0; o < it->option_count; o++)
        if ((r->answer >> o) & 1u)
            strbuf_append(buf, size, "%soption %d (%s)", buf[0] ? "; " : "", o + 1, it->options[o].text);
}

void report_open(App *app, int item, uint32_t answer, bool answered)
{
    if (item < 0 || item >= app->bank->item_count)
        return;
    ReportStart start = {item, answer, answered};
    app_push(app, &SCREEN_REPORT, &start);
}

/* The Report button's label: with its key when `keys` binds one. */
static const char *report_label(const KeyMap *keys, char *label, size_t size)
{
    if (!keys_hint(keys, CMD_REPORT, "Report", label, size)[0])
        snprintf(label, size, "Report");
    return label;
}

int report_button_width(App *app, const KeyMap *keys)
{
    char label[64];
    int tw = 0, th = 0;
    text_size(app, FONT_BODY_BOLD, report_label(keys, label, sizeof label), &tw, &th);
    return tw + app_px(app, 28);
}

int report_button(App *app, const KeyMap *keys, int x, int y, int h)
{
    char label[64];
    report_label(keys, label, sizeof label);
    int w = report_button_width(app, keys);
    ui_button(app, (SDL_Rect){x - w, y, w, h}, label, false, (Action){.type = ACT_COMMAND, .value = CMD_REPORT});
    return w;
}

static void *report_enter(App *app, const void *arg)
{
    const ReportStart *start = arg;
    ReportState *s = calloc(1, sizeof *s);
    if (!s || !start) {
        free(s);
        return NULL;
    }
    s->item = start->item;
    answer_text(app, start, s->answer, sizeof s->answer);
    s->fresh = true;
    app->text_input = true;
    return s;
}

static void report_leave(App *app, void *state)
{
    app->text_input = false;
    free(state);
}

static void send_report(App *app, ReportState *s)
{
    if (!s->text[0]) {
        snprintf(s->error, sizeof s->error, "Say what is wrong first: type it, then press Enter.");
        return;
    }
    const BankItem *it = &app->bank->items[s->item];
    char path[1200];
    report_path(app, path, sizeof path);
    ReportRow row = {app_now(app), app->bank->code, app->bank->as_of, it->id, s->answer, s->text};
    int err = reports_append(path, &row);
    if (err) {
        s->error[0] = '\0';
        strbuf_append(s->error, sizeof s->error, "Could not save the report to %s: %s. Check the folder, "
                      "then press Enter to try again.", path, strerror(err));
        app_sound(app, SFX_WRONG);
        return;
    }
    int count = reports_count(path);
    app_status(app, "Report saved (%d in %s)", count, path);
    app_sound(app, SFX_CLICK);
    app_pop(app);
}

/* Removes the last UTF-8 character of s. */
static void erase_last(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
        n--;
    if (n > 0)
        n--;
    s[n] = '\0';
}

static void report_action(App *app, void *state, const Action *a)
{
    ReportState *s = state;
    switch (a->type) {
    case ACT_BACK:
        app_status(app, "Report cancelled: nothing was saved");
        app_pop(app);
        return;
    case ACT_CONFIRM: send_report(app, s); return;
    case ACT_BACKSPACE: erase_last(s->text); return;
    case ACT_TEXT: {
        if (s->fresh && (strcmp(a->text, "r") == 0 || strcmp(a->text, "R") == 0))
            return; /* the key press that opened the form, delivered as text too */
        s->fresh = false;
        size_t used = strlen(s->text), add = strlen(a->text);
        if (used + add >= sizeof s->text) {
            snprintf(s->error, sizeof s->error, "That is as long as a report gets (%d bytes).",
                     REPORTS_TEXT_MAX - 1);
            return;
        }
        memcpy(s->text + used, a->text, add + 1);
        return;
    }
    default: return;
    }
}

static int report_update(App *app, void *state, int dt_ms)
{
    (void)app;
    (void)state;
    (void)dt_ms;
    return SCREEN_IDLE;
}

static void report_draw(App *app, void *state)
{
    ReportState *s = state;
    const Theme *t = &app->theme;
    const BankItem *it = &app->bank->items[s->item];
    s->fresh = false;
    ui_background(app);
    char label[160];
    snprintf(label, sizeof label, "%s  %s", it->id, app->bank->code);
    ui_title(app, "Report a problem with this item", label);
    int margin = app_px(app, 28), pad = app_px(app, 18), gap = app_px(app, 12);
    int w = app->w - margin * 2;
    int y = app_px(app, 74);
    const char *shown = it->kind == ITEM_QUESTION ? it->prompt : it->front;
    int ph = text_wrapped_height(app, FONT_BODY, shown, w - pad * 2);
    int max_ph = app->h / 4;
    SDL_Rect panel = {margin, y, w, (ph < max_ph ? ph : max_ph) + pad * 2};
    ui_panel(app, panel);
    SDL_RenderSetClipRect(app->renderer, &(SDL_Rect){panel.x, panel.y + pad, panel.w, panel.h - pad * 2});
    text_draw_wrapped(app, FONT_BODY, shown, panel.x + pad, panel.y + pad, w - pad * 2, t->text_dim,
                      panel.y, panel.y + panel.h - pad);
    SDL_RenderSetClipRect(app->renderer, NULL);
    y += panel.h + gap;
    char line[REPORTS_TEXT_MAX + 40];
    snprintf(line, sizeof line, "Your answer: %s", s->answer[0] ? s->answer : "none yet");
    y += text_draw_wrapped(app, FONT_SMALL, line, margin, y, w, t->text_dim, 0, app->h) + gap;
    text_draw(app, FONT_BODY_BOLD, "What is wrong? (a wrong key, an outdated fact, a typo...)", margin, y, t->text,
              ALIGN_LEFT);
    y += text_line_height(app, FONT_BODY_BOLD) + app_px(app, 6);
    int bh = app_px(app, 48);
    int footer = text_line_height(app, FONT_SMALL) + app_px(app, 30);
    int box_h = app->h - y - footer - bh - gap * 3;
    int min_box = text_line_height(app, FONT_BODY) * 2 + pad * 2;
    if (box_h < min_box)
        box_h = min_box;
    SDL_Rect box = {margin, y, w, box_h};
    ui_round_rect(app, (SDL_Rect){box.x - 2, box.y - 2, box.w + 4, box.h + 4}, app_px(app, 12), t->accent2);
    ui_round_rect(app, box, app_px(app, 10), t->panel);
    char typed[REPORTS_TEXT_MAX + 8];
    snprintf(typed, sizeof typed, "%s_", s->text);
    int th = text_wrapped_height(app, FONT_BODY, typed, w - pad * 2);
    int ty = box.y + pad;
    if (th > box.h - pad * 2)
        ty -= th - (box.h - pad * 2); /* keep the end of the text in view */
    SDL_RenderSetClipRect(app->renderer, &box);
    text_draw_wrapped(app, FONT_BODY, typed, box.x + pad, ty, w - pad * 2, t->text, box.y, box.y + box.h);
    SDL_RenderSetClipRect(app->renderer, NULL);
    y += box.h + gap;
    if (s->error[0])
        y += text_draw_wrapped(app, FONT_SMALL, s->error, margin, y, w, t->bad, 0, app->h) + app_px(app, 4);
    int bw = app_px(app, 200);
    ui_button(app, (SDL_Rect){margin, y, bw, bh}, "Send", true, (Action){.type = ACT_CONFIRM});
    ui_button(app, (SDL_Rect){margin + bw + gap, y, bw, bh}, "Cancel", false, (Action){.type = ACT_BACK});
    char path[1200];
    report_path(app, path, sizeof path);
    line[0] = '\0';
    strbuf_append(line, sizeof line, "Saved as a row of %s, to send to the bank's authors.", path);
    text_draw_wrapped(app, FONT_SMALL, line, margin + bw * 2 + gap * 3, y + app_px(app, 4),
                      w - bw * 2 - gap * 3, t->text_dim, 0, app->h);
    ui_footer_keys(app, &REPORT_KEYS);
}

const Screen SCREEN_REPORT = {
    .name = "report",
    .enter = report_enter,
    .leave = report_leave,
    .action = report_action,
    .update = report_update,
    .draw = report_draw,
};
