#!/bin/sh
# How `dyad eval` grows with the number of events.  For each size N it
# writes a corpus of STORIES invented stories (default 1: all events in
# one long story, the worst case; Chile/Peru/Bolivia-style
# sentences, each numbered so that no two are alike), codes it with
# `dyad code` (built-in dictionaries) until it yields about N events,
# derives a gold set from those events (story, sentence offsets, codes;
# every 4th gold event given another code and every 7th left out, so
# that not everything matches), and times `dyad eval` of the events
# against that gold set (median of 3 runs).
# usage: bench/eval_scale.sh [BUILD_DIR] [N...]   (default: build; 4000
#        8000 16000 32000); STORIES=8 bench/eval_scale.sh ... spreads
#        the events over 8 stories; KEEP=DIR keeps the files of the last
#        size (corpus.jsonl, events.jsonl, gold.jsonl) in DIR
set -eu
cd "$(dirname "$0")/.."
b=${1:-build}
[ $# -gt 0 ] && shift
sizes=${*:-4000 8000 16000 32000}
stories=${STORIES:-1}
d=$(mktemp -d /tmp/dyad-eval-scale-XXXXXX)
trap 'rm -rf "$d"' EXIT
med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
t() { s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); awk -v a="$s" -v b="$e" 'BEGIN { printf "%.3f\n", b - a }'; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
printf '%8s %8s %10s %10s\n' events gold stories "eval (s)"
for n in $sizes; do
    python3 - "$n" "$stories" "$d/corpus.jsonl" <<'END'
import json, random, sys
n, ns, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(n)
lands = ["Chile", "Peru", "Bolivia", "Ecuador", "Paraguay", "Uruguay", "Colombia", "Venezuela"]
forms = ["{a} accused {b} over incident {k}.", "{a} attacked {b} near post {k}.",
         "{a} met {b} in Lima for round {k} of talks.", "{a} praised {b} after meeting {k}.",
         "{a} threatened {b} over shipment {k}."]
# about 1.1 events per sentence with these forms and the built-in set
per_story = max(1, n // ns * 10 // 11)
with open(path, "w") as f:
    for s in range(ns):
        words = []
        for k in range(per_story):
            a, b = rng.sample(lands, 2)
            words.append(rng.choice(forms).format(a=a, b=b, k=s * per_story + k))
        f.write(json.dumps({"id": "story-%d" % s, "text": " ".join(words)}) + "\n")
END
    "$b"/dyad code "$d/corpus.jsonl" >"$d/events.jsonl"
    python3 - "$d/events.jsonl" "$d/gold.jsonl" <<'END'
import json, sys
src, dst = sys.argv[1], sys.argv[2]
with open(src) as f, open(dst, "w") as g:
    seen = set()
    for i, line in enumerate(f):
        e = json.loads(line)
        if e["doc_id"] not in seen:
            seen.add(e["doc_id"])
            g.write(json.dumps({"story": e["doc_id"]}) + "\n")
        if i % 7 == 6:
            continue
        code = e["code"] if i % 4 else "190"
        g.write(json.dumps({"story": e["doc_id"], "start": e["sentence_start"],
                            "end": e["sentence_end"], "source": e["source"],
                            "target": e["target"], "code": code}) + "\n")
END
    ne=$(wc -l <"$d/events.jsonl")
    ng=$(grep -c '"code"' "$d/gold.jsonl")
    et=$(for i in 1 2 3; do t "$b"/dyad eval "$d/gold.jsonl" "$d/events.jsonl" --corpus "$d/corpus.jsonl"; done | med)
    printf '%8s %8s %10s %10s\n' "$ne" "$ng" "$stories" "$et"
done
[ -z "${KEEP:-}" ] || { mkdir -p "$KEEP" && cp "$d"/*.jsonl "$KEEP"/; }
