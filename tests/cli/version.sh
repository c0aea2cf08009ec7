# --version and --help answer on stdout with exit 0.
"$DYAD" --version
"$DYAD" --help | head -n 1
"$DYAD" help sentences | head -n 1
"$DYAD" sentences --help | head -n 1
