# News mode across sentences (docs/CODING.md §16.2): a judgement whose
# object names no party takes its target from the story.  Invented
# two-sentence stories, one per line; each event printed as
# "story source target code".
# - a third party judging the story's last act (a noun: "the seizure")
#   judges the one who did it, not the one it was done to;
# - a warning "that" a clause tells names no party behind what it judges;
# - the judged party's own reaction still aims at the doer;
# - an act of both sides ("the meeting") has no one doer: the story's
#   newest other party, as before;
# - a name no dictionary knows ("the Andean Solidarity Front") is a
#   party the coder cannot code: no guess;
# - an organisation is its organs' own side: the Council's president
#   criticizing a veto does not criticize the Council.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cat >"$d/s.jsonl" <<'STORIES'
{"id":"doer1","date":"2025-05-06","text":"Chile seized two Peruvian fishing boats on Monday. Bolivia condemned the seizure."}
{"id":"doer2","date":"2025-05-06","text":"Peru arrested three Chilean journalists on Friday. The European Union criticized the arrests."}
{"id":"doer3","date":"2025-05-06","text":"Russia released two Norwegian fishermen on Sunday. Finland welcomed the release."}
{"id":"doer4","date":"2025-05-06","text":"Ecuador expelled Colombia's ambassador on Tuesday. Brazil criticized the expulsion."}
{"id":"victim","date":"2025-05-06","text":"Chile seized two Peruvian fishing boats on Monday. Peru condemned the seizure."}
{"id":"mutual","date":"2025-05-06","text":"Chile shelled a Peruvian border post on Sunday. Chile and Bolivia held talks in Lima on Monday. Ecuador welcomed the meeting."}
{"id":"name","date":"2025-05-06","text":"Peru expelled two Chilean diplomats on Monday. Bolivia praised the Andean Solidarity Front."}
{"id":"organ","date":"2025-05-06","text":"Hungary blocked the aid package on Monday. European Council President Elena Vidal criticized the veto."}
{"id":"clause","date":"2025-05-06","text":"Morocco closed its border with Algeria on Monday. Tunisia warned that the closure could hurt trade in the region."}
STORIES
"$DYAD" code "$d/s.jsonl" >"$d/e.jsonl"
echo "code rc=$?"
sed -e 's/^{"doc_id":"\([^"]*\)".*"source":"\([^"]*\)","target":"\([^"]*\)","code":"\([^"]*\)".*/\1 \2 \3 \4/' "$d/e.jsonl"
