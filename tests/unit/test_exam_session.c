/* Tests for the exam session (no SDL): a mock begun, answered, flagged and
 * finished scores as scoring.c does and moves every item's box in the store
 * and in memory with the XP in the same transaction; the clock ends a timed
 * exam; an exam killed mid-way resumes with its answers, flags, position and
 * clock; a multiple-response item with fewer choices than it asks for is
 * incomplete, not answered; the pace gives the item in hand its share;
 * times read "1:19:00" from an hour on; a failure at any write point of the
 * end (each statement, and a disk that fills up at any byte of the commit)
 * leaves nothing of it in the file or in memory and is reported; abandoning
 * is checked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exam_session.h"
#include "fakebank.h"
#include "leitner.h"
#include "rewards.h"
#include "store.h"
#include "study.h"
#include "testdb.h"
#include "testfault.h"
#include "testlib.h"
#include "teststudy.h"

#define NOW 1740830400LL /* 2025-03-01 12:00:00 UTC */

typedef struct Fixture {
    Bank *bank;
    char dir[1024];
    char db[1100];
    const char *vfs;       /* NULL: SQLite's own; else a fault shim (testfault.h) */
    Store *store;
    Study *study;
    Rng rng;
} Fixture;

static void open_study(Fixture *f)
{
    StudyPrefs prefs = {.daily_goal = 20};
    StoreOptions opts = {.vfs = f->vfs};
    f->store = store_open_with(f->dir, NOW, &opts, NULL);
    f->study = study_open(f->bank, f->store, &prefs);
    CHECK(f->store != NULL && f->study != NULL);
}

static void close_study(Fixture *f)
{
    study_close(f->study);
    store_close(f->store);
    f->study = NULL;
    f->store = NULL;
}

static void fixture_open_vfs(Fixture *f, const char *name, const char *vfs)
{
    memset(f, 0, sizeof *f);
    f->vfs = vfs;
    f->bank = fakebank_clf(1, 0, 3); /* 100 questions: 24/30/34/12, some "choose two" */
    snprintf(f->dir, sizeof f->dir, "%s", testlib_tmpdir(name));
    snprintf(f->db, sizeof f->db, "%s/%s", f->dir, STORE_FILE_NAME);
    rng_seed(&f->rng, 42);
    open_study(f);
}

static void fixture_open(Fixture *f, const char *name)
{
    fixture_open_vfs(f, name, NULL);
}

static void fixture_close(Fixture *f)
{
    close_study(f);
    fakebank_free(f->bank);
}

static ExamSession *begin(Fixture *f, StudyMode mode)
{
    ExamBegin info;
    ExamSession *s = exam_session_begin(f->study, mode, false, NOW, &f->rng, &info);
    CHECK(s != NULL);
    CHECK(!info.unsaved);
    CHECK(!info.incomplete);
    return s;
}

/* Answers the first `right` items right, the next `wrong` wrong. */
static void answer_some(Fixture *f, ExamSession *s, int right, int wrong)
{
    for (int i = 0; i < right + wrong; i++) {
        CHECK(exam_session_goto(s, i));
        CHECK(exam_session_answer(s, teststudy_answer(f->bank, s->form.items[i].item, i < right)));
    }
}

static int64_t sql_int(const Fixture *f, const char *sql)
{
    return testdb_int(f->db, sql);
}

/* ---- begin, answer, flag, finish ------------------------------------------- */

