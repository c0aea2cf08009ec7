# dyad code -j N: the same bytes, in the same order, for any number of
# jobs, also with messages about bad input between good documents.
set -e
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cp examples/stories.jsonl "$d/in.jsonl"
printf '{"id": "bad", "text": 5}\n' >>"$d/in.jsonl"
cat examples/stories.jsonl | sed 's/"id": *"/"id": "again-/' >>"$d/in.jsonl"
"$DYAD" code -j1 "$d/in.jsonl" >"$d/1.out" 2>"$d/1.err" || echo "-j1: exit $?"
for j in "-j2" "-j 3" "--jobs=8" "-j0"; do
    "$DYAD" code $j "$d/in.jsonl" >"$d/n.out" 2>"$d/n.err" || echo "$j: exit $?"
    cmp -s "$d/1.out" "$d/n.out" && cmp -s "$d/1.err" "$d/n.err" && echo "$j: same output"
done
"$DYAD" code --explain -j3 examples/stories.jsonl >"$d/e3"
"$DYAD" code --explain -j1 examples/stories.jsonl >"$d/e1"
cmp -s "$d/e1" "$d/e3" && echo "--explain: same"
wc -l <"$d/1.out" | tr -d ' '
"$DYAD" code -j x examples/stories.jsonl 2>&1 >/dev/null | head -n 1 || true
