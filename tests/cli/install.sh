# `cmake --install` puts the binary and the built-in data under a prefix;
# the installed binary uses the prefix's data (not the build tree's), also
# once the prefix is moved, and codes exactly as the build tree's binary.
command -v cmake >/dev/null || { echo "cmake is not installed: skipped"; exit 77; }
build=$(dirname "$DYAD")
[ -f "$build/cmake_install.cmake" ] || { echo "no cmake_install.cmake beside $DYAD: skipped"; exit 77; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cmake --install "$build" --prefix "$t/prefix" >/dev/null || { echo "install failed"; exit 1; }
mv "$t/prefix" "$t/moved"
bin="$t/moved/bin/dyad"
"$bin" --version | sed -n "s#^\(dictionaries\|gazetteer\) $t/moved/bin/../share/dyad/\(.*\)#\1 PREFIX/share/dyad/\2#p"
"$DYAD" code examples/stories.jsonl > "$t/build.jsonl"
(cd "$t" && "$bin" code "$OLDPWD/examples/stories.jsonl") > "$t/installed.jsonl"
[ -s "$t/build.jsonl" ] && cmp -s "$t/build.jsonl" "$t/installed.jsonl" && echo "same events"
