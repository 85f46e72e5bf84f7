"""API filters that answer bad parameters with a 400 and a message, never a 500.

Wagtail's SearchFilter hands `search_operator` to the search backend unchecked, and the backend
raises a ValueError for anything but "and"/"or" (`?search=a&search_operator=xor` was a 500).

Wagtail reads numbers from the query (`offset`, `limit`, `id`, `child_of`, `translation_of`, any
field filter) with int() and hands them to the database, which refuses one beyond 64 bits
(`?offset=9223372036854775808`: PostgreSQL "bigint out of range", SQLite "datatype mismatch").
"""

import re

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.utils import BadRequestError

from cms.request_hygiene import LARGEST_ID

__all__ = ["SEARCH_OPERATORS", "BoundedNumbersMixin", "CheckedSearchFilter", "with_checked_search"]

_INTEGER = re.compile(r"\s*[-+]?\d+\s*")

SEARCH_OPERATORS = ("and", "or")


class CheckedSearchFilter(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator is not None and operator.lower() not in SEARCH_OPERATORS:
            # API messages are English, like the rest of Wagtail's API answers.
            raise BadRequestError("search_operator must be 'and' or 'or'")
        return super().filter_queryset(request, queryset, view)


def with_checked_search(filter_backends):
    """`filter_backends` with Wagtail's SearchFilter replaced by CheckedSearchFilter (in place:
    the search filter must stay last, search results cannot be filtered further)."""
    return [
        CheckedSearchFilter if backend is SearchFilter else backend for backend in filter_backends
    ]


class BoundedNumbersMixin:
    """Answer a 400 to any query parameter holding a whole number beyond what the database
    holds, on every route of the viewset (listing, detail, find), before Wagtail reads it."""

    def initial(self, request, *args, **kwargs):
        for name, values in request.GET.lists():
            for value in values:
                if _INTEGER.fullmatch(value) and abs(int(value)) > LARGEST_ID:
                    raise BadRequestError(f"{name} must be at most {LARGEST_ID}")
        super().initial(request, *args, **kwargs)
