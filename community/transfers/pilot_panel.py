"""The "Adapt this pilot here" panel on a pilot action's page (cms.pilot_panels)."""

from django.urls import reverse

from cms import pilot_panels


def context(request, page):
    # Offered to everyone: a visitor is asked to sign in first (the view requires it).
    return {"adapt_url": reverse("community:transfer_new", kwargs={"page_id": page.pk})}


def register():
    pilot_panels.register(
        pilot_panels.PilotPanel(
            key="transfers",
            context=context,
            template="community/transfers/pilot_panel.html",
        )
    )
