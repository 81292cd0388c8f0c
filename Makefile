# OneStop Field Desk — the README's two commands are `make run` and `make test`.
# As root on Debian they install the system libraries Qt, the PDF tests and the hub tests
# need; as a normal user they name what is missing and how to install it.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Qt (xcb + offscreen), fonts, PDF tools for report tests, PostgreSQL for hub tests, Xvfb.
DEB_RUN := python3-venv libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
	libxcb-shape0 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1 libxcb-xinerama0 fonts-dejavu-core
DEB_TEST := $(DEB_RUN) poppler-utils postgresql xvfb

.PHONY: run test stress lint bench bench-quick screenshots dist smoke-dist sysdeps-run sysdeps-test sysdeps-dist clean

run: sysdeps-run $(STAMP)
	$(PY) -m desktop

test: sysdeps-test $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# The reliability tests at full strength: hundreds of kill -9 points per scenario and thousands of
# fuzzed spreadsheets and bundles (the normal suite runs a modest number). ONESTOP_KILL_POINTS=N sets
# the kill points per scenario.
stress: $(STAMP)
	QT_QPA_PLATFORM=offscreen ONESTOP_STRESS=1 $(PY) -m pytest tests/reliability -s $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop reports tests benchmarks
	$(VENV)/bin/mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks --full

bench-quick: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks --quick

screenshots: $(STAMP)
	ONESTOP_SCREENSHOTS=docs QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/ui -k screenshot

# Frozen build (PyInstaller one-folder, build_installer.spec) in dist/onestop/; prints its size.
DIST_STAMP := $(VENV)/.dist-installed

dist: sysdeps-dist $(DIST_STAMP)
	$(PY) -c 'from desktop.ui.i18n import compile_translations; compile_translations()'
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build_installer.spec
	@echo "frozen build: $$(du -sh dist/onestop | cut -f1) in dist/onestop: $$(ls dist/onestop | tr '\n' ' ')"

# Smoke test of the frozen build, offscreen (builds it first when missing or older than the sources).
smoke-dist: sysdeps-test $(DIST_STAMP)
	ONESTOP_TEST_DIST=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/dist -v -s

$(DIST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,hub,dist]'
	touch $(DIST_STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,hub]'
	touch $(STAMP)

sysdeps-run:
	@DEBS="$(DEB_RUN)" sh .ci/sysdeps.sh

sysdeps-test:
	@DEBS="$(DEB_TEST)" sh .ci/sysdeps.sh

# PyInstaller needs objdump (and strip) from binutils, and Qt's libraries to bundle them.
sysdeps-dist:
	@DEBS="$(DEB_RUN) binutils" sh .ci/sysdeps.sh

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
