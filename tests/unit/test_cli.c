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
    /* Errors: one sentence, action CLI_ERROR (exit status 2 in main). */
    {
        const char *a[] = {"cloudprep", "--bogus"};
        CliOptions o = parse(2, a);
        CHECK_INT(o.action, CLI_ERROR);
        CHECK_STR(o.error, "unknown option '--bogus' (try --help)");
        const char *b[] = {"cloudprep", "--seed", "-3"};
        o = parse(3, b);
        CHECK_INT(o.action, CLI_ERROR);
        CHECK_STR(o.error, "--seed needs a non-negative whole number, not '-3'");
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
    CHECK(strstr(cli_usage(), "--check-bank") != NULL);
    return testlib_finish();
}
