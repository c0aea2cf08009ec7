# The held-out test of our own (tests/news/README.md): invented wire
# stories coded and scored against their gold events.
# 1. The gold read back against itself: every line parses, every span lies
#    inside its story, each event matches itself.
# 2. `dyad code --modality all` on the stories, scored at the category +
#    countries level: precision and recall must not fall below the floors
#    in tests/news/baseline (tenths of a percent; raise them when they
#    rise).  Only whether each floor holds is printed, so that this golden
#    file does not change with every gain; a miss prints the figures.
# tests/cli/news_fresh.sh runs this script on the second batch
# (tests/news/fresh) by setting NEWS_DIR.
n=${NEWS_DIR:-tests/news}
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
grep '"code"' "$n/gold.jsonl" >"$d/gold-events.jsonl"
"$DYAD" eval --json "$n/gold.jsonl" "$d/gold-events.jsonl" --corpus "$n/stories.jsonl" >"$d/self"
echo "self rc=$?"
# the overall figures: the first "countries" object of the report
counts() {
    sed -e 's/.*"overall":{[^}]*},"countries":{"gold":\([0-9]*\),"system":\([0-9]*\),"gold_matched":\([0-9]*\),"system_matched":\([0-9]*\).*/\1 \2 \3 \4/' "$1"
}
set -- $(counts "$d/self")
[ "$1" = "$3" ] && [ "$2" = "$4" ] && [ "$1" -gt 0 ] && echo "gold matches itself: yes" || echo "gold matches itself: no ($*)"
"$DYAD" code --modality all "$n/stories.jsonl" >"$d/events.jsonl"
echo "code rc=$?"
"$DYAD" eval --json "$n/gold.jsonl" "$d/events.jsonl" --corpus "$n/stories.jsonl" >"$d/out"
echo "eval rc=$?"
set -- $(counts "$d/out")
gold=$1 sys=$2 gm=$3 sm=$4
p=$((sys ? 1000 * sm / sys : 0))
r=$((gold ? 1000 * gm / gold : 0))
pf=$(awk '$1 == "precision" { print $2 }' "$n/baseline")
rf=$(awk '$1 == "recall" { print $2 }' "$n/baseline")
rc=0
if [ "$p" -ge "$pf" ]; then echo "precision: at or above the floor"; else
    echo "precision: $p below the floor $pf (tenths of a percent; $sm of $sys system events)"; rc=1; fi
if [ "$r" -ge "$rf" ]; then echo "recall: at or above the floor"; else
    echo "recall: $r below the floor $rf (tenths of a percent; $gm of $gold gold events)"; rc=1; fi
exit $rc
