"""Gunicorn's configuration for production (`make prod`, docs/deployment.md).

Every value comes from the environment, so one file serves a laptop and a fleet of app servers.
https://docs.gunicorn.org/en/stable/settings.html

Worker class: gthread, 4 threads per worker, by default. Measured on this project's 2-core
machine (docs/benchmarks.md, registration burst): 200 members registering at once on one event
queue on the event's row lock (no seat is ever sold twice), and a sync worker waiting on that
lock serves nobody else; gthread finished the burst about 30% sooner, at less CPU per
registration. GUNICORN_WORKER_CLASS=sync, GUNICORN_THREADS=1 gives the sync worker back.
"""

import os
from pathlib import Path

SITE_DIR = Path(__file__).resolve().parent

# The project's packages live at the repository root, the settings package in site/.
pythonpath = f"{SITE_DIR},{SITE_DIR.parent}"
wsgi_app = "opensocialcluster.wsgi:application"

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
# Two per core is gunicorn's advice for sync workers; WEB_CONCURRENCY is the common name.
workers = int(os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1))))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A request stuck longer than this is killed and the worker replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
# Keep-alive behind a load balancer that reuses its connections (most do).
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# The load balancer queues; a deep backlog only turns a burst into timeouts.
backlog = int(os.environ.get("GUNICORN_BACKLOG", "2048"))
# Recycling workers is off by default so that memory growth shows (docs/benchmarks.md measures
# it); set it as a safety net if a leak ever appears.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "0"))
# Loading the app before forking shares its memory between workers (copy-on-write) and makes a
# broken deployment fail at start instead of in every worker.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1").lower() in {"1", "true", "yes", "on"}

accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The TLS-terminating proxy in front says the scheme; trust it only from where it runs.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "opensocialcluster"


def when_ready(server):
    # Runs in the master once the app is preloaded, before any worker is forked: a database
    # connection opened while loading (the cache-table check) must not be shared by the workers.
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.close()
