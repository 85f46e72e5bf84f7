"""Similar ideas in a call, while an author types: word overlap on title and summary, among
the ideas the author may already read (public ones and their own), in the language they write."""

import re
import unicodedata

from django.db.models import Q

from community.ideas.models import Idea
from community.ideas.permissions import public_ideas_q

__all__ = ["similar_ideas", "words"]

MIN_WORD = 4
MAX_RESULTS = 5
MAX_CANDIDATES = 200
# Short function words of the site's languages never make two ideas similar.
STOP_WORDS = frozenset(
    {
        "this",
        "that",
        "with",
        "from",
        "their",
        "which",
        "about",
        "there",
        "would",
        "these",
        "into",
        "will",
        "have",
        "been",
        "more",
        "della",
        "delle",
        "degli",
        "sono",
        "come",
        "anche",
        "nella",
        "questo",
        "quella",
        "pour",
        "dans",
        "avec",
        "sont",
        "cette",
        "nous",
        "para",
        "como",
        "esta",
        "este",
        "pela",
        "pelo",
        "também",
        "koji",
        "koja",
        "koje",
        "kako",
        "nego",
        "οποίο",
        "αυτό",
        "είναι",
    }
)


def words(text):
    """Lower-cased, accent-folded words of at least four letters."""
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return {w for w in re.findall(r"\w+", folded) if len(w) >= MIN_WORD and w not in STOP_WORDS}


def similar_ideas(call, user, text, language, exclude=None):
    """Up to five (idea, score) pairs, best first; score is the share of shared words."""
    wanted = words(text)
    if not wanted:
        return []
    readable = public_ideas_q()
    if user.is_authenticated:
        readable |= Q(author=user)
    candidates = Idea.objects.filter(readable, call=call.source_page(), language=language)
    if exclude:
        candidates = candidates.exclude(pk=exclude)
    # Narrow in SQL to ideas sharing at least one of the longest words, then score in Python.
    longest = sorted(wanted, key=len, reverse=True)[:8]
    narrow = Q()
    for word in longest:
        narrow |= Q(title__icontains=word) | Q(summary__icontains=word)
    scored = []
    for idea in candidates.filter(narrow).only("pk", "title", "summary", "status")[:MAX_CANDIDATES]:
        theirs = words(f"{idea.title} {idea.summary}")
        shared = wanted & theirs
        if shared:
            scored.append((idea, len(shared) / len(wanted | theirs)))
    scored.sort(key=lambda pair: pair[1], reverse=True)
    return scored[:MAX_RESULTS]