static void test_mock_finish(void)
{
    Fixture f;
    fixture_open(&f, "exam_session_finish");
    ExamSession *s = begin(&f, MODE_MOCK);
    CHECK_INT(s->form.count, 65);
    CHECK_INT(s->form.seconds_total, 90 * 60);
    CHECK_INT(exam_session_clock_seconds(s), 90 * 60);
    CHECK_INT(sql_int(&f, "SELECT count(*) FROM exams WHERE state = 'in_progress'"), 1);
    answer_some(&f, s, 40, 10);
    CHECK(exam_session_goto(s, 3));
    CHECK(exam_session_flag(s));
    CHECK(exam_session_goto(s, 64));
    CHECK(exam_session_goto(s, 65)); /* outside the form: ignored */
    CHECK_INT(s->pos, 64);
    ExamTally tally = exam_session_tally(s);
    CHECK_INT(tally.unanswered, 15);
    CHECK_INT(tally.flagged, 1);
    CHECK_INT(tally.answered + tally.incomplete, 50);
    CHECK_INT(sql_int(&f, "SELECT flagged FROM exam_items WHERE position = 3"), 1);

    /* What the end must do, computed here the long way. */
    const Bank *b = f.bank;
    ScoreResult want;
    CHECK(scoring_score_form(b, &s->form, &want));
    ItemState *expect = malloc((size_t)b->item_count * sizeof *expect);
    memcpy(expect, f.study->states, (size_t)b->item_count * sizeof *expect);
    int64_t end = NOW + 1200;
    for (int i = 0; i < s->form.count; i++) {
        const FormItem *fi = &s->form.items[i];
        leitner_record(b, &expect[fi->item], scoring_item_correct(&b->items[fi->item], fi->answer), end,
                       study_fit(f.study));
    }
    CHECK(exam_session_finish(s, end));
    CHECK(s->ended && s->saved);
    CHECK_INT(s->result.scaled, want.scaled);
    CHECK_INT(s->result.right, want.right);
    CHECK_INT(s->result.pass, want.pass);
    bool ready = want.pass && want.scaled >= plan_ready_score(b);
    CHECK_INT(s->xp, rewards_session_xp(MODE_MOCK, want.right, true, want.pass, ready));

    CHECK_INT(sql_int(&f, "SELECT scaled FROM exams WHERE state = 'finished'"), want.scaled);
    CHECK_INT(sql_int(&f, "SELECT correct_scored FROM exams WHERE state = 'finished'"), want.right);
    CHECK_INT(sql_int(&f, "SELECT count(*) FROM reviews WHERE mode = 'mock'"), 50);
    CHECK_INT(sql_int(&f, "SELECT count(*) FROM items"), 65);
    CHECK_INT(sql_int(&f, "SELECT value FROM profile WHERE key = 'xp'"), s->xp); /* no second XP */
    CHECK_INT(sql_int(&f, "SELECT answers FROM days"), 50);
    CHECK_INT(sql_int(&f, "SELECT count(*) FROM exam_items WHERE correct = 1 AND answer != ''"),
              sql_int(&f, "SELECT count(*) FROM reviews WHERE correct = 1"));
    bool all_meet = true;
    CHECK_INT(store_last_mock_all_meet(f.store, &all_meet), STORE_OK);
    bool want_meet = true;
    for (int d = 0; d < want.domain_count; d++)
        want_meet = want_meet && want.meets[d];
    CHECK_INT(all_meet, want_meet);

    /* Every item moved in memory as the rules say, and the file agrees. */
    ItemState *stored = calloc((size_t)b->item_count, sizeof *stored);
    CHECK_INT(store_load_states(f.store, b, stored), STORE_OK);
    int moved = 0;
    for (int i = 0; i < s->form.count; i++) {
        int item = s->form.items[i].item;
        CHECK_INT(f.study->states[item].box, expect[item].box);
        CHECK_INT(f.study->states[item].due_at, expect[item].due_at);
        CHECK_INT(stored[item].box, expect[item].box);
        CHECK_INT(stored[item].seen, expect[item].seen);
        moved += stored[item].box > 0;
    }
    CHECK_INT(moved, 65);
    CHECK(!exam_session_answer(s, 1)); /* ended: no more answers */
    CHECK(s->error[0] != '\0');
    PlanReadiness r;
    CHECK(exam_session_readiness(s, &r));
    CHECK_INT(r.recent_mocks, 1);
    CHECK_INT(r.ready_score, plan_ready_score(b));
    free(stored);
    free(expect);
    exam_session_free(s);
    fixture_close(&f);
}

