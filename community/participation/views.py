"""A member's own page: what they take part in, gathered from every other capability.

This package comes last in CAPABILITIES because it reads them all. It holds no query of its
own: each capability's service function returns its part in a fixed number of queries, so the
page costs the same whether the member did one thing or a hundred; the view only assembles.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from community.discussions import reading
from community.ideas import services as ideas
from community.notifications import services as notifications
from community.organisations import services as organisations
from community.transfers import services as transfers
from community.workshops import services as workshops
from events.registrations import services as registrations

# How many past events and notifications the page shows; their own pages list them all.
PAST_EVENTS = 3
LATEST_NOTIFICATIONS = 5


def participation_context(user):
    """Everything the page shows, gathered from each capability's service: a fixed number of
    queries whatever the member did."""
    upcoming, past = registrations.member_registrations(user)
    member_ideas, invitations = ideas.member_ideas(user)
    memberships, proposals = organisations.member_organisations(user)
    transfers_asked, transfers_to_answer = transfers.member_transfers(user)
    return {
        "upcoming": upcoming,
        "past": past[:PAST_EVENTS],
        "ideas": member_ideas,
        "invitations": invitations,
        "threads": reading.followed_threads(user),
        "workshops": workshops.member_workshops(user),
        "memberships": memberships,
        "proposals": proposals,
        "notifications": notifications.latest_for(user, LATEST_NOTIFICATIONS),
        "transfers_asked": transfers_asked,
        "transfers_to_answer": transfers_to_answer,
    }


@login_required
def participation(request):
    return render(request, "community/participation/mine.html", participation_context(request.user))
