# Quick start: `make demo` and `make test` bootstrap a local .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_PLAN := examples/indre-ostfold/navplan.yaml
DEMO_AS_OF := 10.12.2018

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/navplan validate $(DEMO_PLAN)
	$(BIN)/navplan critical-path $(DEMO_PLAN) --as-of $(DEMO_AS_OF)
	$(BIN)/navplan calendar $(DEMO_PLAN) --as-of $(DEMO_AS_OF) --by month

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
