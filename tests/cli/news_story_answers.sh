# News mode across sentences (docs/CODING.md §16.4, branch docparty): the
# story memory answers for a party named only in an earlier sentence.
# Invented stories, one per line; each event printed as
# "story source target code".
# A denial with no target and no accusation before it answers the party
# that said something of the denier's country in the three sentences
# before:
# - a reported failure, then "rejected the accusation": PRY BOLGOV 016;
# - a reported suspicion, then "dismissed the suggestion": RUS NORGOV 016;
# - two claimants of different countries in that sentence: no answer;
# - the claim four sentences back: too far, no answer;
# - the claim by the denier's own country: no answer.
# A judgement in words of an act the story told, named by a description
# only ("called the seizure theft"), judges the party of the story's last
# act: its other side when the judge took part in it, else its doer:
# - the victim's side: PER CHL 111;
# - a third party: BOLGOV CHL 111;
# - the act four sentences back: too far, no judgement;
# - no act described ("the weather"): no judgement;
# - an act of another kind described ("the talks", 040, after a seizure,
#   1711): no judgement;
# - an act of force described ("the attack") after shelling (194): the
#   doer, PERGOV CHLMIL 111.
# (The seizure itself, CHL PER 1711, is the sentence's own event.)
# Aid with no recipient goes to the story's country (news_aid_to) also
# when what is sent is named as the giver's own people ("offered to send
# doctors": CHLHLH is no recipient): CHL BOL 0333.
# A consultation that names no other party and no one in its phrase goes
# on with the other side of the story's last consultation of the doer's
# side in the three sentences before:
# - "Lima is negotiating a two-year program" after talks with the IMF:
#   PER IGOBUSIMF 046 both ways (the talks, 040 both ways, are their
#   sentence's own);
# - two consultations within reach with different other sides: none;
# - someone named in the phrase ("met reporters"): none;
# - the talks four sentences back: none;
# - a discussion (040) two sentences after the talks ("the cabinet
#   discussed the budget"): none, a discussion reaches one sentence back;
# - a visit (042) after the talks ("visited the flooded region"): none.
# A description of an act that repeats the noun of a phrase that named
# its party ("a United Nations report ... the report") is that party's,
# within five sentences:
# - "Peru welcomed the report" after talks between Chile and Argentina:
#   PER IGOUNO 051 (before: PER CHL, the story's last act);
# - two parties' reports in one sentence: no owner, the older rule (the
#   story's last act: PER CHL 051).
# "The two countries" when the story has shown no pair of states acting on
# each other and the sentences within reach name fewer than two: the two
# countries the story named most, when they stand apart:
# - Ecuador and Peru named twice each, nothing else: ECU PER 036 both ways;
# - Ecuador, Peru and Colombia named twice each: no answer.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cat >"$d/s.jsonl" <<'STORIES'
{"id":"claim","date":"2025-05-06","text":"Bolivia's foreign minister said on Monday that Paraguay had failed to stop smugglers at the border. Trade across the border has doubled since 2020. Paraguay rejected the accusation on Tuesday."}
{"id":"suggestion","date":"2025-05-06","text":"Norway's prime minister said on Wednesday that Russia may have been behind the damage to a power line in the Arctic. Divers inspected the line on Thursday. Moscow dismissed the suggestion as nonsense."}
{"id":"two","date":"2025-05-06","text":"Chile said that Peru was behind the delay, and Ecuador said that Peru was behind the shortage. Peru rejected the accusations on Friday."}
{"id":"far","date":"2025-05-06","text":"Bolivia's foreign minister said on Monday that Paraguay had failed to stop smugglers at the border. Trade across the border has doubled since 2020. Soy prices rose on Tuesday. The rains came late this year. Farmers expect a poor harvest. Paraguay rejected the accusation on Friday."}
{"id":"own","date":"2025-05-06","text":"Paraguay's finance minister said on Monday that Paraguay had met its targets. Paraguay rejected the accusation on Tuesday."}
{"id":"seizure","date":"2025-05-06","text":"Chile seized two Peruvian fishing boats on Monday. The crews were taken to Arica. Peru called the seizure \"theft\" on Tuesday."}
{"id":"third","date":"2025-05-06","text":"Chile seized two Peruvian fishing boats on Monday. Bolivia's president said the seizure was illegal."}
{"id":"old","date":"2025-05-06","text":"Chile seized two Peruvian fishing boats on Monday. Soy prices rose on Tuesday. The rains came late this year. Farmers expect a poor harvest. Peru called the seizure \"theft\" on Friday."}
{"id":"kind","date":"2025-05-06","text":"Chile seized two Peruvian fishing boats on Monday. Peru's president called the talks barbaric."}
{"id":"kindok","date":"2025-05-06","text":"Chilean troops shelled a Peruvian border post on Monday. Peru's president called the attack barbaric."}
{"id":"doctors","date":"2025-05-06","text":"Floods hit Bolivia on Monday, killing 40 people. Bolivia's president declared an emergency in three provinces. Chile offered to send doctors."}
{"id":"loan","date":"2025-05-06","text":"Peru held talks with the International Monetary Fund on Monday about a new loan. The central bank expects growth of 3 percent this year. Lima is negotiating a two-year program worth $4 billion."}
{"id":"twoothers","date":"2025-05-06","text":"Peru held talks with the International Monetary Fund on Monday. Peru's finance minister also met Chile's finance minister on Tuesday. Lima is negotiating a two-year program worth $4 billion."}
{"id":"reporters","date":"2025-05-06","text":"Peru held talks with the International Monetary Fund on Monday. Peru's finance minister met reporters on Tuesday."}
{"id":"farloan","date":"2025-05-06","text":"Peru held talks with the International Monetary Fund on Monday. Soy prices rose on Tuesday. The rains came late this year. Farmers expect a poor harvest. Lima is negotiating a two-year program worth $4 billion."}
{"id":"budget","date":"2025-05-06","text":"Peru held talks with the International Monetary Fund on Monday. The central bank expects growth of 3 percent this year. Peru's cabinet discussed the budget on Wednesday."}
{"id":"region","date":"2025-05-06","text":"Peru held talks with the International Monetary Fund on Monday. Peru's president visited the flooded region on Tuesday."}
{"id":"mainpair","date":"2025-05-06","text":"Ecuador and Peru share a long border in the Amazon. Smugglers from Ecuador and Peru move fuel across it. Prices of fuel have fallen since January. Traders expect a better year. The rains came late. Ecuador's president said on Friday that the two countries would meet again in June."}
{"id":"nomainpair","date":"2025-05-06","text":"Ecuador, Peru and Colombia share borders in the Amazon. Smugglers from Ecuador, Peru and Colombia move fuel across them. Prices of fuel have fallen since January. Traders expect a better year. The rains came late. Ecuador's president said on Friday that the two countries would meet again in June."}
{"id":"report","date":"2025-05-06","text":"A United Nations report said on Monday that Chilean police had used excessive force against protesters. Chile held talks with Argentina in Santiago on Tuesday. Peru welcomed the report on Wednesday."}
{"id":"tworeports","date":"2025-05-06","text":"A United Nations report and a Chilean report on the border came out on Monday. Chile held talks with Argentina in Santiago on Tuesday. Peru welcomed the report on Wednesday."}
{"id":"weather","date":"2025-05-06","text":"Chile seized two Peruvian fishing boats on Monday. Peru's president called the weather a disgrace."}
STORIES
"$DYAD" code "$d/s.jsonl" >"$d/e.jsonl"
echo "code rc=$?"
sed -e 's/^{"doc_id":"\([^"]*\)".*"source":"\([^"]*\)","target":"\([^"]*\)","code":"\([^"]*\)".*/\1 \2 \3 \4/' "$d/e.jsonl"
