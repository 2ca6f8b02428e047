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

# The browser tests drive Debian's Chromium, never a downloaded one.
CHROMIUM ?= /usr/lib/chromium/chromium

BUILD_STAMP = $(VENV)/.installed-build
TEST_STAMP = $(VENV)/.installed-test
NODE_STAMP = node_modules/.installed

help:
	@echo 'Make targets for the site'
	@echo ''
	@echo '  make serve [PORT=8000]     build, then serve at http://127.0.0.1:$(PORT)'
	@echo '  make test                  run every test, browser tests included'
	@echo '  make html                  build the site into $(OUTPUTDIR)'
	@echo '  make devserver [PORT=8000] serve, rebuild on save, reload the browser'
	@echo '  make publish               build for production (SITEURL=https://...)'
	@echo '  make github                publish to the $(GITHUB_PAGES_BRANCH) branch'
	@echo '  make rsync_upload          publish, then copy to $(SSH_USER)@$(SSH_HOST)'
	@echo '  make audit                 Lighthouse scores for three pages'
	@echo '  make bench                 build-speed and page-weight benchmarks'
	@echo '  make clean                 remove the built site and caches'
	@echo ''
	@echo 'Overridable: INPUTDIR, OUTPUTDIR, PORT, BIND, DEBUG=1, PELICANOPTS'

# --- set-up ---------------------------------------------------------------
$(BUILD_STAMP): requirements.txt constraints.txt
	@test -x "$(BIN)/python" || $(PY) -m venv "$(VENV)"
	"$(BIN)/pip" install --disable-pip-version-check -q -r requirements.txt -c constraints.txt
	@touch "$@"

$(TEST_STAMP): $(BUILD_STAMP) requirements-test.txt
	"$(BIN)/pip" install --disable-pip-version-check -q -r requirements-test.txt -c constraints.txt
	@touch "$@"

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch "$@"

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

# --- build and serve ------------------------------------------------------
# tools.build exits 1 on any error (Pelican alone exits 0 when an article fails).
html: $(BUILD_STAMP)
	"$(BIN)/python" -m tools.build --settings "$(CONFFILE)" --content "$(INPUTDIR)" --output "$(OUTPUTDIR)" $(PELICANOPTS)

serve: html
	@echo 'Serving the site at http://$(BIND):$(PORT)/ (Ctrl+C to stop)'
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(BIND) --log-handler plain

devserver: $(BUILD_STAMP)
	"$(BIN)/python" -m site_tools.devserver --content "$(INPUTDIR)" --output "$(OUTPUTDIR)" --settings "$(CONFFILE)" --port $(PORT) --bind $(BIND)

publish: $(BUILD_STAMP)
	"$(BIN)/python" -m site_tools.publish --content "$(INPUTDIR)" --output "$(OUTPUTDIR)" --settings "$(PUBLISHCONF)" $(PELICANOPTS)

github: publish
	"$(BIN)/ghp-import" -m "$(GITHUB_PAGES_COMMIT_MESSAGE)" -b $(GITHUB_PAGES_BRANCH) -n "$(OUTPUTDIR)"
	git push $(GITHUB_PAGES_REMOTE) $(GITHUB_PAGES_BRANCH)

rsync_upload: publish
	rsync -e "ssh -p $(SSH_PORT)" -P -rvzc --include tags --cvs-exclude --delete "$(OUTPUTDIR)"/ "$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)"

clean:
	rm -rf "$(OUTPUTDIR)" "$(BASEDIR)/cache" "$(BASEDIR)/__pycache__"

# --- checks ---------------------------------------------------------------
test: $(TEST_STAMP) chromium
	CHROMIUM="$(CHROMIUM)" "$(BIN)/python" -m pytest

.PHONY: help venv chromium nginx html serve devserver publish github rsync_upload clean test
