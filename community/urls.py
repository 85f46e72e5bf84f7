"""Member-facing community routes, under the language prefix (/<lang>/community/...)."""

from django.urls import path

from community.conversations import views as conversations
from community.ideas.views import api, gallery, ideas
from community.members import views as profiles
from community.members import writing
from community.moderation import views as moderation_views
from community.newsletter import views as newsletter_views
from community.organisations import views as organisations
from community.participation import views as participation
from community.partnering import views as partnering
from community.privacy import views as privacy
from community.results import views as results
from community.transfers import views as transfers
from community.workshops import views as workshop_views

app_name = "community"

urlpatterns = [
    path("profile/", profiles.edit_profile, name="profile_edit"),
    path("participation/", participation.participation, name="participation"),
    path("members/", profiles.directory, name="directory"),
    path("members/<int:pk>/", profiles.profile, name="profile"),
    path("writing/preview/", writing.preview, name="writing_preview"),
    path("organisations/", organisations.organisation_list, name="organisations"),
    path("organisations/propose/", organisations.propose, name="organisation_propose"),
    path(
        "organisations/export/<str:fmt>/",
        organisations.organisation_export,
        name="organisations_export",
    ),
    path("organisations/<int:pk>/", organisations.organisation_detail, name="organisation"),
    path("organisations/<int:pk>/join/", organisations.join, name="organisation_join"),
    path("memberships/<int:pk>/decide/", organisations.decide, name="membership_decide"),
    path("memberships/<int:pk>/role/", organisations.set_role, name="membership_role"),
    path("memberships/<int:pk>/leave/", organisations.leave, name="membership_leave"),
    path("pilots/<int:page_id>/adapt/", transfers.new_request, name="transfer_new"),
    path("transfers/<int:pk>/", transfers.detail, name="transfer"),
    path("transfers/<int:pk>/adapt/", transfers.adapt, name="transfer_adapt"),
    path("privacy/", privacy.privacy, name="privacy"),
    path("privacy/accept/", privacy.accept_policy, name="policy_accept"),
    path("privacy/export/", privacy.export_request, name="export_request"),
    path("privacy/export/<str:token>/", privacy.export_download, name="export_download"),
    path("privacy/delete/", privacy.delete_account, name="account_delete"),
    path("calls/<int:call_id>/ideas/new/", ideas.new_idea, name="idea_new"),
    path("calls/<int:call_id>/similar/", api.similar, name="similar_ideas"),
    path("calls/<int:call_id>/gallery/", gallery.gallery, name="gallery"),
    path("calls/<int:call_id>/ideas.<str:fmt>", gallery.export, name="ideas_export"),
    path("calls/<int:call_id>/results/", results.results, name="results"),
    path("calls/<int:call_id>/results.<str:fmt>", results.export, name="results_export"),
    path("ideas/<int:pk>/result/", results.make_result, name="idea_make_result"),
    path("results/<int:pk>/update/", results.update, name="result_update"),
    path("results/<int:pk>/follow/", results.follow, name="result_follow"),
    path("ideas/<int:pk>/support/", gallery.toggle_support, name="idea_support"),
    path("ideas/mine/", ideas.my_ideas, name="my_ideas"),
    path("ideas/<int:pk>/", ideas.idea_detail, name="idea_detail"),
    path(
        "ideas/<int:pk>/partners/contact/",
        partnering.contact_for_idea,
        name="idea_partner_contact",
    ),
    path("ideas/<int:pk>/edit/", ideas.edit_idea, name="idea_edit"),
    path("ideas/<int:pk>/follow/", ideas.follow_idea, name="idea_follow"),
    path("ideas/<int:pk>/mentions/", api.mentions, name="idea_mentions"),
    path("ideas/<int:pk>/submit/", ideas.submit_idea, name="idea_submit"),
    path("ideas/<int:pk>/withdraw/", ideas.withdraw_idea, name="idea_withdraw"),
    path("ideas/<int:pk>/coauthors/", ideas.invite_coauthor, name="idea_invite"),
    path(
        "ideas/<int:pk>/attachments/<int:attachment_id>/",
        ideas.attachment,
        name="idea_attachment",
    ),
    path(
        "ideas/<int:pk>/attachments/<int:attachment_id>/remove/",
        ideas.remove_attachment,
        name="idea_attachment_remove",
    ),
    path("invitations/<str:token>/", ideas.invitation, name="invitation"),
    path(
        "discussions/posts/<int:pk>/report/",
        moderation_views.report_post,
        name="report_post",
    ),
    path(
        "discussions/posts/<int:pk>/moderate/block/",
        moderation_views.block_author,
        name="moderate_block",
    ),
    path(
        "discussions/posts/<int:pk>/moderate/<str:action>/",
        moderation_views.moderate_post,
        name="moderate_post",
    ),
    path(
        "discussions/threads/<int:pk>/lock/",
        moderation_views.lock_thread,
        name="moderate_lock",
    ),
    path("messages/", conversations.inbox, name="conversations"),
    path("messages/new/", conversations.new_conversation, name="conversation_new"),
    path("messages/<int:pk>/", conversations.conversation, name="conversation"),
    path("messages/reports/<int:pk>/", conversations.report_message, name="conversation_report"),
    path("messages/block/<int:pk>/", conversations.block, name="conversation_block"),
    path("newsletter/", newsletter_views.subscribe, name="newsletter_subscribe"),
    path("newsletter/check-your-inbox/", newsletter_views.pending, name="newsletter_pending"),
    path("newsletter/confirm/<str:token>/", newsletter_views.confirm, name="newsletter_confirm"),
    path(
        "newsletter/unsubscribe/<str:token>/",
        newsletter_views.unsubscribe,
        name="newsletter_unsubscribe",
    ),
    path("newsletter/mine/", newsletter_views.manage, name="newsletter_manage"),
    path(
        "workshops/<int:page_id>/contribute/",
        workshop_views.contribute,
        name="workshop_contribute",
    ),
    path(
        "workshops/<int:page_id>/groups/",
        workshop_views.create_group,
        name="workshop_group_new",
    ),
    path(
        "workshops/<int:page_id>/synthesis/",
        workshop_views.synthesis,
        name="workshop_synthesis",
    ),
    path(
        "workshops/contributions/<int:pk>/comment/",
        workshop_views.comment,
        name="contribution_comment",
    ),
    path(
        "workshops/contributions/<int:pk>/support/",
        workshop_views.toggle_support,
        name="contribution_support",
    ),
    path(
        "workshops/contributions/<int:pk>/group/",
        workshop_views.assign_group,
        name="contribution_group",
    ),
    path(
        "workshops/contributions/<int:pk>/image/",
        workshop_views.image,
        name="contribution_image",
    ),
]
