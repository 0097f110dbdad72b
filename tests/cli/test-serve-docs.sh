#!/usr/bin/env bash
# docs/serve.md's nginx example passes `nginx -t` (with a self-signed
# certificate in place of the real one), and the page names every flag of
# `serve --help`.
# Usage: test-serve-docs.sh CONVOYMAP DOC
set -u
convoymap=$1 doc=$2
. "$(dirname "$0")/tap.sh"

"$convoymap" serve --help | sed -n 's/^  \(-[a-z], \)\{0,1\}--\([a-z][a-z-]*\).*/\2/p' |
  grep -vxE 'help|from|via|to|route|route-file|mark|data|gazetteer|tile-size|style|labels' >"$work/flags"
missing=$(while read -r flag; do grep -q -- "--$flag" "$doc" || echo "$flag"; done <"$work/flags" | tr '\n' ' ')
check "docs/serve.md names every server flag${missing:+ (missing: $missing)}" test -z "$missing"

if ! command -v nginx >/dev/null || ! command -v openssl >/dev/null; then
  skip "nginx -t on the example" "no nginx or openssl (Debian nginx-light, openssl)"
  tap_done; exit
fi
awk '/^```nginx/ { inside = 1; next } /^```/ { inside = 0 } inside' "$doc" >"$work/site.conf"
check "docs/serve.md has an nginx example" grep -q 'proxy_pass http://convoymap' "$work/site.conf"
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=maps.example.org -days 1 \
  -keyout "$work/key.pem" -out "$work/cert.pem" >/dev/null 2>&1
sed -i "s|/etc/ssl/certs/maps.example.org.pem|$work/cert.pem|; s|/etc/ssl/private/maps.example.org.key|$work/key.pem|;
        s|/var/cache/nginx/convoymap|$work/cache|" "$work/site.conf"
cat >"$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
  access_log off;
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi;
  scgi_temp_path $work/scgi;
  include $work/site.conf;
}
CONF
if nginx -t -p "$work" -c "$work/nginx.conf" -e "$work/error.log" >"$work/nginx.out" 2>&1; then
  ok "nginx -t accepts the example (TLS, HTTP/2, proxy_cache)"
else
  not_ok "nginx -t accepts the example" "$(cat "$work/nginx.out")"
fi
tap_done
