#!/usr/bin/env python3
"""The production stack measured from outside (`make benchmark`): writes docs/benchmarks.md.

What runs: the same processes as `make prod` (.ci/prod.py): gunicorn with site/gunicorn.conf.py,
PostgreSQL, Redis, the django-tasks database worker, production settings. Its own database
(BENCH_DATABASE_URL, default .../osc_bench, the demo content loaded once) and its own Redis
database (BENCH_REDIS_URL, default redis://127.0.0.1:6379/7, emptied at start), so a running
`make prod` is left alone. Only 127.0.0.1 is loaded; every phase is bounded in time.

Phases:
1. Pages: each page measured for PHASE_SECONDS with 4 keep-alive clients (separate processes,
   so the client's interpreter lock does not cap the server), interleaved with the minimal view
   /__floor__/ (settings.BENCHMARK_FLOOR) measured the same way just before and after; the
   ratio is the page's rate over the mean of its two floors. Uncached, then cached when the tree
   has a page cache (settings.PAGE_CACHE_SECONDS).
2. Registration burst: 200 members (sessions written straight into the session store: the
   password hasher is not part of registering) press "Register" on one webinar at once, each
   then following the redirect to the event page. 4 workers, sync then gthread. Seats are
   counted in the database afterwards; CPU per registration is the workers' CPU time delta
   (/proc/<pid>/stat) over 200.
3. Memory: one worker serves MEMORY_REQUESTS mixed requests (pages, member pages, the floor);
   its resident memory is read from /proc before and after (bounded by MEMORY_SECONDS).
4. Newsletter: a send to 5,000 subscribers through the task worker, timed; then a second send
   killed (SIGKILL) mid-way, resumed, and the emails (file backend) counted per address.

    python tests/benchmarks/stack.py                # everything, writes docs/benchmarks.md
    python tests/benchmarks/stack.py pages burst    # some phases only (prints, writes nothing)
"""

import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent.parent
_spec = importlib.util.spec_from_file_location("prod", ROOT / ".ci" / "prod.py")
prod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(prod)

