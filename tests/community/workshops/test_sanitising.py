"""Every field members and facilitators post in a workshop is cleaned by cms.sanitiser on the
way in, whatever the path (form or service), and escaped on the way out."""

import pytest
from django.urls import reverse

from cms.antispam import antispam_data
from community.workshops import services as service
from community.workshops.models import Contribution, ContributionComment, ContributionGroup

from .helpers import workshop_with_people

ATTACK = (
    '<p onclick="steal()">Shared <strong>fridges</strong></p><script>alert(1)</script>'
    '<img src=x onerror="alert(2)"><a href="javascript:alert(3)">map</a>'
    '<iframe src="https://evil.example"></iframe>'
)
FORBIDDEN = ("<script", "onclick", "onerror", "javascript:", "<iframe", "<img")


@pytest.fixture
def setting(db):
    return workshop_with_people()


def assert_escaped(html):
    """Plain text shows as typed: every tag as text, none as markup."""
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for markup in ("<script>alert", "<img src=x", "<iframe", "<p onclick", 'href="javascript:'):
        assert markup not in html, markup


def assert_clean(html):
    for marker in FORBIDDEN:
        assert marker not in html, marker


def test_contribution_text_keeps_formatting_and_loses_scripts(client, setting):
    workshop, people = setting
    client.force_login(people["participant"])
    client.post(
        reverse("community:workshop_contribute", args=[workshop.pk]),
        {"text": ATTACK, **antispam_data()},
    )
    stored = Contribution.objects.get().text
    assert_clean(stored)
    assert "<strong>fridges</strong>" in stored
    body = client.get(workshop.url).content.decode()
    assert "<strong>fridges</strong>" in body
    # What was inside <script> may stay as inert text; no tag or handler survives.
    assert_clean(body.split('id="contributions"')[1])


def test_comments_are_stored_as_typed_and_escaped_on_the_page(client, setting):
    workshop, people = setting
    contribution = service.post_contribution(workshop, people["participant"], text="Vans")
    service.add_comment(contribution, people["facilitator"], ATTACK)
    assert ContributionComment.objects.get().text == ATTACK
    client.force_login(people["participant"])
    assert_escaped(client.get(workshop.url).content.decode().split('id="contributions"')[1])


def test_group_headings_are_stored_as_typed_and_escaped_on_the_page(client, setting):
    workshop, people = setting
    typed = '<b onclick="x()">Mobility</b><script>'
    service.create_group(workshop, people["facilitator"], typed)
    assert ContributionGroup.objects.get().heading == typed
    client.force_login(people["participant"])
    section = client.get(workshop.url).content.decode().split('id="contributions"')[1]
    assert "&lt;b onclick=&quot;x()&quot;&gt;Mobility&lt;/b&gt;&lt;script&gt;" in section
    assert "<script>" not in section and "<b onclick" not in section


def test_the_synthesis_keeps_links_and_lists_and_loses_scripts(client, setting):
    workshop, people = setting
    service.publish_synthesis(
        workshop,
        people["facilitator"],
        ATTACK + '<ul><li><a href="https://x.example">x</a></li></ul>',
    )
    body = client.get(workshop.url).content.decode()
    section = body.split('id="synthesis"')[1].split("</section>")[0]
    assert_clean(section)
    assert '<a href="https://x.example" rel="nofollow">x</a>' in section


def test_a_contribution_saved_outside_the_forms_is_cleaned_too(setting):
    workshop, people = setting
    contribution = Contribution.objects.create(
        workshop=workshop, author=people["participant"], text=ATTACK
    )
    assert_clean(contribution.text)
