# scripts/eval-silence: the gold sentences dyad codes nothing in, by
# cause.  One story of our own: an attack and a visit dyad codes, an act
# whose target is not named, and a sentence with no act at all.
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 is absent"; exit 77; }
here=$(pwd)
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
printf '%s\n' '{"id": "s1", "date": "2024-05-06", "text": "France attacked Germany on Monday. Officials reviewed the plans. The weather in Paris was pleasant. Italy hosted Spain."}' >"$d/stories.jsonl"
printf '%s\n' '{"story": "s1"}' \
  '{"story": "s1", "start": 0, "end": 34, "source": "FRA", "target": "DEU", "code": "190"}' \
  '{"story": "s1", "start": 35, "end": 64, "source": "FRAGOV", "target": "DEU", "code": "030"}' \
  '{"story": "s1", "start": 65, "end": 99, "source": "FRA", "target": "DEU", "code": "010"}' \
  '{"story": "s1", "start": 100, "end": 119, "source": "ITA", "target": "ESP", "code": "042"}' >"$d/gold.jsonl"
python3 "$here/scripts/eval-silence" "$d/gold.jsonl" "$d/stories.jsonl" "$DYAD"; echo "rc=$?"
python3 "$here/scripts/eval-silence" --list "$d/gold.jsonl" "$d/stories.jsonl" "$DYAD" | sed -n 1,2p; echo "rc=$?"
python3 "$here/scripts/eval-silence" "$d/gold.jsonl" 2>&1; echo "rc=$?"
