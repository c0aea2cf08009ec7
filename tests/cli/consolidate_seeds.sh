# The acceptance of issue 17 on the seed corpus: `dyad code | dyad
# consolidate` gives one RUS-TUR consultation (04x) dated 2020-06-10 from
# two articles (001 and 004), and two RUS-FRA consultations, 2019-12-17
# and 2020-06-26.  Consolidating the mentions of the documents in reverse
# order gives the same bytes.
seeds=../shared/corpus/seeds/seeds.jsonl
[ -f "$seeds" ] || { echo "SKIP: $seeds is absent"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: python3 is absent"; exit 77; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$DYAD" code "$seeds" | "$DYAD" consolidate > "$d/events" || exit 1
python3 - "$d/events" <<'END'
import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    if e["key"] in ("RUS|TUR", "FRA|RUS") and e["root"] == "04":
        print(e["key"], e["code"], e["date"], e["date_precision"], e["modality"],
              "articles=%d" % e["num_articles"],
              "docs=" + ",".join(i[:3] for i in e["doc_ids"]))
END
tac "$seeds" > "$d/rev.jsonl"
"$DYAD" code "$d/rev.jsonl" | "$DYAD" consolidate > "$d/events.rev" || exit 1
cmp -s "$d/events" "$d/events.rev" && echo "reverse document order: identical"
