# News outlets as actors (data/dict/optional/media.actors.txt, beside the
# built-in dictionaries): an outlet is a party when something is done to
# it, but the channel of an interview is none -- speaking to an outlet is
# no consultation, an outlet's question no appeal, and a role with no
# country never takes the country of the outlet it was told to (issue 19,
# branch actorfix).  Sentences of our own.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
dict=$(dirname "$DYAD")/dict
[ -f "$dict/countries.actors.txt" ] || { echo "no built dictionaries beside $DYAD"; exit 77; }
cp "$dict"/*.txt data/dict/optional/media.actors.txt "$d"/
cat > "$d/in.jsonl" <<'EOT'
{"id":"told","date":"2024-06-01","text":"A Peruvian official told AFP the army had killed 12 rebels."}
{"id":"speaking","date":"2024-06-01","text":"Speaking to Al Jazeera, the Bolivian president said Chile must return the seized boats."}
{"id":"asked","date":"2024-06-01","text":"Asked by Reuters whether Peru would close the border, the Chilean president said no decision had been taken."}
{"id":"banned","date":"2024-06-01","text":"Russia banned Reuters from reporting in Moscow."}
{"id":"raided","date":"2024-06-01","text":"Peru's police raided the offices of Agence France-Presse in Lima."}
EOT
"$DYAD" code --dict-dir "$d" "$d/in.jsonl" |
    sed 's/^{"doc_id":"\([^"]*\)".*"source":"\([^"]*\)","target":"\([^"]*\)","code":"\([^"]*\)".*/\1 \2 \3 \4/'
