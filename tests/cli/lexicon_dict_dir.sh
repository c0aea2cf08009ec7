# A user extends the built-in lexicon (data/lexicon/README.md) from a
# dictionary folder: lexicon/reporting.add.txt makes "declare" a reporting
# verb (so "X declared that Y's act was illegal" is X's disapproval of Y,
# 111), lexicon/event-nouns.add.txt makes "sanctions" an event noun (163,
# its other party after "on").  Before the files neither sentence gives an
# event; after, both do.  A file of the same name without ".add" replaces
# a list ("condemning" without "illegal": the first event goes again), and
# a file naming no list, or a malformed line, is reported with its path
# and line, the rest still loaded, exit status 1.  The chunker reads the
# same lexicon: "proclaimed that ..." reports a clause only once
# "proclaim" is in both "speech" (the chunker's verbs that take a
# clause) and "reporting" (the coder's).
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cd "$d" || exit 1
mkdir dicts
cat >dicts/small.verbs.txt <<'END'
--- ACCUSE [112] ---
ACCUSE
END
cat >dicts/small.actors.txt <<'END'
CHILE_ [CHL]
PERU_ [PER]
END
cat >stories.jsonl <<'END'
{"id":"a","date":"2024-03-04","text":"Chile declared that the blockade by Peru was illegal. Chile's sanctions on Peru took effect on Monday."}
END
events() {
    "$DYAD" code --dict-dir dicts stories.jsonl >out 2>err
    echo "rc=$?"
    sed 's/.*"sentence_id":\([0-9]*\).*"source":"\([^"]*\)","target":"\([^"]*\)","code":"\([^"]*\)".*/sentence \1: \2 \3 \4/' out
    sed "s|$d/||" err
}
echo "== built-in lexicon"
events
mkdir dicts/lexicon
printf '# our own reporting verbs\nv:declare\n' >dicts/lexicon/reporting.add.txt
printf 'sanctions   163 other=on,against\n' >dicts/lexicon/event-nouns.add.txt
echo "== with reporting.add.txt and event-nouns.add.txt"
events
printf 'brutal\nlawless\n' >dicts/lexicon/condemning.txt
echo "== condemning.txt replaces the list"
events
rm dicts/lexicon/condemning.txt
printf 'v:declare\n' >dicts/lexicon/reportng.add.txt
printf 'embargo  16x\n' >>dicts/lexicon/event-nouns.add.txt
echo "== a misspelt list name and a malformed line"
events
rm dicts/lexicon/reportng.add.txt dicts/lexicon/event-nouns.add.txt
cat >stories.jsonl <<'END'
{"id":"b","date":"2024-03-04","text":"Chile proclaimed that the blockade by Peru was illegal."}
END
printf 'v:proclaim\n' >dicts/lexicon/reporting.add.txt
echo "== proclaim: reporting only"
events
printf 'v:proclaim\n' >dicts/lexicon/speech.add.txt
echo "== proclaim: reporting and speech"
events
