"""From a selected idea to a pilot adapted abroad, on a phone (390 px), in English and in
Italian (the /it/ tree and its interface):

1. an organiser turns a selected idea into a result and sets a dated milestone, through the
   idea page's button and the update form;
2. the idea's author logs in and finds the milestone in the notification centre;
3. a member in Spain opens the pilot's page, asks to adapt it through the form, sees three
   suggested partners, each with its own reasons, and writes to one through the site's
   messages, never seeing an email address;
4. the pilot's contact logs in, opens the request from a notification and answers in its
   conversation; the requester reads the answer;
5. an editor turns the request into a pilot action linked to its origin: the map's GeoJSON
   gives it its origin, and the origin's page lists it under "Where this pilot travelled".

Only the three organisations the suggestions need have opted in to partnering; a better
placed one that did not opt in is never suggested. Words asserted are those of the run's
language, chosen where Italian differs from English, so a page that fell back to English
fails the Italian run. SHOTS_DIR keeps the Italian screenshots of the request and result pages.
"""

import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page

from cms import factories as f
from cms.models import Organisation
from cms.roles import ensure_roles
from community.conversations.models import Conversation, Message
from community.members.factories import UserFactory
from community.organisations.models import MembershipStatus, OrganisationMembership
from community.results.factories import published_call, selected_idea
from community.results.models import IdeaResultPage
from community.transfers.models import TransferRequest, TransferStatus
from tests.community.ideas.review_helpers import make_organiser
from tests.e2e.sessions import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}}
PASSWORD = "resilient-demo"  # community.members.factories.UserFactory
SHOTS_DIR = Path(
    os.environ.get("JOURNEY_SHOTS_DIR") or Path(tempfile.gettempdir(), "journey-shots")
)

# What the reader sees, per run. Each Italian entry differs from its English one.
WORDS = {
    "en": {
        "turn_into_result": "Turn into a result",
        "save_result": "Save and tell the followers",
        "in_progress": "In progress",
        "spain": "Spain",
        "milestones": "Milestones",
        "log_in": "Log in",
        "notifications": "Notifications",
        "new_milestone": "New milestone for “{idea}”: {milestone}",
        "asks_to_adapt": "asks to adapt",
        "adapt_here": "Adapt this pilot here",
        "send_request": "Send the request",
        "suggested": "Suggested partners",
        "why": "Why:",
        "public": "Public administration",
        "academia": "Academia and research",
        "civil": "Civil society",
        "in_your_country": "in your country",
        "ran_a_pilot": "ran a pilot",
        "write_to": "Write to this partner",
        "send": "Send",
        "message_sent": "Your message was sent.",
        "open_thread": "Open the request's conversation",
        "publish_linked": "Publish the linked pilot action",
        "travelled": "Where this pilot travelled",
        "adapted_in": "Adapted in",
        "adapted_from": "Adapted from",
    },
    "it": {
        "turn_into_result": "Trasforma in risultato",
        "save_result": "Salva e informa chi lo segue",
        "in_progress": "In corso",
        "spain": "Spagna",
        "milestones": "Tappe",
        "log_in": "Accedi",
        "notifications": "Notifiche",
        "new_milestone": "Nuova tappa per «{idea}»: {milestone}",
        "asks_to_adapt": "chiede di adattare",
        "adapt_here": "Adatta questo pilota qui",
        "send_request": "Invia la richiesta",
        "suggested": "Partner suggeriti",
        "why": "Perché:",
        "public": "Pubblica amministrazione",
        "academia": "Università e ricerca",
        "civil": "Società civile",
        "in_your_country": "nel tuo paese",
        "ran_a_pilot": "ha condotto un pilota",
        "write_to": "Scrivi a questo partner",
        "send": "Invia",
        "message_sent": "Il tuo messaggio è stato inviato.",
        "open_thread": "Apri la conversazione della richiesta",
        "publish_linked": "Pubblica l'azione pilota collegata",
        "travelled": "Dove è arrivato questo pilota",
        "adapted_in": "Adattato in",
        "adapted_from": "Adattato da",
    },
}
# The pilot's title in each tree: the Italian run reads the Italian copy.
PILOT_TITLE = {"en": "Premises for social enterprises", "it": "Locali per imprese sociali"}
IDEA = "Repair cafés in Istrian villages"
MILESTONE = "First repair café in Motovun"
ANSWER = "Welcome! Our lending agreement for the premises is in the kit."


def publish_translation(page, locale, **fields):
    copy = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy


