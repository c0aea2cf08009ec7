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
# - also when the act was within one country ("the arrests" of
#   protesters by the police) or by unidentified attackers;
# - the opposition is no side of its own government: it judges the
#   government's deployment abroad, not the country it went to;
# - a party judging an act of both sides that it took part in ("praised
#   the agreement") judges the other side;
# - destroying property is no judgement: "destroyed drug labs" names no
#   party to guess;
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
{"id":"within","date":"2025-05-06","text":"Peruvian police arrested 12 protesters outside the Congress on Sunday. Rights groups condemned the arrests."}
{"id":"unknown","date":"2025-05-06","text":"Gunmen attacked a bus in northern Nigeria on Friday, killing nine passengers. Nigeria's president ordered troops to the area. The United Nations condemned the violence."}
{"id":"side","date":"2025-05-06","text":"Argentina and Chile signed a deal on Tuesday to build a gas pipeline. Critics in Chile said the deal favored Argentina. Argentina's economy minister praised the agreement."}
{"id":"property","date":"2025-05-06","text":"Ecuador accused Colombia of sheltering drug traffickers near the border. Colombia denied the accusation. It said its army had destroyed 40 drug labs this year."}
{"id":"opposition","date":"2025-05-06","text":"Chile's government sent 200 police officers to Haiti on Monday. Opposition lawmakers criticized the deployment."}
{"id":"clause","date":"2025-05-06","text":"Morocco closed its border with Algeria on Monday. Tunisia warned that the closure could hurt trade in the region."}
STORIES
"$DYAD" code "$d/s.jsonl" >"$d/e.jsonl"
echo "code rc=$?"
sed -e 's/^{"doc_id":"\([^"]*\)".*"source":"\([^"]*\)","target":"\([^"]*\)","code":"\([^"]*\)".*/\1 \2 \3 \4/' "$d/e.jsonl"
