/* Tests for the drill session without SDL: a whole session over a fake bank
 * from the first item to the end bonus (tallies, XP, the finished-sessions
 * count in the file), a miss brought back later only where the scheduler
 * does that (not with an exam date ahead), time passing as a parameter (the
 * next day's session holds what fell due), every save all-or-nothing
 * when the disk fills up (the answer, then the end bonus); a newcomer's
 * first drill full, the counter never past the total, the feedback's box
 * the chip's, and the sessions that follow one: its misses, ten more new;
 * the daily commitment deciding the drill's length and new items. */
#include <stdlib.h>
#include <string.h>

#include "drill_session.h"
#include "fakebank.h"
#include "store.h"
#include "study.h"
#include "testdb.h"
#include "testfault.h"
#include "teststudy.h"
#include "testlib.h"

#define T0 1767603600LL /* 2026-01-05 09:00 UTC */
#define DAY 86400LL

static TestFaultVfs disk;


static void begin(TestStudy *f, DrillSession *d, int64_t now)
{
    StudyToday today;
    CHECK(study_today(f->study, now, &today));
    CHECK(drill_session_begin(d, f->study, &today, now, &f->rng));
}

/* Without an exam date: five new items, the first missed and brought back
 * after three others, then everything right; the end saves the bonus and
 * the count in one go. */
static void test_whole_session(void)
{
    StudyPrefs prefs = {.daily_goal = 5, .new_per_day = 5, .drill_size = 5};
    TestStudy f;
    teststudy_open(&f, fakebank_clf(1, 0, 0), "drill_whole", "cloudprep_test_drill_disk", T0, &prefs, 7);
    DrillSession d;
    begin(&f, &d, T0);
    int number, total;
    drill_session_progress(&d, &number, &total);
    CHECK_INT(number, 1);
    CHECK_INT(total, 5);
    int first = d.item;
    CHECK(first >= 0);
    CHECK(drill_session_answer(&d, false, 1u, 4000, T0));
    CHECK(d.last_move.requeued);
    CHECK_INT(d.last_move.box_after, 1);
    CHECK_INT(d.wrong, 1);
    CHECK_INT(d.xp, 0);
    drill_session_progress(&d, &number, &total);
    CHECK_INT(number, 1); /* the item on screen is the one just answered */
    CHECK_INT(total, 6);
    int shown = 1, repeat_at = -1;
    int64_t t = T0;
    while (drill_session_next(&d) >= 0) {
        shown++;
        t += 20;
        if (d.item == first)
            repeat_at = shown;
        CHECK(drill_session_answer(&d, true, 1u, 3000, t));
    }
    CHECK_INT(shown, 6);
    CHECK_INT(repeat_at, 5); /* after three others */
    CHECK_INT(d.right, 5);
    CHECK_INT(d.wrong, 1);
    CHECK_INT(d.best_combo, 5);
    CHECK_INT(d.xp, 5 * REWARDS_XP_RIGHT);
    CHECK(drill_session_end(&d, true));
    CHECK(d.bonus_saved);
    CHECK_INT(d.xp, 5 * REWARDS_XP_RIGHT + REWARDS_XP_DRILL_DONE);
    CHECK(drill_session_end(&d, true)); /* twice changes nothing */
    CHECK_INT(teststudy_int(&f, "SELECT value FROM profile WHERE key = 'xp'"), 5 * REWARDS_XP_RIGHT + REWARDS_XP_DRILL_DONE);
    CHECK_INT(teststudy_int(&f, "SELECT value FROM profile WHERE key = 'drill_sessions'"), 1);
    CHECK_INT(teststudy_int(&f, "SELECT count(*) FROM reviews WHERE mode = 'drill'"), 6);
    drill_session_free(&d);

    /* Two days later (time is a parameter): the five items fell due. */
    begin(&f, &d, T0 + 2 * DAY);
    CHECK_INT(d.queue.due_items, 5);
    /* Leaving early neither counts the session nor adds the bonus. */
    CHECK(drill_session_answer(&d, true, 1u, 1000, T0 + 2 * DAY));
    CHECK(drill_session_end(&d, false));
    CHECK(!d.bonus_saved);
    CHECK_INT(teststudy_int(&f, "SELECT value FROM profile WHERE key = 'drill_sessions'"), 1);
    drill_session_free(&d);

    /* Nothing answered: the queue runs out at once, no bonus. */
    StudyPrefs none = {.daily_goal = 5, .new_per_day = -1, .drill_size = 20};
    study_set_prefs(f.study, &none);
    begin(&f, &d, T0 + 2 * DAY + 60);
    CHECK(d.item >= 0); /* four items still due */
    drill_session_free(&d);
    teststudy_close(&f);
}

