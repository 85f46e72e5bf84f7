# The two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)
PYTEST_ARGS ?=

.PHONY: install run prod prod-stop test test-fast test-e2e browser lint messages benchmark benchmark-search mutation check clean

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the browser tests (Playwright cannot download its own here).
browser:
	@test -x /usr/bin/chromium || { \
		if [ "$$(id -u)" = "0" ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else \
			echo "Install Debian's chromium (sudo apt-get install chromium) for the browser tests"; exit 1; \
		fi; }

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:8000

# The site as in production on this machine (.ci/prod.py): PostgreSQL (DATABASE_URL), Redis
# (REDIS_URL), gunicorn (site/gunicorn.conf.py) and the task worker, until Ctrl-C; or, started
# in the background, until `make prod-stop`. docs/deployment.md.
prod: install
	$(PY) .ci/prod.py run

prod-stop:
	$(PY) .ci/prod.py stop

# The non-browser tests on TEST_JOBS workers (pytest-xdist; each copies a migrated template
# database, tests/dbsetup.py), then the browser journeys, also on TEST_JOBS workers (each its own
# Chromium and live server: the journeys mostly wait on the browser, so two take 4 min, not 6).
TEST_JOBS ?= 2
test: install browser
	$(PY) -m pytest -m "not e2e and not benchmark" -n $(TEST_JOBS) $(PYTEST_ARGS)
	$(PY) -m pytest -m e2e tests/e2e -n $(TEST_JOBS) $(PYTEST_ARGS)

test-fast: install
	$(PY) -m pytest -m "not e2e and not benchmark" $(PYTEST_ARGS)

test-e2e: install browser
	$(PY) -m pytest tests/e2e $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check

# Extract every marked string into locale/<lang>/LC_MESSAGES/django.po and compile the .mo files.
messages: install
	$(PY) manage.py makemessages --all --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=tests --add-location=file
	$(PY) manage.py compilemessages --ignore=.venv

# The in-process figures (tests/benchmarks/test_*.py), then the production stack measured from
# outside (tests/benchmarks/stack.py, a few minutes), which writes docs/benchmarks.md.
benchmark: install
	$(PY) -m pytest tests/benchmarks -m benchmark -s -p no:xdist
	$(PY) tests/benchmarks/stack.py

# Search at 50,000 pages (docs/benchmarks.md): needs DATABASE_URL pointing at a PostgreSQL
# database; builds the corpus once (later runs find it there), then times searches.
SEARCH_SCALE ?= 1852
benchmark-search: install
	@case "$$DATABASE_URL" in postgres*) ;; *) echo "Set DATABASE_URL to a PostgreSQL database"; exit 1;; esac
	$(PY) manage.py migrate --noinput
	time $(PY) manage.py load_demo --scale $(SEARCH_SCALE)
	$(PY) tests/benchmarks/search_scale.py

# Mutation testing of the modules holding the product's rules: a score per module (slow, so not
# part of `make test`). `make mutation MUTATION_ARGS=cms/filters.py` limits it; docs/mutation.md.
mutation: install
	$(PY) tests/mutation/run.py $(MUTATION_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
