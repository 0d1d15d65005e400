"""Trigram indexes for substring search over messages and customers on PostgreSQL.

``search_key__contains`` becomes ``LIKE '%word%'``, which a B-tree cannot serve; pg_trgm's
GIN index can, so searching a million messages stays an index scan. SQLite has no such
index type and keeps its plain scan, which is fine at the sizes it serves.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

_INDEXES = (
    ("inbox_message_search_trgm", "inbox_message"),
    ("customers_customer_search_trgm", "customers_customer"),
)


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table in _INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_key gin_trgm_ops)"
        )


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _ in _INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("inbox", "0001_initial"),
        ("customers", "0002_customeridentity"),
    ]

    operations = [migrations.RunPython(create, drop)]
