# The two commands a new machine needs: `make build` and `make test`.
# `make build` installs only what building needs; `make test` adds the test tools
# (and axe-core for the accessibility tests, through npm when npm is there).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
REGION ?= GB
AXE := tests/browser/node/node_modules/axe-core/axe.min.js

.PHONY: build test check lint messages clean

$(BIN)/signpost: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-tools: $(BIN)/signpost
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

$(AXE): tests/browser/node/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/browser/node --no-audit --no-fund --silent; \
	else \
		echo "make test: npm is not installed, so the accessibility tests will skip;" \
		     "install it with: sudo apt-get install npm"; \
	fi

build: $(BIN)/signpost
	$(BIN)/signpost build --region $(REGION)

check: $(BIN)/signpost
	$(BIN)/signpost check

# Signpost's own words: extract the catalog template from the source and merge it into
# every catalog under src/signpost/locale/ (see CONTRIBUTING, "Sites in other languages").
messages: $(BIN)/signpost
	$(BIN)/python -m signpost.messages

lint: $(VENV)/.test-tools
	$(BIN)/ruff check src tests benchmarks

test: $(VENV)/.test-tools $(AXE)
	@[ -x /usr/bin/chromium ] || [ -n "$$SIGNPOST_CHROMIUM" ] || echo "make test: Chromium is" \
		"not installed, so the browser tests will skip; install it with: sudo apt-get install chromium"
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest

clean:
	rm -rf build .build-* .signpost-cache
