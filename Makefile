# Build, serve, test and publish the site. `make` alone lists the targets.
# Every target installs what it needs into .venv first; nothing to set up by hand.

PY ?= python3
VENV ?= $(CURDIR)/.venv
BIN = $(VENV)/bin
PELICAN ?= $(BIN)/pelican
PELICANOPTS ?=

BASEDIR = $(CURDIR)
INPUTDIR ?= $(BASEDIR)/content
OUTPUTDIR ?= $(BASEDIR)/output
CONFFILE ?= $(BASEDIR)/pelicanconf.py
PUBLISHCONF ?= $(BASEDIR)/publishconf.py

PORT ?= 8000
BIND ?= 127.0.0.1
# `make edit`: the editor's address (always 127.0.0.1; its live preview uses PORT), and the folder
# holding the content/ and practice.toml it edits.
EDIT_PORT ?= 8001
EDIT_SITE ?= $(BASEDIR)
EDITOPTS ?=

GITHUB_PAGES_BRANCH ?= gh-pages
GITHUB_PAGES_REMOTE ?= origin
GITHUB_PAGES_COMMIT_MESSAGE ?= Publish the site

SSH_HOST ?= example.org
SSH_PORT ?= 22
SSH_USER ?= deploy
SSH_TARGET_DIR ?= /var/www/site

DEBUG ?= 0
ifeq ($(DEBUG), 1)
	PELICANOPTS += -D
endif

# The tests run on every CPU (pytest-xdist; each test file stays on one worker, with its fixtures).
# PYTEST_WORKERS= runs them in one process.
PYTEST_WORKERS ?= -n auto --dist loadfile

# The browser tests drive Debian's Chromium, never a downloaded one.
CHROMIUM ?= /usr/lib/chromium/chromium

BUILD_STAMP = $(VENV)/.installed-build
TEST_STAMP = $(VENV)/.installed-test
NODE_STAMP = node_modules/.installed
EDITOR_DIR = tools/editor
EDITOR_STAMP = $(EDITOR_DIR)/node_modules/.installed
ESBUILD_STAMP = node_modules/.installed-build

