# The two commands a new machine needs: `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
REGION ?= GB

.PHONY: build test check lint clean

$(BIN)/signpost: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

build: $(BIN)/signpost
	$(BIN)/signpost build --region $(REGION)

check: $(BIN)/signpost
	$(BIN)/signpost check

lint: $(BIN)/signpost
	$(BIN)/ruff check src tests benchmarks

test: $(BIN)/signpost
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest

clean:
	rm -rf build .build-* .signpost-cache
