# Herald: `make run` sets up and starts the console on the embedded default; `make test` runs every test.
# Two stamps: `run` installs what Herald needs to run; `test`, `check` and `bench` add the dev
# extra (pytest, mypy, ruff, hypothesis). Each is redone when pyproject.toml changes.
PYTHON    ?= python3
VENV      := .venv
BIN       := $(VENV)/bin
STAMP     := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test check bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(DEV_STAMP)

run: $(STAMP)
	$(BIN)/herald console

test: $(DEV_STAMP)
	$(BIN)/pytest -q

check: $(DEV_STAMP)
	scripts/check

bench: $(DEV_STAMP)
	$(BIN)/python bench/bench_load.py -n 10000
	$(BIN)/python bench/bench_query.py -n 10000
	$(BIN)/python bench/bench_slack.py
	$(BIN)/python bench/bench_matrix.py
	$(BIN)/python bench/bench_fanout.py
	$(BIN)/python bench/bench_cli.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
