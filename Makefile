# materiel — the two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= materiel-demo.db

.PHONY: demo test test-fast lint typecheck unit bench clean

# Hypothesis runs derandomised (repeatable) unless HYPOTHESIS_PROFILE=dev is given
export HYPOTHESIS_PROFILE ?= ci

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

DEMO_AS_OF ?= 2026-11-02

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/materiel --db $(DEMO_DB) demo --as-of $(DEMO_AS_OF)
	$(BIN)/materiel --db $(DEMO_DB) plan --as-of $(DEMO_AS_OF) --horizon 52 --compare-greedy
	$(BIN)/materiel --db $(DEMO_DB) forecast --as-of $(DEMO_AS_OF)
	$(BIN)/materiel --db $(DEMO_DB) brief --meeting CG-32 --horizon 52 --out out
	@echo "Brief written to out/brief-CG-32.html and out/brief-CG-32.pdf (synthetic demo data)."
	@echo ""
	@echo "Next: the command line is $(BIN)/materiel (or 'source $(BIN)/activate'), the demo is --db $(DEMO_DB):"
	@echo "  $(BIN)/materiel --db $(DEMO_DB) status"
	@echo "  $(BIN)/materiel --db $(DEMO_DB) needs list --priority critical --as-of $(DEMO_AS_OF)"
	@echo "  $(BIN)/materiel --db $(DEMO_DB) needs cover DEMO-N-034 --as-of $(DEMO_AS_OF)"
	@echo "  $(BIN)/materiel --db $(DEMO_DB) serve      # API and pages on http://127.0.0.1:8000/"

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(STAMP)
	$(BIN)/mypy src

unit: $(STAMP)
	$(BIN)/pytest -n 2 -q --durations=25

test: lint typecheck unit

# the fast lane: SQLite only, no browser, nothing marked slow (goal: under 2 minutes)
test-fast: $(STAMP)
	$(BIN)/pytest -n 2 -q -m "not slow and not browser and not postgres"

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	@# the API benchmark's load generator (Debian's wrk); without it a slower Python client
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq wrk >/dev/null; } \
	  || echo "wrk not installed: the API benchmark falls back to an asyncio httpx client"
	$(BIN)/python -m materiel.bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
