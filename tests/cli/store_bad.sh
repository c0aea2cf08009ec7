# Databases the store refuses, each with one clear message and exit 1,
# leaving the file as it was: another application's SQLite database, a
# file that is not SQLite, a store of a newer schema, a missing store
# for a query, a store locked by another process (after the busy
# timeout); and a malformed document, reported with its file and line
# while the others are stored.
seeds=../shared/corpus/seeds/seeds.jsonl
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 (the shell) is absent"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: python3 is absent"; exit 77; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cd "$d" || exit 1
cat >docs.jsonl <<'J'
{"id": "p1", "date": "2024-05-02", "text": "Peru's president met the Chilean foreign minister in Lima on Thursday."}
{"id": "p2", "date": "2024-05-03", "text": 
{"id": "p3", "date": "2024-05-03", "text": "Bolivian police arrested three protesters in La Paz on Friday."}
J
sqlite3 other.db "CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES('soup')"
"$DYAD" ingest --quiet --db other.db docs.jsonl; echo "other application's database: exit $?"
sqlite3 other.db "SELECT name FROM recipes"
printf 'a list of chores, not a database\n' >notes.db
"$DYAD" ingest --quiet --db notes.db docs.jsonl; echo "text file: exit $?"
cat notes.db
"$DYAD" ingest --quiet --db s.db docs.jsonl; echo "malformed document: exit $?"
sqlite3 s.db "SELECT id FROM documents ORDER BY id"
cp s.db newer.db
sqlite3 newer.db "UPDATE dyad_schema SET version = 99"
"$DYAD" events --db newer.db; echo "newer schema: exit $?"
"$DYAD" events --db missing.db; echo "missing store: exit $?"
[ -e missing.db ] && echo "missing.db was created"
# another process holds the write lock while we ingest
python3 - <<'PY' &
import sqlite3, time, os
c = sqlite3.connect("s.db", isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open("locked", "w").close()
time.sleep(5)
c.execute("ROLLBACK")
PY
pid=$!
for i in 1 2 3 4 5 6 7 8 9 10; do [ -f locked ] && break; sleep 0.2; done
printf '{"id": "p4", "text": "Norway sent aid to Peru."}\n' >more.jsonl
DYAD_BUSY_TIMEOUT_MS=200 "$DYAD" ingest --quiet --db s.db more.jsonl; echo "locked: exit $?"
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
sqlite3 s.db "PRAGMA integrity_check; SELECT count(*) FROM documents"
"$DYAD" events --db s.db --modality sometimes; echo "bad modality: exit $?"
