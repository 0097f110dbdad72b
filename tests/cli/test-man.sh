#!/usr/bin/env bash
# The manual page against the program, as TAP: the commands of
# `convoymap --help` are the page's COMMANDS, each command's long options
# in its --help are the ones its section lists, every option is described
# somewhere, the exit statuses and every environment variable the sources
# read are documented, and groff renders the page without a warning.
# Usage: test-man.sh CONVOYMAP MANPAGE SOURCE_DIR
set -u
convoymap=$1 page=$2 sources=$3
. "$(dirname "$0")/tap.sh"

# man_section HEADING: the lines of a .SS or .SH section, to the next one.
man_section() {
  awk -v want="$1" '
    /^\.S[SH] / { heading = substr($0, 5); gsub(/"/, "", heading); inside = (heading == want); next }
    inside { print }' "$page"
}
# The long options on the lines after .TP (a tag may name several).
tag_options() {
  awk 'tag { print; tag = 0 } /^\.TP/ { tag = 1 }' |
    grep -o '\\-\\-[a-z][a-z\\-]*' | sed 's/\\-/-/g; s/^--//' | sed 's/-$//' | sort -u
}
# The long options in the option column of --help, but --help itself.
help_options() {
  "$convoymap" "$@" --help |
    sed -n 's/^  \(-[a-z], \)\{0,1\}--\([a-z][a-z-]*\).*/\2/p' | grep -vx help | sort -u
}

# The command table: `convoymap --help` and the page's COMMANDS.
"$convoymap" --help | sed -n 's/^  \([a-z][a-z ]*[a-z]\)  .*/\1/p' >"$work/commands"
awk '/^\.SH / { inside = ($0 == ".SH COMMANDS"); next }
     inside && /^\.SS / { s = substr($0, 5); gsub(/"/, "", s); print s }' "$page" >"$work/man-commands"
check "the page's COMMANDS are those of convoymap --help" diff "$work/commands" "$work/man-commands"
check "convoymap --help lists eight commands" test "$(wc -l <"$work/commands")" -eq 8

while read -r command; do
  # shellcheck disable=SC2086 # "tiles merge" is two words
  help_options $command >"$work/help"
  man_section "$command" | tag_options >"$work/man"
  if diff "$work/help" "$work/man" >"$work/diff"; then
    ok "$command: the page lists the $(wc -l <"$work/help") long options of --help"
  else
    not_ok "$command: --help (<) and the page (>) differ" "$(cat "$work/diff")"
  fi
  cat "$work/help" >>"$work/all-options"
done <"$work/commands"
check "the commands have options to compare" test "$(sort -u "$work/all-options" | wc -l)" -ge 45

# Each option is described on a .TP tag of its own somewhere (grouped tags
# in a command's section point to a section that does).
awk 'tag { print; tag = 0 } /^\.TP/ { tag = 1 }' "$page" |
  sed 's/^\.BR \\-[a-z] ", " /.BR /' | grep -v ', ' |
  grep -o '^\.B[R]* \\-\\-[a-z][a-z\\-]*' | sed 's/.*\\-\\-//; s/\\-/-/g' | sort -u >"$work/described"
missing=$(sort -u "$work/all-options" | comm -23 - "$work/described" | tr '\n' ' ')
check "every option is described on a tag of its own${missing:+ (missing: $missing)}" test -z "$missing"

# Exit statuses, top-level flags, environment.
man_section "EXIT STATUS" | awk 'tag { print; tag = 0 } /^\.TP/ { tag = 1 }' | sed 's/^\.B //' | tr '\n' ' ' >"$work/statuses"
check "EXIT STATUS documents 0, 1, 2 and 130" test "$(cat "$work/statuses")" = "0 1 2 130 "
check "--version and --help are in the SYNOPSIS" sh -c "man_page=\$(sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/p' '$page'); echo \"\$man_page\" | grep -qF '\-\-version' && echo \"\$man_page\" | grep -qF '\-\-help'"
variables=$(grep -rhoE '(g_)?getenv\("[A-Z_]+"\)' "$sources" | sed 's/.*("\(.*\)")/\1/' | sort -u)
check "the sources read CONVOYMAP_DATA" sh -c "echo '$variables' | grep -qx CONVOYMAP_DATA"
for variable in $variables; do
  check "ENVIRONMENT documents $variable" sh -c "awk 'tag { print; tag = 0 } /^\.TP/ { tag = 1 }' <<'EOF' | grep -qw '$variable'
$(man_section ENVIRONMENT)
EOF"
done
for file in geodata/world.gpkg geodata/gazetteer.sqlite 'styles/\*.ini'; do
  check "FILES names $file" sh -c "man_section() { :; }; sed -n '/^\.SH FILES/,/^\.SH EXAMPLES/p' '$page' | grep -q 'DATA/$file'"
done
check "no @VARIABLE@ left unconfigured" sh -c "! grep -q '@[A-Z]*@' '$page'"

# Rendering: groff with every warning, and man itself.
if command -v groff >/dev/null; then
  LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$page" >"$work/groff.out" 2>&1
  check "groff -man -ww renders the page without a warning" sh -c "[ $? -eq 0 ] && [ ! -s '$work/groff.out' ]"
else
  skip "groff renders the page" "no groff (Debian groff-base)"
fi
if command -v mandoc >/dev/null; then
  check "mandoc -Tlint finds nothing" mandoc -Tlint -Wwarning "$page"
else
  skip "mandoc -Tlint" "no mandoc"
fi
if command -v man >/dev/null; then
  LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$page" >"$work/man.txt" 2>"$work/man.err"
  check "man -l shows the page, exit statuses and all" sh -c "grep -q '^EXIT STATUS' '$work/man.txt' && grep -q '^ *convoymap tile Z X Y' '$work/man.txt' && [ ! -s '$work/man.err' ]"
else
  skip "man -l" "no man"
fi

tap_done
