"""allauth adapter: account emails go out in the recipient's preferred language, and a member
who logs in lands in their language, which the site then remembers."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from cms.i18n import path_in_language
from cms.language_switch import remember_language


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        language = getattr(user, "preferred_language", "")
        if language and response.status_code in (301, 302):
            response["Location"] = path_in_language(response["Location"], language)
            remember_language(response, language)
        return response
