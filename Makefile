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

.PHONY: demo lint test test-all bench upgrade clean docs-images golden bench-rcpsp messages import-words
LANGS := nb nn en
LOCALE := navplan/locale

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

# ruff (lint and import order, every Python file) and mypy (strict on navplan/engine and navplan/plan),
# both configured in pyproject.toml; make test runs it first, and so does CI (.ci/run).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

# The thorough variants of the sampling tests (60 killed writes, not 10): what CI runs.
# On every core: pytest-xdist's workers, one per core (`make test WORKERS=0` runs in one process);
# tests/conftest.py shares the tests out, longest first.
WORKERS ?= auto
test: lint $(STAMP)
	$(BIN)/python -m pytest -q -m "not quick" -n $(WORKERS)

# Rewrite the golden outputs after a deliberate change of output; the run fails on purpose,
# naming every file it rewrote: review `git diff tests/golden` before committing.
golden: $(STAMP)
	-NAVPLAN_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py
	git diff --stat -- tests/golden

# The message catalogues (README, Development): fold any *_words.py module left by an older
# branch into them, extract the keys the code names (build/navplan.pot, for review), bring nn
# and en up to nb's keys (nb, the base language, is the template), and check every catalogue.
# navplan reads the .po files as they are; the .mo files under build/ only prove they compile.
messages: $(STAMP)
	$(BIN)/python tools/import_words.py
	$(BIN)/python tools/cldr_names.py
	mkdir -p build
	$(BIN)/pybabel -q extract -F babel.cfg --no-default-keywords -k t -k N_ -k Message -k NavplanError \
	  -k InvalidValue --omit-header --sort-by-file -o build/navplan.pot navplan
	for lang in $(filter-out nb,$(LANGS)); do \
	  $(BIN)/pybabel -q update -i $(LOCALE)/nb/LC_MESSAGES/navplan.po -d $(LOCALE) -D navplan -l $$lang \
	    --no-fuzzy-matching --ignore-obsolete -w 100 || exit 1; done
	for lang in $(LANGS); do \
	  mkdir -p build/locale/$$lang/LC_MESSAGES; \
	  msgfmt --check --statistics -o build/locale/$$lang/LC_MESSAGES/navplan.mo $(LOCALE)/$$lang/LC_MESSAGES/navplan.po \
	    || exit 1; done

# Old-style *_words.py modules (key: (bokmål, English)) folded into the catalogues; nynorsk left to translate.
import-words: $(STAMP)
	$(BIN)/python tools/import_words.py

bench: $(STAMP)
	$(BIN)/python bench/run.py

# The levelling on the public benchmarks (README, Levelling): every J30 instance at 10 s, the
# J120 subset (every tenth file) at 30 s, MPLIB1 set 3 at 60 s, each checked by bench/check_rcpsp.py.
# About 1.5 hours on two idle cores; never part of `make test`. RCPSP= points elsewhere.
RCPSP ?= /work/shared/benchmarks/rcpsp
RCPSP_OUT := bench/results
J120_SUBSET = $(foreach i,$(shell seq 1 10 591),$(RCPSP)/psplib-j120/J120_$(i).txt)
bench-rcpsp: $(STAMP)
	mkdir -p $(RCPSP_OUT)
	$(BIN)/python bench/rcpsp.py $(sort $(wildcard $(RCPSP)/psplib-j30/*.txt)) --time-limit 10 > $(RCPSP_OUT)/j30.jsonl
	$(BIN)/python bench/check_rcpsp.py $(RCPSP_OUT)/j30.jsonl --best-known $(RCPSP)/best-known.csv --require-optimal
	$(BIN)/python bench/rcpsp.py $(J120_SUBSET) --time-limit 30 > $(RCPSP_OUT)/j120.jsonl
	$(BIN)/python bench/check_rcpsp.py $(RCPSP_OUT)/j120.jsonl --best-known $(RCPSP)/best-known.csv --max-gap 2
	$(BIN)/python bench/rcpsp.py $(sort $(wildcard $(RCPSP)/mplib1-set3/*.txt)) --time-limit 60 > $(RCPSP_OUT)/mplib1.jsonl
	$(BIN)/python bench/check_rcpsp.py $(RCPSP_OUT)/mplib1.jsonl --best-known $(RCPSP)/best-known.csv --max-gap 5

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
