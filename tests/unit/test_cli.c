/* Command-line parsing: every flag, every error, exit-status decisions. */
#include <string.h>

#include "cli.h"
#include "testlib.h"

static CliOptions parse(int argc, const char *const *args)
{
    char *argv[16];
    for (int i = 0; i < argc; i++)
        argv[i] = (char *)args[i];
    return cli_parse(argc, argv);
}

int main(void)
{
    {
        const char *a[] = {"cloudprep"};
        CliOptions o = parse(1, a);
        CHECK_INT(o.action, CLI_RUN);
        CHECK(o.bank_dir == NULL && o.data_dir == NULL && !o.headless && !o.seed_given);
    }
    {
        const char *a[] = {"cloudprep", "--bank", "b", "--data-dir", "d", "--seed", "42", "--fullscreen"};
        CliOptions o = parse(8, a);
        CHECK_INT(o.action, CLI_RUN);
        CHECK_STR(o.bank_dir, "b");
        CHECK_STR(o.data_dir, "d");
        CHECK(o.seed_given);
        CHECK_INT(o.seed, 42);
        CHECK(o.fullscreen);
    }
    {
        const char *a[] = {"cloudprep", "--headless", "--script", "s.txt", "--shots", "out"};
        CliOptions o = parse(6, a);
        CHECK_INT(o.action, CLI_RUN);
        CHECK(o.headless);
        CHECK_STR(o.script, "s.txt");
        CHECK_STR(o.shots_dir, "out");
    }
    {
        const char *a[] = {"cloudprep", "--version"};
        CHECK_INT(parse(2, a).action, CLI_VERSION);
        const char *b[] = {"cloudprep", "--help"};
        CHECK_INT(parse(2, b).action, CLI_HELP);
        const char *c[] = {"cloudprep", "--check-bank", "banks/x"};
        CliOptions o = parse(3, c);
        CHECK_INT(o.action, CLI_CHECK_BANK);
        CHECK_STR(o.bank_dir, "banks/x");
        const char *d[] = {"cloudprep", "--export-history", "h.csv", "--data-dir", "d"};
        o = parse(5, d);
        CHECK_INT(o.action, CLI_EXPORT_HISTORY);
        CHECK_STR(o.export_path, "h.csv");
    }
    /* --text-size: 75 to 200 percent, once. */
    {
        const char *a[] = {"cloudprep", "--text-size", "150"};
        CliOptions o = parse(3, a);
        CHECK_INT(o.action, CLI_RUN);
        CHECK_INT(o.text_size, 150);
        const char *b[] = {"cloudprep", "--text-size", "250"};
        o = parse(3, b);
        CHECK_INT(o.action, CLI_ERROR);
        CHECK_STR(o.error, "--text-size needs a percentage from 75 to 200, not '250'");
        const char *c[] = {"cloudprep", "--text-size", "120%"};
        CHECK_INT(parse(3, c).action, CLI_ERROR);
        const char *d[] = {"cloudprep", "--text-size", "100", "--text-size", "120"};
        CHECK_INT(parse(5, d).action, CLI_ERROR);
        const char *e[] = {"cloudprep", "--text-size"};
        CHECK_INT(parse(2, e).action, CLI_ERROR);
        const char *f[] = {"cloudprep"};
        CHECK_INT(parse(1, f).text_size, 0);
    }
    /* Errors: one sentence, action CLI_ERROR (exit status 2 in main). */
    {
        const char *a[] = {"cloudprep", "--bogus"};
        CliOptions o = parse(2, a);
        CHECK_INT(o.action, CLI_ERROR);
        CHECK_STR(o.error, "unknown option '--bogus' (try --help)");
        const char *b[] = {"cloudprep", "--seed", "-3"};
        o = parse(3, b);
        CHECK_INT(o.action, CLI_ERROR);
        CHECK_STR(o.error, "--seed needs a non-negative whole number (digits only), not '-3'");
        const char *c[] = {"cloudprep", "--seed", "12x"};
        CHECK_INT(parse(3, c).action, CLI_ERROR);
        const char *d[] = {"cloudprep", "--bank"};
        o = parse(2, d);
        CHECK_INT(o.action, CLI_ERROR);
        CHECK_STR(o.error, "option --bank needs a value");
        const char *e[] = {"cloudprep", "--headless"};
        o = parse(2, e);
        CHECK_INT(o.action, CLI_ERROR);
        CHECK_STR(o.error, "--headless needs --script FILE");
        const char *f[] = {"cloudprep", "--script", "x"};
        o = parse(3, f);
        CHECK_INT(o.action, CLI_ERROR);
        CHECK_STR(o.error, "--script only works with --headless");
        const char *g[] = {"cloudprep", "--bank", "a", "--bank", "b"};
        CHECK_INT(parse(5, g).action, CLI_ERROR);
        const char *h[] = {"cloudprep", "--seed"};
        CHECK_INT(parse(2, h).action, CLI_ERROR);
    }
    /* Padded, signed or non-decimal numbers, repeated options, conflicting
     * modes and over-long paths: each refused, naming the option. */
    {
        const char *bad_seeds[] = {" 42", "42 ", "+42", "0x10", "4e2", "", "\t7", "99999999999999999999"};
        for (size_t i = 0; i < sizeof bad_seeds / sizeof bad_seeds[0]; i++) {
            const char *a[] = {"cloudprep", "--seed", bad_seeds[i]};
            CliOptions o = parse(3, a);
            CHECK_INT(o.action, CLI_ERROR);
            CHECK(strstr(o.error, "--seed") != NULL);
        }
        const char *repeats[][5] = {
            {"cloudprep", "--seed", "1", "--seed", "2"},
            {"cloudprep", "--check-bank", "a", "--check-bank", "b"},
            {"cloudprep", "--fullscreen", "--fullscreen", "--seed", "1"},
            {"cloudprep", "--data-dir", "a", "--data-dir", "b"},
        };
        const char *names[] = {"--seed", "--check-bank", "--fullscreen", "--data-dir"};
        for (size_t i = 0; i < 4; i++) {
            CliOptions o = parse(5, repeats[i]);
            CHECK_INT(o.action, CLI_ERROR);
            CHECK(strstr(o.error, names[i]) != NULL && strstr(o.error, "twice") != NULL);
        }
        const char *both[] = {"cloudprep", "--check-bank", "a", "--bank", "b"};
        CliOptions o = parse(5, both);
        CHECK_INT(o.action, CLI_ERROR);
        CHECK(strstr(o.error, "--check-bank") != NULL && strstr(o.error, "--bank") != NULL);
        const char *both2[] = {"cloudprep", "--bank", "b", "--check-bank", "a"};
        CHECK_INT(parse(5, both2).action, CLI_ERROR);
        static char longpath[CLI_PATH_MAX + 2];
        memset(longpath, 'a', sizeof longpath - 1);
        const char *lp[] = {"cloudprep", "--bank", longpath};
        o = parse(3, lp);
        CHECK_INT(o.action, CLI_ERROR);
        CHECK(strstr(o.error, "--bank") != NULL && strstr(o.error, "limit") != NULL);
        longpath[CLI_PATH_MAX] = '\0';
        CHECK_INT(parse(3, lp).action, CLI_RUN);
    }
    CHECK(strstr(cli_usage(), "--check-bank") != NULL);
    return testlib_finish();
}
