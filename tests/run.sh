#!/usr/bin/env bash
# The whole test suite on PostgreSQL, then lint. Called by `make test` (and so by .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal}"
$BIN/ruff check .
$BIN/ruff format --check .
DJANGO_SETTINGS_MODULE=portal.settings.test $BIN/python manage.py makemigrations --check --dry-run
$BIN/pytest -n 2 "$@"
