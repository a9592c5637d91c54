# Every target sets itself up from nothing: a fresh clone needs Python 3.12 or 3.13 and make.
PYTHON ?= $(shell scripts/find-python)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.PHONY: demo test bench lint format clean translations

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

clean:
	rm -rf $(VENV) build dist *.egg-info
