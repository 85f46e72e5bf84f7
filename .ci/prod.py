#!/usr/bin/env python3
"""The site as in production, on this machine: `make prod` (foreground), `make prod-stop`.

    python .ci/prod.py run      # prepare, then gunicorn + the task worker until Ctrl-C / SIGTERM
    python .ci/prod.py stop     # stops a `run` started elsewhere (its pid file)
    python .ci/prod.py prepare  # database, migrations, static files, demo content; then exits

PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/opensocialcluster) and
Redis (REDIS_URL, default redis://127.0.0.1:6379/0) must be reachable; a missing database is
created, and a Redis server is started as a child if none answers and `redis-server` exists.
Local-only secrets (SECRET_KEY, the demo accounts' DEMO_PASSWORD) are generated once into
.prod/secrets.env, which git ignores.
Production settings, with two local allowances because there is no TLS proxy in front here:
SECURE_SSL_REDIRECT=0 (plain http on 127.0.0.1) and ALLOWED_HOSTS=127.0.0.1,localhost.
tests/benchmarks/stack.py drives the same functions (docs/benchmarks.md).
"""

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
STATE = ROOT / ".prod"
SECRETS = STATE / "secrets.env"
PIDFILE = STATE / "prod.pid"
PYTHON = os.environ.get("PYTHON") or sys.executable
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/opensocialcluster"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


def log(message):
    print(f"[prod] {message}", flush=True)  # noqa: T201 - a command-line tool


def local_secrets():
    """SECRET_KEY for this machine only: generated once, kept out of git (.gitignore)."""
    STATE.mkdir(exist_ok=True)
    if not SECRETS.exists():
        # DEMO_PASSWORD: the demo accounts' password (load_demo refuses a published one outside
        # development settings); read it here to log in as the demo's editors.
        SECRETS.write_text(
            f"SECRET_KEY={secrets.token_urlsafe(64)}\nDEMO_PASSWORD={secrets.token_urlsafe(18)}\n"
        )
        SECRETS.chmod(0o600)
    values = {}
    for line in SECRETS.read_text().splitlines():
        key, _, value = line.partition("=")
        if key.strip() and not key.startswith("#"):
            values[key.strip()] = value.strip()
    return values


def environment(**overrides):
    """The environment every production process gets; the caller's variables win."""
    env = dict(os.environ)
    defaults = {
        "DATABASE_URL": DEFAULT_DATABASE_URL,
        "REDIS_URL": DEFAULT_REDIS_URL,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        # Persistent connections: one per worker, kept between requests.
        "DB_CONN_MAX_AGE": "600",
        "BASE_URL": "http://127.0.0.1:8000",
        **local_secrets(),
    }
    for key, value in defaults.items():
        env.setdefault(key, value)
    # Production whatever the shell says (a DJANGO_SETTINGS_MODULE left from development would
    # quietly run the development settings), with the task worker doing the background work.
    env["DJANGO_SETTINGS_MODULE"] = "opensocialcluster.settings.production"
    env["TASKS_BACKEND"] = "database"
    env.update({key: str(value) for key, value in overrides.items()})
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "site"), env.get("PYTHONPATH")]))
    return env


def manage(env, *args, **kwargs):
    return subprocess.run(  # noqa: S603 - our own manage.py
        [PYTHON, str(ROOT / "manage.py"), *args], env=env, check=True, **kwargs
    )


def _admin_url(database_url):
    parts = urlsplit(database_url)
    return urlunsplit(parts._replace(path="/postgres")), parts.path.lstrip("/")


def wait_for_postgres(database_url, seconds=20):
    import psycopg

    admin, _name = _admin_url(database_url)
    deadline = time.monotonic() + seconds
    while True:
        try:
            with psycopg.connect(admin, connect_timeout=2):
                return
        except psycopg.OperationalError as error:
            if time.monotonic() > deadline:
                raise SystemExit(
                    f"PostgreSQL does not answer at {admin} ({error}). Start it (e.g. "
                    "`pg_ctl -D $PGDATA start`, or your distribution's service) and run again."
                ) from error
            time.sleep(0.5)


def ensure_database(database_url):
    """Create the database named in the URL when it is missing."""
    import psycopg

    wait_for_postgres(database_url)
    admin, name = _admin_url(database_url)
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        if not exists.fetchone():
            log(f"creating database {name}")
            connection.execute(f'CREATE DATABASE "{name}"')


