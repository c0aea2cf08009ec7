# Crash safety of `dyad ingest`: an ingest of the VOA corpus (small
# batches, two threads) is killed with SIGKILL at several moments; each
# time the database must pass PRAGMA integrity_check and hold only whole
# documents (each stored document has exactly the sentences and mentions
# a clean run stores for it), and a second run must complete it to the
# same content as the clean run (documents, sentences, mentions, stories,
# events and their links; nothing left dirty; the same `dyad events` and
# `dyad mentions` output).  A resumed run killed
# again is resumed too.  The moments are fixed delays; where a kill lands
# varies from run to run, the checks hold wherever it lands.
corpus=../shared/corpus/voa/voa_stories.jsonl
[ -f "$corpus" ] || { echo "SKIP: $corpus is absent"; exit 77; }
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 (the shell) is absent"; exit 77; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
dump() {
    sqlite3 "$1" <<'SQL'
SELECT 'document', id, source, url, title, date, text_hash, dict_hash, status,
       length(text), hex(minhash) FROM documents ORDER BY id;
SELECT 'story', doc_id, story_id FROM stories ORDER BY doc_id;
SELECT 'sentence', doc_id, sentence_id, start, end, text FROM sentences ORDER BY doc_id, sentence_id;
SELECT 'mention', doc_id, seq, sentence_id, source, target, code, root, modality, date,
       date_precision, country, ckey, record FROM mentions ORDER BY doc_id, seq;
SELECT 'event', id, ckey, num_mentions, num_articles, num_sources, record FROM events ORDER BY id;
SELECT 'links', id, links FROM events ORDER BY id;
SELECT 'dirty', count(*) FROM dirty;
SQL
    # and what the commands print: every event, and the mentions of every
    # eighth (the links of all are in the tables above)
    "$DYAD" events --db "$1" || echo "events: exit $?"
    for id in $("$DYAD" events --db "$1" --format tsv | awk 'NR % 8 == 2 { print $1 }'); do
        "$DYAD" mentions --db "$1" --event "$id" || echo "mentions $id: exit $?"
    done
}
# exec: the background job's pid is dyad's own, so the kill reaches it
ingest() { exec "$DYAD" ingest --quiet -j2 --batch 3 --db "$1" "$corpus"; }
(ingest "$d/clean.db") || echo "clean run: exit $?"
dump "$d/clean.db" >"$d/clean.dump"
grep -q '^mention' "$d/clean.dump" || { echo "the clean run stored no mentions"; exit 1; }
grep -q '^{"event_id"' "$d/clean.dump" || { echo "the clean run has no events"; exit 1; }
check() {   # DB WHAT
    ic=$(sqlite3 "$1" "PRAGMA integrity_check")
    [ "$ic" = ok ] || echo "$2: integrity_check: $ic"
    # whole documents: the same sentence and mention counts as the clean run
    partial=$(sqlite3 "$1" "ATTACH '$d/clean.db' AS c;
        SELECT count(*) FROM documents x WHERE
          (SELECT count(*) FROM mentions WHERE doc_id=x.id) <>
          (SELECT count(*) FROM c.mentions WHERE doc_id=x.id) OR
          (SELECT count(*) FROM sentences WHERE doc_id=x.id) <>
          (SELECT count(*) FROM c.sentences WHERE doc_id=x.id)" 2>&1)
    [ "$partial" = 0 ] || echo "$2: $partial partly stored documents"
}
for ms in 50 120 200 260 320 380 440; do
    rm -f "$d"/k.db*
    (ingest "$d/k.db") &
    pid=$!
    sleep "$(printf '0.%03d' "$ms")"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    check "$d/k.db" "killed after $ms ms"
    # the resumed run, itself killed once halfway
    (ingest "$d/k.db") &
    pid=$!
    sleep 0.2
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    check "$d/k.db" "resume killed"
    (ingest "$d/k.db") || echo "after $ms ms: resumed run: exit $?"
    dump "$d/k.db" >"$d/k.dump"
    if cmp -s "$d/clean.dump" "$d/k.dump"; then
        echo "killed after $ms ms: integrity ok, whole documents, resumed to the clean store"
    else
        echo "killed after $ms ms: resumed store differs from the clean one:"
        diff "$d/clean.dump" "$d/k.dump" | head -5
    fi
done
