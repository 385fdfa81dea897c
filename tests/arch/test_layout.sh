#!/bin/sh
# The architecture, checked: the rooms keep their doors where HACKING.md
# says. Run from the source tree: sh tests/arch/test_layout.sh [SRCDIR]
# Prints every breach as FILE:LINE: what, and fails when there is one.
src=${1:-.}
cd "$src" || exit 2
fail=0
breach() { echo "$1"; fail=1; }

# 1. The core is pure rules: no SDL, nothing from the app.
for f in $(find src/core -name '*.[ch]' | sort); do
    grep -n '#include <SDL' "$f" | while IFS=: read -r line _; do echo "$f:$line: the core includes SDL"; done
    for h in $(cd src/app && find . -name '*.h' | sed 's#.*/##'); do
        grep -n "#include \"$h\"" "$f" | while IFS=: read -r line _; do echo "$f:$line: the core includes the app's $h"; done
    done
done > /tmp/cloudprep-arch.$$
[ -s /tmp/cloudprep-arch.$$ ] && { cat /tmp/cloudprep-arch.$$; fail=1; }
rm -f /tmp/cloudprep-arch.$$

# 2. Only start-up and the settings screen talk to the store; screens talk
#    to sessions and the study context.
for f in $(grep -rl '#include "store.h"' src/app | sort); do
    case "$f" in
    src/app/main.c|src/app/screens/screen_settings.c) ;;
    *) breach "$f: includes store.h (only main.c and screen_settings.c may)" ;;
    esac
done
grep -rn 'store_profile_' src/app | while IFS=: read -r f line _; do echo "$f:$line: profile keys are the store's business"; done > /tmp/cloudprep-arch.$$
[ -s /tmp/cloudprep-arch.$$ ] && { cat /tmp/cloudprep-arch.$$; fail=1; }
rm -f /tmp/cloudprep-arch.$$

# 3. Screens never touch the stack or another screen's state directly.
grep -rn 'app->stack\|app->depth' src/app/screens src/app/ui | while IFS=: read -r f line _; do
    echo "$f:$line: a screen reaches into the screen stack (use app_push/app_pop/app_replace)"
done > /tmp/cloudprep-arch.$$
[ -s /tmp/cloudprep-arch.$$ ] && { cat /tmp/cloudprep-arch.$$; fail=1; }
rm -f /tmp/cloudprep-arch.$$
grep -rln 'return at once' src && breach "src: a 'return at once' rule is back (stack changes are requests)"

# 4. No source file over 800 lines.
for f in $(find src -name '*.[ch]' | sort); do
    n=$(wc -l < "$f")
    [ "$n" -gt 800 ] && breach "$f: $n lines (split it: 800 at most)"
done

# 5. A contract comment above every public function: a declaration in a
#    header follows a comment, or another declaration of its group.
for f in $(find src -name '*.h' | sort); do
    awk -v file="$f" '
        /^[ \t]*$/ { prev = "blank"; next }
        /^#/ { prev = "other"; next }
        /^(typedef|static|extern|struct|enum|union|[ \t]|[}{])/ { prev = ($0 ~ /\*\/[ \t]*$/) ? "comment" : "other"; next }
        /^[A-Za-z_][A-Za-z0-9_ \*]*[A-Za-z0-9_]+\(/ {
            if (prev != "comment" && prev != "decl")
                printf "%s:%d: no contract comment above %s\n", file, NR, $0
            prev = ($0 ~ /;[ \t]*$/) ? "decl" : "decl_open"; next
        }
        { if (prev == "decl_open") { prev = ($0 ~ /;[ \t]*$/) ? "decl" : "decl_open"; next }
          prev = ($0 ~ /\*\/[ \t]*$/ || $0 ~ /^[ \t]*\/\//) ? "comment" : "other" }
    ' "$f"
done > /tmp/cloudprep-arch.$$
[ -s /tmp/cloudprep-arch.$$ ] && { cat /tmp/cloudprep-arch.$$; fail=1; }
rm -f /tmp/cloudprep-arch.$$

[ "$fail" = 0 ] && echo "layout: every rule holds"
exit "$fail"
