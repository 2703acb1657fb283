# `make demo` and `make test` work on a fresh machine: they create .venv and install into it.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat setup.cfg pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test lint format bench bench-10k bench-long bench-100k system-deps clean venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): setup.cfg pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build data/corpus --out build
	@echo "graph:  $(CURDIR)/build/graph.ttl"
	@echo "view:   $(CURDIR)/build/graph.html"
	@echo "report: $(CURDIR)/build/report.json"

system-deps:
	bash scripts/install-system-deps.sh

test: $(STAMP) system-deps
	$(BIN)/ruff check kg tests
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check kg tests
	$(BIN)/ruff format --check kg tests

format: $(STAMP)
	$(BIN)/ruff format kg tests
	$(BIN)/ruff check --fix kg tests

bench: $(STAMP)
	$(BIN)/python -m kg.bench --articles 1000 --out build/bench.json

bench-long: $(STAMP)
	$(BIN)/python scripts/bench_long_documents.py --out build/bench-long.json

bench-10k: $(STAMP)
	$(BIN)/python -m kg.bench --articles 10000 --no-raw --no-rebuild --out build/bench-10k.json

# 100,000 articles with thousands of distinct names, the graph in an on-disk Oxigraph store, graph.ttl parsed by rapper
bench-100k: $(STAMP)
	$(BIN)/python -m kg.bench --articles 100000 --diverse --store disk --rapper --no-raw --no-rebuild --out build/bench-100k.json

clean:
	rm -rf build .pytest_cache
