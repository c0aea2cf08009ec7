# The two splits of the VOA gold set (tests/gold/README.md): the
# development split voa.jsonl and the test split voa_test.jsonl.
# 1. Both read back against themselves in one run: every line parses, no
#    story is in both splits, every span lies inside its story, each
#    split matches itself fully and the gap is zero.
# 2. `dyad code` output on the corpus scored against both splits: the
#    run is clean (no message on stderr, exit 0) and reports each split,
#    all splits and the gap.  Only the layout is compared here, never the
#    figures: they are measured and written down in docs/ACCURACY.md.
corpus=../shared/corpus/voa/voa_stories.jsonl
[ -f "$corpus" ] || { echo "SKIP: $corpus is absent"; exit 77; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cat tests/gold/voa.jsonl tests/gold/voa_test.jsonl | grep '"code"' >"$d/gold-events.jsonl"
"$DYAD" eval tests/gold/voa.jsonl tests/gold/voa_test.jsonl "$d/gold-events.jsonl" \
    --corpus "$corpus" >"$d/out" 2>&1
echo "rc=$?"
sed -e "s|$d/||" "$d/out"
"$DYAD" code --modality all "$corpus" >"$d/events.jsonl"
echo "code rc=$?"
"$DYAD" eval tests/gold/voa.jsonl tests/gold/voa_test.jsonl "$d/events.jsonl" \
    --corpus "$corpus" >"$d/out" 2>"$d/err"
echo "eval rc=$?"
cat "$d/err"
grep -E '^(gold |split |all splits|gap|level|category|full codes|dates|not done)' "$d/out" |
    sed -e 's/[0-9][0-9.]*%/P/g' -e 's/[-+][0-9][0-9.]*/D/g' \
        -e 's/, [0-9]* system events/, N system events/' \
        -e 's/ [0-9][0-9]* of [0-9][0-9]* / N of N /' -e 's/[0-9]* gold, [0-9]* found/N gold, N found/' \
        -e 's/; [0-9]* system$/; N system/' -e 's/  *[0-9][0-9 ]*$//' | tr -s ' '
