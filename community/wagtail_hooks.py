"""Community in the Wagtail admin: privacy policy versions (snippet) and idea review."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.discussions import admin as _discussion_admin  # noqa: F401 - registers its snippet
from community.ideas import admin_views
from community.members.models import PrivacyPolicyVersion
from community.moderation import admin as moderation_admin
from community.newsletter import admin as newsletter_admin
from community.newsletter.models import NewsletterPage
from community.organisations import admin_views as proposal_views
from community.organisations.permissions import can_review_proposals
from community.results import admin_views as result_views


class PrivacyPolicyVersionViewSet(SnippetViewSet):
    model = PrivacyPolicyVersion
    icon = "doc-full"
    menu_label = _("Privacy policy versions")
    list_display = ["version", "effective_at"]
    add_to_settings_menu = True


register_snippet(PrivacyPolicyVersionViewSet)

review_urls = [
    path("", admin_views.index, name="index"),
    path("calls/<int:call_id>/", admin_views.call_ideas, name="call"),
    path("calls/<int:call_id>/conflicts/", admin_views.declare_conflict, name="conflict"),
    path("calls/<int:call_id>/ranking/", admin_views.ranking, name="ranking"),
    path("calls/<int:call_id>/publish/", admin_views.publish, name="publish"),
    path(
        "calls/<int:call_id>/export.<str:fmt>/",
        admin_views.export,
        name="export",
    ),
    path("ideas/<int:idea_id>/", admin_views.review_idea, name="idea"),
    path("calls/<int:call_id>/results/", result_views.call_results, name="results"),
    path("ideas/<int:idea_id>/result/", result_views.make_result, name="make_result"),
]


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("idea-review/", include((review_urls, "community_review")))]


@hooks.register("register_admin_urls")
def register_proposal_urls():
    return [
        path(
            "organisation-proposals/",
            include(([path("", proposal_views.proposals, name="index")], "community_proposals")),
        )
    ]


class ProposalsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_review_proposals(request.user)


@hooks.register("register_admin_menu_item")
def register_proposals_menu_item():
    return ProposalsMenuItem(
        _("Organisation proposals"),
        reverse("community_proposals:index"),
        icon_name="group",
        order=260,
    )


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.has_review_work(request.user)


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return ReviewMenuItem(
        _("Idea review"), reverse("community_review:index"), icon_name="pick", order=250
    )


newsletter_urls = [
    path("<int:page_id>/", newsletter_admin.issue, name="issue"),
    path("<int:page_id>/email/", newsletter_admin.email_preview, name="email"),
    path("<int:page_id>/fill/", newsletter_admin.fill, name="fill"),
    path("<int:page_id>/test/", newsletter_admin.send_test, name="test"),
    path("<int:page_id>/send/", newsletter_admin.send, name="send"),
    path("<int:page_id>/resume/", newsletter_admin.resume, name="resume"),
]


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [path("newsletter/", include((newsletter_urls, "community_newsletter")))]


@hooks.register("register_page_header_buttons")
def newsletter_header_button(page, user, view_name, next_url=None):
    if (
        isinstance(page.specific_deferred, NewsletterPage)
        and page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            _("Newsletter: fill, test, send"),
            reverse("community_newsletter:issue", args=[page.pk]),
            icon_name="mail",
            priority=5,
        )


# The moderators' queue (community/moderation/admin.py): menu item and dashboard count for
# whoever moderates a space, and staff.
@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path(
            "moderation/",
            include((moderation_admin.urlpatterns, "community_moderation")),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return moderation_admin.ModerationMenuItem(
        _("Moderation"), reverse("community_moderation:queue"), icon_name="warning", order=270
    )


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    panels.append(moderation_admin.ModerationPanel(request.user))