# The checklist plugin is a package of its own; the site installs it like any other.
CHECKLIST_PACKAGE = plugins/pelican-reflection-checklists
CHECKLIST_SOURCES = $(CHECKLIST_PACKAGE)/pyproject.toml $(shell find $(CHECKLIST_PACKAGE)/pelican -type f -not -path '*/__pycache__/*' -not -name '*.mo' 2>/dev/null)
CHECKLIST_LOCALE = $(CHECKLIST_PACKAGE)/pelican/plugins/reflection_checklists/locale
PYBABEL = "$(BIN)/pybabel" -q
# The .mo files the build reads, from the .po files (kept out of git).
define COMPILE_TRANSLATIONS
@if ls locale/*/LC_MESSAGES/site.po >/dev/null 2>&1; then $(PYBABEL) compile -d locale -D site; fi
@$(PYBABEL) compile -d "$(CHECKLIST_LOCALE)" -D reflection_checklists
endef

help:
	@echo 'Make targets for the site'
	@echo ''
	@echo '  make serve [PORT=8000]     build, then serve at http://127.0.0.1:$(PORT)'
	@echo '  make test                  run every test, browser tests included'
	@echo '  make test-fast             unit and build tests only (no browser, nginx, devserver, editor, slow runs)'
	@echo '  make html [DRAFTS=yes]     build the site into $(OUTPUTDIR) (drafts only with DRAFTS=yes)'
	@echo '  make devserver [PORT=8000] serve, rebuild on save, reload the browser'
	@echo '  make edit [EDIT_PORT=8001] edit articles, pages and practice.toml in the browser (this computer only)'
	@echo '  make regenerate            rebuild on save with Pelican alone (no server)'
	@echo '  make publish               build for production (SITEURL=https://...)'
	@echo '  make github                publish to the $(GITHUB_PAGES_BRANCH) branch'
	@echo '  make rsync_upload          publish, then copy to $(SSH_USER)@$(SSH_HOST)'
	@echo '  make audit                 review dates, then Lighthouse scores for three pages'
	@echo '  make bench                 build-speed and page-weight benchmarks'
	@echo '  make dist                  build the checklist plugin wheel into dist/'
	@echo '  make translations          extract marked words, update and compile the catalogs'
	@echo '  make clean                 remove the built site and caches'
	@echo ''
	@echo 'Overridable: INPUTDIR, OUTPUTDIR, PORT, BIND, DEBUG=1, PELICANOPTS'

# --- set-up ---------------------------------------------------------------
# Everything is installed from hash-locked files: every package, transitive ones included, at the
# version requirements*.txt and constraints.txt pin, with the sha256 of every file PyPI has for
# that version (all platforms). pip refuses a file whose hash is not listed.
#   requirements.lock        from requirements.txt       build, serve, publish
#   requirements-test.lock   from requirements-test.txt  the tests (includes the above)
#   requirements-audit.lock  from requirements-audit.txt pip-audit, in a venv of its own
# To change a version: edit requirements*.txt or constraints.txt, run `make lock`, commit both.
# The checklist plugin is a local folder (hash-checking cannot cover it): it is installed on its
# own, without dependencies, with the setuptools the build lock brings.
PIP_LOCKED = --disable-pip-version-check -q --require-hashes
AUDIT_VENV = $(VENV)/pip-audit
AUDIT_STAMP = $(AUDIT_VENV)/.installed
# `make lock` runs uv from a throwaway venv: uv is never installed into $(VENV).
LOCK_TOOL = uv==0.13.8
LOCK_OPTIONS = --quiet --generate-hashes --python-version 3.11.7 --python-platform x86_64-manylinux_2_28 \
	--custom-compile-command "make lock"

$(BUILD_STAMP): requirements.lock $(CHECKLIST_SOURCES)
	@echo 'Setting up: a Python environment in .venv (first run only)...'
	@test -x "$(BIN)/python" || $(PY) -m venv "$(VENV)"
	@echo 'Setting up: installing Pelican and the build tools (about a minute the first time)...'
	@"$(BIN)/pip" install $(PIP_LOCKED) -r requirements.lock
	@echo 'Setting up: the translations and the checklist plugin...'
	$(COMPILE_TRANSLATIONS)
	@"$(BIN)/pip" install --disable-pip-version-check -q --no-deps --no-build-isolation --force-reinstall "./$(CHECKLIST_PACKAGE)"
	@echo 'Setting up: done.'
	@touch "$@"

# The tests also run pip-audit (tests/unit/test_dependencies.py).
$(TEST_STAMP): $(BUILD_STAMP) $(AUDIT_STAMP) requirements-test.lock
	@echo 'Setting up: installing the test tools (pytest, Playwright, axe)...'
	@"$(BIN)/pip" install $(PIP_LOCKED) -r requirements-test.lock
	@touch "$@"

$(AUDIT_STAMP): requirements-audit.lock
	@echo 'Setting up: installing pip-audit, in an environment of its own...'
	@test -x "$(AUDIT_VENV)/bin/python" || $(PY) -m venv "$(AUDIT_VENV)"
	@"$(AUDIT_VENV)/bin/pip" install $(PIP_LOCKED) -r requirements-audit.lock
	@touch "$@"

# Rewrites the three .lock files, keeping every version the .txt files and constraints.txt pin
# (constraints.txt applies to pip-audit's venv too: one version of each package everywhere).
lock:
	@tools=$$(mktemp -d) && trap 'rm -rf "$$tools"' EXIT && \
	$(PY) -m venv "$$tools" && "$$tools/bin/pip" install --disable-pip-version-check -q "$(LOCK_TOOL)" && \
	"$$tools/bin/uv" pip compile $(LOCK_OPTIONS) -c constraints.txt -o requirements.lock requirements.txt && \
	"$$tools/bin/uv" pip compile $(LOCK_OPTIONS) -c constraints.txt -o requirements-test.lock requirements-test.txt && \
	"$$tools/bin/uv" pip compile $(LOCK_OPTIONS) -c constraints.txt -o requirements-audit.lock requirements-audit.txt
	@echo "Locked: requirements.lock requirements-test.lock requirements-audit.lock"

.PHONY: lock

# Every build bundles the theme's stylesheet and scripts with esbuild (package.json's only
# `dependencies` entry): installed once, from npm, without the test tools. A full install
# (the test tools too, for make test and make audit) includes it.
$(ESBUILD_STAMP): package.json package-lock.json | node
	@if [ -f "$(NODE_STAMP)" ] && [ "$(NODE_STAMP)" -nt package.json ] && [ "$(NODE_STAMP)" -nt package-lock.json ]; then :; \
	else echo 'Setting up: installing esbuild, which bundles the theme (npm ci)...'; npm ci --omit=dev --no-audit --no-fund --loglevel=error; fi
	@touch "$@"

# The browser editor's packages (Decap CMS and decap-server: 730 packages, about 390 MB) have
# their own package.json and lock file, so `make html` and `make test-fast` never install them;
# `make edit` and `make test` do. --ignore-scripts: no package runs code while installing.
$(EDITOR_STAMP): $(EDITOR_DIR)/package.json $(EDITOR_DIR)/package-lock.json
	@echo 'Setting up: installing the browser editor (Decap CMS, npm ci)...'
	@cd "$(EDITOR_DIR)" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch "$@"

$(NODE_STAMP): package.json package-lock.json | node
	@echo 'Setting up: installing esbuild, the HTML checker, link checker and Lighthouse (npm ci)...'
	@npm ci --no-audit --no-fund --loglevel=error
	@touch "$@" "$(ESBUILD_STAMP)"

node:
	@if command -v npm >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo 'Installing Node.js and npm (they install esbuild, which bundles the theme)...'; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	else \
		echo 'The build needs Node.js 18 or newer and npm, to install esbuild (it bundles the theme).'; \
		echo 'On Debian or Ubuntu run:  sudo apt-get install nodejs npm'; \
		echo 'On macOS or Windows, install Node.js from its official installer, then run make again.'; \
		exit 1; \
	fi

venv: $(BUILD_STAMP)

chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo 'Installing Debian Chromium for the browser tests...'; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo 'The browser tests need Chromium at $(CHROMIUM).'; \
		echo 'On Debian or Ubuntu run:  sudo apt-get install chromium'; \
		echo 'Elsewhere, install Chromium and run:  make test CHROMIUM=/path/to/chromium'; \
		exit 1; \
	fi

nginx:
	@if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo 'Installing nginx for the hosting tests...'; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; \
	else \
		echo 'The hosting tests need nginx. On Debian or Ubuntu run:  sudo apt-get install nginx-light'; \
		exit 1; \
	fi

java:
	@if command -v java >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo 'Installing Java for the HTML validator (vnu.jar)...'; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	else \
		echo 'The HTML validation test needs Java 11 or newer. On Debian or Ubuntu run:  sudo apt-get install default-jre-headless'; \
		exit 1; \
	fi

# --- build and serve ------------------------------------------------------
# tools.build exits 1 on any error (Pelican alone exits 0 when an article fails).
# Drafts (`Status: draft`) are left out unless DRAFTS=yes (a preview; `make publish` never has them).
DRAFTS ?=
html: $(BUILD_STAMP) $(ESBUILD_STAMP) compile-translations
	DRAFTS="$(DRAFTS)" "$(BIN)/python" -m tools.build --settings "$(CONFFILE)" --content "$(INPUTDIR)" --output "$(OUTPUTDIR)" $(PELICANOPTS)

# Production's headers and 404 page; a taken port stops with a message; BIND=0.0.0.0 prints the
# addresses a phone on the same network can open.
serve: html
	"$(BIN)/python" -m tools.serve --output "$(OUTPUTDIR)" --port $(PORT) --bind $(BIND)

devserver: $(BUILD_STAMP) $(ESBUILD_STAMP) compile-translations
	"$(BIN)/python" -m tools.devserver --content "$(INPUTDIR)" --output "$(OUTPUTDIR)" --settings "$(CONFFILE)" --port $(PORT) --bind $(BIND)

# The editor (tools/editor, Decap CMS) for content/ and practice.toml, on 127.0.0.1:$(EDIT_PORT), with
# the devserver's live preview on $(PORT). Saves write the files; git keeps their history.
edit: $(BUILD_STAMP) $(ESBUILD_STAMP) $(EDITOR_STAMP) compile-translations
	"$(BIN)/python" -m tools.editor --site "$(EDIT_SITE)" --settings "$(CONFFILE)" --output "$(OUTPUTDIR)" \
		--port $(EDIT_PORT) --preview-port $(PORT) $(EDITOPTS)

# Pelican's own watch-and-rebuild, as in Pelican's quickstart Makefile (no server, no reload;
# `make devserver` does both).
regenerate: $(BUILD_STAMP) $(ESBUILD_STAMP) compile-translations
	"$(PELICAN)" -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

# Production build: needs SITEURL (e.g. make publish SITEURL=https://example.org/practice-site).
# Fails on any Pelican warning or error and then leaves $(OUTPUTDIR) untouched.
publish: $(BUILD_STAMP) $(ESBUILD_STAMP) compile-translations
	exec "$(BIN)/python" -m tools.publish --content "$(INPUTDIR)" --output "$(OUTPUTDIR)" --settings "$(PUBLISHCONF)" $(PELICANOPTS)

# ghp-import commits $(OUTPUTDIR) (plus .nojekyll) to the branch and force-pushes it.
# Without a git identity the commit would have an empty author: fall back to a neutral one.
github: publish
	GIT_COMMITTER_NAME="$${GIT_COMMITTER_NAME:-$$(git config user.name || echo 'Site publisher')}" \
	GIT_COMMITTER_EMAIL="$${GIT_COMMITTER_EMAIL:-$$(git config user.email || echo 'publisher@localhost')}" \
	"$(BIN)/ghp-import" -n -p -f -r "$(GITHUB_PAGES_REMOTE)" -b "$(GITHUB_PAGES_BRANCH)" -m "$(GITHUB_PAGES_COMMIT_MESSAGE)" "$(OUTPUTDIR)"

# --delay-updates swaps the changed files in together at the end; old pages go last.
rsync_upload: publish
	rsync -e "ssh -p $(SSH_PORT)" -P -rvzc --chmod=D755,F644 --delay-updates --delete-after "$(OUTPUTDIR)"/ "$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)"

clean:
	rm -rf "$(OUTPUTDIR)" "$(BASEDIR)/cache" "$(BASEDIR)/__pycache__" "$(BASEDIR)/dist"

# --- checks ---------------------------------------------------------------
test: $(TEST_STAMP) $(NODE_STAMP) $(EDITOR_STAMP) chromium nginx java compile-translations
	CHROMIUM="$(CHROMIUM)" "$(BIN)/python" -m pytest $(PYTEST_WORKERS)

# The unit and build tests only (no browser, nginx, devserver, editor or test node tools): about a minute.
test-fast: $(TEST_STAMP) $(ESBUILD_STAMP) compile-translations
	"$(BIN)/python" -m pytest $(PYTEST_WORKERS) -m "not browser and not deploy and not devserver and not slow and not editor"

# Reader-facing words come from gettext catalogs (English is the source). `make translations`
# extracts the marked words (templates, this site's plugins, the checklist package), merges
# them into every language's .po file and compiles the .mo files the build reads.
translations: $(BUILD_STAMP)
	$(PYBABEL) extract -F babel.cfg -k _ -k N_ --no-location --sort-output -o locale/site.pot .
	$(PYBABEL) extract -k _ -k N_ --no-location --sort-output -o "$(CHECKLIST_LOCALE)/reflection_checklists.pot" \
		"$(CHECKLIST_PACKAGE)/pelican/plugins/reflection_checklists"
	@if ls locale/*/LC_MESSAGES/site.po >/dev/null 2>&1; then \
		$(PYBABEL) update --no-fuzzy-matching -i locale/site.pot -d locale -D site; fi
	$(PYBABEL) update --no-fuzzy-matching -i "$(CHECKLIST_LOCALE)/reflection_checklists.pot" -d "$(CHECKLIST_LOCALE)" -D reflection_checklists
	$(COMPILE_TRANSLATIONS)
	@echo "Catalogs updated: translate the empty msgstr entries in each .po file, then run make html."

