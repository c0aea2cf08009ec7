# Every seed story coded as it is and with its text's white space
# collapsed to single spaces (one line, as scrapers and JSON corpora
# deliver text): boilerplate is judged per sentence, so no story loses
# its events.  Prints, per story, the event counts and the (source,
# target, code) triples found only one way: none.  A subhead of a few
# capitalised words before "The", "They", ... is split off by the text
# layer; a headline in sentence case without a full stop, run into the
# lede once its line break is gone, is split off by the engine after
# tagging (src/engine/engine.c, S_run_in_headline).
# One known difference (branch recall6): story 004's headline, collapsed,
# runs into the dateline line and the lede and is not split off; the
# telephone call its headline names (event noun "call", 041) then shares
# one sentence with the two presidents' discussion (040), and a sentence
# codes one consultation per pair, so the collapsed text has one 041 pair
# fewer.
seeds=../shared/corpus/seeds/seeds.jsonl
[ -f "$seeds" ] || { echo "SKIP: $seeds is absent"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: python3 is absent"; exit 77; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
python3 - "$seeds" >"$d/collapsed.jsonl" <<'PY'
import json, re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        o = json.loads(line)
        o["text"] = re.sub(r"\s+", " ", o["text"]).strip()
        print(json.dumps(o))
PY
"$DYAD" code "$seeds" >"$d/asis.jsonl" || echo "code as-is: exit $?"
"$DYAD" code "$d/collapsed.jsonl" >"$d/collapsed.events.jsonl" || echo "code collapsed: exit $?"
python3 - "$seeds" "$d/asis.jsonl" "$d/collapsed.events.jsonl" <<'PY'
import collections, json, sys
ids = [json.loads(l)["id"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
def events(path):
    c = collections.Counter()
    for l in open(path, encoding="utf-8"):
        o = json.loads(l)
        c[(o["doc_id"], o["source"], o["target"], o["code"])] += 1
    return c
a, b = events(sys.argv[2]), events(sys.argv[3])
for i in ids:
    ea = collections.Counter({k: v for k, v in a.items() if k[0] == i})
    eb = collections.Counter({k: v for k, v in b.items() if k[0] == i})
    print("%s: %d events as-is, %d collapsed" % (i, sum(ea.values()), sum(eb.values())))
    for k in sorted((ea - eb).elements()): print("  only as-is:     %s %s %s" % k[1:])
    for k in sorted((eb - ea).elements()): print("  only collapsed: %s %s %s" % k[1:])
PY
