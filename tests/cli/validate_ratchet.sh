# The PETRARCH unit-test suite must not lose ground: the pass count may
# only go up.  Raise tests/validate.baseline when the coder improves.
suite=../shared/petrarch2/validation/PETR.UnitTest.records.xml
[ -f "$suite" ] || { echo "SKIP: $suite is absent"; exit 77; }
baseline=$(cat tests/validate.baseline)
last=$("$DYAD" validate "$suite" | tail -n 1)
passed=${last%% passed*}
echo "$last (baseline $baseline)"
[ "$passed" -ge "$baseline" ] || { echo "regression: $passed < $baseline"; exit 1; }
