# bienche — every target creates and uses .venv itself.
SHELL := /bin/bash
PYTHON ?= $(shell (pyenv which python3.12 2>/dev/null) || (command -v python3.12) || echo $$HOME/.pyenv/versions/3.12.1/bin/python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= var/demo.sqlite3

.PHONY: install demo serve test test-pg test-browser lint bench load messages clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/bienche demo --db $(DEMO_DB)

serve: $(STAMP)
	$(BIN)/bienche serve --db $(DEMO_DB)

test: $(STAMP)
	$(BIN)/pytest -q -n 2 $(PYTEST_ARGS)

test-pg: $(STAMP)
	DATABASE_URL=$${PG_URL:-postgres://postgres@127.0.0.1:5432/test} $(BIN)/pytest -q -n 2 $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench load
	$(BIN)/ruff format --check src tests bench load

load: $(STAMP)
	bash load/run.sh

bench: $(STAMP)
	$(BIN)/python -m bench.run_all

messages: $(STAMP)
	cd src/bienche && ../../$(BIN)/django-admin compilemessages --settings=bienche.settings

clean:
	rm -rf $(VENV) var .pytest_cache
