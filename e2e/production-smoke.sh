#!/usr/bin/env bash
# The production path, end to end, on a fresh clone of what is committed: `npm ci`, `npm run build`,
# `npm prune --omit=dev`, then `npm run serve` (two processes). Checks /healthz, widget.js sent
# compressed when asked, a call-back answered 201, `npx beckon doctor` and `npx beckon backup` in the
# pruned install, and a clean exit on SIGTERM. Run by .ci/run after `npm test`; about a minute
# with a warm npm cache. SMOKE_PORT picks the port (default 8810).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
port="${SMOKE_PORT:-8810}"
work="$(mktemp -d)"
pid=""
finish() {
  if [ -n "$pid" ]; then kill -TERM -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap finish EXIT
fail() {
  echo "production smoke: $*" >&2
  [ -f "$work/serve.log" ] && sed 's/^/  serve: /' "$work/serve.log" >&2
  exit 1
}

git clone --quiet "$repo" "$work/beckon"
cd "$work/beckon"
npm ci --no-audit --no-fund --prefer-offline --loglevel=error
npm run build --silent
npm prune --omit=dev --no-audit --no-fund --loglevel=error
for dev in tsx typescript esbuild drizzle-kit vitest; do
  [ ! -e "node_modules/$dev" ] || fail "$dev is still installed after npm prune --omit=dev"
done

export PORT="$port" HOST=127.0.0.1 PUBLIC_URL="http://localhost:$port" DATABASE_URL="file:$work/data/beckon.db" WEB_CONCURRENCY=2
# Its own process group, so that whatever is left at the end can be stopped as a whole.
setsid npm run serve --silent >"$work/serve.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || fail "npm run serve exited before it answered /healthz"
  sleep 0.5
done
curl -fsS "$base/healthz" | grep -q '"ok":true' || fail "/healthz did not answer ok"

for encoding in br gzip; do
  curl -fsS -o /dev/null -D "$work/headers" -H "Accept-Encoding: $encoding" "$base/widget.js"
  grep -qi "^content-encoding: $encoding" "$work/headers" || fail "widget.js was not sent with Content-Encoding: $encoding"
  grep -qi "^vary: accept-encoding" "$work/headers" || fail "widget.js has no Vary: Accept-Encoding"
done

status=$(curl -sS -o "$work/answer" -w '%{http_code}' -X POST "$base/api/v1/sites/demo/callbacks" \
  -H "Content-Type: text/plain" -H "Origin: $PUBLIC_URL" \
  --data '{"name":"Smoke Test","phone":"+14155550123","when":"asap"}')
[ "$status" = 201 ] || fail "a call-back was answered $status: $(cat "$work/answer")"

# Attachments: sharp (native) and file-type load in the pruned install; a photo comes back without EXIF.
token="smoke-chat-token-0123456789abcdefghijklmnop"
chat=$(curl -sS -X POST "$base/api/v1/sites/demo/chats" -H "Content-Type: text/plain" -H "Origin: $PUBLIC_URL" \
  --data "{\"token\":\"$token\",\"message\":\"Smoke photo\"}")
chat_id=$(printf '%s' "$chat" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
[ -n "$chat_id" ] || fail "a chat was not started: $chat"
status=$(curl -sS -o "$work/upload" -w '%{http_code}' -H "Origin: $PUBLIC_URL" -F "token=$token" \
  -F "file=@e2e/fixtures/gps-photo.jpg;type=image/jpeg" "$base/api/v1/sites/demo/chats/$chat_id/files")
[ "$status" = 201 ] || fail "a photo upload was answered $status: $(cat "$work/upload")"
grep -q '"image":true' "$work/upload" || fail "the uploaded photo is not described as an image: $(cat "$work/upload")"

npx --no-install beckon doctor >"$work/doctor.log" 2>&1 || { cat "$work/doctor.log" >&2; fail "beckon doctor found a problem"; }
npx --no-install beckon backup "$work/backup.db" >/dev/null || fail "beckon backup failed"
[ -s "$work/backup.db" ] || fail "beckon backup wrote nothing"

# SIGTERM to the server itself (the cluster primary passes it on): npm, its parent, then exits with its code.
server=$(pgrep -o -g "$pid" -x node) || fail "no server process under npm run serve"
kill -TERM "$server"
code=0
wait "$pid" || code=$?
[ "$code" = 0 ] || fail "npm run serve exited $code after SIGTERM"  # the trap stops whatever is left
pid=""
echo "production smoke: ok (clone, npm ci, build, prune, serve with 2 processes, healthz, br/gzip widget.js, call-back 201, doctor, backup, SIGTERM exit 0)"
