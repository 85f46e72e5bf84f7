"""Two app servers sharing one PostgreSQL database and one Redis keep no state of their own.

Two gunicorn instances (site/gunicorn.conf.py, production settings) on two ports, as behind a
load balancer (docs/deployment.md): a member logged in on one is logged in on the other (the
session is in Redis), a write made through one is read through the other, a page that one has
cached is purged for both by a change made through the other, and a logout on one (the session
deleted from the shared cache) is seen by the other.

Runs on PostgreSQL with a Redis server on this machine (the CI's PostgreSQL pass); skipped
elsewhere. The servers use the test database, so the test commits its data (transaction=True).
"""

import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from wagtail.models import Locale, Page

from cms.factories import CountryFactory, make_site
from community.members.factories import UserFactory
from events.pages.factories import WebinarPageFactory

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("STACK_TEST_REDIS_URL", "redis://127.0.0.1:6379/9")
CSRF = "statelesscsrfsecret0123456789abc"  # 32 characters: an unmasked CSRF secret

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]


def _redis_answers():
    try:
        import redis

        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception:  # noqa: BLE001 - any failure means "no Redis here"
        return False


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )


class Instance:
    def __init__(self, env, port):
        self.port = port
        self.log = Path(tempfile.gettempdir()) / f"osc-stack-{port}.log"
        self.process = subprocess.Popen(  # noqa: S603 - our own configuration
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "site" / "gunicorn.conf.py")],
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1"},
            cwd=ROOT,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )

    def wait(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                HTTPConnection("127.0.0.1", self.port, timeout=2).connect()
                return
            except OSError:
                time.sleep(0.2)
        pytest.fail(f"gunicorn on {self.port} did not start:\n{self.log.read_text()[-3000:]}")

    def request(self, method, path, cookies, body=None):
        conn = HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urlencode(body)
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                cookies[name] = rest.split(";")[0]
        self.headers = {name.lower(): value for name, value in response.getheaders()}
        conn.close()
        return response.status, response.getheader("Location", ""), text

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def home(transactional_db):
    # A transactional test starts from tables emptied by the previous one: the root page and
    # the locales too.
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    return make_site()


@pytest.fixture
def two_servers(home):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (the CI's PostgreSQL pass)")
    if not _redis_answers():
        pytest.skip(f"needs Redis at {REDIS_URL}")
    if not (ROOT / "staticfiles" / "staticfiles.json").exists():
        pytest.skip("needs `manage.py collectstatic` (make prod runs it) for production settings")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "opensocialcluster.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "DATABASE_URL": _database_url(),
        "REDIS_URL": REDIS_URL,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "ANTISPAM_MIN_FILL_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_PRELOAD": "1",
    }
    servers = [Instance(env, _free_port()), Instance(env, _free_port())]
    try:
        for server in servers:
            server.wait()
        yield servers
    finally:
        for server in servers:
            server.stop()


def _hidden_inputs(html):
    fields = {}
    for tag in re.findall(r"<input[^>]+>", html):
        if 'type="hidden"' in tag:
            name = re.search(r'name="([^"]+)"', tag)
            value = re.search(r'value="([^"]*)"', tag)
            if name:
                fields[name.group(1)] = value.group(1) if value else ""
    return fields


def test_a_member_logged_in_on_one_server_is_logged_in_on_the_other_and_sees_its_writes_and_purges(
    two_servers, home
):
    first, second = two_servers
    member = UserFactory(
        email="stateless@example.org",
        display_name="Stateless Member",
        stakeholder_type="academia",
        country=CountryFactory(),
    )
    member.languages = ["en"]
    # Hashed as production hashes (the test settings' fast MD5 is not among its hashers), with
    # few iterations: the hash records them.
    member.password = PBKDF2PasswordHasher().encode(
        "a-long-enough-password-42", PBKDF2PasswordHasher().salt(), iterations=1000
    )
    member.save()
    webinar = WebinarPageFactory(parent=home, title="Shared state webinar", capacity=5)
    cookies = {"csrftoken": CSRF}

    status, _location, page = first.request("GET", "/en/accounts/login/", cookies)
    assert status == 200
    form = {**_hidden_inputs(page), "csrfmiddlewaretoken": CSRF}
    form.update({"login": member.email, "password": "a-long-enough-password-42"})
    status, _location, page = first.request("POST", "/en/accounts/login/", cookies, form)
    assert status == 302, page[:2000]
    assert "sessionid" in cookies

    # Logged in on the other server: the session lives in the shared Redis.
    status, _location, page = second.request("GET", "/en/events/mine/", cookies)
    assert status == 200
    assert "Shared state webinar" not in page

    # A visitor's copy of the event page, cached by the second server in the shared Redis.
    path = webinar.url
    for expected in ("miss", "hit"):
        status, _location, page = second.request("GET", path, {})
        assert status == 200
        assert second.headers.get("x-page-cache") == expected
    assert "5 seats left of 5" in page

    # A write through the first server is read through the second.
    # Logging in gave a new CSRF secret (Django rotates it): the cookie holds it.
    registration = {"csrfmiddlewaretoken": cookies["csrftoken"]}
    status, _location, page = first.request(
        "POST", f"/en/events/register/{webinar.pk}/", cookies, registration
    )
    assert status == 302, page[:2000]
    status, _location, page = second.request("GET", "/en/events/mine/", cookies)
    assert status == 200
    assert "Shared state webinar" in page
    # ... and the registration's purge, made by the first server, reached the second's cache.
    status, _location, page = second.request("GET", path, {})
    assert second.headers.get("x-page-cache") == "miss"
    assert "4 seats left of 5" in page

    # Logging out on the second server deletes the session from the shared cache: the first
    # server no longer knows the member.
    status, _location, _page = second.request(
        "POST", "/en/accounts/logout/", cookies, {"csrfmiddlewaretoken": cookies["csrftoken"]}
    )
    assert status == 302
    status, location, _page = first.request("GET", "/en/events/mine/", cookies)
    assert status == 302
    assert "/accounts/login/" in location
