"""Ideas as conversations: a public idea's comments are a thread of the discussions (their
posting rules, moderation and notifications apply), opened by its first comment; drafts,
withdrawn ideas, ideas not published by their call and ideas of a restricted call take no
comments; authors' replies are marked; followers hear of comments, and of the idea's status
only as far as `disclosed_status` lets them know it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from community.discussions.factories import DiscussionIndexPageFactory
from community.discussions.ideas import IDEAS_SPACE_SLUG, comment_on_idea, ideas_space
from community.discussions.models import Post, Thread
from community.discussions.permissions import visible_threads
from community.ideas import reviews as review_service
from community.ideas import services as idea_service
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.models import CoAuthorStatus, IdeaCoAuthor, IdeaFollow, IdeaStatus
from community.members.factories import UserFactory
from community.notifications.models import Notification, NotificationKind
from community.notifications.services import still_readable
from tests.community.ideas.review_helpers import make_organiser

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home):
    return DiscussionIndexPageFactory(parent=home)


@pytest.fixture
def author(db):
    return UserFactory(display_name="Ines Author")


@pytest.fixture
def coauthor(db):
    return UserFactory(display_name="Carla Coauthor")


@pytest.fixture
def member(db):
    return UserFactory(display_name="Curious Member")


@pytest.fixture
def idea(home, section, author, coauthor):
    call = IdeaCallPageFactory(parent=home, ideas_public=True)
    idea = IdeaFactory(call=call, author=author, title="Seed library in the old station")
    IdeaCoAuthor.objects.create(idea=idea, user=coauthor, status=CoAuthorStatus.ACCEPTED)
    return idea


def idea_url(idea):
    return reverse("community:idea_detail", args=[idea.pk])


def comment_url(section, idea):
    return section.url + section.reverse_subpage("idea_comment", args=[idea.pk])


def comment(client, section, idea, text, commit=None):
    data = {"body": text, "language": "en"}
    if commit is None:
        return client.post(comment_url(section, idea), data)
    return commit(client.post, comment_url(section, idea), data)


def test_the_first_comment_on_a_public_idea_opens_its_thread_in_the_ideas_space(
    client, section, idea, member
):
    client.force_login(member)
    page = client.get(idea_url(idea)).content.decode()
    assert f'action="{comment_url(section, idea)}"' in page
    assert "No comments yet." in page

    response = comment(client, section, idea, "Which station, exactly?")
    post = Post.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{idea_url(idea)}#post-{post.pk}"
    thread = Thread.objects.get(idea=idea)
    assert thread.space.slug == IDEAS_SPACE_SLUG and thread.title == idea.title
    assert "Which station, exactly?" in client.get(idea_url(idea)).content.decode()

    comment(client, section, idea, "And which days?")
    assert Thread.objects.count() == 1 and thread.posts.count() == 2


def test_a_visitor_reads_the_comments_and_is_asked_to_log_in(client, section, idea, member):
    comment_on_idea(idea, member, body="<p>Lovely idea.</p>", language="en")
    page = client.get(idea_url(idea)).content.decode()
    assert "Lovely idea." in page
    assert "Log in to comment." in page
    assert f'action="{comment_url(section, idea)}"' not in page


def _draft(idea):
    idea.status = IdeaStatus.DRAFT
    idea.save()


def _withdrawn(idea):
    idea.status = IdeaStatus.WITHDRAWN
    idea.save()


def _call_keeps_ideas_private(idea):
    type(idea.call).objects.filter(pk=idea.call_id).update(ideas_public=False)


def _restricted_call(idea):
    PageViewRestriction.objects.create(page=idea.call, restriction_type=PageViewRestriction.LOGIN)


CLOSED = {
    "draft": _draft,
    "withdrawn": _withdrawn,
    "ideas-not-published-by-the-call": _call_keeps_ideas_private,
    "restricted-call": _restricted_call,
}


@pytest.mark.parametrize("case", CLOSED)
def test_an_idea_not_open_to_conversation_has_no_form_and_refuses_a_comment(
    client, section, idea, author, member, case
):
    CLOSED[case](idea)
    client.force_login(author)  # the author still sees their idea
    page = client.get(idea_url(idea)).content.decode()
    assert "Comment on this idea" not in page
    assert comment_url(section, idea) not in page
    for who in (author, member):
        client.force_login(who)
        assert comment(client, section, idea, "Sneaking a comment in").status_code == 404
    assert not Post.objects.exists() and not Thread.objects.exists()


def test_a_withdrawn_ideas_comments_leave_the_discussions_with_it(client, section, idea, member):
    post = comment_on_idea(idea, member, body="<p>Count me in.</p>", language="en")
    thread_url = section.url + section.reverse_subpage("thread", args=[post.thread_id])
    assert client.get(thread_url).status_code == 200
    _withdrawn(idea)
    assert client.get(thread_url).status_code == 404
    assert not visible_threads(member).exists()
    client.force_login(member)
    assert comment(client, section, idea, "Still there?").status_code == 404


def test_no_email_tells_a_comment_on_an_idea_withdrawn_since(idea, author, member):
    post = comment_on_idea(idea, member, body="<p>Count me in.</p>", language="en")
    notification = Notification(
        recipient=author, kind=NotificationKind.REPLY, target=post, subject=idea.title
    )
    assert still_readable(notification, author)
    _withdrawn(idea)
    assert not still_readable(notification, author)


def test_the_authors_replies_are_marked_as_the_authors(
    client, section, idea, author, coauthor, member
):
    for who, text in ((member, "Question"), (author, "Answer"), (coauthor, "Detail")):
        comment_on_idea(idea, who, body=f"<p>{text}</p>", language="en")
    thread = Thread.objects.get(idea=idea)
    thread_url = section.url + section.reverse_subpage("thread", args=[thread.pk])
    for url in (idea_url(idea), thread_url):
        html = client.get(url).content.decode()
        assert html.count("badge--author") == 2
        member_post = html[html.index("Curious Member") : html.index("Question")]
        assert "badge--author" not in member_post


def test_an_anonymously_reviewed_calls_authors_are_not_marked(client, idea, author, member):
    type(idea.call).objects.filter(pk=idea.call_id).update(anonymised_review=True)
    comment_on_idea(idea, author, body="<p>Answer</p>", language="en")
    assert "badge--author" not in client.get(idea_url(idea)).content.decode()


def test_followers_and_authors_hear_of_comments_but_not_the_commenter(
    client, section, idea, author, coauthor, member, commit
):
    follower = UserFactory()
    client.force_login(follower)
    client.post(reverse("community:idea_follow", args=[idea.pk]), {"follow": "1"})
    assert IdeaFollow.objects.filter(idea=idea, user=follower).exists()

    client.force_login(member)
    comment(client, section, idea, "Who runs it?", commit=commit)
    heard = set(
        Notification.objects.filter(kind=NotificationKind.REPLY).values_list(
            "recipient_id", flat=True
        )
    )
    assert heard == {follower.pk, author.pk, coauthor.pk}


def test_a_member_may_follow_only_an_idea_open_to_conversation(client, idea, member):
    _call_keeps_ideas_private(idea)
    client.force_login(member)
    response = client.post(reverse("community:idea_follow", args=[idea.pk]), {"follow": "1"})
    assert response.status_code == 404
    assert not IdeaFollow.objects.exists()


def test_followers_hear_of_the_status_only_once_results_are_published(home, idea, author, commit):
    follower = UserFactory()
    IdeaFollow.objects.create(idea=idea, user=follower)
    organiser = make_organiser(home)

    def heard():
        return list(
            Notification.objects.filter(recipient=follower, kind=NotificationKind.IDEA_FOLLOWED)
            .order_by("pk")
            .values_list("data__status", flat=True)
        )

    commit(idea_service.change_status, [idea], IdeaStatus.UNDER_REVIEW, organiser)
    assert heard() == [IdeaStatus.UNDER_REVIEW.value]
    commit(idea_service.change_status, [idea], IdeaStatus.SELECTED, organiser)
    assert heard() == [IdeaStatus.UNDER_REVIEW.value], "no decision before the results"

    type(idea.call).objects.filter(pk=idea.call_id).update(
        closes_at=timezone.now() - timedelta(minutes=1)
    )
    commit(review_service.publish_results, idea.call.specific, organiser)
    assert heard() == [IdeaStatus.UNDER_REVIEW.value, IdeaStatus.SELECTED.value]
    # The authors are told as authors, never twice as followers.
    assert not Notification.objects.filter(
        recipient=author, kind=NotificationKind.IDEA_FOLLOWED
    ).exists()


def test_a_locked_conversation_takes_no_comment(client, section, idea, member):
    comment_on_idea(idea, member, body="<p>First.</p>", language="en")
    Thread.objects.filter(idea=idea).update(locked=True)
    client.force_login(member)
    page = client.get(idea_url(idea)).content.decode()
    assert "it takes no new comments" in page
    response = comment(client, section, idea, "Second.")
    assert response.status_code == 200 and "locked" in response.content.decode()
    assert Post.objects.count() == 1


def test_the_ideas_space_is_public_and_made_once(idea):
    assert ideas_space().pk == ideas_space().pk
    assert ideas_space().visibility == "public"
