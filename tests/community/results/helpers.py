"""Builders shared by the results tests."""

from community.results import services
from community.results.factories import published_call, selected_idea
from tests.community.ideas.review_helpers import make_organiser


def make_result(home, commit, **call_kwargs):
    """A published call, a selected idea, its organiser and the result they made from it."""
    call = published_call(parent=home, **call_kwargs)
    idea = selected_idea(call)
    organiser = make_organiser(home)
    result = commit(services.create_result, idea, organiser)
    return result, idea, organiser


def update(commit, result, organiser, **kwargs):
    values = {"status": result.status, "progress": result.progress, **kwargs}
    return commit(services.update_result, result, organiser, **values)
