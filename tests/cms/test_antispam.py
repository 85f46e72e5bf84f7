"""Public forms refuse a filled honeypot and a form sent faster than a person can fill it,
say so beside the form, and keep what the person typed."""

import time

import pytest
from django import forms
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse

from cms.antispam import (
    FILL_TIME_FIELD,
    HONEYPOT_FIELD,
    HONEYPOT_MESSAGE,
    TOO_FAST_MESSAGE,
    AntispamMixin,
    antispam_data,
    started_token,
)
from cms.factories import CountryFactory
from community.ideas.factories import IdeaCallPageFactory
from community.ideas.models import Idea
from community.members.factories import UserFactory
from events.listing.factories import EventIndexPageFactory
from events.pages.factories import WebinarPageFactory
from events.registrations.models import Registration
from tests.community.ideas.helpers import idea_data


class ContactForm(AntispamMixin, forms.Form):
    name = forms.CharField()


@pytest.fixture
def min_fill(settings):
    settings.ANTISPAM_MIN_FILL_SECONDS = 3
    return settings


class TestTheChecks:
    def test_a_person_who_took_their_time_and_left_the_honeypot_empty_passes(self, min_fill):
        form = ContactForm({"name": "Ana", **antispam_data(seconds_ago=4)})
        assert form.is_valid(), form.errors

    def test_a_filled_honeypot_is_refused_with_a_form_wide_message(self, min_fill):
        form = ContactForm({"name": "Ana", **antispam_data(), HONEYPOT_FIELD: "http://spam"})
        assert not form.is_valid()
        assert form.non_field_errors() == [str(HONEYPOT_MESSAGE)]
        assert form.has_error(forms.forms.NON_FIELD_ERRORS, "honeypot")

    def test_a_form_sent_sooner_than_the_minimum_is_refused(self, min_fill):
        form = ContactForm({"name": "Ana", **antispam_data(seconds_ago=1)})
        assert not form.is_valid()
        assert form.non_field_errors() == [str(TOO_FAST_MESSAGE)]

    def test_the_minimum_defaults_to_three_seconds(self, settings):
        del settings.ANTISPAM_MIN_FILL_SECONDS
        assert not ContactForm({"name": "A", **antispam_data(seconds_ago=2.5)}).is_valid()
        assert ContactForm({"name": "A", **antispam_data(seconds_ago=3.5)}).is_valid()

    def test_a_missing_or_forged_start_time_counts_as_too_fast(self, min_fill):
        assert not ContactForm({"name": "Ana"}).is_valid()
        forged = signing.dumps(time.time() - 60, salt="another-salt")
        assert not ContactForm({"name": "Ana", FILL_TIME_FIELD: forged}).is_valid()
        tampered = started_token(time.time() - 60)[:-2] + "xx"
        assert not ContactForm({"name": "Ana", FILL_TIME_FIELD: tampered}).is_valid()

    def test_zero_turns_the_timing_off_but_not_the_honeypot(self, settings):
        settings.ANTISPAM_MIN_FILL_SECONDS = 0
        assert ContactForm({"name": "Ana"}).is_valid()
        assert not ContactForm({"name": "Ana", HONEYPOT_FIELD: "x"}).is_valid()

    def test_a_refused_form_keeps_the_typing_and_restarts_the_clock_with_an_empty_honeypot(
        self, min_fill
    ):
        old = started_token(time.time() - 1)
        form = ContactForm({"name": "Ana María", HONEYPOT_FIELD: "x", FILL_TIME_FIELD: old})
        assert not form.is_valid()
        assert form["name"].value() == "Ana María"
        assert form[HONEYPOT_FIELD].value() == ""
        fresh = form[FILL_TIME_FIELD].value()
        assert fresh != old
        assert time.time() - signing.loads(fresh, salt="cms.antispam.form_started") < 2


class TestRendering:
    def test_form_loops_skip_the_checks_which_render_once_hidden_from_people(self, min_fill):
        form = ContactForm()
        assert [field.name for field in form] == ["name"]
        html = render_to_string("components/antispam_fields.html", {"form": form})
        assert 'aria-hidden="true"' in html
        assert 'class="visually-hidden"' in html
        assert 'autocomplete="off"' in html
        assert 'tabindex="-1"' in html
        assert "Leave this field empty" in html
        assert f'type="hidden" name="{FILL_TIME_FIELD}"' in html


@pytest.mark.django_db
class TestPublicForms:
    def test_a_guest_registration_sent_too_fast_is_refused_and_keeps_the_typing(
        self, client, home, min_fill
    ):
        CountryFactory(code="SI", name="Slovenia")
        webinar = WebinarPageFactory(parent=EventIndexPageFactory(parent=home), allow_guests=True)
        data = {
            "guest_name": "Guest Person",
            "guest_email": "guest@example.org",
            "stakeholder_type": "public",
            "country_code": "SI",
            "language": "en",
        }
        url = f"/en/events/register/{webinar.pk}/"
        page = client.get(webinar.url).content.decode()
        assert f'name="{HONEYPOT_FIELD}"' in page
        assert f'name="{FILL_TIME_FIELD}"' in page

        response = client.post(url, {**data, **antispam_data(seconds_ago=1)})
        html = response.content.decode()
        assert response.status_code == 400
        assert "sent too quickly" in html
        assert 'value="Guest Person"' in html
        assert not Registration.objects.exists()

        client.post(url, {**data, **antispam_data(), HONEYPOT_FIELD: "spam"})
        assert not Registration.objects.exists()

        client.post(url, {**data, **antispam_data(seconds_ago=5)})
        assert Registration.objects.filter(guest_email="guest@example.org").exists()

    def test_a_member_registers_in_one_click_without_the_checks(self, client, home, min_fill):
        webinar = WebinarPageFactory(parent=EventIndexPageFactory(parent=home))
        member = UserFactory()
        client.force_login(member)
        assert f'name="{HONEYPOT_FIELD}"' not in client.get(webinar.url).content.decode()

    def test_an_idea_sent_with_a_filled_honeypot_is_refused_and_keeps_the_typing(
        self, client, home, min_fill
    ):
        call = IdeaCallPageFactory(parent=home)
        client.force_login(UserFactory())
        url = reverse("community:idea_new", args=[call.pk])
        assert f'name="{FILL_TIME_FIELD}"' in client.get(url).content.decode()
        response = client.post(url, {**idea_data(), **antispam_data(), HONEYPOT_FIELD: "x"})
        html = response.content.decode()
        assert "looks as if a program filled it in" in html
        assert "Volunteers repair appliances with their neighbours." in html
        assert not Idea.objects.exists()
        client.post(url, {**idea_data(), **antispam_data()})
        assert Idea.objects.exists()

    def test_a_signup_sent_too_fast_is_refused_and_keeps_the_address(self, client, min_fill):
        data = {
            "email": "new@example.org",
            "password1": "a-Long-and-unusual-passphrase-42",
            "password2": "a-Long-and-unusual-passphrase-42",
            "display_name": "Newcomer",
            "preferred_language": "en",
        }
        url = "/en/accounts/signup/"
        assert f'name="{HONEYPOT_FIELD}"' in client.get(url).content.decode()
        response = client.post(url, {**data, **antispam_data(seconds_ago=0)})
        html = response.content.decode()
        assert "sent too quickly" in html
        assert 'value="new@example.org"' in html
        assert not UserFactory._meta.model.objects.filter(email="new@example.org").exists()
        client.post(url, {**data, **antispam_data()})
        assert UserFactory._meta.model.objects.filter(email="new@example.org").exists()
