"""Hòa Lạc pages: the dashboard answers the committee's questions, a project moves stage by
stage from its page (stale forms get 409), imports are all-or-nothing, exports open."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from bienche.investment.enums import LandUse, Stage
from bienche.investment.models import Project
from bienche.investment.permissions import BOARD_CODE
from bienche.investment.tests.factories import land_project, park, project, walk_to
from bienche.web.tests.steering_support import _client

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def board(django_user_model):
    park()
    return _client(django_user_model, "bql", "unit_officer", BOARD_CODE)


@pytest.fixture
def viewer(django_user_model):
    return _client(django_user_model, "v", "viewer", "HN")


def _stage_post(client, p, **kw):
    data = {
        "stage-stage": kw.get("stage", Stage.CONTACTED),
        "stage-on": kw.get("on", "2024-03-01"),
        "stage-next_step": kw.get("next_step", "Khảo sát thực địa"),
        "stage-next_step_days": "10",
        "stage-note": "",
        "stage-expected_version": kw.get("version", p.version),
    }
    return client.post(f"/hoalac/projects/{p.code}/stage/", data)


def test_dashboard_counts_projects_capital_land_and_obstacles(board):
    walk_to(land_project(ha=4), Stage.OPERATION, amount=3 * 10**12)
    walk_to(land_project(ha=1), Stage.REGISTRATION, amount=10**12)
    project()
    html = board.get("/hoalac/").content.decode()
    assert 'data-testid="total-projects">2<' in html
    assert 'data-testid="total-registered">4.000,0<' in html
    assert 'data-testid="stage-operation">1<' in html
    assert 'data-testid="pipeline-open">1<' in html
    # Z1 plans 15 ha (10 industry + 5 research); 4 ha occupied
    assert 'data-testid="occupancy-Z1">26,7%' in html or 'data-testid="occupancy-Z1">26.7%' in html


def test_project_moves_to_the_next_stage_from_its_page(board):
    p = project(stage_on=D(2024, 1, 2))
    resp = _stage_post(board, p)
    assert resp.status_code == 302
    p.refresh_from_db()
    assert (p.stage, p.next_step) == (Stage.CONTACTED, "Khảo sát thực địa")
    page = board.get(f"/hoalac/projects/{p.code}/").content.decode()
    assert "Khảo sát thực địa" in page


def test_stale_form_is_409_and_writes_nothing(board):
    p = project(stage_on=D(2024, 1, 2))
    _stage_post(board, p)
    resp = _stage_post(board, p, stage=Stage.SITE_VISIT, version=1)
    assert resp.status_code == 409
    p.refresh_from_db()
    assert p.stage == Stage.CONTACTED


def test_out_of_order_stage_comes_back_with_the_reason(board):
    p = project(stage_on=D(2024, 1, 2))
    resp = _stage_post(board, p, stage=Stage.MOU)
    assert resp.status_code == 422
    assert "has-error" in resp.content.decode() or "form-error" in resp.content.decode()
    p.refresh_from_db()
    assert p.stage == Stage.LEAD


def test_readers_see_but_cannot_write(board, viewer):
    p = project()
    assert viewer.get(f"/hoalac/projects/{p.code}/").status_code == 200
    assert _stage_post(viewer, p).status_code == 403
    assert viewer.get("/hoalac/projects/new/").status_code == 403


def test_contacts_only_for_the_board(board, viewer):
    from bienche.investment.services.investors import investor_create

    inv = investor_create(
        name="Samsung Display",
        country="KR",
        sector="industry",
        contacts="Ông Kim, 0901",
        acting_user=None,
    )
    assert "0901" in board.get(f"/hoalac/investors/{inv.pk}/").content.decode()
    assert "0901" not in viewer.get(f"/hoalac/investors/{inv.pk}/").content.decode()


def test_pages_render(board):
    walk_to(land_project(ha=2), Stage.LAND)
    for url in (
        "/hoalac/board/",
        "/hoalac/projects/?stage=land",
        "/hoalac/land/",
        "/hoalac/obstacles/",
        "/hoalac/investors/",
        "/hoalac/model/",
        "/hoalac/projects/new/",
        "/hoalac/projects/import/",
        "/hoalac/investors/new/",
    ):
        assert board.get(url).status_code == 200, url


def test_export_opens_with_the_filtered_projects(board):
    walk_to(land_project(ha=2), Stage.LAND)
    project()
    resp = board.get("/hoalac/projects.xlsx?stage=land")
    wb = openpyxl.load_workbook(io.BytesIO(b"".join(resp.streaming_content)))
    rows = list(wb.active.iter_rows(values_only=True))
    assert rows[0][0] == "Mã dự án"
    assert len(rows) == 2
    assert rows[1][6] == "Giao đất, cho thuê đất"


def _workbook(rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(
        [
            "Mã dự án",
            "Tên dự án",
            "Nhà đầu tư",
            "Quốc gia",
            "Lĩnh vực",
            "Luồng",
            "Giai đoạn",
            "Ngày vào giai đoạn",
            "Phân khu",
            "Mục đích sử dụng đất",
            "Diện tích (ha)",
            "Số GCN",
            "Ngày GCN",
            "Vốn đăng ký",
            "Bước tiếp theo",
        ]
    )
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    buf.name = "du-an.xlsx"
    return buf


GOOD = [
    "HL-900",
    "Nhà máy chip",
    "Công ty Bán dẫn Sao Việt",
    "VN",
    "industry",
    "new",
    "Đăng ký đầu tư",
    "2024-05-02",
    "Z1",
    "industry",
    "3",
    "GCN-9",
    "2024-05-02",
    "500000000000",
    "Giao đất",
]


def test_import_is_all_or_nothing_with_row_and_column(board):
    bad = list(GOOD)
    bad[0], bad[10] = "HL-901", "12"  # 3 + 12 ha > 10 ha of industry in Z1
    resp = board.post("/hoalac/projects/import/", {"file": _workbook([GOOD, bad])})
    assert resp.status_code == 422
    html = resp.content.decode()
    assert "import-problems" in html
    assert '<td class="num">3</td><td>Diện tích (ha)</td>' in html
    assert not Project.objects.filter(code__in=["HL-900", "HL-901"]).exists()
    resp = board.post("/hoalac/projects/import/", {"file": _workbook([GOOD])})
    assert resp.status_code == 302
    p = Project.objects.get(code="HL-900")
    assert (p.stage, p.land_use, p.certificates.get().amount_vnd) == (
        Stage.REGISTRATION,
        LandUse.INDUSTRY,
        500_000_000_000,
    )


def test_import_flags_a_duplicate_investor_spelling(board):
    from bienche.investment.services.investors import investor_create

    investor_create(
        name="Công ty CP Bán dẫn Sao Việt", country="VN", sector="industry", acting_user=None
    )
    row = list(GOOD)
    row[2] = "CONG TY CO PHAN BAN DAN SAO VIET 2"
    resp = board.post("/hoalac/projects/import/", {"file": _workbook([row])})
    assert resp.status_code == 422
    assert "Nhà đầu tư" in resp.content.decode()


def test_edit_rechecks_the_land_of_a_committed_project(board):
    p = walk_to(land_project(ha=6), Stage.LAND)
    data = {
        "edit-expected_version": p.version,
        "edit-name": p.name,
        "edit-sector": p.sector,
        "edit-zone_code": "Z1",
        "edit-land_use": "industry",
        "edit-land_ha": "12",
        "edit-jobs_planned": "100",
        "edit-jobs_created": "40",
    }
    resp = board.post(f"/hoalac/projects/{p.code}/edit/", data)
    assert resp.status_code == 422
    p.refresh_from_db()
    assert p.land_ha == 6
    resp = board.post(f"/hoalac/projects/{p.code}/edit/", data | {"edit-land_ha": "8"})
    assert resp.status_code == 302
    p.refresh_from_db()
    assert (p.land_ha, p.jobs_created) == (8, 40)


def test_model_page_shows_the_board_and_its_powers(board):
    html = board.get("/hoalac/model/").content.decode()
    assert 'data-testid="board-unit"' in html
    assert 'data-testid="unit-powers"' in html


def test_certificate_disbursement_and_close_from_the_page(board):
    p = project(stage_on=D(2024, 1, 2))
    v = {"expected_version": p.version}
    cert = {"number": "GCN-W", "issued_on": "2024-02-01", "amount": "1000", "currency": "VND"}
    resp = board.post(
        f"/hoalac/projects/{p.code}/certificate/",
        {f"certificate-{k}": x for k, x in (cert | v).items()},
    )
    assert resp.status_code == 302
    p.refresh_from_db()
    too_much = {"on": "2024-03-01", "amount": "2000", "currency": "VND", "note": ""}
    resp = board.post(
        f"/hoalac/projects/{p.code}/disbursement/",
        {f"disbursement-{k}": x for k, x in (too_much | {"expected_version": p.version}).items()},
    )
    assert resp.status_code == 422
    resp = board.post(
        f"/hoalac/projects/{p.code}/drop/",
        {"drop-on": "2024-03-01", "drop-reason": "Rút", "drop-expected_version": p.version},
    )
    assert resp.status_code == 302
    p.refresh_from_db()
    assert (p.certificates.count(), p.disbursements.count(), p.status) == (1, 0, "dropped")
