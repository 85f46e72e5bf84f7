"""Routes of the discussions section, served under a DiscussionIndexPage (its language prefix).

Each view takes the index page first (Wagtail's routable pages bind it like a method).
"""

from django.urls import path


def index(page, request):
    return page.render(request)


subpage_urls = [
    path("", index, name="index"),
]
