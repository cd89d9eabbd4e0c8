# Portail Famille — the two commands of README.md, and their parts.
# Every recipe runs in one bash shell (ONESHELL) so that traps can stop what a recipe started.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.ONESHELL:
.DEFAULT_GOAL := help

PORT ?= 8080
TEST_PORT ?= 8089
PGPORT ?= 54320
DATA := $(CURDIR)/.data
PG := $(CURDIR)/deploy/local-cluster.sh
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
DEV_DB := postgresql://portal@127.0.0.1:$(PGPORT)/portal
TEST_DB := postgresql://portal@127.0.0.1:$(PGPORT)/portal_test
# The live suites get a database of their own: what the in-process tests leave (queued e-mails,
# platform rows) never reaches the server they drive.
LIVE_DB := postgresql://portal@127.0.0.1:$(PGPORT)/portal_live
BIN := .build/debug/portal
RELEASE_BIN := .build/release/portal
VENV := $(DATA)/venv
PACKAGES := postgresql postgresql-contrib libpq-dev pkg-config chromium chromium-driver \
	nginx wrk curl python3-venv qpdf poppler-utils \
	slowhttptest sqlmap wapiti

export PORTAL_TENANTS_DIR := $(CURDIR)/tenants
export PORTAL_SQL_DIR := $(CURDIR)/sql
export PORTAL_MAIL_DIR := $(DATA)/mail
export PORTAL_BASE_DOMAINS := localhost
export PORTAL_ENVIRONMENT := development

.PHONY: help deps venv build run test bench test-security fuzz

help:
	@echo "make run    installe, construit, démarre PostgreSQL et sert les portails sur http://<commune>.localhost:$(PORT)"
	@echo "make test   même mise en place, puis tous les tests (unitaires, PostgreSQL, HTTP, navigateur)"
	@echo "make bench  mesures de débit et de mémoire (build release)"
	@echo "make test-security  suite de sécurité avec les scanners complets (sqlmap, wapiti)"
	@echo "make fuzz   fuzzing des analyseurs HTTP et multipart (FUZZ_SECONDS=600 chacun)"

# Debian packages the project needs; only the missing ones are installed.
deps:
	missing=""
	for p in $(PACKAGES); do dpkg -s "$$p" >/dev/null 2>&1 || missing="$$missing $$p"; done
	if [ -n "$$missing" ]; then
		echo "Installation des paquets manquants :$$missing"
		$(SUDO) apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null
	fi

venv: deps
	if [ ! -x $(VENV)/bin/pytest ] || ! cmp -s Tests/e2e/requirements.txt $(VENV)/requirements.txt; then
		/usr/bin/python3 -m venv $(VENV)
		$(VENV)/bin/pip install -q -r Tests/e2e/requirements.txt
		cp Tests/e2e/requirements.txt $(VENV)/requirements.txt
	fi

build: deps
	swift build --product portal

run: build
	started=$$($(PG) start $(DATA)/pg $(PGPORT))
	trap '[ "$$started" = started ] && $(PG) stop $(DATA)/pg' EXIT
	$(PG) createdb $(DATA)/pg $(PGPORT) portal
	export PORTAL_DATABASE_URL=$(DEV_DB) PORTAL_LISTEN=127.0.0.1:$(PORT)
	$(BIN) migrate
	$(BIN) seed-demo
	$(BIN) serve

test: build venv
	started=$$($(PG) start $(DATA)/pg $(PGPORT))
	trap '[ "$$started" = started ] && $(PG) stop $(DATA)/pg' EXIT
	$(PG) createdb $(DATA)/pg $(PGPORT) portal_test --fresh
	$(PG) createdb $(DATA)/pg $(PGPORT) portal_live --fresh
	PORTAL_TEST_DATABASE_URL=$(TEST_DB) swift test
	Tests/fuzz/run.sh 30
	PORTAL_DATABASE_URL=$(LIVE_DB) PORTAL_LISTEN=127.0.0.1:$(TEST_PORT) PORTAL_MAIL_DIR=$(DATA)/test-mail \
		Tests/run-live-suites.sh $(BIN) $(VENV)

# The live security suite with the full scanner passes (Tests/security/ASVS.md).
test-security: build venv
	started=$$($(PG) start $(DATA)/pg $(PGPORT))
	trap '[ "$$started" = started ] && $(PG) stop $(DATA)/pg' EXIT
	$(PG) createdb $(DATA)/pg $(PGPORT) portal_test --fresh
	PORTAL_DATABASE_URL=$(TEST_DB) PORTAL_LISTEN=127.0.0.1:$(TEST_PORT) PORTAL_SECURITY_SCAN=full PORTAL_MAIL_DIR=$(DATA)/test-mail \
		Tests/run-live-suites.sh $(BIN) $(VENV) Tests/security

FUZZ_SECONDS ?= 600
# libFuzzer with AddressSanitizer on the request and multipart parsers, FUZZ_SECONDS each.
fuzz:
	Tests/fuzz/run.sh $(FUZZ_SECONDS)

bench: deps
	swift build -c release --product portal
	started=$$($(PG) start $(DATA)/pg $(PGPORT))
	trap '[ "$$started" = started ] && $(PG) stop $(DATA)/pg' EXIT
	$(PG) createdb $(DATA)/pg $(PGPORT) portal_bench --fresh
	PORTAL_DATABASE_URL=postgresql://portal@127.0.0.1:$(PGPORT)/portal_bench \
		Tests/bench/run.sh $(RELEASE_BIN)
