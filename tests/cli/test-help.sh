#!/usr/bin/env bash
# The program's help and argument parsing, as TAP: every command answers
# --help with exit 0 and its flags (the route flags first where it takes
# routes), the command table drives usage and dispatch, negative numbers
# and coordinates are arguments rather than unknown options, and --format
# means the same in every command that prints a report.
set -u
convoymap=$1
. "$(dirname "$0")/tap.sh"

commands=(render route geocode tiles "tiles merge" tile serve "roads import")

# The long options in the option column of a command's --help.
help_options() { "$convoymap" "$@" --help | sed -n 's/^  \(-[a-z], \)\{0,1\}--\([a-z][a-z-]*\).*/\2/p'; }

run --help
check "--help exits 0" test "$code" -eq 0
for command in "${commands[@]}"; do
  check "--help lists '$command'" grep -qE "^  $command  " "$work/stdout"
done

run
check "no command: exit 2 and the usage on stderr" \
  sh -c "[ $code -eq 2 ] && grep -q '^Usage: convoymap COMMAND' '$work/stderr' && [ ! -s '$work/stdout' ]"

expect_error "an unknown command" 2 "unknown command 'frobnicate'" frobnicate

for command in "${commands[@]}"; do
  # shellcheck disable=SC2086 # "tiles merge" is two words
  run $command --help
  if [ "$code" -eq 0 ] && [ ! -s "$work/stderr" ] &&
     head -1 "$work/stdout" | grep -q "^Usage: convoymap $command " &&
     grep -q -- '-h, --help' "$work/stdout"; then
    ok "$command --help: exit 0, its usage line on stdout"
  else
    not_ok "$command --help" "exit $code" "stdout: $(head -3 "$work/stdout")" "stderr: $(cat "$work/stderr")"
  fi
  # shellcheck disable=SC2086
  run $command -h
  check "$command -h is --help" test "$code" -eq 0 -a -s "$work/stdout"
done

# The edge of issue 13: `tile --help` asked to run `tile --help` (exit 2).
run tile --help
check "tile --help exits 0 without Z X Y" test "$code" -eq 0
check "tile --help lists --tile-size, --scale and -o" \
  sh -c "grep -q -- '--tile-size=N' '$work/stdout' && grep -q -- '--scale=S' '$work/stdout' && grep -q -- '-o, --output=FILE' '$work/stdout'"
run tile 3 4 2 --help
check "tile Z X Y --help exits 0" test "$code" -eq 0 -a -s "$work/stdout"

# The route flags were hidden behind --help-route; now they come first.
for command in route render tiles tile; do
  first=$(help_options "$command" | head -5 | tr '\n' ' ')
  check "$command --help lists the route flags first" test "$first" = "from via to route route-file "
done
run render --help
check "render --help lists --mark, --speed, --data, --gazetteer and --bbox" \
  sh -c "for o in mark speed start data gazetteer bbox center style labels; do grep -q -- \"--\$o=\" '$work/stdout' || exit 1; done"
run route --help-march
check "the old --help-march and --help-all still show the help" sh -c "[ $code -eq 0 ] && grep -q -- '--speed=KMH' '$work/stdout' && \"$convoymap\" render --help-all | grep -q -- '--from=SITE'"
run render --title "a title" --help --frobnicate
check "--help anywhere wins over the other flags" test "$code" -eq 0 -a -s "$work/stdout"
run route --units --help
check "--help as another flag's value is that value" sh -c "[ $code -eq 2 ] && grep -q \"units '--help'\" '$work/stderr'"

# A usage error is one line whatever the flag (found by fuzz-cli-args).
expect_error "an unknown option with a newline in it stays one line" 2 'Unknown option --ti\x0Ax' render $'--ti\nx'
expect_error "so does an unexpected argument" 2 "unexpected argument 'a\x1B[31mb'" route $'a\e[31mb'

