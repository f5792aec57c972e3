"""The city's 2023 report on the Hà Nội demo (a small synthetic history): its staffing and
task figures equal what the /staffing/ and /steering/ dashboards show for 31/12/2023, every
section has data, a unit's report counts its subtree only, and the DOCX opens.

The demo is built once for the module inside a transaction rolled back at its end."""

from __future__ import annotations

import datetime as dt
import io
import time

import pytest
from django.db import transaction
from docx import Document as open_docx

from bienche.demo.build import build_demo
from bienche.reports.annual import build_annual
from bienche.reports.content import Paragraph, Table
from bienche.reports.render import render_docx
from bienche.steering.scorecard import scorecard

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = D(2026, 11, 25)
END = D(2023, 12, 31)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        build_demo(progress=False, territory=False, scale=0.05)
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def city(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return build_annual(2023, today=TODAY)


def sections(doc):
    return {sub.key: sub for s in doc.sections for sub in [s, *s.subsections]}


def table(section, title_start):
    return next(
        b for b in section.blocks if isinstance(b, Table) and b.title.startswith(title_start)
    )


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw-12345678")
    client.force_login(user)
    return client


def test_every_section_has_data(city):
    s = sections(city)
    for key in (
        "apparatus",
        "staffing",
        "pay",
        "delegation",
        "recruitment",
        "psu",
        "steering",
        "hoalac",
    ):
        first = s[key].blocks[0]
        assert not (isinstance(first, Paragraph) and first.text.startswith("Chưa có số liệu")), key
    assert any(isinstance(b, Table) for b in s["recruitment"].blocks)
    assert table(s["recruitment"], "Thi tuyển chức danh lãnh đạo").rows
    pilot = table(s["psu"], "Đánh giá thí điểm theo khu vực")
    assert {r[0] for r in pilot.rows} == {
        "Các quận (đô thị)",
        "Các huyện (nông thôn)",
        "Các xã miền núi",
    }


def test_staffing_figures_equal_the_staffing_dashboard(city, admin):
    page = admin.get("/staffing/", {"on": END.isoformat(), "unit": "HN"})
    summary = page.context["summary"]
    quota = table(sections(city)["staffing"], "Biên chế được giao")
    assert [r[1:] for r in quota.rows[:-1]] == [
        (r["quota"], r["actual"], r["gap"]) for r in summary["by_kind"]
    ]
    assert quota.rows[-1][2] == sum(r["actual"] for r in summary["by_kind"]) > 0


def test_task_figures_equal_the_steering_dashboard(city, admin):
    page = admin.get("/steering/", {"on": END.isoformat()})
    card = page.context["card"]
    totals = dict(table(sections(city)["steering"], "Nhiệm vụ giao trong năm").rows)
    assert totals["Tổng số"] == card["total"]["assigned"] > 0
    assert totals["Hoàn thành đúng hạn"] == card["total"]["done_on_time"]
    assert totals["Chưa hoàn thành, quá hạn"] == card["total"]["open_overdue"]
    weakest = table(sections(city)["steering"], "Các đơn vị có tỷ lệ")
    assert [r[0] for r in weakest.rows] == [u["unit"] for u in page.context["weakest"]]
    text = sections(city)["limitations"].blocks[0].text
    assert text.startswith(f"Còn {page.context['overdue_total']} nhiệm vụ chưa hoàn thành quá hạn")


def test_a_department_report_counts_its_subtree(demo):
    doc = build_annual(2023, "HN.S.NV", today=TODAY)
    s = sections(doc)
    assert "hoalac" not in s
    card = scorecard(D(2023, 1, 1), END, unit_code="HN.S.NV")
    totals = dict(table(s["steering"], "Nhiệm vụ giao trong năm").rows)
    assert totals["Tổng số"] == card["total"]["assigned"]
    city_totals = dict(
        table(sections(build_annual(2023, today=TODAY))["steering"], "Nhiệm vụ giao trong năm").rows
    )
    assert 0 < totals["Tổng số"] < city_totals["Tổng số"]


def test_docx_opens_with_the_figures(city):
    started = time.perf_counter()
    data = render_docx(city)
    seconds = time.perf_counter() - started
    docx = open_docx(io.BytesIO(data))
    text = "\n".join(p.text for p in docx.paragraphs)
    assert "năm 2023 và nhiệm vụ trọng tâm năm 2024" in text
    assert len(docx.tables) >= 15
    assert seconds < 10


def test_city_report_queries_are_bounded(demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(150):
        build_annual(2023, today=TODAY)


def test_the_park_boards_report_has_the_hoa_lac_section(demo):
    s = sections(build_annual(2023, "HN.BQL.HOALAC", today=TODAY))
    assert s["hoalac"].blocks[0].text.startswith("Đến ngày 31/12/2023, Khu Công nghệ cao Hòa Lạc")
    assert table(s["hoalac"], "Dự án theo giai đoạn").source.query == (
        "bienche.investment.dashboard.dashboard"
    )