/* With an exam date ahead the scheduler never repeats an item the same day:
 * a miss is not brought back, the session keeps its length. */
static void test_exam_aware_no_repeat(void)
{
    StudyPrefs prefs = {.daily_goal = 5, .new_per_day = 5, .drill_size = 8, .exam_date = T0 + 30 * DAY,
                        .daily_minutes = 2};
    TestStudy f;
    teststudy_open(&f, fakebank_clf(1, 0, 0), "drill_exam", "cloudprep_test_drill_disk", T0, &prefs, 7);
    DrillSession d;
    begin(&f, &d, T0);
    CHECK(d.queue.exam_aware);
    int number, total;
    drill_session_progress(&d, &number, &total);
    CHECK_INT(total, 8);
    int seen[8], n = 0;
    do {
        CHECK(drill_session_answer(&d, false, 0u, 2000, T0 + n));
        CHECK(!d.last_move.requeued);
        for (int k = 0; k < n; k++)
            CHECK(seen[k] != d.item);
        if (n < 8)
            seen[n++] = d.item;
    } while (drill_session_next(&d) >= 0);
    CHECK_INT(n, 8);
    CHECK_INT(d.wrong, 8);
    CHECK_INT(d.demoted, 0); /* new items go to box 1 from box 0: not a demotion */
    CHECK(drill_session_end(&d, true));
    CHECK_INT(d.xp, REWARDS_XP_DRILL_DONE);
    drill_session_free(&d);
    teststudy_close(&f);
}

/* The disk fills up: an answer that cannot be saved leaves the item's state,
 * the queue and the tallies as they were and drops the item from the
 * session; the next answer saves again; a bonus that cannot be saved is
 * neither counted nor on disk. */
static void test_all_or_nothing(void)
{
    StudyPrefs prefs = {.daily_goal = 5, .new_per_day = 6, .drill_size = 20};
    TestStudy f;
    teststudy_open(&f, fakebank_clf(1, 0, 0), "drill_faults", "cloudprep_test_drill_disk", T0, &prefs, 7);
    DrillSession d;
    begin(&f, &d, T0);
    CHECK(drill_session_answer(&d, true, 1u, 1000, T0));
    CHECK(drill_session_next(&d) >= 0);
    int item = d.item;
    ItemState before = f.study->states[item];
    int remaining = leitner_session_remaining(&d.queue);
    disk.budget = disk.written; /* not one more byte */
    CHECK(!drill_session_answer(&d, false, 1u, 1000, T0 + 10));
    disk.budget = -1;
    CHECK(!d.last_saved);
    CHECK(f.study->error[0] != '\0');
    CHECK(memcmp(&f.study->states[item], &before, sizeof before) == 0);
    CHECK_INT(d.right, 1);
    CHECK_INT(d.wrong, 0);
    CHECK_INT(d.combo, 1);
    CHECK_INT(d.xp, REWARDS_XP_RIGHT);
    CHECK_INT(d.queue.answered, 1);
    CHECK(!d.last_move.requeued);
    CHECK_INT(d.last_move.box_after, before.box);
    CHECK_INT(leitner_session_remaining(&d.queue), remaining - 1); /* dropped, not re-queued */
    CHECK_INT(teststudy_int(&f, "SELECT count(*) FROM reviews"), 1);
    CHECK_INT(teststudy_int(&f, "SELECT count(*) FROM items"), 1);
    int next = drill_session_next(&d);
    CHECK(next >= 0 && next != item);
    CHECK(drill_session_answer(&d, true, 1u, 1000, T0 + 20));
    CHECK_INT(d.combo, 2);
    CHECK_INT(teststudy_int(&f, "SELECT count(*) FROM reviews"), 2);
    while (drill_session_next(&d) >= 0)
        CHECK(drill_session_answer(&d, true, 1u, 1000, T0 + 30));
    int xp = d.xp;
    int64_t xp_on_disk = teststudy_int(&f, "SELECT value FROM profile WHERE key = 'xp'");
    disk.budget = disk.written;
    CHECK(!drill_session_end(&d, true));
    disk.budget = -1;
    CHECK(!d.bonus_saved);
    CHECK(strstr(f.study->error, "disk is full") != NULL);
    CHECK_INT(d.xp, xp);
    CHECK_INT(teststudy_int(&f, "SELECT value FROM profile WHERE key = 'xp'"), xp_on_disk);
    CHECK_INT(teststudy_int(&f, "SELECT count(*) FROM profile WHERE key = 'drill_sessions'"), 0);
    drill_session_free(&d);
    teststudy_close(&f);
}

