# Herald: `make run` sets up and starts the console on the embedded default; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test check bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/herald console

test: $(STAMP)
	$(BIN)/pytest -q

check: $(STAMP)
	scripts/check

bench: $(STAMP)
	$(BIN)/python bench/bench_load.py -n 10000
	$(BIN)/python bench/bench_query.py -n 10000
	$(BIN)/python bench/bench_slack.py
	$(BIN)/python bench/bench_matrix.py
	$(BIN)/python bench/bench_fanout.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
