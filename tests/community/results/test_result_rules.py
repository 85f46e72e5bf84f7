"""A result's own rules: a stopped result says why, progress stays within 0–100, a milestone
has a date; bad input is refused beside its field and what was typed is kept."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cms.factories import PilotActionPageFactory
from community.results.models import ResultStatus
from tests.community.results.helpers import make_result

pytestmark = pytest.mark.django_db


def test_a_stopped_result_without_a_reason_is_refused_by_the_page(home, commit):
    result, _idea, _organiser = make_result(home, commit)
    result.status = ResultStatus.STOPPED

    with pytest.raises(ValidationError) as refused:
        result.clean()

    assert "stopped_reason" in refused.value.message_dict
    result.stopped_reason = "The municipality withdrew the premises."
    result.clean()


@pytest.mark.parametrize("progress", [-1, 101])
def test_progress_outside_0_to_100_is_refused_by_the_page(home, commit, progress):
    result, _idea, _organiser = make_result(home, commit)
    result.progress = progress

    with pytest.raises(ValidationError) as refused:
        result.full_clean()

    assert "progress" in refused.value.message_dict


def _post(client, result, **data):
    return client.post(reverse("community:result_update", args=[result.pk]), data)


def test_the_update_form_refuses_a_stop_without_reason_beside_the_field_and_keeps_the_input(
    home, commit, client
):
    result, _idea, organiser = make_result(home, commit)
    client.force_login(organiser)

    response = _post(client, result, status="stopped", progress="55", stopped_reason=" ")

    assert response.status_code == 400
    assert "stopped_reason" in response.context["form"].errors
    assert 'value="55"' in response.content.decode()
    result.refresh_from_db()
    assert result.status == ResultStatus.NOT_STARTED


def test_the_update_form_refuses_progress_above_100(home, commit, client):
    result, _idea, organiser = make_result(home, commit)
    client.force_login(organiser)

    response = _post(client, result, status="in_progress", progress="140")

    assert "progress" in response.context["form"].errors
    result.refresh_from_db()
    assert result.progress == 0


def test_a_milestone_needs_its_date(home, commit, client):
    result, _idea, organiser = make_result(home, commit)
    client.force_login(organiser)

    response = _post(
        client, result, status="in_progress", progress="10", milestone_title="Kick-off"
    )

    assert "milestone_date" in response.context["form"].errors
    assert not result.milestones.exists()


def test_an_organiser_sets_status_progress_and_a_dated_milestone(home, commit, client):
    result, _idea, organiser = make_result(home, commit)
    client.force_login(organiser)

    commit(
        _post,
        client,
        result,
        status="in_progress",
        progress="35",
        milestone_title="First repair day",
        milestone_date="2027-01-16",
    )

    result.refresh_from_db()
    assert (result.status, result.progress) == (ResultStatus.IN_PROGRESS, 35)
    milestone = result.milestones.get()
    assert (milestone.title, milestone.date) == ("First repair day", datetime.date(2027, 1, 16))
    # A new published revision: the admin's history shows who changed what.
    assert result.revisions.count() == 2


def test_only_the_calls_organisers_may_update_a_result(home, commit, client, django_user_model):
    result, idea, _organiser = make_result(home, commit)
    client.force_login(idea.author)

    response = _post(client, result, status="done", progress="100")

    assert response.status_code == 403
    result.refresh_from_db()
    assert result.status == ResultStatus.NOT_STARTED


def test_an_organiser_attaches_an_existing_result_to_a_pilot_action_from_the_update_form(
    home, commit, client
):
    result, _idea, organiser = make_result(home, commit)
    pilot = PilotActionPageFactory(parent=home, title="Repair network")
    client.force_login(organiser)

    form_html = client.get(reverse("community:result_update", args=[result.pk])).content
    commit(_post, client, result, status="in_progress", progress="20", pilot_action=pilot.pk)

    assert f'<option value="{pilot.pk}">Repair network</option>' in form_html.decode()
    result.refresh_from_db()
    assert result.pilot_action_id == pilot.pk
    # The form shows the attached pilot action chosen, so saving again keeps it.
    again = client.get(reverse("community:result_update", args=[result.pk])).content.decode()
    assert f'<option value="{pilot.pk}" selected>' in again
