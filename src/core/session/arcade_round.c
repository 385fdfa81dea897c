/* Arcade round. The clock counts milliseconds handed in by the caller, so a
 * paused round (a confirm dialog up) simply is not ticked, and a test can
 * run a whole round in a loop. The round's answers are saved one by one as
 * they are given (the clock cannot wait for a retry); the round itself is
 * saved once, whole, when it ends. */
#include "arcade_round.h"

#include <stdio.h>
#include <string.h>

#include "store.h"

static const ArcadeRoundKind KINDS[ARCADE_ROUND_KINDS] = {
    {"sprint", "Sprint", 60, 3000},
    {"marathon", "Marathon", 180, 2000},
};

const ArcadeRoundKind *arcade_round_kind(int k)
{
    return &KINDS[k >= 0 && k < ARCADE_ROUND_KINDS ? k : 0];
}

static void store_failed(Study *study)
{
    snprintf(study->error, sizeof study->error, "%s",
             study->store ? store_error_message(study->store) : "no progress file is open");
}

bool arcade_round_bests(Study *study, int best[ARCADE_ROUND_KINDS], int rounds[ARCADE_ROUND_KINDS])
{
    study->error[0] = '\0';
    bool ok = study->store != NULL;
    for (int k = 0; k < ARCADE_ROUND_KINDS; k++) {
        best[k] = rounds[k] = 0;
        if (!ok)
            continue;
        StoreStatus s = store_arcade_best(study->store, KINDS[k].id, &best[k], &rounds[k]);
        ok = s == STORE_OK || s == STORE_NOT_FOUND;
    }
    if (!ok) {
        store_failed(study);
        memset(best, 0, sizeof(int) * ARCADE_ROUND_KINDS);
        memset(rounds, 0, sizeof(int) * ARCADE_ROUND_KINDS);
    }
    return ok;
}

bool arcade_round_playable(const Study *study, Rng *rng)
{
    ArcadeStream probe;
    bool ok = arcade_stream_start(&probe, study->bank, study_accuracy(study), 0, rng);
    arcade_stream_free(&probe);
    return ok;
}

bool arcade_round_start(ArcadeRound *r, Study *study, int kind, int previous_best, Rng *rng)
{
    memset(r, 0, sizeof *r);
    if (!arcade_stream_start(&r->stream, study->bank, study_accuracy(study), 0, rng)) {
        arcade_stream_free(&r->stream);
        memset(r, 0, sizeof *r);
        return false;
    }
    r->study = study;
    r->kind = kind >= 0 && kind < ARCADE_ROUND_KINDS ? kind : 0;
    r->phase = ARCADE_PHASE_COUNTDOWN;
    rewards_arcade_start(&r->ra, 0);
    r->remaining_ms = KINDS[r->kind].seconds * 1000;
    r->countdown_ms = ARCADE_COUNTDOWN_MS;
    r->res.kind = r->kind;
    r->res.previous_best = previous_best;
    return true;
}

void arcade_round_free(ArcadeRound *r)
{
    arcade_stream_free(&r->stream);
    memset(r, 0, sizeof *r);
}

static void count_down(int *ms, int dt)
{
    *ms = *ms > dt ? *ms - dt : 0;
}

static int whole_seconds(int ms)
{
    return (ms + 999) / 1000;
}

static unsigned end_round(ArcadeRound *r, ArcadeEnd why)
{
    ArcadeResult *res = &r->res;
    r->phase = ARCADE_PHASE_OVER;
    res->ended = why;
    res->points = r->ra.points;
    res->answered = r->ra.answered;
    res->right = r->ra.right;
    res->best_combo = r->ra.best_combo;
    res->lives_left = r->ra.lives;
    res->played_ms = r->played_ms;
    return ARCADE_EV_OVER;
}

/* The next question; the end when the stream ran dry. */
static unsigned next_question(ArcadeRound *r, Rng *rng)
{
    r->question_ms = 0;
    if (!arcade_stream_next_question(&r->stream, rng, &r->q))
        return end_round(r, ARCADE_END_QUIT);
    r->phase = ARCADE_PHASE_PLAY;
    return ARCADE_EV_QUESTION;
}

unsigned arcade_round_go_on(ArcadeRound *r, Rng *rng)
{
    if (r->phase != ARCADE_PHASE_REVEAL)
        return 0;
    if (r->ra.over)
        return end_round(r, ARCADE_END_LIVES);
    return next_question(r, rng);
}

