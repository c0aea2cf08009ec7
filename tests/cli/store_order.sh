# Events depend on the set of documents only: the seed stories and the
# VOA corpus ingested in file order with one thread, in reverse document
# order with two threads, and in two runs (VOA first) give the same
# `dyad events` output; so do the stories.  And those events are the
# ones `dyad consolidate` makes of `dyad code --modality all` output.
seeds=../shared/corpus/seeds/seeds.jsonl
voa=../shared/corpus/voa/voa_stories.jsonl
[ -f "$seeds" ] && [ -f "$voa" ] || { echo "SKIP: ../shared corpora are absent"; exit 77; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cat "$seeds" "$voa" >"$d/all.jsonl"
tac "$d/all.jsonl" >"$d/reversed.jsonl"
"$DYAD" ingest --quiet -j1 --db "$d/a.db" "$d/all.jsonl" || echo "forward: exit $?"
"$DYAD" ingest --quiet -j2 --db "$d/b.db" "$d/reversed.jsonl" || echo "reversed: exit $?"
"$DYAD" ingest --quiet -j2 --db "$d/c.db" "$voa" || echo "voa: exit $?"
"$DYAD" ingest --quiet -j2 --db "$d/c.db" "$seeds" || echo "seeds: exit $?"
for x in a b c; do
    "$DYAD" events --db "$d/$x.db" >"$d/$x.events"
    "$DYAD" stories --db "$d/$x.db" --all >"$d/$x.stories"
done
n=$(wc -l <"$d/a.events")
[ "$n" -gt 100 ] && echo "forward, -j1: over 100 events"
for x in b c; do
    cmp -s "$d/a.events" "$d/$x.events" && echo "$x: the same events" || echo "$x: events differ"
    cmp -s "$d/a.stories" "$d/$x.stories" && echo "$x: the same stories" || echo "$x: stories differ"
done
"$DYAD" code --modality all "$d/all.jsonl" | "$DYAD" consolidate >"$d/consolidated"
cmp -s "$d/a.events" "$d/consolidated" && echo "the same as dyad code --modality all | dyad consolidate" || echo "differs from dyad consolidate"
