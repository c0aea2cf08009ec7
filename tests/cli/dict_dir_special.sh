# A dictionary folder holding what is not a regular file: a FIFO named
# like a dictionary, a FIFO of another name, a directory named like a
# dictionary and a link to nothing are each reported with their path and
# skipped, under a timeout so that nothing waits on the FIFOs; the real
# dictionaries are still loaded and the story coded; exit status 1.  A
# plain subdirectory and a README are ignored as before.
command -v timeout >/dev/null || { echo "SKIP: timeout(1) is absent"; exit 77; }
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
echo "notes" >dicts/README
mkdir dicts/old dicts/spare.txt
mkfifo dicts/zz.verbs.txt dicts/pipe
ln -s nowhere dicts/gone.actors.txt
echo "Chile accused Peru of spying." >story.txt
timeout 5 "$DYAD" code --dict-dir dicts story.txt >out 2>err
echo "rc=$?"
cat err
sed 's/.*"source":"\([^"]*\)","target":"\([^"]*\)","code":"\([^"]*\)".*/\1 \2 \3/' out
timeout 5 "$DYAD" dict check dicts >out 2>err
echo "rc=$?"
grep -v '^[0-9]* file' out
cat err
