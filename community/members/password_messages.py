"""Django's password-validation errors and help texts, marked so that our catalogues carry them.

Django 5.2 changed the "too short" error's msgid (`%(min_length)d` became `%d`) and its own
catalogues for Italian, Portuguese, Greek, Croatian, Slovenian and Arabic have not caught up;
Croatian also lacks two more errors and three help texts. A member signing up in those languages
got English next to the password field. Our catalogues (LOCALE_PATHS) take precedence over
Django's, so marking the messages here (never evaluated) puts them in `make messages`' output.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

MESSAGES = (
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
    gettext_noop("This password is too common."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
)
