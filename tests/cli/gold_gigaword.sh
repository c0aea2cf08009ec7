# The blind gold set of the PETRARCH GigaWord sample (tests/gold/README.md,
# "The GigaWord sample"), checked as tests/cli/news_fresh.sh checks the
# invented blind batch:
# 1. The gold read back against itself: every line parses, every span lies
#    inside its record's text, each event matches itself.
# 2. dyad's precision and recall at the category + countries level not below
#    the floors of tests/gold/gigaword.baseline (tenths of a percent), on two
#    paths: the raw-text path (a copy of the file without its <Parse> trees,
#    so that dyad splits, tags and chunks the text itself, as it does for
#    news text) and the parse path (the file as shipped: dyad codes the
#    supplied trees).  Before the raw copy is coded, `dyad sentences` must
#    read it exactly as it reads the original, so that the gold spans hold.
# Only whether each floor holds is printed, so that running this test reads
# no error of the blind set; a miss prints the figures.
corpus=../shared/corpus/GigaWord.sample.PETR.xml
gold=tests/gold/gigaword.jsonl
base=tests/gold/gigaword.baseline
[ -f "$corpus" ] || { echo "SKIP: $corpus is absent"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: python3 is absent"; exit 77; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
# the overall category + countries counts: gold, system, gold_matched, system_matched
counts() {
    sed -e 's/.*"overall":{[^}]*},"countries":{"gold":\([0-9]*\),"system":\([0-9]*\),"gold_matched":\([0-9]*\),"system_matched":\([0-9]*\).*/\1 \2 \3 \4/' "$1"
}
grep '"code"' "$gold" >"$d/gold-events.jsonl"
"$DYAD" eval --json "$gold" "$d/gold-events.jsonl" --corpus "$corpus" >"$d/self"
echo "self rc=$?"
set -- $(counts "$d/self")
[ "$1" = "$3" ] && [ "$2" = "$4" ] && [ "$1" -gt 0 ] && echo "gold matches itself: yes" || echo "gold matches itself: no ($*)"

# The raw copy (tests/gold/gigaword_raw.py): every <Parse> element removed;
# a record whose <Text> is empty (dyad then takes its text from the parse)
# gets the text dyad read for it, from `dyad sentences` on the original.
"$DYAD" sentences "$corpus" >"$d/sentences"
echo "sentences rc=$?"
python3 tests/gold/gigaword_raw.py "$corpus" "$d/sentences" >"$d/raw.xml"
echo "raw copy rc=$?"
"$DYAD" sentences "$d/raw.xml" >"$d/raw-sentences"
cmp -s "$d/sentences" "$d/raw-sentences" && echo "raw copy reads as the original: yes" || echo "raw copy reads as the original: no"

rc=0
# check NAME EVENTS CORPUS: the floors NAME_precision and NAME_recall
check() {
    "$DYAD" eval --json "$gold" "$2" --corpus "$3" >"$d/out"
    echo "$1 eval rc=$?"
    set -- "$1" $(counts "$d/out")
    sys=$3 gm=$4 sm=$5 g=$2
    p=$((sys ? 1000 * sm / sys : 0))
    r=$((g ? 1000 * gm / g : 0))
    pf=$(awk -v k="$1_precision" '$1 == k { print $2 }' "$base")
    rf=$(awk -v k="$1_recall" '$1 == k { print $2 }' "$base")
    if [ "$p" -ge "$pf" ]; then echo "$1 precision: at or above the floor"; else
        echo "$1 precision: $p below the floor $pf (tenths of a percent; $sm of $sys system events)"; rc=1; fi
    if [ "$r" -ge "$rf" ]; then echo "$1 recall: at or above the floor"; else
        echo "$1 recall: $r below the floor $rf (tenths of a percent; $gm of $g gold events)"; rc=1; fi
}
"$DYAD" code --modality all "$d/raw.xml" >"$d/raw-events.jsonl"
echo "raw code rc=$?"
check raw "$d/raw-events.jsonl" "$d/raw.xml"
"$DYAD" code --modality all "$corpus" >"$d/parse-events.jsonl"
echo "parse code rc=$?"
check parse "$d/parse-events.jsonl" "$corpus"
exit $rc
