"""Status history is append-only: on PostgreSQL an UPDATE of a status row raises."""

from django.db import migrations

FORWARD = """
CREATE TRIGGER zaken_status_append_only
    BEFORE UPDATE ON zaken_status
    FOR EACH ROW EXECUTE FUNCTION zaakstroom_append_only();
"""
BACKWARD = "DROP TRIGGER IF EXISTS zaken_status_append_only ON zaken_status;"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("zaken", "0001_initial"), ("core", "0003_audit_append_only")]
    operations = [migrations.RunPython(forward, backward)]
