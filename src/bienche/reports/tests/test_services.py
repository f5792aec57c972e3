"""The draft services on the small world with the real builder and renderers: creation
refused with the builder's message, narratives sanitized and saved with history under
optimistic concurrency, freezing stores reproducible DOCX and PDF (or the reason)."""

import io

import docx
import pytest
from django.db import DatabaseError, transaction

from bienche.core.errors import Conflict, Forbidden, InvalidInput
from bienche.core.models import AuditEntry
from bienche.reports import messages as m
from bienche.reports import services
from bienche.reports.content import Table
from bienche.reports.drafting import draft_document, iter_sections, snapshot_document
from bienche.reports.models import FrozenVersion, NarrativeRevision
from bienche.reports.render import PDF_UNAVAILABLE, render_docx
from bienche.reports.render import pdf as pdf_module
from bienche.reports.selectors import narrative_history, report_narratives
from bienche.staffing.tests.factories import staff

pytestmark = pytest.mark.django_db


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _report(users, **kw):
    args = {"year": 2023, "unit_code": None, "fmt": "state", "acting_user": users["admin"]}
    return services.report_create(**(args | kw))


def test_create_refuses_what_cannot_be_built(users):
    with pytest.raises(InvalidInput) as err:
        _report(users, year=2019)
    assert err.value.message == m.CANNOT_BUILD
    assert "Năm 2019 không có số liệu" in err.value.vi
    with pytest.raises(InvalidInput) as err:
        _report(users, unit_code="W3", year=2022)  # W3 was formed on 01/07/2023
    assert err.value.message == m.CANNOT_BUILD
    assert "không tồn tại vào ngày 31/12/2022" in err.value.vi
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


def test_narrative_is_sanitized(users):
    report = _report(users)
    dirty = (
        '<p onclick="x()">Hạn chế <b>lớn</b><script>alert(1)</script></p>'
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
    limitations = {s.key: s for s in iter_sections(draft_document(report).sections)}
    assert limitations["limitations"].blocks[0].html == rev.html


def test_stale_revision_conflicts_and_history_is_kept(users):
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
    history = [r.html for r in narrative_history(report, "limitations")]
    assert history == ["<p>hai</p>", "<p>một</p>"]
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


def test_freeze_stores_docx_with_the_officers_text_and_a_pdf(users):
    report = _report(users, unit_code="D1")
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
    assert "Chậm số hóa hồ sơ" in docx_text(bytes(version.docx))
    assert bytes(version.pdf).startswith(b"%PDF")
    assert version.pdf_missing_reason == ""
    assert AuditEntry.objects.get(action="reports.report_freeze").after["version"] == 1
    with pytest.raises(Forbidden):
        services.report_freeze(report=report, acting_user=users["viewer"])


def test_freeze_without_pdf_renderer_keeps_the_docx(users, monkeypatch):
    monkeypatch.setattr(pdf_module, "pdf_renderer", lambda: None)
    report = _report(users)
    version = services.report_freeze(report=report, acting_user=users["admin"])
    assert version.pdf is None
    assert version.pdf_missing_reason == PDF_UNAVAILABLE
    assert "BÁO CÁO" in docx_text(bytes(version.docx))
    assert services.report_freeze(report=report, acting_user=users["admin"]).number == 2


def _tables(doc, key):
    found = {s.key: s for s in iter_sections(doc.sections)}[key]
    return [b.rows for s in iter_sections([found]) for b in s.blocks if isinstance(b, Table)]


def test_frozen_snapshot_is_reproducible_after_data_changes(users, monkeypatch):
    monkeypatch.setattr(pdf_module, "pdf_renderer", lambda: None)
    report = _report(users, unit_code="D1")
    version = services.report_freeze(report=report, acting_user=users["admin"])
    frozen_tables = _tables(snapshot_document(version.snapshot), "staffing")
    assert frozen_tables == _tables(draft_document(report), "staffing")
    for n in range(90, 95):
        staff(n, "D1")  # five more people in D1 from before 2023
    version.refresh_from_db()
    snapshot = snapshot_document(version.snapshot)
    assert _tables(snapshot, "staffing") == frozen_tables
    assert docx_text(render_docx(snapshot)) == docx_text(bytes(version.docx))
    live = draft_document(report)
    assert _tables(live, "staffing") != frozen_tables


def test_letterhead_overrides_with_version(users):
    report = _report(users)
    args = {"number": "125/BC-BCĐ", "issued_on": None, "signer_name": "Lê C", "signer_title": ""}
    report = services.report_letterhead_update(
        report=report, expected_version=1, acting_user=users["admin"], **args
    )
    assert report.version == 2
    doc = draft_document(report)
    assert doc.letterhead.number == "125/BC-BCĐ"
    assert doc.letterhead.signature.name == "Lê C"
    assert doc.letterhead.signature.title == "TRƯỞNG BAN"  # blank keeps the builder's
    with pytest.raises(Conflict):
        services.report_letterhead_update(
            report=report, expected_version=1, acting_user=users["admin"], **args
        )


def test_frozen_versions_and_revisions_cannot_be_updated(users, monkeypatch):
    monkeypatch.setattr(pdf_module, "pdf_renderer", lambda: None)
    report = _report(users)
    services.report_narrative_save(
        report=report,
        section_key="limitations",
        html="<p>Một</p>",
        expected_revision=0,
        acting_user=users["admin"],
    )
    version = services.report_freeze(report=report, acting_user=users["admin"])
    with pytest.raises(DatabaseError), transaction.atomic():
        FrozenVersion.objects.filter(pk=version.pk).update(docx=b"forged")
    with pytest.raises(DatabaseError), transaction.atomic():
        NarrativeRevision.objects.filter(report=report).update(html="<p>Sửa lén</p>")
    assert NarrativeRevision.objects.get(report=report).html == "<p>Một</p>"
