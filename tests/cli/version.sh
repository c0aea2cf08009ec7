# --version and --help answer on stdout with exit 0; --version also names
# the folders of the built-in data (machine-dependent: checked to exist).
"$DYAD" --version | head -n 1
"$DYAD" --version | sed -n 's/^dictionaries //p' | while read -r d; do [ -f "$d/verbs.txt" ] && echo "dictionaries found"; done
"$DYAD" --version | sed -n 's/^gazetteer //p' | while read -r d; do [ -f "$d/countries.tsv" ] && echo "gazetteer found"; done
"$DYAD" --version | sed -n 's/^tagger //p' | while read -r d; do [ -f "$d/model.bin" ] && echo "tagger model found"; done
"$DYAD" --help | head -n 1
"$DYAD" help sentences | head -n 1
"$DYAD" sentences --help | head -n 1
