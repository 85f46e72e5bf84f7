"""The home page's newsletter sign-up (cms.home_sections), registered from CommunityConfig.ready().

The block is the subscribe page's own form (email, languages, consent, the spam checks; topics
left to their default, "every issue") and posts to the subscribe view, which starts the double
opt-in or shows the form again with the errors beside the fields and what was typed.
"""

from django.utils.translation import gettext_lazy as _

from cms.home_sections import HomeSection, first_visible, register
from community.newsletter.forms import SubscribeForm
from community.newsletter.models import NewsletterIndexPage

__all__ = ["newsletter_signup", "register_sections"]

HOME_FIELDS = ("email", "languages", "consent")


def newsletter_signup(request, home, limit):
    form = SubscribeForm()
    archive = first_visible(request, home, NewsletterIndexPage)
    return {
        "form": form,
        "fields": [form[name] for name in HOME_FIELDS],
        "more_url": archive.get_url(request) if archive else "",
        "more_label": _("Past issues"),
    }


def register_sections():
    register(
        HomeSection(
            key="newsletter",
            label=_("Subscribe to the newsletter"),
            context=newsletter_signup,
            template="community/newsletter/home/signup.html",
            position=50,
        )
    )
