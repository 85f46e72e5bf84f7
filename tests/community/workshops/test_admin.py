"""Editors create co-design workshops under the events index, and nowhere else."""

import pytest

from cms.models import HomePage
from community.members.factories import UserFactory
from community.workshops.models import CoDesignWorkshopPage
from events.listing.models import EventIndexPage

from .helpers import workshop_with_people

pytestmark = pytest.mark.django_db


def test_a_workshop_may_live_under_the_events_index_only():
    assert CoDesignWorkshopPage.can_create_at(EventIndexPage())
    assert not CoDesignWorkshopPage.can_create_at(HomePage())
    assert CoDesignWorkshopPage in EventIndexPage.clean_subpage_models()


def test_the_admin_shows_the_add_and_edit_forms_with_phases(client):
    workshop, _people = workshop_with_people()
    admin = UserFactory(email="root@example.org", is_superuser=True, is_staff=True)
    client.force_login(admin)
    index = workshop.get_parent()
    add = client.get(f"/admin/pages/add/community/codesignworkshoppage/{index.pk}/")
    edit = client.get(f"/admin/pages/{workshop.pk}/edit/")
    assert add.status_code == 200 and edit.status_code == 200
    assert "Listening walk" in edit.content.decode()
    assert 'name="phases-TOTAL_FORMS"' in add.content.decode()
