#!/usr/bin/env bash
# The documentation's promises that a script can check: README.md is the
# short front door (at most 450 lines) and starts with the two set-up
# commands, the lines .ci/run runs are shown in it verbatim, and every
# relative link (and #anchor) in README.md, NEWS.md, bench/RESULTS.md and
# docs/*.md, and every source path written in code, names a file in the
# tree. TAP.
#   tests/cli/test-docs.sh [SOURCE_ROOT]
set -u
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$(dirname "$0")/tap.sh"

readme="$root/README.md"
lines=$(wc -l <"$readme")
if [ "$lines" -le 450 ]; then
  ok "README.md has $lines lines (at most 450)"
else
  not_ok "README.md has at most 450 lines" "it has $lines"
fi

# Before the commands only the title and the sentence that introduces them.
preamble=$(awk '/^```/ { exit } NF' "$readme")
if [ "$(head -1 <<<"$preamble")" = "# convoymap" ] && [ "$(wc -l <<<"$preamble")" -le 3 ]; then
  ok "README.md opens with its title and one sentence before the commands"
else
  mapfile -t problems <<<"$preamble"
  not_ok "README.md opens with its title and one sentence before the commands" "${problems[@]}"
fi

# The first two fenced blocks, and nothing fenced before them.
first_blocks=$(awk '/^```/ { if (inside) { blocks++; inside = 0; if (blocks == 2) exit; next }
                            inside = 1; print "FENCE " $0; next }
                    inside { print }' "$readme")
expected=$'FENCE ```sh\n./setup.sh\nFENCE ```sh\n./setup.sh test'
if [ "$first_blocks" = "$expected" ]; then
  ok "README.md starts with ./setup.sh and ./setup.sh test"
else
  mapfile -t problems <<<"$first_blocks"
  not_ok "README.md starts with ./setup.sh and ./setup.sh test" "${problems[@]}"
fi

# What .ci/run runs (not its shebang, shell options or cd) is in the README
# as written there.
missing=""
while IFS= read -r line; do
  case "$line" in '#'* | '' | 'set '* | 'cd '*) continue ;; esac
  grep -qxF -- "$line" "$readme" || missing="$missing $line;"
done <"$root/.ci/run"
if [ -z "$missing" ]; then
  ok "every command of .ci/run is shown verbatim in README.md"
else
  not_ok "every command of .ci/run is shown verbatim in README.md" "missing:$missing"
fi

# check_links ROOT: prints one line per broken link, anchor or path.
check_links() {
python3 - "$1" <<'PY'
import os, re, sys

root = sys.argv[1]
pages = ["README.md", "NEWS.md", "bench/RESULTS.md"] + sorted(
    "docs/" + f for f in os.listdir(os.path.join(root, "docs")) if f.endswith(".md"))

def slug(heading):
    # GitHub's anchors: lower case, punctuation dropped, spaces to hyphens.
    text = re.sub(r"`", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")

def anchors(path):
    found, fenced = set(), False
    for line in open(path, encoding="utf-8"):
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("#"):
            found.add(slug(line.lstrip("#")))
    return found

def prose(path):
    # The text outside fenced blocks, where links and code spans are.
    fenced = False
    for line in open(path, encoding="utf-8"):
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced:
            yield line

link = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
span = re.compile(r"`([^`\s]+)`")
# Paths into the tree written in code spans: src/core/march.c, styles/…,
# man/convoymap.1.in
tree_path = re.compile(r"^(src|include|tests|styles|geodata|bench|docs|man)/[\w./-]+$")

for page in pages:
    base = os.path.dirname(os.path.join(root, page))
    for number, line in enumerate(prose(os.path.join(root, page)), 1):
        for target in link.findall(line):
            if re.match(r"^[a-z]+:", target):
                continue

            path, _, fragment = target.partition("#")
            full = os.path.normpath(os.path.join(base, path)) if path else os.path.join(root, page)
            if not os.path.exists(full):
                print(f"{page}: link to {target}: no such file")
            elif fragment and full.endswith(".md") and fragment not in anchors(full):
                print(f"{page}: link to {target}: no heading #{fragment}")
        for text in span.findall(line):
            # Placeholders (NAME, OUT) and globs are not paths to check.
            if not tree_path.match(text) or re.search(r"/[A-Z]+\b|\*", text):
                continue

            if not os.path.exists(os.path.join(root, text)):
                print(f"{page}: path `{text}`: no such file")
PY
}

if check_links "$root" >"$work/links" && [ ! -s "$work/links" ]; then
  ok "every relative link, anchor and source path in the docs resolves"
else
  mapfile -t problems <"$work/links"
  not_ok "every relative link, anchor and source path in the docs resolves" "${problems[@]}"
fi

# The check itself must be able to fail: a page with a broken link, a
# missing anchor and a stale path is caught.
mkdir -p "$work/tree/docs" "$work/tree/bench" "$work/tree/.ci"
cp "$readme" "$work/tree/README.md"
cp "$root/.ci/run" "$work/tree/.ci/run"
printf '# News\n' >"$work/tree/NEWS.md"
printf '# Results\n' >"$work/tree/bench/RESULTS.md"
printf '# Page\n\n[gone](gone.md), [anchor](#nowhere), `src/no/such.c`\n' >"$work/tree/docs/page.md"
broken=$(check_links "$work/tree" 2>/dev/null)
if grep -q "gone.md: no such file" <<<"$broken" && grep -q "no heading #nowhere" <<<"$broken" &&
   grep -q "src/no/such.c" <<<"$broken"; then
  ok "a broken link, anchor and path are reported"
else
  mapfile -t problems <<<"$broken"
  not_ok "a broken link, anchor and path are reported" "${problems[@]}"
fi
tap_done
