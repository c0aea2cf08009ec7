#!/bin/sh
# Benchmarks the foundation on real news text from ../shared/corpus:
#  1. bench_text: reading (JSON Lines) and the text layer, MB/s, median
#     of 5 runs;
#  2. `dyad sentences` end to end against `wc -w` on the same file, as a
#     ratio measured in one run (median of 5 each).
# usage: bench/text.sh [BUILD_DIR]   (default: build)
set -eu
cd "$(dirname "$0")/.."
b=${1:-build}
shared=../shared/corpus
[ -d "$shared" ] || { echo "bench/text.sh: $shared is absent" >&2; exit 77; }
corpus=$(mktemp /tmp/dyad-bench-XXXXXX.jsonl)
trap 'rm -f "$corpus"' EXIT
# 20 copies of every story we have (VOA 2019-2025 and the seed stories)
for i in $(seq 20); do cat "$shared"/voa/voa_stories.jsonl "$shared"/seeds/seeds.jsonl; done > "$corpus"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "corpus: $(wc -c < "$corpus") bytes, $(wc -l < "$corpus") documents"
"$b"/bench/bench_text --runs 5 --repeat 20 "$shared"/voa/voa_stories.jsonl "$shared"/seeds/seeds.jsonl

med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
t() { s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); awk -v a="$s" -v b="$e" 'BEGIN { printf "%.4f\n", b - a }'; }
wc_t=$(for i in 1 2 3 4 5; do t wc -w "$corpus"; done | med)
dy_t=$(for i in 1 2 3 4 5; do t "$b"/dyad sentences "$corpus"; done | med)
echo "wc -w:           ${wc_t} s"
echo "dyad sentences:  ${dy_t} s"
awk -v a="$dy_t" -v b="$wc_t" 'BEGIN { printf "ratio:           %.1fx wc -w\n", a / b }'
