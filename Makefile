# readinglist: two commands for a fresh clone.
#   make run   sets up .venv and launches the app
#   make test  sets up .venv with the test tools and runs ruff, mypy, import-linter and pytest
.DEFAULT_GOAL := run
SHELL := /bin/sh
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
ARGS ?=

.PHONY: run test lint typecheck pytest bench clean venv

$(BIN)/python:
	@if [ -x "$(BIN)/python" ] && ! "$(BIN)/python" -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
		echo "Replacing $(VENV): it was made with a Python older than 3.12."; rm -rf "$(VENV)"; fi
	@py="$${PYTHON:-$$(tools/find-python)}" || exit 1; \
		echo "Creating $(VENV) with $$py"; "$$py" -m venv "$(VENV)"
	@$(BIN)/python -m pip install --quiet --upgrade pip

venv: $(BIN)/python

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/readinglist $(ARGS)

lint: $(STAMP_TEST)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports

typecheck: $(STAMP_TEST)
	$(BIN)/mypy

pytest: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(ARGS)

test: lint typecheck pytest

bench: $(STAMP_TEST)
	$(BIN)/python benchmarks/import_bench.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
