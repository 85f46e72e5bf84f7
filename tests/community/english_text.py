"""Finding English sentences on pages that say they are in another language.

A page of the Italian (French, Arabic...) tree that counts as translated must not show English
inside `<main>`, unless the English is marked as such (`lang="en"` on it or an ancestor) so a
reader's browser and screen reader know. `english_runs(html)` returns the unmarked English
sentences of a page's `<main>`: runs of five words or more with at least three English
function words, two of them words no other site language uses.
"""

import re
from html.parser import HTMLParser

# Common short words of English sentences...
ENGLISH_WORDS = frozenset(
    ["the", "and", "of", "to", "in", "for", "with", "is", "are", "on", "a", "your", "you", "this"]
)
# ... of which these are not words of Italian, French, Spanish, Portuguese or Croatian /
# Slovenian ("a", "in", "on", "to" are: "a Venezia", "in presenza", "on peut", "to je").
ONLY_ENGLISH = frozenset(["the", "and", "of", "for", "with", "is", "are", "your", "you", "this"])

# Elements that end a run of text (text on either side is not one sentence).
BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "option",
        "p",
        "pre",
        "section",
        "select",
        "summary",
        "table",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "button",
        "label",
        "legend",
    ]
)
# Elements whose content is not read as text.
SKIPPED = frozenset(["script", "style", "template", "svg", "noscript", "code"])
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


# Names that stay in English in every language: the project's official name.
ENGLISH_NAMES = (
    "Mediterranean Open REsouRcEs for Social Innovation of SociaLly ResponsIve ENTerprises",
)


def looks_english(text):
    for name in ENGLISH_NAMES:
        text = text.replace(name, " ")
    words = [word.lower() for word in WORD.findall(text)]
    if len(words) < 5:
        return False
    hits = [word for word in words if word in ENGLISH_WORDS]
    return len(hits) >= 3 and sum(word in ONLY_ENGLISH for word in hits) >= 2


class _MainText(HTMLParser):
    """The text runs inside `<main>`, each with the language its nearest `lang` gives it."""

    def __init__(self, page_language):
        super().__init__(convert_charrefs=True)
        self.stack = [("", page_language, False)]  # (tag, language, skipped)
        self.in_main = 0
        self.runs = []
        self.buffer = []

    def _flush(self):
        text = " ".join("".join(self.buffer).split())
        if text:
            self.runs.append((self.stack[-1][1], text))
        self.buffer = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        _parent_tag, language, skipped = self.stack[-1]
        if tag == "main":
            self.in_main += 1
        new_language = attrs.get("lang") or language
        if tag in BLOCK or new_language != language or tag in SKIPPED:
            self._flush()
        if tag in VOID:
            return
        self.stack.append((tag, new_language, skipped or tag in SKIPPED or "hidden" in attrs))

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self._flush()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        # Close up to the matching start tag (HTML allows omitted end tags).
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index][0] == tag:
                closing = self.stack[index]
                if tag in BLOCK or tag in SKIPPED or closing[1] != self.stack[index - 1][1]:
                    self._flush()
                del self.stack[index:]
                break
        if tag == "main":
            self._flush()
            self.in_main -= 1

    def handle_data(self, data):
        if self.in_main and not self.stack[-1][2]:
            self.buffer.append(data)


def english_runs(html, page_language):
    """The English sentences inside `<main>` not marked `lang="en"` (or any other language
    than the page's)."""
    parser = _MainText(page_language)
    parser.feed(html)
    parser.close()
    return [
        text
        for language, text in parser.runs
        if language.split("-")[0] != "en" and looks_english(text)
    ]


def pages_of_every_language_tree():
    """(language code, URL) of every live page of every tree but the English one, and of the
    community routes that list or show members' content in each language."""
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Locale, Page

    from cms.models import Organisation
    from community.discussions.models import DiscussionIndexPage, DiscussionSpace
    from community.ideas.models import IdeaCallPage

    urls = []
    for locale in Locale.objects.exclude(language_code="en").order_by("language_code"):
        code = locale.language_code
        for page in Page.objects.live().public().filter(locale=locale, depth__gt=1):
            url = page.get_url()
            if url:
                urls.append((code, url))
        with translation.override(code):
            urls.append((code, reverse("community:organisations")))
            for organisation in Organisation.objects.filter(locale__language_code="en"):
                urls.append((code, reverse("community:organisation", args=[organisation.pk])))
            for call in IdeaCallPage.objects.live().public().filter(locale=locale):
                urls.append((code, reverse("community:gallery", args=[call.pk])))
            for index in DiscussionIndexPage.objects.live().public().filter(locale=locale):
                for space in DiscussionSpace.objects.filter(visibility="public"):
                    urls.append(
                        (
                            code,
                            index.url + index.reverse_subpage("space", kwargs={"slug": space.slug}),
                        )
                    )
    return urls
