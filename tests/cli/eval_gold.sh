# The VOA gold set read back against itself: every line parses, every span
# lies inside its story, and each event matches itself at every level.
corpus=../shared/corpus/voa/voa_stories.jsonl
[ -f "$corpus" ] || { echo "SKIP: $corpus is absent"; exit 77; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
grep '"code"' tests/gold/voa.jsonl >"$d/events.jsonl"
"$DYAD" eval --json tests/gold/voa.jsonl "$d/events.jsonl" --corpus "$corpus" >"$d/out"
echo "rc=$?"
sed -e 's/"events_file":"[^"]*"/"events_file":"EVENTS"/' "$d/out"
# the seed stories' gold set, the same way
seeds=../shared/corpus/seeds/seeds.jsonl
[ -f "$seeds" ] || { echo "SKIP: $seeds is absent"; exit 77; }
grep '"code"' tests/gold/seeds.jsonl >"$d/seed-events.jsonl"
"$DYAD" eval --json tests/gold/seeds.jsonl "$d/seed-events.jsonl" --corpus "$seeds" >"$d/out"
echo "rc=$?"
sed -e 's/"events_file":"[^"]*"/"events_file":"EVENTS"/' "$d/out"