# geocode: negative coordinates as arguments (issue 13: "Unknown option").
run geocode --format json -33.9,18.4
check "geocode -33.9,18.4 exits 0" test "$code" -eq 0
check "geocode -33.9,18.4 answers -33.9, 18.4 (MGRS 34HBH...)" python3 -c "
import json, sys
[a] = json.load(open(sys.argv[1]))
assert a['query'] == '-33.9,18.4' and a['match'] == 'coordinate', a
assert abs(a['lat'] + 33.9) < 1e-9 and abs(a['lon'] - 18.4) < 1e-9, a
assert a['mgrs'].startswith('34HBH'), a" "$work/stdout"
run geocode --json Baghdad -12.5,-45.25 "Cape Town" -- -1,-2
check "negative coordinates keep their place among the queries" python3 -c "
import json, sys
answers = json.load(open(sys.argv[1]))
assert [a['query'] for a in answers] == ['Baghdad', '-12.5,-45.25', 'Cape Town', '-1,-2'], answers
assert (answers[1]['lat'], answers[1]['lon']) == (-12.5, -45.25)
assert abs(answers[2]['lat'] + 33.9) < 0.2 and abs(answers[2]['lon'] - 18.4) < 0.2
assert (answers[3]['lat'], answers[3]['lon']) == (-1, -2)" "$work/stdout"
run geocode -33.9,18.4
check "geocode -33.9,18.4 as text" grep -q '^-33.9,18.4: .*-33.900000, 18.400000' "$work/stdout"
run geocode --reverse -33.9,18.4
check "geocode --reverse -33.9,18.4 is by Cape Town" grep -q '^3.6 km 323° from Cape Town' "$work/stdout"
run route --from -33.9,18.4 --via -34.0,18.6 --to "Cape Town" --format json
check "negative coordinates as option values" python3 -c "
import json, sys
legs = json.load(open(sys.argv[1]))['routes'][0]['legs']
assert [(l['from']['lat'], l['from']['lon']) for l in legs] == [(-33.9, 18.4), (-34.0, 18.6)], legs" "$work/stdout"
expect_error "a negative tile number is a bad Z X Y, not an option" 2 "Z '-1' is not a whole number from 0" tile -1 0 0 -o "$work/t.png"
expect_error "a bad tile number is named" 2 "X 'abc' is not a whole number from 0" tile 8 abc 1 -o "$work/t.png"
expect_error "an argument after Z X Y is named" 2 "unexpected argument 'extra' after Z X Y" tile 8 1 1 extra -o "$work/t.png"
expect_error "geocode --format names its own formats" 2 "geocode's --format is text or json, not 'xml'" geocode --format xml Baghdad
run tile -o "$work/t.png" 0 0 0
check "tile takes its options before Z X Y too" sh -c "[ $code -eq 0 ] && grep -q 'tile 0/0/0' '$work/stdout' && [ -s '$work/t.png' ]"
expect_error "route takes no argument" 2 "unexpected argument 'Baghdad'" route Baghdad
expect_error "nor a negative number" 2 "unexpected argument '-5'" route -5

# --format: the same flag in geocode as in route (--json kept as its alias).
run geocode --json Baghdad "Ayn al-Asad"
cp "$work/stdout" "$work/json-alias"
run geocode --format json Baghdad "Ayn al-Asad"
check "geocode --format json is --json" cmp "$work/stdout" "$work/json-alias"
run geocode --format text Baghdad
check "geocode --format text is one line per answer" grep -q '^Baghdad: Baghdad (city' "$work/stdout"
run geocode --format json --reverse 33.1,40.2
check "geocode --format json --reverse" python3 -c "
import json, sys
assert json.load(open(sys.argv[1]))['query']['lat'] == 33.1" "$work/stdout"
expect_error "geocode --format csv is refused" 2 "geocode's --format is text or json, not 'csv'" geocode --format csv Baghdad
expect_error "geocode --format of no format" 2 "geocode's --format is text or json, not 'yaml'" geocode --format yaml Baghdad
expect_error "--json and --format text disagree" 2 "--json is --format json" geocode --json --format text Baghdad
for command in route geocode; do
  check "$command --help lists --format" sh -c "help_options() { \"$convoymap\" $command --help; }; help_options | grep -q -- '--format=F'"
done

# The values of file options may be any bytes: the bad text named is the
# other argument (--gazetteer was missing from that list).
expect_error "a --gazetteer file name is not blamed for another argument's bytes" 2 \
  "argument '\\376' is not valid text" route --gazetteer $'\xff.csv' --from $'\xfe' --to Baghdad

# A flag is taken only where it does something: route draws no mark,
# tiles print no distance and draw no march table.
expect_error "route refuses --mark, which it would ignore" 2 "Unknown option --mark" route --mark Ramadi
expect_error "tiles refuses --units" 2 "Unknown option --units" tiles --units mi --bbox 38,29,48,37 --zoom 1 -o "$work/t.mbtiles"
expect_error "tile refuses --speed" 2 "Unknown option --speed" tile --speed 40 --start 071200ZSEP19 1 0 0 -o "$work/t.png"
check "tiles --help shows --mark but no --units or march flag" sh -c "h=\$(\"$convoymap\" tiles --help); echo \"\$h\" | grep -q -- '--mark=SITE' && ! echo \"\$h\" | grep -q -- '--units\\|--speed'"
check "route --help shows --units and --speed but no --mark" sh -c "h=\$(\"$convoymap\" route --help); echo \"\$h\" | grep -q -- '--units=U' && echo \"\$h\" | grep -q -- '--speed=KMH' && ! echo \"\$h\" | grep -q -- '--mark'"

tap_done
