# A FIFO named where a command expects a file (an input, a dictionary, a
# validation file, tagger data, a gold or events file) is refused at once
# with a message; nothing waits for a writer.  Each command runs under a
# timeout so a regression fails instead of hanging the suite.
command -v timeout >/dev/null || { echo "SKIP: timeout(1) is absent"; exit 77; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cd "$d" || exit 1
mkfifo fifo.txt fifo.jsonl
mkdir tagger
for f in pos_tags.hash pos_words.hash tags.yml unknown.yml words.yml; do mkfifo "tagger/$f"; done
printf '{"story": "s1"}\n' > gold.jsonl
run() { timeout 5 "$DYAD" "$@" >/dev/null 2>err; rc=$?; sed "s|$d/||g" err; echo "rc=$rc"; }
run sentences fifo.txt
run dict check fifo.txt
run validate fifo.txt
run eval gold.jsonl fifo.jsonl
run eval fifo.jsonl gold.jsonl
printf 'Russia met Turkey.' > story.txt
run tag --tagger-dir tagger story.txt