/* No progress file at all: answers say so and change nothing. */
static void test_no_store(void)
{
    Bank *bank = fakebank_clf(1, 0, 0);
    StudyPrefs prefs = {.new_per_day = 3, .drill_size = 20};
    Study *study = study_open(bank, NULL, &prefs);
    Rng rng;
    rng_seed(&rng, 1);
    StudyToday today = {0};
    DrillSession d;
    CHECK(drill_session_begin(&d, study, &today, T0, &rng));
    int item = d.item;
    CHECK(item >= 0);
    CHECK(!drill_session_answer(&d, true, 1u, 100, T0));
    CHECK_INT(study->states[item].seen, 0);
    CHECK_INT(d.right, 0);
    while (drill_session_next(&d) >= 0)
        CHECK(!drill_session_answer(&d, true, 1u, 100, T0));
    CHECK(drill_session_end(&d, true)); /* nothing saved: no bonus to save */
    CHECK_INT(d.xp, 0);
    drill_session_free(&d);
    study_close(study);
    fakebank_free(bank);
}

/* A newcomer's first drill right after the diagnostic is a full session,
 * whatever the new-item quota; a second drill the same day brings new
 * items only up to the quota. */
static void test_first_drill_full(void)
{
    StudyPrefs prefs = {.daily_goal = 20, .new_per_day = 15, .drill_size = 20};
    TestStudy f;
    teststudy_open(&f, fakebank_clf(1, 0, 0), "drill_first", NULL, T0, &prefs, 3);
    for (int i = 0; i < 10; i++) { /* the diagnostic's ten answers */
        Answer a = {.item = i * 7, .answer = 1u, .correct = i % 2 == 0, .ms = 5000, .at = T0 + i};
        CHECK(study_answer(f.study, MODE_DIAGNOSTIC, &a, 0).item >= 0);
    }
    DrillSession d;
    begin(&f, &d, T0 + 60);
    int number, total;
    drill_session_progress(&d, &number, &total);
    CHECK_INT(total, 20);
    CHECK_INT(d.queue.new_items, 20);
    for (int i = 0; i < 3; i++) {
        CHECK(drill_session_answer(&d, true, 1u, 1000, T0 + 100 + i));
        drill_session_next(&d);
    }
    CHECK(drill_session_end(&d, false));
    drill_session_free(&d);
    begin(&f, &d, T0 + 200); /* the day's second drill: 15 - 3 new left */
    CHECK_INT(d.queue.new_items, 12);
    drill_session_free(&d);
    teststudy_close(&f);
}

/* The counter: the number on screen is the item asked, or while its
 * feedback is up the item just answered, and never above the total, misses
 * brought back included ("Item 6 of 5" never shows). */
static void test_counter(void)
{
    StudyPrefs prefs = {.daily_goal = 5, .new_per_day = 5, .drill_size = 5};
    TestStudy f;
    teststudy_open(&f, fakebank_clf(1, 0, 0), "drill_counter", NULL, T0, &prefs, 11);
    DrillSession d;
    begin(&f, &d, T0);
    int asked = 0, number, total, last_total = 0;
    int64_t t = T0;
    while (d.item >= 0) {
        asked++;
        drill_session_progress(&d, &number, &total);
        CHECK_INT(number, asked);
        CHECK(number <= total);
        CHECK(drill_session_answer(&d, asked % 2 == 1, 1u, 1000, t += 10));
        drill_session_progress(&d, &number, &total);
        CHECK_INT(number, asked); /* feedback: still the one just answered */
        CHECK(number <= total);
        last_total = total;
        drill_session_next(&d);
    }
    drill_session_progress(&d, &number, &total);
    CHECK_INT(number, asked);
    CHECK_INT(total, asked);
    CHECK_INT(last_total, asked);
    CHECK(asked > 5); /* misses came back */
    drill_session_free(&d);
    teststudy_close(&f);
}

