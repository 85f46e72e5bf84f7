import traceback

import pytest
from django.db import connection
from django.test import Client

from cms import factories as f
from tests.cms.trees import vocabularies


@pytest.mark.django_db
def test_dump():
    v = vocabularies()
    home = f.make_site()
    pilots = f.PilotActionIndexPageFactory(parent=home)
    p = f.PilotActionPageFactory(
        parent=pilots, country=v.italy, topics=[v.social_economy], listing_image=f.ImageFactory()
    )
    pubs = f.PublicationIndexPageFactory(parent=home)
    wp = f.WhitePaperPageFactory(
        parent=pubs,
        authors=[f.PersonFactory(), f.PersonFactory()],
        topics=[v.social_economy],
        listing_image=f.ImageFactory(),
    )
    from events.listing.factories import EventIndexPageFactory
    from events.pages.factories import WebinarPageFactory
    from community.discussions.factories import (
        DiscussionIndexPageFactory,
        PostFactory,
        ThreadFactory,
    )

    events = EventIndexPageFactory(parent=home)
    web = WebinarPageFactory(parent=events)
    disc = DiscussionIndexPageFactory(parent=home)
    thread = ThreadFactory()
    for _ in range(3):
        PostFactory(thread=thread)
    c = Client()
    for url in [events.url, web.url, disc.url, thread.get_absolute_url()]:
        c.get(url)
        rows = []

        def wrapper(execute, sql, params, many, context):
            frames = [
                fr
                for fr in traceback.extract_stack()
                if (
                    "/work/wt-budgets/" in fr.filename
                    and "tests/" not in fr.filename
                    and "middleware" not in fr.filename
                    and "consent" not in fr.filename
                )
                or "wagtail/" in fr.filename
            ]
            where = " < ".join(
                f"{fr.filename.split('/')[-2] + '/' + fr.filename.split('/')[-1]}:{fr.lineno}"
                for fr in frames[-3:][::-1]
            )
            rows.append(sql[:90] + "  @ " + where)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(wrapper):
            r = c.get(url)
        print("=====", url, r.status_code, len(rows))
        for q in rows:
            print("   ", q)
