# Two commands: `make serve` and `make test`. Everything else is in tasks.py.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.installed

.PHONY: serve test build publish clean

$(READY): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
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