unsigned arcade_round_tick(ArcadeRound *r, int dt_ms, int64_t now, Rng *rng)
{
    if (dt_ms < 0)
        dt_ms = 0;
    switch (r->phase) {
    case ARCADE_PHASE_COUNTDOWN: {
        int before = whole_seconds(r->countdown_ms);
        count_down(&r->countdown_ms, dt_ms);
        if (r->countdown_ms == 0) {
            r->started_at = now;
            return ARCADE_EV_GO | next_question(r, rng);
        }
        return whole_seconds(r->countdown_ms) < before ? ARCADE_EV_TICK : 0;
    }
    case ARCADE_PHASE_REVEAL:
        count_down(&r->reveal_ms, dt_ms);
        return r->reveal_ms == 0 ? arcade_round_go_on(r, rng) : 0;
    case ARCADE_PHASE_PLAY: {
        int before = whole_seconds(r->remaining_ms);
        count_down(&r->remaining_ms, dt_ms);
        r->played_ms += dt_ms;
        r->question_ms += dt_ms;
        if (r->remaining_ms == 0)
            return end_round(r, ARCADE_END_TIME);
        int left = whole_seconds(r->remaining_ms);
        return left < before && left * 1000 <= ARCADE_HURRY_MS ? ARCADE_EV_TICK : 0;
    }
    case ARCADE_PHASE_OVER:
        break;
    }
    return 0;
}

unsigned arcade_round_answer(ArcadeRound *r, int k, int64_t now, Rng *rng)
{
    if (r->phase != ARCADE_PHASE_PLAY || k < 0 || k >= r->q.option_count)
        return 0;
    unsigned ev = 0;
    bool correct = false;
    uint32_t mask = arcade_answer_mask(&r->q, k, &correct);
    int ms = r->question_ms;
    int mult_before = rewards_arcade_multiplier(r->ra.combo);
    int points = rewards_arcade_answer(&r->ra, correct, ms, ARCADE_SPEED_LIMIT_MS, 0);
    int xp = correct ? REWARDS_XP_RIGHT : 0;
    Answer a = {.item = r->q.item, .answer = mask, .correct = correct, .ms = ms, .at = now};
    if (study_answer(r->study, MODE_ARCADE, &a, xp).item >= 0) {
        r->res.xp += xp;
    } else {
        r->res.unsaved++;
        ev |= ARCADE_EV_NOT_SAVED;
    }
    int d = r->study->bank->items[r->q.item].domain;
    if (d >= 0 && d < SCORING_MAX_DOMAINS) {
        r->res.domain_total[d]++;
        r->res.domain_right[d] += correct ? 1 : 0;
    }
    if (correct) {
        r->remaining_ms += KINDS[r->kind].bonus_ms;
        r->last_points = points;
        ev |= ARCADE_EV_RIGHT;
        if (rewards_arcade_multiplier(r->ra.combo) > mult_before)
            ev |= ARCADE_EV_COMBO_UP;
        return ev | next_question(r, rng);
    }
    r->chosen = k;
    r->reveal_ms = ARCADE_REVEAL_MS;
    r->phase = ARCADE_PHASE_REVEAL;
    if (r->res.miss_count < ARCADE_MAX_MISSES)
        r->res.misses[r->res.miss_count++] = (ArcadeMiss){.q = r->q, .chosen = k};
    return ev | ARCADE_EV_WRONG;
}

void arcade_round_quit(ArcadeRound *r)
{
    if (r->phase != ARCADE_PHASE_OVER)
        end_round(r, ARCADE_END_QUIT);
}

bool arcade_round_empty(const ArcadeRound *r)
{
    return r->phase == ARCADE_PHASE_OVER && r->res.ended == ARCADE_END_QUIT && r->res.answered == 0;
}

bool arcade_round_finish(ArcadeRound *r, int64_t now)
{
    Study *study = r->study;
    ArcadeResult *res = &r->res;
    study->error[0] = '\0';
    if (r->phase != ARCADE_PHASE_OVER) {
        snprintf(study->error, sizeof study->error, "the round is still running");
        return false;
    }
    bool played_out = res->ended != ARCADE_END_QUIT && res->answered > 0;
    int bonus = played_out ? rewards_session_xp(MODE_ARCADE, 0, true, false, false) : 0;
    StoreArcadeRound round = {
        .round = KINDS[r->kind].id,
        .started_at = r->started_at,
        .finished_at = now,
        .answered = res->answered,
        .correct = res->right,
        .points = res->points,
        .best_combo = res->best_combo,
        .bonus_xp = bonus,
    };
    res->saved = study->store && store_arcade_save(study->store, study->bank, &round, NULL) == STORE_OK;
    if (res->saved)
        res->xp += bonus;
    else
        store_failed(study);
    res->new_best = res->saved && res->points > res->previous_best;
    res->goal_round = res->answered >= REWARDS_GOAL_ARCADE_ROUND_ANSWERS;
    return res->saved;
}