/* The diagnostic is untimed: the clock counts up and never ends it. */
static void test_diagnostic(void)
{
    Fixture f;
    fixture_open(&f, "exam_session_diag");
    ExamSession *s = begin(&f, MODE_DIAGNOSTIC);
    CHECK_INT(s->form.count, 10);
    CHECK_INT(s->form.seconds_total, 0);
    answer_some(&f, s, 7, 3);
    ExamTick t = exam_session_tick(s, 4 * 3600 * 1000, NOW + 4 * 3600);
    CHECK(!t.time_up && !s->ended);
    CHECK_INT(exam_session_clock_seconds(s), 4 * 3600);
    CHECK(exam_session_finish(s, NOW + 4 * 3600));
    CHECK_INT(s->seconds_used, 4 * 3600);
    CHECK_INT(s->result.right, 7);
    CHECK_INT(sql_int(&f, "SELECT value FROM profile WHERE key = 'xp'"),
              rewards_session_xp(MODE_DIAGNOSTIC, 7, true, s->result.pass, false));
    bool all_meet = true;
    CHECK_INT(store_last_mock_all_meet(f.store, &all_meet), STORE_OK);
    CHECK(!all_meet); /* a diagnostic says nothing about mocks */
    exam_session_free(s);
    fixture_close(&f);
}

/* ---- the clock -------------------------------------------------------------- */

static void test_time_up(void)
{
    Fixture f;
    fixture_open(&f, "exam_session_time");
    ExamSession *s = begin(&f, MODE_MOCK);
    answer_some(&f, s, 2, 0);
    ExamTick t = exam_session_tick(s, 90 * 60 * 1000 - 1500, NOW + 5398);
    CHECK(t.second && !t.time_up && !t.save_failed && !s->ended);
    CHECK_INT(exam_session_clock_seconds(s), 2);
    CHECK_INT(exam_session_ms_to_second(s), 500);
    CHECK_INT(sql_int(&f, "SELECT seconds_left FROM exams"), 2); /* saved with the clock */
    t = exam_session_tick(s, 1000, NOW + 5399);
    CHECK(!t.time_up);
    t = exam_session_tick(s, 1000, NOW + 5400);
    CHECK(t.time_up && t.second);
    CHECK(s->ended && s->time_up && s->saved);
    CHECK_INT(s->seconds_used, 5400);
    CHECK_INT(exam_session_clock_seconds(s), 0);
    CHECK_INT(sql_int(&f, "SELECT count(*) FROM exams WHERE state = 'finished' AND seconds_left = 0"), 1);
    CHECK_INT(sql_int(&f, "SELECT count(*) FROM reviews"), 2);
    t = exam_session_tick(s, 1000, NOW + 5401); /* an ended exam's clock stands still */
    CHECK(!t.time_up && !t.second);
    exam_session_free(s);
    fixture_close(&f);
}

/* ---- resume after a kill ---------------------------------------------------- */

static void test_resume_after_kill(void)
{
    Fixture f;
    fixture_open(&f, "exam_session_resume");
    ExamSession *s = begin(&f, MODE_MOCK);
    answer_some(&f, s, 2, 1);
    CHECK(exam_session_goto(s, 1));
    CHECK(exam_session_flag(s));
    CHECK(exam_session_goto(s, 5));
    exam_session_tick(s, 20000, NOW + 20); /* saves the clock and the time on item 5 */
    ExamForm was = s->form;
    int was_remaining = s->remaining_ms;
    /* The kill: the process goes, nothing more is saved. */
    FormItem *items = malloc((size_t)was.count * sizeof *items);
    memcpy(items, s->form.items, (size_t)was.count * sizeof *items);
    close_study(&f);
    open_study(&f);

    ExamSession *r = NULL;
    char why[256];
    CHECK_INT(exam_session_resume(f.study, NOW + 3600, &r, why, sizeof why), EXAM_FIND_FOUND);
    CHECK(r != NULL);
    if (r) {
        CHECK_INT(r->form.count, was.count);
        CHECK_INT(r->pos, 5);
        CHECK_INT(r->remaining_ms, was_remaining);
        CHECK_INT(r->elapsed_ms, 20000);
        CHECK_INT(r->form.store_id, was.store_id);
        CHECK(r->stored);
        for (int i = 0; i < was.count; i++) {
            CHECK_INT(r->form.items[i].item, items[i].item);
            CHECK_INT(r->form.items[i].answer, items[i].answer);
            CHECK_INT(r->form.items[i].flagged, items[i].flagged);
            CHECK_INT(r->form.items[i].ms, items[i].ms);
            size_t shown = (size_t)f.bank->items[items[i].item].option_count;
            CHECK(memcmp(r->form.items[i].order, items[i].order, shown) == 0);
        }
        CHECK(r->form.items[1].flagged);
        CHECK(exam_session_finish(r, NOW + 3700));
        CHECK_INT(sql_int(&f, "SELECT count(*) FROM reviews"), 3);
    }
    exam_session_free(r);
    r = NULL;
    CHECK_INT(exam_session_resume(f.study, NOW + 3800, &r, why, sizeof why), EXAM_FIND_NONE);
    CHECK(r == NULL);
    free(items);
    exam_session_free(s);
    fixture_close(&f);
}

