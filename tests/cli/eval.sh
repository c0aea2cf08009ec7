# dyad eval on a small gold set: the tables, then the same as JSON.
# Story s1 has three sentences; s2 is in the gold set without events; s3
# is not in it.  System events: a right category with the wrong sector
# and code, an exact match and its repeat, a wrong target, a false alarm,
# an event of s2, one of s3 (ignored), and one whose sentence is not in
# the story (cannot match).
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cat >"$d/corpus.jsonl" <<'END'
{"id": "s1", "text": "Arnor attacked Gondor. Gondor met Rohan. Mordor threatened Gondor."}
{"id": "s2", "text": "Nothing here."}
{"id": "s3", "text": "Not in the gold set."}
END
cat >"$d/gold.jsonl" <<'END'
{"story": "s1"}
{"story": "s1", "start": 0, "end": 22, "source": "ARNMIL", "target": "GONGOV", "code": "190", "date": "2020-01-01"}
{"story": "s1", "start": 23, "end": 40, "source": "GONGOV", "target": "ROHGOV", "code": "040", "date": "2020-01-01"}
{"story": "s1", "start": 23, "end": 40, "source": "ROHGOV", "target": "GONGOV", "code": "040", "date": "2020-01-01"}
{"story": "s1", "start": 41, "end": 66, "source": "MORGOV", "target": "GONGOV", "code": "138", "date": "2020-01-01"}
{"story": "s2"}
END
cat >"$d/events.jsonl" <<'END'
{"doc_id": "s1", "sentence_id": 1, "source": "ARNGOV", "target": "GONGOV", "code": "193", "sentence": "Arnor attacked Gondor."}
{"doc_id": "s1", "sentence_id": 2, "source": "GONGOV", "target": "ROHGOV", "code": "040", "sentence": "Gondor met Rohan."}
{"doc_id": "s1", "sentence_id": 2, "source": "GONGOV", "target": "ROHGOV", "code": "040", "sentence": "Gondor met Rohan."}
{"doc_id": "s1", "sentence_id": 3, "source": "MORGOV", "target": "ROHGOV", "code": "130", "sentence": "Mordor threatened Gondor."}
{"doc_id": "s1", "sentence_id": 1, "source": "GONGOV", "target": "ARNMIL", "code": "111", "sentence": "Arnor attacked Gondor."}
{"doc_id": "s2", "sentence_id": 1, "source": "XXX", "target": "YYY", "code": "010", "sentence": "Nothing here."}
{"doc_id": "s3", "sentence_id": 1, "source": "XXX", "target": "YYY", "code": "190", "sentence": "Not in the gold set."}
{"doc_id": "s1", "sentence_id": 9, "source": "GONGOV", "target": "ROHGOV", "code": "042", "sentence": "Gondor visited Rohan."}
END
cd "$d"
"$DYAD" eval gold.jsonl events.jsonl --corpus corpus.jsonl 2>&1; echo "rc=$?"
"$DYAD" eval --json --corpus corpus.jsonl gold.jsonl events.jsonl; echo "rc=$?"