/* The feedback: the box the chip shows (box_after) is the box the item is
 * in and the box the line names; every line says when the item comes back
 * in the same words. */
static void test_feedback_agrees(void)
{
    StudyPrefs prefs = {.daily_goal = 5, .new_per_day = 5, .drill_size = 5};
    TestStudy f;
    teststudy_open(&f, fakebank_clf(1, 0, 0), "drill_feedback", NULL, T0, &prefs, 5);
    DrillSession d;
    begin(&f, &d, T0);
    int item = d.item;
    CHECK(drill_session_answer(&d, true, 1u, 1000, T0));
    DrillFeedback fb;
    char line[200];
    drill_session_feedback(&d, T0, &fb);
    CHECK_INT(fb.box_before, 0);
    CHECK_INT(fb.box_after, 1);
    CHECK_INT(fb.box_after, f.study->states[item].box);
    CHECK_INT(fb.back, DRILL_BACK_TOMORROW);
    drill_feedback_text(&fb, false, line, sizeof line);
    CHECK_STR(line, "Right!  New item, now in box 1, back tomorrow.");
    drill_session_free(&d);

    /* Days later, the item is in box 2 and due: a miss sends it to box 1. */
    int64_t later = T0 + 30 * DAY;
    CHECK(f.study->states[item].box == 1);
    f.study->states[item].box = 2;
    begin(&f, &d, later);
    while (d.item >= 0 && d.item != item) {
        CHECK(drill_session_answer(&d, true, 1u, 1000, later));
        drill_session_next(&d);
    }
    CHECK_INT(d.item, item);
    CHECK(drill_session_answer(&d, false, 0u, 1000, later));
    drill_session_feedback(&d, later, &fb);
    CHECK_INT(fb.box_before, 2);
    CHECK_INT(fb.box_after, 1);
    CHECK_INT(fb.box_after, f.study->states[item].box);
    drill_feedback_text(&fb, true, line, sizeof line);
    if (fb.back == DRILL_BACK_SESSION)
        CHECK_STR(line, "Missed it.  Box 2 -> 1, back later in this session.");
    else
        CHECK_STR(line, "Missed it.  Box 2 -> 1, back tomorrow.");
    fb = (DrillFeedback){.correct = true, .box_before = 2, .box_after = 3, .back = DRILL_BACK_DAYS, .days = 6};
    drill_feedback_text(&fb, false, line, sizeof line);
    CHECK_STR(line, "Right!  Box 2 -> 3, back in 6 days.");
    fb = (DrillFeedback){.correct = true, .box_before = 1, .box_after = 1, .back = DRILL_BACK_TOMORROW};
    drill_feedback_text(&fb, false, line, sizeof line);
    CHECK_STR(line, "Right!  Stays in box 1, back tomorrow.");
    drill_session_free(&d);
    teststudy_close(&f);
}

/* After a session: "Drill my mistakes" holds the session's misses, each
 * once, where a right answer keeps box 1 and no finishing bonus is paid;
 * "Learn 10 more" holds ten new items, past the day's quota. */
