"""Migrations run forward from the previous release's schema with its data in place.

``PREVIOUS_RELEASE`` lists each app's last migration in the release before this one (the
landed submission of 2026-11-25, commit 20ee9ee); apps absent from it did not exist then.
The test takes the database back to that schema, writes rows with the historical models,
migrates forward to today's leaves and reads the rows back with today's models. (Forward
from an empty database is what every test run does when it creates its test database.)
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

PREVIOUS_RELEASE = {
    "core": "0004_api_token_scope_expiry",
    "org": "0003_lineage_kind",
    "staffing": "0001_initial",
    "steering": "0001_initial",
    "investment": "0001_initial",
    "delegation": "0001_initial",
    "recruitment": "0001_initial",
    "pricing": "0001_initial",
    "territory": "0001_initial",
}
OURS = "bienche."


def _our_apps(executor: MigrationExecutor) -> list[str]:
    from django.apps import apps

    labels = {c.label for c in apps.get_app_configs() if c.name.startswith(OURS)}
    return sorted(labels & {app for app, _name in executor.loader.graph.leaf_nodes()})


@pytest.mark.django_db(transaction=True)
def test_forward_from_the_previous_release_keeps_the_data():
    executor = MigrationExecutor(connection)
    targets = [(app, PREVIOUS_RELEASE.get(app)) for app in _our_apps(executor)]
    executor.migrate(targets)
    old = executor.loader.project_state([t for t in targets if t[1]]).apps
    unit = old.get_model("org", "Unit").objects.create(code="OLD1")
    doc = old.get_model("steering", "SourceDocument").objects.create(
        kind="notice",
        number="1/TB-OLD",
        issuer="UBND",
        issued_on=dt.date(2024, 1, 5),
        summary="Văn bản của bản phát hành trước",
    )
    entry = old.get_model("core", "AuditEntry").objects.create(
        action="steering.task_create", entity_type="steering.task", entity_id="1"
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from bienche.org.models import Unit
    from bienche.steering.models import SourceDocument

    assert Unit.objects.get(pk=unit.pk).code == "OLD1"
    assert SourceDocument.objects.get(pk=doc.pk).number == "1/TB-OLD"
    from bienche.core.models import AuditEntry

    assert AuditEntry.objects.get(pk=entry.pk).domain == ""  # older rows: any domain
    applied = MigrationExecutor(connection).loader.applied_migrations
    assert set(executor.loader.graph.leaf_nodes()) <= set(applied)
