"""The stage rules: one step at a time along the pipeline, dated in order, with what each
stage needs; a refusal writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.core.errors import Conflict, InvalidInput
from bienche.core.models import AuditEntry
from bienche.core.workdays import add_working_days
from bienche.investment import messages as m
from bienche.investment.enums import Pipeline, Stage, Status
from bienche.investment.models import ProjectStage
from bienche.investment.services.capital import certificate_record
from bienche.investment.services.edits import project_drop
from bienche.investment.services.projects import ProjectSpec, project_create, stage_advance
from bienche.investment.tests.factories import investor, land_project, park, project, walk_to

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _park():
    park()


def _refused(message, **kw):
    stages, audits = ProjectStage.objects.count(), AuditEntry.objects.count()
    with pytest.raises(InvalidInput) as exc:
        stage_advance(acting_user=None, **kw)
    assert exc.value.message == message
    assert (ProjectStage.objects.count(), AuditEntry.objects.count()) == (stages, audits)
    return exc.value


def test_advance_one_step_records_history_and_next_step_due_in_working_days():
    p = project(stage_on=D(2024, 1, 2))
    p = stage_advance(
        project=p,
        stage=Stage.CONTACTED,
        on=D(2024, 4, 26),
        next_step="Khảo sát",
        next_step_days=3,
        acting_user=None,
    )
    assert (p.stage, p.stage_since, p.version) == (Stage.CONTACTED, D(2024, 4, 26), 2)
    # 27/4 is a Saturday and 29/4–1/5 are days off in 2024: counted by the calendar.
    assert p.next_step_due == add_working_days(D(2024, 4, 26), 3)
    assert p.next_step_due > D(2024, 4, 29)
    assert list(p.stages.values_list("stage", "entered_on")) == [
        (Stage.LEAD, D(2024, 1, 2)),
        (Stage.CONTACTED, D(2024, 4, 26)),
    ]


def test_skipping_or_going_back_is_out_of_order():
    p = project()
    err = _refused(
        m.STAGE_OUT_OF_ORDER, project=p, stage=Stage.MOU, on=D(2024, 2, 1), next_step="x"
    )
    assert "«Đã tiếp xúc»" in err.vi
    assert "«Contacted»" in err.en
    p = walk_to(p, Stage.SITE_VISIT)
    _refused(
        m.STAGE_OUT_OF_ORDER, project=p, stage=Stage.CONTACTED, on=D(2024, 6, 1), next_step="x"
    )


def test_stage_dated_before_the_current_one_or_in_the_future_is_refused():
    p = project(stage_on=D(2024, 3, 1))
    _refused(
        m.STAGE_DATE_BEFORE, project=p, stage=Stage.CONTACTED, on=D(2024, 2, 28), next_step="x"
    )
    _refused(m.DATE_FUTURE, project=p, stage=Stage.CONTACTED, on=D(2100, 1, 1), next_step="x")


def test_an_open_stage_needs_a_next_step():
    p = project()
    _refused(m.FIELD_REQUIRED, project=p, stage=Stage.CONTACTED, on=D(2024, 2, 1), next_step=" ")


def test_registration_needs_the_certificate_and_the_land():
    p = walk_to(project(), Stage.MOU)
    _refused(
        m.STAGE_NEEDS_CERTIFICATE,
        project=p,
        stage=Stage.REGISTRATION,
        on=D(2024, 9, 1),
        next_step="x",
    )
    certificate_record(
        project=p, number="GCN-1", issued_on=D(2024, 8, 1), amount=10**11, acting_user=None
    )
    p.refresh_from_db()
    _refused(
        m.STAGE_NEEDS_LAND, project=p, stage=Stage.REGISTRATION, on=D(2024, 9, 1), next_step="x"
    )


def test_certificate_must_be_dated_on_or_before_the_stage():
    p = walk_to(land_project(), Stage.MOU)
    certificate_record(
        project=p, number="GCN-1", issued_on=D(2024, 9, 5), amount=10**11, acting_user=None
    )
    p.refresh_from_db()
    _refused(
        m.STAGE_NEEDS_CERTIFICATE,
        project=p,
        stage=Stage.REGISTRATION,
        on=D(2024, 9, 1),
        next_step="x",
    )


def test_last_stage_closes_the_pipeline():
    p = walk_to(land_project(), Stage.OPERATION)
    assert (p.status, p.next_step, p.next_step_due) == (Status.OPERATING, "", None)
    _refused(m.STAGE_FINAL, project=p, stage=Stage.OPERATION, on=D(2025, 1, 1), next_step="x")


def test_expansion_pipeline_goes_from_lead_to_registration():
    p = land_project(pipeline=Pipeline.EXPANSION)
    _refused(
        m.STAGE_NOT_IN_PIPELINE, project=p, stage=Stage.CONTACTED, on=D(2024, 2, 1), next_step="x"
    )
    p = walk_to(p, Stage.REGISTRATION)
    assert p.stage == Stage.REGISTRATION


def test_partner_pipeline_holds_no_land_and_needs_no_certificate():
    p = project(pipeline=Pipeline.PARTNER)
    p = walk_to(p, Stage.OPERATION)
    assert p.status == Status.OPERATING
    assert not p.certificates.exists()


def test_stale_version_is_a_conflict_and_writes_nothing():
    p = project()
    stage_advance(
        project=p, stage=Stage.CONTACTED, on=D(2024, 2, 1), next_step="x", acting_user=None
    )
    with pytest.raises(Conflict):
        stage_advance(
            project=p,
            stage=Stage.SITE_VISIT,
            on=D(2024, 3, 1),
            next_step="x",
            expected_version=1,
            acting_user=None,
        )
    assert p.stages.count() == 2


def test_dropped_project_cannot_move():
    p = project()
    project_drop(project=p, on=D(2024, 2, 1), reason="Nhà đầu tư rút", acting_user=None)
    _refused(m.STAGE_FINAL, project=p, stage=Stage.CONTACTED, on=D(2024, 3, 1), next_step="x")


def test_create_refuses_a_later_stage_without_its_certificate_and_writes_nothing():
    inv = investor()
    with pytest.raises(InvalidInput) as exc:
        project_create(
            spec=ProjectSpec(
                code="PX",
                name="X",
                investor_id=inv.pk,
                stage=Stage.CONSTRUCTION,
                stage_on=D(2024, 1, 1),
                zone_code="Z1",
                land_use="industry",
                land_ha=1,
            ),
            acting_user=None,
        )
    assert exc.value.message == m.STAGE_NEEDS_CERTIFICATE
    assert not ProjectStage.objects.filter(project__code="PX").exists()


def test_duplicate_code_and_unknown_zone_are_refused():
    project(code="P-A")
    with pytest.raises(InvalidInput) as exc:
        project(code="p-a")
    assert exc.value.message == m.CODE_TAKEN
    with pytest.raises(InvalidInput) as exc:
        project(zone_code="NOPE")
    assert exc.value.message == m.ZONE_UNKNOWN
