"""The kennisbank's full-text index: a GIN index on the weighted Dutch search vector. PostgreSQL
only; on SQLite the kennisbank falls back to a plain search and needs no index."""

from django.db import migrations

INDEX = "klantregie_kennisartikel_zoek_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON klantregie_kennisartikel USING gin (zoekvector)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("klantregie", "0002_kcc_contacten")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
