"""The home page shows the community at work: open calls, next events, public threads, ideas
and results, the newsletter sign-up; each only what a visitor may see, each in a constant number
of queries, in the order the editors chose (cms.home_sections)."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from cms.antispam import antispam_data
from cms.home_sections import _REGISTRY as registered
from community.discussions.factories import (
    DiscussionIndexPageFactory,
    DiscussionSpaceFactory,
    PostFactory,
    ThreadFactory,
)
from community.discussions.models import SpaceVisibility
from community.ideas.factories import IdeaCallIndexPageFactory, IdeaCallPageFactory, IdeaFactory
from community.ideas.models import IdeaStatus
from community.newsletter.factories import NewsletterIndexPageFactory
from community.newsletter.models import NewsletterSubscription, SubscriptionStatus
from events.listing.factories import EventIndexPageFactory
from events.pages.factories import WebinarPageFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home):
    """The sections' index pages, with one call, one event, one public thread, one idea."""
    pages = {
        "home": home,
        "events": EventIndexPageFactory(parent=home, title="Events", slug="events"),
        "calls": IdeaCallIndexPageFactory(parent=home),
        "discussions": DiscussionIndexPageFactory(parent=home),
        "newsletter": NewsletterIndexPageFactory(parent=home, title="Newsletter", slug="news"),
    }
    pages["call"] = IdeaCallPageFactory(parent=home, title="Open call", slug="open-call")
    pages["space"] = DiscussionSpaceFactory(title="Public space")
    add_items(pages, 1)
    return pages


def add_items(pages, count, start=0):
    for n in range(start, start + count):
        WebinarPageFactory(parent=pages["events"], title=f"Webinar {n}", start=in_days(n + 1))
        if n:  # the fixture's own call is the first
            IdeaCallPageFactory(parent=pages["home"], title=f"Call {n}", slug=f"call-{n}")
        PostFactory(thread=ThreadFactory(space=pages["space"], title=f"Public thread {n}"))
        IdeaFactory(call=pages["call"], title=f"Public idea {n}")


def home_html(client, path="/en/"):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def section(html, key):
    start = html.index(f'class="section home-section home-section--{key}"')
    return html[start : html.index("</section>", start)]


def test_each_section_lists_what_is_on_with_a_link_to_the_full_list(client, site):
    html = home_html(client)
    calls = section(html, "open-calls")
    assert 'href="/en/open-call/"' in calls and "Deadline" in calls
    assert 'href="/en/calls/"' in calls  # all calls
    events = section(html, "events")
    assert "Webinar 0" in events and "10 seats left" in events
    assert 'href="/en/events/"' in events
    threads = section(html, "discussions")
    assert "Public thread 0" in threads
    assert re.search(r'href="/en/discussions/threads/\d+/"', threads)
    assert 'href="/en/discussions/"' in threads
    ideas = section(html, "ideas")
    assert "Public idea 0" in ideas and "/en/community/ideas/" in ideas
    newsletter = section(html, "newsletter")
    assert f'action="{reverse("community:newsletter_subscribe")}"' in newsletter
    assert 'name="email"' in newsletter and 'name="consent"' in newsletter
    assert 'name="languages"' in newsletter


def test_the_sections_show_only_what_a_visitor_may_see(client, site):
    WebinarPageFactory(parent=site["events"], title="Unpublished webinar", live=False)
    private = DiscussionSpaceFactory(visibility=SpaceVisibility.PRIVATE)
    members = DiscussionSpaceFactory(visibility=SpaceVisibility.MEMBERS)
    PostFactory(thread=ThreadFactory(space=private, title="Private thread"))
    PostFactory(thread=ThreadFactory(space=members, title="Members thread"))
    IdeaFactory(call=site["call"], title="Draft idea", status=IdeaStatus.DRAFT, submitted_at=None)
    IdeaFactory(call=site["call"], title="Withdrawn idea", status=IdeaStatus.WITHDRAWN)
    closed = IdeaCallPageFactory(
        parent=site["home"],
        title="Unpublished call",
        slug="unpublished-call",
        live=False,
    )
    IdeaFactory(call=closed, title="Idea of an unpublished call")
    html = home_html(client)
    for hidden in (
        "Unpublished webinar",
        "Private thread",
        "Members thread",
        "Draft idea",
        "Withdrawn idea",
        "Unpublished call",
        "Idea of an unpublished call",
    ):
        assert hidden not in html, hidden
    assert "Webinar 0" in html and "Public thread 0" in html and "Public idea 0" in html


def test_a_decision_is_not_shown_before_the_results_are_out(client, site):
    IdeaFactory(call=site["call"], title="Selected early", status=IdeaStatus.SELECTED)
    ideas = section(home_html(client), "ideas")
    assert "Selected early" in ideas
    assert "Selected" not in ideas.replace("Selected early", "")


def count_queries(client, path="/en/"):
    client.get(path)  # caches warm, as for any later reader
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_home_page_query_count_does_not_grow_with_the_items(client, site):
    one_each = count_queries(client)
    add_items(site, 6, start=1)
    assert count_queries(client) == one_each


def set_sections(home, *keys):
    home.sections = [("section", {"key": key, "limit": 3}) for key in keys]
    home.save_revision().publish()


def headings(html):
    return re.findall(r'<h2 id="home-([a-z-]+)-heading">', html)


def test_editors_reorder_and_hide_sections(client, site, home):
    assert headings(home_html(client)) == [
        "open-calls",
        "events",
        "discussions",
        "ideas",
        "newsletter",
    ]
    set_sections(home, "discussions", "events")
    html = home_html(client)
    assert headings(html) == ["discussions", "events"]
    assert "Open call" not in html and 'name="consent"' not in html


def test_the_editors_number_of_items_is_kept(client, site, home):
    add_items(site, 4, start=1)
    home.sections = [("section", {"key": "events", "limit": 2})]
    home.save_revision().publish()
    events = section(home_html(client), "events")
    assert events.count('class="home-list__item"') == 2


def test_the_translated_home_page_shows_the_sections_in_its_language(client, site):
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="it"))
    html = home_html(client, "/it/")
    assert headings(html) == ["open-calls", "events", "discussions", "ideas", "newsletter"]
    # The headings are the registered labels, translated when the page is rendered.
    with translation.override("it"):
        label = str(registered["events"].label)
    assert f'<h2 id="home-events-heading">{label}</h2>' in html
    assert 'href="/it/events/"' in section(html, "events")
    assert 'href="/it/discussions/"' in section(html, "discussions")


def post_from_home(client, **data):
    html = home_html(client)
    assert 'name="email"' in section(html, "newsletter")
    return client.post(
        reverse("community:newsletter_subscribe"),
        {
            "email": "reader@example.org",
            "languages": ["en"],
            "consent": "on",
            **antispam_data(),
            **data,
        },
    )


def test_a_bad_email_from_the_home_page_keeps_what_was_typed_and_says_why_beside_it(client, site):
    response = post_from_home(client, email="not-an-email")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="not-an-email"' in html
    error = re.search(r'<ul class="errorlist" id="id_email_error">(.*?)</ul>', html, re.S)
    assert error and "valid email" in error.group(1)
    assert not NewsletterSubscription.objects.exists()


def test_a_good_email_from_the_home_page_starts_the_double_opt_in(
    client, site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_from_home(client)
    assert response.status_code == 302
    subscription = NewsletterSubscription.objects.get()
    assert subscription.status == SubscriptionStatus.PENDING
    assert [message.to for message in mail.outbox] == [["reader@example.org"]]
    assert "/newsletter/confirm/" in mail.outbox[0].body
