# dyad eval: usage errors exit 2; an unreadable file or malformed lines
# exit 1 (the report still comes out when all files were read).  With
# three files the first two are gold splits: events.jsonl read as a
# second split names story a of the first (skipped), and the events file
# extra.jsonl is missing.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cd "$d"
printf '%s\n' '{"story": "a", "start": 0, "end": 5, "source": "A", "target": "B", "code": "190"}' \
  'not json' '{"story": "a", "start": 0, "end": 5, "code": "190"}' >gold.jsonl
printf '%s\n' '{"doc_id": "a", "source": "A", "target": "B", "code": "190", "start": 0, "end": 5}' >events.jsonl
"$DYAD" eval gold.jsonl 2>&1; echo "rc=$?"
"$DYAD" eval gold.jsonl events.jsonl extra.jsonl 2>&1; echo "rc=$?"
"$DYAD" eval --bogus gold.jsonl events.jsonl 2>&1; echo "rc=$?"
"$DYAD" eval gold.jsonl events.jsonl --corpus 2>&1; echo "rc=$?"
"$DYAD" eval nosuch.jsonl events.jsonl 2>&1; echo "rc=$?"
"$DYAD" eval --json gold.jsonl events.jsonl 2>/dev/null; echo "rc=$?"