/* ---- all or nothing --------------------------------------------------------- */

typedef struct Snapshot {
    int64_t reviews, items, xp, answers, finished, all_meet;
    char boxes[4096];
} Snapshot;

static void snapshot(const Fixture *f, Snapshot *out)
{
    out->reviews = sql_int(f, "SELECT count(*) FROM reviews");
    out->items = sql_int(f, "SELECT count(*) FROM items");
    out->xp = sql_int(f, "SELECT COALESCE((SELECT value FROM profile WHERE key = 'xp'), 0)");
    out->answers = sql_int(f, "SELECT COALESCE(sum(answers), 0) FROM days");
    out->finished = sql_int(f, "SELECT count(*) FROM exams WHERE state = 'finished'");
    out->all_meet = sql_int(f, "SELECT count(*) FROM profile WHERE key = 'last_mock_all_meet'");
    testdb_text(f->db, "SELECT group_concat(item_id || ':' || box || ':' || due_at, ',') FROM items", out->boxes,
                sizeof out->boxes);
}

/* Every statement the end of an exam writes, made to fail in turn. */
static const char *const FAULTS[] = {
    "BEFORE UPDATE ON exams WHEN NEW.state = 'finished'",
    "BEFORE UPDATE ON exam_items",
    "BEFORE INSERT ON reviews",
    "BEFORE INSERT ON items",
    "BEFORE UPDATE ON items",
    "BEFORE INSERT ON days",
    "BEFORE UPDATE ON days",
    "BEFORE UPDATE ON profile",
    "BEFORE INSERT ON profile",
};

static void test_all_or_nothing(void)
{
    Fixture f;
    fixture_open(&f, "exam_session_faults");
    ExamSession *s = begin(&f, MODE_MOCK);
    answer_some(&f, s, 30, 20);
    /* Earlier progress: one item already in a box, an XP row and a day row,
     * so the end both inserts and updates each table. */
    Answer earlier = {.item = s->form.items[0].item, .answer = 1, .correct = true, .ms = 1000, .at = NOW};
    CHECK(study_answer(f.study, MODE_DRILL, &earlier, REWARDS_XP_RIGHT).item >= 0);
    size_t size = (size_t)f.bank->item_count * sizeof(ItemState);
    ItemState *states = malloc(size);
    memcpy(states, f.study->states, size);
    Snapshot before;
    snapshot(&f, &before);
    CHECK_INT(before.items, 1);
    CHECK_INT(before.xp, REWARDS_XP_RIGHT);

    for (size_t k = 0; k < sizeof FAULTS / sizeof FAULTS[0]; k++) {
        char sql[256];
        snprintf(sql, sizeof sql, "CREATE TRIGGER fault %s BEGIN SELECT RAISE(ABORT, 'injected fault'); END;",
                 FAULTS[k]);
        testdb_exec(f.db, sql);
        bool saved = exam_session_finish(s, NOW + 600);
        if (!CHECK(!saved))
            printf("  the end was saved despite a fault at: %s\n", FAULTS[k]);
        CHECK(s->ended && !s->saved);
        CHECK(s->error[0] != '\0');
        CHECK(s->result.scored == 50); /* the result is still there to show */
        Snapshot after;
        snapshot(&f, &after);
        CHECK_INT(after.reviews, before.reviews);
        CHECK_INT(after.items, before.items);
        CHECK_INT(after.xp, before.xp);
        CHECK_INT(after.answers, before.answers);
        CHECK_INT(after.finished, 0);
        CHECK_INT(after.all_meet, 0);
        CHECK_STR(after.boxes, before.boxes);
        CHECK(memcmp(states, f.study->states, size) == 0);
        CHECK_INT(sql_int(&f, "SELECT count(*) FROM exams WHERE state = 'in_progress'"), 1);
        testdb_exec(f.db, "DROP TRIGGER fault;");
    }
    /* Nothing in the way any more: the retry stores it all. */
    CHECK(exam_session_finish(s, NOW + 600));
    CHECK_INT(sql_int(&f, "SELECT count(*) FROM exams WHERE state = 'finished'"), 1);
    CHECK_INT(sql_int(&f, "SELECT count(*) FROM reviews WHERE mode = 'mock'"), 50);
    CHECK_INT(sql_int(&f, "SELECT value FROM profile WHERE key = 'xp'"), before.xp + s->xp);
    CHECK(memcmp(states, f.study->states, size) != 0);
    free(states);
    exam_session_free(s);
    fixture_close(&f);
}

