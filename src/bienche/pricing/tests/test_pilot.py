"""The pilot evaluation: school figures by hand, verdicts with reasons, bad accounts refused,
and the DOCX report."""

import zipfile
from xml.dom import minidom

import pytest

from bienche.pricing import messages as m
from bienche.pricing.models import SchoolAccount
from bienche.pricing.pilot import ADJUST, CONTINUE, STOP, Criteria, SchoolYear, school_result
from bienche.pricing.report import pilot_report_docx
from bienche.pricing.selectors import pilot_evaluation
from bienche.pricing.services.pilot import school_accounts_record
from bienche.pricing.tests.factories import account, pilot_schools

pytestmark = pytest.mark.django_db


def test_school_figures_by_hand():
    # 100 children × 9 months at 1,650,000 = 1,485,000,000; families pay 300,000 a month
    # (270,000,000), previously 217,000 (195,300,000): +74,700,000, i.e. +83,000 a child-month.
    s = SchoolYear(
        "U1",
        "Trường",
        "Quận Một",
        "urban",
        100,
        9,
        270_000_000,
        1_215_000_000,
        1_100_000_000,
        1_600_000_000,
        217_000,
    )
    r = school_result(s)
    assert r.revenue == 1_485_000_000
    assert r.coverage_bp == 9281  # 1,485 ÷ 1,600 = 92.8125 % → 92.81 %
    assert r.gap == 115_000_000
    assert (r.family_effect, r.family_effect_per_child_month) == (74_700_000, 83_000)
    assert r.budget_effect == 115_000_000


def _load(factors: dict[str, float]) -> None:
    codes = pilot_schools()
    rows = []
    for n, code in enumerate(codes, start=2):
        area = {"U": "urban", "R": "rural", "M": "mountain"}[code[0]]
        rows.append((n, account(code, area, cost_factor=factors[area])))
    assert school_accounts_record(year=2023, rows=rows, acting_user=None) == []


def test_verdict_per_area_with_reasons():
    _load({"urban": 1.0, "rural": 1.15, "mountain": 1.4})
    ev = pilot_evaluation(2023, Criteria())
    got = {v.group: v.verdict for v in ev["by_area"]}
    # coverage: urban 100 % → continue; rural 1/1.15 = 86.95 % → adjust; mountain 71.42 % → stop
    assert got == {"urban": CONTINUE, "rural": ADJUST, "mountain": STOP}
    rural = next(v for v in ev["by_area"] if v.group == "rural")
    assert rural.median_coverage_bp == 8695
    assert [c.passed for c in rural.checks] == [True, False, True, True]
    # loosen one criterion: rural now continues
    looser = pilot_evaluation(2023, Criteria(continue_from=85))
    assert {v.group: v.verdict for v in looser["by_area"]}["rural"] == CONTINUE


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"total_cost": 1}, m.COSTS_DONT_ADD),
        ({"budget": 1}, m.REVENUE_DONT_ADD),
        ({"code": "X9"}, m.SCHOOL_OUTSIDE),
        ({"enrolment": -5}, m.NEGATIVE),
    ],
)
def test_bad_accounts_write_nothing(change, message):
    pilot_schools()
    rows = [(2, account("U1", "urban")), (3, account("U2", "urban") | change)]
    problems = school_accounts_record(year=2023, rows=rows, acting_user=None)
    assert len(problems) == 1
    assert problems[0].row == 3
    fixed = max(message.vi.split("{"), key=len).split("}")[-1].strip()
    assert fixed in problems[0].vi  # the message's own words, with this row's figures
    assert SchoolAccount.objects.count() == 0


def test_duplicate_school_is_refused():
    pilot_schools()
    rows = [(2, account("U1", "urban")), (3, account("U1", "urban"))]
    problems = school_accounts_record(year=2023, rows=rows, acting_user=None)
    assert [(p.row, p.column) for p in problems] == [(3, "code")]
    assert "dòng 2 và dòng 3" in problems[0].vi
    assert SchoolAccount.objects.count() == 0


def test_report_is_a_real_docx(tmp_path):
    _load({"urban": 1.0, "rural": 1.15, "mountain": 1.4})
    path = tmp_path / "pilot.docx"
    out = pilot_report_docx(2023, Criteria(), path)
    assert out["verdicts"] == {"mountain": STOP, "rural": ADJUST, "urban": CONTINUE}
    with zipfile.ZipFile(path) as z:
        assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml"} <= set(z.namelist())
        xml = z.read("word/document.xml").decode()
    minidom.parseString(xml)  # well-formed
    assert "BÁO CÁO ĐÁNH GIÁ THÍ ĐIỂM" in xml
    assert "Tiếp tục có điều chỉnh" in xml or "Continue with adjustment" in xml
    assert "Dừng" in xml or "Stop" in xml
