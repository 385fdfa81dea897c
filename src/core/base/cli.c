/* Option parsing for cloudprep. Knows the flags and their values; does not
 * open files or check that folders exist (main and the loaders do). */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *cli_usage(void)
{
    return "usage: cloudprep [--bank DIR] [--data-dir DIR] [--seed N] [--fullscreen] [--text-size PERCENT]\n"
           "       cloudprep --check-bank DIR\n"
           "       cloudprep --export-history FILE.csv [--data-dir DIR]\n"
           "       cloudprep --headless --script FILE [--shots DIR] [--bank DIR] [--data-dir DIR] [--seed N]\n"
           "       cloudprep --help | --version\n"
           "\n"
           "  --bank DIR            question bank folder (default: the bundled CLF-C02 bank)\n"
           "  --data-dir DIR        where progress.db and its backups live\n"
           "                        (default: the user's data folder, e.g. ~/.local/share/cloudprep)\n"
           "  --seed N              seed for shuffling (default: from the clock)\n"
           "  --fullscreen          start in fullscreen (F11 toggles)\n"
           "  --text-size PERCENT   text size from 75 to 200 (saved, like the setting)\n"
           "  --check-bank DIR      lint a bank: every diagnostic, a summary and quality checks\n"
           "  --export-history F    write the review log and exam results to F as CSV\n"
           "  --headless            run without a display, driven by --script, on a simulated clock\n"
           "  --script FILE         the headless script (key, text, click, wait, shot, expect, quit, ...)\n"
           "  --shots DIR           folder for the script's screenshots\n"
           "  --help, --version     print this text or the version\n";
}

/* Only plain digits: no sign, no spaces, no "0x", nothing after. */
static bool parse_u64(const char *text, uint64_t *out)
{
    if (!text || !*text)
        return false;
    for (const char *p = text; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    errno = 0;
    char *end = NULL;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0')
        return false;
    *out = (uint64_t)v;
    return true;
}

static CliOptions fail(CliOptions o, const char *fmt, const char *arg)
{
    o.action = CLI_ERROR;
    snprintf(o.error, sizeof o.error, fmt, arg);
    return o;
}

/* Options that take a value: returns the slot to fill, or NULL. */
static const char **value_slot(CliOptions *o, const char *flag)
{
    if (strcmp(flag, "--bank") == 0) return &o->bank_dir;
    if (strcmp(flag, "--data-dir") == 0) return &o->data_dir;
    if (strcmp(flag, "--script") == 0) return &o->script;
    if (strcmp(flag, "--shots") == 0) return &o->shots_dir;
    if (strcmp(flag, "--export-history") == 0) return &o->export_path;
    if (strcmp(flag, "--check-bank") == 0) return &o->bank_dir;
    return NULL;
}

/* Flags without a value: returns the flag to set, or NULL. */
static bool *flag_slot(CliOptions *o, const char *flag, bool *help, bool *version)
{
    if (strcmp(flag, "--fullscreen") == 0) return &o->fullscreen;
    if (strcmp(flag, "--headless") == 0) return &o->headless;
    if (strcmp(flag, "--help") == 0 || strcmp(flag, "-h") == 0) return help;
    if (strcmp(flag, "--version") == 0) return version;
    return NULL;
}

CliOptions cli_parse(int argc, char **argv)
{
    CliOptions o;
    memset(&o, 0, sizeof o);
    o.action = CLI_RUN;
    bool check = false, export = false, help = false, version = false, bank = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = value_slot(&o, a);
        bool *flag = flag_slot(&o, a, &help, &version);
        if (slot) {
            if (i + 1 >= argc || argv[i + 1][0] == '\0')
                return fail(o, "option %s needs a value", a);
            bool is_check = strcmp(a, "--check-bank") == 0, is_bank = strcmp(a, "--bank") == 0;
            if ((is_check && check) || (is_bank && bank) || (!is_check && !is_bank && *slot))
                return fail(o, "option %s given twice; give it once", a);
            if ((is_check && bank) || (is_bank && check))
                return fail(o, "%s cannot be combined with --bank: --check-bank DIR names the bank to check",
                            "--check-bank");
            if (strlen(argv[i + 1]) > CLI_PATH_MAX) {
                snprintf(o.error, sizeof o.error, "option %s: the path is %zu bytes long; the limit is %d",
                         a, strlen(argv[i + 1]), CLI_PATH_MAX);
                o.action = CLI_ERROR;
                return o;
            }
            *slot = argv[++i];
            check = check || is_check;
            bank = bank || is_bank;
            if (strcmp(a, "--export-history") == 0)
                export = true;
        } else if (strcmp(a, "--seed") == 0) {
            if (i + 1 >= argc)
                return fail(o, "option %s needs a value", a);
            if (o.seed_given)
                return fail(o, "option %s given twice; give it once", a);
            if (!parse_u64(argv[i + 1], &o.seed))
                return fail(o, "--seed needs a non-negative whole number (digits only), not '%s'", argv[i + 1]);
            o.seed_given = true;
            i++;
        } else if (strcmp(a, "--text-size") == 0) {
            uint64_t v = 0;
            if (i + 1 >= argc)
                return fail(o, "option %s needs a value", a);
            if (o.text_size)
                return fail(o, "option %s given twice; give it once", a);
            if (!parse_u64(argv[i + 1], &v) || v < CLI_TEXT_SIZE_MIN || v > CLI_TEXT_SIZE_MAX) {
                snprintf(o.error, sizeof o.error, "--text-size needs a percentage from %d to %d, not '%.60s'",
                         CLI_TEXT_SIZE_MIN, CLI_TEXT_SIZE_MAX, argv[i + 1]);
                o.action = CLI_ERROR;
                return o;
            }
            o.text_size = (int)v;
            i++;
        } else if (flag) {
            if (*flag)
                return fail(o, "option %s given twice; give it once", a);
            *flag = true;
        } else {
            return fail(o, "unknown option '%s' (try --help)", a);
        }
    }
    if (help) {
        o.action = CLI_HELP;
        return o;
    }
    if (version) {
        o.action = CLI_VERSION;
        return o;
    }
    if (check && (export || o.headless))
        return fail(o, "%s cannot be combined with other modes", "--check-bank");
    if (check) {
        o.action = CLI_CHECK_BANK;
        return o;
    }
    if (export) {
        if (o.headless)
            return fail(o, "%s cannot be combined with --headless", "--export-history");
        o.action = CLI_EXPORT_HISTORY;
        return o;
    }
    if (o.headless && !o.script)
        return fail(o, "%s needs --script FILE", "--headless");
    if (!o.headless && (o.script || o.shots_dir))
        return fail(o, "%s only works with --headless", o.script ? "--script" : "--shots");
    return o;
}
