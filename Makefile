# Two commands on a fresh Debian/Ubuntu machine (see README.md):
#   make run    set up .venv (and missing system packages), start the head unit
#   make test   same set-up, run the whole test suite
VENV ?= .venv
ARGS ?=
PYTEST_ARGS ?=

.PHONY: run test setup bench clean

setup:
	@VENV=$(VENV) scripts/bootstrap.sh

# Exit status 3 means "no display": the head unit has said in one line how to
# see it, which is all `make run` should print then.
run: setup
	@$(VENV)/bin/headunit run $(ARGS) || { status=$$?; [ $$status -eq 3 ] || exit $$status; }

test: setup
	@$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

bench: setup
	@$(VENV)/bin/headunit bench startup --json

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
