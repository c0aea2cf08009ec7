# Bad input to `dyad consolidate`: each malformed line is named with its
# FILE:LINE and skipped, the good lines of every file are still merged,
# a missing file is named, and the exit status is 1.  A bad --format is
# a usage error (2).
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cd "$d" || exit 1
good='{"doc_id":"g1","sentence_id":1,"date":"2023-02-02","source":"BOL","target":"PRY","code":"057"}'
{
    echo "$good"
    echo '{"doc_id":"g2","sentence_id":1,"date":"2023-02-02","source":"PRY",'
    echo '{"doc_id":"g3","sentence_id":1,"date":"2023-02-31","source":"PRY","target":"BOL","code":"057"}'
    echo
    echo '{"doc_id":"g4","sentence_id":"one","source":"PRY","target":"BOL","code":"057"}'
} > one.jsonl
printf '%s\n' "$good" | sed 's/g1/g5/; s/BOL","target":"PRY/PRY","target":"BOL/' > two.jsonl
"$DYAD" consolidate one.jsonl missing.jsonl two.jsonl > out 2> err
echo "rc=$?"
cat err
sed 's/"event_id":"[0-9a-f]*",//' out
"$DYAD" consolidate --format xlsx one.jsonl > /dev/null 2> err
echo "rc=$?"
head -1 err
