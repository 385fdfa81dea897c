#!/bin/sh
# Runs every benchmark and prints its table: start-up time, memory, idle CPU,
# frame times, bank loading and the progress store at scale. Benchmarks print
# numbers and never fail on them; the script fails only when a program is
# missing or cannot run. `make bench` calls it after building the
# `benchmarks` target:   sh tests/bench/run.sh build/release
# Environment: BENCH_WORK (scratch folder, default /tmp/cloudprep-bench-$$,
# removed at the end unless BENCH_KEEP=1), BENCH_RUNS (start-up runs, 15),
# BENCH_ONLY (space-separated subset of: start memory idle frames bank store).
# Under X the benchmarks use $DISPLAY if it is set, else they start Xvfb.
set -eu

BUILD=${1:-build/release}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
case $BUILD in /*) ;; *) BUILD=$(pwd)/$BUILD ;; esac
BENCH="$BUILD/bench"
WORK=${BENCH_WORK:-/tmp/cloudprep-bench-$$}
RUNS=${BENCH_RUNS:-15}
ONLY=${BENCH_ONLY:-start memory idle frames bank store}

for prog in cloudprep bench/minimal_sdl bench/bench_start bench/bench_memory bench/bench_idle \
            bench/bench_frames bench/gen_bank bench/bench_bank bench/bench_store; do
  if [ ! -x "$BUILD/$prog" ]; then
    echo "run.sh: $BUILD/$prog is missing; build it with: cmake --build $BUILD --target benchmarks" >&2
    exit 1
  fi
done
mkdir -p "$WORK"

XVFB_PID=""
cleanup() {
  if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
  if [ "${BENCH_KEEP:-0}" != 1 ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT INT TERM

# An X server for the windowed benchmarks: the caller's, or a private Xvfb.
if [ -z "${DISPLAY:-}" ] && command -v Xvfb >/dev/null 2>&1; then
  rm -f "$WORK/display"
  Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3>"$WORK/display" 2>"$WORK/xvfb.log" &
  XVFB_PID=$!
  i=0
  while [ ! -s "$WORK/display" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  if [ -s "$WORK/display" ]; then
    DISPLAY=":$(cat "$WORK/display")"
    export DISPLAY
  else
    echo "run.sh: Xvfb did not start (see $WORK/xvfb.log); skipping the X rows" >&2
  fi
fi

want() { case " $ONLY " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

echo "cloudprep benchmarks: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "build: $BUILD ($(grep -m1 CMAKE_BUILD_TYPE: "$BUILD/CMakeCache.txt" 2>/dev/null | cut -d= -f2)); X: ${DISPLAY:-none}"
echo

if want start; then "$BENCH/bench_start" "$BUILD" "$WORK" "$RUNS"; fi
if want memory; then "$BENCH/bench_memory" "$BUILD" "$SRC" "$WORK"; fi
if want idle; then "$BENCH/bench_idle" "$BUILD" "$WORK" 10; fi
if want frames; then
  "$BENCH/gen_bank" "$WORK/bank-long" 60 20 --long
  "$BENCH/bench_frames" "$BUILD" "$SRC" "$WORK" "$WORK/bank-long" 3
fi
if want bank; then
  "$BENCH/gen_bank" "$WORK/bank-5000" 5000
  "$BENCH/bench_bank" "$BUILD/banks/clf-c02" "$WORK/bank-5000"
fi
if want store; then
  "$BENCH/gen_bank" "$WORK/bank-100k" 70000 30000
  "$BENCH/bench_store" "$WORK/bank-100k" "$WORK" 1000000
fi
