"""The annual report on a small world: every section present, figures equal to the
selectors', sources on every table and chart, scope, narratives, and the refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from bienche.org.selectors import unit_counts_as_of, unit_get
from bienche.reports import messages as m
from bienche.reports.annual import ReportError, build_annual
from bienche.reports.content import Chart, Paragraph, RichText, Table
from bienche.reports.tests.world import build_world
from bienche.staffing.selectors import staffing_summary
from bienche.steering.scorecard import scorecard

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = D(2026, 11, 25)
RESULT_KEYS = [
    "apparatus",
    "staffing",
    "pay",
    "delegation",
    "recruitment",
    "psu",
    "steering",
    "hoalac",
]


@pytest.fixture
def world():
    build_world()


def sections(doc):
    out = {}
    for s in doc.sections:
        out[s.key] = s
        for sub in s.subsections:
            out[sub.key] = sub
    return out


def table(section, title_start):
    return next(
        b for b in section.blocks if isinstance(b, Table) and b.title.startswith(title_start)
    )


def test_every_section_in_order_with_sources(world):
    doc = build_annual(2023, today=TODAY)
    assert [s.key for s in doc.sections] == ["results", "limitations", "next_year_tasks"]
    assert [s.key for s in doc.sections[0].subsections] == RESULT_KEYS
    assert [s.editable for s in doc.sections] == [False, True, True]
    assert doc.sections[2].heading == "Nhiệm vụ trọng tâm năm 2024"
    figures = [b for s in sections(doc).values() for b in s.blocks if isinstance(b, Table | Chart)]
    assert len(figures) >= 8
    for block in figures:
        assert block.source.query.startswith("bienche.")
        assert block.source.as_of == D(2023, 12, 31)
    assert all(src.query for src in doc.sources())
    # Apps without data say so in one paragraph rather than vanishing.
    for key in ("delegation", "recruitment", "psu", "hoalac"):
        (only,) = sections(doc)[key].blocks
        assert isinstance(only, Paragraph)
        assert only.text.startswith("Chưa có số liệu")


def test_letterhead_per_format(world):
    state = build_annual(2023, today=TODAY).letterhead
    assert (state.format, state.parent_body, state.issuing_body) == (
        "state",
        "UBND THÀNH PHỐ HÀ NỘI",
        "BAN CHỈ ĐẠO QUẢN LÝ TỔ CHỨC VÀ BIÊN CHẾ",
    )
    assert state.number.endswith("/BC-BCĐ")
    assert state.signature.prefix == "T/M BAN CHỈ ĐẠO"
    assert state.summary.endswith("năm 2023 và nhiệm vụ trọng tâm năm 2024")
    assert state.issued_on == TODAY
    party = build_annual(2023, fmt="party", today=TODAY).letterhead
    assert (party.parent_body, party.issuing_body) == ("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "THÀNH ỦY")
    assert party.number.endswith("-BC/TU")
    assert ":" not in party.number
    assert party.signature.prefix.startswith("T/M ")


def test_apparatus_counts_equal_the_registry(world):
    s = sections(build_annual(2023, today=TODAY))["apparatus"]
    by_kind = table(s, "Số đơn vị theo loại")
    start, end = unit_counts_as_of(D(2023, 1, 1)), unit_counts_as_of(D(2023, 12, 31))
    assert by_kind.rows[-1] == ("Tổng số", start["total"], end["total"], -1)
    assert ("Phường", 2, 1, -1) in by_kind.rows
    events = table(s, "Các sự kiện")
    assert [r[:4] for r in events.rows] == [
        ("15/NQ-HĐND", "HĐND TP", D(2023, 6, 20), "Hợp nhất thành đơn vị mới")
    ]


def test_staffing_figures_equal_the_dashboard_selector(world):
    s = sections(build_annual(2023, today=TODAY))["staffing"]
    summary = staffing_summary(unit_get("HN").pk, D(2023, 12, 31))
    quota = table(s, "Biên chế được giao")
    expected = [(r["quota"], r["actual"], r["gap"]) for r in summary["by_kind"]]
    assert [r[1:] for r in quota.rows[:-1]] == expected
    assert quota.rows[-1] == ("Tổng số", 24, 11, 13)
    stream = table(s, "Tinh giản biên chế giai đoạn 2022-2026")
    assert stream.rows[0][:3] == ("Biên chế công chức", 20, 20)


def test_steering_figures_equal_the_dashboard_scorecard(world):
    s = sections(build_annual(2023, today=TODAY))["steering"]
    card = scorecard(D(2023, 1, 1), D(2023, 12, 31))  # the dashboard's call for that date
    totals = dict(table(s, "Nhiệm vụ giao trong năm").rows)
    assert totals["Tổng số"] == card["total"]["assigned"] == 5
    assert totals["Hoàn thành đúng hạn"] == card["total"]["done_on_time"] == 2
    assert totals["Chưa hoàn thành, quá hạn"] == card["total"]["open_overdue"] == 1
    weakest = table(s, "Các đơn vị có tỷ lệ")
    assert weakest.rows[0][:2] == ("D1", "Quận Một")
    assert weakest.rows[0][-1] == 33.3


def test_pay_section_shows_the_july_base_salary_rise(world):
    s = sections(build_annual(2023, today=TODAY))["pay"]
    effect = table(s, "Tác động của điều chỉnh")
    (row,) = effect.rows
    assert row[:4] == (D(2023, 7, 1), row[1], 1_490_000, 1_800_000)
    assert row[6] == row[5] - row[4] > 0
    lead = s.blocks[0].text
    assert "danh sách hưởng lương tại ngày 01/01/2023: 9 người" in lead
    assert lead.endswith(
        "Có 2 người chưa tính được lương do thiếu hoặc sai dữ liệu (chưa tính vào số trên)."
    )


def test_a_scoped_pay_section_covers_the_subtree(world):
    lead = sections(build_annual(2023, "S1", today=TODAY))["pay"].blocks[0].text
    assert "danh sách hưởng lương tại ngày 01/01/2023: 4 người" in lead


def test_editable_sections_are_prefilled_from_overdue_tasks_and_targets(world):
    s = sections(build_annual(2023, today=TODAY))
    texts = [b.text for b in s["limitations"].blocks]
    assert texts[0].startswith("Còn 1 nhiệm vụ chưa hoàn thành quá hạn")
    assert "Quận Một (1)" in texts[0]
    assert any("mục tiêu 5,0%" in t for t in texts)
    assert any("1 nhiệm vụ còn quá hạn" in b.text for b in s["next_year_tasks"].blocks)


def test_narratives_replace_the_editable_body_sanitized(world):
    html = '<p onclick="x()">Hạn chế <strong>chính</strong></p><script>alert(1)</script>'
    doc = build_annual(2023, narratives={"limitations": html}, today=TODAY)
    assert sections(doc)["limitations"].blocks == [
        RichText("<p>Hạn chế <strong>chính</strong></p>")
    ]
    assert isinstance(sections(doc)["next_year_tasks"].blocks[0], Paragraph)
    with pytest.raises(ReportError) as exc:
        build_annual(2023, narratives={"staffing": "<p>x</p>"}, today=TODAY)
    assert exc.value.message == m.NARRATIVE_UNKNOWN


def test_scoped_report_counts_only_the_subtree(world):
    doc = build_annual(2023, "D1", today=TODAY)
    s = sections(doc)
    assert "hoalac" not in s  # the park's board is outside D1
    assert doc.letterhead.summary.endswith("của Quận Một năm 2023 và nhiệm vụ trọng tâm năm 2024")
    quota = table(s["staffing"], "Biên chế được giao")
    assert quota.rows[-1] == ("Tổng số", 10, 5, 5)  # D1 and its wards only
    totals = dict(table(s["steering"], "Nhiệm vụ giao trong năm").rows)
    assert (
        totals["Tổng số"]
        == scorecard(D(2023, 1, 1), D(2023, 12, 31), unit_code="D1")["total"]["assigned"]
        == 4
    )  # S1's task is not D1's
    by_kind = table(s["apparatus"], "Số đơn vị theo loại")
    assert by_kind.rows[-1] == ("Tổng số", 3, 2, -1)


@pytest.mark.parametrize(
    ("year", "unit", "message", "words"),
    [
        (2027, None, m.YEAR_IN_FUTURE, ["2027"]),
        (2019, None, m.YEAR_BEFORE_REGISTRY, ["2019", "01/01/2020"]),
        (2023, "NOPE", m.SCOPE_UNKNOWN, ["NOPE"]),
        (2023, "W1", m.SCOPE_NOT_IN_YEAR, ["Phường Một", "W1", "01/01/2020", "30/06/2023"]),
    ],
)
def test_refusals_name_the_reason(world, year, unit, message, words):
    with pytest.raises(ReportError) as exc:
        build_annual(year, unit, today=TODAY)
    assert exc.value.message == message
    assert isinstance(exc.value, ValueError)
    for word in words:
        assert word in str(exc.value)


def test_empty_registry_is_refused():
    with pytest.raises(ReportError) as exc:
        build_annual(2023, today=TODAY)
    assert exc.value.message == m.REGISTRY_EMPTY


def test_current_year_is_read_as_of_today(world):
    doc = build_annual(2024, today=D(2024, 5, 10))
    staffing = sections(doc)["staffing"]
    assert table(staffing, "Biên chế được giao").source.as_of == D(2024, 5, 10)


def test_queries_are_bounded(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(70):  # 63 measured: no query per unit or task
        build_annual(2023, today=TODAY)


def test_a_unit_without_data_says_so_section_by_section(world):
    doc = build_annual(2023, "C1", today=TODAY)
    s = sections(doc)
    assert "hoalac" not in s
    for key in ("staffing", "pay", "recruitment", "psu", "steering"):
        (only,) = s[key].blocks
        assert only.text.startswith("Chưa có số liệu"), key
        assert "Xã Một" in only.text
    assert s["delegation"].blocks[0].text.startswith("Chưa có số liệu")
    assert s["limitations"].blocks[0].style == "note"


def test_prefilled_paragraphs_with_figures_carry_their_source(world):
    doc = build_annual(2023, today=TODAY)
    for key in ("limitations", "next_year_tasks"):
        for block in sections(doc)[key].blocks:
            figures = any(ch.isdigit() for ch in block.text.replace("2022-2026", ""))
            assert block.sources or not figures, block.text