@pytest.fixture
def world(language):
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    italian = Locale.objects.get(language_code="it")
    home = f.make_site()
    ensure_roles()  # the flush took the Editors' page permissions away

    # The idea and who acts on it.
    call = published_call(parent=home, title="3DI call")
    author = UserFactory(
        email="ana@example.org", display_name="Ana Kovač", preferred_language=language
    )
    idea = selected_idea(call, title=IDEA, author=author)
    organiser = make_organiser(home)
    organiser.preferred_language = language
    organiser.save(update_fields=["preferred_language"])

    # Countries exist in every site language; the forms offer those of the reader's.
    italy = f.CountryFactory(name="Italy", code="IT")
    spain = f.CountryFactory(name="Spain", code="ES")
    portugal = f.CountryFactory(name="Portugal", code="PT")
    for country, name in ((italy, "Italia"), (spain, "Spagna"), (portugal, "Portogallo")):
        copy = country.copy_for_translation(italian)
        copy.name = name
        copy.save()

    # The pilot and its kit: three partner helixes, one contact who may be written to.
    index = f.PilotActionIndexPageFactory(parent=home)
    contact = UserFactory(
        email="carla@example.org", display_name="Carla Contact", preferred_language=language
    )
    pilot = f.PilotActionPageFactory(
        parent=index,
        title=PILOT_TITLE["en"],
        country=italy,
        region="Veneto",
        latitude="45.4408",
        longitude="12.3155",
        kit_problem="<p>Empty shops in the old town.</p>",
        kit_partners=[
            {"type": "partner", "value": {"helix": "public", "role": "Lends the premises."}},
            {"type": "partner", "value": {"helix": "academia", "role": "Measures results."}},
            {"type": "partner", "value": {"helix": "civil-society", "role": "Runs it."}},
        ],
    )
    pilot.kit_contacts.set([f.PersonFactory(name="Carla", contactable=True, member=contact)])
    pilot.save_revision().publish()

    # Exactly three organisations opted in, each suggested for its own reasons: one in the
    # requester's region, one elsewhere in her country, one abroad that ran a pilot.
    opted_in = {
        "Aragon Council": {"helix": "public", "country": spain, "city": "Zaragoza"},
        "Valencia University": {"helix": "academia", "country": spain, "city": "Valencia"},
        "Lisbon Neighbours": {"helix": "civil-society", "country": portugal, "city": "Lisbon"},
    }
    partners = {}
    for name, values in opted_in.items():
        org = f.OrganisationFactory(name=name, open_to_partnering=True, **values)
        admin = UserFactory(email=f"{values['helix']}@example.org", display_name=f"{name} desk")
        OrganisationMembership.objects.create(
            organisation=org, user=admin, status=MembershipStatus.ACCEPTED, role="admin"
        )
        partners[name] = (org, admin)
    f.PilotActionPageFactory(
        parent=index,
        title="Shared kitchens in Lisbon",
        country=portugal,
        lead_partner=partners["Lisbon Neighbours"][0],
        latitude="38.7223",
        longitude="-9.1393",
    )
    # Placed best of all, but never asked to be suggested.
    f.OrganisationFactory(name="Zaragoza Chamber", helix="public", country=spain, city="Zaragoza")
    assert set(
        Organisation.objects.filter(open_to_partnering=True).values_list("name", flat=True)
    ) == set(opted_in)

    rosa = UserFactory(
        email="rosa@example.org",
        display_name="Rosa Requester",
        preferred_language=language,
        country=spain,
    )
    editor = UserFactory(email="editor@example.org", display_name="Eddie Editor")
    editor.groups.add(Group.objects.get(name="Editors"))

    # The Italian tree: the home page, the pilots' index and the pilot, translated.
    it_home = publish_translation(home, italian, title="Home")
    it_index = publish_translation(index, italian)
    it_pilot = publish_translation(pilot, italian, title=PILOT_TITLE["it"])
    trees = {"en": (home, index, pilot), "it": (it_home, it_index, it_pilot)}
    home, index, pilot = trees[language]
    return {
        "home": home,
        "index": index,
        "pilot": pilot,
        "idea": idea,
        "author": author,
        "organiser": organiser,
        "contact": contact,
        "partners": partners,
        "spain": spain.get_translation(Locale.objects.get(language_code=language)),
        "rosa": rosa,
        "editor": editor,
    }


