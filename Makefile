# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate seed lint messages worker beat bench bench-pages bench-invoices \
	bench-checkout \
	clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

install: $(INSTALLED)

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo

## Serve the demo marketplace at http://127.0.0.1:8000 (SQLite, in-process tasks unless configured).
## Links in its e-mails and texts point at SITE_URL: the address it serves unless set.
run seed: export SITE_URL ?= http://$(HOST):$(PORT)
## EnZona and Transfermóvil run against their loopback fakes (tests/fakes/) unless ENZONA_URL
## or TRANSFERMOVIL_URL is set: then only the gateways so configured are offered.
ifeq ($(ENZONA_URL)$(TRANSFERMOVIL_URL),)
DEMO_FAKES := yes
run: export ENZONA_URL := http://127.0.0.1:8021
run: export ENZONA_CONSUMER_KEY := encadena-enzona-key
run: export ENZONA_CONSUMER_SECRET := encadena-enzona-secret
run: export ENZONA_CALLBACK_SECRET := encadena-enzona-callback
run: export TRANSFERMOVIL_URL := http://127.0.0.1:8022
run: export TRANSFERMOVIL_USERNAME := encadena
run: export TRANSFERMOVIL_PASSWORD := encadena-transfermovil
run: export TRANSFERMOVIL_SOURCE := 5001
endif
run: seed
ifdef DEMO_FAKES
	$(BIN)/python -m tests.fakes.serve --enzona-port 8021 --transfermovil-port 8022 & \
		fakes=$$!; trap 'kill $$fakes 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python manage.py runserver $(HOST):$(PORT)
else
	$(BIN)/python manage.py runserver $(HOST):$(PORT)
endif

## The whole test suite. Extra pytest arguments: make test PYTEST_ARGS="-k basket".
test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## Compile the Spanish translations (commit the .mo files: no gettext needed to run).
messages: install
	$(BIN)/python manage.py makemessages -l es --ignore=.venv --ignore=var --ignore=tests \
		--ignore=test-results
	$(BIN)/python manage.py compilemessages -l es --ignore=.venv

## The storefront under gunicorn (2 sync workers, DEBUG off) with 10,000 products / 50 stores
## and 100,000 / 500, each catalogue in a PostgreSQL database of its own, loaded when missing
## (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/encadena_bench, gives the
## server and the name's start: encadena_bench_10k, encadena_bench_100k). Prints req/s, the
## share of a trivial page's req/s, p50, p99 and queries per page. Load from wrk when it is
## installed (apt-get install wrk), else from Python threads. BENCH_ARGS="--sizes 10000:50".
bench: install
	DJANGO_SETTINGS_MODULE=shop.settings.bench $(BIN)/python manage.py bench_storefront $(BENCH_ARGS)

## Queries, size and in-process time of the main pages on the demo data.
bench-pages: seed
	$(BIN)/python manage.py bench_pages

## Render N one-page invoice PDFs in one process: ms per invoice and memory (N=500).
bench-invoices: install
	$(BIN)/python manage.py bench_invoices --count $(or $(N),500)

## A guest's checkout from 3 stores, 18 requests in-process: queries and ms of each (N=11 runs),
## in the bench's database (BENCH_DATABASE_URL, default encadena_bench on the local PostgreSQL).
bench-checkout: install
	DJANGO_SETTINGS_MODULE=shop.settings.bench $(BIN)/python manage.py bench_checkout \
		--runs $(or $(N),11)

worker: install
	$(BIN)/celery -A shop worker --loglevel=info

beat: install
	$(BIN)/celery -A shop beat --loglevel=info

clean:
	rm -rf var .pytest_cache test-results
