"""On PostgreSQL, forbid overlapping versions of one unit in the database itself.

SQLite has no exclusion constraints; there the Plan engine checks it in the same
transaction (org.services.plan), and the property tests prove it on both backends.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE org_unitversion ADD CONSTRAINT org_unitversion_no_overlap
EXCLUDE USING gist (unit_id WITH =, daterange(valid_from, valid_to, '[)') WITH &&);
"""
DROP = "ALTER TABLE org_unitversion DROP CONSTRAINT IF EXISTS org_unitversion_no_overlap;"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
