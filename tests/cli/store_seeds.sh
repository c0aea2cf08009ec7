# The seed stories in the store (issue 17's acceptance): exactly one
# RUS-TUR consultation (04x) dated 2020-06-10, reported by two articles
# (seed documents 001 and 004); two distinct RUS-FRA consultations, on
# 2019-12-17 and 2020-06-26.  And the store's events are those `dyad
# consolidate` makes of `dyad code` output: asserted events from the
# default output, every modality from --modality all; in every format.
seeds=../shared/corpus/seeds/seeds.jsonl
[ -f "$seeds" ] || { echo "SKIP: $seeds is absent"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: python3 is absent"; exit 77; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$DYAD" ingest --db "$d/s.db" "$seeds" || echo "ingest: exit $?"
"$DYAD" events --db "$d/s.db" --format jsonl >"$d/events.jsonl" || echo "events: exit $?"
python3 - "$d/events.jsonl" <<'PY'
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
def consult(e, a, b):
    return (e["code"].startswith("04") and e["modality"] == "asserted"
            and sorted([e["source"][:3], e["target"][:3]]) == sorted([a, b]))
rt = [e for e in ev if consult(e, "RUS", "TUR") and e["date"] == "2020-06-10"]
print("RUS-TUR consultations on 2020-06-10: %d" % len(rt))
for e in rt:
    print("  num_articles %d, documents %s" % (e["num_articles"],
          " ".join(i[:3] for i in e["doc_ids"])))
rf = sorted(set(e["date"] for e in ev if consult(e, "RUS", "FRA")
                and e["date"] in ("2019-12-17", "2020-06-26")))
ids = set(e["event_id"] for e in ev if consult(e, "RUS", "FRA") and e["date"] in rf)
print("RUS-FRA consultations: %s (%d distinct events)" % (", ".join(rf), len(ids)))
PY
"$DYAD" code "$seeds" | "$DYAD" consolidate >"$d/c.asserted" || echo "consolidate: exit $?"
"$DYAD" events --db "$d/s.db" --modality asserted >"$d/e.asserted"
cmp -s "$d/c.asserted" "$d/e.asserted" && echo "asserted events: the same as dyad code | dyad consolidate"
for f in jsonl csv tsv gdelt; do
    "$DYAD" code --modality all "$seeds" | "$DYAD" consolidate --format $f >"$d/c.$f"
    "$DYAD" events --db "$d/s.db" --format $f >"$d/e.$f"
    if cmp -s "$d/c.$f" "$d/e.$f"; then
        echo "$f: all events the same as dyad code --modality all | dyad consolidate"
    else
        echo "$f: differs"; diff "$d/c.$f" "$d/e.$f" | head -4
    fi
done
# the stored mentions are the records of dyad code --modality all
command -v sqlite3 >/dev/null || exit 0
"$DYAD" code --modality all "$seeds" >"$d/code.jsonl"
sqlite3 "$d/s.db" "SELECT record FROM mentions ORDER BY doc_id, seq" >"$d/stored.jsonl"
cmp -s "$d/code.jsonl" "$d/stored.jsonl" && echo "stored mentions: the records of dyad code --modality all"
