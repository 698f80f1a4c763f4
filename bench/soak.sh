#!/usr/bin/env bash
# Soak test: gunicorn with the production settings under wrk for DURATION_MINUTES (default 5),
# over a mix of reader pages. Prints errors and the server's memory after warm-up and after
# each minute. Needs wrk (Debian package `wrk`) and a database with the demo content
# (`make run` once, or DATABASE_URL pointing at one). Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION_MINUTES="${DURATION_MINUTES:-5}"
CONNECTIONS="${CONNECTIONS:-16}"
WORKERS="${WORKERS:-2}"
PORT="${PORT:-8077}"
PYTHON=.venv/bin/python
WORK="$(mktemp -d)"
trap 'kill "${SERVER_PID:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 2; }

# The production environment: debug off, a secret key, HTTPS ended by a proxy in front.
env_vars=(
  DJANGO_DEBUG=0
  DJANGO_SECRET_KEY="soak-$(head -c 32 /dev/urandom | base64 | tr -d '/+=')"
  DJANGO_ALLOWED_HOSTS=127.0.0.1
  DJANGO_SECURE_PROXY_SSL_HEADER=1
  DJANGO_LOG_FORMAT=json
  DJANGO_STATIC_ROOT="$WORK/static"
)
run() { env "${env_vars[@]}" "$@"; }

run $PYTHON manage.py collectstatic --noinput -v0
run $PYTHON manage.py migrate --noinput -v0
run $PYTHON manage.py shell -c "
from articles.models import Article, Section, Tag
from authors.models import Author
paths = ['/', '/news-feed/', '/news-feed/?page=2']
paths += [a.get_absolute_url() for a in Article.objects.published()[:30]]
paths += [s.get_absolute_url() for s in Section.objects.all()]
paths += [t.get_absolute_url() for t in Tag.objects.all()[:10]]
paths += [a.get_absolute_url() for a in Author.objects.all()]
print('\n'.join(paths))
" | grep '^/' > "$WORK/paths.txt"

# Started with env directly (not through a function) so that $! is gunicorn's master.
env "${env_vars[@]}" $PYTHON -m gunicorn newsroom.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" \
  --access-logfile /dev/null > "$WORK/gunicorn.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 50); do curl -sf -o /dev/null -H 'X-Forwarded-Proto: https' "http://127.0.0.1:$PORT/" && break; sleep 0.2; done

# Pages that already fail before any load are reported and left out of the mix.
: > "$WORK/mix.txt"
while read -r path; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-Proto: https' "http://127.0.0.1:$PORT$path" || true)
  if [ "$status" = 200 ]; then echo "$path" >> "$WORK/mix.txt"; else echo "Left out, $status before the run: $path"; fi
done < "$WORK/paths.txt"
echo "Pages in the mix: $(wc -l < "$WORK/mix.txt")"

memory_mb() {  # resident memory of the gunicorn master and its workers, in MB
  local pids
  pids=$(pgrep -d, -f -- "gunicorn newsroom.wsgi --bind 127.0.0.1:$PORT" || true)
  { ps -o rss= -p "$pids" || true; } | awk '{ sum += $1 } END { printf "%.1f", sum / 1024 }'
}

load() {  # load SECONDS: run wrk, print requests/s and errors
  PATHS_FILE="$WORK/mix.txt" wrk -t2 -c"$CONNECTIONS" -d"$1s" --latency -s bench/mix.lua \
    "http://127.0.0.1:$PORT" > "$WORK/wrk.txt"
  local requests rate non2xx socket p99
  requests=$(awk '/requests in/ { print $1 }' "$WORK/wrk.txt")
  rate=$(awk '/Requests\/sec/ { print $2 }' "$WORK/wrk.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$WORK/wrk.txt")
  non2xx=$(awk '/Non-2xx/ { print $NF }' "$WORK/wrk.txt")
  socket=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$WORK/wrk.txt")
  echo "$requests ${rate} ${p99} ${non2xx:-0} ${socket:-0}"
}

logged_before=$(grep -c '"level": "ERROR"' "$WORK/gunicorn.log" || true)
echo "Memory at start: $(memory_mb) MB"
read -r requests rate p99 non2xx socket <<< "$(load 30)"
echo "Warm-up 30 s: $requests requests, $rate req/s, p99 $p99, errors: $non2xx non-2xx, $socket socket"
warm=$(memory_mb)
echo "Memory after warm-up: $warm MB"
total_requests=0 total_errors=0
for minute in $(seq "$DURATION_MINUTES"); do
  read -r requests rate p99 non2xx socket <<< "$(load 60)"
  total_requests=$((total_requests + requests))
  total_errors=$((total_errors + non2xx + socket))
  echo "Minute $minute: $requests requests, $rate req/s, p99 $p99, errors: $non2xx non-2xx, $socket socket; memory $(memory_mb) MB"
done
echo "Total: $total_requests requests in $DURATION_MINUTES min, $total_errors errors;" \
  "memory $warm MB after warm-up, $(memory_mb) MB at the end"
logged_after=$(grep -c '"level": "ERROR"' "$WORK/gunicorn.log" || true)
echo "Errors logged by the server during the load: $((logged_after - logged_before))"
