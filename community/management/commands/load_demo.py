"""`manage.py load_demo [--scale N]`: the demo site and demo accounts, safe to run again."""

import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cms.demo.builder import build_cms_demo, synchronise_trees
from cms.demo.bulk import deferred_indexing
from cms.demo.corpus import KINDS, build_corpus
from cms.demo.open_data import build_open_data_demo
from community.conversations.demo import build_conversations_demo
from community.discussions.demo import build_discussions_demo
from community.ideas.demo import build_community_demo
from community.members.demo import demo_password, ensure_demo_accounts
from community.members.demo_guard import DemoRefused, check_demo_allowed
from community.newsletter.demo import build_newsletter_demo
from community.results.demo import build_results_demo
from community.transfers.demo import build_transfers_demo
from community.workshops.demo import build_workshops_demo
from events.demo.builder import build as build_events_demo

# Loggers that report every page and background task; too chatty for a bulk load.
CHATTY_LOGGERS = ("wagtail", "django_tasks")


@contextmanager
def quiet_loggers(names):
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Build the demo site from the +RESILIENT network's material: everything reachable "
        "from the menu, the home page and the footer in all nine languages (real wagtail-localize "
        "translations), news and publications in English and Italian, events, idea calls, open "
        "data, snippets, images, documents and demo accounts. Running it again changes nothing "
        "that is already up to date. For local use only."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help=(
                "Also create N synthetic pilot actions, N publications and N news items, each "
                "in every language (a third translated, the rest aliases), written in bulk: "
                "3 x N x 9 pages (--scale 1852 gives 50,004). Only the numbers not there yet "
                "are made."
            ),
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo outside development settings (needs DEMO_PASSWORD of your own).",
        )

    def handle(self, *args, scale=0, **options):
        try:
            check_demo_allowed(force=options.get("force", False))
        except DemoRefused as refusal:
            raise CommandError(str(refusal)) from None
        if scale < 0:
            raise CommandError("--scale must be zero or a positive number.")
        started = time.monotonic()
        chatty = CHATTY_LOGGERS if options["verbosity"] < 2 else ()

        def progress(message):
            # Each step as it ends, with the time since the start: the build takes a minute.
            if options["verbosity"] >= 1:
                self.stdout.write(f"  [{time.monotonic() - started:5.1f} s] {message}")
                self.stdout.flush()

        @contextmanager
        def step(label):
            begun = time.monotonic()
            yield
            progress(f"{label} ({time.monotonic() - begun:.1f} s)")

        self.stdout.write("Building the demo site (about a minute the first time) ...")
        # One transaction, and index updates once per object at the end (cms/demo/bulk.py).
        with quiet_loggers(chatty), transaction.atomic(), deferred_indexing(progress):
            ctx = build_cms_demo(progress)
            build_open_data_demo(ctx, progress)  # catalogue, knowledge base, directory, map
            synchronise_trees(ctx, progress)
            with step("demo accounts"):
                accounts = ensure_demo_accounts()
            with step("profiles, organisations and idea calls"):
                build_community_demo()
            with step("results of selected ideas"):
                build_results_demo()  # after the calls: results follow their selected ideas
            with step("events"):
                build_events_demo(ctx)  # after the accounts: demo members hold seats
            with step("newsletter"):
                build_newsletter_demo()  # after the calls: the issue points at them
            with step("co-design workshops"):
                build_workshops_demo(ctx)  # under the events index, with contributions
            with step("discussions"):
                build_discussions_demo()  # after the events: a focus group's private space
            with step("private messages"):
                build_conversations_demo()  # between the demo accounts
            with step("pilot contacts and partners"):
                build_transfers_demo()  # after the accounts and organisations
        # Last, once the demo's own objects are indexed: modelsearch rescans the whole search
        # index after each object it indexes, which took minutes behind a 50,000-page corpus.
        # The corpus goes under each language's index at once, in bulk (cms/demo/corpus.py).
        with quiet_loggers(chatty), transaction.atomic(), step("synthetic corpus"):
            indexes = {kind: ctx.pages[kind]["en"] for kind in KINDS}
            synthetic = build_corpus(indexes, scale, progress)
        elapsed = time.monotonic() - started

        for (kind, status), number in sorted(ctx.stats.items()):
            self.stdout.write(f"  {kind:<14} {status:<10} {number}")
        if scale:
            self.stdout.write(f"  synthetic      created    {synthetic}")
        new_accounts = sum(1 for _account, _user, created in accounts if created)
        self.stdout.write(f"  accounts       created    {new_accounts} of {len(accounts)}")
        self.stdout.write(self.style.SUCCESS(f"Demo site ready in {elapsed:.1f} s."))

        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"
        self.stdout.write(f"\nAdmin: {admin_url}")
        self.stdout.write(f"Demo logins (password: {demo_password()}):")
        for account, _user, _created in accounts:
            self.stdout.write(f"  {account.email:<24} {account.role}")
