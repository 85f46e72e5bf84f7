"""Community demo content: profiles of the demo accounts, organisation memberships, the 3DI
call of November 2019 with its results, and an open call with ideas in every state, reviews
that disagree on one idea and a declared conflict of interest.

Idempotent: a second run finds everything by its key and changes nothing new. The texts live
in demo.json beside this module.
"""

import json
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Site

from cms.demo.builder import synchronise_language_trees
from cms.demo.localize import sync_translated_section
from cms.demo.sync import stable_key
from cms.models import Country, HomePage, Organisation, Topic
from community.ideas.models import (
    ConflictOfInterest,
    Idea,
    IdeaCallCriterion,
    IdeaCallIndexPage,
    IdeaCallPage,
    IdeaCallReviewer,
    IdeaStatus,
    IdeaStatusChange,
    Review,
    ReviewScore,
)
from community.members.consent import record_consent
from community.members.demo import DEMO_ACCOUNTS
from community.members.models import PrivacyPolicyVersion
from community.organisations.models import MembershipRole, MembershipStatus, OrganisationMembership

__all__ = ["DEMO_POLICY_VERSION", "build_community_demo"]

DATA = Path(__file__).with_name("demo.json")
DEMO_POLICY_VERSION = "2026-11"
# The lifecycle each demo status went through, so every idea has a believable history.
PATHS = {
    IdeaStatus.DRAFT: [IdeaStatus.DRAFT],
    IdeaStatus.SUBMITTED: [IdeaStatus.DRAFT, IdeaStatus.SUBMITTED],
    IdeaStatus.WITHDRAWN: [IdeaStatus.DRAFT, IdeaStatus.SUBMITTED, IdeaStatus.WITHDRAWN],
    IdeaStatus.UNDER_REVIEW: [IdeaStatus.DRAFT, IdeaStatus.SUBMITTED, IdeaStatus.UNDER_REVIEW],
    IdeaStatus.SHORTLISTED: [
        IdeaStatus.DRAFT,
        IdeaStatus.SUBMITTED,
        IdeaStatus.UNDER_REVIEW,
        IdeaStatus.SHORTLISTED,
    ],
    IdeaStatus.SELECTED: [
        IdeaStatus.DRAFT,
        IdeaStatus.SUBMITTED,
        IdeaStatus.UNDER_REVIEW,
        IdeaStatus.SELECTED,
    ],
    IdeaStatus.NOT_SELECTED: [
        IdeaStatus.DRAFT,
        IdeaStatus.SUBMITTED,
        IdeaStatus.UNDER_REVIEW,
        IdeaStatus.NOT_SELECTED,
    ],
}


def _organisation(key):
    return Organisation.objects.filter(
        translation_key=stable_key("organisation", key), locale=Locale.get_default()
    ).first()


def _users():
    emails = [account.email for account in DEMO_ACCOUNTS]
    return {user.email: user for user in get_user_model().objects.filter(email__in=emails)}


def _profiles(data, users):
    for email, profile in data.items():
        user = users.get(email)
        if user is None:
            continue
        user.stakeholder_type = profile["stakeholder_type"]
        user.country = Country.objects.filter(
            code=profile["country"], locale=Locale.get_default()
        ).first()
        user.languages = profile["languages"]
        user.role = profile["role"]
        user.bio = profile["bio"]
        user.time_zone = profile["time_zone"]
        user.profile_visibility = profile["visibility"]
        user.open_to_partnering = profile.get("open_to_partnering", False)
        organisation = _organisation(profile["organisation"])
        user.organisation = organisation
        user.save()
        user.topics.set(
            Topic.objects.filter(slug__in=profile["topics"], locale=Locale.get_default())
        )
        if organisation is not None:
            OrganisationMembership.objects.update_or_create(
                organisation=organisation,
                user=user,
                defaults={
                    "status": MembershipStatus.ACCEPTED,
                    "role": MembershipRole.ADMIN
                    if profile["org_role"] == "admin"
                    else MembershipRole.MEMBER,
                },
            )


def _consents(users):
    version, _created = PrivacyPolicyVersion.objects.get_or_create(
        version=DEMO_POLICY_VERSION,
        defaults={"effective_at": datetime(2026, 11, 1, tzinfo=timezone.get_current_timezone())},
    )
    for user in users.values():
        record_consent(user, version.version)


def _when(data, absolute, relative_days):
    if absolute in data:
        return datetime.fromisoformat(data[absolute])
    # Midnight of today, so a second run on the same day finds the same dates.
    today = datetime.combine(timezone.localdate(), datetime.min.time())
    return timezone.make_aware(today) + timedelta(days=data[relative_days])


