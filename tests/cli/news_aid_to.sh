# News mode across sentences (docs/CODING.md §16.2, branch recall6): aid
# given or pledged that names no recipient goes to the country the story
# is about, the one the sentences before named most, when it is not the
# giver's.  Invented stories, one per line; each event printed as
# "story source target code".
# - rescue teams sent by three countries after a flood: each to Bolivia;
# - a pledge of relief supplies, no recipient named: to Haiti;
# - the recipient named ("to Peru") stays the one named;
# - the giver is the story's own country: no guess;
# - nothing named before: no guess.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cat >"$d/s.jsonl" <<'STORIES'
{"id":"flood","date":"2025-05-06","text":"Floods hit Bolivia on Monday, killing 40 people. Bolivia's president declared an emergency in three provinces. Chile, Peru and Brazil sent rescue teams on Tuesday."}
{"id":"pledge","date":"2025-05-06","text":"A strong earthquake struck Haiti on Sunday. Haiti's government asked for help. Norway said it would send relief supplies."}
{"id":"named","date":"2025-05-06","text":"A strong earthquake struck Haiti on Sunday. Norway sent relief supplies to Peru."}
{"id":"own","date":"2025-05-06","text":"Fires burned across Chile on Monday. Chile sent rescue teams to the south."}
{"id":"none","date":"2025-05-06","text":"Norway sent relief supplies on Monday."}
STORIES
"$DYAD" code "$d/s.jsonl" >"$d/e.jsonl"
echo "code rc=$?"
sed -e 's/^{"doc_id":"\([^"]*\)".*"source":"\([^"]*\)","target":"\([^"]*\)","code":"\([^"]*\)".*/\1 \2 \3 \4/' "$d/e.jsonl"
