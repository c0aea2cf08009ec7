# `dyad consolidate --format csv` and `--format tsv` load with pandas'
# read_csv: as is (the shape), and as text (dtype=str, no NA guessing:
# CAMEO codes keep their leading zeros) with the same cells as Python's
# csv module reads.  Skipped without pandas (Debian python3-pandas).
# The first python3 on PATH may be another installation than Debian's.
py=
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import pandas' 2>/dev/null; then py=$p; break; fi
done
[ -n "$py" ] || { echo "SKIP: pandas is absent"; exit 77; }
m=tests/cli/consolidate_mentions.jsonl
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$DYAD" consolidate --format csv "$m" > "$d/e.csv" || exit 1
"$DYAD" consolidate --format tsv "$m" > "$d/e.tsv" || exit 1
"$py" - "$d" <<'END'
import csv, sys
import pandas as pd
d = sys.argv[1]
for name, sep, dialect in (("e.csv", ",", "excel"), ("e.tsv", "\t", "excel-tab")):
    plain = pd.read_csv(d + "/" + name, sep=sep)
    text = pd.read_csv(d + "/" + name, sep=sep, dtype=str, keep_default_na=False)
    with open(d + "/" + name, newline="") as f:
        rows = list(csv.reader(f, dialect=dialect))
    same = [list(rows[0])] + [list(r) for r in rows[1:]] == \
           [list(text.columns)] + text.values.tolist()
    print(name, "shape", plain.shape, "num_articles", list(plain["num_articles"]),
          "codes as text", list(text["code"]), "cells as csv module:", same)
END