def _call(home, data, users):
    key = stable_key("page", f"idea-call-{data['key']}")
    call = IdeaCallPage.objects.filter(translation_key=key, locale=home.locale).first()
    values = {
        "title": data["title"],
        "summary": data["summary"],
        "introduction": data["introduction"],
        "eligibility": data["eligibility"],
        "rubric": data["rubric"],
        "opens_at": _when(data, "opens_at", "opens_days"),
        "closes_at": _when(data, "closes_at", "closes_days"),
        "time_zone": data["time_zone"],
        "ideas_public": data["ideas_public"],
        "anonymised_review": data.get("anonymised_review", False),
        "asks_for_consortia": data.get("asks_for_consortia", False),
        "wanted_helixes": data.get("wanted_helixes", []),
        "results_published_at": datetime.fromisoformat(data["results_published_at"])
        if data.get("results_published_at")
        else None,
        "results_text": data.get("results_text", ""),
    }
    themes = list(Topic.objects.filter(slug__in=data["themes"], locale=home.locale))
    if call is None:
        call = IdeaCallPage(slug=data["slug"], translation_key=key, locale=home.locale, **values)
        home.add_child(instance=call)
        changed = True
    else:
        # An open call's dates follow today, so it stays open on every run.
        changed = any(getattr(call, name) != value for name, value in values.items())
        changed |= {t.pk for t in call.themes.all()} != {t.pk for t in themes}
        for name, value in values.items():
            setattr(call, name, value)
    if changed:
        call.themes.set(themes)
        call.save_revision().publish()
    _translate(call, data.get("it", {}), source_changed=changed)
    for order, (name, weight) in enumerate(data["criteria"]):
        IdeaCallCriterion.objects.update_or_create(
            page=call, name=name, defaults={"weight": Decimal(weight), "sort_order": order}
        )
    for email in data["reviewers"]:
        if email in users:
            IdeaCallReviewer.objects.get_or_create(page=call, user=users[email])
    return call


# The call's texts an Italian translation gives; any it leaves out stays in English.
TRANSLATED_FIELDS = ("title", "summary", "introduction", "eligibility", "rubric", "results_text")


def _translate(call, texts, source_changed):
    """An Italian translation of the call (the demo's second language), published when it is
    new or when the source or its Italian texts changed."""
    italian = Locale.objects.filter(language_code="it").first()
    if italian is None or call.get_parent().get_translation_or_none(italian) is None:
        return  # no Italian tree (a bare test site): the call gets an alias there instead
    translation = call.get_translation_or_none(italian)
    if translation is not None and translation.alias_of_id:
        translation.delete()  # an alias from an earlier run becomes a real translation
        translation = None
    if translation is None:
        translation = call.copy_for_translation(italian)
        source_changed = True
    translation = translation.specific
    values = {
        field: getattr(call, field)
        for field in ("opens_at", "closes_at", "results_published_at", "time_zone")
    }
    values.update({field: texts.get(field, getattr(call, field)) for field in TRANSLATED_FIELDS})
    if not source_changed and all(getattr(translation, k) == v for k, v in values.items()):
        return
    for field, value in values.items():
        setattr(translation, field, value)
    translation.save_revision().publish()


def _idea(call, data, users):
    author = users[data["author"]]
    status = IdeaStatus(data["status"])
    idea, created = Idea.objects.get_or_create(
        call=call,
        title=data["title"],
        defaults={
            "author": author,
            "summary": data["summary"],
            "problem": data.get("problem", ""),
            "solution": data.get("solution", ""),
            "target_group": data.get("target_group", ""),
            "impact": data.get("impact", ""),
            "team": data.get("team", ""),
            "budget_estimate": Decimal(data["budget"]) if data.get("budget") else None,
            "language": data["language"],
            "organisation": _organisation(data["organisation"])
            if data.get("organisation")
            else None,
            "status": status,
            "created_at": call.opens_at + timedelta(days=2),
            "submitted_at": call.opens_at + timedelta(days=5)
            if status != IdeaStatus.DRAFT
            else None,
        },
    )
    if created:
        previous = ""
        for step, to_status in enumerate(PATHS[status]):
            IdeaStatusChange.objects.create(
                idea=idea,
                from_status=previous,
                to_status=to_status,
                changed_by=author
                if to_status in (IdeaStatus.DRAFT, IdeaStatus.SUBMITTED, IdeaStatus.WITHDRAWN)
                else users.get("editor@example.org"),
                changed_at=min(call.opens_at + timedelta(days=2 + 5 * step), timezone.now()),
            )
            previous = to_status
    criteria = list(call.criteria.order_by("sort_order"))
    for email, scores in data.get("scores", {}).items():
        review, _created = Review.objects.get_or_create(
            idea=idea, reviewer=users[email], defaults={"comment": _comment(scores)}
        )
        for criterion, score in zip(criteria, scores, strict=True):
            ReviewScore.objects.update_or_create(
                review=review, criterion=criterion, defaults={"score": score}
            )
    return idea


def _comment(scores):
    mean = sum(scores) / len(scores)
    if mean >= 4:
        return "Convincing and well prepared; ready for support."
    if mean >= 3:
        return "A good idea; the plan needs more detail."
    return "The need is real, but the proposal is not yet feasible."


def build_community_demo():
    """Profiles, memberships, consents and the two idea calls; returns the calls."""
    users = _users()
    data = json.loads(DATA.read_text(encoding="utf-8"))
    _profiles(data["profiles"], users)
    _consents(users)
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        return []
    # "Calls for ideas", in the menus' "take part" group, in every language.
    sync_translated_section(
        home, IdeaCallIndexPage, "calls", data["calls_index"], key="idea-calls-index"
    )
    calls = []
    for call_data in data["calls"]:
        call = _call(home, call_data, users)
        ideas = {item["title"]: _idea(call, item, users) for item in call_data["ideas"]}
        for conflict in call_data.get("conflicts", []):
            ConflictOfInterest.objects.get_or_create(
                reviewer=users[conflict["reviewer"]],
                idea=ideas[conflict["idea"]],
                defaults={"reason": conflict["reason"]},
            )
        calls.append(call)
    # The new pages get their place (an alias until translated) in every language tree.
    synchronise_language_trees()
    return calls
