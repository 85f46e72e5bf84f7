"""The path three requests take through the code: which packages they cross, in call order.

Run with `make benchmark` (or `pytest tests/benchmarks/test_request_paths.py -m benchmark -s`);
it prints figures, as docs/architecture.md quotes them. A "unit" is the first two parts of a
module's name: a capability package (`community.discussions`, `events.registrations`) or, for
code at an app's root, that module (`community.urls`). Every Python call made while Django
serves the request is seen (sys.setprofile), including what runs once the transaction commits
(signal receivers, notifications, emails), so the path is the real one, not the imports.

It asserts only that each request succeeds; the figures are for reading (docs/architecture.md).
"""

import sys

import pytest
from django.urls import reverse

from cms.antispam import antispam_data
from cms.factories import CountryFactory
from community.discussions.factories import (
    DiscussionIndexPageFactory,
    DiscussionSpaceFactory,
    PostFactory,
    ThreadFactory,
)
from community.discussions.models import SpaceVisibility
from community.ideas.factories import IdeaCallPageFactory
from community.members.factories import UserFactory
from events.listing.factories import EventIndexPageFactory
from events.pages.factories import WebinarPageFactory

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db]

APPS = ("community", "events")


def unit(module):
    return ".".join(module.split(".")[:2])


class PathTracer:
    """Records each change of module along the calls into our apps' code."""

    def __init__(self):
        self.modules = []

    def __call__(self, frame, event, arg):
        if event != "call":
            return
        module = frame.f_globals.get("__name__", "")
        if module.split(".")[0] in APPS and (not self.modules or self.modules[-1] != module):
            self.modules.append(module)

    def run(self, action):
        sys.setprofile(self)
        try:
            return action()
        finally:
            sys.setprofile(None)

    @property
    def units(self):
        path = []
        for module in self.modules:
            if not path or path[-1] != unit(module):
                path.append(unit(module))
        return path


def returns(path):
    """How often the path comes back to a unit it had left."""
    seen, count = set(), 0
    for index, name in enumerate(path):
        if name in seen and path[index - 1] != name:
            count += 1
        seen.add(name)
    return count


def report(name, tracer):
    path = tracer.units
    print(f"\n{name}")
    print(f"  modules entered: {len(tracer.modules)} ({len(set(tracer.modules))} distinct)")
    print(f"  units crossed:   {len(path) - 1}, back to an earlier unit {returns(path)} times")
    print("  path: " + " -> ".join(path))
    return path


def post_a_reply(client, home):
    section = DiscussionIndexPageFactory(parent=home)
    space = DiscussionSpaceFactory(visibility=SpaceVisibility.PUBLIC)
    thread = ThreadFactory(space=space, author=UserFactory())
    PostFactory(thread=thread, author=thread.author)
    member = UserFactory(display_name="Replying Member")
    client.force_login(member)
    url = section.url + section.reverse_subpage("reply", args=[thread.pk])
    data = {"body": "Agreed, @Thread-Starter.", "language": "en", **antispam_data()}
    return lambda: client.post(url, data)


def register_for_an_event(client, home):
    webinar = WebinarPageFactory(parent=EventIndexPageFactory(parent=home), capacity=5)
    member = UserFactory(stakeholder_type="academia", languages=["it"])
    member.country = CountryFactory(code="IT", name="Italy")
    member.save()
    client.force_login(member)
    return lambda: client.post(f"/en/events/register/{webinar.pk}/")


def submit_an_idea(client, home):
    call = IdeaCallPageFactory(parent=home)
    client.force_login(UserFactory())
    data = {
        "title": "Neighbourhood repair café",
        "summary": "Volunteers repair appliances with their neighbours.",
        "language": "en",
        "problem": "<p>Broken appliances end up in landfill.</p>",
        "solution": "<p>A monthly <strong>repair café</strong>.</p>",
        "target_group": "Residents",
        "impact": "Less waste",
        "team": "Three volunteers",
        "budget_estimate": "2500",
        "submit": "",
    }
    return lambda: client.post(reverse("community:idea_new", args=[call.pk]), data)


REQUESTS = {
    "post a reply": post_a_reply,
    "register for an event": register_for_an_event,
    "submit an idea": submit_an_idea,
}


@pytest.mark.parametrize("name", list(REQUESTS))
def test_request_path_across_packages(
    name, client, home, django_capture_on_commit_callbacks, mailoutbox
):
    action = REQUESTS[name](client, home)
    tracer = PathTracer()
    with django_capture_on_commit_callbacks(execute=True):
        response = tracer.run(action)
    assert response.status_code == 302, response.content.decode()[:3000]
    path = report(name, tracer)
    wiring = {"community.urls", "events.urls", "community.apps", "events.apps"}
    came_back = [
        name
        for index, name in enumerate(path)
        if name not in wiring and name in path[:index] and path[index - 1] != name
    ]
    print(f"  packages re-entered: {sorted(set(came_back)) or 'none'}")
