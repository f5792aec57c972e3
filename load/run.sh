#!/usr/bin/env bash
# `make load`: the demo on PostgreSQL behind gunicorn, 200 simulated officers for a bounded
# time, on loopback. Prints Locust's figures (requests/s, p50/p95/p99, failures).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
PG=${LOAD_PG_URL:-postgres://postgres@127.0.0.1:5432/bienche_load}
USERS=${LOAD_USERS:-200}
DURATION=${LOAD_TIME:-60s}
WORKERS=${LOAD_WORKERS:-4}
PORT=${LOAD_PORT:-8765}

$BIN/pip install -q 'locust>=2.40' >/dev/null
psql "${PG%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='${PG##*/}'" | grep -q 1 \
  || psql "${PG%/*}/postgres" -c "CREATE DATABASE \"${PG##*/}\"" >/dev/null
export DATABASE_URL=$PG BIENCHE_DEBUG=0 BIENCHE_MEDIA_ROOT=var/load-media DJANGO_SETTINGS_MODULE=bienche.settings
echo "== demo data on $PG (built once, then reused)"
$BIN/bienche demo --no-serve --quiet
$BIN/python -m django collectstatic --noinput --settings=bienche.settings >/dev/null
echo "== gunicorn, $WORKERS workers on 127.0.0.1:$PORT"
$BIN/gunicorn bienche.wsgi:application --bind 127.0.0.1:$PORT --workers "$WORKERS" \
  --threads 2 --keep-alive 75 --log-level warning &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 1 30); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/login/" && break; sleep 1; done
$BIN/python load/sessions.py "$USERS" var/load-sessions.txt
# Two profiles unless LOAD_WAIT picks one: officers at work (5–15 s between clicks) and a
# stress profile (1–3 s: every officer clicking without reading, ~3× the request rate).
for wait in ${LOAD_WAIT:-5,15 1,3}; do
  echo "== locust: $USERS signed-in officers for $DURATION, ${wait/,/–} s between clicks"
  LOAD_WAIT=$wait $BIN/locust -f load/locustfile.py --headless -u "$USERS" -r 10 \
    -t "$DURATION" --host "http://127.0.0.1:$PORT" --only-summary --reset-stats \
    --csv "var/load-${wait/,/-}"
done
