# Every target sets itself up from nothing: a fresh clone needs Python 3.12 or 3.13 and make.
PYTHON ?= $(shell scripts/find-python)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= 2

BUNDLE_STAMP := $(VENV)/.bundle-installed

.PHONY: demo test bench lint format clean translations bundle installer-check

$(STAMP): pyproject.toml scripts/ensure-system-packages scripts/find-python
	scripts/ensure-system-packages
	@test -n "$(PYTHON)" || { echo "No Python 3.12/3.13 found; set PYTHON=..." >&2; exit 1; }
	$(BIN)/python -c 'import sys; sys.exit(sys.version_info[:2] < (3, 12))' 2>/dev/null \
		|| { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

demo: $(STAMP)
	$(BIN)/python main.py --demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(PYTEST_WORKERS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The .qm files are committed; rebuild them after editing a .ts (lrelease output is byte-stable,
# tests/ui/test_messages.py checks the committed .qm equals a fresh build).
translations: $(STAMP)
	for ts in resources/i18n/*.ts; do $(BIN)/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm" || exit 1; done

$(BUNDLE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,bundle]'
	touch $@

# The Linux bundle (dist/printer-oauth/), then its check: --self-test with the source tree out of
# the way, size against the goals, start against the source's (packaging/check_bundle.py).
bundle: $(BUNDLE_STAMP)
	rm -rf build/printer-oauth dist/printer-oauth
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build \
		packaging/printer-oauth.spec
	$(BIN)/python packaging/check_bundle.py

# The NSIS script compiled here with the Linux bundle as stand-in payload (built if missing),
# then the installer tests (tests/packaging/test_installer.py), which cannot skip once it ran.
installer-check: $(STAMP)
	scripts/ensure-nsis
	test -x dist/printer-oauth/printer-oauth || $(MAKE) bundle
	$(BIN)/python packaging/build_installer.py --payload dist/printer-oauth
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n 0 \
		tests/packaging/test_installer.py

clean:
	rm -rf $(VENV) build dist *.egg-info
