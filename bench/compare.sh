#!/bin/sh
# bench/compare.sh -- two dyad binaries against each other and `wc -w`, in
# one run, interleaved, on the same benchmark corpus: the before/after
# figures of a speed change.  Never part of the test suite.
#
# usage: bench/compare.sh OLD_DYAD NEW_DYAD [SENTENCES] [RUNS]
#   SENTENCES  size of the corpus (bench/corpus.sh; default 100000)
#   RUNS       interleaved runs, medians reported (default 5)
# Both binaries code the corpus with one thread (-j1), with the built-in
# dictionaries and with Phoenix (../shared/petrarch2/dictionaries); their
# outputs are compared with cmp.  Prints markdown.
set -eu
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: bench/compare.sh OLD_DYAD NEW_DYAD [SENTENCES] [RUNS]" >&2; exit 2; }
old=$1 new=$2 n=${3:-100000} runs=${4:-5}
shared=../shared
[ -d "$shared/corpus" ] || { echo "bench/compare.sh: $shared/corpus is absent" >&2; exit 77; }
tmp=$(mktemp -d /tmp/dyad-compare-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
phoenix=$shared/petrarch2/dictionaries

med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
t() { s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); awk -v a="$s" -v b="$e" 'BEGIN { printf "%.4f\n", b - a }'; }
# CPU seconds (user + system) of a command: on a loaded machine the wall
# clock of each run moves with the load, its CPU time much less
cpu() { /usr/bin/time -f '%U %S' -o "$tmp/time" "$@" >/dev/null 2>&1 || true; awk '{ printf "%.2f\n", $1 + $2 }' "$tmp/time"; }
div() { awk -v a="$1" -v b="$2" -v f="${3:-%.1f}" 'BEGIN { printf f, a / b }'; }

bench/corpus.sh "$new" "$n" > "$tmp/c.jsonl"
echo "Corpus: bench/corpus.sh $n, $(wc -w < "$tmp/c.jsonl") words, $(div "$(wc -c < "$tmp/c.jsonl")" 1048576 %.2f) MiB;"
echo "medians of $runs interleaved runs; load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Command: \`bench/compare.sh $old $new $n $runs\`"
echo
echo "| dictionaries | \`wc -w\` s | before s | after s | before / \`wc -w\` | after / \`wc -w\` | after / before | CPU s before / after | CPU after / before | output |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
for set in builtin phoenix; do
    if [ $set = builtin ]; then da=""; else da="--dict-dir $phoenix"; fi
    : > "$tmp/wc"; : > "$tmp/old"; : > "$tmp/new"; : > "$tmp/cold"; : > "$tmp/cnew"
    for i in $(seq "$runs"); do
        t wc -w "$tmp/c.jsonl" >> "$tmp/wc"
        t "$old" code -j1 $da "$tmp/c.jsonl" >> "$tmp/old"
        t "$new" code -j1 $da "$tmp/c.jsonl" >> "$tmp/new"
        cpu "$old" code -j1 $da "$tmp/c.jsonl" >> "$tmp/cold"
        cpu "$new" code -j1 $da "$tmp/c.jsonl" >> "$tmp/cnew"
    done
    w=$(med < "$tmp/wc"); o=$(med < "$tmp/old"); a=$(med < "$tmp/new")
    co=$(med < "$tmp/cold"); cn=$(med < "$tmp/cnew")
    "$old" code -j1 $da "$tmp/c.jsonl" > "$tmp/o.out" 2>&1 || true
    "$new" code -j1 $da "$tmp/c.jsonl" > "$tmp/n.out" 2>&1 || true
    if cmp -s "$tmp/o.out" "$tmp/n.out"; then same=identical; else same="**DIFFERENT**"; fi
    echo "| $set | $w | $o | $a | $(div "$o" "$w")x | $(div "$a" "$w")x | $(div "$a" "$o" %.3f) | $co / $cn | $(div "$cn" "$co" %.3f) | $same |"
done
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