/* A disk that fills up at any byte of the end: each attempt fails whole and
 * says so; with room again the same session stores it all. */
static void test_disk_full(void)
{
    static TestFaultVfs full;
    testfault_register(&full, "exam_session_full", false);
    Fixture f;
    fixture_open_vfs(&f, "exam_session_full", "exam_session_full");
    ExamSession *s = begin(&f, MODE_MOCK);
    answer_some(&f, s, 30, 20);
    size_t size = (size_t)f.bank->item_count * sizeof(ItemState);
    ItemState *states = malloc(size);
    memcpy(states, f.study->states, size);
    Snapshot before;
    snapshot(&f, &before);
    int failures = 0;
    bool saved = false;
    for (int64_t extra = 0; !saved && extra < 4 * 1024 * 1024; extra += 2048) {
        full.budget = full.written + extra;
        saved = exam_session_finish(s, NOW + 600);
        full.budget = -1;
        if (saved)
            break;
        failures++;
        CHECK(s->error[0] != '\0');
        Snapshot after;
        snapshot(&f, &after);
        CHECK_INT(after.reviews, before.reviews);
        CHECK_INT(after.xp, before.xp);
        CHECK_INT(after.finished, 0);
        CHECK_STR(after.boxes, before.boxes);
        CHECK(memcmp(states, f.study->states, size) == 0);
    }
    printf("disk full during the end of an exam: %d failed attempts, then saved\n", failures);
    CHECK(saved);
    CHECK(failures > 3);
    CHECK_INT(sql_int(&f, "SELECT count(*) FROM reviews WHERE mode = 'mock'"), 50);
    CHECK_INT(sql_int(&f, "SELECT value FROM profile WHERE key = 'xp'"), s->xp);
    free(states);
    exam_session_free(s);
    fixture_close(&f);
}

/* Without a store nothing is saved, and the end says so. */
static void test_unsaved(void)
{
    Bank *bank = fakebank_clf(1, 0, 0);
    StudyPrefs prefs = {.daily_goal = 20};
    Study *study = study_open(bank, NULL, &prefs);
    Rng rng;
    rng_seed(&rng, 7);
    ExamBegin info;
    ExamSession *s = exam_session_begin(study, MODE_DIAGNOSTIC, false, NOW, &rng, &info);
    CHECK(s != NULL && info.unsaved && info.error[0] != '\0');
    if (s) {
        CHECK(exam_session_answer(s, 1)); /* nothing to save is no failure */
        CHECK(!exam_session_finish(s, NOW + 60));
        CHECK(s->ended && s->error[0] != '\0');
        for (int i = 0; i < bank->item_count; i++)
            CHECK_INT(study->states[i].box, 0);
    }
    exam_session_free(s);
    study_close(study);
    fakebank_free(bank);
}

