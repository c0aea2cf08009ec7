# Good and malformed JSON lines from stdin: every good document comes
# out, one error line per bad line, exit status 1.
printf '%s\n' \
  '{"id":"a","text":"Russia and Turkey held talks. They agreed on patrols.","date":"2020-06-10"}' \
  '{"id":"b","text":"unterminated' \
  '{"id":"c","text":"Bad \u00e9 escapes are fine."}' \
  'not json at all' \
  '{"id":"d","text":42}' \
  '{"id":"e","text":"MOSCOW, June 10. /TASS/. Putin called Erdogan."}' \
  | "$DYAD" sentences -
