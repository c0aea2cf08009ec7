# `dyad consolidate --format csv` loads with R's read.csv and `--format
# tsv` with read.delim (read.csv with sep="\t"): the shape, the counts as
# numbers, and every text cell as written (quotes, commas, a newline).
# Skipped without R (Debian r-base-core).
command -v Rscript >/dev/null || { echo "SKIP: Rscript is absent"; exit 77; }
m=tests/cli/consolidate_mentions.jsonl
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"$DYAD" consolidate --format csv "$m" > "$d/e.csv" || exit 1
"$DYAD" consolidate --format tsv "$m" > "$d/e.tsv" || exit 1
Rscript --vanilla - "$d" <<'END'
d <- commandArgs(trailingOnly = TRUE)[1]
for (f in c("e.csv", "e.tsv")) {
  sep <- if (f == "e.csv") "," else "\t"
  x <- read.csv(file.path(d, f), sep = sep, colClasses = "character",
                na.strings = character(0), encoding = "UTF-8")
  n <- read.csv(file.path(d, f), sep = sep)
  cat(f, "dim", dim(x), "num_mentions", n$num_mentions, "\n")
  for (col in c("code", "source_text", "target_text", "doc_ids", "place"))
    cat(" ", col, ":", paste(encodeString(x[[col]], quote = "'"), collapse = " "), "\n")
}
END
