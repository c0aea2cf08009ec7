# The seed stories' key events (issue 16): the dates and modalities the
# text gives, and no consultation between parties the story never
# relates.  Prints one line per check; the expected file says "yes".
seeds=../shared/corpus/seeds/seeds.jsonl
[ -f "$seeds" ] || { echo "SKIP: $seeds is absent"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: python3 is absent"; exit 77; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$DYAD" code --modality all "$seeds" >"$d/events.jsonl" || echo "code: exit $?"
python3 - "$d/events.jsonl" <<'PY'
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
def has(doc, src, tgt, code, date=None, prec=None, mod="asserted"):
    for e in ev:
        if (e["doc_id"].startswith(doc) and e["source"][:3] == src and e["target"][:3] == tgt
                and e["code"].startswith(code) and e["modality"] == mod
                and (date is None or e["date"] == date)
                and (prec is None or e["date_precision"] == prec)):
            return True
    return False
def yes(b): return "yes" if b else "no"
print("001 Russia-Germany consultation on 2020-06-09:", yes(has("001", "RUS", "DEU", "04", "2020-06-09", "day")))
print("001 Russia-Turkey consultation on 2020-06-10:", yes(has("001", "RUS", "TUR", "04", "2020-06-10", "day")))
print("000 offensive on Tripoli on 2019-04-04:", yes(has("000", "LBY", "LBY", "19", "2019-04-04", "day")))
print("000 annexation of Crimea in 2014:", yes(has("000", "RUS", "UKR", "192", "2014", "year")))
print("002 an asserted 036 between Russia and Turkey:", yes(has("002", "RUS", "TUR", "036") and has("002", "TUR", "RUS", "036")))
print("002 no asserted 04x between Russia and Turkey:", yes(not has("002", "RUS", "TUR", "04") and not has("002", "TUR", "RUS", "04")))
print("002 the call planned:", yes(has("002", "RUS", "TUR", "041", mod="planned")))
print("000 no UAE-Libya consultation:", yes(not any(e["doc_id"].startswith("000") and {e["source"][:3], e["target"][:3]} == {"ARE", "LBY"} and e["code"].startswith("04") for e in ev)))
PY
