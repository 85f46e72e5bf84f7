"""The month names that dates print (format character F). Django's own catalogues capitalise
them in Italian and Portuguese, which write them in lower case ("1 giugno 2021", "1 de junho de
2021"); marking them here puts them in our catalogues, which take precedence over Django's."""

from django.utils.translation import gettext_noop

MONTHS = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)
