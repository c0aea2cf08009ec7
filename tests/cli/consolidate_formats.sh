# The formats of `dyad consolidate` on mentions of our own (Chile, Peru,
# Norway; values holding commas, quotes, tabs and a newline): CSV and TSV
# read back with Python's csv module give the JSONL values, row for row;
# every GDELT line has 61 tab-separated fields in GDELT's order.
command -v python3 >/dev/null || { echo "SKIP: python3 is absent"; exit 77; }
m=tests/cli/consolidate_mentions.jsonl
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
for f in jsonl csv tsv gdelt; do
    "$DYAD" consolidate --format $f "$m" > "$d/out.$f" || exit 1
done
cat "$d/out.jsonl"
python3 - "$d" <<'END'
import csv, json, sys
d = sys.argv[1]
events = [json.loads(l) for l in open(d + "/out.jsonl")]
def flat(e):
    loc = e["location"] or {}
    def s(v):
        if v is None: return ""
        if isinstance(v, bool): return "1" if v else "0"
        if isinstance(v, float): return "%.1f" % v
        return str(v)
    return {"event_id": e["event_id"], "date": s(e["date"]),
            "date_precision": e["date_precision"], "modality": e["modality"],
            "source": e["source"], "target": e["target"],
            "source_text": s(e["source_text"]), "target_text": s(e["target_text"]),
            "code": e["code"], "root": e["root"], "quad_class": s(e["quad_class"]),
            "goldstein": "" if e["goldstein"] is None else "%.1f" % e["goldstein"],
            "plover": s(e["plover"]),
            "country": s(loc.get("country")), "place": s(loc.get("name")),
            "lat": "" if loc.get("lat") is None else "%.4f" % loc["lat"],
            "lon": "" if loc.get("lon") is None else "%.4f" % loc["lon"],
            "issues": ";".join(e["issues"]), "num_mentions": s(e["num_mentions"]),
            "num_articles": s(e["num_articles"]), "num_sources": s(e["num_sources"]),
            "doc_ids": ";".join(e["doc_ids"]), "first_seen": s(e["first_seen"]),
            "last_seen": s(e["last_seen"]), "lead": s(e["lead"]), "key": e["key"]}
for fmt, dialect in (("csv", "excel"), ("tsv", "excel-tab")):
    with open(d + "/out." + fmt, newline="") as f:
        rows = list(csv.DictReader(f, dialect=dialect))
    want = [flat(e) for e in events]
    print(fmt, "rows:", len(rows), "columns:", len(rows[0]) if rows else 0,
          "round trip:", "equal" if rows == want else "DIFFERENT")
    if rows != want:
        for r, w in zip(rows, want):
            for k in w:
                if r.get(k) != w[k]: print("  ", k, repr(r.get(k)), "!=", repr(w[k]))
with open(d + "/out.gdelt", newline="") as f:
    lines = f.read().split("\n")
assert lines[-1] == ""
for l in lines[:-1]:
    print("gdelt fields:", len(l.split("\t")))
END
cat "$d/out.gdelt"
