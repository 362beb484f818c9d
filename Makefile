# Two commands on a fresh Debian/Ubuntu machine (see README.md):
#   make run    set up .venv (and missing system packages), start the head unit
#   make test   same set-up, run the whole test suite
VENV ?= .venv
ARGS ?=
PYTEST_ARGS ?=

.PHONY: run test setup bench clean

setup:
	@VENV=$(VENV) scripts/bootstrap.sh

run: setup
	@$(VENV)/bin/headunit run $(ARGS)

test: setup
	@$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

bench: setup
	@$(VENV)/bin/headunit bench startup --json

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