static void test_more_and_mistakes(void)
{
    StudyPrefs prefs = {.daily_goal = 5, .new_per_day = 5, .drill_size = 5};
    TestStudy f;
    teststudy_open(&f, fakebank_clf(1, 0, 0), "drill_more", NULL, T0, &prefs, 9);
    DrillSession d;
    begin(&f, &d, T0);
    int64_t t = T0;
    int first_missed = d.item, n = 0;
    while (d.item >= 0) {
        bool right = n != 0 && n != 2; /* the 1st and 3rd showings missed */
        CHECK(drill_session_answer(&d, right, right ? 1u : 0u, 1000, t += 10));
        n++;
        drill_session_next(&d);
    }
    CHECK(drill_session_end(&d, true));
    const int *missed;
    int count = drill_session_missed(&d, &missed);
    CHECK_INT(count, 2);
    CHECK_INT(missed[0], first_missed);
    int copy[2] = {missed[0], missed[1]};
    int64_t xp = teststudy_int(&f, "SELECT value FROM profile WHERE key = 'xp'");
    drill_session_free(&d);

    CHECK(drill_session_begin_misses(&d, f.study, copy, 2, t));
    int number, total;
    drill_session_progress(&d, &number, &total);
    CHECK_INT(total, 2);
    CHECK_INT(d.item, copy[0]);
    while (d.item >= 0) {
        CHECK(drill_session_answer(&d, true, 1u, 1000, t += 10));
        CHECK_INT(d.last_move.box_after, 1);
        drill_session_next(&d);
    }
    CHECK(drill_session_end(&d, true));
    CHECK(!d.bonus_saved);
    CHECK_INT(teststudy_int(&f, "SELECT value FROM profile WHERE key = 'xp'"), xp + 2 * REWARDS_XP_RIGHT);
    drill_session_free(&d);

    CHECK(drill_session_begin_new(&d, f.study, DRILL_MORE_NEW, t, &f.rng));
    drill_session_progress(&d, &number, &total);
    CHECK_INT(total, DRILL_MORE_NEW);
    CHECK_INT(d.queue.new_items, DRILL_MORE_NEW);
    CHECK_INT(d.queue.due_items, 0);
    for (int i = 0; i < d.queue.count; i++)
        CHECK_INT(f.study->states[d.queue.queue[i].item].box, 0);
    drill_session_free(&d);
    teststudy_close(&f);
}

/* "Sure": a question's answer is stored sure (1) or not sure (0) by the
 * learner's mark, a flashcard's as not asked (NULL), the mark is cleared
 * for the next item, a sure miss is named in the feedback and opens the
 * next drill; with the setting off nothing is asked. */
static void test_confidence(void)
{
    StudyPrefs prefs = {.daily_goal = 40, .new_per_day = 40, .drill_size = 40, .ask_sure = true};
    TestStudy f;
    teststudy_open(&f, fakebank_clf(1, 1, 0), "drill_sure", NULL, T0, &prefs, 11);
    DrillSession d;
    begin(&f, &d, T0);
    int64_t t = T0;
    int questions = 0, cards = 0, sure_miss = -1;
    while (d.item >= 0 && t < T0 + 400) {
        bool card = f.bank->items[d.item].kind == ITEM_FLASHCARD;
        CHECK(!d.sure);
        CHECK(drill_session_asks_sure(&d) == !card);
        bool sure = card || questions % 2 == 0; /* a card's mark is ignored */
        bool right = questions % 3 != 0;
        drill_session_set_sure(&d, sure);
        int item = d.item;
        CHECK(drill_session_answer(&d, right, right ? 1u : 0u, 1000, t += 10));
        DrillFeedback fb;
        drill_session_feedback(&d, t, &fb);
        CHECK(fb.confident_error == (!card && sure && !right));
        char line[200];
        drill_feedback_text(&fb, card, line, sizeof line);
        CHECK((strstr(line, "You were sure") != NULL) == fb.confident_error);
        if (fb.confident_error && sure_miss < 0)
            sure_miss = item;
        if (card)
            cards++;
        else
            questions++;
        drill_session_next(&d);
    }
    CHECK(questions >= 6 && cards >= 1);
    CHECK(sure_miss >= 0);
    int64_t sure_rows = teststudy_int(&f, "SELECT count(*) FROM reviews WHERE confident = 1");
    int64_t unsure_rows = teststudy_int(&f, "SELECT count(*) FROM reviews WHERE confident = 0");
    CHECK_INT(sure_rows, (questions + 1) / 2);
    CHECK_INT(unsure_rows, questions / 2);
    CHECK_INT(teststudy_int(&f, "SELECT count(*) FROM reviews WHERE confident IS NULL"), cards);
    drill_session_free(&d);

    /* The next day's drill opens with a sure miss (one not answered again since). */
    bool *urgent = calloc((size_t)f.bank->item_count, sizeof *urgent);
    CHECK(urgent != NULL);
    if (urgent && study_urgent(f.study, urgent) > 0) {
        begin(&f, &d, T0 + DAY);
        CHECK(d.item >= 0 && urgent[d.item]);
        drill_session_free(&d);
    }
    free(urgent);

    /* Off: nothing is asked, whatever the mark. */
    prefs.ask_sure = false;
    study_set_prefs(f.study, &prefs);
    begin(&f, &d, T0 + DAY);
    CHECK(!drill_session_asks_sure(&d));
    drill_session_set_sure(&d, true);
    int64_t before = teststudy_int(&f, "SELECT count(*) FROM reviews WHERE confident IS NULL");
    CHECK(drill_session_answer(&d, false, 0u, 1000, T0 + DAY + 5));
    CHECK_INT(teststudy_int(&f, "SELECT count(*) FROM reviews WHERE confident IS NULL"), before + 1);
    drill_session_free(&d);
    teststudy_close(&f);
}