# Each catalog is compiled only when its .po file changed, into a new file that then replaces
# the old one: a build running meanwhile (another terminal, the devserver's full check, a test)
# never reads a half-written .mo, and catalogs left as they were keep the content cache valid.
CATALOGS = $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/site.po \
	$(CHECKLIST_LOCALE)/*/LC_MESSAGES/reflection_checklists.po))

%.mo: %.po | $(BUILD_STAMP)
	@$(PYBABEL) compile -i "$<" -o "$@.$$$$.tmp" && mv -f "$@.$$$$.tmp" "$@"

compile-translations: $(CATALOGS)

# The checklist plugin as a wheel another Pelican site can `pip install` (dist/*.whl).
dist: $(BUILD_STAMP)
	rm -rf dist
	"$(BIN)/pip" wheel --disable-pip-version-check -q --no-deps --no-build-isolation -w dist "./$(CHECKLIST_PACKAGE)"
	@ls dist/*.whl

# First pip-audit on the lock files (known vulnerabilities; without a network it says so and
# goes on), then each article's next review date (overdue ones marked), then builds into a
# temporary folder, serves it on a free 127.0.0.1 port and runs Lighthouse
# (mobile) on the home page, an article and the heaviest checklist article.
audit: $(BUILD_STAMP) $(AUDIT_STAMP) $(NODE_STAMP) chromium
	"$(BIN)/python" -m tools.audit --settings "$(CONFFILE)" --content "$(INPUTDIR)" --chromium "$(CHROMIUM)" \
		--pip-audit "$(AUDIT_VENV)/bin/pip-audit"

# Build speed against vanilla Pelican, devserver rebuild times and page weight; writes
# bench/results/latest.md. Takes several minutes: make bench BENCH_SIZES=100 BENCH_RUNS=3 is quicker.
BENCH_SIZES ?= 100 300 1000
BENCH_RUNS ?= 5
bench: $(BUILD_STAMP) $(ESBUILD_STAMP)
	"$(BIN)/python" -m tools.bench --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS)

.PHONY: help venv node chromium nginx java html serve devserver edit regenerate publish github rsync_upload clean test test-fast audit bench dist translations compile-translations
