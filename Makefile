# Two commands: `make serve` and `make test`. Everything else is in tasks.py.
# `make serve` needs only Python; `make test` also installs what its tests use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_READY := $(VENV)/.site-installed
TEST_READY := $(VENV)/.test-installed

.PHONY: serve test test-fast build publish clean

# The virtual environment with the pinned packages that build and serve the site.
# The project itself (plugins, library, counter) is installed editable: `trangxa` is importable.
$(SITE_READY): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "Không tạo được môi trường Python (.venv). Trên Debian/Ubuntu: sudo apt-get install python3-venv"; \
	  exit 1; }
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(SITE_READY)

# Test tools: pinned Python packages (requirements-dev.txt) and npm packages (axe-core,
# vnu-jar, lighthouse from package-lock.json), and the web editor's (decap-cms, decap-server from
# cms/package-lock.json, for tests/test_cms*.py). Debian packages: .ci/system-packages.
$(TEST_READY): $(SITE_READY) requirements-dev.txt package-lock.json cms/package-lock.json
	bash .ci/system-packages
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	npm ci --no-audit --no-fund --loglevel=error
	npm ci --prefix cms --no-audit --no-fund --loglevel=error
	touch $(TEST_READY)

serve: $(SITE_READY)
	$(BIN)/invoke serve $(if $(PORT),--port $(PORT)) $(if $(COUNTER_PORT),--counter-port $(COUNTER_PORT))

test: $(TEST_READY)
	@bash .ci/system-packages
	$(BIN)/invoke dev.test

# The unit tier alone (tests/tiers.py), for the inner loop: well under a minute.
test-fast: $(TEST_READY)
	$(BIN)/invoke dev.test --fast

build: $(SITE_READY)
	$(BIN)/invoke build

publish: $(SITE_READY)
	$(BIN)/invoke publish

clean:
	rm -rf output output-dev .pytest_cache
