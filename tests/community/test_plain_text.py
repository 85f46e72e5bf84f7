"""Plain text is stored as typed and escaped once, on output.

Names, titles, summaries, bios and reasons were HTML-escaped before they were saved, so "R&D"
showed as "R&amp;D" on pages (escaped a second time) and in the CSV and JSON exports. Only rich
text goes through the sanitiser (cms/sanitiser.py); every field below is plain text.
"""

import csv
import importlib
import io
import json

import pytest
from django.urls import reverse

from community.discussions.factories import DiscussionSpaceFactory, PostFactory, ThreadFactory
from community.discussions.models import MemberBlock
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.models import Review
from community.members.factories import UserFactory
from community.members.profile_forms import ProfileForm
from community.moderation.models import ModerationAction, ModerationActionKind, Report
from community.organisations.forms import OrganisationProposalForm
from community.workshops.factories import ContributionFactory
from community.workshops.models import ContributionComment, ContributionGroup

pytestmark = pytest.mark.django_db

TYPED = 'R&D <lab> "Nova" & co'  # the characters an escape would change
ESCAPED_ONCE = "R&amp;D &lt;lab&gt; &quot;Nova&quot; &amp; co"


def _user(value, field):
    return UserFactory(**{field: value})


def _profile_form(value, field):
    member = UserFactory()
    data = {
        "display_name": "Ana",
        "role": "Researcher",
        "bio": "About me",
        "time_zone": "Europe/Zagreb",
        "preferred_language": "en",
        "profile_visibility": "public",
        field: value,
    }
    form = ProfileForm(data, instance=member)
    assert form.is_valid(), form.errors
    return form.save()


def _proposal_form(value, field):
    data = {"name": "Nova coop", "description": "We cook.", field: value}
    form = OrganisationProposalForm(data)
    assert form.is_valid(), form.errors
    form.instance.proposed_by = UserFactory()
    return form.save()


def _review(value, field):
    return Review.objects.create(idea=IdeaFactory(), reviewer=UserFactory(), **{field: value})


def _block(value, field):
    return MemberBlock.objects.create(member=UserFactory(), **{field: value})


def _report(value, field):
    return Report.objects.create(
        post=PostFactory(), reporter=UserFactory(), reason="spam", **{field: value}
    )


def _action(value, field):
    return ModerationAction.objects.create(action=ModerationActionKind.HIDE, **{field: value})


def _group(value, field):
    return ContributionGroup.objects.create(workshop=ContributionFactory().workshop, heading=value)


def _comment(value, field):
    return ContributionComment.objects.create(
        contribution=ContributionFactory(), author=UserFactory(), text=value
    )


# Every plain-text field that was escaped before it was saved, and how members write it.
PLAIN_TEXT_FIELDS = {
    "User.display_name (profile form)": (_profile_form, "display_name"),
    "User.role (profile form)": (_profile_form, "role"),
    "User.bio (profile form)": (_profile_form, "bio"),
    "User.bio (saved directly)": (_user, "bio"),
    "OrganisationProposal.name (form)": (_proposal_form, "name"),
    "OrganisationProposal.description (form)": (_proposal_form, "description"),
    "Idea.title": (lambda v, f: IdeaFactory(**{f: v}), "title"),
    "Idea.summary": (lambda v, f: IdeaFactory(**{f: v}), "summary"),
    "Review.comment": (_review, "comment"),
    "DiscussionSpace.title": (lambda v, f: DiscussionSpaceFactory(**{f: v}), "title"),
    "DiscussionSpace.description": (lambda v, f: DiscussionSpaceFactory(**{f: v}), "description"),
    "Thread.title": (lambda v, f: ThreadFactory(**{f: v}), "title"),
    "Post.hidden_reason": (lambda v, f: PostFactory(**{f: v}), "hidden_reason"),
    "MemberBlock.reason": (_block, "reason"),
    "Report.details": (_report, "details"),
    "ModerationAction.reason": (_action, "reason"),
    "ContributionGroup.heading": (_group, "heading"),
    "ContributionComment.text": (_comment, "text"),
}


@pytest.mark.parametrize(("make", "field"), PLAIN_TEXT_FIELDS.values(), ids=PLAIN_TEXT_FIELDS)
def test_plain_text_reaches_the_database_exactly_as_typed(make, field):
    saved = make(TYPED, field)
    saved.refresh_from_db()
    assert getattr(saved, field) == TYPED


def test_a_members_name_role_and_bio_show_escaped_exactly_once_on_their_profile(client):
    member = UserFactory(display_name=TYPED, role=TYPED, bio=TYPED, profile_visibility="public")
    html = client.get(reverse("community:profile", args=[member.pk])).content.decode()
    assert html.count(ESCAPED_ONCE) >= 3
    assert "&amp;amp;" not in html and "&amp;lt;" not in html
    assert "<lab>" not in html  # escaped, never markup


def test_an_ideas_title_and_summary_show_escaped_once_and_leave_the_exports_raw(client, home):
    call = IdeaCallPageFactory(parent=home)
    idea = IdeaFactory(call=call, title=TYPED, summary=TYPED)
    html = client.get(reverse("community:idea_detail", args=[idea.pk])).content.decode()
    assert ESCAPED_ONCE in html
    assert "&amp;amp;" not in html and "<lab>" not in html

    body = client.get(reverse("community:ideas_export", args=[call.pk, "json"])).content
    record = json.loads(body)["ideas"][0]
    assert (record["title"], record["summary"]) == (TYPED, TYPED)
    csv_text = client.get(reverse("community:ideas_export", args=[call.pk, "csv"])).content
    row = next(csv.DictReader(io.StringIO(csv_text.decode("utf-8-sig"))))
    assert (row["title"], row["summary"]) == (TYPED, TYPED)


def test_plain_text_emails_carry_member_text_as_typed(mailoutbox):
    from types import SimpleNamespace

    from cms.mail import send_templated_mail

    member = UserFactory(display_name=TYPED)
    idea = SimpleNamespace(pk=1, title=TYPED)
    send_templated_mail(
        "community_idea_status",
        member,
        {
            "idea": idea,
            "call": SimpleNamespace(title="Call"),
            "to_status": SimpleNamespace(label="Won"),
        },
    )
    message = mailoutbox[0]
    assert TYPED in message.subject
    assert f"Hello {TYPED}," in message.body
    assert "&amp;" not in message.subject + message.body


def test_the_migration_turns_the_old_escapes_back_into_what_was_typed_and_only_those():
    from django.apps import apps

    migration = importlib.import_module("community.migrations.0014_store_plain_text_as_typed")
    escaped = IdeaFactory(title="R&amp;D &lt;lab&gt; &quot;Nova&quot;", summary="a &amp;lt; b")
    # Raw "<" or a bare "&": not the old sanitiser's output (saved another way), left alone.
    untouched = IdeaFactory(title="Fish & chips &amp; more", summary="x < y &amp; z")
    migration.store_as_typed(apps, None)
    escaped.refresh_from_db()
    untouched.refresh_from_db()
    assert escaped.title == "R&D <lab> &quot;Nova&quot;"  # quotes were never escaped by it
    assert escaped.summary == "a &lt; b"  # one level only: a typed "&lt;" stays "&lt;"
    assert (untouched.title, untouched.summary) == ("Fish & chips &amp; more", "x < y &amp; z")

    migration.escape_again(apps, None)
    escaped.refresh_from_db()
    assert escaped.title == "R&amp;D &lt;lab&gt; &quot;Nova&quot;"
