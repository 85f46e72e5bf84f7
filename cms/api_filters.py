"""API filters that answer bad parameters with a 400 and a message, never a 500.

Wagtail's SearchFilter hands `search_operator` to the search backend unchecked, and the backend
raises a ValueError for anything but "and"/"or" (`?search=a&search_operator=xor` was a 500).
"""

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.utils import BadRequestError

__all__ = ["SEARCH_OPERATORS", "CheckedSearchFilter", "with_checked_search"]

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
