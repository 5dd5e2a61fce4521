# The two commands a newcomer needs: `make run` and `make test`. Each creates the virtual
# environment from pyproject.toml on first use, so a fresh clone needs only Python 3.11+.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test bench clean playground playground-check test-playground

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/python app.py

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python bench/turns.py

# The Microsoft 365 Agents Playground (a local Teams emulator) with the roster's people; start
# `make run` first. Its log goes under var/ so it leaves no devTools/ folder behind.
PLAYGROUND ?= npx --yes @microsoft/m365agentsplayground@0.2.28
PLAYGROUND_CONFIG := $(CURDIR)/tests/playground/m365agentsplayground.yml

playground:
	mkdir -p var
	M365_AGENTS_PLAYGROUND_CONFIG_PATH=$(PLAYGROUND_CONFIG) \
	M365_AGENTS_PLAYGROUND_LOGFILE=$(CURDIR)/var/playground.log \
	  $(PLAYGROUND) -e http://127.0.0.1:3978/api/messages -c msteams

playground-check: $(VENV)/.installed
	$(BIN)/python -m scripts.playground --as Mary --as Kevin

test-playground: $(VENV)/.installed-test
	PLAYGROUND=1 $(BIN)/python -m pytest tests/playground

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
