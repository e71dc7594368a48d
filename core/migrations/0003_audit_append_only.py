"""On PostgreSQL the audit trail is append-only in the database itself: UPDATE and DELETE
raise. (TRUNCATE, used by test teardown and by an operator on purpose, is not row-level.)"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION zaakstroom_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '%% on %% is not allowed: the table is append-only', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER core_auditrecord_append_only
    BEFORE UPDATE OR DELETE ON core_auditrecord
    FOR EACH ROW EXECUTE FUNCTION zaakstroom_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS core_auditrecord_append_only ON core_auditrecord;
DROP FUNCTION IF EXISTS zaakstroom_append_only();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_initial")]
    operations = [migrations.RunPython(forward, backward)]
