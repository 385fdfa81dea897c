/* Key-binding table lookups (see keys.h). */
#include "keys.h"

#include <stdio.h>
#include <string.h>

#include "strbuf.h"

static const KeyBinding GLOBAL_ROWS[] = {
    {"M", 'M', CMD_MUTE, "mute", false},
};
const KeyMap KEYS_GLOBAL = KEYMAP(GLOBAL_ROWS);

static Command lookup(const KeyMap *map, int letter)
{
    for (int i = 0; map && i < map->count; i++)
        if (map->rows[i].letter == letter)
            return map->rows[i].command;
    return CMD_NONE;
}

Command keys_command(const KeyMap *map, int letter)
{
    if (letter < 'A' || letter > 'Z')
        return CMD_NONE;
    Command c = lookup(map, letter);
    return c != CMD_NONE ? c : lookup(&KEYS_GLOBAL, letter);
}

static const KeyBinding *row_for(const KeyMap *map, Command command)
{
    for (int i = 0; map && i < map->count; i++)
        if (map->rows[i].command == command && command != CMD_NONE)
            return &map->rows[i];
    for (int i = 0; i < KEYS_GLOBAL.count; i++)
        if (KEYS_GLOBAL.rows[i].command == command && command != CMD_NONE)
            return &KEYS_GLOBAL.rows[i];
    return NULL;
}

const char *keys_key(const KeyMap *map, Command command)
{
    const KeyBinding *row = row_for(map, command);
    return row ? row->key : "";
}

const char *keys_hint(const KeyMap *map, Command command, const char *label, char *out, size_t size)
{
    const KeyBinding *row = row_for(map, command);
    if (!row)
        snprintf(out, size, "%s", "");
    else
        snprintf(out, size, "%s  %s", row->key, label ? label : row->does);
    return out;
}

void keys_footer_text(const KeyMap *map, bool all, int rows, char *out, size_t size)
{
    out[0] = '\0';
    for (int i = 0, shown = 0; map && i < map->count && shown < rows; i++)
        if ((all || !map->rows[i].optional) && ++shown)
            strbuf_append(out, size, "%s%s%s%s", out[0] ? "      " : "", map->rows[i].key,
                          map->rows[i].does[0] ? "  " : "", map->rows[i].does);
}

const char *keys_options(int n, char *out, size_t size)
{
    if (n < 1)
        n = 1;
    snprintf(out, size, "1-%d / A-%c", n, 'A' + n - 1);
    return out;
}

KeyMap keys_with_first_key(const KeyMap *map, const char *key, KeyBinding *rows, int cap)
{
    int n = map->count < cap ? map->count : cap;
    for (int i = 0; i < n; i++)
        rows[i] = map->rows[i];
    if (n > 0)
        rows[0].key = key;
    return (KeyMap){rows, n};
}
