"""Following a result: its idea's authors follow it without asking, members may follow; each
status change and each new milestone reaches them through the notification centre, emailed in
the recipient's language."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from community.ideas.models import CoAuthorStatus, IdeaCoAuthor
from community.members.factories import UserFactory
from community.notifications.models import Notification, NotificationKind
from community.results import services
from community.results.factories import published_call, selected_idea
from community.results.models import ResultStatus
from tests.community.ideas.review_helpers import make_organiser
from tests.community.results.helpers import make_result, update

pytestmark = pytest.mark.django_db


def _told(kind):
    return set(Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True))


def test_the_authors_are_told_of_a_new_status_and_of_each_milestone(home, commit):
    call = published_call(parent=home)
    idea = selected_idea(call)
    coauthor = UserFactory()
    IdeaCoAuthor.objects.create(idea=idea, user=coauthor, status=CoAuthorStatus.ACCEPTED)
    organiser = make_organiser(home)
    result = commit(services.create_result, idea, organiser)

    update(commit, result, organiser, status=ResultStatus.IN_PROGRESS)
    update(commit, result, organiser, milestone=("Kick-off", datetime.date(2027, 2, 1)))

    assert _told(NotificationKind.RESULT_STATUS) == {idea.author_id, coauthor.pk}
    assert _told(NotificationKind.RESULT_MILESTONE) == {idea.author_id, coauthor.pk}
    milestone = Notification.objects.get(
        kind=NotificationKind.RESULT_MILESTONE, recipient=idea.author
    )
    assert milestone.data == {"milestone": "Kick-off", "date": "2027-02-01"}
    # The organiser who acted hears nothing of their own change.
    assert organiser.pk not in _told(NotificationKind.RESULT_STATUS)


def test_a_member_who_follows_is_told_and_one_who_does_not_is_not(home, commit, client):
    result, _idea, organiser = make_result(home, commit)
    follower, bystander = UserFactory(), UserFactory()
    client.force_login(follower)
    client.post(reverse("community:result_follow", args=[result.pk]), {"follow": "1"})

    update(commit, result, organiser, status=ResultStatus.DONE, progress=100)

    told = _told(NotificationKind.RESULT_STATUS)
    assert follower.pk in told and bystander.pk not in told


def test_a_publish_that_changes_neither_status_nor_milestones_tells_nobody(home, commit):
    result, _idea, organiser = make_result(home, commit)
    before = Notification.objects.count()

    update(commit, result, organiser, progress=60)

    assert Notification.objects.count() == before


def test_a_publish_from_the_admin_editor_is_announced_too(home, commit):
    result, idea, organiser = make_result(home, commit)
    result.status = ResultStatus.IN_PROGRESS

    commit(lambda: result.save_revision(user=organiser).publish(skip_permission_checks=True))

    assert Notification.objects.filter(
        kind=NotificationKind.RESULT_STATUS, recipient=idea.author, data__status="in_progress"
    ).exists()


def test_a_status_change_is_emailed_in_the_recipients_language(home, commit):
    call = published_call(parent=home)
    idea = selected_idea(call, author=UserFactory(preferred_language="it"))
    organiser = make_organiser(home)
    result = commit(services.create_result, idea, organiser)
    mail.outbox.clear()

    update(commit, result, organiser, status=ResultStatus.IN_PROGRESS)

    [message] = [m for m in mail.outbox if idea.author.email in m.to]
    assert message.extra_headers["Content-Language"] == "it"
    with translation.override("it"):
        expected = Notification.objects.get(
            recipient=idea.author, data__status="in_progress"
        ).message_text()
    assert message.subject == expected
    assert "/it/notifications/unsubscribe/" in message.body
