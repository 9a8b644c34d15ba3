# Two commands: `make serve` and `make test`. Everything else is in tasks.py.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.installed

.PHONY: serve test build publish clean

# The virtual environment with the pinned Python packages, and the pinned npm tools
# (axe-core, vnu-jar, lighthouse) that the quality tests use.
$(READY): requirements.txt package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	npm ci --no-audit --no-fund --loglevel=error
	touch $(READY)

serve: $(READY)
	$(BIN)/invoke serve

test: $(READY)
	$(BIN)/invoke test

build: $(READY)
	$(BIN)/invoke build

publish: $(READY)
	$(BIN)/invoke publish

clean:
	rm -rf output .pytest_cache
