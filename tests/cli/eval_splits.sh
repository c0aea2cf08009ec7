# dyad eval with two gold files, a development and a test split: each
# split's figures, all splits together, the gap between them (development
# minus test), as tables and as JSON.  Development: story d1 with a
# criticism and a two-way meeting, story d2 with praise.  Test: story t1
# with an attack and a planned visit (an intent beside it), story t2 with
# no events, and one line naming d2, which is in the development split
# already (skipped, exit status 1).  The system finds the criticism, one
# side of the meeting with a wrong date, the praise with the wrong target,
# the attack the wrong way round, the intent and the planned visit, and a
# false alarm in t2; one event of a story outside the gold set is ignored.
# Last, an empty second split: it has no figures, and the gap is "-".
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cat >"$d/corpus.jsonl" <<'END'
{"id": "d1", "text": "Chile criticized Peru. Peru met Bolivia."}
{"id": "d2", "text": "Norway praised Sweden."}
{"id": "t1", "text": "Peru attacked Chile. Bolivia will visit Chile."}
{"id": "t2", "text": "Nothing happened here."}
{"id": "x9", "text": "Not in the gold set."}
END
cat >"$d/dev.jsonl" <<'END'
{"story": "d1"}
{"story": "d1", "start": 0, "end": 22, "source": "CHLGOV", "target": "PERGOV", "code": "111", "date": "2021-06-01"}
{"story": "d1", "start": 23, "end": 40, "source": "PERGOV", "target": "BOLGOV", "code": "040", "date": "2021-06-02"}
{"story": "d1", "start": 23, "end": 40, "source": "BOLGOV", "target": "PERGOV", "code": "040", "date": "2021-06-02"}
{"story": "d2"}
{"story": "d2", "start": 0, "end": 22, "source": "NOR", "target": "SWE", "code": "051", "date": "2021-06"}
END
cat >"$d/test.jsonl" <<'END'
{"story": "t1"}
{"story": "t1", "start": 0, "end": 20, "source": "PERMIL", "target": "CHL", "code": "190", "date": "2022-01-05"}
{"story": "t1", "start": 21, "end": 46, "source": "BOLGOV", "target": "CHLGOV", "code": "036", "date": "2022-01-05"}
{"story": "t1", "start": 21, "end": 46, "source": "BOLGOV", "target": "CHLGOV", "code": "042", "modality": "planned"}
{"story": "t2"}
{"story": "d2", "start": 0, "end": 22, "source": "SWE", "target": "NOR", "code": "051"}
END
cat >"$d/events.jsonl" <<'END'
{"doc_id": "d1", "source": "CHLGOV", "target": "PERGOV", "code": "111", "date": "2021-06-01", "sentence": "Chile criticized Peru."}
{"doc_id": "d1", "source": "PERGOV", "target": "BOLGOV", "code": "040", "date": "2021-05-30", "sentence": "Peru met Bolivia."}
{"doc_id": "d2", "source": "NOR", "target": "DNK", "code": "051", "date": "2021-06-11", "sentence": "Norway praised Sweden."}
{"doc_id": "t1", "source": "CHL", "target": "PERMIL", "code": "190", "date": "2022-01-05", "sentence": "Peru attacked Chile."}
{"doc_id": "t1", "source": "BOLGOV", "target": "CHLGOV", "code": "036", "date": "2022-01-05", "sentence": "Bolivia will visit Chile."}
{"doc_id": "t1", "source": "BOLGOV", "target": "CHLGOV", "code": "042", "modality": "planned", "sentence": "Bolivia will visit Chile."}
{"doc_id": "t2", "source": "PER", "target": "CHL", "code": "010", "sentence": "Nothing happened here."}
{"doc_id": "x9", "source": "PER", "target": "CHL", "code": "190", "sentence": "Not in the gold set."}
END
cd "$d"
"$DYAD" eval dev.jsonl test.jsonl events.jsonl --corpus corpus.jsonl 2>&1; echo "rc=$?"
"$DYAD" eval --json --corpus corpus.jsonl dev.jsonl test.jsonl events.jsonl 2>/dev/null; echo "rc=$?"
: >empty.jsonl
"$DYAD" eval dev.jsonl empty.jsonl events.jsonl --corpus corpus.jsonl 2>&1 | sed -n '/^split empty/,/^not done/p;/^gap/,/^dates agreeing/p'
