#!/usr/bin/env bash
# `make load`: the demo on PostgreSQL behind gunicorn, 200 simulated officers for a bounded
# time, on loopback. Prints Locust's figures (requests/s, p50/p95/p99, failures).
#
# The demo is built once into a template database (LOAD_PG_URL with "_base" appended) and
# each profile runs on a fresh copy of it, so the figures do not depend on the progress
# reports earlier runs added.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
PG=${LOAD_PG_URL:-postgres://postgres@127.0.0.1:5432/bienche_load}
SERVER=${PG%/*}
DB=${PG##*/}
BASE=${DB}_base
USERS=${LOAD_USERS:-200}
DURATION=${LOAD_TIME:-60s}
WORKERS=${LOAD_WORKERS:-4}
THREADS=${LOAD_THREADS:-2}
PORT=${LOAD_PORT:-8765}

$BIN/pip install -q 'locust>=2.40' >/dev/null
sql() { psql "$SERVER/postgres" -v ON_ERROR_STOP=1 -qtAc "$1"; }
[ "$(sql "SELECT 1 FROM pg_database WHERE datname='$BASE'")" = 1 ] || sql "CREATE DATABASE \"$BASE\""
export BIENCHE_DEBUG=0 BIENCHE_MEDIA_ROOT=var/load-media DJANGO_SETTINGS_MODULE=bienche.settings
echo "== demo data on $SERVER/$BASE (built once, then reused)"
DATABASE_URL=$SERVER/$BASE $BIN/bienche demo --no-serve --quiet
DATABASE_URL=$SERVER/$BASE $BIN/python -m django collectstatic --noinput --settings=bienche.settings >/dev/null
export DATABASE_URL=$PG

GUNICORN=
stop() { [ -z "$GUNICORN" ] || { kill "$GUNICORN" 2>/dev/null || true; wait "$GUNICORN" 2>/dev/null || true; }; GUNICORN=; }
trap stop EXIT
# Two profiles unless LOAD_WAIT picks one: officers at work (5–15 s between clicks) and a
# stress profile (1–3 s: every officer clicking without reading, ~3× the request rate).
for wait in ${LOAD_WAIT:-5,15 1,3}; do
  sql "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
  sql "CREATE DATABASE \"$DB\" TEMPLATE \"$BASE\""
  echo "== gunicorn, $WORKERS workers × $THREADS threads on 127.0.0.1:$PORT, a fresh copy of the demo"
  $BIN/gunicorn bienche.wsgi:application --bind 127.0.0.1:$PORT --workers "$WORKERS" \
    --threads "$THREADS" --keep-alive 75 --log-level warning \
    2> >(grep --line-buffered -v "^Conflict: " >&2) &
  GUNICORN=$!
  # (409 "changed meanwhile" answers are expected and logged by Django: not shown.)
  for _ in $(seq 1 30); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/login/" && break; sleep 1; done
  $BIN/python load/sessions.py "$USERS" var/load-sessions.txt
  echo "== locust: $USERS signed-in officers for $DURATION, ${wait/,/–} s between clicks"
  LOAD_WAIT=$wait $BIN/locust -f load/locustfile.py --headless -u "$USERS" -r 10 \
    -t "$DURATION" --host "http://127.0.0.1:$PORT" --only-summary --reset-stats \
    --csv "var/load-${wait/,/-}"
  stop
done
