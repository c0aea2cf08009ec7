#!/bin/sh
# Benchmarks the dictionary stage on the Phoenix production set
# (../shared/petrarch2/dictionaries: CAMEO verbs, three actor files,
# agents, discards, issues; about 80,000 lines):
#  1. bench_dict in 5 fresh processes: load + compile time and the
#     process's peak RSS (getrusage), median of 5;
#  2. `dyad dict stats` end to end under /usr/bin/time (process start,
#     load, compile, print), wall time and maximum RSS, median of 5.
# usage: bench/dict_load.sh [BUILD_DIR] [DICT_DIR]
#        (defaults: build, ../shared/petrarch2/dictionaries)
set -eu
cd "$(dirname "$0")/.."
b=${1:-build}
dir=${2:-../shared/petrarch2/dictionaries}
[ -d "$dir" ] || { echo "bench/dict_load.sh: $dir is absent" >&2; exit 77; }
med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "dictionaries: $dir ($(cat "$dir"/*.txt | wc -l) lines, $(cat "$dir"/*.txt | wc -c) bytes)"
out=$(mktemp /tmp/dyad-bench-dict-XXXXXX)
trap 'rm -f "$out"' EXIT
for i in 1 2 3 4 5; do "$b"/bench/bench_dict --runs 1 "$dir" | tail -1; done > "$out"
"$b"/bench/bench_dict --runs 1 "$dir" | sed -n 2p
load=$(sed 's/.*median_s=\([0-9.]*\).*/\1/' "$out" | med)
rss=$(sed 's/.*peak_rss_kib=\([0-9]*\).*/\1/' "$out" | med)
echo "load + compile (bench_dict, 5 processes): median ${load} s, peak RSS median ${rss} KiB"
for i in 1 2 3 4 5; do
    /usr/bin/time -f '%e %M' "$b"/dyad dict stats --dict-dir "$dir" 2>&1 >/dev/null | tail -1
done > "$out"
wall=$(cut -d' ' -f1 "$out" | med)
mrss=$(cut -d' ' -f2 "$out" | med)
echo "dyad dict stats end to end (5 runs): median ${wall} s wall, max RSS median ${mrss} KiB"
