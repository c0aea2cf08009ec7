# A dictionary line left out is input skipped: `dyad code` names each one
# with its FILE:LINE (the first ten, then a count), codes the documents
# with the rest of the dictionaries, and exits 1.  The faulty synsets sit
# in a verb file of their own beside the built-in dictionaries.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cp data/dict/*.txt "$d"/
{
  printf '# synsets that hold themselves\n&LOOP\n+&LOOP\n+PARLEY\n'
  i=0
  while [ $i -lt 11 ]; do printf '&SELF%d\n+&SELF%d\n' $i $i; i=$((i + 1)); done
} > "$d/loops.verbs.txt"
printf '{"id":"a","text":"Chile accused Peru of violating the border agreement."}\n' > "$d/in.jsonl"
"$DYAD" code --dict-dir "$d" "$d/in.jsonl" > "$d/out" 2> "$d/err"
rc=$?
sed "s|$d/||g; s|$d|DIR|g" "$d/err"
echo "events: $(wc -l < "$d/out")"
exit $rc
