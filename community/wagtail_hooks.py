"""Community in the Wagtail admin: privacy policy versions (snippet)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PrivacyPolicyVersion


class PrivacyPolicyVersionViewSet(SnippetViewSet):
    model = PrivacyPolicyVersion
    icon = "doc-full"
    menu_label = _("Privacy policy versions")
    list_display = ["version", "effective_at"]
    add_to_settings_menu = True


register_snippet(PrivacyPolicyVersionViewSet)
