#!/usr/bin/env bash
# The demo's set-up on SQLite (as `make demo` does it, in a throw-away folder), run twice to
# show the seed is idempotent, then the directory, a commune's home page and the open data must
# answer 200.
set -euo pipefail
cd "$(dirname "$0")/.."
VAR_DIR="$(mktemp -d)"
export VAR_DIR DJANGO_SETTINGS_MODULE=portal.settings.dev
unset DATABASE_URL REDIS_URL
PY=.venv/bin/python
$PY manage.py migrate --noinput -v 0
$PY manage.py seed_demo > "$VAR_DIR/seed1.log"
$PY manage.py seed_demo > "$VAR_DIR/seed2.log"
grep -q "voiron.portal.localhost" "$VAR_DIR/seed1.log"
port=18765
$PY manage.py runserver "127.0.0.1:$port" --noreload > "$VAR_DIR/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$VAR_DIR"' EXIT
for _ in $(seq 1 60); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.5
done
check() {
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $1" "http://127.0.0.1:$port$2")
  if [ "$code" != 200 ]; then echo "demo smoke: $1$2 answered $code"; exit 1; fi
  echo "demo smoke: $1$2 answered 200"
}
check portal.localhost:8000 /
check portal.localhost:8000 "/?q=st+etienne"
check voiron.portal.localhost:8000 /
check saint-etienne-de-crossey.portal.localhost:8000 /demarches/
# The open data, whose medians SQLite computes with the project's own aggregate function.
check portal.localhost:8000 /donnees-ouvertes/demandes.csv
check voiron.portal.localhost:8000 /donnees-ouvertes/demandes.csv
