#!/bin/sh
# End-to-end speed of `dyad code` on raw news text (JSON Lines, one
# thread, the Phoenix dictionaries), as a ratio to `wc -w` on the same
# file, measured in one run: the corpus is 20 copies of every real story
# in ../shared/corpus (the VOA stories and the seed stories).
# usage: bench/code_e2e.sh [BUILD_DIR]   (default: build)
set -eu
cd "$(dirname "$0")/.."
b=${1:-build}
shared=../shared
[ -d "$shared/corpus" ] || { echo "bench/code_e2e.sh: $shared/corpus is absent" >&2; exit 77; }
corpus=$(mktemp /tmp/dyad-e2e-XXXXXX.jsonl)
trap 'rm -f "$corpus"' EXIT
for i in $(seq 20); do cat "$shared"/corpus/voa/voa_stories.jsonl "$shared"/corpus/seeds/seeds.jsonl; done > "$corpus"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "corpus: $(wc -c < "$corpus") bytes, $(wc -l < "$corpus") documents, $(wc -w < "$corpus") words"
med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
t() { s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); awk -v a="$s" -v b="$e" 'BEGIN { printf "%.4f\n", b - a }'; }
wc_t=$(for i in 1 2 3 4 5; do t wc -w "$corpus"; done | med)
dy_t=$(for i in 1 2 3 4 5; do t "$b"/dyad code --dict-dir "$shared"/petrarch2/dictionaries "$corpus"; done | med)
ev=$("$b"/dyad code --dict-dir "$shared"/petrarch2/dictionaries "$corpus" 2>/dev/null | wc -l)
echo "wc -w:        ${wc_t} s"
echo "dyad code:    ${dy_t} s  ($ev events)"
awk -v a="$dy_t" -v b="$wc_t" 'BEGIN { printf "ratio:        %.1fx wc -w\n", a / b }'
