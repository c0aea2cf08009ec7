#!/bin/sh
# Throughput of `dyad ingest` against `dyad code` on the same input, the
# built-in dictionaries, -j N (default 2).  `dyad code --modality all`
# writes what ingest stores; ingest also writes the store (a fresh one
# each run), consolidates and finds the stories.  Median of RUNS
# interleaved runs of each (default 5), wall and CPU (user+sys) seconds;
# the ratio is code's time over ingest's (ingest's throughput as a share
# of code's).  Each CORPUS is measured in turn:
#   COPIES  the VOA and seed stories COPIES times over, each copy with ids
#           of its own (every document is new to the store, and each event
#           is one of COPIES reports: 20 copies are 5.9 MB, 1,300 documents)
#   sN      the benchmark corpus of issue 18 (bench/corpus.sh: N real
#           sentences recombined into documents of 5-40): distinct
#           documents, as real input is (docs/PERFORMANCE.md, "the corpus
#           decides")
# usage: bench/ingest.sh [BUILD_DIR] [JOBS] [RUNS] [CORPUS...]
#   (default: build 2 5 20 s100000)
set -eu
cd "$(dirname "$0")/.."
b=${1:-build}
j=${2:-2}
runs=${3:-5}
shift $(( $# < 3 ? $# : 3 ))
corpora=${*:-20 s100000}
shared=../shared
[ -d "$shared/corpus" ] || { echo "bench/ingest.sh: $shared/corpus is absent" >&2; exit 77; }
d=$(mktemp -d /tmp/dyad-ingest-XXXXXX)
trap 'rm -rf "$d"' EXIT
# measure CORPUS: one corpus's rows
measure() {
copies=$1
case $copies in
s*) sh bench/corpus.sh "$b/dyad" "${copies#s}" >"$d/corpus.jsonl" ;;
*)
    for i in $(seq -w "$copies"); do
        cat "$shared"/corpus/voa/voa_stories.jsonl "$shared"/corpus/seeds/seeds.jsonl |
            sed "s/^{\"id\": \"\([^\"]*\)\"/{\"id\": \"\1-copy$i\"/"
    done >"$d/corpus.jsonl" ;;
esac
echo "corpus: $(wc -c <"$d/corpus.jsonl") bytes, $(wc -l <"$d/corpus.jsonl") documents, -j $j"
med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# wall and CPU seconds of one run, "WALL CPU"
t() { /usr/bin/time -f "%e %U %S" -o "$d/time" "$@" >/dev/null 2>&1; awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$d/time"; }
: >"$d/code"; : >"$d/ingest"
for i in $(seq "$runs"); do
    t "$b"/dyad code --modality all -j "$j" "$d/corpus.jsonl" >>"$d/code"
    rm -f "$d"/s.db*
    t "$b"/dyad ingest --quiet -j "$j" --db "$d/s.db" "$d/corpus.jsonl" >>"$d/ingest"
done
cw=$(cut -d' ' -f1 "$d/code" | med); cc=$(cut -d' ' -f2 "$d/code" | med)
iw=$(cut -d' ' -f1 "$d/ingest" | med); ic=$(cut -d' ' -f2 "$d/ingest" | med)
m=$("$b"/dyad code --modality all "$d/corpus.jsonl" | wc -l)
echo "dyad code --modality all: ${cw} s wall, ${cc} s CPU ($m mentions)"
echo "dyad ingest:              ${iw} s wall, ${ic} s CPU ($(sqlite3 "$d/s.db" 'SELECT count(*) FROM events') events)"
awk -v a="$cw" -v b="$iw" -v c="$cc" -v e="$ic" 'BEGIN { printf "ingest throughput: %.0f%% of code by wall time, %.0f%% by CPU time\n", 100 * a / b, 100 * c / e }'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
for c in $corpora; do
    echo
    echo "corpus $c"
    measure "$c"
done
