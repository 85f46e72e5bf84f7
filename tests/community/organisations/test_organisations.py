"""Organisations as actors: joining, admins accepting and appointing, editors checking
proposals, and a public page with the people who allow it and the organisation's work."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from cms import factories as cf
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.members.factories import UserFactory
from community.organisations import services as service
from community.organisations.models import (
    MembershipRole,
    MembershipStatus,
    OrganisationMembership,
    OrganisationProposal,
    ProposalStatus,
)

pytestmark = pytest.mark.django_db


def admin_of(organisation):
    user = UserFactory()
    OrganisationMembership.objects.create(
        organisation=organisation,
        user=user,
        role=MembershipRole.ADMIN,
        status=MembershipStatus.ACCEPTED,
    )
    return user


class TestJoining:
    def test_a_member_asks_and_an_admin_accepts(
        self, client, mailoutbox, django_capture_on_commit_callbacks
    ):
        organisation = cf.OrganisationFactory()
        admin = admin_of(organisation)
        member = UserFactory(preferred_language="fr")
        client.force_login(member)
        client.post(reverse("community:organisation_join", args=[organisation.pk]))
        membership = OrganisationMembership.objects.get(user=member)
        assert membership.status == MembershipStatus.PENDING
        # The member cannot accept themselves.
        client.post(
            reverse("community:membership_decide", args=[membership.pk]), {"decision": "accept"}
        )
        membership.refresh_from_db()
        assert membership.status == MembershipStatus.PENDING
        client.force_login(admin)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("community:membership_decide", args=[membership.pk]), {"decision": "accept"}
            )
        membership.refresh_from_db()
        assert membership.status == MembershipStatus.ACCEPTED
        assert membership.decided_by == admin
        assert mailoutbox[-1].to == [member.email]
        assert mailoutbox[-1].extra_headers["Content-Language"] == "fr"

    def test_asking_twice_is_refused(self):
        organisation = cf.OrganisationFactory()
        member = UserFactory()
        service.request_to_join(organisation, member)
        with pytest.raises(service.Refused):
            service.request_to_join(organisation, member)

    def test_admins_appoint_admins_and_the_last_admin_stays(self):
        organisation = cf.OrganisationFactory()
        admin = admin_of(organisation)
        member = UserFactory()
        membership = OrganisationMembership.objects.create(
            organisation=organisation, user=member, status=MembershipStatus.ACCEPTED
        )
        with pytest.raises(service.Refused):
            service.set_role(membership, member, MembershipRole.ADMIN)  # not theirs to decide
        service.set_role(membership, admin, MembershipRole.ADMIN)
        assert membership.is_admin
        own = OrganisationMembership.objects.get(user=admin)
        service.set_role(own, member, MembershipRole.MEMBER)  # the new admin demotes the first
        membership.refresh_from_db()
        with pytest.raises(service.Refused):
            service.set_role(membership, member, MembershipRole.MEMBER)

    def test_editors_manage_any_organisation(self):
        organisation = cf.OrganisationFactory()
        membership = service.request_to_join(organisation, UserFactory())
        editor = UserFactory()
        editor.user_permissions.add(Permission.objects.get(codename="change_organisation"))
        editor = type(editor).objects.get(pk=editor.pk)  # fresh permission cache
        service.decide_membership(membership, editor, accept=False)
        assert membership.status == MembershipStatus.DECLINED


class TestProposals:
    def test_a_proposal_approved_by_an_editor_becomes_an_organisation_with_its_admin(self, client):
        member = UserFactory()
        client.force_login(member)
        response = client.post(
            reverse("community:organisation_propose"),
            {"name": "Zadruga Mlin", "website": "not a url", "helix": "civil-society"},
        )
        assert 'id="id_website_error"' in response.content.decode()
        assert 'value="Zadruga Mlin"' in response.content.decode()
        client.post(
            reverse("community:organisation_propose"),
            {"name": "Zadruga Mlin", "website": "https://mlin.example", "helix": "civil-society"},
        )
        proposal = OrganisationProposal.objects.get()
        with pytest.raises(service.Refused):
            service.approve_proposal(proposal, member)
        editor = UserFactory(is_superuser=True, is_staff=True)
        organisation = service.approve_proposal(proposal, editor)
        assert organisation.name == "Zadruga Mlin"
        assert OrganisationMembership.objects.get(organisation=organisation, user=member).is_admin
        proposal.refresh_from_db()
        assert proposal.status == ProposalStatus.APPROVED
        with pytest.raises(service.Refused):
            service.approve_proposal(proposal, editor)


class TestPublicPage:
    def test_lists_people_who_allow_it_pilot_actions_and_published_ideas(self, client, home):
        organisation = cf.OrganisationFactory(name="Cooperativa Sole")
        for name, visibility in (
            ("Public Person", "public"),
            ("Members Person", "members"),
            ("Hidden Person", "hidden"),
        ):
            OrganisationMembership.objects.create(
                organisation=organisation,
                user=UserFactory(display_name=name, profile_visibility=visibility),
                status=MembershipStatus.ACCEPTED,
            )
        OrganisationMembership.objects.create(
            organisation=organisation,
            user=UserFactory(display_name="Pending Person", profile_visibility="public"),
        )
        index = cf.PilotActionIndexPageFactory(parent=home)
        pilot = cf.PilotActionPageFactory(parent=index, title="Solar cooperative pilot")
        pilot.partners.add(organisation)
        pilot.save_revision().publish()
        call = IdeaCallPageFactory(parent=home)
        IdeaFactory(call=call, organisation=organisation, title="Shared solar roofs")
        IdeaFactory(call=call, organisation=organisation, title="Draft idea", status="draft")
        html = client.get(
            reverse("community:organisation", args=[organisation.pk])
        ).content.decode()
        assert "Cooperativa Sole" in html
        assert "Public Person" in html
        for hidden in ("Members Person", "Hidden Person", "Pending Person", "Draft idea"):
            assert hidden not in html
        assert "Solar cooperative pilot" in html
        assert "Shared solar roofs" in html
        client.force_login(UserFactory())
        html = client.get(
            reverse("community:organisation", args=[organisation.pk])
        ).content.decode()
        assert "Members Person" in html and "Hidden Person" not in html
