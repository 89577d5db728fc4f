# Quick start: `make demo` and `make test` bootstrap a local .venv on first use.
#
# Every install comes from requirements.lock: exact versions of everything navplan
# and its tests need, made by pip-compile from pyproject.toml's ranges. The .venv
# is rebuilt from scratch whenever the lock, pyproject.toml or this file change, so
# a developer, CI and a user always test the same stack. `make upgrade` moves the
# lock to the newest versions pyproject.toml allows and runs the suite on them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
# pip itself and the lock tool are pinned too: a new pip can resolve differently.
PIP_VERSION := 26.3
PIP_TOOLS_VERSION := 7.6.2
TOOLS := .tools
DEMO_PLAN := examples/indre-ostfold/navplan.yaml
DEMO_AS_OF := 10.12.2018

.PHONY: demo test test-all bench upgrade clean docs-images

$(STAMP): $(LOCK) pyproject.toml Makefile
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==$(PIP_VERSION)
	$(BIN)/python -m pip install --quiet --require-virtualenv -r $(LOCK)
	# navplan itself, without resolving anything again: its dependencies are the lock's.
	$(BIN)/python -m pip install --quiet --require-virtualenv --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/navplan validate $(DEMO_PLAN)
	$(BIN)/navplan critical-path $(DEMO_PLAN) --as-of $(DEMO_AS_OF)
	$(BIN)/navplan calendar $(DEMO_PLAN) --as-of $(DEMO_AS_OF) --by month

# The thorough variants of the sampling tests (60 killed writes, not 10): what CI runs.
# On every core: pytest-xdist's workers, one per core (`make test WORKERS=0` runs in one process);
# tests/conftest.py shares the tests out, longest first.
WORKERS ?= auto
test: $(STAMP)
	$(BIN)/python -m pytest -q -m "not quick" -n $(WORKERS)

bench: $(STAMP)
	$(BIN)/python bench/run.py

# The pictures of the workbooks in docs/ and the README (needs LibreOffice and poppler).
docs-images: $(STAMP)
	$(BIN)/python docs/render_workbooks.py
	$(BIN)/python docs/render_report.py

# The newest versions pyproject.toml allows, written to the lock, then the whole
# suite on them: review `git diff requirements.lock` and commit it if green.
upgrade:
	test -x $(TOOLS)/bin/pip-compile || ( $(PYTHON) -m venv $(TOOLS) && \
	  $(TOOLS)/bin/python -m pip install --quiet pip==$(PIP_VERSION) pip-tools==$(PIP_TOOLS_VERSION) )
	$(TOOLS)/bin/pip-compile --quiet --upgrade --extra test --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links --output-file $(LOCK) pyproject.toml
	$(MAKE) test

clean:
	rm -rf $(VENV) $(TOOLS) build *.egg-info .pytest_cache .hypothesis
