"""In a browser: a newcomer signs up accepting the privacy policy, confirms the email (link
read from the test mailbox), completes the profile, submits an idea with an attachment; then a
reviewer logs in with two-factor authentication and scores it in the admin."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from cms.factories import CountryFactory, make_site
from cms.roles import ensure_roles
from community.ideas.factories import IdeaCallPageFactory
from community.ideas.models import Idea, IdeaStatus, Review
from community.members.factories import UserFactory
from community.members.models import Consent, PrivacyPolicyVersion
from tests.totp import current_code

PASSWORD = "a-Long-and-unusual-passphrase-42"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def home(transactional_db):
    return make_site()


def test_a_newcomer_submits_an_idea_and_a_reviewer_scores_it(
    open_page, live_server, home, tmp_path
):
    ensure_roles()
    PrivacyPolicyVersion.objects.create(
        version="2026-11", effective_at=timezone.now() - timedelta(days=1)
    )
    CountryFactory(name="Croatia", code="HR")
    reviewer = UserFactory(email="reviewer@example.org", two_factor=True)
    reviewer.set_password(PASSWORD)
    reviewer.save()
    reviewer.groups.add(Group.objects.get(name="Reviewers"))
    call = IdeaCallPageFactory(parent=home, title="Ideas for Istria", reviewers=[reviewer])

    # Sign up, accepting the privacy policy.
    page = open_page()
    page.goto(f"{live_server.url}/en/accounts/signup/")
    page.get_by_label("Email").fill("ana@example.org")
    page.get_by_label("Display name").fill("Ana Kovač")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label(re.compile("Password \\(again\\)")).fill(PASSWORD)
    page.get_by_label("I have read and accept the privacy policy.").check()
    page.get_by_role("button", name="Sign up", exact=True).click()
    page.wait_for_url(re.compile(r"confirm-email"))
    assert Consent.objects.get(user__email="ana@example.org").version == "2026-11"

    # Verify the address with the link from the mailbox.
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + re.sub(r"^https?://[^/]+", "", link))
    page.get_by_role("button", name="Confirm").click()
    # Signed in: the header shows the account menu (which holds "Log out").
    page.locator(".account-menu summary").wait_for()

    # Complete the profile.
    page.goto(f"{live_server.url}/en/community/profile/")
    page.get_by_label("Role").fill("Programme coordinator")
    page.get_by_label("Country").select_option(label="Croatia")
    page.get_by_label("Hrvatski").check()
    page.locator("#id_stakeholder_type").select_option("civil-society")
    page.locator("#id_time_zone").select_option("Europe/Zagreb")
    page.get_by_label("Everyone").check()
    page.get_by_role("button", name="Save profile").click()
    page.get_by_text("Your profile has been saved.").wait_for()

    # Submit an idea with an attachment.
    page.goto(f"{live_server.url}{call.url}")
    page.get_by_role("link", name="Submit an idea").click()
    page.get_by_label("Title").fill("Repair cafés in Istrian villages")
    page.get_by_label("Summary").fill("Volunteers and neighbours repair appliances together.")
    page.get_by_label("Problem").fill("<p>Broken things end up in landfill.</p>")
    page.get_by_label("Proposed solution").fill("<p>A travelling <strong>repair café</strong>.</p>")
    attachment = tmp_path / "plan.pdf"
    attachment.write_bytes(PDF)
    page.get_by_label("Attachments").set_input_files(str(attachment))
    page.get_by_role("button", name="Submit idea").click()
    page.get_by_text("Your idea has been submitted.").wait_for()
    idea = Idea.objects.get()
    assert idea.status == IdeaStatus.SUBMITTED
    assert idea.attachments.get().mime_type == "application/pdf"
    assert page.get_by_role("link", name="plan.pdf").count() == 1

    # The reviewer logs in with a second factor and scores every criterion.
    admin = open_page()
    admin.goto(f"{live_server.url}/admin/idea-review/")
    admin.wait_for_url(re.compile(r"/en/accounts/login/"))
    admin.get_by_label("Email").fill("reviewer@example.org")
    admin.get_by_label("Password").fill(PASSWORD)
    admin.get_by_role("button", name="Log in", exact=True).click()
    admin.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
    admin.get_by_label("Code").fill(current_code(reviewer.totp_secret))
    # allauth's own two-factor page (its wording, translated by allauth's catalogues).
    admin.get_by_role("button", name="Sign In").click()
    admin.wait_for_url(re.compile(r"/admin/idea-review/"))
    admin.get_by_role("link", name="Review ideas").click()
    admin.get_by_role("link", name="Repair cafés in Istrian villages").click()
    for criterion, score in zip(call.criteria.all(), ("4", "5"), strict=True):
        admin.locator(f"input[name='criterion_{criterion.pk}'][value='{score}']").check()
    admin.get_by_label("Comment").fill("Convincing and feasible.")
    admin.get_by_role("button", name="Save review").click()
    admin.get_by_text("Your review has been saved.").wait_for()
    review = Review.objects.get()
    assert review.reviewer == reviewer and review.idea == idea
    assert sorted(review.scores.values_list("score", flat=True)) == [4, 5]
