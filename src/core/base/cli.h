/* Command-line options: parsed into a plain struct, with a one-line error for
 * anything unknown or malformed (padded or signed numbers, repeated options,
 * over-long paths). Pure, so it is unit-tested; main() decides
 * what to do with the result. */
#ifndef CLOUDPREP_CLI_H
#define CLOUDPREP_CLI_H

#include <stdbool.h>
#include <stdint.h>

/* The longest path an option takes, in bytes: paths are copied into fixed
 * buffers further on, and a path cut short would name a different file. */
#define CLI_PATH_MAX 900
/* The text sizes --text-size accepts, in percent (the Settings range). */
#define CLI_TEXT_SIZE_MIN 75
#define CLI_TEXT_SIZE_MAX 200

typedef enum CliAction {
    CLI_RUN,            /* start the game (window or headless) */
    CLI_HELP,
    CLI_VERSION,
    CLI_CHECK_BANK,
    CLI_EXPORT_HISTORY,
    CLI_ERROR           /* `error` says what was wrong; exit status 2 */
} CliAction;

typedef struct CliOptions {
    CliAction action;
    const char *bank_dir;     /* --bank DIR, or the DIR of --check-bank */
    const char *data_dir;     /* --data-dir DIR */
    const char *script;       /* --script FILE (headless) */
    const char *shots_dir;    /* --shots DIR (headless) */
    const char *export_path;  /* --export-history FILE.csv */
    uint64_t seed;
    bool seed_given;
    int text_size;            /* --text-size PERCENT (CLI_TEXT_SIZE_MIN..MAX), 0 = not given */
    bool fullscreen;
    bool headless;
    char error[256];
} CliOptions;

/* Parses argv (argv[0] is the program). Never fails hard: on a bad option
 * `action` is CLI_ERROR and `error` holds one sentence. Strings point into argv. */
CliOptions cli_parse(int argc, char **argv);

/* The --help text. */
const char *cli_usage(void);

#endif
