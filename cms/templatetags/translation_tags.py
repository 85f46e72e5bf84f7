"""The sentence that says a page is shown in another language, phrased per language.

A sentence built from language names ("not yet available in {reader}") cannot be inflected:
French needs "en français", Greek "στα ελληνικά", Croatian "na hrvatskom". So each catalogue
names its own language inside a whole sentence, one sentence per source language the network
writes in (English, Italian), and a neutral label form for any other.
"""

from django import template
from django.utils.translation import get_language_info, pgettext_lazy

register = template.Library()


# Translators: the reader's language is this catalogue's language; name it as a native writer
# would inside the sentence ("en français", "στα ελληνικά", "na hrvatskom", "v slovenščini").
SHOWN_IN_ENGLISH = pgettext_lazy(
    "translation notice", "This page is not yet available in this language; it is shown in English."
)
# Translators: as above; the page is shown in Italian, the network's other working language.
SHOWN_IN_ITALIAN = pgettext_lazy(
    "translation notice", "This page is not yet available in this language; it is shown in Italian."
)
# Translators: as above; %(language)s is the name of the language the page is written in.
SHOWN_IN_OTHER = pgettext_lazy(
    "translation notice",
    "This page is not yet available in this language; it is shown in its original language: "
    "%(language)s.",
)


# Translators: a short label beside a text left in English on a page in this catalogue's
# language (a partner's name, a card, a field nobody has translated yet): "in English",
# lower case where the language allows it, as a native writer would put it in brackets.
IN_ENGLISH = pgettext_lazy("content language label", "in English")
# Translators: as above, for a text left in Italian.
IN_ITALIAN = pgettext_lazy("content language label", "in Italian")
# Translators: as above, for a text left in another language; %(language)s is its name.
IN_OTHER = pgettext_lazy("content language label", "original language: %(language)s")


def language_label_text(code):
    """The short label saying a text is written in `code`, in the reader's language."""
    if code == "en":
        return str(IN_ENGLISH)
    if code == "it":
        return str(IN_ITALIAN)
    return str(IN_OTHER) % {"language": get_language_info(code)["name_translated"]}


def _shown_in(code):
    if code == "en":
        return str(SHOWN_IN_ENGLISH)
    if code == "it":
        return str(SHOWN_IN_ITALIAN)
    return str(SHOWN_IN_OTHER) % {"language": get_language_info(code)["name_translated"]}


@register.simple_tag
def translation_notice_text(content_language):
    """The notice's sentence for a page whose text is in `content_language`."""
    return _shown_in(content_language)
