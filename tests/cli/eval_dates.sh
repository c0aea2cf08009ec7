# dyad eval scores dates and modality: a matched event agrees on its date
# when the system date equals the gold date at the gold's precision (a
# month in the gold agrees with any day of it; a coarser system date does
# not agree with a day); planned, negated and hypothetical events are
# scored apart from the levels, found only with the same modality.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cat >"$d/corpus.jsonl" <<'END'
{"id": "s1", "text": "Arnor attacked Gondor. Gondor met Rohan. Arnor will visit Rohan. Mordor did not attack Rohan."}
END
cat >"$d/gold.jsonl" <<'END'
{"story": "s1"}
{"story": "s1", "start": 0, "end": 22, "source": "ARN", "target": "GON", "code": "190", "date": "2020-01"}
{"story": "s1", "start": 23, "end": 40, "source": "GON", "target": "ROH", "code": "040", "date": "2020-01-05"}
{"story": "s1", "start": 23, "end": 40, "source": "ROH", "target": "GON", "code": "040", "date": "2020-01-05"}
{"story": "s1", "start": 41, "end": 64, "source": "ARN", "target": "ROH", "code": "036", "date": "2020-01-06"}
{"story": "s1", "start": 41, "end": 64, "source": "ARN", "target": "ROH", "code": "042", "modality": "planned"}
{"story": "s1", "start": 65, "end": 93, "source": "MOR", "target": "ROH", "code": "190", "modality": "negated"}
END
cat >"$d/events.jsonl" <<'END'
{"doc_id": "s1", "source": "ARN", "target": "GON", "code": "190", "date": "2020-01-03", "modality": "asserted", "sentence": "Arnor attacked Gondor."}
{"doc_id": "s1", "source": "GON", "target": "ROH", "code": "040", "date": "2020-01-05", "sentence": "Gondor met Rohan."}
{"doc_id": "s1", "source": "ROH", "target": "GON", "code": "040", "date": "2020-01", "sentence": "Gondor met Rohan."}
{"doc_id": "s1", "source": "ARN", "target": "ROH", "code": "036", "date": null, "sentence": "Arnor will visit Rohan."}
{"doc_id": "s1", "source": "ARN", "target": "ROH", "code": "042", "modality": "planned", "sentence": "Arnor will visit Rohan."}
{"doc_id": "s1", "source": "MOR", "target": "ROH", "code": "190", "modality": "hypothetical", "sentence": "Mordor did not attack Rohan."}
END
cd "$d"
"$DYAD" eval gold.jsonl events.jsonl --corpus corpus.jsonl 2>&1 | sed -n '1,11p'; echo "rc=$?"