def log_in(page, live_server, language, user):
    """A member logs in through the login form, in the run's language."""
    page.goto(f"{live_server.url}/{language}/accounts/login/")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name=WORDS[language]["log_in"], exact=True).click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def open_notifications(page, language):
    """Through the header's account menu, as a member would."""
    menu = page.locator(".account-menu")
    menu.locator("summary").click()
    menu.get_by_role("link", name=WORDS[language]["notifications"]).click()
    page.wait_for_url(f"**/{language}/notifications/")


def fits_the_phone(page):
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def in_language(page, language):
    assert page.locator("html").get_attribute("lang") == language
    assert f"/{language}/" in page.url


@pytest.mark.parametrize("language", ["en", "it"])
def test_a_selected_idea_becomes_a_result_and_a_pilot_travels_abroad_on_a_phone(
    open_page, live_server, world, language
):
    words = WORDS[language]
    idea = world["idea"]
    if language == "it":
        SHOTS_DIR.mkdir(parents=True, exist_ok=True)

    # 1. The organiser turns the selected idea into a result and sets a milestone.
    organiser = open_page(**PHONE)
    sign_in(organiser, live_server, world["organiser"])
    organiser.goto(f"{live_server.url}/{language}/community/ideas/{idea.pk}/")
    organiser.get_by_role("button", name=words["turn_into_result"]).click()
    organiser.wait_for_url(re.compile(rf"/{language}/community/results/\d+/update/"))
    result = IdeaResultPage.objects.get(idea=idea)
    organiser.locator("#id_status").select_option("in_progress")
    organiser.locator("#id_progress").fill("25")
    organiser.locator("#id_milestone_title").fill(MILESTONE)
    organiser.locator("#id_milestone_date").fill("2027-03-20")
    organiser.get_by_role("button", name=words["save_result"]).click()
    organiser.wait_for_url(f"**/{result.slug}/")
    in_language(organiser, language)
    assert organiser.locator(".result__status").inner_text().strip() == words["in_progress"]
    assert organiser.locator("#milestones-heading").inner_text().strip() == words["milestones"]
    organiser.locator(".timeline__item", has_text=MILESTONE).wait_for()
    assert "25" in organiser.locator(".result-progress__figure").inner_text()
    assert fits_the_phone(organiser)

    # 2. The idea's author logs in and finds the milestone in the notification centre.
    author = open_page(**PHONE)
    log_in(author, live_server, language, world["author"])
    open_notifications(author, language)
    in_language(author, language)
    told = author.locator(".notification", has_text=MILESTONE)
    assert told.count() == 1
    assert words["new_milestone"].format(idea=IDEA, milestone=MILESTONE) in told.inner_text()
    assert fits_the_phone(author)
    # ... and opens the result from it, still in their language.
    told.locator("a").first.click()
    author.wait_for_url(f"**/{result.slug}/")
    in_language(author, language)
    author.locator(".timeline__item", has_text=MILESTONE).wait_for()
    assert author.locator(".result__status").inner_text().strip() == words["in_progress"]
    assert fits_the_phone(author)
    if language == "it":
        author.screenshot(path=str(SHOTS_DIR / "result-it.png"), full_page=True)

    # 3. Rosa, in Spain, asks to adapt the pilot from its page.
    pilot = world["pilot"]
    rosa = open_page(**PHONE)
    sign_in(rosa, live_server, world["rosa"])
    rosa.goto(f"{live_server.url}{pilot.url}")
    in_language(rosa, language)
    rosa.get_by_role("link", name=words["adapt_here"]).click()
    rosa.locator("#id_country").select_option(str(world["spain"].pk))
    rosa.locator("#id_region").fill("Zaragoza")
    rosa.locator("#id_organisation").fill("Zaragoza social co-op")
    rosa.locator("#id_helix").select_option("business")
    rosa.locator("#id_already_have").fill("A shop front and three volunteers.")
    rosa.get_by_role("button", name=words["send_request"]).click()
    rosa.wait_for_url(re.compile(rf"/{language}/community/transfers/\d+/"))
    in_language(rosa, language)
    transfer = TransferRequest.objects.get()
    assert transfer.pilot_id == pilot.pk
    assert f"Zaragoza, {words['spain']}" in rosa.locator(".facts").inner_text()
    assert rosa.locator("#partners-heading").inner_text().strip() == words["suggested"]
    suggestions = rosa.locator('[data-testid="suggestions"] > li')
    assert suggestions.count() == 3
    names = [item.locator("h3").inner_text().strip() for item in suggestions.all()]
    assert names == ["Aragon Council", "Valencia University", "Lisbon Neighbours"]
    reasons = [item.locator(".suggestion__why").inner_text().strip() for item in suggestions.all()]
    assert reasons == [
        f"{words['why']} {words['public']}, in Zaragoza",
        f"{words['why']} {words['academia']}, {words['in_your_country']}",
        f"{words['why']} {words['civil']}, {words['ran_a_pilot']}",
    ]
    assert "Zaragoza Chamber" not in rosa.locator("main").inner_text()
    assert "@" not in rosa.locator("main").inner_text()
    assert fits_the_phone(rosa)
    if language == "it":
        rosa.screenshot(path=str(SHOTS_DIR / "request-it.png"), full_page=True)

    # ... and writes to the second one, through the site's messages.
    valencia = suggestions.nth(1)
    valencia.get_by_text(words["write_to"]).click()
    valencia.locator("textarea").fill("Would your students measure the results with us?")
    assert fits_the_phone(rosa)
    if language == "it":
        valencia.screenshot(path=str(SHOTS_DIR / "request-it-writing.png"))
    valencia.get_by_role("button", name=words["send"], exact=True).click()
    rosa.wait_for_url(re.compile(rf"/{language}/community/messages/\d+/"))
    assert words["message_sent"] in rosa.locator("main").inner_text()
    rosa.locator(".conversation-message--mine", has_text="measure the results").wait_for()
    assert "@example.org" not in rosa.content()
    to_partner = Conversation.objects.exclude(pk=transfer.conversation_id).get()
    partner_desk = world["partners"]["Valencia University"][1]
    assert set(to_partner.participants.values_list("user_id", flat=True)) == {
        world["rosa"].pk,
        partner_desk.pk,
    }

    # 4. The pilot's contact logs in, opens the request from a notification and answers.
    carla = open_page(**PHONE)
    log_in(carla, live_server, language, world["contact"])
    open_notifications(carla, language)
    carla.locator(".notification", has_text=words["asks_to_adapt"]).locator("a").first.click()
    carla.wait_for_url(re.compile(rf"/{language}/community/transfers/{transfer.pk}/"))
    carla.get_by_role("link", name=words["open_thread"]).click()
    carla.locator("#id_body").fill(ANSWER)
    carla.locator("form.reply-form").get_by_role("button", name=words["send"]).click()
    carla.locator(".conversation-message--mine", has_text="lending agreement").wait_for()
    assert "@example.org" not in carla.content()
    assert Message.objects.filter(
        conversation=transfer.conversation, author=world["contact"], body=ANSWER
    ).exists()

    # ... and Rosa reads the answer in the request's conversation.
    rosa.goto(f"{live_server.url}/{language}/community/transfers/{transfer.pk}/")
    rosa.get_by_role("link", name=words["open_thread"]).click()
    answer = rosa.locator(".conversation-message", has_text="lending agreement")
    assert "Carla Contact" in answer.inner_text()
    assert "conversation-message--mine" not in answer.get_attribute("class")

    # 5. An editor turns the request into a linked pilot action.
    eddie = open_page(**PHONE)
    sign_in(eddie, live_server, world["editor"])
    eddie.goto(f"{live_server.url}/{language}/community/transfers/{transfer.pk}/")
    eddie.locator("#id_title").fill("Premises in Zaragoza")
    eddie.locator("#id_latitude").fill("41.6488")
    eddie.locator("#id_longitude").fill("-0.8891")
    eddie.get_by_role("button", name=words["publish_linked"]).click()
    eddie.wait_for_url("**/premises-in-zaragoza/")
    in_language(eddie, language)
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.ADAPTED
    assert transfer.adapted_page.transferred_from_id == pilot.pk
    assert words["adapted_from"] in eddie.locator(".lineage").inner_text()

    # It is on the map, drawn from its origin ...
    geojson = eddie.request.get(f"{live_server.url}{world['index'].url}geojson/")
    features = {
        feature["properties"]["title"]: feature["properties"]
        for feature in json.loads(geojson.text())["features"]
    }
    origin = features["Premises in Zaragoza"]["origin"]
    assert origin["title"] == PILOT_TITLE[language]
    assert origin["url"] == pilot.url
    assert origin["label"] == words["adapted_from"]
    assert features[PILOT_TITLE[language]]["origin"] is None

    # ... and the origin's page says where it travelled.
    eddie.goto(f"{live_server.url}{pilot.url}")
    lineage = eddie.locator(".lineage")
    assert lineage.locator("h2").inner_text().strip() == words["travelled"]
    assert lineage.locator("h3").inner_text().strip() == words["adapted_in"]
    assert lineage.get_by_role("link", name="Premises in Zaragoza").count() == 1
    assert fits_the_phone(eddie)
