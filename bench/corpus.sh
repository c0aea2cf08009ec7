#!/bin/sh
# Writes a deterministic benchmark corpus of JSON Lines news documents by
# recombining the real sentences of ../shared/corpus (the VOA stories, the
# seed stories and the GigaWord sample's sentence texts), split by dyad's
# own text layer.  Same arguments, same bytes.
# usage: bench/corpus.sh DYAD_BINARY N [MODE] > out.jsonl
#   MODE docs (default): N sentences in documents of 5-40 sentences,
#        paragraphs of 1-3;
#   MODE onedoc: N sentences, all in one document;
#   MODE longsentence: one document of one sentence of about N words: real
#        sentences with their . ! ? removed, joined by ", ".
set -eu
dyad=$1 n=$2 mode=${3:-docs}
shared=$(dirname "$0")/../../shared
[ -d "$shared/corpus" ] || { echo "bench/corpus.sh: $shared/corpus is absent" >&2; exit 77; }
"$dyad" sentences "$shared"/corpus/voa/voa_stories.jsonl "$shared"/corpus/seeds/seeds.jsonl \
    "$shared"/corpus/GigaWord.sample.PETR.xml |
awk -v n="$n" -v mode="$mode" '
function rnd(m) { seed = (seed * 16807) % 2147483647; return int(seed / 64) % m }
{
    # the text field as dyad wrote it (escapes kept): "text":"...","start":
    i = index($0, "\"text\":\""); j = index($0, "\",\"start\":")
    if (i && j > i + 8) s[ns++] = substr($0, i + 8, j - i - 8)
}
END {
    seed = 20261207; doc = 0; done = 0
    if (mode == "longsentence") {
        printf "{\"id\":\"long-%d\",\"date\":\"2020-01-01\",\"text\":\"", n
        while (done < n) {
            t = s[rnd(ns)]; gsub(/[.!?]/, "", t)
            if (done > 0) printf ", "
            printf "%s", t
            done += split(t, tmp, " ")
        }
        printf "\"}\n"
        exit
    }
    while (done < n) {
        k = mode == "onedoc" ? n : 5 + rnd(36)
        if (k > n - done) k = n - done
        doc++
        printf "{\"id\":\"bench-%06d\",\"date\":\"20%02d-%02d-%02d\",\"text\":\"", doc, 10 + rnd(15), 1 + rnd(12), 1 + rnd(28)
        p = 1 + rnd(3)
        for (q = 0; q < k; q++) {
            if (q > 0) { if (--p == 0) { printf "\\n"; p = 1 + rnd(3) } else printf " " }
            printf "%s", s[rnd(ns)]
        }
        printf "\"}\n"
        done += k
    }
}'
