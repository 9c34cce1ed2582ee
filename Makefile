# readinglist: two commands for a fresh clone.
#   make run   sets up .venv and launches the app
#   make test  sets up .venv with the test tools and runs ruff, mypy, import-linter and pytest
# Packaging (see build.spec): make package, package-onefile, check-package, install-desktop.
.DEFAULT_GOAL := run
SHELL := /bin/sh
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
STAMP_PACKAGE := $(VENV)/.installed-package
PYINSTALLER := $(BIN)/pyinstaller --noconfirm --log-level WARN
BUNDLE := dist/readinglist/readinglist
ARGS ?=
# The system packages to check for: the tests' set for test goals, the app's for the rest.
TEST_GOALS := test lint typecheck pytest bench package-bench soak
DEPS_PROFILE := $(if $(filter $(TEST_GOALS),$(MAKECMDGOALS)),test,run)

.PHONY: run test lint typecheck pytest bench clean venv system-deps soak translations lupdate
.PHONY: package package-onefile check-package install-desktop package-bench

# Before anything is made: the system libraries, installed where that can be done without a
# password, else one line naming the command to run (tools/system-deps).
system-deps:
	@tools/system-deps $(DEPS_PROFILE)

$(BIN)/python: | system-deps
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

$(STAMP_PACKAGE): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[package]'
	@touch $@ $(STAMP_RUN)

# Translations: resources/translations/readinglist_<lang>.ts are the sources (edited with Qt
# Linguist or by hand); the .qm files the app loads are built from them when stale.
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
PY_SOURCES = $(shell find src/readinglist -name '*.py' | sort)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP_RUN)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM_FILES)

# Refresh every .ts from the code's tr()/QT_TR_NOOP strings (keeps what is translated).
lupdate: $(STAMP_RUN)
	@$(BIN)/pyside6-lupdate $(PY_SOURCES) -locations none -no-obsolete -source-language en -ts $(TS_FILES)

run: $(STAMP_RUN) $(QM_FILES)
	$(BIN)/readinglist $(ARGS)

lint: $(STAMP_TEST)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports

typecheck: $(STAMP_TEST)
	$(BIN)/mypy

pytest: $(STAMP_TEST) $(QM_FILES)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(ARGS)

test: lint typecheck pytest

# The suite under load, to prove it is not flaky (not part of make test; see tools/soak-tests).
soak: $(STAMP_TEST)
	tools/soak-tests $(ARGS)

bench: $(STAMP_TEST)
	$(BIN)/python benchmarks/import_bench.py
	$(BIN)/python benchmarks/sources_bench.py

# The onedir bundle, dist/readinglist/ (what people double-click: dist/readinglist/readinglist).
# READINGLIST_DEBUG=1 make package: a console build with symbols and bootloader messages.
package: $(STAMP_PACKAGE) $(QM_FILES)
	$(PYINSTALLER) --distpath dist --workpath build/onedir build.spec
	@du -sh dist/readinglist

# One self-unpacking file, dist/onefile/readinglist: easier to hand around, slower to start.
package-onefile: $(STAMP_PACKAGE) $(QM_FILES)
	READINGLIST_ONEFILE=1 $(PYINSTALLER) --distpath dist/onefile --workpath build/onefile build.spec
	@du -sh dist/onefile/readinglist

# The bundle's self-test as a user's machine would run it: no venv, no PYTHONPATH, a bare
# environment; offscreen, then (where xvfb-run is installed) in a real X11 window under Xvfb.
# Build it first (make package); CI does both.
BARE_ENV := env -i HOME="$$home" PATH=/usr/bin:/bin LANG=C.UTF-8
check-package:
	@test -x $(BUNDLE) || { echo "No bundle at $(BUNDLE): run 'make package' first." >&2; exit 1; }
	@home=$$(mktemp -d) && export home && trap 'rm -rf "$$home"' EXIT && \
		$(BARE_ENV) $(BUNDLE) --self-test && \
		if command -v xvfb-run >/dev/null; then \
			xvfb-run -a sh -c '$(BARE_ENV) DISPLAY="$$DISPLAY" XAUTHORITY="$$XAUTHORITY" \
				QT_QPA_PLATFORM=xcb $(BUNDLE) --self-test'; \
		else echo "xvfb-run is not installed: no self-test in an X11 window"; fi

# The .desktop entry ("Open with readinglist" for Markdown) and the icon, for this user only;
# it starts the bundle if there is one, else .venv/bin/readinglist.
install-desktop:
	tools/install-desktop "$$(if [ -x $(BUNDLE) ]; then echo $(BUNDLE); else echo $(BIN)/readinglist; fi)"

# Start to first paint of both bundles against `python -m readinglist` (make package and
# package-onefile first; ARGS="--platform xcb" under xvfb-run for a real X11 window).
package-bench: $(STAMP_TEST)
	$(BIN)/python benchmarks/package_bench.py $(ARGS)

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache $(QM_FILES)
