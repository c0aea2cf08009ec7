# `cmake --install` puts the binary and the built-in data under a prefix;
# the installed binary uses the prefix's data (not the build tree's), also
# once the prefix is moved, and codes exactly as the build tree's binary.
# The compiled tagger model and gazetteer are the prefix's too: damaged,
# the installed binary names them, reads their sources instead, and codes
# the same.
command -v cmake >/dev/null || { echo "cmake is not installed: skipped"; exit 77; }
build=$(dirname "$DYAD")
[ -f "$build/cmake_install.cmake" ] || { echo "no cmake_install.cmake beside $DYAD: skipped"; exit 77; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cmake --install "$build" --prefix "$t/prefix" >/dev/null || { echo "install failed"; exit 1; }
mv "$t/prefix" "$t/moved"
bin="$t/moved/bin/dyad"
"$bin" --version | sed -n "s#^\(dictionaries\|gazetteer\|tagger\) $t/moved/bin/../share/dyad/\(.*\)#\1 PREFIX/share/dyad/\2#p"
"$DYAD" code examples/stories.jsonl > "$t/build.jsonl"
(cd "$t" && "$bin" code "$OLDPWD/examples/stories.jsonl") > "$t/installed.jsonl"
[ -s "$t/build.jsonl" ] && cmp -s "$t/build.jsonl" "$t/installed.jsonl" && echo "same events"
m="$t/moved/share/dyad/tagger/model.bin"
[ -f "$m" ] || { echo "no compiled tagger model installed"; exit 1; }
printf 'x' | dd of="$m" bs=1 seek=1000 conv=notrunc 2>/dev/null
g="$t/moved/share/dyad/places/places.bin"
[ -f "$g" ] || { echo "no compiled gazetteer installed"; exit 1; }
printf 'x' | dd of="$g" bs=1 seek=1000 conv=notrunc 2>/dev/null
(cd "$t" && "$bin" code "$OLDPWD/examples/stories.jsonl" 2>"$t/err") > "$t/damaged.jsonl"
sed "s#$t/moved/bin/../share/dyad/#PREFIX/share/dyad/#" "$t/err"
cmp -s "$t/build.jsonl" "$t/damaged.jsonl" && echo "same events with both damaged"
