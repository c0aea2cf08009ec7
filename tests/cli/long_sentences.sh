# dyad code on 40 sentences of about 9,900 words each (just under the
# chunker's limit of 10,000 words), two clause shapes twenty times, each
# sentence one clause repeated: the coder's passes over verb groups must
# not ask every group about every other (1,400 to 2,500 groups in a
# sentence).  Run under the TIMEOUT in long_sentences.timeout (18 s),
# which the quadratic passes broke under the sanitizer build (26 s of
# CPU; now under 5 s, 0.9 s in the normal build); prints the events per
# sentence.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
awk 'BEGIN {
  n = split("Peru met Chile|Chile said it would attack Peru", shape, "|")
  for (s = 1; s <= 20 * n; s++) {
    t = shape[(s - 1) % n + 1]
    words = split(t, w, " ") + gsub(/,/, ",", t) + 1   # commas are words too
    reps = int(9900 / words)
    for (i = 1; i <= reps; i++) printf "%s%s", t, i < reps ? ", " : ".\n\n"
  }
}' >"$d/long.txt"
"$DYAD" code "$d/long.txt" >"$d/out" 2>"$d/err"
echo "rc=$?"
cat "$d/err"
sed 's/.*"sentence_id":\([0-9]*\),.*/\1/' "$d/out" | uniq -c | awk '{print "sentence " $2 ": " $1 " events"}'
