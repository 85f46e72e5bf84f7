"""Search at 50,000 pages: build time, latency through the view, and the query plan.

Reproduce on this machine (PostgreSQL on 127.0.0.1, see docs/benchmarks.md):

    createdb -h 127.0.0.1 -U postgres osc_scale
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/osc_scale
    .venv/bin/python manage.py migrate --noinput
    time .venv/bin/python manage.py load_demo --scale 1852     # 50,004 synthetic pages
    .venv/bin/python tests/benchmarks/search_scale.py           # or: make benchmark-search

Each query goes through the whole site search view (URL routing, middleware, the view, the
template) with Django's test client, anonymous, DEBUG off, in the reader's language given by the
URL prefix; 10 results on the page. Every query is asked once to warm up, then ROUNDS times;
p50 and p95 are over all the timed requests. Then EXPLAIN (ANALYZE, BUFFERS) of the slowest
statement of one search request is printed, to show which index the match uses.

Not a pytest test (pytest would use an empty test database): a script, run against the corpus.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opensocialcluster.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402
from wagtail.models import Page  # noqa: E402

from cms.demo.corpus import codename  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", "5"))
TARGET_P95_MS = 100

# (reader's language, query, what it stands for)
QUERIES = [
    ("en", "cooperative", "common, English"),
    ("en", "community", "common, English"),
    ("en", "housing energy", "two common words"),
    ("en", "youth", "less common"),
    ("en", "volunteers", "stemmed: volunteer"),
    ("en", codename(17), "rare: one item"),
    ("en", codename(1234), "rare: one item"),
    ("en", "xylophone", "no match"),
    ("it", "cooperativa", "common, Italian"),
    ("it", "comunità", "common, Italian"),
    ("it", "giovani", "less common, Italian"),
    ("it", codename(640), "rare, Italian reader"),
    ("fr", "logement", "French"),
    ("fr", "coopératives", "French, stemmed plural"),
    ("es", "vivienda", "Spanish"),
    ("es", "barrio", "Spanish"),
    ("pt", "habitação", "Portuguese"),
    ("el", "κοινότητα", "Greek"),
    ("ar", "تعاونية", "Arabic (simple config)"),
    ("hr", "zadruga", "Croatian (simple config)"),
    ("sl", "skupnost", "Slovenian (simple config)"),
]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def search_url(language):
    with translation.override(language):
        return reverse("search")


def main():
    client = Client(HTTP_HOST="localhost")
    pages = Page.objects.filter(depth__gt=2).count()
    entries = connection.cursor()
    entries.execute("SELECT count(*) FROM wagtailsearch_indexentry")
    print(f"Pages: {pages}; search index entries: {entries.fetchone()[0]}")
    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}; rounds: {ROUNDS}\n")

    timings, rows = [], []
    for language, query, note in QUERIES:
        url = search_url(language)
        response = client.get(url, {"q": query})  # warm-up
        assert response.status_code == 200, (url, query, response.status_code)
        found = response.context["found"] if response.context else None
        total = getattr(found, "total", None) if found is not None else None
        times = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            response = client.get(url, {"q": query})
            times.append((time.perf_counter() - started) * 1000)
        timings.extend(times)
        rows.append((language, query, note, total, statistics.median(times), max(times)))

    print("| reader | query | stands for | median ms | max ms |")
    print("|---|---|---|---:|---:|")
    for language, query, note, _total, median, worst in rows:
        print(f"| {language} | {query} | {note} | {median:.0f} | {worst:.0f} |")
    p50, p95 = percentile(timings, 0.50), percentile(timings, 0.95)
    verdict = "meets" if p95 < TARGET_P95_MS else "misses"
    print(
        f"\nAll {len(timings)} requests: p50 {p50:.0f} ms, p95 {p95:.0f} ms ({verdict} the "
        f"{TARGET_P95_MS} ms target)\n"
    )

    explain(client, "en", "cooperative")
    explain(client, "en", codename(17))


def explain(client, language, query):
    """EXPLAIN ANALYZE of the slowest SQL statement of one search request."""
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        client.get(search_url(language), {"q": query})
        elapsed = (time.perf_counter() - started) * 1000
    search_sql = [q for q in captured.captured_queries if "@@" in q["sql"]]
    slowest = max(search_sql, key=lambda q: float(q["time"]))
    print(
        f"### Plan: {language} {query!r} ({len(captured.captured_queries)} queries, "
        f"{len(search_sql)} full-text, {elapsed:.0f} ms for the request)\n"
    )
    print("```")
    print(slowest["sql"][:3000])
    print("```\n")
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + slowest["sql"])
        print("```")
        for (line,) in cursor.fetchall():
            print(line)
        print("```\n")


if __name__ == "__main__":
    main()
