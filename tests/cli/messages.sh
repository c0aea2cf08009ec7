# Messages escape control characters from file names and input text, and
# a long path loses its middle, never the reason.  Every input here is
# skipped or warned about, so the exit status is 1.
long=no-such-dir/$(printf '%01000d' 0)/x.jsonl
esc=$(printf 'no-such-\033[31mred.jsonl')
printf '%s\n' '{"id":"a\u001b[2J","text":"Russia met Turkey.","date":"\u001b[31m"}' |
  "$DYAD" sentences - "$esc" "$long" >/dev/null
