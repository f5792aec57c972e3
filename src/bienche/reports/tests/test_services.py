"""The draft services: creation refused with the builder's message, narratives sanitized and
saved with history under optimistic concurrency, freezing stores reproducible files."""

import io

import docx
import pytest

from bienche.core.errors import Conflict, Forbidden, InvalidInput
from bienche.core.models import AuditEntry
from bienche.org.models import Unit
from bienche.reports import messages as m
from bienche.reports import services
from bienche.reports.drafting import draft_document, snapshot_document
from bienche.reports.models import NarrativeRevision
from bienche.reports.selectors import narrative_history, report_narratives

pytestmark = pytest.mark.django_db


def _docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def _report(users, **kw):
    args = {"year": 2023, "unit_code": None, "fmt": "state", "acting_user": users["admin"]}
    return services.report_create(**(args | kw))


def test_create_refuses_what_cannot_be_built(engine, users):
    with pytest.raises(InvalidInput) as err:
        _report(users, year=2019)
    assert err.value.message == m.CANNOT_BUILD
    assert "2019" in err.value.vi
    with pytest.raises(InvalidInput) as err:
        _report(users, unit_code="ZZ")
    assert err.value.message == m.UNIT_UNKNOWN
    with pytest.raises(InvalidInput):
        _report(users, fmt="memo")
    with pytest.raises(Forbidden):
        _report(users, acting_user=users["officer"])
    report = _report(users, unit_code="D1", fmt="party")
    assert (report.year, report.unit.code, report.format) == (2023, "D1", "party")
    assert AuditEntry.objects.filter(action="reports.report_create").count() == 1


def test_narrative_is_sanitized(engine, users):
    report = _report(users)
    dirty = (
        '<p onclick="x()">Hạn chế <strong>lớn</strong><script>alert(1)</script></p>'
        '<img src=x onerror="alert(2)"><a href="javascript:alert(3)">liên kết</a>'
        '<ul><li style="color:red">một</li></ul>'
    )
    rev = services.report_narrative_save(
        report=report,
        section_key="limitations",
        html=dirty,
        expected_revision=0,
        acting_user=users["admin"],
    )
    for bad in ("script", "alert", "onerror", "onclick", "javascript:", "style", "<img", "<a"):
        assert bad not in rev.html
    assert rev.html == "<p>Hạn chế <strong>lớn</strong></p>liên kết<ul><li>một</li></ul>"
    entry = AuditEntry.objects.get(action="reports.narrative_save")
    assert entry.after["html"] == rev.html
    assert entry.actor == users["admin"]


def test_stale_revision_conflicts_and_history_is_kept(engine, users):
    report = _report(users)

    def save(text, expected):
        return services.report_narrative_save(
            report=report,
            section_key="limitations",
            html=f"<p>{text}</p>",
            expected_revision=expected,
            acting_user=users["admin"],
        )

    assert save("một", 0).number == 1
    assert save("hai", 1).number == 2
    with pytest.raises(Conflict) as err:
        save("ba (từ bản cũ)", 1)
    assert err.value.message == m.NARRATIVE_STALE
    assert "admin" in err.value.vi
    assert [r.html for r in narrative_history(report, "limitations")] == [
        "<p>hai</p>",
        "<p>một</p>",
    ]
    assert report_narratives(report)["limitations"].number == 2
    with pytest.raises(InvalidInput) as err:
        services.report_narrative_save(
            report=report,
            section_key="staffing",
            html="<p>x</p>",
            expected_revision=0,
            acting_user=users["admin"],
        )
    assert err.value.message == m.SECTION_UNKNOWN
    with pytest.raises(InvalidInput) as err:
        save("<script>only</script>", 2)
    assert err.value.message == m.NARRATIVE_EMPTY
    assert NarrativeRevision.objects.count() == 2


def test_freeze_stores_docx_with_the_officers_text_and_pdf_reason(engine, users):
    report = _report(users)
    services.report_narrative_save(
        report=report,
        section_key="limitations",
        html="<p>Chậm số hóa hồ sơ</p>",
        expected_revision=0,
        acting_user=users["admin"],
    )
    version = services.report_freeze(report=report, acting_user=users["admin"])
    assert version.number == 1
    assert version.frozen_by == users["admin"]
    assert "Chậm số hóa hồ sơ" in _docx_text(bytes(version.docx))
    assert version.pdf is None
    assert "PDF" in version.pdf_missing_reason
    assert services.report_freeze(report=report, acting_user=users["admin"]).number == 2
    with pytest.raises(Forbidden):
        services.report_freeze(report=report, acting_user=users["viewer"])


def _unit_figure(doc) -> int:
    return doc.sections[0].blocks[1].rows[0][1]


def test_frozen_snapshot_is_reproducible_after_data_changes(engine, users):
    report = _report(users)
    version = services.report_freeze(report=report, acting_user=users["admin"])
    before = _unit_figure(snapshot_document(version.snapshot))
    assert before == Unit.objects.count()
    Unit.objects.create(code="NEW1")
    version.refresh_from_db()
    assert _unit_figure(snapshot_document(version.snapshot)) == before
    assert _unit_figure(draft_document(report)) == before + 1


def test_letterhead_overrides_with_version(engine, users):
    report = _report(users)
    args = {"number": "125/BC-BCĐ", "issued_on": None, "signer_name": "Lê C", "signer_title": ""}
    report = services.report_letterhead_update(
        report=report, expected_version=1, acting_user=users["admin"], **args
    )
    assert report.version == 2
    doc = draft_document(report)
    assert doc.letterhead.number == "125/BC-BCĐ"
    assert doc.letterhead.signature.name == "Lê C"
    with pytest.raises(Conflict):
        services.report_letterhead_update(
            report=report, expected_version=1, acting_user=users["admin"], **args
        )
