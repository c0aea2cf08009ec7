# Order independence on the VOA sample: the mentions of the documents
# coded in reverse order, and the mention lines shuffled, consolidate to
# the same bytes in every format; every gdelt line has 61 fields.
voa=../shared/corpus/voa/voa_stories.jsonl
[ -f "$voa" ] || { echo "SKIP: $voa is absent"; exit 77; }
command -v shuf >/dev/null || { echo "SKIP: shuf is absent"; exit 77; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$DYAD" code "$voa" > "$d/m" || exit 1
tac "$voa" > "$d/rev.jsonl"
"$DYAD" code "$d/rev.jsonl" > "$d/m.rev" || exit 1
shuf --random-source="$voa" "$d/m" > "$d/m.shuf"
for f in jsonl csv tsv gdelt; do
    "$DYAD" consolidate --format $f "$d/m" > "$d/a.$f" || exit 1
    "$DYAD" consolidate --format $f < "$d/m.rev" > "$d/b.$f" || exit 1
    "$DYAD" consolidate --format $f "$d/m.shuf" > "$d/c.$f" || exit 1
    if cmp -s "$d/a.$f" "$d/b.$f" && cmp -s "$d/a.$f" "$d/c.$f"; then
        echo "$f: reverse and shuffled order identical"
    else
        echo "$f: DIFFERENT"
    fi
done
[ "$(wc -l < "$d/a.jsonl")" -gt 0 ] && echo "events: some"
awk -F'\t' 'NF != 61 { bad++ } END { print "gdelt lines without 61 fields: " bad + 0 }' "$d/a.gdelt"
