"""Ideas from draft to result: every transition, who may make it, its history, the emails to
authors in their own language and the signal for the notification centre."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission

from community.ideas import services as service
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.models import CoAuthorStatus, Idea, IdeaCoAuthor, IdeaStatus
from community.ideas.signals import idea_status_changed
from community.members.factories import UserFactory

from .helpers import idea_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(home):
    return IdeaCallPageFactory(parent=home)


@pytest.fixture
def organiser(home):
    group = Group.objects.create(name="Call organisers")
    GroupPagePermission.objects.create(group=group, page=home, permission_type="change")
    user = UserFactory(is_staff=True)
    user.groups.add(group)
    return user


class TestAuthorTransitions:
    def test_saving_a_draft_then_submitting(
        self, client, call, mailoutbox, django_capture_on_commit_callbacks
    ):
        author = UserFactory(preferred_language="hr")
        client.force_login(author)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("community:idea_new", args=[call.pk]), {**idea_data(), "draft": ""}
            )
        idea = Idea.objects.get()
        assert response["Location"] == reverse("community:idea_detail", args=[idea.pk])
        assert idea.status == IdeaStatus.DRAFT and idea.author == author
        assert mailoutbox == []  # a draft concerns nobody else yet
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("community:idea_submit", args=[idea.pk]))
        idea.refresh_from_db()
        assert idea.status == IdeaStatus.SUBMITTED
        assert idea.submitted_at is not None
        assert [(c.from_status, c.to_status) for c in idea.history.all()] == [
            ("", "draft"),
            ("draft", "submitted"),
        ]
        assert idea.history.last().changed_by == author
        # Emailed in the author's language (Croatian), with a link to the idea.
        assert mailoutbox[-1].to == [author.email]
        assert mailoutbox[-1].extra_headers["Content-Language"] == "hr"
        assert f"/hr/community/ideas/{idea.pk}/" in mailoutbox[-1].body

    def test_submitting_directly_from_the_form(self, client, call):
        client.force_login(UserFactory())
        client.post(reverse("community:idea_new", args=[call.pk]), {**idea_data(), "submit": ""})
        assert Idea.objects.get().status == IdeaStatus.SUBMITTED

    def test_a_submitted_idea_can_be_edited_and_withdrawn_before_the_deadline(self, client, call):
        idea = IdeaFactory(call=call)
        client.force_login(idea.author)
        client.post(reverse("community:idea_edit", args=[idea.pk]), idea_data(title="Better title"))
        idea.refresh_from_db()
        assert idea.title == "Better title"
        assert idea.status == IdeaStatus.SUBMITTED
        client.post(reverse("community:idea_withdraw", args=[idea.pk]))
        idea.refresh_from_db()
        assert idea.status == IdeaStatus.WITHDRAWN
        # Withdrawn is final for the author.
        response = client.post(reverse("community:idea_submit", args=[idea.pk]))
        idea.refresh_from_db()
        assert idea.status == IdeaStatus.WITHDRAWN
        assert response.status_code == 302

    def test_nothing_typed_is_lost_on_a_validation_error(self, client, call):
        client.force_login(UserFactory())
        response = client.post(
            reverse("community:idea_new", args=[call.pk]),
            idea_data(title="", budget_estimate="-5", team="Our <em>team</em>"),
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert 'id="id_title_error"' in html
        assert 'id="id_budget_estimate_error"' in html
        assert "Volunteers repair appliances with their neighbours." in html
        assert "Our &lt;em&gt;team&lt;/em&gt;" in html
        assert not Idea.objects.exists()

    def test_a_signal_announces_every_change(self, call, django_capture_on_commit_callbacks):
        idea = IdeaFactory(call=call, status=IdeaStatus.DRAFT, submitted_at=None)
        received = []
        handler = lambda **kwargs: received.append((kwargs["from_status"], kwargs["to_status"]))  # noqa: E731
        idea_status_changed.connect(handler)
        try:
            with django_capture_on_commit_callbacks(execute=True):
                service.submit_idea(idea, idea.author)
        finally:
            idea_status_changed.disconnect(handler)
        assert received == [("draft", "submitted")]


class TestOrganiserTransitions:
    @pytest.mark.parametrize(
        ("start", "target"),
        [
            (IdeaStatus.SUBMITTED, IdeaStatus.UNDER_REVIEW),
            (IdeaStatus.SUBMITTED, IdeaStatus.NOT_SELECTED),
            (IdeaStatus.UNDER_REVIEW, IdeaStatus.SHORTLISTED),
            (IdeaStatus.UNDER_REVIEW, IdeaStatus.SELECTED),
            (IdeaStatus.SHORTLISTED, IdeaStatus.SELECTED),
            (IdeaStatus.SHORTLISTED, IdeaStatus.NOT_SELECTED),
        ],
    )
    def test_organisers_move_ideas_along_the_lifecycle(self, call, organiser, start, target):
        idea = IdeaFactory(call=call, status=start)
        moved, refused = service.change_status([idea], target, organiser)
        idea.refresh_from_db()
        assert idea.status == target and moved == [idea] and refused == []
        assert idea.history.get().changed_by == organiser

    @pytest.mark.parametrize(
        ("start", "target"),
        [
            (IdeaStatus.DRAFT, IdeaStatus.UNDER_REVIEW),
            (IdeaStatus.WITHDRAWN, IdeaStatus.SELECTED),
            (IdeaStatus.SUBMITTED, IdeaStatus.SELECTED),
        ],
    )
    def test_impossible_moves_are_left_alone(self, call, organiser, start, target):
        idea = IdeaFactory(call=call, status=start)
        moved, refused = service.change_status([idea], target, organiser)
        idea.refresh_from_db()
        assert idea.status == start and refused == [idea]

    def test_members_who_do_not_run_the_call_cannot_change_statuses(self, call):
        idea = IdeaFactory(call=call)
        with pytest.raises(service.IdeaRefused):
            service.change_status([idea], IdeaStatus.UNDER_REVIEW, UserFactory())
        with pytest.raises(service.IdeaRefused):
            service.change_status([idea], IdeaStatus.UNDER_REVIEW, idea.author)

    def test_authors_and_coauthors_are_emailed_in_their_own_languages(
        self, call, organiser, mailoutbox, django_capture_on_commit_callbacks
    ):
        idea = IdeaFactory(call=call, author=UserFactory(preferred_language="it"))
        coauthor = UserFactory(preferred_language="el")
        IdeaCoAuthor.objects.create(idea=idea, user=coauthor, status=CoAuthorStatus.ACCEPTED)
        IdeaCoAuthor.objects.create(idea=idea, user=UserFactory(), status=CoAuthorStatus.INVITED)
        with django_capture_on_commit_callbacks(execute=True):
            service.change_status([idea], IdeaStatus.UNDER_REVIEW, organiser)
        sent = {m.to[0]: m.extra_headers["Content-Language"] for m in mailoutbox}
        assert sent == {idea.author.email: "it", coauthor.email: "el"}


class TestVisibility:
    def test_a_draft_is_seen_only_by_its_authors(self, client, call, organiser):
        idea = IdeaFactory(call=call, status=IdeaStatus.DRAFT)
        url = reverse("community:idea_detail", args=[idea.pk])
        assert client.get(url).status_code == 404
        for other in (UserFactory(), organiser):
            client.force_login(other)
            assert client.get(url).status_code == 404
        coauthor = UserFactory()
        IdeaCoAuthor.objects.create(idea=idea, user=coauthor, status=CoAuthorStatus.ACCEPTED)
        client.force_login(coauthor)
        assert client.get(url).status_code == 200
        client.force_login(idea.author)
        assert client.get(url).status_code == 200

    def test_submitted_ideas_are_public_only_if_the_call_says_so(self, client, home):
        public = IdeaFactory(call=IdeaCallPageFactory(parent=home, ideas_public=True))
        private = IdeaFactory(call=IdeaCallPageFactory(parent=home, ideas_public=False))
        assert client.get(reverse("community:idea_detail", args=[public.pk])).status_code == 200
        assert client.get(reverse("community:idea_detail", args=[private.pk])).status_code == 404

    def test_selected_ideas_become_public_when_results_are_published(self, client, home):
        call = IdeaCallPageFactory(parent=home, ideas_public=False)
        idea = IdeaFactory(call=call, status=IdeaStatus.SELECTED)
        url = reverse("community:idea_detail", args=[idea.pk])
        assert client.get(url).status_code == 404
        call.results_published_at = timezone.now() - timedelta(minutes=1)
        call.save()
        assert client.get(url).status_code == 200


class TestCoAuthors:
    def test_an_invited_member_becomes_coauthor_on_accepting(
        self, client, call, mailoutbox, django_capture_on_commit_callbacks
    ):
        idea = IdeaFactory(call=call, status=IdeaStatus.DRAFT)
        invitee = UserFactory(email="coauthor@example.org", preferred_language="sl")
        client.force_login(idea.author)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("community:idea_invite", args=[idea.pk]), {"email": "Coauthor@example.org"}
            )
        invitation = IdeaCoAuthor.objects.get()
        assert mailoutbox[-1].to == ["coauthor@example.org"]
        assert invitation.token in mailoutbox[-1].body
        # Only the invitee can answer.
        client.force_login(UserFactory())
        assert (
            client.get(reverse("community:invitation", args=[invitation.token])).status_code == 404
        )
        client.force_login(invitee)
        client.post(reverse("community:invitation", args=[invitation.token]), {"answer": "accept"})
        invitation.refresh_from_db()
        assert invitation.status == CoAuthorStatus.ACCEPTED
        assert client.get(reverse("community:idea_detail", args=[idea.pk])).status_code == 200

    def test_only_the_author_invites(self, call):
        idea = IdeaFactory(call=call)
        with pytest.raises(service.IdeaRefused):
            service.invite_coauthor(idea, UserFactory(), UserFactory())


class TestOrganisationSubmission:
    def test_only_organisations_the_member_belongs_to_are_offered(self, client, call):
        from cms.factories import OrganisationFactory
        from community.organisations.models import MembershipStatus, OrganisationMembership

        mine, other = OrganisationFactory(), OrganisationFactory()
        author = UserFactory()
        OrganisationMembership.objects.create(
            organisation=mine, user=author, status=MembershipStatus.ACCEPTED
        )
        client.force_login(author)
        url = reverse("community:idea_new", args=[call.pk])
        response = client.post(url, {**idea_data(), "organisation": other.pk, "submit": ""})
        assert 'id="id_organisation_error"' in response.content.decode()
        client.post(url, {**idea_data(), "organisation": mine.pk, "submit": ""})
        assert Idea.objects.get().organisation == mine


def test_call_state_follows_the_clock_and_the_review(home):
    call = IdeaCallPageFactory(
        parent=home,
        opens_at=timezone.now() + timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=2),
    )
    assert call.state == "upcoming"
    later = timezone.now() + timedelta(days=1, hours=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert call.state == "open"
    after = timezone.now() + timedelta(days=3)
    with mock.patch("django.utils.timezone.now", return_value=after):
        assert call.state == "closed"
        IdeaFactory(call=call, status=IdeaStatus.UNDER_REVIEW)
        assert call.state == "evaluation"
        call.results_published_at = after - timedelta(minutes=1)
        assert call.state == "results"


class TestInvitingRevealsNobody:
    """Typing an address tells the author nothing of who holds it, nor whether anybody does,
    whatever that member's profile visibility: the same answer in every case, and an invited
    member is named only once they accept."""

    def _invite(self, client, idea, email, commit):
        client.force_login(idea.author)
        return commit(
            client.post,
            reverse("community:idea_invite", args=[idea.pk]),
            {"email": email},
            follow=True,
        )

    @pytest.mark.parametrize("case", ["member", "hidden member", "nobody", "invited twice"])
    def test_the_author_reads_invitation_sent_and_no_name(self, client, call, commit, case):
        idea = IdeaFactory(call=call, status=IdeaStatus.DRAFT)
        holder = UserFactory(
            email="someone@example.org",
            display_name="Zdenka Hiddenova",
            first_name="Zdenka",
            last_name="Hiddenova",
            profile_visibility="hidden" if case == "hidden member" else "members",
        )
        if case == "nobody":
            holder.delete()
        if case == "invited twice":
            self._invite(client, idea, "someone@example.org", commit)
        html = self._invite(client, idea, "SomeOne@example.org", commit).content.decode()
        assert "Invitation sent." in html
        assert "Zdenka" not in html
        assert "Hiddenova" not in html
        assert "already been invited" not in html
        assert "No member" not in html

    def test_a_member_who_accepts_is_named(self, client, call, commit):
        idea = IdeaFactory(call=call, status=IdeaStatus.DRAFT)
        invitee = UserFactory(email="someone@example.org", display_name="Zdenka Hiddenova")
        self._invite(client, idea, "someone@example.org", commit)
        invitation = IdeaCoAuthor.objects.get(user=invitee)
        client.force_login(invitee)
        client.post(reverse("community:invitation", args=[invitation.token]), {"answer": "accept"})
        client.force_login(idea.author)
        html = client.get(reverse("community:idea_detail", args=[idea.pk])).content.decode()
        assert "Zdenka Hiddenova" in html

    def test_an_invalid_address_is_refused_beside_the_field_and_kept(self, client, call):
        idea = IdeaFactory(call=call, status=IdeaStatus.DRAFT)
        client.force_login(idea.author)
        response = client.post(
            reverse("community:idea_invite", args=[idea.pk]), {"email": "not-an-address"}
        )
        html = response.content.decode()
        assert response.status_code == 400
        assert 'id="id_email_error"' in html
        assert 'value="not-an-address"' in html