HOST, PORT = "127.0.0.1", int(os.environ.get("BENCH_PORT", "8765"))
PHASE_SECONDS = float(os.environ.get("PHASE_SECONDS", "4"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
BURST = int(os.environ.get("BURST_MEMBERS", "200"))
SEATS = int(os.environ.get("BURST_SEATS", "120"))
MEMORY_REQUESTS = int(os.environ.get("MEMORY_REQUESTS", "10000"))
MEMORY_SECONDS = float(os.environ.get("MEMORY_SECONDS", "180"))
SUBSCRIBERS = int(os.environ.get("NEWSLETTER_SUBSCRIBERS", "5000"))
DOC = ROOT / "docs" / "benchmarks.md"
STATE = ROOT / ".prod" / "bench"
CLK_TCK = os.sysconf("SC_CLK_TCK")
CSRF = "benchmarkcsrfsecret0123456789abc"  # 32 characters: an unmasked CSRF secret


def log(message):
    print(f"[bench] {message}", flush=True)


def bench_env(**overrides):
    STATE.mkdir(parents=True, exist_ok=True)
    return prod.environment(
        DATABASE_URL=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/osc_bench"
        ),
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7"),
        BENCHMARK_FLOOR="1",
        GUNICORN_BIND=f"{HOST}:{PORT}",
        BASE_URL=f"http://{HOST}:{PORT}",
        GUNICORN_LOG_LEVEL="warning",
        EMAIL_URL="file://",
        EMAIL_FILE_PATH=str(STATE / "mail"),
        LOG_LEVEL="ERROR",
        **overrides,
    )


# --- Inside Django: the fixtures (run as `stack.py fixtures` under the benchmark's environment) -


def fixtures():
    """Pages to measure, 200 members with sessions, a webinar, 5,000 subscribers. Prints JSON."""
    sys.path.insert(0, str(ROOT / "site"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cache import SessionStore
    from django.urls import reverse
    from django.utils import timezone, translation
    from wagtail.models import Locale

    from cms.models import Country, PilotActionIndexPage, PublicationPage
    from community.discussions.factories import DiscussionSpaceFactory, PostFactory, ThreadFactory
    from community.discussions.models import Thread
    from community.ideas.models import IdeaCallPage
    from community.members.consent import record_consent
    from community.members.factories import UserFactory
    from community.newsletter.models import NewsletterPage, NewsletterSend, NewsletterSubscription
    from events.listing.models import EventIndexPage
    from events.pages.factories import WebinarPageFactory
    from events.pages.models import WebinarPage
    from events.registrations.models import Registration

    translation.activate("en")
    en = Locale.objects.get(language_code="en")
    out = {}
    pilots = PilotActionIndexPage.objects.live().filter(locale=en).first()
    out["home"] = "/en/"
    out["pilot listing (filtered)"] = pilots.url + "?" + urlencode({"sector": "green"})
    out["publication"] = PublicationPage.objects.live().filter(locale=en).first().url
    out["event page"] = WebinarPage.objects.live().filter(locale=en).first().url
    thread = Thread.objects.filter(title="Benchmark thread with 50 replies").first()
    if thread is None:
        space = DiscussionSpaceFactory(title="Benchmark space", slug="benchmark-space")
        thread = ThreadFactory(space=space, title="Benchmark thread with 50 replies")
        authors = UserFactory.create_batch(5)
        for number in range(51):
            PostFactory(thread=thread, author=authors[number % 5])
    out["thread, 50 replies"] = thread.get_absolute_url()
    call = IdeaCallPage.objects.live().filter(locale=en).first()
    out["idea gallery"] = reverse("community:gallery", args=[call.pk])
    out["search"] = reverse("search") + "?" + urlencode({"q": "energy"})
    out["floor"] = "/__floor__/"

    # The webinar of the burst: fewer seats than members, so overselling would show.
    index = EventIndexPage.objects.filter(locale=en).first()
    webinar = WebinarPage.objects.filter(title="Benchmark burst webinar").first()
    if webinar is None:
        webinar = WebinarPageFactory(parent=index, title="Benchmark burst webinar", capacity=SEATS)
    Registration.objects.filter(event=webinar).delete()
    out["webinar"] = {"id": webinar.pk, "url": webinar.url, "seats": webinar.capacity}

    # A complete profile: the registration form then asks nothing more (one button, as members
    # with a profile see it).
    country = Country.objects.first()
    members = []
    for number in range(BURST):
        user = UserFactory(
            email=f"burst{number}@bench.example.org",
            display_name=f"Burst {number}",
            stakeholder_type="academia",
            country=country,
            # No usable password: hashing 200 of them would take minutes; they have sessions.
            password="!",
        )
        user.languages = ["en"]
        user.save()
        record_consent(user)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        members.append(session.session_key)
    out["sessions"] = members
    out["member pages"] = [reverse("events:mine"), "/en/"]

    issue = NewsletterPage.objects.live().filter(locale=en).first()
    have = NewsletterSubscription.objects.filter(email__endswith="@subscribers.example.org").count()
    now = timezone.now()
    NewsletterSubscription.objects.bulk_create(
        NewsletterSubscription(
            email=f"reader{number}@subscribers.example.org",
            languages=",en,",
            status="confirmed",
            consent_text="benchmark",
            consented_at=now,
            confirmed_at=now,
        )
        for number in range(have, SUBSCRIBERS)
    )
    out["tables"] = {
        "registration": Registration._meta.db_table,
        "send": NewsletterSend._meta.db_table,
    }
    out["newsletter"] = {
        "page": issue.pk,
        "recipients": NewsletterSubscription.objects.recipients_of(issue).count(),
    }
    print("FIXTURES " + json.dumps(out))


def queue_newsletter(page_id):
    """Inside Django: a fresh send of the issue, queued for the task worker. Prints its id."""
    sys.path.insert(0, str(ROOT / "site"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from community.newsletter.models import NewsletterSend, NewsletterSubscription
    from community.newsletter.tasks import send_newsletter

    NewsletterSend.objects.filter(page_id=page_id).delete()
    send = NewsletterSend.objects.create(page_id=page_id)
    send.total = NewsletterSubscription.objects.recipients_of(send.page.specific).count()
    send.save()
    send_newsletter.enqueue(send.pk)
    print(f"SEND {send.pk}")


def resume_newsletter(send_id):
    """Inside Django: what the admin's "Resume" does for a send whose worker died."""
    sys.path.insert(0, str(ROOT / "site"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from community.newsletter.models import NewsletterSend
    from community.newsletter.tasks import send_newsletter

    NewsletterSend.objects.filter(pk=send_id).update(status=NewsletterSend.Status.QUEUED)
    send_newsletter.enqueue(send_id)


def django_call(env, *args):
    result = subprocess.run(  # noqa: S603 - this script
        [prod.PYTHON, __file__, *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(result.stderr)
    return result.stdout


# --- Outside: processes, load, figures ---------------------------------------------------------


class Server:
    def __init__(self, env, workers=WORKERS, **extra):
        self.log = open(STATE / "gunicorn.log", "a")  # noqa: SIM115 - closed in stop()
        self.process = prod.start_web({**env, **extra}, workers=workers, log_file=self.log)
        deadline = time.monotonic() + 60
        while True:
            try:
                if get("/__floor__/")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                sys.exit(f"gunicorn did not start; see {STATE / 'gunicorn.log'}")
            time.sleep(0.3)

    def workers(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def cpu_seconds(self):
        total = 0
        for pid in self.workers():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / CLK_TCK

    def rss_mb(self):
        sizes = []
        for pid in self.workers():
            match = re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text())
            sizes.append(int(match.group(1)) / 1024)
        return sizes

    def stop(self):
        prod.stop([self.process])
        self.log.close()


def get(path, cookie=None, connection=None):
    conn = connection or HTTPConnection(HOST, PORT, timeout=30)
    headers = {"Cookie": cookie} if cookie else {}
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    response.read()
    if connection is None:
        conn.close()
    return response.status, response


def _client(path, seconds, cookie):
    """One keep-alive client hammering `path` until the deadline: latencies (s) and errors."""
    latencies, errors = [], 0
    conn = HTTPConnection(HOST, PORT, timeout=30)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            status, _response = get(path, cookie, conn)
        except OSError:
            conn.close()
            conn = HTTPConnection(HOST, PORT, timeout=30)
            errors += 1
            continue
        latencies.append(time.perf_counter() - started)
        if status != 200:
            errors += 1
    conn.close()
    return latencies, errors


def measure(pool, path, seconds=PHASE_SECONDS, cookie=None):
    started = time.perf_counter()
    futures = [pool.submit(_client, path, seconds, cookie) for _ in range(CLIENTS)]
    latencies, errors = [], 0
    for future in futures:
        part, part_errors = future.result()
        latencies += part
        errors += part_errors
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": 1000 * latencies[len(latencies) // 2] if latencies else 0,
        "p95": 1000 * latencies[int(len(latencies) * 0.95)] if latencies else 0,
        "errors": errors,
        "n": len(latencies),
    }


def pages_phase(env, data, cached):
    extra = {"PAGE_CACHE_SECONDS": "300" if cached else "0"}
    server = Server(env, **extra)
    rows = []
    try:
        pages = [name for name in data if isinstance(data[name], str) and name != "floor"]
        for name in pages:  # warm every worker: templates, renditions, the chrome
            for _ in range(2 * WORKERS):
                get(data[name])
        with ProcessPoolExecutor(CLIENTS) as pool:
            floor = measure(pool, "/__floor__/")
            for name in pages:
                page = measure(pool, data[name])
                after = measure(pool, "/__floor__/")
                base = (floor["rps"] + after["rps"]) / 2
                floor_p50 = (floor["p50"] + after["p50"]) / 2
                rows.append(
                    {
                        "page": name,
                        **page,
                        "floor_rps": base,
                        "floor_p50": floor_p50,
                        "ratio": page["rps"] / base,
                    }
                )
                log(
                    f"{'cached' if cached else 'uncached'} {name}: {page['rps']:.1f} rps, "
                    f"p50 {page['p50']:.0f} ms, p95 {page['p95']:.0f} ms, floor {base:.0f} rps, "
                    f"ratio {page['rps'] / base:.3f}, errors {page['errors']}"
                )
                floor = after
    finally:
        server.stop()
    return rows


def seats_taken(env, table, event_id):
    import psycopg

    with psycopg.connect(env["DATABASE_URL"]) as connection:
        rows = connection.execute(
            f"SELECT status, count(*) FROM {table} WHERE event_id = %s GROUP BY status",  # noqa: S608
            (event_id,),
        ).fetchall()
    return dict(rows)


def clear_registrations(env, table, event_id):
    import psycopg

    with psycopg.connect(env["DATABASE_URL"]) as connection:
        connection.execute(
            f"DELETE FROM {table} WHERE event_id = %s",  # noqa: S608
            (event_id,),
        )


def burst_phase(env, data, worker_class):
    webinar = data["webinar"]
    clear_registrations(env, data["tables"]["registration"], webinar["id"])
    # gunicorn turns a sync worker with threads into gthread: one thread for sync.
    extra = {
        "GUNICORN_WORKER_CLASS": worker_class,
        "GUNICORN_THREADS": "4" if worker_class == "gthread" else "1",
    }
    server = Server(env, **extra)
    try:
        for session in data["sessions"][:8]:  # warm: each worker has its templates and a connection
            get(webinar["url"], f"sessionid={session}; csrftoken={CSRF}")
        form = urlencode({"csrfmiddlewaretoken": CSRF})
        start_gate = threading.Barrier(len(data["sessions"]) + 1)
        outcomes = [None] * len(data["sessions"])

        def member(index, session):
            cookie = f"sessionid={session}; csrftoken={CSRF}"
            # Waiting in the listen queue counts: a long timeout, so slowness shows as time.
            conn = HTTPConnection(HOST, PORT, timeout=600)
            conn.connect()
            start_gate.wait()
            try:
                conn.request(
                    "POST",
                    f"/en/events/register/{webinar['id']}/",
                    body=form,
                    headers={
                        "Cookie": cookie,
                        "Content-Type": "application/x-www-form-urlencoded",
                    },
                )
                response = conn.getresponse()
                response.read()
                status = response.status
                location = response.getheader("Location", "")
                follow = None
                if status == 302:
                    follow, _r = get(location.split("#")[0], cookie, conn)
                outcomes[index] = (status, follow, time.perf_counter())
            except OSError as error:
                outcomes[index] = (repr(error), None, time.perf_counter())
            finally:
                conn.close()

        threads = [
            threading.Thread(target=member, args=(i, s)) for i, s in enumerate(data["sessions"])
        ]
        for thread in threads:
            thread.start()
        cpu_before = server.cpu_seconds()
        start_gate.wait()
        started = time.perf_counter()
        for thread in threads:
            thread.join()
        took = max(outcome[2] for outcome in outcomes) - started
        cpu = server.cpu_seconds() - cpu_before
    finally:
        server.stop()
    errors = [o for o in outcomes if o[0] != 302 or o[1] != 200]
    seats = seats_taken(env, data["tables"]["registration"], webinar["id"])
    result = {
        "worker_class": worker_class,
        "seconds": took,
        "cpu_ms_per_registration": 1000 * cpu / len(outcomes),
        "errors": len(errors),
        "error_sample": [str(e[:2]) for e in errors[:3]],
        "seats": webinar["seats"],
        "statuses": seats,
    }
    log(
        f"burst ({worker_class}): {took:.2f} s, {result['cpu_ms_per_registration']:.1f} ms CPU "
        f"per registration, errors {len(errors)} {result['error_sample']}, registrations {seats}"
    )
    return result


def memory_phase(env, data):
    server = Server(env, workers=1)
    member = f"sessionid={data['sessions'][-1]}; csrftoken={CSRF}"
    mix = [(path, None) for name, path in data.items() if isinstance(path, str)]
    mix += [(path, member) for path in data["member pages"]]
    mix += [(data["webinar"]["url"], member)]
    try:
        get("/__floor__/")
        boot = server.rss_mb()[0]
        conn = HTTPConnection(HOST, PORT, timeout=30)
        done, errors, curve = 0, 0, []
        deadline = time.monotonic() + MEMORY_SECONDS
        while done < MEMORY_REQUESTS and time.monotonic() < deadline:
            path, cookie = mix[done % len(mix)]
            status, _response = get(path, cookie, conn)
            errors += status not in (200, 302)
            done += 1
            if done % 1000 == 0:
                curve.append((done, round(server.rss_mb()[0])))
        rss = server.rss_mb()[0]
    finally:
        server.stop()
    result = {"requests": done, "boot_mb": boot, "after_mb": rss, "errors": errors, "curve": curve}
    log(f"memory: {boot:.0f} MB after boot, {rss:.0f} MB after {done} requests ({curve})")
    return result


def count_mail(folder):
    """Newsletter emails per address in the file backend's folder (the worker also sends the
    burst's registration emails, queued before the issue: those are left out)."""
    counts = {}
    for path in Path(folder).glob("*.log"):
        for match in re.finditer(r"^To: (.+)$", path.read_text(errors="replace"), re.MULTILINE):
            address = match.group(1).strip()
            if not address.endswith("@bench.example.org"):
                counts[address] = counts.get(address, 0) + 1
    return counts


def newsletter_phase(env, data):
    page = data["newsletter"]["page"]
    table = data["tables"]["send"]

    def status(send_id):
        import psycopg

        with psycopg.connect(env["DATABASE_URL"]) as connection:
            return connection.execute(
                f"SELECT status, sent_count, failed_count, total FROM {table} WHERE id = %s",  # noqa: S608
                (send_id,),
            ).fetchone()

    def run(folder, kill_after=None):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        worker_env = {**env, "EMAIL_FILE_PATH": str(folder)}
        send_id = int(django_call(worker_env, "queue", str(page)).split()[-1])
        log_file = open(STATE / "worker.log", "a")  # noqa: SIM115
        worker = prod.start_tasks(worker_env, log_file=log_file)
        started = time.perf_counter()
        killed_at = None
        try:
            while True:
                state, sent, failed, total = status(send_id)
                if kill_after and killed_at is None and sent >= kill_after:
                    worker.send_signal(signal.SIGKILL)
                    worker.wait()
                    killed_at = sent
                    django_call(worker_env, "resume", str(send_id))
                    worker = prod.start_tasks(worker_env, log_file=log_file)
                if state == "done" or time.perf_counter() - started > 600:
                    break
                time.sleep(0.2)
        finally:
            prod.stop([worker])
            log_file.close()
        return send_id, time.perf_counter() - started, status(send_id), killed_at

    folder = STATE / "mail-timed"
    _send, seconds, (state, sent, failed, total), _k = run(folder)
    timed = {
        "seconds": seconds,
        "state": state,
        "sent": sent,
        "failed": failed,
        "total": total,
        "emails": sum(count_mail(folder).values()),
    }
    log(f"newsletter: {timed}")
    folder = STATE / "mail-resumed"
    _send, seconds, (state, sent, failed, total), killed_at = run(folder, kill_after=total // 3)
    counts = count_mail(folder)
    resumed = {
        "seconds": seconds,
        "state": state,
        "sent": sent,
        "failed": failed,
        "total": total,
        "killed_after": killed_at,
        "addresses": len(counts),
        "max_per_address": max(counts.values(), default=0),
        "duplicates": sum(1 for c in counts.values() if c > 1),
    }
    log(f"newsletter resumed: {resumed}")
    return {"timed": timed, "resumed": resumed}


def machine():
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    load = os.getloadavg()
    return f"{os.cpu_count()} cores ({cpu}), load average at start {load[0]:.1f}"


INTRO = """# Benchmarks

`make benchmark` runs two sets of measurements:

- in process (`tests/benchmarks/test_*.py`, pytest `-m benchmark`): request paths through the
  code, listing sizes, sign-up timing; they print their figures;
- the production stack from outside (`tests/benchmarks/stack.py`): the figures below, rewritten
  on every run. Run one part with `python tests/benchmarks/stack.py pages` (or `burst`,
  `memory`, `newsletter`; it prints and keeps `.prod/bench/results.json`; `stack.py render`
  writes this page from it).

"""


def write_doc(results):
    marker = "<!-- stack.py: everything below is rewritten by `make benchmark` -->"
    text = DOC.read_text() if DOC.exists() else INTRO
    text = text.split(marker)[0].rstrip() + "\n\n" + marker + "\n\n" + render(results)
    DOC.write_text(text)
    log(f"wrote {DOC.relative_to(ROOT)}")


def _target(name):
    if name in ("home", "pilot listing (filtered)", "idea gallery", "search"):
        return "listing ≥ 0.07"
    return "detail ≥ 0.10"


def render(results):
    lines = [
        "## The production stack (`tests/benchmarks/stack.py`)",
        "",
        f"Run {results['when']} on {results['machine']}"
        + (f", {results['load_end']} at the end" if "load_end" in results else "")
        + ". The machine is shared (a load average above its 2 cores means other work "
        "competed for them): absolute figures move with it, so each page is compared with the "
        "floor measured just before and after it.",
        "",
        f"Method: gunicorn (site/gunicorn.conf.py, {WORKERS} workers, "
        f"{results.get('pages_worker_class', 'gthread, 4 threads')} for the pages),",
        "PostgreSQL, Redis (cache and sessions), production settings, the demo content plus a",
        "thread with 50 replies.",
        f"{CLIENTS} keep-alive clients (separate processes) on 127.0.0.1 for "
        f"{PHASE_SECONDS:g} s per page,",
        "interleaved with the minimal view `/__floor__/` (same server, same middleware, no",
        "database, no template). Ratio = the page's requests per second / the floor's.",
        "",
    ]
    for variant in ("uncached", "cached"):
        rows = results.get(variant)
        if rows is None:
            if variant == "cached":
                lines += [
                    "No page cache in the tree when this ran (no PAGE_CACHE_SECONDS): no "
                    "cached figures.",
                    "",
                ]
            continue
        lines += [
            f"### Pages, {variant}",
            "",
            "| page | req/s | p50 ms | p95 ms | floor req/s | ratio | target | errors |",
            "|---|---:|---:|---:|---:|---:|---|---:|",
        ]
        for row in rows:
            target = "hit ≥ 0.7" if variant == "cached" else _target(row["page"])
            lines.append(
                f"| {row['page']} | {row['rps']:.1f} | {row['p50']:.0f} | {row['p95']:.0f} | "
                f"{row['floor_rps']:.0f} | {row['ratio']:.3f} | {target} | {row['errors']} |"
            )
        lines.append("")
    bursts = results.get("burst") or []
    if bursts:
        lines += [
            "### Registration burst",
            "",
            f'{BURST} members (sessions created directly, no password hashing) press "Register" '
            f"at the same moment on one webinar of {bursts[0]['seats']} seats, then follow the "
            f"redirect to the event page. {WORKERS} workers on this 2-core machine. "
            "Targets: whole burst ≤ 5 s, ≤ 20 ms CPU per registration (page and redirect "
            "included).",
            "",
            "| workers | whole burst s | CPU ms per registration | errors "
            "| registrations by status |",
            "|---|---:|---:|---:|---|",
        ]
        for burst in bursts:
            statuses = ", ".join(f"{k}: {v}" for k, v in sorted(burst["statuses"].items()))
            lines.append(
                f"| {burst['worker_class']} | {burst['seconds']:.2f} | "
                f"{burst['cpu_ms_per_registration']:.1f} | {burst['errors']} | {statuses} |"
            )
        lines.append("")
    memory = results.get("memory")
    if memory:
        lines += [
            "### Memory",
            "",
            f"One worker: {memory['boot_mb']:.0f} MB resident after boot, "
            f"{memory['after_mb']:.0f} MB after {memory['requests']} mixed requests (the seven "
            "pages, the floor, member pages; target < 250 MB after 10,000)."
            + (
                " Every 1,000: " + ", ".join(f"{n}: {mb} MB" for n, mb in memory["curve"]) + "."
                if memory["curve"]
                else ""
            ),
            "",
        ]
    newsletter = results.get("newsletter")
    if newsletter:
        timed, resumed = newsletter["timed"], newsletter["resumed"]
        lines += [
            "### Newsletter",
            "",
            f"A send to {timed['total']} subscribers through the task worker (`db_worker`, file "
            f"email backend): {timed['seconds']:.1f} s, {timed['sent']} sent, {timed['failed']} "
            f"failed, {timed['emails']} emails written.",
            "",
            f"The task worker killed (SIGKILL) after {resumed['killed_after']} sent, the send "
            "resumed as the admin's Resume does, a new worker started: state "
            f"{resumed['state']}, {resumed['sent']} sent, {resumed['failed']} recorded as failed "
            f"(claimed by the dead worker: outcome unknown, never resent), {resumed['addresses']} "
            f"addresses received mail, at most {resumed['max_per_address']} email per address, "
            f"{resumed['duplicates']} duplicates; {resumed['seconds']:.1f} s in all.",
            "",
        ]
    lines += verdicts(results)
    return "\n".join(lines) + "\n"


def verdicts(results):
    """Each target of issue 20, met or missed, in one list."""
    out = ["### Against the targets", ""]
    for row in results.get("uncached") or []:
        kind = _target(row["page"])
        goal = 0.07 if kind.startswith("listing") else 0.10
        met = "met" if row["ratio"] >= goal else "missed"
        out.append(f"- uncached {row['page']}: {row['ratio']:.3f} of the floor ({kind}): {met}")
    for row in results.get("cached") or []:
        met = "met" if row["ratio"] >= 0.7 else "missed"
        out.append(f"- cached {row['page']}: {row['ratio']:.3f} of the floor (hit ≥ 0.7): {met}")
    for burst in results.get("burst") or []:
        seats = burst["statuses"].get("confirmed", 0)
        out.append(
            f"- burst ({burst['worker_class']}): {burst['seconds']:.1f} s (≤ 5 s: "
            f"{'met' if burst['seconds'] <= 5 else 'missed'}), "
            f"{burst['cpu_ms_per_registration']:.0f} ms CPU per registration (≤ 20 ms: "
            f"{'met' if burst['cpu_ms_per_registration'] <= 20 else 'missed'}), "
            f"{burst['errors']} errors, {seats} seated of {burst['seats']} seats "
            f"({'no oversold seat' if seats <= burst['seats'] else 'OVERSOLD'})"
        )
    memory = results.get("memory")
    if memory:
        out.append(
            f"- memory: {memory['after_mb']:.0f} MB after {memory['requests']} requests "
            f"(< 250 MB: {'met' if memory['after_mb'] < 250 else 'missed'}"
            + ("" if memory["requests"] >= 10000 else "; fewer than 10,000 requests in the bound")
            + ")"
        )
    newsletter = results.get("newsletter")
    if newsletter:
        resumed = newsletter["resumed"]
        out.append(
            f"- newsletter: {newsletter['timed']['total']} recipients in "
            f"{newsletter['timed']['seconds']:.0f} s; resumed without duplicates: "
            f"{'yes' if resumed['duplicates'] == 0 else 'NO'}"
        )
    return [*out, ""]


def main(phases):
    env = bench_env()
    log(f"machine: {machine()}")
    import redis

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    prod.prepare(env)
    output = django_call(env, "fixtures")
    data = json.loads(output.split("FIXTURES ", 1)[1])
    has_page_cache = (
        "PAGE_CACHE_SECONDS"
        in (ROOT / "site" / "opensocialcluster" / "settings" / "base.py").read_text()
    )
    results = {"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "machine": machine()}

    def keep():  # after every phase: a partial run still leaves its figures
        (STATE / "results.json").write_text(json.dumps(results, indent=1))

    if "pages" in phases:
        results["pages_worker_class"] = "gthread, 4 threads"  # site/gunicorn.conf.py's default
        results["uncached"] = pages_phase(env, data, cached=False)
        keep()
        if has_page_cache:
            results["cached"] = pages_phase(env, data, cached=True)
            keep()
    if "burst" in phases:
        results["burst"] = [burst_phase(env, data, "sync")]
        keep()
        results["burst"].append(burst_phase(env, data, "gthread"))
        keep()
    if "newsletter" in phases:
        results["newsletter"] = newsletter_phase(env, data)
        keep()
    if "memory" in phases:
        results["memory"] = memory_phase(env, data)
        keep()
    results["load_end"] = round(os.getloadavg()[0], 1)
    keep()
    return results


ALL = ("pages", "burst", "newsletter", "memory")

if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments[:1] == ["fixtures"]:
        fixtures()
    elif arguments[:1] == ["queue"]:
        queue_newsletter(int(arguments[1]))
    elif arguments[:1] == ["resume"]:
        resume_newsletter(int(arguments[1]))
    elif arguments[:1] == ["render"]:
        write_doc(json.loads((STATE / "results.json").read_text()))
    else:
        chosen = tuple(arguments) or ALL
        outcome = main(chosen)
        if chosen == ALL:
            write_doc(outcome)
