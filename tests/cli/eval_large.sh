# dyad eval on one story of 20,000 sentences with a gold and a system
# event in each: the matching must not try every pair of events of a
# story (20,000 x 20,000).  Run under the TIMEOUT in eval_large.timeout,
# which the old all-pairs matching broke under the sanitizer build (38 s;
# now under 2 s there, 0.2 s in the normal build).  Gold codes 042 in
# every third sentence, the system says 040: the category agrees, the
# full code does not.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
awk -v n=20000 -v d="$d" 'BEGIN {
  split("Chile Peru Bolivia Ecuador", land, " ")
  pos = 0
  printf "{\"story\": \"big\"}\n" > (d "/gold.jsonl")
  printf "{\"id\": \"big\", \"text\": \"" > (d "/corpus.jsonl")
  for (i = 0; i < n; i++) {
    a = land[i % 4 + 1]; b = land[(i + 1) % 4 + 1]
    s = a " met " b " in round " i "."
    if (i) { printf " " > (d "/corpus.jsonl"); pos++ }
    printf "%s", s > (d "/corpus.jsonl")
    sa = toupper(substr(a, 1, 3)); sb = toupper(substr(b, 1, 3))
    printf "{\"story\": \"big\", \"start\": %d, \"end\": %d, \"source\": \"%s\", \"target\": \"%s\", \"code\": \"%s\"}\n", pos, pos + length(s), sa, sb, (i % 3 ? "040" : "042") > (d "/gold.jsonl")
    printf "{\"doc_id\": \"big\", \"source\": \"%s\", \"target\": \"%s\", \"code\": \"040\", \"sentence\": \"%s\"}\n", sa, sb, s > (d "/events.jsonl")
    pos += length(s)
  }
  printf "\"}\n" > (d "/corpus.jsonl")
}'
cd "$d"
"$DYAD" eval gold.jsonl events.jsonl --corpus corpus.jsonl >out 2>&1; echo "rc=$?"
sed -n '1,7p' out
