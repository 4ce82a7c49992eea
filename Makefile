# Idealaari: `make run` sets everything up and serves the demo; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi.py
HOST ?= 127.0.0.1
PORT ?= 5000
STAMP := $(VENV)/.installed

.PHONY: run install translations migrate demo index bench test test-postgres test-browser lint extract-messages bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -m venv $(VENV)
	@echo "Installing Idealaari and its dependencies into $(VENV) (a minute or two)..."
	@$(BIN)/pip install -qq --upgrade pip
	@$(BIN)/pip install -qq -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) translations

translations: $(STAMP)
	@$(BIN)/pybabel -q compile -d idealaari/translations -D messages

# Alembic logs every step at INFO; the first run shows only warnings and errors.
migrate: install
	@$(FLASK) db upgrade 2>&1 | { grep -v '^INFO  \[alembic' || true; }; test $${PIPESTATUS[0]} -eq 0
	@echo "Database is up to date."

# The index exists before the demo loads, so the demo's ideas are indexed as they are saved;
# the second check repairs an index that missed changes (for example after a crash).
index: migrate
	@$(FLASK) search check >/dev/null 2>&1 || $(FLASK) search rebuild >/dev/null

demo: index
	@$(FLASK) demo-data
	@$(FLASK) search check >/dev/null 2>&1 || $(FLASK) search rebuild

run: demo
	@$(BIN)/python -m idealaari.devserver --host $(HOST) --port $(PORT)

# Two workers (pytest-xdist) by default; TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= 2

test: install
	$(BIN)/pytest -q -n $(TEST_WORKERS)

test-postgres: install
	IDEALAARI_TEST_DATABASE_URL=$${IDEALAARI_TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} $(BIN)/pytest -q -n $(TEST_WORKERS) -m "not browser"

test-browser: install
	IDEALAARI_BROWSER_TESTS=1 $(BIN)/pytest -q -m browser

lint: install
	$(BIN)/ruff check .

extract-messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --ignore-dirs='.* .venv instance' -o idealaari/translations/messages.pot --no-location --sort-output --project Idealaari .
	$(BIN)/pybabel update -i idealaari/translations/messages.pot -d idealaari/translations --no-fuzzy-matching

bench: install
	$(BIN)/python bench/search_bench.py

clean:
	rm -rf $(VENV) .pytest_cache
