/* Tests for banktext.c: words with typographic punctuation folded, the
 * stemmer, phrase and option-letter detection, the "(Choose N.)" count. */
#include <stdio.h>
#include <string.h>

#include "banktext.h"
#include "testlib.h"

/* All words of s joined by '|'. Static storage. */
static const char *words(const char *s)
{
    static char out[512];
    char w[BANKTEXT_WORD_MAX];
    size_t pos = 0, used = 0;
    out[0] = '\0';
    while (banktext_next_word(s, &pos, w) && used + strlen(w) + 2 < sizeof out)
        used += (size_t)snprintf(out + used, sizeof out - used, "%s%s", used ? "|" : "", w);
    return out;
}

static void test_words(void)
{
    CHECK_STR(words("Amazon's S3, (really)!"), "amazon|s|s3|really");
    /* U+2019 apostrophe, U+201C/D quotes, U+2014 dash, U+00A0 no-break space */
    CHECK_STR(words("Amazon\xe2\x80\x99s \xe2\x80\x9c" "S3\xe2\x80\x9d\xe2\x80\x94" "fast\xc2\xa0" "now"),
              "amazon|s|s3|fast|now");
    CHECK_STR(words("Caf\xc3\xa9 na\xc3\xafve \xe6\x97\xa5\xe6\x9c\xac"),
              "caf\xc3\xa9|na\xc3\xafve|\xe6\x97\xa5\xe6\x9c\xac");
    CHECK_STR(words(""), "");
    CHECK_STR(words(" ... -- "), "");
    char longword[200];
    memset(longword, 'x', sizeof longword - 1);
    longword[sizeof longword - 1] = '\0';
    size_t pos = 0;
    char w[BANKTEXT_WORD_MAX];
    CHECK_INT((int)banktext_next_word(longword, &pos, w), BANKTEXT_WORD_MAX - 1);
    CHECK_INT((int)pos, 199);
    /* a long word of 2-byte characters is cut between characters */
    char accents[200] = "";
    for (int i = 0; i < 60; i++)
        strcat(accents, "\xc3\xa9");
    pos = 0;
    size_t n = banktext_next_word(accents, &pos, w);
    CHECK(n % 2 == 0 && n > 0);
}

static void test_stem(void)
{
    static const char *const cases[][2] = {
        {"servers", "server"}, {"managing", "manag"}, {"managed", "manag"}, {"policies", "policy"},
        {"class", "class"}, {"access", "access"}, {"uses", "use"}, {"boxes", "box"}, {"gas", "gas"},
        {"ring", "ring"}, {"aws", "aws"}, {"databases", "database"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char w[BANKTEXT_WORD_MAX];
        snprintf(w, sizeof w, "%s", cases[i][0]);
        banktext_stem(w);
        if (!CHECK_STR(w, cases[i][1]))
            fprintf(stderr, "  stem of %s\n", cases[i][0]);
    }
}

static void test_phrases(void)
{
    CHECK(banktext_has_phrase("Use S3, because it is cheap", "because"));
    CHECK(banktext_has_phrase("BECAUSE it is", "because"));
    CHECK(!banktext_has_phrase("becauses", "because"));
    CHECK(banktext_has_phrase("Tag them so that costs show", "so that"));
    CHECK(!banktext_has_phrase("also thatch", "so that"));
    CHECK(banktext_has_phrase("Pay less, since it is reserved", ", since"));
    CHECK(!banktext_has_phrase("Available since 2006", ", since"));
    char found[32];
    CHECK(banktext_names_option_letter("Unlike option B, this is", found, sizeof found));
    CHECK_STR(found, "option B");
    CHECK(banktext_names_option_letter("Answer C is wrong", found, sizeof found));
    CHECK_STR(found, "Answer C");
    CHECK(banktext_names_option_letter("See (D).", found, sizeof found));
    CHECK_STR(found, "(D)");
    CHECK(banktext_names_option_letter("choices A and B", found, sizeof found));
    CHECK_STR(found, "choices A");
    CHECK(!banktext_names_option_letter("option AWS, option a, option I, (Z), (AB)", found, sizeof found));
    CHECK(!banktext_names_option_letter("the option A-series", found, sizeof found));
    CHECK(!banktext_names_option_letter("reoption B", found, sizeof found));
}

static void test_choose(void)
{
    CHECK_INT(banktext_choose_count("Which TWO? (Choose TWO.)"), 2);
    CHECK_INT(banktext_choose_count("Pick. (choose three)"), 3);
    CHECK_INT(banktext_choose_count("Pick. (Select 2.)"), 2);
    CHECK_INT(banktext_choose_count("A team must choose two Regions. Which?"), 0);
    CHECK_INT(banktext_choose_count("(Choose the best one.)"), 0);
    CHECK_INT(banktext_choose_count("(Choose ONE.) then (Choose FOUR.)"), 4);
    CHECK_INT(banktext_choose_count(""), 0);
}

int main(void)
{
    test_words();
    test_stem();
    test_phrases();
    test_choose();
    return testlib_finish();
}
