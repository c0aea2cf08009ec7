# The bundled sample reads cleanly in every input format, and the formats
# agree: JSON Lines, its .gz and .zst, and the text/ directory give the
# same sentences (text files have no date); the XML file has one record per non-boilerplate sentence.
set -e
j=$("$DYAD" sentences examples/stories.jsonl)
g=$("$DYAD" sentences examples/stories.jsonl.gz)
z=$(cat examples/stories.jsonl.zst | "$DYAD" sentences -)
# plain text carries no document date, so datelines cannot get a year
nodate() { sed 's/"iso_date":"[0-9-]*"/"iso_date":null/'; }
t=$("$DYAD" sentences examples/text)
x=$("$DYAD" sentences --input-format xml examples/stories.xml)
[ "$j" = "$g" ] && echo "gzip: same"
[ "$j" = "$z" ] && echo "zstd via stdin: same"
[ "$(printf '%s\n' "$j" | nodate)" = "$t" ] && echo "text directory: same"
n=$(printf '%s\n' "$j" | grep -c '"boilerplate":false')
m=$(printf '%s\n' "$x" | wc -l)
[ "$n" -eq "$m" ] && echo "xml: one record per sentence"
printf '%s\n' "$j" | grep -c '"dateline"'
