"""Frozen versions and narrative revisions are never changed once written: a trigger refuses
UPDATE on both tables, on PostgreSQL and on SQLite, whatever the client. (Rows still go
with their report when a report is deleted; no service deletes one.)"""

from django.db import migrations

TABLES = ("reports_frozenversion", "reports_narrativerevision")

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION reports_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '%% rows are immutable (UPDATE refused)', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;
"""
PG_TRIGGER = """
CREATE TRIGGER {table}_immutable BEFORE UPDATE ON {table}
    FOR EACH ROW EXECUTE FUNCTION reports_immutable();
"""
SQLITE_TRIGGER = """
CREATE TRIGGER {table}_immutable BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} rows are immutable (UPDATE refused)'); END;
"""


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FUNCTION)
    template = {"postgresql": PG_TRIGGER, "sqlite": SQLITE_TRIGGER}.get(vendor)
    for table in TABLES if template else ():
        schema_editor.execute(template.format(table=table))


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        on = f" ON {table}" if vendor == "postgresql" else ""
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_immutable{on}")
    if vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS reports_immutable()")


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_drafts")]
    operations = [migrations.RunPython(forward, backward)]
