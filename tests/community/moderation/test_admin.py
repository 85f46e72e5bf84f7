"""The moderators' queue in the Wagtail admin: what it lists, the actions through its URLs,
who may use them, what the author then sees, and its query count."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.roles import ensure_roles
from community.discussions import posting
from community.discussions.factories import (
    DiscussionIndexPageFactory,
    DiscussionSpaceFactory,
    PostFactory,
    ThreadFactory,
)
from community.discussions.models import MemberBlock, PostStatus
from community.members.factories import UserFactory
from community.moderation import services as service
from community.moderation.models import Report, ReportReason

pytestmark = pytest.mark.django_db

QUEUE = "community_moderation:queue"


def make_moderator(**kwargs):
    """A member of "Moderators" (admin access), two-factor set up as the admin requires."""
    group = Group.objects.filter(name="Moderators").first()
    if group is None or not group.permissions.filter(codename="access_admin").exists():
        ensure_roles()  # what `migrate` runs; the reused test database may predate the role
    user = UserFactory(two_factor=True, **kwargs)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def moderator(db):
    return make_moderator(display_name="Mona Moderator")


@pytest.fixture
def space(moderator):
    return DiscussionSpaceFactory(title="Food access", moderators=[moderator])


@pytest.fixture
def post(home, space):
    DiscussionIndexPageFactory(parent=home)
    return PostFactory(
        thread=ThreadFactory(space=space, title="Markets"),
        author=UserFactory(display_name="Spammy Sam"),
        body="<p>Cheap watches here</p>",
    )


def reported(post, count=1):
    for _number in range(count):
        service.report_post(
            post, UserFactory(), reason=ReportReason.SPAM, details="Same link everywhere"
        )


def action_url(post, action):
    return reverse("community_moderation:post_action", args=[post.pk, action])


class TestTheQueue:
    def test_lists_reported_posts_with_their_reports(self, client, moderator, post):
        reported(post, 2)
        client.force_login(moderator)
        html = client.get(reverse(QUEUE)).content.decode()
        assert "Cheap watches here" in html
        assert "Same link everywhere" in html
        assert "2 open reports" in html

    def test_report_hide_then_the_author_alone_sees_the_reason(self, client, moderator, post):
        reported(post)
        client.force_login(moderator)
        response = client.post(action_url(post, "hide"), {"reason": "No advertising, please."})
        assert response.status_code == 302
        post.refresh_from_db()
        assert post.status == PostStatus.HIDDEN
        assert not Report.objects.open().exists()

        thread_url = post.thread.get_absolute_url()
        client.force_login(post.author)
        html = client.get(thread_url).content.decode()
        assert "Cheap watches here" in html
        assert "No advertising, please." in html
        client.force_login(UserFactory())
        html = client.get(thread_url).content.decode()
        assert "Cheap watches here" not in html
        assert "No advertising, please." not in html

    def test_hiding_without_a_reason_says_so_beside_the_post(self, client, moderator, post):
        reported(post)
        client.force_login(moderator)
        response = client.post(action_url(post, "hide"), {"reason": ""})
        assert response.status_code == 400
        html = response.content.decode()
        assert f'id="reason-hide-{post.pk}-error"' in html
        post.refresh_from_db()
        assert post.status == PostStatus.PUBLISHED

    def test_restore_approve_and_reject_through_the_admin(self, client, moderator, post, space):
        client.force_login(moderator)
        client.post(action_url(post, "hide"), {"reason": "Checking."})
        client.post(action_url(post, "restore"), {"reason": ""})
        post.refresh_from_db()
        assert post.status == PostStatus.PUBLISHED

        waiting = PostFactory(thread=post.thread, status=PostStatus.PENDING, body="<p>New</p>")
        assert "<p>New</p>" in client.get(reverse(QUEUE)).content.decode()
        client.post(action_url(waiting, "approve"), {"reason": ""})
        waiting.refresh_from_db()
        assert waiting.status == PostStatus.PUBLISHED

        other = PostFactory(thread=post.thread, status=PostStatus.PENDING)
        client.post(action_url(other, "reject"), {"reason": "Not about food access."})
        other.refresh_from_db()
        assert (other.status, other.hidden_reason) == (PostStatus.HIDDEN, "Not about food access.")

    def test_lock_and_block_then_unblock(self, client, moderator, post):
        client.force_login(moderator)
        client.post(
            reverse("community_moderation:thread_lock", args=[post.thread_id]), {"locked": "1"}
        )
        post.thread.refresh_from_db()
        assert post.thread.locked

        block_url = reverse("community_moderation:block", args=[post.pk])
        response = client.post(block_url, {"reason": "", "duration": "until", "until": ""})
        assert response.status_code == 400
        assert "Choose the date the block ends." in response.content.decode()
        response = client.post(block_url, {"reason": "Spam.", "duration": "forever"})
        assert response.status_code == 302
        block = MemberBlock.objects.get()
        assert (block.member, block.until, block.space) == (
            post.author,
            None,
            post.thread.space,
        )
        assert "for good" in posting.posting_refusal(post.author, post.thread.space)

        client.post(reverse("community_moderation:unblock", args=[block.pk]))
        assert posting.posting_refusal(post.author, post.thread.space) is None


class TestWhoMayAct:
    def test_a_moderator_of_another_space_is_refused_on_every_admin_url(self, client, post):
        stranger = make_moderator()
        DiscussionSpaceFactory(moderators=[stranger])
        reported(post)
        block = MemberBlock.objects.create(
            member=post.author, space=post.thread.space, reason="x", created_by=None
        )
        client.force_login(stranger)
        for url, data in [
            (action_url(post, "hide"), {"reason": "mine now"}),
            (action_url(post, "dismiss"), {}),
            (reverse("community_moderation:thread_lock", args=[post.thread_id]), {"locked": "1"}),
            (reverse("community_moderation:block", args=[post.pk]), {"reason": "x"}),
            (reverse("community_moderation:unblock", args=[block.pk]), {}),
        ]:
            response = client.post(url, data)
            # Wagtail turns a refusal into a redirect to the dashboard with a message.
            assert response.status_code in (302, 403), url
            assert response.status_code == 403 or response.url == reverse("wagtailadmin_home")
        post.refresh_from_db()
        post.thread.refresh_from_db()
        assert post.status == PostStatus.PUBLISHED
        assert not post.thread.locked
        block.refresh_from_db()
        assert block.lifted_at is None
        # Their queue lists only their own spaces.
        html = client.get(reverse(QUEUE)).content.decode()
        assert "No open report." in html
        assert "Cheap watches" not in html

    def test_admin_users_who_moderate_nothing_get_no_queue(self, client, post):
        client.force_login(make_moderator())
        response = client.get(reverse(QUEUE))
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")

    def test_members_without_admin_access_never_reach_it(self, client, post):
        client.force_login(UserFactory())
        response = client.post(action_url(post, "hide"), {"reason": "x"})
        assert response.status_code == 302  # to the login page, as for every admin URL
        post.refresh_from_db()
        assert post.status == PostStatus.PUBLISHED

    def test_staff_moderate_every_space(self, client, post):
        client.force_login(UserFactory(is_staff=True, is_superuser=True))
        client.post(action_url(post, "hide"), {"reason": "Spam."})
        post.refresh_from_db()
        assert post.status == PostStatus.HIDDEN


def test_the_dashboard_counts_open_reports_and_waiting_posts(client, moderator, post):
    reported(post, 2)
    PostFactory(thread=post.thread, status=PostStatus.PENDING)
    client.force_login(moderator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "2 open reports" in html
    assert "1 post waiting for approval" in html
    client.force_login(make_moderator())  # moderates nothing: no panel
    assert "open report" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_queue_query_count_does_not_grow_with_the_reports(
    client, moderator, space, home, django_assert_num_queries, settings
):
    # Reported posts only: three reports would otherwise hide each one (listed twice then).
    settings.MODERATION_AUTO_HIDE_REPORTS = 0
    DiscussionIndexPageFactory(parent=home)
    client.force_login(moderator)

    def add_reported_posts(count):
        for _number in range(count):
            reported(PostFactory(thread=ThreadFactory(space=space)), 3)

    add_reported_posts(1)
    client.get(reverse(QUEUE))  # warm the per-process caches (site root, locales)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse(QUEUE)).status_code == 200
    add_reported_posts(10)
    with django_assert_num_queries(len(few)):
        response = client.get(reverse(QUEUE))
    assert response.content.decode().count("data-post=") == 11


def test_naming_a_member_moderator_of_a_space_opens_the_queue_to_them(client, db):
    ensure_roles()
    member = UserFactory(two_factor=True)
    space = DiscussionSpaceFactory(title="Premises")
    client.force_login(member)
    assert client.get(reverse(QUEUE)).status_code != 200

    space.moderators.add(member)
    assert member.groups.filter(name="Moderators").exists()
    assert client.get(reverse(QUEUE)).status_code == 200


def test_a_moderator_named_from_the_member_side_joins_the_role_too(db):
    ensure_roles()
    member = UserFactory()
    member.moderated_spaces.add(DiscussionSpaceFactory())
    assert member.groups.filter(name="Moderators").exists()