/* ---- abandon ---------------------------------------------------------------- */

static void test_abandon(void)
{
    Fixture f;
    fixture_open(&f, "exam_session_abandon");
    ExamSession *s = begin(&f, MODE_MOCK);
    answer_some(&f, s, 1, 0);
    testdb_exec(f.db, "CREATE TRIGGER fault BEFORE UPDATE ON exams BEGIN SELECT RAISE(ABORT, 'injected'); END;");
    CHECK(!exam_session_abandon(s, NOW + 60));
    CHECK(s->error[0] != '\0');
    CHECK_INT(sql_int(&f, "SELECT count(*) FROM exams WHERE state = 'in_progress'"), 1);
    testdb_exec(f.db, "DROP TRIGGER fault;");
    ExamSession *again = NULL;
    char why[256];
    CHECK_INT(exam_session_resume(f.study, NOW + 60, &again, why, sizeof why), EXAM_FIND_FOUND);
    CHECK(again != NULL);
    if (again) {
        CHECK(exam_session_abandon(again, NOW + 60));
        CHECK_INT(sql_int(&f, "SELECT count(*) FROM exams WHERE state = 'abandoned'"), 1);
        CHECK_INT(sql_int(&f, "SELECT count(*) FROM reviews"), 0);
    }
    exam_session_free(again);
    again = NULL;
    CHECK_INT(exam_session_resume(f.study, NOW + 60, &again, why, sizeof why), EXAM_FIND_NONE);
    CHECK(again == NULL);
    exam_session_free(s);
    fixture_close(&f);
}

/* ---- incomplete items and the pace ----------------------------------------- */

/* The first form position whose item asks for `choose` options (-1: none). */
static int position_choosing(const Fixture *f, const ExamSession *s, bool multi)
{
    for (int i = 0; i < s->form.count; i++)
        if ((f->bank->items[s->form.items[i].item].choose > 1) == multi)
            return i;
    return -1;
}

/* A "choose TWO" item with one choice is incomplete (in the tally that the
 * review grid and the end question read), and stays so after a resume;
 * with both it is answered, right or wrong. */
static void test_incomplete(void)
{
    Fixture f;
    fixture_open(&f, "exam_session_incomplete");
    ExamSession *s = begin(&f, MODE_MOCK);
    int multi = position_choosing(&f, s, true), single = position_choosing(&f, s, false);
    CHECK(multi >= 0 && single >= 0);
    const BankItem *it = &f.bank->items[s->form.items[multi].item];
    CHECK(it->choose == 2);
    uint32_t right = teststudy_answer(f.bank, s->form.items[multi].item, true);
    uint32_t one = right & -right; /* the lowest right option alone */
    CHECK_INT(exam_session_item_status(s, multi), EXAM_ITEM_UNANSWERED);
    CHECK(exam_session_goto(s, multi));
    CHECK(exam_session_answer(s, one));
    CHECK_INT(exam_session_item_status(s, multi), EXAM_ITEM_INCOMPLETE);
    CHECK(exam_session_goto(s, single));
    CHECK(exam_session_answer(s, teststudy_answer(f.bank, s->form.items[single].item, false)));
    CHECK_INT(exam_session_item_status(s, single), EXAM_ITEM_ANSWERED);
    ExamTally t = exam_session_tally(s);
    CHECK_INT(t.incomplete, 1);
    CHECK_INT(t.answered, 1);
    CHECK_INT(t.unanswered, s->form.count - 2);
    CHECK_INT(exam_session_item_status(s, -1), EXAM_ITEM_UNANSWERED);
    CHECK_INT(exam_session_item_status(s, s->form.count), EXAM_ITEM_UNANSWERED);
    exam_session_free(s); /* killed */

    ExamSession *back = NULL;
    char why[256];
    CHECK_INT(exam_session_resume(f.study, NOW + 60, &back, why, sizeof why), EXAM_FIND_FOUND);
    CHECK(back != NULL);
    CHECK_INT(exam_session_item_status(back, multi), EXAM_ITEM_INCOMPLETE);
    CHECK(exam_session_goto(back, multi));
    uint32_t wrong_pair = one | teststudy_answer(f.bank, back->form.items[multi].item, false);
    CHECK(exam_session_answer(back, wrong_pair)); /* complete, and wrong */
    CHECK_INT(exam_session_item_status(back, multi), EXAM_ITEM_ANSWERED);
    t = exam_session_tally(back);
    CHECK_INT(t.incomplete, 0);
    CHECK_INT(t.answered, 2);
    exam_session_free(back);
    fixture_close(&f);
}

