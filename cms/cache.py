"""The database cache, with an `incr` that counts every parallel call.

Django's DatabaseCache increments by reading the value and writing the sum, so two app servers
incrementing at once both write the same number. Production without Redis keeps its rate
limits here (settings/production.py, cms/rate_limits.py): the row is locked first (an UPDATE
locks it on PostgreSQL and takes SQLite's write lock), so the second caller waits and reads the
first one's result. The row keeps its expiry.
"""

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, models, router, transaction
from django.utils import timezone

__all__ = ["DatabaseCache"]


class DatabaseCache(DjangoDatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table, key_column = quote(self._table), quote("cache_key")
        with transaction.atomic(using=db), connection.cursor() as cursor:
            # The table name comes from settings, the key is a parameter.
            cursor.execute(
                f"UPDATE {table} SET {quote('expires')} = {quote('expires')} "  # noqa: S608
                f"WHERE {key_column} = %s",
                [key],
            )
            cursor.execute(
                f"SELECT {quote('value')}, {quote('expires')} FROM {table} "  # noqa: S608
                f"WHERE {key_column} = %s",
                [key],
            )
            row = cursor.fetchone()
            if row is None or self._expires(row[1], connection) < timezone.now():
                raise ValueError(f"Key '{key}' not found")
            stored = connection.ops.process_clob(row[0])
            value = pickle.loads(base64.b64decode(stored.encode())) + delta  # noqa: S301 - own data
            cursor.execute(
                f"UPDATE {table} SET {quote('value')} = %s WHERE {key_column} = %s",  # noqa: S608
                [base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1"), key],
            )
        return value

    @staticmethod
    def _expires(value, connection):
        # As DatabaseCache reads it: the backend's converters turn the column into a datetime.
        expression = models.Expression(output_field=models.DateTimeField())
        converters = connection.ops.get_db_converters(expression)
        for converter in converters + expression.get_db_converters(connection):
            value = converter(value, expression, connection)
        return value
