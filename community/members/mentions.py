"""Naming a member in what members write (posts, ideas): the syntax, how it is stored, and how
each reader sees it.

Syntax, in the Markdown source:
- `@[Amina Haddad](member:42)`: what the editor's autocomplete inserts; the id decides who is
  meant, whatever the label says (the label is only what the writer saw).
- `@Amina Haddad`, typed by hand (without JavaScript): the longest run of up to five words
  after @ that is exactly one member's display name (letter case aside); `@Amina-Haddad`, the
  older form with hyphens for spaces, still works. A name two members share names nobody.

Stored: the rendered, sanitised HTML keeps a marker, `<span class="mention"
data-member="42">@Amina Haddad</span>`, added after the sanitiser ran (so members cannot write
one: the allow-list has no span). The marker holds no link, on purpose: the same stored HTML is
shown to every reader, and whether a reader may open the profile is theirs to know
(community.members.permissions.can_see_profile). `for_reader` turns each marker into a link to
the profile, or plain text, per reader, with the member's name as it is now ("Former member"
once erased), isolated in `<bdi>` (a Latin name in an Arabic post); any channel that shows
the stored HTML without asking shows plain text.
"""

import re

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from cms.writing import markdown_to_html
from community.members.permissions import can_see_profile

__all__ = [
    "EXPLICIT",
    "for_reader",
    "for_readers",
    "member_ids",
    "mention_text",
    "render",
]

EXPLICIT = re.compile(r"@\[([^\[\]\n]{1,200})\]\(member:(\d{1,12})\)")
_WORD = r"[^\W_](?:[\w.'-]*[^\W_])?"
MAX_WORDS = 5  # the longest display name a hand-typed mention may name
TYPED = re.compile(rf"(?<![\w@\]])@({_WORD}(?: {_WORD}){{0,{MAX_WORDS - 1}}})")
# Stand-ins for a mention while Markdown and the sanitiser run: private-use characters the
# source cannot carry (removed first), replaced by the marker afterwards.
_OPEN, _CLOSE = "\ue000", "\ue001"
_STAND_IN = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
MARKER = re.compile(r'<span class="mention" data-member="(\d+)">(.*?)</span>', re.DOTALL)


def mention_text(member):
    """What the autocomplete inserts for `member`."""
    name = member.get_display_name().replace("[", "(").replace("]", ")")
    return f"@[{name}](member:{member.pk})"


def _members():
    return get_user_model().objects.filter(is_active=True, erased_at__isnull=True)


def _typed_candidates(words):
    """Names the words after @ may stand for, longest first: "Amina Haddad was" gives "Amina
    Haddad was", "Amina Haddad", "Amina"; hyphens also read as spaces (the older handles)."""
    for count in range(len(words), 0, -1):
        phrase = " ".join(words[:count])
        yield count, phrase
        if "-" in phrase:
            yield count, phrase.replace("-", " ")


def _resolve_typed(matches):
    """{lowercased name: member pk} for the names typed after @ that exactly one member bears."""
    names = {
        phrase.lower()
        for match in matches
        for _count, phrase in _typed_candidates(match.group(1).split(" "))
    }
    if not names:
        return {}
    query = Q()
    for name in names:
        query |= Q(display_name__iexact=name)
    found = {}
    for pk, display_name in _members().filter(query).values_list("pk", "display_name"):
        key = display_name.lower()
        found[key] = None if key in found else pk  # shared by two: names nobody
    return {name: pk for name, pk in found.items() if pk is not None}


def render(source):
    """The Markdown `source` as sanitised HTML, each mention of a member as a marker."""
    source = (source or "").replace(_OPEN, "").replace(_CLOSE, "")
    named = []  # member pks, by stand-in number

    def stand_in(pk):
        named.append(pk)
        return f"{_OPEN}{len(named) - 1}{_CLOSE}"

    explicit = {int(match.group(2)) for match in EXPLICIT.finditer(source)}
    existing = set(_members().filter(pk__in=explicit).values_list("pk", flat=True))

    def explicit_mention(match):
        pk = int(match.group(2))
        return stand_in(pk) if pk in existing else "@" + match.group(1)

    source = EXPLICIT.sub(explicit_mention, source)
    typed = list(TYPED.finditer(source))
    by_name = _resolve_typed(typed)

    def typed_mention(match):
        words = match.group(1).split(" ")
        for count, phrase in _typed_candidates(words):
            pk = by_name.get(phrase.lower())
            if pk is not None:
                rest = " ".join(words[count:])
                return stand_in(pk) + (" " + rest if rest else "")
        return match.group(0)

    source = TYPED.sub(typed_mention, source)
    html = markdown_to_html(source)
    members = _members().in_bulk(set(named)) if named else {}

    def marker(match):
        member = members.get(named[int(match.group(1))])
        if member is None:  # closed while this was rendered
            return ""
        return format_html(
            '<span class="mention" data-member="{}">@{}</span>',
            member.pk,
            member.get_display_name(),
        )

    return _STAND_IN.sub(marker, html)


def member_ids(html):
    """The pks of the members named in rendered HTML, in order of first mention."""
    return list(dict.fromkeys(int(pk) for pk, _text in MARKER.findall(html or "")))


def for_readers(htmls, reader):
    """Each rendered HTML as `reader` sees it (see `for_reader`), with one query for the
    members named in all of them."""
    htmls = list(htmls)
    pks = {pk for html in htmls for pk in member_ids(html)}
    members = get_user_model().objects.in_bulk(pks) if pks else {}

    def shown(match):
        member = members.get(int(match.group(1)))
        if member is None:
            # The marker's own text, escaped when it was written.
            text = mark_safe(match.group(2))  # noqa: S308
            return format_html('<span class="mention"><bdi>{}</bdi></span>', text)
        name = "@" + member.get_display_name()
        if can_see_profile(member, reader):
            url = reverse("community:profile", args=[member.pk])
            return format_html('<a class="mention" href="{}"><bdi>{}</bdi></a>', url, name)
        return format_html('<span class="mention"><bdi>{}</bdi></span>', name)

    # The stored HTML is the sanitiser's output; only markers are replaced.
    return [mark_safe(MARKER.sub(shown, html or "")) for html in htmls]  # noqa: S308


def for_reader(html, reader):
    """Rendered HTML for `reader`: a mention links to the member's profile when the reader may
    see it, else it is plain text (never a link that would tell of a hidden profile)."""
    return for_readers([html], reader)[0]
