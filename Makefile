# The two commands a newcomer needs: `make run` and `make test`. Each creates the virtual
# environment from pyproject.toml on first use, so a fresh clone needs only Python 3.11+.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test bench clean playground playground-check test-playground package icons

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

# The bot on SUPPORT_PROFILE's desk (from the environment or .env; bestpack when unset):
# `SUPPORT_PROFILE=kinetic make run` runs Kinetic Data's.
run: $(VENV)/.installed
	$(BIN)/python app.py

# The Microsoft 365 Agents Playground (a local Teams emulator), from the npm registry into the
# virtual environment's folder, pinned: `make test` runs tests/playground against the real one.
PLAYGROUND_VERSION := 0.2.28
PLAYGROUND_DIR := $(VENV)/playground
PLAYGROUND_BIN := $(CURDIR)/$(PLAYGROUND_DIR)/node_modules/.bin/agentsplayground

$(PLAYGROUND_BIN): | $(BIN)/python
	npm install --prefix $(PLAYGROUND_DIR) --no-audit --no-fund --loglevel=error \
	  @microsoft/m365agentsplayground@$(PLAYGROUND_VERSION)

test: $(VENV)/.installed-test $(PLAYGROUND_BIN)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	PLAYGROUND=1 PLAYGROUND_BIN=$(PLAYGROUND_BIN) $(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python bench/turns.py
	$(BIN)/python bench/outbox.py
	$(BIN)/python bench/sla_sweep.py
	$(BIN)/python bench/scorecard.py
	$(BIN)/python bench/zendesk_submit.py
	$(BIN)/python bench/sync_drain.py
	$(BIN)/python bench/installed_base_search.py
	$(BIN)/python bench/lookup.py
	$(BIN)/python bench/typeahead.py

# The Microsoft 365 Agents Playground (a local Teams emulator) with the roster's people
# (.m365agentsplayground.yml). `make playground` starts the bot too (or uses the one `make run`
# started), waits until it is ready, and stops it when the playground ends. Logs go under var/
# so nothing leaves a devTools/ folder behind. The playground has no dynamic typeahead, so the
# bot it starts shows intake's serial and company as text inputs (INTAKE_TYPEAHEAD=false).
# Another shipped profile brings its own tenant file beside it, .m365agentsplayground.<name>.yml:
# `SUPPORT_PROFILE=kinetic make playground` runs the bot on Kinetic Data's profile with its
# people (a SUPPORT_PROFILE set only in .env is not seen here: name it on the command line).
PLAYGROUND_CMD ?= $(PLAYGROUND_BIN)
PLAYGROUND_PROFILE := $(or $(SUPPORT_PROFILE),bestpack)
PLAYGROUND_CONFIG := $(CURDIR)/.m365agentsplayground$(if $(filter-out bestpack,$(PLAYGROUND_PROFILE)),.$(PLAYGROUND_PROFILE)).yml
# Who `make playground-check` speaks as: two of the tenant's people.
PLAYGROUND_CHECK_AS ?= $(if $(filter-out bestpack,$(PLAYGROUND_PROFILE)),--as Sam --as Riley,--as Mary --as Kevin)
PORT ?= 3978

playground: $(VENV)/.installed $(PLAYGROUND_BIN)
	@test -f $(PLAYGROUND_CONFIG) || { echo "no playground tenant for $(PLAYGROUND_PROFILE): $(PLAYGROUND_CONFIG)"; exit 2; }
	mkdir -p var
	M365_AGENTS_PLAYGROUND_CONFIG_PATH=$(PLAYGROUND_CONFIG) \
	M365_AGENTS_PLAYGROUND_LOGFILE=$(CURDIR)/var/playground.log INTAKE_TYPEAHEAD=false \
	  $(BIN)/python -m scripts.with_bot --port $(PORT) -- \
	  $(PLAYGROUND_CMD) -e http://127.0.0.1:$(PORT)/api/messages -c msteams

playground-check: $(VENV)/.installed
	$(BIN)/python -m scripts.playground $(PLAYGROUND_CHECK_AS)

test-playground: $(VENV)/.installed-test $(PLAYGROUND_BIN)
	PLAYGROUND=1 PLAYGROUND_BIN=$(PLAYGROUND_BIN) $(BIN)/python -m pytest tests/playground

# The Teams app package, appPackage/build/appPackage.zip, for the bot named by MicrosoftAppId
# and BOT_DOMAIN (from .env or the environment); docs/deployment.md says where to upload it.
package: $(VENV)/.installed
	$(BIN)/python -m scripts.package_app

# Redraw appPackage/color.png and outline.png (committed; packaging only reads them).
icons: $(VENV)/.installed
	$(BIN)/python -m scripts.make_icons

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache appPackage/build

# Ten days of realistic tickets in the bot's own database (DATABASE_URL, else var/); it refuses
# a database already in use or PostgreSQL: `make demo DEMO_ARGS=--force` to override. The desk
# is SUPPORT_PROFILE's: `SUPPORT_PROFILE=kinetic make demo` fills Kinetic Data's (no machines).
.PHONY: demo
demo: $(VENV)/.installed
	$(BIN)/python -m scripts.demo_data $(DEMO_ARGS)
