"""The newsletter's public pages: subscribe, confirm, unsubscribe; a member's own choices."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from community.newsletter import services as newsletter
from community.newsletter.forms import CONSENT_TEXT, PreferencesForm, SubscribeForm
from community.newsletter.models import NewsletterSubscription, SubscriptionStatus


@csrf_exempt
def subscribe(request):
    """Visitors post without a CSRF token, so the home page's sign-up form carries none and the
    home page stays in the page cache (cms/page_cache.py). What a forged post can do is what
    anyone can do at the form: ask for a confirmation email, nothing more (double opt-in; a
    confirmed address is left alone), behind the form's honeypot and fill-time checks. A member's
    post may link the subscription to their account, so members still need the token."""
    if request.user.is_authenticated:
        return csrf_protect(_subscribe)(request)
    return _subscribe(request)


def _subscribe(request):
    initial = {"email": request.user.email} if request.user.is_authenticated else {}
    form = SubscribeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        newsletter.subscribe(
            form.cleaned_data["email"],
            languages=form.cleaned_data["languages"],
            topics=form.cleaned_data["topics"],
            consent_text=str(CONSENT_TEXT),
            language=get_language(),
            user=request.user if request.user.is_authenticated else None,
        )
        return redirect("community:newsletter_pending")
    return render(request, "community/newsletter/subscribe.html", {"form": form})


def pending(request):
    return render(request, "community/newsletter/pending.html")


def confirm(request, token):
    """GET shows a button and POST confirms: a mail scanner following the link must not
    subscribe someone who never asked."""
    if request.method != "POST":
        return render(request, "community/newsletter/confirm.html", {"token": token})
    try:
        subscription = newsletter.confirm(token)
    except newsletter.InvalidLink:
        return render(request, "community/newsletter/confirm.html", {"invalid": True}, status=400)
    return render(request, "community/newsletter/confirm.html", {"subscription": subscription})


@csrf_exempt  # RFC 8058 one-click: the mail client POSTs with no session and no CSRF token
def unsubscribe(request, token):
    """GET shows a button; POST (from that button or the mail client) unsubscribes. Once
    unsubscribed, the link (opened again, or reloaded) says so rather than offer it again."""
    subscription = get_object_or_404(NewsletterSubscription, token=token)
    if request.method == "POST":
        subscription.unsubscribe()
    if subscription.status == SubscriptionStatus.UNSUBSCRIBED:
        return render(request, "community/newsletter/unsubscribe.html", {"done": True})
    return render(
        request,
        "community/newsletter/unsubscribe.html",
        {"subscription": subscription, "token": token},
    )


@login_required
def manage(request):
    """A member's subscription under their account's address: change choices or unsubscribe."""
    subscription = NewsletterSubscription.objects.filter(
        Q(user=request.user) | Q(email__iexact=request.user.email)
    ).first()
    if subscription is None or subscription.status != SubscriptionStatus.CONFIRMED:
        return render(
            request,
            "community/newsletter/manage.html",
            {"subscription": subscription, "form": None},
        )
    form = PreferencesForm(
        request.POST or None,
        initial={
            "languages": subscription.language_codes,
            "topics": list(subscription.topics.all()),
        },
    )
    if request.method == "POST" and "unsubscribe" in request.POST:
        subscription.unsubscribe()
        messages.success(request, _("You are unsubscribed from the newsletter."))
        return redirect("community:newsletter_manage")
    if request.method == "POST" and form.is_valid():
        newsletter.update_preferences(
            subscription, form.cleaned_data["languages"], form.cleaned_data["topics"]
        )
        messages.success(request, _("Your newsletter choices have been saved."))
        return redirect("community:newsletter_manage")
    return render(
        request, "community/newsletter/manage.html", {"subscription": subscription, "form": form}
    )
