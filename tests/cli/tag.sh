# dyad tag: words, Penn tags, the chunk tree and verb groups per sentence;
# missing tagger data is reported with the path and exit 1.
dir=${DYAD_TAGGER_DIR:-/usr/share/perl5/Lingua/EN/Tagger}
if [ ! -f "$dir/words.yml" ]; then
    echo "SKIP: no tagger data in $dir (liblingua-en-tagger-perl)"
    exit 77
fi
printf 'Gondor will not attack Mordor, the minister said. Talks were suspended.\n' |
    "$DYAD" tag --input-format text
echo "rc=$?"
"$DYAD" tag --tagger-dir /nonexistent /dev/null 2>&1
echo "rc=$?"
