"""Contributing, commenting, supporting, grouping and publishing the synthesis, through the
site's own forms; refusals and bad input as a person sees them."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from cms.antispam import antispam_data
from community.privacy.services import build_export, erase_member
from community.workshops import services as service
from community.workshops.factories import ContributionFactory
from community.workshops.models import (
    Contribution,
    ContributionComment,
    ContributionGroup,
    ContributionSupport,
    WorkshopSynthesis,
)

from .helpers import workshop_with_people


@pytest.fixture
def setting(db):
    return workshop_with_people()


def png_bytes():
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(out, format="PNG")
    return out.getvalue()


def contribute(client, workshop, **data):
    url = reverse("community:workshop_contribute", args=[workshop.pk])
    return client.post(url, {"text": "", "phase": "", **antispam_data(), **data})


def test_a_participant_posts_a_contribution_that_appears_on_the_page(client, setting):
    workshop, people = setting
    client.force_login(people["participant"])
    response = contribute(client, workshop, text="Open a market on Tuesdays", phase="discover")
    contribution = Contribution.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#contribution-{contribution.pk}")
    assert contribution.author == people["participant"] and contribution.phase == "discover"
    page = client.get(workshop.url)
    assert "Open a market on Tuesdays" in page.content.decode()
    assert "Listening walk" in page.content.decode()  # the phase's own name


def test_a_member_without_a_seat_cannot_post_and_sees_no_contributions(client, setting):
    workshop, people = setting
    ContributionFactory(workshop=workshop, author=people["participant"], text="Secret idea")
    client.force_login(people["member"])
    contribute(client, workshop, text="Let me in")
    assert not Contribution.objects.filter(text__contains="Let me in").exists()
    body = client.get(workshop.url).content.decode()
    assert "Secret idea" not in body


def test_a_running_workshop_tells_an_unregistered_member_what_they_can_do_instead(client, setting):
    workshop, people = setting  # started an hour ago: registration closed at the start
    client.force_login(people["member"])
    body = client.get(workshop.url).content.decode()
    assert "Register for this workshop" not in body
    assert "Registration for this workshop is closed" in body
    assert f'href="{workshop.get_parent().url}"' in body
    assert "Come back for the synthesis" in body
    service.publish_synthesis(workshop, people["facilitator"], text="What we found")
    assert 'href="#synthesis"' in client.get(workshop.url).content.decode()


def test_an_upcoming_workshop_asks_a_member_to_register_to_take_part(client, db):
    start = timezone.now() + datetime.timedelta(days=3)
    workshop, people = workshop_with_people(start=start, end=start + datetime.timedelta(hours=4))
    client.force_login(people["member"])
    body = client.get(workshop.url).content.decode()
    assert 'href="#registration">Register for this workshop' in body
    assert "Registration for this workshop is closed" not in body


def test_an_empty_contribution_is_refused_beside_the_field_keeping_the_phase(client, setting):
    workshop, people = setting
    client.force_login(people["participant"])
    response = contribute(client, workshop, text="   ", phase="define")
    body = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_text_error"' in body
    assert '<option value="define" selected>' in body
    assert not Contribution.objects.exists()


def test_a_too_long_contribution_keeps_what_was_typed(client, setting):
    workshop, people = setting
    client.force_login(people["participant"])
    typed = "Shared fridges " * 400
    response = contribute(client, workshop, text=typed)
    assert response.status_code == 400
    assert "Shared fridges Shared fridges" in response.content.decode()


def test_a_photo_is_re_encoded_stored_privately_and_served_to_readers_only(client, setting):
    workshop, people = setting
    client.force_login(people["participant"])
    upload = SimpleUploadedFile("chart.png", png_bytes(), content_type="image/png")
    contribute(client, workshop, text="Our map", image=upload)
    contribution = Contribution.objects.get()
    assert contribution.image.name.startswith("private/workshops/")
    assert "chart" not in contribution.image.name
    url = reverse("community:contribution_image", args=[contribution.pk])
    assert client.get(url).status_code == 200
    client.force_login(people["member"])
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404


def test_a_file_that_is_not_an_image_is_refused_beside_the_field(client, setting):
    workshop, people = setting
    client.force_login(people["participant"])
    fake = SimpleUploadedFile("photo.png", b"<html><script>x</script></html>")
    response = contribute(client, workshop, text="With a fake photo", image=fake)
    assert response.status_code == 400
    assert 'id="id_image_error"' in response.content.decode()
    assert "With a fake photo" in response.content.decode()


def test_the_honeypot_refuses_a_robot_and_keeps_the_text(client, setting):
    workshop, people = setting
    client.force_login(people["participant"])
    response = contribute(client, workshop, text="Buy pills", website="http://spam.example")
    assert response.status_code == 400
    assert not Contribution.objects.exists()
    assert "Buy pills" in response.content.decode()


def test_participants_comment_and_errors_show_beside_that_contributions_field(client, setting):
    workshop, people = setting
    contribution = ContributionFactory(workshop=workshop, author=people["participant"])
    client.force_login(people["facilitator"])
    url = reverse("community:contribution_comment", args=[contribution.pk])
    prefix = f"c{contribution.pk}"
    antispam = {f"{prefix}-{k}": v for k, v in antispam_data().items()}
    response = client.post(url, {f"{prefix}-text": "  ", **antispam})
    assert response.status_code == 400
    assert f'id="id_{prefix}-text_error"' in response.content.decode()
    client.post(url, {f"{prefix}-text": "Which days suit you?", **antispam})
    assert ContributionComment.objects.get().text == "Which days suit you?"


def test_a_member_cannot_comment_on_a_contribution_by_guessing_its_id(client, setting):
    workshop, people = setting
    contribution = ContributionFactory(workshop=workshop, author=people["participant"])
    client.force_login(people["member"])
    url = reverse("community:contribution_comment", args=[contribution.pk])
    response = client.post(url, {f"c{contribution.pk}-text": "hi"})
    assert response.status_code == 404
    assert not ContributionComment.objects.exists()


def test_support_is_once_per_member_withdrawable_and_never_for_ones_own(client, setting):
    workshop, people = setting
    contribution = ContributionFactory(workshop=workshop, author=people["participant"])
    url = reverse("community:contribution_support", args=[contribution.pk])
    client.force_login(people["facilitator"])
    client.post(url)
    client.post(url)
    assert ContributionSupport.objects.filter(contribution=contribution).count() == 1
    assert service.support(contribution, people["facilitator"]) is False
    client.post(url, {"action": "withdraw"})
    assert not ContributionSupport.objects.exists()
    client.force_login(people["participant"])
    client.post(url)
    assert not ContributionSupport.objects.exists()


def test_a_facilitator_groups_contributions_under_headings(client, setting):
    workshop, people = setting
    first = ContributionFactory(workshop=workshop, author=people["participant"], text="Vans")
    ContributionFactory(workshop=workshop, author=people["participant"], text="Fridges")
    client.force_login(people["facilitator"])
    client.post(
        reverse("community:workshop_group_new", args=[workshop.pk]), {"heading": "Mobility"}
    )
    group = ContributionGroup.objects.get()
    client.post(reverse("community:contribution_group", args=[first.pk]), {"group": group.pk})
    first.refresh_from_db()
    assert first.group == group
    body = client.get(workshop.url).content.decode()
    assert body.index("Mobility") < body.index("Vans") < body.index("Not grouped yet")
    assert body.index("Not grouped yet") < body.index("Fridges")


def test_a_participant_cannot_group_contributions(client, setting):
    workshop, people = setting
    first = ContributionFactory(workshop=workshop, author=people["participant"])
    group = ContributionGroup.objects.create(workshop=workshop, heading="Mobility")
    client.force_login(people["participant"])
    client.post(reverse("community:workshop_group_new", args=[workshop.pk]), {"heading": "Mine"})
    client.post(reverse("community:contribution_group", args=[first.pk]), {"group": group.pk})
    first.refresh_from_db()
    assert ContributionGroup.objects.count() == 1 and first.group is None


def test_a_group_of_another_workshop_cannot_be_used(setting):
    workshop, people = setting
    contribution = ContributionFactory(workshop=workshop, author=people["participant"])
    foreign = ContributionGroup.objects.create(
        workshop=ContributionFactory().workshop, heading="Elsewhere"
    )
    with pytest.raises(service.WorkshopRefused):
        service.assign_group(contribution, people["facilitator"], foreign)
    contribution.refresh_from_db()
    assert contribution.group is None


def test_the_facilitator_publishes_a_synthesis_everyone_reads(client, setting):
    workshop, people = setting
    client.force_login(people["facilitator"])
    client.post(
        reverse("community:workshop_synthesis", args=[workshop.pk]),
        {"text": "Three answers came out:\n\nmobile markets, shared fridges, a food map."},
    )
    synthesis = WorkshopSynthesis.objects.get()
    assert synthesis.published_by == people["facilitator"] and synthesis.published_at
    client.logout()
    body = client.get(workshop.url).content.decode()
    assert "<p>mobile markets, shared fridges, a food map.</p>" in body


def test_a_participant_cannot_publish_the_synthesis(client, setting):
    workshop, people = setting
    client.force_login(people["participant"])
    client.post(reverse("community:workshop_synthesis", args=[workshop.pk]), {"text": "Mine"})
    assert not WorkshopSynthesis.objects.exists()


def test_deleting_an_account_keeps_contributions_as_former_member_but_removes_photos(setting):
    workshop, people = setting
    upload = SimpleUploadedFile("chart.png", png_bytes(), content_type="image/png")
    contribution = service.post_contribution(
        workshop, people["participant"], text="Our map", image=upload
    )
    name = contribution.image.name
    with zipfile.ZipFile(io.BytesIO(build_export(people["participant"]))) as archive:
        assert "Our map" in archive.read("data.json").decode()
        assert f"files/community.Contribution/{name.rsplit('/', 1)[1]}" in archive.namelist()
    assert "chart" not in name
    erase_member(people["participant"])
    contribution.refresh_from_db()
    assert contribution.text == "Our map" and not contribution.image
    assert not contribution.image.storage.exists(name)


def test_a_contribution_is_marked_with_the_language_it_was_written_in(client, setting):
    workshop, people = setting
    client.force_login(people["participant"])
    url = reverse("community:workshop_contribute", args=[workshop.pk])
    client.post(url.replace("/en/", "/fr/"), {"text": "Un marché", **antispam_data()})
    contribution = Contribution.objects.get()
    assert contribution.language == "fr"
    body = client.get(workshop.url).content.decode()
    assert 'class="workshop-contribution__text" lang="fr" dir="ltr">Un marché' in body
