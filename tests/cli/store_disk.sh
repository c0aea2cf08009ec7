# A full disk and a read-only store (needs root: a tiny tmpfs is
# mounted, and a file made immutable with chattr; skipped otherwise).
# The ingest that runs out of space stops with one clear message and
# exit 1; the store still passes integrity_check and keeps every
# document stored before.  A store that cannot be written is refused
# before anything is coded; queries still read it.
seeds=../shared/corpus/seeds/seeds.jsonl
voa=../shared/corpus/voa/voa_stories.jsonl
[ -f "$seeds" ] && [ -f "$voa" ] || { echo "SKIP: ../shared corpora are absent"; exit 77; }
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 (the shell) is absent"; exit 77; }
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root (mount, chattr)"; exit 77; }
d=$(mktemp -d)
trap 'umount "$d/mnt" 2>/dev/null; chattr -i "$d/ro.db" 2>/dev/null; rm -rf "$d"' EXIT
mkdir "$d/mnt"
mount -t tmpfs -o size=1200k tmpfs "$d/mnt" 2>/dev/null || { echo "SKIP: cannot mount a tmpfs"; exit 77; }
"$DYAD" ingest --quiet --db "$d/mnt/s.db" "$seeds"; echo "seeds: exit $?"
"$DYAD" events --db "$d/mnt/s.db" >"$d/before"
"$DYAD" ingest --quiet --batch 2 --db "$d/mnt/s.db" "$voa" 2>"$d/err"; echo "VOA on a full disk: exit $?"
grep -c "s.db: .*the disk (or the database's size limit) is full" "$d/err" | sed 's/^/messages saying so: /'
sqlite3 "$d/mnt/s.db" "PRAGMA integrity_check;
  SELECT count(*) || ' seed documents kept' FROM documents WHERE id LIKE '00%'"
umount "$d/mnt"
"$DYAD" ingest --quiet --db "$d/ro.db" "$seeds"
touch "$d/x" && chattr +i "$d/x" 2>/dev/null || { echo "SKIP: chattr +i is not supported here"; exit 77; }
chattr -i "$d/x"
chattr +i "$d/ro.db"
"$DYAD" ingest --quiet --db "$d/ro.db" "$voa" 2>"$d/err"; echo "read-only store: exit $?"
sed "s|$d/||" "$d/err"
"$DYAD" events --db "$d/ro.db" --code 04 --dyad RUS,TUR --from 2020-06-10 --to 2020-06-10 \
    --modality asserted | wc -l | sed 's/^/read-only store, query: /'
