"""SQLite full-text search (FTS5) that accepts any text a reader types.

modelsearch wraps each search term in double quotes for FTS5's MATCH syntax without escaping
the quotes inside it, so a single `"` in a search (`?q="`) made an unterminated string and a
server error, on the site search, the API and the admin alike. Inside an FTS5 string a quote is
written twice (https://www.sqlite.org/fts5.html#fts5_strings); a NUL ends the string early, so
control characters are dropped. The quote itself is a separator for FTS5's tokenizer, so the
escaped term matches what the reader meant: `"cooperative"` finds "cooperative".
"""

from modelsearch.backends import database
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText

from cms.request_hygiene import strip_control_characters

__all__ = ["SafeSQLiteSearchBackend", "fts5_safe_text", "sqlite_search_backend"]


def fts5_safe_text(text):
    """`text` ready to sit inside an FTS5 double-quoted string."""
    return strip_control_characters(text).replace('"', '""')


class _SafeTermsMixin:
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(
                fts5_safe_text(query.query_string), operator=query.operator, boost=query.boost
            )
        elif isinstance(query, Phrase):
            query = Phrase(fts5_safe_text(query.query_string))
        return super().build_search_query_content(query, config=config)


class SafeSQLiteSearchQueryCompiler(_SafeTermsMixin, SQLiteSearchQueryCompiler):
    pass


class SafeSQLiteAutocompleteQueryCompiler(_SafeTermsMixin, SQLiteAutocompleteQueryCompiler):
    pass


class SafeSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = SafeSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = SafeSQLiteAutocompleteQueryCompiler


def sqlite_search_backend(params):
    """modelsearch's choice for SQLite, with FTS5 queries made safe (or its plain fallback)."""
    backend = database.SearchBackend(params)
    if isinstance(backend, SQLiteSearchBackend):
        return SafeSQLiteSearchBackend(params)
    return backend