def database_is_empty(database_url):
    """No content beyond Wagtail's root and welcome pages."""
    import psycopg

    with psycopg.connect(database_url) as connection:
        return connection.execute("SELECT count(*) FROM wagtailcore_page").fetchone()[0] <= 2


def redis_answers(redis_url):
    import redis

    try:
        return redis.Redis.from_url(redis_url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        return False


def ensure_redis(redis_url, children):
    if redis_answers(redis_url):
        return
    server = shutil.which("redis-server")
    if not server:
        raise SystemExit(f"Redis does not answer at {redis_url} and redis-server is missing.")
    parts = urlsplit(redis_url)
    log(f"starting redis-server on port {parts.port or 6379}")
    children.append(
        subprocess.Popen(  # noqa: S603 - a fixed local program
            [
                server,
                "--port",
                str(parts.port or 6379),
                "--bind",
                parts.hostname or "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
    )
    deadline = time.monotonic() + 10
    while not redis_answers(redis_url):
        if time.monotonic() > deadline:
            raise SystemExit("redis-server did not start")
        time.sleep(0.2)


def prepare(env, *, demo=True):
    """Everything in place before the first request: database, tables (the cache table too),
    static files, demo content once; and Django's deploy checks."""
    ensure_database(env["DATABASE_URL"])
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    if demo and database_is_empty(env["DATABASE_URL"]):
        log(f"empty database: loading the demo content (once); its password is in {SECRETS}")
        manage(env, "load_demo", "--force")
    # The local allowance (no TLS redirect on 127.0.0.1) is the only thing the deploy check
    # would mention: it is checked with the redirect on, as deployed.
    manage({**env, "SECURE_SSL_REDIRECT": "1"}, "check", "--deploy", "--fail-level", "WARNING")


def start_web(env, *, bind=None, workers=None, log_file=None):
    extra = {}
    if bind:
        extra["GUNICORN_BIND"] = bind
    if workers:
        extra["WEB_CONCURRENCY"] = str(workers)
    return subprocess.Popen(  # noqa: S603 - our own configuration
        [PYTHON, "-m", "gunicorn", "-c", str(ROOT / "site" / "gunicorn.conf.py")],
        env={**env, **extra},
        cwd=ROOT,
        stdout=log_file,
        stderr=subprocess.STDOUT if log_file else None,
    )


def start_tasks(env, *, log_file=None):
    return subprocess.Popen(  # noqa: S603 - our own manage.py
        [PYTHON, str(ROOT / "manage.py"), "db_worker", "--queue-name", "*", "--no-reload"],
        env=env,
        cwd=ROOT,
        stdout=log_file,
        stderr=subprocess.STDOUT if log_file else None,
    )


def stop(processes, timeout=25):
    """SIGTERM (gunicorn and the task worker finish what they are doing), then SIGKILL."""
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + timeout
    for process in processes:
        try:
            process.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run():
    env = environment()
    children = []
    stopping = []

    def on_signal(signum, frame):
        stopping.append(signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        ensure_redis(env["REDIS_URL"], children)
        prepare(env)
        children.insert(0, start_web(env))
        children.insert(1, start_tasks(env))
        PIDFILE.write_text(str(os.getpid()))
        bind = env.get("GUNICORN_BIND", "127.0.0.1:8000")
        log(f"serving on http://{bind}/ (Ctrl-C or `make prod-stop` stops everything)")
        while not stopping:
            ended = [child for child in children if child.poll() is not None]
            if ended:
                log(f"a child process ended (pid {ended[0].pid}); stopping")
                break
            time.sleep(0.5)
    finally:
        log("stopping")
        stop(children)
        PIDFILE.unlink(missing_ok=True)
    return 0


def stop_running():
    if not PIDFILE.exists():
        log("not running")
        return 0
    pid = int(PIDFILE.read_text())
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        PIDFILE.unlink(missing_ok=True)
        return 0
    for _ in range(60):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            log("stopped")
            return 0
        time.sleep(0.5)
    log(f"process {pid} still running")
    return 1


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "run"
    if command == "run":
        sys.exit(run())
    if command == "stop":
        sys.exit(stop_running())
    if command == "prepare":
        prepare(environment())
        sys.exit(0)
    sys.exit(f"unknown command {command!r}: run, stop or prepare")
