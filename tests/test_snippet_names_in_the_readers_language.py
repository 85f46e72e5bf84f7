"""Topics, countries, organisations and the titles of calls and events are named in the reader's
language wherever they are offered or listed: the member forms, the listings' filters, "Your
ideas" and the Italian admin. One lookup (cms/i18n.py) serves them all; an item with no copy
in the reader's language keeps its source name, and a list costs the same whatever its length.
"""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from cms import factories as cf
from cms.i18n import localized_label, with_localized_labels
from cms.models import Country, Topic
from cms.models.snippets import vocabulary_options
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.models import IdeaCallPage, IdeaCallReviewer
from community.members.factories import UserFactory
from community.organisations.models import MembershipStatus, OrganisationMembership
from events.listing.factories import EventIndexPageFactory
from events.pages.factories import WebinarPageFactory
from events.pages.models import EventPage

pytestmark = pytest.mark.django_db

ENGLISH_ONLY = ("Social economy", "Italy", "Green Coop", "Open call", "Food webinar")


def translate(obj, **values):
    copy = obj.copy_for_translation(Locale.objects.get_or_create(language_code="it")[0])
    for name, value in values.items():
        setattr(copy, name, value)
    copy.save()
    return copy


def translate_page(page, title):
    italian = Locale.objects.get_or_create(language_code="it")[0]
    copy = page.copy_for_translation(italian, copy_parents=True)
    copy.title = title
    copy.save_revision().publish()
    return copy


@pytest.fixture
def world(home):
    social = cf.TopicFactory(name="Social economy", slug="social-economy")
    translate(social, name="Economia sociale")
    untranslated = cf.TopicFactory(name="Open data", slug="open-data")
    italy = cf.CountryFactory(name="Italy", code="IT")
    translate(italy, name="Italia")
    coop = cf.OrganisationFactory(name="Green Coop", country=italy)
    translate(coop, name="Cooperativa Verde", country=None)
    member = UserFactory(
        email="ana@example.org", country=italy, organisation=coop, preferred_language="it"
    )
    member.topics.add(social, untranslated)
    OrganisationMembership.objects.create(
        user=member, organisation=coop, status=MembershipStatus.ACCEPTED
    )
    call = IdeaCallPageFactory(parent=home, title="Open call")
    translate_page(call, "Bando aperto")
    idea = IdeaFactory(call=call, author=member, title="Community kitchen", organisation=coop)
    idea.topics.add(social, untranslated)
    events = EventIndexPageFactory(parent=home)
    webinar = WebinarPageFactory(
        parent=events, title="Food webinar", topics=[social, untranslated], countries=[italy]
    )
    translate_page(webinar, "Webinar sul cibo")
    return {"member": member, "call": call, "webinar": webinar, "events": events}


def page(client, url_name, *args):
    with translation.override("it"):
        url = reverse(url_name, args=args) if ":" in url_name else url_name
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_italian(html, *italian, where):
    for name in (*italian, "Open data"):  # "Open data" has no Italian copy: its source name
        assert name in html, (where, name)
    for name in ENGLISH_ONLY:
        assert name not in html, (where, name)


def test_the_member_forms_offer_topics_countries_and_organisations_in_the_readers_language(
    client, world
):
    client.force_login(world["member"])
    profile = page(client, "community:profile_edit")
    assert_italian(profile, "Economia sociale", "Italia", "Cooperativa Verde", where="profile")
    idea_form = page(client, "community:idea_new", world["call"].pk)
    assert "Economia sociale" in idea_form and "Cooperativa Verde" in idea_form
    assert "Social economy" not in idea_form and "Green Coop" not in idea_form
    proposal = page(client, "community:organisation_propose")
    assert "Italia" in proposal and ">Italy<" not in proposal


def test_your_ideas_names_each_call_in_the_readers_language(client, world):
    client.force_login(world["member"])
    mine = page(client, "community:my_ideas")
    assert "Bando aperto" in mine and "Open call" not in mine


def test_the_listing_filters_name_topics_and_countries_in_the_readers_language(world):
    events = EventPage.objects.child_of(world["events"]).live()
    with translation.override("it"):
        options = vocabulary_options(events)
    assert options == {
        "countries": [("IT", "Italia")],
        "topics": [("social-economy", "Economia sociale"), ("open-data", "Open data")],
    }


def test_the_ideas_gallery_filter_names_topics_in_the_readers_language(client, world):
    from community.ideas.models import IdeaStatus

    world["call"].ideas.update(status=IdeaStatus.SUBMITTED)
    gallery = page(client, "community:gallery", world["call"].pk)
    assert "Economia sociale" in gallery and "Social economy" not in gallery


def italian_admin(email):
    user = UserFactory(email=email, two_factor=True, is_superuser=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "it"
    profile.save()
    return user


def test_the_italian_admin_names_calls_and_events_in_italian(client, world):
    admin = italian_admin("root@example.org")
    IdeaCallReviewer.objects.create(page=world["call"], user=admin)
    client.force_login(admin)
    review = page(client, "/admin/idea-review/")
    assert "Bando aperto" in review and "Open call" not in review
    call_page = page(client, "community_review:call", world["call"].pk)
    assert "Bando aperto" in call_page and "Open call" not in call_page
    events = page(client, "/admin/events/registrations/")
    assert "Webinar sul cibo" in events and "Food webinar" not in events
    desk = page(client, f"/admin/events/registrations/{world['webinar'].pk}/")
    assert "Webinar sul cibo" in desk and "Food webinar" not in desk


def test_names_of_any_number_of_items_cost_one_query_per_model(world):
    for n in range(8):
        translate(cf.TopicFactory(name=f"Topic {n}", slug=f"t-{n}"), name=f"Tema {n}")
    with translation.override("it"):
        for count in (2, 10):
            items = [*Topic.objects.filter(locale__language_code="en")[:count]]
            items += [*Country.objects.filter(locale__language_code="en")]
            items += [*IdeaCallPage.objects.filter(locale__language_code="en")]
            with CaptureQueriesContext(connection) as queries:
                with_localized_labels(items)
                labels = [localized_label(item) for item in items]
            assert len(queries.captured_queries) == 3, count  # topics, countries, pages
            assert "Italia" in labels and "Bando aperto" in labels


def test_the_profile_form_costs_the_same_with_more_topics(client, world):
    client.force_login(world["member"])
    counts = []
    for batch in range(2):
        for n in range(5):
            cf.TopicFactory(name=f"Topic {batch}-{n}", slug=f"t-{batch}-{n}")
        page(client, "community:profile_edit")
        with CaptureQueriesContext(connection) as queries:
            page(client, "community:profile_edit")
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]