/* The pace of a 65-item, 90-minute mock (83 s an item): one second into
 * question 1 is on pace, not behind; behind only once the item in hand has
 * had its whole share; an answer banks its share; untimed says nothing. */
static void test_pace(void)
{
    Fixture f;
    fixture_open(&f, "exam_session_pace");
    ExamSession *s = begin(&f, MODE_MOCK);
    ExamPace p = exam_session_pace(s);
    CHECK_INT(p.state, EXAM_PACE_ON);
    CHECK_INT(p.per_item, 83);
    exam_session_tick(s, 1000, NOW + 1);
    p = exam_session_pace(s);
    CHECK_INT(p.state, EXAM_PACE_ON);
    CHECK_INT(p.seconds, 0);
    exam_session_tick(s, 82000, NOW + 83);
    CHECK_INT(exam_session_pace(s).state, EXAM_PACE_ON);
    exam_session_tick(s, 1000, NOW + 84);
    p = exam_session_pace(s);
    CHECK_INT(p.state, EXAM_PACE_BEHIND);
    CHECK_INT(p.seconds, 1);
    CHECK(exam_session_answer(s, teststudy_answer(f.bank, s->form.items[0].item, true)));
    CHECK_INT(exam_session_pace(s).state, EXAM_PACE_ON); /* 84 s for one item: within the next share */
    CHECK(exam_session_goto(s, 1));
    CHECK(exam_session_answer(s, teststudy_answer(f.bank, s->form.items[1].item, false)));
    p = exam_session_pace(s);
    CHECK_INT(p.state, EXAM_PACE_AHEAD);
    CHECK_INT(p.seconds, 2 * 83 - 84);
    /* An incomplete answer is not done: it banks nothing. */
    int multi = -1;
    for (int i = 2; i < s->form.count && multi < 0; i++)
        if (f.bank->items[s->form.items[i].item].choose > 1)
            multi = i;
    CHECK(multi > 1);
    CHECK(exam_session_goto(s, multi));
    uint32_t right = teststudy_answer(f.bank, s->form.items[multi].item, true);
    CHECK(exam_session_answer(s, right & -right));
    CHECK_INT(exam_session_pace(s).seconds, 2 * 83 - 84);
    exam_session_free(s);

    ExamSession *d = begin(&f, MODE_DIAGNOSTIC);
    exam_session_tick(d, 5000, NOW + 5);
    CHECK_INT(exam_session_pace(d).state, EXAM_PACE_NONE);
    exam_session_free(d);
    fixture_close(&f);
}

/* Times read as a clock: hours only from an hour on, as "1:19:00". */
static void test_format_time(void)
{
    static const struct {
        int seconds;
        const char *text;
    } CASES[] = {{0, "00:00"}, {59, "00:59"}, {83, "01:23"}, {3599, "59:59"}, {3600, "1:00:00"},
                 {4740, "1:19:00"}, {5400, "1:30:00"}, {36000 + 61, "10:01:01"}, {-5, "00:00"}};
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        char buf[32];
        exam_session_format_time(CASES[i].seconds, buf, sizeof buf);
        CHECK_STR(buf, CASES[i].text);
    }
}

int main(void)
{
    test_mock_finish();
    test_diagnostic();
    test_time_up();
    test_resume_after_kill();
    test_all_or_nothing();
    test_disk_full();
    test_unsaved();
    test_abandon();
    test_incomplete();
    test_pace();
    test_format_time();
    return testlib_finish();
}
