# The GNU parallel recipe of docs/SCALING.md, on local worker processes:
# the VOA sample cut into blocks by `parallel --pipe`, each block coded by
# its own `dyad code -j 1`, the mentions concatenated in whatever order
# the jobs finish (--line-buffer, no --keep-order) and consolidated at
# the end, gives the same bytes as one process coding the whole file.
# Skipped without GNU parallel (Debian parallel) or ../shared.
voa=../shared/corpus/voa/voa_stories.jsonl
[ -f "$voa" ] || { echo "SKIP: $voa is absent"; exit 77; }
command -v parallel >/dev/null || { echo "SKIP: GNU parallel is absent"; exit 77; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$DYAD" code -j 1 "$voa" | "$DYAD" consolidate > "$d/one" || exit 1
# blocks of about 20 KB, cut at line ends (one document per line)
parallel --will-cite --pipe --block 20k -j 2 --line-buffer "$DYAD" code -j 1 \
    < "$voa" > "$d/mentions" || exit 1
"$DYAD" consolidate "$d/mentions" > "$d/many" || exit 1
cmp -s "$d/one" "$d/many" && echo "parallel --pipe, then consolidate: identical to one process"
[ "$(wc -l < "$d/mentions")" -eq "$("$DYAD" code -j 1 "$voa" | wc -l)" ] && echo "mentions: same count"
