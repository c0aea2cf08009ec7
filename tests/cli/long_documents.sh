# Documents past the limits, as issue 18 has them handled:
#  - one sentence of about 25,000 words of clauses joined by commas, over
#    the parser's 10,000: coded in parts cut at commas, with one note
#    naming the sentence (exit 0: nothing is lost);
#  - a sentence of 12,000 words without a comma cannot be cut into
#    clauses: refused by the parser, named, exit 1;
#  - a document over --max-doc-bytes: refused with a message naming the
#    option, exit 1; under a larger limit the same document is coded.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
awk 'BEGIN {
  n = split("Chile accused Peru|Norway will not meet Bolivia|the ministers talked", c, "|")
  printf "{\"id\":\"clauses\",\"date\":\"2021-03-04\",\"text\":\"Peru said that "
  for (i = 0; i < 5000; i++) printf "%s, ", c[i % n + 1]
  printf "and Chile agreed.\"}\n"
}' >"$d/clauses.jsonl"
"$DYAD" code -j1 "$d/clauses.jsonl" >"$d/out" 2>"$d/err"
echo "clauses: rc=$?"
sed "s|$d/||" "$d/err"
sed 's/.*"sentence_id":\([0-9]*\),.*"code":"\([0-9]*\)".*/sentence \1 code \2/' "$d/out" | sort | uniq -c
awk 'BEGIN {
  printf "{\"id\":\"nocomma\",\"text\":\"Chile accused Peru."
  for (i = 0; i < 12000; i++) printf " word"
  printf ". Peru accused Chile.\"}\n"
}' >"$d/nocomma.jsonl"
"$DYAD" code -j1 "$d/nocomma.jsonl" >"$d/out" 2>"$d/err"
echo "nocomma: rc=$?"
sed "s|$d/||" "$d/err"
sed 's/.*"sentence_id":\([0-9]*\),.*"code":"\([0-9]*\)".*/sentence \1 code \2/' "$d/out"
"$DYAD" code --max-doc-bytes 16K "$d/clauses.jsonl" >"$d/out" 2>"$d/err"
echo "16K: rc=$? records=$(wc -l <"$d/out")"
sed "s|$d/||" "$d/err"
"$DYAD" code --max-doc-bytes 1M "$d/clauses.jsonl" >"$d/out" 2>/dev/null
echo "1M: rc=$? records=$(wc -l <"$d/out")"