/* The one daily commitment: with only minutes set (as prefs_study gives
 * them), a drill is what is left of the day's answer goal, never fewer than
 * STUDY_MIN_SESSION, with due reviews first and new items filling what
 * they leave of the goal. */
static void test_daily_commitment(void)
{
    StudyPrefs prefs = {.daily_minutes = 10, .daily_goal = plan_items_per_day(10)};
    CHECK_INT(prefs.daily_goal, 20);
    TestStudy f;
    teststudy_open(&f, fakebank_clf(1, 0, 0), "drill_commit", "cloudprep_test_drill_disk", T0, &prefs, 7);
    CHECK_INT(study_session_size(f.study, 0), 20);
    CHECK_INT(study_session_size(f.study, 7), 13);
    CHECK_INT(study_session_size(f.study, 15), STUDY_MIN_SESSION);
    CHECK_INT(study_session_size(f.study, 40), STUDY_MIN_SESSION);

    DrillSession d;
    begin(&f, &d, T0);
    int number, total;
    drill_session_progress(&d, &number, &total);
    CHECK_INT(total, 20); /* the whole goal, new items on day one */
    for (int k = 0; k < 15; k++) {
        CHECK(drill_session_answer(&d, true, 0u, 2000, T0 + k));
        drill_session_next(&d);
    }
    CHECK(drill_session_end(&d, false));
    drill_session_free(&d);
    /* 5 left of the goal: a short round, with the 5 new items left of the
     * day's 20 (15 were met) */
    begin(&f, &d, T0 + 60);
    drill_session_progress(&d, &number, &total);
    CHECK(total <= STUDY_MIN_SESSION);
    CHECK_INT(d.queue.new_items, 5);
    drill_session_free(&d);

    /* Day two: the reviews that fell due come first, new items fill what
     * they leave of the goal. */
    int64_t t = T0 + DAY;
    CHECK_INT(study_new_quota(f.study), 20);
    StudyToday today;
    CHECK(study_today(f.study, t, &today));
    begin(&f, &d, t);
    drill_session_progress(&d, &number, &total);
    CHECK_INT(total, 20);
    CHECK_INT(d.queue.due_items, today.due < 20 ? today.due : 20);
    CHECK_INT(d.queue.new_items, 20 - d.queue.due_items);
    CHECK(d.queue.due_items > 0);
    drill_session_free(&d);
    /* A set drill length or new-item count still wins. */
    StudyPrefs fixed = prefs;
    fixed.drill_size = 7;
    fixed.new_per_day = -1;
    study_set_prefs(f.study, &fixed);
    CHECK_INT(study_session_size(f.study, 0), 7);
    CHECK_INT(study_new_quota(f.study), 0);
    teststudy_close(&f);
}

int main(void)
{
    testfault_register(&disk, "cloudprep_test_drill_disk", false);
    test_whole_session();
    test_exam_aware_no_repeat();
    test_all_or_nothing();
    test_no_store();
    test_first_drill_full();
    test_counter();
    test_feedback_agrees();
    test_more_and_mistakes();
    test_confidence();
    test_daily_commitment();
    return testlib_finish();
}
