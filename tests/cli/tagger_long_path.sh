# The tagger's data read from a folder whose path is over 1,100 bytes:
# it loads (the whole path is used, not its first 1,023 bytes), and tags
# as from the default folder; with a file missing there the message
# still ends in the file's name and the reason.
t=${DYAD_TAGGER_DIR:-/usr/share/perl5/Lingua/EN/Tagger}
[ -f "$t/words.yml" ] || { echo "SKIP: no tagger data in $t"; exit 77; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
long=$d
for i in 1 2 3 4 5 6; do long=$long/$(printf 'tagger%.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30); done
mkdir -p "$long" || exit 1
[ "${#long}" -gt 1100 ] || { echo "path too short: ${#long}"; exit 1; }
ln -s "$t/words.yml" "$t/tags.yml" "$long/"
echo "Chile accused Peru." >"$d/story.txt"
"$DYAD" tag "$d/story.txt" >"$d/want"
"$DYAD" tag --tagger-dir "$long" "$d/story.txt" >"$d/got"
echo "rc=$?"
cmp -s "$d/want" "$d/got" && echo "same tags as from $t"
rm "$long/tags.yml"
"$DYAD" tag --tagger-dir "$long" "$d/story.txt" 2>&1 >/dev/null | sed 's/.*\//.../'
