"""Demo discussions: the section, a public and a members-only space, the private space of
the upcoming focus group, with threads and posts by the demo members, and the conversation on
a public demo idea.

Data in demo.json beside this module. Safe to run again: spaces, threads and posts are found
by their natural keys (slug; space and title; thread, author and text) and only written when
missing or different. Nobody is notified: rows are written directly, not through the posting
services, which announce posts.
"""

import datetime
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Site

from cms.demo.builder import synchronise_language_trees
from cms.demo.localize import sync_localized_page
from cms.demo.sync import UNCHANGED, stable_key, sync_page
from cms.models import HomePage
from community.discussions.ideas import ideas_space
from community.discussions.models import (
    DiscussionIndexPage,
    DiscussionSpace,
    Helpful,
    Post,
    Thread,
    ThreadFollow,
)
from community.discussions.services import ensure_event_space
from community.ideas.permissions import discussable_ideas
from events.pages.models import EventPage, RegistrationStatus
from events.registrations.models import Registration

__all__ = ["build_discussions_demo"]

DATA = Path(__file__).with_name("demo.json")


def _users(data):
    emails = set()
    for space in [*data["spaces"], data["focus_group"], data.get("idea_conversations", {})]:
        emails.update(space.get("moderators", []))
        emails.update(space.get("members", []))
        for thread in space.get("threads", []):
            if "author" in thread:  # an idea's conversation is opened by its first comment
                emails.add(thread["author"])
            for post in thread["posts"]:
                emails.add(post["author"])
                emails.update(post.get("helpful", []))
    return get_user_model().objects.in_bulk(emails, field_name="email")


def _space(values, users):
    space = DiscussionSpace.objects.filter(slug=values["slug"]).first()
    wanted = {key: values[key] for key in ("title", "description", "visibility", "sort_order")}
    if space is None:
        space = DiscussionSpace.objects.create(slug=values["slug"], **wanted)
    elif any(getattr(space, key) != value for key, value in wanted.items()):
        for key, value in wanted.items():
            setattr(space, key, value)
        space.save()
    _moderators(space, values.get("moderators", []), users)
    return space


def _moderators(space, emails, users):
    wanted = {users[email].pk for email in emails if email in users}
    missing = wanted - set(space.moderators.values_list("pk", flat=True))
    if missing:
        space.moderators.add(*missing)


def _thread(space, values, users, base, idea=None):
    """A thread and its posts, dated a few hours apart from `base` on first creation; `idea`:
    the thread is that idea's conversation."""
    author = users[values["author"]]
    found = Thread.objects.filter(idea=idea) if idea else Thread.objects.filter(space=space)
    thread = found.filter(title=values["title"]).first()
    if thread is None:
        thread = Thread.objects.create(
            space=space,
            title=values["title"],
            author=author,
            idea=idea,
            pinned=values.get("pinned", False),
            created_at=base,
            last_activity_at=base,
        )
    ThreadFollow.objects.get_or_create(thread=thread, user=author)
    posts = []
    for index, item in enumerate(values["posts"]):
        moment = base + datetime.timedelta(hours=3 * index)
        # Found again by what was written (its rendering carries mentions as markers).
        post = Post.objects.filter(
            thread=thread, author=users[item["author"]], source=item["body"]
        ).first()
        if post is None:
            quoted = posts[item["quote"]] if "quote" in item else None
            post = Post.objects.create(
                thread=thread,
                author=users[item["author"]],
                body=item["body"],
                language=item["language"],
                quoted=quoted,
                created_at=moment,
            )
            if moment > thread.last_activity_at:
                Thread.objects.filter(pk=thread.pk).update(last_activity_at=moment)
        for email in item.get("helpful", []):
            Helpful.objects.get_or_create(post=post, user=users[email])
        posts.append(post)
    return thread


def _focus_group_space(data, users):
    event = (
        EventPage.objects.filter(
            translation_key=stable_key("page", data["event_key"]), alias_of__isnull=True
        )
        .order_by("pk")
        .first()
    )
    if event is None:
        return None
    space = ensure_event_space(event)
    _moderators(space, data.get("moderators", []), users)
    # The demo members were approved into the group (seated without emails, as the events
    # demo seats its members).
    target = event.registration_event
    for email in data["members"]:
        Registration.objects.get_or_create(
            event=target,
            user=users[email],
            defaults={
                "status": RegistrationStatus.CONFIRMED,
                "confirmed_at": timezone.now(),
                "stakeholder_type": users[email].stakeholder_type or "academia",
                "language": users[email].preferred_language,
            },
        )
    return space


def _idea_conversations(data, users, base):
    """Comments on public demo ideas, in the ideas space its moderators moderate (an idea not
    open to conversation, or missing, is skipped)."""
    if not data:
        return
    space = ideas_space()
    _moderators(space, data.get("moderators", []), users)
    for values in data["threads"]:
        idea = discussable_ideas().filter(title=values["idea"]).order_by("pk").first()
        if idea is None:
            continue
        thread = {"title": idea.title, "author": values["posts"][0]["author"], **values}
        _thread(space, thread, users, base, idea=idea)


def build_discussions_demo():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        return None
    data = json.loads(DATA.read_text(encoding="utf-8"))
    section, status = sync_page(
        home, DiscussionIndexPage, "discussions", data["section"], key="discussions"
    )
    # The section is in the menu: written in every site language (wagtail-localize), where
    # that language's tree exists.
    refresh = status != UNCHANGED
    for code, values in data["section_translations"].items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is not None and home.get_translation_or_none(locale) is not None:
            sync_localized_page(
                section, locale, values, source_changed=status != UNCHANGED, refresh_source=refresh
            )
            refresh = False
    synchronise_language_trees()
    users = _users(data)
    # Dates from today's midnight, so a second run on the same day writes the same values.
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    for offset, values in enumerate(data["spaces"]):
        space = _space(values, users)
        for number, thread in enumerate(values["threads"]):
            _thread(space, thread, users, midnight - datetime.timedelta(days=10 - offset - number))
    group = data["focus_group"]
    space = _focus_group_space(group, users)
    if space is not None:
        for thread in group["threads"]:
            _thread(space, thread, users, midnight - datetime.timedelta(days=2))
    _idea_conversations(
        data.get("idea_conversations"), users, midnight - datetime.timedelta(days=1)
    )
    return section
