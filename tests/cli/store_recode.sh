# dyad recode: the store keeps each document's dictionary hash; recoding
# with the same dictionaries changes nothing, recoding with another set
# (the Phoenix dictionaries) codes every document again, and the store
# then holds what ingesting with that set gives: the mentions of `dyad
# code --modality all --dict-dir`, and its consolidated events.
seeds=../shared/corpus/seeds/seeds.jsonl
phx=../shared/petrarch2/dictionaries
[ -f "$seeds" ] && [ -d "$phx" ] || { echo "SKIP: ../shared is absent"; exit 77; }
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 (the shell) is absent"; exit 77; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$DYAD" ingest --quiet --db "$d/s.db" "$seeds" || echo "ingest: exit $?"
sqlite3 "$d/s.db" "SELECT count(DISTINCT dict_hash) || ' dictionary hash, ' || count(*) || ' documents' FROM documents"
h1=$(sqlite3 "$d/s.db" "SELECT DISTINCT dict_hash FROM documents")
before=$(sqlite3 "$d/s.db" "SELECT group_concat(record, '') FROM (SELECT record FROM mentions ORDER BY doc_id, seq)" | cksum)
"$DYAD" recode --quiet --db "$d/s.db" || echo "recode, same dictionaries: exit $?"
after=$(sqlite3 "$d/s.db" "SELECT group_concat(record, '') FROM (SELECT record FROM mentions ORDER BY doc_id, seq)" | cksum)
[ "$before" = "$after" ] && echo "recode with the same dictionaries: mentions unchanged"
"$DYAD" recode --quiet --db "$d/s.db" --dict-dir "$phx" || echo "recode, Phoenix: exit $?"
sqlite3 "$d/s.db" "SELECT count(DISTINCT dict_hash) || ' dictionary hash, ' || count(*) || ' documents' FROM documents"
h2=$(sqlite3 "$d/s.db" "SELECT DISTINCT dict_hash FROM documents")
[ "$h1" != "$h2" ] && echo "every document's dictionary hash changed"
"$DYAD" code --modality all --dict-dir "$phx" "$seeds" >"$d/code.jsonl"
sqlite3 "$d/s.db" "SELECT record FROM mentions ORDER BY doc_id, seq" >"$d/stored.jsonl"
cmp -s "$d/code.jsonl" "$d/stored.jsonl" && echo "after recode: the mentions of dyad code --dict-dir Phoenix"
"$DYAD" consolidate "$d/code.jsonl" >"$d/consolidated"
"$DYAD" events --db "$d/s.db" >"$d/events"
cmp -s "$d/consolidated" "$d/events" && echo "after recode: its consolidated events"
cmp -s "$d/code.jsonl" "$d/stored.jsonl" || diff "$d/code.jsonl" "$d/stored.jsonl" | head -3
