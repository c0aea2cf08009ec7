# Usage errors exit 2 and say what was wrong.
"$DYAD" frobnicate; echo "rc=$?"
"$DYAD" sentences --bogus; echo "rc=$?"
"$DYAD" sentences --input-format yaml x; echo "rc=$?"
"$DYAD" help nosuch; echo "rc=$?"
"$DYAD"; echo "rc=$?"
